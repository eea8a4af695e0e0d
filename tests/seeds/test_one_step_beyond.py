"""One Step Beyond from an empty file by mentordesk-cli alone: a staff scheme on UK grades.

Max four mentees per mentor, at most two grades above, outside the reporting
line (the manager's manager too), technical staff matched within their track;
mentees choose from a shortlist, or the coordinator matches them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from mentordesk.store.models import Pairing, Person, Strand
from tests.helpers.seed_applicants import ONE_STEP_BEYOND
from tests.seeds.runner import (
    Pair,
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

OSB = ONE_STEP_BEYOND.programme
#: A technician who moves to another team after applying, and her new line manager.
MOVED, NEW_MANAGER = "n.byrne@cles.example", "g.hughes@cles.example"
#: A technician three steps below the head of technical services.
TECHNICIAN = "t.zielinski@cles.example"


@pytest.fixture(scope="module")
def one_step_beyond(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """One Step Beyond from an empty file: created, imported, shortlisted, matched, copied."""
    run, form = started(tmp_path_factory.mktemp("one-step-beyond"), ONE_STEP_BEYOND)
    run(
        "create", "programme", "create", OSB, "--template", "staff-scheme",
        "--timezone", "Europe/London", "--starts", "2027-01-18", "--ends", "2027-12-17",
        "--applications-close", "2026-12-18", "--mentees-per-mentor", "4", "--grade-gap", "2",
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("shortlist", "match", "--mode", "shortlist", "--shortlist-size", "3", "--json")
    run("match", "match", "--apply", "--json")
    # A technician moves to another team; a loop in the reporting line is refused.
    run("moved", "person", "set", MOVED, "--line-manager", NEW_MANAGER)
    run("loop", "person", "set", "j.whitfield@cles.example", "--line-manager", TECHNICIAN)
    run("rematch", "match", "--json")
    run("edit", "programme", "edit", OSB, "--mentees-per-mentor", "3", "--answer-days", "10")
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", OSB, "One Step Beyond 2028", "--starts", "2028-01-17")
    run("alumni", "programme", "alumni", "One Step Beyond 2028", "--json")
    return run


def test_one_step_beyond_is_created_from_the_staff_scheme_template(
    one_step_beyond: SeedRun,
) -> None:
    run = one_step_beyond
    run.ran["create"].ok()
    listed = run.listed("created")
    assert (listed["mentees_per_mentor"], listed["grade_gap"]) == (4, 2)
    assert listed["timezone"] == "Europe/London"
    with run.session() as s:
        programme = run.programme(s)
        assert programme.within_track is True
        stages = stages_of(s, programme)
    tracks = Counter(track for _, track, _ in stages)
    assert tracks == {"Academic and research": 6, "Technical and professional services": 7}
    assert ("Senior lecturer (grade 8)", "Academic and research", 8) in stages
    assert ("Grade 4", "Technical and professional services", 4) in stages


def test_one_step_beyond_import_guesses_every_grade_and_finds_every_line_manager(
    one_step_beyond: SeedRun,
) -> None:
    run, seed = one_step_beyond, ONE_STEP_BEYOND
    out = run.ran["import"].ok().out
    assert "20 added" in out
    assert counted(summary_line(out, "guess"), 20)
    managed = sum(1 for a in seed.applicants if a.line_manager)
    assert counted(summary_line(out, "line manager"), managed)
    with run.session() as s:
        people = {p.email.lower(): p for p in s.scalars(select(Person))}
        for applicant in seed.applicants:
            person = people[applicant.email.lower()]
            assert (person.stage, person.stage_guessed) == (applicant.stage, True), (
                applicant.position
            )
            manager = person.line_manager.email.lower() if person.line_manager else ""
            # (one technician's line manager is changed after the import, below)
            wanted = NEW_MANAGER if applicant.email == MOVED else applicant.line_manager
            assert manager == wanted.lower(), applicant.name


def _check_staff_rules(pairs: list[Pair], moved: dict[str, str] | None = None) -> None:
    """One Step Beyond's rules on each pair: outside the reporting line, ≤ 2 grades, same track.

    ``moved``: line managers changed since the form (person's email → manager's).
    """
    for pair in pairs:
        chain = ONE_STEP_BEYOND.chain(pair.mentee.email, moved)
        assert pair.mentor.email.lower() not in chain, (
            f"{pair.mentor.name} is in {pair.mentee.name}'s reporting line"
        )
        assert pair.mentor.track == pair.mentee.track, (
            f"{pair.mentor.name} ({pair.mentor.track}) proposed for {pair.mentee.name} "
            f"({pair.mentee.track})"
        )
    check_seniority(pairs, 2)


def test_one_step_beyond_shortlists_only_mentors_outside_the_reporting_line_on_the_same_track(
    one_step_beyond: SeedRun,
) -> None:
    listed = one_step_beyond.pairs("shortlist", key="entries")
    _check_staff_rules(listed)
    mentees = {a.email for a in ONE_STEP_BEYOND.applicants if a.role.value == "mentee"}
    assert {pair.mentee.email for pair in listed} == mentees, "a mentee was offered no mentor"


def test_one_step_beyond_proposals_keep_every_rule_and_capacity(one_step_beyond: SeedRun) -> None:
    run = one_step_beyond
    assert run.ran["match"].json()["saved"] is True
    pairs = run.pairs("match")
    _check_staff_rules(pairs)
    load = Counter(pair.mentor.email for pair in pairs)
    for email, taken in load.items():
        offered = ONE_STEP_BEYOND.by_email(email).capacity or 4
        assert taken <= min(offered, 4), f"{email} has {taken} mentees, offered {offered}"
    # Five technicians' mentors are all but two in their reporting line or on
    # another track; those two offer four places and one: one technician waits.
    technicians = [a for a in ONE_STEP_BEYOND.applicants if a.stage == "Grade 4"]
    left = run.unmatched("match")
    assert [a.stage for a in left] == ["Grade 4"]
    assert len(pairs) == 3 + len(technicians) - 1
    with run.session() as s:
        drafts = s.scalars(select(Pairing).join(Strand).where(Pairing.draft.is_(True)))
        assert len(list(drafts)) == len(pairs)


def test_one_step_beyond_follows_a_reporting_line_changed_after_the_form(
    one_step_beyond: SeedRun,
) -> None:
    run = one_step_beyond
    assert "Line manager: Gareth Hughes" in run.ran["moved"].ok().out
    refused = run.ran["loop"]
    assert refused.status == 1
    assert "loop" in refused.err
    pairs = run.pairs("rematch")
    _check_staff_rules(pairs, {MOVED: NEW_MANAGER})
    (moved,) = [p for p in pairs if p.mentee.email == MOVED]
    # Her old team's senior technician, out of her reporting line now, covers both her needs.
    assert moved.mentor.name == "Alys Evans"
    with run.session() as s:
        head = s.scalars(select(Person).where(Person.email == "j.whitfield@cles.example")).one()
        assert head.line_manager is None


def test_one_step_beyond_edited_then_copied_to_next_year(one_step_beyond: SeedRun) -> None:
    run = one_step_beyond
    run.ran["edit"].ok()
    assert run.listed("edited")["mentees_per_mentor"] == 3
    run.ran["copy"].ok()
    with run.session() as s:
        old, new = run.programme(s), run.programme(s, "One Step Beyond 2028")
        assert old.response_days == 10
        assert new.copied_from_id == old.id
        assert new.starts_on == dt.date(2028, 1, 17)
        assert old.starts_on is not None
        assert old.ends_on is not None
        assert new.ends_on == old.ends_on + (new.starts_on - old.starts_on)
        assert (new.max_mentees_per_mentor, new.max_grade_gap, new.within_track) == (3, 2, True)
        assert new.response_days == 10
        assert stages_of(s, new) == stages_of(s, old)
        assert strands_of(new) == strands_of(old)
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
        assert applications_in(s, old) == len(ONE_STEP_BEYOND.applicants)
    assert alumni(run.ran["alumni"]) == participants(ONE_STEP_BEYOND, "Staff")
