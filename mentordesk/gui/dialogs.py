"""The add/edit dialog every tab uses, its Save and Cancel, and the questions before deleting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget
from sqlalchemy.orm import Session

from mentordesk.gui.errors import show_error
from mentordesk.gui.ops import run_op
from mentordesk.store.programme_file import ProgrammeFile

#: Saves what a dialog's :meth:`RecordDialog.values` returned, in one session.
Save = Callable[[Session, Any], object]


class RecordDialog(QDialog):
    """Base of the add and edit dialogs: Save runs the service call off the GUI thread.

    The dialog closes only once the service accepted the record; an error (a
    missing field, a duplicate email) is shown over the dialog, which stays
    open with everything typed.

    Signals:
        saved: the record was saved; carries what the service returned.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget | None, programme_file: ProgrammeFile, save: Save) -> None:
        super().__init__(parent)
        self._programme_file = programme_file
        self._save = save
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def values(self) -> Any:
        """What the form holds, as the service's Input dataclass(es)."""
        raise NotImplementedError

    @property
    def save_function(self) -> Save:
        """The service call Save runs (kept with a draft when the window locks)."""
        return self._save

    def accept(self) -> None:
        try:
            values = self.values()
        except Exception as error:
            show_error(self, error)
            return
        self._set_busy(True)
        run_op(
            self._programme_file,
            lambda session: self._save(session, values),
            parent=self,
            on_success=self._saved,
            on_failure=self._failed,
        )

    def _saved(self, result: object) -> None:
        self._set_busy(False)
        self.saved.emit(result)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        box = self.findChild(QDialogButtonBox, "button_box")
        if box is not None:
            box.setEnabled(not busy)


def save_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel for ``dialog``: Save accepts it, Cancel rejects it.

    The box is named ``button_box``, which :class:`RecordDialog` disables while it saves.
    """
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.setObjectName("button_box")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm(parent: QWidget, title: str, question: str, action: str) -> bool:
    """Ask before something that cannot be undone; ``action`` names the button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes
