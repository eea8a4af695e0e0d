"""Pairings and circles: who mentors whom, their statuses, the agreement and follow-up check-ins."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    CheckInOutcome,
    EndReason,
    MentorResponse,
    PairingStatus,
    Role,
    StrandFormat,
)
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_added, record_change
from mentordesk.services.collation import sort_key
from mentordesk.services.programmes import add_months
from mentordesk.services.training import missing_training
from mentordesk.services.validation import optional_text
from mentordesk.store.models import CheckIn, MessageLog, Pairing, PairingMember, Person, Strand

_S = PairingStatus
#: The statuses a pairing can move to from each status. A pairing is re-matched only
#: through ``matching.by_hand.rematch``, which makes the new pairing at the same time.
NEXT_STATUSES: Mapping[PairingStatus, frozenset[PairingStatus]] = MappingProxyType(
    {
        _S.PROPOSED: frozenset({_S.INTRODUCED, _S.ACTIVE, _S.ENDED_EARLY, _S.REMATCHED}),
        _S.INTRODUCED: frozenset({_S.ACTIVE, _S.PAUSED, _S.ENDED_EARLY, _S.REMATCHED}),
        _S.ACTIVE: frozenset({_S.PAUSED, _S.COMPLETED, _S.ENDED_EARLY, _S.EXTENDED, _S.REMATCHED}),
        _S.PAUSED: frozenset({_S.ACTIVE, _S.COMPLETED, _S.ENDED_EARLY, _S.EXTENDED, _S.REMATCHED}),
        _S.EXTENDED: frozenset(
            {_S.PAUSED, _S.COMPLETED, _S.ENDED_EARLY, _S.EXTENDED, _S.REMATCHED}
        ),
        _S.COMPLETED: frozenset({_S.EXTENDED}),
        _S.ENDED_EARLY: frozenset(),
        _S.REMATCHED: frozenset(),
    }
)
#: Pairings under way, whose check-ins someone should be doing.
FOLLOWED_UP = (PairingStatus.INTRODUCED, PairingStatus.ACTIVE, PairingStatus.EXTENDED)
#: Loader options that bring a pairing's strand, mentor and mentees with it, for any
#: query that names its people: ``select(Pairing).options(*WITH_PEOPLE)``.
WITH_PEOPLE = (
    selectinload(Pairing.mentor),
    selectinload(Pairing.strand),
    selectinload(Pairing.members).selectinload(PairingMember.person),
)


@dataclass
class PairingInput:
    """A pairing (or circle) as typed in a form."""

    strand_id: int
    mentor_id: int
    mentee_ids: list[int]
    name: str = ""
    status: PairingStatus = PairingStatus.PROPOSED
    proposed_on: dt.date | None = None
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    match_score: float | None = None
    match_explanation: str = ""
    meeting_frequency: str = ""
    meeting_length: str = ""
    meeting_venue: str = ""
    contact_between_meetings: str = ""
    review_on: dt.date | None = None
    goals: str = ""
    confidentiality_agreed: bool = False
    # Kept only while the status is "ended early"; any other status clears it.
    end_reason: EndReason | None = None
    # A proposal nobody sees until the coordinator publishes it.
    draft: bool = False
    check_ins: list[CheckInInput] = field(default_factory=list)


@dataclass
class CheckInInput:
    """A follow-up with a pairing."""

    due_on: dt.date
    done_on: dt.date | None = None
    outcome: CheckInOutcome | None = None
    summary: str = ""


@dataclass(frozen=True)
class PairingRow:
    """One line of the Pairings table."""

    pairing_id: int
    name: str
    strand: str
    format: StrandFormat
    mentor: str
    mentees: str
    mentee_count: int
    status: PairingStatus
    started_on: dt.date | None
    next_check_in: dt.date | None
    match_score: float | None
    match_explanation: str = ""
    draft: bool = False
    mentor_response: MentorResponse = MentorResponse.NONE
    response_due_on: dt.date | None = None
    override_reason: str = ""
    # Who in a pairing under way has not completed a required training, one line each.
    training_missing: tuple[str, ...] = ()
    # How many of its check-ins are overdue (``check_in_state``); the first is ``next_check_in``.
    check_ins_overdue: int = 0


def next_statuses(status: PairingStatus) -> list[PairingStatus]:
    """The statuses a pairing can move to from ``status``, in the enumeration's order."""
    return [s for s in PairingStatus if s in NEXT_STATUSES[status]]


