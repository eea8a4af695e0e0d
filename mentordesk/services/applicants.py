"""People and their applications: add, edit, list and move them through the selection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    ContractType,
    EventKind,
    PairingStatus,
    Role,
    StrandFormat,
)
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.services.audit import record_added, record_change, record_edited
from mentordesk.services.collation import sort_key
from mentordesk.services.line_managers import (
    check_reporting_line,
    find_by_email,
    manager_text,
)
from mentordesk.services.other_answers import answers_text, other_answers_in_programme
from mentordesk.services.pairings import OPEN_CHECK_INS, check_in_states
from mentordesk.services.programmes import retired_strand
from mentordesk.services.validation import (
    normalise_email,
    optional_count,
    optional_text,
)
from mentordesk.store.models import (
    Application,
    Attendance,
    Event,
    Note,
    Pairing,
    PairingMember,
    Person,
    Programme,
    Strand,
)


@dataclass
class PersonInput:
    """A person as typed in a form or read from a spreadsheet row."""

    first_name: str
    last_name: str
    email: str
    organisation: str = ""
    department: str = ""
    position: str = ""
    #: The career stage's name, as in the programme's list of stages ("" when unknown).
    stage: str = ""
    contract_type: ContractType | None = None
    field: str = ""
    expertise: str = ""
    languages: str = ""
    gender: str = ""
    consent_on: dt.date | None = None
    #: The stage was guessed from the position and nobody confirmed it yet; a stage
    #: typed by hand is not a guess.
    stage_guessed: bool = False
    #: The line manager's email: someone in the file; "" for none.
    line_manager_email: str = ""


@dataclass
class ApplicationInput:
    """An application as typed in a form."""

    strand_id: int
    role: Role
    status: ApplicationStatus = ApplicationStatus.RECEIVED
    submitted_on: dt.date | None = None
    goals: str = ""
    development_needs: str = ""
    preferences: str = ""
    capacity: int | None = None
    source: str = "typed in"
    #: When the applicant can meet, in their words ("Tuesday afternoons, online").
    availability: str = ""


#: The columns an application is shown in: the Applicants table, and the records
#: behind a figure of the Dashboard that counts applications.
APPLICANT_HEADERS = (
    "Name",
    "Email",
    "Role",
    "Strand",
    "Status",
    "Organisation",
    "Department",
    "Career stage",
    "Contract",
    "Submitted",
)


@dataclass(frozen=True)
class ApplicantRow:
    """One line of the Applicants table."""

    application_id: int
    person_id: int
    name: str
    email: str
    role: Role
    strand: str
    status: ApplicationStatus
    organisation: str
    department: str
    stage: str
    contract_type: ContractType | None
    submitted_on: dt.date | None
    consent_withdrawn: bool = False
    #: What the Name column sorts on: last name, then first name, alphabetically.
    sort_name: str = ""
    #: The application's other answers, a line each ("Question: answer"), for the search.
    other_answers_text: str = ""
    #: When the applicant can meet, in their words.
    availability: str = ""
    #: The stage was guessed from the position and nobody confirmed it yet.
    stage_guessed: bool = False
    #: Submitted after the programme's applications closed (kept, and marked so).
    late: bool = False


@dataclass(frozen=True)
class PersonChoice:
    """A person as offered in a form's drop-down."""

    id: int
    name: str
    email: str
    department: str


def _clean_person(data: PersonInput) -> dict[str, object]:
    first = optional_text(data.first_name, "First name", max_length=100)
    last = optional_text(data.last_name, "Last name", max_length=100)
    if not first and not last:
        raise InvalidInput("A name is required: type a first or a last name.")
    stage = optional_text(data.stage, "Career stage", max_length=120)
    return {
        "first_name": first,
        "last_name": last,
        "email": normalise_email(data.email),
        "organisation": optional_text(data.organisation, "Organisation"),
        "department": optional_text(data.department, "Department"),
        "position": optional_text(data.position, "Position"),
        "stage": stage,
        "stage_guessed": bool(stage) and data.stage_guessed,
        "contract_type": data.contract_type,
        "field": optional_text(data.field, "Field"),
        "expertise": optional_text(data.expertise, "Expertise", max_length=2000),
        "languages": optional_text(data.languages, "Languages"),
        "gender": optional_text(data.gender, "Gender", max_length=60),
        "consent_on": data.consent_on,
    }


