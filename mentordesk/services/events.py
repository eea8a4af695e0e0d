"""Training sessions and other events, and who attends them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import TRAINING_KINDS, AttendanceStatus, Audience, EventKind, Rsvp
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_added, record_change, record_edited
from mentordesk.services.collation import person_key
from mentordesk.services.validation import optional_count, optional_text, required_text
from mentordesk.store.models import Attendance, Event, Person, Programme, Strand

#: Fields whose change makes calendars need an update (a higher SEQUENCE).
_CALENDAR_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "all_day",
    "location",
    "online_link",
    "description",
    "cancelled",
)


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
    online_link: str = ""
    facilitator: str = ""
    audience: Audience = Audience.EVERYONE
    audience_strand_id: int | None = None


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
    cancelled: bool = False


def check_time_exists(moment: dt.datetime, what: str) -> None:
    """Refuse a wall-clock time the clocks skip (the spring-forward hour) in its zone.

    Raises:
        InvalidInput: the time does not exist there, or has no time zone.
    """
    if moment.tzinfo is None:
        raise InvalidInput(f"{what} needs a time zone.")
    zone = moment.tzinfo
    if not isinstance(zone, ZoneInfo):
        return
    round_trip = moment.astimezone(dt.UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None, fold=0):
        raise InvalidInput(
            f"{what} {moment:%d %B %Y %H:%M} does not exist in {zone.key}: the clocks go "
            "forward that night. Choose a time an hour later or earlier."
        )


def _clean(session: Session, data: EventInput) -> dict[str, object]:
    check_time_exists(data.starts_at, "The start")
    check_time_exists(data.ends_at, "The end")
    if data.ends_at < data.starts_at:
        raise InvalidInput("An event cannot end before it starts.")
    strand_id = data.audience_strand_id if data.audience is Audience.STRAND else None
    if data.audience is Audience.STRAND and (
        strand_id is None or session.get(Strand, strand_id) is None
    ):
        raise InvalidInput("Choose the strand the event is for.")
    link = optional_text(data.online_link, "Online meeting link", max_length=500)
    if link and not link.lower().startswith(("https://", "http://")):
        raise InvalidInput("The online meeting link must start with https://.")
    return {
        "kind": data.kind,
        "title": required_text(data.title, "Title"),
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "all_day": data.all_day,
        "location": optional_text(data.location, "Location"),
        "description": optional_text(data.description, "Description", max_length=5000),
        "capacity": optional_count(data.capacity, "Capacity", minimum=1),
        "online_link": link,
        "facilitator": optional_text(data.facilitator, "Facilitator"),
        "audience": data.audience,
        "audience_strand_id": strand_id,
    }


def add_event(session: Session, programme_id: int, data: EventInput) -> int:
    """Add an event to a programme and return its id.

    Raises:
        NotFound: the programme no longer exists.
        InvalidInput: a field is missing or wrong.
    """
    if session.get(Programme, programme_id) is None:
        raise NotFound("This programme no longer exists.")
    return record_added(session, Event(programme_id=programme_id, **_clean(session, data)), "event")


def update_event(session: Session, event_id: int, data: EventInput) -> None:
    """Save changes to an event; a change calendars show raises its sequence number."""
    event = get_event(session, event_id)
    values = _clean(session, data)
    if any(getattr(event, name) != values[name] for name in _CALENDAR_FIELDS if name in values):
        event.sequence += 1
    record_edited(session, event, values, "event")


def add_event_series(
    session: Session, programme_id: int, data: EventInput, *, every_weeks: int, count: int
) -> list[int]:
    """Add a workshop that repeats: ``count`` sessions, ``every_weeks`` apart, same local time.

    Each session is its own event with its own register; they share a series id.
    """
    if not 1 <= every_weeks <= 52:
        raise InvalidInput("A series repeats every 1 to 52 weeks.")
    if not 2 <= count <= 52:
        raise InvalidInput("A series has 2 to 52 sessions.")
    series_id = str(uuid.uuid4())
    ids = []
    for n in range(count):
        step = dt.timedelta(weeks=every_weeks * n)
        # Adding days to the wall-clock time keeps 10:00 at 10:00 across a clock change.
        session_data = dataclasses.replace(
            data,
            starts_at=_same_wall_time(data.starts_at, step),
            ends_at=_same_wall_time(data.ends_at, step),
        )
        event_id = add_event(session, programme_id, session_data)
        get_event(session, event_id).series_id = series_id
        ids.append(event_id)
    return ids


def _same_wall_time(moment: dt.datetime, step: dt.timedelta) -> dt.datetime:
    zone = moment.tzinfo
    return (moment.replace(tzinfo=None) + step).replace(tzinfo=zone)


def cancel_event(session: Session, event_id: int) -> None:
    """Mark an event cancelled; it stays in the file and in calendars, shown as cancelled."""
    event = get_event(session, event_id)
    if not event.cancelled:
        event.cancelled = True
        event.sequence += 1
        record_change(session, "cancelled", "event", event_id)


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
        e.kind,
        e.title,
        e.starts_at,
        e.ends_at,
        e.all_day,
        e.location,
        e.description,
        e.capacity,
        e.online_link,
        e.facilitator,
        e.audience,
        e.audience_strand_id,
    )


def event_rows(
    session: Session, programme_id: int, *, training: bool | None = None
) -> list[EventRow]:
    """A programme's training sessions (``training=True``), other events (False), or all."""
    if training is None:
        kinds: set[EventKind] = set(EventKind)
    else:
        kinds = set(TRAINING_KINDS) if training else set(EventKind) - TRAINING_KINDS
    attended = func.sum(case((Attendance.status == AttendanceStatus.ATTENDED, 1), else_=0))
    query = (
        select(Event, func.count(Attendance.id), attended)
        .outerjoin(Attendance)
        .where(Event.programme_id == programme_id, Event.kind.in_(kinds))
        .group_by(Event.id)
        .order_by(Event.starts_at)
    )
    return [
        EventRow(
            e.id,
            e.title,
            e.kind,
            e.starts_at,
            e.ends_at,
            e.all_day,
            e.location,
            n,
            a or 0,
            e.cancelled,
        )
        for e, n, a in session.execute(query)
    ]


