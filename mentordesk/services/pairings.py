"""Pairings and circles: who mentors whom, with the agreement and follow-up check-ins."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import CheckInOutcome, EndReason, PairingStatus, StrandFormat
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_change
from mentordesk.services.validation import optional_text
from mentordesk.store.models import CheckIn, Pairing, PairingMember, Person, Strand


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
    session.add(pairing)
    session.flush()
    record_change(session, "created", "pairing", pairing.id)
    return pairing.id


def update_pairing(session: Session, pairing_id: int, data: PairingInput) -> None:
    """Save changes to a pairing (its check-ins are kept)."""
    _apply(session, get_pairing(session, pairing_id), data)
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


def pairing_rows(session: Session, programme_id: int) -> list[PairingRow]:
    """Every pairing of a programme, for the Pairings table."""
    pairings = session.scalars(
        select(Pairing)
        .join(Strand)
        .where(Strand.programme_id == programme_id)
        .options(
            selectinload(Pairing.mentor),
            selectinload(Pairing.strand),
            selectinload(Pairing.members).selectinload(PairingMember.person),
            selectinload(Pairing.check_ins),
        )
        .order_by(Pairing.id)
    )
    rows = []
    for p in pairings:
        mentees = sorted(m.person.full_name for m in p.members)
        pending = [c.due_on for c in p.check_ins if c.done_on is None]
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
            )
        )
    return rows


#: Pairings under way, whose check-ins someone should be doing.
FOLLOWED_UP = (PairingStatus.INTRODUCED, PairingStatus.ACTIVE)


@dataclass(frozen=True)
class OverdueCheckIn:
    """A check-in of a pairing under way that was due before today and is not done."""

    check_in_id: int
    pairing_id: int
    mentor: str
    mentees: str
    status: PairingStatus
    due_on: dt.date
    days_overdue: int


def overdue_check_ins(session: Session, programme_id: int, today: dt.date) -> list[OverdueCheckIn]:
    """The check-ins past due in a programme's introduced and active pairings, oldest first.

    Drafts are left out: nobody has been told about them yet.
    """
    check_ins = session.scalars(
        select(CheckIn)
        .join(Pairing)
        .join(Strand)
        .where(
            Strand.programme_id == programme_id,
            Pairing.status.in_(FOLLOWED_UP),
            Pairing.draft.is_(False),
            CheckIn.done_on.is_(None),
            CheckIn.due_on < today,
        )
        .options(
            selectinload(CheckIn.pairing).selectinload(Pairing.mentor),
            selectinload(CheckIn.pairing)
            .selectinload(Pairing.members)
            .selectinload(PairingMember.person),
        )
        .order_by(CheckIn.due_on, CheckIn.id)
    )
    return [
        OverdueCheckIn(
            check_in_id=c.id,
            pairing_id=c.pairing_id,
            mentor=c.pairing.mentor.full_name,
            mentees=", ".join(sorted(m.person.full_name for m in c.pairing.members)),
            status=c.pairing.status,
            due_on=c.due_on,
            days_overdue=(today - c.due_on).days,
        )
        for c in check_ins
    ]


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
