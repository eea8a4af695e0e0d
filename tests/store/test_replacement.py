"""Another program replacing or changing an open file is noticed; MentorDesk's own writes not."""

import os
import shutil

import pytest

from mentordesk.domain.errors import WrongPassphrase
from mentordesk.services.applicants import PersonInput, add_person, person_choices
from mentordesk.store.programme_file import ProgrammeFile


def emails(opened: ProgrammeFile) -> list[str]:
    with opened.session() as session:
        return [p.email for p in person_choices(session)]


def test_mentordesks_own_writes_never_count_as_a_change(programme_file, passphrase):
    assert not programme_file.changed_on_disk()
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    assert not programme_file.changed_on_disk()
    programme_file.vacuum()
    programme_file.backup("manual")
    assert not programme_file.changed_on_disk()
    programme_file.change_passphrase(passphrase + " new")
    assert not programme_file.changed_on_disk()
    assert emails(programme_file) == ["ada@example.org"]
    assert not programme_file.changed_on_disk()


def test_a_copy_put_over_the_file_is_noticed_and_reopening_reads_it(
    programme_file, file_path, tmp_path
):
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    older = tmp_path / "older copy.mentordesk"
    shutil.copyfile(file_path, older)
    with programme_file.session() as session:
        add_person(session, PersonInput("Grace", "Hopper", "grace@example.org"))
    assert not programme_file.changed_on_disk()
    # What a sync client does: write the other version beside, rename it over.
    os.replace(older, file_path)
    assert programme_file.changed_on_disk()
    # MentorDesk's next transaction does not make it forget the change (and SQLite
    # itself refuses to write into a file that was moved away under it).
    assert emails(programme_file) == ["grace@example.org", "ada@example.org"]
    assert programme_file.changed_on_disk()
    reopened = programme_file.reopen()
    try:
        assert not programme_file.is_open
        assert emails(reopened) == ["ada@example.org"]
        assert not reopened.changed_on_disk()
    finally:
        reopened.close()


def test_a_change_in_place_is_noticed(programme_file, file_path):
    facts = file_path.stat()
    os.utime(file_path, ns=(facts.st_atime_ns, facts.st_mtime_ns + 2_000_000_000))
    assert programme_file.changed_on_disk()


def test_a_file_moved_away_is_noticed(programme_file, file_path, tmp_path):
    file_path.rename(tmp_path / "moved.mentordesk")
    assert programme_file.changed_on_disk()


def test_reopening_a_file_that_no_longer_opens_with_the_passphrase_fails_plainly(
    programme_file, file_path, tmp_path
):
    other = tmp_path / "other.mentordesk"
    ProgrammeFile.create(other, "another passphrase").close()
    os.replace(other, file_path)
    assert programme_file.changed_on_disk()
    with pytest.raises(WrongPassphrase):
        programme_file.reopen()
    assert not programme_file.is_open


def test_a_replacement_is_noticed_even_while_mentordesk_is_writing(
    programme_file, file_path, tmp_path
):
    older = tmp_path / "older copy.mentordesk"
    shutil.copyfile(file_path, older)
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
        session.flush()
        # Mid-transaction its own changes do not count; another file in its place does.
        assert not programme_file.changed_on_disk()
        os.replace(older, file_path)
        assert programme_file.changed_on_disk()
        session.rollback()
    assert programme_file.changed_on_disk()
