"""The import service with what a new coordinator met first: rows written as read, said once.

Real encrypted programme files (tests/conftest.py); tables as read_table gives them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import Role
from mentordesk.formats.column_guess import ColumnGuess
from mentordesk.formats.dates import DayOrder
from mentordesk.formats.tables import SheetTable
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.import_mappings import field_named
from mentordesk.services.import_report import (
    column_choices,
    notice_lines,
    problem_lines,
    unknown_answers,
)
from mentordesk.services.importing import (
    ImportPlan,
    PreviewRow,
    RowAction,
    apply_import,
    preview_import,
)
from mentordesk.store.models import Application, Person, Strand


def table(headers, *rows, source="applications.csv"):
    return SheetTable(
        source=source,
        sheet="",
        header_row=1,
        headers=tuple(headers),
        rows=tuple(tuple(r) for r in rows),
        row_numbers=tuple(range(2, len(rows) + 2)),
    )


NO_NAME = {0: F.EMAIL, 1: F.ROLE, 2: F.STRAND}


def test_a_row_adding_someone_without_a_name_column_is_refused_in_the_preview(
    programme_file, programme_id, table_counts
):
    rows = table(
        ["Email", "Role", "Strand"],
        ("x.y@a.example", "Mentee", "Fellows"),
        ("x.y@a.example", "Mentor", "Circles"),
        ("z@a.example", "Mentor", "Fellows"),
    )
    before = table_counts(programme_file)
    with programme_file.session() as session:
        preview = preview_import(session, programme_id, ImportPlan(rows, NO_NAME))

    assert [r.action for r in preview.rows] == [RowAction.REJECT] * 3
    for row in preview.rows:
        assert row.missing == (F.FULL_NAME,)
        assert row.problems == [
            "Name: missing; no column is read as the name (a full name, or a first and a last "
            "name) and this person is not in the file yet"
        ]
        # Every value is one the file can store: never a field left unset.
        assert row.person is not None
        assert (row.person.first_name, row.person.last_name) == ("", "")
    with programme_file.session() as session:
        summary = apply_import(session, programme_id, ImportPlan(rows, NO_NAME))
    assert (summary.added, len(summary.rejected)) == (0, 3)
    assert table_counts(programme_file) == {**before, "audit_entry": before["audit_entry"] + 1}


def test_without_a_name_column_people_already_in_the_file_keep_their_name(
    programme_file, programme_id
):
    with programme_file.session() as session:
        fellows = session.scalar(select(Strand.id).where(Strand.name == "Fellows"))
        add_applicant(
            session,
            PersonInput("Xena", "Young", "x.y@a.example"),
            ApplicationInput(fellows, Role.MENTEE),
        )
    rows = table(["Email", "Role", "Strand"], ("X.Y@a.example", "Mentor", "Circles"))
    with programme_file.session() as session:
        summary = apply_import(session, programme_id, ImportPlan(rows, NO_NAME))

    assert (summary.added, summary.rejected) == (1, [])
    with programme_file.session() as session:
        person = session.scalars(select(Person)).one()
        assert (person.first_name, person.last_name) == ("Xena", "Young")
        assert {a.role for a in person.applications} == {Role.MENTEE, Role.MENTOR}


# The order of day and month ----------------------------------------------------------------

US = table(
    ["Timestamp", "Email", "Name", "Role", "Strand"],
    ("3/5/2026 10:22:13", "una@inst.example", "Una One", "Mentee", "Fellows"),
    ("3/6/2026 11:22:13", "tim@inst.example", "Tim Two", "Mentee", "Fellows"),
)
US_MAPPING = {0: F.SUBMITTED_ON, 1: F.EMAIL, 2: F.FULL_NAME, 3: F.ROLE, 4: F.STRAND}


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (None, None),
        (DayOrder.MONTH_FIRST, dt.date(2026, 3, 5)),
        (DayOrder.DAY_FIRST, dt.date(2026, 5, 3)),
    ],
)
def test_the_plans_date_order_reads_dates_no_row_settles(
    programme_file, programme_id, order, expected
):
    with programme_file.session() as session:
        preview = preview_import(
            session, programme_id, ImportPlan(US, US_MAPPING, date_order=order)
        )

    if expected is None:
        assert [r.action for r in preview.rows] == [RowAction.REJECT] * 2
        assert preview.undecided_dates == {0}
        assert preview.rows[0].problems == [
            "Timestamp: “3/5/2026 10:22:13” could be “3 May 2026” or “5 March 2026”: write it "
            "as year-month-day, “2026-05-03” or “2026-03-05”"
        ]
    else:
        assert preview.undecided_dates == frozenset()
        assert preview.rows[0].application.submitted_on == expected


# Said once ----------------------------------------------------------------------------------


def reject(number, *problems):
    return PreviewRow(number, RowAction.REJECT, None, None, list(problems))


def test_alike_problems_quote_the_other_answers_when_few_and_count_them_when_many():
    strand = "Strand: “{}” is not a strand of this programme"
    few = [reject(2, strand.format("Faculty")), reject(3, strand.format("Faculty")),
           reject(4, strand.format("Staff")), reject(6, strand.format("Faculty"))]  # fmt: skip
    assert problem_lines(few) == [
        "Rows 2–4, 6 (4 rows): Strand: “Faculty” is not a strand of this programme (quoted from "
        "rows 2–3, 6; row 4 gives “Staff” instead)"
    ]
    many = [reject(n, strand.format(f"Strand {n}")) for n in range(2, 14)]
    assert problem_lines(many) == [
        "Rows 2–13 (12 rows): Strand: “Strand 2” is not a strand of this programme (quoted "
        "from row 2; 11 more rows give other answers)"
    ]
    same = [reject(n, strand.format("Faculty")) for n in range(2, 5)]
    assert problem_lines(same) == [
        "Rows 2–4 (3 rows): Strand: “Faculty” is not a strand of this programme"
    ]


def test_alike_notices_of_many_rows_are_said_once_and_a_rows_own_on_its_line():
    rows = [
        PreviewRow(n, RowAction.SKIP, None, None, notices=["Already imported: nothing has changed"])
        for n in (2, 3, 4, 5, 7)
    ]
    rows.append(PreviewRow(6, RowAction.ADD, None, None, notices=["Consent: no answer"]))
    assert notice_lines(rows) == [
        "Rows 2–5, 7 (5 rows): Already imported: nothing has changed",
        "Row 6: Consent: no answer",
    ]


def test_unknown_answers_written_alike_are_one_answer_under_their_commonest_wording():
    rows = [("postdocs", "x"), ("Postdocs", "x"), ("Postdocs.", "x"), ("POSTDOCS", "x"),
            ("Postdocs", "x"), ("Staff", "x"), ("Fellows", "x")]  # fmt: skip
    sheet = table(["Part", "Role"], *rows)
    choices = column_choices(
        [
            ColumnGuess(0, "Part", F.STRAND, True, "header says “Part”", ()),
            ColumnGuess(1, "Role", F.ROLE, True, "header says “Role”", ()),
        ]
    )
    found = unknown_answers(sheet, choices, F.STRAND, ["Fellows", "Circles"], {})
    assert found == {"Postdocs": 5, "Staff": 1}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("organization", F.ORGANISATION),
        ("Organization", F.ORGANISATION),
        ("program strand", F.STRAND),
        ("Programme strand", F.STRAND),
        ("surname", F.LAST_NAME),
        ("language", F.LANGUAGES),
        ("goal", F.GOALS),
        ("e-mail", F.EMAIL),
        ("job title", F.POSITION),
    ],
)
def test_fields_are_named_by_us_spellings_and_plain_synonyms(text, wanted):
    assert field_named(text) is wanted


# Another export of the same form ------------------------------------------------------------


def test_an_update_from_another_file_names_it_as_the_source_unless_nothing_changed(
    programme_file, programme_id
):
    headers = ["Email", "Name", "Role", "Strand", "Goals"]
    mapping = {0: F.EMAIL, 1: F.FULL_NAME, 2: F.ROLE, 3: F.STRAND, 4: F.GOALS}

    def imported(goals, source):
        rows = table(headers, ("ana@uni.example", "Ana Silva", "Mentee", "Fellows", goals),
                     source=source)  # fmt: skip
        with programme_file.session() as session:
            summary = apply_import(session, programme_id, ImportPlan(rows, mapping))
        with programme_file.session() as session:
            application = session.scalars(select(Application)).one()
            return summary, application.source

    assert imported("Publish", "spring.xlsx")[1] == "imported from spring.xlsx"
    summary, source = imported("Lead a team", "summer.xlsx")
    assert (summary.updated, source) == (1, "imported from summer.xlsx")
    summary, source = imported("Lead a team", "autumn.xlsx")
    assert (summary.skipped, source) == (1, "imported from summer.xlsx")
