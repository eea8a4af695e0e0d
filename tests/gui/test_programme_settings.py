"""Programme ▸ Settings…: every setting changed at any time, what changed said in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.folders import LOGO_FOLDER, remembered_folder
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.programme_settings import (
    NO_STRAND_TAKING,
    SettingsDialog,
    changes_text,
    open_settings,
)
from mentordesk.services.programmes import programme_settings
from mentordesk.store.programme_file import ProgrammeFile


def _settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=10_000)
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    return dialog


def _row(dialog: SettingsDialog, name: str) -> int:
    table = dialog.strands.table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def _save(dialog: SettingsDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _changes_box(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "settings_changes") is not None)
    box = window.findChild(QMessageBox, "settings_changes")
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Settings saved"
    return box


def test_one_short_change_is_said_in_the_status_bar_and_opens_no_window(
    qtbot: QtBot, pilot_window: MainWindow
) -> None:
    dialog = _settings(qtbot, pilot_window)
    dialog.rules.response_days.setValue(dialog.rules.response_days.value() + 1)
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    assert pilot_window.statusBar().currentMessage().startswith("Changed: ")
    assert pilot_window.findChild(QMessageBox, "settings_changes") is None


def test_settings_show_the_programme_and_save_each_change(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> None:
    dialog = _settings(qtbot, pilot_window)
    assert dialog.general.name.text() == "Pilot 2026"
    assert dialog.strands.table.rowCount() == 2
    dialog.general.name.setText("Pilot 2026–27")
    dialog.general.applications_close_on.setDate(QDate(2026, 3, 31))
    dialog.rules.max_grade_gap.setValue(3)
    dialog.rules.within_track.setChecked(True)
    dialog.rules.response_days.setValue(10)
    fellows = _row(dialog, "Fellows")
    dialog.strands.table.item(fellows, 0).setText("Research fellows")
    dialog.strands.table.setCurrentCell(_row(dialog, "Circles"), 0)
    assert dialog.strands.retire_button.text() == "&Retire"
    dialog.strands.retire_or_restore()
    assert dialog.strands.retire_button.text() == "&Restore"
    added = dialog.strands.add_strand()
    dialog.strands.table.item(added, 0).setText("Faculty")
    dialog.letterhead.letterhead_name.setText("University of Luxembourg")
    dialog.letterhead.signature_line.setText("The Pilot team")
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    # Many changes: the status bar says how many, the "Settings saved" window lists them whole.
    message = pilot_window.statusBar().currentMessage()
    assert message.startswith("10 changes saved")
    assert message == changes_text(["change"] * 10)
    assert len(message) < 80
    box = _changes_box(qtbot, pilot_window)
    listed = box.text()
    assert listed.startswith("<p>10 changes saved:</p><ul><li>")
    assert listed.count("<li>") == 10
    assert "Grade gap" in listed
    assert "Research fellows" in listed
    assert "…" not in listed
    box.close()
    assert pilot_window.windowTitle().startswith("Pilot 2026–27")
    with programme_file.session() as session:
        saved = programme_settings(session, programme_id)
    assert saved.name == "Pilot 2026–27"
    assert saved.max_grade_gap == 3
    assert saved.within_track is True
    assert saved.response_days == 10
    assert saved.applications_close_on is not None
    assert saved.applications_close_on.isoformat() == "2026-03-31"
    assert saved.letterhead_name == "University of Luxembourg"
    assert saved.signature_line == "The Pilot team"
    strands = {s.name: s for s in saved.strands}
    assert set(strands) == {"Research fellows", "Circles", "Faculty"}
    assert strands["Circles"].retired
    assert not strands["Research fellows"].retired


def test_a_retired_strand_is_shown_retired_and_restored(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> None:
    dialog = _settings(qtbot, pilot_window)
    dialog.strands.table.setCurrentCell(_row(dialog, "Circles"), 0)
    dialog.strands.retire_or_restore()
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    again = _settings(qtbot, pilot_window)
    circles = _row(again, "Circles")
    assert again.strands.table.item(circles, again.strands.STATE).text() == "Retired"
    again.strands.table.setCurrentCell(circles, 0)
    again.strands.retire_or_restore()
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(again)
    assert "Circles" in pilot_window.statusBar().currentMessage()
    with programme_file.session() as session:
        assert not any(s.retired for s in programme_settings(session, programme_id).strands)


def test_saving_nothing_changed_says_so(qtbot: QtBot, pilot_window: MainWindow) -> None:
    dialog = _settings(qtbot, pilot_window)
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    assert pilot_window.statusBar().currentMessage() == "Nothing was changed."


def test_a_refused_setting_is_said_in_plain_words_and_nothing_is_written(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> None:
    dialog = _settings(qtbot, pilot_window)
    dialog.general.starts_on.setDate(QDate(2026, 9, 1))
    dialog.general.ends_on.setDate(QDate(2026, 6, 30))
    dialog.rules.max_grade_gap.setValue(4)
    _save(dialog)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "error_message") is not None)
    box = dialog.findChild(QMessageBox, "error_message")
    assert "end before it starts" in box.text()
    assert dialog.isVisible()
    box.close()
    dialog.reject()
    with programme_file.session() as session:
        assert programme_settings(session, programme_id).max_grade_gap is None


def test_settings_wait_for_a_programme(window: MainWindow) -> None:
    # No file: the action is greyed and says why; calling it anyway opens nothing.
    assert not window.settings_action.isEnabled()
    assert "programme file" in window.settings_action.toolTip()
    open_settings(window, lambda _programme_id: None)
    assert window.findChild(SettingsDialog) is None


def _write_logo(path: Path) -> Path:
    image = QImage(240, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5fa8"))
    assert image.save(str(path), "PNG")
    return path


def test_the_letterhead_logo_is_chosen_shown_saved_and_removed(
    qtbot: QtBot,
    pilot_window: MainWindow,
    programme_file: ProgrammeFile,
    programme_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    logos = tmp_path / "logos"
    logos.mkdir()
    logo = _write_logo(logos / "logo.png")
    dialog = _settings(qtbot, pilot_window)
    letterhead = dialog.letterhead
    assert letterhead.logo_preview.text() == "No logo"
    assert not letterhead.remove_logo.isEnabled()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: (str(logo), "Images (*.png *.jpg *.jpeg)")
    )
    letterhead.choose_logo.click()
    assert letterhead.logo == logo.read_bytes()
    assert not letterhead.logo_preview.pixmap().isNull()
    assert letterhead.remove_logo.isEnabled()
    assert remembered_folder(LOGO_FOLDER) == logos  # the next logo is asked for there
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    assert "Logo added" in pilot_window.statusBar().currentMessage()
    with programme_file.session() as session:
        assert programme_settings(session, programme_id).logo == logo.read_bytes()

    dialog = _settings(qtbot, pilot_window)
    assert dialog.letterhead.logo == logo.read_bytes()
    assert not dialog.letterhead.logo_preview.pixmap().isNull()
    dialog.letterhead.remove_logo.click()
    assert dialog.letterhead.logo_preview.text() == "No logo"
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    assert "Logo removed" in pilot_window.statusBar().currentMessage()
    with programme_file.session() as session:
        assert programme_settings(session, programme_id).logo is None


def test_the_signature_lines_example_is_said_below_it_never_as_if_filled_in(
    qtbot: QtBot, pilot_window: MainWindow
) -> None:
    dialog = _settings(qtbot, pilot_window)
    letterhead = dialog.letterhead
    assert letterhead.signature_line.text() == ""
    assert letterhead.signature_line.placeholderText() == ""
    assert "for example" in letterhead.signature_hint.text()
    dialog.close()


def test_no_field_preference_reads_no_preference_never_a_bare_none(
    qtbot: QtBot, pilot_window: MainWindow
) -> None:
    dialog = _settings(qtbot, pilot_window)
    combo = dialog.rules.field_preference
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "No preference",
        "Same",
        "Different",
    ]
    assert combo.currentText() == "No preference"
    dialog.close()


def test_a_file_that_is_no_image_is_refused_as_the_logo(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"not a picture at all" * 10)
    dialog = _settings(qtbot, pilot_window)
    assert not dialog.letterhead.load_logo(fake)
    box = dialog.findChild(QMessageBox, "error_message")
    assert box is not None
    assert "Traceback" not in box.text()
    box.close()
    assert dialog.letterhead.logo is None


def test_the_explanations_under_the_fields_are_readable_and_softer_than_the_values(
    qtbot: QtBot, pilot_window: MainWindow
) -> None:
    dialog = _settings(qtbot, pilot_window)
    hints = [h for h in dialog.findChildren(QLabel, "hint") if h.text()]
    assert any("marked late, not refused" in h.text() for h in hints)
    for hint in hints:
        assert hint.isEnabled()  # a disabled label is too faint, and screen readers skip it
        soft = hint.palette().color(QPalette.ColorRole.WindowText)
        value = dialog.palette().color(QPalette.ColorRole.WindowText)
        background = dialog.palette().color(QPalette.ColorRole.Window)
        assert soft != value
        assert abs(soft.lightness() - background.lightness()) >= 80
    dialog.reject()


def test_retiring_every_strand_saves_with_a_warning_kept_in_the_status_bar(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> None:
    dialog = _settings(qtbot, pilot_window)
    for name in ("Fellows", "Circles"):
        dialog.strands.table.setCurrentCell(_row(dialog, name), 0)
        dialog.strands.retire_or_restore()
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    message = pilot_window.statusBar().currentMessage()
    assert message.startswith("2 changes saved")
    assert message.endswith(NO_STRAND_TAKING)
    box = _changes_box(qtbot, pilot_window)
    assert "<li>Strand “Circles” retired" in box.text()
    assert "Fellows" in box.text()
    assert NO_STRAND_TAKING in box.text()
    box.close()
    with programme_file.session() as session:
        assert all(s.retired for s in programme_settings(session, programme_id).strands)
    # Nothing was taking applications before: saving again says nothing more.
    dialog = _settings(qtbot, pilot_window)
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    assert pilot_window.statusBar().currentMessage() == "Nothing was changed."


def test_the_limits_show_no_limit_and_a_grade_gap_of_0_apart_from_it(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> None:
    dialog = _settings(qtbot, pilot_window)
    assert dialog.rules.max_grade_gap.text() == dialog.rules.max_mentees.text() == "no limit"
    dialog.rules.max_grade_gap.stepUp()
    assert dialog.rules.max_grade_gap.text() == "0 levels"
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    assert "Grade gap: no limit → 0" in pilot_window.statusBar().currentMessage()
    with programme_file.session() as session:
        assert programme_settings(session, programme_id).max_grade_gap == 0
    dialog = _settings(qtbot, pilot_window)
    assert dialog.rules.max_grade_gap.text() == "0 levels"
    dialog.rules.max_grade_gap.stepDown()
    with qtbot.waitSignal(pilot_window.programme_shown, timeout=10_000):
        _save(dialog)
    with programme_file.session() as session:
        assert programme_settings(session, programme_id).max_grade_gap is None