def set_attendance(
    session: Session,
    event_id: int,
    person_id: int,
    status: AttendanceStatus,
    minutes_attended: int | None = None,
    *,
    rsvp: Rsvp | None = None,
) -> None:
    """Record a person's part in an event, replacing what was recorded before.

    ``rsvp`` is their reply to the invitation; None keeps the reply recorded before.
    """
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
    if rsvp is not None:
        attendance.rsvp = rsvp
    session.flush()
    record_change(session, f"attendance {status.value}", "event", event_id)


def register_marks(status: AttendanceStatus, rsvp: Rsvp) -> frozenset[AttendanceStatus]:
    """What a person on a register counts as, for its ticks, its counts and the Dashboard.

    Everyone on a register was invited; registered are those who registered,
    accepted the invitation or came; then what happened: attended, absent or excused.
    """
    marks = {AttendanceStatus.INVITED, status}
    if status is AttendanceStatus.ATTENDED or rsvp is Rsvp.ACCEPTED:
        marks.add(AttendanceStatus.REGISTERED)
    return frozenset(marks)


#: What a register says of someone who sent no reply, by what became of them.
_NO_REPLY_WORDS = {
    AttendanceStatus.REGISTERED: "Registered",
    AttendanceStatus.ATTENDED: "Came",
    AttendanceStatus.EXCUSED: "Sent apologies",
}


@dataclass(frozen=True)
class RegisterLine:
    """One person on an event's register."""

    person_id: int
    name: str
    email: str
    status: AttendanceStatus
    minutes_attended: int | None
    rsvp: Rsvp

    @property
    def marks(self) -> frozenset[AttendanceStatus]:
        """The register's columns ticked for them (``register_marks``)."""
        return register_marks(self.status, self.rsvp)

    @property
    def reply(self) -> str:
        """Their reply as the register shows it (``reply_text``)."""
        return reply_text(self.status, self.rsvp)


def reply_text(status: AttendanceStatus, rsvp: Rsvp) -> str:
    """A reply to an invitation in words: the one recorded, else what became of the person.

    Someone who came without replying reads "Came", never "No reply".
    """
    if rsvp is not Rsvp.NO_REPLY:
        return rsvp.label
    return _NO_REPLY_WORDS.get(status, rsvp.label)


def register_counts(lines: Iterable[RegisterLine]) -> dict[AttendanceStatus, int]:
    """How many people a register ticks in each column, in the statuses' order."""
    counts = dict.fromkeys(AttendanceStatus, 0)
    for line in lines:
        for mark in line.marks:
            counts[mark] += 1
    return counts


def event_register(session: Session, event_id: int) -> list[RegisterLine]:
    """Everyone on an event's register, by last name, in one query."""
    get_event(session, event_id)
    query = (
        select(Attendance, Person)
        .join(Person, Attendance.person_id == Person.id)
        .where(Attendance.event_id == event_id)
    )
    lines = sorted(session.execute(query), key=lambda line: (person_key(line[1]), line[1].id))
    return [
        RegisterLine(p.id, p.full_name, p.email, a.status, a.minutes_attended, a.rsvp)
        for a, p in lines
    ]
