"""mentordesk-cli person set: a person's line manager, career stage and organisation."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from mentordesk.domain.enums import Role
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.career_stages import set_stages
from mentordesk.services.line_managers import find_by_email
from mentordesk.services.programmes import find_programme, strand_choices
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.cli import run_in_child

#: Who is in the file: (first name, last name, position, stage as stored, guessed).
PEOPLE = (
    ("Ada", "Lovelace", "Postdoc", "Postdoctoral researcher", True),
    ("Grace", "Hopper", "Professor of Computing", "Full professor", False),
    ("Alan", "Turing", "Reader", "Associate professor", False),
)


@pytest.fixture
def office_db(pilot_db: Path) -> Path:
    """Pilot 2026 on the academic career stages, Ada, Grace and Alan applying to Fellows."""
    with ProgrammeFile.open(pilot_db, PASSPHRASE) as opened, opened.session() as s:
        programme = find_programme(s, "Pilot 2026")
        set_stages(s, programme.id, ACADEMIC_STAGES)
        fellows = next(c.id for c in strand_choices(s, programme.id) if c.name == "Fellows")
        for first, last, position, stage, guessed in PEOPLE:
            person = add_person(
                s,
                PersonInput(
                    first,
                    last,
                    f"{first.lower()}@example.org",
                    position=position,
                    stage=stage,
                    stage_guessed=guessed,
                ),
            )
            role = Role.MENTEE if first == "Ada" else Role.MENTOR
            add_application(s, person, ApplicationInput(fellows, role))
    return pilot_db


def person_set(db: Path, email: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Run ``mentordesk-cli person set EMAIL OPTIONS --db DB`` in a child process."""
    env = {**os.environ, "MENTORDESK_PASSPHRASE": PASSPHRASE}
    return run_in_child(["person", "set", email, *options, "--db", db], env)


def stored(db: Path, email: str) -> tuple[str, str, bool, str]:
    """A person's line manager's email ("" for none), stage, whether guessed, organisation."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as s:
        person = find_by_email(s, email)
        assert person is not None
        manager = person.line_manager.email if person.line_manager else ""
        return manager, person.stage, person.stage_guessed, person.organisation


def test_a_line_manager_is_set_by_email_and_the_change_said_in_words(office_db: Path) -> None:
    done = person_set(office_db, "ADA@example.org", "--line-manager", "grace@example.org")

    assert done.returncode == 0, done.stderr
    assert done.stdout == "Line manager: Grace Hopper <grace@example.org> (was none).\n"
    assert stored(office_db, "ada@example.org")[0] == "grace@example.org"

    again = person_set(office_db, "ada@example.org", "--line-manager", "alan@example.org")
    assert again.stdout == (
        "Line manager: Alan Turing <alan@example.org> (was Grace Hopper <grace@example.org>).\n"
    )
    cleared = person_set(office_db, "ada@example.org", "--line-manager", "none")
    assert cleared.returncode == 0, cleared.stderr
    assert cleared.stdout == "Line manager removed (was Alan Turing <alan@example.org>).\n"
    assert stored(office_db, "ada@example.org")[0] == ""
    unchanged = person_set(office_db, "ada@example.org", "--line-manager", "none")
    assert unchanged.stdout == "Nothing changed: ada@example.org already has those details.\n"


def test_a_reporting_line_that_would_loop_is_refused_and_nothing_changes(
    office_db: Path,
) -> None:
    assert person_set(office_db, "ada@example.org", "--line-manager", "grace@example.org")
    assert person_set(office_db, "grace@example.org", "--line-manager", "alan@example.org")

    looped = person_set(office_db, "alan@example.org", "--line-manager", "ada@example.org")

    assert looped.returncode == 1
    assert looped.stderr == (
        "mentordesk-cli: Ada Lovelace cannot be Alan Turing’s line manager: they already report "
        "to Alan Turing through Grace Hopper, and a reporting line cannot go round in a loop.\n"
    )
    assert stored(office_db, "alan@example.org")[0] == ""
    own = person_set(office_db, "alan@example.org", "--line-manager", "Alan@example.org")
    assert (own.returncode, own.stderr) == (
        1,
        "mentordesk-cli: Alan Turing cannot be their own line manager.\n",
    )


def test_an_email_nobody_has_exits_1_saying_what_to_do(office_db: Path) -> None:
    nobody = person_set(office_db, "eve@example.org", "--organisation", "LIST")
    assert nobody.returncode == 1
    assert nobody.stderr == (
        "mentordesk-cli: Nobody in this file has the email eve@example.org: check it, or add "
        "the person first (import their application, add them on the Applicants tab, or "
        "mentordesk-cli person add).\n"
    )
    manager = person_set(office_db, "ada@example.org", "--line-manager", "eve@example.org")
    assert manager.returncode == 1
    assert manager.stderr == (
        "mentordesk-cli: The line manager eve@example.org is not in this file: add them first "
        "(import their application, add them on the Applicants tab, or with mentordesk-cli "
        "person add), then set them as line manager.\n"
    )
    assert stored(office_db, "ada@example.org")[0] == ""


def test_a_stage_of_the_list_is_stored_under_its_name_and_is_no_guess_any_more(
    office_db: Path,
) -> None:
    confirmed = person_set(office_db, "ada@example.org", "--stage", "postdoctoral RESEARCHER")
    assert confirmed.returncode == 0, confirmed.stderr
    assert confirmed.stdout == (
        "Career stage confirmed: Postdoctoral researcher (it was guessed from the position).\n"
    )
    assert stored(office_db, "ada@example.org")[1:3] == ("Postdoctoral researcher", False)

    changed = person_set(office_db, "alan@example.org", "--stage", "full professor")
    assert changed.stdout == "Career stage: Full professor (was Associate professor).\n"
    assert changed.stderr == ""
    assert stored(office_db, "alan@example.org")[1:3] == ("Full professor", False)


def test_a_stage_no_list_names_is_kept_only_with_a_warning(office_db: Path) -> None:
    done = person_set(office_db, "grace@example.org", "--stage", "Distinguished chair")

    assert done.returncode == 0, done.stderr
    assert done.stdout == "Career stage: Distinguished chair (was Full professor).\n"
    assert done.stderr == (
        "Warning: “Distinguished chair” is not a career stage of Pilot 2026; it is kept as "
        "typed. Add it to the list in Programme ▸ Career stages or with mentordesk-cli "
        "programme edit --stages, or give a stage the list names.\n"
    )
    assert stored(office_db, "grace@example.org")[1] == "Distinguished chair"


def test_the_organisation_and_several_details_change_in_one_command(office_db: Path) -> None:
    done = person_set(
        office_db,
        "ada@example.org",
        "--organisation",
        "Luxembourg Institute of Science and Technology",
        "--line-manager",
        "grace@example.org",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Line manager: Grace Hopper <grace@example.org> (was none).",
        "Organisation: Luxembourg Institute of Science and Technology (was none).",
    ]
    assert stored(office_db, "ada@example.org") == (
        "grace@example.org",
        "Postdoctoral researcher",
        True,
        "Luxembourg Institute of Science and Technology",
    )


def test_nothing_to_change_is_a_usage_error(office_db: Path) -> None:
    done = person_set(office_db, "ada@example.org")
    assert done.returncode == 2
    assert "say what to change: --line-manager EMAIL, --stage NAME, --organisation NAME or " in (
        done.stderr
    )


def person_add(db: Path, email: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Run ``mentordesk-cli person add EMAIL OPTIONS --db DB`` in a child process."""
    env = {**os.environ, "MENTORDESK_PASSPHRASE": PASSPHRASE}
    return run_in_child(["person", "add", email, *options, "--db", db], env)


