"""The Pairings tab: the agreement in the form, proposals as drafts, and overdue check-ins."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import EndReason, PairingStatus
from mentordesk.gui.form_values import select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.pairings import PairingDialog, PairingsTab
from mentordesk.services.pairings import PairingRow, pairing_input
from mentordesk.store.programme_file import ProgrammeFile


def _tab(window: MainWindow) -> PairingsTab:
    tab = window.tabs[1]
    assert isinstance(tab, PairingsTab)
    window.tab_widget.setCurrentWidget(tab)
    return tab


def _all_rows(tab: PairingsTab) -> list[PairingRow]:
    return [tab.model.row_at(r) for r in range(tab.model.rowCount())]


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
