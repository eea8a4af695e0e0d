"""Column recognition on files a new user brought: Forms in other languages, sign-ins, wordings."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from mentordesk.domain.enums import ApplicantField, Role
from mentordesk.formats.column_guess import ColumnGuess, mapping_from, recognise_columns
from mentordesk.formats.columns import forms_metadata, guess_mapping, header_key, role_in_words
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import CellValue

from .conftest import write_xlsx
from .test_column_guess import table_of

F = ApplicantField
ADVANCE = ("Faculty", "Fellows", "Circles")
OPENED = dt.datetime(2026, 3, 3, 8, 15)

#: Microsoft Forms' own columns as its export writes them in each language the
#: interface is set to: ID, start, completion, sign-in email and name, last change.
FORMS_BLOCKS = {
    "German": ("ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name", "Letzte Änderungszeit"),
    "German, older wording": (
        "ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name",
        "Zeitpunkt der letzten Änderung",
    ),
    "French": (
        "ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
        "Heure de la dernière modification",
    ),
    "Spanish": (
        "ID", "Hora de inicio", "Hora de finalización", "Correo electrónico", "Nombre",
        "Hora de la última modificación",
    ),
    "Dutch": (
        "ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd van laatste wijziging",
    ),
    "Italian": (
        "ID", "Ora di inizio", "Ora di completamento", "Posta elettronica", "Nome",
        "Ora dell'ultima modifica",
    ),
}  # fmt: skip


def by_header(guesses: list[ColumnGuess]) -> dict[str, ColumnGuess]:
    """Each guess under its column's title."""
    return {g.header: g for g in guesses}


def forms_export(path: Path, block: tuple[str, ...], questions: list[str], rows: int) -> Path:
    """A Microsoft Forms export: the form's own block (real date-and-time cells), then answers.

    The form was anonymous: "anonymous" in the sign-in email, its name empty.
    Questions are answered in a way that says which they are: an email
    address, a first and last name, a role, a yes.
    """
    answers = {
        "Ihre E-Mail-Adresse": lambda i: f"person{i}@institut.example.de",
        "Vorname": lambda i: f"Vorname{i}",
        "Nachname": lambda i: f"Nachname{i}",
        "Ich bewerbe mich als": lambda i: ("Mentorin", "Mentee", "Mentor")[i % 3],
        "Abteilung": lambda i: ("Physik", "Chemie")[i % 2],
        "Ich bin mit der Verarbeitung meiner Daten einverstanden.": lambda i: "Ja",
    }
    table: list[list[CellValue]] = [[*block, *questions]]
    for i in range(rows):
        opened = OPENED + dt.timedelta(hours=7 * i)
        own: list[CellValue] = [i + 1, opened, opened + dt.timedelta(minutes=6), "anonymous"]
        own += [None] * (len(block) - len(own))
        table.append([*own, *(answers[q](i) for q in questions)])
    return write_xlsx(path, table)


# 1. Microsoft Forms' own columns in other languages --------------------------------------


@pytest.mark.parametrize("language", list(FORMS_BLOCKS))
def test_forms_own_block_is_recognised_in_other_languages(language: str) -> None:
    block = FORMS_BLOCKS[language]
    found = forms_metadata([*block, "Your email address"])
    assert found is not None, language
    assert (found.id, found.start_time, found.completion_time, found.email, found.name) == (
        0, 1, 2, 3, 4,
    )  # fmt: skip
    assert (found.last_modified_time, found.question_start) == (5, 6)
    # Header words alone: the completion time is the submission date.
    assert guess_mapping([*block, "Grade"])[2] is F.SUBMITTED_ON


def test_a_german_forms_export_has_its_own_columns_left_out(tmp_path: Path) -> None:
    questions = [
        "Ich bewerbe mich als", "Ihre E-Mail-Adresse", "Vorname", "Nachname", "Abteilung",
        "Ich bin mit der Verarbeitung meiner Daten einverstanden.",
    ]  # fmt: skip
    path = forms_export(tmp_path / "Mentoring(1-12).xlsx", FORMS_BLOCKS["German"], questions, 12)
    guesses = recognise_columns(read_table(path), ADVANCE)
    assert [(g.field, g.sure) for g in guesses] == [
        (F.IGNORE, True),  # ID: not kept as an other answer of every person
        (F.IGNORE, True),  # Startzeit
        (F.SUBMITTED_ON, True),  # Fertigstellungszeit, no tie with Startzeit
        (F.IGNORE, True),  # E-Mail "anonymous": never stored against anyone
        (F.IGNORE, True),  # Name
        (F.IGNORE, True),  # Letzte Änderungszeit
        (F.ROLE, True),
        (F.EMAIL, True),
        (F.FIRST_NAME, True),
        (F.LAST_NAME, True),
        (F.DEPARTMENT, True),
        (F.CONSENT, True),
    ]
    found = by_header(guesses)
    assert "Microsoft Forms' own column (the response number)" in found["ID"].reason
    assert "used as no question gives the submission date" in found["Fertigstellungszeit"].reason
    assert "the email comes from column H “Ihre E-Mail-Adresse”" in found["E-Mail"].reason
    assert "the name comes from columns I “Vorname” and J “Nachname”" in found["Name"].reason


