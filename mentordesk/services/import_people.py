"""What an import settles about people's career stages once every row is read.

A stage column's answer is read against the programme's list of stages: a
stage the list names is stored under the list's name, unless the position
clearly belongs to another track ("Grade 7" for a "Lecturer in Chemistry"):
then the stage of that level on the position's track is stored, marked as a
guess. Other text is kept as typed and reported, as a guess when the list
reads it as one of its stages ("7" with the position), else as unknown.
Without a stage, it is guessed from the position and marked as a guess for
the coordinator to confirm.

Line managers are settled in :mod:`~mentordesk.services.line_managers`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import Ladder, StageReading
from mentordesk.formats.text import plural
from mentordesk.services.applicants import ApplicationInput, PersonInput
from mentordesk.services.career_stages import NOT_LISTED
from mentordesk.services.other_answers import OtherAnswer
from mentordesk.services.validation import email_key
from mentordesk.store.models import Application


class PersonRow(Protocol):
    """What this module reads and sets on an import's row (``importing.PreviewRow``)."""

    person: PersonInput | None
    person_id: int | None
    application: ApplicationInput | None
    notices: list[str]
    other_answers: list[OtherAnswer]
    line_manager: str
    stage_outcome: StageOutcome | None


_Row = TypeVar("_Row", bound=PersonRow)

#: The stages read on another track that a report names; the others are counted.
_SHOWN_MOVES = 5


# Career stages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StageOutcome:
    """What became of one person's stage.

    Attributes:
        kind: "guessed" (from the position, or a stage typed that the list
            lacks read as one of its stages), "moved" (a stage of the list read
            on the track the position names), "unknown" (typed, not in the list,
            nothing to guess) or "unplaced" (no stage given and none fits the position).
        text: the position (guessed, unplaced), the stage as typed (unknown, a
            guess from a typed stage), or "“Grade 7” → Lecturer (grade 7)" (moved).
    """

    kind: str
    text: str


@dataclass(frozen=True)
class StageTally:
    """The career stages an import guessed, could not find or could not place, by person.

    Only the people the programme's Career stages list shows afterwards are
    counted, as ``programme stages`` lists them: applicants declined or
    withdrawn are left out (those whose stage was guessed all the same are
    counted in ``guessed_left_out``).

    Attributes:
        guessed: people whose stage is a guess to confirm (those in ``moved`` too).
        unknown: stages as typed that the programme's list does not name → people.
        unplaced: positions no stage of the list fits → people.
        listed: whether the programme has a list of stages at all.
        guessed_left_out: applicants declined or withdrawn whose stage was guessed.
        moved: stages read on the track the position names ("“Grade 7” →
            Lecturer (grade 7)") → people.
    """

    guessed: int = 0
    unknown: dict[str, int] = field(default_factory=dict)
    unplaced: dict[str, int] = field(default_factory=dict)
    listed: bool = True
    guessed_left_out: int = 0
    moved: dict[str, int] = field(default_factory=dict)


class StageSettler:
    """Settles each person's stage against one programme's list, each wording worked out once."""

    def __init__(self, ladder: Ladder) -> None:
        """Read stages against ``ladder``."""
        self.ladder = ladder
        self._read: dict[tuple[str, str], StageReading] = {}
        self._guessed: dict[str, str | None] = {}

    def settle(self, person: PersonInput, typed: bool) -> tuple[PersonInput, StageOutcome | None]:
        """The person with their stage settled, and what to report about it.

        Args:
            person: as the import will store them (their stored values laid
                under what the rows give).
            typed: the stage was given by the import's rows, not stored before.

        Returns:
            The person (a new object when the stage changed) and the outcome
            worth reporting, or None.
        """
        if typed and person.stage:
            return self._settle_typed(person)
        if person.stage or not self.ladder.stages:
            return person, None
        guess = self._guess(person.position)
        if guess is not None:
            return replace(person, stage=guess, stage_guessed=True), StageOutcome(
                "guessed", person.position
            )
        return person, StageOutcome("unplaced", person.position) if person.position else None

    def _settle_typed(self, person: PersonInput) -> tuple[PersonInput, StageOutcome | None]:
        key = (person.stage, person.position)
        if key not in self._read:
            self._read[key] = self.ladder.read(person.stage, person.position)
        reading = self._read[key]
        stage = reading.stage
        if stage is None:
            unknown = StageOutcome("unknown", person.stage) if self.ladder.stages else None
            return replace(person, stage_guessed=False), unknown
        if reading.named is not None:
            moved = f"“{person.stage}” → {stage.name}"
            return replace(person, stage=stage.name, stage_guessed=True), StageOutcome(
                "moved", moved
            )
        if reading.guessed:
            # Kept as typed: the list reads it as this stage, to confirm, as matching does.
            return replace(person, stage_guessed=False), StageOutcome("guessed", person.stage)
        return replace(person, stage=stage.name, stage_guessed=False), None

    def _guess(self, position: str) -> str | None:
        if position not in self._guessed:
            found = self.ladder.guess(position)
            self._guessed[position] = found.name if found else None
        return self._guessed[position]


