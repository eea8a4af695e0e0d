"""Who may mentor whom (the hard rules) and how well they fit (the weighted score).

Everything here works on plain dataclasses, so the engine runs the same for a
programme file, a test's random programme and a benchmark of a thousand mentees.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from mentordesk.domain.departments import department_key
from mentordesk.domain.enums import FieldPreference
from mentordesk.domain.organisations import organisation_key

#: The soft criteria and their default weights; a programme's ``matching_weights`` JSON
#: overrides any of them (a weight of 0 switches a criterion off).
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "field": 20.0,
        "needs": 30.0,
        "choice": 25.0,
        "language": 10.0,
        "gender": 5.0,
        "institution": 10.0,
    }
)
#: What each soft criterion rewards, in the coordinator's words (the rules dialog shows them).
CRITERIA: Mapping[str, str] = MappingProxyType(
    {
        "field": "Same or different field and department, as the programme prefers",
        "needs": "The mentor's expertise meets the mentee's development needs",
        "choice": "The mentee ranked the mentor among their choices",
        "language": "They share a language",
        "gender": "The mentor is of the gender the mentee asked for",
        "institution": "The mentor works at another institution",
    }
)
DEFAULT_CAPACITY = 4
DEFAULT_GRADE_GAP = 2
#: What a pair's reasons say when either career stage is unknown (the run lists who).
STAGE_UNKNOWN = "career stage unknown: seniority not checked"
#: What a pair's explanation says, before the facts, when no soft criterion scored.
NO_CRITERION = "no matching criterion met"
#: The highest weight a criterion can be given.
MAX_WEIGHT = 100.0

# Words that say nothing about a subject, so "leadership skills" meets "leadership".
_STOPWORDS = frozenset(
    [
        "about",
        "and",
        "for",
        "from",
        "help",
        "into",
        "more",
        "need",
        "needs",
        "skill",
        "skills",
        "some",
        "the",
        "their",
        "this",
        "with",
        "your",
        "how",
        "what",
        "when",
        "advice",
        "support",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def subject_keys(text: str) -> frozenset[str]:
    """The subject words of a need or an expertise, cut to a common stem.

    Words of four letters or more count, shortened to six letters, so that
    "publishing strategy" and "publishing" meet, as do "networking" and "network".
    """
    return frozenset(
        w[:6] for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in _STOPWORDS
    )


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Candidate:
    """A mentee or mentor as the engine sees them.

    Attributes:
        id: the person's id.
        name: the full name, for proposals and reasons.
        email: the email, for the shortlist workbook.
        strands: the strands the person was accepted to in this role.
        level: the career stage's level in the programme's list, None when the stage
            is unknown (the seniority rules are then not checked).
        track: the career stage's track ("" for a list without tracks).
        stage: the career stage's name ("" when unknown).
        organisation: institution as the file counts it (merges applied), for
            cross-institution pairs.
        department: department, for the same/different department choice.
        field: research field.
        expertise: a mentor's expertise tags.
        languages: languages spoken.
        gender: the person's gender as they gave it.
        needs: a mentee's development needs.
        preferred_gender: the mentor gender a mentee asked for ("" for none).
        choices: a mentee's chosen mentors' ids, best first.
        reporting_line: the mentee's line manager and everyone above (person ids).
        capacity: how many new mentees a mentor can take now.
        paused: a mentor with a paused pairing, who takes no new mentees.
        waitlist_rank: a mentee's place on the waitlist (1 is offered a mentor first),
            None when not waiting.
    """

    id: int
    name: str
    email: str = ""
    strands: frozenset[int] = frozenset()
    level: int | None = None
    track: str = ""
    stage: str = ""
    organisation: str = ""
    department: str = ""
    field: str = ""
    expertise: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    gender: str = ""
    needs: tuple[str, ...] = ()
    preferred_gender: str = ""
    choices: tuple[int, ...] = ()
    reporting_line: frozenset[int] = frozenset()
    capacity: int = DEFAULT_CAPACITY
    paused: bool = False
    waitlist_rank: int | None = None


@dataclass(frozen=True)
class Rules:
    """A programme's limits, weights and the coordinator's pair rules.

    Attributes:
        max_grade_gap: how many levels above the mentee a mentor may be; None for
            no limit (a mentor must still be above the mentee).
        within_track: mentor and mentee must be on the same career track.
        field_preference: favour the same field/department, different ones, or neither.
        weights: weight of each soft criterion (see ``DEFAULT_WEIGHTS``).
        blocked: (mentor id, mentee id) pairs never to make.
        fixed: (mentor id, mentee id) pairs always to make.
        earlier: (mentor id, mentee id) pairs of an earlier cohort, not to repeat.
        declined: (mentor id, mentee id) proposals the mentor declined, not to make again.
    """

    max_grade_gap: int | None = DEFAULT_GRADE_GAP
    within_track: bool = False
    field_preference: FieldPreference = FieldPreference.NONE
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS), hash=False)
    blocked: frozenset[tuple[int, int]] = frozenset()
    fixed: frozenset[tuple[int, int]] = frozenset()
    earlier: frozenset[tuple[int, int]] = frozenset()
    declined: frozenset[tuple[int, int]] = frozenset()
    fixed_mentees: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fixed_mentees", frozenset(m for _, m in self.fixed))

    def weight(self, criterion: str) -> float:
        """The weight of one criterion (its default when the programme sets none)."""
        return max(0.0, float(self.weights.get(criterion, DEFAULT_WEIGHTS[criterion])))


@dataclass(frozen=True)
class Score:
    """How well a mentor fits a mentee.

    Attributes:
        points: 0 to 100, the weighted share of the criteria met.
        reasons: plain words, one per criterion that scored, then the fact worth
            knowing (how many levels apart, or that a stage is unknown) last.
        parts: the points each criterion contributed; they add up to ``points``.
    """

    points: float
    reasons: tuple[str, ...] = ()
    parts: Mapping[str, float] = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        """The reasons as one line for the coordinator.

        When no criterion scored, it says so before the fact, so that "2 levels apart"
        never reads as the reason: "no matching criterion met; 2 levels apart".
        """
        if self.parts:
            return "; ".join(self.reasons)
        return "; ".join((*self.reasons[:-1], NO_CRITERION, *self.reasons[-1:]))


@dataclass(frozen=True)
class Pool:
    """Everyone to match in one run, with the rules that hold."""

    mentees: tuple[Candidate, ...]
    mentors: tuple[Candidate, ...]
    rules: Rules = field(default_factory=Rules)


def allowed(mentee: Candidate, mentor: Candidate, rules: Rules) -> str | None:
    """Why this mentor may not take this mentee, or None when the hard rules allow it.

    Fixed pairs are always allowed (the coordinator decided); a mentee fixed with one
    mentor may have no other. When either career stage is unknown, the track and
    seniority rules are not checked.
    """
    pair = (mentor.id, mentee.id)
    if pair in rules.fixed:
        return None
    if mentor.id == mentee.id:
        return "the same person"
    if pair in rules.blocked:
        return "blocked by the coordinator"
    if pair in rules.declined:
        return "declined this mentee before"
    if mentee.strands and mentor.strands and not mentee.strands & mentor.strands:
        return "mentors in another strand"
    if mentor.id in mentee.reporting_line:
        return "in the mentee's reporting line"
    if mentor.paused:
        return "has paused and takes no new mentees"
    if mentor.capacity <= 0:
        return "has no capacity left"
    if mentee.level is not None and mentor.level is not None:
        if rules.within_track and mentor.track != mentee.track:
            return f"on another career track ({mentor.track or 'no track'})"
        gap = mentor.level - mentee.level
        if gap <= 0:
            return "not senior to the mentee"
        if rules.max_grade_gap is not None and gap > rules.max_grade_gap:
            return f"{gap} levels above the mentee (at most {rules.max_grade_gap})"
    if pair in rules.earlier:
        return "paired in an earlier cohort"
    if mentee.id in rules.fixed_mentees:
        return "the coordinator fixed this mentee with another mentor"
    return None


class Scorer:
    """Scores pairs fast: each candidate's words and keys are worked out once.

    ``points`` gives the number only (for the thousands of pairs the engine
    weighs); ``score`` adds the reasons (for the pairs it proposes).
    """

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self._weights = {c: rules.weight(c) for c in DEFAULT_WEIGHTS}
        if rules.field_preference is FieldPreference.NONE:
            self._weights["field"] = 0.0
        self._prepared: dict[tuple[int, bool], _Prepared] = {}

    def _prep(self, c: Candidate, *, mentee: bool) -> _Prepared:
        key = (c.id, mentee)
        found = self._prepared.get(key)
        if found is None or found.candidate is not c:
            found = _Prepared(c)
            self._prepared[key] = found
        return found

    def _total_weight(self, e: _Prepared) -> float:
        w = self._weights
        c = e.candidate
        total = w["institution"] if e.organisation else 0.0
        if e.field or e.department:
            total += w["field"]
        if e.needs:
            total += w["needs"]
        if c.choices:
            total += w["choice"]
        if e.languages:
            total += w["language"]
        if e.preferred_gender:
            total += w["gender"]
        return total

    def points(self, mentee: Candidate, mentor: Candidate) -> float:
        """The score of the pair, 0 to 100, without the reasons."""
        e, r = self._prep(mentee, mentee=True), self._prep(mentor, mentee=False)
        total = e.total_weight if e.total_weight >= 0 else self._set_total(e)
        if total <= 0:
            return 0.0
        w = self._weights
        got = 0.0
        if w["field"] and (e.field or e.department):
            got += w["field"] * self._field_fraction(e, r)
        if e.needs and w["needs"]:
            covered = sum(1 for need in e.needs if need & r.expertise)
            got += w["needs"] * covered / len(e.needs)
        if mentee.choices and w["choice"]:
            rank = e.choice_rank.get(mentor.id)
            if rank is not None:
                got += w["choice"] * (len(mentee.choices) - rank + 1) / len(mentee.choices)
        if e.languages and e.languages & r.languages:
            got += w["language"]
        if e.preferred_gender and e.preferred_gender == r.gender:
            got += w["gender"]
        if e.organisation and r.organisation and e.organisation != r.organisation:
            got += w["institution"]
        return round(100.0 * got / total, 2)

    def _set_total(self, e: _Prepared) -> float:
        e.total_weight = self._total_weight(e)
        return e.total_weight

    def _field_fraction(self, e: _Prepared, r: _Prepared) -> float:
        same_field = bool(e.field) and e.field == r.field
        same_department = bool(e.department) and e.department == r.department
        if self.rules.field_preference is FieldPreference.SAME:
            return 1.0 if same_field else 0.5 if same_department else 0.0
        different_field = bool(e.field and r.field) and not same_field
        different_department = bool(e.department and r.department) and not same_department
        return (different_field + different_department) / 2

    def score(self, mentee: Candidate, mentor: Candidate) -> Score:
        """The score of the pair with a plain-words reason for each criterion that scored."""
        points = self.points(mentee, mentor)
        e, r = self._prep(mentee, mentee=True), self._prep(mentor, mentee=False)
        total = e.total_weight
        w = self._weights
        reasons: list[str] = []
        parts: dict[str, float] = {}

        def add(criterion: str, amount: float, text: str) -> None:
            if amount > 0 and total > 0:
                parts[criterion] = round(100.0 * amount / total, 2)
                reasons.append(text)

        if w["field"] and (e.field or e.department):
            add(
                "field", w["field"] * self._field_fraction(e, r), self._field_reason(mentee, mentor)
            )
        if e.needs and w["needs"]:
            met = [
                (need, _matching_tag(words, mentor.expertise))
                for need, words in zip(mentee.needs, e.needs, strict=True)
                if words & r.expertise
            ]
            text = "; ".join(f"needs {need} — mentor lists {tag}" for need, tag in met)
            add("needs", w["needs"] * len(met) / len(e.needs), text)
        if mentee.choices and w["choice"]:
            rank = e.choice_rank.get(mentor.id)
            if rank is not None:
                n = len(mentee.choices)
                ordinal = _ORDINALS.get(rank, f"{rank}th")
                add("choice", w["choice"] * (n - rank + 1) / n, f"mentee's {ordinal} choice")
        if e.languages and e.languages & r.languages:
            shared = [x for x in mentee.languages if _key(x) in r.languages]
            add("language", w["language"], f"both speak {', '.join(shared)}")
        if e.preferred_gender and e.preferred_gender == r.gender:
            add("gender", w["gender"], f"mentee asked for a {mentee.preferred_gender} mentor")
        if e.organisation and r.organisation and e.organisation != r.organisation:
            add(
                "institution",
                w["institution"],
                f"cross-institution: {mentor.organisation} and {mentee.organisation}",
            )
        # Rounding each part may leave a hundredth over or under: the total is the truth.
        if parts:
            biggest = max(parts, key=lambda k: parts[k])
            parts[biggest] = round(parts[biggest] + points - sum(parts.values()), 2)
        if mentee.level is not None and mentor.level is not None:
            gap = mentor.level - mentee.level
            reasons.append(f"{gap} level{'s' if abs(gap) != 1 else ''} apart")
        else:
            reasons.append(STAGE_UNKNOWN)
        return Score(points, tuple(reasons), parts)

    def _field_reason(self, mentee: Candidate, mentor: Candidate) -> str:
        e, r = self._prep(mentee, mentee=True), self._prep(mentor, mentee=False)
        same_field = bool(e.field) and e.field == r.field
        same_department = bool(e.department) and e.department == r.department
        if self.rules.field_preference is FieldPreference.SAME:
            if same_field:
                return f"same field: {mentee.field}"
            return f"same department: {mentee.department}"
        said = []
        if mentor.field and mentee.field and not same_field:
            said.append(f"different field: {mentor.field} for {mentee.field}")
        if mentor.department and mentee.department and not same_department:
            said.append(f"different department: {mentor.department}")
        return "; ".join(said)


class _Prepared:
    """A candidate's keys, worked out once."""

    __slots__ = (
        "candidate",
        "choice_rank",
        "department",
        "expertise",
        "field",
        "gender",
        "languages",
        "needs",
        "organisation",
        "preferred_gender",
        "total_weight",
    )

    def __init__(self, c: Candidate) -> None:
        self.candidate = c
        # "Beams" and "Beams Department", "Experimental Physics (EP)" and "Experimental Physics".
        self.field = _department_key(c.field)
        self.department = _department_key(c.department)
        self.organisation = _organisation_key(c.organisation)
        self.gender = _key(c.gender)
        self.preferred_gender = _key(c.preferred_gender)
        self.languages = frozenset(_key(x) for x in c.languages if x.strip())
        self.expertise = frozenset().union(*(subject_keys(x) for x in c.expertise))
        self.needs = tuple(subject_keys(x) for x in c.needs)
        self.choice_rank = {m: i + 1 for i, m in enumerate(c.choices)}
        self.total_weight = -1.0


