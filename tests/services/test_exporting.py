import datetime as dt
import zipfile

import openpyxl
import pytest
from sqlalchemy import select

from mentordesk.domain.errors import ExportFailed
from mentordesk.services.exporting import export_programme, export_view
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.programmes import list_programmes
from mentordesk.store.models import Pairing


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
