"""New programme: a template chosen first, then its values adjusted and saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.stages import STAFF_SCHEME_STAGES
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.programme_dialog import ProgrammeDialog
from mentordesk.services.programmes import find_programme, programme_settings
from mentordesk.store.programme_file import ProgrammeFile


@pytest.fixture
def new_dialog(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile
) -> Iterator[ProgrammeDialog]:
    """The New programme dialog the window opens on a file that holds no programme."""
    window.show()
    window.show_file(programme_file)
    qtbot.waitUntil(lambda: window.findChild(ProgrammeDialog) is not None, timeout=10_000)
    dialog = window.findChild(ProgrammeDialog)
    assert isinstance(dialog, ProgrammeDialog)
    yield dialog
    window.close()


def test_a_new_programme_starts_blank_without_anyone_elses_strands(
    new_dialog: ProgrammeDialog,
) -> None:
    assert new_dialog.pages.currentIndex() == 0
    assert new_dialog.templates["blank"].isChecked()
    assert set(new_dialog.templates) == {"blank", "three-strands", "staff-scheme", "committee"}
    new_dialog.next_button.click()
    assert new_dialog.pages.currentIndex() == 1
    assert new_dialog.strands.table.rowCount() == 0
    assert new_dialog.values().strands == []


def test_a_programme_made_from_the_staff_scheme_template_keeps_what_was_changed(
    qtbot: QtBot, window: MainWindow, new_dialog: ProgrammeDialog, programme_file: ProgrammeFile
) -> None:
    new_dialog.templates["staff-scheme"].setChecked(True)
    new_dialog.next_button.click()
    table = new_dialog.strands.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Staff"]
    assert new_dialog.rules.max_mentees.value() == 4
    assert new_dialog.rules.max_grade_gap.value() == 2
    new_dialog.general.name.setText("One Step Beyond 2026")
    places = table.cellWidget(0, new_dialog.strands.PLACES)
    assert isinstance(places, QSpinBox)
    places.setValue(20)
    new_dialog.general.applications_close_on.setDate(QDate(2026, 2, 15))
    new_dialog.rules.max_grade_gap.setValue(3)
    with qtbot.waitSignal(window.programme_shown, timeout=10_000):
        new_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert window.windowTitle().startswith("One Step Beyond 2026")
    with programme_file.session() as session:
        settings = programme_settings(session, find_programme(session, None).id)
    assert settings.template == "staff-scheme"
    assert settings.max_mentees_per_mentor == 4
    assert settings.max_grade_gap == 3
    assert settings.within_track is True
    assert settings.applications_close_on == dt.date(2026, 2, 15)
    assert [(s.name, s.places) for s in settings.strands] == [("Staff", 20)]
    assert settings.stages == STAFF_SCHEME_STAGES


def test_going_back_to_another_template_fills_the_form_again_and_keeps_the_name(
    new_dialog: ProgrammeDialog,
) -> None:
    new_dialog.templates["three-strands"].setChecked(True)
    new_dialog.next_button.click()
    new_dialog.general.name.setText("ADVANCE 2027")
    assert new_dialog.strands.table.rowCount() == 3
    new_dialog.back_button.click()
    new_dialog.templates["committee"].setChecked(True)
    new_dialog.next_button.click()
    values = new_dialog.values()
    assert values.name == "ADVANCE 2027"
    assert values.template == "committee"
    assert [s.name for s in values.strands] == ["Mentoring"]
    assert values.duration_months == 6


def test_a_strand_added_before_saving_can_be_removed_and_a_refusal_keeps_the_form(
    qtbot: QtBot, new_dialog: ProgrammeDialog
) -> None:
    new_dialog.next_button.click()
    strands = new_dialog.strands
    strands.add_strand()
    strands.add_strand()
    assert strands.retire_button.text() == "&Remove"
    strands.retire_or_restore()
    assert strands.table.rowCount() == 1
    # Two strands of one name are refused in plain words; the dialog stays open.
    strands.add_strand()
    new_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: new_dialog.findChild(QMessageBox, "error_message") is not None)
    box = new_dialog.findChild(QMessageBox, "error_message")
    assert "New strand" in box.text()
    assert new_dialog.isVisible()
    box.close()


def test_the_end_shown_follows_the_start_and_duration_and_is_left_to_the_service(
    new_dialog: ProgrammeDialog,
) -> None:
    new_dialog.templates["committee"].setChecked(True)
    new_dialog.next_button.click()
    general = new_dialog.general
    general.starts_on.setDate(QDate(2027, 1, 31))
    assert general.duration_months.value() == 6
    assert general.ends_on.date() == QDate(2027, 7, 31)
    general.duration_months.setValue(1)
    assert general.ends_on.date() == QDate(2027, 2, 28)
    # Shown only: Save leaves the end to the service, which sets it as the CLI's create does.
    assert new_dialog.values().ends_on is None
    general.ends_on.setDate(QDate(2027, 6, 30))
    general.starts_on.setDate(QDate(2027, 2, 1))
    assert general.ends_on.date() == QDate(2027, 6, 30)
    assert new_dialog.values().ends_on == dt.date(2027, 6, 30)


def test_saved_without_an_end_the_programme_ends_on_the_day_the_form_showed(
    qtbot: QtBot, window: MainWindow, new_dialog: ProgrammeDialog, programme_file: ProgrammeFile
) -> None:
    new_dialog.templates["committee"].setChecked(True)
    new_dialog.next_button.click()
    general = new_dialog.general
    general.name.setText("Women in Technology 2027")
    general.starts_on.setDate(QDate(2027, 8, 31))
    shown = general.ends_on.date()
    assert shown == QDate(2028, 2, 29)
    with qtbot.waitSignal(window.programme_shown, timeout=10_000):
        new_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with programme_file.session() as session:
        saved = programme_settings(session, find_programme(session, None).id)
    assert saved.ends_on == dt.date(2028, 2, 29)
