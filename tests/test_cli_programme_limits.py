"""programme create/edit --grade-gap and --mentees-per-mentor: a number, or none for no limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk.cli.app import main
from mentordesk.services.programmes import get_programme, list_programmes
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new programme file made by ``init``: no programme in it."""
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "office.mentordesk"
    assert main(["init", "--db", str(path)]) == 0
    return path


def _limits(db: Path) -> tuple[int | None, int | None]:
    """The only programme's (mentees per mentor, grade gap) as stored."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        programme = get_programme(session, summary.id)
        return programme.max_mentees_per_mentor, programme.max_grade_gap


def test_edit_none_clears_a_limit_set_and_says_so(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["programme", "create", "Scheme", "--db", str(empty_db),
                 "--template", "staff-scheme"]) == 0  # fmt: skip
    assert _limits(empty_db) == (4, 2)
    capsys.readouterr()

    assert main(["programme", "edit", "Scheme", "--db", str(empty_db),
                 "--grade-gap", "none", "--mentees-per-mentor", "None"]) == 0  # fmt: skip

    assert capsys.readouterr().out.splitlines() == [
        "Mentees per mentor: 4 → no limit",
        "Grade gap: 2 → no limit",
    ]
    assert _limits(empty_db) == (None, None)
    assert main(["programme", "list", "--db", str(empty_db)]) == 0
    assert "  Mentees per mentor: no limit; grade gap: no limit" in capsys.readouterr().out
    # And back again.
    assert main(["programme", "edit", "Scheme", "--db", str(empty_db), "--grade-gap", "0"]) == 0
    assert capsys.readouterr().out == "Grade gap: no limit → 0\n"
    assert _limits(empty_db) == (None, 0)


def test_create_none_leaves_the_templates_limit_unset(empty_db: Path) -> None:
    assert main(["programme", "create", "Pilot", "--db", str(empty_db),
                 "--template", "three-strands", "--grade-gap", "none"]) == 0  # fmt: skip
    assert _limits(empty_db) == (None, None)


@pytest.mark.parametrize("value", ["-1", "51", "lots", "nothing"])
def test_a_limit_neither_a_number_in_range_nor_none_is_a_usage_error(
    empty_db: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["programme", "create", "Pilot", "--db", str(empty_db),
              "--mentees-per-mentor", value])  # fmt: skip
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--mentees-per-mentor" in err
    assert "expects a whole number from 1 to 50, or none for no limit" in err


def test_create_takes_the_templates_time_zone_unless_one_is_given(empty_db: Path) -> None:
    for name, extra in (("OSB", []), ("ADV", []), ("Paris", ["--timezone", "Europe/Paris"])):
        template = "three-strands" if name == "ADV" else "staff-scheme"
        assert (
            main(
                ["programme", "create", name, "--template", template, "--db", str(empty_db), *extra]
            )
            == 0
        )
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as s:
        zones = {p.name: p.timezone for p in list_programmes(s)}
    assert zones == {"OSB": "Europe/London", "ADV": "Europe/Luxembourg", "Paris": "Europe/Paris"}
