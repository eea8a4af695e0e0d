"""mentordesk-cli import applicants on form exports as the tools write them, in child processes.

Each run starts a real ``mentordesk-cli`` (about a second each), so there are
few of them; tests/services/test_form_export_shapes.py covers every shape.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import Role
from mentordesk.services.applicants import applicant_rows
from mentordesk.services.other_answers import other_answers_by_application
from mentordesk.store.models import Application
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.cli import run_in_child
from tests.helpers.files import file_state, folder_listing
from tests.helpers.form_exports import (
    EARLY_STRANDS,
    PROGRAMME,
    WRITERS,
    Column,
    applicants,
    make_programme_file,
    write_google_forms,
    write_microsoft_forms,
)

Key = tuple[str, str, Role]
#: The strand question of a form that asked for a strand before the strands had names.
STRAND_QUESTION = "Which strand are you applying for?"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A script's environment: the file's passphrase set, a private home and temporary folder."""
    home = tmp_path_factory.mktemp("home")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MENTORDESK_")}
    (home / "tmp").mkdir()
    clean.update(
        HOME=str(home),
        TMPDIR=str(home / "tmp"),
        PYTHONIOENCODING="utf-8",
        MENTORDESK_PASSPHRASE=PASSPHRASE,
    )
    return clean


@dataclass(frozen=True)
class Programme:
    """A programme file with no applicants yet, closed (the child opens it)."""

    path: Path
    id: int


@pytest.fixture
def programme(tmp_path: Path) -> Programme:
    """A closed programme file holding "Pilot 2026" (Fellows, Circles) in its own folder."""
    folder = tmp_path / "programme"
    folder.mkdir()
    path = folder / "pilot.mentordesk"
    return Programme(path, make_programme_file(path, PASSPHRASE))


def import_applicants(
    source: Path, programme: Programme, env: dict[str, str], *options: str
) -> subprocess.CompletedProcess[str]:
    """``mentordesk-cli import applicants SOURCE --db … --programme … OPTIONS`` in a child."""
    args: list[str | Path] = ["import", "applicants", source, "--db", programme.path]
    return run_in_child([*args, "--programme", PROGRAMME, *options], env)


@dataclass(frozen=True)
class Kept:
    """One application as the file holds it after an import."""

    submitted_on: dt.date | None
    goals: str
    development_needs: str
    availability: str
    consent_on: dt.date | None
    questions: dict[str, str]
    """Its other answers: question → answer."""


def kept(programme: Programme) -> dict[Key, Kept]:
    """Every application of the programme, by (email, strand, role)."""
    with ProgrammeFile.open(programme.path, PASSPHRASE) as opened, opened.session() as session:
        rows = applicant_rows(session, programme.id)
        others = other_answers_by_application(session, [r.application_id for r in rows])
        found = {}
        for row in rows:
            application = session.get(Application, row.application_id)
            assert application is not None
            found[(row.email, row.strand, row.role)] = Kept(
                application.submitted_on,
                application.goals,
                application.development_needs,
                application.availability,
                application.person.consent_on,
                {a.question: a.answer for a in others.get(row.application_id, [])},
            )
        return found


def _why(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}; stderr: {result.stderr[-1500:]}"


@pytest.mark.parametrize("shape", ["microsoft forms", "google forms"])
def test_a_form_export_imports_with_no_mapping_and_keeps_every_answer(
    shape: str, programme: Programme, env: dict[str, str], tmp_path: Path
) -> None:
    write, name = WRITERS[shape]
    export = write(tmp_path / name)
    result = import_applicants(export.path, programme, env)
    assert result.returncode == 0, _why(result)
    assert f"{len(export.kept)} added" in result.stdout
    # Where each column went is said: nothing is dropped without being named.
    headers = [export.header(c) for c in range(len(export.questions))]
    assert [h for h in headers if h not in result.stdout] == []

    imported = kept(programme)
    assert set(imported) == {answer.applicant.key for answer in export.kept}
    other = [c for c, field in enumerate(export.fields) if field is F.OTHER]
    for answer in export.kept:
        applicant, held = answer.applicant, imported[answer.applicant.key]
        assert held.submitted_on == applicant.submitted.date()
        assert held.goals == applicant.goals
        assert held.development_needs == applicant.support
        assert held.availability == applicant.availability
        assert held.consent_on == applicant.submitted.date()
        written = {export.header(c): str(answer.cells[c]) for c in other if answer.cells[c]}
        assert written.items() <= held.questions.items()


