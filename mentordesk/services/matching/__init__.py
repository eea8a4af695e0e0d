"""The matching engine: hard rules, weighted scores, optimal/stable/shortlist modes, circles.

The core works on plain dataclasses and never touches the file; ``candidates``
loads a programme into them, ``proposals`` saves the engine's proposals and
circles as drafts and publishes them, ``rules`` edits a programme's matching
rules, ``by_hand`` checks and makes the coordinator's own pairings, and
``waitlist`` keeps the mentees still waiting and the mentors' answers.
"""

from __future__ import annotations

from mentordesk.services.matching.by_hand import (
    HandPairing,
    RuleCheck,
    check_form_pairing,
    check_pairing,
    check_swap,
    pair_by_hand,
    rematch,
    swap_mentors,
)
from mentordesk.services.matching.candidates import load_candidates, programme_rules
from mentordesk.services.matching.circles import Circle, CircleResult, form_circles
from mentordesk.services.matching.core import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    NO_CRITERION,
    STAGE_UNKNOWN,
    Candidate,
    Pool,
    Rules,
    Score,
    Scorer,
    allowed,
    fit_reasons,
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
    stage_unknown_note,
    waitlist_priority,
)
from mentordesk.services.matching.proposals import (
    circle_pool,
    export_shortlist,
    publish_pairings,
    publish_proposals,
    save_circles,
    save_proposals,
)
from mentordesk.services.matching.rules import (
    MatchingRulesInput,
    PairRuleInput,
    PairRuleRow,
    add_pair_rule,
    matching_rules,
    pair_rule_rows,
    remove_pair_rule,
    set_matching_rules,
)
from mentordesk.services.matching.waitlist import (
    DEFAULT_RESPONSE_DAYS,
    WaitlistRow,
    move_in_waitlist,
    record_mentor_response,
    take_off_waitlist,
    waitlist_rows,
)

__all__ = [
    "CRITERIA",
    "DEFAULT_RESPONSE_DAYS",
    "DEFAULT_WEIGHTS",
    "NO_CRITERION",
    "STAGE_UNKNOWN",
    "Candidate",
    "Circle",
    "CircleResult",
    "HandPairing",
    "MatchResult",
    "MatchingRulesInput",
    "PairRuleInput",
    "PairRuleRow",
    "Pool",
    "Proposal",
    "RuleCheck",
    "Rules",
    "Score",
    "Scorer",
    "Shortlist",
    "Unmatched",
    "WaitlistRow",
    "add_pair_rule",
    "allowed",
    "check_form_pairing",
    "check_pairing",
    "check_swap",
    "circle_pool",
    "export_shortlist",
    "fit_reasons",
    "form_circles",
    "greedy",
    "load_candidates",
    "match_optimal",
    "match_stable",
    "matching_rules",
    "mentee_preferences",
    "mentor_preference",
    "move_in_waitlist",
    "pair_by_hand",
    "pair_rule_rows",
    "programme_rules",
    "publish_pairings",
    "publish_proposals",
    "record_mentor_response",
    "rematch",
    "remove_pair_rule",
    "save_circles",
    "save_proposals",
    "score",
    "set_matching_rules",
    "shortlist",
    "stage_unknown_note",
    "swap_mentors",
    "take_off_waitlist",
    "waitlist_priority",
    "waitlist_rows",
]
