"""Exporting to Excel: a tab's current view, or a whole programme that imports back whole.

Confidential notes are never exported. Event times are written as real date-and-time
cells on the programme's own clock; the Programme sheet names that time zone.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    Audience,
    CheckInOutcome,
    ContractType,
    EventKind,
    Grade,
    PairingStatus,
    Role,
    Rsvp,
    StrandFormat,
)
from mentordesk.domain.errors import Conflict, InvalidInput, MentorDeskError
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import CellValue, SheetTable
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.audit import record_change
from mentordesk.services.collation import person_key
from mentordesk.services.events import EventInput, add_event, set_attendance
from mentordesk.services.pairings import CheckInInput, PairingInput, add_pairing
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    get_programme,
)
from mentordesk.services.training import Requirement, requirements, set_requirements
from mentordesk.services.validation import split_tags
from mentordesk.store.models import (
    Application,
    Attendance,
    Event,
    MentorChoice,
    Pairing,
    PairingMember,
    Person,
    Programme,
    Strand,
)

_E = TypeVar("_E", bound=enum.StrEnum)

PROGRAMME_SHEET = "Programme"
STRANDS_SHEET = "Strands"
PEOPLE_SHEET = "People"
APPLICATIONS_SHEET = "Applications"
PAIRINGS_SHEET = "Pairings"
CHECK_INS_SHEET = "Check-ins"
EVENTS_SHEET = "Events"
ATTENDANCE_SHEET = "Attendance"

PROGRAMME_HEADERS = (
    "Name", "Description", "Starts on", "Ends on", "Applications open on",
    "Applications close on", "Time zone", "Mentees per mentor", "Grade gap",
    "Duration (months)",
)  # fmt: skip
STRAND_HEADERS = ("Name", "Format", "Places", "Description")
PEOPLE_HEADERS = (
    "First name", "Last name", "Email", "Organisation", "Department", "Position", "Grade",
    "Contract type", "Field", "Expertise", "Languages", "Gender", "Consent on",
    "Line manager email",
)  # fmt: skip
APPLICATION_HEADERS = (
    "Email", "Name", "Strand", "Role", "Status", "Submitted on", "Goals", "Development needs",
    "Preferences", "Capacity", "Source", "Mentor choices",
)  # fmt: skip
PAIRING_HEADERS = (
    "Pairing", "Strand", "Mentor email", "Mentee emails", "Name", "Status", "Proposed on",
    "Started on", "Ended on", "Match score", "Match explanation", "Meeting frequency",
    "Meeting length", "Meeting venue", "Contact between meetings", "Review on",
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

    The workbook imports back into an empty file with :func:`import_programme`.
    Coordinator notes are never included.

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
            [[s.name, _label(s.format), s.places, s.description] for s in strands],
        ),
        SheetData(PEOPLE_SHEET, PEOPLE_HEADERS, [_person_row(p, emails) for p in people]),
        SheetData(
            APPLICATIONS_SHEET,
            APPLICATION_HEADERS,
            _application_rows(session, strand_ids, emails),
        ),
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
        p.duration_months,
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
        _label(p.grade), _label(p.contract_type), p.field, p.expertise, p.languages, p.gender,
        p.consent_on, manager,
    ]  # fmt: skip


def _application_rows(
    session: Session, strand_ids: list[int], emails: dict[int, str]
) -> list[list[CellValue]]:
    applications = session.scalars(
        select(Application)
        .join(Strand)
        .join(Person, Application.person_id == Person.id)
        .where(Application.strand_id.in_(strand_ids))
        .options(selectinload(Application.mentor_choices))
        .order_by(Strand.name, Application.role, Person.email)
    )
    return [
        [
            emails[a.person_id], a.person.full_name, a.strand.name, _label(a.role),
            _label(a.status), a.submitted_on, a.goals, a.development_needs, a.preferences,
            a.capacity, a.source,
            ", ".join(emails[c.mentor_id] for c in a.mentor_choices if c.mentor_id in emails),
        ]
        for a in applications
    ]  # fmt: skip


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
        p.review_on,
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


# Importing a whole-programme workbook ----------------------------------------------------


class _Sheet:
    """One sheet of a programme workbook, read by column title."""

    def __init__(self, table: SheetTable, headers: Sequence[str]) -> None:
        missing = [h for h in headers if h not in table.headers]
        if missing:
            raise InvalidInput(
                f"The {table.sheet} sheet of {table.source} lacks the column(s) "
                f"{', '.join(missing)}: it is not a MentorDesk programme workbook."
            )
        self.table = table
        self.columns = {h: table.headers.index(h) for h in headers}

    def rows(self) -> list[tuple[int, Callable[[str], CellValue]]]:
        """Each data row's number, with a lookup of its cells by column title."""
        return [
            (number, _Row(cells, self.columns).get)
            for number, cells in zip(self.table.row_numbers, self.table.rows, strict=True)
        ]


