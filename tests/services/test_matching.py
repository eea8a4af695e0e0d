"""The matching engine: hard rules always hold, optimal is optimal, stable has no blocking pair."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mentordesk.domain.enums import (
    ApplicationStatus,
    FieldPreference,
    PairingStatus,
    PairRuleKind,
    Role,
)
from mentordesk.domain.errors import NotFound
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.career_stages import set_stages
from mentordesk.services.matching import (
    STAGE_UNKNOWN,
    Candidate,
    MatchResult,
    Pool,
    Rules,
    Scorer,
    allowed,
    form_circles,
    greedy,
    load_candidates,
    match_optimal,
    match_stable,
    mentee_preferences,
    mentor_preference,
    publish_pairings,
    publish_proposals,
    save_proposals,
    score,
    shortlist,
)
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
from mentordesk.store.models import MentorChoice, Pairing, PairRule, Person, Programme
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

LEVELS = list(range(1, 8))
TRACKS = ("", "Technical")
FIELDS = ("Physics", "Law", "History")
EXPERTISE = ("grant writing", "leadership", "publishing", "teaching", "networking")
NEEDS = ("grant writing", "leadership skills", "publishing strategy", "time management")
MODES = (match_optimal, match_stable, greedy)
# Where each criterion's reason shows in an explanation.
MARKERS = {
    "field": ("field:", "department:"),
    "needs": ("needs ",),
    "choice": ("choice",),
    "language": ("both speak",),
    "gender": ("asked for a",),
    "institution": ("cross-institution",),
}


@st.composite
def pools(
    draw: st.DrawFn, max_mentees: int = 8, max_mentors: int = 5, waiting: bool = False
) -> Pool:
    """A random small programme: stages, capacities, pauses, reporting lines and pair rules.

    With ``waiting``, some mentees are on the waitlist, in a random order.
    """
    n = draw(st.integers(0, max_mentees))
    m = draw(st.integers(0, max_mentors))
    mentor_ids = list(range(100, 100 + m))
    words = st.sampled_from
    mentors = tuple(
        Candidate(
            id=mentor_id,
            name=f"Mentor {mentor_id}",
            level=draw(st.none() | words(LEVELS)),
            track=draw(words(TRACKS)),
            organisation=draw(words(("Uni", "LIH"))),
            field=draw(words(FIELDS)),
            department=draw(words(("A", "B"))),
            expertise=tuple(draw(st.lists(words(EXPERTISE), max_size=3, unique=True))),
            languages=tuple(draw(st.lists(words(("English", "French")), max_size=2, unique=True))),
            gender=draw(words(("woman", "man", ""))),
            capacity=draw(st.integers(0, 3)),
            paused=draw(st.sampled_from((False, False, False, True))),
        )
        for mentor_id in mentor_ids
    )
    ids = st.sampled_from(mentor_ids) if mentor_ids else st.nothing()
    mentees = tuple(
        Candidate(
            id=i,
            name=f"Mentee {i}",
            level=draw(st.none() | words(LEVELS)),
            track=draw(words(TRACKS)),
            organisation=draw(words(("Uni", "LIH", ""))),
            field=draw(words((*FIELDS, ""))),
            department=draw(words(("A", "B"))),
            languages=tuple(draw(st.lists(words(("English", "French")), max_size=2, unique=True))),
            needs=tuple(draw(st.lists(words(NEEDS), max_size=2, unique=True))),
            preferred_gender=draw(words(("", "woman"))),
            choices=tuple(draw(st.lists(ids, max_size=3, unique=True))) if m else (),
            reporting_line=frozenset(draw(st.lists(ids, max_size=2))) if m else frozenset(),
            waitlist_rank=draw(st.none() | st.integers(1, n)) if waiting else None,
        )
        for i in range(n)
    )
    pairs = [(r, e) for r in mentor_ids for e in range(n)]
    some_pairs = st.sets(st.sampled_from(pairs), max_size=4) if pairs else st.just(set())
    fixed = draw(some_pairs)
    rules = Rules(
        max_grade_gap=draw(st.integers(0, 3)),
        within_track=draw(st.booleans()),
        field_preference=draw(st.sampled_from(list(FieldPreference))),
        weights={"choice": draw(st.sampled_from((0.0, 25.0))), "gender": 5.0},
        blocked=frozenset(draw(some_pairs) - fixed),
        fixed=frozenset(fixed),
        earlier=frozenset(draw(some_pairs) - fixed),
        declined=frozenset(draw(some_pairs) - fixed),
    )
    return Pool(mentees, mentors, rules)


def fixed_made(pool: Pool) -> set[tuple[int, int]]:
    """The fixed pairs the engine honours: one per mentee (the lowest mentor id)."""
    first: dict[int, int] = {}
    for mentor_id, mentee_id in sorted(pool.rules.fixed):
        first.setdefault(mentee_id, mentor_id)
    return {(r, e) for e, r in first.items()}


def check_hard_rules(pool: Pool, result: MatchResult) -> None:
    mentors = {m.id: m for m in pool.mentors}
    mentees = [p.mentee.id for p in result.proposals]
    assert len(mentees) == len(set(mentees)), "a mentee proposed twice"
    made = {(p.mentor.id, p.mentee.id) for p in result.proposals}
    assert fixed_made(pool) <= made
    fixed_load = Counter(r for r, _ in fixed_made(pool))
    load = Counter(p.mentor.id for p in result.proposals)
    for mentor_id, taken in load.items():
        assert taken <= max(mentors[mentor_id].capacity, fixed_load[mentor_id])
    for p in result.proposals:
        if not p.fixed:
            assert allowed(p.mentee, p.mentor, pool.rules) is None
            assert (p.mentor.id, p.mentee.id) not in pool.rules.blocked
            assert (p.mentor.id, p.mentee.id) not in pool.rules.declined
            assert (p.mentor.id, p.mentee.id) not in pool.rules.earlier
            assert p.mentor.id not in p.mentee.reporting_line
            assert not p.mentor.paused
            if p.mentee.level is not None and p.mentor.level is not None:
                gap = p.mentor.level - p.mentee.level
                assert 0 < gap <= (pool.rules.max_grade_gap or gap)
                assert p.mentor.track == p.mentee.track or not pool.rules.within_track
    unmatched = {u.mentee.id for u in result.unmatched}
    assert unmatched | set(mentees) == {e.id for e in pool.mentees}
    assert not unmatched & set(mentees)
    assert all(u.reason for u in result.unmatched)
    unknown = {c.id for c in (*pool.mentees, *pool.mentors) if c.level is None}
    assert {c.id for c in result.stage_unknown} == unknown
    assert bool(result.stage_note) == bool(unknown)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pools(waiting=True))
def test_no_mode_ever_breaks_a_hard_rule(pool: Pool) -> None:
    # Fixed pairs are made even with a paused mentor or a blocked pair; every other
    # proposal keeps clear of blocked, declined and earlier pairs and paused mentors,
    # waitlist or not.
    for mode in MODES:
        check_hard_rules(pool, mode(pool))


def brute_force(pool: Pool) -> tuple[int, float]:
    """The most mentees matched and, with that many, the highest total: every assignment tried."""
    scorer = Scorer(pool.rules)
    fixed = fixed_made(pool)
    fixed_mentees = {e for _, e in fixed}
    places = {m.id: m.capacity for m in pool.mentors}
    for r, _ in fixed:
        places[r] -= 1
    free = [e for e in pool.mentees if e.id not in fixed_mentees]
    options = [
        [None, *(m for m in pool.mentors if allowed(e, m, pool.rules) is None)] for e in free
    ]
    best = (-1, 0.0)
    for choice in itertools.product(*options):
        load = Counter(m.id for m in choice if m is not None)
        if any(load[r] > places[r] for r in load):
            continue
        count = len(fixed) + sum(m is not None for m in choice)
        total = sum(scorer.points(e, m) for e, m in zip(free, choice, strict=True) if m)
        best = max(best, (count, round(total, 6)))
    fixed_total = sum(
        scorer.points(
            next(e for e in pool.mentees if e.id == ei), next(m for m in pool.mentors if m.id == ri)
        )
        for ri, ei in fixed
    )
    return best[0], round(best[1] + fixed_total, 6)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pools(max_mentees=6, max_mentors=4))
def test_optimal_total_equals_the_brute_force_optimum(pool: Pool) -> None:
    result = match_optimal(pool)
    count, total = brute_force(pool)
    assert len(result.proposals) == count
    assert result.total == pytest.approx(total, abs=0.02)


def random_pool(mentees: int, mentors: int, seed: int) -> Pool:
    """A larger random programme, the same for a given seed."""
    rng = random.Random(seed)
    mentor_list = tuple(
        Candidate(
            id=1000 + j,
            name=f"Mentor {j}",
            level=rng.choice(LEVELS[3:]),
            organisation=rng.choice(("Uni", "LIH", "LIST")),
            field=rng.choice(FIELDS),
            department=rng.choice("ABCD"),
            expertise=tuple(rng.sample(EXPERTISE, 3)),
            languages=tuple(rng.sample(("English", "French", "German"), 2)),
            gender=rng.choice(("woman", "man")),
            capacity=rng.randint(1, 4),
        )
        for j in range(mentors)
    )
    mentee_list = tuple(
        Candidate(
            id=i,
            name=f"Mentee {i}",
            level=rng.choice(LEVELS[:5]),
            organisation=rng.choice(("Uni", "LIH", "LIST")),
            field=rng.choice(FIELDS),
            department=rng.choice("ABCD"),
            needs=tuple(rng.sample(NEEDS, 2)),
            languages=(rng.choice(("English", "French")),),
            preferred_gender=rng.choice(("", "woman")),
            choices=tuple(m.id for m in rng.sample(mentor_list, 3)) if rng.random() < 0.3 else (),
            reporting_line=frozenset({rng.choice(mentor_list).id}),
        )
        for i in range(mentees)
    )
    return Pool(mentee_list, mentor_list, Rules(field_preference=FieldPreference.SAME))


def test_optimal_beats_the_greedy_baseline_on_a_larger_programme() -> None:
    pool = random_pool(300, 90, seed=7)
    optimal, baseline = match_optimal(pool), greedy(pool)
    check_hard_rules(pool, optimal)
    assert len(optimal.proposals) >= len(baseline.proposals)
    assert optimal.total > baseline.total


def blocking_pairs(pool: Pool, result: MatchResult) -> list[tuple[int, int]]:
    """Pairs who would both rather be together than with whom the result gave them."""
    scorer = Scorer(pool.rules)
    fixed_mentees = {e for _, e in fixed_made(pool)}
    places = {m.id: m.capacity for m in pool.mentors}
    for r, _ in fixed_made(pool):
        places[r] -= 1
    got = {p.mentee.id: p.mentor.id for p in result.proposals if not p.fixed}
    held: dict[int, list[Candidate]] = {m.id: [] for m in pool.mentors}
    for p in result.proposals:
        if not p.fixed:
            held[p.mentor.id].append(p.mentee)
    blocking = []
    for e in pool.mentees:
        if e.id in fixed_mentees:
            continue
        suitable = [
            m for m in pool.mentors if places[m.id] > 0 and allowed(e, m, pool.rules) is None
        ]
        order = mentee_preferences(e, suitable, scorer)
        better = order[: order.index(got[e.id])] if e.id in got else order
        for mentor_id in better:
            mentor = next(m for m in pool.mentors if m.id == mentor_id)
            mine = held[mentor_id]
            if len(mine) < places[mentor_id] or any(
                mentor_preference(e, mentor, scorer) > mentor_preference(o, mentor, scorer)
                for o in mine
            ):
                blocking.append((mentor_id, e.id))
    return blocking


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pools())
def test_stable_matching_has_no_blocking_pair(pool: Pool) -> None:
    assert blocking_pairs(pool, match_stable(pool)) == []


def test_stable_matching_of_a_larger_programme_has_no_blocking_pair() -> None:
    pool = random_pool(200, 60, seed=3)
    assert blocking_pairs(pool, match_stable(pool)) == []


@settings(max_examples=150, deadline=None)
@given(pools(max_mentees=4, max_mentors=4))
def test_explanations_name_exactly_the_criteria_that_scored(pool: Pool) -> None:
    for e in pool.mentees:
        for m in pool.mentors:
            s = score(e, m, pool.rules)
            assert 0 <= s.points <= 100
            assert sum(s.parts.values()) == pytest.approx(s.points, abs=0.011)
            for criterion, markers in MARKERS.items():
                shown = any(marker in s.explanation for marker in markers)
                assert shown == (criterion in s.parts), (criterion, s)


def test_explanation_reads_as_the_coordinator_expects() -> None:
    mentee = Candidate(1, "Ana", level=3, field="Physics", needs=("grant writing",))
    mentor = Candidate(
        2,
        "Bo",
        level=5,
        field="Physics",
        expertise=("grant writing", "teaching"),
    )
    s = score(mentee, mentor, Rules(field_preference=FieldPreference.SAME))
    assert s.explanation == (
        "same field: Physics; needs grant writing — mentor lists grant writing; 2 levels apart"
    )
    assert s.points == 100


def test_hard_rules_give_their_reason() -> None:
    mentee = Candidate(1, "Ana", level=1, reporting_line=frozenset({3}))
    rules = Rules(blocked=frozenset({(4, 1)}), earlier=frozenset({(5, 1)}))
    professor = Candidate(2, "Prof", level=7)
    assert allowed(mentee, professor, rules) == "6 levels above the mentee (at most 2)"
    assert allowed(mentee, Candidate(3, "Boss"), rules) == "in the mentee's reporting line"
    assert allowed(mentee, Candidate(4, "X"), rules) == "blocked by the coordinator"
    assert allowed(mentee, Candidate(5, "Y"), rules) == "paired in an earlier cohort"
    assert allowed(mentee, Candidate(6, "Z", paused=True), rules) == (
        "has paused and takes no new mentees"
    )
    assert allowed(mentee, Candidate(7, "W", level=1), rules) == ("not senior to the mentee")
    assert allowed(mentee, Candidate(8, "V", level=2), rules) is None
    # On another track, with pairs kept within a track.
    technician = Candidate(9, "T", level=2, track="Technical")
    assert allowed(mentee, technician, rules) is None
    assert allowed(mentee, technician, replace(rules, within_track=True)) == (
        "on another career track (Technical)"
    )


def test_an_unknown_stage_on_either_side_checks_no_seniority_and_says_so() -> None:
    rules = Rules(within_track=True)
    known = Candidate(1, "Ana", level=7, track="Technical")
    unknown = Candidate(2, "Bo")
    for mentee, mentor in ((known, unknown), (unknown, known)):
        assert allowed(mentee, mentor, rules) is None
        assert score(mentee, mentor, rules).reasons[-1] == STAGE_UNKNOWN
    assert STAGE_UNKNOWN == "career stage unknown: seniority not checked"


def test_an_unmatched_mentee_is_told_why() -> None:
    mentee = Candidate(1, "Ana", reporting_line=frozenset({2}))
    other = Candidate(3, "Cy")
    pool = Pool((mentee, other), (Candidate(2, "Boss", capacity=1),), Rules())
    result = match_optimal(pool)
    assert [(p.mentor.id, p.mentee.id) for p in result.proposals] == [(2, 3)]
    assert (
        result.unmatched[0].reason
        == "no suitable mentor (1 mentor: in the mentee's reporting line)"
    )
    full = match_optimal(Pool((other, Candidate(4, "Di")), pool.mentors, Rules()))
    assert "the one suitable mentor, Boss, has no place left" in full.unmatched[0].reason


def test_a_fixed_pair_is_made_even_against_a_rule_and_says_so() -> None:
    mentee = Candidate(1, "Ana", reporting_line=frozenset({2}))
    pool = Pool(
        (mentee,), (Candidate(2, "Boss"), Candidate(3, "Cy")), Rules(fixed=frozenset({(2, 1)}))
    )
    for mode in MODES:
        (proposal,) = mode(pool).proposals
        assert proposal.fixed
        assert proposal.mentor.id == 2
        assert proposal.explanation.startswith(
            "fixed by the coordinator although the mentor is in their reporting line"
        )


def test_a_mentees_ranked_choice_is_preferred_in_stable_mode() -> None:
    mentee = Candidate(1, "Ana", field="Law", choices=(3, 2))
    same_field = Candidate(2, "Bo", field="Law")
    chosen = Candidate(3, "Cy", field="History")
    rules = Rules(field_preference=FieldPreference.SAME, weights={"choice": 1.0})
    result = match_stable(Pool((mentee,), (same_field, chosen), rules))
    assert result.proposals[0].mentor.id == 3
    assert "mentee's 1st choice" in result.proposals[0].explanation


def test_shortlist_gives_the_best_suitable_mentors_first() -> None:
    pool = random_pool(40, 15, seed=5)
    listed = shortlist(pool, k=3)
    by_mentee: dict[int, list[float]] = {}
    for entry in listed.entries:
        assert allowed(entry.mentee, entry.mentor, pool.rules) is None
        by_mentee.setdefault(entry.mentee.id, []).append(entry.score.points)
    assert all(len(points) <= 3 for points in by_mentee.values())
    assert all(points == sorted(points, reverse=True) for points in by_mentee.values())
    assert set(by_mentee) | {u.mentee.id for u in listed.unmatched} == {e.id for e in pool.mentees}


# The programme file: loading candidates and saving proposals.


@pytest.fixture
def matching_programme(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> dict[str, int]:
    """Three mentees and three mentors accepted to Fellows, with a reporting line and rules."""
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
        s.get_one(Programme, programme_id).max_grade_gap = 2
        people = {
            "boss": add_someone(s, stage="Associate professor", field="Physics"),
            "prof": add_someone(
                s,
                stage="Assistant professor",
                field="Physics",
                expertise="grant writing, teaching",
                organisation="LIH",
            ),
            "paused": add_someone(s, stage="Assistant professor"),
            "ana": add_someone(
                s, stage="Postdoctoral researcher", field="Physics", organisation="Uni"
            ),
            "bo": add_someone(s, stage="Postdoctoral researcher"),
            "cy": add_someone(s, stage="Postdoctoral researcher"),
        }
        for key in ("boss", "prof", "paused"):
            add_application(
                s,
                people[key],
                ApplicationInput(fellows, Role.MENTOR, ApplicationStatus.ACCEPTED, capacity=2),
            )
        for key in ("ana", "bo", "cy"):
            add_application(
                s,
                people[key],
                ApplicationInput(
                    fellows,
                    Role.MENTEE,
                    ApplicationStatus.ACCEPTED,
                    development_needs="grant writing",
                    preferences="A woman mentor, please." if key == "ana" else "",
                ),
            )
        s.get_one(Person, people["ana"]).line_manager_id = people["boss"]
        s.add(
            PairRule(
                programme_id=programme_id,
                mentor_id=people["boss"],
                mentee_id=people["bo"],
                kind=PairRuleKind.BLOCKED,
            )
        )
        # An earlier cohort paired prof and cy; the paused mentor paused a pairing there.
        earlier = create_programme(
            s, ProgrammeInput("Pilot 2025", strands=[StrandInput("Fellows")])
        )
        earlier_strand = s.get_one(Programme, earlier).strands[0].id
        add_pairing(s, PairingInput(earlier_strand, people["prof"], [people["cy"]]))
        add_pairing(
            s,
            PairingInput(
                earlier_strand, people["paused"], [people["bo"]], status=PairingStatus.PAUSED
            ),
        )
    return people


def test_loading_a_programme_applies_its_rules(
    programme_file: ProgrammeFile, programme_id: int, matching_programme: dict[str, int]
) -> None:
    people = matching_programme
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
    mentees = {c.id: c for c in pool.mentees}
    mentors = {c.id: c for c in pool.mentors}
    assert set(mentees) == {people["ana"], people["bo"], people["cy"]}
    assert mentees[people["ana"]].reporting_line == {people["boss"]}
    assert mentees[people["ana"]].preferred_gender == "woman"
    assert mentees[people["ana"]].needs == ("grant writing",)
    assert mentors[people["paused"]].paused
    assert mentors[people["prof"]].capacity == 2
    assert (people["boss"], people["bo"]) in pool.rules.blocked
    assert (people["prof"], people["cy"]) in pool.rules.earlier
    result = match_optimal(pool)
    check_hard_rules(pool, result)
    pairs = {(p.mentor.id, p.mentee.id) for p in result.proposals}
    assert pairs == {(people["prof"], people["ana"]), (people["prof"], people["bo"])}
    (left,) = result.unmatched
    assert left.mentee.id == people["cy"]
    assert left.reason == (
        "no suitable mentor (1 mentor: too many levels above the mentee, at most 2 allowed; "
        "1 mentor: paired in an earlier cohort; 1 mentor: has paused and takes no new mentees)"
    )


def test_proposals_are_saved_as_drafts_that_replace_earlier_drafts_until_published(
    programme_file: ProgrammeFile, programme_id: int, matching_programme: dict[str, int]
) -> None:
    with programme_file.session() as s:
        result = match_optimal(load_candidates(s, programme_id))
        save_proposals(s, programme_id, result.proposals)
    with programme_file.session() as s:
        # A second run replaces the drafts instead of adding to them.
        result = match_optimal(load_candidates(s, programme_id))
        ids = save_proposals(s, programme_id, result.proposals)
    with programme_file.session() as s:
        drafts = s.scalars(select(Pairing).where(Pairing.draft.is_(True))).all()
        assert sorted(p.id for p in drafts) == sorted(ids)
        assert len(drafts) == 2
        for pairing in drafts:
            assert pairing.status is PairingStatus.PROPOSED
            assert pairing.match_score is not None
            assert pairing.match_explanation
        ana = next(p for p in drafts if p.members[0].person_id == matching_programme["ana"])
        assert "needs grant writing — mentor lists grant writing" in ana.match_explanation
        assert publish_proposals(s, programme_id) == 2
    with programme_file.session() as s:
        assert not s.scalars(select(Pairing).where(Pairing.draft.is_(True))).all()
        # Published proposals take their mentees out of the next run.
        pool = load_candidates(s, programme_id)
    assert [c.id for c in pool.mentees] == [matching_programme["cy"]]
    assert next(c for c in pool.mentors if c.id == matching_programme["prof"]).capacity == 0


def test_publishing_chosen_proposals_leaves_the_other_drafts_as_drafts(
    programme_file: ProgrammeFile, programme_id: int, matching_programme: dict[str, int]
) -> None:
    with programme_file.session() as s:
        result = match_optimal(load_candidates(s, programme_id))
        first, second = save_proposals(s, programme_id, result.proposals)
    with programme_file.session() as s:
        assert publish_pairings(s, [first, first]) == 1
        # Publishing it again changes nothing.
        assert publish_pairings(s, [first]) == 0
    with programme_file.session() as s:
        assert s.get_one(Pairing, first).draft is False
        assert s.get_one(Pairing, second).draft is True
        with pytest.raises(NotFound):
            publish_pairings(s, [second + 1000])


def test_fixed_pairs_and_choices_come_from_the_file(
    programme_file: ProgrammeFile, programme_id: int, matching_programme: dict[str, int]
) -> None:
    people = matching_programme
    with programme_file.session() as s:
        s.add(
            PairRule(
                programme_id=programme_id,
                mentor_id=people["paused"],
                mentee_id=people["cy"],
                kind=PairRuleKind.FIXED,
            )
        )
        application = next(
            a for a in s.get_one(Person, people["bo"]).applications if a.role is Role.MENTEE
        )
        s.add(MentorChoice(application_id=application.id, mentor_id=people["prof"], rank=1))
        s.flush()
        pool = load_candidates(s, programme_id)
    assert next(c for c in pool.mentees if c.id == people["bo"]).choices == (people["prof"],)
    result = match_stable(pool)
    check_hard_rules(pool, result)
    assert (people["paused"], people["cy"]) in {
        (p.mentor.id, p.mentee.id) for p in result.proposals
    }


def test_the_demo_programme_matches_within_the_rules(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as s:
        pool = load_candidates(s, demo_programme_id)
        assert pool.mentees
        assert pool.mentors
        for mode in MODES:
            check_hard_rules(pool, mode(pool))
        result = match_optimal(pool)
        save_proposals(s, demo_programme_id, result.proposals)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(FIELDS), st.sampled_from(("Uni", "LIH", "LIST"))), max_size=30
    ),
    st.integers(1, 8),
    st.integers(1, 6),
)
def test_circles_are_even_in_size_and_spread_each_field(
    people: list[tuple[str, str]], facilitators: int, size: int
) -> None:
    mentees = [
        Candidate(i, f"Mentee {i}", field=f, organisation=o) for i, (f, o) in enumerate(people)
    ]
    leaders = [Candidate(100 + j, f"Facilitator {j}") for j in range(facilitators)]
    result = form_circles(mentees, leaders, size)
    sizes = [len(c.mentees) for c in result.circles]
    assert all(n <= size for n in sizes)
    assert not sizes or max(sizes) - min(sizes) <= 1
    assert len({c.facilitator.id for c in result.circles}) == len(result.circles)
    placed = [m.id for c in result.circles for m in c.mentees]
    assert sorted(placed + [u.mentee.id for u in result.unplaced]) == list(range(len(people)))
    if result.unplaced:
        assert len(result.circles) == facilitators
    for field in FIELDS:
        counts = [sum(m.field == field for m in c.mentees) for c in result.circles]
        assert not counts or max(counts) - min(counts) <= 1


def test_a_circle_avoids_a_facilitator_in_a_members_reporting_line() -> None:
    mentees = [Candidate(1, "Ana", reporting_line=frozenset({100})), Candidate(2, "Bo")]
    leaders = [Candidate(100, "Boss"), Candidate(101, "Cy")]
    (circle,) = form_circles(mentees, leaders, size=5).circles
    assert circle.facilitator.id == 101
    assert circle.conflicts == ()
