"""recognise_columns on the files coordinators really get: header and answers vote together."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.domain.enums import ApplicantField
from mentordesk.formats.column_guess import (
    ColumnGuess,
    likely_column,
    mapping_from,
    recognise_columns,
)
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import CellValue, SheetTable

from .conftest import write_xlsx

F = ApplicantField
ADVANCE = ("Faculty", "Fellows", "Circles")
ROWS = 55
STARTED = dt.datetime(2026, 3, 14, 9, 0, 0)


def fields(guesses: list[ColumnGuess]) -> dict[str, ApplicantField]:
    """Header to field, for the sure guesses only."""
    return {g.header: g.field for g in guesses if g.sure}


def table_of(headers: list[str], rows: list[list[CellValue]]) -> SheetTable:
    """A table as read_table would give it, without going through a file."""
    return SheetTable(
        source="answers.xlsx",
        sheet="Sheet1",
        header_row=1,
        headers=tuple(headers),
        rows=tuple(tuple(row) for row in rows),
        row_numbers=tuple(range(2, len(rows) + 2)),
    )


def ms_forms_export(tmp_path: Path) -> Path:
    """The issue's Microsoft Forms export: "I am applying as a", support areas, consent."""
    headers = [
        "ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
        "Full name", "Email address", "I am applying as a", "Which strand are you applying to?",
        "Department", "Which areas would you like support with?",
        "What would you like to get out of the programme?", "Languages you speak",
        "I agree to the processing of my personal data for the programme",
    ]  # fmt: skip
    rows: list[list[CellValue]] = [list(headers)]
    for i in range(ROWS):
        opened = STARTED + dt.timedelta(hours=i, minutes=7)
        rows.append(
            [
                i + 1, opened, opened + dt.timedelta(minutes=6), "anonymous", "anonymous", None,
                f"Applicant {i}", f"applicant{i}@example.org", ("Mentor", "Mentee")[i % 3 > 0],
                ADVANCE[i % 3], ("Physics", "Law", "Biology", "History")[i % 4],
                ("Networking;Leadership;", "Writing papers;", "Work-life balance;")[i % 3],
                f"I hope to find my way in research after {i % 7 + 1} years of postdoc.",
                ("English;French;", "German;", "English;")[i % 3],
                "I agree",
            ]
        )  # fmt: skip
    return write_xlsx(tmp_path / "Mentoring application(1-55).xlsx", rows)


def test_microsoft_forms_export_is_recognised_by_header_and_answers(tmp_path: Path) -> None:
    table = read_table(ms_forms_export(tmp_path))
    guesses = recognise_columns(table, ADVANCE)
    assert [g.column for g in guesses] == list(range(len(table.headers)))
    assert all(g.reason for g in guesses)
    assert [(g.field, g.sure) for g in guesses] == [
        (F.IGNORE, True),  # ID
        (F.IGNORE, True),  # Start time
        (F.SUBMITTED_ON, True),  # Completion time: no question says when
        (F.IGNORE, True),  # the sign-in "anonymous": a question asks for the email
        (F.IGNORE, True),  # the sign-in name: a question asks for the name
        (F.IGNORE, True),  # Last modified time
        (F.FULL_NAME, True),
        (F.EMAIL, True),
        (F.ROLE, True),
        (F.STRAND, True),
        (F.DEPARTMENT, True),
        (F.DEVELOPMENT_NEEDS, True),
        (F.GOALS, True),
        (F.LANGUAGES, True),
        (F.CONSENT, True),
    ]
    by_header = {g.header: g for g in guesses}
    assert by_header["I am applying as a"].reason.startswith(
        "answers are Mentor/Mentee in 55 of 55 rows"
    )
    assert by_header["I am applying as a"].samples == ("Mentor", "Mentee")
    assert "Microsoft Forms' own column (the response number)" in by_header["ID"].reason
    support = by_header["Which areas would you like support with?"]
    assert "header asks “Which areas would you like support with?”" in support.reason
    assert "lists of choices" in support.reason
    consent = by_header["I agree to the processing of my personal data for the programme"]
    assert consent.reason.startswith("answers are yes or no in 55 of 55 rows")
    assert mapping_from(guesses) == {g.column: g.field for g in guesses}


