"""Matching compares departments and fields by their key, not as typed."""

from __future__ import annotations

from mentordesk.domain.enums import FieldPreference
from mentordesk.services.matching import Candidate, Rules, score


def test_the_same_department_spelt_differently_scores_as_the_same() -> None:
    rules = Rules(field_preference=FieldPreference.SAME)
    emma = Candidate(1, "Emma Lind", department="Beams", level=2)
    olav = Candidate(2, "Olav Berg", department="Beams Department", level=6)
    other = Candidate(3, "Sofia García", department="Theoretical Physics", level=3)
    fit = score(emma, olav, rules)
    assert fit.points > 0
    assert fit.reasons[0] == "same department: Beams"
    assert score(emma, other, rules).points == 0.0


def test_a_different_department_counts_only_when_it_really_differs() -> None:
    rules = Rules(field_preference=FieldPreference.DIFFERENT)
    julie = Candidate(1, "Julie Martin", department="Experimental Physics (EP)", level=3)
    jan = Candidate(2, "Jan Novak", department="Experimental Physics dept.", level=5)
    sofia = Candidate(3, "Sofia García", department="Theoretical Physics", level=4)
    assert "different department" not in score(julie, jan, rules).explanation
    assert "different department: Theoretical Physics" in score(julie, sofia, rules).explanation
