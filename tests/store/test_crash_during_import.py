"""A kill at any moment of an import leaves a file that opens, checks out, and holds all or none.

Each run copies a programme file, starts ``mentordesk-cli import applicants``
on a 1,000-row workbook in a separate process, kills it (SIGKILL) at a random
moment, then opens the file: once with a wrong passphrase (which must change
nothing), then with the right one. Killed runs land in the backup made before
the import, in the transaction, or after the commit.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from mentordesk.domain.enums import StrandFormat
from mentordesk.domain.errors import WrongPassphrase
from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE

ROWS = 1000
RUNS = 24

# Imports MentorDesk first and says so, so the random moment falls in the work, not start-up.
IMPORT = textwrap.dedent(
    """
    import sys
    from mentordesk.cli.app import main
    print("ready", flush=True)
    status = main(sys.argv[1:])
    print("done", flush=True)
    raise SystemExit(status)
    """
)


def _applications(path: Path) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Form responses")
    sheet.append(["Timestamp", "Email Address", "First name", "Last name", "Strand", "Role"])
    for n in range(ROWS):
        role = "Mentor" if n % 3 == 0 else "Mentee"
        sheet.append(
            [dt.datetime(2026, 1, 5, 9) + dt.timedelta(minutes=n), f"person{n}@example.org",
             f"First{n}", f"Last{n}", "Fellows", role]
        )  # fmt: skip
    workbook.save(path)
    return path


def _applications_count(opened: ProgrammeFile) -> int:
    with opened.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert connection.exec_driver_sql("PRAGMA cipher_integrity_check").all() == []
        return int(connection.execute(text("SELECT count(*) FROM application")).scalar_one())


def _journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _wait_for_journal(
    path: Path, process: subprocess.Popen[str], *, timeout: float
) -> float | None:
    """When the import began writing (its rollback journal appeared), or None if it did not."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and process.poll() is None:
        if _journal(path).exists():
            return time.perf_counter()
        time.sleep(0.0005)
    return None


def _start(path: Path, source: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT, "import", "applicants", str(source), "--db", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_during_an_import_leaves_all_of_it_or_none(tmp_path: Path) -> None:
    template = tmp_path / "template.mentordesk"
    with ProgrammeFile.create(template, PASSPHRASE) as made, made.session() as session:
        create_programme(
            session,
            ProgrammeInput(
                name="Pilot 2026",
                strands=[StrandInput("Fellows", StrandFormat.ONE_TO_ONE, ROWS)],
            ),
        )
    source = _applications(tmp_path / "applications.xlsx")
    env = {**os.environ, "MENTORDESK_PASSPHRASE": PASSPHRASE}

    # One run to the end, to learn how long an import takes on this machine.
    calibration = tmp_path / "calibration.mentordesk"
    shutil.copyfile(template, calibration)
    process = _start(calibration, source, env)
    started = time.perf_counter()
    writing_from = _wait_for_journal(calibration, process, timeout=60)
    assert writing_from is not None, "the import never began writing"
    assert process.stdout is not None
    assert "done" in process.stdout.read()
    assert process.wait() == 0
    ended = time.perf_counter()
    duration, writing = ended - started, ended - writing_from
    process.stdout.close()
    with ProgrammeFile.open(calibration, PASSPHRASE) as opened:
        assert _applications_count(opened) == ROWS

    rng = random.Random(10)
    outcomes: list[int] = []
    hot_journals = 0
    for run in range(RUNS):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        path = folder / "programme.mentordesk"
        shutil.copyfile(template, path)
        process = _start(path, source, env)
        if run % 2:
            # Half the runs aim at the write transaction itself: from its journal's appearance.
            _wait_for_journal(path, process, timeout=duration * 3)
            time.sleep(rng.uniform(0.0, writing * 1.2))
        else:
            time.sleep(rng.uniform(0.0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.stdout is not None
        process.stdout.close()
        hot_journals += _journal(path).exists()
        # A wrong passphrase first must neither open the file nor disturb its journal.
        with pytest.raises(WrongPassphrase):
            ProgrammeFile.open(path, "not the passphrase")
        with ProgrammeFile.open(path, PASSPHRASE) as reopened:
            count = _applications_count(reopened)
        assert count in (0, ROWS), f"run {run}: {count} applications"
        outcomes.append(count)
    # Both outcomes should occur over the runs; if not, the timing did not test anything.
    assert set(outcomes) == {0, ROWS}, outcomes
    assert hot_journals, "no kill landed inside the write transaction"
    print(
        f"{RUNS} kills (import {duration:.2f} s, writing {writing:.2f} s): "
        f"{outcomes.count(0)} none, {outcomes.count(ROWS)} all, {hot_journals} mid-transaction"
    )