def google_forms_export(tmp_path: Path) -> Path:
    """The same form made in Google Forms: other wording, whole sentences, GMT timestamps."""
    headers = [
        "Timestamp", "Email Address", "Your name", "How would you like to take part?",
        "Which part of ADVANCE are you interested in?", "What do you hope to gain from it?",
        "In which areas do you need support?", "How often can you meet?",
        "Data protection: may we keep your answers for the programme?",
    ]  # fmt: skip
    roles = ("I'd like to offer mentoring", "I'd like to be mentored", "I'd like to be mentored")
    strands = (
        "Faculty strand (permanent staff)",
        "Fellows strand (postdocs and fixed-term researchers)",
        "Circles - group mentoring for doctoral candidates",
    )
    path = tmp_path / "ADVANCE application (Responses) - Form responses 1.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(headers)
        for i in range(ROWS):
            hour = 1 + i % 12
            noon = "AM" if i % 2 else "PM"
            writer.writerow(
                [
                    f"2026/03/{1 + i % 28:02d} {hour}:{i % 60:02d}:13 {noon} GMT+1",
                    f"applicant{i}@example.org", f"Applicant {i}", roles[i % 3], strands[i % 3],
                    f"More confidence in applying for grants ({i}).",
                    ("Networking, Leadership", "Writing papers", "Networking")[i % 3],
                    ("Once a month", "Every two weeks")[i % 2], "Yes",
                ]
            )  # fmt: skip
    return path


def test_google_forms_export_with_other_wording(tmp_path: Path) -> None:
    table = read_table(google_forms_export(tmp_path))
    guesses = recognise_columns(table, ADVANCE)
    assert all(g.reason for g in guesses)
    assert [(g.field, g.sure) for g in guesses] == [
        (F.SUBMITTED_ON, True),
        (F.EMAIL, True),
        (F.FULL_NAME, True),
        (F.ROLE, True),
        (F.STRAND, True),
        (F.GOALS, True),
        (F.DEVELOPMENT_NEEDS, True),
        (F.AVAILABILITY, True),
        (F.CONSENT, True),
    ]
    assert guesses[0].reason.startswith("answers are dates and times in 55 of 55 rows")
    assert guesses[3].reason.startswith("answers name the role, mentor or mentee, in 55 of 55")
    assert guesses[4].reason.startswith("answers name a strand (Faculty, Fellows, Circles)")


def test_two_columns_with_equal_votes_are_a_tie_shown_on_both_and_applied_to_neither() -> None:
    rows: list[list[CellValue]] = [
        [f"applicant{i}@example.org", f"a{i}@uni.example", ("Mentor", "Mentee")[i % 2]]
        for i in range(10)
    ]
    guesses = recognise_columns(table_of(["Email", "Work email", "Role"], rows))
    first, second, role = guesses
    for guess, other in ((first, "Work email"), (second, "Email")):
        assert (guess.field, guess.sure, guess.suggestion) == (F.EMAIL, False, F.EMAIL)
        assert f"so does “{other}”" in guess.reason
    assert (role.field, role.sure) == (F.ROLE, True)
    assert mapping_from(guesses) == {0: F.OTHER, 1: F.OTHER, 2: F.ROLE}
    assert likely_column(guesses, F.EMAIL) == first


def test_a_tie_by_answers_alone_is_shown_too() -> None:
    rows: list[list[CellValue]] = [
        [STARTED + dt.timedelta(hours=i), STARTED + dt.timedelta(days=i, minutes=3)]
        for i in range(10)
    ]
    guesses = recognise_columns(table_of(["Q1", "Q2"], rows))
    assert [(g.field, g.sure) for g in guesses] == [(F.SUBMITTED_ON, False)] * 2
    assert mapping_from(guesses) == {0: F.OTHER, 1: F.OTHER}


