"""The Notes tab: confidential notes about a person or a pairing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.form_values import (
    combo_value,
    date_value,
    fill_combo,
    plain_text,
    prepare_date,
    select_value,
    set_date,
)
from mentordesk.gui.forms.ui_note import Ui_NoteForm
from mentordesk.gui.table_models import NoteTableModel
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.services import notes
from mentordesk.services.applicants import PersonChoice, person_choices
from mentordesk.services.notes import NoteInput, NoteRow
from mentordesk.services.pairings import PairingRow, pairing_rows
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile


@dataclass(frozen=True)
class NoteFormData:
    """What the Notes form needs from the file."""

    people: list[PersonChoice]
    pairings: list[PairingRow]
    note: NoteInput | None = None


class NoteDialog(RecordDialog):
    """Add or edit a note about one person or one pairing."""

    def __init__(
        self, parent: QWidget | None, programme_file: ProgrammeFile, save: Save, data: NoteFormData
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.ui = Ui_NoteForm()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.person, ((p.name, p.id) for p in data.people))
        fill_combo(ui.pairing, ((p.name, p.pairing_id) for p in data.pairings))
        prepare_date(ui.written_on, optional=False)
        ui.about_person.toggled.connect(self._subject_changed)
        ui.text.setMinimumHeight(200)
        note = data.note or NoteInput(dt.date.today(), "", "")
        self.setWindowTitle("Edit note" if data.note else "Add note")
        if note.pairing_id is not None:
            ui.about_pairing.setChecked(True)
            select_value(ui.pairing, note.pairing_id)
        else:
            select_value(ui.person, note.person_id)
        set_date(ui.written_on, note.written_on)
        ui.title.setText(note.title)
        ui.text.setPlainText(note.text)
        self._subject_changed()

    def _subject_changed(self) -> None:
        about_person = self.ui.about_person.isChecked()
        self.ui.person.setEnabled(about_person)
        self.ui.pairing.setEnabled(not about_person)

    def values(self) -> NoteInput:
        ui = self.ui
        about_person = ui.about_person.isChecked()
        return NoteInput(
            written_on=date_value(ui.written_on) or dt.date.today(),
            title=ui.title.text(),
            text=plain_text(ui.text),
            person_id=combo_value(ui.person) if about_person else None,
            pairing_id=None if about_person else combo_value(ui.pairing),
        )


def _form_data(session: Session, programme_id: int, note_id: int | None) -> NoteFormData:
    note = notes.note_input(session, note_id) if note_id is not None else None
    return NoteFormData(person_choices(session), pairing_rows(session, programme_id), note)


class NotesTab(RecordTab[NoteRow]):
    """Confidential notes; the table shows each note's title and first line only."""

    TITLE = "Notes"
    NOUN = ("note", "notes")
    COLUMN_WIDTHS = (11, 34, 30, 60)
    # Notes are confidential: they stay in the encrypted file and are never exported.
    EXPORTABLE = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(NoteTableModel(), parent)
        self.view.sortByColumn(NoteTableModel.DATE, Qt.SortOrder.DescendingOrder)

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[NoteRow]:
        return notes.note_rows(session, programme.id)

    def add_dialog(self) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: _form_data(s, programme_id, None), lambda d: self._open(d, notes.add_note)
        )

    def edit_dialog(self, row: NoteRow) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: _form_data(s, programme_id, row.note_id),
            lambda d: self._open(d, lambda s, v: notes.update_note(s, row.note_id, v)),
        )

    def _open(self, data: NoteFormData, save: Save) -> None:
        assert self.programme_file is not None
        self.show_dialog(NoteDialog(self, self.programme_file, save, data))

    def delete_rows(self, session: Session, rows: list[NoteRow]) -> None:
        for row in rows:
            notes.delete_note(session, row.note_id)
