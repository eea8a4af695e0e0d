"""The Matching rules dialog says where its rules are kept: in the programme's file."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mentordesk.gui.tabs.pairing_rules_dialog import MatchingRulesDialog, load_rules_form
from mentordesk.store.programme_file import ProgrammeFile


def test_the_rules_note_says_the_answer_deadline_is_kept_in_the_file(
    qtbot: QtBot, programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as session:
        data = load_rules_form(session, programme_id)
    dialog = MatchingRulesDialog(None, programme_file, programme_id, data)
    qtbot.addWidget(dialog)
    (note,) = [
        label.text() for label in dialog.findChildren(QLabel) if "reporting line" in label.text()
    ]
    assert "this computer" not in note
    assert "programme's file" in note
