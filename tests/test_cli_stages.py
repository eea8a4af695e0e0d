"""mentordesk-cli programme stages: the list, the stages to confirm and unknown, --confirm-all."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import STAFF_SCHEME_STAGES
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.career_stages import set_stages
from mentordesk.services.programmes import find_programme, strand_choices
from mentordesk.store.models import Application, Person, Programme
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.cli import run_in_child

#: Who applies to Pilot 2026: (first name, position, stage as stored).
APPLICANTS = (
    ("Tess", "Lab technician", ""),
    ("Sam", "Senior Technician", "Grade 5"),
    ("Gus", "Gardener", ""),
    ("Ola", "Professor of Biology", "Full professor"),
    ("Lee", "Research Fellow", "7"),
    ("Kim", "Beekeeper", "Band Z"),
)


@pytest.fixture
def staff_db(pilot_db: Path) -> Path:
    """Pilot 2026 on UK staff grades, within tracks, with four applicants to Fellows."""
    with ProgrammeFile.open(pilot_db, PASSPHRASE) as opened, opened.session() as s:
        programme = find_programme(s, "Pilot 2026")
        set_stages(s, programme.id, STAFF_SCHEME_STAGES)
        s.get_one(Programme, programme.id).within_track = True
        fellows = next(c.id for c in strand_choices(s, programme.id) if c.name == "Fellows")
        for first, position, stage in APPLICANTS:
            person = add_person(
                s,
                PersonInput(
                    first_name=first,
                    last_name="Example",
                    email=f"{first.lower()}@example.org",
                    position=position,
                    stage=stage,
                ),
            )
            add_application(s, person, ApplicationInput(fellows, Role.MENTEE))
    return pilot_db


def stages(db: Path, *options: str) -> int:
    return main(["programme", "stages", "Pilot 2026", "--db", str(db), *options])


def test_the_list_then_the_stages_to_confirm_and_the_unknown(
    staff_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stages(staff_db) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Career stages of Pilot 2026, most junior first (mentors on the mentee's own track "
        "only):\n  Academic and research:\n    Research assistant (grade 6) (level 6)\n"
    )
    assert "  Technical and professional services:\n    Grade 3 (level 3)\n" in out
    assert (
        "Stages guessed from the position or the stage given, to confirm (3 applicants; "
        "--confirm-all confirms them as listed):\n"
    ) in out
    assert "  Tess Example: Grade 4 (position: Lab technician)\n" in out
    # A stage text the list lacks is read as matching reads it, and says so.
    assert (
        "  Ola Example: Professor (position: Professor of Biology; “Full professor” is not in "
        "this list; read as Professor)\n"
    ) in out
    assert (
        "  Lee Example: Research fellow (grade 7) (position: Research Fellow; “7” is not in "
        "this list; read as Research fellow (grade 7))\n"
    ) in out
    assert "2 applicants with no known career stage: seniority and the grade gap are not " in out
    assert "  Gus Example: no stage (position: Gardener)\n" in out
    assert "  Kim Example: Band Z (not in this list) (position: Beekeeper)\n" in out
    assert "Sam Example" not in out


def test_confirm_all_guesses_empty_stages_and_confirms_them(
    staff_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stages(staff_db, "--confirm-all", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["guessed"] == []
    # "stage" is the stage as given, alone; "note" says why it is unknown.
    assert [(row["name"], row["stage"], row["note"]) for row in listed["unknown"]] == [
        ("Gus Example", "", ""),
        ("Kim Example", "Band Z", "not in this list"),
    ]
    assert listed["within_track"] is True
    assert [s["name"] for s in listed["stages"]] == [s.name for s in STAFF_SCHEME_STAGES]
    with ProgrammeFile.open(staff_db, PASSPHRASE) as opened, opened.session() as s:
        people = {p.first_name: (p.stage, p.stage_guessed) for p in s.scalars(select(Person))}
    assert people["Tess"] == ("Grade 4", False)
    # A stage the list reads as one of its own is confirmed under the list's name.
    assert people["Ola"] == ("Professor", False)
    assert people["Lee"] == ("Research fellow (grade 7)", False)
    # An unknown stage is left for someone to set.
    assert people["Kim"] == ("Band Z", False)
    assert people["Gus"] == ("", False)


def test_confirm_all_says_how_many(staff_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert stages(staff_db, "--confirm-all") == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Confirmed the career stage of 3 people (1 newly guessed from their position).\n"
    )
    assert "Stages guessed" not in out


def test_a_programme_without_stages_says_how_to_set_them(
    pilot_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stages(pilot_db) == 0
    assert capsys.readouterr().out == (
        "Pilot 2026 has no career stages: set them with mentordesk-cli programme edit NAME "
        "--stages “Stage 1, Stage 2, …”.\n"
    )


def test_a_script_reads_the_stages_as_json_from_a_real_process(staff_db: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTORDESK_")}
    env.update(MENTORDESK_PASSPHRASE=PASSPHRASE, PYTHONIOENCODING="utf-8")
    done = run_in_child(["programme", "stages", "Pilot 2026", "--db", staff_db, "--json"], env)
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert {row["name"] for row in listed["guessed"]} == {
        "Tess Example",
        "Ola Example",
        "Lee Example",
    }
    assert {row["name"] for row in listed["unknown"]} == {"Gus Example", "Kim Example"}
    unknown = run_in_child(["programme", "stages", "Nope", "--db", staff_db], env)
    assert unknown.returncode == 1
    assert "Nope" in unknown.stderr


def test_the_unknown_stages_listed_are_exactly_those_matching_cannot_check(
    staff_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Everyone accepted as a mentee, with one mentor of each kind: matching reads them all.
    with ProgrammeFile.open(staff_db, PASSPHRASE) as opened, opened.session() as s:
        programme = find_programme(s, "Pilot 2026")
        fellows = next(c.id for c in strand_choices(s, programme.id) if c.name == "Fellows")
        for app in s.scalars(select(Application)):
            app.status = ApplicationStatus.ACCEPTED
        for first, position, stage in (("Ada", "Professor", "Professor"), ("Bo", "Hermit", "")):
            mentor = add_person(
                s,
                PersonInput(
                    first_name=first,
                    last_name="Mentor",
                    email=f"{first.lower()}@example.org",
                    position=position,
                    stage=stage,
                ),
            )
            add_application(
                s, mentor, ApplicationInput(fellows, Role.MENTOR, status=ApplicationStatus.ACCEPTED)
            )
    assert stages(staff_db, "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert main(["match", "--programme", "Pilot 2026", "--db", str(staff_db), "--json"]) == 0
    matched = json.loads(capsys.readouterr().out)
    unknown_in_run = {row["name"] for row in matched["stage_unknown"]}
    assert {row["name"] for row in listed["unknown"]} | {"Bo Mentor"} == unknown_in_run
    assert unknown_in_run == {"Gus Example", "Kim Example", "Bo Mentor"}
    # Those listed as guessed are read, and checked, by matching.
    assert not {row["name"] for row in listed["guessed"]} & unknown_in_run
