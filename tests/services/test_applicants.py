"""People and applications: the rules hold in the service and in the file itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    ContractType,
    EventKind,
    Role,
    StrandFormat,
)
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_applicant,
    add_application,
    add_person,
    applicant_rows,
    application_input,
    delete_application,
    delete_person,
    get_person,
    person_detail,
    person_input,
    set_application_status,
    update_applicant,
    update_application,
    update_person,
)
from mentordesk.services.events import EventInput, add_event, set_attendance
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.pairings import PairingInput, add_pairing, pairing_input
from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
from mentordesk.services.validation import normalise_email
from mentordesk.store.models import (
    Application,
    AuditEntry,
    MentorChoice,
    Person,
    Programme,
    Strand,
)
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone, TableCounts

NOON = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)


def ada(**changes: object) -> PersonInput:
    values: dict[str, object] = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "Ada.Lovelace@Uni.example",
        "organisation": "University of Luxembourg",
        "stage": "Postdoctoral researcher",
        "contract_type": ContractType.FIXED_TERM,
    }
    values.update(changes)
    return PersonInput(**values)  # type: ignore[arg-type]


# --- people -------------------------------------------------------------------------------


def test_added_person_is_stored_with_a_lower_case_email(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as session:
        person_id = add_person(
            session, ada(first_name="  Ada ", email="  Ada.Lovelace@Uni.example ")
        )
    with programme_file.session() as session:
        stored = person_input(session, person_id)
    assert stored.first_name == "Ada"
    assert stored.email == "ada.lovelace@uni.example"
    assert stored.stage == "Postdoctoral researcher"
    assert stored.contract_type is ContractType.FIXED_TERM


def test_edited_person_keeps_the_new_values(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as session:
        person_id = add_person(session, ada())
    with programme_file.session() as session:
        update_person(session, person_id, ada(last_name="King", department="Mathematics"))
    with programme_file.session() as session:
        stored = person_input(session, person_id)
    assert (stored.last_name, stored.department) == ("King", "Mathematics")


def test_deleted_person_is_gone(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as session:
        person_id = add_person(session, ada())
    with programme_file.session() as session:
        delete_person(session, person_id)
    with programme_file.session() as session, pytest.raises(NotFound):
        get_person(session, person_id)


def test_email_is_unique_whatever_its_case(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as session:
        add_person(session, ada())
    with (
        programme_file.session() as session,
        pytest.raises(Conflict, match=r"ada\.lovelace@uni\.example"),
    ):
        add_person(session, ada(first_name="Augusta", email=" ADA.LOVELACE@uni.EXAMPLE "))


def test_editing_a_person_onto_someone_elses_email_is_a_conflict(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session:
        add_person(session, ada())
        other = add_person(session, ada(first_name="Mary", email="mary@uni.example"))
    with programme_file.session() as session, pytest.raises(Conflict):
        update_person(session, other, ada(first_name="Mary", email="ADA.lovelace@uni.example"))


def test_a_person_may_keep_their_own_email_in_another_case(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as session:
        person_id = add_person(session, ada())
    with programme_file.session() as session:
        update_person(session, person_id, ada(email="ADA.LOVELACE@UNI.EXAMPLE"))
    with programme_file.session() as session:
        assert get_person(session, person_id).email == "ada.lovelace@uni.example"


def test_the_file_itself_refuses_an_email_differing_only_in_case(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session:
        add_person(session, ada())
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.execute(
            insert(Person).values(
                first_name="Ada", last_name="Twin", email="ADA.Lovelace@UNI.example"
            )
        )


def test_the_file_itself_refuses_an_email_differing_only_in_case_in_raw_sql(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session:
        add_person(session, ada())
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.execute(
            text(
                "INSERT INTO person (first_name, last_name, email, organisation, department, "
                "position, field, expertise, languages, gender, created_at, updated_at) "
                "VALUES ('A', 'B', 'ADA.LOVELACE@UNI.EXAMPLE', '', '', '', '', '', '', '', "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )


@pytest.mark.parametrize("email", ["", "   ", "ada", "ada@", "ada@uni", "a da@uni.example"])
def test_a_malformed_email_is_refused_with_a_message_about_the_email(
    programme_file: ProgrammeFile, email: str
) -> None:
    with programme_file.session() as session, pytest.raises(InvalidInput) as refused:
        add_person(session, ada(email=email))
    assert "email" in refused.value.message.lower()


def test_a_person_without_any_name_is_refused_with_a_message_about_the_name(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session, pytest.raises(InvalidInput) as refused:
        add_person(session, ada(first_name="  ", last_name=""))
    assert "name" in refused.value.message.lower()


def test_a_too_long_field_is_refused_with_a_message_naming_it(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session, pytest.raises(InvalidInput, match="Organisation"):
        add_person(session, ada(organisation="x" * 201))


def test_refused_person_leaves_nothing_behind(
    programme_file: ProgrammeFile, table_counts: TableCounts
) -> None:
    before = table_counts(programme_file)

    def add_a_good_and_a_bad_person() -> None:
        with programme_file.session() as session:
            add_person(session, ada())
            add_person(session, ada(email="not an email"))

    with pytest.raises(InvalidInput):
        add_a_good_and_a_bad_person()
    assert table_counts(programme_file) == before


_ATOM = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+",
    min_size=1,
    max_size=20,
)


@given(local=_ATOM, domain=_ATOM, tld=st.from_regex(r"[A-Za-z]{2,6}", fullmatch=True))
def test_normalised_email_ignores_case_and_surrounding_spaces(
    local: str, domain: str, tld: str
) -> None:
    email = f"{local}@{domain}.{tld}"
    normalised = normalise_email(email)
    assert normalised == email.lower()
    assert normalise_email(f" \t{email.upper()}  ") == normalised
    assert normalise_email(normalised) == normalised


@given(st.text(alphabet=st.characters(exclude_characters="@"), max_size=40))
def test_text_without_an_at_sign_is_never_an_email(value: str) -> None:
    with pytest.raises(InvalidInput):
        normalise_email(value)


# --- applications -------------------------------------------------------------------------


def test_application_is_added_edited_and_deleted(
    programme_file: ProgrammeFile, strands: dict[str, int]
) -> None:
    with programme_file.session() as session:
        application_id = add_applicant(
            session, ada(), ApplicationInput(strands["Fellows"], Role.MENTEE, goals="  Grants ")
        )
    with programme_file.session() as session:
        stored = application_input(session, application_id)
        assert (stored.strand_id, stored.role, stored.status, stored.goals) == (
            strands["Fellows"],
            Role.MENTEE,
            ApplicationStatus.RECEIVED,
            "Grants",
        )
        update_application(
            session,
            application_id,
            ApplicationInput(strands["Circles"], Role.MENTEE, ApplicationStatus.SHORTLISTED),
        )
    with programme_file.session() as session:
        stored = application_input(session, application_id)
        assert (stored.strand_id, stored.status) == (
            strands["Circles"],
            ApplicationStatus.SHORTLISTED,
        )
        person_id = session.get(Application, application_id).person_id  # type: ignore[union-attr]
        delete_application(session, application_id)
    with programme_file.session() as session:
        assert session.get(Application, application_id) is None
        assert get_person(session, person_id).email == "ada.lovelace@uni.example"


def test_the_applicants_form_saves_person_and_application_together_or_not_at_all(
    programme_file: ProgrammeFile, strands: dict[str, int]
) -> None:
    with programme_file.session() as session:
        application_id = add_applicant(
            session, ada(), ApplicationInput(strands["Fellows"], Role.MENTEE)
        )
    renamed = PersonInput("Augusta Ada", "King", "ada.king@uni.example")
    with programme_file.session() as session:
        update_applicant(
            session,
            application_id,
            renamed,
            ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
        )
    with programme_file.session() as session:
        (row,) = applicant_rows(session, programme_id_of(session, strands["Fellows"]))
        assert (row.name, row.email, row.status) == (
            "Augusta Ada King",
            "ada.king@uni.example",
            ApplicationStatus.ACCEPTED,
        )
    # A mentee given a capacity is refused: the person's new name is not kept either.
    with pytest.raises(InvalidInput), programme_file.session() as session:
        update_applicant(
            session,
            application_id,
            PersonInput("Ada", "Byron", "ada.byron@uni.example"),
            ApplicationInput(strands["Fellows"], Role.MENTEE, capacity=2),
        )
    with programme_file.session() as session:
        (row,) = applicant_rows(session, programme_id_of(session, strands["Fellows"]))
        assert (row.name, row.email) == ("Augusta Ada King", "ada.king@uni.example")


def programme_id_of(session: Session, strand_id: int) -> int:
    strand = session.get(Strand, strand_id)
    assert strand is not None
    return strand.programme_id


def test_applying_twice_to_a_strand_in_the_same_role_is_a_conflict(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        person_id = add_someone(session)
        add_application(session, person_id, ApplicationInput(strands["Fellows"], Role.MENTEE))
        add_application(session, person_id, ApplicationInput(strands["Fellows"], Role.MENTOR))
    with programme_file.session() as session, pytest.raises(Conflict):
        add_application(session, person_id, ApplicationInput(strands["Fellows"], Role.MENTEE))


def test_application_to_a_missing_strand_is_refused(
    programme_file: ProgrammeFile, add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        person_id = add_someone(session)
        with pytest.raises(InvalidInput, match="strand"):
            add_application(session, person_id, ApplicationInput(999_999, Role.MENTEE))


def test_only_mentors_have_a_capacity(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor = add_someone(session)
        mentee = add_someone(session)
        add_application(
            session, mentor, ApplicationInput(strands["Fellows"], Role.MENTOR, capacity=3)
        )
        with pytest.raises(InvalidInput, match="capacity"):
            add_application(
                session, mentee, ApplicationInput(strands["Fellows"], Role.MENTEE, capacity=1)
            )
        with pytest.raises(InvalidInput, match="Capacity"):
            add_application(
                session, mentee, ApplicationInput(strands["Circles"], Role.MENTOR, capacity=-1)
            )


def test_the_file_itself_refuses_a_capacity_for_a_mentee(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentee = add_someone(session)
        application_id = add_application(
            session, mentee, ApplicationInput(strands["Fellows"], Role.MENTEE)
        )
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.execute(
            update(Application).where(Application.id == application_id).values(capacity=2)
        )


def test_the_file_itself_refuses_an_unknown_status(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        application_id = add_application(
            session, add_someone(session), ApplicationInput(strands["Fellows"], Role.MENTEE)
        )
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.execute(
            text("UPDATE application SET status = 'bogus' WHERE id = :id"), {"id": application_id}
        )
    with programme_file.session() as session:
        status = session.scalar(text("SELECT status FROM application"))
    assert status == ApplicationStatus.RECEIVED.value


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("application", "role"),
        ("person", "contract_type"),
        ("strand", "format"),
    ],
)
def test_the_file_itself_refuses_values_outside_each_enumeration(
    programme_file: ProgrammeFile,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table: str,
    column: str,
) -> None:
    with programme_file.session() as session:
        add_application(
            session, add_someone(session), ApplicationInput(strands["Fellows"], Role.MENTEE)
        )
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.execute(text(f"UPDATE {table} SET {column} = 'Mentor-ish'"))


def test_foreign_keys_are_enforced(programme_file: ProgrammeFile, strands: dict[str, int]) -> None:
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.execute(
            insert(Application).values(
                person_id=424_242, strand_id=strands["Fellows"], role=Role.MENTEE
            )
        )
    with programme_file.session() as session:
        assert session.scalar(text("PRAGMA foreign_keys")) == 1


def test_bulk_status_change_counts_only_real_changes_and_audits_each(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        ids = [
            add_application(
                session,
                add_someone(session),
                ApplicationInput(strands["Fellows"], Role.MENTEE, status),
            )
            for status in (
                ApplicationStatus.RECEIVED,
                ApplicationStatus.SHORTLISTED,
                ApplicationStatus.ACCEPTED,
            )
        ]
    with programme_file.session() as session:
        changed = set_application_status(session, ids, ApplicationStatus.ACCEPTED)
    assert changed == 2
    with programme_file.session() as session:
        statuses = set(session.scalars(select(Application.status)))
        audited = session.scalars(
            select(AuditEntry.entity_id).where(
                AuditEntry.entity == "application", AuditEntry.action == "status accepted"
            )
        ).all()
    assert statuses == {ApplicationStatus.ACCEPTED}
    assert sorted(audited) == ids[:2]


def test_bulk_status_change_to_the_current_status_changes_nothing(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        application_id = add_application(
            session, add_someone(session), ApplicationInput(strands["Fellows"], Role.MENTEE)
        )
        entries = len(session.scalars(select(AuditEntry)).all())
        assert set_application_status(session, [application_id], ApplicationStatus.RECEIVED) == 0
        session.flush()
        assert len(session.scalars(select(AuditEntry)).all()) == entries


def test_applicant_rows_list_one_row_per_application_of_the_programme(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as session:
        both = add_someone(session, first_name="Grace", last_name="Both")
        add_application(session, both, ApplicationInput(strands["Fellows"], Role.MENTOR))
        add_application(session, both, ApplicationInput(strands["Circles"], Role.MENTEE))
        other_id = create_programme(
            session,
            ProgrammeInput("Other 2027", strands=[StrandInput("Elsewhere", StrandFormat.GROUP)]),
        )
        elsewhere = session.scalar(
            text("SELECT id FROM strand WHERE programme_id = :p"), {"p": other_id}
        )
        outsider = add_someone(session, last_name="Outsider")
        add_application(session, outsider, ApplicationInput(elsewhere, Role.MENTEE))
        add_someone(session, last_name="Unapplied")
    with programme_file.session() as session:
        rows = applicant_rows(session, programme_id)
    assert [(r.person_id, r.name, r.role, r.strand) for r in rows] == [
        (both, "Grace Both", Role.MENTOR, "Fellows"),
        (both, "Grace Both", Role.MENTEE, "Circles"),
    ]
    assert len({r.application_id for r in rows}) == 2


# --- deleting people never orphans a record -------------------------------------------------


def _build_a_participant_with_everything(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> dict[str, int]:
    """A mentee in a circle with an application, a mentor choice, attendance and a note."""
    with programme_file.session() as session:
        ids = {
            "mentee": add_someone(session),
            "other_mentee": add_someone(session),
            "facilitator": add_someone(session),
            "chosen_mentor": add_someone(session),
        }
        application_id = add_application(
            session, ids["mentee"], ApplicationInput(strands["Circles"], Role.MENTEE)
        )
        add_application(
            session, ids["other_mentee"], ApplicationInput(strands["Circles"], Role.MENTEE)
        )
        session.add(
            MentorChoice(application_id=application_id, mentor_id=ids["chosen_mentor"], rank=1)
        )
        ids["circle"] = add_pairing(
            session,
            PairingInput(
                strands["Circles"], ids["facilitator"], [ids["mentee"], ids["other_mentee"]]
            ),
        )
        event_id = add_event(
            session,
            programme_id,
            EventInput(EventKind.ORIENTATION, "Orientation", NOON, NOON + dt.timedelta(hours=2)),
        )
        ids["event"] = event_id
        set_attendance(session, event_id, ids["mentee"], AttendanceStatus.ATTENDED, 120)
        set_attendance(session, event_id, ids["other_mentee"], AttendanceStatus.ABSENT)
        add_note(session, NoteInput(dt.date(2026, 3, 2), "Call", "Fine.", person_id=ids["mentee"]))
    return ids


def test_deleting_a_person_removes_everything_about_them_and_nothing_else(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    ids = _build_a_participant_with_everything(programme_file, programme_id, strands, add_someone)
    before = table_counts(programme_file)
    with programme_file.session() as session:
        delete_person(session, ids["mentee"])
    after = table_counts(programme_file)
    gone = {t: before[t] - after[t] for t in before if before[t] != after[t]}
    assert gone == {
        "person": 1,
        "application": 1,
        "mentor_choice": 1,
        "attendance": 1,
        "note": 1,
        "pairing_member": 1,
        "audit_entry": -1,
    }
    with programme_file.session() as session:
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        members = session.scalars(
            text("SELECT person_id FROM pairing_member WHERE pairing_id = :p"),
            {"p": ids["circle"]},
        ).all()
    assert members == [ids["other_mentee"]]


def test_deleting_a_chosen_mentor_removes_the_choices_naming_them(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    ids = _build_a_participant_with_everything(programme_file, programme_id, strands, add_someone)
    before = table_counts(programme_file)
    with programme_file.session() as session:
        delete_person(session, ids["chosen_mentor"])
    after = table_counts(programme_file)
    assert before["mentor_choice"] - after["mentor_choice"] == 1
    assert before["application"] == after["application"]
    with programme_file.session() as session:
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []


def test_deleting_a_person_who_mentors_a_pairing_is_a_conflict_and_deletes_nothing(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    ids = _build_a_participant_with_everything(programme_file, programme_id, strands, add_someone)
    with programme_file.session() as session:
        add_application(
            session, ids["facilitator"], ApplicationInput(strands["Circles"], Role.MENTOR)
        )
        set_attendance(session, ids["event"], ids["facilitator"], AttendanceStatus.ATTENDED)
    before = table_counts(programme_file)
    with pytest.raises(Conflict, match="Test3 Person3"), programme_file.session() as session:
        delete_person(session, ids["facilitator"])
    assert table_counts(programme_file) == before


def test_deleting_a_line_manager_leaves_their_reports_without_one(
    programme_file: ProgrammeFile, add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        manager = add_someone(session)
        report = add_someone(session)
        get_person(session, report).line_manager_id = manager
    with programme_file.session() as session:
        delete_person(session, manager)
    with programme_file.session() as session:
        assert get_person(session, report).line_manager_id is None


def test_a_refused_deletion_leaves_the_session_usable(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        add_pairing(session, PairingInput(strands["Fellows"], mentor, [mentee]))
    with programme_file.session() as session:
        with pytest.raises(Conflict):
            delete_person(session, mentor)
        update_person(session, mentor, ada(email="mentor@uni.example"))
    with programme_file.session() as session:
        assert get_person(session, mentor).email == "mentor@uni.example"


def test_deleting_the_only_mentee_of_a_pairing_leaves_no_empty_pairing(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        add_pairing(session, PairingInput(strands["Fellows"], mentor, [mentee]))
    with pytest.raises(Conflict, match="only mentee"), programme_file.session() as session:
        delete_person(session, mentee)
    with programme_file.session() as session:
        assert get_person(session, mentee) is not None
        empty = session.scalar(
            text(
                "SELECT count(*) FROM pairing WHERE id NOT IN "
                "(SELECT pairing_id FROM pairing_member)"
            )
        )
    assert empty == 0


def test_deleting_one_member_of_a_circle_keeps_the_circle(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        facilitator = add_someone(session)
        members = [add_someone(session) for _ in range(3)]
        pairing_id = add_pairing(session, PairingInput(strands["Circles"], facilitator, members))
    with programme_file.session() as session:
        delete_person(session, members[0])
    with programme_file.session() as session:
        assert sorted(pairing_input(session, pairing_id).mentee_ids) == sorted(members[1:])


def test_a_line_manager_is_someone_in_the_file_and_never_closes_a_loop(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session:
        grace = add_person(session, PersonInput("Grace", "Hopper", "grace@uni.example"))
        ada = add_person(
            session,
            PersonInput(
                "Ada", "Lovelace", "ada@uni.example", line_manager_email="GRACE@uni.example"
            ),
        )
        assert person_input(session, ada).line_manager_email == "grace@uni.example"
        assert person_detail(session, ada).line_manager == "Grace Hopper <grace@uni.example>"
        with pytest.raises(InvalidInput, match=r"eve@uni\.example is not in this file: add them"):
            add_person(
                session,
                PersonInput("Bo", "Chen", "bo@uni.example", line_manager_email="eve@uni.example"),
            )
        with pytest.raises(InvalidInput, match="cannot be their own line manager"):
            add_person(
                session,
                PersonInput("Cy", "Diaz", "cy@uni.example", line_manager_email="cy@uni.example"),
            )
        looped = replace(person_input(session, grace), line_manager_email="ada@uni.example")
        with pytest.raises(
            InvalidInput,
            match="Ada Lovelace cannot be Grace Hopper’s line manager: they already report to "
            "Grace Hopper, and a reporting line cannot go round in a loop",
        ):
            update_person(session, grace, looped)
        cleared = replace(person_input(session, ada), line_manager_email="")
        update_person(session, ada, cleared)
        assert get_person(session, ada).line_manager_id is None
        update_person(session, grace, looped)  # no loop once Ada reports to nobody
        assert get_person(session, grace).line_manager_id == ada


def test_a_stage_typed_by_hand_is_no_guess_and_a_late_application_is_marked(
    programme_file: ProgrammeFile, strands: dict[str, int]
) -> None:
    with programme_file.session() as session:
        session.get_one(
            Programme, get_strand_programme(session, strands)
        ).applications_close_on = dt.date(2026, 11, 30)
        add_applicant(
            session,
            PersonInput("Ada", "Lovelace", "ada@uni.example", stage="Postdoc", stage_guessed=True),
            ApplicationInput(strands["Fellows"], Role.MENTEE, submitted_on=dt.date(2026, 12, 1)),
        )
        add_applicant(
            session,
            PersonInput("Bo", "Chen", "bo@uni.example", stage="  "),
            ApplicationInput(strands["Fellows"], Role.MENTEE, submitted_on=dt.date(2026, 11, 30)),
        )
        rows = {
            r.email: (r.stage, r.stage_guessed, r.late)
            for r in applicant_rows(session, get_strand_programme(session, strands))
        }
    assert rows == {
        "ada@uni.example": ("Postdoc", True, True),
        "bo@uni.example": ("", False, False),
    }


def get_strand_programme(session: Session, strands: dict[str, int]) -> int:
    """The programme the Fellows strand belongs to."""
    return session.get_one(Strand, strands["Fellows"]).programme_id
