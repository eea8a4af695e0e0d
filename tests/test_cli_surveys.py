"""mentordesk-cli surveys: list, templates, add and import, in-process on real encrypted files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from mentordesk.cli.app import main
from mentordesk.services.programmes import ProgrammeInput, create_programme
from mentordesk.services.survey_templates import TEMPLATES
from mentordesk.services.surveys import response_rows, survey_rows
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile


@pytest.fixture
def demo_path(
    monkeypatch: pytest.MonkeyPatch, demo_template: Path, tmp_path: Path, passphrase: str
) -> Path:
    """A copy of the demo file, with its passphrase in the environment as scripts set it."""
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return path


@pytest.fixture
def pilot_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, passphrase: str) -> Path:
    """A file with one programme, no surveys, and Ana and Ben in it."""
    from mentordesk.services.applicants import PersonInput, add_person

    path = tmp_path / "pilot.mentordesk"
    with ProgrammeFile.create(path, passphrase) as created, created.session() as s:
        create_programme(s, ProgrammeInput(name="Pilot 2026"))
        for first in ("Ana", "Ben"):
            add_person(s, PersonInput(first, "Test", f"{first.lower()}@uni.example"))
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return path


def _export(path: Path, rows: list[list[object]]) -> Path:
    """A Microsoft Forms export of the programme feedback."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        [
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "Overall, how would you rate the programme?",
            "Would you recommend the programme to a colleague?",
        ]
    )
    t = dt.datetime(2026, 11, 20, 9, 30)
    for n, (email, rating, recommend) in enumerate(rows, start=1):
        sheet.append([n, t, t, email, "", rating, recommend])
    workbook.save(path)
    return path


def test_templates_need_no_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["surveys", "templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(TEMPLATES)
    assert "Pulse check (day 30)" in lines[3]
    assert "Mentors" in lines[-1]


def test_list_shows_the_demo_surveys_as_json(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["surveys", "list", "--db", str(demo_path), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    by_title = {s["title"]: s for s in listing}
    assert set(by_title) == {t.title for t in TEMPLATES.values()}
    pulse = by_title["Pulse check: day 90"]
    assert (pulse["kind"], pulse["day"], pulse["role"], pulse["items"]) == ("pulse", 90, None, 4)
    assert all(s["responses"] > 0 for s in listing)
    assert main(["surveys", "list", "--db", str(demo_path)]) == 0
    text = capsys.readouterr().out
    assert "Mentor self-assessment" in text
    assert "Self-assessment" in text


def test_add_a_template_then_refuse_it_twice(
    pilot_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["surveys", "add", "--db", str(pilot_path), "--template", "mentor_self_assessment"]
    assert main(args) == 0
    assert "Added “Mentor self-assessment” (19 items) to Pilot 2026." in capsys.readouterr().out
    assert main(args) == 1
    assert "already has a survey called “Mentor self-assessment”" in capsys.readouterr().err
    assert main([*args, "--title", "Mentor self-assessment (end)"]) == 0
    assert main(["surveys", "add", "--db", str(pilot_path), "--template", "nope"]) == 1
    assert "no survey template called “nope”" in capsys.readouterr().err


def test_import_dry_run_lists_the_unmatched_and_writes_nothing(
    pilot_path: Path, tmp_path: Path, passphrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["surveys", "add", "--db", str(pilot_path), "--template", "programme_feedback"])
    export = _export(
        tmp_path / "feedback.xlsx",
        [
            ("ana@uni.example", "5 - Excellent", "Yes"),
            ("anonymous", 4, "Yes"),
            ("zoe@elsewhere.example", 3, "No"),
        ],
    )
    args = ["surveys", "import", str(export), "--db", str(pilot_path)]
    assert main([*args, "--survey", "programme FEEDBACK", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Overall, how would you rate the programme? → item overall_rating" in out
    assert "Email → the respondent's email" in out
    assert "Row 3: not matched: an anonymous answer" in out
    assert "Row 4: not matched: nobody in the file has the email zoe@elsewhere.example" in out
    assert "1 rows matched to people, 2 not matched; 1 to import" in out
    assert "Dry run: 1 responses to import (0 replacing older ones); nothing written." in out
    with ProgrammeFile.open(pilot_path, passphrase) as opened, opened.session() as s:
        assert [r.responses for r in survey_rows(s, 1)] == [0]
    assert list_backups(pilot_path) == []


def test_import_writes_the_responses_after_a_backup(
    pilot_path: Path, tmp_path: Path, passphrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["surveys", "add", "--db", str(pilot_path), "--template", "programme_feedback"])
    export = _export(
        tmp_path / "feedback.xlsx",
        [("ana@uni.example", "Strongly agree", "Yes"), ("BEN@uni.example", 2, "No")],
    )
    args = ["surveys", "import", str(export), "--db", str(pilot_path)]
    assert main([*args, "--survey", "Programme feedback"]) == 0
    out = capsys.readouterr().out
    assert "Imported 2 responses from feedback.xlsx into “Programme feedback”" in out
    with ProgrammeFile.open(pilot_path, passphrase) as opened, opened.session() as s:
        survey = survey_rows(s, 1)[0]
        answers = {r.name: r.answers["overall_rating"] for r in response_rows(s, survey.survey_id)}
    assert answers == {"Ana Test": 5, "Ben Test": 2}
    assert [b.reason for b in list_backups(pilot_path)] == ["import"]


def test_import_refuses_unreadable_answers_and_files_with_nothing_to_import(
    pilot_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["surveys", "add", "--db", str(pilot_path), "--template", "programme_feedback"])
    capsys.readouterr()
    bad = _export(
        tmp_path / "bad.xlsx",
        [("ana@uni.example", "Superb", "Yes"), ("ben@uni.example", 4, "Yes")],
    )
    args = [
        "surveys",
        "import",
        str(bad),
        "--db",
        str(pilot_path),
        "--survey",
        "Programme feedback",
    ]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "Row 2: problem: Overall, how would you rate the programme?: “Superb”" in captured.out
    assert "1 rows of bad.xlsx have answers that cannot be read" in captured.err
    assert main([*args, "--skip-rejected"]) == 0
    assert "Imported 1 responses" in capsys.readouterr().out
    strangers = _export(tmp_path / "strangers.xlsx", [("who@elsewhere.example", 4, "Yes")])
    args[2] = str(strangers)
    assert main(args) == 1
    assert "nothing in strangers.xlsx can be imported" in capsys.readouterr().err
    assert main([*args[:-1], "No such survey"]) == 1
    assert "There is no survey called “No such survey”" in capsys.readouterr().err
