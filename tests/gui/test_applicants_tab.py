"""The Applicants tab: filters that combine, places per strand, and the panel about a person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.gui.form_values import combo_value, fill_enum_combo, select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.applicant_filters import summary_text
from mentordesk.gui.tabs.applicants import ApplicantsTab
from mentordesk.services.applicants import ApplicantRow, person_detail, strand_summaries
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.store.programme_file import ProgrammeFile

from .worker_helpers import wait_for_queued_work

CANARY = "CANARY-7f3a-never-in-the-panel"


def _tab(window: MainWindow) -> ApplicantsTab:
    tab = window.tabs[0]
    assert isinstance(tab, ApplicantsTab)
    return tab


def _all_rows(tab: ApplicantsTab) -> list[ApplicantRow]:
    return [tab.model.row_at(r) for r in range(tab.model.rowCount())]


def _shown(tab: ApplicantsTab) -> list[ApplicantRow]:
    return [
        tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row())
        for r in range(tab.proxy.rowCount())
    ]


def test_filters_combine_with_each_other_and_with_the_search(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _tab(demo_window)
    rows = _all_rows(tab)
    filters = tab.filters
    assert [filters.strand.itemText(i) for i in range(filters.strand.count())] == [
        "All strands",
        "Circles",
        "Faculty",
        "Fellows",
    ]

    filters.strand.setCurrentIndex(filters.strand.findText("Fellows"))
    fellows = [r for r in rows if r.strand == "Fellows"]
    assert 0 < tab.proxy.rowCount() == len(fellows) < len(rows)
    assert f"{len(fellows)} of {len(rows)} applications shown" in demo_window.counts_label.text()

    select_value(filters.role, Role.MENTEE)
    mentees = [r for r in fellows if r.role is Role.MENTEE]
    assert _shown(tab) == mentees

    select_value(filters.status, ApplicationStatus.ACCEPTED)
    accepted = [r for r in mentees if r.status is ApplicationStatus.ACCEPTED]
    assert _shown(tab) == accepted
    assert 0 < len(accepted) < len(mentees)

    word = accepted[0].name.split()[0]
    tab.search.setText(word)
    assert _shown(tab) == [r for r in accepted if word.lower() in r.name.lower()]

    tab.search.clear()
    filters.reset()
    assert tab.proxy.rowCount() == len(rows)
    assert demo_window.counts_label.text().startswith(f"{len(rows)} applications")


def test_the_chosen_strand_stays_chosen_after_a_reload(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _tab(demo_window)
    tab.filters.strand.setCurrentIndex(tab.filters.strand.findText("Circles"))
    shown = tab.proxy.rowCount()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.reload()
    assert tab.filters.strand.currentText() == "Circles"
    assert tab.proxy.rowCount() == shown


def test_strand_summary_shows_the_services_counts(
    demo_window: MainWindow, demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        summaries = strand_summaries(session, demo_programme_id)
    line = _tab(demo_window).summary_line
    assert line.summaries == summaries
    for summary in summaries:
        expected = (
            f"{summary.name}: {summary.places} places · {summary.applications} applications"
            f" · {summary.mentees_accepted} mentees accepted"
        )
        assert summary_text(summary) == expected
        assert expected in line.plain_text()
        assert expected in line.text()
        # A strand with more acceptances than places is shown in red and bold.
        assert (f"font-weight:bold'>{expected}" in line.text()) == summary.over_places


def test_detail_panel_shows_the_selected_person_but_never_a_notes_text(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    rows = _all_rows(tab)
    with demo_file.session() as session:
        details = {r.person_id: person_detail(session, r.person_id) for r in rows}
    # Someone in a pairing who took part in training: the panel has something in each section.
    chosen = next(
        r for r in rows if details[r.person_id].pairings and details[r.person_id].attendance
    )
    with demo_file.session() as session:
        add_note(
            session,
            NoteInput(dt.date(2026, 3, 1), f"{CANARY} title", f"{CANARY} text", chosen.person_id),
        )
    detail = details[chosen.person_id]

    proxy_row = next(i for i, r in enumerate(_shown(tab)) if r == chosen)
    with qtbot.waitSignal(tab.detail_shown, timeout=5000) as shown:
        tab.view.selectRow(proxy_row)
    assert shown.args == [chosen.person_id]

    text = tab.panel.toPlainText()
    assert chosen.name in text
    assert chosen.email in text
    for application in detail.applications:
        assert application.strand in text
        assert application.status.label in text
    for other in detail.pairings[0].others:
        assert other in text
    for visit in detail.attendance:
        assert visit.title in text
        assert visit.date.isoformat() in text
    notes = detail.note_count + 1
    assert f"{notes} confidential {'note' if notes == 1 else 'notes'}" in text
    assert CANARY not in text
    assert CANARY not in tab.panel.toHtml()


def test_detail_panel_follows_the_selection_and_empties_without_one(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _tab(demo_window)
    first, second = _shown(tab)[:2]
    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.view.selectRow(0)
    assert tab.panel.person_id == first.person_id
    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.view.selectRow(1)
    assert tab.panel.person_id == second.person_id
    tab.view.clearSelection()
    qtbot.waitUntil(lambda: tab.panel.person_id is None, timeout=5000)
    assert second.name not in tab.panel.toPlainText()


def test_hiding_the_panel_collapses_it_and_showing_it_loads_the_person(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _tab(demo_window)
    demo_window.tab_widget.setCurrentWidget(tab)
    tab.details_button.setChecked(False)
    assert not tab.panel.isVisible()
    shown: list[int] = []
    tab.detail_shown.connect(shown.append)
    # The panel loads once the selection settles (a short timer), on the worker thread.
    with qtbot.waitSignal(tab._detail_timer.timeout, timeout=5000):
        tab.view.selectRow(2)
    wait_for_queued_work(qtbot)
    assert shown == []
    assert tab.panel.person_id is None
    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.details_button.setChecked(True)
    assert tab.panel.isVisible()
    assert tab.panel.width() > 250


def test_a_bulk_status_change_keeps_the_selection(qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = _tab(demo_window)
    tab.view.selectRow(0)
    chosen = tab.selected_rows()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.set_status(ApplicationStatus.SHORTLISTED)
    assert [r.application_id for r in tab.selected_rows()] == [chosen[0].application_id]
    assert tab.selected_rows()[0].status is ApplicationStatus.SHORTLISTED


def test_enum_combos_give_back_members_not_strings(qtbot: QtBot) -> None:
    # Qt hands a StrEnum member back as a str; `is Role.MENTOR` checks need the member.
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_enum_combo(combo, Role, blank=True)
    assert combo_value(combo) is None
    select_value(combo, Role.MENTOR)
    assert combo_value(combo) is Role.MENTOR
