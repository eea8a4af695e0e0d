"""The waitlist of mentees still without a suitable mentor, and mentors' answers to proposals.

Each strand keeps its own waitlist in ``Application.waitlist_rank`` (1 is offered
a mentor first). Mentees join it when a run of the engine leaves them without a
mentor, go back to its top when a mentor declines them, and leave it once a
pairing with them is published. The engine offers places to them first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    ApplicationStatus,
    EndReason,
    MentorResponse,
    PairingStatus,
    Role,
)
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_change
from mentordesk.services.collation import sort_key
from mentordesk.services.matching.candidates import load_candidates, standing
from mentordesk.services.matching.core import Pool, allowed
from mentordesk.services.matching.modes import Unmatched, why_unmatched
from mentordesk.services.pairings import get_pairing
from mentordesk.store.models import Application, Pairing, PairingMember, Programme, Strand

#: Days a mentor has to answer a published proposal, unless the coordinator says otherwise.
DEFAULT_RESPONSE_DAYS = 7
MAX_RESPONSE_DAYS = 90


@dataclass(frozen=True)
class WaitlistRow:
    """A mentee waiting for a mentor in one strand.

    Attributes:
        rank: the place on the strand's waitlist, 1 first.
        reason: why they have no mentor now, in plain words.
    """

    application_id: int
    person_id: int
    name: str
    email: str
    strand_id: int
    strand: str
    rank: int
    reason: str


def _queue(session: Session, strand_id: int) -> list[Application]:
    return list(
        session.scalars(
            select(Application)
            .where(Application.strand_id == strand_id, Application.waitlist_rank.is_not(None))
            .order_by(Application.waitlist_rank, Application.id)
        )
    )


def _renumber(queue: Sequence[Application]) -> None:
    for rank, app in enumerate(queue, start=1):
        app.waitlist_rank = rank


def _mentee_application(session: Session, person_id: int, strand_id: int) -> Application | None:
    return session.scalar(
        select(Application).where(
            Application.person_id == person_id,
            Application.strand_id == strand_id,
            Application.role == Role.MENTEE,
            Application.status == ApplicationStatus.ACCEPTED,
        )
    )


def _waiting_application(session: Session, application_id: int) -> Application:
    app = session.get(Application, application_id)
    if app is None:
        raise NotFound("This application is no longer in the file.")
    if app.waitlist_rank is None:
        raise InvalidInput(f"{app.person.full_name} is not on the waitlist.")
    return app


def add_to_waitlist(session: Session, unmatched: Iterable[Unmatched]) -> int:
    """Put mentees the engine left without a mentor at the end of their strands' waitlists.

    Mentees already waiting keep their place. Returns how many places were added.
    """
    added = 0
    for left in unmatched:
        for strand_id in sorted(left.mentee.strands):
            app = _mentee_application(session, left.mentee.id, strand_id)
            if app is None or app.waitlist_rank is not None:
                continue
            app.waitlist_rank = len(_queue(session, strand_id)) + 1
            session.flush()
            record_change(session, "waitlisted", "application", app.id, _nameless(left))
            added += 1
    return added


def _nameless(left: Unmatched) -> str:
    """Why a mentee waits, without the name a reason may give (the audit trail keeps no names)."""
    return _NAMED_MENTOR.sub("the one suitable mentor ", left.reason)


_NAMED_MENTOR = re.compile(r"the one suitable mentor, .+?, (?=has no place left)")


def put_first(session: Session, application_ids: Sequence[int], why: str) -> None:
    """Put these applications at the top of their strands' waitlists, in the order given."""
    for app_id in reversed(list(dict.fromkeys(application_ids))):
        app = session.get(Application, app_id)
        if app is None:
            raise NotFound("An application to put on the waitlist is no longer in the file.")
        queue = [a for a in _queue(session, app.strand_id) if a.id != app.id]
        _renumber([app, *queue])
        session.flush()
        record_change(session, "waitlisted", "application", app.id, f"first on the waitlist: {why}")


def move_in_waitlist(session: Session, application_id: int, rank: int) -> None:
    """Move a waiting mentee to ``rank`` on their strand's waitlist (the others follow in order).

    Raises:
        NotFound: the application is no longer in the file.
        InvalidInput: it is not on the waitlist.
    """
    app = _waiting_application(session, application_id)
    queue = [a for a in _queue(session, app.strand_id) if a.id != app.id]
    position = min(max(rank, 1), len(queue) + 1) - 1
    queue.insert(position, app)
    _renumber(queue)
    record_change(session, "edited", "application", app.id, f"waitlist place {position + 1}")


def take_off_waitlist(session: Session, application_ids: Iterable[int]) -> int:
    """Take applications off their waitlists (the others move up); returns how many were on one."""
    taken = 0
    for app_id in dict.fromkeys(application_ids):
        app = session.get(Application, app_id)
        if app is None or app.waitlist_rank is None:
            continue
        app.waitlist_rank = None
        session.flush()
        _renumber(_queue(session, app.strand_id))
        record_change(session, "edited", "application", app.id, "off the waitlist")
        taken += 1
    return taken


def take_paired_off_waitlist(session: Session, pairing: Pairing) -> int:
    """Take a pairing's mentees off the waitlist of its strand: they have a mentor now."""
    ids = [
        app.id
        for member in pairing.members
        if (app := _mentee_application(session, member.person_id, pairing.strand_id)) is not None
    ]
    return take_off_waitlist(session, ids)


