"""Unsaved pairing, event, training and invitation forms survive the lock, in memory only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import select

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.event_dialog import EventDialog
from mentordesk.gui.tabs.invite_dialog import InviteDialog
from mentordesk.gui.tabs.pairing_dialog import PairingDialog
from mentordesk.gui.tabs.training_rules_dialog import TrainingRulesDialog
from mentordesk.store.models import Event
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import files_containing

from .event_helpers import events_tab, select_titled, training_tab

CATCH_UP = "Orientation training (catch-up session)"


def _lock_and_check_nothing_on_disk(window: MainWindow, dialog: QDialog, canary: str) -> None:
    """Lock over ``dialog``; the typed ``canary`` is in no file, settings included."""
    window.locker.lock()
    assert window.locker.locked
    assert not (isValid(dialog) and dialog.isVisible())
    QSettings().sync()
    folder = Path(window.locker.path or ".").parent
    assert files_containing(folder, canary) == []


def _unlock_and_reopen(qtbot: QtBot, window: MainWindow, passphrase: str, title: str) -> None:
    assert window.locker.unlock(passphrase)
    qtbot.waitUntil(lambda: window.locker.draft_box is not None, timeout=10_000)
    offer = window.locker.draft_box
    assert offer is not None
    assert f"“{title}”" in offer.text()
    next(b for b in offer.buttons() if b.text() == "Reopen").click()


def test_a_pairing_form_is_offered_back_after_the_lock(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    tab = demo_window.pairings_tab
    demo_window.tab_widget.setCurrentWidget(tab)
    tab.add()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=10_000)
    dialog = tab.dialog
    assert isinstance(dialog, PairingDialog)
    qtbot.keyClicks(dialog.ui.name, "CANARY-pairing-7391")
    dialog.ui.goals.setPlainText("Publish a first paper")
    dialog.ui.mentees.item(2).setCheckState(Qt.CheckState.Checked)
    ticked = dialog.mentee_ids()
    _lock_and_check_nothing_on_disk(demo_window, dialog, "CANARY-pairing-7391")
    _unlock_and_reopen(qtbot, demo_window, passphrase, "Add pairing")
    qtbot.waitUntil(lambda: isinstance(tab.dialog, PairingDialog), timeout=10_000)
    again = tab.dialog
    assert isinstance(again, PairingDialog)
    assert again is not dialog
    assert again.windowTitle() == "Add pairing"
    assert again.ui.name.text() == "CANARY-pairing-7391"
    assert again.ui.goals.toPlainText() == "Publish a first paper"
    assert again.mentee_ids() == ticked


def test_an_event_form_keeps_its_series_over_the_lock(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    tab = events_tab(demo_window)
    tab.add()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=10_000)
    dialog = tab.dialog
    assert isinstance(dialog, EventDialog)
    qtbot.keyClicks(dialog.ui.title, "CANARY-event-2284")
    dialog.ui.repeats.setChecked(True)
    dialog.ui.every_weeks.setValue(2)
    dialog.ui.session_count.setValue(4)
    before = dialog.values()
    _lock_and_check_nothing_on_disk(demo_window, dialog, "CANARY-event-2284")
    _unlock_and_reopen(qtbot, demo_window, passphrase, "Add event")
    qtbot.waitUntil(lambda: isinstance(tab.dialog, EventDialog), timeout=10_000)
    again = tab.dialog
    assert isinstance(again, EventDialog)
    assert again.windowTitle() == "Add event"
    assert again.ui.repeats.isVisibleTo(again)
    assert again.values() == before
    assert (before.every_weeks, before.count) == (2, 4)


def test_an_edited_training_session_is_saved_as_an_edit_after_the_lock(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, passphrase: str
) -> None:
    tab = training_tab(demo_window)
    event = select_titled(qtbot, tab, CATCH_UP)
    tab.edit()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=10_000)
    dialog = tab.dialog
    assert isinstance(dialog, EventDialog)
    dialog.ui.title.setText("CANARY-training-5510")
    _lock_and_check_nothing_on_disk(demo_window, dialog, "CANARY-training-5510")
    _unlock_and_reopen(qtbot, demo_window, passphrase, "Edit event")
    qtbot.waitUntil(lambda: isinstance(tab.dialog, EventDialog), timeout=10_000)
    again = tab.dialog
    assert isinstance(again, EventDialog)
    assert again.windowTitle() == "Edit event"
    assert not again.ui.repeats.isVisibleTo(again)
    assert again.ui.title.text() == "CANARY-training-5510"
    with qtbot.waitSignal(again.saved, timeout=10_000):
        again.accept()
    reopened = demo_window.programme_file
    assert reopened is not None
    with reopened.session() as session:
        assert session.get(Event, event.event_id).title == "CANARY-training-5510"
        titles = session.scalars(select(Event.title)).all()
        assert titles.count("CANARY-training-5510") == 1


def test_the_people_ticked_for_an_invitation_are_ticked_again_after_the_lock(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    tab = training_tab(demo_window)
    event = select_titled(qtbot, tab, CATCH_UP)
    panel = tab.panel
    panel.invite()
    qtbot.waitUntil(lambda: panel.invite_dialog is not None, timeout=10_000)
    dialog = panel.invite_dialog
    assert isinstance(dialog, InviteDialog)
    for n in (0, 2):
        dialog.people.item(n).setCheckState(Qt.CheckState.Checked)
    before = dialog.values()
    assert len(before.person_ids) == 2
    _lock_and_check_nothing_on_disk(demo_window, dialog, "CANARY-none")
    _unlock_and_reopen(qtbot, demo_window, passphrase, "Invite people")
    qtbot.waitUntil(lambda: isinstance(panel.invite_dialog, InviteDialog), timeout=10_000)
    again = panel.invite_dialog
    assert isinstance(again, InviteDialog)
    assert again.values() == before
    assert again.values().event_id == event.event_id


def test_training_rules_being_edited_come_back_after_the_lock(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    tab = training_tab(demo_window)
    view = tab.missing_view
    view.edit_rules()
    qtbot.waitUntil(lambda: view.rules_dialog is not None, timeout=10_000)
    dialog = view.rules_dialog
    assert isinstance(dialog, TrainingRulesDialog)
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_rule()
    before = dialog.values()
    _lock_and_check_nothing_on_disk(demo_window, dialog, "CANARY-none")
    _unlock_and_reopen(qtbot, demo_window, passphrase, "Training rules")
    qtbot.waitUntil(lambda: isinstance(view.rules_dialog, TrainingRulesDialog), timeout=10_000)
    again = view.rules_dialog
    assert isinstance(again, TrainingRulesDialog)
    assert again is not dialog
    assert again.values() == before


def test_a_form_that_cannot_come_back_is_named_as_discarded(
    qtbot: QtBot, demo_window: MainWindow, passphrase: str
) -> None:
    demo_window.new_programme()
    dialog = next(
        w
        for w in demo_window.findChildren(QDialog)
        if w.isVisible() and "rogramme" in w.windowTitle()
    )
    demo_window.locker.lock()
    assert not (isValid(dialog) and dialog.isVisible())
    assert demo_window.locker.unlock(passphrase)
    qtbot.waitUntil(lambda: demo_window.locker.draft_box is not None, timeout=10_000)
    offer = demo_window.locker.draft_box
    assert offer is not None
    assert "was not kept" in offer.text()


def test_the_tabs_that_reopen_their_forms_after_a_lock_say_so_in_one_place(
    window: MainWindow,
) -> None:
    reopening = {tab.TITLE for tab in window.tabs if tab.can_reopen_draft()}
    assert reopening == {"Applicants", "Pairings", "Training", "Events", "Notes"}
    assert all(tab.can_reopen_draft() == tab.REOPENS_DRAFTS for tab in window.tabs)
