"""The Matching rules dialog shows and saves "no limit" for a limit left unset."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mentordesk.gui.tabs.pairing_rules_dialog import MatchingRulesDialog, load_rules_form
from mentordesk.services.matching import matching_rules, set_matching_rules
from mentordesk.store.models import Programme
from mentordesk.store.programme_file import ProgrammeFile

WAIT = 10_000


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """What the dialog opens over: the dialog deletes itself once saved, its parent stays."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _dialog(
    parent: QWidget, programme_file: ProgrammeFile, programme_id: int
) -> MatchingRulesDialog:
    with programme_file.session() as session:
        data = load_rules_form(session, programme_id)
    return MatchingRulesDialog(parent, programme_file, programme_id, data)


def test_unset_limits_show_no_limit_and_are_saved_unset(
    qtbot: QtBot, parent: QWidget, programme_file: ProgrammeFile, programme_id: int
) -> None:
    dialog = _dialog(parent, programme_file, programme_id)
    # The programme sets neither limit: matching applies none, and the dialog says so.
    assert dialog.grade_gap.text() == "no limit"
    assert dialog.capacity.text() == "no limit"
    dialog.weights["needs"].setValue(50)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.accept()
    with programme_file.session() as session:
        programme = session.get_one(Programme, programme_id)
        assert (programme.max_grade_gap, programme.max_mentees_per_mentor) == (None, None)
        assert matching_rules(session, programme_id).weights["needs"] == 50.0


def test_a_limit_set_is_shown_and_can_be_put_back_to_no_limit(
    qtbot: QtBot, parent: QWidget, programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as session:
        rules = matching_rules(session, programme_id)
        rules.max_grade_gap, rules.max_mentees_per_mentor = 0, 3
        set_matching_rules(session, programme_id, rules)
    dialog = _dialog(parent, programme_file, programme_id)
    # A gap of 0 is a limit of its own, told apart from no limit.
    assert dialog.grade_gap.text() == "0 levels"
    assert dialog.capacity.text() == "3 mentees"
    dialog.grade_gap.stepDown()
    dialog.capacity.setValue(dialog.capacity.minimum())
    assert dialog.grade_gap.text() == dialog.capacity.text() == "no limit"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.accept()
    with programme_file.session() as session:
        saved = matching_rules(session, programme_id)
    assert (saved.max_grade_gap, saved.max_mentees_per_mentor) == (None, None)


def test_reset_to_defaults_shows_the_default_limits(
    qtbot: QtBot, parent: QWidget, programme_file: ProgrammeFile, programme_id: int
) -> None:
    dialog = _dialog(parent, programme_file, programme_id)
    dialog.reset_to_defaults()
    assert (dialog.grade_gap.text(), dialog.capacity.text()) == ("2 levels", "4 mentees")
