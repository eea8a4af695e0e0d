"""A programme file of 10,000 people, built once per benchmark run."""

from __future__ import annotations

import os
import platform
import statistics
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mentordesk.services.demo import build_demo
from mentordesk.store.programme_file import ProgrammeFile

PEOPLE = int(os.environ.get("MENTORDESK_BENCH_PEOPLE", "10000"))
PASSPHRASE = "benchmark passphrase"


def report(name: str, seconds: list[float], target: float) -> None:
    """Print one benchmark's figures: median, best and worst, against the target."""
    median = statistics.median(seconds)
    verdict = "meets" if median <= target else "MISSES"
    print(
        f"\n[bench] {name}: median {median * 1000:.1f} ms, best {min(seconds) * 1000:.1f} ms, "
        f"worst {max(seconds) * 1000:.1f} ms over {len(seconds)} runs; "
        f"target {target * 1000:.0f} ms ({verdict}) "
        f"[{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}]"
    )


@pytest.fixture(scope="session")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed programme file holding the demo programme scaled to ``PEOPLE`` people."""
    path = tmp_path_factory.mktemp("bench") / "large.mentordesk"
    started = time.perf_counter()
    with ProgrammeFile.create(path, PASSPHRASE) as opened:
        build_demo(opened, size=PEOPLE)
    print(f"\n[bench] built a store of {PEOPLE:,} people in {time.perf_counter() - started:.1f} s")
    return path
