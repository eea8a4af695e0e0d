"""mentordesk-cli import applicants: --show-mapping, --map, --map-value, --save-mapping, refusals.

Real files (a Microsoft Forms export written as the tool writes it, small
workbooks written with openpyxl) go through ``main`` in this process; one
usage error runs in a child process, as a script would meet it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.domain.enums import Role
from mentordesk.services.applicants import applicant_rows
from mentordesk.services.import_mappings import saved_mappings
from mentordesk.services.other_answers import other_answers_by_application
from mentordesk.services.programmes import find_programme
from mentordesk.store.backups import list_backups
from mentordesk.store.models import Application, Person
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.cli import run_in_child
from tests.helpers.files import file_state
from tests.helpers.form_exports import (
    EARLY_STRANDS,
    PROGRAMME,
    make_programme_file,
    write_google_forms,
    write_microsoft_forms,
)
from tests.helpers.workbooks import plain_workbook

CANARY = "Hunter2-Canary"


@pytest.fixture
def db(pilot_db: Path) -> Path:
    """The Pilot 2026 file (tests/conftest.py), as this module's tests name it."""
    return pilot_db


def cli(db: Path, source: Path, *options: str) -> int:
    return main(["import", "applicants", str(source), "--db", str(db), *options])


def held(db: Path) -> dict[str, dict[str, object]]:
    """Every application in the file by email: its strand, role, fields and other answers."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        rows = applicant_rows(session, find_programme(session, PROGRAMME).id)
        others = other_answers_by_application(session, [r.application_id for r in rows])
        found = {}
        for row in rows:
            application = session.get(Application, row.application_id)
            assert application is not None
            found[row.email] = {
                "strand": row.strand,
                "role": row.role,
                "development_needs": application.development_needs,
                "consent_on": application.person.consent_on,
                "answers": {a.question: a.answer for a in others.get(row.application_id, [])},
            }
        return found


# --show-mapping --------------------------------------------------------------------------


def test_show_mapping_prints_the_role_column_with_its_reason_and_writes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_microsoft_forms(tmp_path / "Mentoring application form(1-55).xlsx")
    before = file_state(db)

    assert cli(db, export.path, "--show-mapping") == 0

    out = capsys.readouterr().out
    assert (
        "I “I am applying as a” → role (answers are Mentor/Mentee in 55 of 55 rows; header "
        "says “I am applying as a”); answers such as “Mentor”, “Mentee”"
    ) in out
    assert "A “ID” → ignore (Microsoft Forms' own column (the response number)" in out
    assert "R “How did you hear about the programme?” → other (no field fits" in out
    assert "Nothing was written" in out
    assert file_state(db) == before
    assert list_backups(db) == []


# --map -----------------------------------------------------------------------------------

HEADERS = ["Email", "Full name", "Strand", "Role", "Q7", "Q8"]
ROWS = [
    ["ana@uni.example", "Ana Silva", "Fellows", "Mentee", "Writing grants", "Vegetarian"],
    ["ben@uni.example", "Ben Okafor", "Circles", "Mentor", "", "None"],
]


def test_map_names_a_field_by_its_label_or_value_and_ignore_leaves_a_column_out(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = plain_workbook(tmp_path / "codes.xlsx", HEADERS, ROWS)
    options = ["--map", "Development needs=q7", "--map", "ignore=Q8"]

    assert cli(db, source, *options) == 0

    out = capsys.readouterr().out
    assert "E “Q7” → Development needs (as --map says)" in out
    assert "F “Q8” → left out (as --map says)" in out
    found = held(db)
    assert found["ana@uni.example"]["development_needs"] == "Writing grants"
    assert found["ana@uni.example"]["answers"] == {}
    # Without --map, the codes are kept as other answers, named in the output.
    other = tmp_path / "again.mentordesk"
    make_programme_file(other, PASSPHRASE)
    assert cli(other, source) == 0
    out = capsys.readouterr().out
    assert "E “Q7” → kept as other answers: 1 answer" in out
    assert held(other)["ana@uni.example"]["answers"] == {"Q7": "Writing grants", "Q8": "Vegetarian"}


def test_map_of_a_header_the_file_lacks_is_a_usage_error_listing_its_headers(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = plain_workbook(tmp_path / "codes.xlsx", HEADERS, ROWS)
    before = file_state(db)

    assert cli(db, source, "--map", f"role={CANARY}") == 2

    err = capsys.readouterr().err
    assert err.startswith("usage: mentordesk-cli import applicants")
    assert "argument --map: no column of codes.xlsx has that header" in err
    assert "A “Email”, B “Full name”, C “Strand”, D “Role”, E “Q7”, F “Q8”" in err
    assert CANARY.lower() not in err.lower()
    assert file_state(db) == before
    assert cli(db, source, "--save-mapping", "  ") == 2
    assert "argument --save-mapping: give the mapping a name (the form's title)" in (
        capsys.readouterr().err
    )


def test_a_usage_error_of_map_value_in_a_child_process(db: Path, tmp_path: Path) -> None:
    source = plain_workbook(tmp_path / "codes.xlsx", HEADERS, ROWS)
    env = {**os.environ, "MENTORDESK_PASSPHRASE": PASSPHRASE}
    for value, expected in [
        (f"Strand:Staff peer groups={CANARY}", "its strands are Circles, Fellows"),
        (
            CANARY,
            "argument --map-value: expects FIELD:ANSWER=VALUE, where FIELD is one of the "
            "fields whose answers can be mapped (Strand, Role, Status)",
        ),
        (f"Grade:{CANARY}=x", "Status:ANSWER=waitlisted (or another decision)"),
        (f"Status:Reserve list={CANARY}", "is not a decision (one of: received, shortlisted"),
    ]:
        result = run_in_child(
            ["import", "applicants", source, "--db", db, "--map-value", value], env
        )
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr
        assert CANARY.lower() not in (result.stdout + result.stderr).lower()


DECIDED = ["Name", "Email", "Role", "Committee decision"]


def test_decisions_in_the_committees_words_are_read_and_mapped_by_hand(
    pilot_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Ana Silva", "ana@uni.example", "Mentor", "Accepted"],
        ["Ben Okafor", "ben@uni.example", "Mentee", "Reserve list"],
        ["Cy Diaz", "cy@uni.example", "Mentee", "Liste d'attente"],
        ["Di Egan", "di@uni.example", "Mentee", "Pending"],
        ["Ed Fox", "ed@uni.example", "Mentee", "pending"],
        ["Flo Gray", "flo@uni.example", "Mentee", "To review"],
        ["Gus Hall", "gus@uni.example", "Mentee", "Received"],
        ["Hal Ives", "hal@uni.example", "Mentee", "Second round"],
    ]
    source = plain_workbook(tmp_path / "committee.xlsx", DECIDED, rows)
    strand = ("--programme", PROGRAMME, "--strand", "Fellows")

    assert cli(pilot_db, source, *strand, "--dry-run") == 1
    refused = capsys.readouterr().err
    assert "“Second round” is not one of" in refused
    assert '--map-value "Status:Second round=STATUS"' in refused

    mapped = ("--map-value", "Status:SECOND ROUND=shortlisted")
    assert cli(pilot_db, source, *strand, *mapped) == 0
    out = capsys.readouterr().out
    assert (
        "3 decisions read as received (no decision yet): “Pending” (2), “To review” (1). Decide "
        'on them later, or say what they mean with --map-value "Status:ANSWER=STATUS".'
    ) in out
    with ProgrammeFile.open(pilot_db, PASSPHRASE) as opened, opened.session() as session:
        status = {
            p.email: a.status.value
            for a, p in session.execute(select(Application, Person).join(Person))
        }
    assert status == {
        "ana@uni.example": "accepted",
        "ben@uni.example": "waitlisted",
        "cy@uni.example": "waitlisted",
        "di@uni.example": "received",
        "ed@uni.example": "received",
        "flo@uni.example": "received",
        "gus@uni.example": "received",
        "hal@uni.example": "shortlisted",
    }


# --map-value, --save-mapping, --mapping --------------------------------------------------

FORM = ["Timestamp", "Your email", "Your name", "Part of the programme", "Taking part as",
        "Where did you find out about us?", "Anything else?"]  # fmt: skip


def form_rows(first: int, count: int) -> list[list[object]]:
    parts = ["Early-career researchers (postdocs)", "Staff peer groups"]
    sides = ["Offering my time", "Looking for guidance"]
    return [
        [dt.datetime(2026, 3, 2, 9) + dt.timedelta(minutes=n), f"person{n}@uni.example",
         f"Person Number{n}", parts[n % 2], sides[n % 2 == 0],
         ("A colleague", "Newsletter")[n % 2], f"Note {n}"]
        for n in range(first, first + count)
    ]  # fmt: skip


def test_map_value_and_save_mapping_then_mapping_reads_the_next_export_in_another_order(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spring = plain_workbook(tmp_path / "spring.xlsx", FORM, form_rows(0, 6))
    options = [
        "--map", "strand=Part of the programme", "--map", "role=Taking part as",
        "--map-value", "Strand:Early-career researchers (postdocs)=Fellows",
        "--map-value", "Strand:staff peer GROUPS=circles",
        "--map-value", "Role:Offering my time=Mentor",
        "--map-value", "Role:Looking for guidance=mentee",
        "--map", "ignore=Anything else?", "--save-mapping", "Spring form",
    ]  # fmt: skip
    assert cli(db, spring, "--dry-run", *options) == 0
    assert "The mapping was not saved either" in capsys.readouterr().out
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        assert saved_mappings(session) == []

    assert cli(db, spring, *options) == 0
    assert "Saved the mapping “Spring form”" in capsys.readouterr().out

    # The next export: other people, the columns in another order.
    order = [6, 4, 2, 0, 5, 3, 1]
    autumn_rows = [[row[i] for i in order] for row in form_rows(100, 4)]
    autumn = plain_workbook(tmp_path / "autumn.xlsx", [FORM[i] for i in order], autumn_rows)
    assert cli(db, autumn, "--mapping", "spring form") == 0

    out = capsys.readouterr().out
    assert "“Taking part as” → Role (as the saved mapping “Spring form” says)" in out
    found = held(db)
    assert len(found) == 10
    assert found["person101@uni.example"]["strand"] == "Circles"
    assert found["person101@uni.example"]["role"] is Role.MENTOR
    assert found["person100@uni.example"]["strand"] == "Fellows"
    assert found["person100@uni.example"]["role"] is Role.MENTEE
    assert found["person100@uni.example"]["answers"] == {
        "Where did you find out about us?": "A colleague"
    }


def test_map_wins_over_a_saved_mapping(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spring = plain_workbook(tmp_path / "spring.xlsx", FORM, form_rows(0, 2))
    base = ["--map", "strand=Part of the programme", "--map", "role=Taking part as",
            "--map-value", "Strand:Early-career researchers (postdocs)=Fellows",
            "--map-value", "Strand:Staff peer groups=Circles",
            "--map-value", "Role:Offering my time=mentor",
            "--map-value", "Role:Looking for guidance=mentee"]  # fmt: skip
    assert cli(db, spring, *base, "--map", "ignore=Anything else?", "--save-mapping", "S") == 0
    autumn = plain_workbook(tmp_path / "autumn.xlsx", FORM, form_rows(10, 2))
    assert cli(db, autumn, "--mapping", "S", "--map", "other=Anything else?") == 0
    assert "G “Anything else?” → kept as other answers: 2 answers (as --map says)" in (
        capsys.readouterr().out
    )
    assert held(db)["person10@uni.example"]["answers"]["Anything else?"] == "Note 10"


# Refusals ----------------------------------------------------------------------------------


def test_a_file_without_a_role_column_is_refused_once_with_role_and_never_a_wrong_column(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [[f"p{n}@uni.example", f"Person {n}", "Fellows", "Sometimes"] for n in range(55)]
    source = plain_workbook(tmp_path / "no-role.xlsx", ["Email", "Name", "Strand", "Notes"], rows)

    assert cli(db, source) == 1

    err = capsys.readouterr().err
    assert err.count("The role is missing") == 1, err
    assert "Role: missing" not in err
    assert "55 of 55 rows of no-role.xlsx have problems, so nothing was imported." in err
    assert "The role is missing in 55 rows. No column of no-role.xlsx looks like it holds" in err
    assert "pass --role mentor or --role mentee" in err
    assert "Row " not in err

    assert cli(db, source, "--role", "mentee") == 0
    assert {v["role"] for v in held(db).values()} == {Role.MENTEE}


def test_a_role_asked_as_a_yes_or_no_question_is_named_with_the_map_to_pass(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = ["Email", "Name", "Strand", "Would you like to mentor someone?", "Faculty"]
    rows = [[f"p{n}@uni.example", f"Person {n}", "Fellows", ("Yes", "No")[n % 3 > 0],
             ("Science", "Law")[n % 2]] for n in range(30)]  # fmt: skip
    source = plain_workbook(tmp_path / "yes-no.xlsx", headers, rows)

    assert cli(db, source) == 1

    err = capsys.readouterr().err
    assert '--map "role=Would you like to mentor someone?"' in err
    assert "Faculty" not in err

    options = ["--map", "role=Would you like to mentor someone?",
               "--map-value", "Role:Yes=mentor", "--map-value", "Role:No=mentee"]  # fmt: skip
    assert cli(db, source, *options) == 0
    roles = {email: v["role"] for email, v in held(db).items()}
    assert roles["p0@uni.example"] is Role.MENTOR
    assert roles["p1@uni.example"] is Role.MENTEE


def test_consent_answered_no_refuses_the_row_and_a_blank_is_noted(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = ["Timestamp", "Email", "Name", "Strand", "Role", "I consent to my data being used"]
    rows = [
        [dt.datetime(2026, 3, 2, 9), "yes@uni.example", "Ana Yes", "Fellows", "Mentee", "Yes"],
        [dt.datetime(2026, 3, 3, 9), "no@uni.example", "Ben No", "Fellows", "Mentee", "No"],
        [dt.datetime(2026, 3, 4, 9), "blank@uni.example", "Cy Blank", "Fellows", "Mentee", None],
    ]
    source = plain_workbook(tmp_path / "consent.xlsx", headers, rows)

    assert cli(db, source) == 1
    captured = capsys.readouterr()
    assert (
        "Row 3: I consent to my data being used: answered “No” to “I consent to my data being "
        "used”: without consent the application cannot be kept"
    ) in captured.err
    assert "Row 4: I consent to my data being used: no answer, so no consent is recorded" in (
        captured.out
    )

    assert cli(db, source, "--skip-rejected") == 0
    found = held(db)
    assert set(found) == {"yes@uni.example", "blank@uni.example"}
    assert found["yes@uni.example"]["consent_on"] == dt.date(2026, 3, 2)
    assert found["blank@uni.example"]["consent_on"] is None


def test_other_answers_are_listed_before_the_counts_and_merged_on_reimport(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = ["Email", "Name", "Strand", "Role", "How did you hear about us?", "Dietary needs"]
    first = plain_workbook(tmp_path / "first.xlsx", headers,
                     [["ana@uni.example", "Ana Silva", "Fellows", "Mentee", "A colleague",
                       "Vegetarian"]])  # fmt: skip
    assert cli(db, first) == 0
    out = capsys.readouterr().out.splitlines()
    columns = out.index("Columns of first.xlsx:")
    counts = next(i for i, line in enumerate(out) if line.startswith("Imported first.xlsx"))
    assert columns < counts
    assert out[columns + 5] == (
        "  E “How did you hear about us?” → kept as other answers: 1 answer "
        "(no field fits the header or the answers)"
    )
    assert "Kept 2 answers to 2 questions as other answers" in out[counts + 1]

    again = [["ana@uni.example", "Ana Silva", "Fellows", "Mentee", "Newsletter"]]
    second = plain_workbook(tmp_path / "second.xlsx", headers[:5], again)
    assert cli(db, second) == 0
    assert "0 added, 1 updated" in capsys.readouterr().out
    assert held(db)["ana@uni.example"]["answers"] == {
        "How did you hear about us?": "Newsletter",
        "Dietary needs": "Vegetarian",
    }
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        assert session.scalars(select(Person.email)).all() == ["ana@uni.example"]


def test_a_date_column_whose_answers_are_no_dates_is_named_with_the_ways_out(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = ["Email", "Name", "Strand", "Role", "Date submitted"]
    rows = [[f"p{n}@uni.example", f"Person {n}", "Fellows", "Mentee", f"week {n} of term"]
            for n in range(1, 8)]  # fmt: skip
    source = plain_workbook(tmp_path / "dates.xlsx", headers, rows)

    assert cli(db, source) == 1

    err = capsys.readouterr().err
    assert "Rows 2–8 (7 rows): Date submitted: “week 1 of term” is not a date" in err
    assert (
        "Column E “Date submitted” is read as the submission date, but in 7 rows its answer is "
        "not a date MentorDesk can read (see the rows above): write those as year-month-day, "
        'pass --map "submitted_on=HEADER" if another column holds the submission date, or keep '
        'the column\'s answers as they are with --map "other=Date submitted".'
    ) in err

    assert cli(db, source, "--map", "other=Date submitted") == 0
    assert held(db)["p3@uni.example"]["answers"] == {"Date submitted": "week 3 of term"}


def test_the_issues_forms_export_imports_every_row_with_no_mapping(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_microsoft_forms(tmp_path / "Mentoring application form(1-55).xlsx")

    assert cli(db, export.path) == 0

    out = capsys.readouterr().out
    # 55 rows: 50 people, 5 of whom answered twice (the newer answer is used).
    assert "50 added, 0 updated, 5 skipped, 0 rejected" in out
    for column, question in enumerate(export.questions):
        assert f"“{export.header(column)}” → " in out, question
    assert "“I am applying as a” → Role (answers are Mentor/Mentee in 55 of 55 rows" in out
    found = held(db)
    assert len(found) == 50
    assert all(v["consent_on"] is not None for v in found.values())


def test_strands_in_the_forms_own_words_are_refused_with_the_map_value_for_each(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = {"Which part of the programme interests you?": "Which strand are you applying for?"}
    export = write_google_forms(tmp_path / "spring.csv", strands=EARLY_STRANDS, renamed=renamed)

    assert cli(db, export.path) == 1

    err = capsys.readouterr().err
    options = [f'--map-value "Strand:{EARLY_STRANDS[name]}=STRAND"' for name in EARLY_STRANDS]
    assert "These answers name no strand of this programme (Circles, Fellows): " in err
    assert all(option in err for option in options), err[-800:]

    values = [f"Strand:{EARLY_STRANDS[name]}={name}" for name in EARLY_STRANDS]
    assert cli(db, export.path, "--map-value", values[0], "--map-value", values[1]) == 0
    strands = {(email, v["strand"]) for email, v in held(db).items()}
    assert strands == {(a.applicant.email.lower(), a.applicant.strand) for a in export.kept}
