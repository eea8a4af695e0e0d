"""iCalendar files that Outlook, Google Calendar and Apple Calendar import cleanly.

Outlook desktop misreads time zones described with RDATE lists (what
icalendar's ``add_missing_timezones()`` writes), so each time zone is described
here with yearly RRULEs built from the zone's own transitions, the form Outlook
itself writes. A zone whose changes follow no weekday rule over the years in
question is not described at all: its events are written in UTC, which every
client converts to local time correctly.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from mentordesk import APP_NAME, __version__

if TYPE_CHECKING:
    # icalendar is imported where a calendar is written, not when MentorDesk starts.
    from icalendar import Calendar, Event, Timezone

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
UTC = dt.UTC


@dataclass(frozen=True)
class Person:
    """Someone named in a calendar: the organiser or an attendee."""

    name: str
    email: str


@dataclass(frozen=True)
class CalendarEvent:
    """One event as calendars see it.

    Attributes:
        uid: stable across exports, so a re-imported file updates the event.
        sequence: grows with every change clients should notice.
        starts_at: timezone-aware start (for all-day events, its date counts).
        ends_at: timezone-aware end (for all-day events, the last day counts).
        timezone: the IANA zone the event is held in; times are written in it.
        recurrence: an RRULE as a dict, e.g. ``{"FREQ": "WEEKLY", "COUNT": 4}``.
    """

    uid: str
    sequence: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    timezone: str
    all_day: bool = False
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False
    recurrence: dict[str, object] | None = None
    attendees: tuple[Person, ...] = field(default_factory=tuple)


def programme_calendar(
    name: str, events: Sequence[CalendarEvent], *, now: dt.datetime | None = None
) -> bytes:
    """A published calendar (METHOD:PUBLISH) holding every event, named ``name``."""
    calendar, described = _calendar("PUBLISH", events)
    calendar.calendar_name = name
    stamp = (now or dt.datetime.now(UTC)).astimezone(UTC)
    for event in events:
        calendar.add_component(
            _event(event, stamp, described, organiser=None, with_attendees=False)
        )
    return bytes(calendar.to_ical())


def invitation(event: CalendarEvent, organiser: Person, *, now: dt.datetime | None = None) -> bytes:
    """One event as an invitation (METHOD:REQUEST, or CANCEL) the organiser sends.

    Outlook keeps only the first event of an emailed invitation, so an
    invitation always holds exactly one.
    """
    calendar, described = _calendar("CANCEL" if event.cancelled else "REQUEST", [event])
    stamp = (now or dt.datetime.now(UTC)).astimezone(UTC)
    calendar.add_component(
        _event(event, stamp, described, organiser=organiser, with_attendees=True)
    )
    return bytes(calendar.to_ical())


def _calendar(method: str, events: Sequence[CalendarEvent]) -> tuple[Calendar, set[str]]:
    """An empty calendar with the VTIMEZONEs the events need, and the zones described."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    zones = _zones_needed(events)
    for zone in zones:
        calendar.add_component(zone)
    return calendar, {str(zone["tzid"]) for zone in zones}


def _zones_needed(events: Sequence[CalendarEvent]) -> list[Timezone]:
    years: dict[str, set[int]] = {}
    for event in events:
        if not event.all_day:
            span = years.setdefault(event.timezone, set())
            span.update(range(event.starts_at.year, event.ends_at.year + 1))
            if event.recurrence:
                # A series may run past the first year: describe a few more.
                span.update(range(event.starts_at.year, event.starts_at.year + 5))
    zones = []
    for tzid in sorted(years):
        zone = rrule_timezone(tzid, min(years[tzid]), max(years[tzid]))
        if zone is not None:
            zones.append(zone)
    return zones


