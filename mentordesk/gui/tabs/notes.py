"""The Notes tab: confidential notes, their text hidden until the coordinator reveals one."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import NoteCategory
from mentordesk.gui.dialogs import Save
from mentordesk.gui.table_models import NoteTableModel
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.note_dialog import NoteDialog, NoteFormData, note_form_data
from mentordesk.services import notes
from mentordesk.services.notes import NoteInput, NoteRow
from mentordesk.services.programmes import ProgrammeSummary

HIDDEN_HINT = "The text of a note stays hidden. Select a note and click Reveal to read it."


class NotePanel(QWidget):
    """Beside the table: the text of one revealed note, or a hint while it is hidden.

    Attributes:
        note_id: the note whose text is shown, if any.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note_panel")
        self.note_id: int | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("note_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("note_text")
        self.text.setReadOnly(True)
        self.hint = QLabel(HIDDEN_HINT, self)
        self.hint.setObjectName("note_hidden_hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hint, 1)
        self.hide_text()

    def show_text(self, row: NoteRow, text: str) -> None:
        """Show one note's whole text."""
        self.note_id = row.note_id
        self.heading.setText(f"{row.title or 'Untitled note'} — {row.about}")
        self.text.setPlainText(text or "(This note has a title only.)")
        self.heading.show()
        self.text.show()
        self.hint.hide()

    def hide_text(self) -> None:
        """Forget the text shown (the selection changed, or the window locks)."""
        self.note_id = None
        self.heading.clear()
        self.text.clear()
        self.heading.hide()
        self.text.hide()
        self.hint.show()


class NotesTab(RecordTab[NoteRow]):
    """Confidential notes: the table never shows their text; one at a time can be revealed.

    The search box also finds words of the text, without showing them.
    """

    TITLE = "Notes"
    REOPENS_DRAFTS = True
    NOUN = ("note", "notes")
    EMPTY_HINT = (
        "Add one with Edit ▸ Add… (Ctrl+Shift+N); notes stay confidential and are never exported."
    )
    COLUMN_WIDTHS = (11, 34, 30, 11, 11, 6)
    PANEL_WIDTH = 380
    # Notes are confidential: they stay in the encrypted file and are never exported.
    EXPORTABLE = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(NoteTableModel(), parent)
        self.view.sortByColumn(NoteTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("category_filter")
        self.category_filter.addItem("All categories", None)
        for category in NoteCategory:
            self.category_filter.addItem(category.label, category.value)
        self.category_filter.currentIndexChanged.connect(self._category_chosen)
        self.reveal_button = QPushButton("&Reveal", self)
        self.reveal_button.setObjectName("reveal_button")
        self.reveal_button.setToolTip("Show the text of the selected note beside the table")
        self.reveal_button.clicked.connect(self.reveal)
        self.filter_bar.addWidget(self.category_filter)
        self.filter_bar.addWidget(self.reveal_button)
        self.panel = NotePanel(self)
        self.splitter = self.panel_beside_table(self.panel, self.PANEL_WIDTH)
        selection = self.view.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        selection.currentRowChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self.panel.hide_text)
        self._reveal_request = 0
        self._selection_changed()

    def _category_chosen(self) -> None:
        value = self.category_filter.currentData()
        self.proxy.set_filter("category", None if value is None else NoteCategory(value))
        self.loaded.emit()

    def _selection_changed(self, *_args: object) -> None:
        self._reveal_request += 1
        self.panel.hide_text()
        self.reveal_button.setEnabled(self.current_row() is not None)

    def reveal(self) -> None:
        """Load the selected note's text from the file and show it in the panel."""
        row = self.current_row()
        if row is None or self.programme_file is None:
            return
        self._reveal_request += 1
        request = self._reveal_request
        note_id = row.note_id
        self.run(lambda s: notes.note_text(s, note_id), partial(self._revealed, request, row))

    def _revealed(self, request: int, row: NoteRow, text: str) -> None:
        # A reply for a note no longer selected (or from before a lock) is dropped.
        if request == self._reveal_request and self.programme_file is not None:
            self.panel.show_text(row, text)

    def clear(self) -> None:
        self._reveal_request += 1
        self.panel.hide_text()
        super().clear()
        self.category_filter.setCurrentIndex(0)

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[NoteRow]:
        return notes.note_rows(session, programme.id)

    def add_dialog(self) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: note_form_data(s, programme_id, None),
            lambda d: self._open(d, notes.add_note),
        )

    def edit_dialog(self, row: NoteRow) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: note_form_data(s, programme_id, row.note_id),
            lambda d: self._open(d, partial(_update, row.note_id)),
        )

    def _open(self, data: NoteFormData, save: Save, title: str | None = None) -> None:
        assert self.programme_file is not None
        dialog = NoteDialog(self, self.programme_file, save, data)
        if title is not None:
            dialog.setWindowTitle(title)
        self.show_dialog(dialog)

    def draft_form_data(self, session: Session, programme_id: int, values: Any) -> NoteFormData:
        return replace(note_form_data(session, programme_id, None), note=values)

    def open_draft(self, data: NoteFormData, values: Any, save: Save, title: str) -> None:
        self._open(data, save, title)

    def delete_rows(self, session: Session, rows: list[NoteRow]) -> None:
        for row in rows:
            notes.delete_note(session, row.note_id)


def _update(note_id: int, session: Session, values: NoteInput) -> None:
    notes.update_note(session, note_id, values)
