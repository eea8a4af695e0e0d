"""Recording who attended an event from an online meeting's attendance report."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import AttendanceStatus
from mentordesk.formats.attendance_report import (
    AttendanceReport,
    ReportedAttendee,
    combine_minutes,
)
from mentordesk.services.audit import record_change
from mentordesk.services.events import get_event
from mentordesk.store.models import Attendance, Person


class MatchedBy(enum.StrEnum):
    """How a reported attendee was tied to a person in the file."""

    EMAIL = "email"
    NAME = "name"  # flagged: the coordinator should check it
    AMBIGUOUS = "ambiguous"  # several people fit: never matched automatically
    UNMATCHED = "unmatched"


@dataclass(frozen=True)
class ReportLine:
    """One attendee of the report and who they are in the file, if anyone."""

    reported: ReportedAttendee
    matched_by: MatchedBy
    person_id: int | None
    person_name: str
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttendanceImport:
    """What importing a report did (or, in a dry run, would do)."""

    recorded: int
    lines: tuple[ReportLine, ...]

    @property
    def to_resolve(self) -> list[ReportLine]:
        """The lines the coordinator must resolve by hand: ambiguous or unknown."""
        return [
            line
            for line in self.lines
            if line.matched_by in (MatchedBy.AMBIGUOUS, MatchedBy.UNMATCHED)
        ]


def match_report(session: Session, report: AttendanceReport) -> list[ReportLine]:
    """Tie each reported attendee to a person: by email, else by a unique full name."""
    emails = {a.email for a in report.attendees if a.email}
    by_email = {
        p.email.lower(): p
        for p in session.scalars(select(Person).where(func.lower(Person.email).in_(emails)))
    }
    names = {_name_key(a.name) for a in report.attendees if not a.email}
    by_name: dict[str, list[Person]] = {}
    if names:
        for person in session.scalars(select(Person)):
            key = _name_key(person.full_name)
            if key in names:
                by_name.setdefault(key, []).append(person)
    # Two report entries with the same name and no email cannot be told apart.
    repeated = Counter(_name_key(a.name) for a in report.attendees if not a.email)
    lines = []
    for attendee in report.attendees:
        if attendee.email:
            known = by_email.get(attendee.email)
            if known is not None:
                lines.append(ReportLine(attendee, MatchedBy.EMAIL, known.id, known.full_name))
            else:
                lines.append(ReportLine(attendee, MatchedBy.UNMATCHED, None, ""))
            continue
        key = _name_key(attendee.name)
        found = by_name.get(key, [])
        if len(found) == 1 and repeated[key] == 1:
            lines.append(ReportLine(attendee, MatchedBy.NAME, found[0].id, found[0].full_name))
        elif found:
            candidates = tuple(f"{p.full_name} <{p.email}>" for p in found)
            lines.append(ReportLine(attendee, MatchedBy.AMBIGUOUS, None, "", candidates))
        else:
            lines.append(ReportLine(attendee, MatchedBy.UNMATCHED, None, ""))
    return lines


def import_attendance(
    session: Session,
    event_id: int,
    report: AttendanceReport,
    *,
    dry_run: bool = False,
    resolved: dict[int, int] | None = None,
) -> AttendanceImport:
    """Mark everyone matched as having attended, with their minutes, in one transaction.

    Matches by name only are recorded and flagged; ambiguous and unknown
    attendees are left for the coordinator, who may resolve them by passing
    ``resolved`` (index in the report → person id) and importing again.
    Someone listed several times counts once.
    """
    event = get_event(session, event_id)
    lines = match_report(session, report)
    resolved = resolved or {}
    minutes_by_person: dict[int, int | None] = {}
    for index, line in enumerate(lines):
        person_id = resolved.get(index, line.person_id)
        if person_id is None:
            continue
        if session.get(Person, person_id) is None:
            continue
        if person_id in minutes_by_person:
            # Listed twice (two accounts, or resolved onto the same person): one stay.
            minutes_by_person[person_id] = combine_minutes(
                minutes_by_person[person_id], line.reported.minutes
            )
        else:
            minutes_by_person[person_id] = line.reported.minutes
    if not dry_run:
        registers = {
            a.person_id: a
            for a in session.scalars(select(Attendance).where(Attendance.event_id == event.id))
        }
        for person_id, minutes in minutes_by_person.items():
            attendance = registers.get(person_id)
            if attendance is None:
                attendance = Attendance(event_id=event.id, person_id=person_id)
                session.add(attendance)
            attendance.status = AttendanceStatus.ATTENDED
            attendance.minutes_attended = minutes
        session.flush()
        record_change(
            session, "attendance imported", "event", event.id, f"{len(minutes_by_person)} people"
        )
    return AttendanceImport(len(minutes_by_person), tuple(lines))


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())
