"""A mistyped passphrase is reported as one; damage only when a check of the file fails."""

from __future__ import annotations

import pytest

from mentordesk.domain.errors import DamagedFile, WrongPassphrase
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state


def test_a_wrong_passphrase_says_nothing_of_damage_or_backups(file_path, passphrase):
    ProgrammeFile.create(file_path, passphrase).close()
    with pytest.raises(WrongPassphrase) as raised:
        ProgrammeFile.open(file_path, passphrase.upper())
    message = raised.value.message
    assert message.startswith("The file did not open with this passphrase.")
    assert "Caps Lock" in message
    for alarming in ("damaged", "backup", "older"):
        assert alarming not in message.lower()


def test_a_file_whose_start_was_wiped_is_damaged_and_names_the_newest_backup(file_path, passphrase):
    with ProgrammeFile.create(file_path, passphrase) as made:
        newest = made.backup("manual")
    data = bytearray(file_path.read_bytes())
    data[:4096] = bytes(4096)  # what a power cut can leave of the first page
    file_path.write_bytes(bytes(data))
    before = file_state(file_path)
    with pytest.raises(DamagedFile) as raised:
        ProgrammeFile.open(file_path, passphrase)
    assert "is damaged" in raised.value.message
    assert newest.path.name in raised.value.message
    assert "passphrase" not in raised.value.message
    assert file_state(file_path) == before
