"""The recent files list, kept in QSettings as paths only (never names or passphrases)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_files"
MAX_RECENT = 8


def recent_files() -> list[Path]:
    """The files opened most recently, newest first."""
    value = QSettings().value(KEY, [])
    if isinstance(value, str):  # QSettings gives a str for a one-item list on some platforms
        value = [value]
    return [Path(p) for p in value or []]


def remember_file(path: Path) -> None:
    """Put a file at the top of the list."""
    paths = [str(path)] + [str(p) for p in recent_files() if p != path]
    QSettings().setValue(KEY, paths[:MAX_RECENT])


def forget_file(path: Path) -> None:
    """Take a file off the list (it was moved or deleted)."""
    QSettings().setValue(KEY, [str(p) for p in recent_files() if p != path])
