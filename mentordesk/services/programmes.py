"""Programmes and their strands: create them from a template, change them, list them, find one.

A programme's settings are read and written as one :class:`ProgrammeInput`: the
form fills it, ``create_programme`` makes the programme (with its template's career
stages and training rules), ``programme_settings`` reads it back, and
``edit_programme`` writes what changed, each change audited in plain words. A
change applies to what follows: pairings made and messages sent stay as they were.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus, FieldPreference, StrandFormat
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.domain.stages import Stage
from mentordesk.formats.pdf import check_logo
from mentordesk.formats.text import plural
from mentordesk.services.audit import record_change
from mentordesk.services.career_stages import checked_stages, ladder_of, set_stages
from mentordesk.services.collation import sort_key
from mentordesk.services.programme_templates import ProgrammeInput as ProgrammeInput
from mentordesk.services.programme_templates import StrandInput as StrandInput
from mentordesk.services.programme_templates import find_template
from mentordesk.services.validation import optional_count, optional_text, required_text
from mentordesk.store.models import (
    Application,
    Event,
    Pairing,
    PairingMember,
    Person,
    Programme,
    Strand,
    TrainingRequirement,
)

# The file's own limit on the days a mentor is given to answer a proposal.
_MAX_RESPONSE_DAYS = 90


@dataclass(frozen=True)
class ProgrammeSummary:
    """A programme as listed in a menu or by the CLI; ``strand_names`` leaves retired ones out."""

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
    retired: bool = False


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` later, kept within the month (31 Jan + 1 → 28 or 29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def create_programme(session: Session, data: ProgrammeInput) -> int:
    """Add a programme with its strands, career stages and training rules; return its id.

    A template named in ``data.template`` gives the stages, same-track rule and
    field preference that ``data`` leaves as None, and its training rules. A
    programme given a start and a duration but no end ends the duration after
    its start.

    Raises:
        InvalidInput: a field is missing or wrong, or the template is unknown.
        Conflict: a programme of that name exists.
    """
    template = find_template(data.template) if data.template.strip() else None
    name = _checked_name(session, data.name, None)
    programme = Programme(name=name, template=template.key if template else "")
    _write_settings(programme, data)
    if programme.ends_on is None and programme.starts_on and programme.duration_months:
        programme.ends_on = add_months(programme.starts_on, programme.duration_months)
    if data.within_track is not None:
        programme.within_track = data.within_track
    elif template is not None:
        programme.within_track = template.within_track
    if data.field_preference is not None:
        programme.field_preference = data.field_preference
    elif template is not None:
        programme.field_preference = template.field_preference
    names: set[str] = set()
    for strand in data.strands:
        checked = _checked_strand(strand)
        if checked.name.casefold() in names:
            raise InvalidInput(f"The strand “{checked.name}” is listed twice.")
        names.add(checked.name.casefold())
        programme.strands.append(
            Strand(
                name=checked.name,
                format=checked.format,
                places=checked.places,
                description=checked.description,
                retired=checked.retired,
            )
        )
    stages = checked_stages(
        data.stages if data.stages is not None else (template.stages if template else ())
    )
    session.add(programme)
    session.flush()
    set_stages(session, programme.id, stages, audited=False)
    if template is not None:
        by_name = {s.name.casefold(): s.id for s in programme.strands}
        for rule in dict.fromkeys(template.training):
            if rule.strand and rule.strand.casefold() not in by_name:
                continue
            session.add(
                TrainingRequirement(
                    programme_id=programme.id,
                    kind=rule.kind,
                    role=rule.role,
                    strand_id=by_name.get(rule.strand.casefold()),
                )
            )
        session.flush()
    record_change(
        session,
        "created",
        "programme",
        programme.id,
        f"from the template {template.label}" if template else "",
    )
    return programme.id


def _checked_name(session: Session, text: str, programme_id: int | None) -> str:
    """The programme's name, refused if empty or another programme has it."""
    name = required_text(text, "Programme name")
    other = session.scalar(
        select(Programme.id).where(
            func.lower(Programme.name) == name.lower(), Programme.id != (programme_id or 0)
        )
    )
    if other is not None:
        raise Conflict(f"There is already a programme called “{name}”.")
    return name


