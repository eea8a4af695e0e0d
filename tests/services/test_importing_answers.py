"""Imports keep every answer: other answers, consent, availability, value maps, bulk writing.

Each test writes a real .xlsx or .csv file, reads it as the window and the
command line do, imports it into a real encrypted file and reads the file back.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.reading import read_table
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_applicant,
)
from mentordesk.services.importing import (
    ImportPlan,
    RowAction,
    apply_import,
    preview_import,
)
from mentordesk.services.other_answers import (
    MAX_ANSWER,
    OtherAnswer,
    other_answers_by_application,
    set_other_answers,
)
from mentordesk.store.models import Application, ApplicationAnswer, Person
from tests.helpers.workbooks import plain_workbook

HEADERS = [
    "Timestamp", "Email address", "Your full name", "Which strand?", "I am applying as a",
    "How did you hear about the programme?", "Response ID", "How often can you meet?",
    "I agree to the processing of my personal data", "Anything else?",
]  # fmt: skip
MAPPING = {
    0: F.SUBMITTED_ON,
    1: F.EMAIL,
    2: F.FULL_NAME,
    3: F.STRAND,
    4: F.ROLE,
    5: F.OTHER,
    6: F.IGNORE,
    7: F.AVAILABILITY,
    8: F.CONSENT,
    # 9, "Anything else?", is left out of the mapping: kept as an other answer too.
}


def applicant(n: int, **answers: object) -> list[object]:
    """A row of :data:`HEADERS` for applicant ``n``, with some answers given as keywords."""
    values: dict[str, object] = {
        "submitted": dt.datetime(2026, 3, 2, 9, n),
        "email": f"person{n}@uni.example",
        "name": f"Person Number{n}",
        "strand": "Fellows",
        "role": "Mentee",
        "heard": "A colleague",
        "response": 1000 + n,
        "meet": "Once a month",
        "consent": "I agree",
        "anything": "",
    }
    values.update(answers)
    return list(values.values())


def xlsx(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    return plain_workbook(path, headers, rows)


def run(programme_file, programme_id, path, mapping=MAPPING, **options):
    table = read_table(path)
    with programme_file.session() as session:
        return apply_import(session, programme_id, ImportPlan(table, mapping, **options))


def check(programme_file, programme_id, path, mapping=MAPPING, **options):
    table = read_table(path)
    with programme_file.session() as session:
        return preview_import(session, programme_id, ImportPlan(table, mapping, **options))


def answers_of(programme_file) -> dict[str, list[tuple[str, str]]]:
    """Each person's other answers (email → (question, answer) in order)."""
    with programme_file.session() as session:
        applications = session.scalars(select(Application)).all()
        found = other_answers_by_application(session, [a.id for a in applications])
        return {
            a.person.email: [(o.question, o.answer) for o in found.get(a.id, [])]
            for a in applications
        }


def test_columns_left_out_of_the_mapping_or_mapped_to_other_are_kept_and_ignore_is_not(
    tmp_path, programme_file, programme_id
):
    path = xlsx(
        tmp_path / "form.xlsx",
        [
            applicant(1, anything="I work part time (Mon–Wed)"),
            applicant(2, heard="", anything=""),
            applicant(3, heard="  The staff newsletter  "),
        ],
    )
    summary = run(programme_file, programme_id, path)

    assert summary.added == 3
    assert answers_of(programme_file) == {
        "person1@uni.example": [
            ("How did you hear about the programme?", "A colleague"),
            ("Anything else?", "I work part time (Mon–Wed)"),
        ],
        "person2@uni.example": [],
        "person3@uni.example": [("How did you hear about the programme?", "The staff newsletter")],
    }
    # The Response ID column was left out on purpose: no answer of it is kept anywhere.
    with programme_file.session() as session:
        texts = {a.answer for a in session.scalars(select(ApplicationAnswer))}
    assert not {"1001", "1002", "1003"} & texts
    assert summary.other_answers == {
        "How did you hear about the programme?": 2,
        "Anything else?": 1,
    }


def test_the_preview_shows_each_rows_other_answers(tmp_path, programme_file, programme_id):
    path = xlsx(tmp_path / "form.xlsx", [applicant(1, anything="Vegetarian")])
    (row,) = check(programme_file, programme_id, path).rows
    assert row.other_answers == [
        OtherAnswer("How did you hear about the programme?", "A colleague"),
        OtherAnswer("Anything else?", "Vegetarian"),
    ]


