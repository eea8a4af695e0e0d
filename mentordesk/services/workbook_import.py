"""Rebuilding a programme from its whole-programme workbook: the handover and migration path.

``mentordesk-cli import workbook`` reads a workbook written by
:func:`mentordesk.services.exporting.export_programme` into a programme file,
new or already in use. :func:`read_programme_workbook` reads and checks every
row and writes nothing; :func:`import_programme` writes them in the caller's
one transaction, so the import is all or nothing. People already in the file
(by email) are linked to the new programme and keep the details the file has
for them. Exported again, the imported programme gives the same workbook, cell
for cell. What the workbook does not carry (notes, surveys, messages, pairing
rules, a programme's matching weights, logo, minimum group size, retention and
answer period) is not rebuilt.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    Audience,
    CheckInOutcome,
    ContractType,
    EndReason,
    EventKind,
    MentorResponse,
    PairingStatus,
    Role,
    Rsvp,
    StrandFormat,
)
from mentordesk.domain.errors import InvalidInput, MentorDeskError
from mentordesk.domain.stages import Stage
from mentordesk.formats.reading import list_sheets, read_table
from mentordesk.formats.tables import CellValue, SheetTable, cell_text
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
    get_application,
)
from mentordesk.services.audit import record_change
from mentordesk.services.events import EventInput, add_event, get_event, set_attendance
from mentordesk.services.exporting import (
    APPLICATION_HEADERS,
    APPLICATIONS_SHEET,
    ATTENDANCE_HEADERS,
    ATTENDANCE_SHEET,
    CAREER_STAGE_HEADERS,
    CAREER_STAGES_SHEET,
    CHECK_IN_HEADERS,
    CHECK_INS_SHEET,
    EVENT_HEADERS,
    EVENTS_SHEET,
    OTHER_ANSWER_HEADERS,
    OTHER_ANSWERS_SHEET,
    PAIRING_HEADERS,
    PAIRINGS_SHEET,
    PEOPLE_HEADERS,
    PEOPLE_SHEET,
    PROGRAMME_HEADERS,
    PROGRAMME_SHEET,
    STRAND_HEADERS,
    STRANDS_SHEET,
    TRAINING_RULE_HEADERS,
    TRAINING_RULES_SHEET,
)
from mentordesk.services.importing import people_by_email
from mentordesk.services.other_answers import OtherAnswer, checked_answers, set_other_answers
from mentordesk.services.pairings import CheckInInput, PairingInput, add_pairing, get_pairing
from mentordesk.services.privacy import withdraw_consent
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    get_programme,
    list_programmes,
)
from mentordesk.services.training import Requirement, set_requirements
from mentordesk.services.validation import split_tags
from mentordesk.store.models import Event, MentorChoice, Person

#: The columns of each sheet a workbook written by an earlier MentorDesk lacks.
COLUMNS_ADDED = {
    PROGRAMME_SHEET: ("Letterhead name", "Signature line", "Same career track only", "Template"),
    STRANDS_SHEET: ("Retired",),
    PEOPLE_SHEET: ("Consent withdrawn on", "Career stage", "Line manager", "Stage guessed"),
    APPLICATIONS_SHEET: ("Availability", "Waitlist place"),
    PAIRINGS_SHEET: (
        "Goals", "Confidentiality agreed", "End reason", "Draft", "Mentor response",
        "Answer due on", "Override reason",
    ),
}  # fmt: skip
#: Columns an earlier MentorDesk named otherwise: read under the old title when the new is absent.
COLUMNS_RENAMED = {
    PEOPLE_SHEET: {"Career stage": "Grade", "Line manager": "Line manager email"},
}
#: The sheets a workbook written by an earlier MentorDesk lacks (read as empty).
SHEETS_ADDED = (OTHER_ANSWERS_SHEET, CAREER_STAGES_SHEET)

_E = TypeVar("_E", bound=enum.StrEnum)
_T = TypeVar("_T")
#: A row's cells, looked up by column title.
_Cells = Callable[[str], CellValue]


@dataclass
class _Ids:
    """What the rows written so far are called in the file."""

    programme_id: int
    strands: dict[str, int]
    people: dict[str, int]
    added: set[str] = field(default_factory=set)
    events: dict[str, int] = field(default_factory=dict)
    rules: list[Requirement] = field(default_factory=list)


#: Writing one row, read and checked already, given what earlier rows are called in the file.
_Write = Callable[[Session, _Ids], None]
#: An application as the workbook names it: its person's email, its strand and its role.
_Key = tuple[str, str, Role]


@dataclass(frozen=True)
class _Step:
    """One row to write, with where it comes from."""

    sheet: str
    row: int
    write: _Write


@dataclass(frozen=True)
class ProgrammeWorkbook:
    """A whole-programme workbook read and checked; nothing written yet.

    Attributes:
        source: the workbook's file name.
        programme: the programme and its strands, under the name it will have.
        emails: the email of each person on the People sheet, in lower case.
        known_people: how many of them the file already holds.
        name_taken: whether the file already holds a programme of that name.
        steps: the rows to write, in order.
    """

    source: str
    programme: ProgrammeInput
    emails: tuple[str, ...]
    known_people: int
    name_taken: bool
    steps: tuple[_Step, ...]

    def rows_of(self, sheet: str) -> int:
        """How many rows of a sheet are written."""
        return sum(1 for step in self.steps if step.sheet == sheet)


@dataclass(frozen=True)
class WorkbookImportSummary:
    """What :func:`import_programme` wrote.

    Attributes:
        programme_id: the new programme.
        people_added: people new to the file.
        people_known: people the file held already, linked and left as they were.
    """

    programme_id: int
    people_added: int
    people_known: int


class _Sheet:
    """One sheet of a programme workbook, read by column title."""

    def __init__(
        self,
        table: SheetTable,
        headers: Sequence[str],
        added: Sequence[str] = (),
        renamed: dict[str, str] | None = None,
    ) -> None:
        """Check the sheet has every column of ``headers`` but those ``added`` since.

        A column added to the workbook since MentorDesk first wrote it is read as
        blank in a workbook written before; a column ``renamed`` since (new title →
        old) is read under its old title there.
        """
        missing = [h for h in headers if h not in table.headers and h not in added]
        if missing:
            raise InvalidInput(
                f"The {table.sheet} sheet of {table.source} lacks the column(s) "
                f"{', '.join(missing)}: it is not a MentorDesk programme workbook."
            )
        self.table = table
        self.columns = {h: table.headers.index(h) for h in headers if h in table.headers}
        for new, old in (renamed or {}).items():
            if new not in self.columns and old in table.headers:
                self.columns[new] = table.headers.index(old)

    def rows(self) -> Iterator[tuple[int, _Cells]]:
        """Each data row's number, with a lookup of its cells by column title."""
        for number, cells in zip(self.table.row_numbers, self.table.rows, strict=True):
            yield number, _lookup(cells, self.columns)

    def read(self, read_row: Callable[[_Cells], _T]) -> list[tuple[int, _T]]:
        """Read every row with ``read_row``; a problem names the sheet and the row."""
        return [
            (number, _at(self.table.sheet, number, partial(read_row, cells)))
            for number, cells in self.rows()
        ]

    def steps(self, read_row: Callable[[_Cells], _Write | None]) -> list[_Step]:
        """The rows to write, each read with ``read_row`` (None: nothing to write)."""
        return [
            _Step(self.table.sheet, number, write)
            for number, write in self.read(read_row)
            if write is not None
        ]