def _check_email_free(session: Session, email: str, person_id: int | None = None) -> None:
    query = select(Person).where(func.lower(Person.email) == email)
    if person_id is not None:
        query = query.where(Person.id != person_id)
    other = session.scalar(query)
    if other is not None:
        raise Conflict(f"{other.full_name} already uses the email {email}.")


def add_person(session: Session, data: PersonInput) -> int:
    """Add a person and return their id.

    Raises:
        InvalidInput: a field is missing or wrong, or the line manager is not in
            the file (or is the person themselves).
        Conflict: someone already has that email (whatever its case).
    """
    values = _clean_person(data)
    _check_email_free(session, str(values["email"]))
    values["line_manager_id"] = _manager_id(session, data.line_manager_email, None, values)
    return record_added(session, Person(**values), "person")


def update_person(session: Session, person_id: int, data: PersonInput) -> None:
    """Save changes to a person.

    Raises:
        NotFound, InvalidInput, Conflict: as for :func:`add_person`; InvalidInput
            too when the line manager reports to this person, directly or up
            their chain.
    """
    person = get_person(session, person_id)
    values = _clean_person(data)
    _check_email_free(session, str(values["email"]), person_id)
    values["line_manager_id"] = _manager_id(session, data.line_manager_email, person, values)
    record_edited(session, person, values, "person")


def _manager_id(
    session: Session, email: str, person: Person | None, values: dict[str, object]
) -> int | None:
    """The line manager's id from their email ("" for none), checked as :func:`add_person` says."""
    if not email.strip():
        return None
    wanted = normalise_email(email)
    name = f"{values['first_name']} {values['last_name']}".strip()
    if wanted == values["email"]:
        raise InvalidInput(f"{name} cannot be their own line manager.")
    manager = find_by_email(session, wanted)
    if manager is None:
        raise InvalidInput(
            f"The line manager {wanted} is not in this file: add them first, then choose them."
        )
    if person is not None:
        check_reporting_line(session, person, manager)
    return manager.id


def delete_person(session: Session, person_id: int) -> None:
    """Remove a person with their applications, attendance and notes.

    Raises:
        Conflict: they still mentor a pairing, or are the only mentee of one
            (the coordinator reassigns or deletes the pairing first).
    """
    person = get_person(session, person_id)
    # Checked before deleting: a failed flush would roll the whole transaction back
    # and leave the session unusable, even for composing this message.
    if session.scalar(select(Pairing.id).where(Pairing.mentor_id == person_id).limit(1)):
        raise Conflict(
            f"{person.full_name} mentors at least one pairing. Reassign or delete "
            "those pairings first."
        )
    their_pairings = select(PairingMember.pairing_id).where(PairingMember.person_id == person_id)
    sole_mentee = (
        select(PairingMember.pairing_id)
        .where(PairingMember.pairing_id.in_(their_pairings))
        .group_by(PairingMember.pairing_id)
        .having(func.count() == 1)
        .limit(1)
    )
    if session.scalar(sole_mentee):
        raise Conflict(
            f"{person.full_name} is the only mentee of at least one pairing. Delete those "
            "pairings or add another mentee first."
        )
    session.delete(person)
    session.flush()
    record_change(session, "deleted", "person", person_id)


def get_person(session: Session, person_id: int) -> Person:
    """The person with this id.

    Raises:
        NotFound: they are no longer in the file.
    """
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("This person is no longer in the file.")
    return person


def person_input(session: Session, person_id: int) -> PersonInput:
    """A person's current values, ready to fill an edit form."""
    return input_of(get_person(session, person_id))


def input_of(person: Person) -> PersonInput:
    """A person's stored values as a :class:`PersonInput` (their manager by email)."""
    values = {f.name: getattr(person, f.name) for f in fields(PersonInput) if f.name in _STORED}
    manager = person.line_manager
    return PersonInput(**values, line_manager_email=manager.email if manager else "")


#: PersonInput's fields that are a person's own columns (the manager is a link).
_STORED = frozenset(f.name for f in fields(PersonInput)) - {"line_manager_email"}


