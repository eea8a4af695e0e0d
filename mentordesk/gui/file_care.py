"""File ▸ Back up now, Restore a backup… and Change passphrase… for the open file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from mentordesk.domain.errors import PassphraseRefused, ProgrammeFileError, WrongPassphrase
from mentordesk.gui.errors import show_error
from mentordesk.gui.forms.ui_new_file import Ui_NewFileForm
from mentordesk.gui.ops import Progress, run_long_op
from mentordesk.gui.passphrase import (
    BLANK_PASSPHRASE,
    DIFFERENT_PASSPHRASES,
    _WaitCursor,
    show_message,
)
from mentordesk.store.backups import Backup, list_backups
from mentordesk.store.programme_file import ProgrammeFile, restore_backup

if TYPE_CHECKING:
    from mentordesk.gui.main_window import MainWindow


def back_up_now(window: MainWindow) -> None:
    """Make a checked, encrypted backup of the open file off the GUI thread."""
    programme_file = window.programme_file
    if programme_file is None:
        return

    def work(_progress: Progress) -> Backup:
        return programme_file.backup("manual")

    run_long_op(
        work,
        parent=window,
        label="Backing up the file…",
        on_success=lambda backup: window.statusBar().showMessage(
            f"Backup saved as {backup.path.name}", 8000
        ),
    )


def backup_text(backup: Backup) -> str:
    """A backup as the list shows it: local date and time, and why it was made."""
    made = backup.made_at.astimezone()
    return f"{made:%Y-%m-%d %H:%M:%S} — {backup.reason.replace('-', ' ')}"


class RestoreDialog(QDialog):
    """Choose a backup, type the passphrase it was made under, and put it in place of the file.

    The file is closed, the backup restored (the replaced file is kept in the
    backups folder), and the file reopened with the backup's passphrase.
    """

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
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
        window.close_file()
        try:
            with _WaitCursor():
                restore_backup(backup_path, self.path, passphrase)
                reopened = ProgrammeFile.open(self.path, passphrase)
        except ProgrammeFileError as error:
            super().accept()
            show_error(window, error)
            return
        finally:
            del passphrase
        self.passphrase.clear()
        super().accept()
        window.show_file(reopened)
        window.statusBar().showMessage("Backup restored; it opens with its own passphrase.", 8000)


class ChangePassphraseDialog(QDialog):
    """Type a new passphrase twice; the file is re-encrypted under it, off the GUI thread."""

    def __init__(self, window: MainWindow, programme_file: ProgrammeFile) -> None:
        super().__init__(window)
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

    def accept(self) -> None:
        new = self.ui.passphrase.text()
        if not new.strip():
            show_message(self, self.ui.message, BLANK_PASSPHRASE)
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
            parent=window,
            label="Changing the passphrase…",
            on_success=lambda _result: window.statusBar().showMessage(
                "The file now opens with the new passphrase only.", 8000
            ),
        )


def open_restore(window: MainWindow) -> RestoreDialog | None:
    """Offer the open file's backups."""
    if window.programme_file is None:
        return None
    dialog = RestoreDialog(window, window.programme_file.path)
    dialog.open()
    return dialog


def open_change_passphrase(window: MainWindow) -> ChangePassphraseDialog | None:
    """Ask for the open file's new passphrase."""
    if window.programme_file is None:
        return None
    dialog = ChangePassphraseDialog(window, window.programme_file)
    dialog.open()
    return dialog
