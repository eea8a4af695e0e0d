"""Locking the window: on demand, when idle, over dialogs and forms; nothing blocks it."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.applicants import ApplicantDialog
from mentordesk.gui.tabs.notes import NotesTab
from mentordesk.store.programme_file import ProgrammeFile


def _texts(window: QWidget) -> Iterator[str]:
    """Every text any widget of the window holds or shows, models included."""
    yield window.windowTitle()
    for label in window.findChildren(QLabel):
        yield label.text()
    for edit in window.findChildren(QLineEdit):
        yield edit.text()
    for text_edit in window.findChildren(QPlainTextEdit):
        yield text_edit.toPlainText()
    for rich in window.findChildren(QTextEdit):
        yield rich.toPlainText()
    for combo in window.findChildren(QComboBox):
        yield from (combo.itemText(i) for i in range(combo.count()))
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                yield str(model.index(row, column).data())


def _a_demo_name(window: MainWindow) -> str:
    name = window.applicants_tab.model.index(0, 0).data()
    assert name
    assert any(name in text for text in _texts(window))  # the walk does see it when unlocked
    return str(name)


def _assert_nothing_personal(window: MainWindow, name: str) -> None:
    leaks = [text for text in _texts(window) if name in text]
    assert leaks == []


def test_ctrl_l_locks_and_the_passphrase_unlocks(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    name = _a_demo_name(demo_window)
    demo_window.activateWindow()
    qtbot.keyClick(
        demo_window.applicants_tab.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    assert demo_window.locker.locked
    assert demo_window.pages.currentWidget() is demo_window.locker.page
    assert not demo_file.is_open
    assert demo_window.programme_file is None
    _assert_nothing_personal(demo_window, name)
    assert demo_file.path.name in demo_window.locker.page.ui.file_name.text()
    with qtbot.waitSignals([tab.loaded for tab in demo_window.tabs], timeout=10_000):
        assert demo_window.locker.unlock(passphrase)
    assert demo_window.pages.currentWidget() is demo_window.tab_widget
    assert demo_window.programme_file is not None
    assert demo_window.programme_file.is_open
    assert any(name in text for text in _texts(demo_window))


def test_a_wrong_passphrase_may_be_retried(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    demo_window.lock_action.trigger()
    page = demo_window.locker.page
    qtbot.keyClicks(page.ui.passphrase, "not the passphrase")
    page.ui.unlock_button.click()
    assert demo_window.locker.locked
    assert page.ui.message.text()
    page.ui.passphrase.setText(passphrase)
    with qtbot.waitSignal(demo_window.programme_shown, timeout=10_000):
        page.ui.unlock_button.click()
    assert not demo_window.locker.locked


def test_locking_over_a_form_and_a_message_box_keeps_the_input_in_memory(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    tab = demo_window.applicants_tab
    name = _a_demo_name(demo_window)
    tab.add()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=5000)
    dialog = tab.dialog
    assert isinstance(dialog, ApplicantDialog)
    qtbot.keyClicks(dialog.ui.first_name, "Zofia")
    qtbot.keyClicks(dialog.ui.email, "zofia@example.org")
    box = QMessageBox(QMessageBox.Icon.Question, "Sure?", name, parent=dialog)
    box.open()
    assert box.isVisible()
    demo_window.locker.lock()
    assert demo_window.locker.locked
    assert not (isValid(dialog) and dialog.isVisible())
    assert not (isValid(box) and box.isVisible())
    _assert_nothing_personal(demo_window, name)
    _assert_nothing_personal(demo_window, "Zofia")
    demo_window.locker.unlock(passphrase)
    qtbot.waitUntil(lambda: demo_window.locker.draft_box is not None, timeout=10_000)
    offer = demo_window.locker.draft_box
    assert offer is not None
    assert "Add applicant" in offer.text()
    reopen = next(b for b in offer.buttons() if b.text() == "Reopen")
    reopen.click()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=10_000)
    again = tab.dialog
    assert isinstance(again, ApplicantDialog)
    assert again.ui.first_name.text() == "Zofia"
    assert again.ui.email.text() == "zofia@example.org"
    assert again.windowTitle() == "Add applicant"


def test_the_idle_timer_locks_the_window(qtbot: QtBot, demo_window: MainWindow) -> None:
    with qtbot.waitSignal(demo_window.locker.locked_changed, timeout=5000) as locked:
        demo_window.locker.set_idle_minutes(0.002)
    assert locked.args == [True]
    assert demo_window.programme_file is None


def test_activity_keeps_the_idle_timer_from_locking(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.locker.set_idle_minutes(0.005)  # 300 ms
    for _ in range(6):
        qtbot.wait(100)
        qtbot.keyClick(demo_window.applicants_tab.search, Qt.Key.Key_A)
    assert not demo_window.locker.locked
    qtbot.waitUntil(lambda: demo_window.locker.locked, timeout=5000)


def test_a_revealed_note_is_hidden_by_the_lock(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    tab = demo_window.tabs[-1]
    assert isinstance(tab, NotesTab)
    demo_window.tab_widget.setCurrentWidget(tab)
    tab.view.selectRow(0)
    tab.reveal_button.click()
    qtbot.waitUntil(lambda: tab.panel.text.toPlainText() != "", timeout=10_000)
    revealed = tab.panel.text.toPlainText()
    demo_window.locker.lock()
    assert tab.panel.text.toPlainText() == ""
    assert all(revealed not in text for text in _texts(demo_window))
    with qtbot.waitSignal(demo_window.programme_shown, timeout=10_000):
        demo_window.locker.unlock(passphrase)
    assert not tab.panel.text.isVisible()


def test_a_file_opened_elsewhere_meanwhile_stays_locked(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    demo_window.locker.lock()
    with ProgrammeFile.open(demo_file.path, passphrase):
        assert not demo_window.locker.unlock(passphrase)
        assert demo_window.locker.locked
        assert demo_window.locker.page.ui.message.text()
    with qtbot.waitSignal(demo_window.programme_shown, timeout=10_000):
        assert demo_window.locker.unlock(passphrase)


def test_the_idle_time_is_a_setting(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.locker.set_idle_minutes(3)
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    assert fresh.locker.idle_minutes == 3
    demo_window.locker.set_idle_minutes(0)
    assert not demo_window.locker.idle_timer.isActive()
