"""The passphrase dialogs: a wrong passphrase may be retried, a blank one never makes a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.gui.passphrase import BLANK_PASSPHRASE, NewFileDialog, UnlockDialog
from mentordesk.services.programmes import list_programmes
from mentordesk.store.programme_file import WRONG_PASSPHRASE_MESSAGE, ProgrammeFile


def _ok(dialog: NewFileDialog | UnlockDialog) -> None:
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def closed_file(file_path: Path, passphrase: str) -> Path:
    """A programme file on disk, not open."""
    ProgrammeFile.create(file_path, passphrase).close()
    return file_path


def test_wrong_passphrase_shows_the_message_and_allows_another_try(
    qtbot: QtBot, closed_file: Path, passphrase: str
) -> None:
    dialog = UnlockDialog(closed_file)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.ui.passphrase, "not the passphrase")
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.ui.message.isVisible()
    assert dialog.ui.message.text() == WRONG_PASSPHRASE_MESSAGE
    assert dialog.programme_file is None

    dialog.ui.passphrase.setText(passphrase)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _ok(dialog)
    opened = dialog.programme_file
    assert opened is not None
    try:
        assert dialog.ui.passphrase.text() == ""
        with opened.session() as session:
            assert list_programmes(session) == []
    finally:
        opened.close()


def test_unlock_dialog_shows_a_file_problem_and_closes(qtbot: QtBot, tmp_path: Path) -> None:
    not_ours = tmp_path / "notes.mentordesk"
    not_ours.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = UnlockDialog(not_ours, parent)
    dialog.open()
    dialog.ui.passphrase.setText("anything")
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        _ok(dialog)
    box = parent.findChild(QMessageBox, "unlock_error")
    assert box is not None
    assert box.windowTitle() == "Cannot open the programme file"
    assert "unencrypted SQLite database" in box.text()
    box.close()


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_blank_passphrase_is_refused_and_no_file_is_made(
    qtbot: QtBot, tmp_path: Path, blank: str
) -> None:
    target = tmp_path / "new.mentordesk"
    dialog = NewFileDialog(target)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.ui.passphrase.setText(blank)
    dialog.ui.passphrase_again.setText(blank)
    dialog.meter.rate()
    assert not dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.accept()  # as if Enter were pressed all the same
    assert dialog.isVisible()
    assert dialog.ui.message.text() == BLANK_PASSPHRASE
    assert dialog.programme_file is None
    assert list(tmp_path.iterdir()) == []


def test_passphrases_that_differ_are_refused(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "new.mentordesk"
    dialog = NewFileDialog(target)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.ui.passphrase.setText("one long passphrase")
    dialog.ui.passphrase_again.setText("one long passphrasE")
    qtbot.waitUntil(dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled)
    _ok(dialog)
    assert "differ" in dialog.ui.message.text()
    assert dialog.ui.passphrase_again.text() == ""
    assert not target.exists()


def test_matching_passphrases_make_a_file_that_opens_with_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "new.mentordesk"
    dialog = NewFileDialog(target)
    qtbot.addWidget(dialog)
    dialog.open()
    for field in (dialog.ui.passphrase, dialog.ui.passphrase_again):
        qtbot.keyClicks(field, "mentoring works every tuesday")
    qtbot.waitUntil(dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _ok(dialog)
    assert dialog.programme_file is not None
    dialog.programme_file.close()
    ProgrammeFile.open(target, "mentoring works every tuesday").close()


def test_passphrase_fields_hide_what_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    dialogs = [NewFileDialog(tmp_path / "a.mentordesk"), UnlockDialog(tmp_path / "a.mentordesk")]
    fields = [dialogs[0].ui.passphrase, dialogs[0].ui.passphrase_again, dialogs[1].ui.passphrase]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    assert {f.echoMode() for f in fields} == {fields[0].EchoMode.Password}
