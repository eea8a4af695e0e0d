"""Remembered folders: every file dialog starts where that kind of file was last chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

import mentordesk
from mentordesk.gui.folders import (
    ATTENDANCE_FOLDER,
    IMPORT_FOLDER,
    REPORTS_FOLDER,
    ask_folder,
    ask_open_path,
    remembered_folder,
)
from mentordesk.gui.main_window import MainWindow

GUI = Path(mentordesk.__file__).parent / "gui"


def test_a_kind_of_file_starts_at_home_then_where_it_was_last_chosen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, private_settings: Path
) -> None:
    assert remembered_folder(IMPORT_FOLDER) == Path.home()
    assert remembered_folder(IMPORT_FOLDER, tmp_path) == tmp_path
    started: list[str] = []
    chosen = tmp_path / "forms" / "answers.xlsx"

    def open_one(_parent: QWidget, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        started.append(start)
        return str(chosen), _filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_one))
    assert ask_open_path(None, "Import", "Excel (*.xlsx)", IMPORT_FOLDER) == chosen
    assert ask_open_path(None, "Import", "Excel (*.xlsx)", IMPORT_FOLDER) == chosen
    assert started == [str(Path.home()), str(chosen.parent)]
    # Each kind of file keeps its own folder, and only the folder is kept.
    assert remembered_folder(ATTENDANCE_FOLDER) == Path.home()
    assert "answers" not in " ".join(str(QSettings().value(k)) for k in QSettings().allKeys())

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_args: ""))
    assert ask_folder(None, "Save into", REPORTS_FOLDER) is None
    assert remembered_folder(REPORTS_FOLDER) == Path.home()


def test_the_import_menu_opens_where_the_last_import_came_from(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    demo_window: MainWindow,
) -> None:
    QSettings().setValue(IMPORT_FOLDER, str(tmp_path))
    started: list[str] = []

    def cancel(_parent: QWidget, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        started.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancel))
    demo_window.import_applications()
    assert started == [str(tmp_path)]


def test_no_window_module_reads_a_folder_setting_but_through_the_one_helper() -> None:
    readers = sorted(
        path.relative_to(GUI).as_posix()
        for path in GUI.rglob("*.py")
        if "forms" not in path.parts
        and path.name != "folders.py"
        and any(
            f'"{kind}/folder"' in path.read_text(encoding="utf-8")
            for kind in ("import", "export", "attendance", "reports")
        )
    )
    assert readers == []
