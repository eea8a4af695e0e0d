"""Care of the open file: back up, restore, change the passphrase, and notice it replaced.

File ▸ Back up now, Restore a backup… and Change passphrase… act on the open
file; :class:`ReplacementWatch` warns when another program (a sync client, a
copy put over it) changed the file on disk while it was open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from mentordesk.domain.errors import PassphraseRefused, ProgrammeFileError, WrongPassphrase
from mentordesk.gui.context import FileHost
from mentordesk.gui.errors import show_error
from mentordesk.gui.forms.ui_new_file import Ui_NewFileForm
from mentordesk.gui.locking import Lock
from mentordesk.gui.ops import Progress, run_long_op
from mentordesk.gui.passphrase import (
    BLANK_PASSPHRASE,
    DIFFERENT_PASSPHRASES,
    StrengthMeter,
    _WaitCursor,
    show_message,
)
from mentordesk.services.passphrase_strength import own_words
from mentordesk.services.restore import Restored, restore_keeping_erasures
from mentordesk.store.backups import Backup, list_backups
from mentordesk.store.programme_file import ProgrammeFile


def _back_up(
    window: FileHost,
    programme_file: ProgrammeFile,
    reason: str,
    label: str,
    on_success: Callable[[Backup], None],
    on_failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Make a checked, encrypted backup of ``programme_file`` for ``reason``, off the GUI thread.

    ``label`` says what is happening meanwhile; without ``on_failure`` a failure
    is shown over the window.
    """

    def work(_progress: Progress) -> Backup:
        return programme_file.backup(reason)

    run_long_op(
        work, parent=window.widget(), label=label, on_success=on_success, on_failure=on_failure
    )


def back_up_now(window: FileHost) -> None:
    """Make a checked, encrypted backup of the open file off the GUI thread."""
    programme_file = window.programme_file
    if programme_file is None:
        return
    _back_up(
        window,
        programme_file,
        "manual",
        "Backing up the file…",
        lambda backup: window.show_status(f"Backup saved as {backup.path.name}"),
    )


def backup_text(backup: Backup) -> str:
    """A backup as the list shows it: local date and time, and why it was made."""
    made = backup.made_at.astimezone()
    return f"{made:%Y-%m-%d %H:%M:%S} — {backup.reason.replace('-', ' ')}"


