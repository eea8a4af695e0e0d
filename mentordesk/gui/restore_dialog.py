"""Restore a backup in place of a programme file that fails to open because it is damaged.

When opening a file fails with :class:`DamagedFile` and the file has backups,
:class:`DamagedFileRestore` asks, in order: restore the newest backup (or choose
another), confirm it naming the backup's date and where the damaged file is
kept aside, the backup's passphrase if the one just typed does not open it,
and an explicit yes when the damaged file's erasure log cannot be read. The
restore runs on the worker thread; the restored file is then opened and shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from mentordesk import FILE_SUFFIX
from mentordesk.domain.errors import (
    DamagedFile,
    ErasureLogUnreadable,
    ProgrammeFileError,
    WrongPassphrase,
)
from mentordesk.gui.errors import show_error
from mentordesk.gui.forms.ui_unlock import Ui_UnlockForm
from mentordesk.gui.ops import Op, Progress, run_long_op
from mentordesk.gui.passphrase import show_message
from mentordesk.services.restore import Restored, restore_keeping_erasures
from mentordesk.store.backups import Backup, backups_folder, list_backups
from mentordesk.store.programme_file import ProgrammeFile

#: What the backup chooser lists.
BACKUP_FILTER = f"MentorDesk backups (*{FILE_SUFFIX});;All files (*)"
#: How long the status bar tells what was restored, in milliseconds.
RESTORED_MESSAGE_MS = 60_000
#: The width of a question's explanation, in pixels: a few long lines rather than many short.
INFORMATIVE_WIDTH = 500
#: Where the service's refusal stops naming the problem and starts giving CLI advice.
_REFUSAL_ADVICE = " Nothing was restored."

#: Shows the restored, open file; may return a further note for the status bar.
ShowOpened = Callable[[ProgrammeFile], str | None]


def backup_date(backup: Backup) -> str:
    """When a backup was made, in local time and words: ``12 March 2026 at 14:05``."""
    made = backup.made_at.astimezone()
    return f"{made.day} {made:%B %Y} at {made:%H:%M}"


def restored_message(restored: Restored, backup: Backup) -> str:
    """What the status bar says once a backup took a damaged file's place.

    Short: the status bar is one line, and the file's name is shown beside it.
    """
    kept = restored.kept
    text = f"Backup of {backup_date(backup)} restored"
    if restored.damaged:
        # Always in the file's own folder, which the confirmation named.
        text += f"; the damaged file is kept beside it as {kept.name}."
    else:
        text += f"; the file it replaced is kept among its backups as {kept.name}."
    if restored.erasures_applied:
        people = "person" if restored.erasures_applied == 1 else "people"
        text += f" {restored.erasures_applied} {people} erased since then, erased again."
    if restored.log_unread:
        text += " Erase or anonymise again anyone erased since then."
    return text


def _chosen_backup(path: Path, chosen: Path) -> Backup:
    """The backup at ``chosen``, dated by its name if it is one of ``path``'s backups."""
    for backup in list_backups(path):
        if backup.path.resolve() == chosen.resolve():
            return backup
    made = dt.datetime.fromtimestamp(chosen.stat().st_mtime, dt.UTC)
    return Backup(chosen, made, "copy")