def transition_refusal(old: PairingStatus, new: PairingStatus, who: str = "This pairing") -> str:
    """Why a pairing cannot move from ``old`` to ``new``, or "" when it can."""
    if new in NEXT_STATUSES[old]:
        return ""
    allowed = [s.label.lower() for s in next_statuses(old)]
    if not allowed:
        return f"{who} is {old.label.lower()}: its status can no longer change."
    return (
        f"{who} is {old.label.lower()}, so it cannot become {new.label.lower()}; "
        f"it can become {_or_list(allowed)}."
    )


def _or_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _apply(session: Session, pairing: Pairing, data: PairingInput) -> None:
    strand = session.get(Strand, data.strand_id)
    if strand is None:
        raise InvalidInput("Choose the strand of the pairing.")
    if session.get(Person, data.mentor_id) is None:
        raise InvalidInput("Choose the mentor.")
    mentee_ids = list(dict.fromkeys(data.mentee_ids))
    if not mentee_ids:
        raise InvalidInput("A pairing needs at least one mentee.")
    if data.mentor_id in mentee_ids:
        raise InvalidInput("The mentor cannot also be one of the mentees.")
    if strand.format is StrandFormat.ONE_TO_ONE and len(mentee_ids) > 1:
        raise InvalidInput(
            f"{strand.name} is a one-to-one strand: a pairing there has exactly one mentee."
        )
    found = set(session.scalars(select(Person.id).where(Person.id.in_(mentee_ids))))
    if missing := [i for i in mentee_ids if i not in found]:
        raise InvalidInput(f"{len(missing)} of the chosen mentees are no longer in the file.")
    if data.started_on and data.ended_on and data.ended_on < data.started_on:
        raise InvalidInput("A pairing cannot end before it starts.")
    if data.match_score is not None and not 0 <= data.match_score <= 100:
        raise InvalidInput("A match score is between 0 and 100.")
    pairing.strand_id = data.strand_id
    pairing.mentor_id = data.mentor_id
    pairing.name = optional_text(data.name, "Name")
    pairing.status = data.status
    pairing.proposed_on = data.proposed_on
    pairing.started_on = data.started_on
    pairing.ended_on = data.ended_on
    pairing.match_score = data.match_score
    pairing.match_explanation = optional_text(
        data.match_explanation, "Explanation", max_length=5000
    )
    pairing.meeting_frequency = optional_text(
        data.meeting_frequency, "Meeting frequency", max_length=120
    )
    pairing.meeting_length = optional_text(data.meeting_length, "Meeting length", max_length=120)
    pairing.meeting_venue = optional_text(data.meeting_venue, "Venue")
    pairing.contact_between_meetings = optional_text(data.contact_between_meetings, "Contact")
    pairing.review_on = data.review_on
    pairing.goals = optional_text(data.goals, "Goals", max_length=5000)
    pairing.confidentiality_agreed = data.confidentiality_agreed
    ended_early = data.status is PairingStatus.ENDED_EARLY
    pairing.end_reason = data.end_reason if ended_early else None
    pairing.draft = data.draft
    current = {m.person_id: m for m in pairing.members}
    for person_id, member in current.items():
        if person_id not in mentee_ids:
            pairing.members.remove(member)
    for person_id in mentee_ids:
        if person_id not in current:
            pairing.members.append(PairingMember(person_id=person_id))


def add_pairing(session: Session, data: PairingInput) -> int:
    """Add a pairing or circle and return its id.

    Raises:
        InvalidInput: the mentor, mentees or dates do not fit together.
    """
    pairing = Pairing()
    _apply(session, pairing, data)
    for check_in in data.check_ins:
        pairing.check_ins.append(
            CheckIn(
                due_on=check_in.due_on,
                done_on=check_in.done_on,
                outcome=check_in.outcome,
                summary=check_in.summary.strip(),
            )
        )
    return record_added(session, pairing, "pairing")