@pytest.mark.parametrize("language", ["French", "Spanish", "Dutch", "Italian"])
def test_the_completion_time_is_the_submission_date_in_any_language(
    tmp_path: Path, language: str
) -> None:
    path = forms_export(tmp_path / "answers.xlsx", FORMS_BLOCKS[language], ["Abteilung"], 5)
    guesses = recognise_columns(read_table(path))
    assert [g.field for g in guesses] == [
        F.IGNORE, F.IGNORE, F.SUBMITTED_ON, F.EMAIL, F.FULL_NAME, F.IGNORE, F.DEPARTMENT,
    ]  # fmt: skip
    assert all(g.sure for g in guesses)


def test_a_coordinators_sheet_starting_with_an_id_and_times_is_not_a_forms_export() -> None:
    assert forms_metadata(["ID", "Startzeit", "Name", "E-Mail"]) is None
    assert forms_metadata(["ID", "Heure de début", "Heure de fin", "Courriel", "Nom"]) is None


# 2. The sign-in, when questions ask for the email and name ---------------------------------


def signed_in_export(tmp_path: Path, *, asks_name: bool) -> Path:
    """Forms with sign-in on, and questions asking the email (and the name) again."""
    headers = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    headers += ["I am applying as a", "Your email address"] + (["Full name"] if asks_name else [])
    rows: list[list[CellValue]] = [[*headers]]
    for i in range(45):
        opened = OPENED + dt.timedelta(hours=5 * i)
        signed = [f"person{i}@institute.example.org", f"Person {i}"]
        rows.append(
            [i + 1, opened, opened + dt.timedelta(minutes=4), *signed, None,
             ("Mentor", "Mentee")[i % 3 > 0], signed[0], *([signed[1]] if asks_name else [])]
        )  # fmt: skip
    return write_xlsx(tmp_path / "signed-in.xlsx", rows)


def test_the_sign_in_is_left_out_when_questions_give_the_email_and_name(tmp_path: Path) -> None:
    guesses = recognise_columns(read_table(signed_in_export(tmp_path, asks_name=True)))
    found = by_header(guesses)
    assert (found["Email"].field, found["Email"].sure) == (F.IGNORE, True)
    assert (found["Name"].field, found["Name"].sure) == (F.IGNORE, True)
    assert found["Email"].reason == (
        "Microsoft Forms' sign-in (the address); the email comes from column H "
        "“Your email address”, so left out"
    )
    assert "the name comes from column I “Full name”" in found["Name"].reason
    mapping = mapping_from(guesses)
    assert F.OTHER not in mapping.values()  # not 90 sign-in copies as other answers


def test_the_sign_in_name_is_used_when_only_the_email_is_asked(tmp_path: Path) -> None:
    guesses = recognise_columns(read_table(signed_in_export(tmp_path, asks_name=False)))
    found = by_header(guesses)
    assert found["Email"].field is F.IGNORE
    assert (found["Name"].field, found["Name"].sure) == (F.FULL_NAME, True)
    assert "used as no question gives the full name" in found["Name"].reason


# 3. Header words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "wanted"),
    [
        ("Areas I can offer support in", F.EXPERTISE),
        ("In which areas could you offer support?", F.EXPERTISE),
        ("What support can you offer a mentee?", F.EXPERTISE),
        ("I can help with", F.EXPERTISE),
        ("Topics I could help with", F.EXPERTISE),
        ("Which areas would you like support with?", F.DEVELOPMENT_NEEDS),
        ("Which areas would you like support with (or offer support in)?", F.DEVELOPMENT_NEEDS),
        ("What would you like help with?", F.DEVELOPMENT_NEEDS),
        ("Which competences would you like to develop?", F.DEVELOPMENT_NEEDS),
        ("Institute", F.ORGANISATION),
        ("Institut", F.ORGANISATION),
        ("Établissement", F.ORGANISATION),
        ("Your institute", F.ORGANISATION),
        ("Department / Institute", F.DEPARTMENT),
        ("Unité de recherche", F.DEPARTMENT),
        ("Research unit", F.DEPARTMENT),
        ("Abteilung", F.DEPARTMENT),
        ("Lehrstuhl", F.DEPARTMENT),
        ("Preferred track", F.STRAND),
        ("Your track", F.STRAND),
        ("Für welchen Programmbereich?", F.STRAND),
    ],
)
def test_header_words_point_to_the_field(header: str, wanted: ApplicantField) -> None:
    assert guess_mapping([header]) == {0: wanted}, header_key(header)


@pytest.mark.parametrize("header", ["Your track record", "Are you on the tenure track?"])
def test_a_track_that_is_not_the_programmes_is_no_strand(header: str) -> None:
    assert F.STRAND not in guess_mapping([header]).values()


