"""The self-test the frozen application runs, run here from the source tree."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk import selftest
from mentordesk.selftest import CHECKS, CheckFailed, run_self_test

ROOT = Path(__file__).resolve().parents[2]


def test_every_check_passes_in_this_environment_and_prints_one_line_each() -> None:
    out = io.StringIO()
    results = run_self_test(out=out)
    lines = out.getvalue().splitlines()
    assert [r.name for r in results] == [name for name, _check in CHECKS]
    assert all(r.passed for r in results), out.getvalue()
    assert lines[0].startswith("MentorDesk ")
    assert len(lines) == len(CHECKS) + 2
    assert lines[-1] == f"all {len(CHECKS)} checks passed"
    for result, line in zip(results, lines[1:-1], strict=True):
        assert line.startswith("ok  ")
        assert result.name in line
        assert result.detail in line


def test_a_failing_check_is_reported_with_its_reason_and_the_others_still_run() -> None:
    def broken(_folder: Path) -> str:
        raise CheckFailed("the widget is missing")

    out = io.StringIO()
    results = run_self_test([("broken", broken), ("fine", lambda _folder: "all good")], out=out)
    assert [r.passed for r in results[-2:]] == [False, True]
    text = out.getvalue()
    assert "FAIL  broken         CheckFailed: the widget is missing" in text
    assert "ok    fine           all good" in text
    assert text.splitlines()[-1] == f"1 of {len(CHECKS) + 2} checks failed: broken"
    assert "Traceback" not in text


def test_verbose_adds_the_traceback_of_a_failure_only() -> None:
    def broken(_folder: Path) -> str:
        raise ValueError("no such thing")

    out = io.StringIO()
    run_self_test([("broken", broken)], out=out, verbose=True)
    text = out.getvalue()
    assert text.count("Traceback (most recent call last)") == 1
    assert "ValueError: no such thing" in text


def test_the_time_zone_check_fails_without_a_zone_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A build missing tzdata: the module cannot be found, and no zone resolves.
    for name in [n for n in sys.modules if n.startswith("tzdata.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "tzdata", None)
    result = selftest.run_check("time zones", selftest.check_time_zones, tmp_path)
    assert not result.passed
    assert result.detail.startswith("ZoneInfoNotFoundError")
    assert "Europe/London" in result.detail


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` from the source tree, as an installed MentorDesk would run."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_command_line_self_test_needs_no_file_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTORDESK_")}
    result = _run(["-m", "mentordesk.cli", "self-test"], {**env, "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == f"all {len(CHECKS)} checks passed"
    assert list(tmp_path.iterdir()) == []


def test_the_window_self_test_runs_headless_and_exits_0(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env.update(TMPDIR=str(tmp_path), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = _run(["-m", "mentordesk", "--self-test"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-2].startswith("ok    window ")
    assert "on the offscreen platform" in lines[-2]
    assert lines[-1] == f"all {len(CHECKS) + 1} checks passed"
    # Settings went to the self-test's scratch folder, which is gone.
    assert list(tmp_path.iterdir()) == []
