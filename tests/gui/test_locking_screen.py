"""The window locks when the screen locks or the system sleeps, as each system tells it."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from collections.abc import Iterator
from ctypes import wintypes

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.screen_lock import (
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    ScreenLockListener,
    _WindowsMessages,
    is_lock_message,
)


@pytest.mark.parametrize(
    "slot",
    [
        lambda listener: listener.screensaver_changed(True),
        lambda listener: listener.session_locked(),
        lambda listener: listener.preparing_for_sleep(True),
    ],
    ids=["screensaver", "logind session lock", "sleep"],
)
def test_each_system_signal_locks_the_window(qtbot: QtBot, demo_window: MainWindow, slot) -> None:
    with qtbot.waitSignal(demo_window.locker.locked_changed, timeout=5000) as locked:
        slot(demo_window.locker.screen)
    assert locked.args == [True]
    assert demo_window.programme_file is None


def test_the_screen_coming_back_or_the_system_waking_does_not_lock(
    demo_window: MainWindow,
) -> None:
    demo_window.locker.screen.screensaver_changed(False)
    demo_window.locker.screen.preparing_for_sleep(False)
    assert not demo_window.locker.locked


def test_the_application_being_suspended_locks_the_window(demo_window: MainWindow) -> None:
    demo_window.locker._state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert demo_window.locker.locked


def test_only_a_session_lock_or_a_suspend_counts_among_windows_messages() -> None:
    assert is_lock_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert is_lock_message(WM_POWERBROADCAST, PBT_APMSUSPEND)
    assert not is_lock_message(WM_WTSSESSION_CHANGE, 0x8)  # unlock
    assert not is_lock_message(WM_POWERBROADCAST, 0x7)  # resume
    assert not is_lock_message(0x0100, WTS_SESSION_LOCK)  # a key press


def test_a_suspend_message_from_windows_reaches_the_listener(qtbot: QtBot) -> None:
    listener = ScreenLockListener(buses={})
    native = _WindowsMessages(listener)
    message = wintypes.MSG()
    message.message = WM_POWERBROADCAST
    message.wParam = PBT_APMSUSPEND
    with qtbot.waitSignal(listener.screen_locked, timeout=2000):
        handled = native.nativeEventFilter(
            QByteArray(b"windows_generic_MSG"), ctypes.addressof(message)
        )
    assert handled == (False, 0)
    message.message = 0x0100
    with qtbot.assertNotEmitted(listener.screen_locked, wait=100):
        native.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(message))


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A D-Bus daemon of this test's own, standing for the desktop's session bus."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


def test_a_screensaver_signal_on_the_session_bus_locks_the_window(
    qtbot: QtBot, demo_window: MainWindow, private_bus: str
) -> None:
    listening = QDBusConnection.connectToBus(private_bus, "mentordesk-test-listener")
    screensaver = QDBusConnection.connectToBus(private_bus, "mentordesk-test-screensaver")
    assert screensaver.registerService("org.freedesktop.ScreenSaver")
    listener = ScreenLockListener(demo_window.locker, buses={"session": listening})
    assert "org.freedesktop.ScreenSaver.ActiveChanged" in listener.sources
    listener.screen_locked.connect(demo_window.locker.lock)
    signal = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
    )
    signal.setArguments([True])
    with qtbot.waitSignal(demo_window.locker.locked_changed, timeout=5000):
        assert screensaver.send(signal)
    assert demo_window.locker.locked
    QDBusConnection.disconnectFromBus("mentordesk-test-listener")
    QDBusConnection.disconnectFromBus("mentordesk-test-screensaver")