class BackupPassphraseDialog(QDialog):
    """Ask for the passphrase a backup was made under; hands it over without opening anything."""

    def __init__(
        self, parent: QWidget, text: str, problem: str, on_passphrase: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_passphrase")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui = Ui_UnlockForm()
        self.ui.setupUi(self)
        self.setWindowTitle("Passphrase of the backup")
        self.ui.file_name.setText(text)
        self._on_passphrase = on_passphrase
        if problem:
            show_message(self, self.ui.message, problem)
        else:
            self.ui.message.hide()

    def accept(self) -> None:
        passphrase = self.ui.passphrase.text()
        if not passphrase:
            show_message(self, self.ui.message, "Type the backup's passphrase.")
            return
        self.ui.passphrase.clear()
        super().accept()
        self._on_passphrase(passphrase)


class DamagedFileRestore(QObject):
    """One offer to put a backup in place of a damaged file, from the first question on.

    The passphrase typed for the damaged file is tried on the backup first and
    is used to read the damaged file's erasure log; both passphrases are held
    in memory only until the offer ends.

    Attributes:
        path: the damaged file.
        backups: its backups, newest first.
        box: the question or dialog now open, if any.
        op: the restore running on the worker thread, if any.

    Signals:
        finished: the offer ended (restored, declined or failed).
    """

    finished = Signal()

    def __init__(
        self,
        parent: QMainWindow,
        path: Path,
        passphrase: str,
        show_opened: ShowOpened,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.path = path
        self.backups = list_backups(path)
        self.box: QDialog | None = None
        self.op: Op | None = None
        self._typed = passphrase
        self._show_opened = show_opened
        self._backup: Backup | None = None
        self._backup_passphrase = passphrase
        self._asked_passphrase = False

    # The questions -----------------------------------------------------------

    def _message_box(self, name: str, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton)
        box.setParent(self.parent_widget, box.windowFlags())
        box.setObjectName(name)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        return box

    @staticmethod
    def _inform(box: QMessageBox, text: str) -> None:
        """Give a question its explanation, wide enough to read in a few lines."""
        box.setInformativeText(text)
        label = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if label is not None:
            label.setMinimumWidth(INFORMATIVE_WIDTH)

    def offer(self) -> QMessageBox:
        """Say the file is damaged and offer to restore its newest backup, or another."""
        box = self._message_box(
            "damaged_file",
            QMessageBox.Icon.Warning,
            "Programme file damaged",
            f"{self.path.name} is damaged: parts of it cannot be read. It has not been changed.",
        )
        self._inform(
            box,
            f"Its newest backup was made on {backup_date(self.backups[0])}. MentorDesk can put "
            "that backup, or another one, in its place and keep the damaged file aside, "
            "unchanged.",
        )
        restore = box.addButton("Restore the newest backup…", QMessageBox.ButtonRole.AcceptRole)
        choose = box.addButton("Choose another backup…", QMessageBox.ButtonRole.ActionRole)
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(restore)
        box.setEscapeButton(close)

        def answered() -> None:
            clicked = box.clickedButton()
            if clicked is restore:
                self.confirm(self.backups[0])
            elif clicked is choose:
                self.choose_backup()
            else:
                self._finish()

        box.finished.connect(answered)
        box.open()
        return box

    def choose_backup(self) -> None:
        """Let the coordinator pick a backup, starting in the file's backups folder."""
        name, _filter = QFileDialog.getOpenFileName(
            self.parent_widget, "Choose a backup", str(backups_folder(self.path)), BACKUP_FILTER
        )
        if not name:
            self._finish()
            return
        chosen = Path(name)
        if chosen.resolve() == self.path.resolve():
            box = self._message_box(
                "backup_refused",
                QMessageBox.Icon.Warning,
                "Choose a backup",
                f"That is {self.path.name} itself, the damaged file. Choose one of its "
                "backups, in the folder that opens, or a copy you kept elsewhere.",
            )
            box.addButton(QMessageBox.StandardButton.Ok)
            box.finished.connect(lambda _result: self.choose_backup())
            box.open()
            return
        self.confirm(_chosen_backup(self.path, chosen))

    def confirm(self, backup: Backup) -> QMessageBox:
        """Ask before ``backup`` takes the damaged file's place, saying what happens to it."""
        self._backup = backup
        box = self._message_box(
            "restore_confirm",
            QMessageBox.Icon.Question,
            "Restore a backup",
            f"Restore the backup of {backup_date(backup)} in place of {self.path.name}?",
        )
        self._inform(
            box,
            f"Anything changed after {backup_date(backup)} is not in the backup.\n\n"
            f"The damaged file is kept aside, unchanged, in the same folder "
            f"({self.path.parent}), as “{self.path.name}.damaged-” followed by today's date "
            "and time.\n\n"
            "People erased or anonymised since the backup was made are erased again, as far "
            "as the damaged file's record of erasures can still be read.",
        )
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)

        def answered() -> None:
            if box.clickedButton() is restore:
                self.start()
            else:
                self._finish()

        box.finished.connect(answered)
        box.open()
        return box

    def _ask_passphrase(self, problem: str) -> BackupPassphraseDialog:
        assert self._backup is not None
        dialog = BackupPassphraseDialog(
            self.parent_widget,
            f"The backup of {backup_date(self._backup)} does not open with the passphrase "
            f"you typed for {self.path.name}: the passphrase may have been changed since the "
            "backup was made. Type the passphrase it was made under.",
            problem,
            self._passphrase_given,
        )
        dialog.rejected.connect(self._finish)
        self.box = dialog
        dialog.open()
        return dialog

    def _passphrase_given(self, passphrase: str) -> None:
        self._backup_passphrase = passphrase
        self.start()

    def _ask_force(self, refusal: ErasureLogUnreadable) -> QMessageBox:
        why = refusal.message.split(_REFUSAL_ADVICE, 1)[0]
        box = self._message_box(
            "restore_without_log",
            QMessageBox.Icon.Warning,
            refusal.title,
            "The damaged file's record of erasures cannot be read.",
        )
        self._inform(
            box,
            f"{why}\n\nNothing has been restored yet. If you restore anyway, erase or "
            "anonymise those people again afterwards.",
        )
        anyway = box.addButton("Restore anyway", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered() -> None:
            if box.clickedButton() is anyway:
                self.start(force=True)
            else:
                self._finish()

        box.finished.connect(answered)
        box.open()
        return box

    # The restore -------------------------------------------------------------

    def start(self, *, force: bool = False) -> Op:
        """Restore the chosen backup on the worker thread, then open the restored file."""
        assert self._backup is not None
        self.box = None
        backup_path, path = self._backup.path, self.path
        passphrase, typed = self._backup_passphrase, self._typed

        def work(progress: Progress) -> tuple[Restored, ProgrammeFile | ProgrammeFileError]:
            progress.check()
            restored = restore_keeping_erasures(
                backup_path, path, passphrase, current_passphrase=typed, force=force
            )
            try:
                opened: ProgrammeFile | ProgrammeFileError = ProgrammeFile.open(path, passphrase)
            except ProgrammeFileError as error:
                opened = error
            return restored, opened

        self.op = run_long_op(
            work,
            parent=self.parent_widget,
            label="Restoring the backup…",
            on_success=self._restored,
            on_failure=self._failed,
        )
        self.op.finished.connect(self._cancelled_or_done)
        return self.op

    def _cancelled_or_done(self) -> None:
        # A cancelled restore reports neither success nor failure.
        if self.box is None:
            self._finish()

    def _restored(self, result: tuple[Restored, ProgrammeFile | ProgrammeFileError]) -> None:
        restored, opened = result
        assert self._backup is not None
        text = restored_message(restored, self._backup)
        if isinstance(opened, ProgrammeFileError):
            show_error(self.parent_widget, opened)
            note = None
        else:
            note = self._show_opened(opened)
        status = self.parent_widget.statusBar()
        status.showMessage(f"{text} {note}" if note else text, RESTORED_MESSAGE_MS)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WrongPassphrase):
            # The first time, the passphrase tried was the one typed for the damaged file.
            self._ask_passphrase(error.message if self._asked_passphrase else "")
            self._asked_passphrase = True
        elif isinstance(error, ErasureLogUnreadable):
            self._ask_force(error)
        else:
            show_error(self.parent_widget, error)

    def _finish(self) -> None:
        """End the offer: forget both passphrases and say so."""
        self.box = None
        self._typed = self._backup_passphrase = ""
        self.finished.emit()


def offer_restore(
    parent: QMainWindow, path: Path, error: DamagedFile, passphrase: str, show_opened: ShowOpened
) -> DamagedFileRestore | None:
    """Offer to restore a backup of a damaged file, or just say why it failed if it has none.

    Returns:
        The offer, or None when the file has no backups (the error is shown as it is).
    """
    if not list_backups(path):
        box = show_error(parent, error)
        box.setObjectName("unlock_error")
        return None
    restore = DamagedFileRestore(parent, path, passphrase, show_opened)
    restore.offer()
    return restore
