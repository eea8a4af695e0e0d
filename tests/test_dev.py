"""dev.py and the PDF-rendering tests: pdftoppm is installed, and CI never skips them silently."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

import dev
from mentordesk.formats.pdf import Document, Letterhead
from tests.helpers.pdf import render_pages


@pytest.fixture
def one_page(tmp_path: Path) -> Path:
    """A one-page PDF made with MentorDesk's own toolkit."""
    document = Document(Letterhead("Pilot 2026", dt.date(2026, 3, 1)), title="Rendering")
    document.title_block("Rendering", "one page")
    path = tmp_path / "one.pdf"
    document.write(path)
    return path


def _without_pdftoppm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH on which neither pdftoppm nor apt-get can be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("pdftoppm") is None


def _outcome(pdf: Path, tmp_path: Path) -> BaseException:
    """How render_pages ends without pdftoppm: caught here, so a skip cannot pass for success."""
    try:
        render_pages(pdf, tmp_path / "png")
    except BaseException as outcome:  # skip and fail are BaseExceptions
        return outcome
    raise AssertionError("render_pages returned pages without pdftoppm")


def test_without_pdftoppm_rendering_fails_in_ci_and_is_skipped_elsewhere(
    monkeypatch: pytest.MonkeyPatch, one_page: Path, tmp_path: Path
) -> None:
    _without_pdftoppm(monkeypatch, tmp_path)
    monkeypatch.setenv("CI", "true")
    in_ci = _outcome(one_page, tmp_path)
    assert isinstance(in_ci, pytest.fail.Exception), repr(in_ci)
    assert "pdftoppm" in str(in_ci)
    monkeypatch.delenv("CI")
    elsewhere = _outcome(one_page, tmp_path)
    assert isinstance(elsewhere, pytest.skip.Exception), repr(elsewhere)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="apt-get is for Linux")
def test_dev_py_names_the_command_when_it_cannot_install_pdftoppm(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _without_pdftoppm(monkeypatch, tmp_path)
    dev.ensure_pdf_renderer()
    out = capsys.readouterr().out
    assert "sudo apt-get install -y --no-install-recommends poppler-utils" in out


def test_dev_py_cli_runs_from_where_it_was_run_so_relative_files_mean_the_ones_there(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[tuple[list[str], object]] = []
    monkeypatch.setattr(dev, "ensure_environment", lambda: None)
    monkeypatch.setattr(
        dev.subprocess,
        "run",
        lambda command, cwd, env, check: seen.append((command, cwd)) or _Done(),
    )
    monkeypatch.chdir(tmp_path)
    assert dev.main(["cli", "info", "--db", "programme.mentordesk"]) == 0
    assert seen == [
        ([str(dev.BIN / "mentordesk-cli"), "info", "--db", "programme.mentordesk"], tmp_path)
    ]


class _Done:
    returncode = 0
