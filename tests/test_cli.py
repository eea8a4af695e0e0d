"""mentordesk-cli, run as a real process: commands, plain errors, and a passphrase kept secret."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from mentordesk import APP_NAME, __version__
from mentordesk.cli.app import main
from mentordesk.cli.common import PASSPHRASE_VARIABLE
from mentordesk.services.demo import DEMO_PROGRAMME, build_demo
from mentordesk.services.programmes import count_people, list_programmes
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.cli import ROOT, run_in_child

_UNSET = object()


def run_cli(
    *args: str | Path, passphrase: object = _UNSET, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mentordesk.cli`` with stdin that is not a terminal.

    ``passphrase`` goes into MENTORDESK_PASSPHRASE; leave it out to unset the variable.
    Every run is checked never to print the passphrase or a traceback.
    """
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_VARIABLE}
    if passphrase is not _UNSET:
        assert isinstance(passphrase, str)
        env[PASSPHRASE_VARIABLE] = passphrase
    result = run_in_child(args, env, cwd=cwd or ROOT)
    output = result.stdout + result.stderr
    if isinstance(passphrase, str) and passphrase.strip():
        assert passphrase not in output
    assert "Traceback" not in output
    return result


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_prints_the_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def test_init_creates_a_file_that_opens_with_the_passphrase(
    file_path: Path, passphrase: str
) -> None:
    result = run_cli("init", "--db", file_path, passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    assert "Created" in result.stdout
    with ProgrammeFile.open(file_path, passphrase) as opened, opened.session() as session:
        assert list_programmes(session) == []
    assert sorted(p.name for p in file_path.parent.iterdir()) == [file_path.name]


def test_demo_then_info_shows_the_demo_programme(file_path: Path, passphrase: str) -> None:
    made = run_cli("demo", "--db", file_path, passphrase=passphrase)
    assert made.returncode == 0, made.stderr
    shown = run_cli("info", "--db", file_path, passphrase=passphrase)
    assert shown.returncode == 0, shown.stderr
    assert "1 programme(s), 60 people" in shown.stdout
    assert DEMO_PROGRAMME in shown.stdout
    assert "Circles, Faculty, Fellows" in shown.stdout
    assert "11 events" in shown.stdout


def test_demo_size_sets_the_number_of_people(
    file_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, passphrase)
    assert main(["demo", "--db", str(file_path), "--size", "120"]) == 0
    with ProgrammeFile.open(file_path, passphrase) as opened, opened.session() as session:
        assert count_people(session) == 120


def test_info_names_one_programme_on_request(
    file_path: Path,
    passphrase: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, passphrase)
    assert main(["demo", "--db", str(file_path)]) == 0
    capsys.readouterr()
    assert main(["info", "--db", str(file_path), "--programme", "advance 2026"]) == 0
    assert DEMO_PROGRAMME in capsys.readouterr().out
    assert main(["info", "--db", str(file_path), "--programme", "Nope"]) == 1
    captured = capsys.readouterr()
    assert "no programme called “Nope”" in captured.err
    assert passphrase not in captured.out + captured.err


@pytest.mark.parametrize("size", ["0", "-3", "100001", "99999999999"])
def test_demo_refuses_a_size_outside_its_range_as_a_usage_error_and_makes_no_file(
    file_path: Path,
    passphrase: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    size: str,
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, passphrase)
    with pytest.raises(SystemExit) as exited:
        main(["demo", "--db", str(file_path), "--size", size])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --size: expects a whole number from 1 to 100,000" in err
    assert size == "0" or size not in err
    assert not file_path.exists()


def test_wrong_passphrase_is_a_plain_error(file_path: Path, passphrase: str) -> None:
    assert run_cli("init", "--db", file_path, passphrase=passphrase).returncode == 0
    before = sha256(file_path)
    result = run_cli("info", "--db", file_path, passphrase=passphrase + "!")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("mentordesk-cli: ")
    assert "passphrase" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert sha256(file_path) == before
    assert sorted(p.name for p in file_path.parent.iterdir()) == [file_path.name]


@pytest.mark.parametrize("command", ["init", "demo"])
@pytest.mark.parametrize("blank", ["", " \t "])
def test_blank_passphrase_is_refused_and_makes_no_file(
    file_path: Path, command: str, blank: str
) -> None:
    result = run_cli(command, "--db", file_path, passphrase=blank)
    assert result.returncode == 1
    assert "passphrase cannot be empty" in result.stderr
    assert list(file_path.parent.iterdir()) == []


@pytest.mark.parametrize("command", ["init", "info"])
def test_without_the_variable_or_a_terminal_the_message_names_the_variable(
    file_path: Path, command: str
) -> None:
    if command == "info":  # a missing file is named first (tests/test_cli_subprocess.py)
        ProgrammeFile.create(file_path, "the passphrase").close()
    before = sorted(file_path.parent.iterdir())
    result = run_cli(command, "--db", file_path)
    assert result.returncode == 1
    assert PASSPHRASE_VARIABLE in result.stderr
    assert sorted(file_path.parent.iterdir()) == before


def test_there_is_no_passphrase_option(file_path: Path) -> None:
    result = run_cli("init", "--db", file_path, "--passphrase", "hunter2")
    assert result.returncode == 2
    assert "unknown arguments" in result.stderr
    assert "hunter2" not in result.stderr
    assert not file_path.exists()


@pytest.mark.parametrize("command", ["init", "demo", "info"])
def test_no_command_takes_a_passphrase_option(
    file_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--db", str(file_path), "--passphrase=hunter2"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "unknown arguments" in err
    assert "hunter2" not in err
    assert not file_path.exists()


@pytest.mark.parametrize("command", ["init", "demo"])
def test_an_existing_file_is_never_replaced(file_path: Path, passphrase: str, command: str) -> None:
    with ProgrammeFile.create(file_path, passphrase) as made:
        build_demo(made)
    before = sha256(file_path)
    result = run_cli(command, "--db", file_path, passphrase=passphrase)
    assert result.returncode == 1
    assert "already a file" in result.stderr
    assert sha256(file_path) == before
    with ProgrammeFile.open(file_path, passphrase) as opened, opened.session() as session:
        assert count_people(session) == 60


def test_info_on_a_missing_file_is_a_plain_error(tmp_path: Path, passphrase: str) -> None:
    result = run_cli("info", "--db", tmp_path / "nowhere.mentordesk", passphrase=passphrase)
    assert result.returncode == 1
    assert "There is no file" in result.stderr


def test_the_passphrase_never_appears_in_any_output(tmp_path: Path, passphrase: str) -> None:
    """A whole session of commands, including failures; ``run_cli`` checks every output."""
    first, second = tmp_path / "first.mentordesk", tmp_path / "second.mentordesk"
    outputs = [
        run_cli("init", "--db", first, passphrase=passphrase),
        run_cli("demo", "--db", second, passphrase=passphrase, cwd=tmp_path),
        run_cli("info", "--db", second, passphrase=passphrase),
        run_cli("info", "--db", second, passphrase=f"{passphrase} typo"),
        run_cli("init", "--db", second, passphrase=passphrase),
        run_cli("info", "--db", second, "--programme", "Missing", passphrase=passphrase),
        run_cli("info", "--db", tmp_path / "missing", passphrase=passphrase),
    ]
    assert [o.returncode for o in outputs] == [0, 0, 0, 1, 1, 1, 1]
    for output in outputs:
        text = output.stdout + output.stderr
        # Pieces of the passphrase too, in case it were quoted or escaped on the way out.
        for piece in ("horse", "battery", "staple"):
            assert piece not in text
