"""Where each column went, said in plain words, and refusals said once with their fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import Role
from mentordesk.formats.column_guess import ColumnGuess, recognise_columns
from mentordesk.formats.reading import read_table
from mentordesk.services.import_report import (
    column_choices,
    column_report,
    mapping_lines,
    mapping_of,
    missing_field_hint,
    missing_fields,
    problem_lines,
    row_ranges,
    unknown_answers,
    value_map_hint,
)
from mentordesk.services.importing import ImportPlan, PreviewRow, RowAction, preview_import

STRANDS = ["Fellows", "Circles"]


def guess(column, header, field, sure=True, reason="header says so", suggestion=None):
    return ColumnGuess(column, header, field, sure, reason, ("a", "b"), suggestion)


GUESSES = [
    guess(0, "Email address", F.EMAIL),
    guess(1, "Name", F.FULL_NAME),
    guess(2, "This year", F.ROLE, False, "answers are Mentor/Mentee; so does “Last year”", F.ROLE),
    guess(3, "Last year", F.ROLE, False, "answers are Mentor/Mentee; so does “This year”", F.ROLE),
    guess(4, "How did you hear about us?", F.OTHER, reason="no field fits"),
    guess(5, "ID", F.IGNORE, reason="Microsoft Forms' own column"),
]


def test_a_weak_guess_is_not_applied_and_shows_the_map_that_applies_it():
    choices = column_choices(GUESSES)
    assert mapping_of(choices) == {0: F.EMAIL, 1: F.FULL_NAME, 2: F.OTHER, 3: F.OTHER,
                                   4: F.OTHER, 5: F.IGNORE}  # fmt: skip
    lines = mapping_lines(choices)
    assert lines[2] == (
        "C “This year” → other (might be role: answers are Mentor/Mentee; so does “Last "
        'year”; pass --map "role=This year"); answers such as “a”, “b”'
    )
    assert lines[5].startswith("F “ID” → ignore (Microsoft Forms' own column)")


def test_a_choice_by_hand_beats_a_saved_mapping_which_beats_a_guess():
    choices = column_choices(
        GUESSES,
        saved={1: F.OTHER, 4: F.FULL_NAME, 5: F.OTHER},
        saved_reason="as the saved mapping “Spring” says",
        chosen={3: F.ROLE, 5: F.IGNORE},
        chosen_reason="as --map says",
    )
    assert mapping_of(choices) == {0: F.EMAIL, 1: F.OTHER, 2: F.OTHER, 3: F.ROLE,
                                   4: F.FULL_NAME, 5: F.IGNORE}  # fmt: skip
    assert choices[3].reason == "as --map says"
    assert choices[4].reason == "as the saved mapping “Spring” says"
    assert choices[0].reason == "header says so"


def test_a_field_mapped_by_hand_is_taken_from_the_column_a_guess_gave_it():
    choices = column_choices(GUESSES, chosen={4: F.EMAIL}, chosen_reason="as --map says")
    assert mapping_of(choices)[0] is F.OTHER
    assert mapping_of(choices)[4] is F.EMAIL
    assert choices[0].reason == "the email is read from column E instead"
    report = column_report(_table(), choices)
    assert (
        report[0]
        == "A “Email address” → kept as other answers (the email is read from column E instead)"
    )


def _table():
    from mentordesk.formats.tables import SheetTable

    headers = tuple(g.header for g in GUESSES)
    return SheetTable("form.xlsx", "Form1", 1, headers, (("",) * len(headers),), (2,))


def test_the_report_says_where_each_column_went_with_the_answers_kept():
    choices = column_choices(GUESSES)
    report = column_report(_table(), choices, {"How did you hear about us?": 52})
    assert report == [
        "A “Email address” → Email (header says so)",
        "B “Name” → Full name (header says so)",
        "C “This year” → kept as other answers: 0 answers "
        "(answers are Mentor/Mentee; so does “Last year”)",
        "D “Last year” → kept as other answers: 0 answers "
        "(answers are Mentor/Mentee; so does “This year”)",
        "E “How did you hear about us?” → kept as other answers: 52 answers (no field fits)",
        "F “ID” → left out (Microsoft Forms' own column)",
    ]


def test_a_missing_field_points_to_every_column_that_may_hold_it():
    hint = missing_field_hint(F.ROLE, column_choices(GUESSES), GUESSES, "renewals.xlsx")
    assert hint == (
        "No column of renewals.xlsx is read as the role. Column C “This year” looks like it "
        "holds it (answers are Mentor/Mentee; so does “Last year”): pass "
        '--map "role=This year", or --map "role=Last year" for column D “Last year”.'
    )


def test_a_file_without_a_role_column_is_told_about_role_and_never_a_wrong_column():
    guesses = [GUESSES[0], GUESSES[1], GUESSES[4]]
    hint = missing_field_hint(F.ROLE, column_choices(guesses), guesses, "f.csv")
    assert hint == (
        "No column of f.csv looks like it holds the role. If every row has the same role, "
        "pass --role mentor or --role mentee; otherwise name the column that holds it with "
        '--map "role=HEADER".'
    )
    hint = missing_field_hint(F.EMAIL, column_choices(guesses[1:]), guesses[1:], "f.csv")
    assert "--role" not in hint
    assert '--map "email=HEADER"' in hint


def test_a_role_column_left_empty_is_told_to_be_filled_in():
    guesses = [GUESSES[0], guess(1, "Role", F.ROLE)]
    hint = missing_field_hint(F.ROLE, column_choices(guesses), guesses, "f.csv")
    assert hint == (
        "The role is read from column B “Role”: fill it in where it is empty, or pass "
        "--role mentor or --role mentee for the rows that leave it empty if they all have "
        "the same."
    )


def row(number, *problems, missing=()):
    return PreviewRow(number, RowAction.REJECT, None, None, list(problems), missing=missing)


def test_alike_problems_of_many_rows_are_said_once():
    rows = [
        *(
            row(n, "Role: missing; choose a default role (mentor or mentee)", missing=(F.ROLE,))
            for n in range(2, 57)
        ),
        row(57, "Email: “x@” is not a valid email address"),
        *(row(n, f"Timestamp: “{n}/13/2026 9:00 GMT+1” is not a date") for n in (58, 59, 61)),
    ]
    assert problem_lines(rows) == [
        "Rows 2–56 (55 rows): Role: missing; choose a default role (mentor or mentee)",
        "Rows 58–59, 61 (3 rows): Timestamp: “58/13/2026 9:00 GMT+1” is not a date "
        "(quoted from row 58; rows 59, 61 give “59/13/2026 9:00 GMT+1” or “61/13/2026 9:00 "
        "GMT+1” instead)",
        "Row 57: Email: “x@” is not a valid email address",
    ]
    # A missing field said with its hint is not said again row by row.
    assert problem_lines(rows, [F.ROLE])[0].startswith("Rows 58–59, 61")
    assert missing_fields(rows) == {F.ROLE: 55}


def test_row_ranges():
    assert row_ranges([5, 2, 3, 4, 9, 11, 12]) == "2–5, 9, 11–12"
    assert row_ranges([7]) == "7"


def test_a_forms_file_whose_role_question_is_unknown_is_still_read_by_its_answers(
    tmp_path: Path, programme_file, programme_id
):
    path = tmp_path / "Mentoring(1-3).xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Your full name",
                  "Your email", "I am applying as a", "Which strand?"])  # fmt: skip
    for n, (role, strand) in enumerate([("Mentor", "Fellows"), ("Mentee", "Circles"),
                                        ("Mentee", "Fellows")], start=1):  # fmt: skip
        moment = dt.datetime(2026, 3, n, 9)
        sheet.append([n, moment, moment, "anonymous", "anonymous", f"Person {n}",
                      f"p{n}@uni.example", role, strand])  # fmt: skip
    workbook.save(path)
    table = read_table(path)
    choices = column_choices(recognise_columns(table, STRANDS))
    lines = column_report(table, choices)
    assert lines[7].startswith("H “I am applying as a” → Role (answers are Mentor/Mentee")
    with programme_file.session() as session:
        preview = preview_import(session, programme_id, ImportPlan(table, mapping_of(choices)))
    assert [r.application.role for r in preview.rows] == [Role.MENTOR, Role.MENTEE, Role.MENTEE]


def test_answers_that_name_no_strand_or_role_are_counted_with_the_map_value_for_each():
    from mentordesk.formats.tables import SheetTable

    rows = [("Fellows", "Mentor"), ("The Circles strand (groups)", "Yes"),
            ("Staff peer groups", "No"), ("Staff peer groups", "Yes"), ("", "")]  # fmt: skip
    table = SheetTable("f.csv", "", 1, ("Part", "Mentoring?"), tuple(rows), (2, 3, 4, 5, 6))
    choices = column_choices([guess(0, "Part", F.STRAND), guess(1, "Mentoring?", F.ROLE)])
    assert unknown_answers(table, choices, F.STRAND, STRANDS, {}) == {"Staff peer groups": 2}
    assert (
        unknown_answers(table, choices, F.STRAND, STRANDS, {"staff peer groups": "Circles"}) == {}
    )
    roles = unknown_answers(table, choices, F.ROLE, STRANDS, {"no": "mentee"})
    assert roles == {"Yes": 2}
    assert value_map_hint(F.ROLE, roles, STRANDS) == (
        "These answers name no role (mentor or mentee): “Yes” (2 rows). Say what each stands "
        'for: --map-value "Role:Yes=ROLE" (each ROLE replaced with mentor or mentee).'
    )
