"""Each migration upgrades a file written by the schema before it."""

from alembic import command
from sqlalchemy import inspect, text

from mentordesk.services.applicants import PersonInput, add_person, person_choices
from mentordesk.store.programme_file import ProgrammeFile, _alembic_config


def _revision(programme_file):
    with programme_file.engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_a_file_at_0001_gains_saved_mappings_and_keeps_its_people(file_path, passphrase):
    with ProgrammeFile.create(file_path, passphrase) as created:
        with created.session() as session:
            add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
        with created.engine.begin() as connection:
            command.downgrade(_alembic_config(connection), "0001")
        with created.engine.connect() as connection:
            assert not inspect(connection).has_table("saved_mapping")
        assert _revision(created) == "0001"

    with ProgrammeFile.open(file_path, passphrase) as reopened:
        with reopened.engine.connect() as connection:
            assert inspect(connection).has_table("saved_mapping")
        assert _revision(reopened) == "0002"
        with reopened.session() as session:
            assert [p.email for p in person_choices(session)] == ["ada@example.org"]
