"""Restoring a backup from the window when a programme file fails to open because it is damaged.

The damaged files are made as in ``tests/services/test_restore_damaged.py``: one
byte flipped inside a table's first page, so SQLCipher's page check refuses it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.restore_dialog import BackupPassphraseDialog, backup_date
from mentordesk.services.demo import DEMO_PROGRAMME
from mentordesk.services.privacy import erase_person
from mentordesk.services.programmes import ProgrammeInput, create_programme
from mentordesk.store.backups import backups_folder, list_backups
from mentordesk.store.programme_file import ProgrammeFile
from tests.gui.worker_helpers import wait_for_queued_work
from tests.services.test_restore_damaged import damage, kept_aside, mentees, root_page

#: A passphrase the file was given after its backup was made.
NEW_PASSPHRASE = "a later passphrase, 'quoted' and \"long\" enough"


def _visible(window: MainWindow, name: str) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox, name) if b.isVisible()]


def _box(qtbot: QtBot, window: MainWindow, name: str) -> QMessageBox:
    """The question called ``name`` once it is shown over the window."""
    qtbot.waitUntil(lambda: len(_visible(window, name)) == 1, timeout=20_000)
    return _visible(window, name)[0]


def _button(box: QMessageBox, text: str) -> QAbstractButton:
    (button,) = [b for b in box.buttons() if b.text() == text]
    return button


def _open_damaged(qtbot: QtBot, window: MainWindow, path: Path, passphrase: str) -> None:
    """Type the passphrase of a damaged file in the window; the unlock dialog gives up."""
    dialog = window.opener.open_path(path)
    assert dialog is not None
    dialog.ui.passphrase.setText(passphrase)
    with qtbot.waitSignal(dialog.rejected, timeout=10_000):
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()


def _restore_newest(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """Answer "Restore the newest backup…"; the confirmation that follows."""
    box = _box(qtbot, window, "damaged_file")
    _button(box, "Restore the newest backup…").click()
    return _box(qtbot, window, "restore_confirm")


def _shown_after(qtbot: QtBot, window: MainWindow, button: QAbstractButton) -> None:
    """Click ``button`` and wait until the restored file's tabs are loaded."""
    with qtbot.waitSignals([tab.loaded for tab in window.tabs], timeout=30_000):
        button.click()


def _close(qtbot: QtBot, window: MainWindow) -> None:
    """Let the backup made on opening finish, then close the file."""
    qtbot.waitUntil(lambda: window.opener.backup_op is not None, timeout=20_000)
    wait_for_queued_work(qtbot)
    window.close_file()


def _emails(window: MainWindow) -> set[str]:
    model = window.applicants_tab.model
    return {model.row_at(r).email for r in range(model.rowCount())}


