"""Workbooks built to crash the reader are refused before it sees them; real ones still read.

The reader is only ever given a hostile file in a child process, since it
aborts the process it runs in.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.reading import read_table
from mentordesk.formats.safety import check_importable
from mentordesk.formats.sheet_extent import MAX_CELLS, farthest_cell
from tests.helpers.workbooks import (
    ANSWER,
    BLANK,
    HEADER,
    HOSTILE,
    LABELSST_RECORD,
    LYING_DIMENSION,
    RK_RECORD,
    move_xls_cell,
    write_workbook,
)

from .conftest import write_ods

TOO_LARGE = "too large to read safely"
#: The reader's own attempt, in a child process whose memory is capped so that the
#: allocation fails at once rather than after swapping.
_READ_IN_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from python_calamine import CalamineWorkbook
workbook = CalamineWorkbook.from_path(sys.argv[1])
workbook.get_sheet_by_name(workbook.sheet_names[0])
"""


def _refusal(path: Path) -> str:
    with pytest.raises(UnreadableFile) as caught:
        check_importable(path)
    return caught.value.message


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_the_reader_itself_aborts_on_each_hostile_sheet(tmp_path: Path, case: str) -> None:
    """The files below are what the issue describes: the bare reader dies on them."""
    path = write_workbook(tmp_path / "applications.xlsx", HOSTILE[case])
    assert path.stat().st_size < 5_000
    result = subprocess.run(
        [sys.executable, "-c", _READ_IN_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == -signal.SIGABRT
    assert "memory allocation of" in result.stderr


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_each_hostile_sheet_is_refused_before_the_reader(tmp_path: Path, case: str) -> None:
    path = write_workbook(tmp_path / "applications.xlsx", HOSTILE[case])
    message = _refusal(path)
    assert message.startswith("“applications.xlsx” has a sheet whose cells reach row 1,048,576")
    assert TOO_LARGE in message
    assert "Delete the empty rows and columns beyond the table" in message


def test_a_dimension_that_says_the_sheet_is_small_is_not_believed(tmp_path: Path) -> None:
    dimension, rows = LYING_DIMENSION
    path = write_workbook(tmp_path / "applications.xlsx", rows, dimension=dimension)
    assert "reach row 1,048,576 and column 16,384" in _refusal(path)


def test_a_dimension_that_says_the_sheet_is_huge_does_not_stop_a_small_sheet(
    tmp_path: Path,
) -> None:
    path = write_workbook(
        tmp_path / "applications.xlsx", HEADER + ANSWER, dimension="A1:XFD1048576"
    )
    check_importable(path)
    table = read_table(path)
    assert table.headers == ("Name", "Email")
    assert table.rows == (("Ana Silva", "ana@example.org"),)


def test_a_sheet_kept_outside_the_worksheets_folder_is_checked_too(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "applications.xlsx",
        HOSTILE["single-quoted addresses"],
        sheet_part="xl/elsewhere/data.xml",
    )
    assert TOO_LARGE in _refusal(path)


def test_cells_beyond_the_last_column_are_refused(tmp_path: Path) -> None:
    rows = f'{HEADER}<row r="2"><c r="XFC2"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>'
    path = write_workbook(tmp_path / "applications.xlsx", rows)
    assert "reach row 2 and column 16,385" in _refusal(path)


def test_a_row_beyond_the_last_is_refused(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", f'{HEADER}<row r="1048577"><c><v>1</v></c></row>')
    assert "reach row 1,048,577 and column 2" in _refusal(path)


def test_a_cell_with_a_namespace_prefix_is_placed_like_any_other(tmp_path: Path) -> None:
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rows = f'{HEADER}<row r="2"><x:c {ns} r="CW2"><x:v>1</x:v></x:c></row>'
    rows += f'<row r="100001"><x:c {ns}><x:v>1</x:v></x:c></row>'
    path = write_workbook(tmp_path / "a.xlsx", rows)
    assert "reach row 100,001 and column 101" in _refusal(path)


@pytest.mark.parametrize(
    "rows",
    [
        f'{HEADER}<row><c r="A2" r="B2"><v>1</v></c></row>',
        f'{HEADER}<row><c r="2A"><v>1</v></c></row>',
        f'{HEADER}<row r="0"><c><v>1</v></c></row>',
        f'{HEADER}<row><c r="A1" t="n"><v>1</v></c><c>',
    ],
    ids=["two addresses", "address backwards", "row zero", "cut short"],
)
def test_a_sheet_written_in_a_way_no_program_writes_is_refused_plainly(
    tmp_path: Path, rows: str
) -> None:
    path = write_workbook(tmp_path / "a.xlsx", rows)
    message = _refusal(path)
    assert "cannot read safely" in message
    assert "save a copy as .xlsx" in message


@pytest.mark.parametrize(
    "rows",
    [
        # Every cell addressed, as programs write them (the quick path).
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'
        '<row r="7"><c r="C7" s="1"><v>1</v></c><c r="b9" t="n"><v>2</v></c></row>',
        # No addresses at all.
        "<row><c><v>1</v></c><c><v>2</v></c></row><row/><row><c><v>3</v></c></row>",
        # An addressed cell, then cells following it; a cell placed on another row.
        '<row r="2"><c r="C7"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>'
        "<row><c><v>4</v></c></row>",
        # An addressed row, then one without; a cell outside any row; a comment.
        '<c><v>9</v></c><row r="4"><c><v>1</v></c></row><!-- <c/> --><row><c><v>2</v></c>'
        "<c><v>3</v></c></row>",
        # Cells in a namespace prefix and between other elements.
        '<row><foo><c><v>1</v></c></foo><x:c xmlns:x="urn:x" x:r="Z9"><v>2</v></x:c></row>',
    ],
    ids=["addressed", "no addresses", "following", "mixed", "prefixes"],
)
def test_the_farthest_cell_is_where_the_reader_puts_it(tmp_path: Path, rows: str) -> None:
    path = write_workbook(tmp_path / "a.xlsx", rows)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Form1")
    assert sheet.end is not None
    with zipfile.ZipFile(path) as archive:
        reach = farthest_cell(path.name, archive, archive.getinfo("xl/worksheets/sheet1.xml"))
    assert reach == (sheet.end[0] + 1, sheet.end[1] + 1)


def test_a_sheet_without_addresses_reads_like_the_same_sheet_with_them(tmp_path: Path) -> None:
    plain = write_workbook(tmp_path / "plain.xlsx", HEADER + ANSWER + ANSWER)
    addressed = tmp_path / "addressed.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Form1"
    for row in (
        ["Name", "Email"],
        ["Ana Silva", "ana@example.org"],
        ["Ana Silva", "ana@example.org"],
    ):
        sheet.append(row)
    workbook.save(addressed)
    assert read_table(plain) == replace(read_table(addressed), source="plain.xlsx")


def test_the_largest_sheet_allowed_passes_and_one_more_column_does_not(tmp_path: Path) -> None:
    rows = MAX_CELLS // 100
    last = f'<row r="{rows}"><c r="CV{rows}"><v>1</v></c></row>'
    check_importable(write_workbook(tmp_path / "a.xlsx", HEADER + last))
    wider = f'<row r="{rows}"><c r="CW{rows}"><v>1</v></c></row>'
    assert TOO_LARGE in _refusal(write_workbook(tmp_path / "b.xlsx", HEADER + wider))


def test_a_wide_sheet_of_few_rows_passes_and_a_wide_one_of_many_rows_does_not(
    tmp_path: Path,
) -> None:
    wide = '<row r="50"><c r="GR50"><v>1</v></c></row>'
    check_importable(write_workbook(tmp_path / "a.xlsx", HEADER + wide))
    long = '<row r="60000"><c r="GR60000"><v>1</v></c></row>'
    message = _refusal(write_workbook(tmp_path / "b.xlsx", HEADER + long))
    assert "reach row 60,000 and column 200" in message


# OpenDocument ---------------------------------------------------------------------------

_ODS_CELL = (
    '<table:table-cell office:value-type="string"{more}><text:p>x</text:p></table:table-cell>'
)


def _ods_row(cells: str, repeated: int = 1) -> str:
    more = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{more}>{cells}</table:table-row>"


def _ods(path: Path, rows: str) -> Path:
    write_ods(path, [])
    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    content = (
        parts["content.xml"]
        .decode()
        .replace(
            '<table:table table:name="Responses"></table:table>',
            f'<table:table table:name="Responses">{rows}</table:table>',
        )
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", parts["mimetype"], zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", parts["META-INF/manifest.xml"])
    return path


def test_an_ods_row_repeated_a_million_times_is_refused(tmp_path: Path) -> None:
    cells = _ODS_CELL.format(more=' table:number-columns-repeated="16"')
    header = _ods_row(_ODS_CELL.format(more="") * 2)
    path = _ods(tmp_path / "a.ods", header + _ods_row(cells, repeated=1_048_000))
    assert path.stat().st_size < 2_000
    assert "reach row 1,048,001 and column 16" in _refusal(path)


def test_an_ods_with_the_usual_empty_rows_and_columns_to_the_end_still_reads(
    tmp_path: Path,
) -> None:
    empty = '<table:table-cell table:number-columns-repeated="16382"/>'
    rows = _ods_row(_ODS_CELL.format(more="") * 2 + empty) * 3
    rows += _ods_row('<table:table-cell table:number-columns-repeated="16384"/>', 1_048_573)
    path = _ods(tmp_path / "a.ods", rows)
    check_importable(path)
    assert len(read_table(path).rows) == 2


# Old Excel (.xls) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "row", "column", "reach"),
    [
        (RK_RECORD, 65_535, 65_535, "row 65,536 and column 65,536"),
        (LABELSST_RECORD, 65_535, 16_383, "row 65,536 and column 16,384"),
    ],
    ids=["a number at the last row and column", "a text far out"],
)
def test_an_xls_cell_far_out_aborts_the_reader_and_is_refused_before_it(
    legacy_xls: Path, record: bytes, row: int, column: int, reach: str
) -> None:
    legacy_xls.write_bytes(move_xls_cell(legacy_xls.read_bytes(), record, row, column))
    assert legacy_xls.stat().st_size < 10_000
    result = subprocess.run(
        [sys.executable, "-c", _READ_IN_CHILD, str(legacy_xls)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == -signal.SIGABRT
    message = _refusal(legacy_xls)
    assert f"has a sheet whose cells reach {reach}, too large to read safely" in message


def test_an_empty_xls_cell_far_out_is_let_through_as_the_reader_leaves_it_out(
    legacy_xls: Path,
) -> None:
    data = move_xls_cell(legacy_xls.read_bytes(), LABELSST_RECORD, 65_535, 255, kind=BLANK)
    legacy_xls.write_bytes(data)
    check_importable(legacy_xls)
    assert read_table(legacy_xls).headers == ("Name", "Email", "Submitted")


def test_an_xls_whose_compound_file_does_not_hold_together_is_refused(legacy_xls: Path) -> None:
    data = bytearray(legacy_xls.read_bytes())
    data[48:52] = (10_000).to_bytes(4, "little")  # the directory's first sector, past the end
    legacy_xls.write_bytes(bytes(data))
    assert "is damaged and cannot be read" in _refusal(legacy_xls)
