"""mentordesk-cli programme list and create: a programme set up from an empty file, CLI only."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mentordesk.cli.app import main
from mentordesk.domain.enums import StrandFormat
from mentordesk.services.programmes import get_programme, list_programmes
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.workbooks import plain_workbook


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new programme file made by ``init``: no programme in it."""
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "office.mentordesk"
    assert main(["init", "--db", str(path)]) == 0
    return path


def create(db: Path, *options: str) -> int:
    return main(["programme", "create", *options, "--db", str(db)])


def test_a_staff_scheme_is_created_from_an_empty_file_with_its_dates_rules_and_strands(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = create(
        empty_db,
        "One Step Beyond 2027",
        "--timezone",
        "Europe/Brussels",
        "--starts",
        "2027-01-15",
        "--ends",
        "2027-12-15",
        "--applications-close",
        "2026-12-20",
        "--duration-months",
        "12",
        "--strand",
        "Phase 1:one-to-one:20",
        "--strand",
        "Phase 2 (technical staff)",
        "--strand",
        "Circles: time to talk:group:12",
        "--mentees-per-mentor",
        "4",
        "--grade-gap",
        "2",
    )

    assert status == 0
    assert "Created One Step Beyond 2027" in capsys.readouterr().out
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        programme = get_programme(session, summary.id)
        assert (programme.name, programme.timezone) == ("One Step Beyond 2027", "Europe/Brussels")
        assert (programme.starts_on, programme.ends_on) == (
            dt.date(2027, 1, 15),
            dt.date(2027, 12, 15),
        )
        assert programme.applications_close_on == dt.date(2026, 12, 20)
        assert programme.duration_months == 12
        assert (programme.max_mentees_per_mentor, programme.max_grade_gap) == (4, 2)
        strands = {s.name: (s.format, s.places) for s in programme.strands}
    assert strands == {
        "Phase 1": (StrandFormat.ONE_TO_ONE, 20),
        "Phase 2 (technical staff)": (StrandFormat.ONE_TO_ONE, None),
        "Circles: time to talk": (StrandFormat.GROUP, 12),
    }


def test_list_gives_what_create_wrote_as_text_and_as_json(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["programme", "list", "--db", str(empty_db)]) == 0
    assert "holds no programme yet" in capsys.readouterr().out
    assert create(empty_db, "Pilot", "--starts", "2027-02-01", "--strand", "Circles:group:9") == 0
    capsys.readouterr()

    assert main(["programme", "list", "--db", str(empty_db)]) == 0
    text = capsys.readouterr().out
    assert "Pilot (Europe/Luxembourg, 2027-02-01 to …)" in text
    assert "  - Circles: group, 9 places" in text
    assert main(["programme", "list", "--db", str(empty_db), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["name"] == "Pilot"
    assert listed["starts"] == "2027-02-01"
    assert listed["strands"] == [{"name": "Circles", "format": "group", "places": 9}]


def test_applications_import_into_a_programme_created_by_the_command_line(
    empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = plain_workbook(
        tmp_path / "form.xlsx",
        ["Email", "Full name", "I am applying as a"],
        [["ana@uni.example", "Ana Lima", "Mentee"], ["ben@uni.example", "Ben Ode", "Mentor"]],
    )
    assert main(["import", "applicants", str(source), "--db", str(empty_db)]) == 1
    assert "programme create" in capsys.readouterr().err

    assert create(empty_db, "Staff scheme", "--strand", "Staff") == 0
    assert main(["import", "applicants", str(source), "--db", str(empty_db)]) == 0
    assert "2 added" in capsys.readouterr().out


def test_a_second_programme_of_the_same_name_is_refused_and_nothing_is_written(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", "Fellows") == 0
    capsys.readouterr()

    assert create(empty_db, "pilot", "--strand", "Other") == 1
    assert "already a programme" in capsys.readouterr().err
    assert create(empty_db, "Second", "--timezone", "Nowhere/Atlantis") == 1
    assert "time zone" in capsys.readouterr().err
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        assert [p.name for p in list_programmes(session)] == ["Pilot"]


@pytest.mark.parametrize("strand", [":group:3", "   ", "::"])
def test_a_strand_without_a_name_is_refused_in_plain_words(
    empty_db: Path, strand: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", strand) == 1

    assert "A --strand needs a name" in capsys.readouterr().err
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        assert list_programmes(session) == []
