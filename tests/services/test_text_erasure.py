"""How erasing a person rewrites other texts: whole names only, never someone else's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.privacy import erase_all, erase_person
from mentordesk.services.text_erasure import KEPT_COLUMNS, rewritten_columns
from mentordesk.store.models import Base, Note, Person, Programme


def note(session, person_id: int, text: str) -> int:
    """A note about ``person_id`` holding ``text``; its id."""
    return add_note(session, NoteInput(dt.date(2026, 3, 1), "About", text, person_id=person_id))


def test_short_and_common_names_are_replaced_only_as_whole_capitalised_words(
    programme_file, programme_id, add_someone
):
    with programme_file.session() as s:
        add_someone(s, first_name="Al", last_name="May", email="al.may@example.org")
        other = add_someone(
            s, first_name="Tom", last_name="May", email="tom@example.org", organisation="May Labs"
        )
        written = note(
            s,
            other,
            "Always ask Alan in may about Al's plan. AL MAY wrote from al.may@example.org, "
            "not pal.al.may@example.org.uk; Tom May and May agree; we may meet in May.",
        )
        s.get(Programme, programme_id).name = "May Mentoring"
    with programme_file.session() as s:
        erase_person(s, "al.may@example.org")
    with programme_file.session() as s:
        assert s.get(Note, written).text == (
            "Always ask Alan in may about [erased]'s plan. [erased] wrote from [erased], "
            "not pal.al.may@example.org.uk; Tom May and [erased] agree; we may meet in [erased]."
        )
        tom = s.get(Person, other)
        assert (tom.first_name, tom.last_name, tom.organisation) == ("Tom", "May", "May Labs")
        assert s.get(Programme, programme_id).name == "May Mentoring"


def test_someone_with_the_same_full_name_cannot_be_told_apart_and_is_rewritten_too(
    programme_file, add_someone
):
    with programme_file.session() as s:
        add_someone(s, first_name="Ana", last_name="Silva", email="ana.1@example.org")
        namesake = add_someone(s, first_name="Ana", last_name="Silva", email="ana.2@example.org")
        written = note(s, namesake, "Ana Silva (ana.2@example.org) leads the group.")
    with programme_file.session() as s:
        erase_person(s, "ana.1@example.org")
    with programme_file.session() as s:
        assert s.get(Note, written).text == "[erased] (ana.2@example.org) leads the group."


def test_many_people_erased_at_once_are_each_replaced(programme_file, add_someone):
    leaving = [("Oona", "Virtanen"), ("Piet", "Janssen"), ("Quentin", "Roux"),
               ("Rhea", "Kapoor"), ("Sven", "Lindqvist"), ("Tove", "Berg")]  # fmt: skip
    with programme_file.session() as s:
        ids = [
            add_someone(s, first_name=f, last_name=last, email=f"{f.lower()}@example.org")
            for f, last in leaving
        ]
        staying = add_someone(s, first_name="Uma", last_name="Berger", email="uma@example.org")
        texts = {
            note(s, staying, f"Paired with {f} {last}; wrote to {f.lower()}@example.org."): f
            for f, last in leaving
        }
        untouched = note(s, staying, "Bergen, Kapoorthala and Roux-les-Bains: no one named.")
    with programme_file.session() as s:
        erase_all(s, [s.get(Person, i) for i in ids])
    with programme_file.session() as s:
        for note_id in texts:
            assert s.get(Note, note_id).text == "Paired with [erased]; wrote to [erased]."
        assert s.get(Note, untouched).text == (
            "Bergen, Kapoorthala and Roux-les-Bains: no one named."
        )
        assert s.scalar(select(Person.last_name).where(Person.id == staying)) == "Berger"


def test_every_column_kept_as_it_is_exists_and_holds_text():
    columns = {
        f"{table.name}.{column.name}": column
        for table in Base.metadata.sorted_tables
        for column in table.columns
    }
    assert columns.keys() >= KEPT_COLUMNS
    rewritten = {f"{table.name}.{column.name}" for table, column in rewritten_columns()}
    assert not rewritten & KEPT_COLUMNS
    # Free texts about people are among the rewritten ones.
    assert {"message_log.subject", "pair_rule.reason", "check_in.summary", "audit_entry.summary",
            "note.text", "survey_answer.text", "event.description"} <= rewritten  # fmt: skip
