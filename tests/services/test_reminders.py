import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from mentordesk.domain.enums import (
    AttendanceStatus,
    EventKind,
    MentorResponse,
    PairingStatus,
    Rsvp,
)
from mentordesk.services.events import EventInput, add_event, cancel_event, set_attendance
from mentordesk.services.pairings import CheckInInput, PairingInput, add_pairing
from mentordesk.services.reminders import reminders
from mentordesk.store.models import Pairing

LUX = ZoneInfo("Europe/Luxembourg")
TODAY = dt.date(2026, 11, 25)


def day(month, number):
    return dt.date(2026, month, number)


@pytest.fixture
def office(programme_file, programme_id, strands, add_someone):
    """Pairings and training sessions with something due on 25 November 2026, and decoys."""
    with programme_file.session() as s:
        people = {name: add_someone(s, first_name=name, last_name="Test") for name in (
            "Mona", "Ari", "Nico", "Bea", "Olga", "Cyd", "Pia", "Dov", "Quin", "Eve",
            "Rafa", "Fay", "Sol", "Gus", "Tara", "Hal", "Uma", "Ivo", "Vic", "Jo", "Kai",
        )}  # fmt: skip

        def pairing(mentor, mentee, status=PairingStatus.ACTIVE, **fields):
            return add_pairing(
                s,
                PairingInput(
                    strands["Fellows"], people[mentor], [people[mentee]], status=status, **fields
                ),
            )

        ids = SimpleNamespace()
        # Overdue since 20 November, and another due on the 28th; last done 55 days ago.
        ids.late = pairing(
            "Mona", "Ari", started_on=day(2, 1),
            check_ins=[CheckInInput(day(10, 1), day(10, 1)), CheckInInput(day(11, 20)),
                       CheckInInput(day(11, 28))],
        )  # fmt: skip
        # Started in June, no check-in done since; the next one is weeks away.
        ids.quiet = pairing(
            "Nico", "Bea", started_on=day(6, 1), check_ins=[CheckInInput(day(12, 20))]
        )
        # Started this month, a check-in due in four days.
        ids.soon = pairing(
            "Olga", "Cyd", status=PairingStatus.INTRODUCED, started_on=day(11, 1),
            check_ins=[CheckInInput(day(11, 29))],
        )  # fmt: skip
        # Decoys: paused, a draft, and a completed pairing, all with overdue check-ins.
        for mentor, mentee, status, draft in [
            ("Pia", "Dov", PairingStatus.PAUSED, False),
            ("Quin", "Eve", PairingStatus.ACTIVE, True),
            ("Rafa", "Fay", PairingStatus.COMPLETED, False),
        ]:
            pairing(
                mentor, mentee, status, draft=draft, started_on=day(1, 15),
                check_ins=[CheckInInput(day(3, 1))],
            )  # fmt: skip
        # A proposal whose mentor has not answered by the 20th, and decoys that have.
        ids.unanswered = pairing("Sol", "Gus", PairingStatus.PROPOSED)
        answered = pairing("Tara", "Hal", PairingStatus.PROPOSED)
        not_yet = pairing("Uma", "Ivo", PairingStatus.PROPOSED)
        draft = pairing("Vic", "Jo", PairingStatus.PROPOSED, draft=True)
        for pairing_id, due, response in [
            (ids.unanswered, day(11, 20), MentorResponse.NONE),
            (answered, day(11, 20), MentorResponse.ACCEPTED),
            (not_yet, day(11, 30), MentorResponse.NONE),
            (draft, day(11, 1), MentorResponse.NONE),
        ]:
            proposal = s.get(Pairing, pairing_id)
            proposal.response_due_on, proposal.mentor_response = due, response

        def session_on(when, kind=EventKind.ORIENTATION, title="Orientation"):
            start = dt.datetime.combine(when, dt.time(10), LUX)
            return add_event(
                s, programme_id, EventInput(kind, title, start, start + dt.timedelta(hours=2))
            )

        ids.training = session_on(day(11, 30), title="Orientation (last session)")
        for name, status, rsvp in [
            ("Ari", AttendanceStatus.INVITED, Rsvp.NO_REPLY),
            ("Bea", AttendanceStatus.INVITED, Rsvp.NO_REPLY),
            ("Cyd", AttendanceStatus.INVITED, Rsvp.ACCEPTED),
            ("Dov", AttendanceStatus.REGISTERED, Rsvp.NO_REPLY),
            ("Eve", AttendanceStatus.INVITED, Rsvp.DECLINED),
        ]:
            set_attendance(s, ids.training, people[name], status, rsvp=rsvp)
        later = session_on(day(12, 10), title="Orientation (December)")
        networking = session_on(day(11, 27), EventKind.NETWORKING, "Networking")
        cancelled = session_on(day(11, 27), EventKind.WORKSHOP, "Cancelled workshop")
        for event_id in (later, networking, cancelled):
            set_attendance(s, event_id, people["Kai"], AttendanceStatus.INVITED)
        cancel_event(s, cancelled)
    ids.people = people
    return ids


