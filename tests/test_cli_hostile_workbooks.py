"""mentordesk-cli import applicants on workbooks built to crash the reader: exit 1, plain words.

Each runs ``python -m mentordesk.cli`` in a child process with its memory capped,
so that a file slipping past the check would make that process abort (and the
test fail), never this one.
"""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

import pytest

from mentordesk.cli.common import PASSPHRASE_VARIABLE
from mentordesk.store.programme_file import ProgrammeFile
from tests.formats.conftest import LEGACY_XLS, unpack
from tests.helpers.cli import run_in_child
from tests.helpers.files import file_state
from tests.helpers.workbooks import (
    HOSTILE,
    LYING_DIMENSION,
    RK_RECORD,
    move_xls_cell,
    write_workbook,
)

CASES = {**HOSTILE, "a dimension that lies": LYING_DIMENSION[1]}


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


@pytest.fixture
def programme_path(programme_file: ProgrammeFile, file_path: Path) -> Path:
    """An empty programme file, closed so that the command can open it."""
    programme_file.close()
    return file_path


def _import(
    source: Path, programme_path: Path, passphrase: str
) -> subprocess.CompletedProcess[str]:
    """``mentordesk-cli import applicants SOURCE --db PROGRAMME`` in a child process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTORDESK_")}
    env[PASSPHRASE_VARIABLE] = passphrase
    command = ["import", "applicants", str(source), "--db", str(programme_path)]
    return run_in_child(command, env, preexec_fn=_cap_memory)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_workbook_is_refused_with_exit_1_and_nothing_written(
    programme_path: Path, passphrase: str, tmp_path: Path, case: str
) -> None:
    dimension = LYING_DIMENSION[0] if case == "a dimension that lies" else None
    source = write_workbook(tmp_path / "applications.xlsx", CASES[case], dimension=dimension)
    before = file_state(programme_path)
    result = _import(source, programme_path, passphrase)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "mentordesk-cli: “applications.xlsx” has a sheet whose cells reach row 1,048,576"
    )
    assert "too large to read safely" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert file_state(programme_path).sha256 == before.sha256


def test_an_old_excel_workbook_with_a_cell_far_out_is_refused_the_same_way(
    programme_path: Path, passphrase: str, tmp_path: Path
) -> None:
    source = tmp_path / "applications.xls"
    source.write_bytes(move_xls_cell(unpack(LEGACY_XLS), RK_RECORD, 65_535, 65_535))
    before = file_state(programme_path)
    result = _import(source, programme_path, passphrase)
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        "mentordesk-cli: “applications.xls” has a sheet whose cells reach row 65,536 and "
        "column 65,536, too large to read safely. Delete the empty rows and columns beyond "
        "the table (or copy the table into a new workbook), save, and import again.\n"
    )
    assert file_state(programme_path).sha256 == before.sha256
