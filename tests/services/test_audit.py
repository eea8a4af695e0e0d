"""The audit trail: every change is recorded, filterable, and never holds a note's text."""

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from mentordesk.cli.app import main
from mentordesk.domain.enums import ApplicationStatus, AttendanceStatus, EventKind, Role
from mentordesk.services import applicants, events, notes, pairings
from mentordesk.services.audit import audit_actions, audit_entities, audit_rows
from mentordesk.services.notes import NoteInput
from mentordesk.services.privacy import (
    erase_person,
    export_person,
    give_consent,
    withdraw_consent,
)
from mentordesk.services.restore import restore_keeping_erasures
from mentordesk.services.retention import set_retention
from mentordesk.store.models import AuditEntry
from mentordesk.store.programme_file import ProgrammeFile

CANARY = "CANARY-audit-note-4412"
WHEN = dt.datetime(2026, 5, 4, 14, 0, tzinfo=dt.UTC)


def trail(programme_file):
    """Every entry as (action, entity), oldest first."""
    with programme_file.session() as s:
        return [(a, e) for a, e in s.execute(select(AuditEntry.action, AuditEntry.entity))]


def test_every_service_that_changes_data_records_it(
    programme_file, programme_id, strands, file_path, passphrase, tmp_path, monkeypatch
):
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        mentor = applicants.add_applicant(
            s,
            applicants.PersonInput("Ada", "Lovelace", "ada@example.org"),
            applicants.ApplicationInput(fellows, Role.MENTOR),
        )
        mentee = applicants.add_applicant(
            s,
            applicants.PersonInput("Grace", "Hopper", "grace@example.org"),
            applicants.ApplicationInput(fellows, Role.MENTEE),
        )
        applicants.set_application_status(s, [mentor, mentee], ApplicationStatus.ACCEPTED)
        mentor_id = applicants.get_application(s, mentor).person_id
        mentee_id = applicants.get_application(s, mentee).person_id
        pairing = pairings.add_pairing(s, pairings.PairingInput(fellows, mentor_id, [mentee_id]))
        pairings.update_pairing(s, pairing, pairings.pairing_input(s, pairing))
        event = events.add_event(
            s,
            programme_id,
            events.EventInput(EventKind.ORIENTATION, "Orientation", WHEN, WHEN),
        )
        events.update_event(s, event, events.event_input(s, event))
        events.set_attendance(s, event, mentee_id, AttendanceStatus.ATTENDED)
        events.cancel_event(s, event)
        note = notes.add_note(s, NoteInput(dt.date(2026, 5, 4), "t", "x", person_id=mentee_id))
        notes.update_note(s, note, notes.note_input(s, note))
        notes.delete_note(s, note)
        give_consent(s, mentee_id, dt.date(2026, 1, 1))
        withdraw_consent(s, mentee_id, dt.date(2026, 2, 1))
        set_retention(s, programme_id, 3)
        export_person(s, "grace@example.org", tmp_path / "grace.xlsx")
        pairings.delete_pairing(s, pairing)
        events.delete_event(s, event)
        applicants.delete_application(s, mentor)
    backup = programme_file.backup("manual")
    with programme_file.session() as s:
        erase_person(s, "grace@example.org")
    # To another passphrase and back: the same one again is refused, changing nothing.
    programme_file.change_passphrase(passphrase + " for a while")
    programme_file.change_passphrase(passphrase)
    workbook = openpyxl.Workbook()
    workbook.active.append(["Email Address", "Full name", "Strand", "Role"])
    workbook.active.append(["zora@uni.example", "Zora Tester", "Fellows", "Mentee"])
    workbook.save(tmp_path / "applications.xlsx")
    programme_file.close()
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    source = str(tmp_path / "applications.xlsx")
    assert main(["import", "applicants", source, "--db", str(file_path)]) == 0
    with ProgrammeFile.open(file_path, passphrase) as opened:
        recorded = set(trail(opened))
    restore_keeping_erasures(backup.path, file_path, passphrase)
    with ProgrammeFile.open(file_path, passphrase) as opened:
        restored = set(trail(opened))
    expected = {
        ("created", "programme"),
        ("created", "person"),
        ("created", "application"),
        ("status accepted", "application"),
        ("deleted", "application"),
        ("created", "pairing"),
        ("edited", "pairing"),
        ("deleted", "pairing"),
        ("created", "event"),
        ("edited", "event"),
        ("attendance attended", "event"),
        ("cancelled", "event"),
        ("deleted", "event"),
        ("created", "note"),
        ("edited", "note"),
        ("deleted", "note"),
        ("consent given", "person"),
        ("consent withdrawn", "person"),
        ("retention rule", "programme"),
        ("subject access export", "person"),
        ("erased", "person"),
        ("passphrase changed", "file"),
        ("imported", "applications"),
    }
    assert expected - recorded == set()
    assert ("restored", "file") in restored


