"""The passphrase dialogs: make a new programme file, or unlock one.

A new passphrase (a new file here, Change passphrase… in ``file_care``) is
rated as it is typed by :class:`StrengthMeter`; opening a file never rates it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from mentordesk.domain.errors import (
    DamagedFile,
    PassphraseRefused,
    ProgrammeFileError,
    WrongPassphrase,
)
from mentordesk.gui.errors import show_error
from mentordesk.gui.forms.ui_new_file import Ui_NewFileForm
from mentordesk.gui.forms.ui_unlock import Ui_UnlockForm
from mentordesk.services.passphrase_strength import (
    ADVICE,
    TOO_EASY,
    PassphraseStrength,
    own_words,
    rate_passphrase,
)
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


#: How long typing pauses before the passphrase is rated again, in milliseconds:
#: rating takes up to a second for some long strings of symbols.
RATE_AFTER_MS = 150


def strength_text(strength: PassphraseStrength, *, blank: bool) -> str:
    """The estimate in words, with the advice while the passphrase is weak."""
    if blank:
        return ADVICE
    if strength.acceptable:
        return f"Strength: {strength.label}"
    return f"Strength: {strength.label}. {strength.advice}"


class StrengthMeter(QObject):
    """Rate a new-passphrase form's passphrase as it is typed.

    The estimate is shown in words under the fields (and read out as the field's
    description), and OK stays disabled while the passphrase is weak.
    """

    def __init__(self, ui: Ui_NewFileForm, words: Sequence[str]) -> None:
        super().__init__(ui.passphrase)
        self.ui = ui
        self.words = list(words)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RATE_AFTER_MS)
        self.timer.timeout.connect(self.rate)
        ui.passphrase.textChanged.connect(self.timer.start)
        self.rate()

    def rate(self) -> PassphraseStrength:
        """Rate the passphrase now, show the estimate and enable OK if it is strong."""
        self.timer.stop()
        passphrase = self.ui.passphrase.text()
        strength = rate_passphrase(passphrase, self.words)
        text = strength_text(strength, blank=not passphrase.strip())
        del passphrase
        self.ui.strength.setText(text)
        self.ui.passphrase.setAccessibleDescription(text)
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(strength.acceptable)
        return strength

    def refusal(self) -> str | None:
        """Why the passphrase as typed cannot be used, or None when it is strong enough.

        The advice is shown under the fields already, so the refusal is one sentence.
        """
        return None if self.rate().acceptable else TOO_EASY


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
        self.meter = StrengthMeter(self.ui, own_words(path))

    def show_message(self, text: str) -> None:
        """Show a problem in the dialog itself."""
        show_message(self, self.ui.message, text)

    def accept(self) -> None:
        passphrase = self.ui.passphrase.text()
        if not passphrase.strip():
            self.show_message(BLANK_PASSPHRASE)
            self.ui.passphrase.setFocus()
            return
        if (refusal := self.meter.refusal()) is not None:
            self.show_message(refusal)
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


#: Told that a file is damaged, with the passphrase typed for it.
OnDamaged = Callable[[DamagedFile, str], None]


class UnlockDialog(QDialog):
    """Ask for a file's passphrase and open it; a wrong passphrase may be tried again.

    Attributes:
        programme_file: the open file once the dialog was accepted.
    """

    def __init__(
        self, path: Path, parent: QWidget | None = None, *, on_damaged: OnDamaged | None = None
    ) -> None:
        """Ask for the passphrase of ``path``.

        Args:
            path: the file to open.
            parent: the widget the dialog and its errors are shown over.
            on_damaged: called instead of showing the error when the file is
                damaged (to offer a restore), with the passphrase typed.
        """
        super().__init__(parent)
        self.ui = Ui_UnlockForm()
        self.ui.setupUi(self)
        self.path = path
        self.programme_file: ProgrammeFile | None = None
        self._on_damaged = on_damaged
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
        except DamagedFile as error:
            self.ui.passphrase.clear()
            self.reject()
            if self._on_damaged is not None:
                self._on_damaged(error, passphrase)
            else:
                show_error(self.parentWidget(), error).setObjectName("unlock_error")
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
