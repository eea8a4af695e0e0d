import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy
import sqlcipher3
from sqlalchemy import inspect

from mentordesk.domain.errors import (
    DamagedFile,
    FileAlreadyExists,
    FileMissing,
    NewerFileVersion,
    NotAProgrammeFile,
    PassphraseRefused,
    ProgrammeFileError,
    WrongPassphrase,
)
from mentordesk.services.applicants import PersonInput, add_person, person_choices
from mentordesk.store.models import Base
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state, folder_listing

AWKWARD_PASSPHRASES = [
    'with"dquote',
    "with'squote",
    "p@ss:w/rd%20",
    "ünïcødé ключ 密码",
    "x" * 256,
    "  leading and trailing spaces  ",
    'x"; PRAGMA cipher_plaintext_header_size=32; --',
    "back\\slash",
]


def _raw_count_tables(path: Path, passphrase: str) -> int:
    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute("PRAGMA key = " + _sql_string(passphrase))
        return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        connection.close()


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def test_sqlalchemy_quotes_the_key_pragma():
    version = tuple(int(p) for p in sqlalchemy.__version__.split(".")[:3])
    assert version >= (2, 0, 50)


@pytest.mark.parametrize("passphrase", AWKWARD_PASSPHRASES)
def test_any_passphrase_round_trips(file_path, passphrase):
    with ProgrammeFile.create(file_path, passphrase) as created, created.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    with ProgrammeFile.open(file_path, passphrase) as reopened, reopened.session() as session:
        assert [p.email for p in person_choices(session)] == ["ada@example.org"]
    # The same passphrase opens the file without MentorDesk, so it was used as typed.
    assert _raw_count_tables(file_path, passphrase) > 10
    assert file_path.read_bytes()[:16] != b"SQLite format 3\x00"


def test_a_near_miss_passphrase_does_not_open(file_path):
    ProgrammeFile.create(file_path, " spaced ").close()
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(file_path, "spaced")


@pytest.mark.parametrize("passphrase", ["", " ", "\t \n"])
def test_blank_passphrase_is_refused_before_any_file_is_made(tmp_path, file_path, passphrase):
    with pytest.raises(PassphraseRefused, match="cannot be empty"):
        ProgrammeFile.create(file_path, passphrase)
    assert folder_listing(tmp_path) == set()


def test_wrong_passphrase_leaves_file_untouched_and_allows_a_retry(tmp_path, file_path, passphrase):
    ProgrammeFile.create(file_path, passphrase).close()
    before, listing = file_state(file_path), folder_listing(tmp_path)
    with pytest.raises(WrongPassphrase) as raised:
        ProgrammeFile.open(file_path, "not the passphrase")
    assert "passphrase" in raised.value.message
    assert "damaged" not in raised.value.message
    assert file_state(file_path) == before
    assert folder_listing(tmp_path) == listing
    with ProgrammeFile.open(file_path, passphrase) as reopened:
        assert reopened.is_open


def test_sqlcipher_diagnostics_never_reach_the_console(capfd, file_path, passphrase):
    ProgrammeFile.create(file_path, passphrase).close()
    capfd.readouterr()
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(file_path, "wrong")
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(FileMissing, match="no file"):
        ProgrammeFile.open(tmp_path / "nowhere.mentordesk", "whatever")
    assert folder_listing(tmp_path) == set()


def _refused_unchanged(tmp_path: Path, path: Path, error: type[Exception], match: str) -> None:
    before, listing = file_state(path), folder_listing(tmp_path)
    with pytest.raises(error, match=match):
        ProgrammeFile.open(path, "whatever")
    assert file_state(path) == before
    assert folder_listing(tmp_path) == listing


def test_empty_file_is_refused_untouched(tmp_path):
    path = tmp_path / "empty.mentordesk"
    path.write_bytes(b"")
    _refused_unchanged(tmp_path, path, NotAProgrammeFile, "is empty")


def test_plain_sqlite_file_is_refused_untouched(tmp_path):
    import sqlite3

    path = tmp_path / "plain.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE person (name TEXT)")
    connection.close()
    _refused_unchanged(tmp_path, path, NotAProgrammeFile, "unencrypted SQLite")


