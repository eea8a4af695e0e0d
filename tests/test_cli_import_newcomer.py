"""mentordesk-cli import applicants with the files a new coordinator tried first.

Each test writes a real CSV or .xlsx file as a form or a coordinator would,
imports it into a real encrypted programme file through ``main``, and reads
back what the file holds: a file without a name column, US dates no row
settles, --skip-rejected, re-importing, another export of the same form.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.store.models import Application, Person
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.files import file_state
from tests.helpers.workbooks import plain_workbook


@pytest.fixture
def db(pilot_db: Path) -> Path:
    """The Pilot 2026 file (tests/conftest.py), as this module's tests name it."""
    return pilot_db


def cli(db: Path, source: Path, *options: str) -> int:
    return main(["import", "applicants", str(source), "--db", str(db), *options])


def csv_file(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def people(db: Path) -> dict[str, tuple[str, str]]:
    """Everyone in the file by email: their first and last names."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        return {p.email: (p.first_name, p.last_name) for p in session.scalars(select(Person))}


def applications(db: Path) -> dict[str, tuple[dt.date | None, str, str]]:
    """Every application by its person's email: submitted on, source, development needs."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        return {
            a.person.email: (a.submitted_on, a.source, a.development_needs)
            for a in session.scalars(select(Application))
        }


# A file without a name column ------------------------------------------------------------