def update_pairing(session: Session, pairing_id: int, data: PairingInput) -> None:
    """Save changes to a pairing (its check-ins are kept).

    Raises:
        InvalidInput: a field is wrong, or the status cannot follow the current one
            (a draft stays proposed until published; re-matching has its own action).
    """
    pairing = get_pairing(session, pairing_id)
    if data.status is not pairing.status:
        if pairing.draft:
            raise InvalidInput("A draft proposal stays proposed until it is published.")
        if data.status is PairingStatus.REMATCHED:
            raise InvalidInput("Use Re-match… to choose the mentee's new mentor.")
        if refusal := transition_refusal(pairing.status, data.status):
            raise InvalidInput(refusal)
    _apply(session, pairing, data)
    record_change(session, "edited", "pairing", pairing_id)


def delete_pairing(session: Session, pairing_id: int) -> None:
    """Remove a pairing with its check-ins and notes."""
    session.delete(get_pairing(session, pairing_id))
    record_change(session, "deleted", "pairing", pairing_id)


def get_pairing(session: Session, pairing_id: int) -> Pairing:
    """The pairing with this id.

    Raises:
        NotFound: it is no longer in the file.
    """
    pairing = session.get(Pairing, pairing_id)
    if pairing is None:
        raise NotFound("This pairing is no longer in the file.")
    return pairing


def pairing_input(session: Session, pairing_id: int) -> PairingInput:
    """A pairing's current values, ready to fill an edit form."""
    p = get_pairing(session, pairing_id)
    return PairingInput(
        strand_id=p.strand_id,
        mentor_id=p.mentor_id,
        mentee_ids=[m.person_id for m in p.members],
        name=p.name,
        status=p.status,
        proposed_on=p.proposed_on,
        started_on=p.started_on,
        ended_on=p.ended_on,
        match_score=p.match_score,
        match_explanation=p.match_explanation,
        meeting_frequency=p.meeting_frequency,
        meeting_length=p.meeting_length,
        meeting_venue=p.meeting_venue,
        contact_between_meetings=p.contact_between_meetings,
        review_on=p.review_on,
        goals=p.goals,
        confidentiality_agreed=p.confidentiality_agreed,
        end_reason=p.end_reason,
        draft=p.draft,
    )


def pairing_rows(
    session: Session, programme_id: int, *, today: dt.date | None = None
) -> list[PairingRow]:
    """Every pairing of a programme, for the Pairings table (with training warnings).

    A row's next check-in is its first one still open on ``today`` (by default the
    real today): not done and not settled by a later one (see ``check_in_state``).
    """
    today = today or dt.date.today()
    warnings = training_warnings(session, programme_id)
    pairings = session.scalars(
        select(Pairing)
        .join(Strand)
        .where(Strand.programme_id == programme_id)
        .options(*WITH_PEOPLE, selectinload(Pairing.check_ins))
        .order_by(Pairing.id)
    )
    rows = []
    for p in pairings:
        mentees = sorted((m.person.full_name for m in p.members), key=sort_key)
        states = check_in_states(p, today)
        pending = [c.due_on for c, state in states if state in OPEN_CHECK_INS]
        rows.append(
            PairingRow(
                pairing_id=p.id,
                name=p.name or f"{p.mentor.full_name} – {', '.join(mentees)}",
                strand=p.strand.name,
                format=p.strand.format,
                mentor=p.mentor.full_name,
                mentees=", ".join(mentees),
                mentee_count=len(mentees),
                status=p.status,
                started_on=p.started_on,
                next_check_in=min(pending) if pending else None,
                match_score=p.match_score,
                match_explanation=p.match_explanation,
                draft=p.draft,
                mentor_response=p.mentor_response,
                response_due_on=p.response_due_on,
                override_reason=p.override_reason,
                training_missing=warnings.get(p.id, ()),
                check_ins_overdue=sum(state is CheckInState.OVERDUE for _c, state in states),
            )
        )
    return rows