def _clean_application(session: Session, data: ApplicationInput) -> dict[str, object]:
    if session.get(Strand, data.strand_id) is None:
        raise InvalidInput("Choose the strand the application is for.")
    capacity = optional_count(data.capacity, "Capacity")
    if capacity is not None and data.role is not Role.MENTOR:
        raise InvalidInput("Only mentors have a capacity (how many mentees they take).")
    return {
        "strand_id": data.strand_id,
        "role": data.role,
        "status": data.status,
        "submitted_on": data.submitted_on,
        "goals": optional_text(data.goals, "Goals", max_length=5000),
        "development_needs": optional_text(
            data.development_needs, "Development needs", max_length=5000
        ),
        "preferences": optional_text(data.preferences, "Preferences", max_length=5000),
        "capacity": capacity,
        "source": optional_text(data.source, "Source", max_length=300) or "typed in",
        "availability": optional_text(data.availability, "Availability", max_length=5000),
    }


def _check_application_free(
    session: Session, person_id: int, values: dict[str, object], application_id: int | None = None
) -> None:
    query = select(Application.id).where(
        Application.person_id == person_id,
        Application.strand_id == values["strand_id"],
        Application.role == values["role"],
    )
    if application_id is not None:
        query = query.where(Application.id != application_id)
    if session.scalar(query) is not None:
        role = values["role"]
        assert isinstance(role, Role)
        raise Conflict(f"This person already applied to that strand as a {role.label.lower()}.")


def add_application(session: Session, person_id: int, data: ApplicationInput) -> int:
    """Add an application for an existing person and return its id."""
    get_person(session, person_id)
    values = _clean_application(session, data)
    _check_strand_open(session, data.strand_id)
    _check_application_free(session, person_id, values)
    return record_added(session, Application(person_id=person_id, **values), "application")


def _check_strand_open(session: Session, strand_id: int) -> None:
    strand = session.get(Strand, strand_id)
    if strand is not None and strand.retired:
        raise InvalidInput(retired_strand(strand.name))


def add_applicant(session: Session, person: PersonInput, application: ApplicationInput) -> int:
    """Add a new person with their application (the Applicants form); returns the application id."""
    person_id = add_person(session, person)
    return add_application(session, person_id, application)


def update_application(session: Session, application_id: int, data: ApplicationInput) -> None:
    """Save changes to an application."""
    application = get_application(session, application_id)
    values = _clean_application(session, data)
    if data.strand_id != application.strand_id:
        _check_strand_open(session, data.strand_id)
    _check_application_free(session, application.person_id, values, application_id)
    record_edited(session, application, values, "application")


def update_applicant(
    session: Session, application_id: int, person: PersonInput, application: ApplicationInput
) -> None:
    """Save changes to an application and its applicant (the Applicants form)."""
    person_id = get_application(session, application_id).person_id
    update_person(session, person_id, person)
    update_application(session, application_id, application)


def delete_application(session: Session, application_id: int) -> None:
    """Remove an application; the person stays in the file with their other records."""
    session.delete(get_application(session, application_id))
    record_change(session, "deleted", "application", application_id)


def set_application_status(
    session: Session, application_ids: list[int], status: ApplicationStatus
) -> int:
    """Move applications to a status (a bulk action); returns how many changed."""
    changed = 0
    for application_id in application_ids:
        application = get_application(session, application_id)
        if application.status != status:
            application.status = status
            changed += 1
            record_change(session, f"status {status.value}", "application", application_id)
    return changed


def get_application(session: Session, application_id: int) -> Application:
    """The application with this id.

    Raises:
        NotFound: it is no longer in the file.
    """
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("This application is no longer in the file.")
    return application


def application_input(session: Session, application_id: int) -> ApplicationInput:
    """An application's current values, ready to fill an edit form."""
    application = get_application(session, application_id)
    return ApplicationInput(
        **{f.name: getattr(application, f.name) for f in fields(ApplicationInput)}
    )


