"""A file replaced on disk by another program is noticed, and reopened without losing anything."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.services.applicants import PersonInput, add_person, person_choices
from mentordesk.services.programmes import ProgrammeInput, create_programme
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile


def _emails(programme_file: ProgrammeFile) -> set[str]:
    with programme_file.session() as session:
        return {p.email for p in person_choices(session)}


def _replace_with_older_copy(demo_file: ProgrammeFile, tmp_path: Path) -> Path:
    """What a sync client does: put another version of the file in its place."""
    older = tmp_path / "older.mentordesk"
    shutil.copyfile(demo_file.path, older)
    with demo_file.session() as session:
        add_person(session, PersonInput("Ada", "Newcomer", "ada.newcomer@example.org"))
    os.replace(older, demo_file.path)
    return demo_file.path


def _warning(window: MainWindow) -> QMessageBox:
    box = window.file_watch.box
    assert box is not None
    assert box.isVisible()
    assert "changed by another program" in box.text()
    return box


def test_nothing_is_said_while_only_mentordesk_writes(demo_window: MainWindow) -> None:
    programme_file = demo_window.programme_file
    assert programme_file is not None
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    assert not demo_window.file_watch.check()
    assert demo_window.file_watch.box is None


def test_reopening_shows_the_file_on_disk_and_keeps_mentordesks_version(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    path = _replace_with_older_copy(demo_file, tmp_path)
    # Coming back to the window is when a coordinator would have synced the file.
    demo_window.file_watch._state_changed(Qt.ApplicationState.ApplicationActive)
    box = _warning(demo_window)
    assert not demo_window.file_watch.check()  # said once, not again while open
    reopen = next(b for b in box.buttons() if b.text() == "Reopen")
    with qtbot.waitSignal(demo_window.programme_shown, timeout=30_000):
        reopen.click()
    reopened = demo_window.programme_file
    assert reopened is not None
    assert reopened is not demo_file
    assert "ada.newcomer@example.org" not in _emails(reopened)
    assert not reopened.changed_on_disk()
    (kept,) = [b for b in list_backups(path) if b.reason == "replaced"]
    with ProgrammeFile.open(kept.path, demo_file.engine.url.password or "") as backup:
        assert "ada.newcomer@example.org" in _emails(backup)
    assert "Reopened" in demo_window.statusBar().currentMessage()


def test_a_replacement_under_another_passphrase_asks_for_it(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    other = tmp_path / "other.mentordesk"
    with ProgrammeFile.create(other, "the other passphrase") as made, made.session() as session:
        create_programme(session, ProgrammeInput(name="Someone else's programme"))
    os.replace(other, demo_file.path)
    assert demo_window.file_watch.check()
    box = _warning(demo_window)
    with qtbot.waitSignal(demo_window.locker.locked_changed, timeout=30_000):
        next(b for b in box.buttons() if b.text() == "Reopen").click()
    assert demo_window.locker.locked
    assert demo_window.locker.page.ui.message.text()
    with qtbot.waitSignal(demo_window.programme_shown, timeout=30_000):
        assert demo_window.locker.unlock("the other passphrase")
    assert demo_window.programmes[0].name == "Someone else's programme"


def test_the_file_can_be_closed_instead(
    demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    _replace_with_older_copy(demo_file, tmp_path)
    assert demo_window.file_watch.check()
    box = _warning(demo_window)
    next(b for b in box.buttons() if b.text() == "Close the file").click()
    assert demo_window.programme_file is None
    assert demo_window.pages.currentWidget() is demo_window.start_page