class CheckInState(StrEnum):
    """Where one check-in stands on a day (``check_in_state`` decides)."""

    PLANNED = "planned"
    OVERDUE = "overdue"
    DONE = "done"
    SETTLED = "settled"
    NOT_DONE = "not_done"

    @property
    def label(self) -> str:
        """The words the details use where the check-in's done date would be."""
        return _CHECK_IN_STATE_LABELS[self]


_CHECK_IN_STATE_LABELS = {
    CheckInState.PLANNED: "not yet",
    CheckInState.OVERDUE: "overdue",
    CheckInState.DONE: "done",
    CheckInState.SETTLED: "missed; a later check-in was done",
    CheckInState.NOT_DONE: "not done",
}
#: The states of a check-in still to do, the first of which is a pairing's next check-in.
OPEN_CHECK_INS = frozenset({CheckInState.PLANNED, CheckInState.OVERDUE, CheckInState.NOT_DONE})


def check_in_state(
    due_on: dt.date,
    done_on: dt.date | None,
    *,
    last_done_on: dt.date | None,
    under_way: bool,
    today: dt.date,
) -> CheckInState:
    """Where one check-in stands on ``today``: the one rule of what is overdue.

    A check-in not done is settled once any check-in of its pairing is done on or
    after the day it was due: the pairing met since, so the missed one needs nothing
    more. One still open is overdue when its day has passed and its pairing is
    under way; in a paused, ended or draft pairing it is only not done.

    Args:
        due_on: the day it was due.
        done_on: the day it was done, if it was.
        last_done_on: the latest day any check-in of its pairing was done.
        under_way: whether its pairing is published and introduced, active or extended.
        today: the day to reckon from.
    """
    if done_on is not None:
        return CheckInState.DONE
    if last_done_on is not None and last_done_on >= due_on:
        return CheckInState.SETTLED
    if due_on >= today:
        return CheckInState.PLANNED
    return CheckInState.OVERDUE if under_way else CheckInState.NOT_DONE


def check_in_states(pairing: Pairing, today: dt.date) -> list[tuple[CheckIn, CheckInState]]:
    """Each check-in of a pairing, by due date, with where it stands on ``today``."""
    last_done_on = max((c.done_on for c in pairing.check_ins if c.done_on), default=None)
    under_way = pairing.status in FOLLOWED_UP and not pairing.draft
    return [
        (
            c,
            check_in_state(
                c.due_on, c.done_on, last_done_on=last_done_on, under_way=under_way, today=today
            ),
        )
        for c in pairing.check_ins
    ]


@dataclass(frozen=True)
class OverdueCheckIn:
    """A check-in overdue on a day (``check_in_state``), with its pairing's people."""

    check_in_id: int
    pairing_id: int
    mentor: str
    mentees: str
    status: PairingStatus
    due_on: dt.date
    days_overdue: int


def overdue_check_ins(session: Session, programme_id: int, today: dt.date) -> list[OverdueCheckIn]:
    """The check-ins overdue on ``today`` in a programme's pairings, oldest first.

    Overdue as ``check_in_state`` says: past due in a published pairing under way,
    and no check-in of that pairing done since.
    """
    pairings = session.scalars(
        select(Pairing)
        .where(
            under_way_in(programme_id),
            Pairing.check_ins.any((CheckIn.done_on.is_(None)) & (CheckIn.due_on < today)),
        )
        .options(
            selectinload(Pairing.check_ins),
            selectinload(Pairing.mentor),
            selectinload(Pairing.members).selectinload(PairingMember.person),
        )
    )
    found = [
        OverdueCheckIn(
            check_in_id=c.id,
            pairing_id=p.id,
            mentor=p.mentor.full_name,
            mentees=", ".join(sorted((m.person.full_name for m in p.members), key=sort_key)),
            status=p.status,
            due_on=c.due_on,
            days_overdue=(today - c.due_on).days,
        )
        for p in pairings
        for c, state in check_in_states(p, today)
        if state is CheckInState.OVERDUE
    ]
    return sorted(found, key=lambda c: (c.due_on, c.check_in_id))