def applicant_rows(session: Session, programme_id: int) -> list[ApplicantRow]:
    """Every application of a programme, with the applicant, for the Applicants table."""
    query = (
        select(
            Application.id,
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.email,
            Application.role,
            Strand.name,
            Application.status,
            Person.organisation,
            Person.department,
            Person.stage,
            Person.contract_type,
            Application.submitted_on,
            Person.consent_withdrawn_on,
            Application.availability,
            Person.stage_guessed,
        )
        .join(Person, Application.person_id == Person.id)
        .join(Strand, Application.strand_id == Strand.id)
        .where(Strand.programme_id == programme_id)
    )
    answers = other_answers_in_programme(session, programme_id)
    closes = session.scalar(
        select(Programme.applications_close_on).where(Programme.id == programme_id)
    )
    rows = [
        ApplicantRow(
            application_id=r[0],
            person_id=r[1],
            name=f"{r[2]} {r[3]}".strip(),
            email=r[4],
            role=r[5],
            strand=r[6],
            status=r[7],
            organisation=r[8],
            department=r[9],
            stage=r[10],
            contract_type=r[11],
            submitted_on=r[12],
            consent_withdrawn=r[13] is not None,
            sort_name=sort_key(r[3], r[2]),
            other_answers_text=answers_text(answers.get(r[0], ())),
            availability=r[14],
            stage_guessed=r[15],
            late=is_late(r[12], closes),
        )
        for r in session.execute(query)
    ]
    return sorted(rows, key=lambda row: (row.sort_name, row.application_id))


def person_choices(session: Session) -> list[PersonChoice]:
    """Everyone in the file, by name, for a form's drop-down."""
    query = select(Person.id, Person.first_name, Person.last_name, Person.email, Person.department)
    rows = sorted(session.execute(query), key=lambda r: (sort_key(r[2], r[1]), r[0]))
    return [PersonChoice(r[0], f"{r[1]} {r[2]}".strip(), r[3], r[4]) for r in rows]


@dataclass(frozen=True)
class StrandSummary:
    """One strand's places against its applications, for the line above the Applicants table.

    Attributes:
        places: how many places the strand offers, or None if it sets no limit.
        applications: applications of every role and status.
        accepted: accepted applications, mentors and mentees together.
    """

    strand_id: int
    name: str
    format: StrandFormat
    places: int | None
    applications: int
    accepted: int
    mentors_accepted: int
    mentees_accepted: int

    @property
    def over_places(self) -> bool:
        """Whether more mentees were accepted than the strand has places.

        Places are what mentees apply for ("55 applications for 20 places");
        mentors volunteer and are not counted against them.
        """
        return self.places is not None and self.mentees_accepted > self.places


@dataclass(frozen=True)
class PersonApplication:
    """One application of a person, in any programme."""

    programme: str
    strand: str
    role: Role
    status: ApplicationStatus
    submitted_on: dt.date | None


@dataclass(frozen=True)
class PersonPairing:
    """A pairing a person is in, as mentor or mentee; ``others`` are the other people in it."""

    programme: str
    strand: str
    role: Role
    others: tuple[str, ...]
    status: PairingStatus
    started_on: dt.date | None
    next_check_in: dt.date | None


@dataclass(frozen=True)
class PersonAttendance:
    """A person's part in one event; ``date`` is the day in the programme's time zone."""

    title: str
    kind: EventKind
    date: dt.date
    status: AttendanceStatus
    minutes_attended: int | None


@dataclass(frozen=True)
class PersonDetail:
    """Everything known about a person, for the detail panel, except what notes say.

    Only the number of notes about them is given: their text stays in the Notes
    tab, behind a deliberate click.
    """

    person_id: int
    name: str
    email: str
    organisation: str
    department: str
    position: str
    stage: str
    contract_type: ContractType | None
    field: str
    expertise: str
    languages: str
    gender: str
    consent_on: dt.date | None
    #: "Name <email>", or "" when they have none in the file.
    line_manager: str
    applications: tuple[PersonApplication, ...]
    pairings: tuple[PersonPairing, ...]
    attendance: tuple[PersonAttendance, ...]
    note_count: int
    consent_withdrawn_on: dt.date | None = None
    #: The stage was guessed from the position and nobody confirmed it yet.
    stage_guessed: bool = False


def strand_summaries(session: Session, programme_id: int) -> list[StrandSummary]:
    """Each strand of a programme with its places and its applications counted, by name."""
    accepted = Application.status == ApplicationStatus.ACCEPTED

    def accepted_as(role: Role) -> ColumnElement[int]:
        return func.sum(case((and_(accepted, Application.role == role), 1), else_=0))

    query = (
        select(
            Strand.id,
            Strand.name,
            Strand.format,
            Strand.places,
            func.count(Application.id),
            accepted_as(Role.MENTOR),
            accepted_as(Role.MENTEE),
        )
        .outerjoin(Application, Application.strand_id == Strand.id)
        .where(Strand.programme_id == programme_id)
        .group_by(Strand.id)
    )
    found = sorted(session.execute(query), key=lambda r: (sort_key(r[1]), r[0]))
    return [
        StrandSummary(
            strand_id=r[0],
            name=r[1],
            format=r[2],
            places=r[3],
            applications=r[4],
            accepted=(r[5] or 0) + (r[6] or 0),
            mentors_accepted=r[5] or 0,
            mentees_accepted=r[6] or 0,
        )
        for r in found
    ]


