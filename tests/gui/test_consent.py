"""Consent in the Applicants tab: one click to give, one to withdraw, flagged in the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.person_panel import GIVE_CONSENT, WITHDRAW_CONSENT
from mentordesk.gui.table_models import (
    CONSENT_WITHDRAWN_COLOUR,
    CONSENT_WITHDRAWN_MARK,
    ApplicantTableModel,
)
from mentordesk.gui.tabs.applicants import ApplicantsTab
from mentordesk.store.models import AuditEntry, Person
from mentordesk.store.programme_file import ProgrammeFile


def _show_first(qtbot: QtBot, tab: ApplicantsTab) -> int:
    with qtbot.waitSignal(tab.detail_shown, timeout=10_000) as shown:
        tab.view.selectRow(0)
    return int(shown.args[0])


def _consent(programme_file: ProgrammeFile, person_id: int) -> tuple[object, object]:
    with programme_file.session() as session:
        person = session.get(Person, person_id)
        return person.consent_on, person.consent_withdrawn_on


def _names(tab: ApplicantsTab, person_id: int) -> set[str]:
    model = tab.model
    return {
        model.index(r, ApplicantTableModel.NAME).data()
        for r in range(model.rowCount())
        if model.row_at(r).person_id == person_id
    }


def test_consent_is_withdrawn_and_given_again_from_the_detail_panel(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = demo_window.applicants_tab
    person_id = _show_first(qtbot, tab)
    given, withdrawn = _consent(demo_file, person_id)
    assert given is not None
    assert withdrawn is None
    assert "Withdraw today" in tab.panel.toPlainText()
    with qtbot.waitSignal(tab.detail_shown, timeout=10_000):
        tab.panel.anchorClicked.emit(QUrl(WITHDRAW_CONSENT))
    assert _consent(demo_file, person_id) == (given, dt.date.today())
    assert all(CONSENT_WITHDRAWN_MARK in name for name in _names(tab, person_id))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).person_id == person_id)
    colour = tab.model.index(row, ApplicantTableModel.STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert colour == QColor(CONSENT_WITHDRAWN_COLOUR)
    text = tab.panel.toPlainText()
    assert f"withdrawn {dt.date.today().isoformat()}" in text
    assert "Give again today" in text
    with qtbot.waitSignal(tab.detail_shown, timeout=10_000):
        tab.panel.anchorClicked.emit(QUrl(GIVE_CONSENT))
    assert _consent(demo_file, person_id) == (dt.date.today(), None)
    assert all(CONSENT_WITHDRAWN_MARK not in name for name in _names(tab, person_id))
    with demo_file.session() as session:
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "person", AuditEntry.entity_id == person_id)
            .order_by(AuditEntry.id)
        ).all()
    assert actions[-2:] == ["consent withdrawn", "consent given"]


def test_the_consent_menu_acts_on_every_selected_person(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = demo_window.applicants_tab
    selection = tab.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1, 2):
        selection.select(tab.proxy.index(row, 0), flags)
    people = {r.person_id for r in tab.selected_rows()}
    assert len(people) >= 2
    assert tab.consent_menu in tab.extra_actions()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.withdraw_consent_action.trigger()
    assert all(_consent(demo_file, p)[1] == dt.date.today() for p in people)
    flagged = {r.person_id for r in (tab.model.row_at(i) for i in range(tab.model.rowCount()))
               if r.consent_withdrawn}  # fmt: skip
    assert flagged == people
