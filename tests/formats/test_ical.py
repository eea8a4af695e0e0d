"""Calendars are read back with vobject, a parser independent of the one that wrote them."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil import rrule, tz
from icalendar import Calendar

from mentordesk.formats.ical import (
    CalendarEvent,
    Person,
    invitation,
    programme_calendar,
    rrule_timezone,
)

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 9, 1, 8, 0, tzinfo=dt.UTC)


def event(uid: str, start: dt.datetime, hours: float = 2, **fields) -> CalendarEvent:
    values = {"timezone": "Europe/London", "sequence": 0, "title": uid}
    values.update(fields)
    return CalendarEvent(
        uid=uid, starts_at=start, ends_at=start + dt.timedelta(hours=hours), **values
    )


def parse(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def test_every_field_survives_an_independent_parser():
    tricky = event(
        "orientation-1@mentordesk",
        dt.datetime(2026, 10, 20, 9, 30, tzinfo=LONDON),
        title="Orientation; mentors, mentees \\ all — Émilie’s session",
        location="Maison du Savoir, room 3.050",
        description="Bring: laptop, questions\nSecond line; with a semicolon",
        url="https://teams.example/meet/123",
        sequence=3,
    )
    parsed = parse(programme_calendar("ADVANCE 2026", [tricky], now=NOW))
    assert parsed.method.value == "PUBLISH"
    assert parsed.version.value == "2.0"
    assert parsed.prodid.value.startswith("-//MentorDesk//")
    assert parsed.contents["x-wr-calname"][0].value == "ADVANCE 2026"
    (vevent,) = parsed.vevent_list
    assert vevent.uid.value == tricky.uid
    assert int(vevent.sequence.value) == 3
    assert vevent.summary.value == tricky.title
    assert vevent.location.value == tricky.location
    assert vevent.description.value == tricky.description
    assert vevent.url.value == tricky.url
    assert vevent.dtstart.value == tricky.starts_at
    assert vevent.dtend.value == tricky.ends_at
    assert vevent.dtstamp.value == NOW
    assert vevent.status.value == "CONFIRMED"


def test_times_are_right_on_both_sides_of_the_october_change():
    summer = event("bst@x", dt.datetime(2026, 10, 20, 10, 0, tzinfo=LONDON))
    winter = event("gmt@x", dt.datetime(2026, 11, 3, 10, 0, tzinfo=LONDON))
    parsed = parse(programme_calendar("Sessions", [summer, winter], now=NOW))
    starts = {e.uid.value: e.dtstart.value for e in parsed.vevent_list}
    assert starts["bst@x"].astimezone(dt.UTC) == dt.datetime(2026, 10, 20, 9, 0, tzinfo=dt.UTC)
    assert starts["gmt@x"].astimezone(dt.UTC) == dt.datetime(2026, 11, 3, 10, 0, tzinfo=dt.UTC)


def described_zone(data: bytes, tzid: str) -> dt.tzinfo:
    """The time zone as the file's own VTIMEZONE describes it, read by dateutil.

    vobject swaps in its own definition for a well-known TZID, so the file's
    rules are checked with dateutil's independent VTIMEZONE reader instead.
    """
    zone = tz.tzical(io.StringIO(data.decode())).get(tzid)
    assert zone is not None
    return zone


@pytest.mark.parametrize("tzid", ["Europe/London", "America/New_York", "Australia/Sydney"])
def test_the_vtimezone_gives_the_zones_offsets_all_year(tzid):
    zone = ZoneInfo(tzid)
    data = programme_calendar(
        "Zones", [event("z@x", dt.datetime(2026, 6, 1, 9, tzinfo=zone), timezone=tzid)], now=NOW
    )
    described = described_zone(data, tzid)
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    while moment.year == 2026:
        local = moment.astimezone(zone).replace(tzinfo=None)
        if not local.fold:
            assert described.utcoffset(local) == moment.astimezone(zone).utcoffset(), local
        moment += dt.timedelta(hours=5)


def test_a_weekly_series_keeps_its_local_time_across_the_change():
    series = event(
        "series@x",
        dt.datetime(2026, 10, 13, 10, 0, tzinfo=LONDON),
        recurrence={"FREQ": "WEEKLY", "COUNT": 4},
    )
    data = programme_calendar("Series", [series], now=NOW)
    (vevent,) = parse(data).vevent_list
    assert vevent.rrule.value == "FREQ=WEEKLY;COUNT=4"
    start = vevent.dtstart.value.replace(tzinfo=described_zone(data, "Europe/London"))
    occurrences = list(rrule.rrulestr(vevent.rrule.value, dtstart=start))
    assert [o.astimezone(LONDON).time() for o in occurrences] == [dt.time(10, 0)] * 4
    assert [o.astimezone(dt.UTC).hour for o in occurrences] == [9, 9, 10, 10]


def test_time_zones_are_described_with_yearly_rules_before_the_events():
    data = programme_calendar(
        "Zones",
        [
            event("lon@x", dt.datetime(2026, 3, 1, 9, tzinfo=LONDON)),
            event(
                "syd@x",
                dt.datetime(2026, 12, 30, 9, tzinfo=ZoneInfo("Australia/Sydney")),
                timezone="Australia/Sydney",
            ),
        ],
        now=NOW,
    )
    text = data.decode()
    assert "RDATE" not in text
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    assert text.count("BEGIN:VTIMEZONE") == 2
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=10" in text
    assert Calendar.from_ical(data).get_missing_tzids() == set()
    parsed = parse(data)
    starts = {e.uid.value: e.dtstart.value for e in parsed.vevent_list}
    assert starts["syd@x"].utcoffset() == dt.timedelta(hours=11)
    assert starts["lon@x"].utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    ("tzid", "expected"),
    [
        (
            "Europe/Luxembourg",
            {
                "DAYLIGHT": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                "STANDARD": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            },
        ),
        (
            "America/New_York",
            {
                "DAYLIGHT": "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
                "STANDARD": "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
            },
        ),
        ("Asia/Tokyo", {"STANDARD": None}),
    ],
)
def test_zone_rules_match_the_zone(tzid, expected):
    zone = rrule_timezone(tzid, 2026, 2027)
    assert zone is not None
    found = {
        part.name: (part["rrule"].to_ical().decode() if "rrule" in part else None)
        for part in zone.subcomponents
    }
    assert found == expected


def test_a_zone_without_weekday_rules_is_written_in_utc():
    casablanca = ZoneInfo("Africa/Casablanca")
    start = dt.datetime(2026, 6, 2, 18, 0, tzinfo=casablanca)
    data = programme_calendar(
        "Rabat", [event("rabat@x", start, timezone="Africa/Casablanca")], now=NOW
    )
    assert b"BEGIN:VTIMEZONE" not in data
    (vevent,) = parse(data).vevent_list
    assert vevent.dtstart.value == start
    assert vevent.dtstart.value.utcoffset() == dt.timedelta(0)


def test_all_day_events_end_the_day_after_their_last_day():
    one_day = event("one@x", dt.datetime(2026, 5, 1, tzinfo=LONDON), all_day=True, hours=0)
    three_days = CalendarEvent(
        uid="three@x",
        sequence=0,
        title="Retreat",
        starts_at=dt.datetime(2026, 6, 1, tzinfo=LONDON),
        ends_at=dt.datetime(2026, 6, 3, tzinfo=LONDON),
        timezone="Europe/London",
        all_day=True,
    )
    parsed = parse(programme_calendar("Days", [one_day, three_days], now=NOW))
    spans = {e.uid.value: (e.dtstart.value, e.dtend.value) for e in parsed.vevent_list}
    assert spans["one@x"] == (dt.date(2026, 5, 1), dt.date(2026, 5, 2))
    assert spans["three@x"] == (dt.date(2026, 6, 1), dt.date(2026, 6, 4))


def test_file_uses_crlf_and_folds_long_lines():
    long = event("long@x", dt.datetime(2026, 5, 1, 9, tzinfo=LONDON), description="word " * 60)
    data = programme_calendar("Folding", [long], now=NOW)
    lines = data.split(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert all(b"DTEND" in block for block in data.split(b"BEGIN:VEVENT")[1:])


def test_uids_are_stable_and_sequence_is_written():
    first = event("stable@x", dt.datetime(2026, 5, 1, 9, tzinfo=LONDON))
    moved = event("stable@x", dt.datetime(2026, 5, 2, 9, tzinfo=LONDON), sequence=1)
    before = parse(programme_calendar("A", [first], now=NOW)).vevent
    after = parse(programme_calendar("A", [moved], now=NOW)).vevent
    assert before.uid.value == after.uid.value
    assert (int(before.sequence.value), int(after.sequence.value)) == (0, 1)


def test_an_invitation_holds_one_event_with_organiser_and_attendees():
    session = event(
        "invite@x",
        dt.datetime(2026, 5, 1, 9, tzinfo=LONDON),
        attendees=(Person("Ana Müller", "ana@uni.example"), Person("Ben", "ben@uni.example")),
    )
    parsed = parse(invitation(session, Person("Programme office", "office@uni.example"), now=NOW))
    assert parsed.method.value == "REQUEST"
    (vevent,) = parsed.vevent_list
    assert vevent.organizer.value == "mailto:office@uni.example"
    attendees = {a.value: a.params for a in vevent.attendee_list}
    assert set(attendees) == {"mailto:ana@uni.example", "mailto:ben@uni.example"}
    assert attendees["mailto:ana@uni.example"]["CN"] == ["Ana Müller"]
    assert attendees["mailto:ana@uni.example"]["RSVP"] == ["TRUE"]


def test_a_cancelled_event_is_sent_as_a_cancellation():
    cancelled = event(
        "gone@x", dt.datetime(2026, 5, 1, 9, tzinfo=LONDON), cancelled=True, sequence=2
    )
    parsed = parse(invitation(cancelled, Person("Office", "office@uni.example"), now=NOW))
    assert parsed.method.value == "CANCEL"
    assert parsed.vevent.status.value == "CANCELLED"
    assert int(parsed.vevent.sequence.value) == 2


def test_an_event_that_ends_before_it_starts_is_refused():
    backwards = event("back@x", dt.datetime(2026, 5, 1, 9, tzinfo=LONDON), hours=-1)
    with pytest.raises(ValueError, match="ends before it starts"):
        programme_calendar("Bad", [backwards], now=NOW)
