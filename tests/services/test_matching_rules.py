"""A programme's matching rules: read with defaults, checked before saving, read by the engine."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, FieldPreference, PairRuleKind, Role
from mentordesk.domain.errors import Conflict, InvalidInput
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.matching import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    MatchingRulesInput,
    PairRuleInput,
    add_pair_rule,
    load_candidates,
    matching_rules,
    pair_rule_rows,
    remove_pair_rule,
    set_matching_rules,
)
from mentordesk.services.matching.core import DEFAULT_CAPACITY
from mentordesk.store.models import AuditEntry, PairRule, Programme
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


@pytest.fixture
def people(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> dict[str, int]:
    """Two mentors (one offering 6 places) and two mentees accepted to Fellows."""
    with programme_file.session() as s:
        found = {
            name: add_someone(s, first_name=name.title()) for name in ("bo", "cy", "ana", "di")
        }
        for name in ("bo", "cy"):
            add_application(
                s,
                found[name],
                ApplicationInput(
                    strands["Fellows"],
                    Role.MENTOR,
                    ApplicationStatus.ACCEPTED,
                    capacity=6 if name == "bo" else None,
                ),
            )
        for name in ("ana", "di"):
            add_application(
                s,
                found[name],
                ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
            )
    return found


def test_a_programme_without_rules_reads_the_defaults(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        rules = matching_rules(s, programme_id)
    # Limits left unset read None: no limit, as matching applies them.
    assert rules.max_mentees_per_mentor is None
    assert rules.max_grade_gap is None
    assert rules.field_preference is FieldPreference.NONE
    assert rules.weights == dict(DEFAULT_WEIGHTS)
    assert rules.pair_rules == []
    # The dialog has one plain label for each criterion the engine weighs.
    assert set(CRITERIA) == set(DEFAULT_WEIGHTS)


def test_saved_rules_are_read_back_and_used_by_the_engine(
    programme_file: ProgrammeFile, programme_id: int, people: dict[str, int]
) -> None:
    weights = {**DEFAULT_WEIGHTS, "needs": 60.0, "gender": 0.0}
    with programme_file.session() as s:
        set_matching_rules(
            s,
            programme_id,
            MatchingRulesInput(
                max_mentees_per_mentor=3,
                max_grade_gap=1,
                field_preference=FieldPreference.SAME,
                weights=weights,
                pair_rules=[
                    PairRuleInput(people["bo"], people["ana"], PairRuleKind.FIXED, " agreed "),
                    PairRuleInput(people["cy"], people["di"], PairRuleKind.BLOCKED, "same lab"),
                ],
            ),
        )
    with programme_file.session() as s:
        rules = matching_rules(s, programme_id)
        rows = pair_rule_rows(s, programme_id)
        pool = load_candidates(s, programme_id)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "matching rules")).one()
    assert (rules.max_mentees_per_mentor, rules.max_grade_gap) == (3, 1)
    assert rules.field_preference is FieldPreference.SAME
    assert rules.weights == weights
    assert {(r.mentor, r.mentee, r.kind, r.reason) for r in rows} == {
        ("Bo Person1", "Ana Person3", PairRuleKind.FIXED, "agreed"),
        ("Cy Person2", "Di Person4", PairRuleKind.BLOCKED, "same lab"),
    }
    assert pool.rules.max_grade_gap == 1
    assert pool.rules.field_preference is FieldPreference.SAME
    assert pool.rules.weight("needs") == 60.0
    assert pool.rules.weight("gender") == 0.0
    assert pool.rules.fixed == {(people["bo"], people["ana"])}
    assert pool.rules.blocked == {(people["cy"], people["di"])}
    # Bo offered 6 places but the programme's limit is now 3.
    assert {m.id: m.capacity for m in pool.mentors} == {people["bo"]: 3, people["cy"]: 3}
    assert "2 pair rules" in audit.summary


def test_limits_put_back_to_no_limit_are_saved_unset_and_matching_applies_none(
    programme_file: ProgrammeFile, programme_id: int, people: dict[str, int]
) -> None:
    with programme_file.session() as s:
        set_matching_rules(
            s, programme_id, MatchingRulesInput(max_mentees_per_mentor=3, max_grade_gap=1)
        )
        set_matching_rules(
            s, programme_id, MatchingRulesInput(max_mentees_per_mentor=None, max_grade_gap=None)
        )
    with programme_file.session() as s:
        programme = s.get_one(Programme, programme_id)
        pool = load_candidates(s, programme_id)
        audit = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "matching rules")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert (programme.max_mentees_per_mentor, programme.max_grade_gap) == (None, None)
    assert pool.rules.max_grade_gap is None
    # Bo offered 6 places and keeps them (no programme limit caps him); Cy offered
    # none and gets a mentor's default, never every mentee of the programme.
    capacity = {m.id: m.capacity for m in pool.mentors}
    assert capacity[people["bo"]] == 6
    assert capacity[people["cy"]] == DEFAULT_CAPACITY
    assert audit is not None
    assert "no limit on mentees, no limit on the grade gap" in audit.summary


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"max_mentees_per_mentor": 0}, "between 1 and 50 mentees"),
        ({"max_mentees_per_mentor": 51}, "between 1 and 50 mentees"),
        ({"max_grade_gap": -1}, "a whole number between 0 and 20"),
        ({"max_grade_gap": 21}, "a whole number between 0 and 20"),
        ({"weights": {"needs": -1.0}}, "must be between 0 and 100"),
        ({"weights": {"language": 100.5}}, "must be between 0 and 100"),
        ({"weights": {"choice": math.nan}}, "must be between 0 and 100"),
        ({"weights": {"age": 5.0}}, "not a matching criterion"),
    ],
)
def test_limits_and_weights_out_of_range_are_refused_and_nothing_changes(
    programme_file: ProgrammeFile, programme_id: int, change: dict[str, object], message: str
) -> None:
    data = MatchingRulesInput(max_mentees_per_mentor=2)
    for key, value in change.items():
        setattr(data, key, value)
    with programme_file.session() as s, pytest.raises(InvalidInput, match=message):
        set_matching_rules(s, programme_id, data)
    with programme_file.session() as s:
        programme = s.get_one(Programme, programme_id)
        assert programme.max_mentees_per_mentor is None
        assert programme.matching_weights == "{}"


def test_pair_rules_that_make_no_sense_are_refused_before_anything_is_saved(
    programme_file: ProgrammeFile, programme_id: int, people: dict[str, int]
) -> None:
    bo, cy, ana, di = people["bo"], people["cy"], people["ana"], people["di"]
    fixed, blocked = PairRuleKind.FIXED, PairRuleKind.BLOCKED
    cases = [
        ([PairRuleInput(bo, bo, blocked)], "as their own mentor"),
        ([PairRuleInput(bo, ana, fixed), PairRuleInput(bo, ana, blocked)], "have two rules"),
        ([PairRuleInput(bo, ana, fixed), PairRuleInput(cy, ana, fixed)], "one mentor only"),
        ([PairRuleInput(bo, 999_999, blocked)], "Choose both"),
        ([PairRuleInput(bo, di, blocked, "x" * 301)], "Reason"),
    ]
    for pair_rules, message in cases:
        with programme_file.session() as s, pytest.raises(InvalidInput, match=message):
            set_matching_rules(
                s, programme_id, MatchingRulesInput(max_grade_gap=5, pair_rules=pair_rules)
            )
    with programme_file.session() as s:
        assert s.scalars(select(PairRule)).all() == []
        assert s.get_one(Programme, programme_id).max_grade_gap is None


def test_pair_rules_are_added_and_removed_one_by_one(
    programme_file: ProgrammeFile, programme_id: int, people: dict[str, int]
) -> None:
    with programme_file.session() as s:
        rule_id = add_pair_rule(
            s, programme_id, PairRuleInput(people["bo"], people["ana"], PairRuleKind.FIXED)
        )
    with programme_file.session() as s, pytest.raises(Conflict, match="already fixed"):
        add_pair_rule(
            s, programme_id, PairRuleInput(people["bo"], people["ana"], PairRuleKind.BLOCKED)
        )
    with programme_file.session() as s, pytest.raises(InvalidInput, match="one mentor only"):
        add_pair_rule(
            s, programme_id, PairRuleInput(people["cy"], people["ana"], PairRuleKind.FIXED)
        )
    with programme_file.session() as s:
        assert [r.rule_id for r in pair_rule_rows(s, programme_id)] == [rule_id]
        remove_pair_rule(s, rule_id)
    with programme_file.session() as s:
        assert pair_rule_rows(s, programme_id) == []
        assert load_candidates(s, programme_id).rules.fixed == frozenset()