class _Row:
    """One data row, read by column title."""

    def __init__(self, cells: Sequence[CellValue], columns: dict[str, int]) -> None:
        self.cells = cells
        self.columns = columns

    def get(self, title: str) -> CellValue:
        """The cell under the column titled ``title``."""
        return self.cells[self.columns[title]]


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date(value: CellValue) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        return dt.date.fromisoformat(value.strip()[:10])
    return None


def _moment(value: CellValue, zone: ZoneInfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time())
    else:
        moment = dt.datetime.fromisoformat(_text(value).strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _int(value: CellValue) -> int | None:
    if value is None or value == "":
        return None
    return int(float(_text(value)))


def _float(value: CellValue) -> float | None:
    if value is None or value == "":
        return None
    return float(_text(value))


def _bool(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    return _text(value).strip().lower() in {"true", "yes", "1"}


def _choice(value: CellValue, enum_type: type[_E]) -> _E:
    member = enum_type.from_label(_text(value))  # type: ignore[attr-defined]
    assert isinstance(member, enum_type)
    return member


def _optional_choice(value: CellValue, enum_type: type[_E]) -> _E | None:
    return _choice(value, enum_type) if _text(value).strip() else None


def import_programme(session: Session, path: Path) -> int:
    """Read a workbook written by :func:`export_programme` into an empty file.

    Args:
        session: the open transaction of the new file.
        path: the workbook.

    Returns:
        The new programme's id.

    Raises:
        Conflict: the file already holds a programme or people.
        UnreadableFile: the workbook or one of its sheets cannot be read.
        InvalidInput: a row is wrong; the message names its sheet and row.
    """
    if session.scalar(select(func.count(Programme.id))) or session.scalar(
        select(func.count(Person.id))
    ):
        raise Conflict(
            "A programme workbook is imported into a new, empty programme file; this file "
            "already holds records. Create a new file first."
        )

    def sheet(name: str, headers: Sequence[str]) -> _Sheet:
        return _Sheet(read_table(path, sheet=name), headers)

    def at(where: _Sheet, number: int, work: Callable[[], None]) -> None:
        try:
            work()
        except MentorDeskError as error:
            raise InvalidInput(
                f"{where.table.sheet} sheet, row {number}: {error.message}"
            ) from None
        except (ValueError, KeyError, TypeError) as error:
            raise InvalidInput(
                f"{where.table.sheet} sheet, row {number}: a value cannot be read ({error})."
            ) from None

    (programme_row,) = sheet(PROGRAMME_SHEET, PROGRAMME_HEADERS).rows()[:1]
    _, p = programme_row
    strands_sheet = sheet(STRANDS_SHEET, STRAND_HEADERS)
    data = ProgrammeInput(
        name=_text(p("Name")),
        description=_text(p("Description")),
        starts_on=_date(p("Starts on")),
        ends_on=_date(p("Ends on")),
        applications_open_on=_date(p("Applications open on")),
        applications_close_on=_date(p("Applications close on")),
        timezone=_text(p("Time zone")),
        max_mentees_per_mentor=_int(p("Mentees per mentor")),
        max_grade_gap=_int(p("Grade gap")),
        duration_months=_int(p("Duration (months)")),
        strands=[
            StrandInput(
                _text(s("Name")),
                _choice(s("Format"), StrandFormat),
                _int(s("Places")),
                _text(s("Description")),
            )
            for _, s in strands_sheet.rows()
        ],
    )
    programme_id = create_programme(session, data)
    zone = ZoneInfo(data.timezone)
    strand_ids = {s.name: s.id for s in get_programme(session, programme_id).strands}
    people: dict[str, int] = {}

    people_sheet = sheet(PEOPLE_SHEET, PEOPLE_HEADERS)
    managers: list[tuple[str, str]] = []
    for number, c in people_sheet.rows():

        def add_one(c: Callable[[str], CellValue] = c) -> None:
            person = PersonInput(
                first_name=_text(c("First name")),
                last_name=_text(c("Last name")),
                email=_text(c("Email")),
                organisation=_text(c("Organisation")),
                department=_text(c("Department")),
                position=_text(c("Position")),
                grade=_optional_choice(c("Grade"), Grade),
                contract_type=_optional_choice(c("Contract type"), ContractType),
                field=_text(c("Field")),
                expertise=_text(c("Expertise")),
                languages=_text(c("Languages")),
                gender=_text(c("Gender")),
                consent_on=_date(c("Consent on")),
            )
            people[person.email.strip().lower()] = add_person(session, person)
            if manager := _text(c("Line manager email")).strip().lower():
                managers.append((person.email.strip().lower(), manager))

        at(people_sheet, number, add_one)
    for email, manager in managers:
        found = session.get(Person, people[email])
        if found is not None and manager in people:
            found.line_manager_id = people[manager]

    applications_sheet = sheet(APPLICATIONS_SHEET, APPLICATION_HEADERS)
    for number, c in applications_sheet.rows():

        def add_one(c: Callable[[str], CellValue] = c) -> None:
            application_id = add_application(
                session,
                people[_text(c("Email")).lower()],
                ApplicationInput(
                    strand_id=strand_ids[_text(c("Strand"))],
                    role=_choice(c("Role"), Role),
                    status=_choice(c("Status"), ApplicationStatus),
                    submitted_on=_date(c("Submitted on")),
                    goals=_text(c("Goals")),
                    development_needs=_text(c("Development needs")),
                    preferences=_text(c("Preferences")),
                    capacity=_int(c("Capacity")),
                    source=_text(c("Source")),
                ),
            )
            for rank, email in enumerate(split_tags(_text(c("Mentor choices"))), start=1):
                session.add(
                    MentorChoice(
                        application_id=application_id,
                        mentor_id=people[email.lower()],
                        rank=rank,
                    )
                )

        at(applications_sheet, number, add_one)

    check_ins: dict[int, list[CheckInInput]] = {}
    check_ins_sheet = sheet(CHECK_INS_SHEET, CHECK_IN_HEADERS)
    for number, c in check_ins_sheet.rows():

        def add_one(c: Callable[[str], CellValue] = c) -> None:
            due_on = _date(c("Due on"))
            if due_on is None:
                raise InvalidInput("Due on is required.")
            check_ins.setdefault(_int(c("Pairing")) or 0, []).append(
                CheckInInput(
                    due_on=due_on,
                    done_on=_date(c("Done on")),
                    outcome=_optional_choice(c("Outcome"), CheckInOutcome),
                    summary=_text(c("Summary")),
                )
            )

        at(check_ins_sheet, number, add_one)

    pairings_sheet = sheet(PAIRINGS_SHEET, PAIRING_HEADERS)
    for number, c in pairings_sheet.rows():

        def add_one(c: Callable[[str], CellValue] = c) -> None:
            add_pairing(
                session,
                PairingInput(
                    strand_id=strand_ids[_text(c("Strand"))],
                    mentor_id=people[_text(c("Mentor email")).lower()],
                    mentee_ids=[people[e.lower()] for e in split_tags(_text(c("Mentee emails")))],
                    name=_text(c("Name")),
                    status=_choice(c("Status"), PairingStatus),
                    proposed_on=_date(c("Proposed on")),
                    started_on=_date(c("Started on")),
                    ended_on=_date(c("Ended on")),
                    match_score=_float(c("Match score")),
                    match_explanation=_text(c("Match explanation")),
                    meeting_frequency=_text(c("Meeting frequency")),
                    meeting_length=_text(c("Meeting length")),
                    meeting_venue=_text(c("Meeting venue")),
                    contact_between_meetings=_text(c("Contact between meetings")),
                    review_on=_date(c("Review on")),
                    check_ins=check_ins.get(_int(c("Pairing")) or 0, []),
                ),
            )

        at(pairings_sheet, number, add_one)

    events: dict[str, int] = {}
    events_sheet = sheet(EVENTS_SHEET, EVENT_HEADERS)
    for number, c in events_sheet.rows():

        def add_one(c: Callable[[str], CellValue] = c) -> None:
            event_id = add_event(
                session,
                programme_id,
                EventInput(
                    kind=_choice(c("Kind"), EventKind),
                    title=_text(c("Title")),
                    starts_at=_moment(c("Starts at"), zone),
                    ends_at=_moment(c("Ends at"), zone),
                    all_day=_bool(c("All day")),
                    location=_text(c("Location")),
                    description=_text(c("Description")),
                    capacity=_int(c("Capacity")),
                    online_link=_text(c("Online link")),
                    facilitator=_text(c("Facilitator")),
                    audience=_choice(c("Audience"), Audience),
                    audience_strand_id=strand_ids.get(_text(c("Audience strand"))),
                ),
            )
            event = session.get(Event, event_id)
            assert event is not None
            # Calendars know the event by its UID: keeping it (and its sequence) means
            # invitations sent before the move still update the same entry.
            if uid := _text(c("UID")).strip():
                event.uid = uid
                events[uid] = event_id
            event.sequence = _int(c("Sequence")) or 0
            event.cancelled = _bool(c("Cancelled"))
            event.series_id = _text(c("Series")).strip() or None

        at(events_sheet, number, add_one)

    attendance_sheet = sheet(ATTENDANCE_SHEET, ATTENDANCE_HEADERS)
    for number, c in attendance_sheet.rows():

        def add_one(c: Callable[[str], CellValue] = c) -> None:
            set_attendance(
                session,
                events[_text(c("Event UID"))],
                people[_text(c("Email")).lower()],
                _choice(c("Status"), AttendanceStatus),
                _int(c("Minutes attended")),
            )
            if rsvp := _optional_choice(c("RSVP"), Rsvp):
                found = session.scalar(
                    select(Attendance).where(
                        Attendance.event_id == events[_text(c("Event UID"))],
                        Attendance.person_id == people[_text(c("Email")).lower()],
                    )
                )
                assert found is not None
                found.rsvp = rsvp

        at(attendance_sheet, number, add_one)

    rules_sheet = sheet(TRAINING_RULES_SHEET, TRAINING_RULE_HEADERS)
    rules: list[Requirement] = []
    for number, c in rules_sheet.rows():

        def add_one(c: Callable[[str], CellValue] = c) -> None:
            strand = _text(c("Strand"))
            rules.append(
                Requirement(
                    kind=_choice(c("Training"), EventKind),
                    role=_choice(c("Role"), Role),
                    strand_id=strand_ids[strand] if strand else None,
                )
            )

        at(rules_sheet, number, add_one)
    if rules:
        set_requirements(session, programme_id, rules)
    session.flush()
    return programme_id
