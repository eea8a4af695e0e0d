"""Opening a file from the window: the backup made on opening, and the cloud-folder warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile


def _unlock(qtbot: QtBot, window: MainWindow, path: Path, passphrase: str) -> None:
    dialog = window.opener.open_path(path)
    assert dialog is not None
    dialog.ui.passphrase.setText(passphrase)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    # The backup starts once the tabs have been given the programme to load.
    qtbot.waitUntil(lambda: window.opener.backup_op is not None, timeout=20_000)
    qtbot.waitUntil(lambda: list_backups(path) != [], timeout=20_000)


def test_opening_a_file_from_the_window_backs_it_up_once(
    qtbot: QtBot, window: MainWindow, file_path: Path, passphrase: str
) -> None:
    ProgrammeFile.create(file_path, passphrase).close()
    _unlock(qtbot, window, file_path, passphrase)
    assert [b.reason for b in list_backups(file_path)] == ["opened"]
    with ProgrammeFile.open(list_backups(file_path)[0].path, passphrase):
        pass
    window.close_file()


def test_a_file_in_a_synced_folder_is_warned_about_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, passphrase: str
) -> None:
    folder = tmp_path / "OneDrive - Contoso"
    folder.mkdir()
    path = folder / "pilot.mentordesk"
    ProgrammeFile.create(path, passphrase).close()
    _unlock(qtbot, window, path, passphrase)
    message = window.statusBar().currentMessage()
    assert "synced by OneDrive" in message
    assert "pilot.mentordesk" in message
    window.close_file()
    window.statusBar().clearMessage()
    _unlock(qtbot, window, path, passphrase)
    assert "synced" not in window.statusBar().currentMessage()
    window.close_file()


def test_a_file_in_an_ordinary_folder_gets_no_warning(
    qtbot: QtBot, window: MainWindow, file_path: Path, passphrase: str
) -> None:
    ProgrammeFile.create(file_path, passphrase).close()
    _unlock(qtbot, window, file_path, passphrase)
    assert "synced" not in window.statusBar().currentMessage()
    window.close_file()
