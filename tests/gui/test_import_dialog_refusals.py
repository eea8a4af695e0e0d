"""The import dialog on files with nothing to import or built to crash the reader."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.import_dialog import ImportDialog
from mentordesk.gui.main_window import MainWindow
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state

HEADERS = ["Timestamp", "Email address", "Full name", "Strand", "Role"]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def _open_dialog(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    window.import_applications_from(path)
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=10_000)
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    return dialog


def test_a_header_only_workbook_is_explained_and_offers_no_import(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    before = file_state(demo_file.path)
    path = _workbook(tmp_path / "applications.xlsx", {"Form1": [HEADERS]})
    dialog = _open_dialog(qtbot, demo_window, path)
    assert dialog.isVisible()
    assert "has a header row but no rows of answers under it" in dialog.ui.source_label.text()
    assert not dialog.ui.preview_button.isEnabled()
    assert not dialog.ui.import_button.isVisible()
    dialog.reject()
    assert file_state(demo_file.path).sha256 == before.sha256


def test_another_sheet_with_rows_can_still_be_chosen(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "applications.xlsx",
        {
            "Template": [HEADERS],
            "Answers": [HEADERS, [None, "zora@uni.example", "Zora Tester", "Fellows", "Mentee"]],
        },
    )
    dialog = _open_dialog(qtbot, demo_window, path)
    assert not dialog.ui.preview_button.isEnabled()
    dialog.ui.sheet.setCurrentText("Answers")
    qtbot.waitUntil(lambda: dialog.source.table.sheet == "Answers", timeout=10_000)
    qtbot.waitUntil(dialog.ui.preview_button.isEnabled, timeout=10_000)
    assert "1 row under the headers" in dialog.ui.source_label.text()
    dialog.reject()


def test_a_workbook_whose_rows_are_all_blank_is_explained_too(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    blank: list[list[object]] = [[None, "\u200b", " ", "\u00a0", None]]
    path = _workbook(tmp_path / "applications.xlsx", {"Form1": [HEADERS, *blank, *blank]})
    dialog = _open_dialog(qtbot, demo_window, path)
    assert "has a header row but no rows of answers under it" in dialog.ui.source_label.text()
    assert not dialog.ui.preview_button.isEnabled()
    assert demo_window.findChild(QMessageBox, "error_message") is None
    dialog.reject()
