"""Calendar files of a programme's events, for Outlook and every other calendar."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import Rsvp
from mentordesk.domain.errors import NotFound
from mentordesk.formats.files import write_bytes_atomically
from mentordesk.formats.ical import CalendarEvent, Person, invitation, programme_calendar
from mentordesk.services.programmes import get_programme
from mentordesk.store.models import Attendance, Event


def _calendar_event(event: Event, timezone: str, *, with_attendees: bool) -> CalendarEvent:
    description = event.description
    if event.facilitator:
        description = f"Facilitator: {event.facilitator}\n\n{description}".strip()
    if event.online_link:
        description = f"{description}\n\nJoin online: {event.online_link}".strip()
    attendees: tuple[Person, ...] = ()
    if with_attendees:
        attendees = tuple(
            Person(a.person.full_name, a.person.email)
            for a in sorted(event.attendances, key=lambda a: a.person.email)
            if a.rsvp is not Rsvp.DECLINED
        )
    return CalendarEvent(
        uid=f"{event.uid}@mentordesk",
        sequence=event.sequence,
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        timezone=timezone,
        all_day=event.all_day,
        location=event.location or ("Online" if event.online_link else ""),
        description=description,
        url=event.online_link,
        cancelled=event.cancelled,
        attendees=attendees,
    )


def programme_ics(
    session: Session, programme_id: int, *, event_ids: Sequence[int] | None = None
) -> bytes:
    """The programme's calendar (or the chosen events of it), in the programme's time zone."""
    programme = get_programme(session, programme_id)
    query = select(Event).where(Event.programme_id == programme_id).order_by(Event.starts_at)
    if event_ids is not None:
        query = query.where(Event.id.in_(event_ids))
    events = [
        _calendar_event(e, programme.timezone, with_attendees=False) for e in session.scalars(query)
    ]
    return programme_calendar(programme.name, events)


def invitation_ics(
    session: Session,
    event_id: int,
    organiser: Person,
    *,
    attendee_ids: Collection[int] | None = None,
) -> bytes:
    """One event as an invitation to everyone on its register who has not declined.

    With ``attendee_ids``, only those of them are named: an invitation attached to
    one person's message lists nobody else's address.
    """
    event = session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .options(selectinload(Event.attendances).selectinload(Attendance.person))
    )
    if event is None:
        raise NotFound("This event is no longer in the file.")
    timezone = get_programme(session, event.programme_id).timezone
    calendar_event = _calendar_event(event, timezone, with_attendees=True)
    if attendee_ids is not None:
        chosen = {a.person.email for a in event.attendances if a.person_id in attendee_ids}
        calendar_event = dataclasses.replace(
            calendar_event,
            attendees=tuple(p for p in calendar_event.attendees if p.email in chosen),
        )
    return invitation(calendar_event, organiser)


def export_programme_calendar(
    session: Session, programme_id: int, path: Path, *, event_ids: Sequence[int] | None = None
) -> None:
    """Write the programme's calendar to ``path`` (replaced only once complete)."""
    write_bytes_atomically(path, programme_ics(session, programme_id, event_ids=event_ids))
