"""mentordesk-cli match, run in-process on a real demo file."""

import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.store.models import Pairing
from mentordesk.store.programme_file import ProgrammeFile


@pytest.fixture
def demo_path(monkeypatch, demo_template, tmp_path, passphrase):
    """A copy of the demo file, with its passphrase in the environment as scripts set it."""
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return path


def drafts(path, passphrase):
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        return [
            (p.match_score, p.match_explanation)
            for p in s.scalars(select(Pairing).where(Pairing.draft.is_(True)))
        ]


@pytest.mark.parametrize("mode", ["optimal", "stable"])
def test_match_prints_proposals_unmatched_and_total_without_saving(
    demo_path, passphrase, capsys, mode
):
    assert main(["match", "--db", str(demo_path), "--mode", mode]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert f"{mode} mode:" in lines[-1]
    assert "total score" in lines[-1]
    assert any(" ← " in line for line in lines)
    assert drafts(demo_path, passphrase) == []


def test_match_apply_saves_draft_proposals_with_scores(demo_path, passphrase, capsys):
    assert main(["match", "--db", str(demo_path), "--apply"]) == 0
    out = capsys.readouterr().out
    proposed = sum(" ← " in line for line in out.splitlines())
    assert "draft proposals" in out
    saved = drafts(demo_path, passphrase)
    assert len(saved) == proposed
    assert all(score is not None and explanation for score, explanation in saved)


def test_match_shortlist_writes_a_workbook(demo_path, tmp_path, capsys):
    out = tmp_path / "shortlist.xlsx"
    args = ["match", "--db", str(demo_path), "--mode", "shortlist", "--shortlist-size", "2"]
    assert main([*args, "--out", str(out)]) == 0
    assert "Wrote the shortlist" in capsys.readouterr().out
    rows = list(load_workbook(out, read_only=True)["Shortlist"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Mentee", "Mentee email", "Rank")
    assert len(rows) > 1
    assert all(row[2] in (1, 2, None) for row in rows[1:])


def test_match_refuses_a_group_strand_and_an_unknown_one(demo_path, capsys):
    assert main(["match", "--db", str(demo_path), "--strand", "Circles"]) == 1
    assert "group strand" in capsys.readouterr().err
    assert main(["match", "--db", str(demo_path), "--strand", "Nope"]) == 1
    assert "no strand called" in capsys.readouterr().err


def test_match_of_one_strand(demo_path, capsys):
    assert main(["match", "--db", str(demo_path), "--strand", "fellows", "--mode", "stable"]) == 0
    assert "stable mode" in capsys.readouterr().out


def _add_circle_applicants(path, passphrase, mentees: int, facilitators: int) -> None:
    """Accept new people to the demo's Circles strand (its own members are all placed)."""
    from mentordesk.domain.enums import ApplicationStatus, Role
    from mentordesk.services.applicants import (
        ApplicationInput,
        PersonInput,
        add_application,
        add_person,
    )
    from mentordesk.services.programmes import strand_choices

    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        circles = next(c.id for c in strand_choices(s, 1) if c.name == "Circles")
        for n in range(mentees + facilitators):
            person = add_person(
                s,
                PersonInput(
                    "New", f"Member{n}", f"new{n}@circles.example", field=("Law", "Physics")[n % 2]
                ),
            )
            role = Role.MENTEE if n < mentees else Role.MENTOR
            add_application(s, person, ApplicationInput(circles, role, ApplicationStatus.ACCEPTED))


def test_match_circles_prints_them_and_apply_saves_draft_circles(demo_path, passphrase, capsys):
    _add_circle_applicants(demo_path, passphrase, mentees=5, facilitators=2)
    args = ["match", "--db", str(demo_path), "--mode", "circles", "--circle-size", "3"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert sum(line.startswith("Circles circle ") for line in out.splitlines()) == 2
    assert "circles of at most 3: 2 circles, 5 placed, 0 not placed." in out
    assert drafts(demo_path, passphrase) == []

    assert main([*args, "--strand", "circles", "--apply"]) == 0
    assert "Saved 2 draft circles" in capsys.readouterr().out
    with ProgrammeFile.open(demo_path, passphrase) as opened, opened.session() as s:
        saved = s.scalars(select(Pairing).where(Pairing.draft.is_(True))).all()
        assert sorted(len(p.members) for p in saved) == [2, 3]
        assert all(p.match_explanation.startswith("circle of ") for p in saved)


def test_match_circles_refuses_a_one_to_one_strand_and_a_tiny_circle(demo_path, capsys):
    args = ["match", "--db", str(demo_path), "--mode", "circles"]
    assert main([*args, "--strand", "Fellows"]) == 1
    assert "one-to-one strand" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main([*args, "--circle-size", "1"])
    assert exited.value.code == 2
    assert "--circle-size: expects a whole number from 2 to 50" in capsys.readouterr().err


def _forget_stages_in_fellows(path, passphrase) -> set[str]:
    """Blank the stage and position of everyone accepted to Fellows; return their names."""
    from mentordesk.domain.enums import ApplicationStatus
    from mentordesk.store.models import Application, Person, Strand

    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        people = s.scalars(
            select(Person)
            .join(Application)
            .join(Strand)
            .where(Application.status == ApplicationStatus.ACCEPTED, Strand.name == "Fellows")
        ).all()
        for person in people:
            person.stage, person.position, person.stage_guessed = "", "", False
        s.commit()
        return {person.full_name for person in people}


def test_match_names_the_people_whose_career_stage_is_unknown(demo_path, passphrase, capsys):
    names = _forget_stages_in_fellows(demo_path, passphrase)
    assert main(["match", "--db", str(demo_path), "--strand", "Fellows"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert "no known career stage" in last
    assert "seniority and the grade gap were not checked" in last
    assert main(["match", "--db", str(demo_path), "--strand", "Fellows", "--json"]) == 0
    listed = {entry["name"] for entry in json.loads(capsys.readouterr().out)["stage_unknown"]}
    assert listed
    assert listed <= names
