"""Passphrases are keyed in Unicode NFC, so another keyboard's way of typing an accent opens."""

from __future__ import annotations

import unicodedata

import pytest

from mentordesk.domain.errors import PassphraseRefused, ProgrammeFileError, WrongPassphrase
from mentordesk.services.applicants import PersonInput, add_person, person_choices
from mentordesk.store.backups import export_encrypted_copy, list_backups, verify_copy
from mentordesk.store.programme_file import ProgrammeFile, restore_backup

TYPED = "Grüße aus Köln, naïve café – ‘ok’"
NFC = unicodedata.normalize("NFC", TYPED)
NFD = unicodedata.normalize("NFD", TYPED)
NEW_NFD = unicodedata.normalize("NFD", "Ångström señal élan")
NEW_NFC = unicodedata.normalize("NFC", NEW_NFD)


def test_the_forms_differ():
    assert NFC != NFD
    assert NEW_NFC != NEW_NFD


def _emails(opened: ProgrammeFile) -> list[str]:
    with opened.session() as session:
        return [p.email for p in person_choices(session)]


def _with_ada(path, passphrase) -> None:
    with ProgrammeFile.create(path, passphrase) as made, made.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))


def test_a_file_made_with_nfc_opens_with_the_nfd_form(file_path):
    _with_ada(file_path, NFC)
    with ProgrammeFile.open(file_path, NFD) as opened:
        assert _emails(opened) == ["ada@example.org"]


def test_a_new_file_is_keyed_in_nfc_whatever_form_was_typed(file_path):
    _with_ada(file_path, NFD)
    verify_copy(file_path, NFC)
    with pytest.raises(ProgrammeFileError):
        verify_copy(file_path, NFD)
    with ProgrammeFile.open(file_path, NFC) as opened:
        assert _emails(opened) == ["ada@example.org"]


def test_a_file_keyed_in_nfd_by_an_older_mentordesk_opens_and_is_rekeyed_in_nfc(
    tmp_path, file_path, passphrase
):
    _with_ada(tmp_path / "source.mentordesk", passphrase)
    with ProgrammeFile.open(tmp_path / "source.mentordesk", passphrase) as source:
        # The bytes of the NFD form as the key, as MentorDesk wrote them before normalising.
        export_encrypted_copy(source.engine, file_path, NFD)
    with pytest.raises(ProgrammeFileError):
        verify_copy(file_path, NFC)

    with ProgrammeFile.open(file_path, NFD) as opened:
        assert _emails(opened) == ["ada@example.org"]
        opened.change_passphrase(NEW_NFD)
        assert _emails(opened) == ["ada@example.org"]

    verify_copy(file_path, NEW_NFC)
    with pytest.raises(ProgrammeFileError):
        verify_copy(file_path, NEW_NFD)
    for typed in (NEW_NFC, NEW_NFD):
        with ProgrammeFile.open(file_path, typed) as opened:
            assert _emails(opened) == ["ada@example.org"]
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(file_path, NFD)
    # The backup made before the change keeps the old key and opens with it.
    (before,) = [b for b in list_backups(file_path) if b.reason == "passphrase"]
    with ProgrammeFile.open(before.path, NFD) as old_copy:
        assert _emails(old_copy) == ["ada@example.org"]


def test_a_backup_is_restored_with_the_other_form_of_its_passphrase(file_path):
    _with_ada(file_path, NFC)
    with ProgrammeFile.open(file_path, NFC) as opened:
        backup = opened.backup("manual")
        with opened.session() as session:
            add_person(session, PersonInput("Grace", "Hopper", "grace@example.org"))
    restore_backup(backup.path, file_path, NFD)
    with ProgrammeFile.open(file_path, NFD) as opened:
        assert _emails(opened) == ["ada@example.org"]


def test_changing_to_the_passphrase_the_file_has_changes_nothing(tmp_path, file_path, passphrase):
    _with_ada(file_path, passphrase)
    before = file_path.read_bytes()
    with ProgrammeFile.open(file_path, passphrase) as opened:
        with pytest.raises(PassphraseRefused, match="already has: nothing was changed"):
            opened.change_passphrase(passphrase)
        assert list_backups(file_path) == []
    assert file_path.read_bytes() == before
    # The same words typed in another form re-key a file keyed before normalisation.
    _with_ada(tmp_path / "source.mentordesk", passphrase)
    older = tmp_path / "older.mentordesk"
    with ProgrammeFile.open(tmp_path / "source.mentordesk", passphrase) as source:
        export_encrypted_copy(source.engine, older, NFD)
    with ProgrammeFile.open(older, NFD) as opened:
        opened.change_passphrase(NFD)
    verify_copy(older, NFC)
