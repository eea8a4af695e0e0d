"""The import dialog on files with nothing to import or built to crash the reader."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.import_dialog import ImportDialog
from mentordesk.gui.main_window import MainWindow
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state
from tests.helpers.workbooks import HOSTILE, write_workbook

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


@pytest.mark.parametrize("case", ["cells without addresses", "a last row of 1,048,576"])
def test_a_workbook_built_to_crash_the_reader_is_explained_and_nothing_opens(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path, case: str
) -> None:
    # The check runs before the reader, on the worker thread of this very process:
    # were it to let the file through, the reader would abort the test run.
    before = file_state(demo_file.path)
    path = write_workbook(tmp_path / "applications.xlsx", HOSTILE[case])
    demo_window.import_applications_from(path)
    qtbot.waitUntil(
        lambda: demo_window.findChild(QMessageBox, "error_message") is not None, timeout=10_000
    )
    box = demo_window.findChild(QMessageBox, "error_message")
    assert box.windowTitle() == "Cannot import this file"
    assert "“applications.xlsx” has a sheet whose cells reach row 1,048,576" in box.text()
    assert "too large to read safely" in box.text()
    assert demo_window.import_dialog is None
    box.close()
    assert file_state(demo_file.path).sha256 == before.sha256
