"""First run: the start page offers the demo and what to do first; nothing silently does nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import NO_FILE, NO_PROGRAMME, NO_RECORD_TAB, MainWindow
from mentordesk.gui.programme_dialog import ProgrammeDialog
from mentordesk.gui.tabs.base import NO_MATCH
from mentordesk.store.programme_file import ProgrammeFile


def test_the_start_page_offers_the_demo_and_what_to_do_first(window: MainWindow) -> None:
    window.show()
    page = window.start_page
    assert page.demo_button.isVisible()
    assert "What to do first" in page.first_steps.text()
    assert "Import applications" in page.first_steps.text()
    for action in (
        window.import_action,
        window.new_programme_action,
        window.settings_action,
        window.stages_action,
        window.copy_programme_action,
        window.alumni_action,
        window.add_action,
        window.export_programme_action,
    ):
        assert not action.isEnabled(), action.text()
        assert action.toolTip() == NO_FILE, action.text()
    programme_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Programme")
    assert programme_menu.toolTipsVisible()


def test_trying_the_demo_shows_it_and_closing_it_deletes_its_folder(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    with qtbot.waitSignal(window.programme_shown, timeout=60_000):
        window.start_page.demo_button.click()
    assert window.demo
    assert window.programme_file is not None
    folder = window.demo_folder
    assert folder is not None
    assert Path(folder.name).is_dir()
    assert window.import_action.isEnabled()
    assert window.import_action.toolTip() != NO_FILE
    window.close_file()
    assert not Path(folder.name).exists()
    assert window.demo_folder is None


def test_a_file_without_a_programme_says_to_create_one(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile
) -> None:
    window.show()
    window.show_file(programme_file)
    qtbot.waitUntil(lambda: window.findChild(ProgrammeDialog) is not None, timeout=10_000)
    dialog = window.findChild(ProgrammeDialog)
    assert isinstance(dialog, QDialog)
    dialog.reject()
    assert window.new_programme_action.isEnabled()
    for action in (window.import_action, window.settings_action, window.alumni_action):
        assert not action.isEnabled(), action.text()
        assert action.toolTip() == NO_PROGRAMME, action.text()
    window.close()


def test_empty_tables_say_what_to_do_and_a_search_that_hides_all_says_so(
    qtbot: QtBot, pilot_window: MainWindow
) -> None:
    assert not pilot_window.add_action.isEnabled()  # the Dashboard is in front
    assert pilot_window.add_action.toolTip() == NO_RECORD_TAB
    applicants = pilot_window.applicants_tab
    pilot_window.tab_widget.setCurrentWidget(applicants)
    assert pilot_window.add_action.isEnabled()
    hint = applicants.empty_hint
    assert hint.isVisible()
    assert hint.text().startswith("No applications yet.")
    assert "Import applications" in hint.text()
    for tab in pilot_window.tabs[1:]:
        pilot_window.tab_widget.setCurrentWidget(tab)
        assert tab.empty_hint.isVisible(), tab.TITLE
        assert tab.empty_hint.text().startswith(f"No {tab.NOUN[1]} yet."), tab.TITLE
        assert tab.EMPTY_HINT in tab.empty_hint.text()


def test_a_table_with_rows_has_no_hint_until_the_search_hides_them(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = demo_window.applicants_tab
    demo_window.tab_widget.setCurrentWidget(tab)
    assert not tab.empty_hint.isVisible()
    qtbot.keyClicks(tab.search, "zzzz-nobody")
    assert tab.empty_hint.isVisible()
    assert tab.empty_hint.text() == NO_MATCH
    tab.search.clear()
    assert not tab.empty_hint.isVisible()
