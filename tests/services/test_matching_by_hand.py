"""Pairing by hand, swapping mentors and re-matching: every broken rule named, and a reason kept."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from mentordesk.domain.enums import (
    ApplicationStatus,
    MentorResponse,
    PairingStatus,
    PairRuleKind,
    Role,
)
from mentordesk.domain.errors import InvalidInput
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.career_stages import set_stages
from mentordesk.services.matching import (
    HandPairing,
    check_form_pairing,
    check_pairing,
    check_swap,
    pair_by_hand,
    rematch,
    swap_mentors,
)
from mentordesk.services.pairing_detail import pairing_detail
from mentordesk.services.pairings import (
    PairingInput,
    add_pairing,
    get_pairing,
)
from mentordesk.store.models import Application, AuditEntry, Pairing, PairRule, Person
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def people(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> dict[str, int]:
    """Fellows: mentors Boss and Prof, an outsider who did not apply, mentees Ana, Bo, Cy.

    Ana reports to Boss, and the coordinator blocked Prof with Cy.
    """
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
        found = {
            "boss": add_someone(s, first_name="Boss", stage="Research scientist"),
            "prof": add_someone(
                s, first_name="Prof", stage="Assistant professor", expertise="grant writing"
            ),
            "outsider": add_someone(s, first_name="Out", stage="Assistant professor"),
            "ana": add_someone(s, first_name="Ana", stage="Postdoctoral researcher"),
            "bo": add_someone(s, first_name="Bo", stage="Postdoctoral researcher"),
            "cy": add_someone(s, first_name="Cy", stage="Postdoctoral researcher"),
        }
        for name in ("boss", "prof"):
            add_application(
                s, found[name], ApplicationInput(fellows, Role.MENTOR, ApplicationStatus.ACCEPTED)
            )
        for name in ("ana", "bo", "cy"):
            add_application(
                s,
                found[name],
                ApplicationInput(
                    fellows,
                    Role.MENTEE,
                    ApplicationStatus.ACCEPTED,
                    development_needs="grant writing",
                ),
            )
        s.get_one(Person, found["ana"]).line_manager_id = found["boss"]
        s.add(
            PairRule(
                programme_id=programme_id,
                mentor_id=found["prof"],
                mentee_id=found["cy"],
                kind=PairRuleKind.BLOCKED,
            )
        )
    return found


def _pairings(programme_file: ProgrammeFile) -> int:
    with programme_file.session() as s:
        return s.scalar(select(func.count(Pairing.id))) or 0


def test_a_pairing_within_the_rules_needs_no_reason(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    with programme_file.session() as s:
        check = check_pairing(s, programme_id, strands["Fellows"], people["prof"], [people["bo"]])
        assert check.broken == ()
        assert check.points == 100.0
        assert "needs grant writing — mentor lists grant writing" in check.explanation
        pairing_id = pair_by_hand(
            s,
            programme_id,
            HandPairing(strands["Fellows"], people["prof"], [people["bo"]], "not needed"),
            today=TODAY,
        )
    with programme_file.session() as s:
        pairing = get_pairing(s, pairing_id)
        assert pairing.status is PairingStatus.PROPOSED
        assert pairing.draft is False
        assert pairing.override_reason == ""
        assert pairing.match_score == 100.0
        assert pairing.match_explanation.startswith("paired by hand: ")
        assert pairing.response_due_on == TODAY + dt.timedelta(days=7)


def test_each_broken_rule_is_listed_and_a_reason_is_required(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        check = check_pairing(s, programme_id, fellows, people["boss"], [people["ana"]])
        assert check.broken == ("Boss Person1 for Ana Person4: in the mentee's reporting line",)
        check = check_pairing(s, programme_id, fellows, people["outsider"], [people["cy"]])
        assert check.broken == ("Out Person3 is not an accepted mentor of Fellows",)
        check = check_pairing(s, programme_id, fellows, people["prof"], [people["cy"]])
        assert check.broken == ("Prof Person2 for Cy Person6: blocked by the coordinator",)
    before = _pairings(programme_file)
    data = HandPairing(fellows, people["boss"], [people["ana"]], "   ")
    with programme_file.session() as s, pytest.raises(InvalidInput) as refused:
        pair_by_hand(s, programme_id, data, today=TODAY)
    assert "This pairing breaks a rule of the programme" in refused.value.message
    assert "• Boss Person1 for Ana Person4: in the mentee's reporting line" in refused.value.message
    assert "Type why" in refused.value.message
    assert _pairings(programme_file) == before

    data.override_reason = "Ana asked for Boss; HR agreed."
    with programme_file.session() as s:
        pairing_id = pair_by_hand(s, programme_id, data, today=TODAY)
    with programme_file.session() as s:
        assert get_pairing(s, pairing_id).override_reason == "Ana asked for Boss; HR agreed."
        detail = pairing_detail(s, pairing_id, programme_id)
        assert detail.override_reason == "Ana asked for Boss; HR agreed."
        (entry,) = [h for h in detail.history if h.action == "paired by hand"]
        assert entry.summary == "against 1 rule; reason: Ana asked for Boss; HR agreed."
        # Ana has a mentor now: pairing her again names him.
        again = check_pairing(s, programme_id, fellows, people["prof"], [people["ana"]])
        assert again.broken == ("Ana Person4 already has a mentor here: Boss Person1",)


def test_a_circle_by_hand_checks_each_member(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    circle = [people["ana"], people["bo"], people["cy"]]
    with programme_file.session() as s:
        check = check_pairing(s, programme_id, strands["Circles"], people["boss"], circle)
    assert "Boss Person1 is not an accepted mentor of Circles" in check.broken
    assert "Boss Person1 for Ana Person4: in the mentee's reporting line" in check.broken
    assert sum("not an accepted mentee of Circles" in b for b in check.broken) == 3
    with programme_file.session() as s:
        pairing_id = pair_by_hand(
            s,
            programme_id,
            HandPairing(strands["Circles"], people["boss"], circle, "pilot circle"),
            today=TODAY,
        )
        assert len(get_pairing(s, pairing_id).members) == 3


def _draft(
    programme_file: ProgrammeFile, strand: int, mentor: int, mentee: int, draft: bool = True
) -> int:
    with programme_file.session() as s:
        return add_pairing(s, PairingInput(strand, mentor, [mentee], draft=draft))


def test_swapping_mentors_rescores_both_and_needs_a_reason_only_when_a_rule_breaks(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    fellows = strands["Fellows"]
    first = _draft(programme_file, fellows, people["boss"], people["bo"])
    second = _draft(programme_file, fellows, people["prof"], people["ana"])
    # Swapped, Boss would mentor Ana, who reports to him.
    with programme_file.session() as s:
        assert check_swap(s, programme_id, first, second).broken == (
            "Boss Person1 for Ana Person4: in the mentee's reporting line",
        )
        with pytest.raises(InvalidInput, match="breaks a rule"):
            swap_mentors(s, programme_id, first, second, today=TODAY)
    with programme_file.session() as s:
        assert get_pairing(s, first).mentor_id == people["boss"]
        swap_mentors(s, programme_id, first, second, "Ana asked for Boss", today=TODAY)
    with programme_file.session() as s:
        a, b = get_pairing(s, first), get_pairing(s, second)
        assert (a.mentor_id, b.mentor_id) == (people["prof"], people["boss"])
        assert a.match_score == 100.0
        assert a.match_explanation.startswith("swapped: ")
        assert (a.override_reason, b.override_reason) == ("", "Ana asked for Boss")
        assert a.draft
        assert b.draft
    # Swapping back breaks nothing, and the reason goes with the rule it excused.
    with programme_file.session() as s:
        assert check_swap(s, programme_id, first, second).broken == ()
        swap_mentors(s, programme_id, first, second, today=TODAY)
    with programme_file.session() as s:
        assert get_pairing(s, first).mentor_id == people["boss"]
        assert get_pairing(s, second).override_reason == ""


def test_a_published_proposal_swapped_waits_for_its_new_mentors_answer(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    fellows = strands["Fellows"]
    first = _draft(programme_file, fellows, people["boss"], people["bo"], draft=False)
    second = _draft(programme_file, fellows, people["prof"], people["cy"], draft=False)
    with programme_file.session() as s:
        get_pairing(s, first).mentor_response = MentorResponse.ACCEPTED
    with programme_file.session() as s:
        swap_mentors(s, programme_id, first, second, today=TODAY)
    with programme_file.session() as s:
        pairing = get_pairing(s, first)
        assert pairing.mentor_id == people["prof"]
        assert pairing.mentor_response is MentorResponse.NONE
        assert pairing.response_due_on == TODAY + dt.timedelta(days=7)
        summaries = s.scalars(
            select(AuditEntry.summary).where(AuditEntry.action == "swapped")
        ).all()
        assert sorted(summaries) == sorted(
            [
                f"mentor swapped with pairing {second}; no rule broken",
                f"mentor swapped with pairing {first}; no rule broken",
            ]
        )


def test_only_drafts_and_proposals_swap_mentors(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    fellows = strands["Fellows"]
    first = _draft(programme_file, fellows, people["boss"], people["bo"])
    with programme_file.session() as s:
        active = add_pairing(
            s, PairingInput(fellows, people["prof"], [people["cy"]], status=PairingStatus.ACTIVE)
        )
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="is active: only draft or proposed"):
            swap_mentors(s, programme_id, first, active, "x")
        with pytest.raises(InvalidInput, match="two different pairings"):
            check_swap(s, programme_id, first, first)


def test_rematch_makes_a_new_proposal_and_marks_the_old_pairing_rematched(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        old = add_pairing(
            s,
            PairingInput(
                fellows,
                people["prof"],
                [people["bo"]],
                status=PairingStatus.ACTIVE,
                started_on=dt.date(2026, 2, 1),
            ),
        )
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="Choose another mentor"):
            rematch(s, programme_id, old, people["prof"], today=TODAY)
        new = rematch(s, programme_id, old, people["boss"], today=TODAY)
    with programme_file.session() as s:
        before, after = get_pairing(s, old), get_pairing(s, new)
        assert before.status is PairingStatus.REMATCHED
        assert before.ended_on == TODAY
        assert after.status is PairingStatus.PROPOSED
        assert after.mentor_id == people["boss"]
        assert [m.person_id for m in after.members] == [people["bo"]]
        assert after.override_reason == ""
        history = [h.summary for h in pairing_detail(s, new, programme_id).history]
        assert f"re-matched from pairing {old}; no rule broken" in history
        # A re-matched pairing is over: it cannot be re-matched again.
        with pytest.raises(InvalidInput, match="can no longer change"):
            rematch(s, programme_id, old, people["boss"], "x", today=TODAY)


def test_rematching_to_a_mentor_who_breaks_a_rule_needs_a_reason(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    with programme_file.session() as s:
        old = add_pairing(
            s,
            PairingInput(
                strands["Fellows"], people["prof"], [people["ana"]], status=PairingStatus.PAUSED
            ),
        )
    with programme_file.session() as s, pytest.raises(InvalidInput, match="reporting line"):
        rematch(s, programme_id, old, people["boss"], today=TODAY)
    with programme_file.session() as s:
        assert get_pairing(s, old).status is PairingStatus.PAUSED
        new = rematch(s, programme_id, old, people["boss"], "only mentor left", today=TODAY)
    with programme_file.session() as s:
        assert get_pairing(s, new).override_reason == "only mentor left"
        apps = s.scalars(select(Application.waitlist_rank)).all()
        assert set(apps) == {None}


def test_the_full_pairing_form_cannot_break_a_rule(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    people: dict[str, int],
) -> None:
    fellows = strands["Fellows"]
    blocked = PairingInput(strand_id=fellows, mentor_id=people["prof"], mentee_ids=[people["cy"]])
    with programme_file.session() as s, pytest.raises(InvalidInput) as refused:
        check_form_pairing(s, programme_id, blocked)
    assert "Pair by hand" in refused.value.message
    assert "Prof" in refused.value.message
    fine = PairingInput(strand_id=fellows, mentor_id=people["prof"], mentee_ids=[people["bo"]])
    with programme_file.session() as s:
        check_form_pairing(s, programme_id, fine)
        pairing_id = add_pairing(s, fine)
    with programme_file.session() as s:
        # Saved again unchanged, the pairing is not counted against itself.
        check_form_pairing(s, programme_id, fine, pairing_id)
        # Its mentee changed to one the rules refuse: refused like a new pairing.
        with pytest.raises(InvalidInput):
            check_form_pairing(s, programme_id, blocked, pairing_id)
