"""Importing 10,000 applications from .xlsx and exporting 10,000 people (each under 3 s)."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from mentordesk.store.programme_file import ProgrammeFile
from tests.benchmarks.conftest import PASSPHRASE, report

RUNNER = Path(__file__).with_name("import_export_run.py")
ROWS = 10_000
HEADERS = [
    "Timestamp", "Email Address", "First name", "Last name", "Institution", "Department",
    "What is your current position?", "Research field", "Which strand?",
    "I would like to participate as", "Topics you can offer", "Languages",
    "What do you hope to achieve?", "Development needs", "Matching preferences",
]  # fmt: skip


@pytest.fixture(scope="module")
def applications_xlsx(tmp_path_factory) -> Path:
    """A Forms-style workbook of 10,000 applications, 15 columns."""
    path = tmp_path_factory.mktemp("import") / "applications.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Form1")
    sheet.append(HEADERS)
    for n in range(ROWS):
        sheet.append([
            dt.datetime(2026, 1, 1, 9) + dt.timedelta(minutes=n),
            f"applicant{n}@bench.example", f"First{n}", f"Last{n}", "University of Luxembourg",
            f"Department {n % 12}", "Postdoctoral researcher", "Physics",
            ("Faculty", "Fellows", "Circles")[n % 3], ("Mentee", "Mentor")[n % 2],
            "grant writing;leadership;", "English;French;", "A permanent position.",
            "Networking", "Someone outside my unit",
        ])  # fmt: skip
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def empty_programme(tmp_path_factory) -> Path:
    """A file holding the demo programme's strands and nobody else."""
    from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme

    path = tmp_path_factory.mktemp("empty") / "programme.mentordesk"
    with ProgrammeFile.create(path, PASSPHRASE) as opened, opened.session() as s:
        create_programme(
            s,
            ProgrammeInput(
                "ADVANCE 2026",
                strands=[StrandInput("Faculty"), StrandInput("Fellows"), StrandInput("Circles")],
            ),
        )
    return path


def run(action: str, db: Path, file: Path) -> tuple[float, float, float]:
    env = {**os.environ, "MENTORDESK_PASSPHRASE": PASSPHRASE}
    result = subprocess.run(
        [sys.executable, str(RUNNER), action, str(db), str(file)],
        env=env, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    seconds, peak, before = (float(x) for x in result.stdout.split())
    return seconds, peak, before


def test_import_ten_thousand_applications(applications_xlsx, empty_programme, tmp_path):
    timings, peaks = [], []
    for n in range(3):
        db = tmp_path / f"run{n}.mentordesk"
        shutil.copy(empty_programme, db)
        seconds, peak, before = run("import", db, applications_xlsx)
        timings.append(seconds)
        peaks.append(peak)
    report("import 10,000 applications from .xlsx (read, check, commit)", timings, 3.0)
    print(f"[bench] import peak memory: {max(peaks):.0f} MB for the whole process "
          f"({before:.0f} MB before the import began); target 300 MB")  # fmt: skip


def test_export_ten_thousand_people(large_store, tmp_path):
    timings, peaks = [], []
    for n in range(3):
        seconds, peak, before = run("export", large_store, tmp_path / f"export{n}.xlsx")
        timings.append(seconds)
        peaks.append(peak)
    report("export the whole programme of 10,000 people to .xlsx", timings, 3.0)
    print(f"[bench] export peak memory: {max(peaks):.0f} MB for the whole process "
          f"({before:.0f} MB before the export began); target 300 MB")  # fmt: skip


def test_export_the_applicants_view_of_ten_thousand(large_store, tmp_path):
    timings = []
    for n in range(3):
        seconds, _peak, _before = run("export-view", large_store, tmp_path / f"view{n}.xlsx")
        timings.append(seconds)
    report("export the Applicants view, 10,000 rows x 10 columns, to .xlsx", timings, 3.0)
