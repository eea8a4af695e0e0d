"""The Dashboard's figures of a programme of 2,000+ participants (target well under 1 s).

Part of ``python3 dev.py bench``; alone: ``python3 dev.py bench
tests/benchmarks/test_dashboard.py``. Set ``MENTORDESK_BENCH_DASHBOARD_PEOPLE`` for another
size (the demo accepts about three applicants in four).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from mentordesk.services.dashboard import programme_figures
from mentordesk.services.demo import build_demo
from mentordesk.services.figure_records import figure_records
from mentordesk.store.programme_file import ProgrammeFile
from tests.benchmarks.conftest import PASSPHRASE, report

PEOPLE = int(os.environ.get("MENTORDESK_BENCH_DASHBOARD_PEOPLE", "2900"))
TODAY = dt.date(2026, 11, 25)
RUNS = 7


def measure(folder: Path) -> dict[str, list[float]]:
    """Build the programme in ``folder``, then time its figures and its largest list."""
    path = folder / "dashboard.mentordesk"
    started = time.perf_counter()
    with ProgrammeFile.create(path, PASSPHRASE) as opened:
        programme_id = build_demo(opened, size=PEOPLE)
    print(f"\n[bench] built {PEOPLE:,} people in {time.perf_counter() - started:.1f} s")
    timings: dict[str, list[float]] = {"figures": [], "records": []}
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        for _ in range(RUNS):
            with opened.session() as session:
                started = time.perf_counter()
                figures = programme_figures(session, programme_id, TODAY)
                timings["figures"].append(time.perf_counter() - started)
                started = time.perf_counter()
                table = figure_records(session, figures.applications.applications.records)
                timings["records"].append(time.perf_counter() - started)
    participants = figures.participation.participants.value
    print(
        f"[bench] {participants:,} participants, {figures.applications.applications.value:,} "
        f"applications, {figures.pairings.published.value:,} pairings, "
        f"{len(figures.events)} past events, {figures.surveys.feedback.responses:,} feedback "
        f"responses; the largest list has {len(table.rows):,} rows"
    )
    assert participants >= 2000 or PEOPLE < 2900, "the programme is smaller than meant"
    return timings


def test_dashboard_figures_of_two_thousand_participants(tmp_path: Path) -> None:
    timings = measure(tmp_path)
    report("dashboard figures, 2,000+ participants", timings["figures"], 1.0)
    report("records behind the largest figure (every application)", timings["records"], 1.0)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        results = measure(Path(folder))
    report("dashboard figures, 2,000+ participants", results["figures"], 1.0)
    report("records behind the largest figure (every application)", results["records"], 1.0)
