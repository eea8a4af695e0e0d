"""Nothing personal may be readable in the programme file or anything beside it."""

import datetime as dt

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_applicant,
    add_person,
)
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.programmes import strand_choices
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import files_containing

CANARY_NAME = "Zyxwvutsra"
CANARY_EMAIL = "canary.qwertyuiop@example.org"
CANARY_NOTE = "CANARY-confidential-health-matter-6f1d"


def _write_canaries(opened: ProgrammeFile, programme_id: int) -> None:
    with opened.session() as session:
        strand_id = strand_choices(session, programme_id)[0].id
        add_applicant(
            session,
            PersonInput(CANARY_NAME, "Canary", CANARY_EMAIL, department=CANARY_NAME),
            ApplicationInput(strand_id, Role.MENTEE, ApplicationStatus.RECEIVED, goals=CANARY_NOTE),
        )
        person_id = add_person(session, PersonInput("Other", "Person", "other@example.org"))
        add_note(
            session, NoteInput(dt.date(2026, 1, 5), "Private", CANARY_NOTE, person_id=person_id)
        )
        # Bulk rows, so that the file spans many pages and the canaries are not alone.
        for n in range(1000):
            add_person(session, PersonInput(f"Bulk{n}", "Person", f"bulk{n}@example.org"))


def test_canaries_appear_in_no_byte_of_the_closed_file_or_beside_it(
    tmp_path, programme_file, programme_id
):
    _write_canaries(programme_file, programme_id)
    programme_file.close()
    assert list(tmp_path.iterdir()), "the file should exist"
    for canary in (CANARY_NAME, CANARY_EMAIL, CANARY_NOTE, "Bulk999"):
        assert files_containing(tmp_path, canary) == []


def test_canaries_appear_nowhere_while_a_change_is_being_written(
    tmp_path, programme_file, programme_id, passphrase
):
    _write_canaries(programme_file, programme_id)
    with programme_file.session() as session:
        add_person(session, PersonInput("Second", CANARY_NAME, "second.canary@example.org"))
        session.flush()
        # Mid-transaction: the rollback journal now exists beside the file.
        for canary in (CANARY_NAME, CANARY_EMAIL, CANARY_NOTE):
            assert files_containing(tmp_path, canary) == []
    assert files_containing(tmp_path, CANARY_NAME) == []


def test_the_canary_test_can_see_plain_text(tmp_path):
    # Guard against a scanner that finds nothing because it reads nothing.
    (tmp_path / "plain.txt").write_text(f"{CANARY_NAME} {CANARY_EMAIL}", encoding="utf-16")
    assert files_containing(tmp_path, CANARY_NAME) == [tmp_path / "plain.txt"]