def test_a_file_without_a_name_column_is_refused_alike_by_the_dry_run_and_the_import(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = csv_file(tmp_path / "noname.csv", "Email,Role,Strand",
                      "x.y@a.example,Mentee,Fellows", "z.w@a.example,Mentor,Circles")  # fmt: skip
    before = file_state(db)

    assert cli(db, source, "--dry-run") == 1
    dry = capsys.readouterr().err
    assert cli(db, source) == 1
    real = capsys.readouterr().err

    assert dry == real
    assert "2 of 2 rows of noname.csv have problems, so nothing was imported" in real
    assert "The name is missing in 2 rows." in real
    assert '--map "full_name=HEADER"' in real
    assert '--map "first_name=HEADER" --map "last_name=HEADER"' in real
    assert file_state(db) == before


def test_a_file_without_a_name_column_adds_applications_of_people_already_in_the_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = csv_file(tmp_path / "first.csv", "Email,Full name,Role,Strand",
                     "x.y@a.example,Xena Young,Mentee,Fellows")  # fmt: skip
    assert cli(db, first) == 0
    second = csv_file(tmp_path / "second.csv", "Email,Role,Strand",
                      "x.y@a.example,Mentor,Circles", "new@a.example,Mentor,Circles")  # fmt: skip
    capsys.readouterr()

    assert cli(db, second, "--skip-rejected") == 0

    out, err = capsys.readouterr()
    assert "1 added, 0 updated, 0 skipped, 1 rejected" in out
    assert "Row 3: Name: missing; no column is read as the name" in err
    assert people(db) == {"x.y@a.example": ("Xena", "Young")}


# Dates no row of their column settles ------------------------------------------------------

US = [
    "Timestamp,Email Address,Full name,Role,Strand",
    "3/5/2026 10:22:13,us.one@inst.example,Una One,Mentee,Fellows",
    "3/6/2026 11:22:13,us.two@inst.example,Tim Two,Mentee,Circles",
    "3/9/2026 21:02:13,us.three@inst.example,Tia Three,Mentor,Circles",
]


def test_us_dates_no_row_settles_are_refused_once_naming_date_order(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = csv_file(tmp_path / "us.csv", *US)

    assert cli(db, source) == 1

    err = capsys.readouterr().err
    assert "pass --date-order month-first if the form writes month/day/year" in err
    assert "--date-order day-first" in err
    # Said once for the three rows, and without assuming either order.
    assert err.count("Timestamp: “") == 1, err
    assert (
        "Rows 2–4 (3 rows): Timestamp: “3/5/2026 10:22:13” could be “3 May 2026” or "
        "“5 March 2026”: write it as year-month-day, “2026-05-03” or “2026-03-05” (quoted from "
        "row 2; rows 3–4 give “3/6/2026 11:22:13” or “3/9/2026 21:02:13” instead)"
    ) in err
    assert people(db) == {}


@pytest.mark.parametrize(
    ("order", "expected"),
    [("month-first", dt.date(2026, 3, 5)), ("day-first", dt.date(2026, 5, 3))],
)
def test_date_order_reads_the_dates_no_row_settles(
    db: Path, tmp_path: Path, order: str, expected: dt.date
) -> None:
    source = csv_file(tmp_path / "us.csv", *US)

    assert cli(db, source, "--date-order", order) == 0

    assert applications(db)["us.one@inst.example"][0] == expected


def test_a_column_that_settles_its_own_order_wins_over_date_order(db: Path, tmp_path: Path) -> None:
    # 3/16/2026 can only be month-first, so 3/5/2026 is 5 March whatever the option says.
    source = csv_file(tmp_path / "us2.csv", *US[:2],
                      "3/16/2026 11:22:13,us.two@inst.example,Tim Two,Mentee,Circles")  # fmt: skip

    assert cli(db, source, "--date-order", "day-first") == 0

    assert applications(db)["us.one@inst.example"][0] == dt.date(2026, 3, 5)


# --skip-rejected ---------------------------------------------------------------------------


def test_skip_rejected_lists_the_rows_left_behind_and_why(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = csv_file(tmp_path / "blankname.csv", "Email,Full name,Role,Strand",
                      "b.one@a.example,Bea One,Mentee,Fellows",
                      "b.two@a.example,,Mentee,Fellows",
                      "b.three@a.example,Bo Three,Mentee,Nowhere")  # fmt: skip

    assert cli(db, source, "--skip-rejected") == 0

    out, err = capsys.readouterr()
    assert "1 added, 0 updated, 0 skipped, 2 rejected" in out
    assert "Not imported (2 rows):" in err
    assert "Row 3: Name: missing; a first or a last name is needed" in err
    assert "Row 4: Strand: “Nowhere” is not a strand of this programme" in err
    assert set(people(db)) == {"b.one@a.example"}


# The form's own wording of strands and roles -------------------------------------------------


def test_unknown_answers_are_grouped_as_map_value_reads_them_and_roles_get_a_placeholder(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        [f"p{n}@uni.example", f"Pat Person{n}", strand, role]
        for n, (strand, role) in enumerate(
            [("Postdocs", "Senior researchers"), ("postdocs", "Senior researchers"),
             ("Postdocs ", "senior researchers."), ("Circles", "Mentee")]
        )
    ]  # fmt: skip
    source = plain_workbook(tmp_path / "wording.xlsx", ["Email", "Name", "Strand", "Role"], rows)

    assert cli(db, source) == 1

    refusal = capsys.readouterr().err.splitlines()[-1]
    assert "These answers name no strand of this programme (Circles, Fellows): “Postdocs” " in (
        refusal
    )
    assert "“Postdocs” (3 rows)" in refusal
    assert "postdocs”" not in refusal
    assert '--map-value "Strand:Postdocs=STRAND"' in refusal
    assert "“Senior researchers” (3 rows)" in refusal
    assert '--map-value "Role:Senior researchers=ROLE"' in refusal
    assert "=mentor" not in refusal
    assert "(each ROLE replaced with mentor or mentee)" in refusal
    # One --map-value for each reads every way of writing it.
    assert cli(db, source, "--map-value", "Strand:Postdocs=Fellows",
               "--map-value", "Role:Senior researchers=mentor") == 0  # fmt: skip
    assert len(people(db)) == 4


# Importing again -----------------------------------------------------------------------------

FORM = ["Email", "Name", "Strand", "Role", "Areas to develop"]


def form_rows(needs: str = "Writing") -> list[list[object]]:
    return [[f"p{n}@uni.example", f"Pat Person{n}", "Fellows", "Mentee", needs] for n in range(5)]


def test_importing_the_same_file_again_says_once_that_nothing_changed(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = plain_workbook(tmp_path / "spring.xlsx", FORM, form_rows())
    assert cli(db, source) == 0
    capsys.readouterr()

    assert cli(db, source) == 0

    out = capsys.readouterr().out
    assert "Rows 2–6 (5 rows): Already imported: nothing has changed\n" in out
    assert "Row 2: Already imported" not in out
    assert "0 added, 0 updated, 5 skipped, 0 rejected" in out


def test_an_update_from_another_export_names_that_file_as_the_source(
    db: Path, tmp_path: Path
) -> None:
    assert cli(db, plain_workbook(tmp_path / "spring.xlsx", FORM, form_rows())) == 0
    later = plain_workbook(tmp_path / "spring-later.xlsx", FORM, form_rows("Leading a team"))

    assert cli(db, later) == 0

    found = applications(db)["p0@uni.example"]
    assert found[1:] == ("imported from spring-later.xlsx", "Leading a team")
    # The same answers from yet another file change nothing, the source either.
    assert cli(db, plain_workbook(tmp_path / "copy.xlsx", FORM, form_rows("Leading a team"))) == 0
    assert applications(db)["p0@uni.example"][1] == "imported from spring-later.xlsx"


# Naming fields by hand -----------------------------------------------------------------------


def test_map_accepts_us_spellings_and_show_mapping_names_the_fields_value(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = ["ana@uni.example", "Ana Silva", "Uni of Nowhere", "Circles", "Mentee"]
    source = plain_workbook(tmp_path / "codes.xlsx", ["Email", "Name", "Q3", "Q4", "Role"], [row])

    options = ["--map", "organization=Q3", "--map", "Program strand=Q4"]
    assert cli(db, source, *options, "--show-mapping") == 0

    out = capsys.readouterr().out
    assert "C “Q3” → organisation (as --map says)" in out
    assert "D “Q4” → strand (as --map says)" in out
    assert cli(db, source, *options) == 0
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        person = session.scalars(select(Person)).one()
        assert person.organisation == "Uni of Nowhere"
        assert person.applications[0].strand.name == "Circles"
