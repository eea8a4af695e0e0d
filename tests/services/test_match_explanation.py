"""A pair no criterion fits says so, and its introduction letter never gives a fact as a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.career_stages import set_stages
from mentordesk.services.documents.letters import introduction_letter
from mentordesk.services.matching import (
    NO_CRITERION,
    STAGE_UNKNOWN,
    Candidate,
    HandPairing,
    Rules,
    fit_reasons,
    pair_by_hand,
    score,
)
from mentordesk.services.pairings import get_pairing
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.pdf import pdf_text

TODAY = dt.date(2026, 3, 1)


def test_a_pair_no_criterion_fits_says_so_before_the_fact() -> None:
    mentee = Candidate(1, "Ana", level=3)
    assert score(mentee, Candidate(2, "Bo", level=5), Rules()).explanation == (
        "no matching criterion met; 2 levels apart"
    )
    assert score(mentee, Candidate(3, "Cy"), Rules()).explanation == (
        f"{NO_CRITERION}; {STAGE_UNKNOWN}"
    )
    # A criterion met: the reasons, then the fact, as before.
    speaks = Candidate(4, "Di", level=1, languages=("English",))
    assert score(
        speaks, Candidate(5, "Ed", level=2, languages=("English",)), Rules()
    ).explanation == ("both speak English; 1 level apart")


@pytest.mark.parametrize(
    ("saved", "reasons"),
    [
        ("no matching criterion met; 2 levels apart", ""),
        ("2 levels apart", ""),  # as saved before the note existed
        (f"paired by hand: no matching criterion met; {STAGE_UNKNOWN}", ""),
        ("no criterion met", ""),
        ("fixed by the coordinator although the mentor is not senior to the mentee; 0 levels apart",
         ""),
        ("mentee's 1st choice; both speak English; 2 levels apart",
         "mentee's 1st choice; both speak English"),
        ("swapped: same field: Physics; -1 level apart", "same field: Physics"),
        ("Shared field and language; mentor outside the mentee's reporting line.",
         "Shared field and language; mentor outside the mentee's reporting line."),
    ],
)  # fmt: skip
def test_fit_reasons_leave_out_the_facts_and_notes(saved: str, reasons: str) -> None:
    assert fit_reasons(saved) == reasons


def _pair(
    programme_file: ProgrammeFile, programme_id: int, strand_id: int, languages: str
) -> tuple[int, int, int]:
    """A mentor two stages above a mentee, paired by hand; (pairing, mentor, mentee) ids."""
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
        mentor = add_applicant(
            s,
            PersonInput("Žofia", "Nowak", "zofia@uni.example", stage="Full professor",
                        languages="English"),
            ApplicationInput(strand_id, Role.MENTOR, ApplicationStatus.ACCEPTED),
        )  # fmt: skip
        mentee = add_applicant(
            s,
            PersonInput("Minh", "Tran", "minh@uni.example", stage="Assistant professor",
                        languages=languages),
            ApplicationInput(strand_id, Role.MENTEE, ApplicationStatus.ACCEPTED),
        )  # fmt: skip
        pairing = pair_by_hand(
            s, programme_id, HandPairing(strand_id, mentor, [mentee]), today=TODAY
        )
    return pairing, mentor, mentee


def test_a_letter_for_a_pair_no_criterion_fits_leaves_the_why_out(
    programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int]
) -> None:
    pairing, mentor, mentee = _pair(programme_file, programme_id, strands["Fellows"], "")
    with programme_file.session() as s:
        saved = get_pairing(s, pairing).match_explanation
        letters = [introduction_letter(s, pairing, p, today=TODAY) for p in (mentor, mentee)]
    assert saved == "paired by hand: no matching criterion met; 2 levels apart"
    for letter in letters:
        text = pdf_text(letter)
        assert "Dear " in text
        assert "Why you were matched" not in text
        assert "levels apart" not in text


def test_a_letter_gives_the_criteria_met_without_the_facts(
    programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int]
) -> None:
    pairing, _mentor, mentee = _pair(programme_file, programme_id, strands["Fellows"], "English")
    with programme_file.session() as s:
        saved = get_pairing(s, pairing).match_explanation
        text = pdf_text(introduction_letter(s, pairing, mentee, today=TODAY))
    assert saved == "paired by hand: both speak English; 2 levels apart"
    why = text.split("Why you were matched", 1)[1]
    assert why.lstrip().startswith("both speak English")
    assert "levels apart" not in text
