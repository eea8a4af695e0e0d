"""Show errors to the coordinator in plain words, never as a traceback."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mentordesk.domain.errors import MentorDeskError

log = logging.getLogger(__name__)

#: Message boxes without a parent, kept referenced until closed (else Python frees them).
_unparented: set[QMessageBox] = set()

UNEXPECTED_TITLE = "Something went wrong"
UNEXPECTED_MESSAGE = (
    "MentorDesk could not finish what it was doing. Your programme file keeps "
    "everything saved before this step. If it happens again, close and reopen the file."
)


def error_text(error: BaseException) -> tuple[str, str]:
    """The title and message to show for an error; unexpected ones get a general message."""
    if isinstance(error, MentorDeskError):
        return error.title, error.message
    # The type only: an exception's text may quote personal data.
    log.error("Unexpected error: %s", type(error).__name__)
    return UNEXPECTED_TITLE, UNEXPECTED_MESSAGE


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show an error over ``parent`` (window-modal, without blocking) and return the box."""
    title, message = error_text(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok)
    box.setObjectName("error_message")
    if parent is not None:
        box.setParent(parent, box.windowFlags())
        box.setWindowModality(Qt.WindowModality.WindowModal)
    else:
        _unparented.add(box)
        box.finished.connect(lambda _result: _unparented.discard(box))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _excepthook(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    show_error(QApplication.activeWindow(), error)


def install_excepthook() -> None:
    """Show any uncaught exception as a dialog instead of a traceback."""
    sys.excepthook = _excepthook
