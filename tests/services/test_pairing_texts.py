"""What the pairing services say: why a mentee was left unmatched, and a pairing's history."""

from __future__ import annotations

import datetime as dt

import pytest

from mentordesk.domain.enums import PairingStatus
from mentordesk.services.matching import (
    Candidate,
    Pool,
    Rules,
    greedy,
    match_optimal,
    match_stable,
    shortlist,
    stage_unknown_note,
)
from mentordesk.services.matching.modes import MatchResult
from mentordesk.services.pairing_detail import HistoryLine, pairing_detail
from mentordesk.services.pairings import PairingInput, StatusChange, add_pairing, change_status
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


@pytest.mark.parametrize("mode", [match_optimal, match_stable, greedy])
def test_an_unmatched_mentees_reason_counts_mentors_not_levels(
    mode: type[MatchResult],
) -> None:
    mentee = Candidate(1, "Ana", level=1)
    professors = tuple(Candidate(10 + n, f"Prof {n}", level=7) for n in range(8))
    paused = Candidate(30, "Pat", paused=True)
    (left,) = mode(Pool((mentee,), (*professors, paused), Rules())).unmatched  # type: ignore[operator]
    assert left.reason == (
        "no suitable mentor (8 mentors: too many levels above the mentee, at most 2 allowed; "
        "1 mentor: has paused and takes no new mentees)"
    )


def _today() -> dt.date:
    """The day the file records as today (its times are UTC)."""
    return dt.datetime.now(dt.UTC).date()


def test_a_pairing_entered_after_it_began_shows_its_real_start_in_its_history(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    proposed, started = _today() - dt.timedelta(150), _today() - dt.timedelta(120)
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        pairing_id = add_pairing(
            session,
            PairingInput(
                strands["Fellows"],
                mentor,
                [mentee],
                status=PairingStatus.ACTIVE,
                proposed_on=proposed,
                started_on=started,
            ),
        )
    change_day = _today()
    with programme_file.session() as session:
        change_status(session, [pairing_id], StatusChange(PairingStatus.PAUSED, change_day))
    with programme_file.session() as session:
        history = pairing_detail(session, pairing_id, programme_id).history
    # Newest first: the pause, the day it was typed in, then its real start and proposal.
    assert [(h.action, h.summary) for h in history] == [
        ("status", "active → paused"),
        ("added to the file", ""),
        ("started", ""),
        ("proposed", ""),
    ]
    assert history[-2:] == (
        HistoryLine(started, "started", ""),
        HistoryLine(proposed, "proposed", ""),
    )
    assert not any(h.action == "created" for h in history)


def test_a_pairing_made_the_day_it_is_proposed_is_created_that_day(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        pairing_id = add_pairing(
            session, PairingInput(strands["Fellows"], mentor, [mentee], proposed_on=_today())
        )
    with programme_file.session() as session:
        (line,) = pairing_detail(session, pairing_id, programme_id).history
    assert line.action == "created"
    assert isinstance(line.at, dt.datetime)
    assert line.at.date() == _today()


@pytest.mark.parametrize("mode", [match_optimal, match_stable, greedy])
def test_a_run_names_the_people_whose_career_stage_is_unknown(
    mode: type[MatchResult],
) -> None:
    known = Candidate(1, "Ana Lima", level=1)
    mentors = (Candidate(10, "Cy Diaz"), Candidate(11, "Bo Chen"), Candidate(12, "Di Ek", level=2))
    result = mode(Pool((known, Candidate(2, "Eve Fox")), mentors, Rules()))  # type: ignore[operator]
    assert [c.name for c in result.stage_unknown] == ["Bo Chen", "Cy Diaz", "Eve Fox"]
    assert result.stage_note == (
        "3 people have no known career stage (Bo Chen, Cy Diaz, Eve Fox): "
        "seniority and the grade gap were not checked for them"
    )
    everyone = mode(Pool((known,), (mentors[2],), Rules()))  # type: ignore[operator]
    assert everyone.stage_note == ""


def test_the_note_on_unknown_stages_names_one_person_or_counts_the_rest() -> None:
    one = stage_unknown_note([Candidate(1, "Ana Lima")])
    assert one == (
        "Ana Lima has no known career stage: seniority and the grade gap were not checked for them"
    )
    many = stage_unknown_note([Candidate(n, f"P{n:02d}") for n in range(12)])
    assert many.startswith("12 people have no known career stage (P00, P01,")
    assert "P09, 2 more):" in many
    listed = shortlist(Pool((Candidate(1, "Ana Lima"),), (), Rules()))
    assert listed.stage_note == one
