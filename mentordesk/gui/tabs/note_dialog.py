"""The add/edit dialog of a confidential note: subject, category, dates, title and text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from mentordesk.domain.enums import NoteCategory
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.form_values import (
    combo_value,
    date_value,
    fill_combo,
    fill_enum_combo,
    plain_text,
    prepare_date,
    select_value,
    set_date,
)
from mentordesk.gui.forms.ui_note import Ui_NoteForm
from mentordesk.services import notes
from mentordesk.services.applicants import PersonChoice, person_choices
from mentordesk.services.notes import NoteInput
from mentordesk.services.pairings import PairingRow, pairing_rows
from mentordesk.store.programme_file import ProgrammeFile


@dataclass(frozen=True)
class NoteFormData:
    """What the Notes form needs from the file."""

    people: list[PersonChoice]
    pairings: list[PairingRow]
    note: NoteInput | None = None


def note_form_data(session: Session, programme_id: int, note_id: int | None) -> NoteFormData:
    """The choices of subject and, when editing, the note's current values."""
    note = notes.note_input(session, note_id) if note_id is not None else None
    return NoteFormData(person_choices(session), pairing_rows(session, programme_id), note)


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
        fill_enum_combo(ui.category, NoteCategory)
        prepare_date(ui.written_on, optional=False)
        prepare_date(ui.follow_up_on)
        ui.about_person.toggled.connect(self._subject_changed)
        ui.text.setMinimumHeight(200)
        note = data.note or NoteInput(dt.date.today(), "", "")
        self.setWindowTitle("Edit note" if data.note else "Add note")
        if note.pairing_id is not None:
            ui.about_pairing.setChecked(True)
            select_value(ui.pairing, note.pairing_id)
        else:
            select_value(ui.person, note.person_id)
        select_value(ui.category, note.category)
        set_date(ui.written_on, note.written_on)
        set_date(ui.follow_up_on, note.follow_up_on)
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
            category=combo_value(ui.category) or NoteCategory.GENERAL,
            follow_up_on=date_value(ui.follow_up_on),
        )
