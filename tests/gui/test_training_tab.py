"""The Training tab: the register (ticks, bulk, invitations, reports) and who is still untrained."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import AttendanceStatus, EventKind, Role
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.attendance_import_dialog import AMBER, AttendanceImportDialog
from mentordesk.gui.tabs.register_model import RegisterModel
from mentordesk.gui.tabs.training_rules_dialog import TrainingRulesDialog
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.services.attendance import MatchedBy
from mentordesk.services.events import event_register
from mentordesk.services.training import missing_training, requirements
from mentordesk.store.programme_file import ProgrammeFile

from .event_helpers import select_titled, training_tab

SECOND_ORIENTATION = "Orientation training (second session)"
CATCH_UP = "Orientation training (catch-up session)"
TODAY = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def _statuses(programme_file: ProgrammeFile, event_id: int) -> dict[int, AttendanceStatus]:
    with programme_file.session() as session:
        return {line.person_id: line.status for line in event_register(session, event_id)}


def test_ticking_attended_in_the_register_is_saved_in_the_file(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = training_tab(demo_window)
    event = select_titled(qtbot, tab, SECOND_ORIENTATION)
    model = tab.panel.model
    before = _statuses(demo_file, event.event_id)
    row = next(
        r for r in range(model.rowCount())
        if model.line_at(r).status is AttendanceStatus.REGISTERED
    )  # fmt: skip
    person_id = model.line_at(row).person_id
    attended = RegisterModel.FIRST_STATUS + list(AttendanceStatus).index(AttendanceStatus.ATTENDED)
    index = model.index(row, attended)
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.waitSignals([tab.panel.changed, tab.loaded], timeout=10_000):
        assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    after = _statuses(demo_file, event.event_id)
    assert after[person_id] is AttendanceStatus.ATTENDED
    assert {p: s for p, s in after.items() if p != person_id} == {
        p: s for p, s in before.items() if p != person_id
    }
    # The table's count follows, and the same session stays selected with its register.
    reloaded = tab.current_row()
    assert reloaded is not None
    assert reloaded.event_id == event.event_id
    assert reloaded.attended == event.attended + 1
    # Everyone on the register is invited: that tick cannot be taken off.
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() == len(after), timeout=5000)
    assert not tab.panel.model.setData(
        tab.panel.model.index(row, RegisterModel.FIRST_STATUS), Qt.CheckState.Unchecked,
        Qt.ItemDataRole.CheckStateRole,
    )  # fmt: skip


def test_bulk_mark_sets_every_selected_person(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = training_tab(demo_window)
    event = select_titled(qtbot, tab, "Orientation training for mentors and mentees")
    panel = tab.panel
    assert panel.model.rowCount() > 5
    flags = QItemSelectionModel.SelectionFlag
    chosen = []
    for row in (0, 2, 4):
        panel.view.selectionModel().select(panel.model.index(row, 0), flags.Select | flags.Rows)
        chosen.append(panel.model.line_at(row).person_id)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.mark_buttons[AttendanceStatus.EXCUSED].click()
    after = _statuses(demo_file, event.event_id)
    assert [after[p] for p in chosen] == [AttendanceStatus.EXCUSED] * 3
    with demo_file.session() as session:
        lines = {line.person_id: line for line in event_register(session, event.event_id)}
    assert all(lines[p].minutes_attended is None for p in chosen)
    assert sum(s is AttendanceStatus.EXCUSED for s in after.values()) >= 3


def test_the_invite_dialog_adds_invited_people_to_the_register(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = training_tab(demo_window)
    event = select_titled(qtbot, tab, CATCH_UP)
    panel = tab.panel
    before = _statuses(demo_file, event.event_id)
    panel.invite()
    qtbot.waitUntil(lambda: panel.invite_dialog is not None, timeout=10_000)
    dialog = panel.invite_dialog
    assert dialog is not None
    assert dialog.people.count() > 3
    ticked = []
    for n in range(3):
        item = dialog.people.item(n)
        item.setCheckState(Qt.CheckState.Checked)
        ticked.append(int(item.data(Qt.ItemDataRole.UserRole)))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        dialog.accept()
    after = _statuses(demo_file, event.event_id)
    assert len(after) == len(before) + 3
    assert all(after[p] is AttendanceStatus.INVITED for p in ticked)
    shown = {panel.model.line_at(r).person_id for r in range(panel.model.rowCount())}
    assert set(ticked) <= shown


def _teams_report(path: Path, rows: list[list[str]]) -> Path:
    """A Teams attendance report: UTF-16, tab-separated, in numbered sections."""
    sections = [
        ["1. Summary"],
        ["Meeting title", "Orientation catch-up"],
        ["Attended participants", str(len(rows))],
        [],
        ["2. Participants"],
        ["Name", "First Join", "Last Leave", "In-Meeting Duration", "Email", "Role"],
        *rows,
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(sections)
    path.write_bytes(buffer.getvalue().encode("utf-16"))
    return path


def test_a_teams_report_records_email_matches_and_lets_an_ambiguous_name_be_resolved(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    tab = training_tab(demo_window)
    event = select_titled(qtbot, tab, CATCH_UP)
    with demo_file.session() as session:
        twins = [
            add_person(session, PersonInput("Robin", "Schmit", f"robin.schmit{n}@uni.example"))
            for n in (1, 2)
        ]
        unique = add_person(session, PersonInput("Quentin", "Aubrac", "q.aubrac@uni.example"))
    applicants = demo_window.tabs[0].model
    known = [applicants.row_at(r) for r in range(2)]
    join, leave = "12/3/26, 2:00:00 PM", "12/3/26, 4:55:00 PM"
    report = _teams_report(
        tmp_path / "attendance.csv",
        [
            [known[0].name, join, leave, "2h 55m", known[0].email.upper(), "Attendee"],
            [known[1].name, join, leave, "1h 30m", known[1].email, "Attendee"],
            ["Robin Schmit", join, leave, "2h", "", "Attendee"],
            ["Quentin Aubrac", join, leave, "45m", "", "Attendee"],
            ["Guest 4471", join, leave, "10m", "", "Attendee"],
        ],
    )
    tab.panel.import_report_from(report)
    qtbot.waitUntil(lambda: tab.panel.import_dialog is not None, timeout=10_000)
    dialog = tab.panel.import_dialog
    assert isinstance(dialog, AttendanceImportDialog)
    matched = [dialog.table.item(r, dialog.MATCH).text() for r in range(dialog.table.rowCount())]
    assert matched == [
        "By email",
        "By email",
        "Several people have this name: choose",
        "By name only: check",
        "Not found: choose or leave out",
    ]
    assert [line.matched_by for line in dialog.source.preview.lines][3] is MatchedBy.NAME
    assert dialog.table.item(3, dialog.NAME).background().color().name() == AMBER
    assert dialog.table.item(0, dialog.NAME).background().style() == Qt.BrushStyle.NoBrush
    ambiguous = dialog.table.cellWidget(2, dialog.PERSON)
    assert isinstance(ambiguous, QComboBox)
    assert ambiguous.count() == 3  # leave out, and the two people of that name
    assert ambiguous.currentIndex() == 0  # never chosen automatically
    ambiguous.setCurrentIndex(2)
    chosen_twin = int(ambiguous.currentData(Qt.ItemDataRole.UserRole))
    assert chosen_twin in twins
    assert dialog.resolved() == {2: chosen_twin}
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert dialog.outcome is not None
    assert dialog.outcome.recorded == 4
    with demo_file.session() as session:
        lines = {line.person_id: line for line in event_register(session, event.event_id)}
    assert lines[known[0].person_id].status is AttendanceStatus.ATTENDED
    assert lines[known[0].person_id].minutes_attended == 175
    assert lines[known[1].person_id].minutes_attended == 90
    assert lines[chosen_twin].status is AttendanceStatus.ATTENDED
    assert lines[unique].minutes_attended == 45
    other_twin = next(t for t in twins if t != chosen_twin)
    assert other_twin not in lines


def test_still_to_be_trained_lists_the_untrained_and_invites_them_to_the_catch_up(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = training_tab(demo_window)
    view = tab.missing_view
    view.now = TODAY
    with demo_file.session() as session:
        expected = missing_training(session, demo_programme_id, now=TODAY)
    assert expected, "the demo has people who missed orientation"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        tab.missing_button.setChecked(True)
    assert tab.pages.currentWidget() is view
    shown = [view.model.row_at(r) for r in range(view.model.rowCount())]
    assert sorted(shown, key=lambda m: (m.person_id, m.kind)) == sorted(
        expected, key=lambda m: (m.person_id, m.kind)
    )
    orientation = [m for m in shown if m.kind is EventKind.ORIENTATION]
    assert orientation
    assert all(m.next_event_title == CATCH_UP for m in orientation)
    assert not any(m.invited_to_next for m in orientation)
    column = view.model.NEXT
    assert any(
        f"2026-12-03 14:00 · {CATCH_UP}" == view.model.index(r, column).data()[4:]
        for r in range(view.model.rowCount())
    )
    assert view.invite_button.isEnabled()

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.invite_button.click()
    catch_up = next(r for r in (tab.model.row_at(i) for i in range(tab.model.rowCount()))
                    if r.title == CATCH_UP)  # fmt: skip
    registered = _statuses(demo_file, catch_up.event_id)
    assert {m.person_id for m in orientation} <= set(registered)
    assert all(registered[m.person_id] is AttendanceStatus.INVITED for m in orientation)
    after = [view.model.row_at(r) for r in range(view.model.rowCount())]
    assert all(m.invited_to_next for m in after if m.kind is EventKind.ORIENTATION)
    # Mentor training has no session to come: nobody is left to invite.
    assert not view.invite_button.isEnabled()
    tab.missing_button.setChecked(False)
    assert tab.pages.currentWidget() is tab.splitter


def test_the_register_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, demo_window: MainWindow
) -> None:
    tab = training_tab(demo_window)
    select_titled(qtbot, tab, SECOND_ORIENTATION)
    qtmodeltester.check(tab.panel.model)  # type: ignore[attr-defined]
    qtmodeltester.check(tab.missing_view.model)  # type: ignore[attr-defined]


def test_training_rules_are_edited_in_their_dialog(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    tab = training_tab(demo_window)
    view = tab.missing_view
    view.now = TODAY
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        tab.missing_button.setChecked(True)
    view.rules_button.click()
    qtbot.waitUntil(lambda: view.rules_dialog is not None, timeout=10_000)
    dialog = view.rules_dialog
    assert isinstance(dialog, TrainingRulesDialog)
    assert len(dialog.values()) == 3
    dialog.table.setCurrentCell(2, 0)  # mentor training for mentors
    dialog.remove_rule()
    save = dialog.findChild(QDialogButtonBox, "button_box").button(
        QDialogButtonBox.StandardButton.Save
    )
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        save.click()
    with demo_file.session() as session:
        rules = requirements(session, demo_programme_id)
    assert {(r.kind, r.role) for r in rules} == {
        (EventKind.ORIENTATION, Role.MENTEE),
        (EventKind.ORIENTATION, Role.MENTOR),
    }
    assert all(
        view.model.row_at(r).kind is EventKind.ORIENTATION for r in range(view.model.rowCount())
    )