class RestoreDialog(QDialog):
    """Choose a backup, type the passphrase it was made under, and put it in place of the file.

    The file is closed, the backup restored (the replaced file is kept in the
    backups folder) with the people erased since it was made erased again, and
    the file reopened with the backup's passphrase.
    """

    def __init__(self, window: FileHost, path: Path) -> None:
        super().__init__(window.widget())
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore a backup")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window_ = window
        self.path = path
        self.backups = list_backups(path)
        self.list = QListWidget(self)
        self.list.setObjectName("backups")
        for backup in self.backups:
            item = QListWidgetItem(backup_text(backup), self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
        self.list.setCurrentRow(0)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("The passphrase the backup was made under")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("button_box")
        restore = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = "Backups of this file, newest first. The file now open is kept as a backup too."
        if not self.backups:
            hint = "This file has no backups yet."
        layout.addWidget(QLabel(hint, self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def accept(self) -> None:
        item = self.list.currentItem()
        passphrase = self.passphrase.text()
        if item is None or not passphrase:
            show_message(self, self.message, "Choose a backup and type its passphrase.")
            return
        backup_path = Path(str(item.data(Qt.ItemDataRole.UserRole)))
        try:
            with _WaitCursor():
                # Check the passphrase before the open file is closed for the restore.
                ProgrammeFile.open(backup_path, passphrase).close()
        except (WrongPassphrase, PassphraseRefused) as error:
            show_message(self, self.message, error.message)
            return
        except ProgrammeFileError as error:
            show_error(self, error)
            return
        window = self.window_
        # The erasure log of the file now open goes over to the restored copy.
        log = window.programme_file.erasure_log() if window.programme_file else []
        window.close_file()
        try:
            with _WaitCursor():
                restored = restore_keeping_erasures(backup_path, self.path, passphrase, log=log)
                reopened = ProgrammeFile.open(self.path, passphrase)
        except ProgrammeFileError as error:
            super().accept()
            show_error(window.widget(), error)
            return
        finally:
            del passphrase
        self.passphrase.clear()
        super().accept()
        window.show_file(reopened)
        window.show_status(restored_text(restored), 10_000)


def restored_text(restored: Restored) -> str:
    """What the status bar says after a restore."""
    text = "Backup restored; it opens with its own passphrase."
    if restored.erasures_applied:
        people = "person" if restored.erasures_applied == 1 else "people"
        text += f" {restored.erasures_applied} {people} erased since it was made, erased again."
    return text


class ChangePassphraseDialog(QDialog):
    """Type a new passphrase twice; the file is re-encrypted under it, off the GUI thread."""

    def __init__(self, window: FileHost, programme_file: ProgrammeFile) -> None:
        super().__init__(window.widget())
        self.ui = Ui_NewFileForm()
        self.ui.setupUi(self)
        self.setObjectName("change_passphrase_dialog")
        self.setWindowTitle("Change passphrase")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window_ = window
        self.programme_file = programme_file
        self.ui.file_name.setText(
            f"New passphrase for {programme_file.path.name}. The file is backed up first."
        )
        self.ui.message.hide()
        programmes = [p.name for p in window.programmes]
        self.meter = StrengthMeter(self.ui, own_words(programme_file.path, programmes))

    def accept(self) -> None:
        new = self.ui.passphrase.text()
        if not new.strip():
            show_message(self, self.ui.message, BLANK_PASSPHRASE)
            return
        if (refusal := self.meter.refusal()) is not None:
            show_message(self, self.ui.message, refusal)
            return
        if new != self.ui.passphrase_again.text():
            show_message(self, self.ui.message, DIFFERENT_PASSPHRASES)
            self.ui.passphrase_again.clear()
            return
        self.ui.passphrase.clear()
        self.ui.passphrase_again.clear()
        programme_file = self.programme_file
        window = self.window_
        super().accept()

        def work(_progress: Progress) -> None:
            programme_file.change_passphrase(new)

        run_long_op(
            work,
            parent=window.widget(),
            label="Changing the passphrase…",
            on_success=lambda _result: window.show_status(
                "The file now opens with the new passphrase only."
            ),
        )


def open_restore(window: FileHost) -> RestoreDialog | None:
    """Offer the open file's backups."""
    if window.programme_file is None:
        return None
    dialog = RestoreDialog(window, window.programme_file.path)
    dialog.open()
    return dialog


def open_change_passphrase(window: FileHost) -> ChangePassphraseDialog | None:
    """Ask for the open file's new passphrase."""
    if window.programme_file is None:
        return None
    dialog = ChangePassphraseDialog(window, window.programme_file)
    dialog.open()
    return dialog


#: How often the open file is checked for a change by another program, in milliseconds.
CHECK_EVERY_MS = 30_000


class ReplacementWatch(QObject):
    """Warns when another program replaced or changed the open file, and offers to reopen it.

    The file is checked when the window becomes active again and every 30
    seconds. SQLite refuses to write into a file moved away under it, and a
    sync client may put an older version in its place: MentorDesk never writes
    over it silently. Reopening first keeps what MentorDesk had as a backup.

    Attributes:
        box: the warning, while it is open.
        timer: the periodic check.
    """

    def __init__(self, window: FileHost, locker: Lock) -> None:
        super().__init__(window.widget())
        self.window = window
        self.locker = locker
        self.box: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("replacement_timer")
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> bool:
        """Look at the file now; warn (once) if another program changed it."""
        programme_file = self.window.programme_file
        if programme_file is None or self.box is not None:
            return False
        if not programme_file.changed_on_disk():
            return False
        self.warn(programme_file)
        return True

    def warn(self, programme_file: ProgrammeFile) -> QMessageBox:
        """Say that the file changed on disk; offer to reopen it or to close it."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "File changed by another program",
            f"The file {programme_file.path.name} was changed by another program while "
            "MentorDesk had it open: a sync service such as OneDrive or Dropbox, or a copy "
            "put over it. MentorDesk will not write over that version.\n\n"
            "Reopen the file to work on what is on disk now. What MentorDesk showed until now "
            "is kept as a backup first, so nothing is lost.",
            parent=self.window.widget(),
        )
        box.setObjectName("replaced_box")
        reopen = box.addButton("Reopen", QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton("Close the file", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(reopen)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_code: int) -> None:
            self.box = None
            clicked = box.clickedButton()
            if clicked is reopen:
                self.reopen()
            elif clicked is close:
                self.window.close_file()

        box.finished.connect(answered)
        self.box = box
        box.open()
        return box

    def reopen(self) -> None:
        """Back up what MentorDesk has, then open what is on disk now, on the same programme."""
        window = self.window
        programme_file = window.programme_file
        if programme_file is None:
            return
        _back_up(
            window,
            programme_file,
            "replaced",
            "Keeping MentorDesk's version as a backup…",
            lambda _backup: self._reopen(programme_file),
            lambda error: self._backup_failed(programme_file, error),
        )

    def _backup_failed(self, programme_file: ProgrammeFile, error: BaseException) -> None:
        # Said first, over the window: what MentorDesk showed could not be kept.
        show_error(self.window.widget(), error)
        self._reopen(programme_file)

    def _reopen(self, programme_file: ProgrammeFile) -> None:
        window = self.window
        if window.programme_file is not programme_file:
            return  # closed or locked meanwhile
        programme = window.programme()
        demo, programme_id = window.demo, programme.id if programme is not None else None
        window.release_file()
        try:
            with _WaitCursor():
                reopened = programme_file.reopen()
        except ProgrammeFileError as error:
            self.locker.ask_passphrase(
                programme_file.path, demo=demo, programme_id=programme_id, message=error.message
            )
            return
        window.show_file(reopened, demo=demo, select_id=programme_id)
        window.show_status("Reopened the file as it is on disk now.", 10_000)
