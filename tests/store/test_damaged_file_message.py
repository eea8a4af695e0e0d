"""The message for a damaged file spells the restore command, and that command works as given."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from mentordesk.cli.app import main
from mentordesk.domain.errors import DamagedFile
from mentordesk.store.programme_file import PAGE_SIZE, ProgrammeFile
from tests.services.test_restore_damaged import damage, root_page


def wipe_first_page(path: Path) -> None:
    """Zero the file's first page, as a power cut can leave it."""
    data = bytearray(path.read_bytes())
    data[:PAGE_SIZE] = bytes(PAGE_SIZE)
    path.write_bytes(bytes(data))


def test_the_message_spells_the_restore_command_with_quoted_paths_that_run(
    tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Mentoring 2026"
    folder.mkdir()
    path = folder / "spring cohort.mentordesk"
    with ProgrammeFile.create(path, passphrase) as made:
        backup = made.backup("manual")
        page = root_page(made, "person")
    damage(path, page)
    with pytest.raises(DamagedFile) as refused:
        ProgrammeFile.open(path, passphrase)
    message = refused.value.message
    command = shlex.join(["mentordesk-cli", "restore", str(backup.path), "--db", str(path)])
    assert command in message
    assert f"'{path}'" in message  # the spaces are quoted

    # Typed as the message spells it, the command restores the backup.
    spelled = re.search(r"mentordesk-cli restore .*--db '[^']*'", message)
    assert spelled is not None
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    assert main(shlex.split(spelled.group())[1:]) == 0
    ProgrammeFile.open(path, passphrase).close()


def test_paths_without_spaces_are_not_quoted(file_path: Path, passphrase: str) -> None:
    with ProgrammeFile.create(file_path, passphrase) as made:
        backup = made.backup("manual")
    wipe_first_page(file_path)
    with pytest.raises(DamagedFile) as refused:
        ProgrammeFile.open(file_path, passphrase)
    assert f"mentordesk-cli restore {backup.path} --db {file_path}" in refused.value.message
