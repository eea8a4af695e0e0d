"""What the details beside the Pairings table show about one pairing.

Its check-ins, each with where it stands (``pairings.check_in_state``), its
training warnings, and its history: the audit trail, preceded by the days the
pairing was proposed and started when those came before it was added to the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    CheckInOutcome,
    EndReason,
    MentorResponse,
    PairingStatus,
    StrandFormat,
)
from mentordesk.services.collation import sort_key
from mentordesk.services.pairings import (
    CheckInState,
    check_in_states,
    get_pairing,
    next_statuses,
    training_warnings,
)
from mentordesk.store.models import AuditEntry, Pairing

#: What the history calls the audit entry of a pairing's creation when the pairing
#: began earlier than that (it was entered in the file later).
ADDED_TO_THE_FILE = "added to the file"


@dataclass(frozen=True)
class CheckInRow:
    """One check-in of a pairing, as the details list it, with where it stands."""

    check_in_id: int
    due_on: dt.date
    done_on: dt.date | None
    outcome: CheckInOutcome | None
    summary: str
    state: CheckInState = CheckInState.PLANNED


@dataclass(frozen=True)
class HistoryLine:
    """One line of a pairing's history.

    Attributes:
        at: the moment of an audit entry (a ``datetime``), or only the day for what
            the pairing's own dates say happened before it was added to the file.
        action: what happened ("created", "status", "started", …).
        summary: the entry's details ("" when there are none).
    """

    at: dt.date
    action: str
    summary: str


@dataclass(frozen=True)
class PairingDetail:
    """Everything the details beside the Pairings table show about one pairing."""

    pairing_id: int
    name: str
    strand: str
    format: StrandFormat
    mentor: str
    mentees: tuple[str, ...]
    status: PairingStatus
    draft: bool
    proposed_on: dt.date | None
    started_on: dt.date | None
    ended_on: dt.date | None
    review_on: dt.date | None
    end_reason: EndReason | None
    match_score: float | None
    match_explanation: str
    override_reason: str
    mentor_response: MentorResponse
    response_due_on: dt.date | None
    meeting_frequency: str
    meeting_length: str
    meeting_venue: str
    contact_between_meetings: str
    goals: str
    confidentiality_agreed: bool
    check_ins: tuple[CheckInRow, ...]
    training_missing: tuple[str, ...]
    history: tuple[HistoryLine, ...]

    @property
    def next_statuses(self) -> list[PairingStatus]:
        """The statuses it can move to (none while it is a draft)."""
        return [] if self.draft else next_statuses(self.status)


def pairing_history(pairing: Pairing, entries: Iterable[AuditEntry]) -> tuple[HistoryLine, ...]:
    """A pairing's history, newest first, from its audit entries (given newest first).

    A pairing entered in the file after it began (proposed or started on an
    earlier day) ends with those days, and its creation entry reads "added to the
    file" rather than "created", so the history never dates its start to the day
    someone typed it in.
    """
    added_on = pairing.created_at.date()
    earlier = [
        HistoryLine(day, what, "")
        for day, what in ((pairing.started_on, "started"), (pairing.proposed_on, "proposed"))
        if day is not None and day < added_on
    ]
    lines = [
        HistoryLine(
            e.at, ADDED_TO_THE_FILE if earlier and e.action == "created" else e.action, e.summary
        )
        for e in entries
    ]
    return (*lines, *sorted(earlier, key=lambda h: h.at, reverse=True))


def pairing_detail(
    session: Session, pairing_id: int, programme_id: int, *, today: dt.date | None = None
) -> PairingDetail:
    """One pairing with its check-ins (as they stand on ``today``), training warnings and history.

    Raises:
        NotFound: it is no longer in the file.
    """
    p = get_pairing(session, pairing_id)
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "pairing", AuditEntry.entity_id == pairing_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return PairingDetail(
        pairing_id=p.id,
        name=p.name,
        strand=p.strand.name,
        format=p.strand.format,
        mentor=p.mentor.full_name,
        mentees=tuple(sorted((m.person.full_name for m in p.members), key=sort_key)),
        status=p.status,
        draft=p.draft,
        proposed_on=p.proposed_on,
        started_on=p.started_on,
        ended_on=p.ended_on,
        review_on=p.review_on,
        end_reason=p.end_reason,
        match_score=p.match_score,
        match_explanation=p.match_explanation,
        override_reason=p.override_reason,
        mentor_response=p.mentor_response,
        response_due_on=p.response_due_on,
        meeting_frequency=p.meeting_frequency,
        meeting_length=p.meeting_length,
        meeting_venue=p.meeting_venue,
        contact_between_meetings=p.contact_between_meetings,
        goals=p.goals,
        confidentiality_agreed=p.confidentiality_agreed,
        check_ins=tuple(
            CheckInRow(c.id, c.due_on, c.done_on, c.outcome, c.summary, state)
            for c, state in check_in_states(p, today or dt.date.today())
        ),
        training_missing=training_warnings(session, programme_id).get(p.id, ()),
        history=pairing_history(p, entries),
    )
