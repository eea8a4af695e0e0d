"""The reminders raised on opening a file: listed by kind, each opening its record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.messages.reminders import (
    KIND_LABELS,
    REMINDER_ROLE,
    SHOW_ON_OPEN_KEY,
    RemindersPanel,
)
from mentordesk.services.reminders import Reminder, reminders
from mentordesk.store.programme_file import ProgrammeFile

from .worker_helpers import wait_for_queued_work


def wait_for_panel(qtbot: QtBot, window: MainWindow) -> RemindersPanel:
    """The reminders panel, once it shows."""
    qtbot.waitUntil(
        lambda: (
            window.messages.reminders_panel is not None
            and window.messages.reminders_panel.isVisible()
        ),
        timeout=10_000,
    )
    panel = window.messages.reminders_panel
    assert panel is not None
    return panel


def expected(programme_file: ProgrammeFile, programme_id: int) -> list[Reminder]:
    """What the service says is due today."""
    with programme_file.session() as session:
        return reminders(session, programme_id, dt.date.today())


def test_the_panel_lists_the_demos_reminders_by_kind_after_opening(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    panel = wait_for_panel(qtbot, demo_window)
    due = expected(demo_file, demo_programme_id)
    assert due, "the demo programme has check-ins due"
    assert sorted(r.title for r in panel.shown()) == sorted(r.title for r in due)
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    kinds = [k for k in KIND_LABELS if any(r.kind == k for r in due)]
    assert groups == [f"{KIND_LABELS[k]} ({sum(r.kind == k for r in due)})" for k in kinds]
    assert f"{len(due)} reminders for ADVANCE 2026" in panel.heading.text()
    assert not panel.isModal()


def test_opening_a_reminder_selects_its_pairing_in_the_pairings_tab(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    panel = wait_for_panel(qtbot, demo_window)
    reminder = next(r for r in panel.shown() if r.pairing_id is not None)
    item = panel.tree.topLevelItem(0).child(0)
    assert panel.reminders[item.data(0, REMINDER_ROLE)] == panel.shown()[0]
    panel.tree.setCurrentItem(item)
    assert panel.open_button.text() == "&Show the pairing"
    panel.open_requested.emit(reminder)
    tab = demo_window.pairings_tab
    assert demo_window.current_tab() is tab
    assert [r.pairing_id for r in tab.selected_rows()] == [reminder.pairing_id]


def test_a_reminder_hidden_by_the_needs_attention_filter_is_shown_anyway(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    panel = wait_for_panel(qtbot, demo_window)
    quiet = [r for r in panel.shown() if r.kind == "no-check-in"]
    tab = demo_window.pairings_tab
    tab.search.setText("no such pairing at all")
    assert tab.proxy.rowCount() == 0
    reminder = quiet[0] if quiet else panel.shown()[0]
    with qtbot.waitSignal(tab.loaded, timeout=10_000, raising=False):
        demo_window.messages.open_reminder(reminder)
    qtbot.waitUntil(lambda: len(tab.selected_rows()) == 1, timeout=10_000)
    assert tab.search.text() == ""
    assert tab.selected_rows()[0].pairing_id == reminder.pairing_id


def test_dismissed_reminders_stay_hidden_for_the_session(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    panel = wait_for_panel(qtbot, demo_window)
    before = panel.shown()
    first = panel.tree.topLevelItem(0).child(0)
    first.setSelected(True)
    panel.dismiss_selected()
    assert len(panel.shown()) == len(before) - 1
    assert "(1 dismissed.)" in panel.heading.text()
    panel.close()
    qtbot.waitUntil(lambda: demo_window.messages.reminders_panel is None, timeout=5000)
    demo_window.messages.reminders_action.trigger()
    reopened = wait_for_panel(qtbot, demo_window)
    assert [r.title for r in reopened.shown()] == [r.title for r in before[1:]]


def test_switched_off_the_reminders_do_not_show_on_opening(
    qtbot: QtBot, window: MainWindow, demo_file: ProgrammeFile
) -> None:
    QSettings().setValue(SHOW_ON_OPEN_KEY, False)
    window.show()
    with qtbot.waitSignals(
        [window.programme_shown, *(tab.loaded for tab in window.tabs)], timeout=10_000
    ):
        window.show_file(demo_file)
    wait_for_queued_work(qtbot)  # the reminders would have been loaded and shown by now
    assert window.messages.reminders_panel is None
    assert "reminders" not in window.statusBar().currentMessage()
    window.messages.reminders_action.trigger()
    panel = wait_for_panel(qtbot, window)
    assert not panel.on_open_box.isChecked()
    panel.on_open_box.setChecked(True)
    assert QSettings().value(SHOW_ON_OPEN_KEY) in (True, "true")
    window.close()


def test_locking_closes_the_panel(qtbot: QtBot, demo_window: MainWindow) -> None:
    panel = wait_for_panel(qtbot, demo_window)
    assert panel.shown()
    demo_window.locker.lock()
    assert demo_window.messages.reminders_panel is None
    assert not isValid(panel) or not panel.isVisible()
