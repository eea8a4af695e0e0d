import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.domain.enums import AttendanceStatus, EventKind
from mentordesk.formats.attendance_report import read_attendance_report
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.services.attendance import MatchedBy, import_attendance
from mentordesk.services.events import EventInput, add_event
from mentordesk.store.models import Attendance

LUX = ZoneInfo("Europe/Luxembourg")


def teams_file(path, participants):
    rows = [
        ["1. Summary"],
        ["Meeting title", "Orientation"],
        [],
        ["2. Participants"],
        ["Name", "First Join", "Last Leave", "In-Meeting Duration", "Email", "Role"],
        *participants,
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-16"))
    return path


@pytest.fixture
def session_and_people(programme_file, programme_id):
    """An orientation session and four people, two of them sharing a name."""
    with programme_file.session() as s:
        start = dt.datetime(2026, 1, 22, 9, tzinfo=LUX)
        event_id = add_event(
            s,
            programme_id,
            EventInput(EventKind.ORIENTATION, "Orientation", start, start + dt.timedelta(hours=4)),
        )
        people = {
            key: add_person(s, PersonInput(first, last, email))
            for key, first, last, email in [
                ("ana", "Ana", "Costa", "ana.costa@uni.example"),
                ("ben", "Ben", "Weis", "ben.weis@uni.example"),
                ("kim1", "Kim", "Lee", "kim.lee@uni.example"),
                ("kim2", "Kim", "Lee", "kim.lee@lih.example"),
            ]
        }
    return event_id, people


REPORT = [
    ["Ana Costa", "9:01", "12:58", "3h 57m", "ANA.COSTA@uni.example", "Attendee"],
    ["Ben Weis", "9:05", "11:05", "1h 28m", "", "Attendee"],
    ["Kim Lee", "9:00", "12:00", "3h", "", "Attendee"],
    ["Visitor", "9:00", "9:30", "30m", "visitor@elsewhere.example", "Attendee"],
]


def test_email_matches_are_recorded_name_matches_flagged_ambiguous_left(
    tmp_path, programme_file, session_and_people
):
    event_id, people = session_and_people
    report = read_attendance_report(teams_file(tmp_path / "attendance.csv", REPORT))
    with programme_file.session() as s:
        result = import_attendance(s, event_id, report)
    how = {line.reported.name: line.matched_by for line in result.lines}
    assert how == {
        "Ana Costa": MatchedBy.EMAIL,
        "Ben Weis": MatchedBy.NAME,
        "Kim Lee": MatchedBy.AMBIGUOUS,
        "Visitor": MatchedBy.UNMATCHED,
    }
    assert {line.reported.name for line in result.to_resolve} == {"Kim Lee", "Visitor"}
    with programme_file.session() as s:
        register = {
            a.person_id: (a.status, a.minutes_attended)
            for a in s.scalars(select(Attendance).where(Attendance.event_id == event_id))
        }
    assert register == {
        people["ana"]: (AttendanceStatus.ATTENDED, 237),
        people["ben"]: (AttendanceStatus.ATTENDED, 88),
    }


def test_importing_twice_changes_nothing_more(tmp_path, programme_file, session_and_people):
    event_id, _people = session_and_people
    report = read_attendance_report(teams_file(tmp_path / "attendance.csv", REPORT))
    for _ in range(2):
        with programme_file.session() as s:
            import_attendance(s, event_id, report)
    with programme_file.session() as s:
        count = len(s.scalars(select(Attendance)).all())
    assert count == 2


def test_a_dry_run_writes_nothing(tmp_path, programme_file, session_and_people):
    event_id, _people = session_and_people
    report = read_attendance_report(teams_file(tmp_path / "attendance.csv", REPORT))
    with programme_file.session() as s:
        assert import_attendance(s, event_id, report, dry_run=True).recorded == 2
    with programme_file.session() as s:
        assert s.scalars(select(Attendance)).all() == []


def test_the_coordinator_resolves_an_ambiguous_name(tmp_path, programme_file, session_and_people):
    event_id, people = session_and_people
    report = read_attendance_report(teams_file(tmp_path / "attendance.csv", REPORT))
    with programme_file.session() as s:
        import_attendance(s, event_id, report, resolved={2: people["kim2"]})
    with programme_file.session() as s:
        attended = set(
            s.scalars(select(Attendance.person_id).where(Attendance.event_id == event_id))
        )
    assert people["kim2"] in attended
    assert people["kim1"] not in attended


def test_the_cli_imports_a_teams_report(
    tmp_path, monkeypatch, capsys, file_path, programme_file, passphrase, session_and_people
):
    event_id, _people = session_and_people
    programme_file.close()
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    path = teams_file(tmp_path / "attendance.csv", REPORT)
    args = ["attendance", "import", str(path), "--event", str(event_id), "--db", str(file_path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Recorded 2 of 4 people" in out
    assert "matched by name only, please check: Ben Weis" in out
    assert "several people fit: Kim Lee" in out
    assert "nobody in the file: Visitor" in out
