"""Each migration upgrades a file written by the schema before it, losing nothing."""

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import IntegrityError

from mentordesk.store.backups import list_backups
from mentordesk.store.cipher import make_engine
from mentordesk.store.programme_file import SCHEMA_REVISION, ProgrammeFile, _alembic_config

NOW = "2026-01-05 10:00:00.000000"


def write_file_at(revision: str, path: Path, passphrase: str, rows: list[str]) -> None:
    """A MentorDesk file whose schema stops at ``revision``, holding ``rows`` (SQL inserts)."""
    engine = make_engine(path, passphrase)
    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), revision)
            connection.execute(
                text(
                    "INSERT INTO file_info (key, value, created_at, updated_at) "
                    "VALUES ('application', 'MentorDesk', :now, :now)"
                ),
                {"now": NOW},
            )
            for row in rows:
                connection.execute(text(row), {"now": NOW})
    finally:
        engine.dispose()


def revision(connection: Connection) -> str:
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


PERSON = (
    "INSERT INTO person (id, first_name, last_name, email, organisation, department, position, "
    "field, expertise, languages, gender, created_at, updated_at) VALUES "
    "(1, 'Ada', 'Lovelace', 'ada@example.org', '', '', '', '', '', '', '', :now, :now)"
)
PROGRAMME = (
    "INSERT INTO programme (id, name, description, timezone, created_at, updated_at) "
    "VALUES (1, 'Pilot', '', 'Europe/Luxembourg', :now, :now)"
)
EVENT = (
    "INSERT INTO event (id, programme_id, kind, title, starts_at, ends_at, all_day, location, "
    "description, uid, sequence, created_at, updated_at) VALUES (1, 1, 'orientation', "
    "'Orientation', '2026-01-20 09:00:00.000000', '2026-01-20 12:00:00.000000', 0, '', '', "
    "'uid-1', 2, :now, :now)"
)
ATTENDANCE = (
    "INSERT INTO attendance (event_id, person_id, status, minutes_attended, created_at, "
    "updated_at) VALUES (1, 1, 'attended', 180, :now, :now)"
)


def test_a_file_at_0001_is_brought_to_the_latest_schema_and_keeps_its_people(file_path, passphrase):
    write_file_at("0001", file_path, passphrase, [PERSON])
    with (
        ProgrammeFile.open(file_path, passphrase) as reopened,
        reopened.engine.connect() as connection,
    ):
        assert inspect(connection).has_table("saved_mapping")
        assert revision(connection) == SCHEMA_REVISION
        emails = connection.execute(text("SELECT email FROM person")).scalars().all()
    assert emails == ["ada@example.org"]
    (kept,) = list_backups(file_path)
    assert kept.reason == "before-upgrade"
    with make_engine(kept.path, passphrase).connect() as connection:
        assert revision(connection) == "0001"


def test_a_file_at_0002_keeps_its_events_and_attendance(file_path, passphrase):
    write_file_at("0002", file_path, passphrase, [PERSON, PROGRAMME, EVENT, ATTENDANCE])
    with (
        ProgrammeFile.open(file_path, passphrase) as reopened,
        reopened.engine.connect() as connection,
    ):
        assert revision(connection) == SCHEMA_REVISION
        assert inspect(connection).has_table("training_requirement")
        event = connection.execute(
            text("SELECT uid, sequence, audience, cancelled, online_link FROM event")
        ).one()
        attendance = connection.execute(
            text("SELECT status, minutes_attended, rsvp FROM attendance")
        ).all()
    assert tuple(event) == ("uid-1", 2, "everyone", 0, "")
    assert [tuple(a) for a in attendance] == [("attended", 180, "no_reply")]


STRAND = (
    "INSERT INTO strand (id, programme_id, name, format, description, created_at, updated_at) "
    "VALUES (1, 1, 'Fellows', 'one_to_one', '', :now, :now)"
)
MENTOR = (
    "INSERT INTO person (id, first_name, last_name, email, organisation, department, position, "
    "field, expertise, languages, gender, created_at, updated_at) VALUES "
    "(2, 'Grace', 'Hopper', 'grace@example.org', '', '', '', '', '', '', '', :now, :now)"
)
APPLICATION = (
    "INSERT INTO application (id, person_id, strand_id, role, status, goals, "
    "development_needs, preferences, source, created_at, updated_at) VALUES "
    "(1, 1, 1, 'mentee', 'received', '', '', '', 'typed in', :now, :now)"
)
CHOICE = (
    "INSERT INTO mentor_choice (application_id, mentor_id, rank, created_at, updated_at) "
    "VALUES (1, 2, 1, :now, :now)"
)


