"""Remembered folders: each kind of file is asked for in the folder last used for that kind.

Only the folder a coordinator chose is kept in the settings, under one key per
kind of file (exports, imports, attendance reports, reports, logos; e-mail drafts
per programme file, under a digest of its path), never a file's name or anything
from the programme.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

#: The settings keys of the remembered folders, one per kind of file.
EXPORT_FOLDER = "export/folder"
IMPORT_FOLDER = "import/folder"
ATTENDANCE_FOLDER = "attendance/folder"
REPORTS_FOLDER = "reports/folder"
LOGO_FOLDER = "logo/folder"


def remembered_folder(key: str, default: Path | None = None) -> Path:
    """The folder last used for the files kept under ``key``; ``default`` (home) the first time."""
    value = QSettings().value(key, "")
    return Path(str(value)) if value else default or Path.home()


def remember_folder(key: str, folder: Path) -> None:
    """Start the next dialog for the files kept under ``key`` in ``folder``."""
    QSettings().setValue(key, str(folder))


def ask_open_path(parent: QWidget | None, caption: str, file_filter: str, key: str) -> Path | None:
    """Ask for a file to read, starting in the folder remembered under ``key``, and remember it.

    Returns:
        The file chosen, or None if the coordinator cancelled.
    """
    name, _filter = QFileDialog.getOpenFileName(
        parent, caption, str(remembered_folder(key)), file_filter
    )
    if not name:
        return None
    path = Path(name)
    remember_folder(key, path.parent)
    return path


def ask_folder(parent: QWidget | None, caption: str, key: str) -> Path | None:
    """Ask for a folder to write into, starting in the one remembered under ``key``; remember it.

    Returns:
        The folder chosen, or None if the coordinator cancelled.
    """
    name = QFileDialog.getExistingDirectory(parent, caption, str(remembered_folder(key)))
    if not name:
        return None
    folder = Path(name)
    remember_folder(key, folder)
    return folder