def test_a_damaged_file_is_restored_from_its_newest_backup_with_erasures_applied_again(
    qtbot: QtBot, window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    path = demo_file.path
    erased, kept = mentees(demo_file, 2)
    backup = demo_file.backup("manual")
    with demo_file.session() as s:
        erase_person(s, erased)
    page = root_page(demo_file, "person")
    demo_file.close()
    damaged = damage(path, page)

    _open_damaged(qtbot, window, path, passphrase)
    offer = _box(qtbot, window, "damaged_file")
    assert "demo.mentordesk is damaged" in offer.text()
    assert backup_date(backup) in offer.informativeText()
    assert offer.defaultButton() is _button(offer, "Restore the newest backup…")
    _button(offer, "Choose another backup…")  # offered too
    confirm = _restore_newest(qtbot, window)
    assert backup_date(backup) in confirm.text()
    assert str(path.parent) in confirm.informativeText()
    assert "demo.mentordesk.damaged-" in confirm.informativeText()
    assert path.read_bytes() == damaged  # nothing done before the confirmation

    _shown_after(qtbot, window, _button(confirm, "Restore"))
    assert window.programme_file is not None
    assert window.programme_file.path == path
    assert window.programme_selector.currentText() == DEMO_PROGRAMME
    # The backup's people, less the one erased after it was made.
    assert kept in _emails(window)
    assert erased not in _emails(window)
    (aside,) = kept_aside(path.parent)
    assert aside.read_bytes() == damaged
    message = window.statusBar().currentMessage()
    assert f"Backup of {backup_date(backup)} restored" in message
    assert f"the damaged file is kept beside it as {aside.name}" in message
    assert "1 person erased since then, erased again" in message
    assert window.opener.restore_offer is None
    _close(qtbot, window)


def _damaged_log(demo_file: ProgrammeFile) -> tuple[str, bytes]:
    """Erase a mentee after a backup, then damage the page holding the erasure log."""
    (email,) = mentees(demo_file, 1)
    demo_file.backup("manual")
    with demo_file.session() as s:
        erase_person(s, email)
    page = root_page(demo_file, "erasure")
    demo_file.close()
    return email, damage(demo_file.path, page)


def test_an_unreadable_erasure_log_asks_again_and_declining_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    path = demo_file.path
    _email, damaged = _damaged_log(demo_file)
    _open_damaged(qtbot, window, path, passphrase)
    confirm = _restore_newest(qtbot, window)
    confirm.button(QMessageBox.StandardButton.Cancel)  # the restore can be declined here
    _button(confirm, "Restore").click()

    again = _box(qtbot, window, "restore_without_log")
    assert again.windowTitle() == "Restore without the erasure log?"
    assert "record of erasures cannot be read" in again.text()
    assert "The erasure log of demo.mentordesk cannot be read" in again.informativeText()
    assert "would come back" in again.informativeText()
    # The command line's advice is left out: the window asks instead.
    assert "--force" not in again.informativeText()
    assert "Nothing was restored" not in again.informativeText()
    cancel = again.button(QMessageBox.StandardButton.Cancel)
    assert again.defaultButton() is cancel
    offer = window.opener.restore_offer
    assert offer is not None
    with qtbot.waitSignal(offer.finished, timeout=10_000):
        cancel.click()
    wait_for_queued_work(qtbot)
    assert path.read_bytes() == damaged
    assert kept_aside(path.parent) == []
    assert window.programme_file is None


def test_an_unreadable_erasure_log_restores_once_confirmed_and_says_what_to_do(
    qtbot: QtBot, window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    path = demo_file.path
    email, damaged = _damaged_log(demo_file)
    _open_damaged(qtbot, window, path, passphrase)
    _button(_restore_newest(qtbot, window), "Restore").click()
    again = _box(qtbot, window, "restore_without_log")
    _shown_after(qtbot, window, _button(again, "Restore anyway"))
    (aside,) = kept_aside(path.parent)
    assert aside.read_bytes() == damaged
    # As the question warned: nothing could tell that this person had been erased.
    assert email in _emails(window)
    message = window.statusBar().currentMessage()
    assert "Erase or anonymise again anyone erased since then." in message
    _close(qtbot, window)


def test_a_damaged_file_without_backups_is_refused_without_a_restore(
    qtbot: QtBot, window: MainWindow, file_path: Path, passphrase: str
) -> None:
    with ProgrammeFile.create(file_path, passphrase) as made:
        page = root_page(made, "person")
    damaged = damage(file_path, page)
    _open_damaged(qtbot, window, file_path, passphrase)
    box = _box(qtbot, window, "unlock_error")
    assert "is damaged" in box.text()
    assert [b.text() for b in box.buttons()] == ["OK"]
    assert window.opener.restore_offer is None
    assert _visible(window, "damaged_file") == []
    box.close()
    assert file_path.read_bytes() == damaged


def _file_with_programmes(path: Path, passphrase: str, *names: str) -> None:
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        for name in names:
            create_programme(s, ProgrammeInput(name=name, strands=[]))


def test_a_backup_made_under_an_earlier_passphrase_asks_for_that_one(
    qtbot: QtBot, window: MainWindow, file_path: Path, passphrase: str
) -> None:
    ProgrammeFile.create(file_path, passphrase).close()
    _file_with_programmes(file_path, passphrase, "Pilot 2026")
    with ProgrammeFile.open(file_path, passphrase) as opened:
        opened.change_passphrase(NEW_PASSPHRASE)  # backed up first, under the old one
        page = root_page(opened, "programme")
    (backup,) = list_backups(file_path)
    damage(file_path, page)

    _open_damaged(qtbot, window, file_path, NEW_PASSPHRASE)
    _button(_restore_newest(qtbot, window), "Restore").click()
    qtbot.waitUntil(lambda: window.findChild(BackupPassphraseDialog) is not None, timeout=20_000)
    asked = window.findChild(BackupPassphraseDialog)
    assert backup_date(backup) in asked.ui.file_name.text()
    assert asked.ui.message.isHidden()
    asked.ui.passphrase.setText("not it either")
    asked.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()

    def asked_again() -> bool:
        dialogs = [d for d in window.findChildren(BackupPassphraseDialog) if d.isVisible()]
        return len(dialogs) == 1 and not dialogs[0].ui.message.isHidden()

    qtbot.waitUntil(asked_again, timeout=20_000)
    (again,) = [d for d in window.findChildren(BackupPassphraseDialog) if d.isVisible()]
    assert "did not open with this passphrase" in again.ui.message.text()
    again.ui.passphrase.setText(passphrase)
    _shown_after(qtbot, window, again.ui.button_box.button(QDialogButtonBox.StandardButton.Ok))
    assert [p.name for p in window.programmes] == ["Pilot 2026"]
    assert len(list(file_path.parent.glob(f"{file_path.name}.damaged-*"))) == 1
    _close(qtbot, window)


def test_another_backup_can_be_chosen_from_the_backups_folder(
    qtbot: QtBot,
    window: MainWindow,
    file_path: Path,
    passphrase: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ProgrammeFile.create(file_path, passphrase).close()
    _file_with_programmes(file_path, passphrase, "Pilot 2026")
    with ProgrammeFile.open(file_path, passphrase) as opened:
        older = opened.backup("manual")
    _file_with_programmes(file_path, passphrase, "Autumn 2026")
    with ProgrammeFile.open(file_path, passphrase) as opened:
        opened.backup("manual")
        page = root_page(opened, "programme")
    damage(file_path, page)
    asked_in: list[str] = []

    def choose(_parent: object, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        asked_in.append(folder)
        return str(older.path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    _open_damaged(qtbot, window, file_path, passphrase)
    _button(_box(qtbot, window, "damaged_file"), "Choose another backup…").click()
    confirm = _box(qtbot, window, "restore_confirm")
    assert asked_in == [str(backups_folder(file_path))]
    assert backup_date(older) in confirm.text()
    _shown_after(qtbot, window, _button(confirm, "Restore"))
    assert [p.name for p in window.programmes] == ["Pilot 2026"]
    _close(qtbot, window)


def test_a_file_damaged_while_the_window_was_locked_is_restored_from_the_lock_screen(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    window = demo_window
    path = demo_file.path
    backup = demo_file.backup("manual")
    page = root_page(demo_file, "person")
    window.locker.lock()
    assert not demo_file.is_open
    damaged = damage(path, page)

    assert not window.locker.unlock(passphrase)
    confirm = _restore_newest(qtbot, window)
    assert backup_date(backup) in confirm.text()
    _shown_after(qtbot, window, _button(confirm, "Restore"))
    assert not window.locker.locked
    assert window.programme_file is not None
    assert window.programme_selector.currentText() == DEMO_PROGRAMME
    (aside,) = kept_aside(path.parent)
    assert aside.read_bytes() == damaged
    assert f"kept beside it as {aside.name}" in window.statusBar().currentMessage()
