"""The window sorts names and titles in the alphabetical order of the exports and PDFs."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PySide6.QtCore import QCollator, QLocale, Qt
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicationStatus, EventKind, Role
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.table_models import ApplicantTableModel, EventTableModel
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.events import EventInput, add_event
from mentordesk.services.programmes import strand_choices
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.names import FIRST_NAMES, FIRST_NAMES_IN_ORDER, PEOPLE, PEOPLE_IN_ORDER

from .event_helpers import events_tab

LUX = ZoneInfo("Europe/Luxembourg")
#: Event titles, all on one day, so that the Title column decides their order.
TITLES = [f"{name}'s session" for name in FIRST_NAMES] + ["Session 10", "Session 2"]
TITLES_IN_ORDER = [
    *(f"{name}'s session" for name in FIRST_NAMES_IN_ORDER[:8]),
    "Session 2",
    "Session 10",
    *(f"{name}'s session" for name in FIRST_NAMES_IN_ORDER[8:]),
]


def qt_order(texts: list[str]) -> list[str]:
    """``texts`` as Qt's locale-aware collator sorts them (English, numbers by value)."""
    collator = QCollator(QLocale(QLocale.Language.English))
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return sorted(texts, key=functools.cmp_to_key(collator.compare))


@pytest.fixture
def named_window(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> Iterator[MainWindow]:
    """The window on the people of ``PEOPLE`` and an event for each title of ``TITLES``."""
    with programme_file.session() as s:
        strands = {strand.name: strand.id for strand in strand_choices(s, programme_id)}
        for n, (first, last) in enumerate(PEOPLE):
            add_applicant(
                s,
                PersonInput(first, last, f"person{n}@pilot.example"),
                ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
            )
        start = dt.datetime(2026, 12, 8, 18, tzinfo=LUX)
        for title in TITLES:
            add_event(
                s,
                programme_id,
                EventInput(EventKind.NETWORKING, title, start, start + dt.timedelta(hours=1)),
            )
    window.show()
    with qtbot.waitSignals([tab.loaded for tab in window.tabs], timeout=10_000):
        window.show_file(programme_file)
    yield window
    window.close()


def column_texts(tab: RecordTab, column: int) -> list[str]:
    return [tab.proxy.index(row, column).data() for row in range(tab.proxy.rowCount())]


def test_our_order_is_the_locale_aware_order_of_qt() -> None:
    assert qt_order(FIRST_NAMES) == FIRST_NAMES_IN_ORDER
    assert qt_order(TITLES) == TITLES_IN_ORDER


def test_applicants_sort_by_name_as_the_workbook_lists_them(
    qtbot: QtBot, named_window: MainWindow, tmp_path: Path
) -> None:
    tab = named_window.applicants_tab
    name = ApplicantTableModel.NAME
    assert column_texts(tab, name) == PEOPLE_IN_ORDER
    tab.view.sortByColumn(name, Qt.SortOrder.DescendingOrder)
    assert column_texts(tab, name) == PEOPLE_IN_ORDER[::-1]
    tab.view.sortByColumn(name, Qt.SortOrder.AscendingOrder)
    assert column_texts(tab, name) == PEOPLE_IN_ORDER

    workbook = tmp_path / "programme.xlsx"
    with qtbot.waitSignal(named_window.exported, timeout=10_000):
        named_window.export_programme_to(workbook)
    people = openpyxl.load_workbook(workbook, read_only=True)["People"]
    rows = people.iter_rows(min_row=2, max_col=2, values_only=True)
    assert [f"{first} {last}" for first, last in rows] == column_texts(tab, name)

    view = tmp_path / "applicants.xlsx"
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.export_view_to(view)
    sheet = openpyxl.load_workbook(view, read_only=True).worksheets[0]
    assert [r[0] for r in sheet.iter_rows(min_row=2, max_col=1, values_only=True)] == (
        PEOPLE_IN_ORDER
    )


def test_titles_sort_as_qt_collates_them(named_window: MainWindow) -> None:
    tab = events_tab(named_window)
    tab.view.sortByColumn(EventTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert column_texts(tab, EventTableModel.TITLE) == qt_order(TITLES) == TITLES_IN_ORDER
