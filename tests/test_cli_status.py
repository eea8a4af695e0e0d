"""mentordesk-cli applicants list and applicants status, on a real programme file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.programmes import find_programme, strand_choices
from mentordesk.store.models import Application, Person, Strand
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE

#: Who applies: (first name, last name, [(strand, role)]). Alan applies twice.
APPLYING = (
    ("Ada", "Lovelace", [("Fellows", Role.MENTEE)]),
    ("Grace", "Hopper", [("Fellows", Role.MENTOR)]),
    ("Alan", "Turing", [("Fellows", Role.MENTOR), ("Circles", Role.MENTEE)]),
)
ADA, GRACE, ALAN = (f"{first.lower()}@example.org" for first, _, _ in APPLYING)


@pytest.fixture
def office_db(pilot_db: Path) -> Path:
    """Pilot 2026 with Ada, Grace and Alan's applications, all received."""
    with ProgrammeFile.open(pilot_db, PASSPHRASE) as opened, opened.session() as s:
        programme = find_programme(s, "Pilot 2026")
        strands = {c.name: c.id for c in strand_choices(s, programme.id)}
        for first, last, applications in APPLYING:
            person = add_person(s, PersonInput(first, last, f"{first.lower()}@example.org"))
            for strand, role in applications:
                add_application(s, person, ApplicationInput(strands[strand], role))
    return pilot_db


def statuses(db: Path) -> dict[tuple[str, str, str], str]:
    """Every application in the file: (email, strand, role) → status."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as s:
        rows = s.execute(
            select(Person.email, Strand.name, Application.role, Application.status)
            .join(Person, Person.id == Application.person_id)
            .join(Strand, Strand.id == Application.strand_id)
        )
        return {(email, strand, role.value): status.value for email, strand, role, status in rows}


def run(db: Path, *args: str) -> int:
    return main([*args, "--db", str(db)])


def test_status_accepts_several_applicants_and_says_each_change(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "applicants", "status", ADA, GRACE.upper(), "--status", "accepted") == 0
    out = capsys.readouterr().out
    assert "Ada Lovelace (mentee, Fellows): received → accepted." in out
    assert "Grace Hopper (mentor, Fellows): received → accepted." in out
    assert out.splitlines()[-1] == "2 applications of Pilot 2026 now accepted."
    after = statuses(office_db)
    assert after[(ADA, "Fellows", "mentee")] == after[(GRACE, "Fellows", "mentor")] == "accepted"
    assert after[(ALAN, "Fellows", "mentor")] == "received"

    assert run(office_db, "applicants", "status", ADA, "--status", "accepted") == 0
    out = capsys.readouterr().out
    assert "Ada Lovelace (mentee, Fellows) is already accepted." in out
    assert out.splitlines()[-1] == "0 applications of Pilot 2026 now accepted."


def test_status_changes_nothing_when_one_email_has_no_application(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = statuses(office_db)
    args = ("applicants", "status", ADA, "nobody@example.org", "--status", "declined")
    assert run(office_db, *args) == 1
    err = capsys.readouterr().err
    assert "nobody@example.org has no application to Pilot 2026" in err
    assert "add the application first" in err
    assert "Nothing was changed." in err
    assert statuses(office_db) == before


def test_status_asks_which_application_of_someone_who_made_two(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = statuses(office_db)
    assert run(office_db, "applicants", "status", ALAN, "--status", "shortlisted") == 1
    err = capsys.readouterr().err
    assert "applied to Pilot 2026 2 times (mentor in Fellows, mentee in Circles)" in err
    assert "add --strand or --role" in err
    assert statuses(office_db) == before

    assert (
        run(office_db, "applicants", "status", ALAN, "--status", "waitlisted", "--role", "mentee")
        == 0
    )
    assert "Alan Turing (mentee, Circles): received → waitlisted." in capsys.readouterr().out
    after = statuses(office_db)
    assert after[(ALAN, "Circles", "mentee")] == "waitlisted"
    assert after[(ALAN, "Fellows", "mentor")] == "received"

    args = ("applicants", "status", ALAN, "--status", "accepted", "--strand", "fellows")
    assert run(office_db, *args) == 0
    assert statuses(office_db)[(ALAN, "Fellows", "mentor")] == "accepted"


def test_status_refuses_a_role_or_strand_the_applicant_did_not_apply_for(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = statuses(office_db)
    assert (
        run(office_db, "applicants", "status", ADA, "--status", "accepted", "--role", "mentor") == 1
    )
    assert "applied to Pilot 2026 only as mentee in Fellows" in capsys.readouterr().err
    args = ("applicants", "status", ADA, "--status", "accepted", "--strand", "Nope")
    assert run(office_db, *args) == 1
    assert "Pilot 2026 has no strand called “Nope”" in capsys.readouterr().err
    assert statuses(office_db) == before


def test_list_shows_each_application_and_counts_them_by_status(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "applicants", "status", GRACE, "--status", "accepted") == 0
    capsys.readouterr()
    assert run(office_db, "applicants", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    grace = next(line for line in lines if GRACE in line)
    assert "Grace Hopper <grace@example.org>" in grace
    assert "mentor" in grace
    assert "Fellows: accepted" in grace
    assert "career stage unknown" in grace
    assert lines[-1] == "Pilot 2026: 4 applications (3 received, 1 accepted)."

    assert run(office_db, "applicants", "list", "--status", "received", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted((r["email"], r["strand"], r["role"]) for r in listed) == [
        (ADA, "Fellows", "mentee"),
        (ALAN, "Circles", "mentee"),
        (ALAN, "Fellows", "mentor"),
    ]
    assert {r["status"] for r in listed} == {"received"}
    assert set(listed[0]) >= {"name", "organisation", "stage", "stage_guessed", "submitted", "late"}


def test_list_says_when_no_application_is_in_that_status(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "applicants", "list", "--status", "withdrawn") == 0
    assert capsys.readouterr().out == "Pilot 2026 has no application that is withdrawn.\n"
    assert run(office_db, "applicants", "list", "--status", "withdrawn", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_list_of_a_programme_without_applications_names_the_import(
    pilot_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(pilot_db, "applicants", "list") == 0
    assert "import applicants FILE" in capsys.readouterr().out


def test_status_names_the_statuses_it_takes(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(office_db, "applicants", "status", ADA, "--status", "approved")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert all(status.value in err for status in ApplicationStatus)
    assert statuses(office_db)[(ADA, "Fellows", "mentee")] == "received"