def _write_settings(programme: Programme, data: ProgrammeInput) -> None:
    """Check and write every setting but the name, strands, stages and template's rules."""
    try:
        ZoneInfo(data.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"“{data.timezone}” is not a time zone MentorDesk knows.") from None
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise InvalidInput("The programme cannot end before it starts.")
    if not 1 <= data.response_days <= _MAX_RESPONSE_DAYS:
        raise InvalidInput(
            f"Give mentors between 1 and {_MAX_RESPONSE_DAYS} days to answer a proposal."
        )
    programme.description = optional_text(data.description, "Description", max_length=5000)
    programme.starts_on = data.starts_on
    programme.ends_on = data.ends_on
    programme.applications_open_on = data.applications_open_on
    programme.applications_close_on = data.applications_close_on
    programme.timezone = data.timezone
    programme.max_mentees_per_mentor = optional_count(
        data.max_mentees_per_mentor, "Mentees per mentor", minimum=1
    )
    programme.max_grade_gap = optional_count(data.max_grade_gap, "Grade gap")
    programme.duration_months = optional_count(data.duration_months, "Duration", minimum=1)
    programme.letterhead_name = optional_text(data.letterhead_name, "Letterhead name")
    programme.signature_line = optional_text(data.signature_line, "Signature line", max_length=300)
    programme.response_days = data.response_days
    if data.logo != programme.logo:
        if data.logo:
            check_logo(data.logo)
        programme.logo = data.logo or None


def _checked_strand(strand: StrandInput) -> StrandInput:
    return StrandInput(
        name=required_text(strand.name, "Strand name", max_length=120),
        format=strand.format,
        places=optional_count(strand.places, "Places"),
        description=optional_text(strand.description, "Strand description", max_length=5000),
        id=strand.id,
        retired=strand.retired,
    )


def programme_stages(session: Session, programme_id: int) -> tuple[Stage, ...]:
    """The programme's career stages, in their order."""
    return ladder_of(session, programme_id).stages


def programme_settings(session: Session, programme_id: int) -> ProgrammeInput:
    """Everything a programme is set up with, to show in its settings and change.

    Strands come with their ids and whether they are retired, by name.

    Raises:
        NotFound: the programme is no longer in the file.
    """
    p = get_programme(session, programme_id)
    strands = sorted(p.strands, key=lambda s: (sort_key(s.name), s.id))
    return ProgrammeInput(
        name=p.name,
        description=p.description,
        starts_on=p.starts_on,
        ends_on=p.ends_on,
        applications_open_on=p.applications_open_on,
        applications_close_on=p.applications_close_on,
        timezone=p.timezone,
        max_mentees_per_mentor=p.max_mentees_per_mentor,
        max_grade_gap=p.max_grade_gap,
        duration_months=p.duration_months,
        strands=[
            StrandInput(s.name, s.format, s.places, s.description, s.id, s.retired) for s in strands
        ],
        template=p.template,
        stages=programme_stages(session, programme_id),
        letterhead_name=p.letterhead_name,
        signature_line=p.signature_line,
        response_days=p.response_days,
        within_track=p.within_track,
        field_preference=p.field_preference,
        logo=p.logo,
    )


# What edit_programme compares, as the ProgrammeInput field (and Programme column) and its label.
_SETTINGS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("description", "Description"),
    ("timezone", "Time zone"),
    ("starts_on", "Starts"),
    ("ends_on", "Ends"),
    ("applications_open_on", "Applications open"),
    ("applications_close_on", "Application deadline"),
    ("duration_months", "Duration in months"),
    ("max_mentees_per_mentor", "Mentees per mentor"),
    ("max_grade_gap", "Grade gap"),
    ("within_track", "Mentor and mentee on the same career track"),
    ("field_preference", "Field preference"),
    ("response_days", "Days mentors have to answer"),
    ("letterhead_name", "Letterhead"),
    ("signature_line", "Signature line"),
)


#: Settings whose unset value is no limit, as matching, the settings and `programme list` say.
_LIMITS = frozenset({"max_mentees_per_mentor", "max_grade_gap"})


def _shown(value: object, setting: str = "") -> str:
    """A setting's value as a change line shows it."""
    if value is None and setting in _LIMITS:
        return "no limit"
    if value is None or value == "":
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, FieldPreference):
        return value.label.lower()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return f"“{value}”"
    return str(value)


