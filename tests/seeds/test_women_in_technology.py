"""CERN Women in Technology from an empty file by mentordesk-cli alone: a committee scheme.

Six months, 11 pairs formed one to one from 15 mentees, of the same department or field.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from mentordesk.domain.enums import FieldPreference
from tests.helpers.seed_applicants import WOMEN_IN_TECHNOLOGY
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

WIT = WOMEN_IN_TECHNOLOGY.programme


@pytest.fixture(scope="module")
def women_in_technology(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """Women in Technology from an empty file: 11 mentors, 15 mentees, pairs one to one."""
    run, form = started(tmp_path_factory.mktemp("wit"), WOMEN_IN_TECHNOLOGY)
    run(
        "create", "programme", "create", WIT, "--template", "committee",
        "--timezone", "Europe/Zurich", "--starts", "2027-05-03", "--mentees-per-mentor", "1",
        "--grade-gap", "5",
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("match", "match", "--apply", "--json")
    run("edit", "programme", "edit", WIT, "--letterhead", "CERN Women in Technology",
        "--ends", "2027-11-30")  # fmt: skip
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", WIT, "WIT Mentoring 2028")
    run("alumni", "programme", "alumni", "WIT Mentoring 2028", "--json")
    return run


def test_women_in_technology_is_a_six_month_committee_scheme_preferring_the_same_field(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    run.ran["create"].ok()
    listed = run.listed("created")
    assert (listed["duration_months"], listed["mentees_per_mentor"]) == (6, 1)
    with run.session() as s:
        programme = run.programme(s)
        assert programme.field_preference is FieldPreference.SAME
        assert [name for name, _, _ in stages_of(s, programme)][:2] == [
            "Student or fellow",
            "Junior staff",
        ]
    out = run.ran["import"].ok().out
    assert f"{len(WOMEN_IN_TECHNOLOGY.applicants)} added" in out
    assert counted(summary_line(out, "guess"), len(WOMEN_IN_TECHNOLOGY.applicants))


def test_women_in_technology_forms_eleven_pairs_most_sharing_a_department_or_field(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    pairs = run.pairs("match")
    assert len(pairs) == 11
    assert len(run.unmatched("match")) == 4
    assert max(Counter(pair.mentor.email for pair in pairs).values()) == 1
    check_seniority(pairs, 5)
    shared = [
        p
        for p in pairs
        if p.mentor.department == p.mentee.department or p.mentor.field == p.mentee.field
    ]
    assert len(shared) >= 9, [
        f"{p.mentee.name} ({p.mentee.field}) ← {p.mentor.name} ({p.mentor.field})" for p in pairs
    ]
    assert all("same field" in p.explanation or "same department" in p.explanation for p in shared)


def test_women_in_technology_edited_then_copied_to_next_year(women_in_technology: SeedRun) -> None:
    run = women_in_technology
    run.ran["edit"].ok()
    assert run.listed("edited")["ends"] == "2027-11-30"
    run.ran["copy"].ok()
    with run.session() as s:
        old, new = run.programme(s), run.programme(s, "WIT Mentoring 2028")
        assert old.letterhead_name == "CERN Women in Technology"
        assert new.letterhead_name == "CERN Women in Technology"
        assert (new.starts_on, new.ends_on) == (dt.date(2028, 5, 3), dt.date(2028, 11, 30))
        assert (new.duration_months, new.max_mentees_per_mentor, new.field_preference) == (
            6,
            1,
            FieldPreference.SAME,
        )
        assert stages_of(s, new) == stages_of(s, old)
        assert strands_of(new) == strands_of(old)
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
    assert alumni(run.ran["alumni"]) == participants(WOMEN_IN_TECHNOLOGY, "Mentoring")
