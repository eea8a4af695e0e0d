"""Dialogs and menus see the window through gui/context.py, never as MainWindow itself."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

import mentordesk
from mentordesk.gui.context import FileHost, WindowContext
from mentordesk.gui.main_window import MainWindow
from tests.helpers.imports import imports_of, module_of, package_files

ROOT = Path(mentordesk.__file__).parent
#: The only modules that may import the main window: the window's start and its self-test check.
STARTS_THE_WINDOW = {"mentordesk.gui.app", "mentordesk.gui.window_check"}


def test_no_dialog_menu_or_file_handling_imports_the_main_window() -> None:
    importers = sorted(
        module_of(path, ROOT)[0]
        for path in package_files(ROOT)
        if any(i.module == "mentordesk.gui.main_window" for i in imports_of(path, ROOT))
    )
    assert set(importers) <= STARTS_THE_WINDOW, importers


def test_the_window_is_the_context_of_its_dialogs_and_menus(window: MainWindow) -> None:
    assert isinstance(window, WindowContext)
    assert isinstance(window, FileHost)
    assert window.widget() is window
    assert window.programme() is None
    window.show_status("Backup saved", 0)
    assert window.statusBar().currentMessage() == "Backup saved"


def test_one_programme_the_one_shown_and_none_while_locked(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    shown = demo_window.programme()
    assert shown is not None
    assert shown.name == demo_window.programme_selector.currentText()
    assert demo_window.messages.context.programme() == shown
    demo_window.locker.lock()
    assert demo_window.programme() is None
    assert not demo_window.reports.programme_action.isEnabled()
    assert not demo_window.messages.reminders_action.isEnabled()
