"""A file the system hands over (macOS Finder) opens like one named on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.gui.app import FileOpenHandler
from mentordesk.gui.main_window import MainWindow


def test_a_file_open_event_asks_for_that_files_passphrase(
    qtbot: QtBot,
    qapp: QApplication,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(window.opener, "open_path", opened.append)
    handler = FileOpenHandler(window)
    qapp.installEventFilter(handler)
    try:
        path = tmp_path / "ADVANCE 2026.mentordesk"
        assert QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(path)))
        assert opened == [path]
        # Other events pass through untouched.
        QCoreApplication.sendEvent(qapp, QEvent(QEvent.Type.User))
        assert opened == [path]
    finally:
        qapp.removeEventFilter(handler)
