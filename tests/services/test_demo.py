"""The demo programme: deterministic, realistic, and shaped like ADVANCE."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, AttendanceStatus, EventKind, StrandFormat
from mentordesk.services.applicants import applicant_rows
from mentordesk.services.demo import DEMO_PROGRAMME, build_demo
from mentordesk.services.events import event_rows
from mentordesk.services.notes import note_rows
from mentordesk.services.pairings import pairing_rows
from mentordesk.services.programmes import count_people, find_programme, strand_choices
from mentordesk.store.models import Application, Attendance, Event, PairingMember, Person
from mentordesk.store.programme_file import ProgrammeFile

_IDS = {"application_id", "person_id", "pairing_id", "event_id", "note_id"}


def _without_ids(rows: list[object]) -> list[dict[str, object]]:
    return [
        {k: v for k, v in dataclasses.asdict(row).items() if k not in _IDS}  # type: ignore[call-overload]
        for row in rows
    ]


def _tables(programme_file: ProgrammeFile) -> dict[str, list[dict[str, object]]]:
    with programme_file.session() as session:
        programme_id = find_programme(session, DEMO_PROGRAMME).id
        return {
            "applicants": _without_ids(applicant_rows(session, programme_id)),
            "pairings": _without_ids(pairing_rows(session, programme_id)),
            "training": _without_ids(event_rows(session, programme_id, training=True)),
            "events": _without_ids(event_rows(session, programme_id, training=False)),
            "notes": _without_ids(note_rows(session, programme_id)),
        }


def test_the_demo_is_the_same_every_time_it_is_built(
    demo_file: ProgrammeFile, tmp_path: Path, passphrase: str
) -> None:
    with ProgrammeFile.create(tmp_path / "again.mentordesk", passphrase) as again:
        build_demo(again)
        rebuilt = _tables(again)
    original = _tables(demo_file)
    assert rebuilt == original
    assert all(original.values())


def test_the_demo_has_the_three_advance_strands(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        strands = {s.name: s.format for s in strand_choices(session, demo_programme_id)}
    assert strands == {
        "Faculty": StrandFormat.ONE_TO_ONE,
        "Fellows": StrandFormat.ONE_TO_ONE,
        "Circles": StrandFormat.GROUP,
    }


def test_the_demo_has_about_sixty_people_with_reserved_email_domains(
    demo_file: ProgrammeFile,
) -> None:
    with demo_file.session() as session:
        people = count_people(session)
        emails = session.scalars(select(Person.email)).all()
    assert 50 <= people <= 70
    assert len(emails) == people
    assert [e for e in emails if not e.endswith(".example")] == []


def test_every_application_status_occurs_in_the_demo(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        statuses = Counter(r.status for r in applicant_rows(session, demo_programme_id))
    assert set(statuses) == set(ApplicationStatus)


def test_the_demo_has_pairings_and_a_circle_of_several_mentees(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        rows = pairing_rows(session, demo_programme_id)
    assert len(rows) >= 12
    assert any(r.format is StrandFormat.GROUP and r.mentee_count > 1 for r in rows)
    assert all(r.mentee_count == 1 for r in rows if r.format is StrandFormat.ONE_TO_ONE)
    assert any(r.next_check_in is not None for r in rows)


def test_everyone_paired_in_the_demo_was_accepted(demo_file: ProgrammeFile) -> None:
    with demo_file.session() as session:
        paired = set(session.scalars(select(PairingMember.person_id)))
        accepted = set(
            session.scalars(
                select(Application.person_id).where(
                    Application.status == ApplicationStatus.ACCEPTED
                )
            )
        )
    assert paired
    assert paired <= accepted


def test_the_demo_has_an_orientation_training_with_attendance(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        training = event_rows(session, demo_programme_id, training=True)
        statuses = Counter(
            session.scalars(
                select(Attendance.status).join(Event).where(Event.kind == EventKind.ORIENTATION)
            )
        )
    orientations = [r for r in training if r.kind is EventKind.ORIENTATION]
    assert orientations
    assert orientations[0].attended > 0
    assert statuses[AttendanceStatus.ATTENDED] > 0
    assert statuses[AttendanceStatus.ABSENT] + statuses[AttendanceStatus.EXCUSED] > 0


def test_the_demo_has_five_programme_events_besides_training(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        events = event_rows(session, demo_programme_id, training=False)
    assert len(events) == 5, [(e.kind, e.title) for e in events]
    assert all(e.starts_at.tzinfo is not None for e in events)


def test_the_demo_has_a_few_notes(demo_file: ProgrammeFile, demo_programme_id: int) -> None:
    with demo_file.session() as session:
        notes = note_rows(session, demo_programme_id)
    assert 3 <= len(notes) <= 10
    assert any(n.about.startswith("Pairing:") for n in notes)


@pytest.mark.parametrize("size", [300])
def test_a_demo_of_a_given_size_has_that_many_people(
    tmp_path: Path, passphrase: str, size: int
) -> None:
    with ProgrammeFile.create(tmp_path / "big.mentordesk", passphrase) as big:
        programme_id = build_demo(big, size=size)
        with big.session() as session:
            assert count_people(session) == size
            assert len(applicant_rows(session, programme_id)) == size
