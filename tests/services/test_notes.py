"""Confidential notes: about exactly one subject, and never copied into the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from mentordesk.domain.enums import NoteCategory, Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.notes import (
    NoteInput,
    add_note,
    delete_note,
    note_input,
    note_rows,
    note_text,
    update_note,
)
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.store.models import AuditEntry, Note
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone, TableCounts

DAY = dt.date(2026, 3, 3)
CANARY = "CANARY-7f3a confided: burnout, thinking of leaving"


@pytest.fixture
def subjects(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> dict[str, int]:
    """A mentee who applied to the programme, and their pairing with a mentor."""
    with programme_file.session() as session:
        mentor = add_someone(session, first_name="Lise", last_name="Meitner")
        mentee = add_someone(session, first_name="Emmy", last_name="Noether")
        add_application(session, mentee, ApplicationInput(strands["Fellows"], Role.MENTEE))
        pairing = add_pairing(session, PairingInput(strands["Fellows"], mentor, [mentee]))
    return {"person": mentee, "pairing": pairing}


@pytest.mark.parametrize("about", ["neither", "both"])
def test_a_note_is_about_exactly_one_person_or_pairing(
    programme_file: ProgrammeFile, subjects: dict[str, int], about: str
) -> None:
    ids = {"person_id": None, "pairing_id": None}
    if about == "both":
        ids = {"person_id": subjects["person"], "pairing_id": subjects["pairing"]}
    with programme_file.session() as session, pytest.raises(InvalidInput, match="exactly one"):
        add_note(session, NoteInput(DAY, "Title", "Text", **ids))


@pytest.mark.parametrize("about", ["neither", "both"])
def test_the_file_itself_keeps_a_note_to_exactly_one_subject(
    programme_file: ProgrammeFile, subjects: dict[str, int], about: str
) -> None:
    ids: dict[str, int | None] = {"person_id": None, "pairing_id": None}
    if about == "both":
        ids = {"person_id": subjects["person"], "pairing_id": subjects["pairing"]}
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.execute(insert(Note).values(written_on=DAY, title="Raw", text="", **ids))


def test_an_empty_note_is_refused(programme_file: ProgrammeFile, subjects: dict[str, int]) -> None:
    with programme_file.session() as session, pytest.raises(InvalidInput, match="empty"):
        add_note(session, NoteInput(DAY, "  ", "\n", person_id=subjects["person"]))


def test_a_note_about_someone_not_in_the_file_is_refused(
    programme_file: ProgrammeFile, subjects: dict[str, int]
) -> None:
    with programme_file.session() as session, pytest.raises(InvalidInput, match="no longer"):
        add_note(session, NoteInput(DAY, "Title", "Text", person_id=77_777))


def test_a_note_is_added_edited_and_deleted(
    programme_file: ProgrammeFile, subjects: dict[str, int], table_counts: TableCounts
) -> None:
    with programme_file.session() as session:
        note_id = add_note(session, NoteInput(DAY, "Call", "First.", person_id=subjects["person"]))
    with programme_file.session() as session:
        update_note(
            session, note_id, NoteInput(DAY, "Call", "Second.", pairing_id=subjects["pairing"])
        )
    with programme_file.session() as session:
        stored = note_input(session, note_id)
        assert (stored.text, stored.person_id, stored.pairing_id) == (
            "Second.",
            None,
            subjects["pairing"],
        )
        delete_note(session, note_id)
    assert table_counts(programme_file)["note"] == 0


def test_the_audit_trail_never_holds_the_text_or_title_of_a_note(
    programme_file: ProgrammeFile, subjects: dict[str, int]
) -> None:
    with programme_file.session() as session:
        note_id = add_note(
            session, NoteInput(DAY, f"Title {CANARY}", CANARY, person_id=subjects["person"])
        )
    with programme_file.session() as session:
        update_note(
            session,
            note_id,
            NoteInput(DAY, CANARY, f"{CANARY}\nmore", pairing_id=subjects["pairing"]),
        )
    with programme_file.session() as session:
        delete_note(session, note_id)
    with programme_file.session() as session:
        entries = session.scalars(select(AuditEntry)).all()
    note_entries = [(e.action, e.entity_id) for e in entries if e.entity == "note"]
    assert note_entries == [("created", note_id), ("edited", note_id), ("deleted", note_id)]
    for entry in entries:
        for value in (entry.action, entry.entity, entry.summary):
            assert "CANARY" not in value
            assert "burnout" not in value


def test_note_rows_keep_the_text_for_search_only(
    programme_file: ProgrammeFile, programme_id: int, subjects: dict[str, int]
) -> None:
    with programme_file.session() as session:
        add_note(
            session,
            NoteInput(
                DAY,
                "Check-in call",
                "Meets every three weeks.\nSECOND LINE stays in the note.",
                person_id=subjects["person"],
                category=NoteCategory.CONCERN,
                follow_up_on=DAY + dt.timedelta(days=14),
            ),
        )
        add_note(
            session,
            NoteInput(DAY + dt.timedelta(days=1), "Agreement", "", pairing_id=subjects["pairing"]),
        )
    with programme_file.session() as session:
        newest, older = note_rows(session, programme_id)
    assert (newest.about, newest.title, newest.category, newest.follow_up_on) == (
        "Pairing: Lise Meitner – Emmy Noether",
        "Agreement",
        NoteCategory.GENERAL,
        None,
    )
    assert (older.category, older.follow_up_on) == (NoteCategory.CONCERN, dt.date(2026, 3, 17))
    assert "second line stays" in older.search_text
    assert "concern" in older.search_text
    assert "SECOND" not in repr(older)


def test_category_and_follow_up_are_kept_and_read_back(
    programme_file: ProgrammeFile, subjects: dict[str, int]
) -> None:
    typed = NoteInput(
        DAY,
        "Mediation",
        "Both agreed to meet monthly.",
        pairing_id=subjects["pairing"],
        category=NoteCategory.MEDIATION,
        follow_up_on=DAY + dt.timedelta(days=30),
    )
    with programme_file.session() as session:
        note_id = add_note(session, typed)
    with programme_file.session() as session:
        assert note_input(session, note_id) == typed
        assert note_text(session, note_id) == "Both agreed to meet monthly."


def test_a_follow_up_before_the_note_is_refused(
    programme_file: ProgrammeFile, subjects: dict[str, int]
) -> None:
    early = NoteInput(
        DAY, "Call", "", person_id=subjects["person"], follow_up_on=DAY - dt.timedelta(days=1)
    )
    with programme_file.session() as session, pytest.raises(InvalidInput, match="follow-up"):
        add_note(session, early)


def test_note_rows_leave_out_people_outside_the_programme(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        stranger = add_someone(session)
        add_note(session, NoteInput(DAY, "Unrelated", "", person_id=stranger))
    with programme_file.session() as session:
        assert note_rows(session, programme_id) == []
