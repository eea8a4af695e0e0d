import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    Role,
)
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.events import EventInput, add_event, cancel_event, set_attendance
from mentordesk.services.programmes import strand_choices
from mentordesk.services.training import (
    Requirement,
    invite_missing_to_next_sessions,
    missing_training,
    requirements,
    set_requirements,
)
from mentordesk.store.models import Application

LUX = ZoneInfo("Europe/Luxembourg")
NOW = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def programme(programme_file, programme_id):
    """Two accepted mentees, one accepted mentor, one waitlisted mentee; a past and a future
    orientation and a future mentor training."""
    with programme_file.session() as s:
        fellows = {c.name: c.id for c in strand_choices(s, programme_id)}["Fellows"]
        people = {}
        for name, role, status in [
            ("Ana", Role.MENTEE, ApplicationStatus.ACCEPTED),
            ("Ben", Role.MENTEE, ApplicationStatus.ACCEPTED),
            ("Cleo", Role.MENTOR, ApplicationStatus.ACCEPTED),
            ("Dan", Role.MENTEE, ApplicationStatus.WAITLISTED),
        ]:
            application = add_applicant(
                s,
                PersonInput(name, "Test", f"{name.lower()}@uni.example"),
                ApplicationInput(fellows, role, status),
            )
            people[name] = s.get(Application, application).person_id

        def session_on(day, kind, title):
            start = dt.datetime(2026, *day, 9, tzinfo=LUX)
            return add_event(
                s, programme_id, EventInput(kind, title, start, start + dt.timedelta(hours=3))
            )

        events = {
            "past": session_on((2, 1), EventKind.ORIENTATION, "Orientation (February)"),
            "next": session_on((3, 10), EventKind.ORIENTATION, "Orientation (March)"),
            "later": session_on((4, 10), EventKind.ORIENTATION, "Orientation (April)"),
            "mentors": session_on((3, 12), EventKind.MENTOR_TRAINING, "Mentor training"),
        }
        set_attendance(s, events["past"], people["Ana"], AttendanceStatus.ATTENDED, 180)
        set_attendance(s, events["past"], people["Ben"], AttendanceStatus.ABSENT)
        set_requirements(
            s,
            programme_id,
            [
                Requirement(EventKind.ORIENTATION, Role.MENTEE),
                Requirement(EventKind.ORIENTATION, Role.MENTOR),
                Requirement(EventKind.MENTOR_TRAINING, Role.MENTOR),
            ],
        )
    return people, events


def test_the_untrained_are_listed_with_their_next_session(programme_file, programme_id, programme):
    _people, events = programme
    with programme_file.session() as s:
        lines = missing_training(s, programme_id, now=NOW)
    found = {(line.name, line.kind): line.next_event_id for line in lines}
    assert found == {
        ("Ben Test", EventKind.ORIENTATION): events["next"],
        ("Cleo Test", EventKind.ORIENTATION): events["next"],
        ("Cleo Test", EventKind.MENTOR_TRAINING): events["mentors"],
    }


def test_one_action_invites_everyone_missing_to_the_next_session(
    programme_file, programme_id, programme
):
    _people, _events = programme
    with programme_file.session() as s:
        assert invite_missing_to_next_sessions(s, programme_id, now=NOW) == 3
    with programme_file.session() as s:
        lines = missing_training(s, programme_id, now=NOW)
        assert all(line.invited_to_next for line in lines)
        # Asking again invites nobody twice.
        assert invite_missing_to_next_sessions(s, programme_id, now=NOW) == 0


def test_a_cancelled_session_is_not_offered(programme_file, programme_id, programme):
    _people, events = programme
    with programme_file.session() as s:
        cancel_event(s, events["next"])
    with programme_file.session() as s:
        lines = missing_training(s, programme_id, now=NOW)
    assert {line.next_event_id for line in lines if line.kind is EventKind.ORIENTATION} == {
        events["later"]
    }


def test_attending_completes_the_requirement(programme_file, programme_id, programme):
    people, events = programme
    with programme_file.session() as s:
        set_attendance(s, events["next"], people["Ben"], AttendanceStatus.ATTENDED, 170)
    with programme_file.session() as s:
        names = {line.name for line in missing_training(s, programme_id, now=NOW)}
    assert names == {"Cleo Test"}


def test_rules_are_replaced_and_must_name_training(programme_file, programme_id, programme):
    with programme_file.session() as s:
        set_requirements(s, programme_id, [Requirement(EventKind.WORKSHOP, Role.MENTEE)])
        assert requirements(s, programme_id) == [Requirement(EventKind.WORKSHOP, Role.MENTEE)]
        with pytest.raises(InvalidInput, match="not a kind of training"):
            set_requirements(s, programme_id, [Requirement(EventKind.NETWORKING, Role.MENTEE)])
