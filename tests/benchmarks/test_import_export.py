"""Importing applications from .xlsx (10,000 in under 3 s; 100,000 in under 10 s and 400 MB)
and exporting 10,000 people (under 3 s).

The imports are measured against a floor: the bare reader and driver doing the
least any import of the file must (see ``import_export_run.floor``).
"""

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from mentordesk.store.programme_file import ProgrammeFile
from tests.benchmarks.conftest import PASSPHRASE, report

RUNNER = Path(__file__).with_name("import_export_run.py")
#: A form's export as Microsoft or Google Forms write it: 16 questions, two of them
#: kept as other answers, a consent question, roles and strands in the form's words.
HEADERS = [
    "Timestamp", "Email address", "Your full name", "Institution", "Department",
    "What would you like to get out of the programme?",
    "Which areas would you like support with?", "How often can you meet?",
    "Which strand are you applying for?", "I am applying as a",
    "Topics you could mentor on (choose all that apply)",
    "Which languages are you comfortable mentoring in?", "What is your current position?",
    "How did you hear about the programme?", "Anything else you would like us to know?",
    "I agree to the processing of my personal data for the mentoring programme",
]  # fmt: skip
HEARD = ("A colleague", "The staff newsletter", "My head of department", "The intranet")


def write_applications(path: Path, rows: int) -> Path:
    """A Forms-style workbook of ``rows`` applications in the columns above."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Form1")
    sheet.append(HEADERS)
    for n in range(rows):
        sheet.append([
            dt.datetime(2026, 1, 1, 9) + dt.timedelta(minutes=n),
            f"applicant{n}@bench.example", f"First{n} Last{n}", "University of Luxembourg",
            f"Department {n % 12}", "A clearer plan for the next three years",
            ("Grant writing", "Balancing teaching and research", "Networking")[n % 3],
            ("Once a month", "Every two weeks")[n % 2], ("Faculty", "Fellows", "Circles")[n % 3],
            ("Mentee", "Mentor")[n % 2], "Grant writing;Leadership;", "English;French;",
            "Postdoctoral researcher", HEARD[n % 4], "" if n % 5 else f"Part time ({n % 7} days)",
            "I agree",
        ])  # fmt: skip
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def applications_xlsx(tmp_path_factory) -> Path:
    """10,000 applications, 16 columns."""
    return write_applications(tmp_path_factory.mktemp("import") / "applications.xlsx", 10_000)


@pytest.fixture(scope="module")
def hundred_thousand_xlsx(tmp_path_factory) -> Path:
    """100,000 applications, 16 columns (about 15 s to write)."""
    return write_applications(tmp_path_factory.mktemp("import") / "100k.xlsx", 100_000)


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


def _imports(action: str, programme: Path, source: Path, folder: Path, runs: int):
    timings, peaks = [], []
    for n in range(runs):
        db = folder / f"{action}{n}.mentordesk"
        shutil.copy(programme, db)
        seconds, peak, before = run(action, db, source)
        timings.append(seconds)
        peaks.append(peak)
    return timings, peaks, before


def _measure(name: str, source: Path, programme: Path, folder: Path, runs: int,
             target: float, memory: float) -> None:  # fmt: skip
    timings, peaks, before = _imports("import", programme, source, folder, runs)
    floor, floor_peaks, _ = _imports("floor", programme, source, folder, runs)
    report(f"{name} (read, check, commit)", timings, target)
    report("floor: the bare reader and driver, unchecked, a person and an application a row",
           floor, target)  # fmt: skip
    ratio = statistics.median(timings) / statistics.median(floor)
    verdict = "meets" if max(peaks) <= memory else "MISSES"
    print(f"[bench] import over floor: {ratio:.1f}x")
    print(f"[bench] import peak memory: {max(peaks):.0f} MB for the whole process "
          f"({before:.0f} MB before the import began; floor {max(floor_peaks):.0f} MB); "
          f"target {memory:.0f} MB ({verdict})")  # fmt: skip


def test_import_ten_thousand_applications(applications_xlsx, empty_programme, tmp_path):
    _measure("import 10,000 applications from .xlsx, 16 columns", applications_xlsx,
             empty_programme, tmp_path, 3, 3.0, 300)  # fmt: skip


def test_import_a_hundred_thousand_applications(hundred_thousand_xlsx, empty_programme, tmp_path):
    _measure("import 100,000 applications from .xlsx, 16 columns", hundred_thousand_xlsx,
             empty_programme, tmp_path, 3, 10.0, 400)  # fmt: skip


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