# A run prepares a candidate again whenever the engine hands it a changed copy (a mentor
# with one place fewer): the keys of the same texts are worked out once per process.
_department_key = functools.lru_cache(maxsize=8192)(department_key)
_organisation_key = functools.lru_cache(maxsize=8192)(organisation_key)


# What a saved explanation holds beside the reasons a pair fits: the facts, the note that
# no criterion scored (also as written before), and how the coordinator made the pair.
_NOT_A_REASON = re.compile(
    rf"-?\d+ levels? apart|{re.escape(STAGE_UNKNOWN)}|{NO_CRITERION}|no criterion met"
    r"|fixed by the coordinator\b.*"
)
_MADE_BY = re.compile(r"(?:paired by hand|swapped|re-matched)(?:: |$)")


def fit_reasons(explanation: str) -> str:
    """The reasons a saved match explanation gives for the fit, without the facts.

    What an introduction letter says under "Why you were matched": a gap in levels,
    an unknown stage, "no matching criterion met" and the coordinator's notes ("paired
    by hand", "fixed by the coordinator …") are left out. Explanations saved before
    the note existed ("2 levels apart" alone) are read the same way.

    Returns:
        The reasons joined by "; ", or "" when the explanation gives none.
    """
    kept = []
    for piece in explanation.split("; "):
        piece = _MADE_BY.sub("", piece.strip(), count=1).strip()
        if piece and not _NOT_A_REASON.fullmatch(piece):
            kept.append(piece)
    return "; ".join(kept)


def _matching_tag(words: frozenset[str], expertise: tuple[str, ...]) -> str:
    return next((tag for tag in expertise if subject_keys(tag) & words), "")


def score(mentee: Candidate, mentor: Candidate, rules: Rules) -> Score:
    """How well ``mentor`` fits ``mentee`` under ``rules``, 0 to 100 with reasons."""
    return Scorer(rules).score(mentee, mentor)
