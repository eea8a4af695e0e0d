"""The Events tab: the event form, series across a clock change, cancelling, month view, .ics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import vobject
from PySide6.QtCore import QDate, QDateTime, QItemSelectionModel, QSettings, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import Audience, EventKind
from mentordesk.formats.ical import Person
from mentordesk.gui.calendar_export import remember_organiser
from mentordesk.gui.form_values import select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.table_models import EventTableModel
from mentordesk.gui.tabs.event_dialog import EventDialog
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.services.events import event_input, event_rows
from mentordesk.store.programme_file import ProgrammeFile

from .event_helpers import events_tab, rows_of, select_titled

LUXEMBOURG = ZoneInfo("Europe/Luxembourg")


def _open_add_dialog(qtbot: QtBot, tab: EventsTab) -> EventDialog:
    tab.add()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=10_000)
    dialog = tab.dialog
    assert isinstance(dialog, EventDialog)
    return dialog


def _set_time(dialog: EventDialog, day: dt.date, start: int, end: int) -> None:
    qdate = QDate(day.year, day.month, day.day)
    dialog.ui.starts_at.setDateTime(QDateTime(qdate, QTime(start, 30)))
    dialog.ui.ends_at.setDateTime(QDateTime(qdate, QTime(end, 30)))


def test_the_form_saves_link_facilitator_audience_and_a_weekly_series_across_the_clock_change(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = events_tab(demo_window)
    dialog = _open_add_dialog(qtbot, tab)
    ui = dialog.ui
    assert ui.repeats.isVisible()
    assert not ui.audience_strand.isEnabled()
    ui.title.setText("Writing club")
    select_value(ui.kind, EventKind.OTHER)
    # Thursdays 22 and 29 October, and 5 November 2026: the clocks go back on the 25th.
    _set_time(dialog, dt.date(2026, 10, 22), 10, 12)
    ui.online_link.setText("https://teams.example/l/writing-club")
    ui.facilitator.setText("Dr Ana Costa")
    select_value(ui.audience, Audience.STRAND)
    assert ui.audience_strand.isEnabled()
    ui.audience_strand.setCurrentIndex(ui.audience_strand.findText("Fellows"))
    ui.repeats.setChecked(True)
    ui.every_weeks.setValue(1)
    ui.session_count.setValue(3)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        dialog.accept()

    with demo_file.session() as session:
        series = [r for r in event_rows(session, demo_programme_id) if r.title == "Writing club"]
        inputs = [event_input(session, r.event_id) for r in series]
    assert len(series) == 3
    local = [r.starts_at.astimezone(LUXEMBOURG) for r in series]
    assert [t.date() for t in local] == [
        dt.date(2026, 10, 22),
        dt.date(2026, 10, 29),
        dt.date(2026, 11, 5),
    ]
    assert {(t.hour, t.minute) for t in local} == {(10, 30)}
    assert [r.starts_at.astimezone(dt.UTC).hour for r in series] == [8, 9, 9]
    for data in inputs:
        assert data.online_link == "https://teams.example/l/writing-club"
        assert data.facilitator == "Dr Ana Costa"
        assert data.audience is Audience.STRAND
        assert data.audience_strand_id is not None
    assert sum(r.title == "Writing club" for r in rows_of(tab)) == 3


def test_a_time_the_clocks_skip_is_explained_and_nothing_is_saved(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = events_tab(demo_window)
    with demo_file.session() as session:
        before = len(event_rows(session, demo_programme_id))
    dialog = _open_add_dialog(qtbot, tab)
    dialog.ui.title.setText("Spring social")
    # 28 March 2027, 02:30: the clocks go from 02:00 straight to 03:00 in Luxembourg.
    _set_time(dialog, dt.date(2027, 3, 28), 2, 4)
    dialog.accept()
    qtbot.waitUntil(
        lambda: dialog.findChild(QMessageBox, "error_message") is not None, timeout=10_000
    )
    box = dialog.findChild(QMessageBox, "error_message")
    assert "does not exist in Europe/Luxembourg" in box.text()
    assert "clocks go forward" in box.text()
    box.close()
    assert dialog.isVisible()
    assert dialog.ui.title.text() == "Spring social"
    with demo_file.session() as session:
        assert len(event_rows(session, demo_programme_id)) == before
    dialog.reject()


def _answer_question(button_text: str) -> None:
    """Click ``button_text`` in the question box about to open (it runs its own loop)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def test_cancelling_an_event_keeps_it_struck_through(qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = events_tab(demo_window)
    row = select_titled(qtbot, tab, "ADVANCE 2026 closing ceremony")
    _answer_question("Cancel event")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.cancel_action.trigger()
    cancelled = next(r for r in rows_of(tab) if r.event_id == row.event_id)
    assert cancelled.cancelled
    source_row = rows_of(tab).index(cancelled)
    index = tab.model.index(source_row, EventTableModel.TITLE)
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Cancelled")
    others = [r for r in rows_of(tab) if not r.cancelled]
    other_index = tab.model.index(rows_of(tab).index(others[0]), EventTableModel.TITLE)
    assert other_index.data(Qt.ItemDataRole.FontRole) is None


def test_the_month_view_shows_events_on_their_days_and_selects_them(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = events_tab(demo_window)
    assert tab.month_view is not None
    assert tab.month_button is not None
    tab.month_button.setChecked(True)
    assert tab.list_pages.currentWidget() is tab.month_view
    days = tab.month_view.event_days()
    assert dt.date(2026, 1, 15) in days  # the kick-off
    assert dt.date(2026, 12, 10) in days  # the closing ceremony
    assert dt.date(2026, 12, 11) not in days
    bold = tab.month_view.calendar.dateTextFormat(QDate(2026, 4, 23))
    assert bold.fontWeight() > 400
    plain = tab.month_view.calendar.dateTextFormat(QDate(2026, 4, 24))
    assert plain.fontWeight() <= 400
    tab.month_view.show_date(dt.date(2026, 4, 23))
    [event_id] = tab.month_view.day_events()
    item = tab.month_view.day_list.item(0)
    assert "Spring networking evening" in item.text()
    assert item.text().startswith("18:00–21:00")
    with qtbot.waitSignal(tab.panel.loaded, timeout=10_000):
        tab.month_view.day_list.itemClicked.emit(item)
    current = tab.current_row()
    assert current is not None
    assert current.event_id == event_id
    tab.month_view.show_date(dt.date(2026, 4, 24))
    assert tab.month_view.day_events() == []
    tab.month_button.setChecked(False)
    assert tab.list_pages.currentWidget() is tab.view


def test_the_programme_calendar_and_selected_events_export_as_ics(
    qtbot: QtBot,
    demo_window: MainWindow,
    demo_file: ProgrammeFile,
    demo_programme_id: int,
    tmp_path: Path,
) -> None:
    with demo_file.session() as session:
        every = event_rows(session, demo_programme_id)
    whole = tmp_path / "programme.ics"
    with qtbot.waitSignal(demo_window.exported, timeout=10_000):
        demo_window.export_calendar_to(whole)
    calendar = vobject.readOne(whole.read_text(encoding="utf-8"))
    assert len(calendar.contents["vevent"]) == len(every) > 5

    tab = events_tab(demo_window)
    select_titled(qtbot, tab, "ADVANCE 2026 kick-off")
    kick_off = tab.current_row()
    closing = next(r for r in rows_of(tab) if r.title == "ADVANCE 2026 closing ceremony")
    flags = QItemSelectionModel.SelectionFlag
    for proxy_row in range(tab.proxy.rowCount()):
        index = tab.proxy.index(proxy_row, 0)
        if tab.model.row_at(tab.proxy.mapToSource(index).row()).event_id == closing.event_id:
            tab.view.selectionModel().select(index, flags.Select | flags.Rows)
    assert {r.event_id for r in tab.selected_rows()} == {kick_off.event_id, closing.event_id}
    chosen = tmp_path / "chosen.ics"
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.export_selected_to(chosen)
    events = vobject.readOne(chosen.read_text(encoding="utf-8")).contents["vevent"]
    assert sorted(e.summary.value for e in events) == [
        "ADVANCE 2026 closing ceremony",
        "ADVANCE 2026 kick-off",
    ]


def test_invitations_are_one_file_per_event_with_the_organiser_and_safe_names(
    qtbot: QtBot, demo_window: MainWindow, private_settings: Path, tmp_path: Path
) -> None:
    remember_organiser(Person("Claire Coordinator", "claire@uni.example"))
    tab = events_tab(demo_window)
    select_titled(qtbot, tab, "ADVANCE 2026 kick-off")
    folder = tmp_path / "invitations"
    folder.mkdir()
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.save_invitations_to(folder)
    [written] = folder.iterdir()
    assert written.name == "2026-01-15 ADVANCE 2026 kick-off.ics"
    invitation = vobject.readOne(written.read_text(encoding="utf-8"))
    assert invitation.method.value == "REQUEST"
    [event] = invitation.contents["vevent"]
    assert "claire@uni.example" in event.organizer.value.lower()
    # Only the coordinator is remembered, never a participant.
    calendar_keys = {k for k in QSettings().allKeys() if k.startswith("calendar/")}
    assert calendar_keys == {"calendar/organiser_name", "calendar/organiser_email"}