def schedule_check_ins(
    session: Session,
    pairing_id: int,
    *,
    first_after_weeks: int = 4,
    every_weeks: int = 8,
    until: dt.date | None = None,
) -> list[dt.date]:
    """Plan a pairing's check-ins from its start: the first after some weeks, then regularly.

    Dates that already have a check-in are skipped, so planning twice adds nothing.

    Args:
        session: the open transaction.
        pairing_id: the pairing to plan.
        first_after_weeks: weeks from the start to the first check-in.
        every_weeks: weeks between check-ins.
        until: the last possible date; by default the pairing's review date or its end,
            whichever comes first.

    Returns:
        The due dates added, in order.

    Raises:
        NotFound: the pairing is no longer in the file.
        InvalidInput: it has no start date or nothing to plan until, or the weeks are not positive.
    """
    pairing = get_pairing(session, pairing_id)
    if first_after_weeks < 0 or every_weeks < 1:
        raise InvalidInput("Check-ins are planned at least a week apart, starting from the start.")
    start = pairing.started_on
    if start is None:
        raise InvalidInput("Set the date the pairing started before planning its check-ins.")
    limits = [d for d in (pairing.review_on, pairing.ended_on) if d is not None]
    last = until or (min(limits) if limits else None)
    if last is None:
        raise InvalidInput("Set the pairing's review date (or its end) to plan check-ins up to it.")
    planned = {c.due_on for c in pairing.check_ins}
    added = []
    due = start + dt.timedelta(weeks=first_after_weeks)
    while due <= last:
        if due not in planned:
            pairing.check_ins.append(CheckIn(due_on=due))
            added.append(due)
        due += dt.timedelta(weeks=every_weeks)
    if added:
        record_change(session, "edited", "pairing", pairing_id, f"{len(added)} check-ins planned")
    return added


# Statuses ------------------------------------------------------------------------


@dataclass
class StatusChange:
    """A move of pairings to another status, with what that status needs.

    Attributes:
        status: the new status (re-matching has its own service, ``matching.by_hand.rematch``).
        on: the day it happened: the start of an active pairing that had none, the end
            of a completed or ended one.
        end_reason: why a pairing ended early (required then).
        review_on: an extended pairing's new review date.
        ended_on: an extended pairing's new end date.
    """

    status: PairingStatus
    on: dt.date
    end_reason: EndReason | None = None
    review_on: dt.date | None = None
    ended_on: dt.date | None = None


def pairing_label(pairing: Pairing) -> str:
    """A pairing as a message names it: its name, or its mentor and mentees."""
    if pairing.name:
        return pairing.name
    mentees = ", ".join(sorted((m.person.full_name for m in pairing.members), key=sort_key))
    return f"{pairing.mentor.full_name} – {mentees}"


def _status_refusal(pairing: Pairing, change: StatusChange) -> str:
    who = f"“{pairing_label(pairing)}”"
    if pairing.draft:
        return f"{who} is a draft proposal: publish it before changing its status."
    if change.status is PairingStatus.REMATCHED:
        return "Use Re-match… to choose the mentee's new mentor."
    if change.status is pairing.status and change.status is not PairingStatus.EXTENDED:
        return f"{who} is already {change.status.label.lower()}."
    if refusal := transition_refusal(pairing.status, change.status, who):
        return refusal
    ending = change.status in (PairingStatus.COMPLETED, PairingStatus.ENDED_EARLY)
    if ending and pairing.started_on and change.on < pairing.started_on:
        return f"{who} started on {pairing.started_on}: it cannot end before that."
    if change.status is PairingStatus.EXTENDED:
        return _extension_refusal(pairing, change, who)
    return ""


def _extension_refusal(pairing: Pairing, change: StatusChange, who: str) -> str:
    if change.review_on is None and change.ended_on is None:
        return f"Give {who} a new review date or end date to extend it."
    for new, old, what in (
        (change.review_on, pairing.review_on, "review"),
        (change.ended_on, pairing.ended_on, "end"),
    ):
        if new is not None and old is not None and new <= old:
            return f"The new {what} date of {who} must come after its current one, {old}."
    if change.ended_on and pairing.started_on and change.ended_on < pairing.started_on:
        return f"{who} started on {pairing.started_on}: it cannot end before that."
    return ""


