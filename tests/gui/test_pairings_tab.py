"""The Pairings tab: the agreement in the form, proposals as drafts, and overdue check-ins."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.domain.enums import EndReason, MentorResponse, PairingStatus, StrandFormat
from mentordesk.gui.form_values import select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.table_models import PairingTableModel
from mentordesk.gui.tabs.pairing_dialog import PairingDialog
from mentordesk.gui.tabs.pairings import PairingsTab
from mentordesk.services.applicants import person_choices
from mentordesk.services.matching import MatchResult
from mentordesk.services.pairings import (
    CheckInInput,
    PairingInput,
    PairingRow,
    add_pairing,
    get_pairing,
    pairing_input,
    update_pairing,
)
from mentordesk.services.programmes import strand_choices
from mentordesk.store.models import Pairing
from mentordesk.store.programme_file import ProgrammeFile


def _tab(window: MainWindow) -> PairingsTab:
    tab = window.tabs[1]
    assert isinstance(tab, PairingsTab)
    window.tab_widget.setCurrentWidget(tab)
    return tab


def _all_rows(tab: PairingsTab) -> list[PairingRow]:
    return [tab.model.row_at(r) for r in range(tab.model.rowCount())]


def _shown(tab: PairingsTab) -> list[PairingRow]:
    return [
        tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row())
        for r in range(tab.proxy.rowCount())
    ]


def _select(tab: PairingsTab, pairing_ids: set[int]) -> None:
    selection = tab.view.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag
    for proxy_row in range(tab.proxy.rowCount()):
        index = tab.proxy.index(proxy_row, 0)
        if tab.model.row_at(tab.proxy.mapToSource(index).row()).pairing_id in pairing_ids:
            selection.select(index, flags.Select | flags.Rows)


def _drafts_in_file(demo_file: ProgrammeFile) -> set[int]:
    with demo_file.session() as session:
        return set(session.scalars(select(Pairing.id).where(Pairing.draft.is_(True))))


def _propose(qtbot: QtBot, tab: PairingsTab, mode: str) -> MatchResult:
    """Propose through the dialog, and wait until the drafts are shown."""
    tab.propose()
    qtbot.waitUntil(lambda: tab.propose_dialog is not None, timeout=10_000)
    dialog = tab.propose_dialog
    assert dialog is not None
    assert dialog.ui.strand.itemText(0) == "All one-to-one strands"
    select_value(dialog.ui.mode, mode)
    with qtbot.waitSignal(tab.proposed, timeout=20_000) as proposed:
        dialog.accept()
    result = proposed.args[0]
    assert isinstance(result, MatchResult)
    qtbot.waitUntil(
        lambda: sum(r.draft for r in _all_rows(tab)) == len(result.proposals), timeout=10_000
    )
    return result


def _open_edit(qtbot: QtBot, tab: PairingsTab, row: PairingRow) -> PairingDialog:
    tab.edit_dialog(row)
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=10_000)
    assert isinstance(tab.dialog, PairingDialog)
    return tab.dialog


def test_agreement_and_end_reason_round_trip_through_the_form(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    row = next(r for r in _all_rows(tab) if r.mentee_count == 1)
    dialog = _open_edit(qtbot, tab, row)
    ui = dialog.ui
    select_value(ui.status, PairingStatus.ACTIVE)
    assert ui.end_reason.isHidden()
    select_value(ui.status, PairingStatus.ENDED_EARLY)
    assert not ui.end_reason.isHidden()
    select_value(ui.end_reason, EndReason.LEFT_INSTITUTION)
    ui.goals.setPlainText("Write a <b>grant</b> & publish")
    ui.confidentiality_agreed.setChecked(True)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        dialog.accept()
    with demo_file.session() as session:
        stored = pairing_input(session, row.pairing_id)
    assert stored.goals == "Write a <b>grant</b> & publish"
    assert stored.confidentiality_agreed is True
    assert stored.status is PairingStatus.ENDED_EARLY
    assert stored.end_reason is EndReason.LEFT_INSTITUTION

    # And back into a fresh form, as stored.
    again = _open_edit(
        qtbot, tab, next(r for r in _all_rows(tab) if r.pairing_id == row.pairing_id)
    )
    assert again.ui.goals.toPlainText() == "Write a <b>grant</b> & publish"
    assert again.ui.confidentiality_agreed.isChecked()
    assert again.values().end_reason is EndReason.LEFT_INSTITUTION
    again.reject()


def test_proposing_on_the_demo_shows_drafts_with_their_score_and_reasons(
    qtbot: QtBot, qtmodeltester: ModelTester, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    published = {r.pairing_id for r in _all_rows(tab)}
    assert not any(r.draft for r in _all_rows(tab))
    result = _propose(qtbot, tab, "stable")
    assert result.mode == "stable"
    assert result.proposals

    qtmodeltester.check(tab.model)
    drafts = _drafts_in_file(demo_file)
    assert len(drafts) == len(result.proposals)
    assert drafts.isdisjoint(published)
    # The filter is on: only the drafts are shown, each marked as such.
    assert tab.drafts_only.isChecked()
    shown = _shown(tab)
    assert {r.pairing_id for r in shown} == drafts
    for proxy_row, row in enumerate(shown):
        status = tab.proxy.index(proxy_row, PairingTableModel.STATUS)
        assert status.data() == "Draft"
        assert status.data(Qt.ItemDataRole.FontRole).italic()
        assert row.match_score is not None
        why = tab.proxy.index(proxy_row, PairingTableModel.WHY).data()
        assert why
        assert why == row.match_explanation
    tab.drafts_only.setChecked(False)
    assert tab.proxy.rowCount() == len(published) + len(drafts)
    published_row = next(
        r
        for r in range(tab.proxy.rowCount())
        if tab.proxy.index(r, PairingTableModel.STATUS).data() != "Draft"
    )
    assert not tab.proxy.index(published_row, 0).data(Qt.ItemDataRole.FontRole)

    # Who was left out, and why, is reported (escaped, in rich text).
    box = tab.proposals_message
    assert box is not None
    assert result.unmatched, "the demo leaves some mentees without a mentor"
    for left in result.unmatched:
        assert f"{escape(left.mentee.name)}: {escape(left.reason)}" in box.text()
    assert f"{len(result.proposals)} draft proposals saved" in box.text()
    box.close()


def test_publishing_clears_draft_and_rejecting_deletes(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    _propose(qtbot, tab, "optimal")
    assert tab.proposals_message is not None
    tab.proposals_message.close()
    drafts = sorted(_drafts_in_file(demo_file))
    assert len(drafts) >= 3
    to_publish, to_reject, kept = drafts[0], drafts[1], set(drafts[2:])

    _select(tab, {to_publish})
    with qtbot.waitSignal(tab.changed, timeout=10_000):
        tab.publish_action.trigger()
    qtbot.waitUntil(lambda: to_publish in {r.pairing_id for r in _shown(tab) if not r.draft})
    with demo_file.session() as session:
        assert session.get_one(Pairing, to_publish).draft is False
    assert _drafts_in_file(demo_file) == {to_reject, *kept}
    # "Show drafts only" is off again: the pairing just published is in the list, with the rest.
    assert not tab.drafts_only.isChecked()
    assert len(_shown(tab)) == len(_all_rows(tab))

    _select(tab, {to_reject})
    with qtbot.waitSignal(tab.changed, timeout=10_000):
        tab.reject_action.trigger()
    qtbot.waitUntil(lambda: to_reject not in {r.pairing_id for r in _all_rows(tab)})
    with demo_file.session() as session:
        assert session.get(Pairing, to_reject) is None
        assert session.get(Pairing, to_publish) is not None
    assert _drafts_in_file(demo_file) == kept


def test_when_no_draft_is_left_every_pairing_is_shown(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    _propose(qtbot, tab, "optimal")
    assert tab.proposals_message is not None
    tab.proposals_message.close()
    assert tab.drafts_only.isChecked()
    drafts = _drafts_in_file(demo_file)
    # Rejecting every draft leaves none: the list shows the published pairings.
    _select(tab, drafts)
    with qtbot.waitSignal(tab.changed, timeout=10_000):
        tab.reject_action.trigger()
    qtbot.waitUntil(lambda: not any(r.draft for r in _all_rows(tab)))
    assert not tab.drafts_only.isChecked()
    assert _shown(tab)
    assert len(_shown(tab)) == len(_all_rows(tab))


def test_reject_leaves_a_published_pairing_alone(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    row = _all_rows(tab)[0]
    _select(tab, {row.pairing_id})
    tab.reject_action.trigger()
    tab.publish_action.trigger()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    with demo_file.session() as session:
        assert session.get(Pairing, row.pairing_id) is not None


def _add_active_pairing(
    demo_file: ProgrammeFile, programme_id: int, *check_ins: CheckInInput
) -> int:
    with demo_file.session() as session:
        strand = next(
            s for s in strand_choices(session, programme_id) if s.format is StrandFormat.ONE_TO_ONE
        )
        mentor, mentee = (p.id for p in person_choices(session)[:2])
        return add_pairing(
            session,
            PairingInput(
                strand.id, mentor, [mentee], status=PairingStatus.ACTIVE, check_ins=list(check_ins)
            ),
        )


def test_needs_attention_lists_a_pairing_whose_check_in_is_past_due(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    today = dt.date.today()
    late = _add_active_pairing(demo_file, demo_programme_id, CheckInInput(today - dt.timedelta(7)))
    not_yet = _add_active_pairing(
        demo_file, demo_programme_id, CheckInInput(today + dt.timedelta(1))
    )
    done = _add_active_pairing(
        demo_file, demo_programme_id, CheckInInput(today - dt.timedelta(7), today)
    )
    tab = _tab(demo_window)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    everyone = {r.pairing_id for r in _all_rows(tab)}
    assert {late, not_yet, done} <= everyone

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.needs_attention.setChecked(True)
    listed = {r.pairing_id for r in _shown(tab)}
    assert late in listed
    assert not {not_yet, done} & listed
    assert listed < everyone
    for r in _shown(tab):
        # Under way with a check-in past due, or a proposal whose mentor has not answered in time.
        late_answer = (
            r.status is PairingStatus.PROPOSED and r.mentor_response is MentorResponse.NONE
        )
        assert r.status in (PairingStatus.ACTIVE, PairingStatus.INTRODUCED) or late_answer
        assert not late_answer or (r.response_due_on is not None and r.response_due_on < today)
    assert any(r.status is PairingStatus.PROPOSED for r in _shown(tab))
    assert f"{len(listed)} pairings need attention" in demo_window.counts_label.text()

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.needs_attention.setChecked(False)
    assert {r.pairing_id for r in _shown(tab)} == everyone


def test_plan_check_ins_adds_them_and_names_the_pairings_it_cannot_plan(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    planned = _add_active_pairing(demo_file, demo_programme_id)
    unstarted = _add_active_pairing(demo_file, demo_programme_id)
    with demo_file.session() as session:
        data = pairing_input(session, planned)
        data.started_on, data.review_on = dt.date(2026, 1, 5), dt.date(2026, 7, 1)
        update_pairing(session, planned, data)
    tab = _tab(demo_window)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    _select(tab, {planned, unstarted})
    with qtbot.waitSignal(tab.changed, timeout=10_000):
        tab.plan_action.trigger()
    with demo_file.session() as session:
        due = [c.due_on for c in get_pairing(session, planned).check_ins]
        assert due == [dt.date(2026, 2, 2), dt.date(2026, 3, 30), dt.date(2026, 5, 25)]
        assert get_pairing(session, unstarted).check_ins == []
    box = tab.plan_message
    assert box is not None
    assert "3 check-ins planned in 1 pairing." in box.text()
    name = next(r.name for r in _all_rows(tab) if r.pairing_id == unstarted)
    assert f"<li>{escape(name)}: Set the date the pairing started" in box.text()
    box.close()
