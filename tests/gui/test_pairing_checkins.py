"""Overdue check-ins in the Pairings tab: marked in words, bold and colour, and settled later."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.form_values import set_date
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.table_models import OVERDUE_COLOUR
from mentordesk.gui.tabs.pairing_details import CheckInDialog
from mentordesk.gui.tabs.pairing_table import PairingsTableModel
from mentordesk.services.pairings import CheckInInput, PairingRow, get_pairing
from mentordesk.store.programme_file import ProgrammeFile

from .test_pairings_actions import WAIT, _reload, _select_one
from .test_pairings_tab import _add_active_pairing, _all_rows, _tab

TODAY = dt.date.today()
FIRST, SECOND, NEXT = TODAY - dt.timedelta(120), TODAY - dt.timedelta(60), TODAY + dt.timedelta(30)


def _row_of(tab_rows: list[PairingRow], pairing_id: int) -> PairingRow:
    return next(r for r in tab_rows if r.pairing_id == pairing_id)


def _next_check_in_cell(model: PairingsTableModel, pairing_id: int, role: int) -> object:
    row = next(r for r in range(model.rowCount()) if model.row_at(r).pairing_id == pairing_id)
    return model.index(row, model.NEXT_CHECK_IN).data(role)


def test_an_overdue_check_in_is_marked_and_a_later_one_done_settles_it(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    pairing_id = _add_active_pairing(
        demo_file, demo_programme_id, CheckInInput(FIRST), CheckInInput(SECOND), CheckInInput(NEXT)
    )
    tab = _tab(demo_window)
    _reload(qtbot, tab)
    row = _row_of(_all_rows(tab), pairing_id)
    assert (row.next_check_in, row.check_ins_overdue) == (FIRST, 2)

    # The table: a warning sign, bold, the overdue colour and a tooltip in words.
    model = tab.model
    assert isinstance(model, PairingsTableModel)
    assert _next_check_in_cell(model, pairing_id, Qt.ItemDataRole.DisplayRole) == str(FIRST)
    assert isinstance(_next_check_in_cell(model, pairing_id, Qt.ItemDataRole.DecorationRole), QIcon)
    font = _next_check_in_cell(model, pairing_id, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.bold()
    colour = _next_check_in_cell(model, pairing_id, Qt.ItemDataRole.ForegroundRole)
    assert colour == QColor(OVERDUE_COLOUR)
    tooltip = _next_check_in_cell(model, pairing_id, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == (
        f"Overdue since {FIRST}: 2 check-ins not done.\n"
        "Recording the next check-in done settles those missed before it."
    )

    # The details: each overdue one says so, with a note on what settles them.
    _select_one(qtbot, tab, row)
    text = tab.more_actions.panel.browser.toPlainText()
    assert "⚠ 2 check-ins are overdue" in text
    assert text.count("⚠ overdue") == 2

    # The pairing met ten days ago: recorded against the later missed one, it settles the first.
    tab.more_actions.panel.record_button.click()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CheckInDialog), timeout=WAIT)
    dialog = tab.dialog
    assert isinstance(dialog, CheckInDialog)
    assert dialog.check_in.currentText() == f"Due {FIRST} (⚠ overdue)"
    dialog.check_in.setCurrentIndex(1)
    assert dialog.check_in.currentText() == f"Due {SECOND} (⚠ overdue)"
    set_date(dialog.done_on, TODAY - dt.timedelta(10))
    save = dialog.findChild(QDialogButtonBox, "button_box").button(
        QDialogButtonBox.StandardButton.Save
    )
    with qtbot.waitSignal(tab.loaded, timeout=WAIT):
        save.click()
    with demo_file.session() as session:
        done = [(c.due_on, c.done_on) for c in get_pairing(session, pairing_id).check_ins]
    assert done == [(FIRST, None), (SECOND, TODAY - dt.timedelta(10)), (NEXT, None)]

    row = _row_of(_all_rows(tab), pairing_id)
    assert (row.next_check_in, row.check_ins_overdue) == (NEXT, 0)
    assert _next_check_in_cell(model, pairing_id, Qt.ItemDataRole.FontRole) is None
    assert _next_check_in_cell(model, pairing_id, Qt.ItemDataRole.DecorationRole) is None
    qtbot.waitUntil(
        lambda: "missed; a later check-in was done" in tab.more_actions.panel.browser.toPlainText(),
        timeout=WAIT,
    )
    assert "overdue" not in tab.more_actions.panel.browser.toPlainText()
