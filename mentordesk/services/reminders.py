"""What needs the coordinator's attention now, raised when a programme file opens.

Four kinds of reminder:

- ``check-in-due``: a pairing under way has a check-in due within a week, or overdue;
- ``no-check-in``: a pairing under way has had no check-in done for a long time;
- ``training-not-registered``: people invited to a training session in the next
  days have neither replied nor registered;
- ``mentor-no-answer``: a mentor has not answered a proposed pairing by its deadline.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    TRAINING_KINDS,
    AttendanceStatus,
    Rsvp,
)
from mentordesk.services.collation import person_key, sort_key
from mentordesk.services.messages import day_text
from mentordesk.services.pairings import overdue_check_ins, overdue_responses, under_way_in
from mentordesk.services.programmes import get_programme
from mentordesk.store.models import (
    Attendance,
    CheckIn,
    Event,
    Pairing,
    PairingMember,
    Person,
)

#: A check-in this many days ahead or fewer is due.
CHECK_IN_NOTICE_DAYS = 7

#: The kinds, in the order the coordinator reads them on the same day.
KINDS = ("check-in-due", "no-check-in", "training-not-registered", "mentor-no-answer")


@dataclass(frozen=True)
class Reminder:
    """Something to do, with whom it concerns and the pairing or event it is about."""

    kind: str
    title: str
    detail: str
    due_on: dt.date | None
    person_ids: tuple[int, ...]
    pairing_id: int | None
    event_id: int | None


def reminders(
    session: Session,
    programme_id: int,
    today: dt.date,
    *,
    quiet_days: int = 60,
    training_days: int = 7,
) -> list[Reminder]:
    """Everything due in a programme, the most urgent first.

    Args:
        session: the open transaction.
        programme_id: the programme.
        today: the day to reckon from.
        quiet_days: a pairing under way with no check-in done for this many days
            (since its last one, or its start) is flagged.
        training_days: training sessions starting within this many days are looked at
            for invitees who have not replied.

    Raises:
        NotFound: the programme no longer exists.
    """
    zone = ZoneInfo(get_programme(session, programme_id).timezone)
    found = [
        *_check_ins_due(session, programme_id, today),
        *_quiet_pairings(session, programme_id, today, quiet_days),
        *_not_registered(session, programme_id, today, training_days, zone),
        *_unanswered(session, programme_id, today),
    ]
    return sorted(
        found, key=lambda r: (r.due_on or dt.date.max, KINDS.index(r.kind), r.title.lower())
    )


def _pairings(session: Session, pairing_ids: Iterable[int]) -> dict[int, Pairing]:
    return {
        p.id: p
        for p in session.scalars(
            select(Pairing)
            .where(Pairing.id.in_(set(pairing_ids)))
            .options(
                selectinload(Pairing.mentor),
                selectinload(Pairing.members).selectinload(PairingMember.person),
            )
        )
    }


def _people_of(pairing: Pairing) -> tuple[int, ...]:
    return (pairing.mentor_id, *sorted(m.person_id for m in pairing.members))


def _label(pairing: Pairing) -> str:
    if pairing.name:
        return pairing.name
    mentees = sorted((m.person.full_name for m in pairing.members), key=sort_key)
    return f"{pairing.mentor.full_name} – {', '.join(mentees)}"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _check_ins_due(session: Session, programme_id: int, today: dt.date) -> list[Reminder]:
    # Overdue as of a week ahead: every check-in due within the week, or already past.
    horizon = today + dt.timedelta(days=CHECK_IN_NOTICE_DAYS + 1)
    by_pairing: dict[int, list[dt.date]] = defaultdict(list)
    for line in overdue_check_ins(session, programme_id, horizon):
        by_pairing[line.pairing_id].append(line.due_on)
    pairings = _pairings(session, by_pairing)
    found = []
    for pairing_id, dues in by_pairing.items():
        pairing, first = pairings[pairing_id], min(dues)
        if first < today:
            title = f"Check-in overdue: {_label(pairing)}"
            when = f"was due on {day_text(first)}, {_days((today - first).days)} ago"
        elif first == today:
            title, when = f"Check-in due today: {_label(pairing)}", "is due today"
        else:
            title = f"Check-in due: {_label(pairing)}"
            when = f"is due on {day_text(first)}, in {_days((first - today).days)}"
        if len(dues) > 1:
            detail = f"{len(dues)} check-ins not done; the first {when}."
        else:
            detail = f"The check-in {when}."
        found.append(
            Reminder("check-in-due", title, detail, first, _people_of(pairing), pairing_id, None)
        )
    return found


def _quiet_pairings(
    session: Session, programme_id: int, today: dt.date, quiet_days: int
) -> list[Reminder]:
    last_done = (
        select(CheckIn.pairing_id, func.max(CheckIn.done_on).label("last_done"))
        .where(CheckIn.done_on.is_not(None))
        .group_by(CheckIn.pairing_id)
        .subquery()
    )
    rows = session.execute(
        select(Pairing.id, Pairing.started_on, last_done.c.last_done)
        .outerjoin(last_done, last_done.c.pairing_id == Pairing.id)
        .where(under_way_in(programme_id))
    ).all()
    quiet = {}
    for pairing_id, started_on, done_on in rows:
        since = done_on or started_on
        # A pairing with no start date and no check-in cannot be said to be quiet.
        if since is not None and (today - since).days >= quiet_days:
            quiet[pairing_id] = (since, done_on is not None)
    pairings = _pairings(session, quiet)
    found = []
    for pairing_id, (since, had_check_in) in quiet.items():
        pairing = pairings[pairing_id]
        days = (today - since).days
        if had_check_in:
            detail = f"The last check-in was done on {day_text(since)}, {_days(days)} ago."
        else:
            detail = (
                f"No check-in was done since it started on {day_text(since)}, {_days(days)} ago."
            )
        found.append(
            Reminder(
                "no-check-in",
                f"No check-in for {_days(days)}: {_label(pairing)}",
                detail,
                since + dt.timedelta(days=quiet_days),
                _people_of(pairing),
                pairing_id,
                None,
            )
        )
    return found


def _not_registered(
    session: Session, programme_id: int, today: dt.date, training_days: int, zone: ZoneInfo
) -> list[Reminder]:
    start = dt.datetime.combine(today, dt.time(), zone)
    end = dt.datetime.combine(today + dt.timedelta(days=training_days + 1), dt.time(), zone)
    rows = session.execute(
        select(Event, Person)
        .join(Attendance, Attendance.event_id == Event.id)
        .join(Person, Attendance.person_id == Person.id)
        .where(
            Event.programme_id == programme_id,
            Event.kind.in_(TRAINING_KINDS),
            Event.cancelled.is_(False),
            Event.starts_at >= start,
            Event.starts_at < end,
            Attendance.status == AttendanceStatus.INVITED,
            Attendance.rsvp == Rsvp.NO_REPLY,
        )
        .order_by(Event.starts_at, Event.id)
    ).all()
    waiting: dict[int, tuple[Event, list[Person]]] = {}
    by_event_then_name = sorted(
        rows, key=lambda r: (r[0].starts_at, r[0].id, person_key(r[1]), r[1].id)
    )
    for event, person in by_event_then_name:
        waiting.setdefault(event.id, (event, []))[1].append(person)
    found = []
    for event_id, (event, people) in waiting.items():
        starts = event.starts_at.astimezone(zone)
        when = day_text(starts.date(), weekday=True)
        if not event.all_day:
            when += f", {starts:%H:%M}"
        names = [p.full_name for p in people]
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        count = "1 person has" if len(people) == 1 else f"{len(people)} people have"
        found.append(
            Reminder(
                "training-not-registered",
                f"{count} not registered for “{event.title}”",
                f"{when}. Invited without a reply: {shown}.",
                starts.date(),
                tuple(p.id for p in people),
                None,
                event_id,
            )
        )
    return found


def _unanswered(session: Session, programme_id: int, today: dt.date) -> list[Reminder]:
    late = overdue_responses(session, programme_id, today)
    pairings = session.scalars(
        select(Pairing)
        .where(Pairing.id.in_(late))
        .order_by(Pairing.id)
        .options(
            selectinload(Pairing.mentor),
            selectinload(Pairing.members).selectinload(PairingMember.person),
        )
    )
    found = []
    for pairing in pairings:
        due = pairing.response_due_on or today  # the query asks for a date
        mentees = sorted((m.person.full_name for m in pairing.members), key=sort_key)
        found.append(
            Reminder(
                "mentor-no-answer",
                f"No answer from {pairing.mentor.full_name}",
                f"Proposed as mentor of {', '.join(mentees)}; the answer was due on "
                f"{day_text(due)}, {_days((today - due).days)} ago.",
                due,
                (pairing.mentor_id,),
                pairing.id,
                None,
            )
        )
    return found
