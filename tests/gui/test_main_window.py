"""The main window on the demo programme: tabs, search, and adding an applicant."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.gui.form_values import select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.recent_files import recent_files, remember_file
from mentordesk.gui.tabs.applicants import ApplicantDialog, ApplicantsTab
from mentordesk.services.applicants import applicant_rows
from mentordesk.services.programmes import find_programme
from mentordesk.store.programme_file import ProgrammeFile


def _visible_names(tab: ApplicantsTab) -> list[str]:
    return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]


def test_every_tab_shows_the_demo_programme(qtbot: QtBot, demo_window: MainWindow) -> None:
    assert demo_window.windowTitle().startswith("ADVANCE 2026")
    titles = [demo_window.tab_widget.tabText(i) for i in range(demo_window.tab_widget.count())]
    tabs = ["Dashboard", "Applicants", "Pairings", "Training", "Events", "Surveys", "Notes"]
    assert titles == tabs
    assert demo_window.tab_widget.currentWidget() is demo_window.dashboard_tab
    assert demo_window.current_tab() is None
    for tab in demo_window.tabs:
        demo_window.tab_widget.setCurrentWidget(tab)
        assert demo_window.current_tab() is tab
        assert tab.view.isVisible()
        assert tab.model.rowCount() > 0, tab.TITLE
        assert tab.proxy.rowCount() == tab.model.rowCount()
    kinds = {demo_window.tabs[2].model.index(r, 3).data() for r in range(5)}
    assert kinds <= {"Orientation", "Mentor training", "Workshop"}
    assert "60 applications" in demo_window.counts_label.text()


def test_search_box_filters_the_table(qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = demo_window.tabs[0]
    total = tab.model.rowCount()
    rows = [tab.model.row_at(r) for r in range(total)]
    mentors = [r for r in rows if r.role is Role.MENTOR]
    waitlisted_mentors = [r for r in mentors if r.status is ApplicationStatus.WAITLISTED]
    assert 0 < len(mentors) < total

    qtbot.keyClicks(tab.search, "Mentor")
    assert tab.proxy.rowCount() == len(mentors)
    qtbot.keyClicks(tab.search, " waitlisted")
    assert tab.proxy.rowCount() == len(waitlisted_mentors)
    assert sorted(_visible_names(tab)) == sorted(r.name for r in waitlisted_mentors)
    assert f"of {total} applications shown" in demo_window.counts_label.text()
    tab.search.clear()
    assert tab.proxy.rowCount() == total


def test_ctrl_f_focuses_the_search_box_of_the_current_tab(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    demo_window.activateWindow()
    demo_window.tab_widget.setCurrentWidget(demo_window.tabs[1])
    demo_window.find_action.trigger()
    assert demo_window.focusWidget() is demo_window.tabs[1].search


def test_adding_an_applicant_through_the_form(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = demo_window.tabs[0]
    before = tab.model.rowCount()
    demo_window.tab_widget.setCurrentWidget(tab)
    demo_window.add_action.trigger()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=5000)
    dialog = tab.dialog
    assert isinstance(dialog, ApplicantDialog)
    qtbot.keyClicks(dialog.ui.first_name, "Zofia")
    qtbot.keyClicks(dialog.ui.last_name, "Quintero")
    qtbot.keyClicks(dialog.ui.email, "Zofia.Quintero@Example.org")
    qtbot.keyClicks(dialog.ui.department, "Department of Physics")
    dialog.ui.strand.setCurrentIndex(dialog.ui.strand.findText("Fellows"))
    select_value(dialog.ui.role, Role.MENTEE)
    select_value(dialog.ui.status, ApplicationStatus.SHORTLISTED)
    dialog.ui.goals.setPlainText("Prepare a fellowship application.")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert tab.dialog is None
    assert tab.model.rowCount() == before + 1

    qtbot.keyClicks(tab.search, "quintero")
    assert _visible_names(tab) == ["Zofia Quintero"]
    email = tab.proxy.index(0, 1).data()
    assert email == "zofia.quintero@example.org"

    with demo_file.session() as session:
        programme_id = find_programme(session, None).id
        added = [r for r in applicant_rows(session, programme_id) if r.name == "Zofia Quintero"]
    assert len(added) == 1
    assert added[0].strand == "Fellows"
    assert added[0].status is ApplicationStatus.SHORTLISTED


def test_a_refused_applicant_keeps_the_form_open_with_the_message(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = demo_window.tabs[0]
    taken = tab.model.row_at(0).email
    tab.add()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=5000)
    dialog = tab.dialog
    assert isinstance(dialog, ApplicantDialog)
    dialog.ui.first_name.setText("Someone")
    dialog.ui.email.setText(taken.upper())
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "error_message") is not None)
    box = dialog.findChild(QMessageBox, "error_message")
    assert box.windowTitle() == "Cannot save this change"
    assert taken in box.text()
    assert dialog.isVisible()
    assert dialog.ui.first_name.text() == "Someone"
    box.close()
    dialog.reject()


def test_set_status_changes_the_selected_applications(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = demo_window.tabs[0]
    tab.view.selectRow(0)
    tab.view.selectionModel().select(
        tab.proxy.index(1, 0),
        tab.view.selectionModel().SelectionFlag.Select
        | tab.view.selectionModel().SelectionFlag.Rows,
    )
    chosen = {r.application_id for r in tab.selected_rows()}
    assert len(chosen) == 2
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.set_status(ApplicationStatus.DECLINED)
    with demo_file.session() as session:
        rows = applicant_rows(session, find_programme(session, None).id)
    assert {r.status for r in rows if r.application_id in chosen} == {ApplicationStatus.DECLINED}


def test_sorting_a_column_sorts_the_view(qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = demo_window.tabs[0]
    tab.view.sortByColumn(tab.model.STATUS, Qt.SortOrder.DescendingOrder)
    statuses = [tab.proxy.index(r, tab.model.STATUS).data() for r in range(tab.proxy.rowCount())]
    order = [s.label for s in ApplicationStatus]
    assert [order.index(s) for s in statuses] == sorted(
        (order.index(s) for s in statuses), reverse=True
    )


def test_closing_the_file_returns_to_the_start_page_and_remembers_geometry(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    demo_window.close_action.trigger()
    assert demo_window.programme_file is None
    assert demo_window.pages.currentWidget() is demo_window.start_page
    assert not demo_window.add_action.isEnabled()
    demo_window.close()
    assert QSettings().value("main_window/geometry") is not None


def test_recent_files_hold_paths_only_and_open_the_unlock_dialog(
    qtbot: QtBot, window: MainWindow, demo_file: ProgrammeFile, private_settings: Path
) -> None:
    path = demo_file.path
    remember_file(path)
    assert recent_files() == [path]
    window.start_page.refresh()
    assert window.start_page.ui.recent_files.count() == 1
    stored = "".join(p.read_text() for p in private_settings.rglob("*") if p.is_file())
    assert "ADVANCE" not in stored
    assert str(path) in stored or path.as_posix() in stored
    # The demo copy is open (and locked) here, so unlocking it says it is in use.
    dialog = window.opener.open_path(path)
    assert dialog is not None
    assert window.opener.dialog is dialog
    dialog.reject()


def test_the_programme_menu_holds_the_programme_actions_and_opens_organisations(
    qtbot: QtBot, pilot_window: MainWindow
) -> None:
    from mentordesk.gui.organisations_dialog import OrganisationsDialog

    menu = next(a.menu() for a in pilot_window.menuBar().actions() if a.text() == "&Programme")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "&New programme…",
        "&Settings…",
        "Career s&tages…",
        "&Organisations…",
        "&Copy to next year…",
        "&Alumni…",
    ]
    assert all(a.isEnabled() for a in menu.actions() if not a.isSeparator())
    pilot_window.organisations_action.trigger()
    qtbot.waitUntil(lambda: pilot_window.findChild(OrganisationsDialog) is not None)
    dialog = pilot_window.findChild(OrganisationsDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.count.text() != "", timeout=10_000)
    dialog.close()
