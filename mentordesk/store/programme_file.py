"""The programme file: create, open and close one encrypted MentorDesk file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, insert, inspect, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from mentordesk import APP_NAME, __version__
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
from mentordesk.store.backups import (
    BACKUP_NAME,
    DEFAULT_KEEP,
    Backup,
    backups_folder,
    export_encrypted_copy,
    list_backups,
    make_backup,
    verify_copy,
)
from mentordesk.store.cipher import (
    SQLITE_NOTADB,
    check_passphrase,
    check_sqlcipher_build,
    make_engine,
    normalise_passphrase,
    passphrase_forms,
    sqlite_error_code,
)
from mentordesk.store.leftovers import remove_leftovers, shred, sync_folder, temporary_path
from mentordesk.store.lock import ProgrammeFileLock
from mentordesk.store.models import AuditEntry, Erasure, FileInfo

MIGRATIONS = Path(__file__).with_name("migrations")
#: The newest migration's revision. Files at this revision open without loading
#: Alembic at all (it costs a tenth of a second at start-up); a test checks that
#: it names the newest file in ``migrations/versions``.
SCHEMA_REVISION = "0009"
PAGE_SIZE = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"

#: What identifies the file on disk as MentorDesk last left it: device, inode, size, mtime.
_Fingerprint = tuple[int, int, int, int]


@dataclass(frozen=True)
class LoggedErasure:
    """One line of a file's erasure log: whose id, when, and the anonymous counts (JSON)."""

    person_id: int
    erased_at: dt.datetime
    counts: str


WRONG_PASSPHRASE_MESSAGE = (
    "The file did not open with this passphrase. Check how it was typed (capital letters, "
    "Caps Lock, spaces, the keyboard layout) and try again."
)
#: The audit trail's action when the leftovers of an interrupted write were removed.
LEFTOVERS_REMOVED = "leftovers removed"


