"""Training sessions and other events, and who attends them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import TRAINING_KINDS, AttendanceStatus, EventKind
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_change
from mentordesk.services.validation import optional_count, optional_text, required_text
from mentordesk.store.models import Attendance, Event, Person, Programme

#: Fields whose change makes calendars need an update (a higher SEQUENCE).
_CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "all_day", "location", "description")


@dataclass
class EventInput:
    """An event as typed in a form; times are timezone-aware."""

    kind: EventKind
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool = False
    location: str = ""
    description: str = ""
    capacity: int | None = None


@dataclass(frozen=True)
class EventRow:
    """One line of the Training or Events table."""

    event_id: int
    title: str
    kind: EventKind
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    location: str
    invited: int
    attended: int


def _clean(data: EventInput) -> dict[str, object]:
    if data.starts_at.tzinfo is None or data.ends_at.tzinfo is None:
        raise InvalidInput("Event times need a time zone.")
    if data.ends_at < data.starts_at:
        raise InvalidInput("An event cannot end before it starts.")
    return {
        "kind": data.kind,
        "title": required_text(data.title, "Title"),
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "all_day": data.all_day,
        "location": optional_text(data.location, "Location"),
        "description": optional_text(data.description, "Description", max_length=5000),
        "capacity": optional_count(data.capacity, "Capacity", minimum=1),
    }


def add_event(session: Session, programme_id: int, data: EventInput) -> int:
    """Add an event to a programme and return its id.

    Raises:
        NotFound: the programme no longer exists.
        InvalidInput: a field is missing or wrong.
    """
    if session.get(Programme, programme_id) is None:
        raise NotFound("This programme no longer exists.")
    event = Event(programme_id=programme_id, **_clean(data))
    session.add(event)
    session.flush()
    record_change(session, "created", "event", event.id)
    return event.id


def update_event(session: Session, event_id: int, data: EventInput) -> None:
    """Save changes to an event; a change calendars show raises its sequence number."""
    event = get_event(session, event_id)
    values = _clean(data)
    if any(getattr(event, name) != values[name] for name in _CALENDAR_FIELDS):
        event.sequence += 1
    for name, value in values.items():
        setattr(event, name, value)
    record_change(session, "edited", "event", event_id)


def delete_event(session: Session, event_id: int) -> None:
    """Remove an event with its attendance."""
    session.delete(get_event(session, event_id))
    record_change(session, "deleted", "event", event_id)


def get_event(session: Session, event_id: int) -> Event:
    """The event with this id.

    Raises:
        NotFound: it is no longer in the file.
    """
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound("This event is no longer in the file.")
    return event


def event_input(session: Session, event_id: int) -> EventInput:
    """An event's current values, ready to fill an edit form."""
    e = get_event(session, event_id)
    return EventInput(
        e.kind, e.title, e.starts_at, e.ends_at, e.all_day, e.location, e.description, e.capacity
    )


def event_rows(session: Session, programme_id: int, *, training: bool) -> list[EventRow]:
    """The training sessions (``training=True``) or the other events of a programme."""
    kinds = TRAINING_KINDS if training else set(EventKind) - TRAINING_KINDS
    attended = func.sum(case((Attendance.status == AttendanceStatus.ATTENDED, 1), else_=0))
    query = (
        select(Event, func.count(Attendance.id), attended)
        .outerjoin(Attendance)
        .where(Event.programme_id == programme_id, Event.kind.in_(kinds))
        .group_by(Event.id)
        .order_by(Event.starts_at)
    )
    return [
        EventRow(e.id, e.title, e.kind, e.starts_at, e.ends_at, e.all_day, e.location, n, a or 0)
        for e, n, a in session.execute(query)
    ]


def set_attendance(
    session: Session,
    event_id: int,
    person_id: int,
    status: AttendanceStatus,
    minutes_attended: int | None = None,
) -> None:
    """Record a person's part in an event, replacing what was recorded before."""
    get_event(session, event_id)
    if session.get(Person, person_id) is None:
        raise NotFound("This person is no longer in the file.")
    minutes = optional_count(minutes_attended, "Minutes attended")
    attendance = session.scalar(
        select(Attendance).where(Attendance.event_id == event_id, Attendance.person_id == person_id)
    )
    if attendance is None:
        attendance = Attendance(event_id=event_id, person_id=person_id)
        session.add(attendance)
    attendance.status = status
    attendance.minutes_attended = minutes
    session.flush()
    record_change(session, f"attendance {status.value}", "event", event_id)
