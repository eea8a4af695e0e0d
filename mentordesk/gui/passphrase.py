"""The passphrase dialogs: make a new programme file, or unlock one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from mentordesk.domain.errors import PassphraseRefused, ProgrammeFileError, WrongPassphrase
from mentordesk.gui.errors import show_error
from mentordesk.gui.forms.ui_new_file import Ui_NewFileForm
from mentordesk.gui.forms.ui_unlock import Ui_UnlockForm
from mentordesk.store.programme_file import ProgrammeFile

BLANK_PASSPHRASE = "Type a passphrase: a file without one would not be protected."
DIFFERENT_PASSPHRASES = "The two passphrases differ. Type the same passphrase twice."


class _WaitCursor:
    """A busy cursor while the key is derived (a fraction of a second)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def show_message(dialog: QDialog, label: QLabel, text: str) -> None:
    """Show a problem in a dialog's message label, growing the dialog to fit it."""
    label.setText(text)
    label.show()
    dialog.layout().activate()
    dialog.adjustSize()


class NewFileDialog(QDialog):
    """Ask for a new file's passphrase twice, then make the file.

    Attributes:
        programme_file: the new, open file once the dialog was accepted.
    """

    def __init__(self, path: Path, parent: QWidget | None = None, *, replace: bool = False):
        super().__init__(parent)
        self.ui = Ui_NewFileForm()
        self.ui.setupUi(self)
        self.path = path
        self.replace = replace
        self.programme_file: ProgrammeFile | None = None
        self.ui.file_name.setText(f"File: {path.name}")
        self.ui.message.hide()

    def show_message(self, text: str) -> None:
        """Show a problem in the dialog itself."""
        show_message(self, self.ui.message, text)

    def accept(self) -> None:
        passphrase = self.ui.passphrase.text()
        if not passphrase.strip():
            self.show_message(BLANK_PASSPHRASE)
            self.ui.passphrase.setFocus()
            return
        if passphrase != self.ui.passphrase_again.text():
            self.show_message(DIFFERENT_PASSPHRASES)
            self.ui.passphrase_again.clear()
            self.ui.passphrase_again.setFocus()
            return
        try:
            with _WaitCursor():
                self.programme_file = ProgrammeFile.create(
                    self.path, passphrase, replace=self.replace
                )
        except PassphraseRefused as error:
            self.show_message(error.message)
            return
        except ProgrammeFileError as error:
            show_error(self, error)
            return
        finally:
            del passphrase
        self.ui.passphrase.clear()
        self.ui.passphrase_again.clear()
        super().accept()


class UnlockDialog(QDialog):
    """Ask for a file's passphrase and open it; a wrong passphrase may be tried again.

    Attributes:
        programme_file: the open file once the dialog was accepted.
    """

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockForm()
        self.ui.setupUi(self)
        self.path = path
        self.programme_file: ProgrammeFile | None = None
        self.ui.file_name.setText(f"Type the passphrase of {path.name}.")
        self.ui.message.hide()

    def accept(self) -> None:
        passphrase = self.ui.passphrase.text()
        if not passphrase:
            show_message(self, self.ui.message, "Type the file's passphrase.")
            return
        try:
            with _WaitCursor():
                self.programme_file = ProgrammeFile.open(self.path, passphrase)
        except (WrongPassphrase, PassphraseRefused) as error:
            show_message(self, self.ui.message, error.message)
            self.ui.passphrase.selectAll()
            self.ui.passphrase.setFocus()
            return
        except ProgrammeFileError as error:
            # Another passphrase will not help: say why and close the dialog.
            box = show_error(self.parentWidget(), error)
            box.setObjectName("unlock_error")
            self.reject()
            return
        finally:
            del passphrase
        self.ui.passphrase.clear()
        super().accept()