def _plan_review_and_end(pairing: Pairing) -> None:
    """From the programme's duration: a review halfway and the end, unless already set."""
    months, start = pairing.strand.programme.duration_months, pairing.started_on
    if months and start:
        pairing.review_on = pairing.review_on or add_months(start, max(1, months // 2))
        pairing.ended_on = pairing.ended_on or add_months(start, months)


def change_status(session: Session, pairing_ids: Iterable[int], change: StatusChange) -> int:
    """Move pairings to another status; all of them or, if any cannot move, none.

    Active sets the start date if there was none, and then the review halfway through
    the programme's duration and the end at its close, unless they are set; completed
    and ended early set the end date (ended early also needs the reason); extended
    moves the review or end date later.

    Returns:
        How many pairings changed.

    Raises:
        NotFound: a pairing is no longer in the file.
        InvalidInput: a pairing cannot move to this status; the message says why.
    """
    if change.status is PairingStatus.ENDED_EARLY and change.end_reason is None:
        raise InvalidInput("Say why the pairing ended early.")
    pairings = [get_pairing(session, i) for i in dict.fromkeys(pairing_ids)]
    for pairing in pairings:
        if refusal := _status_refusal(pairing, change):
            raise InvalidInput(refusal)
    for pairing in pairings:
        old = pairing.status
        pairing.status = change.status
        if change.status is PairingStatus.ACTIVE and pairing.started_on is None:
            pairing.started_on = change.on
            _plan_review_and_end(pairing)
        elif change.status in (PairingStatus.COMPLETED, PairingStatus.ENDED_EARLY):
            pairing.ended_on = change.on
        elif change.status is PairingStatus.EXTENDED:
            pairing.review_on = change.review_on or pairing.review_on
            pairing.ended_on = change.ended_on or pairing.ended_on
        pairing.end_reason = (
            change.end_reason if change.status is PairingStatus.ENDED_EARLY else None
        )
        summary = f"{old.label.lower()} → {change.status.label.lower()}"
        if change.end_reason is not None and change.status is PairingStatus.ENDED_EARLY:
            summary += f" ({change.end_reason.label.lower()})"
        record_change(session, "status", "pairing", pairing.id, summary)
    return len(pairings)


# Queries ---------------------------------------------------------------------------


def published_in(programme_id: int) -> ColumnElement[bool]:
    """The condition that a pairing is one of the programme's published pairings (not drafts).

    For any query of pairings: ``select(Pairing).where(published_in(programme_id))``.
    """
    return and_(
        Pairing.strand_id.in_(select(Strand.id).where(Strand.programme_id == programme_id)),
        Pairing.draft.is_(False),
    )


def under_way_in(programme_id: int) -> ColumnElement[bool]:
    """The condition that a pairing is one of the programme's published pairings under way.

    Under way is introduced, active or extended (``FOLLOWED_UP``): the pairings whose
    check-ins someone should be doing, whose people are reminded and sent check-in
    messages. For any query of pairings: ``select(Pairing).where(under_way_in(id))``.
    """
    return and_(published_in(programme_id), Pairing.status.in_(FOLLOWED_UP))


def person_pairings_under_way(session: Session, programme_id: int, person_id: int) -> list[Pairing]:
    """A person's pairings under way in a programme, as mentor or mentee, by id.

    Their members and check-ins are loaded with them.
    """
    member_of = select(PairingMember.pairing_id).where(PairingMember.person_id == person_id)
    return list(
        session.scalars(
            select(Pairing)
            .where(
                under_way_in(programme_id),
                (Pairing.mentor_id == person_id) | Pairing.id.in_(member_of),
            )
            .options(
                selectinload(Pairing.members).selectinload(PairingMember.person),
                selectinload(Pairing.check_ins),
            )
            .order_by(Pairing.id)
        )
    )


def pairings_to_introduce(
    session: Session, programme_id: int, *, every_published: bool = False
) -> list[int]:
    """Pairings of a programme whose introduction is still to be prepared, by id.

    Those under way (introduced, active or extended) for which no introduction was
    logged yet; with ``every_published``, every pairing that is not a draft.
    """
    if every_published:
        chosen = published_in(programme_id)
    else:
        introduced = select(MessageLog.pairing_id).where(
            MessageLog.programme_id == programme_id,
            MessageLog.template_key == "introduction",
            MessageLog.pairing_id.is_not(None),
        )
        chosen = and_(under_way_in(programme_id), Pairing.id.not_in(introduced))
    return list(session.scalars(select(Pairing.id).where(chosen).order_by(Pairing.id)))


# Warnings and attention ---------------------------------------------------------


def training_warnings(session: Session, programme_id: int) -> dict[int, tuple[str, ...]]:
    """Who in each pairing under way has not completed a required training.

    Returns:
        For each introduced, active or extended pairing with someone missing a
        training, one line per person, e.g. "Ana Silva (mentee): Orientation".
    """
    missing: dict[tuple[int, Role], list[str]] = defaultdict(list)
    for line in missing_training(session, programme_id):
        missing[(line.person_id, line.role)].append(line.kind.label)
    if not missing:
        return {}
    pairings = session.scalars(
        select(Pairing)
        .where(under_way_in(programme_id))
        .options(
            selectinload(Pairing.mentor),
            selectinload(Pairing.members).selectinload(PairingMember.person),
        )
    )
    warnings: dict[int, tuple[str, ...]] = {}
    for p in pairings:
        mentees = sorted(p.members, key=lambda m: sort_key(m.person.full_name))
        people = [(p.mentor, Role.MENTOR), *((m.person, Role.MENTEE) for m in mentees)]
        lines = [
            f"{person.full_name} ({role.label.lower()}): {', '.join(missing[(person.id, role)])}"
            for person, role in people
            if missing.get((person.id, role))
        ]
        if lines:
            warnings[p.id] = tuple(lines)
    return warnings


def overdue_responses(session: Session, programme_id: int, today: dt.date) -> list[int]:
    """The published proposals whose mentor has not answered by the date it was due."""
    return list(
        session.scalars(
            select(Pairing.id)
            .join(Strand)
            .where(
                Strand.programme_id == programme_id,
                Pairing.status == PairingStatus.PROPOSED,
                Pairing.draft.is_(False),
                Pairing.mentor_response == MentorResponse.NONE,
                Pairing.response_due_on < today,
            )
            .order_by(Pairing.id)
        )
    )


# Check-ins -------------------------------------------------------------------------


@dataclass
class CheckInRecord:
    """What a follow-up found, as typed in the check-in form."""

    done_on: dt.date | None
    outcome: CheckInOutcome | None = None
    summary: str = ""


def add_check_in(session: Session, pairing_id: int, due_on: dt.date) -> int:
    """Plan one more check-in of a pairing and return its id."""
    pairing = get_pairing(session, pairing_id)
    check_in = CheckIn(due_on=due_on)
    pairing.check_ins.append(check_in)
    session.flush()
    record_change(session, "edited", "pairing", pairing_id, f"check-in planned for {due_on}")
    return check_in.id


def record_check_in(
    session: Session, check_in_id: int, data: CheckInRecord, *, today: dt.date | None = None
) -> None:
    """Record when a check-in was done, what it found and a summary.

    Raises:
        NotFound: the check-in is no longer in the file.
        InvalidInput: an outcome without the date it was done, a date after today,
            or a summary over 5,000 characters.
    """
    check_in = session.get(CheckIn, check_in_id)
    if check_in is None:
        raise NotFound("This check-in is no longer in the file.")
    if data.outcome is not None and data.done_on is None:
        raise InvalidInput("Give the date of the check-in to record what it found.")
    if data.done_on is not None and data.done_on > (today or dt.date.today()):
        raise InvalidInput("A check-in cannot have been done after today.")
    check_in.done_on = data.done_on
    check_in.outcome = data.outcome
    check_in.summary = optional_text(data.summary, "Summary", max_length=5000)
    outcome = f": {data.outcome.label.lower()}" if data.outcome else ""
    record_change(
        session,
        "check-in",
        "pairing",
        check_in.pairing_id,
        f"check-in of {check_in.due_on}{outcome}",
    )
