"""Sorting 10,000 people alphabetically with their accents (target 100 ms).

Part of ``python3 dev.py bench``; alone: ``python3 dev.py bench
tests/benchmarks/test_collation.py``. The names are the demo's, accents included.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from mentordesk.services.collation import person_key, sort_key
from mentordesk.services.demo_data import FIRST_NAMES, LAST_NAMES
from tests.benchmarks.conftest import report

PEOPLE = 10_000
RUNS = 7


@dataclass(frozen=True)
class Someone:
    first_name: str
    last_name: str
    id: int


def test_sorting_ten_thousand_people_by_name() -> None:
    rng = random.Random(7)
    people = [Someone(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), n) for n in range(PEOPLE)]
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        ordered = sorted(people, key=lambda p: (person_key(p), p.id))
        timings.append(time.perf_counter() - started)
    assert len(ordered) == PEOPLE
    keys = [sort_key(p.last_name, p.first_name) for p in ordered]
    assert keys == sorted(keys)
    # The floor: Python's own sort of the same people on case-folded names (byte order).
    floor = []
    for _ in range(RUNS):
        started = time.perf_counter()
        sorted(people, key=lambda p: (p.last_name.casefold(), p.first_name.casefold(), p.id))
        floor.append(time.perf_counter() - started)
    report("sorting 10,000 people by last and first name, accents included", timings, 0.1)
    report("floor: the same sort on case-folded names, accents ignored", floor, 0.1)
    ratio = sorted(timings)[RUNS // 2] / sorted(floor)[RUNS // 2]
    print(f"[bench] collation over floor: {ratio:.1f}x")
