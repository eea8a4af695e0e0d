"""mentordesk-cli organisations list, merge and unmerge, on real files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mentordesk.cli.app import build_parser, main
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.cli import commands, run_in_child

LIST_FULL = "Luxembourg Institute of Science and Technology"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file made by ``init`` holding six people who write three organisations six ways."""
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "office.mentordesk"
    assert main(["init", "--db", str(path)]) == 0
    with ProgrammeFile.open(path, PASSPHRASE) as opened, opened.session() as s:
        for number, organisation in enumerate(
            [
                f"{LIST_FULL} (LIST)",
                LIST_FULL,
                "LIST",
                "University of Luxembourg",
                "Université du Luxembourg",
                "CERN",
            ]
        ):
            add_person(
                s, PersonInput("Test", f"Person {number}", f"p{number}@example.org", organisation)
            )
    return path


def _json_list(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["organisations", "list", "--db", str(db), "--json"]) == 0
    listed: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return listed


def test_the_commands_are_in_the_parser() -> None:
    names = {path for path, _parser in commands(build_parser())}
    assert {("organisations", "list"), ("organisations", "merge")} <= names


def test_list_groups_spellings_alike_with_their_counts(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["organisations", "list", "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{LIST_FULL} (3 people)",
        "  1  LIST",
        f"  1  {LIST_FULL}",
        f"  1  {LIST_FULL} (LIST)",
        "CERN (1 person)",
        "Université du Luxembourg (1 person)",
        "University of Luxembourg (1 person)",
    ]


def test_merge_then_list_as_json_then_unmerge(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "organisations",
            "merge",
            "--db",
            str(db),
            "--into",
            "University of Luxembourg",
            "Université du Luxembourg",
            "Uni.lu",
        ]
    )
    assert status == 0
    assert capsys.readouterr().out == "2 spellings now counted as University of Luxembourg.\n"
    university = next(g for g in _json_list(db, capsys) if g["name"] == "University of Luxembourg")
    assert university == {
        "name": "University of Luxembourg",
        "people": 2,
        "variants": [
            {"text": "Université du Luxembourg", "people": 1, "merged": True},
            {"text": "University of Luxembourg", "people": 1, "merged": False},
            {"text": "Uni.lu", "people": 0, "merged": True},
        ],
    }
    assert main(["organisations", "list", "--db", str(db)]) == 0
    assert "  1  Université du Luxembourg  (merged)" in capsys.readouterr().out.splitlines()

    assert main(["organisations", "unmerge", "--db", str(db), "Uni.lu"]) == 0
    assert capsys.readouterr().out == "Uni.lu: no longer counted as University of Luxembourg\n"
    names = [g["name"] for g in _json_list(db, capsys)]
    assert "University of Luxembourg" in names
    assert "Uni.lu" not in names


def test_a_merge_into_one_of_its_own_spellings_only_is_refused_in_plain_words(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["organisations", "merge", "--db", str(db), "--into", "CERN", "cern"])
    assert status == 1
    err = capsys.readouterr().err
    assert "Choose at least one other spelling to merge into “CERN”" in err
    assert "Traceback" not in err
    assert all(not g["variants"][0]["merged"] for g in _json_list(db, capsys))  # type: ignore[index]


def test_unmerging_a_spelling_never_merged_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["organisations", "unmerge", "--db", str(db), "CERN"]) == 1
    assert "“CERN” is not merged into another name." in capsys.readouterr().err


def test_an_empty_file_says_nobody_has_an_organisation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "empty.mentordesk"
    assert main(["init", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["organisations", "list", "--db", str(path)]) == 0
    assert capsys.readouterr().out == "Nobody in this file has an organisation recorded.\n"
    assert main(["organisations", "list", "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_installed_command_merges_in_a_child_process(db: Path) -> None:
    env = {**os.environ, "MENTORDESK_PASSPHRASE": PASSPHRASE}
    merged = run_in_child(["organisations", "merge", "--db", db, "--into", "LIST", LIST_FULL], env)
    assert (merged.returncode, merged.stderr) == (0, "")
    listed = run_in_child(["organisations", "list", "--db", db, "--json"], env)
    assert listed.returncode == 0
    groups = json.loads(listed.stdout)
    assert (groups[0]["name"], groups[0]["people"]) == ("LIST", 3)
    assert PASSPHRASE not in listed.stdout + listed.stderr + merged.stdout + merged.stderr