def edit_programme(session: Session, programme_id: int, changes: ProgrammeInput) -> list[str]:
    """Write a programme's changed settings and say, in plain words, what changed.

    ``changes`` holds every setting as :func:`programme_settings` gives it, with
    the changes made. Stages, same-track rule and field preference left as None
    stay as they are. Strands are matched by id, else by name: new ones are
    added, others renamed, changed, retired or restored; a strand left out is
    removed only if it never held an application or a pairing. Each change is
    audited and applies to what follows: pairings already made keep their dates.

    Returns:
        One line per change ("Grade gap: 2 → 3"); empty when nothing changed.

    Raises:
        NotFound: the programme, or a strand being changed, is no longer in the file.
        Conflict: another programme has the new name.
        InvalidInput: a setting is wrong; nothing is written then.
    """
    programme = get_programme(session, programme_id)
    before = {attr: getattr(programme, attr) for attr, _label in _SETTINGS}
    old_stages, old_logo = programme_stages(session, programme_id), programme.logo
    new_stages = checked_stages(changes.stages) if changes.stages is not None else old_stages
    plans = _strand_plans(session, programme, changes.strands)
    name = _checked_name(session, changes.name, programme_id)
    _write_settings(programme, changes)
    programme.name = name
    if changes.within_track is not None:
        programme.within_track = changes.within_track
    if changes.field_preference is not None:
        programme.field_preference = changes.field_preference
    lines = []
    for attr, label in _SETTINGS:
        old, new = before[attr], getattr(programme, attr)
        if old == new:
            continue
        if attr == "description":
            lines.append("Description changed")
        else:
            lines.append(f"{label}: {_shown(old, attr)} → {_shown(new, attr)}")
    if programme.logo != old_logo:
        changed = "removed" if not programme.logo else "changed" if old_logo else "added"
        lines.append(f"Logo {changed}")
    lines.extend(_apply_strand_plans(session, programme, plans))
    if new_stages != old_stages:
        set_stages(session, programme_id, new_stages, audited=False)
        lines.append(f"Career stages: {_stages_text(old_stages)} → {_stages_text(new_stages)}")
    session.flush()
    for line in lines:
        record_change(session, "edited", "programme", programme_id, line)
    return lines


def _stages_text(stages: tuple[Stage, ...]) -> str:
    if not stages:
        return "none"
    tracks = {s.track for s in stages}
    shown = ", ".join(s.name for s in stages[:4]) + (", …" if len(stages) > 4 else "")
    on_tracks = f" on {len(tracks)} tracks" if len(tracks) > 1 else ""
    return f"{plural(len(stages), 'stage')}{on_tracks} ({shown})"


@dataclass(frozen=True)
class _StrandPlan:
    """What becomes of one strand: ``strand`` None for a new one, ``wanted`` None to remove."""

    strand: Strand | None
    wanted: StrandInput | None


def _strand_plans(
    session: Session, programme: Programme, strands: Sequence[StrandInput]
) -> list[_StrandPlan]:
    """Match the wanted strands to the programme's, checking all before anything is written."""
    by_id = {s.id: s for s in programme.strands}
    # A strand named without its id is found by name, unless it is listed by id (renamed).
    claimed = {item.id for item in strands if item.id is not None}
    by_name = {s.name.casefold(): s for s in programme.strands if s.id not in claimed}
    plans: list[_StrandPlan] = []
    names: set[str] = set()
    for item in strands:
        wanted = _checked_strand(item)
        if item.id is not None:
            found = by_id.get(item.id)
            if found is None:
                raise NotFound(f"The strand “{wanted.name}” is no longer in this programme.")
        else:
            found = by_name.get(wanted.name.casefold())
        if wanted.name.casefold() in names:
            raise InvalidInput(
                f"Two strands would be called “{wanted.name}”: give each a name of its own."
            )
        names.add(wanted.name.casefold())
        if found is not None and any(p.strand is found for p in plans):
            raise InvalidInput(f"The strand “{found.name}” is changed twice: change it once.")
        if (
            found is not None
            and found.format is StrandFormat.GROUP
            and wanted.format is StrandFormat.ONE_TO_ONE
            and _largest_pairing(session, found.id) > 1
        ):
            raise InvalidInput(
                f"“{found.name}” has circles of several mentees, so it cannot become "
                "one-to-one: add a new one-to-one strand instead."
            )
        plans.append(_StrandPlan(found, wanted))
    kept = {p.strand.id for p in plans if p.strand is not None}
    for strand in programme.strands:
        if strand.id in kept:
            continue
        held = _strand_records(session, strand.id)
        if held:
            raise InvalidInput(
                f"“{strand.name}” holds {held}, so it cannot be removed: retire it "
                "instead, so that it takes no new applications and keeps its history."
            )
        plans.append(_StrandPlan(strand, None))
    return plans