def test_each_kind_of_reminder_is_raised_with_whom_and_what_it_concerns(
    programme_file, programme_id, office
):
    people = office.people
    with programme_file.session() as s:
        found = reminders(s, programme_id, TODAY)
    # The most urgent first: the pairing quiet since the end of July leads.
    assert [(r.kind, r.due_on, r.pairing_id, r.event_id) for r in found] == [
        ("no-check-in", day(7, 31), office.quiet, None),
        ("check-in-due", day(11, 20), office.late, None),
        ("mentor-no-answer", day(11, 20), office.unanswered, None),
        ("check-in-due", day(11, 29), office.soon, None),
        ("training-not-registered", day(11, 30), None, office.training),
    ]
    quiet, late, unanswered, soon, training = found
    assert late.title == "Check-in overdue: Mona Test – Ari Test"
    assert late.detail == "2 check-ins not done; the first was due on 20 November 2026, 5 days ago."
    assert late.person_ids == (people["Mona"], people["Ari"])
    assert soon.title == "Check-in due: Olga Test – Cyd Test"
    assert soon.detail == "The check-in is due on 29 November 2026, in 4 days."
    assert quiet.title == "No check-in for 177 days: Nico Test – Bea Test"
    assert quiet.detail == ("No check-in was done since it started on 1 June 2026, 177 days ago.")
    assert quiet.person_ids == (people["Nico"], people["Bea"])
    assert unanswered.title == "No answer from Sol Test"
    assert unanswered.detail == (
        "Proposed as mentor of Gus Test; the answer was due on 20 November 2026, 5 days ago."
    )
    assert unanswered.person_ids == (people["Sol"],)
    assert training.title == "2 people have not registered for “Orientation (last session)”"
    assert training.detail == (
        "Monday 30 November 2026, 10:00. Invited without a reply: Ari Test, Bea Test."
    )
    assert training.person_ids == (people["Ari"], people["Bea"])


def test_the_thresholds_can_be_changed(programme_file, programme_id, office):
    with programme_file.session() as s:
        found = reminders(s, programme_id, TODAY, quiet_days=50, training_days=20)
    quiet = {r.pairing_id: r for r in found if r.kind == "no-check-in"}
    assert set(quiet) == {office.late, office.quiet}
    assert quiet[office.late].detail == (
        "The last check-in was done on 1 October 2026, 55 days ago."
    )
    trainings = [r for r in found if r.kind == "training-not-registered"]
    assert [r.title for r in trainings] == [
        "2 people have not registered for “Orientation (last session)”",
        "1 person has not registered for “Orientation (December)”",
    ]


def test_a_check_in_due_today_says_so(programme_file, programme_id, office):
    with programme_file.session() as s:
        found = reminders(s, programme_id, day(11, 29))
    (soon,) = [r for r in found if r.pairing_id == office.soon]
    assert soon.title == "Check-in due today: Olga Test – Cyd Test"
    assert soon.detail == "The check-in is due today."
    with programme_file.session() as s:
        found = reminders(s, programme_id, day(12, 1))
    (late,) = [r for r in found if r.pairing_id == office.soon]
    assert late.detail == "The check-in was due on 29 November 2026, 2 days ago."


def test_nothing_is_raised_when_nothing_is_due(programme_file, programme_id, office):
    with programme_file.session() as s:
        assert reminders(s, programme_id, day(1, 10)) == []


def test_an_empty_programme_has_no_reminders(programme_file, programme_id):
    with programme_file.session() as s:
        assert reminders(s, programme_id, TODAY) == []
