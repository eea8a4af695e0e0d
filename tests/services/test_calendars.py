import datetime as dt

import vobject
from sqlalchemy import select

from mentordesk.domain.enums import Rsvp
from mentordesk.formats.ical import Person
from mentordesk.services.calendars import export_programme_calendar, invitation_ics, programme_ics
from mentordesk.services.events import cancel_event, event_input, update_event
from mentordesk.store.models import Attendance, Event


def events_of(session, programme_id):
    return session.scalars(
        select(Event).where(Event.programme_id == programme_id).order_by(Event.starts_at)
    ).all()


def test_the_programme_calendar_holds_every_event_at_its_time(demo_file, demo_programme_id):
    with demo_file.session() as s:
        data = programme_ics(s, demo_programme_id)
        events = events_of(s, demo_programme_id)
        expected = {f"{e.uid}@mentordesk": (e.title, e.starts_at, e.ends_at) for e in events}
    calendar = vobject.readOne(data.decode())
    assert calendar.contents["x-wr-calname"][0].value == "ADVANCE 2026"
    found = {
        v.uid.value: (v.summary.value, v.dtstart.value, v.dtend.value) for v in calendar.vevent_list
    }
    assert found == expected
    assert b"TZID=Europe/Luxembourg" in data


def test_a_change_and_a_cancellation_raise_the_sequence(demo_file, demo_programme_id):
    with demo_file.session() as s:
        first = events_of(s, demo_programme_id)[0]
        changed = event_input(s, first.id)
        changed.starts_at += dt.timedelta(hours=1)
        changed.ends_at += dt.timedelta(hours=1)
        update_event(s, first.id, changed)
        cancel_event(s, first.id)
        data = programme_ics(s, demo_programme_id, event_ids=[first.id])
        uid = f"{first.uid}@mentordesk"
    (vevent,) = vobject.readOne(data.decode()).vevent_list
    assert vevent.uid.value == uid
    assert int(vevent.sequence.value) == 2
    assert vevent.status.value == "CANCELLED"


def test_an_invitation_goes_to_the_register_except_those_who_declined(demo_file, demo_programme_id):
    with demo_file.session() as s:
        orientation = next(e for e in events_of(s, demo_programme_id) if e.attendances)
        attendances = s.scalars(
            select(Attendance).where(Attendance.event_id == orientation.id)
        ).all()
        attendances[0].rsvp = Rsvp.DECLINED
        declined = attendances[0].person.email
        expected = {f"mailto:{a.person.email}" for a in attendances[1:]}
        data = invitation_ics(s, orientation.id, Person("ADVANCE office", "advance@uni.example"))
    calendar = vobject.readOne(data.decode())
    assert calendar.method.value == "REQUEST"
    (vevent,) = calendar.vevent_list
    assert {a.value for a in vevent.attendee_list} == expected
    assert f"mailto:{declined}" not in data.decode()


def test_the_calendar_file_is_written_whole(tmp_path, demo_file, demo_programme_id):
    target = tmp_path / "advance.ics"
    with demo_file.session() as s:
        export_programme_calendar(s, demo_programme_id, target)
        count = len(events_of(s, demo_programme_id))
    assert len(vobject.readOne(target.read_text()).vevent_list) == count
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".ics"] == ["advance.ics"]