def _largest_pairing(session: Session, strand_id: int) -> int:
    sizes = (
        select(func.count(PairingMember.id).label("size"))
        .join(Pairing, Pairing.id == PairingMember.pairing_id)
        .where(Pairing.strand_id == strand_id)
        .group_by(Pairing.id)
        .subquery()
    )
    return session.scalar(select(func.max(sizes.c.size))) or 0


def _strand_records(session: Session, strand_id: int) -> str:
    """What a strand holds, in words ("3 applications and 1 pairing"), or ""."""
    applications = session.scalar(
        select(func.count(Application.id)).where(Application.strand_id == strand_id)
    )
    pairings = session.scalar(select(func.count(Pairing.id)).where(Pairing.strand_id == strand_id))
    held = [
        plural(count or 0, noun)
        for count, noun in ((applications, "application"), (pairings, "pairing"))
        if count
    ]
    return " and ".join(held)


def _apply_strand_plans(
    session: Session, programme: Programme, plans: list[_StrandPlan]
) -> list[str]:
    lines: list[str] = []
    old_names = {p.strand.id: p.strand.name for p in plans if p.strand is not None}
    renamed = [p.strand for p in plans if p.strand and p.wanted and p.wanted.name != p.strand.name]
    for plan in plans:
        if plan.wanted is None:
            # Removed first, so that another strand may take its name.
            assert plan.strand is not None  # a removal always names its strand
            lines.append(f"Strand “{plan.strand.name}” removed")
            programme.strands.remove(plan.strand)  # the cascade deletes it
            session.flush()
    if renamed:
        # Out of the way first, so that two strands may swap names.
        for moved in renamed:
            moved.name = f"\u2060renaming {moved.id}"
        session.flush()
    for plan in plans:
        strand, wanted = plan.strand, plan.wanted
        if wanted is None:
            continue
        if strand is None:
            programme.strands.append(
                Strand(
                    name=wanted.name,
                    format=wanted.format,
                    places=wanted.places,
                    description=wanted.description,
                    retired=wanted.retired,
                )
            )
            places = "" if wanted.places is None else f", {plural(wanted.places, 'place')}"
            retired = ", retired" if wanted.retired else ""
            lines.append(
                f"Strand “{wanted.name}” added ({wanted.format.label.lower()}{places}{retired})"
            )
            continue
        lines.extend(_strand_changes(strand, old_names[strand.id], wanted))
    session.flush()
    return lines


def _strand_changes(strand: Strand, old_name: str, wanted: StrandInput) -> list[str]:
    lines = []
    if wanted.name != old_name:
        lines.append(f"Strand “{old_name}” renamed “{wanted.name}”")
        strand.name = wanted.name
    if wanted.format is not strand.format:
        lines.append(
            f"Strand “{wanted.name}”: {strand.format.label.lower()} → {wanted.format.label.lower()}"
        )
        strand.format = wanted.format
    if wanted.places != strand.places:
        lines.append(
            f"Strand “{wanted.name}” places: {_shown(strand.places)} → {_shown(wanted.places)}"
        )
        strand.places = wanted.places
    if wanted.description != strand.description:
        lines.append(f"Strand “{wanted.name}”: description changed")
        strand.description = wanted.description
    if wanted.retired != strand.retired:
        lines.append(
            f"Strand “{wanted.name}” "
            + ("retired: it takes no new applications" if wanted.retired else "restored")
        )
        strand.retired = wanted.retired
    return lines


def list_programmes(session: Session) -> list[ProgrammeSummary]:
    """Every programme in the file, by name."""
    programmes = sorted(session.scalars(select(Programme)), key=lambda p: (sort_key(p.name), p.id))
    return [
        ProgrammeSummary(
            p.id, p.name, p.timezone, tuple(s.name for s in p.strands if not s.retired)
        )
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


def retired_strand(name: str) -> str:
    """Why a retired strand takes no application, in plain words."""
    return (
        f"“{name}” is retired: it takes no new applications; "
        "restore it in Programme ▸ Settings first."
    )


def strand_choices(
    session: Session, programme_id: int, *, retired: bool = False
) -> list[StrandChoice]:
    """The strands of a programme, for a form's drop-down.

    Retired strands take no new applications and are left out, unless ``retired``
    asks for them too (to show the strand of an older record).
    """
    query = select(Strand).where(Strand.programme_id == programme_id)
    if not retired:
        query = query.where(Strand.retired.is_(False))
    ordered = sorted(session.scalars(query), key=lambda s: (sort_key(s.name), s.id))
    return [StrandChoice(s.id, s.name, s.format, s.retired) for s in ordered]


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