def test_someone_without_an_application_is_added_and_a_reporting_line_runs_through_them(
    office_db: Path,
) -> None:
    head = person_add(
        office_db, "Mark.Owen@example.org", "--name", "Mary Ann Owen", "--organisation",
        "Uni", "--department", "Physics", "--position", "Head of School",
    )  # fmt: skip
    assert head.returncode == 0, head.stderr
    assert head.stdout == "Added Mary Ann Owen <mark.owen@example.org>.\n"
    deputy = person_add(
        office_db, "dee@example.org", "--name", "Dee", "--line-manager", "MARK.OWEN@example.org"
    )
    assert deputy.stdout == (
        "Added Dee <dee@example.org>, reporting to Mary Ann Owen <mark.owen@example.org>.\n"
    )
    assert person_set(office_db, "ada@example.org", "--line-manager", "dee@example.org")

    with ProgrammeFile.open(office_db, PASSPHRASE) as opened, opened.session() as s:
        owen = find_by_email(s, "mark.owen@example.org")
        assert owen is not None
        assert (owen.first_name, owen.last_name, owen.organisation, owen.department) == (
            "Mary Ann", "Owen", "Uni", "Physics",
        )  # fmt: skip
        assert (owen.position, owen.applications) == ("Head of School", [])
        ada = find_by_email(s, "ada@example.org")
        assert ada is not None
        assert ada.line_manager is not None
        assert ada.line_manager.line_manager is owen


def test_adding_someone_already_in_the_file_or_under_a_manager_nobody_is_says_what_to_do(
    office_db: Path,
) -> None:
    again = person_add(office_db, "GRACE@example.org", "--name", "Grace Hopper")
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr == (
        "mentordesk-cli: Grace Hopper <grace@example.org> is already in this file: change their "
        "details with mentordesk-cli person set grace@example.org instead.\n"
    )
    nobody = person_add(office_db, "dee@example.org", "--name", "Dee", "--line-manager", "x@y.org")
    assert nobody.returncode == 1
    assert nobody.stderr == (
        "mentordesk-cli: The line manager x@y.org is not in this file: add them first "
        "(mentordesk-cli person add, or import their application).\n"
    )
    nameless = person_add(office_db, "dee@example.org", "--name", " ")
    assert nameless.stderr == "mentordesk-cli: A name is required: type a first or a last name.\n"
    with ProgrammeFile.open(office_db, PASSPHRASE) as opened, opened.session() as s:
        assert find_by_email(s, "dee@example.org") is None


def test_a_department_is_set_beside_the_organisation(office_db: Path) -> None:
    done = person_set(
        office_db, "ada@example.org", "--department", "Beams", "--organisation", "CERN"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Organisation: CERN (was none).\nDepartment: Beams (was none).\n"
    again = person_set(office_db, "ada@example.org", "--department", "Beams")
    assert again.stdout == "Nothing changed: ada@example.org already has those details.\n"
    with ProgrammeFile.open(office_db, PASSPHRASE) as opened, opened.session() as s:
        ada = find_by_email(s, "ada@example.org")
        assert ada is not None
        assert (ada.department, ada.organisation) == ("Beams", "CERN")
