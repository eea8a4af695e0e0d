"""Help ▸ Audit trail…: the changes listed, filtered, and exported without a note's text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from mentordesk.gui.audit_dialog import AuditDialog, AuditTableModel
from mentordesk.gui.form_values import set_date
from mentordesk.gui.main_window import MainWindow
from mentordesk.services.applicants import person_choices
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.privacy import withdraw_consent
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import files_containing

CANARY = "CANARY-audit-view-8823"


def _open(qtbot: QtBot, window: MainWindow) -> AuditDialog:
    with qtbot.waitSignal(window.audit_action.triggered):
        window.audit_action.trigger()
    dialog = window.findChild(AuditDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    return dialog


def _column(dialog: AuditDialog, column: int) -> list[str]:
    model = dialog.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_trail_is_filtered_and_exported_without_confidential_text(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    with demo_file.session() as session:
        someone = person_choices(session)[0]
        add_note(session, NoteInput(dt.date(2026, 4, 1), CANARY, CANARY, person_id=someone.id))
        withdraw_consent(session, someone.id, dt.date(2026, 4, 2))
    dialog = _open(qtbot, demo_window)
    everything = dialog.model.rowCount()
    assert _column(dialog, AuditTableModel.ACTION)[0] == "consent withdrawn"
    assert _column(dialog, AuditTableModel.WHICH)[0] == someone.name
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.entity_filter.setCurrentIndex(dialog.entity_filter.findData("note"))
    assert set(_column(dialog, AuditTableModel.WHAT)) == {"Note"}
    assert dialog.count.text().endswith("entries") or dialog.count.text().endswith("entry")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.entity_filter.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.keyClicks(dialog.search, "consent withdrawn")
    assert _column(dialog, AuditTableModel.ACTION) == ["consent withdrawn"]
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.search.clear()
    assert dialog.model.rowCount() == everything
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        set_date(dialog.since, dt.date.today() + dt.timedelta(days=1))
    assert dialog.model.rowCount() == 0
    assert not dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        set_date(dialog.since, None)
    out = tmp_path / "audit.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_to(out)
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(AuditTableModel.HEADERS)
    assert len(rows) == everything + 1
    assert rows[1][3] == "consent withdrawn"
    assert files_containing(tmp_path, CANARY) == []


def test_the_audit_trail_is_in_the_help_menu_and_needs_a_file(window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.audit_action in help_menu.actions()
    assert not window.audit_action.isEnabled()