class ProgrammeFile:
    """One open, unlocked programme file.

    Use as a context manager, or call :meth:`close`. Every change goes through
    :meth:`session`, one transaction at a time.

    Attributes:
        path: where the file is.
        engine: the SQLAlchemy engine keyed with the passphrase.
        leftovers_removed: how many leftovers of interrupted writes were removed
            when the file was opened or created.
    """

    def __init__(
        self, path: Path, engine: Engine, lock: ProgrammeFileLock, *, leftovers_removed: int = 0
    ) -> None:
        self.path = path
        self.engine = engine
        self.leftovers_removed = leftovers_removed
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # What MentorDesk itself last left on disk, to tell another program's change
        # (a sync client, a copy over the file) from its own commits.
        self._guard = threading.Lock()
        self._writing = 0
        self._replacing = 0
        self._replaced = False
        self._known = _fingerprint(path)

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        replace: bool = False,
        fill: Callable[[ProgrammeFile], object] | None = None,
    ) -> ProgrammeFile:
        """Make a new programme file protected by ``passphrase``.

        The file is built under a temporary name beside the target and renamed
        into place only once complete, so a failure or an interruption (Ctrl+C)
        never leaves half a file, nor an empty one. The passphrase keys the file
        in its NFC form (:func:`~mentordesk.store.cipher.normalise_passphrase`).

        Args:
            path: where the new file goes.
            passphrase: the passphrase; it is never written anywhere.
            replace: replace a file already at ``path`` (the caller asked the user).
            fill: called with the new file open under its temporary name, before
                it is renamed into place (the demo fills it so).

        Raises:
            PassphraseRefused: the passphrase is blank (no file is made).
            FileAlreadyExists: a file is there and ``replace`` is false.
            FileInUse: the file to replace is open elsewhere.
        """
        check_passphrase(passphrase)
        check_sqlcipher_build()
        key = normalise_passphrase(passphrase)
        path = Path(path).expanduser().absolute()
        if path.exists() and not replace:
            raise FileAlreadyExists(f"There is already a file at {path}. Choose another name.")
        if not path.parent.is_dir():
            raise FileMissing(f"The folder {path.parent} does not exist.")
        lock = ProgrammeFileLock(path)
        lock.acquire()
        building = temporary_path(path, "new")
        try:
            removed = _remove_leftovers(path)
            engine = make_engine(building, key)
            try:
                with _migrating(engine) as connection:
                    _upgrade(connection)
                    connection.execute(
                        insert(FileInfo),
                        [
                            {"key": "application", "value": APP_NAME},
                            {"key": "created_with", "value": __version__},
                        ],
                    )
                    _log_leftovers(connection, removed)
                if fill is not None:
                    fill(cls(building, engine, lock))
            finally:
                engine.dispose()
            os.replace(building, path)
            sync_folder(path.parent)
        except BaseException:
            for partial in (building, building.with_name(building.name + "-journal")):
                with contextlib.suppress(OSError):
                    partial.unlink()
            lock.release()
            raise
        return cls(path, make_engine(path, key), lock, leftovers_removed=removed)

    @classmethod
    def open(cls, path: Path | str, passphrase: str) -> ProgrammeFile:
        """Unlock an existing programme file, upgrading its layout if it is older.

        The passphrase is tried as typed, then in its NFC form. Once the file
        is known to open, the leftovers of MentorDesk's own interrupted writes
        beside it and in its backups folder are shredded, and the audit trail
        says how many. Nothing is written to a file that fails to open.

        Raises:
            FileMissing, NotAProgrammeFile, DamagedFile, WrongPassphrase,
            NewerFileVersion, FileInUse: each with a message for the user.
        """
        check_passphrase(passphrase)
        check_sqlcipher_build()
        path = Path(path).expanduser().absolute()
        _check_looks_like_programme_file(path)
        lock = ProgrammeFileLock(path)
        lock.acquire()
        try:
            engine = _keyed_engine(path, passphrase)
        except BaseException:
            lock.release()
            raise
        try:
            with engine.connect() as connection:
                _check_pages(connection, path)
                _check_is_mentordesk(connection)
                current = _current_revision(connection)
            if current != SCHEMA_REVISION:
                _check_not_newer(current)
                # The file as the older MentorDesk left it, in case the upgrade must be undone.
                make_backup(engine, path, str(engine.url.password), "before-upgrade")
                with _migrating(engine) as connection:
                    _upgrade(connection)
            # Only now, holding the lock of a file that opens: no write of another
            # MentorDesk can be under way, and the removal can be logged in the file.
            removed = _remove_leftovers(path) + _remove_cold_journal(engine, path)
            if removed:
                with engine.begin() as connection:
                    _log_leftovers(connection, removed)
        except BaseException:
            engine.dispose()
            lock.release()
            raise
        return cls(path, engine, lock, leftovers_removed=removed)

    def backup(self, reason: str = "manual", *, keep: int = DEFAULT_KEEP) -> Backup:
        """Make an encrypted, checked backup in the file's backups folder (same passphrase)."""
        return make_backup(self.engine, self.path, self._passphrase, reason, keep=keep)

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the file under a new passphrase, so that a crash never loses it.

        The file is backed up first; the copy under the new passphrase (in its
        NFC form) is written beside it, flushed to disk, opened with the new
        passphrase and checked, and only then renamed over the file. At every
        moment the file on disk opens with exactly one of the two passphrases.
        Every pooled connection is replaced.

        Raises:
            PassphraseRefused: the new passphrase is blank, or the one the file has.
            ProgrammeFileError: the change failed; the file keeps the old passphrase.
        """
        check_passphrase(new_passphrase)
        new_passphrase = normalise_passphrase(new_passphrase)
        if new_passphrase == self._passphrase:
            # A file keyed before NFC normalisation still changes to its NFC form.
            raise PassphraseRefused(
                "The new passphrase is the one the file already has: nothing was changed."
            )
        self.backup("passphrase")
        rekeyed = temporary_path(self.path, "rekeyed")
        try:
            export_encrypted_copy(self.engine, rekeyed, new_passphrase)
            verify_copy(rekeyed, new_passphrase)
            self.engine.dispose()
            with self._own_write(replacing=True):
                os.replace(rekeyed, self.path)
            sync_folder(self.path.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                rekeyed.unlink()
            raise
        self.engine = make_engine(self.path, new_passphrase)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        with self.session() as session:
            session.add(AuditEntry(action="passphrase changed", entity="file", entity_id=None))

    def vacuum(self) -> None:
        """Rebuild the file so that nothing deleted lingers in its free pages."""
        with self._own_write():
            raw = self.engine.raw_connection()
            try:
                # Outside any transaction: VACUUM cannot run inside one.
                raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
            finally:
                raw.close()

    def erasure_log(self) -> list[LoggedErasure]:
        """Every erasure this file has logged, oldest first (ids and dates, nothing personal)."""
        with self.session() as session:
            return [
                LoggedErasure(e.person_id, e.erased_at, e.counts)
                for e in session.scalars(select(Erasure).order_by(Erasure.erased_at, Erasure.id))
            ]

    def changed_on_disk(self) -> bool:
        """Whether another program replaced or changed the file since MentorDesk last wrote it.

        A sync client (OneDrive, Dropbox) or a copy over the file changes its
        device and inode, size or modification time without MentorDesk; its own
        commits are recorded as they finish, so they never count. Once seen, a
        change stays reported until the file is reopened.
        """
        with self._guard:
            if not self._replaced and not self._replacing:
                self._replaced = self._differs()
            return self._replaced

    def _differs(self) -> bool:
        now = _fingerprint(self.path)
        if self._writing and now is not None and self._known is not None:
            # A commit under way changes the size and time, never the file's identity.
            return now[:2] != self._known[:2]
        return now != self._known

    def reopen(self) -> ProgrammeFile:
        """Close this file and open what is now on disk at its path, with the same passphrase.

        Raises:
            WrongPassphrase, DamagedFile, …: what is there does not open; this one stays closed.
        """
        self.close()
        return ProgrammeFile.open(self.path, self._passphrase)

    @contextlib.contextmanager
    def _own_write(self, *, replacing: bool = False) -> Iterator[None]:
        with self._guard:
            if not self._replaced and not self._replacing:
                self._replaced = self._differs()
            self._writing += 1
            self._replacing += replacing
        try:
            yield
        finally:
            with self._guard:
                self._writing -= 1
                self._replacing -= replacing
                if not self._writing:
                    self._known = _fingerprint(self.path)

    @property
    def _passphrase(self) -> str:
        # The engine holds the passphrase already (it keys every new connection);
        # MentorDesk keeps no other copy of it.
        return str(self.engine.url.password)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._own_write(), self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        """Close every connection and release the lock; safe to call twice."""
        self.engine.dispose()
        self._lock.release()

    @property
    def is_open(self) -> bool:
        """Whether the file is still open in this process."""
        return self._lock.held

    def __enter__(self) -> ProgrammeFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _fingerprint(path: Path) -> _Fingerprint | None:
    try:
        facts = path.stat()
    except OSError:
        return None
    return (facts.st_dev, facts.st_ino, facts.st_size, facts.st_mtime_ns)


def _remove_leftovers(path: Path) -> int:
    """Shred what interrupted writes of MentorDesk left beside ``path`` and in its backups.

    Beside the file: temporaries of the file itself and of the copy a restore
    keeps of a damaged file (``<name>.damaged-…``). Only with the file's lock
    held: a write under way is never taken for a leftover.
    """
    beside = re.escape(path.name) + r"(?:\.damaged-[0-9-]+)?"
    return remove_leftovers(path.parent, beside) + remove_leftovers(
        backups_folder(path), BACKUP_NAME
    )


def _copy_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a temporary name, so a kill leaves no half copy."""
    partial = temporary_path(target, "partial")
    try:
        shutil.copyfile(source, partial)
        with partial.open("rb") as copied:
            os.fsync(copied.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def _remove_cold_journal(engine: Engine, path: Path) -> int:
    """Shred a rollback journal that SQLite left beside the file because it is not hot.

    A write killed before the journal's header reached the disk leaves a journal
    SQLite ignores (a hot one was rolled back by the first read). With a
    RESERVED lock held no other connection can be writing, so a journal still
    there is nobody's.

    Returns:
        1 if a journal was removed, else 0.
    """
    journal = path.with_name(path.name + "-journal")
    if not journal.exists():
        return 0
    raw = engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except Exception:
            return 0  # a read-only file, or another program writing: left alone
        try:
            return int(shred(journal))
        finally:
            connection.execute("COMMIT")
    finally:
        raw.close()


def _log_leftovers(connection: Connection, removed: int) -> None:
    """Say in the audit trail how many leftovers were removed (nothing else: no names)."""
    if removed:
        files = "file" if removed == 1 else "files"
        connection.execute(
            insert(AuditEntry),
            {
                "action": LEFTOVERS_REMOVED,
                "entity": "file",
                "entity_id": None,
                "summary": f"{removed} leftover {files} of an interrupted passphrase change, "
                "backup, restore or new file overwritten and removed",
            },
        )


def _keyed_engine(path: Path, passphrase: str) -> Engine:
    """An engine whose key opens the file: the passphrase as typed, else its NFC form.

    Raises:
        WrongPassphrase: neither form opens it.
        DamagedFile: the first read failed for another reason.
    """
    *others, last = passphrase_forms(passphrase)
    for form in others:
        with contextlib.suppress(WrongPassphrase):
            return _engine_with_key(path, form)
    return _engine_with_key(path, last)


def _engine_with_key(path: Path, key: str) -> Engine:
    engine = make_engine(path, key)
    try:
        with engine.connect() as connection:
            _check_key(connection)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_looks_like_programme_file(path: Path) -> None:
    if not path.exists():
        raise FileMissing(f"There is no file at {path}. It may have been moved or renamed.")
    if not path.is_file():
        raise NotAProgrammeFile(f"{path} is a folder, not a programme file.")
    size = path.stat().st_size
    if size == 0:
        raise NotAProgrammeFile(
            f"{path.name} is empty: it is not a MentorDesk programme file, or it was cut off "
            "while being copied. Open your most recent backup instead."
        )
    with path.open("rb") as handle:
        header = handle.read(len(PLAIN_SQLITE_HEADER))
    if header == PLAIN_SQLITE_HEADER:
        raise NotAProgrammeFile(
            f"{path.name} is an ordinary, unencrypted SQLite database, not a MentorDesk "
            "programme file. MentorDesk files are always encrypted."
        )
    if size % PAGE_SIZE:
        raise DamagedFile(
            f"{path.name} is not a MentorDesk programme file, or it is incomplete (it may "
            "have been cut off while being copied). Open your most recent backup instead."
        )
    if header == bytes(len(header)):
        # The file starts with its random salt: zeros there are damage, not a wrong key.
        raise DamagedFile(
            f"{path.name} is damaged: its first part has been wiped (it holds only zeros). "
            f"It has not been changed.{_newest_backup_offer(path)}"
        )


def _check_key(connection: Connection) -> None:
    try:
        connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except DatabaseError as error:
        if sqlite_error_code(error) == SQLITE_NOTADB:
            raise WrongPassphrase(WRONG_PASSPHRASE_MESSAGE) from None
        raise DamagedFile(
            "The file opened but parts of it cannot be read: it is damaged. "
            "Open your most recent backup instead."
        ) from None


def _check_pages(connection: Connection, path: Path) -> None:
    """Check every page's HMAC (a few hundredths of a second even for large files)."""
    failures = [row[0] for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check")]
    if failures:
        raise DamagedFile(
            f"{path.name} is damaged: {_parts(len(failures))} of it no longer read as "
            "MentorDesk wrote them (a disk fault, or a copy or sync that went wrong). It has "
            f"not been changed.{_newest_backup_offer(path)}"
        )


def _parts(count: int) -> str:
    """The words for how many parts are damaged: "one part" or "N parts"."""
    return "one part" if count == 1 else f"{count:,} parts"


def _newest_backup_offer(path: Path) -> str:
    """The sentence pointing a damaged file's owner to its newest backup and the command.

    The command names the real paths, quoted for the system's command line
    when they need it, so it can be copied as it is.
    """
    backups = list_backups(path)
    if not backups:
        return " Open your most recent backup instead."
    newest = backups[0]
    made = newest.made_at.strftime("%d %B %Y %H:%M")
    words = ["mentordesk-cli", "restore", str(newest.path), "--db", str(path)]
    command = subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)
    return f" Its newest backup was made {made} UTC; to restore it, run: {command}"


def _check_is_mentordesk(connection: Connection) -> None:
    message = "The file is encrypted, but it was not made by MentorDesk."
    try:
        if not inspect(connection).has_table(FileInfo.__tablename__):
            raise NotAProgrammeFile(message)
        marker = connection.execute(
            select(FileInfo.value).where(FileInfo.key == "application")
        ).scalar_one_or_none()
    except DatabaseError:
        raise DamagedFile(
            "The file opened but parts of it cannot be read: it is damaged. "
            "Open your most recent backup instead."
        ) from None
    if marker != APP_NAME:
        raise NotAProgrammeFile(message)


def _current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest revision among the migration files (loads Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _check_not_newer(current: str | None) -> None:
    if current is None:
        return
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    try:
        known = scripts.get_revision(current)
    except Exception:  # alembic raises several kinds for an unknown revision
        known = None
    if known is None:
        raise NewerFileVersion(
            f"This file was saved by a newer version of MentorDesk than this one "
            f"({__version__}). Install the latest MentorDesk to open it; the file "
            "has not been changed."
        )


@contextlib.contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """One transaction for the migrations, with foreign keys checked whole before it commits.

    A migration that rebuilds a table (SQLite's only way to drop a column named in
    a CHECK) drops the old table; with foreign keys enforced, that would delete every
    row referring to it. They are switched off (which SQLite allows only outside a
    transaction) and the whole file is checked instead: any dangling reference
    rolls the upgrade back.
    """
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                yield connection
                if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise ProgrammeFileError(
                        "The file could not be brought up to date with this version of "
                        "MentorDesk; it has not been changed."
                    )
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


def _upgrade(connection: Connection) -> None:
    from alembic import command

    try:
        command.upgrade(_alembic_config(connection), "head")
    except DatabaseError as error:
        raise ProgrammeFileError(
            "The file could not be brought up to date with this version of MentorDesk; "
            "it has not been changed."
        ) from error


def restore_backup(
    backup_path: Path | str,
    programme_path: Path | str,
    passphrase: str,
    *,
    prepare: Callable[[ProgrammeFile], None] | None = None,
    kept_as: Path | None = None,
) -> Path:
    """Put a backup in place of a programme file, keeping the file it replaces.

    The backup must open with ``passphrase`` (the passphrase it was made
    under) and pass its integrity checks first. The replaced file is moved, as
    it is, into the backups folder, so a restore can itself be undone.

    Args:
        backup_path: the backup to restore.
        programme_path: the programme file it replaces.
        passphrase: the backup's passphrase.
        prepare: called with the restored copy open, before it takes the file's
            place (to apply erasures again); if it fails, nothing is replaced.
        kept_as: where to keep the replaced file instead (a damaged file is kept
            aside beside it rather than among the backups).

    Returns:
        Where the replaced file was kept (or the backups folder if there was none).

    Raises:
        WrongPassphrase, DamagedFile, …: the backup does not open; nothing changed.
        FileInUse: the programme file is open elsewhere.
    """
    backup_path = Path(backup_path).expanduser().absolute()
    programme_path = Path(programme_path).expanduser().absolute()
    with ProgrammeFile.open(backup_path, passphrase) as backup:
        # The form of the passphrase that opened it (as typed, or NFC).
        passphrase = backup._passphrase
    verify_copy(backup_path, passphrase)
    lock = ProgrammeFileLock(programme_path)
    lock.acquire()
    try:
        folder = backups_folder(programme_path)
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        kept = kept_as or folder / f"{stamp}-before-restore.mentordesk"
        incoming = temporary_path(programme_path, "restore")
        try:
            shutil.copyfile(backup_path, incoming)
            if prepare is not None:
                with ProgrammeFile.open(incoming, passphrase) as copy:
                    prepare(copy)
            with incoming.open("rb") as copied:
                os.fsync(copied.fileno())
            if programme_path.exists():
                _copy_atomically(programme_path, kept)
            os.replace(incoming, programme_path)
        except BaseException:
            with contextlib.suppress(OSError):
                incoming.unlink()
            raise
        sync_folder(programme_path.parent)
    finally:
        lock.release()
    return kept if kept.exists() else folder