def _lookup(cells: Sequence[CellValue], columns: dict[str, int]) -> _Cells:
    return lambda title: cells[columns[title]] if title in columns else None


def _at(sheet: str, number: int, work: Callable[[], _T]) -> _T:
    """Run ``work`` on one row, naming the sheet and the row in any problem."""
    try:
        return work()
    except MentorDeskError as error:
        raise InvalidInput(f"{sheet} sheet, row {number}: {error.message}") from None
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInput(
            f"{sheet} sheet, row {number}: a value cannot be read ({error})."
        ) from None


# Reading cells -------------------------------------------------------------------------


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
        moment = dt.datetime.fromisoformat(cell_text(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _int(value: CellValue) -> int | None:
    text = cell_text(value)
    return int(float(text)) if text else None


def _float(value: CellValue) -> float | None:
    text = cell_text(value)
    return float(text) if text else None


def _bool(value: CellValue) -> bool:
    return cell_text(value).lower() in {"true", "yes", "1"}


def _choice(value: CellValue, enum_type: type[_E]) -> _E:
    member = enum_type.from_label(cell_text(value))  # type: ignore[attr-defined]
    assert isinstance(member, enum_type)
    return member


def _optional_choice(value: CellValue, enum_type: type[_E]) -> _E | None:
    return _choice(value, enum_type) if cell_text(value) else None


def _email(value: CellValue) -> str:
    return cell_text(value).lower()


# Reading the workbook -------------------------------------------------------------------


def read_programme_workbook(
    session: Session, path: Path, name: str | None = None
) -> ProgrammeWorkbook:
    """Read and check a whole-programme workbook; nothing is written.

    Args:
        session: a transaction of the file it is for (only read).
        path: a workbook :func:`~mentordesk.services.exporting.export_programme` wrote.
        name: the programme's name in the file; None keeps the workbook's.

    Raises:
        UnreadableFile: the workbook or one of its sheets cannot be read.
        InvalidInput: it is not a programme workbook, or a row is wrong; the
            message names its sheet and row.
    """

    def sheet(title: str, headers: Sequence[str]) -> _Sheet:
        return _Sheet(
            read_table(path, sheet=title),
            headers,
            COLUMNS_ADDED.get(title, ()),
            COLUMNS_RENAMED.get(title),
        )

    sheets = list_sheets(path)

    programme = _read_programme(
        sheet(PROGRAMME_SHEET, PROGRAMME_HEADERS), sheet(STRANDS_SHEET, STRAND_HEADERS)
    )
    if CAREER_STAGES_SHEET in sheets:
        stages = sheet(CAREER_STAGES_SHEET, CAREER_STAGE_HEADERS).read(_stage)
        ordered = sorted(stages, key=lambda read: (read[1][0], read[0]))
        programme = replace(programme, stages=tuple(stage for _, (_, stage) in ordered))
    if name is not None:
        programme = replace(programme, name=name.strip())
    zone = ZoneInfo(programme.timezone)
    strands = {s.name for s in programme.strands}
    people = sheet(PEOPLE_SHEET, PEOPLE_HEADERS)
    emails = _emails_of(people)
    check_ins: dict[int, list[CheckInInput]] = {}
    for _, (number, check_in) in sheet(CHECK_INS_SHEET, CHECK_IN_HEADERS).read(_check_in):
        check_ins.setdefault(number, []).append(check_in)
    events = sheet(EVENTS_SHEET, EVENT_HEADERS)
    uids = {cell_text(cells("UID")) for _, cells in events.rows()}
    answers: dict[_Key, list[tuple[int, OtherAnswer]]] = {}
    if OTHER_ANSWERS_SHEET in sheets:
        answers_sheet = sheet(OTHER_ANSWERS_SHEET, OTHER_ANSWER_HEADERS)
        for number, (key, answer) in answers_sheet.read(_other_answer):
            if answer is not None:
                answers.setdefault(key, []).append((number, answer))
    steps = [
        *people.steps(_person),
        *people.steps(_line_manager),
        *sheet(APPLICATIONS_SHEET, APPLICATION_HEADERS).steps(
            lambda cells: _application(cells, strands, emails, answers)
        ),
        *sheet(PAIRINGS_SHEET, PAIRING_HEADERS).steps(
            lambda cells: _pairing(cells, strands, emails, check_ins)
        ),
        *events.steps(lambda cells: _event(cells, strands, zone)),
        *sheet(ATTENDANCE_SHEET, ATTENDANCE_HEADERS).steps(
            lambda cells: _attendance(cells, uids, emails)
        ),
        *sheet(TRAINING_RULES_SHEET, TRAINING_RULE_HEADERS).steps(
            lambda cells: _training_rule(cells, strands)
        ),
    ]
    _check_answered(answers)
    taken = {p.name.lower() for p in list_programmes(session)}
    return ProgrammeWorkbook(
        source=path.name,
        programme=programme,
        emails=tuple(emails),
        known_people=len(people_by_email(session, emails)),
        name_taken=programme.name.lower() in taken,
        steps=tuple(steps),
    )


def _read_programme(programme_sheet: _Sheet, strands_sheet: _Sheet) -> ProgrammeInput:
    """The programme on the one row of its sheet, with the strands of theirs."""
    strands = [strand for _, strand in strands_sheet.read(_strand_input)]
    read = programme_sheet.read(lambda p: _programme_input(p, strands))
    if len(read) != 1:
        table = programme_sheet.table
        raise InvalidInput(
            f"The {table.sheet} sheet of {table.source} should hold one programme on one row; "
            f"it holds {len(read)}."
        )
    return read[0][1]


def _programme_input(p: _Cells, strands: list[StrandInput]) -> ProgrammeInput:
    programme = ProgrammeInput(
        name=cell_text(p("Name")),
        description=cell_text(p("Description")),
        starts_on=_date(p("Starts on")),
        ends_on=_date(p("Ends on")),
        applications_open_on=_date(p("Applications open on")),
        applications_close_on=_date(p("Applications close on")),
        timezone=cell_text(p("Time zone")),
        max_mentees_per_mentor=_int(p("Mentees per mentor")),
        max_grade_gap=_int(p("Grade gap")),
        duration_months=_int(p("Duration (months)")),
        strands=strands,
        letterhead_name=cell_text(p("Letterhead name")),
        signature_line=cell_text(p("Signature line")),
        within_track=_bool(p("Same career track only")),
        # Kept as the programme's origin only: its rules and stages are the workbook's.
        template=cell_text(p("Template")) if cell_text(p("Template")) in TEMPLATES else "",
    )
    try:
        ZoneInfo(programme.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"“{programme.timezone}” is not a time zone MentorDesk knows.") from None
    return programme


def _strand_input(s: _Cells) -> StrandInput:
    return StrandInput(
        cell_text(s("Name")),
        _choice(s("Format"), StrandFormat),
        _int(s("Places")),
        cell_text(s("Description")),
        retired=_bool(s("Retired")),
    )


def _stage(c: _Cells) -> tuple[int, Stage]:
    """A career stage, with its place in the programme's list."""
    wordings = tuple(line.strip() for line in cell_text(c("Wordings")).splitlines())
    level = _int(c("Level"))
    if level is None:
        raise InvalidInput("Level is required.")
    stage = Stage(cell_text(c("Name")), cell_text(c("Track")), level, wordings)
    return _int(c("Position")) or 0, stage


def _emails_of(people: _Sheet) -> dict[str, int]:
    """Each person's email (lower case) with their row; an email listed twice is refused."""
    emails: dict[str, int] = {}
    for number, cells in people.rows():
        email = _email(cells("Email"))
        if email in emails:
            raise InvalidInput(
                f"{people.table.sheet} sheet, row {number}: {email} is also on row "
                f"{emails[email]}; each person is listed once."
            )
        emails[email] = number
    return emails


def _listed(email: str, emails: dict[str, int]) -> str:
    if email not in emails:
        raise InvalidInput(f"{email or 'a blank email'} is not on the People sheet.")
    return email


def _strand(name: str, strands: set[str]) -> str:
    if name not in strands:
        raise InvalidInput(f"the strand “{name}” is not on the Strands sheet.")
    return name


def _person(c: _Cells) -> _Write:
    person = PersonInput(
        first_name=cell_text(c("First name")),
        last_name=cell_text(c("Last name")),
        email=cell_text(c("Email")),
        organisation=cell_text(c("Organisation")),
        department=cell_text(c("Department")),
        position=cell_text(c("Position")),
        stage=cell_text(c("Career stage")),
        contract_type=_optional_choice(c("Contract type"), ContractType),
        field=cell_text(c("Field")),
        expertise=cell_text(c("Expertise")),
        languages=cell_text(c("Languages")),
        gender=cell_text(c("Gender")),
        consent_on=_date(c("Consent on")),
        stage_guessed=_bool(c("Stage guessed")),
    )
    email, withdrawn = person.email.lower(), _date(c("Consent withdrawn on"))

    def write(session: Session, ids: _Ids) -> None:
        if email in ids.people:  # someone the file holds keeps their details
            return
        person_id = ids.people[email] = add_person(session, person)
        ids.added.add(email)
        if withdrawn is not None:
            withdraw_consent(session, person_id, withdrawn)

    return write


def _line_manager(c: _Cells) -> _Write | None:
    email, manager = _email(c("Email")), _email(c("Line manager"))
    if not manager:
        return None

    def write(session: Session, ids: _Ids) -> None:
        person = session.get(Person, ids.people[email])
        if email in ids.added and person is not None and manager in ids.people:
            person.line_manager_id = ids.people[manager]

    return write


def _application(
    c: _Cells,
    strands: set[str],
    emails: dict[str, int],
    answers: dict[_Key, list[tuple[int, OtherAnswer]]],
) -> _Write:
    """An application, with its answers on the Other answers sheet (taken from ``answers``)."""
    email = _listed(_email(c("Email")), emails)
    strand = _strand(cell_text(c("Strand")), strands)
    mentors = [_listed(e.lower(), emails) for e in split_tags(cell_text(c("Mentor choices")))]
    role = _choice(c("Role"), Role)
    others = [answer for _, answer in answers.pop((email, strand, role), [])]
    application = ApplicationInput(
        strand_id=0,  # the strand's id, once it is in the file
        role=role,
        status=_choice(c("Status"), ApplicationStatus),
        submitted_on=_date(c("Submitted on")),
        goals=cell_text(c("Goals")),
        development_needs=cell_text(c("Development needs")),
        preferences=cell_text(c("Preferences")),
        availability=cell_text(c("Availability")),
        capacity=_int(c("Capacity")),
        source=cell_text(c("Source")),
    )
    waitlist_place = _int(c("Waitlist place"))

    def write(session: Session, ids: _Ids) -> None:
        application_id = add_application(
            session, ids.people[email], replace(application, strand_id=ids.strands[strand])
        )
        if waitlist_place is not None:
            get_application(session, application_id).waitlist_rank = waitlist_place
        for rank, mentor in enumerate(mentors, start=1):
            session.add(
                MentorChoice(application_id=application_id, mentor_id=ids.people[mentor], rank=rank)
            )
        if others:
            set_other_answers(session, application_id, others)

    return write


def _other_answer(c: _Cells) -> tuple[_Key, OtherAnswer | None]:
    """An answer with the application it belongs to; None for a row without an answer."""
    key = (_email(c("Email")), cell_text(c("Strand")), _choice(c("Role"), Role))
    given = OtherAnswer(cell_text(c("Question")), cell_text(c("Answer")))
    checked = checked_answers([given])
    return key, checked[0] if checked else None


def _check_answered(answers: dict[_Key, list[tuple[int, OtherAnswer]]]) -> None:
    """Refuse an answer left over: no application on the Applications sheet is its own."""
    for (email, strand, role), rows in answers.items():
        number = rows[0][0]
        raise InvalidInput(
            f"{OTHER_ANSWERS_SHEET} sheet, row {number}: there is no application of "
            f"{email or 'a blank email'} to {strand or 'a blank strand'} as a "
            f"{role.label.lower()} on the {APPLICATIONS_SHEET} sheet."
        )


def _check_in(c: _Cells) -> tuple[int, CheckInInput]:
    """A check-in, with the number of its pairing on the Pairings sheet."""
    due_on = _date(c("Due on"))
    if due_on is None:
        raise InvalidInput("Due on is required.")
    check_in = CheckInInput(
        due_on=due_on,
        done_on=_date(c("Done on")),
        outcome=_optional_choice(c("Outcome"), CheckInOutcome),
        summary=cell_text(c("Summary")),
    )
    return _int(c("Pairing")) or 0, check_in


def _pairing(
    c: _Cells, strands: set[str], emails: dict[str, int], check_ins: dict[int, list[CheckInInput]]
) -> _Write:
    strand = _strand(cell_text(c("Strand")), strands)
    mentor = _listed(_email(c("Mentor email")), emails)
    mentees = [_listed(e.lower(), emails) for e in split_tags(cell_text(c("Mentee emails")))]
    pairing = PairingInput(
        strand_id=0,  # the ids of the strand and the people, once they are in the file
        mentor_id=0,
        mentee_ids=[],
        name=cell_text(c("Name")),
        status=_choice(c("Status"), PairingStatus),
        proposed_on=_date(c("Proposed on")),
        started_on=_date(c("Started on")),
        ended_on=_date(c("Ended on")),
        match_score=_float(c("Match score")),
        match_explanation=cell_text(c("Match explanation")),
        meeting_frequency=cell_text(c("Meeting frequency")),
        meeting_length=cell_text(c("Meeting length")),
        meeting_venue=cell_text(c("Meeting venue")),
        contact_between_meetings=cell_text(c("Contact between meetings")),
        review_on=_date(c("Review on")),
        goals=cell_text(c("Goals")),
        confidentiality_agreed=_bool(c("Confidentiality agreed")),
        end_reason=_optional_choice(c("End reason"), EndReason),
        draft=_bool(c("Draft")),
        check_ins=check_ins.get(_int(c("Pairing")) or 0, []),
    )
    response = _optional_choice(c("Mentor response"), MentorResponse) or MentorResponse.NONE
    answer_due_on, override_reason = _date(c("Answer due on")), cell_text(c("Override reason"))

    def write(session: Session, ids: _Ids) -> None:
        placed = replace(
            pairing,
            strand_id=ids.strands[strand],
            mentor_id=ids.people[mentor],
            mentee_ids=[ids.people[m] for m in mentees],
        )
        stored = get_pairing(session, add_pairing(session, placed))
        stored.mentor_response = response
        stored.response_due_on = answer_due_on
        stored.override_reason = override_reason

    return write


def _event(c: _Cells, strands: set[str], zone: ZoneInfo) -> _Write:
    audience_strand = cell_text(c("Audience strand"))
    if audience_strand:
        _strand(audience_strand, strands)
    uid, sequence = cell_text(c("UID")), _int(c("Sequence")) or 0
    cancelled, series = _bool(c("Cancelled")), cell_text(c("Series")) or None
    event = EventInput(
        kind=_choice(c("Kind"), EventKind),
        title=cell_text(c("Title")),
        starts_at=_moment(c("Starts at"), zone),
        ends_at=_moment(c("Ends at"), zone),
        all_day=_bool(c("All day")),
        location=cell_text(c("Location")),
        description=cell_text(c("Description")),
        capacity=_int(c("Capacity")),
        online_link=cell_text(c("Online link")),
        facilitator=cell_text(c("Facilitator")),
        audience=_choice(c("Audience"), Audience),
    )

    def write(session: Session, ids: _Ids) -> None:
        placed = replace(event, audience_strand_id=ids.strands.get(audience_strand))
        event_id = add_event(session, ids.programme_id, placed)
        stored = get_event(session, event_id)
        # Calendars know an event by its UID: keeping it (and its sequence) means
        # invitations sent before the move still update the same entry. A UID the
        # file uses already belongs to the event this one was copied from: the
        # copy keeps the new UID it was given.
        if uid and session.scalar(select(Event.id).where(Event.uid == uid)) is None:
            stored.uid = uid
        if uid:
            ids.events[uid] = event_id
        stored.sequence = sequence
        stored.cancelled = cancelled
        stored.series_id = series

    return write


def _attendance(c: _Cells, uids: set[str], emails: dict[str, int]) -> _Write:
    uid = cell_text(c("Event UID"))
    if uid not in uids:
        raise InvalidInput(f"the event “{uid}” is not on the Events sheet.")
    email = _listed(_email(c("Email")), emails)
    status = _choice(c("Status"), AttendanceStatus)
    minutes = _int(c("Minutes attended"))
    rsvp = _optional_choice(c("RSVP"), Rsvp)

    def write(session: Session, ids: _Ids) -> None:
        set_attendance(session, ids.events[uid], ids.people[email], status, minutes, rsvp=rsvp)

    return write


def _training_rule(c: _Cells, strands: set[str]) -> _Write:
    kind, role = _choice(c("Training"), EventKind), _choice(c("Role"), Role)
    strand = cell_text(c("Strand"))
    if strand:
        _strand(strand, strands)

    def write(_session: Session, ids: _Ids) -> None:
        strand_id = ids.strands[strand] if strand else None
        ids.rules.append(Requirement(kind=kind, role=role, strand_id=strand_id))

    return write


# Writing --------------------------------------------------------------------------------


def import_programme(session: Session, workbook: ProgrammeWorkbook) -> WorkbookImportSummary:
    """Write a programme read by :func:`read_programme_workbook`, in the caller's transaction.

    On any error the caller's transaction rolls back, so nothing is written.

    Raises:
        Conflict: the file already holds a programme of that name.
        InvalidInput: a row is refused; the message names its sheet and row.
    """
    # Strands are retired once their applications and pairings are in: a retired strand
    # takes no new application.
    given = workbook.programme
    unretired = [replace(strand, retired=False) for strand in given.strands]
    programme_id = create_programme(
        session, replace(given, template="", strands=unretired, stages=given.stages or ())
    )
    programme = get_programme(session, programme_id)
    programme.template = given.template
    ids = _Ids(
        programme_id=programme_id,
        strands={s.name: s.id for s in programme.strands},
        people={e: p.id for e, p in people_by_email(session, workbook.emails).items()},
    )
    known = len(ids.people)
    for step in workbook.steps:
        _at(step.sheet, step.row, partial(step.write, session, ids))
    if ids.rules:
        set_requirements(session, programme_id, ids.rules)
    retired = {strand.name for strand in given.strands if strand.retired}
    for strand in programme.strands:
        strand.retired = strand.name in retired
    session.flush()
    record_change(
        session,
        "imported",
        "programme",
        programme_id,
        f"whole-programme workbook: {len(ids.added)} people added, {known} already in the file",
    )
    return WorkbookImportSummary(programme_id, people_added=len(ids.added), people_known=known)