def _event(
    event: CalendarEvent,
    stamp: dt.datetime,
    described: set[str],
    *,
    organiser: Person | None,
    with_attendees: bool,
) -> Event:
    from icalendar import Event, vCalAddress, vText

    if event.ends_at < event.starts_at:
        raise ValueError(f"“{event.title}” ends before it starts.")
    component = Event()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp)
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    if event.all_day:
        first = event.starts_at.astimezone(ZoneInfo(event.timezone)).date()
        last = event.ends_at.astimezone(ZoneInfo(event.timezone)).date()
        component.add("dtstart", first)
        # DTEND of an all-day event is the day after its last day.
        component.add("dtend", max(last, first) + dt.timedelta(days=1))
        component.add("transp", "TRANSPARENT")
    else:
        zone = ZoneInfo(event.timezone)
        if event.timezone in described:
            component.add("dtstart", event.starts_at.astimezone(zone))
            component.add("dtend", event.ends_at.astimezone(zone))
        else:
            component.add("dtstart", event.starts_at.astimezone(UTC))
            component.add("dtend", event.ends_at.astimezone(UTC))
    if event.recurrence:
        component.add("rrule", event.recurrence)
    if event.location:
        component.add("location", event.location)
    if event.description:
        component.add("description", event.description)
    if event.url:
        component.add("url", event.url)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if organiser is not None:
        address = vCalAddress(f"mailto:{organiser.email}")
        address.params["cn"] = vText(organiser.name)
        component.add("organizer", address)
    if with_attendees:
        for person in event.attendees:
            attendee = vCalAddress(f"mailto:{person.email}")
            attendee.params["cn"] = vText(person.name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            attendee.params["partstat"] = vText("NEEDS-ACTION")
            attendee.params["rsvp"] = vText("TRUE")
            component.add("attendee", attendee, encode=False)
    return component


# Time zones --------------------------------------------------------------------


@dataclass(frozen=True)
class _Transition:
    """One change of a zone's offset, as wall-clock time before the change."""

    local: dt.datetime
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str
    daylight: bool

    @property
    def byday(self) -> str:
        """The RRULE weekday of the change: ``-1SU`` for the last Sunday, ``2SU`` the second."""
        last_day = month_calendar.monthrange(self.local.year, self.local.month)[1]
        ordinal = -1 if self.local.day + 7 > last_day else (self.local.day - 1) // 7 + 1
        return f"{ordinal}{_WEEKDAYS[self.local.weekday()]}"

    @property
    def rule(self) -> tuple[object, ...]:
        """What stays the same from year to year when a weekday rule governs the change."""
        return (
            self.daylight,
            self.local.month,
            self.byday,
            self.local.time(),
            self.offset_from,
            self.offset_to,
            self.name,
        )


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@functools.lru_cache(maxsize=256)
def _transitions(zone: ZoneInfo, year: int) -> tuple[_Transition, ...]:
    found = []
    moment = dt.datetime(year, 1, 1, tzinfo=UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=UTC)
    step = dt.timedelta(hours=6)
    while moment < end:
        after = min(moment + step, end)
        before_offset = moment.astimezone(zone).utcoffset()
        if after.astimezone(zone).utcoffset() != before_offset:
            low, high = moment, after
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == before_offset:
                    low = middle
                else:
                    high = middle
            changed = high.replace(second=0, microsecond=0)
            local_after = changed.astimezone(zone)
            offset_from = before_offset or dt.timedelta(0)
            found.append(
                _Transition(
                    local=(changed + offset_from).replace(tzinfo=None),
                    offset_from=offset_from,
                    offset_to=local_after.utcoffset() or dt.timedelta(0),
                    name=local_after.tzname() or "",
                    daylight=bool(local_after.dst()),
                )
            )
        moment = after
    return tuple(found)


def rrule_timezone(tzid: str, first_year: int, last_year: int) -> Timezone | None:
    """A VTIMEZONE for ``tzid`` in RRULE form, valid from ``first_year`` to ``last_year``.

    The rules start a year early, so that an event early in ``first_year``
    falls after the rules' first onset. Returns None when the zone changes
    offset on dates that no yearly weekday rule describes in those years
    (events in such zones are written in UTC).
    """
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = ZoneInfo(tzid)
    first_year -= 1
    by_year = {year: _transitions(zone, year) for year in range(first_year, last_year + 1)}
    timezone = Timezone()
    timezone.add("tzid", tzid)
    if not any(by_year.values()):
        offset = dt.datetime(first_year, 1, 1, tzinfo=zone).utcoffset() or dt.timedelta(0)
        standard = TimezoneStandard()
        standard.add("dtstart", dt.datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", dt.datetime(first_year, 1, 1, tzinfo=zone).tzname() or tzid)
        timezone.add_component(standard)
        return timezone
    counts = {len(found) for found in by_year.values()}
    if counts != {2}:
        return None
    for index in (0, 1):
        rules = {by_year[year][index].rule for year in by_year}
        if len(rules) != 1:
            return None
        first = by_year[first_year][index]
        part = TimezoneDaylight() if first.daylight else TimezoneStandard()
        part.add("dtstart", first.local)
        part.add("tzoffsetfrom", first.offset_from)
        part.add("tzoffsetto", first.offset_to)
        part.add("tzname", first.name)
        part.add("rrule", {"FREQ": "YEARLY", "BYMONTH": first.local.month, "BYDAY": first.byday})
        timezone.add_component(part)
    return timezone
