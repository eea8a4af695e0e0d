"""read_table on headers of question codes with the questions below (Qualtrics, LimeSurvey)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import CellValue

from .conftest import write_xlsx

#: Qualtrics' three header rows for a short form: codes, questions, import ids.
QUALTRICS_CODES: list[CellValue] = [
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Duration (in seconds)",
    "ResponseId",
    "Q1",
    "Q2",
    "Q3_1",
    "Q4",
    "Strand",
]
QUALTRICS_QUESTIONS: list[CellValue] = [
    "Start Date",
    "End Date",
    "Response Type",
    "IP Address",
    "Duration (in seconds)",
    "Response ID",
    "What is your email address?",
    "Are you applying as a mentor or a mentee?",
    "Which areas would you like support with? - Selected Choice",
    "Please write to us (e.g. at office@example.org) if you need help",
    None,  # an embedded data field without a question
]
QUALTRICS_ANSWERS: list[list[CellValue]] = [
    [
        "2026-03-14 10:17:13",
        "2026-03-14 10:22:13",
        "IP Address",
        "192.0.2.1",
        "300",
        "R_1aZ3kq9QmXbT",
        "ana@example.org",
        "Mentee",
        "Networking,Leadership",
        "No",
        "Fellows",
    ],
    [
        "2026-03-15 09:00:00",
        "2026-03-15 09:04:00",
        "IP Address",
        "192.0.2.2",
        "240",
        "R_2bY4lr0RnYcU",
        "ben@example.org",
        "Mentor",
        "Publishing",
        None,
        "Faculty",
    ],
]


def import_ids() -> list[str]:
    return [json.dumps({"ImportId": str(code).lower()}) for code in QUALTRICS_CODES[:6]] + [
        json.dumps({"ImportId": f"QID{n}"}) for n in range(1, 6)
    ]


def write_csv(path: Path, rows: Sequence[Sequence[CellValue]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(["" if cell is None else cell for cell in row] for row in rows)
    return path


def expected_headers() -> tuple[CellValue, ...]:
    return (*[q for q in QUALTRICS_QUESTIONS if q], "Strand")


def test_qualtrics_csv_takes_the_questions_as_titles_and_skips_the_import_ids(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "Mentoring+application_March+14,+2026_10.22.csv",
        [QUALTRICS_CODES, QUALTRICS_QUESTIONS, import_ids(), *QUALTRICS_ANSWERS],
    )
    table = read_table(path)
    assert table.headers == expected_headers()
    assert table.header_row == 2
    assert table.row_numbers == (4, 5)
    assert table.rows[0][6:9] == ("ana@example.org", "Mentee", "Networking,Leadership")
    assert table.rows[1][-1] == "Faculty"
    assert table.notices == (
        "Row 1 holds question codes (Q1, Q2, …); the questions on row 2 are used as column "
        "titles. Row 3 holds Qualtrics' import ids, not answers, and is left out.",
    )


def test_qualtrics_xlsx_under_a_title_keeps_its_real_row_numbers(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "qualtrics.xlsx",
        [
            ["Mentoring application"],
            [],
            QUALTRICS_CODES,
            QUALTRICS_QUESTIONS,
            import_ids(),
            QUALTRICS_ANSWERS[0],
            [],
            QUALTRICS_ANSWERS[1],
        ],
    )
    table = read_table(path)
    assert table.headers == expected_headers()
    assert table.header_row == 4
    assert table.row_numbers == (6, 8)
    assert [row[6] for row in table.rows] == ["ana@example.org", "ben@example.org"]
    assert "Row 3 holds question codes (Q1, Q2, …); the questions on row 4" in table.notices[0]
    assert "Row 5 holds Qualtrics' import ids" in table.notices[0]


LIMESURVEY_CODES: list[CellValue] = [
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "ipaddr",
    "G01Q01",
    "G01Q02",
    "G01Q03[SQ001]",
    "G02Q01",
]
LIMESURVEY_QUESTIONS: list[CellValue] = [
    "Response ID",
    "Date submitted",
    "Last page",
    "Start language",
    "Seed",
    "IP address",
    "Email address",
    "Do you want to take part as a mentor or as a mentee?",
    "Which languages do you speak? [English]",
    None,
]


ANA_OWN: list[CellValue] = [1, "2026-03-14 10:22:13", 3, "en", 1503263713, "198.51.100.1"]
BEN_OWN: list[CellValue] = [2, "2026-03-15 09:04:00", 3, "de", 1503271632, "198.51.100.2"]


def test_limesurvey_codes_over_questions(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "results-survey482915.xlsx",
        [
            LIMESURVEY_CODES,
            LIMESURVEY_QUESTIONS,
            [*ANA_OWN, "ana@example.org", "Mentee", "Yes", "Networking"],
            [*BEN_OWN, "ben@example.org", "Mentor/in", None, "Leadership"],
        ],
    )
    table = read_table(path)
    assert table.headers == (*LIMESURVEY_QUESTIONS[:-1], "G02Q01")
    assert table.header_row == 2
    assert table.row_numbers == (3, 4)
    assert table.rows[0][:2] == (1, "2026-03-14 10:22:13")
    assert table.rows[1][6:] == ("ben@example.org", "Mentor/in", None, "Leadership")
    assert table.notices == (
        "Row 1 holds question codes (G01Q01, G01Q02, …); the questions on row 2 are used as "
        "column titles.",
    )


def test_limesurvey_csv_with_question_codes_only(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "results.csv",
        [
            ["G01Q01", "G01Q02", "G01Q03"],
            ["What is your name?", "What is your email address?", "Mentor or mentee?"],
            ["Ana Silva", "ana@example.org", "Mentee"],
        ],
    )
    table = read_table(path)
    assert table.headers == (
        "What is your name?",
        "What is your email address?",
        "Mentor or mentee?",
    )
    assert (table.header_row, table.row_numbers) == (2, (3,))
    assert table.rows == (("Ana Silva", "ana@example.org", "Mentee"),)


@pytest.mark.parametrize(
    "rows",
    [
        # Ordinary titles over a first row of names and choices.
        [["Name", "Role", "Strand"], ["Ana Silva", "Mentor", "Faculty"]],
        [["First_name", "Last_name", "Position"], ["Ana", "Silva", "Assistant professor"]],
        # Codes over answers that hold an address, a number or a date.
        [["Email", "Q1", "Q2"], ["ana@example.org", "Networking and leadership", "Monthly"]],
        [["ID", "Q1_score", "Q2_score"], ["A1", "4", "5"]],
        [["StartDate", "Q1", "Q2"], ["2026-03-14 10:22:13", "Great programme", "Every month"]],
        [["Q1", "Q2", "Q3"], ["14/03/2026", "Very good", "More time please"]],
        # A name under "Name" does not put the code in words.
        [["Name", "Email", "Q1", "Q2"], ["Ana Silva", None, "Very good", "More time please"]],
        # An answer that comes back further down is an answer, not a question.
        [
            ["Q1", "Q2", "Q3"],
            ["Very good", "More time please", "Yes"],
            ["Very good", "Nothing to add", "No"],
        ],
    ],
)
def test_an_ordinary_header_over_a_first_row_of_answers_is_left_as_it_is(
    tmp_path: Path, rows: list[list[CellValue]]
) -> None:
    for table in (
        read_table(write_xlsx(tmp_path / "sheet.xlsx", rows)),
        read_table(write_csv(tmp_path / "sheet.csv", rows)),
    ):
        assert table.header_row == 1
        assert table.headers == tuple(rows[0])
        assert table.rows[0] == tuple(rows[1])
        assert table.row_numbers[0] == 2
        assert table.notices == ()


def test_a_merged_two_row_header_is_not_taken_for_codes(tmp_path: Path) -> None:
    def merge(sheet: Worksheet) -> None:
        sheet.merge_cells("A1:B1")

    path = write_xlsx(
        tmp_path / "merged.xlsx",
        [["Q1", None, "Q2"], ["Your name", "Your email", None], ["Ana", "ana@example.org", "x"]],
        setup=merge,
    )
    table = read_table(path)
    assert table.headers == ("Your name", "Your email", "Q2")
    assert (table.header_row, table.row_numbers, table.notices) == (2, (3,), ())
