"""Show the record a reminder is about: its row selected in its tab, filters lifted if need be."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from mentordesk.gui.context import RecordRef, WindowTabs
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.training import TrainingTab

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


def reveal(
    tabs: WindowTabs,
    tab: RecordTab[Any],
    wanted: Callable[[Any], bool],
    show_status: Callable[[str], object],
) -> None:
    """Bring ``tab`` to the front with the rows ``wanted`` selected, lifting any filter.

    ``show_status`` says so when no row is wanted any more (the record is gone).
    """
    tabs.widget.setCurrentWidget(tab)
    if isinstance(tab, TrainingTab):
        tab.missing_button.setChecked(False)
    if select_rows(tab, wanted):
        return
    tab.search.clear()
    if tab is tabs.applicants:
        tabs.applicants.filters.reset()
    if tab is tabs.pairings:
        pairings_tab = tabs.pairings
        pairings_tab.drafts_only.setChecked(False)
        if pairings_tab.needs_attention.isChecked():
            # Only the pairings needing attention are loaded: load them all, then select.
            def reloaded() -> None:
                pairings_tab.loaded.disconnect(reloaded)
                if not select_rows(pairings_tab, wanted):
                    show_status(GONE_TEXT)

            pairings_tab.loaded.connect(reloaded)
            pairings_tab.needs_attention.setChecked(False)
            return
    if not select_rows(tab, wanted):
        show_status(GONE_TEXT)


def show_record(tabs: WindowTabs, show_status: Callable[[str], object], record: RecordRef) -> None:
    """Show a pairing, else an event, else people, selected in their tab (a reminder's record)."""
    pairing_id, event_id = record.pairing_id, record.event_id
    if pairing_id is not None:
        reveal(tabs, tabs.pairings, lambda r: r.pairing_id == pairing_id, show_status)
    elif event_id is not None:
        holding = [
            t
            for t in tabs.records
            if isinstance(t, EventsTab)
            and any(t.model.row_at(i).event_id == event_id for i in range(t.model.rowCount()))
        ]
        if not holding:
            show_status(GONE_TEXT)
            return
        reveal(tabs, holding[0], lambda r: r.event_id == event_id, show_status)
    elif record.person_ids:
        people = set(record.person_ids)
        reveal(tabs, tabs.applicants, lambda r: r.person_id in people, show_status)