def test_a_file_at_0003_keeps_its_mentor_choices_through_the_rebuild(file_path, passphrase):
    rows = [PERSON, MENTOR, PROGRAMME, STRAND, APPLICATION, CHOICE]
    write_file_at("0003", file_path, passphrase, rows)
    with (
        ProgrammeFile.open(file_path, passphrase) as reopened,
        reopened.engine.connect() as connection,
    ):
        assert revision(connection) == SCHEMA_REVISION
        choices = connection.execute(
            text("SELECT application_id, mentor_id, rank FROM mentor_choice")
        ).all()
        people = connection.execute(text("SELECT count(*) FROM person")).scalar()
        applications = connection.execute(text("SELECT count(*) FROM application")).scalar()
    assert [tuple(c) for c in choices] == [(1, 2, 1)]
    assert (people, applications) == (2, 1)


NOTE = (
    "INSERT INTO note (person_id, title, text, written_on, created_at, updated_at) "
    "VALUES (1, 'Call', 'Spoke about the grant', '2026-02-01', :now, :now)"
)


def test_a_file_at_0004_keeps_its_notes_and_gains_categories(file_path, passphrase):
    write_file_at("0004", file_path, passphrase, [PERSON, NOTE])
    with (
        ProgrammeFile.open(file_path, passphrase) as reopened,
        reopened.engine.connect() as connection,
    ):
        assert revision(connection) == SCHEMA_REVISION
        note = connection.execute(text("SELECT text, category, follow_up_on FROM note")).one()
        assert inspect(connection).has_table("pair_rule")
    assert tuple(note) == ("Spoke about the grant", "general", None)


STRAND = (
    "INSERT INTO strand (id, programme_id, name, format, places, description, created_at, "
    "updated_at) VALUES (1, 1, 'Postdocs', 'one_to_one', 10, '', :now, :now)"
)
PAIRING = (
    "INSERT INTO pairing (id, strand_id, mentor_id, name, status, match_explanation, "
    "meeting_frequency, meeting_length, meeting_venue, contact_between_meetings, created_at, "
    "updated_at) VALUES (1, 1, 1, '', 'active', '', '', '', '', '', :now, :now)"
)
CHECK_IN = (
    "INSERT INTO check_in (pairing_id, due_on, outcome, summary, created_at, updated_at) "
    "VALUES (1, '2026-03-01', 'on_track', '', :now, :now)"
)
RESPONSE = (
    "INSERT INTO survey_response (programme_id, person_id, pairing_id, kind, submitted_on, "
    "rating, answers, created_at, updated_at) "
    "VALUES (1, 1, 1, 'feedback', '2026-06-01', 5, '{}', :now, :now)"
)


def test_a_file_at_0005_keeps_its_rows_and_takes_the_new_statuses(file_path, passphrase):
    write_file_at(
        "0005", file_path, passphrase, [PERSON, PROGRAMME, STRAND, PAIRING, CHECK_IN, RESPONSE]
    )
    with ProgrammeFile.open(file_path, passphrase) as reopened:
        with reopened.engine.begin() as connection:
            assert revision(connection) == SCHEMA_REVISION
            assert connection.execute(text("SELECT count(*) FROM check_in")).scalar_one() == 1
            assert connection.execute(
                text("SELECT rating, source, survey_id FROM survey_response")
            ).one() == (5, "typed in", None)
            connection.execute(text("UPDATE pairing SET status = 'rematched'"))
            connection.execute(text("UPDATE check_in SET outcome = 'at_risk'"))
            connection.execute(text("UPDATE survey_response SET kind = 'pulse'"))
            assert connection.execute(
                text("SELECT min_group_size, retention_years FROM programme")
            ).one() == (5, None)
            for table in ("survey", "survey_item", "survey_answer", "message_log"):
                assert inspect(connection).has_table(table)
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar_one()
        with reopened.engine.connect() as connection:
            statuses = connection.execute(text("SELECT status FROM pairing")).scalars().all()
            with pytest.raises(IntegrityError):
                connection.execute(text("UPDATE pairing SET status = 'lost'"))
    assert integrity == "ok"
    assert statuses == ["rematched"]


def test_a_file_at_0006_gives_its_programmes_a_week_for_mentors_answers(file_path, passphrase):
    write_file_at("0006", file_path, passphrase, [PROGRAMME])
    with (
        ProgrammeFile.open(file_path, passphrase) as reopened,
        reopened.engine.connect() as connection,
    ):
        assert revision(connection) == SCHEMA_REVISION
        days = connection.execute(text("SELECT name, response_days FROM programme")).one()
        with pytest.raises(IntegrityError):
            connection.execute(text("UPDATE programme SET response_days = 0"))
    assert tuple(days) == ("Pilot", 7)


SAVED_MAPPING = (
    "INSERT INTO saved_mapping (name, columns, created_at, updated_at) VALUES ('Spring form', "
    '\'{"Email address": ["email"], "Start time": ["ignore"], '
    '"Comments": ["ignore", "goals"]}\', :now, :now)'
)


