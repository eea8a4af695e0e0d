"""Fixtures for the GUI tests: offscreen Qt, private settings, and the window on the demo."""

from __future__ import annotations

import os

# Before any Qt import: never look for a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.store.programme_file import ProgrammeFile

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in tests/gui as ``gui``, so ``-m "not gui"`` skips them."""
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def private_settings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """QSettings kept in the test's own folder, never in the user's real settings."""
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("MentorDeskTests")
    QCoreApplication.setApplicationName("MentorDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings().clear()


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    """The main window, with no file open."""
    shown = MainWindow()
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def demo_window(qtbot: QtBot, window: MainWindow, demo_file: ProgrammeFile) -> Iterator[MainWindow]:
    """The main window on a private copy of the demo programme, every tab loaded.

    Closed before the file is, so no work is left running on the worker thread.
    """
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignals([tab.loaded for tab in window.tabs], timeout=10_000):
        window.show_file(demo_file)
    yield window
    window.close()


@pytest.fixture
def pilot_window(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> Iterator[MainWindow]:
    """The main window on a new file holding "Pilot 2026" (strands Fellows and Circles)."""
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignals([tab.loaded for tab in window.tabs], timeout=10_000):
        window.show_file(programme_file)
    yield window
    window.close()
