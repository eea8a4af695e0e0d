"""Every export the window suggests a name for writes a file every system accepts.

The save dialog is answered by taking its suggestion as it stands, so what is
checked is the name MentorDesk proposes and the file written under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    Role,
    StrandFormat,
)
from mentordesk.formats.ical import Person
from mentordesk.gui.calendar_export import remember_organiser
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.person_rights import ask_export_path
from mentordesk.gui.reports import ReportsMenu
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.events import EventInput, add_event, set_attendance
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    strand_choices,
)
from mentordesk.store.models import Application
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.file_names import HOSTILE, name_problems

from .event_helpers import events_tab, select_titled

LUX = ZoneInfo("Europe/Luxembourg")
#: The person's name: a Windows device name, then a slash that would make a folder.
FIRST, LAST = "Aux", "Ömer/Łukasz: <Zoë>"


@pytest.fixture
def suggestions(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every name the save dialog suggests, each accepted as it stands."""
    suggested: list[Path] = []

    def accept(_parent: QWidget, _caption: str, path: str, file_filter: str) -> tuple[str, str]:
        suggested.append(Path(path))
        return path, file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(accept))
    return suggested


@pytest.fixture
def export_folder(tmp_path: Path, private_settings: Path) -> Path:
    """The folder the save dialogs open in."""
    folder = tmp_path / "exports"
    folder.mkdir()
    QSettings().setValue("export/folder", str(folder))
    QSettings().setValue("reports/folder", str(folder))
    return folder


@pytest.fixture
def hostile_window(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile
) -> Iterator[MainWindow]:
    """The window on a programme, a person and an event, each named as badly as a form allows."""
    with programme_file.session() as s:
        programme_id = create_programme(
            s,
            ProgrammeInput(
                name=HOSTILE, strands=[StrandInput("Fellows", StrandFormat.ONE_TO_ONE, 10)]
            ),
        )
        [strand] = strand_choices(s, programme_id)
        application_id = add_applicant(
            s,
            PersonInput(FIRST, LAST, "omer@pilot.example"),
            ApplicationInput(strand.id, Role.MENTEE, ApplicationStatus.ACCEPTED),
        )
        start = dt.datetime(2027, 3, 4, 10, 30, tzinfo=LUX)
        event = add_event(
            s,
            programme_id,
            EventInput(EventKind.NETWORKING, HOSTILE, start, start + dt.timedelta(hours=2)),
        )
        person_id = s.get(Application, application_id).person_id
        set_attendance(s, event, person_id, AttendanceStatus.INVITED)
    window.show()
    with qtbot.waitSignals([tab.loaded for tab in window.tabs], timeout=10_000):
        window.show_file(programme_file)
    yield window
    window.close()


def written_as_suggested(suggestions: list[Path], folder: Path) -> Path:
    [suggested] = suggestions
    assert suggested.parent == folder
    assert name_problems(suggested.name) == [], suggested.name
    assert suggested.is_file()
    assert [p.name for p in folder.iterdir()] == [suggested.name]
    return suggested


def test_selected_events(qtbot, hostile_window, suggestions, export_folder):
    tab = events_tab(hostile_window)
    select_titled(qtbot, tab, HOSTILE)
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.export_selected()
    path = written_as_suggested(suggestions, export_folder)
    assert path.name.startswith("Café & networking - Women in Research — Année 2027")


def test_invitations_keep_the_title_readable(qtbot, hostile_window, export_folder):
    remember_organiser(Person("Claire Coordinator", "claire@uni.example"))
    tab = events_tab(hostile_window)
    select_titled(qtbot, tab, HOSTILE)
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.save_invitations_to(export_folder)
    [written] = export_folder.iterdir()
    assert written.name == (
        "2027-03-04 Café & networking - Women in Research — Année 2027 a-b-c d 'e'.ics"
    )
    assert name_problems(written.name) == []


def test_the_programme_calendar(qtbot, hostile_window, suggestions, export_folder):
    with qtbot.waitSignal(hostile_window.exported, timeout=10_000):
        hostile_window.export_calendar()
    written_as_suggested(suggestions, export_folder)


def test_the_programme_workbook(qtbot, hostile_window, suggestions, export_folder):
    with qtbot.waitSignal(hostile_window.exported, timeout=10_000):
        hostile_window.export_programme()
    path = written_as_suggested(suggestions, export_folder)
    assert path.suffix == ".xlsx"


def test_a_tabs_view(qtbot, hostile_window, suggestions, export_folder):
    tab = hostile_window.applicants_tab
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.export_view()
    path = written_as_suggested(suggestions, export_folder)
    assert path.name.endswith(" – Applicants.xlsx")


def test_everything_about_a_person(hostile_window, suggestions, export_folder):
    path = ask_export_path(hostile_window, f"{FIRST} {LAST}")
    assert path is not None
    assert path == suggestions[0]
    assert path.parent == export_folder
    assert path.name == "Aux Ömer-Łukasz - Zoë – their data.xlsx"
    assert name_problems(path.name) == []


def test_the_programme_report_and_the_sign_in_sheet(
    qtbot, hostile_window, suggestions, export_folder
):
    reports = hostile_window.reports
    assert isinstance(reports, ReportsMenu)
    with qtbot.waitSignal(reports.written, timeout=20_000):
        reports.programme_report()
    select_titled(qtbot, events_tab(hostile_window), HOSTILE)
    with qtbot.waitSignal(reports.written, timeout=20_000):
        reports.sign_in_sheet()
    assert len(suggestions) == 2
    for path in suggestions:
        assert path.parent == export_folder
        assert name_problems(path.name) == [], path.name
        assert path.is_file()
    assert suggestions[1].name.startswith("Sign-in sheet 2027-03-04 Café & networking - ")