def test_a_file_at_0007_keeps_unmapped_columns_and_gains_other_answers(file_path, passphrase):
    rows = [PERSON, PROGRAMME, STRAND, APPLICATION, SAVED_MAPPING]
    write_file_at("0007", file_path, passphrase, rows)
    with (
        ProgrammeFile.open(file_path, passphrase) as reopened,
        reopened.engine.begin() as connection,
    ):
        assert revision(connection) == SCHEMA_REVISION
        mapping = connection.execute(text("SELECT columns, value_map FROM saved_mapping")).one()
        application = connection.execute(text("SELECT goals, availability FROM application")).one()
        answers = connection.execute(text("SELECT count(*) FROM application_answer")).scalar()
        connection.execute(
            text(
                "INSERT INTO application_answer (application_id, position, question, answer, "
                "created_at, updated_at) VALUES (1, 1, 'How did you hear of us?', 'A poster', "
                ":now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(text("DELETE FROM application"))
        left = connection.execute(text("SELECT count(*) FROM application_answer")).scalar()
        with pytest.raises(IntegrityError), connection.begin_nested():
            connection.execute(text("UPDATE saved_mapping SET value_map = 'not json'"))
        integrity = connection.execute(text("PRAGMA integrity_check")).scalar_one()
    assert json.loads(mapping[0]) == {
        "Email address": ["email"],
        "Start time": ["other"],
        "Comments": ["other", "goals"],
    }
    assert mapping[1] == "{}"
    assert tuple(application) == ("", "")
    assert answers == 0
    assert left == 0  # an application's answers go with it
    assert integrity == "ok"


GRADE_ORDER = (
    ("doctoral_candidate", "Doctoral candidate"),
    ("research_assistant", "Research assistant"),
    ("postdoctoral_researcher", "Postdoctoral researcher"),
    ("research_scientist", "Research scientist"),
    ("assistant_professor", "Assistant professor"),
    ("associate_professor", "Associate professor"),
    ("professor", "Full professor"),
)
GRADED_PEOPLE = (
    "INSERT INTO person (id, first_name, last_name, email, organisation, department, position, "
    "grade, field, expertise, languages, gender, line_manager_id, created_at, updated_at) VALUES "
    "(2, 'Grace', 'Hopper', 'grace@example.org', '', '', 'Professor', 'professor', '', '', '', "
    "'', NULL, :now, :now), "
    "(3, 'Mary', 'Jackson', 'mary@example.org', '', '', 'Officer', 'professional_staff', '', "
    "'', '', '', 2, :now, :now), "
    "(4, 'Kay', 'Antonelli', 'kay@example.org', '', '', 'PhD', 'doctoral_candidate', '', '', "
    "'', '', 2, :now, :now)"
)


def test_a_file_at_0008_turns_grades_into_stages_and_loses_no_reference(file_path, passphrase):
    rows = [PERSON, GRADED_PEOPLE, PROGRAMME, STRAND, APPLICATION, PAIRING]
    write_file_at("0008", file_path, passphrase, rows)
    with (
        ProgrammeFile.open(file_path, passphrase) as reopened,
        reopened.engine.begin() as connection,
    ):
        assert revision(connection) == SCHEMA_REVISION
        people = connection.execute(
            text("SELECT email, stage, stage_guessed, line_manager_id FROM person ORDER BY id")
        ).all()
        kept = {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("application", "pairing")
        }
        stages = connection.execute(
            text(
                "SELECT track, name, level FROM career_stage "
                "WHERE programme_id = 1 ORDER BY position"
            )
        ).all()
        foreign_keys = connection.execute(text("PRAGMA foreign_keys")).scalar()
        connection.execute(text("DELETE FROM person WHERE id = 2"))
        managers = (
            connection.execute(text("SELECT line_manager_id FROM person WHERE id IN (3, 4)"))
            .scalars()
            .all()
        )
        integrity = connection.execute(text("PRAGMA integrity_check")).scalar_one()
    assert [tuple(p) for p in people] == [
        ("ada@example.org", "", 0, None),
        ("grace@example.org", "Full professor", 0, None),
        ("mary@example.org", stages[7][1], 1, 2),
        ("kay@example.org", "Doctoral candidate", 0, 2),
    ]
    assert kept == {"application": 1, "pairing": 1}
    assert [name for _, name, _ in stages[:7]] == [stage for _, stage in GRADE_ORDER]
    assert stages[7][0] != stages[0][0]  # the professional track follows the academic one
    assert foreign_keys == 1  # switched back on after the rebuild
    assert managers == [None, None]  # the rebuilt table still sets managers to NULL
    assert integrity == "ok"