# Role, strand, email and submission date of one made-up applicant per row, with the
# other answers a form has; the property test renames every header to nonsense.
def _property_rows(google_dates: bool) -> tuple[list[str], list[list[CellValue]]]:
    columns = ["submitted", "email", "role", "strand", "goals", "department", "consent"]
    rows: list[list[CellValue]] = []
    for i in range(40):
        when = STARTED + dt.timedelta(days=i, minutes=13 * i)
        stamp: CellValue = when
        if google_dates:
            stamp = when.strftime("%Y/%m/%d %I:%M:%S %p") + " GMT+1"
        rows.append(
            [
                stamp, f"applicant{i}@example.org",
                ("Mentee (I would like a mentor)", "Mentor")[i % 2],
                ("Fellows strand (postdocs)", "Faculty", "Circles")[i % 3],
                f"I would like a mentor who helps me plan the next {i + 2} years.",
                ("Physics", "Law", "Biology")[i % 3], "Yes",
            ]
        )  # fmt: skip
    return columns, rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(range(7)),
    names=st.lists(
        st.text(alphabet="qxzjkvw0123456789", min_size=1, max_size=4), min_size=7, max_size=7
    ),
    google_dates=st.booleans(),
)
def test_nonsense_headers_in_any_order_still_recognised_by_answers(
    order: list[int], names: list[str], google_dates: bool
) -> None:
    meaning, rows = _property_rows(google_dates)
    table = table_of(names, [[row[c] for c in order] for row in rows])
    guesses = recognise_columns(table, ADVANCE)
    found = {meaning[order[g.column]]: (g.field, g.sure) for g in guesses}
    assert found["role"] == (F.ROLE, True)
    assert found["strand"] == (F.STRAND, True)
    assert found["email"] == (F.EMAIL, True)
    assert found["submitted"] == (F.SUBMITTED_ON, True)
    assert found["goals"] == (F.OTHER, True)  # kept as other answers, not a role
    assert all(g.reason for g in guesses)


def test_weak_guesses_are_shown_but_never_applied() -> None:
    rows: list[list[CellValue]] = []
    for i in range(20):
        # 14 of 20 answers name a role: 70 %, not enough to be sure.
        role = ("Mentor", "Mentee")[i % 2] if i < 14 else ("Undecided", "Later", "?")[i % 3]
        rows.append([dt.date(1990, 1, 1) + dt.timedelta(days=400 * i), role])
    guesses = recognise_columns(table_of(["Q1", "Q2"], rows))
    dates, roles = guesses
    assert (dates.field, dates.sure, dates.suggestion) == (F.SUBMITTED_ON, False, F.SUBMITTED_ON)
    assert dates.reason.startswith("answers are dates in 20 of 20 rows")
    assert "not sure enough" in dates.reason
    assert (roles.field, roles.sure, roles.suggestion) == (F.ROLE, False, F.ROLE)
    assert roles.reason.startswith("answers are Mentor/Mentee in 14 of 20 rows")
    assert mapping_from(guesses) == {0: F.OTHER, 1: F.OTHER}
    assert likely_column(guesses, F.ROLE) == roles


def test_likely_role_column_is_the_yes_or_no_question_that_splits_the_applicants() -> None:
    rows: list[list[CellValue]] = []
    for i in range(30):
        rows.append(
            [
                f"applicant{i}@example.org",
                ("Online", "In person")[i % 2],  # splits evenly, but says nothing of roles
                "Yes" if i else "No",  # nearly everyone says yes: a consent, not a role
                "Yes" if i % 3 == 0 else "No",  # "Would you like to mentor?" by another name
            ]
        )
    guesses = recognise_columns(table_of(["Email", "Q3", "Q4", "Q5"], rows))
    assert F.ROLE not in mapping_from(guesses).values()
    likely = likely_column(guesses, F.ROLE)
    assert likely is not None
    assert likely.header == "Q5"
    assert likely.sure is False
    assert "one of 2 choices" in likely.reason
    # A header that names the role maps it (its answers are then mapped value by value),
    # and there is nothing left to point to.
    named = recognise_columns(table_of(["Email", "Q3", "Q4", "Role"], rows))
    assert (named[3].field, named[3].sure) == (F.ROLE, True)
    assert likely_column(named, F.ROLE) is None


