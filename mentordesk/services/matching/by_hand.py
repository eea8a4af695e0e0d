"""The coordinator's own pairings: by hand, swapped or re-matched, checked against the hard rules.

The checks are the engine's own (``core.allowed``) on the people as the engine
sees them, plus what only a hand-made pairing can break: a mentee who already has
a mentor, or someone not accepted in the strand. A broken rule never stops the
coordinator, but they must say why; the reason is kept with the pairing and in
its audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from mentordesk.domain.enums import MentorResponse, PairingStatus, Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import PersonChoice, person_choices
from mentordesk.services.audit import record_change
from mentordesk.services.matching.candidates import (
    Standing,
    accepted_applications,
    mentee_candidate,
    mentor_candidate,
    standing,
)
from mentordesk.services.matching.core import Scorer, allowed
from mentordesk.services.matching.waitlist import (
    answer_due,
    take_paired_off_waitlist,
)
from mentordesk.services.pairings import (
    PairingInput,
    add_pairing,
    get_pairing,
    pairing_label,
    transition_refusal,
)
from mentordesk.services.programmes import StrandChoice, strand_choices
from mentordesk.store.models import Pairing, Person, Strand

# Refusals about the mentor alone, said once however many mentees there are.
_MENTOR_ONLY = frozenset({"has paused and takes no new mentees", "has no capacity left"})


@dataclass(frozen=True)
class RuleCheck:
    """What the hard rules say of a pairing the coordinator is about to make.

    Attributes:
        broken: each rule broken, in plain words naming who (empty when none is).
        points: the pairing's score (a circle's mean), None when it has no mentee.
        explanation: why they fit, as the engine explains its own proposals.
    """

    broken: tuple[str, ...] = ()
    points: float | None = None
    explanation: str = ""


@dataclass
class HandPairing:
    """A pairing (or circle) made by hand, and why if it breaks a rule."""

    strand_id: int
    mentor_id: int
    mentee_ids: list[int] = field(default_factory=list)
    override_reason: str = ""


def _person(session: Session, person_id: int, what: str) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise InvalidInput(f"Choose the {what}.")
    return person


def check_pairing(
    session: Session,
    programme_id: int,
    strand_id: int,
    mentor_id: int,
    mentee_ids: Sequence[int],
    *,
    ignoring: Collection[int] = (),
    found: Standing | None = None,
) -> RuleCheck:
    """Check a mentor and mentees against the programme's hard rules, as the engine would.

    Args:
        session: the open transaction.
        programme_id: the programme.
        strand_id: the strand the pairing would be in.
        mentor_id: the mentor or facilitator.
        mentee_ids: the mentee, or a circle's members.
        ignoring: pairings to leave out, as if gone (those being swapped or re-matched).
        found: the programme's standing, if already worked out.

    Raises:
        NotFound: the programme is not in the file.
        InvalidInput: the strand, mentor or a mentee is not in the file.
    """
    strand = session.get(Strand, strand_id)
    if strand is None or strand.programme_id != programme_id:
        raise InvalidInput("Choose the strand of the pairing.")
    found = found or standing(session, programme_id, ignoring=ignoring)
    mentor_person = _person(session, mentor_id, "mentor")
    mentees = [_person(session, i, "mentee") for i in dict.fromkeys(mentee_ids)]
    apps = accepted_applications(session, [strand_id], people=[mentor_id, *mentee_ids])
    mentor_apps = [a for a in apps if a.person_id == mentor_id and a.role is Role.MENTOR]
    # Strands are checked here by name; the engine's strand test is left out.
    mentor = replace(mentor_candidate(mentor_person, found, mentor_apps), strands=frozenset())
    broken: list[str] = []
    if not mentor_apps:
        broken.append(f"{mentor.name} is not an accepted mentor of {strand.name}")
    scorer = Scorer(found.rules)
    scores = []
    reasons = ""
    for person in mentees:
        own = [a for a in apps if a.person_id == person.id and a.role is Role.MENTEE]
        mentee = replace(mentee_candidate(person, found, own), strands=frozenset())
        if not own:
            broken.append(f"{mentee.name} is not an accepted mentee of {strand.name}")
        if current := found.mentor_of.get(person.id):
            broken.append(f"{mentee.name} already has a mentor here: {', '.join(current)}")
        refusal = allowed(mentee, mentor, found.rules)
        if refusal in _MENTOR_ONLY:
            line = f"{mentor.name} {refusal}"
            if line not in broken:
                broken.append(line)
        elif refusal is not None:
            broken.append(f"{mentor.name} for {mentee.name}: {refusal}")
        score = scorer.score(mentee, mentor)
        scores.append(score.points)
        reasons = score.explanation
    if len(mentees) > 1:
        reasons = f"circle of {len(mentees)} made by hand"
    return RuleCheck(
        broken=tuple(broken),
        points=round(sum(scores) / len(scores), 2) if scores else None,
        explanation=f"paired by hand: {reasons}" if reasons else "paired by hand",
    )


def reason_needed(broken: Sequence[str]) -> str:
    """The message asking for a reason when a pairing breaks rules."""
    count = "a rule" if len(broken) == 1 else f"{len(broken)} rules"
    listed = "\n".join(f"• {b}" for b in broken)
    return (
        f"This pairing breaks {count} of the programme:\n{listed}\n"
        "Type why you pair them anyway; the reason is kept with the pairing."
    )


def _override(check: RuleCheck, reason: str) -> str:
    """The reason to keep, or "" when no rule is broken.

    Raises:
        InvalidInput: a rule is broken and no reason was typed.
    """
    if not check.broken:
        return ""
    reason = reason.strip()
    if not reason:
        raise InvalidInput(reason_needed(check.broken))
    if len(reason) > 2000:
        raise InvalidInput("Keep the reason under 2,000 characters.")
    return reason


def _audit_override(check: RuleCheck, reason: str) -> str:
    if not check.broken:
        return "no rule broken"
    count = "1 rule" if len(check.broken) == 1 else f"{len(check.broken)} rules"
    return f"against {count}; reason: {reason}"


def pair_by_hand(
    session: Session,
    programme_id: int,
    data: HandPairing,
    *,
    today: dt.date | None = None,
    response_days: int | None = None,
) -> int:
    """Make a proposed pairing (or circle) the coordinator chose, and return its id.

    It is published at once, waiting for the mentor's answer, and its mentees leave
    the waitlist.

    Raises:
        InvalidInput: a rule is broken and no reason was given (the message lists
            them), or the people or strand do not fit together.
    """
    today = today or dt.date.today()
    check = check_pairing(session, programme_id, data.strand_id, data.mentor_id, data.mentee_ids)
    reason = _override(check, data.override_reason)
    pairing_id = add_pairing(
        session,
        PairingInput(
            strand_id=data.strand_id,
            mentor_id=data.mentor_id,
            mentee_ids=list(data.mentee_ids),
            status=PairingStatus.PROPOSED,
            proposed_on=today,
            match_score=check.points,
            match_explanation=check.explanation,
        ),
    )
    pairing = get_pairing(session, pairing_id)
    pairing.override_reason = reason
    pairing.response_due_on = answer_due(session, programme_id, today, response_days)
    take_paired_off_waitlist(session, pairing)
    record_change(session, "paired by hand", "pairing", pairing_id, _audit_override(check, reason))
    return pairing_id


def check_form_pairing(
    session: Session, programme_id: int, data: PairingInput, pairing_id: int | None = None
) -> None:
    """Refuse a pairing typed into the full pairing form that breaks a hard rule.

    The form has no place for a reason, so it cannot override a rule: it names the
    rules broken and points to Pair by hand, which keeps the reason. An existing
    pairing is checked only when its strand, mentor or mentees change, as if it
    were not there yet.

    Raises:
        InvalidInput: a rule is broken (the message lists them).
    """
    if pairing_id is not None:
        stored = get_pairing(session, pairing_id)
        unchanged = (
            stored.strand_id == data.strand_id
            and stored.mentor_id == data.mentor_id
            and {m.person_id for m in stored.members} == set(data.mentee_ids)
        )
        if unchanged:
            return
    check = check_pairing(
        session,
        programme_id,
        data.strand_id,
        data.mentor_id,
        data.mentee_ids,
        ignoring=() if pairing_id is None else (pairing_id,),
    )
    if check.broken:
        listed = "\n".join(f"• {b}" for b in check.broken)
        raise InvalidInput(
            f"This pairing breaks the programme's rules:\n{listed}\n"
            "To pair them anyway, use Pair by hand…, which keeps your reason with the pairing."
        )


def _swappable(pairing: Pairing) -> None:
    if not pairing.draft and pairing.status is not PairingStatus.PROPOSED:
        raise InvalidInput(
            f"“{pairing_label(pairing)}” is {pairing.status.label.lower()}: only draft or "
            "proposed pairings swap mentors (re-match a pairing under way instead)."
        )


def _swap_checks(
    session: Session, programme_id: int, first: Pairing, second: Pairing
) -> tuple[RuleCheck, RuleCheck]:
    if first.id == second.id:
        raise InvalidInput("Choose two different pairings to swap their mentors.")
    _swappable(first)
    _swappable(second)
    found = standing(session, programme_id, ignoring={first.id, second.id})

    def check(pairing: Pairing, mentor_id: int) -> RuleCheck:
        mentees = [m.person_id for m in pairing.members]
        return check_pairing(
            session, programme_id, pairing.strand_id, mentor_id, mentees, found=found
        )

    return check(first, second.mentor_id), check(second, first.mentor_id)


def check_swap(session: Session, programme_id: int, first_id: int, second_id: int) -> RuleCheck:
    """The rules two pairings would break if they swapped mentors (both checks together).

    Raises:
        NotFound: a pairing is no longer in the file.
        InvalidInput: they are one pairing, or one of them is under way already.
    """
    first, second = get_pairing(session, first_id), get_pairing(session, second_id)
    a, b = _swap_checks(session, programme_id, first, second)
    return RuleCheck(a.broken + b.broken)


def swap_mentors(
    session: Session,
    programme_id: int,
    first_id: int,
    second_id: int,
    override_reason: str = "",
    *,
    today: dt.date | None = None,
    response_days: int | None = None,
) -> None:
    """Give two draft or proposed pairings each other's mentor, with new scores.

    Any earlier answer from the mentors no longer holds: a published proposal waits
    for its new mentor's answer.

    Raises:
        NotFound: a pairing is no longer in the file.
        InvalidInput: they are one pairing, one is under way, or a rule is broken and
            no reason was given.
    """
    today = today or dt.date.today()
    first, second = get_pairing(session, first_id), get_pairing(session, second_id)
    checks = _swap_checks(session, programme_id, first, second)
    reason = _override(RuleCheck(checks[0].broken + checks[1].broken), override_reason)
    first.mentor_id, second.mentor_id = second.mentor_id, first.mentor_id
    for pairing, check, other in ((first, checks[0], second), (second, checks[1], first)):
        pairing.match_score = check.points
        pairing.match_explanation = check.explanation.replace("paired by hand", "swapped", 1)
        pairing.override_reason = reason if check.broken else ""
        pairing.mentor_response = MentorResponse.NONE
        if not pairing.draft:
            pairing.response_due_on = answer_due(session, programme_id, today, response_days)
        summary = f"mentor swapped with pairing {other.id}; {_audit_override(check, reason)}"
        record_change(session, "swapped", "pairing", pairing.id, summary)
    session.flush()
    session.expire(first, ["mentor"])
    session.expire(second, ["mentor"])


def rematch(
    session: Session,
    programme_id: int,
    pairing_id: int,
    mentor_id: int,
    override_reason: str = "",
    *,
    today: dt.date | None = None,
    response_days: int | None = None,
) -> int:
    """Give a pairing's mentee(s) a new mentor: a new proposed pairing, the old one re-matched.

    Returns:
        The new pairing's id.

    Raises:
        NotFound: the pairing is no longer in the file.
        InvalidInput: it is a draft or has ended, the mentor is the same, or a rule is
            broken and no reason was given.
    """
    today = today or dt.date.today()
    old = get_pairing(session, pairing_id)
    who = f"“{pairing_label(old)}”"
    if old.draft:
        raise InvalidInput(f"{who} is a draft: swap its mentor or reject it instead.")
    if refusal := transition_refusal(old.status, PairingStatus.REMATCHED, who):
        raise InvalidInput(refusal)
    if mentor_id == old.mentor_id:
        raise InvalidInput(f"Choose another mentor: {old.mentor.full_name} mentors them now.")
    mentees = [m.person_id for m in old.members]
    check = check_pairing(
        session, programme_id, old.strand_id, mentor_id, mentees, ignoring={old.id}
    )
    reason = _override(check, override_reason)
    new_id = add_pairing(
        session,
        PairingInput(
            strand_id=old.strand_id,
            mentor_id=mentor_id,
            mentee_ids=mentees,
            name=old.name,
            status=PairingStatus.PROPOSED,
            proposed_on=today,
            match_score=check.points,
            match_explanation=check.explanation.replace("paired by hand", "re-matched", 1),
        ),
    )
    new = get_pairing(session, new_id)
    new.override_reason = reason
    new.response_due_on = answer_due(session, programme_id, today, response_days)
    old.status = PairingStatus.REMATCHED
    old.end_reason = None
    if old.started_on is None or old.started_on <= today:
        old.ended_on = today
    record_change(session, "status", "pairing", old.id, f"re-matched: now pairing {new_id}")
    record_change(
        session,
        "re-matched",
        "pairing",
        new_id,
        f"re-matched from pairing {old.id}; {_audit_override(check, reason)}",
    )
    return new_id


@dataclass(frozen=True)
class HandChoices:
    """Whom the pair-by-hand form offers, strand by strand.

    Attributes:
        strands: the programme's strands.
        people: everyone in the file (offered when the coordinator asks for everyone).
        mentors: each strand's accepted mentors.
        mentees: each strand's accepted mentees still without a mentor, the waitlist first.
        waitlist: each strand's waiting mentees' places on its waitlist.
    """

    strands: list[StrandChoice]
    people: list[PersonChoice]
    mentors: dict[int, list[int]]
    mentees: dict[int, list[int]]
    waitlist: dict[int, dict[int, int]]


def hand_pairing_choices(session: Session, programme_id: int) -> HandChoices:
    """The strands and people the pair-by-hand form offers."""
    strands = strand_choices(session, programme_id)
    found = standing(session, programme_id)
    mentors: dict[int, list[int]] = {s.id: [] for s in strands}
    waiting: dict[int, list[tuple[int, str, int]]] = {s.id: [] for s in strands}
    for app in accepted_applications(session, list(mentors)):
        if app.role is Role.MENTOR:
            mentors[app.strand_id].append(app.person_id)
        elif app.person_id not in found.paired:
            rank = app.waitlist_rank if app.waitlist_rank is not None else 1_000_000
            waiting[app.strand_id].append((rank, app.person.full_name, app.person_id))
    return HandChoices(
        strands=strands,
        people=person_choices(session),
        mentors=mentors,
        mentees={strand: [p for *_, p in sorted(people)] for strand, people in waiting.items()},
        waitlist={
            strand: {p: rank for rank, _, p in people if rank < 1_000_000}
            for strand, people in waiting.items()
        },
    )
