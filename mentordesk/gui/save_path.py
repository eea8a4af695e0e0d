"""Asking where to save an export, with a file name every system accepts already filled in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from mentordesk.formats.files import safe_file_name
from mentordesk.gui.folders import EXPORT_FOLDER, remember_folder, remembered_folder


def ask_save_path(
    parent: QWidget | None,
    caption: str,
    stem: str,
    suffix: str,
    file_filter: str,
    *,
    folder_key: str = EXPORT_FOLDER,
    folder: Path | None = None,
    fallback: str = "export",
) -> Path | None:
    """Ask where to save one file, suggesting ``stem`` made safe as its name.

    The dialog opens in ``folder``, else in the folder last used for
    ``folder_key`` (the home folder the first time); the folder chosen is
    remembered under ``folder_key``. The suggested name goes through
    :func:`~mentordesk.formats.files.safe_file_name`, so a title with a colon or a
    name such as ``CON`` never makes a name the system refuses.

    Args:
        parent: the window the dialog belongs to.
        caption: the dialog's title.
        stem: the words the suggested name is made of (a title, a person's name).
        suffix: the extension, dot included; added to a chosen name that lacks it.
        file_filter: the dialog's file type filter.
        folder_key: the setting that remembers the folder (see :mod:`.folders`).
        folder: the folder to open in, instead of the one remembered.
        fallback: the name suggested when ``stem`` has nothing usable.

    Returns:
        The path chosen, or None if the coordinator cancelled.
    """
    start = folder or remembered_folder(folder_key)
    suggested = start / safe_file_name(stem, suffix, fallback=fallback)
    chosen, _filter = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix.lower():
        path = path.with_name(f"{path.name}{suffix}")
    remember_folder(folder_key, path.parent)
    return path
