"""Applicants ▸ Data protection: export everything about a person, or erase them, after asking."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.person_rights import export_person_data
from mentordesk.gui.tabs.applicants import ApplicantsTab
from mentordesk.store.models import Erasure, Person
from mentordesk.store.programme_file import ProgrammeFile


def _applicants(qtbot: QtBot, window: MainWindow) -> ApplicantsTab:
    tab = window.applicants_tab
    window.tab_widget.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.detail_shown, timeout=10_000):
        tab.view.selectRow(0)
    return tab


def test_everything_about_a_person_is_exported_as_a_workbook_and_a_pdf(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    tab = _applicants(qtbot, demo_window)
    row = tab.current_row()
    assert row is not None
    assert demo_window.programme_file is not None
    out = tmp_path / "their data.xlsx"
    export_person_data(tab, demo_window.programme_file, row.email, out)
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "exported_person_box") is not None)
    box = tab.findChild(QMessageBox, "exported_person_box")
    assert "their data.pdf" in box.text()
    assert out.exists()
    pages = PdfReader(tmp_path / "their data.pdf").pages
    assert row.name in " ".join(page.extract_text() for page in pages)


def test_erasing_asks_first_then_removes_the_person_everywhere(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _applicants(qtbot, demo_window)
    row = tab.current_row()
    assert row is not None
    tab.erase_person_action.trigger()
    box = tab.findChild(QMessageBox, "erase_person_box")
    assert box is not None
    assert f"Erase {row.name} for good?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    with demo_file.session() as session:
        assert session.get(Person, row.person_id) is not None
    tab.erase_person_action.trigger()
    box = tab.findChild(QMessageBox, "erase_person_box")
    erase = next(b for b in box.buttons() if b.text() == "Erase")
    with qtbot.waitSignal(tab.loaded, timeout=30_000):
        erase.click()
    shown = {tab.model.row_at(r).person_id for r in range(tab.model.rowCount())}
    assert row.person_id not in shown
    with demo_file.session() as session:
        assert session.get(Person, row.person_id) is None
        assert session.scalars(select(Erasure.person_id)).all() == [row.person_id]
        assert session.execute(text("PRAGMA freelist_count")).scalar() == 0
