"""Attendance reports of online meetings (Microsoft Teams and plain lists), read into attendees.

Teams writes its report as UTF-16 text with tabs, in numbered sections: a
summary, the participants (one row each, durations already summed) and the
in-meeting activities (one row per join). Section titles are translated and
header casing varies, so sections are found by their numbers and columns by a
few names in several languages. A file without sections is one table of
participants, possibly with a row per join.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.csv_reading import decode, sniff_separator
from mentordesk.formats.reading import read_table
from mentordesk.formats.safety import Container, classify
from mentordesk.formats.tables import CellValue
from mentordesk.formats.text import clean_text

_SECTION = re.compile(r"^\s*(\d)\s*[.)]\s*\S")
_DURATION_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|std|m|min|mins|minutes?|s|sec|secs|seconds?)\b"
)
_CLOCK = re.compile(r"^(\d+):(\d{1,2})(?::(\d{1,2}))?$")

_NAME = ("name", "full name", "display name", "nom", "nombre", "teilnehmer", "participant")
_EMAIL = ("email", "e-mail", "email address", "mail", "courriel", "e-mail-adresse")
_UPN = ("participant id (upn)", "upn", "user principal name")
_DURATION = (
    "in-meeting duration",
    "duration",
    "attendance duration",
    "time in meeting",
    "dauer in der besprechung",
    "dauer",
    "durée dans la réunion",
    "durée",
    "duración",
)


@dataclass
class ReportedAttendee:
    """One person as the report names them, with their time in the meeting.

    Attributes:
        minutes: total minutes attended, or None when the report does not say
            (an admin policy can leave durations out) or says it unreadably.
        rows: the report's line numbers this attendee came from.
    """

    name: str
    email: str | None
    minutes: int | None
    rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class AttendanceReport:
    """Everyone an attendance report lists, one entry per person."""

    source: str
    attendees: tuple[ReportedAttendee, ...]
    notices: tuple[str, ...] = ()


def read_attendance_report(path: Path) -> AttendanceReport:
    """Read a Teams attendance report (.csv, any section layout) or a plain list (.xlsx/.csv).

    Raises:
        UnreadableFile: not a readable file, or no column naming the attendees.
    """
    if classify(path) is Container.TEXT:
        text, _encoding, notices = decode(path.read_bytes(), path.name)
        # Teams separates with tabs, and its summary's dates hold commas that would
        # mislead a guess made over the whole file.
        separator = "\t" if "\t" in text else sniff_separator(text)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        numbered: list[tuple[int, list[CellValue]]] = [
            (n, [cell.strip() or None for cell in row]) for n, row in enumerate(reader, start=1)
        ]
    else:
        table = read_table(path)
        numbered = [(table.header_row, list(table.headers))]
        numbered += [(n, list(row)) for n, row in zip(table.row_numbers, table.rows, strict=True)]
        notices = table.notices
    sections = _sections(numbered)
    if 2 in sections:
        attendees = _attendees(path.name, sections[2], merge=False)
    elif 3 in sections:
        attendees = _attendees(path.name, sections[3], merge=True)
    else:
        attendees = _attendees(path.name, sections.get(0, numbered), merge=True)
    return AttendanceReport(path.name, tuple(attendees), tuple(notices))


def _sections(
    rows: list[tuple[int, list[CellValue]]],
) -> dict[int, list[tuple[int, list[CellValue]]]]:
    """Rows by section number; rows before any numbered title are section 0."""
    sections: dict[int, list[tuple[int, list[CellValue]]]] = {}
    current = 0
    for number, row in rows:
        filled = [c for c in row if c not in (None, "")]
        if len(filled) == 1 and isinstance(filled[0], str) and (m := _SECTION.match(filled[0])):
            current = int(m.group(1))
            sections.setdefault(current, [])
            continue
        if filled:
            sections.setdefault(current, []).append((number, row))
    return sections


def _column(headers: Sequence[str], names: Sequence[str]) -> int | None:
    for wanted in names:
        for index, header in enumerate(headers):
            if header == wanted:
                return index
    return None


def _attendees(
    source: str, rows: list[tuple[int, list[CellValue]]], *, merge: bool
) -> list[ReportedAttendee]:
    if not rows:
        raise UnreadableFile(f"“{source}” lists nobody: it has no participant rows.")
    header_number, header_row = rows[0]
    headers = [clean_text(str(h or "")).lower() for h in header_row]
    name_at = _column(headers, _NAME)
    email_at = _column(headers, _EMAIL)
    upn_at = _column(headers, _UPN)
    duration_at = _column(headers, _DURATION)
    if name_at is None and email_at is None and upn_at is None:
        raise UnreadableFile(
            f"“{source}” does not look like an attendance report: no column is called Name "
            f"or Email (row {header_number} reads: {', '.join(h for h in headers if h)[:120]})."
        )
    attendees: list[ReportedAttendee] = []
    by_key: dict[str, ReportedAttendee] = {}
    for number, row in rows[1:]:
        email = _email(_text(row, email_at)) or _email(_text(row, upn_at))
        name = _text(row, name_at) or (email or "")
        if not name:
            continue
        minutes = parse_minutes(_text(row, duration_at)) if duration_at is not None else None
        key = email or name.casefold()
        if merge and key in by_key:
            seen = by_key[key]
            seen.minutes = combine_minutes(seen.minutes, minutes)
            seen.rows.append(number)
            continue
        attendee = ReportedAttendee(name, email, minutes, [number])
        by_key[key] = attendee
        attendees.append(attendee)
    if not attendees:
        raise UnreadableFile(
            f"“{source}” has a header row but nobody listed under it, so there is nothing "
            "to import. Check that this is the report of the right meeting."
        )
    return attendees


def _text(row: Sequence[CellValue], at: int | None) -> str:
    if at is None or at >= len(row) or row[at] is None:
        return ""
    return clean_text(str(row[at]))


def _email(text: str) -> str | None:
    text = text.strip().lower()
    return text if "@" in text and " " not in text else None


def combine_minutes(total: int | None, more: int | None) -> int | None:
    """Minutes of two stays in a meeting together; an unknown stay adds nothing known."""
    if total is None or more is None:
        return total if more is None else more
    return total + more


def parse_minutes(text: str) -> int | None:
    """Minutes in a duration as reports write it: ``1h 27m 51s``, ``01:27:51``, ``87``.

    Seconds are rounded to the nearest minute. Returns None for an empty or
    unreadable duration, which means "unknown", never zero.
    """
    text = text.strip().lower()
    if not text:
        return None
    if text.replace(".", "", 1).isdigit():
        return round(float(text))
    if clock := _CLOCK.match(text):
        # 1:27 is an hour and 27 minutes, as spreadsheets show durations.
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return round(hours * 60 + minutes + seconds / 60)
    parts = _DURATION_PART.findall(text)
    if not parts or _DURATION_PART.sub("", text).strip(" ,"):
        return None
    total = 0.0
    for amount, unit in parts:
        value = float(amount.replace(",", "."))
        total += (
            value * 60
            if unit.startswith(("h", "std"))
            else value / 60
            if unit.startswith("s")
            else value
        )
    return round(total)
