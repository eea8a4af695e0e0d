"""A programme's matching rules: limits, field preference, weights, pairs fixed or blocked."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from mentordesk.domain.enums import FieldPreference, PairRuleKind, Role
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.services.audit import record_change
from mentordesk.services.collation import person_key, sort_key
from mentordesk.services.matching.candidates import programme_rules
from mentordesk.services.matching.core import (
    CRITERIA,
    DEFAULT_CAPACITY,
    DEFAULT_GRADE_GAP,
    DEFAULT_WEIGHTS,
    MAX_WEIGHT,
)
from mentordesk.services.matching.waitlist import DEFAULT_RESPONSE_DAYS, MAX_RESPONSE_DAYS
from mentordesk.services.programmes import applicants_in, get_programme
from mentordesk.services.validation import optional_text
from mentordesk.store.models import Application, PairRule, Person

#: The most mentees a programme may let one mentor take.
MAX_CAPACITY = 50
#: The widest grade gap a programme may set, in levels of its career stages (UK grades
#: run from 1 to 10, so any real list spans less).
MAX_GRADE_GAP = 20


@dataclass
class PairRuleInput:
    """A mentor and a mentee the coordinator always pairs (fixed) or never pairs (blocked)."""

    mentor_id: int
    mentee_id: int
    kind: PairRuleKind
    reason: str = ""


@dataclass(frozen=True)
class PairRuleRow:
    """A pair rule as the rules dialog lists it."""

    rule_id: int
    mentor_id: int
    mentor: str
    mentee_id: int
    mentee: str
    kind: PairRuleKind
    reason: str


@dataclass
class MatchingRulesInput:
    """A programme's matching rules as the rules dialog edits them.

    Attributes:
        max_mentees_per_mentor: a mentor's capacity unless they offer fewer; None for no
            limit (a mentor then takes as many as they offer).
        max_grade_gap: how many levels of the career stages above the mentee a mentor may
            be; None for no limit (a mentor must still be above the mentee).
        field_preference: same field/department, different, or no preference.
        weights: each soft criterion's weight, 0 (ignored) to ``MAX_WEIGHT``.
        pair_rules: the pairs fixed or blocked.
        response_days: the days a mentor has to answer a published proposal.
    """

    max_mentees_per_mentor: int | None = DEFAULT_CAPACITY
    max_grade_gap: int | None = DEFAULT_GRADE_GAP
    field_preference: FieldPreference = FieldPreference.NONE
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    pair_rules: list[PairRuleInput] = field(default_factory=list)
    response_days: int = DEFAULT_RESPONSE_DAYS


def matching_rules(session: Session, programme_id: int) -> MatchingRulesInput:
    """A programme's matching rules, with the defaults for the weights it leaves open.

    A limit left unset reads None: no limit, as matching applies it.

    Raises:
        NotFound: the programme is not in the file.
        InvalidInput: its stored weights cannot be read.
    """
    programme = get_programme(session, programme_id)
    rules = programme_rules(programme)
    return MatchingRulesInput(
        max_mentees_per_mentor=programme.max_mentees_per_mentor,
        max_grade_gap=rules.max_grade_gap,
        field_preference=rules.field_preference,
        weights={c: rules.weight(c) for c in DEFAULT_WEIGHTS},
        pair_rules=[
            PairRuleInput(r.mentor_id, r.mentee_id, r.kind, r.reason)
            for r in pair_rule_rows(session, programme_id)
        ],
        response_days=programme.response_days,
    )


def pair_rule_rows(session: Session, programme_id: int) -> list[PairRuleRow]:
    """The programme's fixed and blocked pairs, by mentor and then mentee."""
    mentor, mentee = aliased(Person), aliased(Person)
    rows = session.execute(
        select(PairRule, mentor, mentee)
        .join(mentor, mentor.id == PairRule.mentor_id)
        .join(mentee, mentee.id == PairRule.mentee_id)
        .where(PairRule.programme_id == programme_id)
    )
    ordered = sorted(rows, key=lambda row: (person_key(row[1]), person_key(row[2]), row[0].id))
    return [
        PairRuleRow(r.id, r.mentor_id, m.full_name, r.mentee_id, e.full_name, r.kind, r.reason)
        for r, m, e in ordered
    ]


