"""Copied emails: hidden from clipboard histories, cleared later unless replaced, and on lock."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.gui import clipboard
from mentordesk.gui.clipboard import (
    KDE_HINT,
    MAC_CONCEALED,
    WINDOWS_EXCLUDE,
    clear_sensitive,
    copy_sensitive,
)
from mentordesk.gui.main_window import MainWindow


def test_a_copy_carries_the_hints_and_is_cleared_after_the_timeout(
    qtbot: QtBot, qapp: QApplication
) -> None:
    copy_sensitive("ada@example.org", clear_after=0.2)
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == "ada@example.org"
    assert bytes(data.data(KDE_HINT).data()) == b"secret"
    assert data.hasFormat(MAC_CONCEALED)
    assert data.hasFormat(WINDOWS_EXCLUDE)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)


def test_something_copied_since_is_never_cleared(qtbot: QtBot, qapp: QApplication) -> None:
    copy_sensitive("ada@example.org", clear_after=0.1)
    QGuiApplication.clipboard().setText("the coordinator's own text")
    timer = clipboard._timer
    assert timer is not None
    with qtbot.waitSignal(timer.timeout, timeout=3000):
        pass  # the clearing ran (it is connected first, so it has run by now)
    assert QGuiApplication.clipboard().text() == "the coordinator's own text"
    clear_sensitive()
    assert QGuiApplication.clipboard().text() == "the coordinator's own text"


def test_copy_email_copies_the_current_applicant_and_the_lock_clears_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = demo_window.applicants_tab
    demo_window.tab_widget.setCurrentWidget(tab)
    tab.view.selectRow(0)
    email = tab.proxy.index(0, 1).data()
    demo_window.copy_email_action.trigger()
    assert QGuiApplication.clipboard().text() == email
    assert QGuiApplication.clipboard().mimeData().hasFormat(KDE_HINT)
    demo_window.locker.lock()
    assert QGuiApplication.clipboard().text() == ""
