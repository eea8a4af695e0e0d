"""Confidential coordinator notes about a person or a pairing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import NoteCategory
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_added, record_change, record_edited
from mentordesk.services.collation import sort_key
from mentordesk.services.validation import optional_text
from mentordesk.store.models import Application, Note, Pairing, PairingMember, Person, Strand

#: Longest note text kept; a note is a record, not a document.
MAX_NOTE_LENGTH = 20_000


@dataclass
class NoteInput:
    """A note as typed in a form: about exactly one person or one pairing."""

    written_on: dt.date
    title: str
    text: str
    person_id: int | None = None
    pairing_id: int | None = None
    category: NoteCategory = NoteCategory.GENERAL
    follow_up_on: dt.date | None = None


@dataclass(frozen=True)
class NoteRow:
    """One line of the Notes table.

    The text of the note is kept only inside ``search_text`` (lower case, with
    the title and subject), so a search finds words of the note while no column
    ever shows it; the whole text is read from the file when the coordinator
    reveals one note.
    """

    note_id: int
    written_on: dt.date
    about: str
    title: str
    category: NoteCategory
    follow_up_on: dt.date | None
    search_text: str = field(repr=False)


def _clean(session: Session, data: NoteInput) -> dict[str, object]:
    if (data.person_id is None) == (data.pairing_id is None):
        raise InvalidInput("A note is about one person or one pairing: choose exactly one.")
    if data.person_id is not None and session.get(Person, data.person_id) is None:
        raise InvalidInput("The person this note is about is no longer in the file.")
    if data.pairing_id is not None and session.get(Pairing, data.pairing_id) is None:
        raise InvalidInput("The pairing this note is about is no longer in the file.")
    title = optional_text(data.title, "Title")
    text = optional_text(data.text, "Note", max_length=MAX_NOTE_LENGTH)
    if not title and not text:
        raise InvalidInput("The note is empty: type a title or some text.")
    if data.follow_up_on is not None and data.follow_up_on < data.written_on:
        raise InvalidInput("The follow-up date is before the note's date: choose a later one.")
    return {
        "written_on": data.written_on,
        "title": title,
        "text": text,
        "person_id": data.person_id,
        "pairing_id": data.pairing_id,
        "category": NoteCategory(data.category),
        "follow_up_on": data.follow_up_on,
    }


def add_note(session: Session, data: NoteInput) -> int:
    """Add a note and return its id; the audit trail records that, not what, was written."""
    return record_added(session, Note(**_clean(session, data)), "note")


def update_note(session: Session, note_id: int, data: NoteInput) -> None:
    """Save changes to a note."""
    note = get_note(session, note_id)
    record_edited(session, note, _clean(session, data), "note")


def delete_note(session: Session, note_id: int) -> None:
    """Remove a note."""
    session.delete(get_note(session, note_id))
    record_change(session, "deleted", "note", note_id)


def get_note(session: Session, note_id: int) -> Note:
    """The note with this id.

    Raises:
        NotFound: it is no longer in the file.
    """
    note = session.get(Note, note_id)
    if note is None:
        raise NotFound("This note is no longer in the file.")
    return note


def note_input(session: Session, note_id: int) -> NoteInput:
    """A note's current values, ready to fill an edit form."""
    n = get_note(session, note_id)
    return NoteInput(
        n.written_on, n.title, n.text, n.person_id, n.pairing_id, n.category, n.follow_up_on
    )


def note_text(session: Session, note_id: int) -> str:
    """The whole text of one note, for the coordinator who asked to reveal it."""
    return get_note(session, note_id).text


def note_rows(session: Session, programme_id: int) -> list[NoteRow]:
    """The notes about a programme's pairings and the people who applied or take part."""
    in_programme = (
        select(Application.person_id).join(Strand).where(Strand.programme_id == programme_id)
    )
    pairings = select(Pairing.id).join(Strand).where(Strand.programme_id == programme_id)
    notes = session.scalars(
        select(Note)
        .where(or_(Note.person_id.in_(in_programme), Note.pairing_id.in_(pairings)))
        .options(
            selectinload(Note.person),
            selectinload(Note.pairing).selectinload(Pairing.mentor),
            selectinload(Note.pairing)
            .selectinload(Pairing.members)
            .selectinload(PairingMember.person),
        )
        .order_by(Note.written_on.desc(), Note.id.desc())
    )
    rows = []
    for n in notes:
        if n.person is not None:
            about = n.person.full_name
        else:
            assert n.pairing is not None
            mentees = ", ".join(
                sorted((m.person.full_name for m in n.pairing.members), key=sort_key)
            )
            about = f"Pairing: {n.pairing.mentor.full_name} – {mentees}"
        category = NoteCategory(n.category)
        search_text = " ".join((about, n.title, category.label, n.text)).lower()
        rows.append(
            NoteRow(n.id, n.written_on, about, n.title, category, n.follow_up_on, search_text)
        )
    return rows
