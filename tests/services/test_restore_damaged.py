"""Restoring a backup onto a damaged file: the advice given when it fails to open works.

The damaged file is kept aside beside it, never among the backups; the erasures
its log still holds are applied again; when its log cannot be read the restore
says so and waits for a confirmation (``--force`` on the command line).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select, text

from mentordesk.cli.app import main
from mentordesk.domain.errors import DamagedFile, ErasureLogUnreadable, NotFound, WrongPassphrase
from mentordesk.services.privacy import erase_person, find_person
from mentordesk.services.restore import restore_keeping_erasures
from mentordesk.store.backups import list_backups
from mentordesk.store.models import Pairing
from mentordesk.store.programme_file import PAGE_SIZE, ProgrammeFile

KEPT_ASIDE = re.compile(r"^demo\.mentordesk\.damaged-\d{8}-\d{6}$")


def root_page(programme_file: ProgrammeFile, table: str) -> int:
    """The first page of a table's records in the file."""
    with programme_file.session() as s:
        return int(
            s.scalar(text("SELECT rootpage FROM sqlite_master WHERE name = :t"), {"t": table})
        )


def damage(path: Path, page: int) -> bytes:
    """Flip one byte inside a page (numbered from 1), as a failing disk would; the new bytes."""
    data = bytearray(path.read_bytes())
    data[(page - 1) * PAGE_SIZE + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    return bytes(data)


def mentees(programme_file: ProgrammeFile, count: int) -> list[str]:
    """Emails of the mentees of the first pairings of the demo."""
    with programme_file.session() as s:
        pairings = s.scalars(select(Pairing).order_by(Pairing.id).limit(count)).all()
        return [p.members[0].person.email for p in pairings]


def kept_aside(folder: Path) -> list[Path]:
    """The damaged files kept aside in ``folder``."""
    return [p for p in folder.iterdir() if KEPT_ASIDE.match(p.name)]


def is_in(path: Path, passphrase: str, email: str) -> bool:
    """Whether the file at ``path`` holds someone with this email."""
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        try:
            find_person(s, email)
        except NotFound:
            return False
        return True


def test_the_advice_for_a_damaged_file_works_and_erasures_are_applied_again(
    demo_file, passphrase, monkeypatch, capsys
):
    path = demo_file.path
    (email,) = mentees(demo_file, 1)
    backup = demo_file.backup("manual")
    with demo_file.session() as s:
        erase_person(s, email)
    page = root_page(demo_file, "person")
    assert page != root_page(demo_file, "erasure")
    demo_file.close()
    damaged = damage(path, page)
    with pytest.raises(DamagedFile) as refused:
        ProgrammeFile.open(path, passphrase)
    assert backup.path.name in refused.value.message
    assert "mentordesk-cli restore" in refused.value.message

    # Doing exactly what the message says.
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    assert main(["restore", str(backup.path), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    (aside,) = kept_aside(path.parent)
    assert aside.read_bytes() == damaged
    assert f"damaged file it replaced is kept aside as {aside.name}, in {path.parent}" in out
    assert "1 (of 1 in the erasure log of demo.mentordesk (read past the damage))" in out
    # Never offered as a backup: the newest backup is still the one restored.
    assert [b.path for b in list_backups(path)] == [backup.path]
    assert not is_in(path, passphrase, email)


def test_an_unreadable_erasure_log_is_named_and_restored_over_only_with_force(
    demo_file, passphrase, monkeypatch, capsys
):
    path = demo_file.path
    (email,) = mentees(demo_file, 1)
    backup = demo_file.backup("manual")
    with demo_file.session() as s:
        erase_person(s, email)
    page = root_page(demo_file, "erasure")
    demo_file.close()
    damaged = damage(path, page)
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)

    assert main(["restore", str(backup.path), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "The erasure log of demo.mentordesk cannot be read" in err
    assert "Nothing was restored" in err
    assert "run the same command again with --force" in err
    assert path.read_bytes() == damaged
    assert kept_aside(path.parent) == []

    assert main(["restore", str(backup.path), "--db", str(path), "--force"]) == 0
    captured = capsys.readouterr()
    assert "warning: The erasure log of demo.mentordesk cannot be read" in captured.err
    (aside,) = kept_aside(path.parent)
    assert aside.read_bytes() == damaged
    assert f"kept aside as {aside.name}" in captured.out
    # As the warning said: nothing could tell that this person had been erased.
    assert is_in(path, passphrase, email)


def test_newer_backups_stand_in_for_an_unreadable_log_once_confirmed(demo_file, passphrase):
    path = demo_file.path
    first, second = mentees(demo_file, 2)
    older = demo_file.backup("manual")
    with demo_file.session() as s:
        erase_person(s, first)
    newer = demo_file.backup("opened")
    with demo_file.session() as s:
        erase_person(s, second)
    page = root_page(demo_file, "erasure")
    demo_file.close()
    damage(path, page)

    with pytest.raises(ErasureLogUnreadable) as refused:
        restore_keeping_erasures(older.path, path, passphrase)
    assert newer.path.name in refused.value.message
    assert "would come back" in refused.value.message

    restored = restore_keeping_erasures(older.path, path, passphrase, force=True)
    assert (restored.erasures_logged, restored.erasures_applied) == (1, 1)
    assert newer.path.name in restored.log_source
    assert restored.damaged
    assert KEPT_ASIDE.match(restored.kept.name)
    assert "would come back" in restored.log_unread
    assert not is_in(path, passphrase, first)
    assert is_in(path, passphrase, second)


def test_a_wrong_passphrase_for_the_backup_is_named_as_such(demo_file, passphrase):
    backup = demo_file.backup("manual")
    demo_file.close()
    before = demo_file.path.read_bytes()
    with pytest.raises(WrongPassphrase):
        restore_keeping_erasures(backup.path, demo_file.path, "not the passphrase")
    assert demo_file.path.read_bytes() == before
