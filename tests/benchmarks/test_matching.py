"""Matching 1,000 mentees with 300 mentors of capacity 4 (target 2 s), against greedy."""

import dataclasses
import random
import time

from mentordesk.domain.enums import FieldPreference
from mentordesk.services.matching import Candidate, Pool, Rules, greedy, match_optimal, match_stable
from tests.benchmarks.conftest import report

LEVELS = list(range(1, 8))
FIELDS = (
    "Computer science", "Systems biology", "Economics", "Education", "Materials science",
    "Public health", "Law", "Physics", "Environmental science", "History",
)  # fmt: skip
EXPERTISE = (
    "grant writing", "leadership", "work–life balance", "publishing", "teaching",
    "industry collaboration", "career transitions", "negotiation", "supervising students",
    "networking", "tenure track", "returning after leave",
)  # fmt: skip
NEEDS = (
    "feedback on a fellowship proposal", "visibility and networking", "time management",
    "leadership skills", "publishing strategy", "managing conflict in the lab", "grant writing",
)  # fmt: skip
LANGUAGES = ("English", "French", "German", "Luxembourgish", "Portuguese", "Italian")
ORGANISATIONS = ("University", "LIH", "LISER", "LIST")


def programme(mentees: int = 1000, mentors: int = 300, seed: int = 2026) -> Pool:
    """A cohort the size of a large institution's, with choices, reporting lines and rules."""
    rng = random.Random(seed)
    mentor_list = tuple(
        Candidate(
            id=10_000 + j,
            name=f"Mentor {j}",
            level=rng.choice(LEVELS[3:]),
            organisation=rng.choice(ORGANISATIONS),
            department=f"Department {rng.randrange(12)}",
            field=rng.choice(FIELDS),
            expertise=tuple(rng.sample(EXPERTISE, 3)),
            languages=tuple(rng.sample(LANGUAGES, 2)),
            gender=rng.choice(("woman", "woman", "man", "", "non-binary")),
            capacity=4,
            paused=rng.random() < 0.02,
        )
        for j in range(mentors)
    )
    ids = [m.id for m in mentor_list]
    mentee_list = tuple(
        Candidate(
            id=i,
            name=f"Mentee {i}",
            level=rng.choice(LEVELS[:5]),
            organisation=rng.choice(ORGANISATIONS),
            department=f"Department {rng.randrange(12)}",
            field=rng.choice(FIELDS),
            needs=tuple(rng.sample(NEEDS, 2)),
            languages=tuple(rng.sample(LANGUAGES, 2)),
            preferred_gender=rng.choice(("", "", "woman")),
            choices=tuple(rng.sample(ids, 3)) if rng.random() < 0.3 else (),
            reporting_line=frozenset(rng.sample(ids, 2)),
        )
        for i in range(mentees)
    )
    pairs = [(rng.choice(ids), rng.randrange(mentees)) for _ in range(60)]
    rules = Rules(
        field_preference=FieldPreference.SAME,
        blocked=frozenset(pairs[:30]),
        earlier=frozenset(pairs[30:]),
    )
    return Pool(mentee_list, mentor_list, rules)


def test_optimal_matching_of_1000_mentees_and_300_mentors():
    pool = programme()
    seconds = []
    for _ in range(5):
        started = time.perf_counter()
        result = match_optimal(pool)
        seconds.append(time.perf_counter() - started)
    report("match_optimal, 1,000 mentees × 300 mentors of capacity 4", seconds, 2.0)
    started = time.perf_counter()
    baseline = greedy(pool)
    greedy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    stable = match_stable(pool)
    stable_seconds = time.perf_counter() - started
    print(
        f"[bench] optimal: {len(result.proposals)} matched, total {result.total:,.1f} "
        f"(mean {result.total / max(1, len(result.proposals)):.1f}); "
        f"greedy: {len(baseline.proposals)} matched, total {baseline.total:,.1f} "
        f"in {greedy_seconds:.2f} s; stable: {len(stable.proposals)} matched, total "
        f"{stable.total:,.1f} in {stable_seconds:.2f} s; optimal is "
        f"{100 * (result.total - baseline.total) / baseline.total:+.2f} % over greedy"
    )
    assert result.total >= baseline.total
    assert len(result.proposals) >= len(baseline.proposals)


def test_optimal_matching_when_every_mentor_suits_every_mentee():
    """The densest case: career stages unknown, so nearly every pair is allowed."""
    pool = programme()
    pool = dataclasses.replace(
        pool, mentees=tuple(dataclasses.replace(m, level=None) for m in pool.mentees)
    )
    seconds = []
    for _ in range(3):
        started = time.perf_counter()
        result = match_optimal(pool)
        seconds.append(time.perf_counter() - started)
    report("match_optimal, dense: nearly all 300,000 pairs allowed", seconds, 2.0)
    baseline = greedy(pool)
    print(
        f"[bench] dense: optimal {len(result.proposals)} matched, total {result.total:,.1f}; "
        f"greedy {len(baseline.proposals)} matched, total {baseline.total:,.1f} "
        f"({100 * (result.total - baseline.total) / baseline.total:+.2f} %)"
    )
    assert result.total >= baseline.total
