"""ADVANCE from an empty file by mentordesk-cli alone: University of Luxembourg, LIH, LISER, LIST.

Three strands, academic career stages guessed from positions in three
languages and confirmed, organisations spelled several ways counted as one
institution, cross-institution pairs only for really different institutions.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from mentordesk.domain.enums import StrandFormat
from mentordesk.store.models import Person, TrainingRequirement
from tests.helpers.seed_applicants import ADVANCE
from tests.seeds.runner import (
    SeedRun,
    alumni,
    applications_in,
    check_seniority,
    counted,
    pairings_in,
    participants,
    stages_of,
    started,
    strands_of,
    summary_line,
)

ADV = ADVANCE.programme
UL_FRENCH = "Université du Luxembourg"


@pytest.fixture(scope="module")
def advance(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """ADVANCE from an empty file: stages settled, organisations merged, matched, copied."""
    run, form = started(tmp_path_factory.mktemp("advance"), ADVANCE)
    run(
        "create", "programme", "create", ADV, "--template", "three-strands",
        "--starts", "2027-02-01", "--ends", "2027-12-31", "--applications-close", "2026-12-20",
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("stages", "programme", "stages", ADV, "--json")
    run("set stage", "person", "set", "yusuf.demir@lih.example", "--stage", "Research scientist")
    run("confirm", "programme", "stages", ADV, "--confirm-all")
    run("stages after", "programme", "stages", ADV, "--json")
    run("organisations", "organisations", "list", "--json")
    run("merge", "organisations", "merge", "--into", "University of Luxembourg", UL_FRENCH)
    run("match", "match", "--apply", "--json")
    run("circles", "match", "--mode", "circles", "--apply", "--json")
    run(
        "edit", "programme", "edit", ADV, "--strand", "Fellows:one-to-one:20",
        "--letterhead", "University of Luxembourg", "--applications-close", "2027-01-08",
    )  # fmt: skip
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", ADV, "ADVANCE 2028")
    run("alumni", "programme", "alumni", "ADVANCE 2028", "--json")
    return run


def test_advance_is_created_with_three_strands_academic_stages_and_orientation_for_all(
    advance: SeedRun,
) -> None:
    run = advance
    run.ran["create"].ok()
    with run.session() as s:
        programme = run.programme(s)
        assert {name: f for name, (f, _, _) in strands_of(programme).items()} == {
            "Faculty": StrandFormat.ONE_TO_ONE,
            "Fellows": StrandFormat.ONE_TO_ONE,
            "Circles": StrandFormat.GROUP,
        }
        names = [name for name, _, _ in stages_of(s, programme)]
        rules = s.scalar(
            select(func.count()).where(TrainingRequirement.programme_id == programme.id)
        )
    assert names[:3] == ["Doctoral candidate", "Research assistant", "Postdoctoral researcher"]
    assert rules == 2


def test_advance_import_guesses_stages_and_names_the_position_it_cannot_place(
    advance: SeedRun,
) -> None:
    run = advance
    out = run.ran["import"].ok().out
    assert f"{len(ADVANCE.applicants)} added" in out
    # The import counts the guessed stages `programme stages` lists afterwards (one of
    # each accepted applicant but the visiting researcher's), the declined one's apart.
    to_confirm = [
        a for a in ADVANCE.applicants if a.accepted and a.position != "Visiting researcher"
    ]
    listed = run.ran["stages"].json()
    assert len(listed["guessed"]) == len(to_confirm)
    assert counted(summary_line(out, "guessed from positions", "confirm"), len(to_confirm))
    declined = [a for a in ADVANCE.applicants if not a.accepted]
    assert counted(summary_line(out, "declined or withdrawn", "guessed"), len(declined))
    assert counted(summary_line(out, "late"), 1)  # marked late, not refused
    assert "Visiting researcher" in out + run.ran["import"].err
    assert [row["position"] for row in listed["unknown"]] == ["Visiting researcher"]
    run.ran["set stage"].ok()
    run.ran["confirm"].ok()
    after = run.ran["stages after"].json()
    assert (after["unknown"], after["guessed"]) == ([], [])
    with run.session() as s:
        people = {p.email.lower(): p for p in s.scalars(select(Person))}
    for applicant in ADVANCE.applicants:
        person = people[applicant.email.lower()]
        assert person.stage == applicant.stage, applicant.position
        # A declined applicant's guess is left for whoever takes them on later.
        assert person.stage_guessed is not applicant.accepted, applicant.name


def test_advance_counts_the_spellings_of_one_institution_as_one(advance: SeedRun) -> None:
    run = advance
    spelled = {
        group["name"]: {variant["text"] for variant in group["variants"]}
        for group in run.ran["organisations"].json()
    }
    (list_group,) = [variants for variants in spelled.values() if "LIST" in variants]
    assert list_group == {
        "LIST",
        "Luxembourg Institute of Science and Technology (LIST)",
        "luxembourg institute of science & technology",
    }
    assert not any(UL_FRENCH in variants and len(variants) > 1 for variants in spelled.values())
    run.ran["merge"].ok()


def test_advance_proposals_count_cross_institution_only_for_really_different_institutions(
    advance: SeedRun,
) -> None:
    run = advance
    pairs = run.pairs("match")
    assert {p.mentee.email for p in pairs} == {
        a.email
        for a in ADVANCE.applicants
        if a.role.value == "mentee" and a.accepted and a.strand != "Circles"
    }
    check_seniority(pairs, 2)
    for pair in pairs:
        cross = pair.mentor.institution != pair.mentee.institution
        assert ("cross-institution" in pair.explanation) == cross, (
            f"{pair.mentor.organisation} and {pair.mentee.organisation}: {pair.explanation}"
        )
    spelled_apart = [
        p
        for p in pairs
        if p.mentor.institution == p.mentee.institution
        and p.mentor.organisation != p.mentee.organisation
    ]
    assert len(spelled_apart) >= 3, "the cohort was meant to pair one institution spelled two ways"
    assert any(p.mentor.institution != p.mentee.institution for p in pairs)
    circles = run.ran["circles"].json()["strands"]
    (strand,) = circles
    (circle,) = strand["circles"]
    assert circle["facilitator"]["name"] == "Lena Koch"
    assert len(circle["mentees"]) == 4


def test_advance_edited_then_copied_to_next_year(advance: SeedRun) -> None:
    run = advance
    run.ran["edit"].ok()
    listed = run.listed("edited")
    assert listed["applications_close"] == "2027-01-08"
    assert {(s["name"], s["places"]) for s in listed["strands"]} == {
        ("Faculty", None),
        ("Fellows", 20),
        ("Circles", None),
    }
    run.ran["copy"].ok()
    with run.session() as s:
        old, new = run.programme(s), run.programme(s, "ADVANCE 2028")
        assert (old.letterhead_name, new.letterhead_name) == ("University of Luxembourg",) * 2
        assert new.applications_close_on == dt.date(2028, 1, 8)
        assert strands_of(new) == strands_of(old)
        assert stages_of(s, new) == stages_of(s, old)
        assert new.max_grade_gap == old.max_grade_gap == 2
        requirements = s.scalar(
            select(func.count()).where(TrainingRequirement.programme_id == new.id)
        )
        assert requirements == 2
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
    past = alumni(run.ran["alumni"])
    assert past == participants(ADVANCE)
    assert "ines.carvalho@liser.example" not in {email for email, *_ in past}  # declined
