"""The ``mentordesk`` entry point: the demo in a temporary folder, and errors in plain words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui import app
from mentordesk.gui.errors import UNEXPECTED_TITLE, install_excepthook
from mentordesk.gui.main_window import MainWindow


def test_demo_opens_from_a_temporary_folder_deleted_on_exit(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: dict[str, object] = {}

    def close_once_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].tabs[0].model.rowCount():
            return
        window = windows[0]
        assert window.programme_file is not None
        seen["folder"] = window.programme_file.path.parent
        seen["title"] = window.windowTitle()
        seen["status"] = window.file_label.text()
        timer.stop()
        window.close()

    timer = QTimer()
    timer.timeout.connect(close_once_shown)
    timer.start(50)
    assert app.main(["--demo"]) == 0
    folder = seen["folder"]
    assert isinstance(folder, Path)
    assert "Demo" in str(seen["title"])
    assert "demo" in str(seen["status"])
    assert not folder.exists()
    assert QApplication.organizationName() == "MentorDesk"
    assert QApplication.applicationName() == "MentorDesk"


def test_arguments_take_a_file_or_the_demo() -> None:
    assert app.parse_arguments(["--demo"]).demo
    parsed = app.parse_arguments(["programme.mentordesk"])
    assert parsed.file == Path("programme.mentordesk")
    assert not parsed.demo


def test_an_uncaught_exception_is_shown_without_a_traceback(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise KeyError("maria.rossi@example.org")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [b.windowTitle() for b in boxes] == [UNEXPECTED_TITLE]
    assert "Traceback" not in boxes[0].text()
    assert "maria.rossi" not in boxes[0].text()
    assert "KeyError" in caplog.text
    assert "maria.rossi" not in caplog.text
    boxes[0].close()


def test_the_application_has_its_icon(qapp) -> None:
    from mentordesk.gui.application import make_application

    icon = make_application().windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).toImage().isNull()