def test_likely_column_is_none_when_the_field_is_mapped_or_nowhere() -> None:
    rows: list[list[CellValue]] = [[f"a{i}@example.org", "Mentor"] for i in range(5)]
    guesses = recognise_columns(table_of(["Email", "Role"], rows))
    assert likely_column(guesses, F.ROLE) is None
    assert likely_column(guesses, F.STRAND) is None
    # Answers that nearly all say the same split nobody: no role is hidden there.
    same: list[list[CellValue]] = [[f"a{i}@example.org", "Yes" if i else "No"] for i in range(30)]
    unsplit = recognise_columns(table_of(["Email", "Q4"], same))
    assert likely_column(unsplit, F.ROLE) is None
    assert unsplit[1].suggestion is None


def test_likely_email_is_a_column_of_some_addresses_or_the_tools_contact_list() -> None:
    rows: list[list[CellValue]] = [
        [f"R_{i}", STARTED, f"applicant{i}@example.org", "Mentor"] for i in range(4)
    ]
    headers = ["ResponseId", "RecordedDate", "RecipientEmail", "I am applying as"]
    guesses = recognise_columns(table_of(headers, rows))
    assert F.EMAIL not in mapping_from(guesses).values()
    likely = likely_column(guesses, F.EMAIL)
    assert likely is not None
    assert (likely.header, likely.field, likely.sure) == ("RecipientEmail", F.IGNORE, True)
    assert "answers are email addresses in 4 of 4 rows" in likely.reason


def test_qualtrics_own_columns_are_left_out_naming_the_tool() -> None:
    headers = [
        "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
        "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
        "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
        "DistributionChannel", "UserLanguage", "Q1", "Q2",
    ]  # fmt: skip
    rows: list[list[CellValue]] = [
        [
            STARTED, STARTED + dt.timedelta(minutes=4), "IP Address", "192.0.2.7", 100, 240,
            True, STARTED + dt.timedelta(minutes=4), f"R_{i}abc", None, None, None, None,
            49.61, 6.13, "anonymous", "EN", f"applicant{i}@example.org", "Mentee",
        ]
        for i in range(5)
    ]  # fmt: skip
    guesses = {g.header: g for g in recognise_columns(table_of(headers, rows))}
    assert guesses["RecordedDate"].field is F.SUBMITTED_ON
    left_out = [h for h, g in guesses.items() if g.field is F.IGNORE]
    assert left_out == [h for h in headers[:-2] if h != "RecordedDate"]
    assert guesses["IPAddress"].reason == (
        "Qualtrics' own column (the respondent's IP address: personal data nobody asked "
        "the applicant for), not an answer"
    )
    assert "personal data nobody asked" in guesses["LocationLatitude"].reason
    assert guesses["Q1"].field is F.EMAIL
    assert guesses["Q2"].field is F.ROLE
    # Without its recorded date, the moment the answer was finished is the submission date.
    unrecorded = [c for c, h in enumerate(headers) if h != "RecordedDate"]
    table = table_of([headers[c] for c in unrecorded], [[r[c] for c in unrecorded] for r in rows])
    assert [g.field for g in recognise_columns(table)][:2] == [F.IGNORE, F.SUBMITTED_ON]


def test_a_coordinators_status_column_is_not_taken_for_qualtrics() -> None:
    rows: list[list[CellValue]] = [[f"a{i}@example.org", "Accepted"] for i in range(4)]
    guesses = recognise_columns(table_of(["Email", "Status"], rows))
    assert (guesses[1].field, guesses[1].sure) == (F.STATUS, True)


def test_limesurvey_own_columns_are_left_out_and_its_submit_date_used() -> None:
    headers = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate"]
    headers += ["datestamp", "ipaddr", "refurl", "Your email", "I am applying as"]
    rows: list[list[CellValue]] = [
        [
            i, "2026-03-14 10:22:13", 3, "en", 123456, "2026-03-14 10:01:00",
            "2026-03-14 10:22:13", "198.51.100.4", "https://example.org/news", f"a{i}@example.org",
            "Mentor",
        ]
        for i in range(4)
    ]  # fmt: skip
    guesses = recognise_columns(table_of(headers, rows))
    assert [g.field for g in guesses] == [
        F.IGNORE, F.SUBMITTED_ON, F.IGNORE, F.IGNORE, F.IGNORE, F.IGNORE, F.IGNORE, F.IGNORE,
        F.IGNORE, F.EMAIL, F.ROLE,
    ]  # fmt: skip
    assert guesses[0].reason == "LimeSurvey's own column (the response number), not an answer"
    assert "personal data" in guesses[7].reason


