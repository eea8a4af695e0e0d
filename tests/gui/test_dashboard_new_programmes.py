"""The Dashboard of a programme just copied to next year, and places only where strands set them."""

from __future__ import annotations

import dataclasses
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import Row, select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.gui.charts import BarChart
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.dashboard import NO_LIMIT, DashboardTab
from mentordesk.services.dashboard import programme_figures
from mentordesk.services.programme_copy import copy_programme
from mentordesk.services.programmes import edit_programme, find_programme, programme_settings
from mentordesk.services.training import requirements
from mentordesk.store.models import Application, Strand
from mentordesk.store.programme_file import ProgrammeFile


def _show(qtbot: QtBot, window: MainWindow, programme_id: int) -> DashboardTab:
    dashboard = window.dashboard_tab
    window.load_programmes(programme_id)
    qtbot.waitUntil(
        lambda: dashboard.figures is not None and dashboard.figures.programme_id == programme_id,
        timeout=10_000,
    )
    return dashboard


def test_a_copied_programme_shows_its_copied_training_rules_and_its_strands_at_zero(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    with demo_file.session() as session:
        source = find_programme(session, "ADVANCE 2026").id
        copy = copy_programme(session, source, "ADVANCE 2027")
        rules = requirements(session, copy)
        strands = [s.name for s in programme_settings(session, copy).strands]
    # The copy holds the rules and strands, but no one yet.
    assert rules
    assert strands
    dashboard = _show(qtbot, demo_window, copy)
    training = dashboard.cards["training"]
    assert "No training rules" not in training.detail
    assert training.detail == f"{len(rules)} rules · no participant accepted yet"
    chart = dashboard.charts["training"]
    assert isinstance(chart, BarChart)
    assert chart.has_data()
    assert len(chart.rows) == len(rules)
    strands_chart = dashboard.charts["strands"]
    assert isinstance(strands_chart, BarChart)
    assert strands_chart.has_data()
    assert sorted(row.label for row in strands_chart.rows) == sorted(strands)
    assert all(bar.value == 0 for row in strands_chart.rows for bar in row.bars[:2])
    # The figures are the copy's own, never the programme it was copied from.
    assert dashboard.cards["applications"].value == "0"


def test_places_count_only_the_mentees_of_strands_that_set_a_number_of_them(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    with demo_file.session() as session:
        programme = find_programme(session, "ADVANCE 2026").id
        settings = programme_settings(session, programme)
        strands = [
            dataclasses.replace(s, places=None) if s.name == "Circles" else s
            for s in settings.strands
        ]
        edit_programme(session, programme, dataclasses.replace(settings, strands=strands))
    dashboard = demo_window.dashboard_tab
    dashboard.reload()

    def circles_unlimited() -> bool:
        shown = dashboard.figures
        return shown is not None and any(
            s.name == "Circles" and s.places is None for s in shown.strands
        )

    qtbot.waitUntil(circles_unlimited, timeout=10_000)
    figures = dashboard.figures
    assert figures is not None
    circles = next(s for s in figures.strands if s.name == "Circles")
    assert circles.accepted_mentees.value > 0
    limited = [s for s in figures.strands if s.places is not None]
    taken = sum(s.accepted_mentees.value for s in limited)
    totals = figures.applications
    assert totals.places == sum(s.places or 0 for s in limited)
    assert totals.places_taken.value == taken < totals.accepted_mentees.value
    with demo_file.session() as session:
        assert programme_figures(session, programme, figures.today) == figures
    card = dashboard.cards["places"]
    assert card.value == str(totals.places)
    assert card.detail == f"{taken} taken in 2 strands · {NO_LIMIT} in Circles"
    assert card.key == totals.places_taken.records
    # Clicking the card lists exactly the accepted mentees taking places.
    assert set(card.key.ids) == {
        a.id
        for a in _accepted_mentees(demo_file, programme)
        if a.strand_id in {s.strand_id for s in limited}
    }
    chart = dashboard.charts["strands"]
    assert isinstance(chart, BarChart)
    row = next(r for r in chart.rows if r.label == "Circles")
    assert row.bars[2].shown_text == NO_LIMIT


def _accepted_mentees(programme_file: ProgrammeFile, programme_id: int) -> list[Row[Any]]:
    with programme_file.session() as session:
        return list(
            session.execute(
                select(Application.id, Application.strand_id)
                .join(Strand, Application.strand_id == Strand.id)
                .where(
                    Strand.programme_id == programme_id,
                    Application.role == Role.MENTEE,
                    Application.status == ApplicationStatus.ACCEPTED,
                )
            )
        )