def _said_about(stdout: str, headers: list[str]) -> dict[str, str]:
    """What the output says after each header, up to the next one (they come in column order)."""
    said: dict[str, str] = {}
    starts: list[int] = []
    at = 0
    for header in headers:
        at = stdout.find(header, at)
        assert at >= 0, f"“{header}” is not listed"
        starts.append(at)
        at += len(header)
    for header, start, end in zip(headers, starts, [*starts[1:], len(stdout)], strict=True):
        said[header] = stdout[start + len(header) : end].casefold()
    return said


def test_show_mapping_prints_each_column_its_field_and_why_and_writes_nothing(
    programme: Programme, env: dict[str, str], tmp_path: Path
) -> None:
    export = write_microsoft_forms(tmp_path / "Mentoring application form(1-55).xlsx")
    before, files = file_state(programme.path), folder_listing(programme.path.parent)

    result = import_applicants(export.path, programme, env, "--show-mapping")

    assert result.returncode == 0, _why(result)
    said = _said_about(result.stdout, [export.header(c) for c in range(len(export.questions))])
    assert "role" in said["I am applying as a"]
    assert "mentor" in said["I am applying as a"]  # why: its answers name the roles
    assert "development_needs" in said["Which areas would you like support with?"]
    assert "goals" in said["What would you like to get out of the programme?"]
    assert "other" in said["How did you hear about the programme?"]
    assert "ignore" in said["ID"]
    consent = export.header(export.column(F.CONSENT))
    assert "consent" in said[consent].replace(consent.casefold(), "")
    assert file_state(programme.path) == before
    assert folder_listing(programme.path.parent) == files
    assert kept(programme) == {}


def test_a_missing_role_is_refused_naming_the_column_and_the_map_to_pass(
    programme: Programme, env: dict[str, str], tmp_path: Path
) -> None:
    # Two columns answer "Mentor" or "Mentee", and neither header says which is the role.
    last_year = Column(
        "Last year", F.OTHER, lambda p, n: (Role.MENTEE if len(p.email) % 4 else p.role).label
    )
    export = write_microsoft_forms(
        tmp_path / "renewals.xlsx", renamed={"I am applying as a": "This year"}, extra=[last_year]
    )

    refused = import_applicants(export.path, programme, env)

    assert refused.returncode == 1, _why(refused)
    hint = re.search(r'--map "role=(This year|Last year)"', refused.stderr)
    assert hint, refused.stderr[-1500:]
    assert kept(programme) == {}

    result = import_applicants(export.path, programme, env, "--map", f"role={hint[1]}")

    assert result.returncode == 0, _why(result)
    column = export.questions.index(hint[1])
    roles = {(a.applicant.email.lower(), Role(str(a.cells[column]).lower())) for a in export.kept}
    assert {(email, role) for email, _, role in kept(programme)} == roles


def test_a_form_written_before_the_strands_were_named_imports_with_map_value_and_saves_it(
    programme: Programme, env: dict[str, str], tmp_path: Path
) -> None:
    strand_question = {
        "Which part of the programme interests you?": "Which strand are you applying for?"
    }
    spring = write_google_forms(
        tmp_path / "spring.csv", strands=EARLY_STRANDS, renamed=strand_question
    )
    left_out, other = "Anything else we should know?", "Where did you find out about the programme?"
    values = [f"Strand:{EARLY_STRANDS[name]}={name}" for name in EARLY_STRANDS]

    first = import_applicants(
        spring.path,
        programme,
        env,
        *("--map-value", values[0], "--map-value", values[1]),
        *("--map", f"ignore={left_out}", "--save-mapping", "Spring form"),
    )

    assert first.returncode == 0, _why(first)
    after_spring = kept(programme)
    assert set(after_spring) == {a.applicant.key for a in spring.kept}
    assert all(left_out not in held.questions for held in after_spring.values())
    assert any(other in held.questions for held in after_spring.values())

    # The next export: other people, the columns in another order; the saved mapping reads it.
    width = len(spring.questions)
    autumn = write_google_forms(
        tmp_path / "autumn.csv",
        applicants(20, 2, first=100),
        strands=EARLY_STRANDS,
        renamed=strand_question,
        order=[*range(width - 1, -1, -2), *range(width - 2, -1, -2)],
    )

    second = import_applicants(autumn.path, programme, env, "--mapping", "Spring form")

    assert second.returncode == 0, _why(second)
    after_autumn = kept(programme)
    added = {key: held for key, held in after_autumn.items() if key not in after_spring}
    assert set(added) == {a.applicant.key for a in autumn.kept}
    assert all(left_out not in held.questions for held in added.values())
    assert any(other in held.questions for held in added.values())
