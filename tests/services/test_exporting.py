import datetime as dt
import zipfile

import openpyxl
import pytest
from sqlalchemy import func, select

from mentordesk.domain.errors import Conflict, ExportFailed
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.services.exporting import export_programme, export_view, import_programme
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.programmes import list_programmes
from mentordesk.store.models import Pairing
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE

#: Tables a programme workbook carries; the rest (notes, audit, file facts) never travel.
CARRIED = [
    "programme",
    "strand",
    "person",
    "application",
    "mentor_choice",
    "pairing",
    "pairing_member",
    "check_in",
    "event",
    "attendance",
    "training_requirement",
]
NEVER = ["note", "audit_entry", "saved_mapping"]


def _workbook_values(path):
    workbook = openpyxl.load_workbook(path)
    try:
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in workbook.worksheets
        }
    finally:
        workbook.close()


def _xml_text(path):
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def test_a_programme_workbook_imports_back_without_losing_anything(
    tmp_path, demo_file, demo_programme_id, table_counts
):
    first = tmp_path / "first.xlsx"
    with demo_file.session() as session:
        export_programme(session, demo_programme_id, first)

    with ProgrammeFile.create(tmp_path / "copy.mentordesk", PASSPHRASE) as copy:
        with copy.session() as session:
            programme_id = import_programme(session, first)
        second = tmp_path / "second.xlsx"
        with copy.session() as session:
            export_programme(session, programme_id, second)
        copied = table_counts(copy)

    original = table_counts(demo_file)
    assert {t: copied[t] for t in CARRIED} == {t: original[t] for t in CARRIED}
    assert all(original[t] > 0 for t in CARRIED if t != "mentor_choice")
    assert copied["note"] == 0
    before, after = _workbook_values(first), _workbook_values(second)
    assert list(before) == [
        "Programme",
        "Strands",
        "People",
        "Applications",
        "Pairings",
        "Check-ins",
        "Events",
        "Attendance",
        "Training rules",
    ]
    assert before == after


def test_notes_never_leave_the_file(tmp_path, demo_file, demo_programme_id):
    canary = "CANARY-7f3a confidential remark"
    with demo_file.session() as session:
        pairing_id = session.scalar(select(Pairing.id).limit(1))
        person_id = session.scalar(select(Pairing.mentor_id).limit(1))
        add_note(session, NoteInput(dt.date(2026, 5, 1), "Canary title", canary, person_id))
        add_note(
            session, NoteInput(dt.date(2026, 5, 1), "Canary too", canary, pairing_id=pairing_id)
        )
    path = tmp_path / "programme.xlsx"
    with demo_file.session() as session:
        export_programme(session, demo_programme_id, path)

    xml = _xml_text(path)
    assert "CANARY" not in xml
    assert "Canary" not in xml
    assert "Note" not in _workbook_values(path)


def test_event_times_are_real_times_on_the_programme_clock(tmp_path, demo_file, demo_programme_id):
    path = tmp_path / "programme.xlsx"
    with demo_file.session() as session:
        export_programme(session, demo_programme_id, path)
        (zone,) = [p.timezone for p in list_programmes(session)]
    sheet = openpyxl.load_workbook(path)["Events"]
    starts = sheet["E2"]
    assert starts.is_date
    assert isinstance(starts.value, dt.datetime)
    assert openpyxl.load_workbook(path)["Programme"]["G2"].value == zone


def test_a_programme_workbook_goes_only_into_an_empty_file(tmp_path, demo_file, demo_programme_id):
    path = tmp_path / "programme.xlsx"
    with demo_file.session() as session:
        export_programme(session, demo_programme_id, path)
    with ProgrammeFile.create(tmp_path / "other.mentordesk", PASSPHRASE) as other:
        with other.session() as session:
            add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
        with pytest.raises(Conflict, match="empty"), other.session() as session:
            import_programme(session, path)
        with other.session() as session:
            assert session.scalar(select(func.count()).select_from(Pairing)) == 0


def test_a_view_is_exported_as_shown(tmp_path):
    path = tmp_path / "applicants.xlsx"
    rows = [["=cmd|' /C calc'!A0", dt.date(2026, 3, 4), 3], ["Grace Hopper", None, None]]
    export_view(path, "Applicants", ["Name", "Submitted", "Capacity"], rows)

    values = _workbook_values(path)
    assert values == {
        "Applicants": [
            ["Name", "Submitted", "Capacity"],
            ["=cmd|' /C calc'!A0", dt.datetime(2026, 3, 4), 3],
            ["Grace Hopper", None, None],
        ]
    }
    assert "<f>" not in _xml_text(path)


def test_an_export_that_cannot_be_written_says_so(tmp_path):
    with pytest.raises(ExportFailed):
        export_view(tmp_path / "missing" / "x.xlsx", "View", ["A"], [])
