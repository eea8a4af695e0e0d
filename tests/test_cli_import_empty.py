"""mentordesk-cli imports of a file with a header row and no rows: exit 1, and nothing written.

The programme file is compared byte for byte before and after, and no backup
is made, since there is nothing to back up for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mentordesk.cli.app import main
from mentordesk.services.events import event_rows
from mentordesk.services.programmes import find_programme
from mentordesk.services.surveys import survey_rows
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state
from tests.helpers.workbooks import plain_workbook

APPLICATION_HEADERS = ["Timestamp", "Email address", "Full name", "Strand", "Role"]
NO_ROWS = "has a header row but no rows of answers under it"


@pytest.fixture
def demo_path(
    monkeypatch: pytest.MonkeyPatch, demo_template: Path, tmp_path: Path, passphrase: str
) -> Path:
    """A copy of the demo file, its passphrase in the environment as scripts set it."""
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return path


def _xlsx(path: Path, headers: list[str], rows: list[list[object]] | None = None) -> Path:
    return plain_workbook(path, headers, rows or [], title="Form1")


def _refused_without_writing(
    demo_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> str:
    before = file_state(demo_path)
    backups = list_backups(demo_path)
    assert main([*args, "--db", str(demo_path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert file_state(demo_path).sha256 == before.sha256
    assert list_backups(demo_path) == backups
    return captured.err


def test_a_workbook_with_only_a_header_row_is_refused_and_nothing_written(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "applications.xlsx", APPLICATION_HEADERS)
    message = _refused_without_writing(demo_path, ["import", "applicants", str(source)], capsys)
    assert f"Sheet “Form1” of “applications.xlsx” {NO_ROWS}" in message


def test_a_dry_run_of_a_header_only_workbook_says_the_same(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "applications.xlsx", APPLICATION_HEADERS)
    args = ["import", "applicants", str(source), "--dry-run"]
    assert NO_ROWS in _refused_without_writing(demo_path, args, capsys)


def test_a_csv_file_with_only_a_header_row_is_refused_and_nothing_written(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "applications.csv"
    source.write_text(",".join(APPLICATION_HEADERS) + "\r\n", encoding="utf-8")
    message = _refused_without_writing(demo_path, ["import", "applicants", str(source)], capsys)
    assert f"“applications.csv” {NO_ROWS}" in message


def test_a_workbook_whose_every_row_is_blank_is_refused_and_nothing_written(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank: list[list[object]] = [
        ["", "", "", "", ""],
        ["   ", None, "\u00a0", None, None],
        [None, "\u200b", "\ufeff", "\u200e", None],
    ]
    source = _xlsx(tmp_path / "applications.xlsx", APPLICATION_HEADERS, blank)
    message = _refused_without_writing(demo_path, ["import", "applicants", str(source)], capsys)
    assert NO_ROWS in message


def test_a_csv_file_whose_every_row_is_blank_is_refused(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "applications.csv"
    source.write_text(",".join(APPLICATION_HEADERS) + "\n,,,,\n \t, , , ,\n\n", encoding="utf-8")
    message = _refused_without_writing(demo_path, ["import", "applicants", str(source)], capsys)
    assert NO_ROWS in message


def test_a_survey_export_with_only_a_header_row_is_refused_and_nothing_written(
    demo_path: Path, passphrase: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ProgrammeFile.open(demo_path, passphrase) as opened, opened.session() as s:
        survey = survey_rows(s, find_programme(s, None).id)[0]
    export = _xlsx(
        tmp_path / "responses.xlsx", ["ID", "Start time", "Completion time", "Email", "Name"]
    )
    args = ["surveys", "import", str(export), "--survey", survey.title]
    assert NO_ROWS in _refused_without_writing(demo_path, args, capsys)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_attendance_report_with_only_a_header_row_is_refused_and_nothing_written(
    demo_path: Path,
    passphrase: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    with ProgrammeFile.open(demo_path, passphrase) as opened, opened.session() as s:
        event = event_rows(s, find_programme(s, None).id)[0]
    headers = ["Name", "Email", "Duration"]
    report = tmp_path / f"attendance{suffix}"
    if suffix == ".csv":
        report.write_text(",".join(headers) + "\n", encoding="utf-8")
    else:
        _xlsx(report, headers)
    args = ["attendance", "import", str(report), "--event", str(event.event_id)]
    message = _refused_without_writing(demo_path, args, capsys)
    assert f"“attendance{suffix}” has a header row but nobody listed under it" in message


def test_a_workbook_with_rows_still_imports(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[list[object]] = [
        [dt.datetime(2026, 1, 5, 10), "zora@uni.example", "Zora Tester", "Fellows", "Mentee"]
    ]
    source = _xlsx(tmp_path / "applications.xlsx", APPLICATION_HEADERS, rows)
    assert main(["import", "applicants", str(source), "--db", str(demo_path)]) == 0
    assert "1 added" in capsys.readouterr().out
