"""Lock the window, as a password manager does: on demand, when idle, and when the system sleeps.

Nothing can block the lock. Every open dialog is closed; what an add or edit
form held is kept in memory only, as the service's Input dataclass, and
offered back after unlocking. The tables are emptied and the file is closed
(which also releases its lock file), so nothing personal stays in a widget or
behind an open database connection while the window is locked.

A form gives its draft back through its owner, the widget it was opened from
(a tab, a register panel, the training rules view): an owner whose
``can_reopen_draft()`` is true reopens the form with ``reopen_draft(title,
values, save)`` after unlocking; any other form's input is discarded, and the
coordinator told so.

The screen locking and the system going to sleep are heard through
:mod:`mentordesk.gui.screen_lock` (D-Bus on Linux, window messages on Windows)
and ``QGuiApplication.applicationStateChanged`` reaching ``ApplicationSuspended``;
elsewhere the idle timer catches a locked screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget

from mentordesk.domain.errors import (
    DamagedFile,
    PassphraseRefused,
    ProgrammeFileError,
    WrongPassphrase,
)
from mentordesk.gui.clipboard import clear_sensitive
from mentordesk.gui.context import FileHost
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.forms.ui_locked import Ui_LockedForm
from mentordesk.gui.opening import FileOpener
from mentordesk.gui.ops import wait_for_work
from mentordesk.gui.passphrase import _WaitCursor
from mentordesk.gui.screen_lock import ScreenLockListener
from mentordesk.store.programme_file import ProgrammeFile

#: QSettings key: minutes without use of the window before it locks (0: never).
IDLE_MINUTES_KEY = "security/lock_after_minutes"
DEFAULT_IDLE_MINUTES = 10
#: Events that count as using the window (as KeePassXC's InactivityTimer counts them).
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class DraftOwner(Protocol):
    """A widget that opens forms and can reopen one with a draft (a tab, a panel)."""

    def can_reopen_draft(self) -> bool:
        """Whether :meth:`reopen_draft` can reopen its forms after a lock."""
        ...

    def reopen_draft(self, title: str, values: Any, save: Save) -> None:
        """Reopen a form titled ``title`` holding ``values``, saving with ``save``."""
        ...


@dataclass(frozen=True)
class Draft:
    """What an add or edit form held when the window locked (in memory only, never on disk)."""

    owner: DraftOwner | None
    title: str
    values: Any  # None: this form cannot be reopened, and its input was discarded
    save: Save


class _ActivityFilter(QObject):
    """Restarts the idle timer on every key press, click or wheel turn in the application."""

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class LockedPage(QWidget):
    """What a locked window shows: the file's name and a passphrase field, nothing else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locked_page")
        self.ui = Ui_LockedForm()
        self.ui.setupUi(self)
        self.ui.card.setFrameShape(self.ui.card.Shape.StyledPanel)
        self.ui.message.hide()

    def show_file(self, name: str) -> None:
        """Ask for the passphrase of the file called ``name``."""
        self.ui.file_name.setText(f"{name} is closed until you type its passphrase.")
        self.ui.passphrase.clear()
        self.ui.message.hide()
        self.ui.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str) -> None:
        """Say why unlocking failed."""
        self.ui.message.setText(text)
        self.ui.message.show()


def close_every_dialog() -> None:
    """Close open menus, message boxes and dialogs, whatever they wait for."""
    for _attempt in range(10):
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
            widget.hide()