def test_microsoft_forms_quiz_columns_are_left_out() -> None:
    headers = ["ID", "Start time", "Completion time", "Email", "Name", "Total points"]
    headers += ["Quiz feedback", "Your email", "Points - Your email", "Feedback - Your email"]
    rows: list[list[CellValue]] = [
        [1, STARTED, STARTED, "anonymous", "anonymous", 0, None, "a@example.org", 0, None]
    ]
    guesses = recognise_columns(table_of(headers, rows))
    assert [g.field for g in guesses] == [
        F.IGNORE, F.IGNORE, F.SUBMITTED_ON, F.IGNORE, F.FULL_NAME, F.IGNORE, F.IGNORE, F.EMAIL,
        F.IGNORE, F.IGNORE,
    ]  # fmt: skip


def test_a_forms_completion_time_beats_a_question_answered_with_dates_and_times() -> None:
    headers = ["ID", "Start time", "Completion time", "Email", "Name", "Q1"]
    rows: list[list[CellValue]] = [
        [i, STARTED, STARTED, "anonymous", "anonymous", STARTED + dt.timedelta(days=i, hours=2)]
        for i in range(5)
    ]
    guesses = recognise_columns(table_of(headers, rows))
    assert (guesses[2].field, guesses[2].sure) == (F.SUBMITTED_ON, True)
    assert (guesses[5].field, guesses[5].sure) == (F.OTHER, True)


def test_forms_sign_in_is_the_email_and_name_only_when_no_question_asks() -> None:
    forms = ["ID", "Start time", "Completion time", "Email", "Name"]
    signed_in: list[CellValue] = [1, STARTED, STARTED, "ana.silva@uni.example", "Ana Silva"]
    alone = recognise_columns(table_of([*forms, "Grade"], [[*signed_in, "Postdoc"]]))
    assert [g.field for g in alone] == [
        F.IGNORE, F.IGNORE, F.SUBMITTED_ON, F.EMAIL, F.FULL_NAME, F.STAGE,
    ]  # fmt: skip
    assert "used as no question gives the email" in alone[3].reason
    asked = recognise_columns(
        table_of(
            [*forms, "First name", "Surname", "Email (2)"],
            [[*signed_in, "Ana", "Silva", "ana@example.org"]],
        )
    )
    # The sign-in is then the tool's bookkeeping: left out, not kept as other answers.
    assert [g.field for g in asked] == [
        F.IGNORE, F.IGNORE, F.SUBMITTED_ON, F.IGNORE, F.IGNORE, F.FIRST_NAME, F.LAST_NAME,
        F.EMAIL,
    ]  # fmt: skip
    assert asked[3].reason == (
        "Microsoft Forms' sign-in (the address); the email comes from column H “Email (2)”, "
        "so left out"
    )
    assert "the name comes from columns F “First name” and G “Surname”" in asked[4].reason
    # An anonymous form's sign-in still stands in for the email, so the import can say why.
    anonymous = recognise_columns(
        table_of([*forms, "Grade"], [[1, STARTED, STARTED, "anonymous", "anonymous", "Postdoc"]])
    )
    assert anonymous[3].field is F.EMAIL


def test_a_managers_email_is_the_line_manager_not_the_applicants() -> None:
    rows: list[list[CellValue]] = [
        [f"applicant{i}@example.org", f"boss{i}@example.org"] for i in range(6)
    ]
    guesses = recognise_columns(table_of(["Your email", "Email of your line manager"], rows))
    assert [(g.field, g.sure) for g in guesses] == [(F.EMAIL, True), (F.LINE_MANAGER, True)]
    alone = recognise_columns(table_of(["Supervisor's email"], [[r[1]] for r in rows]))
    assert (alone[0].field, alone[0].sure) == (F.LINE_MANAGER, True)
    assert likely_column(alone, F.EMAIL) is None
    referee = recognise_columns(table_of(["Referee's email"], [[r[1]] for r in rows]))
    assert (referee[0].field, referee[0].sure) == (F.OTHER, True)
    assert likely_column(referee, F.EMAIL) is None


