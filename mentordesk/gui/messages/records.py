"""Show the record a reminder is about: its row selected in its tab, filters lifted if need be."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.training import TrainingTab

if TYPE_CHECKING:
    from mentordesk.gui.main_window import MainWindow
    from mentordesk.services.reminders import Reminder

#: What the status bar says when the record is gone.
GONE_TEXT = "That record is no longer in the programme."


def bring_forward(widget: QWidget) -> None:
    """Raise a window above the others and give it the keyboard."""
    # Without a screen (the offscreen platform) there is nothing to raise above.
    if QGuiApplication.platformName() != "offscreen":
        widget.raise_()
    widget.activateWindow()


def select_rows(tab: RecordTab[Any], wanted: Callable[[Any], bool]) -> int:
    """Select the rows of ``tab`` shown now for which ``wanted(row)`` holds; return how many."""
    proxy, model, view = tab.proxy, tab.model, tab.view
    last_column = max(proxy.columnCount() - 1, 0)
    selection = QItemSelection()
    found: list[QModelIndex] = []
    for proxy_row in range(proxy.rowCount()):
        index = proxy.index(proxy_row, 0)
        if wanted(model.row_at(proxy.mapToSource(index).row())):
            selection.select(index, proxy.index(proxy_row, last_column))
            found.append(index)
    if not found:
        return 0
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(found[0], flags.NoUpdate)
    view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
    view.scrollTo(found[0])
    return len(found)


def reveal(window: MainWindow, tab: RecordTab[Any], wanted: Callable[[Any], bool]) -> None:
    """Bring ``tab`` to the front with the rows ``wanted`` selected, lifting any filter."""
    window.tab_widget.setCurrentWidget(tab)
    if isinstance(tab, TrainingTab):
        tab.missing_button.setChecked(False)
    if select_rows(tab, wanted):
        return
    tab.search.clear()
    if tab is window.applicants_tab:
        window.applicants_tab.filters.reset()
    if tab is window.pairings_tab:
        pairings_tab = window.pairings_tab
        pairings_tab.drafts_only.setChecked(False)
        if pairings_tab.needs_attention.isChecked():
            # Only the pairings needing attention are loaded: load them all, then select.
            def reloaded() -> None:
                pairings_tab.loaded.disconnect(reloaded)
                if not select_rows(pairings_tab, wanted):
                    window.statusBar().showMessage(GONE_TEXT, 8000)

            pairings_tab.loaded.connect(reloaded)
            pairings_tab.needs_attention.setChecked(False)
            return
    if not select_rows(tab, wanted):
        window.statusBar().showMessage(GONE_TEXT, 8000)


def show_record(window: MainWindow, reminder: Reminder) -> None:
    """Show what a reminder is about: its pairing, its event, or its people."""
    if reminder.pairing_id is not None:
        pairing_id = reminder.pairing_id
        reveal(window, window.pairings_tab, lambda r: r.pairing_id == pairing_id)
    elif reminder.event_id is not None:
        event_id = reminder.event_id
        holding = [
            t
            for t in window.tabs
            if isinstance(t, EventsTab)
            and any(t.model.row_at(i).event_id == event_id for i in range(t.model.rowCount()))
        ]
        if not holding:
            window.statusBar().showMessage(GONE_TEXT, 8000)
            return
        reveal(window, holding[0], lambda r: r.event_id == event_id)
    elif reminder.person_ids:
        people = set(reminder.person_ids)
        reveal(window, window.applicants_tab, lambda r: r.person_id in people)
    bring_forward(window)
