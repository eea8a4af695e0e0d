"""The three ways of proposing pairs: optimal, stable and a shortlist; and a greedy baseline.

Fixed pairs are made first in every mode and use up their mentor's places; the
hard rules (``core.allowed``) hold for every other proposal. Mentees on the
waitlist are offered the places left first, in the order of the waitlist.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentordesk.services.collation import sort_key
from mentordesk.services.matching.core import Candidate, Pool, Score, Scorer, allowed


@dataclass(frozen=True)
class Proposal:
    """A proposed pair with its score and why.

    Attributes:
        mentee: the mentee.
        mentor: the mentor.
        score: points and reasons.
        fixed: made because the coordinator fixed it.
    """

    mentee: Candidate
    mentor: Candidate
    score: Score
    fixed: bool = False

    @property
    def explanation(self) -> str:
        """The reasons as one line (a fixed pair says so first)."""
        return self.score.explanation

    @property
    def strand_id(self) -> int | None:
        """A strand both applied to, where the pairing belongs."""
        shared = self.mentee.strands & self.mentor.strands or self.mentee.strands
        return min(shared) if shared else None


@dataclass(frozen=True)
class Unmatched:
    """A mentee left without a mentor, and why."""

    mentee: Candidate
    reason: str


@dataclass(frozen=True)
class MatchResult:
    """What one run of the engine proposes.

    Attributes:
        mode: "optimal", "stable" or "greedy".
        proposals: the pairs proposed.
        unmatched: the mentees left without a mentor, with why.
        stage_unknown: the mentees and mentors of the run whose career stage is
            unknown, for whom seniority and the grade gap were not checked.
    """

    mode: str
    proposals: tuple[Proposal, ...]
    unmatched: tuple[Unmatched, ...]
    stage_unknown: tuple[Candidate, ...] = ()

    @property
    def stage_note(self) -> str:
        """Who has no known career stage, in plain words ("" when everyone's is known)."""
        return stage_unknown_note(self.stage_unknown)

    @property
    def total(self) -> float:
        """The sum of the proposals' scores."""
        return round(sum(p.score.points for p in self.proposals), 2)


@dataclass(frozen=True)
class Shortlist:
    """The best suitable mentors for each mentee, best first.

    ``stage_unknown`` as in :class:`MatchResult`.
    """

    entries: tuple[Proposal, ...]
    unmatched: tuple[Unmatched, ...]
    stage_unknown: tuple[Candidate, ...] = ()

    @property
    def stage_note(self) -> str:
        """Who has no known career stage, in plain words ("" when everyone's is known)."""
        return stage_unknown_note(self.stage_unknown)


def stage_unknown(pool: Pool) -> tuple[Candidate, ...]:
    """The run's mentees and mentors whose career stage is unknown, by name, each once."""
    seen: dict[int, Candidate] = {}
    for person in (*pool.mentees, *pool.mentors):
        if person.level is None:
            seen.setdefault(person.id, person)
    return tuple(sorted(seen.values(), key=lambda c: (sort_key(c.name), c.id)))


#: How many names the note on unknown stages gives before counting the rest.
_NAMES_SHOWN = 10


def stage_unknown_note(people: Sequence[Candidate]) -> str:
    """Say who has no known career stage and what was therefore not checked.

    Returns:
        For example "3 people have no known career stage (Ana Lima, Bo Chen, Cy
        Diaz): seniority and the grade gap were not checked for them"; "" for nobody.
    """
    if not people:
        return ""
    names = [p.name for p in people[:_NAMES_SHOWN]]
    if len(people) > _NAMES_SHOWN:
        names.append(f"{len(people) - _NAMES_SHOWN} more")
    if len(people) == 1:
        return (
            f"{names[0]} has no known career stage: seniority and the grade gap "
            "were not checked for them"
        )
    return (
        f"{len(people)} people have no known career stage ({', '.join(names)}): "
        "seniority and the grade gap were not checked for them"
    )


class _Run:
    """The state shared by the modes: fixed pairs made, places left, scores."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.rules = pool.rules
        self.scorer = Scorer(pool.rules)
        self.places = {m.id: max(0, m.capacity) for m in pool.mentors}
        self.fixed: list[Proposal] = []
        mentors = {m.id: m for m in pool.mentors}
        fixed_of: dict[int, int] = {}
        for mentor_id, mentee_id in sorted(pool.rules.fixed):
            fixed_of.setdefault(mentee_id, mentor_id)
        unfixed = replace(pool.rules, fixed=frozenset())
        self.free: list[Candidate] = []
        for mentee in pool.mentees:
            mentor = mentors.get(fixed_of.get(mentee.id, -1))
            if mentor is None:
                self.free.append(mentee)
                continue
            base = self.scorer.score(mentee, mentor)
            note = "fixed by the coordinator"
            if broken := allowed(mentee, mentor, unfixed):
                note += f" although the mentor is {_as_clause(broken)}"
            self.fixed.append(replace_reasons(mentee, mentor, base, note))
            self.places[mentor.id] -= 1
        self.open_mentors = [m for m in pool.mentors if self.places[m.id] > 0]

    def suitable(self, mentee: Candidate) -> list[Candidate]:
        """Mentors with places left whom the hard rules allow for ``mentee``."""
        return [m for m in self.open_mentors if allowed(mentee, m, self.rules) is None]

    def proposal(self, mentee: Candidate, mentor: Candidate) -> Proposal:
        return Proposal(mentee, mentor, self.scorer.score(mentee, mentor))

    def result(self, mode: str, made: list[Proposal]) -> MatchResult:
        proposals = [*self.fixed, *made]
        matched = {p.mentee.id for p in proposals}
        unmatched = [
            Unmatched(m, why_unmatched(m, self.pool)) for m in self.free if m.id not in matched
        ]
        proposals.sort(
            key=lambda p: (
                sort_key(p.mentor.name),
                p.mentor.id,
                sort_key(p.mentee.name),
                p.mentee.id,
            )
        )
        return MatchResult(mode, tuple(proposals), tuple(unmatched), stage_unknown(self.pool))


def replace_reasons(mentee: Candidate, mentor: Candidate, base: Score, note: str) -> Proposal:
    """A fixed pair's proposal, its note first among the reasons."""
    return Proposal(mentee, mentor, Score(base.points, (note, *base.reasons), base.parts), True)


def _as_clause(reason: str) -> str:
    return reason.replace("the mentee's", "their")


def waitlist_priority(mentee: Candidate) -> int:
    """How far ahead of the others a mentee is offered a mentor: 0 when not waiting.

    The first on the waitlist has the highest priority; everyone waiting comes
    before everyone not waiting.
    """
    if mentee.waitlist_rank is None:
        return 0
    return _WAITLIST_PRIORITY - min(mentee.waitlist_rank, _WAITLIST_PRIORITY - 1)


# Above any waitlist rank a strand can hold.
_WAITLIST_PRIORITY = 1_000_000


def why_unmatched(mentee: Candidate, pool: Pool) -> str:
    """Why no mentor was proposed for ``mentee``, in plain words."""
    if not pool.mentors:
        return "no accepted mentor to match with"
    refusals: Counter[str] = Counter()
    suitable: list[Candidate] = []
    for mentor in pool.mentors:
        reason = allowed(mentee, mentor, pool.rules)
        if reason is None:
            suitable.append(mentor)
        else:
            # Each mentor's own gap would split the count; the limit holds for them all.
            refusals[_GRADE_GAP.sub(_GRADE_GAP_REASON, reason)] += 1
    if suitable:
        if len(suitable) == 1:
            return f"the one suitable mentor, {suitable[0].name}, has no place left"
        return f"all {len(suitable)} suitable mentors have no place left"
    counted = "; ".join(
        f"{n} mentor{'' if n == 1 else 's'}: {reason}" for reason, n in refusals.most_common()
    )
    return f"no suitable mentor ({counted})"


_GRADE_GAP = re.compile(r"^\d+ levels above the mentee \(at most (\d+)\)$")
_GRADE_GAP_REASON = r"too many levels above the mentee, at most \1 allowed"


def match_optimal(pool: Pool) -> MatchResult:
    """The proposals with the highest total score under the hard rules.

    As many mentees as possible are matched; among the ways of matching that many,
    waitlisted mentees are matched first in the waitlist's order, and then the one
    with the highest total score is taken. It is solved as an assignment of mentees
    to the mentors' places with ``scipy.optimize.linear_sum_assignment``.
    """
    run = _Run(pool)
    mentees, mentors = run.free, run.open_mentors
    if not mentees or not mentors:
        return run.result("optimal", [])
    scores = np.zeros((len(mentees), len(mentors)))
    suitable = np.zeros((len(mentees), len(mentors)), dtype=bool)
    for i, mentee in enumerate(mentees):
        for j, mentor in enumerate(mentors):
            if allowed(mentee, mentor, run.rules) is None:
                suitable[i, j] = True
                scores[i, j] = run.scorer.points(mentee, mentor)
    # Each pair is worth more than any total of scores, so the count comes first. The
    # mentees a mentor can take form a matroid (a transversal one), so weighting the
    # waitlisted by distinct whole multiples of ``big`` in the waitlist's order matches
    # them exactly as offering places down the waitlist would, without matching fewer.
    big = 100.0 * (len(mentees) + 1)
    waiting = sorted(
        (i for i, e in enumerate(mentees) if e.waitlist_rank is not None),
        key=lambda i: (-waitlist_priority(mentees[i]), mentees[i].id),
    )
    tiers = np.ones(len(mentees))
    for position, i in enumerate(waiting):
        tiers[i] += len(waiting) - position
    worth = np.where(suitable, big * tiers[:, None] + scores, 0.0)
    takers = suitable.sum(axis=0)
    places = [min(run.places[m.id], int(takers[j])) for j, m in enumerate(mentors)]
    owner = np.repeat(np.arange(len(mentors)), places)
    if owner.size == 0:
        return run.result("optimal", [])
    rows, cols = linear_sum_assignment(worth[:, owner], maximize=True)
    made = [
        run.proposal(mentees[i], mentors[owner[c]])
        for i, c in zip(rows.tolist(), cols.tolist(), strict=True)
        if suitable[i, owner[c]]
    ]
    return run.result("optimal", made)


def greedy(pool: Pool) -> MatchResult:
    """A baseline: take the best-scoring suitable pair left, again and again (waitlist first)."""
    run = _Run(pool)
    pairs = [
        (-waitlist_priority(e), -run.scorer.points(e, m), e.id, m.id, i, j)
        for i, e in enumerate(run.free)
        for j, m in enumerate(run.open_mentors)
        if allowed(e, m, run.rules) is None
    ]
    pairs.sort()
    taken: set[int] = set()
    made = []
    for _, _, _, mentor_id, i, j in pairs:
        if i in taken or run.places[mentor_id] <= 0:
            continue
        taken.add(i)
        run.places[mentor_id] -= 1
        made.append(run.proposal(run.free[i], run.open_mentors[j]))
    return run.result("greedy", made)


def mentee_preferences(
    mentee: Candidate, mentors: Sequence[Candidate], scorer: Scorer
) -> list[int]:
    """The mentors' ids in the mentee's order: chosen ones by rank, then the rest by score."""
    chosen = {m: rank for rank, m in enumerate(mentee.choices)}
    return [
        m.id
        for m in sorted(
            mentors,
            key=lambda m: (chosen.get(m.id, len(chosen)), -scorer.points(mentee, m), m.id),
        )
    ]


def mentor_preference(
    mentee: Candidate, mentor: Candidate, scorer: Scorer
) -> tuple[int, float, int]:
    """How much the mentor wants the mentee: higher is better.

    The waitlisted come first, in the waitlist's order (so a place goes to them before
    anyone new); then the score; then the lower id.
    """
    return (waitlist_priority(mentee), scorer.points(mentee, mentor), -mentee.id)


def match_stable(pool: Pool) -> MatchResult:
    """Mentee-proposing deferred acceptance with the mentors' places.

    No mentee and mentor would both rather be together than with whom they got:
    mentees rank their chosen mentors first, then by score; mentors rank waitlisted
    mentees first (in the waitlist's order), then by score. Fixed pairs are made
    first and stand outside the comparison.
    """
    run = _Run(pool)
    mentors = {m.id: m for m in run.open_mentors}
    queue = {e.id: mentee_preferences(e, run.suitable(e), run.scorer) for e in run.free}
    mentees = {e.id: e for e in run.free}
    nxt = dict.fromkeys(mentees, 0)
    held: dict[int, list[tuple[tuple[int, float, int], int]]] = {m: [] for m in mentors}
    free = list(reversed(run.free))
    while free:
        mentee = free.pop()
        prefs = queue[mentee.id]
        if nxt[mentee.id] >= len(prefs):
            continue
        mentor_id = prefs[nxt[mentee.id]]
        nxt[mentee.id] += 1
        heap = held[mentor_id]
        heapq.heappush(heap, (mentor_preference(mentee, mentors[mentor_id], run.scorer), mentee.id))
        if len(heap) > run.places[mentor_id]:
            _, dropped = heapq.heappop(heap)
            free.append(mentees[dropped])
    made = [
        run.proposal(mentees[mentee_id], mentors[mentor_id])
        for mentor_id, heap in held.items()
        for _, mentee_id in heap
    ]
    return run.result("stable", made)


def shortlist(pool: Pool, k: int = 3) -> Shortlist:
    """The ``k`` best-scoring suitable mentors with places left, for each mentee."""
    run = _Run(pool)
    entries = list(run.fixed)
    unmatched = []
    for mentee in run.free:
        options = run.suitable(mentee)
        if not options:
            unmatched.append(Unmatched(mentee, why_unmatched(mentee, pool)))
            continue
        best = sorted(options, key=lambda m: (-run.scorer.points(mentee, m), m.id))[:k]
        entries.extend(run.proposal(mentee, m) for m in best)
    return Shortlist(tuple(entries), tuple(unmatched), stage_unknown(pool))