def test_a_question_answered_yes_or_no_about_a_manager_is_not_the_line_manager() -> None:
    rows: list[list[CellValue]] = [[f"a{i}@example.org", ("Yes", "No")[i % 2]] for i in range(6)]
    guesses = recognise_columns(table_of(["Email", "Are you a line manager?"], rows))
    assert [(g.field, g.sure) for g in guesses] == [(F.EMAIL, True), (F.OTHER, True)]


def test_consent_by_date_or_by_yes_and_no() -> None:
    rows: list[list[CellValue]] = [
        [f"a{i}@example.org", dt.date(2026, 3, 1 + i), ("Oui", "Non")[i == 3], "Yes"]
        for i in range(6)
    ]
    headers = ["Email", "Date of consent", "J'accepte le traitement de mes données", "Q9"]
    guesses = recognise_columns(table_of(headers, rows))
    assert [(g.field, g.sure) for g in guesses] == [
        (F.EMAIL, True),
        (F.CONSENT_ON, True),
        (F.CONSENT, True),
        (F.OTHER, True),  # yes or no to an unknown question is no consent
    ]
    unanswered = recognise_columns(table_of(["GDPR"], [["See the attached notice"]] * 3))
    assert (unanswered[0].field, unanswered[0].sure) == (F.CONSENT, False)


def test_answers_alone_give_languages_gender_stage_and_contract() -> None:
    rows: list[list[CellValue]] = [
        [
            ("English, French", "German", "Luxembourgish, English")[i % 3],
            ("Woman", "Man", "Prefer not to say")[i % 3],
            ("Postdoc", "PhD candidate", "Professor")[i % 3],
            ("Fixed-term", "Permanent")[i % 2],
            ("Statistics;Teaching;", "Grant writing;", "Teaching;Leadership;")[i % 3],
        ]
        for i in range(12)
    ]
    guesses = recognise_columns(table_of(["A", "B", "C", "D", "E"], rows))
    assert [(g.field, g.sure) for g in guesses] == [
        (F.LANGUAGES, True),
        (F.GENDER, True),
        (F.STAGE, True),
        (F.CONTRACT_TYPE, True),
        (F.OTHER, True),  # a list of choices: its field would come from its header
    ]
    assert guesses[4].reason == "no field fits; answers are lists of choices in 12 of 12 rows"
    with_header = recognise_columns(table_of(["What can you offer?"], [[r[4]] for r in rows]))
    assert (with_header[0].field, with_header[0].sure) == (F.EXPERTISE, True)


def test_excel_serial_numbers_are_dates_only_under_a_date_header() -> None:
    rows: list[list[CellValue]] = [[46095.43 + i, 46095 + i] for i in range(5)]
    guesses = recognise_columns(table_of(["Submission time", "Q2"], rows))
    assert (guesses[0].field, guesses[0].sure) == (F.SUBMITTED_ON, True)
    assert "answers are dates and times in 5 of 5 rows" in guesses[0].reason
    assert (guesses[1].field, guesses[1].sure) == (F.OTHER, True)
    numbers = recognise_columns(table_of(["Q2"], [[row[1]] for row in rows]))
    assert (numbers[0].field, numbers[0].sure, numbers[0].suggestion) == (F.OTHER, True, None)


def test_many_different_sentences_naming_one_strand_are_not_the_strand_column() -> None:
    faculties = ("Science", "Law", "Medicine", "Humanities", "Economics", "Education")
    rows: list[list[CellValue]] = [[f"Faculty of {faculties[i % 6]}"] for i in range(30)]
    guesses = recognise_columns(table_of(["Q3"], rows), ADVANCE)
    assert guesses[0].sure is False
    assert guesses[0].suggestion is F.STRAND
    assert F.STRAND not in mapping_from(guesses).values()


def test_a_file_with_headers_only_is_guessed_from_its_headers() -> None:
    headers = ["Email", "I am applying as a", "Comments", "How often can you meet?"]
    guesses = recognise_columns(table_of(headers, []))
    assert [(g.field, g.sure) for g in guesses] == [
        (F.EMAIL, True),
        (F.ROLE, True),
        (F.OTHER, True),
        (F.AVAILABILITY, True),
    ]
    assert guesses[2].reason == "no answers in any row; no field fits"
