"""Calendars of 1,000 events with 50 attendees each (1 s), a 5,000-row attendance report (2 s)."""

import csv
import datetime as dt
import io
import time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import EventKind
from mentordesk.formats.attendance_report import read_attendance_report
from mentordesk.formats.ical import Person as CalendarPerson
from mentordesk.services.attendance import import_attendance
from mentordesk.services.calendars import invitation_ics, programme_ics
from mentordesk.services.events import EventInput, add_event, event_rows
from mentordesk.services.programmes import find_programme
from mentordesk.services.training import invite
from mentordesk.store.models import Person
from mentordesk.store.programme_file import ProgrammeFile
from tests.benchmarks.conftest import PASSPHRASE, report

LUX = ZoneInfo("Europe/Luxembourg")


@pytest.fixture(scope="module")
def thousand_events(large_store, tmp_path_factory):
    """A copy of the large store with 1,000 more events, 50 people invited to each."""
    path = tmp_path_factory.mktemp("events") / "events.mentordesk"
    path.write_bytes(large_store.read_bytes())
    with ProgrammeFile.open(path, PASSPHRASE) as opened, opened.session() as s:
        programme_id = find_programme(s, None).id
        people = s.scalars(select(Person.id).order_by(Person.id)).all()
        start = dt.datetime(2026, 1, 5, 9, tzinfo=LUX)
        for n in range(1000):
            at = start + dt.timedelta(days=n % 360, hours=n % 5)
            event_id = add_event(
                s,
                programme_id,
                EventInput(EventKind.WORKSHOP, f"Workshop {n}", at, at + dt.timedelta(hours=2)),
            )
            invite(s, event_id, people[n % 100 : n % 100 + 50])
    return path, programme_id


def test_programme_calendar_of_a_thousand_events(thousand_events):
    path, programme_id = thousand_events
    timings = []
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        for _ in range(3):
            with opened.session() as s:
                started = time.perf_counter()
                data = programme_ics(s, programme_id)
                timings.append(time.perf_counter() - started)
    assert data.count(b"BEGIN:VEVENT") >= 1000
    report("programme calendar, 1,000+ events (query and .ics)", timings, 1.0)


def test_invitations_for_a_thousand_events_of_fifty(thousand_events):
    path, programme_id = thousand_events
    organiser = CalendarPerson("Programme office", "office@bench.example")
    with ProgrammeFile.open(path, PASSPHRASE) as opened, opened.session() as s:
        ids = [e.event_id for e in event_rows(s, programme_id) if e.title.startswith("Workshop ")]
        started = time.perf_counter()
        sizes = [len(invitation_ics(s, event_id, organiser)) for event_id in ids]
        elapsed = time.perf_counter() - started
    assert len(sizes) == 1000
    report("1,000 invitation files with 50 attendees each", [elapsed], 1.0)


def test_import_a_five_thousand_row_attendance_report(thousand_events, tmp_path):
    path, _programme_id = thousand_events
    with ProgrammeFile.open(path, PASSPHRASE) as opened, opened.session() as s:
        emails = s.scalars(select(Person.email).order_by(Person.id).limit(5000)).all()
    rows = [["1. Summary"], ["Meeting title", "Bench"], [], ["2. Participants"]]
    rows.append(["Name", "First Join", "Last Leave", "In-Meeting Duration", "Email", "Role"])
    rows += [
        [f"P {n}", "9:00", "10:00", "58m 12s", e.upper(), "Attendee"] for n, e in enumerate(emails)
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(rows)
    report_file = tmp_path / "attendance.csv"
    report_file.write_bytes(buffer.getvalue().encode("utf-16"))
    timings = []
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        event_id = 1
        for _ in range(3):
            with opened.session() as s:
                started = time.perf_counter()
                result = import_attendance(s, event_id, read_attendance_report(report_file))
                timings.append(time.perf_counter() - started)
                assert result.recorded == 5000
                s.rollback()
    report("attendance report of 5,000 rows (read, match, record)", timings, 2.0)
