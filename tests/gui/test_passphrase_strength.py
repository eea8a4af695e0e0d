"""The new-passphrase dialogs rate the passphrase as it is typed and refuse a weak one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from mentordesk.domain.errors import WrongPassphrase
from mentordesk.gui.file_care import ChangePassphraseDialog, open_change_passphrase
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.passphrase import NewFileDialog
from mentordesk.store.programme_file import ProgrammeFile

STRONG = "lantern orbit velvet cactus"


def _ok(dialog: NewFileDialog | ChangePassphraseDialog) -> QPushButton:
    return dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)


def _type(qtbot: QtBot, dialog: NewFileDialog | ChangePassphraseDialog, text: str) -> None:
    dialog.ui.passphrase.clear()
    qtbot.keyClicks(dialog.ui.passphrase, text)


@pytest.fixture
def new_file(qtbot: QtBot, tmp_path: Path) -> NewFileDialog:
    dialog = NewFileDialog(tmp_path / "fellows-2027.mentordesk")
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_the_estimate_is_shown_in_words_as_the_passphrase_is_typed(
    qtbot: QtBot, new_file: NewFileDialog
) -> None:
    strength = new_file.ui.strength
    assert strength.isVisible()
    assert "four or five random words" in strength.text()
    assert not _ok(new_file).isEnabled()

    _type(qtbot, new_file, "password1")
    qtbot.waitUntil(lambda: "Very weak — add more words" in strength.text())
    assert "four or five random words" in strength.text()
    assert "password1" not in strength.text()
    assert not _ok(new_file).isEnabled()

    _type(qtbot, new_file, "Jane Smith")
    qtbot.waitUntil(lambda: strength.text().startswith("Strength: Weak — add more words."))
    assert not _ok(new_file).isEnabled()

    _type(qtbot, new_file, STRONG)
    qtbot.waitUntil(lambda: strength.text() == "Strength: Strong")
    assert _ok(new_file).isEnabled()
    assert new_file.ui.passphrase.accessibleDescription() == "Strength: Strong"


def test_the_file_name_counts_against_the_passphrase(qtbot: QtBot, new_file: NewFileDialog) -> None:
    _type(qtbot, new_file, "Fellows-2027")
    qtbot.waitUntil(lambda: "the file's or the programme's name" in new_file.ui.strength.text())
    assert not _ok(new_file).isEnabled()


def test_a_weak_passphrase_makes_no_file_even_when_ok_is_pressed_at_once(
    qtbot: QtBot, new_file: NewFileDialog, tmp_path: Path
) -> None:
    _type(qtbot, new_file, STRONG)
    qtbot.waitUntil(_ok(new_file).isEnabled)
    # Changed to a weak one and accepted before the estimate caught up (Enter at once).
    for field in (new_file.ui.passphrase, new_file.ui.passphrase_again):
        field.setText("mentordesk2026")
    new_file.accept()
    assert new_file.isVisible()
    assert new_file.programme_file is None
    assert "too easy to guess" in new_file.ui.message.text()
    assert "four or five random words" in new_file.ui.strength.text()
    assert "mentordesk2026" not in new_file.ui.message.text()
    assert not _ok(new_file).isEnabled()
    assert list(tmp_path.iterdir()) == []


def test_four_random_words_typed_twice_make_the_file(
    qtbot: QtBot, new_file: NewFileDialog, tmp_path: Path
) -> None:
    _type(qtbot, new_file, STRONG)
    qtbot.keyClicks(new_file.ui.passphrase_again, STRONG)
    qtbot.waitUntil(_ok(new_file).isEnabled)
    with qtbot.waitSignal(new_file.accepted, timeout=5000):
        _ok(new_file).click()
    assert new_file.programme_file is not None
    new_file.programme_file.close()
    ProgrammeFile.open(tmp_path / "fellows-2027.mentordesk", STRONG).close()


def test_a_very_long_passphrase_is_rated_without_stalling(
    qtbot: QtBot, new_file: NewFileDialog
) -> None:
    new_file.ui.passphrase.setText(f"{STRONG} " * 2000)
    qtbot.waitUntil(lambda: new_file.ui.strength.text() == "Strength: Strong")
    new_file.ui.passphrase.setText("a" * 20_000)
    qtbot.waitUntil(lambda: "add more words" in new_file.ui.strength.text())


def test_changing_the_passphrase_refuses_one_built_on_the_programme_name(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    programme_file = demo_window.programme_file
    assert programme_file is not None
    path = programme_file.path
    dialog = open_change_passphrase(demo_window)
    assert dialog is not None
    assert not _ok(dialog).isEnabled()
    # Strong for a stranger, but the demo programme is called ADVANCE 2026.
    _type(qtbot, dialog, "advance 2026 mentoring")
    qtbot.waitUntil(lambda: "the file's or the programme's name" in dialog.ui.strength.text())
    assert not _ok(dialog).isEnabled()
    dialog.ui.passphrase_again.setText("advance 2026 mentoring")
    dialog.accept()
    assert dialog.isVisible()
    assert "too easy to guess" in dialog.ui.message.text()

    _type(qtbot, dialog, STRONG)
    dialog.ui.passphrase_again.setText(STRONG)
    qtbot.waitUntil(_ok(dialog).isEnabled)
    _ok(dialog).click()
    qtbot.waitUntil(
        lambda: "new passphrase" in demo_window.statusBar().currentMessage(), timeout=60_000
    )
    demo_window.close_file()
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(path, "advance 2026 mentoring")
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(path, passphrase)
    ProgrammeFile.open(path, STRONG).close()