def person_detail(session: Session, person_id: int) -> PersonDetail:
    """Everything known about a person across programmes, and how many notes concern them.

    Raises:
        NotFound: they are no longer in the file.
    """
    person = get_person(session, person_id)
    applications = session.execute(
        select(
            Programme.name,
            Strand.name,
            Application.role,
            Application.status,
            Application.submitted_on,
        )
        .join(Strand, Application.strand_id == Strand.id)
        .join(Programme, Strand.programme_id == Programme.id)
        .where(Application.person_id == person_id)
        .order_by(Programme.name, Strand.name, Application.role)
    )
    notes = select(func.count(Note.id)).where(Note.person_id == person_id)
    return PersonDetail(
        person_id=person.id,
        name=person.full_name,
        email=person.email,
        organisation=person.organisation,
        department=person.department,
        position=person.position,
        stage=person.stage,
        contract_type=person.contract_type,
        field=person.field,
        expertise=person.expertise,
        languages=person.languages,
        gender=person.gender,
        consent_on=person.consent_on,
        line_manager=manager_text(person.line_manager),
        applications=tuple(PersonApplication(*r) for r in applications),
        pairings=_person_pairings(session, person_id),
        attendance=_person_attendance(session, person_id),
        note_count=session.scalar(notes) or 0,
        consent_withdrawn_on=person.consent_withdrawn_on,
        stage_guessed=person.stage_guessed,
    )


def is_late(submitted_on: dt.date | None, closes_on: dt.date | None) -> bool:
    """Whether an application came in after the programme's applications closed.

    Late applications are kept and marked, never refused; one without a
    submission date, or a programme without a closing date, is not late.
    """
    return submitted_on is not None and closes_on is not None and submitted_on > closes_on


def _person_pairings(session: Session, person_id: int) -> tuple[PersonPairing, ...]:
    as_mentee = select(PairingMember.pairing_id).where(PairingMember.person_id == person_id)
    pairings = session.scalars(
        select(Pairing)
        .where(or_(Pairing.mentor_id == person_id, Pairing.id.in_(as_mentee)))
        .options(
            selectinload(Pairing.mentor),
            selectinload(Pairing.strand).selectinload(Strand.programme),
            selectinload(Pairing.members).selectinload(PairingMember.person),
            selectinload(Pairing.check_ins),
        )
        .order_by(Pairing.started_on, Pairing.id)
    )
    found = []
    for p in pairings:
        mentees = sorted(
            (m.person.full_name for m in p.members if m.person_id != person_id), key=sort_key
        )
        is_mentor = p.mentor_id == person_id
        others = tuple(mentees) if is_mentor else (p.mentor.full_name, *mentees)
        states = check_in_states(p, dt.date.today())
        pending = [c.due_on for c, state in states if state in OPEN_CHECK_INS]
        found.append(
            PersonPairing(
                programme=p.strand.programme.name,
                strand=p.strand.name,
                role=Role.MENTOR if is_mentor else Role.MENTEE,
                others=others,
                status=p.status,
                started_on=p.started_on,
                next_check_in=min(pending) if pending else None,
            )
        )
    return tuple(found)


def _person_attendance(session: Session, person_id: int) -> tuple[PersonAttendance, ...]:
    rows = session.execute(
        select(
            Event.title,
            Event.kind,
            Event.starts_at,
            Programme.timezone,
            Attendance.status,
            Attendance.minutes_attended,
        )
        .join(Event, Attendance.event_id == Event.id)
        .join(Programme, Event.programme_id == Programme.id)
        .where(Attendance.person_id == person_id)
        .order_by(Event.starts_at)
    )
    return tuple(
        PersonAttendance(title, kind, starts.astimezone(ZoneInfo(zone)).date(), status, minutes)
        for title, kind, starts, zone, status, minutes in rows
    )