def stage_tally(
    rows: Sequence[_Row],
    writes_person: Callable[[_Row], bool],
    *,
    listed: bool,
    stored: Iterable[Application] = (),
) -> StageTally:
    """Count the stages guessed, not found and not placed among the people an import writes.

    A person counts once, and only if the programme lists them afterwards: one
    of their applications to it (stored, or as the import writes it) is
    neither declined nor withdrawn.

    Args:
        rows: the preview's rows.
        writes_person: whether a row writes its person (and its application).
        listed: whether the programme has a list of stages.
        stored: the applications of the rows' people to the programme, as stored.
    """
    listed_after = _listed_afterwards(rows, writes_person, stored)
    seen: set[str] = set()
    guessed = left_out = 0
    unknown: dict[str, int] = {}
    unplaced: dict[str, int] = {}
    moved: dict[str, int] = {}
    for row in rows:
        outcome = row.stage_outcome
        if outcome is None or row.person is None or not writes_person(row):
            continue
        if row.person.email in seen:
            continue
        seen.add(row.person.email)
        if _who(row.person_id, row.person) not in listed_after:
            left_out += 1 if outcome.kind in ("guessed", "moved") else 0
        elif outcome.kind in ("guessed", "moved"):
            guessed += 1
            if outcome.kind == "moved":
                moved[outcome.text] = moved.get(outcome.text, 0) + 1
        else:
            counted = unknown if outcome.kind == "unknown" else unplaced
            counted[outcome.text] = counted.get(outcome.text, 0) + 1
    return StageTally(
        guessed, _by_count(unknown), _by_count(unplaced), listed, left_out, _by_count(moved)
    )


def moved_lines(tally: StageTally, *, done: bool = True) -> list[str]:
    """What the import said about stages read on the track the position names.

    "2 stages were read on the track their position names (“Grade 7” →
    Lecturer (grade 7) for 2 people): …", or nothing when there were none.

    Args:
        tally: the import's career stages.
        done: the import is written (False: a dry run or a preview).
    """
    if not tally.moved:
        return []
    count = sum(tally.moved.values())
    were = ("was" if count == 1 else "were") if done else "would be"
    shown = list(tally.moved.items())[:_SHOWN_MOVES]
    said = ", ".join(f"{text} for {plural(n, 'person', 'people')}" for text, n in shown)
    if len(tally.moved) > len(shown):
        said += f" and {len(tally.moved) - len(shown)} more"
    return [
        f"{plural(count, 'stage')} {were} read on the track their position names ({said}): "
        "the stage given is on another track of the list, so the stage of the same level on "
        "the position's track is taken, as a guess to confirm."
    ]


def _who(person_id: int | None, person: PersonInput) -> int | str:
    """The person of a row: their id when the file holds them, else their email."""
    return person_id if person_id is not None else email_key(person.email)


def _listed_afterwards(
    rows: Sequence[_Row], writes: Callable[[_Row], bool], stored: Iterable[Application]
) -> set[int | str]:
    """The people (see :func:`_who`) with an application neither declined nor withdrawn after."""
    status: dict[tuple[int | str, int, Role], ApplicationStatus] = {
        (a.person_id, a.strand_id, a.role): a.status for a in stored
    }
    for row in rows:
        if row.person is not None and row.application is not None and writes(row):
            who = _who(row.person_id, row.person)
            status[(who, row.application.strand_id, row.application.role)] = row.application.status
    return {who for (who, _, _), now in status.items() if now not in NOT_LISTED}


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold())))
