"""Attendance reports written the way Teams and spreadsheets write them."""

import csv
import io

import openpyxl
import pytest

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.attendance_report import parse_minutes, read_attendance_report

TEAMS_SECTIONS = [
    ["1. Summary"],
    ["Meeting title", "ADVANCE orientation"],
    ["Attended participants", "4"],
    ["Start time", "1/22/26, 9:00:03 AM"],
    [],
    ["2. Participants"],
    [
        "Name",
        "First Join",
        "Last Leave",
        "In-Meeting Duration",
        "Email",
        "Participant ID (UPN)",
        "Role",
    ],
    [
        "Ana Costa",
        "1/22/26, 9:01:10 AM",
        "1/22/26, 12:58:40 PM",
        "3h 57m 30s",
        "Ana.Costa@uni.example",
        "ana.costa@uni.example",
        "Attendee",
    ],
    [
        "Ben Weis",
        "1/22/26, 9:05:00 AM",
        "1/22/26, 11:05:00 AM",
        "1h 27m 51s",
        "",
        "ben.weis@uni.example",
        "Attendee",
    ],
    ["Chloé Martin", "1/22/26, 9:00:00 AM", "1/22/26, 12:00:00 PM", "", "", "", "Attendee"],
    [
        "Dana Novak",
        "1/22/26, 9:00:00 AM",
        "1/22/26, 9:45:00 AM",
        "45m",
        "dana@elsewhere.example",
        "",
        "Presenter",
    ],
    [],
    ["3. In-Meeting Activities"],
    ["Name", "Join Time", "Leave Time", "Duration", "Email", "Role"],
    ["Ben Weis", "1/22/26, 9:05:00 AM", "1/22/26, 10:00:00 AM", "55m", "", "Attendee"],
    ["Ben Weis", "1/22/26, 10:30:00 AM", "1/22/26, 11:05:00 AM", "32m 51s", "", "Attendee"],
]


def write_text(path, rows, *, encoding="utf-16", separator="\t"):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_a_teams_report_reads_its_participants_section(tmp_path):
    report = read_attendance_report(write_text(tmp_path / "attendance.csv", TEAMS_SECTIONS))
    found = {(a.name, a.email, a.minutes) for a in report.attendees}
    assert found == {
        ("Ana Costa", "ana.costa@uni.example", 238),
        ("Ben Weis", "ben.weis@uni.example", 88),
        ("Chloé Martin", None, None),
        ("Dana Novak", "dana@elsewhere.example", 45),
    }


def test_localised_section_titles_and_a_utf8_comma_variant(tmp_path):
    german = [list(row) for row in TEAMS_SECTIONS]
    german[0] = ["1. Zusammenfassung"]
    german[5] = ["2. Teilnehmer"]
    german[6] = [
        "Name",
        "Erster Beitritt",
        "Letztes Verlassen",
        "Dauer",
        "E-Mail",
        "Teilnehmer-ID (UPN)",
        "Rolle",
    ]
    german[12] = ["3. Aktivitäten in der Besprechung"]
    path = write_text(tmp_path / "teilnahme.csv", german, encoding="utf-8-sig", separator=",")
    names = {a.name: a.minutes for a in read_attendance_report(path).attendees}
    assert names == {"Ana Costa": 238, "Ben Weis": 88, "Chloé Martin": None, "Dana Novak": 45}


def test_only_activities_sum_the_rejoins(tmp_path):
    rows = [TEAMS_SECTIONS[12], TEAMS_SECTIONS[13], TEAMS_SECTIONS[14], TEAMS_SECTIONS[15]]
    report = read_attendance_report(write_text(tmp_path / "activities.csv", rows))
    (ben,) = report.attendees
    assert (ben.name, ben.minutes, len(ben.rows)) == ("Ben Weis", 88, 2)


def test_a_report_without_emails_or_durations_still_reads(tmp_path):
    rows = [
        ["2. Participants"],
        ["Name", "Role"],
        ["Ana Costa", "Attendee"],
        ["Ben Weis", "Attendee"],
    ]
    report = read_attendance_report(write_text(tmp_path / "identity-only.csv", rows))
    assert [(a.name, a.email, a.minutes) for a in report.attendees] == [
        ("Ana Costa", None, None),
        ("Ben Weis", None, None),
    ]


def test_a_spreadsheet_list_of_attendees(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Workshop attendance"])
    sheet.append([])
    sheet.append(["Full name", "Email address", "Duration"])
    sheet.append(["Ana Costa", "ANA.COSTA@uni.example", "01:30"])
    sheet.append(["Ana Costa", "ana.costa@uni.example", "00:20"])
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    (ana,) = read_attendance_report(path).attendees
    assert (ana.email, ana.minutes) == ("ana.costa@uni.example", 110)


def test_a_file_without_name_or_email_columns_is_refused(tmp_path):
    path = write_text(tmp_path / "wrong.csv", [["Colour", "Size"], ["red", "L"]], encoding="utf-8")
    with pytest.raises(UnreadableFile, match="does not look like an attendance report"):
        read_attendance_report(path)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1h 27m 51s", 88),
        ("45m", 45),
        ("30s", 0),
        ("2 hours", 120),
        ("01:27:51", 88),
        ("1:05", 65),
        ("87", 87),
        ("", None),
        ("soon", None),
        ("1h and a bit", None),
    ],
)
def test_durations(text, minutes):
    assert parse_minutes(text) == minutes
