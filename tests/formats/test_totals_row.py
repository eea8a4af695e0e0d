"""read_table leaves out the totals row at the bottom of a coordinator's sheet, and says so."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import CellValue

from .conftest import rewrite_part, write_xlsx

HEADER: list[CellValue] = ["Name", "Email", "Role", "Places"]
ANA: list[CellValue] = ["Ana Silva", "ana@example.org", "Mentor", 2]
BEN: list[CellValue] = ["Ben Okafor", "ben@example.org", "Mentee", None]


def write_csv(path: Path, rows: Sequence[Sequence[CellValue]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(["" if cell is None else cell for cell in row] for row in rows)
    return path


def totals_notice(row: int, label: str) -> str:
    return (
        f"Row {row} reads “{label}” followed only by numbers: it is taken for a totals row, "
        "not answers, and left out."
    )


@pytest.mark.parametrize(
    "label",
    [
        "Total",
        "TOTAL",
        "Totals",
        "Total:",
        "Sum",
        "Grand total",
        "Gesamt",
        "Summe",
        "Total général",
        "Totaux",
        "Insgesamt",
    ],
)
def test_a_totals_row_at_the_bottom_is_left_out_with_a_notice(tmp_path: Path, label: str) -> None:
    path = write_xlsx(tmp_path / "sheet.xlsx", [HEADER, ANA, BEN, [], [label, None, None, 2]])
    table = read_table(path)
    assert table.rows == (tuple(ANA), tuple(BEN))
    assert table.row_numbers == (2, 3)
    assert table.notices == (totals_notice(5, label),)


def test_a_totals_row_of_formulas_is_left_out_whatever_excel_saved_with_them(
    tmp_path: Path,
) -> None:
    rows = [HEADER, ANA, BEN, ["Total", "=COUNTA(B2:B3)", None, "=SUM(D2:D3)"]]
    # openpyxl saves no value with a formula; Excel saves the value it calculated.
    without = read_table(write_xlsx(tmp_path / "without.xlsx", rows))
    assert len(without.rows) == 2
    path = write_xlsx(tmp_path / "with.xlsx", rows)

    def save_values(data: bytes) -> bytes:
        saved, count = re.subn(
            rb"(<f>[A-Z]+\([A-Z0-9:]+\)</f>)(?:<v\s*/>|<v></v>)", rb"\1<v>2</v>", data
        )
        assert count == 2
        return saved

    rewrite_part(path, "xl/worksheets/sheet1.xml", save_values)
    table = read_table(path)
    assert table.rows == (tuple(ANA), tuple(BEN))
    assert table.notices == (totals_notice(4, "Total"),)


def test_a_csv_totals_row_of_numbers_written_as_text(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "sheet.csv",
        [
            HEADER,
            ANA,
            BEN,
            ["Total", "", "", "1,234.50"],
            ["Grand total", "=SUM(D2:D3)", "", "45 %"],
        ],
    )
    table = read_table(path)
    assert table.rows == (
        ("Ana Silva", "ana@example.org", "Mentor", "2"),
        ("Ben Okafor", "ben@example.org", "Mentee", None),
    )
    assert table.notices == (totals_notice(4, "Total"), totals_notice(5, "Grand total"))


def test_a_totals_row_whose_label_is_not_in_the_first_column(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "sheet.xlsx", [["No.", *HEADER], [1, *ANA], [None, "Total", None, None, 2]]
    )
    table = read_table(path)
    assert table.rows == ((1, *ANA),)
    assert table.notices == (totals_notice(3, "Total"),)


@pytest.mark.parametrize(
    ("cells", "label"),
    [
        (["Total: 11", None, None, None], "Total: 11"),
        (["Totals 11", None, None, None], "Totals 11"),
        (["Summe: 11", None, None, None], "Summe: 11"),
        (["Total : 11", None, None, None], "Total : 11"),
        (["  TOTAL:11 ", None, None, None], "TOTAL:11"),  # cells are read trimmed
        (["Total général : 1 204", None, None, None], "Total général : 1 204"),
        (["Total: 11", None, None, 7], "Total: 11"),  # a total's cell and a count beside it
        (["Responses: 11", None, None, None], "Responses: 11"),  # a word and a number alone
        (["Anzahl 11", None, None, None], "Anzahl 11"),
    ],
)
def test_a_totals_row_with_its_count_in_the_label_cell(
    tmp_path: Path, cells: list[CellValue], label: str
) -> None:
    # The coordinator's CSV: a blank row, then "Total: 11" under the first column.
    path = write_csv(tmp_path / "sheet.csv", [HEADER, ANA, BEN, [None] * 4, cells])
    table = read_table(path)
    assert table.row_numbers == (2, 3)
    assert table.notices == (
        f"Row 5 reads “{label}”: it is taken for a totals row, not answers, and left out.",
    )


@pytest.mark.parametrize(
    "last",
    [
        # A word and a number with anything else in the row is a row of answers.
        ["Responses: 11", None, "Mentor", None],
        ["Responses: 11", None, None, 3],
        ["Total number of participants: 11", None, None, None],
        ["Ana Silva 2", None, None, None],
        # A person called Total is an applicant, with an address and a role.
        ["Total", "total@example.org", "Mentor", 1],
        ["Total", None, "Mentee", None],
        # A label nobody uses for totals, and words after a total.
        ["Subtotal", None, None, 3],
        ["Total number of participants", None, None, 2],
        ["Total", None, None, "two"],
        [True, None, None, 2],
    ],
)
def test_a_row_that_is_not_only_a_total_stays(tmp_path: Path, last: list[CellValue]) -> None:
    for path in (
        write_xlsx(tmp_path / "sheet.xlsx", [HEADER, ANA, last]),
        write_csv(tmp_path / "sheet.csv", [HEADER, ANA, last]),
    ):
        table = read_table(path)
        assert len(table.rows) == 2, path.name
        assert table.row_numbers == (2, 3)
        assert table.notices == ()


def test_only_totals_at_the_bottom_are_left_out(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sheet.xlsx", [HEADER, ANA, ["Total", None, None, 2], BEN])
    table = read_table(path)
    assert table.row_numbers == (2, 3, 4)
    assert table.notices == ()


def test_a_coordinators_sheet_with_merged_title_groups_and_a_totals_row(tmp_path: Path) -> None:
    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("A1:F1")  # the title across the table
        sheet.merge_cells("A2:C2")  # "Applicant" over Name, Email, Role
        sheet.merge_cells("D2:E2")  # "Application" over Strand, Applied on
        sheet.merge_cells("F2:F3")  # "Places" down over both header rows

    path = write_xlsx(
        tmp_path / "Applications 2026 (programme office).xlsx",
        [
            ["Mentoring programme 2026: applications"],
            ["Applicant", None, None, "Application", None, "Places"],
            ["Name", "Email", "Role", "Strand", "Applied on", None],
            ["Ana Silva", "ana@example.org", "Mentor", "Faculty", "14/03/2026", 2],
            ["Ben Okafor", "ben@example.org", "Mentee", "Fellows", "02/04/2026", None],
            [],
            ["Total", "=COUNTA(B4:B5)", None, None, None, "=SUM(F4:F5)"],
        ],
        setup=merge,
    )
    table = read_table(path)
    assert table.headers == ("Name", "Email", "Role", "Strand", "Applied on", "Places")
    assert table.header_row == 3
    assert table.rows == (
        ("Ana Silva", "ana@example.org", "Mentor", "Faculty", "14/03/2026", 2),
        ("Ben Okafor", "ben@example.org", "Mentee", "Fellows", "02/04/2026", None),
    )
    assert table.row_numbers == (4, 5)
    assert table.notices == (totals_notice(7, "Total"),)
