"""Strand summaries and a person's detail: what the Applicants tab shows beside its table."""

from __future__ import annotations

import datetime as dt

import pytest

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    PairingStatus,
    Role,
    StrandFormat,
)
from mentordesk.domain.errors import NotFound
from mentordesk.services.applicants import (
    ApplicationInput,
    add_application,
    applicant_rows,
    person_detail,
    strand_summaries,
)
from mentordesk.services.events import EventInput, add_event, set_attendance
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.pairings import CheckInInput, PairingInput, add_pairing
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

ACCEPTED = ApplicationStatus.ACCEPTED


def test_strand_summaries_count_applications_and_acceptances_by_role(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    fellows = strands["Fellows"]
    with programme_file.session() as session:
        for role, status in [
            (Role.MENTOR, ACCEPTED),
            (Role.MENTEE, ACCEPTED),
            (Role.MENTEE, ACCEPTED),
            (Role.MENTEE, ApplicationStatus.WAITLISTED),
            (Role.MENTEE, ApplicationStatus.RECEIVED),
        ]:
            add_application(session, add_someone(session), ApplicationInput(fellows, role, status))
        summaries = strand_summaries(session, programme_id)

    assert [s.name for s in summaries] == ["Circles", "Fellows"]
    circles, fellow = summaries
    assert (circles.format, circles.places, circles.applications, circles.accepted) == (
        StrandFormat.GROUP,
        12,
        0,
        0,
    )
    assert fellow.strand_id == fellows
    assert fellow.places == 10
    assert fellow.applications == 5
    assert fellow.accepted == 3
    assert (fellow.mentors_accepted, fellow.mentees_accepted) == (1, 2)
    assert not fellow.over_places


def test_places_are_counted_against_mentees_only(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    fellows = strands["Fellows"]
    with programme_file.session() as session:
        for n in range(12):
            role = Role.MENTOR if n < 2 else Role.MENTEE
            add_application(
                session,
                add_someone(session),
                ApplicationInput(fellows, role, ApplicationStatus.ACCEPTED),
            )
        (fellow,) = [s for s in strand_summaries(session, programme_id) if s.name == "Fellows"]
    # Ten places, ten mentees and two mentors accepted: full, not over.
    assert (fellow.places, fellow.mentees_accepted, fellow.accepted) == (10, 10, 12)
    assert not fellow.over_places


def test_a_strand_is_over_its_places_only_when_more_mentees_are_accepted_than_it_offers(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        summaries = strand_summaries(session, demo_programme_id)
        rows = applicant_rows(session, demo_programme_id)
    for summary in summaries:
        mine = [r for r in rows if r.strand == summary.name]
        accepted = [r for r in mine if r.status is ACCEPTED]
        assert summary.applications == len(mine)
        assert summary.accepted == len(accepted)
        assert summary.mentors_accepted == sum(r.role is Role.MENTOR for r in accepted)
        mentees = sum(r.role is Role.MENTEE for r in accepted)
        assert summary.over_places == (summary.places is not None and mentees > summary.places)


def test_person_detail_gathers_applications_pairings_and_attendance(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as session:
        mentor = add_someone(session, first_name="Ada", last_name="Mentor", department="Physics")
        mentee = add_someone(session, first_name="Bea", last_name="Mentee")
        other = add_someone(session, first_name="Cleo", last_name="Mentee")
        add_application(session, mentor, ApplicationInput(strands["Circles"], Role.MENTOR))
        add_application(session, mentor, ApplicationInput(strands["Fellows"], Role.MENTEE))
        add_application(session, mentee, ApplicationInput(strands["Circles"], Role.MENTEE))
        add_pairing(
            session,
            PairingInput(
                strands["Circles"],
                mentor,
                [mentee, other],
                status=PairingStatus.ACTIVE,
                started_on=dt.date(2026, 2, 1),
                check_ins=[
                    CheckInInput(dt.date(2026, 3, 1), done_on=dt.date(2026, 3, 2)),
                    CheckInInput(dt.date(2026, 5, 1)),
                ],
            ),
        )
        # 23:30 UTC is already the next day in Luxembourg, the programme's time zone.
        event = add_event(
            session,
            programme_id,
            EventInput(
                EventKind.WORKSHOP,
                "Writing grants",
                dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.UTC),
                dt.datetime(2026, 3, 10, 1, 0, tzinfo=dt.UTC),
            ),
        )
        set_attendance(session, event, mentee, AttendanceStatus.ATTENDED, 90)
        add_note(session, NoteInput(dt.date(2026, 3, 1), "Private", "Never shown", mentee))
        add_note(session, NoteInput(dt.date(2026, 3, 2), "Again", "Never shown", mentee))

        ada = person_detail(session, mentor)
        bea = person_detail(session, mentee)

    assert ada.name == "Ada Mentor"
    assert ada.department == "Physics"
    assert [(a.programme, a.strand, a.role) for a in ada.applications] == [
        ("Pilot 2026", "Circles", Role.MENTOR),
        ("Pilot 2026", "Fellows", Role.MENTEE),
    ]
    assert len(ada.pairings) == 1
    pairing = ada.pairings[0]
    assert pairing.role is Role.MENTOR
    assert pairing.others == ("Bea Mentee", "Cleo Mentee")
    assert pairing.status is PairingStatus.ACTIVE
    assert pairing.next_check_in == dt.date(2026, 5, 1)
    assert ada.attendance == ()
    assert ada.note_count == 0

    assert bea.pairings[0].role is Role.MENTEE
    assert bea.pairings[0].others == ("Ada Mentor", "Cleo Mentee")
    assert len(bea.attendance) == 1
    visit = bea.attendance[0]
    assert (visit.title, visit.kind, visit.date) == (
        "Writing grants",
        EventKind.WORKSHOP,
        dt.date(2026, 3, 10),
    )
    assert (visit.status, visit.minutes_attended) == (AttendanceStatus.ATTENDED, 90)
    assert bea.note_count == 2
    assert "Never shown" not in repr(bea)


def test_person_detail_of_someone_deleted_is_not_found(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as session, pytest.raises(NotFound):
        person_detail(session, 12345)
