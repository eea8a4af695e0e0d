"""The register beside the Training and Events tables: ticks, heading and replies agree."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import AttendanceStatus, Rsvp
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.attendance_panel import AttendancePanel
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.register_model import STATUSES, RegisterModel
from mentordesk.services.events import event_register
from mentordesk.store.programme_file import ProgrammeFile

from .event_helpers import events_tab, rows_of, select_titled, training_tab

WAIT = 10_000


def _ticks(model: RegisterModel) -> dict[AttendanceStatus, int]:
    """How many people each status column ticks, read from the model's cells."""
    return {
        status: sum(
            model.index(row, RegisterModel.FIRST_STATUS + n).data(Qt.ItemDataRole.CheckStateRole)
            == Qt.CheckState.Checked
            for row in range(model.rowCount())
        )
        for n, status in enumerate(STATUSES)
    }


def _heading_counts(panel: AttendancePanel) -> dict[str, int]:
    """The counts the register's heading gives under the title, by the word after each number."""
    counts = panel.heading.text().split("<br>")[-1]
    return {word: int(n) for n, word in re.findall(r"(\d+) ([a-z]+)", counts)}


def _check_every_register(qtbot: QtBot, tab: EventsTab) -> int:
    checked = 0
    for event in rows_of(tab):
        select_titled(qtbot, tab, event.title)
        model = tab.panel.model
        ticks = _ticks(model)
        # The heading counts exactly the ticks of each column…
        assert _heading_counts(tab.panel) == {s.label.lower(): ticks[s] for s in STATUSES}
        # …and the table beside it counts the same people.
        assert (event.invited, event.attended) == (
            ticks[AttendanceStatus.INVITED],
            ticks[AttendanceStatus.ATTENDED],
        )
        assert ticks[AttendanceStatus.INVITED] == model.rowCount()
        for row in range(model.rowCount()):
            line = model.line_at(row)
            reply = model.index(row, RegisterModel.RSVP).data()
            if line.status is AttendanceStatus.ATTENDED:
                assert reply != Rsvp.NO_REPLY.label, line.name
        checked += model.rowCount()
    return checked


def test_the_registers_ticks_agree_with_its_heading_and_the_table(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    assert _check_every_register(qtbot, training_tab(demo_window)) > 40
    assert _check_every_register(qtbot, events_tab(demo_window)) >= 0


def test_someone_who_came_without_replying_reads_came(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = training_tab(demo_window)
    select_titled(qtbot, tab, "Orientation training for mentors and mentees")
    model = tab.panel.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.line_at(r).status is AttendanceStatus.ATTENDED
        and model.line_at(r).rsvp is Rsvp.NO_REPLY
    )
    assert model.index(row, RegisterModel.RSVP).data() == "Came"
    registered = RegisterModel.FIRST_STATUS + STATUSES.index(AttendanceStatus.REGISTERED)
    invited = RegisterModel.FIRST_STATUS + STATUSES.index(AttendanceStatus.INVITED)
    for column in (invited, registered):
        index = model.index(row, column)
        assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        # Ticked because they were invited and came: nothing to untick there.
        assert not index.flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert index.data(Qt.ItemDataRole.ToolTipRole)
    # Unticking a box that is not ticked changes nothing.
    absent = RegisterModel.FIRST_STATUS + STATUSES.index(AttendanceStatus.ABSENT)
    unchecked = Qt.CheckState.Unchecked
    assert not model.setData(model.index(row, absent), unchecked, Qt.ItemDataRole.CheckStateRole)


def test_unticking_attended_puts_them_back_to_invited_only(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = training_tab(demo_window)
    event = select_titled(qtbot, tab, "Orientation training for mentors and mentees")
    model = tab.panel.model
    row = next(
        r for r in range(model.rowCount()) if model.line_at(r).status is AttendanceStatus.ATTENDED
    )
    person_id = model.line_at(row).person_id
    attended = RegisterModel.FIRST_STATUS + STATUSES.index(AttendanceStatus.ATTENDED)
    with qtbot.waitSignals([tab.panel.changed, tab.panel.loaded], timeout=WAIT):
        assert model.setData(
            model.index(row, attended), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
        )
    with demo_file.session() as session:
        (line,) = [x for x in event_register(session, event.event_id) if x.person_id == person_id]
    assert (line.status, line.minutes_attended) == (AttendanceStatus.INVITED, None)
    counts = _heading_counts(tab.panel)
    assert counts["attended"] == event.attended - 1
    assert counts["invited"] == event.invited
