"""File ▸ Data retention…: set a rule, see whom it reaches, confirm, and it is applied."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.retention_dialog import RetentionDialog
from mentordesk.services.privacy import ANONYMISED_DOMAIN
from mentordesk.store.models import AuditEntry, Person
from mentordesk.store.programme_file import ProgrammeFile

LATER = dt.date(2032, 1, 10)


def _open(qtbot: QtBot, window: MainWindow) -> RetentionDialog:
    window.retention_action.trigger()
    dialog = window.findChild(RetentionDialog)
    assert dialog is not None
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.today = LATER
        dialog.refresh()
    return dialog


def _anonymised(programme_file: ProgrammeFile) -> int:
    with programme_file.session() as session:
        return (
            session.scalar(
                select(func.count(Person.id)).where(Person.email.like(f"%{ANONYMISED_DOMAIN}"))
            )
            or 0
        )


def test_a_rule_is_previewed_confirmed_and_applied(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    dialog = _open(qtbot, demo_window)
    assert "No programme has a retention rule" in dialog.summary.text()
    assert dialog.preview.rowCount() == 0
    assert not dialog.apply_button.isEnabled()
    years = dialog.rules_table.cellWidget(0, 2)
    assert isinstance(years, QSpinBox)
    years.setValue(5)
    assert dialog.save_rules_button.isEnabled()
    assert not dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.save_rules_button.click()
    due = dialog.preview.rowCount()
    assert due > 20
    assert dialog.preview.item(0, 4).text() == "2031-12-15"
    assert f"{due} people are due" in dialog.summary.text()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.anonymise_button.setChecked(True)
    assert dialog.preview.item(0, 5).text() == "Anonymise"
    # Cancel changes nothing.
    box = dialog.confirm_apply()
    assert isinstance(box, QMessageBox)
    assert f"Anonymise {due} people now?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _anonymised(demo_file) == 0
    box = dialog.confirm_apply()
    assert box is not None
    go = next(b for b in box.buttons() if b.text() == "Anonymise")
    with qtbot.waitSignal(dialog.applied, timeout=30_000) as applied:
        go.click()
    assert applied.args[0].people == due
    qtbot.waitUntil(lambda: "Retention rule applied" in demo_window.statusBar().currentMessage())
    assert _anonymised(demo_file) == due
    with demo_file.session() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "retention: anonymised")
        ).all()
        assert entry.summary.startswith(f"{due} people anonymised")
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 0, timeout=10_000)


def test_unsaved_rules_cannot_be_applied(qtbot: QtBot, demo_window: MainWindow) -> None:
    dialog = _open(qtbot, demo_window)
    years = dialog.rules_table.cellWidget(0, 2)
    assert isinstance(years, QSpinBox)
    years.setValue(2)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.save_rules_button.click()
    assert dialog.apply_button.isEnabled()
    years.setValue(9)
    assert not dialog.apply_button.isEnabled()
    assert "Save the rules" in dialog.summary.text()
    assert years.specialValueText() == "No rule: keep"


def test_the_window_offers_data_retention_only_with_a_file_open(window: MainWindow) -> None:
    assert not window.retention_action.isEnabled()
    assert window.retention_action in window.menuBar().actions()[0].menu().actions()