def test_no_entry_ever_holds_the_text_of_a_note(demo_file, tmp_path):
    with demo_file.session() as s:
        person = s.scalars(select(applicants.Person).order_by(applicants.Person.id)).first()
        email = person.email
        note = notes.add_note(
            s, NoteInput(dt.date(2026, 3, 1), CANARY, CANARY, person_id=person.id)
        )
        changed = notes.note_input(s, note)
        changed.text = f"{CANARY} edited"
        notes.update_note(s, note, changed)
        notes.add_note(s, NoteInput(dt.date(2026, 3, 2), "", CANARY, person_id=person.id))
    with demo_file.session() as s:
        export_person(s, email, tmp_path / "them.xlsx")
        notes.delete_note(s, note)
        erase_person(s, email)
    with demo_file.session() as s:
        entries = s.scalars(select(AuditEntry)).all()
        assert len(entries) > 10
        leaks = [e for e in entries if CANARY in f"{e.action} {e.entity} {e.summary}"]
        assert leaks == []
        rows = audit_rows(s)
        assert all(CANARY not in f"{r.subject} {r.summary}" for r in rows)


def test_the_trail_is_filtered_by_kind_action_dates_and_words(programme_file, add_someone):
    with programme_file.session() as s:
        ada = add_someone(s, first_name="Ada", last_name="Lovelace")
        add_someone(s, first_name="Grace", last_name="Hopper")
        withdraw_consent(s, ada, dt.date(2026, 2, 1))
    with programme_file.session() as s:
        old = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == ada)).first()
        old.at = dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)
    with programme_file.session() as s:
        rows = audit_rows(s)
        assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)
        people = audit_rows(s, entity="person")
        assert {r.subject for r in people} == {"Ada Lovelace", "Grace Hopper"}
        assert all(r.entity_label == "Person" for r in people)
        withdrawn = audit_rows(s, action="consent withdrawn")
        assert [(r.subject, r.summary) for r in withdrawn] == [("Ada Lovelace", "on 2026-02-01")]
        found = audit_rows(s, text="lovelace CREATED")
        assert [(r.action, r.at.year) for r in found] == [("created", 2025)]
        assert audit_rows(s, until=dt.date(2025, 1, 10))[0].subject == "Ada Lovelace"
        assert all(r.at.year == 2025 for r in audit_rows(s, until=dt.date(2025, 1, 10)))
        assert all(r.at.year > 2025 for r in audit_rows(s, since=dt.date(2025, 1, 11)))
        assert "consent withdrawn" in audit_actions(s)
        assert audit_entities(s) == ["person"]


def test_an_erased_person_is_no_longer_named_in_the_trail(programme_file, add_someone):
    with programme_file.session() as s:
        add_someone(s, first_name="Ada", last_name="Lovelace", email="ada@example.org")
        erase_person(s, "ada@example.org")
    with programme_file.session() as s:
        rows = audit_rows(s, entity="person")
        assert [r.action for r in rows] == ["erased", "created"]
        assert all(r.subject == "" for r in rows)
        assert audit_rows(s, text="lovelace") == []


YESTERDAY = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)


@pytest.mark.parametrize("bound", [YESTERDAY, YESTERDAY.date()])
def test_dates_and_moments_bound_the_trail_alike(programme_file, add_someone, bound):
    with programme_file.session() as s:
        add_someone(s)
        assert audit_rows(s, since=bound)
        assert audit_rows(s, until=dt.date(2020, 1, 1)) == []
