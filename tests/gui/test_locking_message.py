"""The locked page says a mistyped passphrase is mistyped, and damage only when pages fail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.store.programme_file import ProgrammeFile


def _lock(demo_window: MainWindow) -> None:
    demo_window.locker.lock()
    assert demo_window.locker.locked


def _type_and_unlock(qtbot: QtBot, demo_window: MainWindow, passphrase: str) -> str:
    page = demo_window.locker.page
    page.ui.passphrase.clear()
    qtbot.keyClicks(page.ui.passphrase, passphrase)
    qtbot.mouseClick(page.ui.unlock_button, Qt.MouseButton.LeftButton)
    assert demo_window.locker.locked
    assert page.ui.message.isVisibleTo(page)
    return page.ui.message.text()


def test_a_mistyped_passphrase_reads_as_a_mistyped_passphrase(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    _lock(demo_window)
    message = _type_and_unlock(qtbot, demo_window, "not the passphrase")
    assert "did not open with this passphrase" in message
    assert "try again" in message
    for alarming in ("damaged", "backup", "older"):
        assert alarming not in message.lower()


def test_a_file_that_fails_its_page_checks_is_reported_as_damaged(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    backup = demo_file.backup("manual")
    _lock(demo_window)
    data = bytearray(demo_file.path.read_bytes())
    data[4096 * 3 + 100] ^= 0xFF  # a byte inside page 4
    demo_file.path.write_bytes(bytes(data))
    message = _type_and_unlock(qtbot, demo_window, passphrase)
    assert "is damaged" in message
    assert backup.path.name in message
    assert "passphrase" not in message


def test_unlocking_removes_what_an_interrupted_passphrase_change_left(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    _lock(demo_window)
    # What another MentorDesk killed during a passphrase change leaves beside the file.
    rekeyed = demo_file.path.with_name(f".{demo_file.path.name}.0123abcd.rekeyed")
    rekeyed.write_bytes(demo_file.path.read_bytes())
    with qtbot.waitSignals([tab.loaded for tab in demo_window.tabs], timeout=10_000):
        assert demo_window.locker.unlock(passphrase)
    assert not rekeyed.exists()
    reopened = demo_window.programme_file
    assert reopened is not None
    assert reopened.leftovers_removed == 1
