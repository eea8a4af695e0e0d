"""The Pairings tab's actions: rules, pairing by hand, statuses, answers, waitlist, warnings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.domain.enums import (
    ApplicationStatus,
    CheckInOutcome,
    EndReason,
    FieldPreference,
    MentorResponse,
    PairingStatus,
    PairRuleKind,
    Role,
)
from mentordesk.gui.form_values import select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.pairing_by_hand import OverrideDialog, PairByHandDialog
from mentordesk.gui.tabs.pairing_details import CheckInDialog
from mentordesk.gui.tabs.pairing_rules_dialog import MatchingRulesDialog
from mentordesk.gui.tabs.pairing_status import StatusDialog, action_response, action_status
from mentordesk.gui.tabs.pairing_table import PairingsTableModel
from mentordesk.gui.tabs.pairing_waitlist import WaitlistDialog
from mentordesk.gui.tabs.pairings import PairingsTab
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.matching import matching_rules, waitlist_rows
from mentordesk.services.pairings import PairingRow, get_pairing
from mentordesk.services.programmes import strand_choices
from mentordesk.store.models import Application, Pairing
from mentordesk.store.programme_file import ProgrammeFile

from .test_pairings_tab import _all_rows, _select, _shown, _tab

WAIT = 10_000


def _row(tab: PairingsTab, wanted: object) -> PairingRow:
    return next(r for r in _all_rows(tab) if wanted(r))  # type: ignore[operator]


def _reload(qtbot: QtBot, tab: PairingsTab) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=WAIT):
        tab.reload()


def _select_one(qtbot: QtBot, tab: PairingsTab, row: PairingRow) -> None:
    """Select one pairing and wait until the details show it."""
    tab.more_actions.select([row.pairing_id])
    qtbot.waitUntil(
        lambda: (
            tab.more_actions.panel.detail is not None
            and tab.more_actions.panel.detail.pairing_id == row.pairing_id
        ),
        timeout=WAIT,
    )


def test_the_rules_dialog_saves_limits_weights_and_pairs(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = _tab(demo_window)
    tab.more_actions.rules_action.trigger()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, MatchingRulesDialog), timeout=WAIT)
    dialog = tab.dialog
    assert isinstance(dialog, MatchingRulesDialog)
    dialog.capacity.setValue(3)
    dialog.weights["needs"].setValue(60)
    dialog.reset_to_defaults()
    assert dialog.capacity.value() == 4
    assert dialog.weights["needs"].value() == 30
    dialog.capacity.setValue(3)
    dialog.grade_gap.setValue(1)
    select_value(dialog.field_preference, FieldPreference.SAME)
    dialog.weights["needs"].setValue(60)
    dialog.answer_days.setValue(10)
    dialog.add_pair()
    mentor, mentee, kind, reason = (dialog.pairs.cellWidget(0, c) for c in range(4))
    mentor.setCurrentIndex(1)
    mentee.setCurrentIndex(1)
    select_value(kind, PairRuleKind.FIXED)
    reason.setText("They asked for each other")
    with qtbot.waitSignal(tab.changed, timeout=WAIT):
        dialog.accept()
    with demo_file.session() as session:
        rules = matching_rules(session, demo_programme_id)
    assert (rules.max_mentees_per_mentor, rules.max_grade_gap) == (3, 1)
    assert rules.field_preference is FieldPreference.SAME
    assert rules.weights["needs"] == 60.0
    (pair,) = rules.pair_rules
    assert (pair.kind, pair.reason) == (PairRuleKind.FIXED, "They asked for each other")
    assert rules.response_days == 10  # a rule of the programme, kept in its file


def test_an_empty_pair_rule_is_refused_and_the_dialog_stays_open(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = _tab(demo_window)
    tab.more_actions.edit_rules()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, MatchingRulesDialog), timeout=WAIT)
    dialog = tab.dialog
    assert isinstance(dialog, MatchingRulesDialog)
    dialog.add_pair()
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "error_message") is not None)
    box = dialog.findChild(QMessageBox, "error_message")
    assert "Choose both the mentor and the mentee" in box.text()
    assert dialog.isVisible()
    box.close()
    dialog.reject()


def _open_by_hand(qtbot: QtBot, tab: PairingsTab) -> PairByHandDialog:
    tab.more_actions.by_hand_action.trigger()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, PairByHandDialog), timeout=WAIT)
    dialog = tab.dialog
    assert isinstance(dialog, PairByHandDialog)
    return dialog


def test_pairing_by_hand_against_a_rule_needs_a_reason_kept_with_the_pairing(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = _tab(demo_window)
    before = {r.pairing_id for r in _all_rows(tab)}
    dialog = _open_by_hand(qtbot, tab)
    with demo_file.session() as session:
        fellows = next(
            s.id for s in strand_choices(session, demo_programme_id) if s.name == "Fellows"
        )
    select_value(dialog.strand, fellows)
    waiting = dialog.mentees.item(0)
    assert "(waitlist 1)" in waiting.text()
    waiting.setCheckState(Qt.CheckState.Checked)
    # Someone who never applied as a mentor breaks a rule.
    dialog.everyone.setChecked(True)
    accepted = tab.more_actions.panel  # keeps the panel alive for the check below
    outsider = next(
        i
        for i in range(dialog.mentor.count())
        if dialog.mentor.itemData(i) not in dialog._choices.mentors[fellows]
    )
    dialog.mentor.setCurrentIndex(outsider)
    qtbot.waitUntil(lambda: dialog.last_check is not None, timeout=WAIT)
    assert dialog.last_check is not None
    assert any("is not an accepted mentor of Fellows" in b for b in dialog.last_check.broken)
    assert "This pairing breaks" in dialog.rules.text()
    assert dialog.reason.isEnabled()

    dialog.accept()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "error_message") is not None)
    box = dialog.findChild(QMessageBox, "error_message")
    assert "Type why you pair them anyway" in box.text()
    box.close()
    with demo_file.session() as session:
        assert len(session.scalars(select(Pairing.id)).all()) == len(before)

    dialog.reason.setPlainText("The only mentor who speaks her language")
    with qtbot.waitSignal(tab.loaded, timeout=WAIT):
        dialog.accept()
    (new,) = [r for r in _all_rows(tab) if r.pairing_id not in before]
    assert new.override_reason == "The only mentor who speaks her language"
    assert new.status is PairingStatus.PROPOSED
    assert not new.draft
    qtbot.waitUntil(
        lambda: accepted.detail is not None and accepted.detail.pairing_id == new.pairing_id,
        timeout=WAIT,
    )
    html = accepted.browser.toHtml()
    assert "Paired against the programme" in html
    assert "The only mentor who speaks her language" in html
    assert "paired by hand" in html
    # Paired now, she leaves the waitlist.
    with demo_file.session() as session:
        assert new.mentees not in {r.name for r in waitlist_rows(session, demo_programme_id)}


def test_a_warning_mark_names_who_misses_a_required_training(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _tab(demo_window)
    assert isinstance(tab.model, PairingsTableModel)
    warned = [r for r in _all_rows(tab) if r.training_missing]
    assert warned, "the demo has pairings under way with someone missing orientation"
    assert all(r.status in (PairingStatus.ACTIVE, PairingStatus.INTRODUCED) for r in warned)
    for proxy_row in range(tab.proxy.rowCount()):
        status = tab.proxy.index(proxy_row, PairingsTableModel.STATUS)
        row = _shown(tab)[proxy_row]
        icon = status.data(Qt.ItemDataRole.DecorationRole)
        assert (icon is not None) == bool(row.training_missing)
        if row.training_missing:
            tip = status.data(Qt.ItemDataRole.ToolTipRole)
            assert "Required training not completed:" in tip
            assert row.training_missing[0] in tip
    tab.more_actions.training_only.setChecked(True)
    assert {r.pairing_id for r in _shown(tab)} == {r.pairing_id for r in warned}
    _select_one(qtbot, tab, warned[0])
    html = tab.more_actions.panel.browser.toHtml()
    assert "Required training not completed" in html
    assert warned[0].training_missing[0].split(" (")[0] in html
    tab.more_actions.training_only.setChecked(False)
    assert tab.proxy.rowCount() == len(_all_rows(tab))


def test_the_status_menu_offers_only_valid_moves_and_asks_why_a_pairing_ended(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    actions = {action_status(a): a for a in tab.more_actions.status_menu.actions()}
    completed = _row(tab, lambda r: r.status is PairingStatus.COMPLETED)
    _select_one(qtbot, tab, completed)
    assert [s for s, a in actions.items() if a.isEnabled()] == [PairingStatus.EXTENDED]
    assert not tab.more_actions.rematch_action.isEnabled()

    active = _row(tab, lambda r: r.status is PairingStatus.ACTIVE and r.mentee_count == 1)
    _select_one(qtbot, tab, active)
    assert not actions[PairingStatus.INTRODUCED].isEnabled()
    assert actions[PairingStatus.PAUSED].isEnabled()
    assert tab.more_actions.rematch_action.isEnabled()
    actions[PairingStatus.ENDED_EARLY].trigger()
    dialog = tab.more_actions.dialog
    assert isinstance(dialog, StatusDialog)
    # No reason given: refused, nothing changes.
    dialog.accept()
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "error_message") is not None)
    box = tab.findChild(QMessageBox, "error_message")
    assert "Say why the pairing ended early" in box.text()
    box.close()
    actions[PairingStatus.ENDED_EARLY].trigger()
    dialog = tab.more_actions.dialog
    assert isinstance(dialog, StatusDialog)
    select_value(dialog.end_reason, EndReason.GOALS_MET)
    with qtbot.waitSignal(tab.loaded, timeout=WAIT):
        dialog.accept()
    with demo_file.session() as session:
        pairing = get_pairing(session, active.pairing_id)
        assert pairing.status is PairingStatus.ENDED_EARLY
        assert pairing.end_reason is EndReason.GOALS_MET
        assert pairing.ended_on == dt.date.today()
    # The same pairing stays selected, and can no longer move.
    qtbot.waitUntil(lambda: not tab.more_actions.status_menu.isEnabled(), timeout=WAIT)
    assert [r.pairing_id for r in tab.selected_rows()] == [active.pairing_id]


def test_a_decline_ends_the_proposal_and_puts_the_mentee_first_on_the_waitlist(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = _tab(demo_window)
    proposal = _row(
        tab,
        lambda r: (
            r.status is PairingStatus.PROPOSED
            and not r.draft
            and r.mentor_response is MentorResponse.NONE
        ),
    )
    _select_one(qtbot, tab, proposal)
    assert tab.more_actions.answer_menu.isEnabled()
    declined = next(
        a
        for a in tab.more_actions.answer_menu.actions()
        if action_response(a) is MentorResponse.DECLINED
    )
    declined.trigger()
    box = tab.more_actions.dialog
    assert isinstance(box, QMessageBox)
    button = next(b for b in box.findChildren(QPushButton) if b.text() == "Record the decline")
    with qtbot.waitSignal(tab.loaded, timeout=WAIT):
        button.click()
    row = _row(tab, lambda r: r.pairing_id == proposal.pairing_id)
    assert row.mentor_response is MentorResponse.DECLINED
    status = next(
        tab.proxy.index(i, PairingsTableModel.STATUS).data()
        for i in range(tab.proxy.rowCount())
        if _shown(tab)[i].pairing_id == proposal.pairing_id
    )
    assert status == "Declined"
    with demo_file.session() as session:
        assert get_pairing(session, proposal.pairing_id).status is PairingStatus.ENDED_EARLY
        strand = get_pairing(session, proposal.pairing_id).strand.name
        first = next(r for r in waitlist_rows(session, demo_programme_id) if r.strand == strand)
    assert first.rank == 1
    assert first.name == proposal.mentees


def test_a_check_in_outcome_and_summary_are_recorded(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    row = _row(tab, lambda r: r.next_check_in is not None)
    _select_one(qtbot, tab, row)
    assert tab.more_actions.check_in_action.isEnabled()
    tab.more_actions.panel.record_button.click()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CheckInDialog), timeout=WAIT)
    dialog = tab.dialog
    assert isinstance(dialog, CheckInDialog)
    values = dialog.values()
    assert values.record.done_on == dt.date.today()
    select_value(dialog.outcome, CheckInOutcome.AT_RISK)
    dialog.summary.setPlainText("Meetings keep being cancelled")
    with qtbot.waitSignal(tab.loaded, timeout=WAIT):
        dialog.accept()
    with demo_file.session() as session:
        check_in = next(
            c for c in get_pairing(session, row.pairing_id).check_ins if c.id == values.check_in_id
        )
        assert check_in.outcome is CheckInOutcome.AT_RISK
        assert check_in.summary == "Meetings keep being cancelled"
    qtbot.waitUntil(
        lambda: "Meetings keep being cancelled" in tab.more_actions.panel.browser.toHtml(),
        timeout=WAIT,
    )
    assert "At risk" in tab.more_actions.panel.browser.toHtml()


def test_swapping_two_drafts_asks_for_a_reason_only_when_a_rule_breaks(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    tab.propose_with("optimal", None)
    qtbot.waitUntil(lambda: tab.proposals_message is not None, timeout=20_000)
    assert tab.proposals_message is not None
    tab.proposals_message.close()
    qtbot.waitUntil(lambda: sum(r.draft for r in _all_rows(tab)) >= 2, timeout=WAIT)
    drafts = [r for r in _all_rows(tab) if r.draft]
    first = drafts[0]
    second = next(r for r in drafts if r.mentor != first.mentor)
    _select(tab, {first.pairing_id, second.pairing_id})
    assert tab.more_actions.swap_action.isEnabled()
    tab.more_actions.swap_action.trigger()
    qtbot.waitUntil(
        lambda: (
            isinstance(tab.more_actions.dialog, OverrideDialog)
            or _mentor_of(demo_file, first.pairing_id) != first.mentor
        ),
        timeout=WAIT,
    )
    dialog = tab.more_actions.dialog
    if isinstance(dialog, OverrideDialog):
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reason.setPlainText("Swapped at the mentors' request")
        dialog.accept()
    qtbot.waitUntil(lambda: _mentor_of(demo_file, first.pairing_id) == second.mentor, timeout=WAIT)
    assert _mentor_of(demo_file, second.pairing_id) == first.mentor


def _mentor_of(demo_file: ProgrammeFile, pairing_id: int) -> str:
    with demo_file.session() as session:
        return get_pairing(session, pairing_id).mentor.full_name


def test_circles_are_proposed_as_drafts_from_the_tab(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        circles = next(
            s.id for s in strand_choices(session, demo_programme_id) if s.name == "Circles"
        )
        for n in range(5):
            person = add_person(session, PersonInput("New", f"Member{n}", f"new{n}@circle.example"))
            role = Role.MENTOR if n == 4 else Role.MENTEE
            add_application(
                session, person, ApplicationInput(circles, role, ApplicationStatus.ACCEPTED)
            )
    tab = _tab(demo_window)
    tab.more_actions.propose_circles_with(circles, 4)
    qtbot.waitUntil(lambda: tab.more_actions.dialog is not None, timeout=20_000)
    box = tab.more_actions.dialog
    assert isinstance(box, QMessageBox)
    assert "1 draft circle of at most 4 saved in Circles" in box.text()
    box.close()
    qtbot.waitUntil(lambda: any(r.draft for r in _shown(tab)), timeout=WAIT)
    (draft,) = [r for r in _shown(tab) if r.draft]
    assert draft.mentee_count == 4
    assert draft.strand == "Circles"


def test_the_waitlist_is_reordered_and_proposed_for(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = _tab(demo_window)
    tab.more_actions.waitlist_action.trigger()
    dialog = tab.more_actions.dialog
    assert isinstance(dialog, WaitlistDialog)
    qtbot.waitUntil(lambda: len(dialog.rows) > 1, timeout=WAIT)
    first, second = dialog.rows[0], dialog.rows[1]
    assert (first.rank, second.rank, first.strand) == (1, 2, second.strand)
    dialog.table.selectRow(0)
    assert not dialog.up_button.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        dialog.down_button.click()
    qtbot.waitUntil(lambda: dialog.rows[0].application_id == second.application_id, timeout=WAIT)
    assert dialog.current() is not None
    assert dialog.current().application_id == first.application_id
    with demo_file.session() as session:
        assert session.get_one(Application, first.application_id).waitlist_rank == 2
    waiting = {r.person_id for r in dialog.rows}
    with qtbot.waitSignal(tab.proposed, timeout=20_000) as proposed:
        dialog.propose_button.click()
    result = proposed.args[0]
    assert result.proposals
    assert {p.mentee.id for p in result.proposals} <= waiting
    assert tab.proposals_message is not None
    tab.proposals_message.close()


def test_a_pair_by_hand_form_is_offered_back_after_the_lock(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    tab = _tab(demo_window)
    dialog = _open_by_hand(qtbot, tab)
    select_value(dialog.strand, next(s.id for s in dialog._choices.strands if s.name == "Fellows"))
    dialog.mentor.setCurrentIndex(1)
    dialog.mentees.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.reason.setPlainText("CANARY-reason-5521")
    before = dialog.values()
    demo_window.locker.lock()
    assert demo_window.locker.locked
    assert demo_window.locker.unlock(passphrase)
    qtbot.waitUntil(lambda: demo_window.locker.draft_box is not None, timeout=WAIT)
    offer = demo_window.locker.draft_box
    assert offer is not None
    assert "“Pair by hand”" in offer.text()
    next(b for b in offer.buttons() if b.text() == "Reopen").click()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, PairByHandDialog), timeout=WAIT)
    again = tab.dialog
    assert isinstance(again, PairByHandDialog)
    assert again is not dialog
    assert again.values() == before
    again.reject()


def test_the_actions_tell_the_tab_by_signals_and_the_tab_lays_them_out(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _tab(demo_window)
    actions = tab.more_actions
    # The tab holds the table, the details panel beside it and the tool bar.
    assert tab.splitter.widget(0) is tab.view
    assert tab.splitter.widget(1) is actions.panel
    assert actions.rules_action in tab.toolbar.actions()
    # A change made by the actions reloads the tab, which tells the other tabs.
    with qtbot.waitSignals([tab.loaded, tab.changed], timeout=WAIT):
        actions.changed.emit()
    # Circles proposed as drafts: the tab shows its drafts only.
    assert not tab.drafts_only.isChecked()
    with qtbot.waitSignal(tab.loaded, timeout=WAIT):
        actions.drafts_proposed.emit()
    assert tab.drafts_only.isChecked()
    assert all(
        tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).draft
        for r in range(tab.proxy.rowCount())
    )
