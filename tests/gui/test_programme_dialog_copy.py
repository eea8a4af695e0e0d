"""Programme ▸ Copy to next year… and Programme ▸ Alumni…: next year one copy away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.gui.alumni_dialog import AlumniDialog, open_alumni
from mentordesk.gui.clipboard import clear_sensitive
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.programme_dialog import (
    CopyDialog,
    free_name,
    next_year_name,
    next_year_start,
    open_copy,
)
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.collation import sort_key
from mentordesk.services.programme_copy import alumni, copy_programme
from mentordesk.services.programmes import find_programme, list_programmes, programme_settings
from mentordesk.store.models import Person
from mentordesk.store.programme_file import ProgrammeFile


def test_next_years_name_moves_the_years_in_it_on_by_one() -> None:
    assert next_year_name("ADVANCE 2026") == "ADVANCE 2027"
    assert next_year_name("Mentoring 2025–2026 cohort") == "Mentoring 2026–2027 cohort"
    assert next_year_name("One Step Beyond") == "One Step Beyond (next year)"
    assert next_year_name("Room 12345") == "Room 12345 (next year)"


def test_a_name_taken_whatever_its_case_gets_the_next_free_number() -> None:
    assert free_name("ADVANCE 2027", ["ADVANCE 2026"]) == "ADVANCE 2027"
    assert free_name("ADVANCE 2027", ["advance 2027"]) == "ADVANCE 2027 (2)"
    assert free_name("ADVANCE 2027", ["ADVANCE 2027", "ADVANCE 2027 (2)"]) == "ADVANCE 2027 (3)"


def test_next_years_start_is_a_year_later() -> None:
    today = dt.date(2026, 12, 8)
    assert next_year_start(dt.date(2026, 3, 1), today) == dt.date(2027, 3, 1)
    assert next_year_start(dt.date(2028, 2, 29), today) == dt.date(2029, 2, 28)
    assert next_year_start(None, today) == today


def _copy(qtbot: QtBot, window: MainWindow) -> CopyDialog:
    open_copy(window, window.load_programmes)
    qtbot.waitUntil(lambda: window.findChild(CopyDialog) is not None, timeout=10_000)
    dialog = window.findChild(CopyDialog)
    assert isinstance(dialog, CopyDialog)
    return dialog


def test_copying_to_next_year_shows_the_copy_with_the_settings_and_no_people(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile
) -> None:
    dialog = _copy(qtbot, pilot_window)
    assert dialog.new_name.text() == "Pilot 2027"
    assert dialog.name_taken.isHidden()
    dialog.starts_on.setDate(dt.date(2027, 9, 1))
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    shown = pilot_window.programme()
    assert shown is not None
    assert shown.name == "Pilot 2027"
    assert pilot_window.programme_selector_action.isVisible()
    assert "Pilot 2027" in pilot_window.statusBar().currentMessage()
    with programme_file.session() as session:
        assert [p.name for p in list_programmes(session)] == ["Pilot 2026", "Pilot 2027"]
        copy = programme_settings(session, shown.id)
    assert copy.starts_on == dt.date(2027, 9, 1)
    assert sorted((s.name, s.places) for s in copy.strands) == [("Circles", 12), ("Fellows", 10)]
    assert pilot_window.applicants_tab.model.rowCount() == 0


def test_copying_again_suggests_a_free_name_and_says_why_and_save_makes_the_copy(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile
) -> None:
    with programme_file.session() as session:
        pilot = find_programme(session, "Pilot 2026").id
        copy_programme(session, pilot, "Pilot 2027")
    dialog = _copy(qtbot, pilot_window)
    assert dialog.new_name.text() == "Pilot 2027 (2)"
    assert not dialog.name_taken.isHidden()
    assert "“Pilot 2027”" in dialog.name_taken.text()
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    with programme_file.session() as session:
        assert [p.name for p in list_programmes(session)] == [
            "Pilot 2026",
            "Pilot 2027",
            "Pilot 2027 (2)",
        ]


def test_the_alumni_open_by_programme_the_latest_first_then_by_last_name_a_to_z(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    with demo_file.session() as session:
        first = find_programme(session, "ADVANCE 2026").id
        second = copy_programme(session, first, "ADVANCE 2027")
        # Three of the first year's mentors are accepted again the next year.
        strand = programme_settings(session, second).strands[0].id
        assert strand is not None
        again = [r.person_id for r in alumni(session, second) if r.role is Role.MENTOR][:3]
        for person_id in again:
            accepted = ApplicationInput(strand, Role.MENTOR, ApplicationStatus.ACCEPTED)
            add_application(session, person_id, accepted)
        third = copy_programme(session, second, "ADVANCE 2028")
        rows = alumni(session, third)
        people = {r.person_id: session.get(Person, r.person_id) for r in rows}
    demo_window.load_programmes(third)
    qtbot.waitUntil(lambda: getattr(demo_window.programme(), "id", 0) == third, timeout=10_000)
    dialog = open_alumni(demo_window)
    assert isinstance(dialog, AlumniDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(rows), timeout=10_000)
    table = dialog.table

    def name_key(row: int) -> str:
        person = people[_person(table, row)]
        assert person is not None
        return sort_key(person.last_name, person.first_name)

    shown = [(_text(table, r, dialog.PROGRAMME), name_key(r)) for r in range(len(rows))]
    latest = [key for programme, key in shown if programme == "ADVANCE 2027"]
    assert len(latest) == 3
    assert shown[:3] == [("ADVANCE 2027", key) for key in sorted(latest)]
    earlier = [key for _programme, key in shown[3:]]
    assert {programme for programme, _key in shown[3:]} == {"ADVANCE 2026"}
    assert earlier == sorted(earlier)
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == dialog.PROGRAMME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert dialog.programme_filter.itemText(1) == "ADVANCE 2027"
    # The Name header sorts by last name too, accents and case as everywhere else.
    table.sortItems(dialog.NAME, Qt.SortOrder.DescendingOrder)
    names = [name_key(r) for r in range(len(rows))]
    assert names == sorted(names, reverse=True)
    dialog.close()


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _person(table: QTableWidget, row: int) -> int:
    item = table.item(row, AlumniDialog.NAME)
    assert item is not None
    return int(item.data(Qt.ItemDataRole.UserRole))


def test_alumni_list_last_years_participants_and_copy_the_mentors_emails(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    dialog = _copy(qtbot, demo_window)
    with qtbot.waitSignal(demo_window.programme_shown, timeout=10_000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    shown = demo_window.programme()
    assert shown is not None
    with demo_file.session() as session:
        expected = alumni(session, shown.id)
    assert expected
    alumni_dialog = open_alumni(demo_window)
    assert isinstance(alumni_dialog, AlumniDialog)
    qtbot.waitUntil(lambda: alumni_dialog.table.rowCount() == len(expected), timeout=10_000)
    assert alumni_dialog.programme_filter.findText("ADVANCE 2026") > 0
    alumni_dialog.select_mentors()
    chosen = set(alumni_dialog.selected_people())
    mentors = {r.person_id for r in expected if r.role is Role.MENTOR}
    assert chosen == mentors
    assert alumni_dialog.copy_button.isEnabled()
    alumni_dialog.copy_emails()
    clipboard = QGuiApplication.clipboard()
    qtbot.waitUntil(lambda: "@" in clipboard.text(), timeout=10_000)
    emails = {r.email for r in expected if r.person_id in mentors}
    assert all(email in clipboard.text() for email in emails)
    mentees = {r.email for r in expected if r.role is Role.MENTEE} - emails
    assert not any(email in clipboard.text() for email in mentees)
    clear_sensitive()
    alumni_dialog.close()
