"""mentordesk-cli as scripts meet it: ``python -m mentordesk.cli`` in a real process.

Exit statuses (README, "mentordesk-cli"): 0 done, 1 an error in plain words on
stderr, 2 a wrong command line, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mentordesk import __version__
from mentordesk.cli import events as event_commands
from mentordesk.cli import file as file_commands
from mentordesk.cli.app import build_parser, main
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.cli import commands, run_in_child

PASSPHRASE = "subprocess test passphrase"


COMMANDS = dict(commands(build_parser()))


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a script: no passphrase set, a private home and temporary folder."""
    home = tmp_path_factory.mktemp("home")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MENTORDESK_")}
    (home / "tmp").mkdir()
    clean.update(HOME=str(home), TMPDIR=str(home / "tmp"), PYTHONIOENCODING="utf-8")
    return clean


def run_cli(
    args: list[str], env: dict[str, str], passphrase: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mentordesk.cli ARGS`` with stdin closed (not a terminal)."""
    if passphrase is not None:
        env = {**env, "MENTORDESK_PASSPHRASE": passphrase}
    return run_in_child(args, env)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """A demo programme file of 30 people, made by the CLI itself (read only by the tests)."""
    db = tmp_path_factory.mktemp("demo") / "demo.mentordesk"
    made = run_cli(["demo", "--db", str(db), "--size", "30"], env, PASSPHRASE)
    assert made.returncode == 0, made.stderr
    return db


def test_every_command_and_group_has_help_with_a_description(env: dict[str, str]) -> None:
    assert len(COMMANDS) > 25
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(
            zip(
                COMMANDS,
                pool.map(lambda path: run_cli([*path, "--help"], env), COMMANDS),
                strict=True,
            )
        )
    for path, result in results.items():
        name = " ".join(path)
        assert result.returncode == 0, f"{name}: {result.stderr}"
        assert result.stdout.startswith(f"usage: mentordesk-cli {name}"), name
        description = COMMANDS[path].description
        assert description, f"{name} has no description"
        # argparse re-wraps the text: compare its words.
        assert " ".join(description.split()[:6]) in " ".join(result.stdout.split()), name
        assert result.stderr == ""


def test_the_top_level_help_lists_every_command(env: dict[str, str]) -> None:
    result = run_cli(["--help"], env)
    assert result.returncode == 0
    top_level = {path[0] for path in COMMANDS}
    for name in top_level:
        assert f"    {name}" in result.stdout, name
    version = run_cli(["--version"], env)
    assert version.stdout.strip() == f"MentorDesk {__version__}"


@pytest.mark.parametrize(
    "path", sorted(p for p in COMMANDS if "--db" in COMMANDS[p].format_usage())
)
def test_every_command_on_a_file_takes_db_and_says_so(path: tuple[str, ...]) -> None:
    usage = COMMANDS[path].format_help()
    assert "--db FILE" in usage
    assert "the programme file" in usage


def test_listing_commands_offer_json() -> None:
    for path in [("info",), ("events",), ("match",), ("surveys", "list"), ("templates", "list")]:
        assert "--json" in COMMANDS[path].format_help(), path


def test_a_wrong_passphrase_exits_1_with_a_message_and_never_echoes_it(
    tmp_path: Path, env: dict[str, str]
) -> None:
    db = tmp_path / "programme.mentordesk"
    ProgrammeFile.create(db, PASSPHRASE).close()
    wrong = "Not-The-Passphrase 7"
    result = run_cli(["info", "--db", str(db)], env, wrong)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("mentordesk-cli: The file did not open with this passphrase.")
    assert wrong not in result.stderr
    assert "Traceback" not in result.stderr
    # On the command line instead: refused as a usage error, and not repeated either.
    typed = run_cli(["info", "--db", str(db), f"--passphrase={wrong}"], env)
    assert typed.returncode == 2
    assert wrong not in typed.stdout + typed.stderr
    assert "MENTORDESK_PASSPHRASE" in typed.stderr


def test_a_missing_file_is_named_before_any_passphrase_is_asked(
    tmp_path: Path, env: dict[str, str]
) -> None:
    missing = tmp_path / "nowhere" / "programme.mentordesk"
    for passphrase in (None, PASSPHRASE):
        result = run_cli(["events", "--db", str(missing)], env, passphrase)
        assert result.returncode == 1
        assert result.stderr == (
            f"mentordesk-cli: There is no file at {missing}. It may have been moved or renamed.\n"
        )
    assert not missing.parent.exists()


def test_without_a_terminal_or_the_variable_there_is_no_passphrase(
    tmp_path: Path, env: dict[str, str]
) -> None:
    db = tmp_path / "programme.mentordesk"
    ProgrammeFile.create(db, PASSPHRASE).close()
    result = run_cli(["info", "--db", str(db)], env)
    assert result.returncode == 1
    assert "No passphrase: set MENTORDESK_PASSPHRASE" in result.stderr


def test_a_wrong_command_line_exits_2_with_usage(env: dict[str, str]) -> None:
    unknown = run_cli(["frobnicate"], env)
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("usage: mentordesk-cli")
    missing_db = run_cli(["events"], env)
    assert missing_db.returncode == 2
    assert "--db" in missing_db.stderr


def test_info_and_events_print_json_for_scripts(demo_db: Path, env: dict[str, str]) -> None:
    info = run_cli(["info", "--db", str(demo_db), "--json"], env, PASSPHRASE)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["file"] == str(demo_db)
    assert data["people"] == 30
    [programme] = data["programmes"]
    assert programme["name"] == "ADVANCE 2026"
    assert programme["applications"] == 30
    assert set(programme["strands"]) == {"Circles", "Faculty", "Fellows"}
    assert data["note"] is None

    events = run_cli(["events", "--db", str(demo_db), "--json"], env, PASSPHRASE)
    assert events.returncode == 0, events.stderr
    listing = json.loads(events.stdout)
    assert len(listing) == programme["events"]
    assert {"id", "kind", "title", "starts_at", "ends_at", "cancelled"} <= set(listing[0])
    assert all(isinstance(e["id"], int) for e in listing)


def test_match_prints_its_proposals_as_json(demo_db: Path, env: dict[str, str]) -> None:
    result = run_cli(["match", "--db", str(demo_db), "--json"], env, PASSPHRASE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["mode"] == "optimal"
    assert data["saved"] is False
    assert data["proposals"]
    first = data["proposals"][0]
    assert set(first) == {"mentee", "mentor", "score", "fixed", "explanation"}
    assert first["mentee"]["name"]
    assert data["total"] == pytest.approx(sum(p["score"] for p in data["proposals"]), abs=0.01)
    circles = run_cli(
        ["match", "--db", str(demo_db), "--mode", "circles", "--json"], env, PASSPHRASE
    )
    assert circles.returncode == 0, circles.stderr
    assert json.loads(circles.stdout)["strands"][0]["strand"] == "Circles"


def test_an_unexpected_error_exits_1_naming_only_its_type(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("Jane Doe <jane@example.org> broke it")

    monkeypatch.setattr(file_commands, "_info", broken)
    monkeypatch.delenv("MENTORDESK_DEBUG", raising=False)
    assert main(["info", "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "unexpected error (RuntimeError)" in err
    assert "Jane" not in err
    monkeypatch.setenv("MENTORDESK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="Jane Doe"):
        main(["info", "--db", str(demo_db)])


def test_ctrl_c_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    def interrupted(_args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(event_commands, "_events", interrupted)
    assert main(["events", "--db", str(demo_db)]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_a_file_that_cannot_be_read_exits_1_with_the_system_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    def refused(_args: argparse.Namespace) -> int:
        raise PermissionError(13, "Permission denied", "/srv/share/report.pdf")

    monkeypatch.setattr(file_commands, "_info", refused)
    assert main(["info", "--db", str(demo_db)]) == 1
    assert capsys.readouterr().err.startswith(
        "mentordesk-cli: Permission denied: /srv/share/report.pdf."
    )
