"""Erasing or anonymising a person leaves their name and email in no text of the file.

The person is named in every kind of record other people have: a message
subject written from a template, a pair rule's reason, a check-in summary, an
audit entry's details, a note about someone else, a survey answer, an event,
another pairing's goals and another applicant's other answers (question and
answer); in their own application's other answers; and once more in every text
column MentorDesk rewrites. After the erasure (or anonymising, or a restore that
applies either again) every text column of every table, found by walking the
models' metadata, is searched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Column, String, Table, func, or_, select, type_coerce, update
from sqlalchemy.orm import Session

from mentordesk.domain.enums import PairRuleKind, Role
from mentordesk.services.audit import record_change
from mentordesk.services.demo import DEMO_PROGRAMME
from mentordesk.services.drafts import drafts_for_pairings
from mentordesk.services.events import EventInput, add_event
from mentordesk.services.matching.rules import PairRuleInput, add_pair_rule
from mentordesk.services.messages import default_template, save_template
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.other_answers import OtherAnswer, set_other_answers
from mentordesk.services.pairings import CheckInRecord, record_check_in
from mentordesk.services.privacy import anonymise, erase_person, find_person
from mentordesk.services.programmes import find_programme
from mentordesk.services.restore import restore_keeping_erasures
from mentordesk.services.surveys import record_response
from mentordesk.services.text_erasure import rewritten_columns
from mentordesk.store.models import Base, MessageLog, Pairing, Survey
from mentordesk.store.programme_file import ProgrammeFile

FIRST, LAST, EMAIL = "Zebedee", "Quixworth", "zebedee.quixworth@example.org"
MENTION = f" (ask {FIRST} {LAST}, {EMAIL})"


def text_columns() -> Iterator[tuple[Table, Column[str]]]:
    """Every column of every table that can hold text, from the models' metadata."""
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String):
                yield table, column


def mentions(session: Session) -> list[str]:
    """The text columns still holding the person's first name, last name or email."""
    found = []
    for table, column in text_columns():
        # Read as plain text: enumerations too, whatever their values.
        stored = type_coerce(column, String)
        named = or_(*(stored.ilike(f"%{word}%") for word in (FIRST, LAST, EMAIL)))
        rows = session.scalar(select(func.count()).select_from(table).where(named))
        if rows:
            found.append(f"{table.name}.{column.name} ({rows} rows)")
    return found


def name_them_everywhere(demo_file: ProgrammeFile, tmp_path) -> int:
    """Make a demo mentor Zebedee Quixworth and name them in other people's records.

    Returns the id of the pairing of their mentee, whose introduction names them.
    """
    with demo_file.session() as s:
        programme_id = find_programme(s, DEMO_PROGRAMME).id
        first, second, third = s.scalars(select(Pairing).order_by(Pairing.id).limit(3)).all()
        mentor = first.mentor
        mentor.first_name, mentor.last_name, mentor.email = FIRST, LAST, EMAIL
        mentee = first.members[0].person
        save_template(
            s, programme_id, "introduction", "Meet {other_name}",
            default_template("introduction").body,
        )  # fmt: skip
        drafts_for_pairings(s, programme_id, [first.id], tmp_path, today=dt.date(2026, 3, 2))
        add_pair_rule(
            s,
            programme_id,
            PairRuleInput(
                second.mentor_id,
                third.members[0].person_id,
                PairRuleKind.BLOCKED,
                f"{FIRST} {LAST} says they worked together",
            ),
        )
        record_check_in(
            s,
            second.check_ins[0].id,
            CheckInRecord(second.check_ins[0].due_on, summary=f"{FIRST.upper()} joined the call"),
            today=dt.date(2027, 1, 1),
        )
        second.goals = f"Shadow {FIRST} at the lab; write to {EMAIL.upper()}"
        record_change(s, "edited", "pairing", second.id, f"advice from {LAST}")
        add_note(
            s,
            NoteInput(
                dt.date(2026, 4, 1), "Supervisor", f"Says {FIRST}'s advice helped.",
                person_id=mentee.id,
            ),
        )  # fmt: skip
        feedback = s.scalar(select(Survey.id).where(Survey.title == "Programme feedback"))
        record_response(
            s,
            feedback,
            third.members[0].person_id,
            {"what_worked": f"Meeting {FIRST} {LAST}"},
            dt.date(2026, 12, 1),
        )
        add_event(
            s,
            programme_id,
            EventInput(
                kind=first.strand.programme.events[0].kind,
                title="Mentoring circle",
                starts_at=dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC),
                ends_at=dt.datetime(2026, 5, 4, 11, tzinfo=dt.UTC),
                description=f"Led by {FIRST} {LAST} ({EMAIL}).",
                facilitator=f"{FIRST} {LAST}",
            ),
        )
        # Their own application's other answers, and another person's naming them.
        own = next(a for a in mentor.applications if a.role is Role.MENTOR)
        set_other_answers(
            s, own.id, [OtherAnswer("Your name as it should be printed", f"{FIRST} {LAST}")]
        )
        set_other_answers(
            s,
            mentee.applications[0].id,
            [
                OtherAnswer("How did you hear about the programme?", f"From {FIRST}, {EMAIL}"),
                OtherAnswer(f"Would you like to meet {FIRST} {LAST} again?", "Yes"),
            ],
        )
        # And once in every column MentorDesk rewrites, in the first row of its table.
        for table, column in rewritten_columns():
            first_row = select(table.c.id).order_by(table.c.id).limit(1).scalar_subquery()
            s.execute(
                update(table).where(table.c.id == first_row).values({column: column + MENTION})
            )
        assert mentions(s)
        return first.id


def introduction_subject(session: Session, person_id: int) -> str:
    """The logged subject of the introduction prepared for ``person_id``."""
    return session.scalar(
        select(MessageLog.subject).where(
            MessageLog.template_key == "introduction", MessageLog.person_id == person_id
        )
    )


@pytest.mark.parametrize("how", ["erase", "anonymise", "restore"])
def test_no_text_of_any_table_names_an_erased_or_anonymised_person(
    demo_file, tmp_path, passphrase, how
):
    pairing_id = name_them_everywhere(demo_file, tmp_path)
    with demo_file.session() as s:
        mentee_id = s.get(Pairing, pairing_id).members[0].person_id
        assert introduction_subject(s, mentee_id) == f"Meet {FIRST} {LAST}"
    backup = demo_file.backup("manual")
    with demo_file.session() as s:
        if how == "anonymise":
            anonymise(s, find_person(s, EMAIL))
        else:
            erase_person(s, EMAIL)
    placeholder = "[anonymised]" if how == "anonymise" else "[erased]"
    checked = demo_file
    if how == "restore":
        # The backup made before the erasure still names them; restoring it applies
        # the erasure again, texts included.
        demo_file.close()
        restore_keeping_erasures(backup.path, demo_file.path, passphrase)
        checked = ProgrammeFile.open(demo_file.path, passphrase)
    with checked, checked.session() as s:
        assert mentions(s) == []
        assert introduction_subject(s, mentee_id) == f"Meet {placeholder}"
