"""Exporting to Excel: the view exactly as shown, and the whole programme; never the notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import Role
from mentordesk.gui.form_values import select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.applicants import ApplicantsTab
from mentordesk.gui.tabs.notes import NotesTab


def _read(path: Path, sheet: str | None = None) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path)
    worksheet = workbook[sheet] if sheet else workbook.active
    return [tuple(row) for row in worksheet.iter_rows(values_only=True)]


def _as_shown(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):  # openpyxl reads every date back as a datetime
        return value.date().isoformat()
    return value


def test_export_view_writes_the_filtered_sorted_rows_as_shown(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    tab = demo_window.tabs[0]
    assert isinstance(tab, ApplicantsTab)
    select_value(tab.filters.role, Role.MENTEE)
    tab.filters.strand.setCurrentText("Fellows")
    tab.view.sortByColumn(tab.model.SUBMITTED, Qt.SortOrder.DescendingOrder)
    shown = [
        [tab.proxy.index(r, c).data() for c in range(tab.proxy.columnCount())]
        for r in range(tab.proxy.rowCount())
    ]
    assert 0 < len(shown) < tab.model.rowCount()

    target = tmp_path / "mentees.xlsx"
    with qtbot.waitSignal(demo_window.exported, timeout=10_000):
        tab.export_view_to(target)
    rows = _read(target)
    assert rows[0] == tuple(tab.model.HEADERS)
    written = [[_as_shown(value) for value in row] for row in rows[1:]]
    assert written == shown
    # Dates go out as real dates, so Excel sorts and filters them as dates.
    assert any(isinstance(row[tab.model.SUBMITTED], dt.datetime) for row in rows[1:])
    assert str(target) in demo_window.statusBar().currentMessage()


def test_the_notes_view_is_never_exported(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    notes = demo_window.tabs[-1]
    assert isinstance(notes, NotesTab)
    demo_window.tab_widget.setCurrentWidget(notes)
    assert not demo_window.export_view_action.isEnabled()
    exported: list[Path] = []
    demo_window.exported.connect(exported.append)
    notes.export_view_to(tmp_path / "notes.xlsx")
    # Exports run in order on the one worker thread: once the next one is written,
    # anything the notes had started would have been written and reported first.
    pairings = tmp_path / "pairings.xlsx"
    with qtbot.waitSignal(demo_window.exported, timeout=10_000):
        demo_window.tabs[1].export_view_to(pairings)
    assert exported == [pairings]
    assert not (tmp_path / "notes.xlsx").exists()
    demo_window.tab_widget.setCurrentIndex(1)
    assert demo_window.export_view_action.isEnabled()


def test_export_programme_workbook_writes_every_sheet(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "programme.xlsx"
    with qtbot.waitSignal(demo_window.exported, timeout=10_000):
        demo_window.export_programme_to(target)
    names = openpyxl.load_workbook(target).sheetnames
    assert {"Programme", "Applications", "Pairings", "Events"} <= set(names)
    applications = _read(target, "Applications")
    assert len(applications) - 1 == demo_window.tabs[0].model.rowCount()


def test_an_export_that_cannot_be_written_is_explained(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    tab = demo_window.tabs[1]
    tab.export_view_to(tmp_path / "no such folder" / "pairings.xlsx")
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "error_message") is not None, timeout=10_000)
    box = tab.findChild(QMessageBox, "error_message")
    assert box.windowTitle() == "Cannot export"
    box.close()


def test_every_exportable_tab_gives_its_rows_with_numbers_and_dates(
    demo_window: MainWindow,
) -> None:
    for tab in demo_window.tabs:
        if not tab.EXPORTABLE:
            continue
        headers, rows = tab.shown_table()
        assert headers == list(tab.model.HEADERS)
        assert len(rows) == tab.proxy.rowCount() > 0
        for column in tab.model.NUMERIC_COLUMNS:
            assert all(row[column] is None or isinstance(row[column], int | float) for row in rows)
        for column in tab.model.DATE_COLUMNS:
            assert all(row[column] is None or isinstance(row[column], dt.date) for row in rows)
