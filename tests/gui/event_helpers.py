"""Helpers shared by the Training and Events tab tests: finding and selecting events."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.training import TrainingTab
from mentordesk.services.events import EventRow


def training_tab(window: MainWindow) -> TrainingTab:
    """The Training tab, brought to the front."""
    tab = window.tabs[2]
    assert isinstance(tab, TrainingTab)
    window.tab_widget.setCurrentWidget(tab)
    return tab


def events_tab(window: MainWindow) -> EventsTab:
    """The Events tab, brought to the front."""
    tab = window.tabs[3]
    assert isinstance(tab, EventsTab)
    assert not isinstance(tab, TrainingTab)
    window.tab_widget.setCurrentWidget(tab)
    return tab


def rows_of(tab: EventsTab) -> list[EventRow]:
    """Every event the tab holds."""
    return [tab.model.row_at(r) for r in range(tab.model.rowCount())]


def select_titled(qtbot: QtBot, tab: EventsTab, title: str) -> EventRow:
    """Select the event with this title and wait for its register to load."""
    row = next(r for r in rows_of(tab) if r.title == title)
    with qtbot.waitSignal(tab.panel.loaded, timeout=10_000):
        tab.select_event(row.event_id)
    assert tab.panel.shown_event is not None
    assert tab.panel.shown_event.event_id == row.event_id
    return row
