"""Programmes and their strands: create them, list them, find the one a command means."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus, StrandFormat
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.services.audit import record_change
from mentordesk.services.collation import sort_key
from mentordesk.services.validation import optional_count, optional_text, required_text
from mentordesk.store.models import Application, Event, Pairing, Person, Programme, Strand


@dataclass
class StrandInput:
    """A strand as typed in a form."""

    name: str
    format: StrandFormat = StrandFormat.ONE_TO_ONE
    places: int | None = None
    description: str = ""


@dataclass
class ProgrammeInput:
    """A programme as typed in a form."""

    name: str
    description: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    applications_open_on: dt.date | None = None
    applications_close_on: dt.date | None = None
    timezone: str = "Europe/Luxembourg"
    max_mentees_per_mentor: int | None = None
    max_grade_gap: int | None = None
    duration_months: int | None = None
    strands: list[StrandInput] = field(default_factory=list)


@dataclass(frozen=True)
class ProgrammeSummary:
    """A programme as listed in a menu or by the CLI."""

    id: int
    name: str
    timezone: str
    strand_names: tuple[str, ...]


@dataclass(frozen=True)
class ProgrammeCounts:
    """How much a programme holds."""

    applications: int
    pairings: int
    events: int


@dataclass(frozen=True)
class StrandChoice:
    """A strand as offered in a form's drop-down."""

    id: int
    name: str
    format: StrandFormat


def create_programme(session: Session, data: ProgrammeInput) -> int:
    """Add a programme with its strands and return its id.

    Raises:
        InvalidInput: a field is missing or wrong.
        Conflict: a programme of that name exists.
    """
    name = required_text(data.name, "Programme name")
    if session.scalar(select(Programme.id).where(func.lower(Programme.name) == name.lower())):
        raise Conflict(f"There is already a programme called “{name}”.")
    try:
        ZoneInfo(data.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"“{data.timezone}” is not a time zone MentorDesk knows.") from None
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise InvalidInput("The programme cannot end before it starts.")
    programme = Programme(
        name=name,
        description=optional_text(data.description, "Description", max_length=5000),
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        applications_open_on=data.applications_open_on,
        applications_close_on=data.applications_close_on,
        timezone=data.timezone,
        max_mentees_per_mentor=optional_count(
            data.max_mentees_per_mentor, "Mentees per mentor", minimum=1
        ),
        max_grade_gap=optional_count(data.max_grade_gap, "Grade gap"),
        duration_months=optional_count(data.duration_months, "Duration", minimum=1),
    )
    names: set[str] = set()
    for strand in data.strands:
        strand_name = required_text(strand.name, "Strand name", max_length=120)
        if strand_name.lower() in names:
            raise InvalidInput(f"The strand “{strand_name}” is listed twice.")
        names.add(strand_name.lower())
        programme.strands.append(
            Strand(
                name=strand_name,
                format=strand.format,
                places=optional_count(strand.places, "Places"),
                description=strand.description.strip(),
            )
        )
    session.add(programme)
    session.flush()
    record_change(session, "created", "programme", programme.id)
    return programme.id


def list_programmes(session: Session) -> list[ProgrammeSummary]:
    """Every programme in the file, by name."""
    programmes = sorted(session.scalars(select(Programme)), key=lambda p: (sort_key(p.name), p.id))
    return [
        ProgrammeSummary(p.id, p.name, p.timezone, tuple(s.name for s in p.strands))
        for p in programmes
    ]


def find_programme(session: Session, name: str | None) -> ProgrammeSummary:
    """The programme a command means: by name, or the only one in the file.

    Raises:
        NotFound: no programme matches, or several do and none was named.
    """
    programmes = list_programmes(session)
    if name is None:
        if len(programmes) == 1:
            return programmes[0]
        if not programmes:
            raise NotFound(
                "The file holds no programme yet: create one in the window, or with "
                "“mentordesk-cli programme create NAME”."
            )
        names = ", ".join(p.name for p in programmes)
        raise NotFound(f"The file holds several programmes ({names}); name one with --programme.")
    for programme in programmes:
        if programme.name.lower() == name.strip().lower():
            return programme
    raise NotFound(f"There is no programme called “{name}” in this file.")


def strand_choices(session: Session, programme_id: int) -> list[StrandChoice]:
    """The strands of a programme, for a form's drop-down."""
    strands = session.scalars(select(Strand).where(Strand.programme_id == programme_id))
    ordered = sorted(strands, key=lambda s: (sort_key(s.name), s.id))
    return [StrandChoice(s.id, s.name, s.format) for s in ordered]


def get_programme(session: Session, programme_id: int) -> Programme:
    """The programme with this id.

    Raises:
        NotFound: it no longer exists.
    """
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound("This programme no longer exists.")
    return programme


def programme_counts(session: Session, programme_id: int) -> ProgrammeCounts:
    """How many applications, pairings and events a programme holds."""
    in_programme = Strand.programme_id == programme_id
    return ProgrammeCounts(
        applications=session.scalar(
            select(func.count(Application.id)).join(Strand).where(in_programme)
        )
        or 0,
        pairings=session.scalar(select(func.count(Pairing.id)).join(Strand).where(in_programme))
        or 0,
        events=session.scalar(
            select(func.count(Event.id)).where(Event.programme_id == programme_id)
        )
        or 0,
    )


def applicants_in(
    programme_id: int, *columns: Any, status: ApplicationStatus = ApplicationStatus.ACCEPTED
) -> Select[Any]:
    """A query of ``columns`` for each application with ``status`` to a programme's strands.

    One line per application (accepted ones unless ``status`` says otherwise),
    with the applicant's Person, the Application and its Strand joined, so that
    ``columns`` may name any of them; add ``where`` clauses to narrow it.
    """
    return (
        select(*columns)
        .select_from(Person)
        .join(Application, Application.person_id == Person.id)
        .join(Strand, Application.strand_id == Strand.id)
        .where(Strand.programme_id == programme_id, Application.status == status)
    )


def count_people(session: Session) -> int:
    """How many people the file holds, across all programmes."""
    return session.scalar(select(func.count(Person.id))) or 0
