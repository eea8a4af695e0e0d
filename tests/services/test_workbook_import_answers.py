"""Availability and other answers travel in the whole-programme workbook and come back whole."""

import openpyxl
import pytest
from sqlalchemy import select

from mentordesk.domain.enums import Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.exporting import export_programme
from mentordesk.services.other_answers import (
    MAX_ANSWER,
    OtherAnswer,
    other_answers_of,
    set_other_answers,
)
from mentordesk.services.workbook_import import import_programme, read_programme_workbook
from mentordesk.store.models import Application, Person, Strand

from .test_workbook_import import cells

ANSWERS = [
    OtherAnswer("How did you hear about the programme?", "Through Zoé at the LIH café ☕"),
    OtherAnswer("Dietary requirements", "None"),
    OtherAnswer("Anything else?", "Two lines:\nfirst, then second."),
]


def an_application(session, role: Role) -> Application:
    """The demo application of that role whose person's email comes first."""
    return session.scalars(
        select(Application)
        .join(Person, Application.person_id == Person.id)
        .where(Application.role == role)
        .order_by(Person.email)
    ).first()


def sheet_rows(path, title):
    workbook = openpyxl.load_workbook(path)
    try:
        return [list(row) for row in workbook[title].iter_rows(values_only=True)]
    finally:
        workbook.close()


def test_availability_and_other_answers_come_back_in_order_and_the_workbook_is_the_same(
    tmp_path, demo_file, demo_programme_id, programme_file
):
    with demo_file.session() as session:
        mentee = an_application(session, Role.MENTEE)
        mentee.availability = "Mondays, 9–11 (online)"
        set_other_answers(session, mentee.id, ANSWERS)
        mentor = an_application(session, Role.MENTOR)
        set_other_answers(session, mentor.id, [])
        key = (mentee.person.email, mentee.strand.name)
        mentor_key = (mentor.person.email, mentor.strand.name)
        exported = tmp_path / "programme.xlsx"
        export_programme(session, demo_programme_id, exported)

    applications = sheet_rows(exported, "Applications")
    headers = applications[0]
    assert headers[headers.index("Preferences") + 1] == "Availability"
    (row,) = [r for r in applications if (r[0], r[2], r[3]) == (*key, "Mentee")]
    assert row[headers.index("Availability")] == "Mondays, 9–11 (online)"
    answers = sheet_rows(exported, "Other answers")
    assert answers[0] == ["Email", "Strand", "Role", "Question", "Answer"]
    assert [r for r in answers if (r[0], r[1]) == key] == [
        [*key, "Mentee", a.question, a.answer] for a in ANSWERS
    ]
    assert not [r for r in answers if (r[0], r[1]) == mentor_key]

    with programme_file.session() as session:
        import_programme(session, read_programme_workbook(session, exported))
    with programme_file.session() as session:
        copied = session.scalars(
            select(Application)
            .join(Person, Application.person_id == Person.id)
            .join(Strand, Application.strand_id == Strand.id)
            .where(Person.email == key[0], Strand.name == key[1], Application.role == Role.MENTEE)
        ).one()
        assert copied.availability == "Mondays, 9–11 (online)"
        assert other_answers_of(session, copied.id) == ANSWERS
        programme_id = copied.strand.programme_id
        again = tmp_path / "again.xlsx"
        export_programme(session, programme_id, again)
    assert cells(again) == cells(exported)


@pytest.fixture
def exported(tmp_path, demo_file, demo_programme_id):
    path = tmp_path / "programme.xlsx"
    with demo_file.session() as session:
        export_programme(session, demo_programme_id, path)
    return path


def test_an_answer_of_an_application_not_on_the_applications_sheet_is_refused(
    exported, programme_file
):
    workbook = openpyxl.load_workbook(exported)
    sheet = workbook["Other answers"]
    sheet.append(["nobody@example.org", "Fellows", "Mentee", "Pronouns", "they/them"])
    last = sheet.max_row
    workbook.save(exported)
    with (
        pytest.raises(
            InvalidInput,
            match=rf"^Other answers sheet, row {last}: there is no application of "
            r"nobody@example\.org to Fellows as a mentee on the Applications sheet\.$",
        ),
        programme_file.session() as session,
    ):
        read_programme_workbook(session, exported)


def test_an_over_long_answer_is_refused_naming_its_row(exported, programme_file):
    workbook = openpyxl.load_workbook(exported)
    sheet = workbook["Other answers"]
    sheet["E3"] = "x" * (MAX_ANSWER + 1)
    workbook.save(exported)
    with (
        pytest.raises(
            InvalidInput, match=r"^Other answers sheet, row 3: The answer to “.*” is too"
        ),
        programme_file.session() as session,
    ):
        read_programme_workbook(session, exported)
