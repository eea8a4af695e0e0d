"""A person's data-protection requests from the window: everything about them, or erasing them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mentordesk.gui.ops import Progress, run_long_op
from mentordesk.gui.save_path import ask_save_path
from mentordesk.gui.tabs.base import EXCEL_FILTER
from mentordesk.services.privacy import ErasureSummary, erase_person, export_person, pdf_path
from mentordesk.store.programme_file import ProgrammeFile


def ask_export_path(parent: QWidget, name: str) -> Path | None:
    """Ask where the .xlsx of a subject access export goes (its PDF goes beside it)."""
    return ask_save_path(
        parent, f"Export everything about {name}", f"{name} – their data", ".xlsx", EXCEL_FILTER
    )


def export_person_data(
    parent: QWidget, programme_file: ProgrammeFile, email: str, path: Path
) -> None:
    """Write everything about the person with ``email`` to ``path`` and a PDF beside it.

    Runs off the GUI thread; says where the files went once they are written.
    """

    def work(_progress: Progress) -> None:
        with programme_file.session() as session:
            export_person(session, email, path)

    run_long_op(
        work,
        parent=parent,
        label="Exporting everything about them…",
        on_success=lambda _result: _exported(parent, path),
    )


def _exported(parent: QWidget, path: Path) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Subject access export",
        f"Saved {path.name} and {pdf_path(path).name} in {path.parent}.\n\n"
        "They hold everything the file knows about this person, confidential notes "
        "included: send them to the person securely, then delete your copies.",
        parent=parent,
    )
    box.setObjectName("exported_person_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def ask_to_erase(
    parent: QWidget,
    programme_file: ProgrammeFile,
    email: str,
    name: str,
    on_done: Callable[[ErasureSummary], None],
) -> QMessageBox:
    """Ask before erasing a person for good, then erase them off the GUI thread.

    The file is vacuumed afterwards, so nothing of them stays in its free pages.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        f"Erase {name}?",
        f"Erase {name} for good? Their applications, attendance, survey answers, messages "
        "and the notes about them are deleted, with the pairings they mentor or are the "
        "only mentee of; only anonymous counts are kept for statistics.\n\n"
        "Older backups still hold them until they are rotated out, and restoring one "
        "erases them again. This cannot be undone.",
        parent=parent,
    )
    box.setObjectName("erase_person_box")
    erase = box.addButton("Erase", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_code: int) -> None:
        if box.clickedButton() is erase:
            _erase(parent, programme_file, email, on_done)

    box.finished.connect(answered)
    box.open()
    return box


def _erase(
    parent: QWidget,
    programme_file: ProgrammeFile,
    email: str,
    on_done: Callable[[ErasureSummary], None],
) -> None:
    def work(_progress: Progress) -> ErasureSummary:
        with programme_file.session() as session:
            summary = erase_person(session, email)
        programme_file.vacuum()
        return summary

    run_long_op(work, parent=parent, label="Erasing…", on_success=on_done)
