"""Events and attendance: times, calendar identity and the Training/Events split."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import AttendanceStatus, EventKind, Rsvp
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.events import (
    EventInput,
    add_event,
    delete_event,
    event_input,
    event_register,
    event_rows,
    get_event,
    set_attendance,
    update_event,
)
from mentordesk.services.programmes import ProgrammeInput, create_programme
from mentordesk.store.models import Attendance
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone, TableCounts

LUXEMBOURG = ZoneInfo("Europe/Luxembourg")
START = dt.datetime(2026, 3, 12, 13, 0, tzinfo=LUXEMBOURG)


def workshop(**changes: object) -> EventInput:
    data = EventInput(
        EventKind.WORKSHOP,
        "Negotiating your next position",
        START,
        START + dt.timedelta(hours=4),
        location="Belval campus",
        description="Bring your CV.",
        capacity=30,
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def test_event_times_come_back_as_the_same_moments(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
    with programme_file.session() as session:
        stored = event_input(session, event_id)
    assert stored.starts_at == START
    assert stored.starts_at.utcoffset() == dt.timedelta(0)
    assert (stored.title, stored.location, stored.capacity) == (
        "Negotiating your next position",
        "Belval campus",
        30,
    )


@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_naive_times_are_refused(
    programme_file: ProgrammeFile, programme_id: int, field: str
) -> None:
    naive = getattr(workshop(), field).replace(tzinfo=None)
    with programme_file.session() as session, pytest.raises(InvalidInput, match="time zone"):
        add_event(session, programme_id, workshop(**{field: naive}))


def test_an_event_cannot_end_before_it_starts(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as session, pytest.raises(InvalidInput, match="end before"):
        add_event(session, programme_id, workshop(ends_at=START - dt.timedelta(minutes=1)))


def test_an_event_may_end_when_it_starts(programme_file: ProgrammeFile, programme_id: int) -> None:
    with programme_file.session() as session:
        add_event(session, programme_id, workshop(kind=EventKind.DEADLINE, ends_at=START))


def test_an_event_needs_a_title(programme_file: ProgrammeFile, programme_id: int) -> None:
    with programme_file.session() as session, pytest.raises(InvalidInput, match="Title"):
        add_event(session, programme_id, workshop(title="   "))


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Negotiating a permanent position"},
        {"starts_at": START - dt.timedelta(hours=1)},
        {"ends_at": START + dt.timedelta(hours=5)},
        {"location": "Kirchberg campus"},
        {"description": "Bring your CV and a question."},
        {"all_day": True},
    ],
    ids=lambda change: next(iter(change)),
)
def test_a_change_calendars_show_raises_the_sequence(
    programme_file: ProgrammeFile, programme_id: int, change: dict[str, object]
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
    with programme_file.session() as session:
        update_event(session, event_id, workshop(**change))
    with programme_file.session() as session:
        assert get_event(session, event_id).sequence == 1


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"capacity": 12},
        {"capacity": None},
        {"kind": EventKind.MENTOR_TRAINING},
        {"title": "  Negotiating your next position  "},
        # The same moment written in another time zone is no change at all.
        {"starts_at": START.astimezone(dt.UTC)},
    ],
    ids=["nothing", "capacity", "no-capacity", "kind", "spaces", "same-moment"],
)
def test_a_change_calendars_do_not_show_keeps_the_sequence(
    programme_file: ProgrammeFile, programme_id: int, change: dict[str, object]
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
    with programme_file.session() as session:
        update_event(session, event_id, workshop(**change))
    with programme_file.session() as session:
        event = get_event(session, event_id)
        assert event.sequence == 0
        assert event.capacity == workshop(**change).capacity


def test_the_uid_stays_put_while_the_sequence_counts_each_change(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
        uid = get_event(session, event_id).uid
    for n, location in enumerate(("Room 1", "Room 2", "Room 3"), start=1):
        with programme_file.session() as session:
            update_event(session, event_id, workshop(location=location))
        with programme_file.session() as session:
            event = get_event(session, event_id)
            assert (event.uid, event.sequence) == (uid, n)


def test_every_event_has_its_own_uid(programme_file: ProgrammeFile, programme_id: int) -> None:
    with programme_file.session() as session:
        ids = [add_event(session, programme_id, workshop()) for _ in range(20)]
    with programme_file.session() as session:
        uids = {get_event(session, i).uid for i in ids}
    assert len(uids) == 20
    assert all(len(uid) >= 32 for uid in uids)


def test_attendance_replaces_what_was_recorded_before(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
        person_id = add_someone(session)
        set_attendance(session, event_id, person_id, AttendanceStatus.REGISTERED)
    with programme_file.session() as session:
        set_attendance(session, event_id, person_id, AttendanceStatus.ATTENDED, 240)
    with programme_file.session() as session:
        records = session.execute(select(Attendance.status, Attendance.minutes_attended)).all()
    assert records == [(AttendanceStatus.ATTENDED, 240)]


def test_an_rsvp_is_kept_until_a_new_one_is_given(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
        person_id = add_someone(session)
        set_attendance(session, event_id, person_id, AttendanceStatus.INVITED)
        assert event_register(session, event_id)[0].rsvp is Rsvp.NO_REPLY
        set_attendance(session, event_id, person_id, AttendanceStatus.INVITED, rsvp=Rsvp.ACCEPTED)
    with programme_file.session() as session:
        set_attendance(session, event_id, person_id, AttendanceStatus.ATTENDED, 90)
    with programme_file.session() as session:
        [line] = event_register(session, event_id)
    assert (line.person_id, line.status, line.minutes_attended, line.rsvp) == (
        person_id,
        AttendanceStatus.ATTENDED,
        90,
        Rsvp.ACCEPTED,
    )


def test_attendance_for_someone_not_in_the_file_is_refused(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
        with pytest.raises(NotFound):
            set_attendance(session, event_id, 31_337, AttendanceStatus.ATTENDED)


def test_negative_minutes_are_refused(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
        person_id = add_someone(session)
        with pytest.raises(InvalidInput, match="Minutes"):
            set_attendance(session, event_id, person_id, AttendanceStatus.ATTENDED, -5)


def test_event_rows_split_training_from_other_events_with_counts(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        people = [add_someone(session) for _ in range(4)]
        ids = {
            kind: add_event(
                session,
                programme_id,
                workshop(
                    kind=kind,
                    title=kind.label,
                    starts_at=START + dt.timedelta(days=n),
                    ends_at=START + dt.timedelta(days=n, hours=2),
                ),
            )
            for n, kind in enumerate(EventKind)
        }
        orientation = ids[EventKind.ORIENTATION]
        for person, status in zip(
            people,
            (
                AttendanceStatus.ATTENDED,
                AttendanceStatus.ATTENDED,
                AttendanceStatus.ABSENT,
                AttendanceStatus.EXCUSED,
            ),
            strict=True,
        ):
            set_attendance(session, orientation, person, status)
        set_attendance(session, ids[EventKind.NETWORKING], people[0], AttendanceStatus.INVITED)
    with programme_file.session() as session:
        training = event_rows(session, programme_id, training=True)
        others = event_rows(session, programme_id, training=False)
    assert [r.kind for r in training] == [
        EventKind.ORIENTATION,
        EventKind.MENTOR_TRAINING,
        EventKind.WORKSHOP,
    ]
    assert [r.kind for r in others] == [k for k in EventKind if not k.is_training]
    counts = {r.kind: (r.invited, r.attended) for r in training + others}
    assert counts[EventKind.ORIENTATION] == (4, 2)
    assert counts[EventKind.NETWORKING] == (1, 0)
    assert counts[EventKind.WORKSHOP] == (0, 0)


def test_event_rows_leave_out_other_programmes(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as session:
        other = create_programme(session, ProgrammeInput("Other 2027"))
        add_event(session, other, workshop())
        add_event(session, programme_id, workshop(title="Ours"))
    with programme_file.session() as session:
        assert [r.title for r in event_rows(session, programme_id, training=True)] == ["Ours"]


def test_deleting_an_event_removes_its_attendance(
    programme_file: ProgrammeFile,
    programme_id: int,
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    with programme_file.session() as session:
        event_id = add_event(session, programme_id, workshop())
        set_attendance(session, event_id, add_someone(session), AttendanceStatus.ATTENDED)
    with programme_file.session() as session:
        delete_event(session, event_id)
    counts = table_counts(programme_file)
    assert (counts["event"], counts["attendance"], counts["person"]) == (0, 0, 1)


def test_an_event_for_a_programme_no_longer_in_the_file_is_not_found(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session, pytest.raises(NotFound, match="programme"):
        add_event(session, 404_404, workshop())
