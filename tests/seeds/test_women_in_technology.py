"""CERN Women in Technology from an empty file by mentordesk-cli alone: a committee scheme.

Six months, 11 pairs formed one to one from 15 mentees, of the same department or field.
The committee decides after the form closed (``applicants status``), publishes the
proposals, records the mentors' answers, and next year the same people apply again.
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
    check_seniority,
    counted,
    outcomes,
    participants,
    published_pairs,
    stages_of,
    started,
    strands_of,
    summary_line,
)

WIT = WOMEN_IN_TECHNOLOGY.programme


@pytest.fixture(scope="module")
def women_in_technology(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """Women in Technology from an empty file: 11 mentors, 15 mentees, pairs one to one."""
    run, form = started(tmp_path_factory.mktemp("wit"), WOMEN_IN_TECHNOLOGY, decisions=False)
    everyone = [a.email for a in WOMEN_IN_TECHNOLOGY.applicants]
    run(
        "create", "programme", "create", WIT, "--template", "committee",
        "--timezone", "Europe/Zurich", "--starts", "2027-05-03", "--mentees-per-mentor", "1",
        "--grade-gap", "5",
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("received", "applicants", "list", "--status", "received", "--json")
    run("accept", "applicants", "status", *everyone, "--status", "accepted")
    run("match", "match", "--apply", "--json")
    run("publish", "pairings", "publish")
    # The first mentor declines; the next two accept, and the second pair starts.
    declined, accepted, started_pair = run.pairs("match")[:3]
    run("decline", "pairings", "answer", declined.mentor.email, declined.mentee.email, "declined")
    for step, pair in (("accept 1", accepted), ("accept 2", started_pair)):
        run(step, "pairings", "answer", pair.mentor.email, pair.mentee.email, "accepted")
    run("active", "pairings", "status", started_pair.mentor.email, started_pair.mentee.email,
        "--status", "active", "--on", "2027-05-03")  # fmt: skip
    run("rematch", "match", "--publish", "--json")
    run("pairings", "pairings", "list", "--json")
    run("edit", "programme", "edit", WIT, "--letterhead", "CERN Women in Technology",
        "--ends", "2027-11-30")  # fmt: skip
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", WIT, "WIT Mentoring 2028")
    run("alumni", "programme", "alumni", "WIT Mentoring 2028", "--json")
    run("copied applications", "applicants", "list", "--programme", "WIT Mentoring 2028",
        "--json")  # fmt: skip
    run("copied pairings", "pairings", "list", "--programme", "WIT Mentoring 2028", "--json")
    # Next year the same people apply again: no pair of this year is proposed again.
    run("next import", "import", "applicants", str(form), "--programme", "WIT Mentoring 2028")
    run("next accept", "applicants", "status", *everyone, "--status", "accepted",
        "--programme", "WIT Mentoring 2028")  # fmt: skip
    run("next match", "match", "--programme", "WIT Mentoring 2028", "--json")
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
    # Copied without applications or pairings (the same people apply again below).
    assert run.ran["copied applications"].json() == run.ran["copied pairings"].json() == []
    assert alumni(run.ran["alumni"]) == participants(WOMEN_IN_TECHNOLOGY, "Mentoring")


def test_women_in_technology_committee_accepts_the_applications_after_the_form_closed(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    received = run.ran["received"].json()
    assert len(received) == len(WOMEN_IN_TECHNOLOGY.applicants)
    out = run.ran["accept"].ok().out
    assert out.splitlines()[-1] == (
        f"{len(WOMEN_IN_TECHNOLOGY.applicants)} applications of {WIT} now accepted."
    )
    assert out.count("received → accepted") == len(WOMEN_IN_TECHNOLOGY.applicants)


def test_women_in_technology_mentors_answer_the_published_proposals(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    assert "Published 11 proposals" in run.ran["publish"].ok().out
    declined, accepted, started_pair = run.pairs("match")[:3]
    assert "first on the Mentoring waitlist" in run.ran["decline"].ok().out
    run.ran["active"].ok()
    # The mentor who declined is free again, never for the mentee who was declined.
    assert (declined.mentor, declined.mentee) not in {
        (p.mentor, p.mentee) for p in run.pairs("rematch")
    }
    assert run.ran["rematch"].json()["published"] is True
    listed = {
        (row["mentor"]["email"], row["mentees"][0]["email"]): row
        for row in run.ran["pairings"].json()
    }
    assert not any(row["draft"] for row in listed.values())
    said = {
        pair: (listed[(pair.mentor.email, pair.mentee.email)]["status"],
               listed[(pair.mentor.email, pair.mentee.email)]["mentor_response"])
        for pair in (declined, accepted, started_pair)
    }  # fmt: skip
    assert said == {
        declined: ("ended_early", "declined"),
        accepted: ("proposed", "accepted"),
        started_pair: ("active", "accepted"),
    }


def test_women_in_technology_alumni_show_how_each_pairing_went(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    outcome = outcomes(run.ran["alumni"])
    declined, accepted, started_pair = run.pairs("match")[:3]
    # One pairing names its partner, as several do.
    assert outcome[(started_pair.mentor.email, "mentor")] == (
        f"Active with {started_pair.mentee.name}"
    )
    assert outcome[(started_pair.mentee.email, "mentee")] == (
        f"Active with {started_pair.mentor.name}"
    )
    assert outcome[(accepted.mentee.email, "mentee")] == (
        f"Proposed with {accepted.mentor.name}, mentor accepted"
    )
    rematch = run.pairs("rematch")
    rematched = {p.mentee.email for p in rematch}
    # Offered another mentor, who has not answered yet: both proposals are said, the decline last.
    offered = {p.mentee.email: p.mentor.name for p in rematch}
    assert outcome[(declined.mentee.email, "mentee")] == (
        f"Proposed with {offered[declined.mentee.email]}, no answer yet; a proposal declined "
        "by its mentor"
        if declined.mentee.email in offered
        else "Proposal declined by the mentor"
    )
    taken = {p.mentor.email: p.mentee.name for p in rematch}
    assert outcome[(declined.mentor.email, "mentor")] == (
        f"Proposed with {taken[declined.mentor.email]}, no answer yet; declined a proposal"
        if declined.mentor.email in taken
        else "Declined a proposal"
    )
    paired = {p.mentee.email for p in run.pairs("match")} | rematched
    for applicant in WOMEN_IN_TECHNOLOGY.applicants:
        if applicant.role.value == "mentee" and applicant.email not in paired:
            assert outcome[(applicant.email, "mentee")] == "Accepted, not paired"


def test_women_in_technology_next_year_never_proposes_a_pair_of_this_year(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    run.ran["next import"].ok()
    assert len(run.emails()) == len(WOMEN_IN_TECHNOLOGY.applicants)  # the same people
    run.ran["next accept"].ok()
    last_year = published_pairs(run.ran["pairings"])
    assert len(last_year) >= 11
    proposed = {(p.mentor.email, p.mentee.email) for p in run.pairs("next match")}
    assert proposed
    assert not proposed & last_year
