"""Data-protection rights: everything about one person, and erasing them."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mentordesk.domain.errors import NotFound
from mentordesk.formats.tables import CellValue
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.audit import record_change
from mentordesk.store.models import (
    Application,
    Attendance,
    AuditEntry,
    Erasure,
    Event,
    MentorChoice,
    Note,
    Pairing,
    PairingMember,
    Person,
    SurveyResponse,
)

_PERSON_FIELDS = (
    ("First name", "first_name"),
    ("Last name", "last_name"),
    ("Email", "email"),
    ("Organisation", "organisation"),
    ("Department", "department"),
    ("Position", "position"),
    ("Grade", "grade"),
    ("Contract", "contract_type"),
    ("Field", "field"),
    ("Expertise", "expertise"),
    ("Languages", "languages"),
    ("Gender", "gender"),
    ("Consent given on", "consent_on"),
    ("In the file since", "created_at"),
)


@dataclass(frozen=True)
class ErasureSummary:
    """What erasing a person removed (counts only)."""

    applications: int
    pairings_removed: int
    attendance: int
    notes: int
    survey_responses: int


def find_person(session: Session, email: str) -> Person:
    """The person with this email (any case).

    Raises:
        NotFound: nobody in the file has it.
    """
    person = session.scalar(select(Person).where(func.lower(Person.email) == email.strip().lower()))
    if person is None:
        raise NotFound(f"Nobody in this file has the email {email.strip()}.")
    return person


def _value(value: object) -> CellValue:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if hasattr(value, "isoformat"):
        return value  # type: ignore[return-value]  # dates and datetimes
    return str(value)


def subject_access_sheets(session: Session, person: Person) -> list[SheetData]:
    """Every record about one person, one sheet per kind, for a subject access request."""
    pid = person.id
    sheets = [
        SheetData(
            "Person",
            ["Field", "Value"],
            [[label, _value(getattr(person, a))] for label, a in _PERSON_FIELDS],
        )
    ]
    applications = session.scalars(
        select(Application).where(Application.person_id == pid).order_by(Application.id)
    ).all()
    sheets.append(
        SheetData(
            "Applications",
            ["Programme", "Strand", "Role", "Status", "Submitted", "Goals",
             "Development needs", "Preferences", "Capacity", "Source"],
            [
                [a.strand.programme.name, a.strand.name, _value(a.role), _value(a.status),
                 a.submitted_on, a.goals, a.development_needs, a.preferences, a.capacity, a.source]
                for a in applications
            ],
        )
    )  # fmt: skip
    choices = session.scalars(
        select(MentorChoice).join(Application).where(Application.person_id == pid)
    ).all()
    sheets.append(
        SheetData(
            "Mentor choices",
            ["Strand", "Rank", "Mentor chosen"],
            [[c.application.strand.name, c.rank, c.mentor.full_name] for c in choices],
        )
    )
    pairings = _pairings_of(session, pid)
    sheets.append(
        SheetData(
            "Pairings",
            ["Strand", "Their role", "Mentor", "Mentees", "Status", "Started", "Ended",
             "Meeting frequency", "Venue", "Review on"],
            [
                [p.strand.name, "Mentor" if p.mentor_id == pid else "Mentee", p.mentor.full_name,
                 ", ".join(sorted(m.person.full_name for m in p.members)), _value(p.status),
                 p.started_on, p.ended_on, p.meeting_frequency, p.meeting_venue, p.review_on]
                for p in pairings
            ],
        )
    )  # fmt: skip
    sheets.append(
        SheetData(
            "Check-ins",
            ["Pairing mentor", "Due", "Done", "Outcome", "Summary"],
            [
                [p.mentor.full_name, c.due_on, c.done_on, _value(c.outcome), c.summary]
                for p in pairings
                for c in p.check_ins
            ],
        )
    )
    attendance = session.scalars(
        select(Attendance).join(Event).where(Attendance.person_id == pid).order_by(Event.starts_at)
    ).all()
    sheets.append(
        SheetData(
            "Attendance",
            ["Event", "Kind", "Starts", "Status", "Minutes", "Reply"],
            [
                [a.event.title, _value(a.event.kind), a.event.starts_at, _value(a.status),
                 a.minutes_attended, _value(a.rsvp)]
                for a in attendance
            ],
        )
    )  # fmt: skip
    pairing_ids = [p.id for p in pairings]
    notes = session.scalars(
        select(Note)
        .where((Note.person_id == pid) | Note.pairing_id.in_(pairing_ids))
        .order_by(Note.written_on)
    ).all()
    sheets.append(
        SheetData(
            "Notes",
            ["Written on", "About", "Title", "Text"],
            [[n.written_on, "them" if n.person_id == pid else "their pairing", n.title, n.text]
             for n in notes],
        )
    )  # fmt: skip
    surveys = session.scalars(select(SurveyResponse).where(SurveyResponse.person_id == pid)).all()
    sheets.append(
        SheetData(
            "Surveys",
            ["Kind", "Submitted", "Rating", "Answers"],
            [[_value(r.kind), r.submitted_on, r.rating, r.answers] for r in surveys],
        )
    )
    audit = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "person", AuditEntry.entity_id == pid)
        .order_by(AuditEntry.at)
    ).all()
    sheets.append(
        SheetData(
            "Changes recorded",
            ["When", "What"],
            [[a.at, a.action] for a in audit],
        )
    )
    return sheets


def export_person(session: Session, email: str, path: Path) -> int:
    """Write everything about one person to an .xlsx file (notes included, on purpose).

    Returns:
        The person's id. The export itself is recorded in the audit trail.
    """
    person = find_person(session, email)
    write_table(path, subject_access_sheets(session, person))
    record_change(session, "subject access export", "person", person.id)
    return person.id


def _pairings_of(session: Session, person_id: int) -> list[Pairing]:
    member_of = select(PairingMember.pairing_id).where(PairingMember.person_id == person_id)
    return list(
        session.scalars(
            select(Pairing)
            .where((Pairing.mentor_id == person_id) | Pairing.id.in_(member_of))
            .order_by(Pairing.id)
        )
    )


def erase_person(session: Session, email: str) -> ErasureSummary:
    """Erase a person and everything linked to them; keep only anonymous counts.

    Their applications, attendance, survey answers, notes about them, and the
    pairings they mentor or are the only mentee of (with those pairings' notes
    and check-ins) are deleted; from a circle they are simply removed. What
    statistics lose is kept as counts in the erasure log, with the person's id
    and the date (never a name), so that it can be applied again to a restored backup.
    The caller should vacuum the file afterwards so no trace stays in free pages.
    """
    person = find_person(session, email)
    pid = person.id
    counts: Counter[str] = Counter()
    applications = session.scalars(select(Application).where(Application.person_id == pid)).all()
    for a in applications:
        counts[f"application {a.strand.name} {a.role.value} {a.status.value}"] += 1
    for attended in session.scalars(select(Attendance).where(Attendance.person_id == pid)):
        counts[f"attendance event {attended.event_id} {attended.status.value}"] += 1
    for r in session.scalars(select(SurveyResponse).where(SurveyResponse.person_id == pid)):
        counts[f"survey {r.kind.value} rating {r.rating}"] += 1
    removed = 0
    for pairing in _pairings_of(session, pid):
        others = [m for m in pairing.members if m.person_id != pid]
        if pairing.mentor_id == pid or not others:
            counts[f"pairing {pairing.strand.name} {pairing.status.value}"] += 1
            session.delete(pairing)
            removed += 1
    session.flush()
    notes = session.scalar(select(func.count(Note.id)).where(Note.person_id == pid)) or 0
    session.execute(delete(Note).where(Note.person_id == pid))
    summary = ErasureSummary(
        applications=len(applications),
        pairings_removed=removed,
        attendance=sum(v for k, v in counts.items() if k.startswith("attendance")),
        notes=notes,
        survey_responses=sum(v for k, v in counts.items() if k.startswith("survey")),
    )
    session.delete(person)
    session.flush()
    session.add(Erasure(person_id=pid, counts=json.dumps(dict(counts), sort_keys=True)))
    record_change(session, "erased", "person", pid)
    return summary