def _checked_weights(weights: dict[str, float]) -> dict[str, float]:
    checked = {}
    for criterion, value in weights.items():
        if criterion not in DEFAULT_WEIGHTS:
            raise InvalidInput(f"“{criterion}” is not a matching criterion MentorDesk knows.")
        number = float(value)
        if not math.isfinite(number) or not 0 <= number <= MAX_WEIGHT:
            raise InvalidInput(
                f"The weight of “{CRITERIA[criterion]}” must be between 0 and {MAX_WEIGHT:.0f}."
            )
        checked[criterion] = number
    return checked


def _checked_pair_rules(session: Session, rules: list[PairRuleInput]) -> list[PairRuleInput]:
    people = {
        pid: f"{first} {last}".strip()
        for pid, first, last in session.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                Person.id.in_({r.mentor_id for r in rules} | {r.mentee_id for r in rules})
            )
        )
    }
    seen: set[tuple[int, int]] = set()
    fixed: dict[int, int] = {}
    checked = []
    for rule in rules:
        if rule.mentor_id not in people or rule.mentee_id not in people:
            raise InvalidInput("Choose both the mentor and the mentee of each pair rule.")
        mentor, mentee = people[rule.mentor_id], people[rule.mentee_id]
        if rule.mentor_id == rule.mentee_id:
            raise InvalidInput(f"{mentor} cannot be fixed or blocked as their own mentor.")
        pair = (rule.mentor_id, rule.mentee_id)
        if pair in seen:
            raise InvalidInput(f"{mentor} and {mentee} have two rules: keep one.")
        seen.add(pair)
        if rule.kind is PairRuleKind.FIXED:
            if rule.mentee_id in fixed:
                other = people[fixed[rule.mentee_id]]
                raise InvalidInput(
                    f"{mentee} is fixed with both {other} and {mentor}: a mentee can be fixed "
                    "with one mentor only."
                )
            fixed[rule.mentee_id] = rule.mentor_id
        reason = optional_text(rule.reason, "Reason", max_length=300)
        checked.append(PairRuleInput(rule.mentor_id, rule.mentee_id, rule.kind, reason))
    return checked


def set_matching_rules(session: Session, programme_id: int, data: MatchingRulesInput) -> None:
    """Replace a programme's matching rules and pair rules, all checked before any is saved.

    Raises:
        NotFound: the programme is not in the file.
        InvalidInput: a limit or weight is out of range, or a pair rule is incomplete,
            names one person twice, repeats a pair or fixes a mentee with two mentors.
    """
    programme = get_programme(session, programme_id)
    capacity, gap = data.max_mentees_per_mentor, data.max_grade_gap
    if capacity is not None and not 1 <= capacity <= MAX_CAPACITY:
        raise InvalidInput(
            f"A mentor takes between 1 and {MAX_CAPACITY} mentees, or leave it at no limit."
        )
    if gap is not None and not 0 <= gap <= MAX_GRADE_GAP:
        raise InvalidInput(
            "The grade gap counts how many levels of the career stages a mentor may be "
            f"above a mentee: a whole number between 0 and {MAX_GRADE_GAP}, or no limit."
        )
    if not 1 <= data.response_days <= MAX_RESPONSE_DAYS:
        raise InvalidInput(
            f"Give mentors between 1 and {MAX_RESPONSE_DAYS} days to answer a proposal."
        )
    weights = _checked_weights(data.weights)
    pair_rules = _checked_pair_rules(session, data.pair_rules)
    programme.max_mentees_per_mentor = capacity
    programme.max_grade_gap = gap
    programme.field_preference = data.field_preference
    programme.response_days = data.response_days
    programme.matching_weights = json.dumps(weights, sort_keys=True)
    session.execute(delete(PairRule).where(PairRule.programme_id == programme_id))
    session.add_all(
        PairRule(
            programme_id=programme_id,
            mentor_id=r.mentor_id,
            mentee_id=r.mentee_id,
            kind=r.kind,
            reason=r.reason,
        )
        for r in pair_rules
    )
    session.flush()
    mentees = "no limit on mentees" if capacity is None else f"at most {capacity} mentees"
    levels = "no limit on the grade gap" if gap is None else f"{gap} levels apart"
    record_change(
        session,
        "matching rules",
        "programme",
        programme_id,
        f"{mentees}, {levels}, field {data.field_preference.label.lower()}; "
        f"{len(pair_rules)} pair rules; mentors answer within {data.response_days} days",
    )


