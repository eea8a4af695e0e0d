"""A programme's career stages in the file, and its applicants' stages to confirm or find.

The list itself is :class:`~mentordesk.domain.stages.Ladder`; the file keeps it
as ``CareerStage`` rows. A person's stage is one name shared by all programmes
of the file; each programme reads it against its own list, guessing from the
position when the name is not one of its stages.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.domain.stages import Ladder, Stage, stage_key
from mentordesk.formats.text import clean_text, plural
from mentordesk.services.audit import record_change
from mentordesk.services.collation import person_key
from mentordesk.store.models import Application, CareerStage, Person, Programme, Strand

#: Lengths the file keeps.
MAX_NAME = 120
MAX_TRACK = 80
#: The highest level a stage may have (UK grades reach 10; room to spare).
MAX_LEVEL = 99

#: Applications whose applicants no longer need a stage in the programme: its lists leave them out.
NOT_LISTED = (ApplicationStatus.WITHDRAWN, ApplicationStatus.DECLINED)


@dataclass
class StageInput:
    """A stage as a form or the command line gives it.

    Attributes:
        name: the stage's name.
        track: its track, "" when the list has one track.
        level: its level; None is one above the stage before it on its track (1 for the first).
        wordings: position wordings that mean it, one per line.
    """

    name: str
    track: str = ""
    level: int | None = None
    wordings: str = ""


@dataclass
class StageReport:
    """The applicants of a programme whose stage needs a look.

    Both lists read each person's stage as matching does
    (:meth:`~mentordesk.domain.stages.Ladder.resolve`): ``unknown`` holds
    exactly the people a matching run says it could not check.

    Attributes:
        guessed: ``(person_id, name, position, stage)`` of those whose stage is a
            guess, to confirm: guessed from their position and not yet confirmed,
            or given as a text the list lacks and read as one of its stages.
        unknown: ``(person_id, name, position, stage_text)`` of those whose stage
            is unknown: none given and none to guess from it or the position
            (then the text says so: "Grade 4 (not in this list)").
        notes: by person_id, the stage as given and why it reads as it does, for
            a stage text the list lacks: ``("7", "“7” is not in this list; read as
            Research fellow (grade 7)")`` for a guess, ``("Grade 4", "not in this
            list")`` for an unknown stage.
    """

    guessed: list[tuple[int, str, str, str]] = field(default_factory=list)
    unknown: list[tuple[int, str, str, str]] = field(default_factory=list)
    notes: dict[int, tuple[str, str]] = field(default_factory=dict)


def ladder_of(session: Session, programme_id: int) -> Ladder:
    """The programme's career stages, in their order, and whether pairs stay on one track.

    Raises:
        NotFound: the programme is not in the file.
    """
    programme = _programme(session, programme_id)
    rows = session.scalars(
        select(CareerStage)
        .where(CareerStage.programme_id == programme_id)
        .order_by(CareerStage.position, CareerStage.id)
    )
    return Ladder(
        tuple(Stage(row.name, row.track, row.level, _lines(row.wordings)) for row in rows),
        within_track=bool(programme.within_track),
    )


def set_stages(
    session: Session,
    programme_id: int,
    stages: Sequence[Stage | StageInput],
    *,
    audited: bool = True,
) -> tuple[Stage, ...]:
    """Replace the programme's career stages, all checked before any is saved.

    People keep the stage names they hold: a name no longer in the list is
    unknown in this programme until someone sets it.

    Args:
        session: the open transaction.
        programme_id: the programme.
        stages: the new list, in order.
        audited: False when the caller audits the change in its own words
            (a programme created or its settings edited).

    Returns:
        The stages as saved (cleaned, levels filled in).

    Raises:
        NotFound: the programme is not in the file.
        InvalidInput: a stage has no name, a name is too long or given twice, or a
            level is not between 1 and ``MAX_LEVEL``.
    """
    _programme(session, programme_id)
    checked = checked_stages(stages)
    session.execute(delete(CareerStage).where(CareerStage.programme_id == programme_id))
    session.flush()
    session.add_all(
        CareerStage(
            programme_id=programme_id,
            position=number,
            track=stage.track,
            name=stage.name,
            level=stage.level,
            wordings="\n".join(stage.wordings),
        )
        for number, stage in enumerate(checked, start=1)
    )
    session.flush()
    if audited:
        tracks = len({stage.track for stage in checked})
        record_change(
            session,
            "stages changed",
            "programme",
            programme_id,
            plural(len(checked), "career stage") + (f" on {tracks} tracks" if tracks > 1 else ""),
        )
    return checked


def checked_stages(stages: Sequence[Stage | StageInput]) -> tuple[Stage, ...]:
    """The stages cleaned and checked, a missing level one above the previous on its track.

    Raises:
        InvalidInput: as :func:`set_stages` says.
    """
    checked: list[Stage] = []
    names: dict[str, str] = {}
    last_level: dict[str, int] = {}
    for number, given in enumerate(stages, start=1):
        name = " ".join(clean_text(given.name).split())
        track = " ".join(clean_text(given.track).split())
        if not stage_key(name):
            raise InvalidInput(f"Career stage {number} has no name: write one or remove the line.")
        if len(name) > MAX_NAME:
            raise InvalidInput(
                f"The career stage “{name[:40]}…” is longer than {MAX_NAME} letters."
            )
        if len(track) > MAX_TRACK:
            raise InvalidInput(f"The track “{track[:40]}…” is longer than {MAX_TRACK} letters.")
        key = stage_key(name)
        if key in names:
            raise InvalidInput(
                f"The career stage “{name}” is listed twice (as “{names[key]}” too): "
                "each name can appear once, even on different tracks."
            )
        names[key] = name
        level = given.level if given.level is not None else last_level.get(track, 0) + 1
        if not 1 <= level <= MAX_LEVEL:
            raise InvalidInput(
                f"The level of “{name}” must be between 1 and {MAX_LEVEL}, not {level}."
            )
        last_level[track] = level
        wordings = given.wordings if isinstance(given, Stage) else _lines(given.wordings)
        cleaned = tuple(dict.fromkeys(w for w in (clean_text(x) for x in wordings) if w))
        checked.append(Stage(name, track, level, cleaned))
    return tuple(checked)


def stage_problems(session: Session, programme_id: int) -> StageReport:
    """The programme's applicants whose stage was guessed (to confirm) or is unknown.

    A stage text the programme's list lacks (one from another list, a grade's
    number, a stage since removed) is read as matching reads it: a guess from
    the text or the position, to confirm, with a note saying so; unknown only
    when nothing can be guessed. Applicants who withdrew or were declined are
    left out; each person is listed once, by last name.

    Raises:
        NotFound: the programme is not in the file.
    """
    ladder = ladder_of(session, programme_id)
    report = StageReport()
    for person in _applicants(session, programme_id):
        row = (person.id, person.full_name, person.position)
        typed = person.stage.strip()
        stage, guessed = ladder.resolve(typed, person.position)
        if stage is None:
            if typed:
                report.unknown.append((*row, f"{typed} (not in this list)"))
                report.notes[person.id] = (typed, "not in this list")
            else:
                report.unknown.append((*row, ""))
        elif guessed or person.stage_guessed:
            report.guessed.append((*row, stage.name))
            if guessed and typed:
                report.notes[person.id] = (
                    typed,
                    f"“{typed}” is not in this list; read as {stage.name}",
                )
    return report


def guess_missing_stages(session: Session, programme_id: int) -> int:
    """Give the programme's applicants without a stage the one their position suggests.

    The stages are marked as guessed, to be confirmed.

    Returns:
        How many people were given a stage.

    Raises:
        NotFound: the programme is not in the file.
    """
    ladder = ladder_of(session, programme_id)
    given = 0
    for person in _applicants(session, programme_id):
        if person.stage.strip():
            continue
        stage = ladder.guess(person.position)
        if stage is not None:
            person.stage = stage.name
            person.stage_guessed = True
            given += 1
    if given:
        session.flush()
        record_change(
            session,
            "stages guessed",
            "programme",
            programme_id,
            f"career stage guessed from the position for {plural(given, 'person', 'people')}",
        )
    return given


def confirm_stages(
    session: Session, person_ids: Collection[int], *, programme_id: int | None = None
) -> int:
    """Confirm guessed stages: they are no longer marked as guesses.

    Args:
        session: the open transaction.
        person_ids: the people whose stage is confirmed.
        programme_id: when given, a person whose stage is empty or not in this
            programme's list first takes the stage it guesses for them.

    Returns:
        How many people's stage was confirmed (those with no stage to confirm are left).
    """
    ladder = ladder_of(session, programme_id) if programme_id is not None else None
    confirmed = 0
    wanted = list(dict.fromkeys(person_ids))
    people: list[Person] = (
        list(session.scalars(select(Person).where(Person.id.in_(wanted)))) if wanted else []
    )
    for person in people:
        if ladder is not None:
            stage, guessed = ladder.resolve(person.stage, person.position)
            if stage is not None and guessed:
                person.stage = stage.name
                person.stage_guessed = True
        if not person.stage_guessed or not person.stage.strip():
            continue
        person.stage_guessed = False
        record_change(session, "edited", "person", person.id, "career stage confirmed")
        confirmed += 1
    session.flush()
    return confirmed


def _programme(session: Session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound("This programme no longer exists.")
    return programme


def _applicants(session: Session, programme_id: int) -> list[Person]:
    people = session.scalars(
        select(Person)
        .join(Application, Application.person_id == Person.id)
        .join(Strand, Strand.id == Application.strand_id)
        .where(Strand.programme_id == programme_id, Application.status.not_in(NOT_LISTED))
        .distinct()
    )
    return sorted(people, key=lambda p: (person_key(p), p.id))


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
