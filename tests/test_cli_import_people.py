"""mentordesk-cli import applicants: career stages, line managers and late applications said.

A real .xlsx written as a staff scheme's form would be, with a manager's email
question and a position, is imported into a real encrypted file through ``main``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.services.career_stages import set_stages
from mentordesk.services.programmes import find_programme
from mentordesk.store.models import Person, Programme
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.workbooks import plain_workbook

HEADERS = (
    "Timestamp", "Email address", "Full name", "Which strand?", "I am applying as a",
    "Current position", "Manager's email",
)  # fmt: skip
ROWS = (
    (dt.datetime(2026, 11, 20, 9), "ada@uni.example", "Ada Lovelace", "Fellows", "Mentee",
     "Postdoctoral research associate", "grace@uni.example"),
    (dt.datetime(2026, 12, 2, 9), "grace@uni.example", "Grace Hopper", "Fellows", "Mentor",
     "Professor of Computing", ""),
    (dt.datetime(2026, 12, 3, 9), "bo@uni.example", "Bo Chen", "Fellows", "Mentee",
     "Gardener", "eve@uni.example"),
)  # fmt: skip


@pytest.fixture
def db(pilot_db: Path) -> Path:
    """Pilot 2026 on the academic stages; applications closed on 30 November 2026."""
    with ProgrammeFile.open(pilot_db, PASSPHRASE) as opened, opened.session() as s:
        programme = find_programme(s, "Pilot 2026")
        set_stages(s, programme.id, ACADEMIC_STAGES)
        s.get_one(Programme, programme.id).applications_close_on = dt.date(2026, 11, 30)
    return pilot_db


def test_the_import_says_the_stages_to_confirm_the_managers_linked_and_the_late_ones(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = plain_workbook(tmp_path / "form.xlsx", HEADERS, ROWS)

    assert main(["import", "applicants", str(form), "--db", str(db)]) == 0

    out = capsys.readouterr().out
    assert "G “Manager's email” → Line manager (header says “Manager's email”)" in out
    assert (
        "Row 4: Manager's email: “eve@uni.example” is neither in this file nor in this import; "
        "the answer is kept as the other answer “Line manager”"
    ) in out
    assert out.endswith(
        "Imported form.xlsx into Pilot 2026: 3 added, 0 updated, 0 skipped, 0 rejected.\n"
        "Kept 1 answer to 1 question as other answers, with each application (see the columns "
        "above).\n"
        "Linked 1 person to their line manager.\n"
        "2 applications arrived after applications closed on 30 November 2026: they were "
        "imported and marked late, not refused.\n"
        "2 career stages were guessed from positions; confirm them in Programme ▸ Career stages "
        "or with `mentordesk-cli programme stages`.\n"
        "No career stage of the programme's list fits the position of 1 person, so their stage "
        "is unknown: “Gardener” (1 person). Set each with `mentordesk-cli person set EMAIL "
        "--stage NAME`, or add the wording to a stage in Programme ▸ Career stages.\n"
    )
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as s:
        found = {
            p.email: (p.stage, p.stage_guessed, p.line_manager.email if p.line_manager else "")
            for p in s.scalars(select(Person))
        }
    assert found == {
        "ada@uni.example": ("Postdoctoral researcher", True, "grace@uni.example"),
        "grace@uni.example": ("Full professor", True, ""),
        "bo@uni.example": ("", False, ""),
    }


def test_a_dry_run_says_what_the_import_would_guess_and_writes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = plain_workbook(tmp_path / "form.xlsx", HEADERS, ROWS)

    assert main(["import", "applicants", str(form), "--db", str(db), "--dry-run"]) == 0

    out = capsys.readouterr().out
    assert (
        "2 applications arrived after applications closed on 30 November 2026: they would be "
        "imported and marked late, not refused.\n"
        "2 career stages would be guessed from positions;"
    ) in out
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as s:
        assert s.scalars(select(Person)).all() == []
