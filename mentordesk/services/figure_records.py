"""The records behind a figure of the Dashboard: exactly those it counts, as a table.

Every :class:`~mentordesk.services.dashboard.Count` carries a
:class:`~mentordesk.services.dashboard.RecordKey`; :func:`figure_records` lists the
records of that key still in the file, one row each, so any number shown can be
opened, checked and exported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.formats.tables import CellValue
from mentordesk.services.applicants import APPLICANT_HEADERS, applicant_rows
from mentordesk.services.collation import sort_key
from mentordesk.services.dashboard import RecordKey, RecordKind, gender_label
from mentordesk.services.events import reply_text
from mentordesk.services.pairings import overdue_check_ins, pairing_rows
from mentordesk.services.programmes import get_programme
from mentordesk.store.models import Application, Attendance, Event, Person, Strand

#: Ids per query when records are looked up by id (SQLite limits the parameters of one query).
_IDS_PER_QUERY = 900


@dataclass(frozen=True)
class RecordTable:
    """The records behind a figure, one row each, ready to show or export.

    Attributes:
        title: what the records are (the key's title).
        headers: the column titles.
        rows: one row per record still in the file, of plain values (dates as dates).
        ids: the id of each row's record, in the order of ``rows``.
        numeric_columns: columns holding numbers.
        date_columns: columns holding dates.
    """

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    ids: tuple[int, ...]
    numeric_columns: frozenset[int] = frozenset()
    date_columns: frozenset[int] = frozenset()


def figure_records(session: Session, key: RecordKey) -> RecordTable:
    """The records a figure counts, as a table: those of ``key.ids`` still in the file.

    Raises:
        NotFound: the figure's programme no longer exists.
    """
    programme = get_programme(session, key.programme_id)
    wanted = set(key.ids)
    if key.kind is RecordKind.APPLICATIONS:
        return _application_table(session, key, wanted)
    if key.kind is RecordKind.PAIRINGS:
        return _pairing_table(session, key, wanted)
    if key.kind is RecordKind.CHECK_INS:
        return _check_in_table(session, key, wanted)
    if key.kind is RecordKind.ATTENDANCE:
        return _attendance_table(session, key, ZoneInfo(programme.timezone))
    return _people_table(session, key)


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield ids[start : start + _IDS_PER_QUERY]


def _application_table(session: Session, key: RecordKey, wanted: set[int]) -> RecordTable:
    rows = [r for r in applicant_rows(session, key.programme_id) if r.application_id in wanted]
    return RecordTable(
        title=key.title,
        headers=APPLICANT_HEADERS,
        rows=tuple(
            (
                r.name,
                r.email,
                r.role.label,
                r.strand,
                r.status.label,
                r.organisation,
                r.department,
                r.stage or None,
                r.contract_type.label if r.contract_type else None,
                r.submitted_on,
            )
            for r in rows
        ),
        ids=tuple(r.application_id for r in rows),
        date_columns=frozenset({APPLICANT_HEADERS.index("Submitted")}),
    )


def _pairing_table(session: Session, key: RecordKey, wanted: set[int]) -> RecordTable:
    rows = [r for r in pairing_rows(session, key.programme_id) if r.pairing_id in wanted]
    return RecordTable(
        title=key.title,
        headers=(
            "Mentor",
            "Mentees",
            "Strand",
            "Status",
            "Started",
            "Next check-in",
            "Match score",
        ),
        rows=tuple(
            (
                r.mentor,
                r.mentees,
                r.strand,
                "Draft" if r.draft else r.status.label,
                r.started_on,
                r.next_check_in,
                r.match_score,
            )
            for r in rows
        ),
        ids=tuple(r.pairing_id for r in rows),
        numeric_columns=frozenset({6}),
        date_columns=frozenset({4, 5}),
    )


def _check_in_table(session: Session, key: RecordKey, wanted: set[int]) -> RecordTable:
    on = key.on or dt.date.today()
    rows = [c for c in overdue_check_ins(session, key.programme_id, on) if c.check_in_id in wanted]
    return RecordTable(
        title=key.title,
        headers=("Mentor", "Mentees", "Pairing status", "Due", "Days overdue"),
        rows=tuple((c.mentor, c.mentees, c.status.label, c.due_on, c.days_overdue) for c in rows),
        ids=tuple(c.check_in_id for c in rows),
        numeric_columns=frozenset({4}),
        date_columns=frozenset({3}),
    )


def _attendance_table(session: Session, key: RecordKey, zone: ZoneInfo) -> RecordTable:
    found: list[Any] = []
    for ids in _chunks(key.ids):
        found += session.execute(
            select(
                Attendance.id,
                Person.last_name,
                Person.first_name,
                Person.email,
                Event.title,
                Event.starts_at,
                Attendance.status,
                Attendance.rsvp,
                Attendance.minutes_attended,
            )
            .join(Person, Attendance.person_id == Person.id)
            .join(Event, Attendance.event_id == Event.id)
            .where(Attendance.id.in_(ids), Event.programme_id == key.programme_id)
        ).all()
    found.sort(key=lambda r: (r.starts_at, sort_key(r.last_name, r.first_name), r.id))
    return RecordTable(
        title=key.title,
        headers=("Name", "Email", "Event", "Date", "Status", "Reply", "Minutes attended"),
        rows=tuple(
            (
                f"{r.first_name} {r.last_name}".strip(),
                r.email,
                r.title,
                r.starts_at.astimezone(zone).date(),
                r.status.label,
                reply_text(r.status, r.rsvp),
                r.minutes_attended,
            )
            for r in found
        ),
        ids=tuple(r.id for r in found),
        numeric_columns=frozenset({6}),
        date_columns=frozenset({3}),
    )


def _people_table(session: Session, key: RecordKey) -> RecordTable:
    people: list[Any] = []
    applications: dict[int, list[str]] = defaultdict(list)
    for ids in _chunks(key.ids):
        people += session.execute(
            select(
                Person.id,
                Person.last_name,
                Person.first_name,
                Person.email,
                Person.organisation,
                Person.department,
                Person.stage,
                Person.gender,
            ).where(Person.id.in_(ids))
        ).all()
        for person_id, role, strand, status in session.execute(
            select(Application.person_id, Application.role, Strand.name, Application.status)
            .join(Strand, Application.strand_id == Strand.id)
            .where(Application.person_id.in_(ids), Strand.programme_id == key.programme_id)
            .order_by(Strand.name, Application.role)
        ):
            applications[person_id].append(f"{role.label} in {strand} ({status.label.lower()})")
    people.sort(key=lambda p: (sort_key(p.last_name, p.first_name), p.id))
    return RecordTable(
        title=key.title,
        headers=(
            "Name",
            "Email",
            "Applications",
            "Career stage",
            "Gender",
            "Organisation",
            "Department",
        ),
        rows=tuple(
            (
                f"{p.first_name} {p.last_name}".strip(),
                p.email,
                "; ".join(applications[p.id]),
                p.stage or None,
                gender_label(p.gender) or None,
                p.organisation,
                p.department,
            )
            for p in people
        ),
        ids=tuple(p.id for p in people),
    )