def waitlist_rows(session: Session, programme_id: int) -> list[WaitlistRow]:
    """Every strand's waitlist in order, each mentee with why they have no mentor now."""
    apps = session.scalars(
        select(Application)
        .join(Strand)
        .where(
            Strand.programme_id == programme_id,
            Application.role == Role.MENTEE,
            Application.waitlist_rank.is_not(None),
        )
        .options(selectinload(Application.person), selectinload(Application.strand))
        .order_by(Strand.name, Application.waitlist_rank, Application.id)
    ).all()
    found = standing(session, programme_id)
    drafts = session.execute(
        select(Pairing.mentor_id, PairingMember.person_id)
        .join(PairingMember, PairingMember.pairing_id == Pairing.id)
        .join(Strand, Strand.id == Pairing.strand_id)
        .where(Strand.programme_id == programme_id, Pairing.draft.is_(True))
    ).all()
    drafted = {mentee for _, mentee in drafts}
    # A place held by a draft proposal is not free, although the engine would reuse it.
    held = Counter(mentor for mentor, _ in drafts)
    pools: dict[int, Pool] = {}
    rows = []
    for app in apps:
        if app.strand_id not in pools:
            pool = load_candidates(session, programme_id, app.strand_id)
            mentors = tuple(
                replace(m, capacity=max(0, m.capacity - held[m.id])) for m in pool.mentors
            )
            pools[app.strand_id] = replace(pool, mentors=mentors)
        rows.append(
            WaitlistRow(
                application_id=app.id,
                person_id=app.person_id,
                name=app.person.full_name,
                email=app.person.email,
                strand_id=app.strand_id,
                strand=app.strand.name,
                rank=app.waitlist_rank or 0,
                reason=_reason(app, pools[app.strand_id], found.mentor_of, drafted),
            )
        )
    return rows


def _reason(
    app: Application, pool: Pool, mentor_of: dict[int, list[str]], drafted: set[int]
) -> str:
    if app.status is not ApplicationStatus.ACCEPTED:
        return f"application {app.status.label.lower()}: accept it to match them"
    if mentor_of.get(app.person_id):
        return f"mentored by {', '.join(mentor_of[app.person_id])} now"
    if app.person_id in drafted:
        return "a draft proposal waits to be published"
    mentee = next((m for m in pool.mentees if m.id == app.person_id), None)
    if mentee is None:
        return "already paired in this programme"
    open_now = [m for m in pool.mentors if allowed(mentee, m, pool.rules) is None]
    if open_now:
        noun = "mentor has" if len(open_now) == 1 else "mentors have"
        return f"{len(open_now)} suitable {noun} a place now: propose for the waitlist"
    return why_unmatched(mentee, pool)


def record_mentor_response(
    session: Session,
    pairing_ids: Iterable[int],
    response: MentorResponse,
    *,
    today: dt.date | None = None,
) -> int:
    """Record a mentor's answer to published proposals; returns how many were recorded.

    A decline ends the proposal (ended early, no-fault) and puts its mentees back at
    the top of their strand's waitlist; the next run of the engine offers them
    another mentor first and never this one again. Nothing is recorded if any of
    the pairings cannot take the answer.

    Raises:
        NotFound: a pairing is no longer in the file.
        InvalidInput: a pairing is a draft, or no longer a proposal.
    """
    today = today or dt.date.today()
    pairings = [get_pairing(session, i) for i in dict.fromkeys(pairing_ids)]
    for pairing in pairings:
        who = _who(pairing)
        if pairing.draft:
            raise InvalidInput(
                f"The proposal {who} is still a draft: publish it before recording the "
                "mentor's answer."
            )
        if pairing.status is not PairingStatus.PROPOSED:
            raise InvalidInput(
                f"The pairing {who} is {pairing.status.label.lower()}, not a proposal waiting "
                "for the mentor's answer."
            )
    for pairing in pairings:
        pairing.mentor_response = response
        summary = f"mentor's answer: {response.label.lower()}"
        if response is MentorResponse.DECLINED:
            pairing.status = PairingStatus.ENDED_EARLY
            pairing.end_reason = EndReason.NO_FAULT
            pairing.ended_on = today
            apps = [
                app.id
                for m in pairing.members
                if (app := _mentee_application(session, m.person_id, pairing.strand_id))
            ]
            put_first(session, apps, "their proposed mentor declined")
            summary += "; proposal ended, mentee first on the waitlist"
        record_change(session, "mentor answered", "pairing", pairing.id, summary)
    return len(pairings)


def _who(pairing: Pairing) -> str:
    mentees = ", ".join(sorted((m.person.full_name for m in pairing.members), key=sort_key))
    return f"of {pairing.mentor.full_name} with {mentees}"


def answer_due(
    session: Session, programme_id: int, today: dt.date, days: int | None = None
) -> dt.date:
    """The date a mentor's answer is due: ``days`` after ``today``, or the programme's own days.

    Raises:
        InvalidInput: ``days`` is not between 1 and 90.
    """
    if days is None:
        programme = session.get(Programme, programme_id)
        days = programme.response_days if programme is not None else DEFAULT_RESPONSE_DAYS
    return response_due(today, days)


def response_due(today: dt.date, days: int) -> dt.date:
    """The date a mentor's answer is due, ``days`` after ``today``.

    Raises:
        InvalidInput: ``days`` is not between 1 and 90.
    """
    if not 1 <= days <= MAX_RESPONSE_DAYS:
        raise InvalidInput(
            f"Give mentors between 1 and {MAX_RESPONSE_DAYS} days to answer a proposal."
        )
    return today + dt.timedelta(days=days)
