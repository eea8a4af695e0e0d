"""python3 dev.py app [FILE]: the window on one's own file, after the same checks as the demo."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import dev


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """What dev.py checks and runs, in order; nothing is installed or started."""
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(dev, "ensure_environment", lambda: None)
    monkeypatch.setattr(dev, "ensure_qt_libraries", lambda p: calls.append(("libraries", p)))
    monkeypatch.setattr(dev, "run", lambda command, **env: calls.append(("run", command)) or 0)
    return calls


def test_app_checks_qt_libraries_then_opens_the_file_named_from_where_it_was_run(
    launched: list[tuple[str, object]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.chdir(tmp_path)
    assert dev.main(["app", "lux.mentordesk"]) == 0
    mentordesk = str(dev.BIN / "mentordesk")
    assert launched == [
        ("libraries", "xcb"),
        ("run", [mentordesk, str(tmp_path / "lux.mentordesk")]),
    ]
    launched.clear()
    assert dev.main(["app"]) == 0  # the start screen
    assert launched == [("libraries", "xcb"), ("run", [mentordesk])]
    launched.clear()
    assert dev.main(["cli", "info"]) == 0  # the command line needs no Qt libraries
    assert launched == [("run", [str(dev.BIN / "mentordesk-cli"), "info"])]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="screens are found on Linux")
def test_app_without_a_screen_says_how_to_run_it_under_a_virtual_one(
    launched: list[tuple[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit, match=re.escape("xvfb-run -a python3 dev.py app")):
        dev.main(["app", "lux.mentordesk"])
    assert launched == []