def test_truncated_file_is_refused_untouched(tmp_path, file_path, passphrase):
    ProgrammeFile.create(file_path, passphrase).close()
    data = file_path.read_bytes()
    file_path.write_bytes(data[: len(data) // 2 + 100])
    _refused_unchanged(tmp_path, file_path, DamagedFile, "cut off")


def test_file_cut_at_a_page_boundary_is_refused_untouched(tmp_path, file_path, passphrase):
    ProgrammeFile.create(file_path, passphrase).close()
    file_path.write_bytes(file_path.read_bytes()[: 4096 * 3])
    before = file_state(file_path)
    with pytest.raises((DamagedFile, WrongPassphrase)):
        ProgrammeFile.open(file_path, passphrase)
    assert file_state(file_path) == before


def test_text_document_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Meeting notes\n" * 10)
    _refused_unchanged(tmp_path, path, DamagedFile, "not a MentorDesk programme file")


def test_random_bytes_look_like_a_wrong_passphrase(tmp_path):
    path = tmp_path / "noise.mentordesk"
    path.write_bytes(bytes(range(256)) * 32)
    _refused_unchanged(tmp_path, path, WrongPassphrase, "did not open with this passphrase")


def test_folder_is_refused(tmp_path):
    folder = tmp_path / "folder.mentordesk"
    folder.mkdir()
    with pytest.raises(NotAProgrammeFile, match="folder"):
        ProgrammeFile.open(folder, "whatever")


def test_encrypted_file_of_another_application_is_refused_untouched(tmp_path, passphrase):
    path = tmp_path / "other.db"
    connection = sqlcipher3.connect(str(path))
    connection.execute("PRAGMA key = " + _sql_string(passphrase))
    connection.execute("CREATE TABLE secrets (value TEXT)")
    connection.commit()
    connection.close()
    before = file_state(path)
    with pytest.raises(NotAProgrammeFile, match="not made by MentorDesk"):
        ProgrammeFile.open(path, passphrase)
    assert file_state(path) == before


def test_file_from_a_newer_mentordesk_is_refused_untouched(file_path, passphrase):
    ProgrammeFile.create(file_path, passphrase).close()
    connection = sqlcipher3.connect(str(file_path))
    connection.execute("PRAGMA key = " + _sql_string(passphrase))
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = file_state(file_path)
    with pytest.raises(NewerFileVersion, match="newer version of MentorDesk"):
        ProgrammeFile.open(file_path, passphrase)
    assert file_state(file_path) == before


def test_create_never_replaces_a_file_unless_asked(file_path, passphrase):
    file_path.write_bytes(b"precious")
    with pytest.raises(FileAlreadyExists):
        ProgrammeFile.create(file_path, passphrase)
    assert file_path.read_bytes() == b"precious"
    ProgrammeFile.create(file_path, passphrase, replace=True).close()
    ProgrammeFile.open(file_path, passphrase).close()


def test_a_failed_create_leaves_nothing_behind(tmp_path, monkeypatch, passphrase):
    import mentordesk.store.programme_file as module

    def broken_upgrade(connection):
        raise OSError("disk full")

    monkeypatch.setattr(module, "_upgrade", broken_upgrade)
    with pytest.raises(OSError, match="disk full"):
        ProgrammeFile.create(tmp_path / "new.mentordesk", passphrase)
    assert folder_listing(tmp_path) == set()


# SQLite cannot reflect the expression index on lower(email); it is checked by name.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrations_build_exactly_the_models_on_an_empty_file(programme_file):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with programme_file.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = _without_inline_foreign_keys(
            connection, compare_metadata(context, Base.metadata)
        )
        tables = set(inspect(connection).get_table_names())
        indexes = set(
            connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            ).scalars()
        )
    assert differences == []
    assert set(Base.metadata.tables) | {"alembic_version"} == tables
    assert "uq_person_email_nocase" in indexes


def _without_inline_foreign_keys(connection, differences):
    """Drop the remove/add pairs for foreign keys that exist exactly as modelled.

    A column added later with ``ALTER TABLE … ADD COLUMN … REFERENCES`` carries an
    inline foreign key whose name and ON DELETE SQLAlchemy cannot reflect; SQLite's
    own ``foreign_key_list`` shows it, and that is what is compared here.
    """
    remaining = list(differences)
    for diff in differences:
        if diff[0] != "add_fk":
            continue
        wanted = diff[1]
        table = wanted.parent.name
        (column,) = [c.name for c in wanted.columns]
        actual = {
            (row[2], row[3], row[6])
            for row in connection.exec_driver_sql(f"PRAGMA foreign_key_list({table})")
        }
        if (wanted.referred_table.name, column, wanted.ondelete) in actual:
            remaining.remove(diff)
            remaining = [
                d
                for d in remaining
                if not (
                    d[0] == "remove_fk"
                    and d[1].parent.name == table
                    and [c.name for c in d[1].columns] == [column]
                )
            ]
    return remaining


def test_file_is_at_the_latest_schema_after_open(programme_file):
    from alembic.migration import MigrationContext

    from mentordesk.store.programme_file import SCHEMA_REVISION, head_revision

    with programme_file.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    assert current == head_revision() == SCHEMA_REVISION


def test_a_failed_migration_is_reported_and_changes_nothing(file_path, passphrase):
    ProgrammeFile.create(file_path, passphrase).close()
    connection = sqlcipher3.connect(str(file_path))
    connection.execute("PRAGMA key = " + _sql_string(passphrase))
    # A file whose recorded revision is missing: every migration runs again, and the
    # first one fails part-way on tables that already exist.
    connection.execute("DROP TABLE audit_entry")
    connection.execute("DELETE FROM alembic_version")
    connection.commit()
    connection.close()
    before = file_state(file_path)
    with pytest.raises(ProgrammeFileError, match="could not be brought up to date"):
        ProgrammeFile.open(file_path, passphrase)
    # Migrations run in one transaction, DDL included: the table the migration made
    # before failing is gone again.
    assert file_state(file_path).sha256 == before.sha256


def test_close_releases_the_file(file_path, passphrase):
    opened = ProgrammeFile.create(file_path, passphrase)
    opened.close()
    opened.close()
    assert not opened.is_open
    assert not file_path.with_name(file_path.name + ".lock").exists()


def test_times_come_back_in_utc(programme_file, programme_id):
    from mentordesk.domain.enums import EventKind
    from mentordesk.services.events import EventInput, add_event, event_rows

    paris = dt.timezone(dt.timedelta(hours=1))
    starts = dt.datetime(2026, 3, 1, 9, 0, tzinfo=paris)
    with programme_file.session() as session:
        add_event(
            session, programme_id, EventInput(EventKind.ORIENTATION, "Orientation", starts, starts)
        )
    with programme_file.session() as session:
        (row,) = event_rows(session, programme_id, training=True)
    assert row.starts_at == starts
    assert row.starts_at.tzinfo == dt.UTC