def test_a_new_answer_replaces_the_old_one_to_its_question_and_the_others_stay(
    tmp_path, programme_file, programme_id
):
    run(programme_file, programme_id, xlsx(tmp_path / "spring.xlsx", [applicant(1)]))
    with programme_file.session() as session:
        application_id = session.scalars(select(Application.id)).one()
        set_other_answers(
            session,
            application_id,
            [
                OtherAnswer("How did you hear about the programme?", "A colleague"),
                OtherAnswer("Dietary needs", "None"),
            ],
        )
    autumn = xlsx(
        tmp_path / "autumn.xlsx",
        [applicant(1, heard="The intranet", anything="Back from leave in May")],
    )
    preview = check(programme_file, programme_id, autumn)
    assert [r.action for r in preview.rows] == [RowAction.UPDATE]

    summary = run(programme_file, programme_id, autumn)

    assert (summary.added, summary.updated) == (0, 1)
    assert answers_of(programme_file)["person1@uni.example"] == [
        ("How did you hear about the programme?", "The intranet"),
        ("Dietary needs", "None"),
        ("Anything else?", "Back from leave in May"),
    ]
    # The same file again changes nothing.
    again = check(programme_file, programme_id, autumn)
    assert [r.action for r in again.rows] == [RowAction.SKIP]


def test_an_answer_longer_than_the_file_keeps_refuses_its_row(
    tmp_path, programme_file, programme_id
):
    path = xlsx(
        tmp_path / "form.xlsx",
        [applicant(1, anything="x" * (MAX_ANSWER + 1)), applicant(2, anything="Short")],
    )
    rows = check(programme_file, programme_id, path).rows
    assert [r.action for r in rows] == [RowAction.REJECT, RowAction.ADD]
    assert rows[0].problems == [
        "Anything else?: the answer is too long to keep (at most 20,000 characters, it has 20,001)"
    ]


def test_consent_yes_no_and_blank(tmp_path, programme_file, programme_id):
    path = xlsx(
        tmp_path / "form.xlsx",
        [
            applicant(1, consent="I agree"),
            applicant(2, consent="No"),
            applicant(3, consent=None),
            applicant(4, consent="Ja"),
            applicant(5, consent="Maybe later"),
        ],
    )
    rows = check(programme_file, programme_id, path).rows
    assert [r.action for r in rows] == [RowAction.ADD, RowAction.REJECT] + [RowAction.ADD] * 3
    question = "I agree to the processing of my personal data"
    assert rows[1].problems == [
        f"{question}: answered “No” to “{question}”: without consent the application cannot be kept"
    ]
    assert rows[2].notices == [f"{question}: no answer, so no consent is recorded for this person"]
    assert rows[4].notices == [
        f"{question}: “Maybe later” is neither a yes nor a no, so no consent is recorded for "
        "this person"
    ]

    summary = run(programme_file, programme_id, path)

    assert summary.added == 4
    with programme_file.session() as session:
        consent = {p.email: p.consent_on for p in session.scalars(select(Person))}
    assert consent == {
        # Consent given on the day the form was submitted.
        "person1@uni.example": dt.date(2026, 3, 2),
        "person3@uni.example": None,
        "person4@uni.example": dt.date(2026, 3, 2),
        "person5@uni.example": None,
    }


def test_consent_without_a_submission_date_is_given_today(tmp_path, programme_file, programme_id):
    mapping = {k: v for k, v in MAPPING.items() if v is not F.SUBMITTED_ON}
    mapping[0] = F.IGNORE
    (row,) = check(
        programme_file, programme_id, xlsx(tmp_path / "f.xlsx", [applicant(1)]), mapping
    ).rows
    assert row.person.consent_on == dt.date.today()


def test_availability_is_kept_with_the_application(tmp_path, programme_file, programme_id):
    path = xlsx(tmp_path / "form.xlsx", [applicant(1, meet="Tuesday afternoons, online")])
    run(programme_file, programme_id, path)
    with programme_file.session() as session:
        assert session.scalars(select(Application.availability)).one() == (
            "Tuesday afternoons, online"
        )


def test_strands_and_roles_in_the_forms_own_words_through_a_value_map(
    tmp_path, programme_file, programme_id, strands
):
    path = tmp_path / "responses.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Timestamp", "Email", "Name", "Part of the programme", "Taking part as"])
        writer.writerows([
            ["2026/03/14 10:22:13 AM GMT+1", "ana@uni.example", "Ana Silva",
             "Early-career researchers (postdocs)", "Offering my time"],
            ["2026/03/14 11:02:40 AM GMT+1", "ben@uni.example", "Ben Okafor",
             "The Circles strand (peer groups)", "I'd like to be mentored"],
            ["2026/03/14 11:30:00 AM GMT+1", "cy@uni.example", "Cy Young",
             "Staff peer groups", "Mentee"],
        ])  # fmt: skip
    mapping = {0: F.SUBMITTED_ON, 1: F.EMAIL, 2: F.FULL_NAME, 3: F.STRAND, 4: F.ROLE}
    value_map = {
        F.STRAND: {"EARLY-CAREER researchers (postdocs)": "Fellows"},
        F.ROLE: {"Offering my time": "mentor"},
    }
    rows = check(programme_file, programme_id, path, mapping, value_map=value_map).rows

    assert [(r.application.strand_id, r.application.role) for r in rows[:2]] == [
        (strands["Fellows"], Role.MENTOR),
        # A sentence naming one strand is that strand; a role in words is that role.
        (strands["Circles"], Role.MENTEE),
    ]
    assert rows[0].application.submitted_on == dt.date(2026, 3, 14)
    assert rows[2].problems == [
        "Part of the programme: “Staff peer groups” is not a strand of this programme "
        "(its strands are Circles, Fellows)"
    ]


