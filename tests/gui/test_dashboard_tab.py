"""The Dashboard tab on the demo programme: its numbers, its records, and keeping up to date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicationStatus, StrandFormat
from mentordesk.gui.charts import Bar, BarChart, BarRow, DumbbellChart
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.dashboard import DashboardTab
from mentordesk.gui.tabs.dashboard_records import RecordsDialog
from mentordesk.services.dashboard import ProgrammeFigures, percent_text, programme_figures
from mentordesk.services.organisations import merge_organisations
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    find_programme,
)
from mentordesk.store.programme_file import ProgrammeFile

from .worker_helpers import wait_for_queued_work


@pytest.fixture
def dashboard(qtbot: QtBot, demo_window: MainWindow) -> DashboardTab:
    """The Dashboard of the demo window, its figures loaded."""
    tab = demo_window.dashboard_tab
    qtbot.waitUntil(lambda: tab.figures is not None, timeout=10_000)
    return tab


def _expected(demo_file: ProgrammeFile, day: dt.date) -> ProgrammeFigures:
    with demo_file.session() as session:
        return programme_figures(session, find_programme(session, None).id, day)


def _open_dialog(qtbot: QtBot, tab: DashboardTab) -> RecordsDialog:
    qtbot.waitUntil(
        lambda: tab.records_dialog is not None and tab.records_dialog.table is not None,
        timeout=10_000,
    )
    assert tab.records_dialog is not None
    return tab.records_dialog


def test_the_dashboard_is_the_first_tab_and_shows_the_demo_figures(
    qtbot: QtBot, demo_window: MainWindow, dashboard: DashboardTab, demo_file: ProgrammeFile
) -> None:
    assert demo_window.tab_widget.widget(0) is dashboard
    assert dashboard.isVisible()
    figures = dashboard.figures
    assert figures is not None
    expected = _expected(demo_file, figures.today)
    assert figures == expected
    cards = dashboard.cards
    assert cards["applications"].value == str(expected.applications.applications.value) == "60"
    assert cards["places"].value == str(expected.applications.places)
    assert cards["acceptance"].value == percent_text(expected.applications.acceptance.value)
    assert cards["active_pairings"].value == str(expected.pairings.active.value)
    assert cards["overdue"].value == str(expected.pairings.overdue_check_ins.value)
    assert cards["training"].value == percent_text(expected.training.completion.value)
    assert cards["overdue"].accessibleName() == f"Overdue check-ins: {cards['overdue'].value}"
    feedback = expected.surveys.feedback
    assert feedback.mean_rating is not None
    assert cards["rating"].value == f"{feedback.mean_rating:.1f} / 5"
    assert cards["recommend"].value == percent_text(feedback.recommend_rate)
    assert cards["rating"].key == expected.surveys.respondents.records
    assert "ADVANCE 2026" in dashboard.heading.text()
    # With the Dashboard in front there is no table to add to, edit, search or export.
    assert demo_window.current_tab() is None
    assert not demo_window.add_action.isEnabled()
    assert not demo_window.export_view_action.isEnabled()

    strands = dashboard.charts["strands"]
    assert isinstance(strands, BarChart)
    assert [row.label for row in strands.rows] == [s.name for s in expected.strands]
    assert [row.bars[1].value for row in strands.rows] == [
        s.accepted_mentees.value for s in expected.strands
    ]
    items = dashboard.charts["items"]
    assert isinstance(items, DumbbellChart)
    assert [(i.before, i.after) for i in items.items] == [
        (i.change.mean_pre, i.change.mean_post) for i in expected.surveys.items
    ]
    assert items.items[0].label == "Goals clarity"
    gender = dashboard.charts["gender"]
    assert isinstance(gender, BarChart)
    assert [row.label for row in gender.rows][-1] == "Not recorded"
    assert (
        sum(row.bars[0].value for row in gender.rows) == expected.participation.participants.value
    )


def test_a_card_opens_the_records_behind_it_and_exports_them(
    qtbot: QtBot, dashboard: DashboardTab, tmp_path: Path
) -> None:
    assert dashboard.figures is not None
    overdue = dashboard.figures.pairings.overdue_check_ins
    assert overdue.value > 0
    card = dashboard.cards["overdue"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(qtbot, dashboard)
    assert dialog.isVisible()
    assert dialog.heading.text() == "Overdue check-ins"
    assert dialog.records.model.rowCount() == overdue.value
    noun = "record" if overdue.value == 1 else "records"
    assert dialog.count_label.text() == f"{overdue.value} {noun}"
    assert dialog.export_button.isEnabled()

    target = tmp_path / "overdue.xlsx"
    with qtbot.waitSignal(dialog.records.exported, timeout=10_000):
        dialog.records.export_view_to(target)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("Mentor", "Mentees", "Pairing status", "Due", "Days overdue")
    assert len(rows) - 1 == overdue.value
    assert all(isinstance(row[3], dt.datetime) and isinstance(row[4], int) for row in rows[1:])

    qtbot.keyClicks(dialog.records.search, dialog.records.model.row_at(0)[0])
    assert 0 < dialog.records.proxy.rowCount() <= overdue.value
    assert "shown" in dialog.count_label.text() or dialog.records.proxy.rowCount() == overdue.value
    dialog.close()
    qtbot.waitUntil(lambda: dashboard.records_dialog is None)


def test_a_bar_opens_its_records_by_mouse_and_by_keyboard(
    qtbot: QtBot, dashboard: DashboardTab
) -> None:
    assert dashboard.figures is not None
    strands = dashboard.charts["strands"]
    strands.grab()  # paints it, placing its bars
    marks = strands.marks()
    fellows = next(s for s in dashboard.figures.strands if s.name == "Fellows")
    rect, tooltip, _key = next(m for m in marks if m[2] == fellows.accepted_mentees.records)
    assert f"{fellows.accepted_mentees.value} mentees accepted" in tooltip
    qtbot.mouseClick(strands, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    dialog = _open_dialog(qtbot, dashboard)
    assert dialog.heading.text() == "Accepted mentees in Fellows"
    assert dialog.records.model.rowCount() == fellows.accepted_mentees.value
    statuses = {dialog.records.model.row_at(r)[4] for r in range(dialog.records.model.rowCount())}
    assert statuses == {"Accepted"}
    dialog.close()
    qtbot.waitUntil(lambda: dashboard.records_dialog is None)

    pairings = dashboard.charts["pairings"]
    pairings.setFocus()
    qtbot.keyClick(pairings, Qt.Key.Key_Down)
    with qtbot.waitSignal(pairings.activated) as opened:
        qtbot.keyClick(pairings, Qt.Key.Key_Return)
    first_status = next(s for s in dashboard.figures.pairings.by_status if s.count.value)
    assert opened.args == [first_status.count.records]
    assert _open_dialog(qtbot, dashboard).records.model.rowCount() == first_status.count.value
    # The places bars stand for no records: nothing opens from them.
    places = [m for m in marks if m[2] is None]
    assert len(places) == len(dashboard.figures.strands)


def test_the_dashboard_reloads_when_another_tab_changes_data(
    qtbot: QtBot, demo_window: MainWindow, dashboard: DashboardTab
) -> None:
    assert dashboard.figures is not None
    accepted_before = _accepted(dashboard.figures)
    applicants = demo_window.applicants_tab
    waiting = [
        r
        for r in range(applicants.model.rowCount())
        if applicants.model.row_at(r).status is ApplicationStatus.WAITLISTED
    ][:2]
    selection = applicants.view.selectionModel()
    for source_row in waiting:
        index = applicants.proxy.mapFromSource(applicants.model.index(source_row, 0))
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        applicants.set_status(ApplicationStatus.ACCEPTED)
    assert _accepted(dashboard.figures) == accepted_before + 2
    status_chart = dashboard.charts["applications"]
    assert isinstance(status_chart, BarChart)
    accepted_row = next(row for row in status_chart.rows if row.label == "Accepted")
    assert accepted_row.bars[0].value == accepted_before + 2


def test_out_of_sight_it_waits_to_be_shown_before_loading_again(
    qtbot: QtBot, demo_window: MainWindow, dashboard: DashboardTab
) -> None:
    figures = dashboard.figures
    assert figures is not None
    pairings = demo_window.pairings_tab
    demo_window.tab_widget.setCurrentWidget(pairings)
    assert not dashboard.isVisible()
    loads: list[object] = []
    dashboard.loaded.connect(lambda *args: loads.append(args))
    with qtbot.waitSignal(pairings.loaded, timeout=10_000):
        pairings.changed.emit()
        pairings.reload()
    wait_for_queued_work(qtbot)
    assert loads == []
    assert dashboard.figures is figures  # not loaded while hidden
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        demo_window.tab_widget.setCurrentWidget(dashboard)
    assert dashboard.figures is not figures
    assert dashboard.figures == figures


def test_choosing_another_programme_shows_its_figures(
    qtbot: QtBot, demo_window: MainWindow, dashboard: DashboardTab, demo_file: ProgrammeFile
) -> None:
    with demo_file.session() as session:
        other = create_programme(
            session,
            ProgrammeInput(
                name="Pilot 2027", strands=[StrandInput("Peers", StrandFormat.GROUP, 8)]
            ),
        )
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        demo_window.load_programmes(other)
    assert dashboard.figures is not None
    assert dashboard.figures.programme_id == other
    assert dashboard.cards["applications"].value == "0"
    assert dashboard.cards["places"].value == "8"
    assert dashboard.cards["acceptance"].value == "—"
    assert dashboard.cards["acceptance"].key is None  # nothing to list
    assert dashboard.charts["events"].has_data() is False


def test_closing_the_file_empties_the_dashboard(
    qtbot: QtBot, demo_window: MainWindow, dashboard: DashboardTab
) -> None:
    qtbot.mouseClick(dashboard.cards["applications"], Qt.MouseButton.LeftButton)
    _open_dialog(qtbot, dashboard)
    demo_window.close_file()
    assert dashboard.figures is None
    assert dashboard.records_dialog is None or not dashboard.records_dialog.isVisible()
    assert {card.value for card in dashboard.cards.values()} == {"—"}
    assert not any(chart.has_data() for chart in dashboard.charts.values())


def _accepted(figures: ProgrammeFigures | None) -> int:
    assert figures is not None
    return next(
        s.count.value
        for s in figures.applications.by_status
        if s.status is ApplicationStatus.ACCEPTED
    )


def test_coming_back_on_another_day_loads_the_figures_for_that_day(
    qtbot: QtBot,
    demo_window: MainWindow,
    dashboard: DashboardTab,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert dashboard.figures is not None
    tomorrow = dashboard.figures.today + dt.timedelta(days=1)
    monkeypatch.setattr("mentordesk.gui.tabs.dashboard.programme_today", lambda _p: tomorrow)
    demo_window.tab_widget.setCurrentWidget(demo_window.applicants_tab)
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        demo_window.tab_widget.setCurrentWidget(dashboard)
    assert dashboard.figures.today == tomorrow
    assert tomorrow.strftime("%d %B %Y") in dashboard.as_of.text()


def test_participants_by_organisation_follow_the_merges_of_the_organisations_list(
    qtbot: QtBot, dashboard: DashboardTab, demo_file: ProgrammeFile
) -> None:
    chart = dashboard.charts["organisation"]
    assert isinstance(chart, BarChart)
    assert dashboard.figures is not None
    expected = dashboard.figures.participation.by_organisation
    assert [(row.label, row.bars[0].value) for row in chart.rows] == [
        (g.label, g.people.value) for g in expected.shown
    ]
    assert chart.empty_text == "No participants accepted yet."
    subtitle = dashboard.panels["organisation"].subtitle.text()
    assert subtitle.endswith("by organisation (spellings merged as in Programme ▸ Organisations…)")
    assert dashboard.panels["career"].subtitle.text().endswith("by career stage")
    counts = {row.label: row.bars[0].value for row in chart.rows}
    institutes = [
        "Luxembourg Institute of Science and Technology",
        "Luxembourg Institute of Socio-Economic Research",
    ]
    with demo_file.session() as session:
        merge_organisations(session, institutes, "Luxembourg research institutes")
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        dashboard.reload()
    merged = {row.label: row.bars[0].value for row in chart.rows}
    assert merged["Luxembourg research institutes"] == sum(counts[name] for name in institutes)
    assert not set(institutes) & set(merged)


# Showing a tooltip raises it, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_organisations_names_are_shown_whole_or_cut_with_the_whole_name_in_a_tooltip(
    qtbot: QtBot, demo_window: MainWindow, dashboard: DashboardTab
) -> None:
    demo_window.resize(1366, 768)
    chart = dashboard.charts["organisation"]
    assert isinstance(chart, BarChart)
    assert any(len(row.label) > 40 for row in chart.rows)
    chart.grab()  # paints it
    assert chart.label_tips() == []  # each name on a line of its own, none cut

    name = "Luxembourg Institute of Socio-Economic Research, Department of Urban Development"
    chart.set_data(chart.series, [BarRow(name, (Bar(3, "3 participants"),))])
    chart.resize(300, chart.height())
    chart.grab()
    ((box, whole),) = chart.label_tips()
    assert whole == name
    assert box.width() <= chart.width()
    at = box.center().toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
    assert QToolTip.text() == name
    QToolTip.hideText()
