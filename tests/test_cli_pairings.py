"""mentordesk-cli pairings list, publish, answer and status, and match --publish, on a real file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.domain.enums import (
    ApplicationStatus,
    EndReason,
    MentorResponse,
    PairingStatus,
    Role,
)
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.programmes import find_programme, strand_choices
from mentordesk.store.models import Application, Pairing
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE

ADA, GRACE, ALAN = "ada@example.org", "grace@example.org", "alan@example.org"
#: Who is accepted to Fellows: (first name, last name, role).
ACCEPTED = (
    ("Ada", "Lovelace", Role.MENTEE),
    ("Grace", "Hopper", Role.MENTOR),
    ("Alan", "Turing", Role.MENTOR),
)


@pytest.fixture
def office_db(pilot_db: Path) -> Path:
    """Pilot 2026 with Ada accepted as a mentee in Fellows, Grace and Alan as mentors."""
    with ProgrammeFile.open(pilot_db, PASSPHRASE) as opened, opened.session() as s:
        programme = find_programme(s, "Pilot 2026")
        fellows = next(c.id for c in strand_choices(s, programme.id) if c.name == "Fellows")
        for first, last, role in ACCEPTED:
            person = add_person(s, PersonInput(first, last, f"{first.lower()}@example.org"))
            add_application(
                s, person, ApplicationInput(fellows, role, status=ApplicationStatus.ACCEPTED)
            )
    return pilot_db


def run(db: Path, *args: str) -> int:
    return main([*args, "--db", str(db)])


def listed(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """What ``pairings list --json`` says."""
    assert run(db, "pairings", "list", "--json") == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


def pairings(db: Path) -> list[Pairing]:
    """Every pairing in the file, by id (read after the command closed the file)."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as s:
        found = list(s.scalars(select(Pairing).order_by(Pairing.id)))
        s.expunge_all()
        return found


def ada_waitlist_rank(db: Path) -> int | None:
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as s:
        return s.scalar(select(Application.waitlist_rank).where(Application.role == Role.MENTEE))