def test_a_position_question_answered_with_grades_is_the_position() -> None:
    answers = ("Postdoc", "Research scientist", "PhD candidate", "Associate professor")
    rows: list[list[CellValue]] = [[answers[i % 4], answers[(i + 1) % 4]] for i in range(40)]
    guesses = recognise_columns(table_of(["Position / job title", "Career stage"], rows))
    assert [(g.field, g.sure) for g in guesses] == [(F.POSITION, True), (F.STAGE, True)]
    alone = recognise_columns(table_of(["Position / job title"], [[r[0]] for r in rows]))
    assert (alone[0].field, alone[0].sure) == (F.POSITION, True)
    assert alone[0].reason.startswith("header says “Position / job title”")


# 4. Roles written as sentences, and a track question --------------------------------------


@pytest.mark.parametrize(
    ("answer", "role"),
    [
        ("Experienced researcher, happy to guide someone", Role.MENTOR),
        ("Early-career researcher looking for guidance", Role.MENTEE),
        ("Senior researcher — I want to mentor", Role.MENTOR),
        ("Early-career researcher looking for a mentor", Role.MENTEE),
        ("Willing to guide a younger researcher", Role.MENTOR),
        ("Happy to advise junior colleagues", Role.MENTOR),
        ("I would like to help others in their career", Role.MENTOR),
        ("Seeking advice from a senior colleague", Role.MENTEE),
        ("I need guidance for my next step", Role.MENTEE),
        ("Looking for someone to guide me", Role.MENTEE),
        ("Je cherche des conseils", Role.MENTEE),
        ("Je souhaite accompagner une jeune chercheuse", Role.MENTOR),
        ("Ich suche Orientierung", Role.MENTEE),
        ("Ich möchte andere begleiten", Role.MENTOR),
    ],
)
def test_roles_written_as_sentences(answer: str, role: Role) -> None:
    assert role_in_words(answer) is role


@pytest.mark.parametrize(
    "answer",
    [
        "Senior researchers",
        "Early-career researchers (postdocs)",
        "Doctoral candidates (group)",
        "Experienced researcher",
        "Help with grant writing",
        "Guidance on publishing",
    ],
)
def test_a_group_or_a_topic_is_no_role(answer: str) -> None:
    assert role_in_words(answer) is None


def qualtrics_export(path: Path) -> Path:
    """A Qualtrics CSV: codes, then questions, then ImportIds; roles as sentences."""
    own = [
        ("StartDate", "Start Date"), ("EndDate", "End Date"), ("Status", "Response Type"),
        ("IPAddress", "IP Address"), ("Progress", "Progress"), ("Finished", "Finished"),
        ("RecordedDate", "Recorded Date"), ("ResponseId", "Response ID"),
        ("DistributionChannel", "Distribution Channel"), ("UserLanguage", "User Language"),
    ]  # fmt: skip
    questions = [
        "Which best describes you?", "Preferred track", "Your name", "Work email",
        "What support are you looking for? - Selected Choice", "Anything else?",
    ]  # fmt: skip
    codes = [code for code, _ in own] + [f"Q{i + 1}" for i in range(len(questions))]
    sides = ("Experienced researcher, happy to guide someone",
             "Early-career researcher looking for guidance")  # fmt: skip
    tracks = ("Senior researchers", "Early-career researchers (postdocs)",
              "Doctoral candidates (group)")  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(codes)
        writer.writerow([question for _, question in own] + questions)
        writer.writerow([json.dumps({"ImportId": code}) for code in codes])
        for i in range(12):
            stamp = f"2026-03-{10 + i} 09:{i:02d}:00"
            writer.writerow(
                [stamp, stamp, "IP Address", f"192.0.2.{i}", "100", "True", stamp, f"R_{i}abc",
                 "anonymous", "EN", sides[i % 2 == 0], tracks[i % 3], f"Person {i}",
                 f"person{i}@inst.example", "Career planning,Grant writing", ""]
            )  # fmt: skip
    return path


def test_qualtrics_roles_as_sentences_and_a_track_question(tmp_path: Path) -> None:
    table = read_table(qualtrics_export(tmp_path / "qualtrics.csv"))
    found = by_header(recognise_columns(table, ADVANCE))
    role, track = found["Which best describes you?"], found["Preferred track"]
    assert (role.field, role.sure) == (F.ROLE, True)
    assert role.reason.startswith("answers name the role, mentor or mentee, in 12 of 12 rows")
    assert (track.field, track.sure) == (F.STRAND, True)
    assert track.reason.startswith("header says “Preferred track”")
    assert found["Recorded Date"].field is F.SUBMITTED_ON


def test_a_track_question_is_never_suggested_as_the_role() -> None:
    # The strand comes from the answers of "Programme"; "Which track?" is left
    # with two groups of answers, which are not who applies as what.
    tracks = ("Senior researchers", "Early-career researchers (postdocs)")
    rows: list[list[CellValue]] = [[tracks[i % 2], ADVANCE[i % 2]] for i in range(10)]
    guesses = recognise_columns(table_of(["Which track?", "Programme"], rows), ADVANCE)
    assert [(g.field, g.sure) for g in guesses] == [(F.OTHER, True), (F.STRAND, True)]
    assert guesses[0].suggestion is None