class Lock(QObject):
    """Locks and unlocks the main window; owned by it.

    Attributes:
        path: the file to reopen while locked, else None.
        drafts: unsaved form input kept in memory while locked.
        idle_timer: locks the window when it runs out.
        page: the locked page in the window's stack.
        action: File ▸ Lock (Ctrl+L).
        draft_box: the question offering a draft back after unlocking, while open.

    Signals:
        locked_changed: the window was locked (True) or unlocked (False).
    """

    locked_changed = Signal(bool)

    def __init__(self, window: FileHost, opener: FileOpener) -> None:
        super().__init__(window.widget())
        self.window = window
        self.opener = opener
        self.path: Path | None = None
        self.demo = False
        self.programme_id: int | None = None
        self.drafts: list[Draft] = []
        self.draft_box: QMessageBox | None = None
        self.page = LockedPage(window.widget())
        window.add_page(self.page)
        self.page.ui.unlock_button.clicked.connect(self._unlock_clicked)
        self.page.ui.passphrase.returnPressed.connect(self._unlock_clicked)
        self.page.ui.close_file_button.clicked.connect(window.close_file)
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("idle_timer")
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        minutes = QSettings().value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES)
        self._set_interval(float(minutes))  # type: ignore[arg-type]
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(_ActivityFilter(self.idle_timer, self))
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self.action = QAction("&Lock", window.widget())
        self.action.setObjectName("lock_action")
        self.action.setShortcut(QKeySequence("Ctrl+L"))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setToolTip("Lock the window now (Ctrl+L)")
        self.action.triggered.connect(self.lock)
        self.idle_action = QAction("Lock after &idle time…", window.widget())
        self.idle_action.triggered.connect(self.ask_idle_minutes)
        self.screen = ScreenLockListener(self)
        self.screen.screen_locked.connect(self.lock)
        self.screen.watch_window(window.widget())

    # The idle timer -----------------------------------------------------------

    @property
    def idle_minutes(self) -> float:
        """Minutes without use before the window locks; 0 means never."""
        return self.idle_timer.interval() / 60_000 if self._idle_on else 0.0

    def set_idle_minutes(self, minutes: float) -> None:
        """Lock after ``minutes`` without use (0: never), and remember it."""
        QSettings().setValue(IDLE_MINUTES_KEY, minutes)
        self._set_interval(minutes)
        self.arm()

    def _set_interval(self, minutes: float) -> None:
        self._idle_on = minutes > 0
        self.idle_timer.setInterval(max(1, round(minutes * 60_000)) if minutes > 0 else 60_000)

    def arm(self) -> None:
        """Start counting idle time (a file is shown)."""
        self.idle_timer.stop()
        if self._idle_on and self.window.programme_file is not None:
            self.idle_timer.start()

    def ask_idle_minutes(self) -> QInputDialog:
        """Ask how many idle minutes lock the window."""
        dialog = QInputDialog(self.window.widget())
        dialog.setObjectName("idle_minutes_dialog")
        dialog.setWindowTitle("Lock after idle time")
        dialog.setLabelText("Lock the window after this many minutes without use (0: never):")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, 24 * 60)
        dialog.setIntValue(round(self.idle_minutes))
        dialog.intValueSelected.connect(self.set_idle_minutes)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    # Locking ------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """Whether the window is locked."""
        return self.path is not None

    def lock(self) -> None:
        """Lock now: close every dialog, empty every view, close the file. Never refused."""
        window = self.window
        if window.programme_file is None or self.locked:
            return
        self.idle_timer.stop()
        self._settle()
        self.drafts = take_drafts()
        close_every_dialog()
        self._settle()
        clear_sensitive()
        programme_file = window.programme_file
        self.path = programme_file.path
        self.demo = window.demo
        programme = window.programme()
        self.programme_id = programme.id if programme is not None else None
        window.release_file()
        window.show_locked(self.page)
        self.page.show_file(programme_file.path.name)
        self.locked_changed.emit(True)

    def _settle(self) -> None:
        # Work already queued finishes, and its results reach the GUI thread now,
        # not after the views were emptied; they may queue more work, hence rounds.
        for _round in range(5):
            wait_for_work()
            QCoreApplication.sendPostedEvents()

    def ask_passphrase(
        self, path: Path, *, demo: bool, programme_id: int | None, message: str
    ) -> None:
        """Show the locked page for a file already closed, saying why it must be unlocked again."""
        self.idle_timer.stop()
        self.path = path
        self.demo = demo
        self.programme_id = programme_id
        self.drafts = []
        self.window.show_locked(self.page)
        self.page.show_file(path.name)
        self.page.show_message(message)
        self.locked_changed.emit(True)

    def forget(self) -> None:
        """Give up the locked file (the coordinator closes it instead of unlocking)."""
        self.path = None
        self.drafts = []
        self.page.ui.passphrase.clear()

    def _unlock_clicked(self) -> None:
        self.unlock(self.page.ui.passphrase.text())

    def unlock(self, passphrase: str) -> bool:
        """Reopen the file with ``passphrase``; a wrong one may be tried again."""
        if self.path is None:
            return False
        if not passphrase:
            self.page.show_message("Type the file's passphrase.")
            return False
        try:
            with _WaitCursor():
                programme_file = ProgrammeFile.open(self.path, passphrase)
        except (WrongPassphrase, PassphraseRefused) as error:
            self.page.show_message(error.message)
            self.page.ui.passphrase.selectAll()
            return False
        except DamagedFile as error:
            # Damaged while locked: stay locked, and offer to restore a backup in its place.
            self.page.show_message(error.message)
            self.page.ui.passphrase.clear()
            self.opener.offer_restore(self.path, error, passphrase, self.show_unlocked)
            return False
        except ProgrammeFileError as error:
            # Another process may have opened the file meanwhile: say so and stay locked.
            self.page.show_message(error.message)
            return False
        finally:
            del passphrase
        self.show_unlocked(programme_file)
        return True

    def show_unlocked(self, programme_file: ProgrammeFile) -> None:
        """Show the file reopened for the locked window, and offer its drafts back."""
        was_locked = self.locked
        self.page.ui.passphrase.clear()
        drafts, self.drafts = self.drafts, []
        demo, programme_id = (self.demo, self.programme_id) if was_locked else (False, None)
        self.path = None
        self.window.show_file(programme_file, demo=demo, select_id=programme_id)
        if was_locked:
            self.locked_changed.emit(False)
        if drafts:
            self.window.programme_shown.connect(
                lambda: self._offer(drafts), Qt.ConnectionType.SingleShotConnection
            )

    # Drafts -------------------------------------------------------------------

    def _offer(self, drafts: list[Draft]) -> None:
        if not drafts:
            return
        draft, rest = drafts[0], drafts[1:]
        if draft.values is None:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Unsaved form discarded",
                f"“{draft.title}” was open when MentorDesk locked and has been closed; "
                "what you had typed in it was not kept.",
                parent=self.window.widget(),
            )
            box.setObjectName("draft_box")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(lambda _code: self._offer(rest))
            self.draft_box = box
            box.open()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Unsaved form",
            f"“{draft.title}” was open when MentorDesk locked. "
            "Reopen it with what you had typed? It was kept in memory only, never on disk.",
            parent=self.window.widget(),
        )
        box.setObjectName("draft_box")
        reopen = box.addButton("Reopen", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(reopen)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_code: int) -> None:
            self.draft_box = None
            if box.clickedButton() is reopen and draft.owner is not None:
                draft.owner.reopen_draft(draft.title, draft.values, draft.save)
            self._offer(rest)

        box.finished.connect(answered)
        self.draft_box = box
        box.open()


def draft_owner(dialog: QWidget) -> DraftOwner | None:
    """The widget a form was opened from that can reopen it, if any (its nearest such parent)."""
    parent = dialog.parentWidget()
    while parent is not None:
        if callable(getattr(parent, "can_reopen_draft", None)):
            return parent  # type: ignore[return-value]
        parent = parent.parentWidget()
    return None


def take_drafts() -> list[Draft]:
    """What every open add or edit form holds, each with the owner that can reopen it."""
    drafts = []
    for widget in QApplication.topLevelWidgets():
        if not isinstance(widget, RecordDialog) or not widget.isVisible():
            continue
        try:
            values = widget.values()
        except Exception:  # a form that cannot be read is discarded, never blocks
            continue
        owner = draft_owner(widget)
        if owner is None or not owner.can_reopen_draft():
            drafts.append(Draft(None, widget.windowTitle(), None, widget.save_function))
        else:
            drafts.append(Draft(owner, widget.windowTitle(), values, widget.save_function))
    return drafts
