"""Hear when the computer's screen locks or the system goes to sleep, so the window locks too.

What each system tells, and how MentorDesk listens (see ``docs/screen-lock-checklist.md``):

- **Linux**: over D-Bus. The session bus carries ``ActiveChanged(bool)`` of
  ``org.freedesktop.ScreenSaver`` (KDE, Xfce, Cinnamon, …) and of
  ``org.gnome.ScreenSaver`` (GNOME), and ``Lock`` of the logind session
  (``loginctl lock-session``); the system bus carries ``PrepareForSleep(bool)``
  of ``org.freedesktop.login1.Manager`` before a suspend or hibernation.
- **Windows**: the window's native messages: ``WM_WTSSESSION_CHANGE`` with
  ``WTS_SESSION_LOCK`` (Win+L, after registering for session notifications) and
  ``WM_POWERBROADCAST`` with ``PBT_APMSUSPEND`` (sleep).
- **macOS**: nothing that PySide6 alone can hear; the application being
  suspended (``applicationStateChanged``) and the idle timer cover it.

Each source only emits :attr:`ScreenLockListener.screen_locked`; the
:class:`~mentordesk.gui.locking.Lock` decides what locking means.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget

#: Windows messages and their parameters (winuser.h, wtsapi32.h).
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x0007
NOTIFY_FOR_THIS_SESSION = 0

#: The D-Bus signals that mean "the screen is locked" or "the system is going to sleep":
#: (bus, service, path, interface, signal, slot signature).
DBUS_SIGNALS = (
    ("session", "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
     "org.freedesktop.ScreenSaver", "ActiveChanged", "screensaver_changed(bool)"),
    ("session", "org.freedesktop.ScreenSaver", "/ScreenSaver",
     "org.freedesktop.ScreenSaver", "ActiveChanged", "screensaver_changed(bool)"),
    ("session", "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
     "org.gnome.ScreenSaver", "ActiveChanged", "screensaver_changed(bool)"),
    ("system", "org.freedesktop.login1", "",
     "org.freedesktop.login1.Session", "Lock", "session_locked()"),
    ("system", "org.freedesktop.login1", "/org/freedesktop/login1",
     "org.freedesktop.login1.Manager", "PrepareForSleep", "preparing_for_sleep(bool)"),
)  # fmt: skip


def is_lock_message(message: int, wparam: int) -> bool:
    """Whether a Windows message says the session locked or the system is suspending."""
    if message == WM_WTSSESSION_CHANGE:
        return wparam == WTS_SESSION_LOCK
    if message == WM_POWERBROADCAST:
        return wparam == PBT_APMSUSPEND
    return False


class _WindowsMessages(QAbstractNativeEventFilter):
    """Reads the window messages Qt receives on Windows, for session locks and suspends."""

    def __init__(self, listener: ScreenLockListener) -> None:
        super().__init__()
        self._listener = listener

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: Any
    ) -> Any:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind in (b"windows_generic_MSG", b"windows_dispatcher_MSG"):
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if is_lock_message(msg.message, int(msg.wParam or 0)):
                # Queued: the lock closes windows, which must not happen inside
                # the native event handler that is delivering this message.
                QTimer.singleShot(0, self._listener.screen_locked.emit)
        return False, 0


class ScreenLockListener(QObject):
    """Emits :attr:`screen_locked` when the operating system locks the screen or sleeps.

    Attributes:
        sources: what is listened to on this computer, in words (for the checklist
            and for tests); empty where nothing can be heard.

    Signals:
        screen_locked: the screen locked, or the system is about to sleep.
    """

    screen_locked = Signal()

    def __init__(self, parent: QObject | None = None, *, buses: dict[str, Any] | None = None):
        """Listen to what this system tells.

        Args:
            parent: the owner.
            buses: the D-Bus connections to use by name ("session", "system");
                by default the desktop's own.
        """
        super().__init__(parent)
        self.sources: list[str] = []
        self._native: _WindowsMessages | None = None
        if sys.platform == "win32":
            self._listen_to_windows()
        elif sys.platform != "darwin" or buses is not None:
            self._listen_to_dbus(buses)

    # Linux and other D-Bus desktops -------------------------------------------------

    def _listen_to_dbus(self, buses: dict[str, Any] | None) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus
            return
        from PySide6.QtCore import SLOT

        if buses is None:
            buses = {
                "session": QDBusConnection.sessionBus(),
                "system": QDBusConnection.systemBus(),
            }
        for bus_name, service, path, interface, name, slot in DBUS_SIGNALS:
            bus = buses.get(bus_name)
            if bus is None or not bus.isConnected():
                continue
            # PySide6 takes the slot's signature as text, whatever its stubs say.
            if bus.connect(service, path, interface, name, self, SLOT(slot)):
                self.sources.append(f"{interface}.{name}")

    @Slot(bool)
    def screensaver_changed(self, active: bool) -> None:
        """The screensaver (and with it the screen lock) came on or went off."""
        if active:
            self.screen_locked.emit()

    @Slot()
    def session_locked(self) -> None:
        """The login manager asked the session to lock its screen."""
        self.screen_locked.emit()

    @Slot(bool)
    def preparing_for_sleep(self, going: bool) -> None:
        """The system is about to sleep (True) or has woken up (False)."""
        if going:
            self.screen_locked.emit()

    # Windows -----------------------------------------------------------------------------

    def _listen_to_windows(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        self._native = _WindowsMessages(self)
        app.installNativeEventFilter(self._native)
        self.sources.append("WM_POWERBROADCAST")

    def watch_window(self, window: QWidget) -> None:
        """Ask Windows to tell ``window`` when the session locks (Win+L)."""
        if sys.platform != "win32" or "WM_WTSSESSION_CHANGE" in self.sources:
            return
        try:
            wtsapi32 = ctypes.WinDLL("wtsapi32")
            if wtsapi32.WTSRegisterSessionNotification(int(window.winId()), 0):
                self.sources.append("WM_WTSSESSION_CHANGE")
        except OSError:
            return
