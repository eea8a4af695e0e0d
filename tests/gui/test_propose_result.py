"""What the window says after a matching run."""

from mentordesk.gui.tabs.propose_dialog import result_html
from mentordesk.services.matching.core import Candidate
from mentordesk.services.matching.modes import MatchResult


def test_the_run_names_who_has_no_known_career_stage_and_escapes_it():
    unknown = (Candidate(id=1, name="Ana <Lima>"), Candidate(id=2, name="Bo Chen", level=3))
    shown = result_html(MatchResult("optimal", (), (), stage_unknown=unknown[:1]))
    assert "Ana &lt;Lima&gt; has no known career stage" in shown
    assert "seniority and the grade gap were not checked" in shown
    assert "career stage" not in result_html(MatchResult("optimal", (), ()))