def test_a_bulk_import_stores_what_adding_by_hand_stores(tmp_path, programme_file, programme_id):
    headers = ["Email", "First name", "Last name", "Strand", "Role", "Grade", "Status", "Date"]
    path = xlsx(
        tmp_path / "form.xlsx",
        [
            [
                "ada@uni.example",
                "Ada",
                "Lovelace",
                "Fellows",
                "Mentor",
                "Full professor",
                "Accepted",
                dt.date(2026, 3, 1),
            ]
        ],
        headers,
    )
    mapping = {0: F.EMAIL, 1: F.FIRST_NAME, 2: F.LAST_NAME, 3: F.STRAND, 4: F.ROLE, 5: F.STAGE,
               6: F.STATUS, 7: F.SUBMITTED_ON}  # fmt: skip
    started = dt.datetime.now(dt.UTC)
    run(programme_file, programme_id, path, mapping)
    with programme_file.session() as session:
        strand_id = session.scalars(select(Application.strand_id)).one()
        add_applicant(
            session,
            PersonInput("Grace", "Hopper", "grace@uni.example", stage="Full professor"),
            ApplicationInput(
                strand_id, Role.MENTOR, ApplicationStatus.ACCEPTED, submitted_on=dt.date(2026, 3, 1)
            ),
        )
    with programme_file.session() as session:
        people = session.scalars(select(Person).order_by(Person.id)).all()
        ada, grace = people
        assert (ada.stage, grace.stage) == ("Full professor", "Full professor")
        assert ada.id < grace.id
        assert ada.created_at.tzinfo is not None
        assert started - dt.timedelta(seconds=5) <= ada.created_at <= dt.datetime.now(dt.UTC)
        (a_app,) = ada.applications
        (g_app,) = grace.applications
        for attribute in ("role", "status", "submitted_on", "strand_id", "capacity"):
            assert getattr(a_app, attribute) == getattr(g_app, attribute), attribute
        # The stored text of each value is the same as the ORM's.
        raw = (
            session.connection()
            .exec_driver_sql("SELECT role, status, submitted_on FROM application ORDER BY id")
            .all()
        )
        assert raw[0] == raw[1]
        stamps = (
            session.connection()
            .exec_driver_sql("SELECT created_at, updated_at FROM person ORDER BY id")
            .all()
        )
        # Moments are stored as naive UTC text, as the ORM stores them (no "+00:00").
        shapes = {re.sub(r"\d", "9", stamp) for row in stamps for stamp in row}
        assert shapes == {"9999-99-99 99:99:99.999999"}


def test_an_import_into_a_file_with_people_gives_new_ids_after_theirs(
    tmp_path, demo_file, demo_programme_id
):
    with demo_file.session() as session:
        before = session.scalars(select(Person.id)).all()
        strand = session.scalars(select(Application.strand_id)).first()
    path = xlsx(tmp_path / "form.xlsx", [["new@uni.example", "New Person"]], ["Email", "Name"])
    with demo_file.session() as session:
        summary = apply_import(
            session,
            demo_programme_id,
            ImportPlan(
                read_table(path),
                {0: F.EMAIL, 1: F.FULL_NAME},
                default_strand_id=strand,
                default_role=Role.MENTEE,
            ),
        )
    assert summary.added == 1
    with demo_file.session() as session:
        person = session.scalar(select(Person).where(Person.email == "new@uni.example"))
        assert person is not None
        assert person.id > max(before)
        assert [a.strand_id for a in person.applications] == [strand]


@pytest.mark.parametrize("header", ["", "Q" * 600])
def test_an_untitled_or_very_long_question_is_kept_under_a_question_that_fits(
    programme_file, programme_id, header
):
    from mentordesk.formats.tables import SheetTable

    table = SheetTable("f.csv", "", 1, ("Email", "Name", header),
                       (("ana@uni.example", "Ana Silva", "An answer"),), (2,))  # fmt: skip
    with programme_file.session() as session:
        preview = preview_import(
            session, programme_id,
            ImportPlan(table, {0: F.EMAIL, 1: F.FULL_NAME}, default_role=Role.MENTEE),
        )  # fmt: skip
    (answer,) = preview.rows[0].other_answers
    assert answer.answer == "An answer"
    if header:
        assert answer.question == "Q" * 499 + "…"
    else:
        assert answer.question == "Column C"


def test_the_cycle_collector_runs_again_after_an_import_even_a_refused_one(
    tmp_path, programme_file, programme_id
):
    import gc

    path = xlsx(tmp_path / "form.xlsx", [applicant(1)])
    assert gc.isenabled()
    run(programme_file, programme_id, path)
    assert gc.isenabled()
    with pytest.raises(InvalidInput), programme_file.session() as session:
        preview_import(session, programme_id, ImportPlan(read_table(path), {2: F.FULL_NAME}))
    assert gc.isenabled()
