"""How long unlocking a large programme file takes (target: under 0.5 s)."""

import time

from mentordesk.store.programme_file import ProgrammeFile
from tests.benchmarks.conftest import PASSPHRASE, report


def test_unlock_large_store(large_store):
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        opened = ProgrammeFile.open(large_store, PASSPHRASE)
        timings.append(time.perf_counter() - started)
        opened.close()
    report("unlock (open and check a 10,000-person file)", timings, 0.5)
