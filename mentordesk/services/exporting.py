"""Exporting to Excel: a tab's current view, or a whole programme that imports back whole.

The whole-programme workbook is read back by :mod:`mentordesk.services.workbook_import`.

Confidential notes are never exported. Event times are written as real date-and-time
cells on the programme's own clock; the Programme sheet names that time zone.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from mentordesk.formats.tables import CellValue
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.audit import record_change
from mentordesk.services.career_stages import ladder_of
from mentordesk.services.collation import person_key
from mentordesk.services.other_answers import other_answers_by_application
from mentordesk.services.programmes import get_programme
from mentordesk.services.training import requirements
from mentordesk.store.models import (
    Application,
    Attendance,
    Event,
    Pairing,
    PairingMember,
    Person,
    Programme,
    Strand,
)

PROGRAMME_SHEET = "Programme"
STRANDS_SHEET = "Strands"
PEOPLE_SHEET = "People"
APPLICATIONS_SHEET = "Applications"
OTHER_ANSWERS_SHEET = "Other answers"
PAIRINGS_SHEET = "Pairings"
CHECK_INS_SHEET = "Check-ins"
EVENTS_SHEET = "Events"
ATTENDANCE_SHEET = "Attendance"

PROGRAMME_HEADERS = (
    "Name", "Description", "Starts on", "Ends on", "Applications open on",
    "Applications close on", "Time zone", "Mentees per mentor", "Grade gap",
    "Duration (months)", "Letterhead name", "Signature line", "Same career track only",
    "Template",
)  # fmt: skip
STRAND_HEADERS = ("Name", "Format", "Places", "Description", "Retired")
CAREER_STAGES_SHEET = "Career stages"
#: One row per stage, in the programme's order; wordings one per line in their cell.
CAREER_STAGE_HEADERS = ("Position", "Track", "Name", "Level", "Wordings")
PEOPLE_HEADERS = (
    "First name", "Last name", "Email", "Organisation", "Department", "Position",
    "Career stage", "Contract type", "Field", "Expertise", "Languages", "Gender", "Consent on",
    "Line manager", "Consent withdrawn on", "Stage guessed",
)  # fmt: skip
APPLICATION_HEADERS = (
    "Email", "Name", "Strand", "Role", "Status", "Submitted on", "Goals", "Development needs",
    "Preferences", "Availability", "Capacity", "Source", "Mentor choices", "Waitlist place",
)  # fmt: skip
#: One row per other answer of an application (named by email, strand and role), in order.
OTHER_ANSWER_HEADERS = ("Email", "Strand", "Role", "Question", "Answer")
PAIRING_HEADERS = (
    "Pairing", "Strand", "Mentor email", "Mentee emails", "Name", "Status", "Proposed on",
    "Started on", "Ended on", "Match score", "Match explanation", "Meeting frequency",
    "Meeting length", "Meeting venue", "Contact between meetings", "Review on", "Goals",
    "Confidentiality agreed", "End reason", "Draft", "Mentor response", "Answer due on",
    "Override reason",
)  # fmt: skip
CHECK_IN_HEADERS = ("Pairing", "Mentor email", "Due on", "Done on", "Outcome", "Summary")
EVENT_HEADERS = (
    "UID", "Sequence", "Kind", "Title", "Starts at", "Ends at", "All day", "Location",
    "Description", "Capacity", "Online link", "Facilitator", "Audience", "Audience strand",
    "Cancelled", "Series",
)  # fmt: skip
ATTENDANCE_HEADERS = ("Event UID", "Event", "Email", "Status", "Minutes attended", "RSVP")
TRAINING_RULES_SHEET = "Training rules"
TRAINING_RULE_HEADERS = ("Training", "Role", "Strand")


def export_view(
    path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[CellValue]]
) -> None:
    """Write what a tab shows (its filtered, sorted rows) to an .xlsx file.

    Args:
        path: the file to write; replaced if it exists.
        title: the sheet's name, such as the tab's title.
        headers: the column titles as shown.
        rows: the rows as shown, as plain values (dates as dates).

    Raises:
        ExportFailed: the file could not be written; nothing partial is left.
    """
    write_table(path, [SheetData(title, list(headers), rows)])


def _label(value: enum.StrEnum | None) -> str | None:
    return None if value is None else str(getattr(value, "label", value.value))


def export_programme(session: Session, programme_id: int, path: Path) -> None:
    """Write a whole programme to one workbook, one sheet per kind of record.

    The workbook imports back, into a new file or one in use, with
    :func:`mentordesk.services.workbook_import.import_programme`, and exported
    again gives the same workbook. Coordinator notes are never included.

    Raises:
        NotFound: the programme no longer exists.
        ExportFailed: the file could not be written; nothing partial is left.
    """
    programme = get_programme(session, programme_id)
    zone = ZoneInfo(programme.timezone)
    strands = list(programme.strands)
    strand_ids = [s.id for s in strands]
    strand_names = {s.id: s.name for s in strands}
    people = _people_of(session, programme_id, strand_ids)
    emails = {p.id: p.email for p in people}
    pairings = _pairings_of(session, strand_ids)
    application_rows, answer_rows = _application_rows(session, strand_ids, emails)
    events = list(
        session.scalars(
            select(Event)
            .where(Event.programme_id == programme_id)
            .order_by(Event.starts_at, Event.id)
        )
    )

    sheets = [
        SheetData(PROGRAMME_SHEET, PROGRAMME_HEADERS, [_programme_row(programme)]),
        SheetData(
            STRANDS_SHEET,
            STRAND_HEADERS,
            [[s.name, _label(s.format), s.places, s.description, s.retired] for s in strands],
        ),
        SheetData(
            CAREER_STAGES_SHEET,
            CAREER_STAGE_HEADERS,
            [
                [number, st.track, st.name, st.level, "\n".join(st.wordings)]
                for number, st in enumerate(ladder_of(session, programme_id).stages, start=1)
            ],
        ),
        SheetData(PEOPLE_SHEET, PEOPLE_HEADERS, [_person_row(p, emails) for p in people]),
        SheetData(APPLICATIONS_SHEET, APPLICATION_HEADERS, application_rows),
        SheetData(OTHER_ANSWERS_SHEET, OTHER_ANSWER_HEADERS, answer_rows),
        SheetData(
            PAIRINGS_SHEET,
            PAIRING_HEADERS,
            [_pairing_row(number, p, emails) for number, p in enumerate(pairings, start=1)],
        ),
        SheetData(
            CHECK_INS_SHEET,
            CHECK_IN_HEADERS,
            [
                [number, emails[p.mentor_id], c.due_on, c.done_on, _label(c.outcome), c.summary]
                for number, p in enumerate(pairings, start=1)
                for c in sorted(p.check_ins, key=lambda c: (c.due_on, c.id))
            ],
        ),
        SheetData(EVENTS_SHEET, EVENT_HEADERS, [_event_row(e, zone, strand_names) for e in events]),
        SheetData(ATTENDANCE_SHEET, ATTENDANCE_HEADERS, _attendance_rows(session, events, emails)),
        SheetData(
            TRAINING_RULES_SHEET,
            TRAINING_RULE_HEADERS,
            [
                [_label(r.kind), _label(r.role), strand_names.get(r.strand_id or 0)]
                for r in requirements(session, programme_id)
            ],
        ),
    ]
    write_table(path, sheets)
    record_change(session, "exported", "programme", programme_id, "whole-programme workbook")


def _programme_row(p: Programme) -> list[CellValue]:
    return [
        p.name, p.description, p.starts_on, p.ends_on, p.applications_open_on,
        p.applications_close_on, p.timezone, p.max_mentees_per_mentor, p.max_grade_gap,
        p.duration_months, p.letterhead_name, p.signature_line, p.within_track, p.template,
    ]  # fmt: skip


def _event_row(e: Event, zone: ZoneInfo, strand_names: dict[int, str]) -> list[CellValue]:
    def local(moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(zone).replace(tzinfo=None)

    audience_strand = strand_names.get(e.audience_strand_id) if e.audience_strand_id else None
    return [
        e.uid, e.sequence, _label(e.kind), e.title, local(e.starts_at), local(e.ends_at),
        e.all_day, e.location, e.description, e.capacity, e.online_link, e.facilitator,
        _label(e.audience), audience_strand, e.cancelled, e.series_id,
    ]  # fmt: skip


def _people_of(session: Session, programme_id: int, strand_ids: list[int]) -> list[Person]:
    """Everyone who applied, is paired or attends, and their line managers."""
    applied = select(Application.person_id).where(Application.strand_id.in_(strand_ids))
    in_pairings = select(Pairing.id).where(Pairing.strand_id.in_(strand_ids))
    mentors = select(Pairing.mentor_id).where(Pairing.strand_id.in_(strand_ids))
    mentees = select(PairingMember.person_id).where(PairingMember.pairing_id.in_(in_pairings))
    attending = select(Attendance.person_id).join(Event).where(Event.programme_id == programme_id)
    involved = or_(
        Person.id.in_(applied),
        Person.id.in_(mentors),
        Person.id.in_(mentees),
        Person.id.in_(attending),
    )
    people = {p.id: p for p in session.scalars(select(Person).where(involved))}
    managers = {p.line_manager_id for p in people.values()} - set(people) - {None}
    if managers:
        people.update(
            {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(managers)))}
        )
    return sorted(people.values(), key=lambda p: (person_key(p), p.email))


def _person_row(p: Person, emails: dict[int, str]) -> list[CellValue]:
    manager = emails.get(p.line_manager_id) if p.line_manager_id is not None else None
    return [
        p.first_name, p.last_name, p.email, p.organisation, p.department, p.position,
        p.stage, _label(p.contract_type), p.field, p.expertise, p.languages, p.gender,
        p.consent_on, manager, p.consent_withdrawn_on, p.stage_guessed,
    ]  # fmt: skip


def _application_rows(
    session: Session, strand_ids: list[int], emails: dict[int, str]
) -> tuple[list[list[CellValue]], list[list[CellValue]]]:
    """The rows of the Applications sheet, and those of the Other answers sheet."""
    applications = list(
        session.scalars(
            select(Application)
            .join(Strand)
            .join(Person, Application.person_id == Person.id)
            .where(Application.strand_id.in_(strand_ids))
            .options(selectinload(Application.mentor_choices))
            .order_by(Strand.name, Application.role, Person.email)
        )
    )
    rows: list[list[CellValue]] = [
        [
            emails[a.person_id], a.person.full_name, a.strand.name, _label(a.role),
            _label(a.status), a.submitted_on, a.goals, a.development_needs, a.preferences,
            a.availability, a.capacity, a.source,
            ", ".join(emails[c.mentor_id] for c in a.mentor_choices if c.mentor_id in emails),
            a.waitlist_rank,
        ]
        for a in applications
    ]  # fmt: skip
    answers = other_answers_by_application(session, (a.id for a in applications))
    answer_rows: list[list[CellValue]] = [
        [emails[a.person_id], a.strand.name, _label(a.role), answer.question, answer.answer]
        for a in applications
        for answer in answers.get(a.id, ())
    ]
    return rows, answer_rows


def _pairings_of(session: Session, strand_ids: list[int]) -> list[Pairing]:
    return list(
        session.scalars(
            select(Pairing)
            .where(Pairing.strand_id.in_(strand_ids))
            .options(selectinload(Pairing.members), selectinload(Pairing.check_ins))
            .order_by(Pairing.id)
        )
    )


def _pairing_row(number: int, p: Pairing, emails: dict[int, str]) -> list[CellValue]:
    mentees = ", ".join(sorted(emails[m.person_id] for m in p.members))
    return [
        number, p.strand.name, emails[p.mentor_id], mentees, p.name, _label(p.status),
        p.proposed_on, p.started_on, p.ended_on, p.match_score, p.match_explanation,
        p.meeting_frequency, p.meeting_length, p.meeting_venue, p.contact_between_meetings,
        p.review_on, p.goals, p.confidentiality_agreed, _label(p.end_reason), p.draft,
        _label(p.mentor_response), p.response_due_on, p.override_reason,
    ]  # fmt: skip


def _attendance_rows(
    session: Session, events: list[Event], emails: dict[int, str]
) -> list[list[CellValue]]:
    order = {e.id: n for n, e in enumerate(events)}
    attendances = session.scalars(
        select(Attendance).where(Attendance.event_id.in_(list(order)))
    ).all()
    rows = sorted(attendances, key=lambda a: (order[a.event_id], emails[a.person_id]))
    by_id = {e.id: e for e in events}
    return [
        [
            by_id[a.event_id].uid, by_id[a.event_id].title, emails[a.person_id],
            _label(a.status), a.minutes_attended, _label(a.rsvp),
        ]
        for a in rows
    ]  # fmt: skip
