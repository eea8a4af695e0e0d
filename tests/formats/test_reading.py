"""read_table on real files: where the header is, what the cells become, and the row limit."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.worksheet import Worksheet

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.dates import parse_date
from mentordesk.formats.reading import list_sheets, read_table
from mentordesk.formats.safety import MAX_ROWS

from .conftest import rewrite_part, write_ods, write_xlsx


def test_header_under_a_title_and_blank_row(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [
            ["ADVANCE applications 2026"],
            [],
            ["Name", "Email", "What is your\r\ncurrent position?"],
            ["Ana Silva", "ana@example.org", "Postdoc"],
            [],
            ["Ben Okafor", "ben@example.org", None],
        ],
    )
    table = read_table(path)
    assert table.header_row == 3
    assert table.headers == ("Name", "Email", "What is your current position?")
    assert table.rows == (
        ("Ana Silva", "ana@example.org", "Postdoc"),
        ("Ben Okafor", "ben@example.org", None),
    )
    assert table.row_numbers == (4, 6)
    assert table.source == "a.xlsx"
    assert table.sheet == "Sheet"


def test_a_sheet_that_starts_away_from_a1_keeps_its_real_row_numbers(tmp_path: Path) -> None:
    def place(sheet: Worksheet) -> None:
        sheet["C5"], sheet["D5"], sheet["F5"] = "Name", "Email", "Notes"
        sheet["C7"], sheet["D7"], sheet["G7"] = "Ana", "ana@example.org", "no title above"

    table = read_table(write_xlsx(tmp_path / "offset.xlsx", [], setup=place))
    assert table.header_row == 5
    assert table.row_numbers == (7,)
    # The untitled columns are named by their letters, as Excel shows them.
    assert table.headers == ("Name", "Email", "Column E", "Notes", "Column G")
    assert table.rows == (("Ana", "ana@example.org", None, None, "no title above"),)


def test_repeated_and_empty_headers_become_unique(tmp_path: Path) -> None:
    table = read_table(
        write_xlsx(
            tmp_path / "dup.xlsx",
            [["Email", "Name", None, "email", "Email"], ["a@x", "Ana", "x", "b@x", "c@x"]],
        )
    )
    assert table.headers == ("Email", "Name", "Column C", "email (2)", "Email (3)")


def test_merged_header_cell_does_not_shift_columns(tmp_path: Path) -> None:
    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("B1:C1")

    table = read_table(
        write_xlsx(
            tmp_path / "merged.xlsx",
            [["Name", "Contact", None, "Grade"], ["Ana", "ana@example.org", "+44 1", "Postdoc"]],
            setup=merge,
        )
    )
    assert table.headers == ("Name", "Contact", "Contact (2)", "Grade")
    assert table.rows == (("Ana", "ana@example.org", "+44 1", "Postdoc"),)


def test_two_header_rows_with_merged_groups_read_as_one(tmp_path: Path) -> None:
    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("A2:A3")
        sheet.merge_cells("B2:C2")

    table = read_table(
        write_xlsx(
            tmp_path / "groups.xlsx",
            [
                ["Applications"],
                ["Name", "Contact", None, "Grade"],
                [None, "Email", "Phone", None],
                ["Ana", "ana@example.org", "+44 1", "Postdoc"],
            ],
            setup=merge,
        )
    )
    assert table.header_row == 3
    assert table.headers == ("Name", "Email", "Phone", "Grade")
    assert table.rows == (("Ana", "ana@example.org", "+44 1", "Postdoc"),)


def test_a_text_data_row_under_a_merged_header_stays_data(tmp_path: Path) -> None:
    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("B1:C1")

    table = read_table(
        write_xlsx(
            tmp_path / "merged.xlsx",
            [["Name", "Contact", None], ["Ana", "ana@example.org", "+44 1"]],
            setup=merge,
        )
    )
    assert table.header_row == 1
    assert table.rows == (("Ana", "ana@example.org", "+44 1"),)


def test_cells_keep_dates_turn_whole_floats_to_int_and_strip_text(tmp_path: Path) -> None:
    table = read_table(
        write_xlsx(
            tmp_path / "cells.xlsx",
            [
                ["Name", "Submitted", "At", "Capacity", "Score", "Agreed", "Time"],
                [
                    "  Ana  ",
                    dt.date(2026, 4, 3),
                    dt.datetime(2026, 4, 3, 10, 31),
                    2.0,
                    2.5,
                    True,
                    dt.time(10, 30),
                ],
                ["   ", None, None, 45351, None, None, None],
            ],
        )
    )
    first, second = table.rows
    assert first == (
        "Ana",
        dt.date(2026, 4, 3),
        dt.datetime(2026, 4, 3, 10, 31),
        2,
        2.5,
        True,
        "10:30:00",
    )
    assert type(first[3]) is int
    assert second == (None, None, None, 45351, None, None, None)


def test_formulas_are_never_evaluated(tmp_path: Path) -> None:
    # openpyxl does not calculate, so its formulas have no saved value at all.
    table = read_table(
        write_xlsx(tmp_path / "f.xlsx", [["Name", "Total"], ["Ana", "=1+1"], ["Ben", "=SUM(1,2)"]])
    )
    assert table.rows == (("Ana", None), ("Ben", None))


def test_formula_with_a_saved_value_gives_that_value_not_the_formula(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "cached.xlsx", [["Name", "Total"], ["Ana", "=1+1"]])

    def save_a_value(data: bytes) -> bytes:
        # openpyxl writes an empty value as <v /> or, through lxml, <v></v>.
        saved, count = re.subn(rb"<f>1\+1</f>(?:<v\s*/>|<v></v>)", b"<f>1+1</f><v>7</v>", data)
        assert count == 1
        return saved

    rewrite_part(path, "xl/worksheets/sheet1.xml", save_a_value)
    assert read_table(path).rows == (("Ana", 7),)


def test_1904_workbook_is_flagged_and_its_dates_are_right(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "mac.xlsx",
        [["Name", "Submitted", "Serial"], ["Ana", dt.date(2024, 2, 29), 43889]],
        epoch=CALENDAR_MAC_1904,
    )
    table = read_table(path)
    assert table.date_1904 is True
    assert table.rows[0][1] == dt.date(2024, 2, 29)
    # A plain number is left as it is; read as a date, it follows the 1904 system.
    assert parse_date(table.rows[0][2], date_1904=table.date_1904).value == dt.date(2024, 2, 29)


def test_1900_workbook_is_not_flagged(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "pc.xlsx", [["Name", "Serial"], ["Ana", 45351]])
    assert read_table(path).date_1904 is False


def test_a_wrong_dimension_does_not_lose_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "dim.xlsx", [["Name", "Email"], *[[f"P{i}", f"p{i}@x"] for i in range(20)]]
    )

    def misstate(data: bytes) -> bytes:
        wrong, count = re.subn(rb'<dimension ref="A1:B21"\s*/>', b'<dimension ref="A1:A2"/>', data)
        assert count == 1
        return wrong

    rewrite_part(path, "xl/worksheets/sheet1.xml", misstate)
    table = read_table(path)
    assert len(table.rows) == 20
    assert table.rows[-1] == ("P19", "p19@x")


def test_sheets_are_listed_and_chosen_by_name(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    hidden = workbook.active
    assert hidden is not None
    hidden.title = "Lists"
    hidden.sheet_state = "hidden"
    hidden.append(["Grade", "Rank"])
    responses = workbook.create_sheet("Responses")
    responses.append(["Name", "Email"])
    responses.append(["Ana", "a@x"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    assert list_sheets(path) == ["Lists", "Responses"]
    assert read_table(path).sheet == "Responses"  # the first visible sheet
    assert read_table(path, sheet="Lists").headers == ("Grade", "Rank")
    with pytest.raises(UnreadableFile, match="has no sheet called “Form1”; it has “Lists”"):
        read_table(path, sheet="Form1")


def test_an_empty_sheet_says_it_is_empty(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="is empty"):
        read_table(write_xlsx(tmp_path / "blank.xlsx", []))


def test_a_sheet_without_a_header_row_says_what_to_add(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "numbers.xlsx", [[1, 2, 3], [4, 5, 6]])
    with pytest.raises(UnreadableFile, match="No header row found"):
        read_table(path)


def test_legacy_xls(legacy_xls: Path) -> None:
    table = read_table(legacy_xls)
    assert list_sheets(legacy_xls) == ["Applicants"]
    assert table.header_row == 3
    assert table.headers == ("Name", "Email", "Submitted")
    assert table.rows == (
        ("Ana Silva", "ana@example.org", dt.date(2026, 4, 3)),
        ("Ben Okafor", "ben@example.org", 45351),
    )


def test_hand_made_ods(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "responses.ods",
        [["Applications"], [], ["Name", "Email", "Capacity"], ["Ana", "a@x", 2.0]],
    )
    table = read_table(path)
    assert (table.sheet, table.header_row, table.row_numbers) == ("Responses", 3, (4,))
    assert table.rows == (("Ana", "a@x", 2),)


CSV_TEXT = 'Name,Email,Languages\nAna Silva,ana@example.org,"English, Português"\n\nZoë,z@x,\n'


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    table = read_table(path)
    assert table.sheet == ""
    assert table.headers == ("Name", "Email", "Languages")
    assert table.rows == (
        ("Ana Silva", "ana@example.org", "English, Português"),
        ("Zoë", "z@x", None),
    )
    assert table.row_numbers == (2, 4)
    assert table.notices == ()


@pytest.mark.parametrize("separator", [";", "\t"])
def test_csv_separators(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        f'Name{separator}Email{separator}Note\nAna{separator}a@x{separator}"1,5; or 2"\n',
        encoding="utf-8",
    )
    assert read_table(path).rows == (("Ana", "a@x", "1,5; or 2"),)


def test_teams_style_tab_separated_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "attendance.csv"
    text = "Name\tFirst Join\tEmail\nAna Silva\t7/22/26, 7:02:11 PM\tana@example.org\n"
    path.write_bytes(text.encode("utf-16-le"))
    table = read_table(path)
    assert table.headers == ("Name", "First Join", "Email")
    assert table.rows == (("Ana Silva", "7/22/26, 7:02:11 PM", "ana@example.org"),)


def test_windows_1252_csv_is_read_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes("Name;Email\nRené Müller;r@x\n".encode("cp1252"))
    table = read_table(path)
    assert table.rows == (("René Müller", "r@x"),)
    assert len(table.notices) == 1
    assert "read as Windows-1252" in table.notices[0]


def test_csv_with_a_multi_line_cell_counts_it_as_one_row(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('Name,Goals\nAna,"Publish\nand teach"\nBen,Lead\n', encoding="utf-8")
    table = read_table(path)
    assert table.rows == (("Ana", "Publish\nand teach"), ("Ben", "Lead"))
    assert table.row_numbers == (2, 3)


def test_csv_rows_are_padded_and_extra_cells_kept_under_a_column_name(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("Name,Email\nAna\nBen,b@x,extra\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ("Name", "Email", "Column 3")
    assert table.rows == (("Ana", None, None), ("Ben", "b@x", "extra"))


def test_csv_at_the_row_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "limit.csv"
    path.write_text("Name,N\n" + "x,1\n" * MAX_ROWS, encoding="utf-8")
    assert len(read_table(path).rows) == MAX_ROWS


def test_csv_over_the_row_limit_is_refused_with_its_count(tmp_path: Path) -> None:
    path = tmp_path / "over.csv"
    path.write_text("Name,N\n" + "x,1\n" * (MAX_ROWS + 5), encoding="utf-8")
    with pytest.raises(UnreadableFile) as caught:
        read_table(path)
    assert caught.value.message == (
        "“over.csv” has 100,005 rows; MentorDesk imports at most 100,000 at a time "
        "— split the file."
    )


@pytest.mark.slow
def test_xlsx_over_the_row_limit_is_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Big")
    sheet.append(["Name", "N"])
    for number in range(MAX_ROWS + 1):
        sheet.append(["x", number])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    with pytest.raises(UnreadableFile, match="has 100,001 rows; MentorDesk imports at most"):
        read_table(path)


def test_xlsm_is_read_like_xlsx_and_its_macros_never_run(plain_xlsx: Path, tmp_path: Path) -> None:
    path = tmp_path / "with macros.xlsm"
    path.write_bytes(plain_xlsx.read_bytes())
    assert read_table(path).rows[0] == ("Ana Silva", "ana@example.org")


def test_a_csv_file_has_one_nameless_sheet(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Name,Email\nAna,a@x\n", encoding="utf-8")
    assert list_sheets(path) == [""]
