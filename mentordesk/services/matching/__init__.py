"""The matching engine: hard rules, weighted scores, optimal/stable/shortlist modes, circles.

The core works on plain dataclasses and never touches the file; ``proposals``
loads a programme into them and saves the engine's proposals as drafts.
"""

from __future__ import annotations

from mentordesk.services.matching.circles import Circle, CircleResult, form_circles
from mentordesk.services.matching.core import (
    DEFAULT_WEIGHTS,
    Candidate,
    Pool,
    Rules,
    Score,
    Scorer,
    allowed,
    score,
)
from mentordesk.services.matching.modes import (
    MatchResult,
    Proposal,
    Shortlist,
    Unmatched,
    greedy,
    match_optimal,
    match_stable,
    mentee_preferences,
    mentor_preference,
    shortlist,
)
from mentordesk.services.matching.proposals import (
    export_shortlist,
    load_candidates,
    programme_rules,
    publish_pairings,
    publish_proposals,
    save_proposals,
)

__all__ = [
    "DEFAULT_WEIGHTS",
    "Candidate",
    "Circle",
    "CircleResult",
    "MatchResult",
    "Pool",
    "Proposal",
    "Rules",
    "Score",
    "Scorer",
    "Shortlist",
    "Unmatched",
    "allowed",
    "export_shortlist",
    "form_circles",
    "greedy",
    "load_candidates",
    "match_optimal",
    "match_stable",
    "mentee_preferences",
    "mentor_preference",
    "programme_rules",
    "publish_pairings",
    "publish_proposals",
    "save_proposals",
    "score",
    "shortlist",
]
