"""mentordesk-cli stopped part-way: killed during passwd or backup, interrupted during demo.

A killed ``passwd`` or ``backup`` may leave its temporary copies beside the
file or in its backups folder; the next open removes them, and the file opens
with exactly one of the two passphrases. An interrupted ``demo`` leaves no file.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mentordesk.cli.app import main
from mentordesk.store.backups import backups_folder
from mentordesk.store.programme_file import ProgrammeFile

ROOT = Path(__file__).resolve().parents[1]
OLD = "the passphrase before the change"
NEW = "the passphrase after the change"
ROUNDS = 5
PEOPLE = 60
BACKUP_NAME = re.compile(r"^\d{8}-\d{6}-\d{6}-[a-z-]+\.mentordesk$")

# Imports MentorDesk first and says so, so the random moment falls in the work, not start-up.
RUN = textwrap.dedent(
    """
    import sys
    from mentordesk.cli.app import main
    print("ready", flush=True)
    raise SystemExit(main(sys.argv[1:]))
    """
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals are POSIX")


def _env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MENTORDESK_")}
    return {**clean, "MENTORDESK_PASSPHRASE": OLD, "MENTORDESK_NEW_PASSPHRASE": NEW}


def _start(args: list[str]) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", RUN, *args],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def _stop(process: subprocess.Popen[str], how: signal.Signals) -> tuple[int, str]:
    process.send_signal(how)
    _out, err = process.communicate(timeout=60)
    return process.returncode, err


def _temporaries(path: Path) -> list[str]:
    """Names beside the file and in its backups folder that are neither it nor a backup."""
    found = [p.name for p in path.parent.iterdir() if p.name != backups_folder(path).name]
    backups = backups_folder(path)
    if backups.is_dir():
        found += [p.name for p in backups.iterdir() if not BACKUP_NAME.match(p.name)]
    return sorted(name for name in found if name != path.name)


def _wait_for(path: Path, process: subprocess.Popen[str], ending: str, timeout: float) -> None:
    """Until a temporary name ending in ``ending`` appears (or the command has ended)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and process.poll() is None:
        if any(name.endswith(ending) for name in _temporaries(path)):
            return
        time.sleep(0.001)


def _opened_with(path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> list[str]:
    """Which of the two passphrases open the file through ``mentordesk-cli info``."""
    opened = []
    for candidate in (OLD, NEW):
        monkeypatch.setenv("MENTORDESK_PASSPHRASE", candidate)
        status = main(["info", "--db", str(path), "--json"])
        out = capsys.readouterr()
        if status == 0:
            assert json.loads(out.out)["people"] == PEOPLE
            opened.append(candidate)
        else:
            assert "did not open with this passphrase" in out.err
    return opened


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo programme under the old passphrase, copied for every run."""
    from mentordesk.services.demo import build_demo

    path = tmp_path_factory.mktemp("template") / "template.mentordesk"
    with ProgrammeFile.create(path, OLD) as made:
        build_demo(made, size=PEOPLE)
    return path


def _copy(template: Path, folder: Path) -> Path:
    folder.mkdir()
    path = folder / "programme.mentordesk"
    path.write_bytes(template.read_bytes())
    return path


@pytest.mark.slow
@pytest.mark.parametrize("command", ["passwd", "backup"])
def test_a_kill_leaves_no_leftover_after_the_next_open_and_one_passphrase_works(
    command: str, template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # One run to the end, to learn how long the command takes on this machine.
    calibration = _copy(template, tmp_path / "calibration")
    process = _start([command, "--db", str(calibration)])
    started = time.perf_counter()
    _out, err = process.communicate(timeout=120)
    duration = time.perf_counter() - started
    assert process.returncode == 0, err

    rng = random.Random(13 if command == "passwd" else 14)
    aim = ".rekeyed" if command == "passwd" else ".partial"
    left, outcomes = 0, []
    for run in range(ROUNDS):
        path = _copy(template, tmp_path / f"run{run}")
        process = _start([command, "--db", str(path)])
        if run % 2:
            # Every other run aims at the copies themselves: the backup's partial copy, or
            # the copy under the new passphrase, which is checked and then renamed over.
            # The first at once, so that at least one kill surely leaves a copy behind.
            _wait_for(path, process, aim, timeout=duration * 3)
            time.sleep(rng.uniform(0.0, duration / 3) if run > 1 else 0.0)
        else:
            time.sleep(rng.uniform(0.0, duration * 1.1))
        _stop(process, signal.SIGKILL)
        left += any(name.startswith(".") for name in _temporaries(path))

        opened = _opened_with(path, monkeypatch, capsys)
        assert len(opened) == 1, f"run {run}: opened with {opened}"
        assert _temporaries(path) == [], f"run {run}"
        outcomes.append(opened[0])
    if command == "backup":
        assert set(outcomes) == {OLD}
    assert left, "no kill left a temporary copy behind: the timing tested nothing"
    print(
        f"{ROUNDS} kills of {command} ({duration:.2f} s): {left} left copies behind, "
        f"{outcomes.count(NEW)} ended under the new passphrase"
    )


def _filling(folder: Path) -> bool:
    """Whether a programme file in ``folder`` (under any name) is being filled with people.

    Making the empty file journals nothing but a header; adding people to it
    journals the pages they change.
    """
    return any(
        p.name.endswith("-journal") and p.stat().st_size > 4096
        for p in folder.iterdir()
        if p.exists()
    )


def test_an_interrupted_demo_leaves_no_file_and_the_next_demo_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db = tmp_path / "demo.mentordesk"
    process = _start(["demo", "--db", str(db), "--size", "1000"])
    # Interrupted once people are being written, long before 1,000 are in.
    deadline = time.perf_counter() + 60
    while process.poll() is None:
        try:
            if _filling(tmp_path):
                break
        except FileNotFoundError:
            continue  # a journal removed while looked at
        assert time.perf_counter() < deadline, "the demo never began writing people"
        time.sleep(0.002)
    status, err = _stop(process, signal.SIGINT)
    assert status == 130, err
    assert "interrupted" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []

    monkeypatch.setenv("MENTORDESK_PASSPHRASE", OLD)
    assert main(["demo", "--db", str(db), "--size", "20"]) == 0
    assert "Created the demo programme" in capsys.readouterr().out
    assert main(["info", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["people"] == 20


@pytest.mark.parametrize("delay", [0.1, 0.2, 0.3, 0.45])
def test_ctrl_c_while_the_command_line_loads_is_answered_in_plain_words(
    tmp_path: Path, delay: float
) -> None:
    # Straight after the start, while Python loads the command line and SQLAlchemy.
    target = tmp_path / "demo.mentordesk"
    process = subprocess.Popen(
        [sys.executable, "-m", "mentordesk.cli", "demo", "--db", str(target)],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)  # when the interrupt comes is what this test varies
    status, err = _stop(process, signal.SIGINT)
    assert "Traceback" not in err
    # Either MentorDesk says so, or the interrupt came before Python had started
    # (it then prints nothing and ends by the signal itself).
    assert err == "" or err.startswith("mentordesk-cli: interrupted;"), err
    assert status in (130, -signal.SIGINT)
    assert list(tmp_path.iterdir()) == []
