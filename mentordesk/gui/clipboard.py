"""Copy emails and phone numbers so clipboard history tools skip them, and clear them later.

As KeePassXC does (``src/gui/Clipboard.cpp``): the copy carries the hints that
clipboard managers on KDE, macOS and Windows honour, and is cleared after a
while, on lock and on quit — but only if the clipboard still holds it, so
something the coordinator copied since is never lost.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication

#: Seconds before a copied address is cleared.
CLEAR_AFTER_SECONDS = 30
#: KDE's Klipper and other managers skip data with this hint.
KDE_HINT = "x-kde-passwordManagerHint"
#: macOS clipboard managers skip data with this type.
MAC_CONCEALED = "application/x-nspasteboard-concealed-type"
#: Windows clipboard history and cloud clipboard skip data with this format.
WINDOWS_EXCLUDE = "ExcludeClipboardContentFromMonitorProcessing"

_copied: str | None = None
_timer: QTimer | None = None


def sensitive_mime_data(text: str) -> QMimeData:
    """``text`` with the hints that keep it out of clipboard histories."""
    data = QMimeData()
    data.setText(text)
    data.setData(KDE_HINT, b"secret")
    data.setData(MAC_CONCEALED, b"")
    data.setData(WINDOWS_EXCLUDE, b"1")
    if sys.platform == "win32":
        # The registered clipboard format by its exact name, as Windows' history looks for it.
        data.setData(f'application/x-qt-windows-mime;value="{WINDOWS_EXCLUDE}"', b"\0\0\0\0")
    return data


def copy_sensitive(text: str, *, clear_after: float = CLEAR_AFTER_SECONDS) -> None:
    """Put personal ``text`` on the clipboard, marked as secret, cleared after ``clear_after`` s."""
    global _copied, _timer
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(sensitive_mime_data(text))
    _copied = text
    if _timer is None:
        _timer = QTimer(clipboard)
        _timer.setSingleShot(True)
        _timer.timeout.connect(clear_sensitive)
        _timer.destroyed.connect(_forget_timer)
    _timer.start(max(1, round(clear_after * 1000)))


def _forget_timer() -> None:
    global _timer
    _timer = None


def clear_sensitive() -> None:
    """Clear the clipboard if it still holds what :func:`copy_sensitive` put there."""
    global _copied
    if _timer is not None:
        _timer.stop()
    if _copied is None:
        return
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() == _copied:
        clipboard.clear()
    _copied = None