def in_days(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


def test_a_proposal_is_listed_published_and_accepted_then_made_active(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "pairings", "list") == 0
    assert "has no pairing yet" in capsys.readouterr().out
    assert run(office_db, "match", "--apply") == 0
    capsys.readouterr()

    (draft,) = listed(office_db, capsys)
    mentor = draft["mentor"]["email"]
    assert mentor in (GRACE, ALAN)
    assert draft["mentees"] == [{"name": "Ada Lovelace", "email": ADA}]
    assert (draft["strand"], draft["status"], draft["draft"]) == ("Fellows", "proposed", True)
    assert (draft["mentor_response"], draft["answer_due"]) == ("none", "")
    assert run(office_db, "pairings", "list") == 0
    out = capsys.readouterr().out
    assert f"<{mentor}> ← Ada Lovelace <{ADA}>  (Proposed; draft, not published)" in out
    assert out.splitlines()[-1] == (
        "Pilot 2026: 1 pairing, 1 draft, 0 published (0 waiting for the mentor's answer)."
    )

    # A draft takes no answer: nobody has seen it yet.
    assert run(office_db, "pairings", "answer", mentor, ADA, "accepted") == 1
    assert "still a draft: publish it" in capsys.readouterr().err

    assert run(office_db, "pairings", "publish") == 0
    out = capsys.readouterr().out
    assert (
        f"Published 1 proposal of Pilot 2026: the mentors' answers are due on {in_days(7)}" in out
    )
    (published,) = pairings(office_db)
    assert (published.draft, published.response_due_on) == (
        False,
        dt.date.today() + dt.timedelta(7),
    )
    assert run(office_db, "pairings", "publish") == 0
    assert "Nothing to publish" in capsys.readouterr().out
    assert run(office_db, "pairings", "list") == 0
    assert f"(Proposed; published; no answer yet, due {in_days(7)})" in capsys.readouterr().out

    assert run(office_db, "pairings", "answer", mentor.upper(), ADA, "accepted") == 0
    assert "accepted to mentor Ada Lovelace" in capsys.readouterr().out
    (answered,) = listed(office_db, capsys)
    assert (answered["status"], answered["mentor_response"]) == ("proposed", "accepted")

    assert (
        run(
            office_db, "pairings", "status", mentor, ADA, "--status", "active", "--on", "2027-01-04"
        )
        == 0
    )
    assert "proposed → active; started 2027-01-04" in capsys.readouterr().out
    (active,) = pairings(office_db)
    assert (active.status, active.started_on) == (PairingStatus.ACTIVE, dt.date(2027, 1, 4))
    # An active pairing is no proposal waiting for an answer.
    assert run(office_db, "pairings", "answer", mentor, ADA, "declined") == 1
    assert "is active, not a proposal" in capsys.readouterr().err
    assert pairings(office_db)[0].mentor_response is MentorResponse.ACCEPTED


def test_a_decline_ends_the_proposal_and_the_next_match_offers_the_other_mentor(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "match", "--publish", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["saved"], shown["published"], shown["answer_due"]) == (True, True, in_days(7))
    (first,) = listed(office_db, capsys)
    assert first["draft"] is False
    declined_by = first["mentor"]["email"]

    assert run(office_db, "pairings", "answer", declined_by, ADA, "declined") == 0
    out = capsys.readouterr().out
    assert "the proposal ended, and Ada Lovelace is first on the Fellows waitlist" in out
    (ended,) = pairings(office_db)
    assert (ended.status, ended.end_reason) == (PairingStatus.ENDED_EARLY, EndReason.NO_FAULT)
    assert ended.mentor_response is MentorResponse.DECLINED
    assert ada_waitlist_rank(office_db) == 1

    assert run(office_db, "match", "--apply", "--json") == 0
    (proposal,) = json.loads(capsys.readouterr().out)["proposals"]
    other = ALAN if declined_by == GRACE else GRACE
    assert proposal["mentor"]["name"] == ("Alan Turing" if other == ALAN else "Grace Hopper")
    assert run(office_db, "pairings", "publish", "--answer-days", "3") == 0
    assert f"due on {in_days(3)}" in capsys.readouterr().out
    assert ada_waitlist_rank(office_db) is None
    # The declined proposal and the new one: the answer goes to the new one.
    assert run(office_db, "pairings", "answer", other, ADA, "accepted") == 0
    responses = [(p.mentor_response, p.status) for p in pairings(office_db)]
    assert responses == [
        (MentorResponse.DECLINED, PairingStatus.ENDED_EARLY),
        (MentorResponse.ACCEPTED, PairingStatus.PROPOSED),
    ]


def test_status_needs_a_reason_to_end_early_and_refuses_what_the_pairing_cannot_do(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "match", "--apply") == 0
    capsys.readouterr()
    (draft,) = listed(office_db, capsys)
    mentor = draft["mentor"]["email"]
    assert run(office_db, "pairings", "status", mentor, ADA, "--status", "active") == 1
    assert "is a draft proposal: publish it before changing its status" in capsys.readouterr().err
    assert run(office_db, "pairings", "publish") == 0
    assert run(office_db, "pairings", "status", mentor, ADA, "--status", "ended-early") == 1
    assert "Say why the pairing ended early: --reason goals-met|" in capsys.readouterr().err
    args = ("pairings", "status", mentor, ADA, "--status", "paused", "--reason", "conflict")
    assert run(office_db, *args) == 1
    assert "--reason goes with --status ended-early only" in capsys.readouterr().err
    assert run(office_db, "pairings", "status", mentor, ADA, "--status", "completed") == 1
    assert "cannot" in capsys.readouterr().err.lower()
    assert pairings(office_db)[0].status is PairingStatus.PROPOSED

    args = (
        "pairings",
        "status",
        mentor,
        ADA,
        "--status",
        "ended-early",
        "--reason",
        "left-institution",
    )
    assert run(office_db, *args) == 0
    assert "proposed → ended early." in capsys.readouterr().out
    (ended,) = pairings(office_db)
    assert (ended.status, ended.end_reason) == (
        PairingStatus.ENDED_EARLY,
        EndReason.LEFT_INSTITUTION,
    )


def test_a_pairing_nobody_made_is_named_with_where_to_look(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "match", "--publish") == 0
    capsys.readouterr()
    before = pairings(office_db)
    assert run(office_db, "pairings", "answer", ADA, GRACE, "accepted") == 1
    err = capsys.readouterr().err
    assert f"Pilot 2026 has no pairing of {ADA} (mentor) with {GRACE} (mentee)" in err
    assert "pairings list" in err
    assert (
        run(office_db, "pairings", "status", "nobody@example.org", ADA, "--status", "active") == 1
    )
    assert [(p.status, p.mentor_response) for p in pairings(office_db)] == [
        (p.status, p.mentor_response) for p in before
    ]


def test_publish_of_an_empty_programme_says_how_drafts_are_made(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "pairings", "publish") == 0
    assert "Nothing to publish: Pilot 2026 has no draft proposals" in capsys.readouterr().out
    assert listed(office_db, capsys) == []


def _accept(db: Path, strand: str, *people: tuple[str, Role]) -> None:
    """Accept these people (first name, role) to a strand of Pilot 2026."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as s:
        programme = find_programme(s, "Pilot 2026")
        strand_id = next(c.id for c in strand_choices(s, programme.id) if c.name == strand)
        for first, role in people:
            person = add_person(s, PersonInput(first, "Tester", f"{first.lower()}@example.org"))
            add_application(
                s, person, ApplicationInput(strand_id, role, status=ApplicationStatus.ACCEPTED)
            )


def test_match_says_earlier_drafts_were_replaced_only_when_there_were_some(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "match", "--apply") == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("Pilot 2026, optimal mode: 1 proposal, 0 unmatched") for line in out)
    assert out[-1] == "Saved 1 draft proposal; nobody sees it until you publish it."

    assert run(office_db, "match", "--apply") == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Saved 1 draft proposal in place of 1 earlier draft; nobody sees it until you publish it."
    )
    assert run(office_db, "match", "--publish") == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Published 1 proposal in place of 1 earlier draft: the mentors' answers are due on "
        f"{in_days(7)}."
    )
    # Ada is proposed now: nobody is left to propose, and nothing was replaced.
    assert run(office_db, "match", "--publish") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "No proposal to save."


def test_match_publish_of_a_first_run_replaces_nothing_and_counts_in_words(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "programme", "edit", "Pilot 2026", "--mentees-per-mentor", "1") == 0
    _accept(office_db, "Fellows", ("Bea", Role.MENTEE), ("Cy", Role.MENTEE))
    capsys.readouterr()

    assert run(office_db, "match", "--publish") == 0

    out = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith("Pilot 2026, optimal mode: 2 proposals, 1 unmatched") for line in out
    )
    assert out[-2] == f"Published 2 proposals: the mentors' answers are due on {in_days(7)}."
    assert out[-1] == "1 mentee left unmatched is on the waitlist, offered first."


def test_match_circles_counts_one_circle_in_words(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _accept(office_db, "Circles", ("Dee", Role.MENTEE), ("Eve", Role.MENTEE), ("Fay", Role.MENTOR))

    assert run(office_db, "match", "--mode", "circles", "--publish") == 0

    out = capsys.readouterr().out.splitlines()
    assert out[-2] == "Pilot 2026, Circles, circles of at most 5: 1 circle, 2 placed, 0 not placed."
    assert out[-1] == f"Published 1 circle: the facilitators' answers are due on {in_days(7)}."


def test_a_start_before_the_programme_or_an_end_still_to_come_is_recorded_with_a_warning(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "programme", "edit", "Pilot 2026", "--starts", in_days(60)) == 0
    assert run(office_db, "match", "--publish") == 0
    capsys.readouterr()
    (proposal,) = listed(office_db, capsys)
    mentor = proposal["mentor"]["email"]
    who = f"{proposal['mentor']['name']} with Ada Lovelace"
    fix = "if the date is wrong, correct it in the window (Pairings tab, Edit pairing)."

    assert run(office_db, "pairings", "status", mentor, ADA, "--status", "active", "--on",
               in_days(30)) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert f"proposed → active; started {in_days(30)}" in captured.out
    assert captured.err == (
        f"mentordesk-cli: warning: {who} started on {in_days(30)}, before Pilot 2026 starts "
        f"({in_days(60)}); {fix}\n"
    )
    # Paused and active again: the start stays, nothing to warn about.
    for status in ("paused", "active"):
        assert run(office_db, "pairings", "status", mentor, ADA, "--status", status) == 0
        assert capsys.readouterr().err == ""

    assert run(office_db, "pairings", "status", mentor, ADA, "--status", "completed", "--on",
               in_days(90)) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert "active → completed." in captured.out
    assert captured.err == (
        f"mentordesk-cli: warning: {who} ended on {in_days(90)}, a day still to come; {fix}\n"
    )
    (done,) = pairings(office_db)
    assert (done.status, done.started_on, done.ended_on) == (
        PairingStatus.COMPLETED,
        dt.date.fromisoformat(in_days(30)),
        dt.date.fromisoformat(in_days(90)),
    )


def test_a_start_and_an_end_on_likely_days_are_recorded_without_a_warning(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(office_db, "programme", "edit", "Pilot 2026", "--starts", in_days(-30)) == 0
    assert run(office_db, "match", "--publish") == 0
    capsys.readouterr()
    (proposal,) = listed(office_db, capsys)
    mentor = proposal["mentor"]["email"]

    for status, day in (("active", in_days(-30)), ("completed", in_days(0))):
        assert run(office_db, "pairings", "status", mentor, ADA, "--status", status, "--on",
                   day) == 0  # fmt: skip
        assert capsys.readouterr().err == ""
