"""A mid-career faculty scheme from an empty file by mentordesk-cli alone.

A blank programme with its own three career stages, one-to-one mentoring one
stage up and a mentoring network meeting as a circle.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from mentordesk.domain.enums import StrandFormat
from tests.helpers.seed_applicants import MID_CAREER, MID_CAREER_STAGES, NETWORK, ONE_TO_ONE
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

MID = MID_CAREER.programme
MID_RENAMED = "Mid-career faculty mentoring (pilot) 2027"


@pytest.fixture(scope="module")
def mid_career(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """The mid-career scheme from a blank programme: its own stages and strands."""
    run, form = started(tmp_path_factory.mktemp("mid-career"), MID_CAREER)
    run(
        "create", "programme", "create", MID, "--template", "blank",
        "--timezone", "America/Chicago", "--starts", "2027-08-16", "--duration-months", "24",
        "--strand", f"{ONE_TO_ONE}:one-to-one:10", "--strand", f"{NETWORK}:group:12",
        "--mentees-per-mentor", "2", "--grade-gap", "1", "--stages", MID_CAREER_STAGES,
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("match", "match", "--apply", "--json")
    run("circles", "match", "--mode", "circles", "--apply", "--json")
    run("edit", "programme", "edit", MID, "--rename", MID_RENAMED, "--retire-strand", NETWORK)
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", MID_RENAMED, "Mid-career faculty mentoring 2028",
        "--starts", "2028-08-21")  # fmt: skip
    run("alumni", "programme", "alumni", "Mid-career faculty mentoring 2028", "--json")
    run("restore", "programme", "edit", MID_RENAMED, "--restore-strand", NETWORK)
    run("restored", "programme", "list", "--json")
    return run


def test_mid_career_scheme_is_a_blank_programme_with_its_own_stages_and_strands(
    mid_career: SeedRun,
) -> None:
    run = mid_career
    run.ran["create"].ok()
    listed = run.listed("created")
    # Written as --strand takes them, retired or not.
    assert [(s["name"], s["format"], s["places"], s["retired"]) for s in listed["strands"]] == [
        (NETWORK, "group", 12, False),
        (ONE_TO_ONE, "one-to-one", 10, False),
    ]
    assert (listed["grade_gap"], listed["duration_months"]) == (1, 24)
    with run.session() as s:
        programme = run.programme(s, MID_RENAMED)
        assert programme.template == "blank"
        assert stages_of(s, programme) == [
            ("Assistant professor", "", 1),
            ("Associate professor", "", 2),
            ("Full professor", "", 3),
        ]
    out = run.ran["import"].ok().out
    assert f"{len(MID_CAREER.applicants)} added" in out
    assert counted(summary_line(out, "guess"), len(MID_CAREER.applicants))


def test_mid_career_pairs_are_one_stage_apart_and_the_network_meets_as_a_circle(
    mid_career: SeedRun,
) -> None:
    run = mid_career
    pairs = run.pairs("match")
    check_seniority(pairs, 1)
    assert len(pairs) == 4
    assert max(Counter(p.mentor.email for p in pairs).values()) <= 2
    assistant = next(p for p in pairs if p.mentee.stage == "Assistant professor")
    assert assistant.mentor.name == "Patricia Gomez"
    (strand,) = run.ran["circles"].json()["strands"]
    (circle,) = strand["circles"]
    assert circle["facilitator"]["name"] == "Evelyn Carter"
    assert len(circle["mentees"]) == 4


def test_mid_career_scheme_renamed_then_copied_without_its_retired_network(
    mid_career: SeedRun,
) -> None:
    run = mid_career
    run.ran["edit"].ok()
    network = {s["name"]: s for s in run.listed("edited", MID_RENAMED)["strands"]}[NETWORK]
    assert (network["format"], network["places"], network["retired"]) == ("group", 12, True)
    run.ran["copy"].ok()
    with run.session() as s:
        old = run.programme(s, MID_RENAMED)
        new = run.programme(s, "Mid-career faculty mentoring 2028")
        assert pairings_in(s, old) == 5  # the network's circle kept its history
        assert strands_of(new) == {ONE_TO_ONE: (StrandFormat.ONE_TO_ONE, 10, False)}
        assert stages_of(s, new) == stages_of(s, old)
        assert (new.max_grade_gap, new.max_mentees_per_mentor, new.duration_months) == (1, 2, 24)
        assert new.timezone == "America/Chicago"
        assert new.starts_on == dt.date(2028, 8, 21)
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
    listed = alumni(run.ran["alumni"])
    # Renamed before the copy: the alumni name the programme as it is called now.
    assert listed == {(e, r, s, MID_RENAMED) for e, r, s, _ in participants(MID_CAREER)}
    run.ran["restore"].ok()
    restored = {s["name"]: s for s in run.listed("restored", MID_RENAMED)["strands"]}
    assert restored[NETWORK]["retired"] is False
