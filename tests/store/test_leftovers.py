"""Leftovers of MentorDesk's own interrupted writes are shredded when the file is next opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.domain.errors import FileInUse, WrongPassphrase
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.store.backups import backups_folder, export_encrypted_copy
from mentordesk.store.models import AuditEntry
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state, folder_listing

NEW_PASSPHRASE = "the passphrase of the interrupted change"


def _leftovers(path: Path) -> list[Path]:
    """One of each leftover an interrupted create, change, restore or backup can leave."""
    name, folder, backups = path.name, path.parent, backups_folder(path)
    backups.mkdir(exist_ok=True)
    return [
        folder / f".{name}.0123abcd.rekeyed",
        folder / f"..{name}.0123abcd.rekeyed.4567cdef.partial",
        folder / f"..{name}.0123abcd.rekeyed.4567cdef.partial-journal",
        folder / f".{name}.89abcdef.new",
        folder / f".{name}.89abcdef.new-journal",
        folder / f".{name}.fedcba98.restore",
        folder / f".{name}.fedcba98.restore-journal",
        folder / f".{name}.fedcba98.restore.lock",
        folder / f".{name}.damaged-20260105-101112.5a5a5a5a.partial",
        backups / ".20260105-101112-123456-before-restore.mentordesk.1234abcd.partial",
        backups / ".20260105-101112-123456-manual.mentordesk.0badf00d.partial",
        backups / ".20260105-101112-123456-manual.mentordesk.0badf00d.partial-journal",
    ]


def _look_alikes(path: Path) -> list[Path]:
    """Files with names close to MentorDesk's leftovers that are not provably its own."""
    name, folder, backups = path.name, path.parent, backups_folder(path)
    return [
        folder / f".{name}.0123abcd.rekeyed.txt",
        folder / f".{name}.0123ABCD.rekeyed",
        folder / f".{name}.0123abc.rekeyed",
        folder / ".other.mentordesk.0123abcd.rekeyed",
        folder / f"{name}.0123abcd.rekeyed",
        folder / f".{name}.0123abcd.tmp",
        folder / "notes.txt",
        folder / f".{name}.damaged-last-week.5a5a5a5a.partial",
        backups / ".holiday.jpg.0badf00d.partial",
        backups / "20260105-101112-123456-manual.mentordesk.0badf00d.partial",
    ]


@pytest.fixture
def interrupted(programme_file: ProgrammeFile) -> tuple[ProgrammeFile, list[Path], list[Path]]:
    """A file holding one person, closed, with leftovers and look-alikes beside it.

    The first leftover is a complete copy under a new passphrase, as a killed
    passphrase change leaves it.
    """
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    leftovers, look_alikes = _leftovers(programme_file.path), _look_alikes(programme_file.path)
    export_encrypted_copy(programme_file.engine, leftovers[0], NEW_PASSPHRASE)
    for path in leftovers[1:] + look_alikes:
        path.write_bytes(os.urandom(4096))
    programme_file.close()
    return programme_file, leftovers, look_alikes


def _audit(path: Path, passphrase: str) -> list[tuple[str, str]]:
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as session:
        return [(e.action, e.summary) for e in session.scalars(select(AuditEntry))]


def test_opening_shreds_every_leftover_and_the_audit_trail_says_how_many(
    interrupted, passphrase, tmp_path
):
    programme_file, leftovers, look_alikes = interrupted
    kept = {path: file_state(path) for path in look_alikes}
    # A second name for the rekeyed copy's bytes shows whether they were overwritten.
    witness = tmp_path / "witness"
    witness.mkdir()
    os.link(leftovers[0], witness / "copy")
    size = leftovers[0].stat().st_size

    with ProgrammeFile.open(programme_file.path, passphrase) as opened:
        assert opened.leftovers_removed == len(leftovers)

    assert [path for path in leftovers if path.exists()] == []
    assert {path: file_state(path) for path in look_alikes} == kept
    assert (witness / "copy").read_bytes() == bytes(size)
    entries = [e for e in _audit(programme_file.path, passphrase) if e[0] == "leftovers removed"]
    assert len(entries) == 1
    summary = entries[0][1]
    assert f"{len(leftovers)} leftover" in summary
    assert passphrase not in summary
    assert NEW_PASSPHRASE not in summary


def test_a_journal_left_cold_by_a_killed_write_is_removed_too(programme_file, passphrase):
    # Killed before its header was written, a journal is not one SQLite rolls back
    # (its first byte is zero), so SQLite leaves it beside the file for ever.
    programme_file.close()
    journal = programme_file.path.with_name(programme_file.path.name + "-journal")
    journal.write_bytes(bytes(4096))
    with ProgrammeFile.open(programme_file.path, passphrase) as opened:
        assert opened.leftovers_removed == 1
    assert not journal.exists()
    ProgrammeFile.open(programme_file.path, passphrase).close()


def test_a_wrong_passphrase_removes_nothing(interrupted, tmp_path):
    programme_file, _leftovers_made, _look_alikes = interrupted
    listing = folder_listing(tmp_path)
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(programme_file.path, "not the passphrase")
    assert folder_listing(tmp_path) == listing


def test_nothing_is_removed_while_the_file_is_open_elsewhere(programme_file, passphrase):
    # While open, a change may be writing its copy: it is not a leftover yet.
    (rekeyed,) = [p for p in _leftovers(programme_file.path) if p.name.endswith(".rekeyed")]
    export_encrypted_copy(programme_file.engine, rekeyed, NEW_PASSPHRASE)
    with pytest.raises(FileInUse):
        ProgrammeFile.open(programme_file.path, passphrase)
    assert rekeyed.exists()
    programme_file.close()
    with ProgrammeFile.open(programme_file.path, passphrase) as opened:
        assert opened.leftovers_removed == 1
    assert not rekeyed.exists()


def test_an_open_without_leftovers_writes_no_audit_entry(programme_file, passphrase):
    programme_file.close()
    with ProgrammeFile.open(programme_file.path, passphrase) as opened:
        assert opened.leftovers_removed == 0
    assert [e for e in _audit(programme_file.path, passphrase) if e[0] == "leftovers removed"] == []


def test_creating_a_file_shreds_what_an_interrupted_create_left(tmp_path, file_path, passphrase):
    left = [
        tmp_path / f".{file_path.name}.89abcdef.new",
        tmp_path / f".{file_path.name}.89abcdef.new-journal",
    ]
    for path in left:
        path.write_bytes(os.urandom(4096))
    with ProgrammeFile.create(file_path, passphrase) as made:
        assert made.leftovers_removed == 2
    assert folder_listing(tmp_path) == {file_path.name}
    assert [e for e in _audit(file_path, passphrase) if e[0] == "leftovers removed"] != []
