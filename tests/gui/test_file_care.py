"""File ▸ Back up now, Restore a backup… and Change passphrase…, end to end on a real file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mentordesk.domain.errors import WrongPassphrase
from mentordesk.gui.file_care import open_change_passphrase, open_restore
from mentordesk.gui.main_window import MainWindow
from mentordesk.services.applicants import person_choices
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.store.backups import list_backups
from mentordesk.store.models import Note
from mentordesk.store.programme_file import ProgrammeFile


def _back_up(qtbot: QtBot, window: MainWindow) -> None:
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: "Backup saved" in window.statusBar().currentMessage(), timeout=20_000)


def _note_count(programme_file: ProgrammeFile) -> int:
    with programme_file.session() as session:
        return session.scalar(select(func.count()).select_from(Note)) or 0


def test_back_up_now_makes_a_manual_backup(qtbot: QtBot, demo_window: MainWindow) -> None:
    assert demo_window.programme_file is not None
    _back_up(qtbot, demo_window)
    backups = list_backups(demo_window.programme_file.path)
    assert [b.reason for b in backups] == ["manual"]


def test_restore_puts_the_backup_back_and_reopens_the_file(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    programme_file = demo_window.programme_file
    assert programme_file is not None
    _back_up(qtbot, demo_window)
    before = _note_count(programme_file)
    with programme_file.session() as session:
        person = person_choices(session)[0].id
        add_note(session, NoteInput(dt.date(2026, 5, 1), "After the backup", "", person))
    assert _note_count(programme_file) == before + 1
    dialog = open_restore(demo_window)
    assert dialog is not None
    assert dialog.list.count() == 1
    dialog.passphrase.setText("wrong passphrase")
    dialog.accept()
    assert dialog.message.isVisible()
    assert programme_file.is_open  # a wrong passphrase closes nothing
    dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(demo_window.programme_shown, timeout=20_000):
        dialog.accept()
    reopened = demo_window.programme_file
    assert reopened is not None
    assert reopened is not programme_file
    assert _note_count(reopened) == before
    assert [b.reason for b in list_backups(reopened.path)].count("before-restore") == 1


def test_change_passphrase_leaves_only_the_new_one_working(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    programme_file = demo_window.programme_file
    assert programme_file is not None
    path = programme_file.path
    dialog = open_change_passphrase(demo_window)
    assert dialog is not None
    dialog.ui.passphrase.setText("a new passphrase")
    dialog.ui.passphrase_again.setText("a different one")
    dialog.accept()
    assert dialog.ui.message.isVisible()
    dialog.ui.passphrase_again.setText("a new passphrase")
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: "new passphrase" in demo_window.statusBar().currentMessage(), timeout=60_000
    )
    demo_window.close_file()
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(path, passphrase)
    ProgrammeFile.open(path, "a new passphrase").close()
