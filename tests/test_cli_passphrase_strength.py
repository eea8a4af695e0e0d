"""mentordesk-cli init and passwd refuse a passphrase that is easy to guess, and say why."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from mentordesk.cli.app import main
from mentordesk.cli.common import NEW_PASSPHRASE_VARIABLE, PASSPHRASE_VARIABLE
from mentordesk.domain.errors import WrongPassphrase
from mentordesk.services.programmes import ProgrammeInput, create_programme
from mentordesk.store.programme_file import ProgrammeFile

WEAK = ["a", "password1", "mentordesk2026", "Jane Smith", "mentoring works"]


@pytest.mark.parametrize("weak", WEAK)
def test_init_refuses_a_weak_passphrase_and_makes_no_file(
    file_path: Path, weak: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, weak)
    assert main(["init", "--db", str(file_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("mentordesk-cli: This passphrase would be too easy to guess")
    assert "four or five random words" in captured.err
    if len(weak) > 2:
        assert weak.lower() not in captured.err.lower()
    assert list(file_path.parent.iterdir()) == []


def test_init_names_the_file_as_a_weakness(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "fellows-2027.mentordesk"
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "Fellows-2027")
    assert main(["init", "--db", str(target)]) == 1
    assert "the file's or the programme's name" in capsys.readouterr().err
    assert not target.exists()


def test_init_accepts_four_random_words(
    file_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "lantern orbit velvet cactus")
    assert main(["init", "--db", str(file_path)]) == 0
    assert "Created" in capsys.readouterr().out
    ProgrammeFile.open(file_path, "lantern orbit velvet cactus").close()


def test_a_typed_weak_passphrase_is_refused_before_it_is_asked_again(
    file_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(PASSPHRASE_VARIABLE, raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return "password1"

    monkeypatch.setattr(getpass, "getpass", typed)
    assert main(["init", "--db", str(file_path)]) == 1
    assert prompts == ["Passphrase: "]
    assert "four or five random words" in capsys.readouterr().err
    assert not file_path.exists()


@pytest.fixture
def advance_file(file_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file holding the programme ADVANCE 2026, its passphrase in the environment."""
    with ProgrammeFile.create(file_path, passphrase) as made, made.session() as session:
        create_programme(session, ProgrammeInput(name="ADVANCE 2026", strands=[]))
    monkeypatch.setenv(PASSPHRASE_VARIABLE, passphrase)
    return file_path


@pytest.mark.parametrize("weak", [*WEAK, "advance 2026 mentoring"])
def test_passwd_refuses_a_weak_new_passphrase_and_keeps_the_old_one(
    advance_file: Path,
    passphrase: str,
    weak: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(NEW_PASSPHRASE_VARIABLE, weak)
    assert main(["passwd", "--db", str(advance_file)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "four or five random words" in captured.err
    assert weak.lower() not in captured.err.lower() or len(weak) <= 2
    ProgrammeFile.open(advance_file, passphrase).close()
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(advance_file, weak)
    assert not (advance_file.parent / f"{advance_file.name}.backups").exists()


def test_passwd_accepts_a_strong_new_passphrase(
    advance_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NEW_PASSPHRASE_VARIABLE, "maple quarry tundra bishop")
    assert main(["passwd", "--db", str(advance_file)]) == 0
    ProgrammeFile.open(advance_file, "maple quarry tundra bishop").close()


def test_opening_a_file_never_judges_its_passphrase(
    file_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ProgrammeFile.create(file_path, "password1").close()
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "password1")
    assert main(["info", "--db", str(file_path)]) == 0
    assert "0 programme(s)" in capsys.readouterr().out
