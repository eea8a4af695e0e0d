"""guess_mapping and friends on Microsoft Forms, Google Forms and hand-made sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mentordesk.domain.enums import (
    ApplicantField,
    ApplicationStatus,
    ContractType,
    Role,
)
from mentordesk.formats.columns import (
    FormsMetadata,
    forms_metadata,
    guess_mapping,
    normalise,
    normalise_choice,
    respondent_email,
    split_multi,
)
from mentordesk.formats.reading import read_table

from .conftest import write_xlsx

F = ApplicantField

FORMS_METADATA = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]


def ms_forms_file(tmp_path: Path, *, email_question: bool) -> Path:
    """A Microsoft Forms export of an anonymous form, as Excel Online saves it."""
    questions = ["Full name", "Email", "What is your\r\ncurrent position?", "Topics you can offer"]
    if not email_question:
        questions.remove("Email")
    answers = ["Ana Silva", "ana@example.org", "Postdoc", "Statistics;Teaching;"]
    if not email_question:
        answers.remove("ana@example.org")
    started = dt.datetime(2026, 4, 15, 10, 29, 3)
    return write_xlsx(
        tmp_path / "Mentoring applications(1-1).xlsx",
        [
            [*FORMS_METADATA, *questions],
            [
                1,
                started,
                started + dt.timedelta(minutes=2),
                "anonymous",
                "anonymous",
                None,
                *answers,
            ],
        ],
    )


def test_forms_question_email_wins_over_the_sign_in_email(tmp_path: Path) -> None:
    table = read_table(ms_forms_file(tmp_path, email_question=True))
    assert table.headers[3] == "Email"
    assert table.headers[7] == "Email (2)"
    assert table.headers[8] == "What is your current position?"
    mapping = guess_mapping(table.headers)
    assert mapping == {
        2: F.SUBMITTED_ON,
        6: F.FULL_NAME,
        7: F.EMAIL,
        8: F.POSITION,
        9: F.EXPERTISE,
    }
    row = table.rows[0]
    assert respondent_email(row[7]) == "ana@example.org"
    assert split_multi(str(row[9])) == ["Statistics", "Teaching"]


def test_forms_sign_in_email_is_used_when_no_question_asks(tmp_path: Path) -> None:
    table = read_table(ms_forms_file(tmp_path, email_question=False))
    mapping = guess_mapping(table.headers)
    assert mapping[3] is F.EMAIL
    assert mapping[6] is F.FULL_NAME
    assert 4 not in mapping  # the sign-in's display name: a question asked for the name
    # The form was anonymous: its sign-in column never yields an email.
    assert respondent_email(table.rows[0][3]) is None


def test_forms_sign_in_name_is_used_when_no_question_asks() -> None:
    mapping = guess_mapping([*FORMS_METADATA, "Grade"])
    assert mapping == {2: F.SUBMITTED_ON, 3: F.EMAIL, 4: F.FULL_NAME, 6: F.STAGE}


def test_forms_metadata_block_is_recognised_with_quiz_columns() -> None:
    headers = ["ID", "Start time", "Completion time", "Email", "Name", "Total points"]
    headers += ["Quiz feedback", "Last modified time", "Your name"]
    assert forms_metadata(headers) == FormsMetadata(
        id=0,
        start_time=1,
        completion_time=2,
        email=3,
        name=4,
        last_modified_time=7,
        total_points=5,
        question_start=8,
    )


@pytest.mark.parametrize(
    "headers",
    [["Timestamp", "Email Address", "Name"], ["Name", "Start time", "Completion time"], []],
)
def test_other_files_are_not_forms_exports(headers: list[str]) -> None:
    assert forms_metadata(headers) is None


@pytest.mark.parametrize("email_header", ["Email Address", "Email address"])
def test_google_forms_layout(email_header: str) -> None:
    headers = [
        "Timestamp",
        email_header,
        "First name",
        "Last name",
        "I would like to participate as",
        "Which strand are you applying for?",
        "Languages",
        "What do you hope to achieve?",
    ]
    assert guess_mapping(headers) == {
        0: F.SUBMITTED_ON,
        1: F.EMAIL,
        2: F.FIRST_NAME,
        3: F.LAST_NAME,
        4: F.ROLE,
        5: F.STRAND,
        6: F.LANGUAGES,
        7: F.GOALS,
    }
    assert split_multi("English, French, english") == ["English", "French"]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Email", F.EMAIL),
        ("E-mail", F.EMAIL),
        ("Your email", F.EMAIL),
        ("Full name", F.FULL_NAME),
        ("Name", F.FULL_NAME),
        ("Your name", F.FULL_NAME),
        ("Given name", F.FIRST_NAME),
        ("Prénom", F.FIRST_NAME),
        ("Surname", F.LAST_NAME),
        ("Family name", F.LAST_NAME),
        ("Nom", F.LAST_NAME),
        ("Job title", F.POSITION),
        ("Position", F.POSITION),
        ("Career stage", F.STAGE),
        ("Grade", F.STAGE),
        ("Stage", F.STAGE),
        ("Level", F.STAGE),
        ("Niveau de carrière", F.STAGE),
        ("Karrierestufe", F.STAGE),
        ("Line manager", F.LINE_MANAGER),
        ("Manager's email", F.LINE_MANAGER),
        ("Supervisor", F.LINE_MANAGER),
        ("Reporting to", F.LINE_MANAGER),
        ("Responsable hiérarchique", F.LINE_MANAGER),
        ("Vorgesetzte(r)", F.LINE_MANAGER),
        ("Email of your line manager", F.LINE_MANAGER),
        ("Name of your line manager", F.LINE_MANAGER),
        ("Supervisor's email address", F.LINE_MANAGER),
        ("Who is your line manager?", F.LINE_MANAGER),
        ("Type of contract", F.CONTRACT_TYPE),
        ("Faculty", F.DEPARTMENT),
        ("Department / Unit", F.DEPARTMENT),
        ("Organization", F.ORGANISATION),
        ("Employer", F.ORGANISATION),
        ("Discipline", F.FIELD),
        ("Research field", F.FIELD),
        ("Areas of expertise", F.EXPERTISE),
        ("Languages spoken", F.LANGUAGES),
        ("Gender (optional)", F.GENDER),
        ("Date of consent", F.CONSENT_ON),
        ("Programme strand", F.STRAND),
        ("Which part of the programme interests you?", F.STRAND),
        ("Which stream are you applying to?", F.STRAND),
        ("Quel volet vous intéresse ?", F.STRAND),
        ("Mentor or mentee?", F.ROLE),
        ("Role", F.ROLE),
        ("Status", F.STATUS),
        ("Submitted", F.SUBMITTED_ON),
        ("Completion time", F.SUBMITTED_ON),
        ("Goals", F.GOALS),
        ("Development needs", F.DEVELOPMENT_NEEDS),
        ("Matching preferences", F.PREFERENCES),
        ("How many mentees could you take on?", F.CAPACITY),
        ("Capacity", F.CAPACITY),
        # The questions real application forms ask, in English, French and German.
        ("I am applying as a", F.ROLE),
        ("Are you applying as a mentor or a mentee?", F.ROLE),
        ("Vous participez en tant que", F.ROLE),
        ("Which areas would you like support with?", F.DEVELOPMENT_NEEDS),
        ("What challenges would you like to work on?", F.DEVELOPMENT_NEEDS),
        ("Areas to develop", F.DEVELOPMENT_NEEDS),
        ("Dans quels domaines souhaitez-vous être accompagné(e) ?", F.DEVELOPMENT_NEEDS),
        ("In welchen Bereichen wünschen Sie sich Unterstützung?", F.DEVELOPMENT_NEEDS),
        ("What would you like to get out of the programme?", F.GOALS),
        ("What do you hope to gain from taking part?", F.GOALS),
        ("Why do you want to become a mentor?", F.GOALS),
        ("Motivation", F.GOALS),
        ("Qu'attendez-vous du programme ?", F.GOALS),
        ("Was möchten Sie erreichen?", F.GOALS),
        ("What can you offer a mentee?", F.EXPERTISE),
        ("Topics you could mentor on", F.EXPERTISE),
        ("Do you have any preferences for your mentor or mentee?", F.PREFERENCES),
        ("Would you prefer a mentor of the same gender?", F.PREFERENCES),
        ("How often can you meet?", F.AVAILABILITY),
        ("When are you available to meet?", F.AVAILABILITY),
        ("Time commitment", F.AVAILABILITY),
        ("Disponibilités", F.AVAILABILITY),
        ("Zeitliche Verfügbarkeit", F.AVAILABILITY),
        ("Applied on", F.SUBMITTED_ON),
        ("Zeitstempel", F.SUBMITTED_ON),
        ("Vorname", F.FIRST_NAME),
        ("Geschlecht", F.GENDER),
    ],
)
def test_single_headers(header: str, field: ApplicantField) -> None:
    assert guess_mapping([header]) == {0: field}


@pytest.mark.parametrize(
    "header",
    [
        "I agree to the processing of my personal data",
        "Consent",
        "Referee's email address",
        "Comments",
        "",
        "Column 7",
    ],
)
def test_headers_that_map_to_nothing_are_left_out(header: str) -> None:
    assert guess_mapping([header]) == {}


def test_each_field_goes_to_one_column_the_best_match() -> None:
    headers = ["Notes about your email", "Email", "Work email", "Name"]
    assert guess_mapping(headers) == {1: F.EMAIL, 3: F.FULL_NAME}


def test_normalise_folds_case_accents_punctuation_and_line_breaks() -> None:
    assert normalise("  What is your\r\nCURRENT position? ") == "what is your current position"
    assert normalise("Prénom / Nom_de_famille") == "prenom nom de famille"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Statistics;Teaching;", ["Statistics", "Teaching"]),
        ("Statistics, Teaching", ["Statistics", "Teaching"]),
        ("Data, analysis;Teaching", ["Data, analysis", "Teaching"]),
        ("English\nFrench\n", ["English", "French"]),
        ("  ;  ; ", []),
        ("", []),
        ("B;a;A;b", ["B", "a"]),
    ],
)
def test_split_multi(text: str, expected: list[str]) -> None:
    assert split_multi(text) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("anonymous", None),
        ("Anonymous ", None),
        (None, None),
        ("", None),
        (" ana@example.org ", "ana@example.org"),
    ],
)
def test_respondent_email(cell: str | None, expected: str | None) -> None:
    assert respondent_email(cell) == expected


@pytest.mark.parametrize(
    ("text", "enum_type", "member"),
    [
        ("Mentee", Role, Role.MENTEE),
        ("MENTOR", Role, Role.MENTOR),
        ("I want to be mentored", Role, Role.MENTEE),
        ("I would like to be a mentor.", Role, Role.MENTOR),
        ("Fixed-term", ContractType, ContractType.FIXED_TERM),
        ("fixed_term", ContractType, ContractType.FIXED_TERM),
        ("Open-ended", ContractType, ContractType.PERMANENT),
        ("Waiting list", ApplicationStatus, ApplicationStatus.WAITLISTED),
        ("Shortlisted", ApplicationStatus, ApplicationStatus.SHORTLISTED),
    ],
)
def test_normalise_choice_finds_the_member(text: str, enum_type: type, member: object) -> None:
    assert normalise_choice(text, enum_type) is member


@pytest.mark.parametrize(
    ("text", "enum_type"),
    [
        ("", Role),
        ("Both", Role),
        ("Professor", Role),
        ("Mentee", ApplicationStatus),
        ("Maybe", ContractType),
    ],
)
def test_normalise_choice_does_not_guess(text: str, enum_type: type) -> None:
    assert normalise_choice(text, enum_type) is None
