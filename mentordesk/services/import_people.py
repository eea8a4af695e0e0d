"""What an import settles about people once every row is read: career stages and line managers.

A stage column's answer is read against the programme's list of stages: a
stage the list names is stored under the list's name, unless the position
clearly belongs to another track ("Grade 7" for a "Lecturer in Chemistry"):
then the stage of that level on the position's track is stored, marked as a
guess. Other text is kept as typed and reported, as a guess when the list
reads it as one of its stages ("7" with the position), else as unknown.
Without a stage, it is guessed from the position and marked as a guess for
the coordinator to confirm.

A line manager is found by email among the people in the file and in the
import itself (a manager may be a row further down), or by a full name only
one of them has. Anything else, and a manager who would close a loop in the
reporting line, is said in plain words and the answer is kept as an other
answer "Line manager", never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, aliased

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import Ladder, StageReading
from mentordesk.formats.columns import normalise
from mentordesk.formats.text import plural
from mentordesk.services.applicants import ApplicationInput, PersonInput
from mentordesk.services.career_stages import NOT_LISTED
from mentordesk.services.other_answers import OtherAnswer
from mentordesk.services.validation import email_key
from mentordesk.store.models import Application, Person


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

#: The question a line manager that could not be set is kept under, with the application.
LINE_MANAGER_QUESTION = "Line manager"
_CHUNK = 500
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


# Line managers ----------------------------------------------------------------------------


def manager_changes(existing: Person, text: str) -> bool:
    """Whether a row's line manager (an email or a name) differs from the one stored."""
    if not text:
        return False
    manager = existing.line_manager
    if manager is None:
        return True
    if "@" in text:
        return email_key(text) != manager.email.lower()
    return normalise(text) != normalise(manager.full_name)


def settle_line_managers(
    session: Session,
    rows: Sequence[_Row],
    texts: Sequence[str],
    header: str,
    writes_person: Callable[[_Row], bool],
) -> None:
    """Find each row's line manager, or say why not and keep the answer as an other answer.

    Sets ``line_manager`` (the manager's email) on the rows whose manager is
    found; a row that names no one, someone nobody or several people are,
    or someone who would close a loop in the reporting line gets a notice and
    keeps the answer under :data:`LINE_MANAGER_QUESTION`.

    Args:
        session: the open transaction (only read).
        rows: the preview's rows, in the file's order.
        texts: each row's line manager as written ("" for none).
        header: the column the managers are read from, for the notices.
        writes_person: whether a row writes its person's details.
    """
    wanted: dict[str, tuple[_Row, str]] = {}
    in_import: dict[str, str] = {}
    for row, text in zip(rows, texts, strict=True):
        if row.person is None or not writes_person(row):
            continue
        in_import[row.person.email] = f"{row.person.first_name} {row.person.last_name}".strip()
        if text:
            wanted[row.person.email] = (row, text)
    if not wanted:
        return
    texts_given = [text for _, text in wanted.values()]
    known = _people_named(session, texts_given, in_import)
    links = _links(session)
    for email, (row, text) in wanted.items():
        manager, problem = _manager_of(text, known)
        if manager is not None:
            problem = _loop(email, manager, links, known.names)
        if manager is not None and not problem:
            links[email] = manager
            row.line_manager = manager
            continue
        row.notices.append(
            f"{header}: {problem}; the answer is kept as the other answer “{LINE_MANAGER_QUESTION}”"
        )
        if not any(a.question == LINE_MANAGER_QUESTION for a in row.other_answers):
            row.other_answers.append(OtherAnswer(LINE_MANAGER_QUESTION, text))


@dataclass
class _Known:
    """The people a line manager may be: by email (lower case) their name, and by name emails."""

    names: dict[str, str]
    by_name: dict[str, set[str]]


def _people_named(session: Session, texts: Sequence[str], in_import: dict[str, str]) -> _Known:
    names = dict(in_import)
    emails = sorted({email_key(t) for t in texts if "@" in t} - set(names))
    for start in range(0, len(emails), _CHUNK):
        query = select(Person.email, Person.first_name, Person.last_name).where(
            func.lower(Person.email).in_(emails[start : start + _CHUNK])
        )
        for email, first, last in session.execute(query):
            names[email.lower()] = f"{first} {last}".strip()
    by_name: dict[str, set[str]] = {}
    if any("@" not in text for text in texts):
        # Names are compared without case or accents, which SQL cannot do: everyone is read.
        everyone = select(Person.email, Person.first_name, Person.last_name)
        for email, first, last in session.execute(everyone):
            names.setdefault(email.lower(), f"{first} {last}".strip())
        for email, name in names.items():
            by_name.setdefault(normalise(name), set()).add(email)
    return _Known(names, by_name)


def _manager_of(text: str, known: _Known) -> tuple[str | None, str]:
    """The manager's email a row's answer names, or None and why not in plain words."""
    if "@" in text:
        email = email_key(text)
        if email in known.names:
            return email, ""
        return None, f"“{text}” is neither in this file nor in this import"
    found = known.by_name.get(normalise(text), set())
    if len(found) == 1:
        return next(iter(found)), ""
    if not found:
        return None, (
            f"nobody in this file or this import is called “{text}”: give the line manager's email"
        )
    return None, (
        f"{len(found)} people in this file or this import are called “{text}”: give the line "
        "manager's email"
    )


def _links(session: Session) -> dict[str, str]:
    """Every reporting line the file holds: a person's email → their manager's (lower case)."""
    manager = aliased(Person)
    query = select(Person.email, manager.email).join(manager, Person.line_manager_id == manager.id)
    return {email.lower(): boss.lower() for email, boss in session.execute(query)}


def _loop(email: str, manager: str, links: dict[str, str], names: dict[str, str]) -> str:
    """Why ``manager`` cannot manage ``email`` (themselves, or a loop), or ""."""
    person = names.get(email) or email
    if manager == email:
        return f"{person} cannot be their own line manager"
    seen = {manager}
    current = manager
    while current in links:
        current = links[current]
        if current == email:
            boss = names.get(manager) or manager
            return (
                f"{boss} already reports to {person}, directly or up the line, so cannot be "
                f"{person}'s line manager: a reporting line cannot go round in a loop"
            )
        if current in seen:
            break
        seen.add(current)
    return ""


def write_line_managers(session: Session, rows: Sequence[PersonRow]) -> int:
    """Link the people an import wrote to the line managers found for them; returns how many.

    Run after every new person is in the file: a manager may be one of them.
    """
    links = {
        row.person.email.lower(): row.line_manager
        for row in rows
        if row.person is not None and row.line_manager
    }
    if not links:
        return 0
    wanted = sorted(set(links) | set(links.values()))
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = select(Person.email, Person.id).where(
            func.lower(Person.email).in_(wanted[start : start + _CHUNK])
        )
        ids.update((email.lower(), number) for email, number in session.execute(query))
    table = Person.__table__
    statement = (
        table.update()  # type: ignore[attr-defined]
        .where(table.c.id == bindparam("person"))
        .values(line_manager_id=bindparam("manager"))
    )
    session.connection().execute(
        statement,
        [{"person": ids[email], "manager": ids[boss]} for email, boss in links.items()],
    )
    return len(links)
