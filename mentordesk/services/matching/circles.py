"""Circles for group strands: mentees in groups of a chosen size, each with a facilitator."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentordesk.domain.departments import department_key
from mentordesk.services.matching.core import Candidate, Rules, Scorer, allowed
from mentordesk.services.matching.modes import Unmatched


@dataclass(frozen=True)
class Circle:
    """A group of mentees and the mentor or facilitator who leads it.

    Attributes:
        facilitator: who leads the circle.
        mentees: its members.
        conflicts: members the hard rules would keep from this facilitator, with why.
    """

    facilitator: Candidate
    mentees: tuple[Candidate, ...]
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class CircleResult:
    """The circles formed and the mentees left without one."""

    circles: tuple[Circle, ...]
    unplaced: tuple[Unmatched, ...]


def form_circles(
    mentees: Sequence[Candidate],
    facilitators: Sequence[Candidate],
    size: int,
    rules: Rules | None = None,
) -> CircleResult:
    """Group mentees into circles of at most ``size``, balanced by field and organisation.

    Mentees are sorted by field and dealt out in turn, so each field's members spread
    evenly over the circles and circle sizes differ by at most one; within a field,
    the members are dealt so that as few as possible join a circle already holding
    someone of their organisation. Facilitators (not paused, with a place) are then
    given to circles so that as many members as possible may be led by them under
    the hard rules, and then by the highest total score.

    Raises:
        ValueError: ``size`` is less than 1.
    """
    if size < 1:
        raise ValueError("A circle has at least one member.")
    rules = rules or Rules()
    leaders = [f for f in facilitators if not f.paused and f.capacity > 0]
    count = min(math.ceil(len(mentees) / size), len(leaders))
    ordered = sorted(mentees, key=lambda m: (department_key(m.field), m.organisation.lower(), m.id))
    placed, left = ordered[: count * size], ordered[count * size :]
    groups: list[list[Candidate]] = [[] for _ in range(count)]
    organisations: list[Counter[str]] = [Counter() for _ in range(count)]
    position = 0
    # Dealt in turn, each field's run of members spreads evenly over the circles; which
    # member takes which of the run's places is an assignment that keeps organisations apart.
    for _, same_field in itertools.groupby(placed, key=lambda m: department_key(m.field)):
        run = list(same_field)
        slots = [(position + k) % count for k in range(len(run))]
        keys = [m.organisation.strip().lower() for m in run]
        clashes = np.array(
            [[organisations[slot][key] if key else 0 for slot in slots] for key in keys]
        )
        for r, c in zip(*linear_sum_assignment(clashes), strict=True):
            groups[slots[c]].append(run[r])
            organisations[slots[c]][keys[r]] += 1
        position += len(run)
    unplaced = tuple(
        Unmatched(m, "no facilitator left for another circle" if leaders else "no facilitator")
        for m in left
    )
    if not count:
        return CircleResult((), unplaced)
    scorer = Scorer(rules)
    big = 100.0 * (size + 1)
    worth = np.array(
        [
            [
                sum(
                    big + scorer.points(m, f) if allowed(m, f, rules) is None else 0.0
                    for m in group
                )
                for f in leaders
            ]
            for group in groups
        ]
    )
    rows, cols = linear_sum_assignment(worth, maximize=True)
    circles = []
    for g, f in zip(rows.tolist(), cols.tolist(), strict=True):
        leader = leaders[f]
        conflicts = tuple(
            f"{m.name} with {leader.name}: {reason}"
            for m in groups[g]
            if (reason := allowed(m, leader, rules)) is not None
        )
        circles.append(Circle(leader, tuple(groups[g]), conflicts))
    return CircleResult(tuple(circles), unplaced)