def add_pair_rule(session: Session, programme_id: int, data: PairRuleInput) -> int:
    """Fix or block one more pair and return the rule's id.

    Raises:
        NotFound: the programme is not in the file.
        InvalidInput: the rule is incomplete, or fixes a mentee already fixed.
        Conflict: the pair already has a rule.
    """
    get_programme(session, programme_id)
    (rule,) = _checked_pair_rules(session, [data])
    existing = session.scalars(select(PairRule).where(PairRule.programme_id == programme_id))
    for other in existing:
        if (other.mentor_id, other.mentee_id) == (rule.mentor_id, rule.mentee_id):
            raise Conflict(
                f"This pair is already {other.kind.label.lower()}: remove that rule first."
            )
        if rule.kind is PairRuleKind.FIXED and other.kind is PairRuleKind.FIXED:
            _checked_pair_rules(
                session, [PairRuleInput(other.mentor_id, other.mentee_id, other.kind), rule]
            )
    added = PairRule(
        programme_id=programme_id,
        mentor_id=rule.mentor_id,
        mentee_id=rule.mentee_id,
        kind=rule.kind,
        reason=rule.reason,
    )
    session.add(added)
    session.flush()
    record_change(session, "pair rule", "programme", programme_id, f"{rule.kind.label} pair added")
    return added.id


def remove_pair_rule(session: Session, rule_id: int) -> None:
    """Remove a fixed or blocked pair.

    Raises:
        NotFound: the rule is no longer in the file.
    """
    rule = session.get(PairRule, rule_id)
    if rule is None:
        raise NotFound("This pair rule is no longer in the file.")
    session.delete(rule)
    record_change(
        session, "pair rule", "programme", rule.programme_id, f"{rule.kind.label} pair removed"
    )


@dataclass(frozen=True)
class PairRuleChoices:
    """Whom a pair rule can name: (id, name) of the programme's accepted mentors and mentees.

    People named by an existing rule are offered too, even if no longer accepted.
    """

    mentors: list[tuple[int, str]]
    mentees: list[tuple[int, str]]


def pair_rule_choices(session: Session, programme_id: int) -> PairRuleChoices:
    """The mentors and mentees the rules dialog offers for fixed and blocked pairs."""
    accepted = session.execute(
        applicants_in(
            programme_id, Person.id, Person.first_name, Person.last_name, Application.role
        )
    ).all()
    people: dict[Role, dict[int, str]] = {Role.MENTOR: {}, Role.MENTEE: {}}
    for pid, first, last, role in accepted:
        people[role][pid] = f"{first} {last}".strip()
    for row in pair_rule_rows(session, programme_id):
        people[Role.MENTOR].setdefault(row.mentor_id, row.mentor)
        people[Role.MENTEE].setdefault(row.mentee_id, row.mentee)
    return PairRuleChoices(
        sorted(people[Role.MENTOR].items(), key=lambda p: (sort_key(p[1]), p[0])),
        sorted(people[Role.MENTEE].items(), key=lambda p: (sort_key(p[1]), p[0])),
    )
