"""mentordesk-cli passwd, backup and restore on real files."""

import pytest

from mentordesk.cli.app import main
from mentordesk.domain.errors import WrongPassphrase
from mentordesk.services.applicants import PersonInput, add_person, person_choices
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile


@pytest.fixture
def small_file(monkeypatch, file_path, passphrase):
    """A file holding one person, its passphrase in the environment."""
    with ProgrammeFile.create(file_path, passphrase) as made, made.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return file_path


def emails(path, passphrase):
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as session:
        return [p.email for p in person_choices(session)]


def test_passwd_takes_the_new_passphrase_from_its_variable(
    small_file, passphrase, monkeypatch, capsys
):
    monkeypatch.setenv("MENTORDESK_NEW_PASSPHRASE", "brand new lantern orbit")
    assert main(["passwd", "--db", str(small_file)]) == 0
    out = capsys.readouterr()
    assert "is now encrypted under its new key" in out.out
    assert "brand new lantern orbit" not in out.out + out.err
    assert emails(small_file, "brand new lantern orbit") == ["ada@example.org"]
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(small_file, passphrase)


def test_passwd_refuses_a_blank_new_passphrase(small_file, passphrase, monkeypatch, capsys):
    monkeypatch.setenv("MENTORDESK_NEW_PASSPHRASE", " ")
    assert main(["passwd", "--db", str(small_file)]) == 1
    assert "cannot be empty" in capsys.readouterr().err
    assert emails(small_file, passphrase) == ["ada@example.org"]


def test_backup_then_restore_brings_back_what_was_deleted(small_file, passphrase, capsys):
    assert main(["backup", "--db", str(small_file)]) == 0
    (backup,) = list_backups(small_file)
    with ProgrammeFile.open(small_file, passphrase) as opened, opened.session() as session:
        add_person(session, PersonInput("Grace", "Hopper", "grace@example.org"))
    assert main(["restore", str(backup.path), "--db", str(small_file)]) == 0
    assert emails(small_file, passphrase) == ["ada@example.org"]
    replaced = [b for b in list_backups(small_file) if b.reason == "before-restore"]
    assert len(replaced) == 1
    assert sorted(emails(replaced[0].path, passphrase)) == [
        "ada@example.org",
        "grace@example.org",
    ]


def test_restore_refuses_a_backup_that_does_not_open(small_file, passphrase, tmp_path, capsys):
    broken = tmp_path / "broken.mentordesk"
    broken.write_bytes(b"\0" * 8192)
    before = small_file.read_bytes()
    assert main(["restore", str(broken), "--db", str(small_file)]) == 1
    assert capsys.readouterr().err.startswith("mentordesk-cli: ")
    assert small_file.read_bytes() == before


def test_restoring_a_backup_made_before_a_passphrase_change_says_which_passphrase_is_needed(
    small_file, passphrase, monkeypatch, capsys
):
    new = "brand new lantern orbit"
    assert main(["backup", "--db", str(small_file)]) == 0
    (backup,) = list_backups(small_file)
    monkeypatch.setenv("MENTORDESK_NEW_PASSPHRASE", new)
    assert main(["passwd", "--db", str(small_file)]) == 0
    capsys.readouterr()

    # The current passphrase does not open the older backup: the message says whose is needed.
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", new)
    assert main(["restore", str(backup.path), "--db", str(small_file)]) == 1
    err = capsys.readouterr().err
    assert "passphrase the file had when the backup was made" in err
    assert "MENTORDESK_CURRENT_PASSPHRASE" in err
    assert new not in err

    # The backup's passphrase alone cannot read the current file's erasure log.
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    assert main(["restore", str(backup.path), "--db", str(small_file)]) == 1
    assert "set MENTORDESK_CURRENT_PASSPHRASE to it" in capsys.readouterr().err

    monkeypatch.setenv("MENTORDESK_CURRENT_PASSPHRASE", new)
    assert main(["restore", str(backup.path), "--db", str(small_file)]) == 0
    assert "opens with the key the backup had" in capsys.readouterr().out
    assert emails(small_file, passphrase) == ["ada@example.org"]
