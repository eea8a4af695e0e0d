"""What the dialogs share that show what importing a file will do, then do it on one button."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.gui.errors import show_error
from mentordesk.gui.ops import run_op
from mentordesk.store.programme_file import ProgrammeFile


class ReviewDialog(QDialog):
    """Base of a dialog that reviews a file read for import; nothing is written before its button.

    Subclasses lay out their widgets, calling :meth:`add_buttons` where the
    buttons belong in the tab order, and write in :meth:`start`.

    Attributes:
        programme_file: the open file the import writes to.
        buttons: Cancel and the button that writes; disabled while work runs.
        import_button: the button that writes.
    """

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        name: str,
        title: str,
        size: tuple[int, int],
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.resize(*size)
        self.programme_file = programme_file
        self.buttons: QDialogButtonBox
        self.import_button: QPushButton

    def add_buttons(self, text: str, name: str) -> QDialogButtonBox:
        """Make the Cancel button and the one that writes, labelled ``text`` and named ``name``."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("button_box")
        self.import_button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName(name)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def rich_label(self, name: str) -> QLabel:
        """A wrapping label for a summary in rich text, named ``name``."""
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        return label

    def review_table(self, columns: int, name: str, headers: Sequence[str]) -> QTableWidget:
        """A table of what the file holds: without row numbers, never edited nor selected."""
        table = QTableWidget(0, columns, self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        return table

    def start(self) -> None:
        """Write what the dialog shows (the button's action)."""
        raise NotImplementedError

    def run_in_file(
        self, work: Callable[[Session], Any], on_success: Callable[[Any], None]
    ) -> None:
        """Run ``work`` in a session off the GUI thread, the buttons disabled meanwhile.

        A failure is shown over the dialog, which stays open with its buttons back.
        """
        self.buttons.setEnabled(False)
        run_op(
            self.programme_file,
            work,
            parent=self,
            on_success=on_success,
            on_failure=self.failed,
        )

    def failed(self, error: BaseException) -> None:
        """Give the buttons back and explain ``error`` over the dialog."""
        self.buttons.setEnabled(True)
        show_error(self, error)
