"""The retention rule: erase or anonymise participants some years after their programme ended.

Each programme may set ``retention_years``. A person becomes due once every
programme they took part in has ended and its period has passed; someone still
in a running programme, or in one without a rule, is never touched. The
coordinator sees the preview first, then applies it in one transaction, through
the same erasure as a single request (``services.privacy``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.errors import InvalidInput
from mentordesk.services.audit import record_change
from mentordesk.services.collation import sort_key
from mentordesk.services.privacy import anonymise_all, erase_all, is_anonymised
from mentordesk.services.programmes import get_programme
from mentordesk.store.models import (
    Application,
    Attendance,
    Event,
    MessageLog,
    Pairing,
    PairingMember,
    Person,
    Programme,
    Strand,
    SurveyResponse,
)

#: Longest retention period a programme can set.
MAX_RETENTION_YEARS = 100


class RetentionAction(enum.StrEnum):
    """What the rule does to a participant who is due."""

    ERASE = "erase"
    ANONYMISE = "anonymise"

    @property
    def label(self) -> str:
        """``Erase`` or ``Anonymise``."""
        return self.value.capitalize()

    @property
    def done(self) -> str:
        """``erased`` or ``anonymised``."""
        return f"{self.value}d" if self is RetentionAction.ANONYMISE else "erased"


@dataclass(frozen=True)
class RetentionRule:
    """A programme's retention rule, as the Data retention dialog lists it.

    Attributes:
        years: years after the programme's end; None when it keeps its people.
    """

    programme_id: int
    programme: str
    ends_on: dt.date | None
    years: int | None

    @property
    def due_on(self) -> dt.date | None:
        """The day its participants become due, if it has an end and a rule."""
        if self.ends_on is None or self.years is None:
            return None
        return add_years(self.ends_on, self.years)


@dataclass(frozen=True)
class RetentionCase:
    """One person the rule reaches.

    Attributes:
        programme: the programme whose period ends last among theirs.
        ended_on: when that programme ended.
        due_on: when its period ended.
        action: what applying the rule does to them; None when they are kept.
        kept_because: why they are kept, in plain words ("" when they are due).
    """

    person_id: int
    name: str
    email: str
    programme: str
    ended_on: dt.date
    due_on: dt.date
    action: RetentionAction | None
    kept_because: str = ""


@dataclass(frozen=True)
class RetentionSummary:
    """What applying the rule did: how many people, never who."""

    action: RetentionAction
    people: int
    kept: int


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retention_rules(session: Session) -> list[RetentionRule]:
    """Every programme with its end and its rule, by name."""
    return [
        RetentionRule(p.id, p.name, p.ends_on, p.retention_years)
        for p in session.scalars(select(Programme).order_by(Programme.name))
    ]


def set_retention(session: Session, programme_id: int, years: int | None) -> None:
    """Set how many years after its end a programme's participants are kept (None: always).

    Raises:
        NotFound: the programme no longer exists.
        InvalidInput: ``years`` is negative or implausibly long.
    """
    if years is not None and not 0 <= years <= MAX_RETENTION_YEARS:
        raise InvalidInput(f"Years to keep must be between 0 and {MAX_RETENTION_YEARS}.")
    programme = get_programme(session, programme_id)
    if programme.retention_years == years:
        return
    programme.retention_years = years
    rule = "no rule" if years is None else f"{years} years after the end"
    record_change(session, "retention rule", "programme", programme_id, rule)


def _programmes_of_people(session: Session) -> dict[int, set[int]]:
    """Each person's programmes: applied to, paired in, attended, answered or written to."""
    linked: dict[int, set[int]] = defaultdict(set)
    queries = (
        select(Application.person_id, Strand.programme_id).join(Strand),
        select(Pairing.mentor_id, Strand.programme_id).join(Strand),
        select(PairingMember.person_id, Strand.programme_id)
        .join(Pairing, PairingMember.pairing_id == Pairing.id)
        .join(Strand, Pairing.strand_id == Strand.id),
        select(Attendance.person_id, Event.programme_id).join(Event),
        select(SurveyResponse.person_id, SurveyResponse.programme_id),
        select(MessageLog.person_id, MessageLog.programme_id),
    )
    for query in queries:
        for person_id, programme_id in session.execute(query):
            linked[person_id].add(programme_id)
    return linked


def retention_preview(
    session: Session, today: dt.date, action: RetentionAction = RetentionAction.ERASE
) -> list[RetentionCase]:
    """Who the rule reaches on ``today``: those it would erase or anonymise, and those it keeps.

    A person is listed once a programme of theirs is past its period; they are
    due only when every programme of theirs is past it. Nothing is changed.
    """
    rules = {r.programme_id: r for r in retention_rules(session)}
    expired = {
        pid for pid, rule in rules.items() if rule.due_on is not None and rule.due_on <= today
    }
    if not expired:
        return []
    cases = []
    for person_id, programme_ids in _programmes_of_people(session).items():
        if not programme_ids & expired:
            continue
        person = session.get(Person, person_id)
        if person is None or (action is RetentionAction.ANONYMISE and is_anonymised(person)):
            continue
        last = max(
            (rules[p] for p in programme_ids & expired),
            key=lambda r: (r.due_on, r.programme),
        )
        assert last.ends_on is not None
        assert last.due_on is not None
        kept = _kept_because([rules[p] for p in programme_ids], today)
        cases.append(
            RetentionCase(
                person_id=person_id,
                name=person.full_name,
                email=person.email,
                programme=last.programme,
                ended_on=last.ends_on,
                due_on=last.due_on,
                action=None if kept else action,
                kept_because=kept,
            )
        )
    return sorted(cases, key=lambda c: (bool(c.kept_because), sort_key(c.name), c.person_id))


def _kept_because(rules: list[RetentionRule], today: dt.date) -> str:
    for rule in sorted(rules, key=lambda r: r.programme):
        if rule.ends_on is None or rule.ends_on >= today:
            return f"still in {rule.programme}, which has not ended"
    for rule in sorted(rules, key=lambda r: r.programme):
        if rule.years is None:
            return f"also in {rule.programme}, which has no retention rule"
    for rule in sorted(rules, key=lambda r: r.programme):
        if rule.due_on is not None and rule.due_on > today:
            return f"kept until {rule.due_on.isoformat()} for {rule.programme}"
    return ""


def apply_retention(session: Session, today: dt.date, action: RetentionAction) -> RetentionSummary:
    """Erase or anonymise everyone the preview of ``today`` lists as due, in this transaction.

    The audit trail records how many people were erased or anonymised, never
    who. The caller should vacuum the file afterwards.
    """
    cases = retention_preview(session, today, action)
    due = [c for c in cases if c.action is not None]
    people = [p for c in due if (p := session.get(Person, c.person_id)) is not None]
    # All at once: the file's texts that name them are read once, not once per person.
    if action is RetentionAction.ERASE:
        erase_all(session, people)
    else:
        anonymise_all(session, people)
    summary = RetentionSummary(action, len(due), len(cases) - len(due))
    if due:
        record_change(
            session,
            f"retention: {action.done}",
            "people",
            None,
            f"{summary.people} people {action.done} by the retention rule; {summary.kept} kept",
        )
    return summary
