"""Encrypted backups of a programme file: consistent copies, kept in rotation, restorable.

A backup is made with SQLCipher's ``sqlcipher_export`` into a new encrypted
file, from inside a read transaction, so it is a consistent snapshot even while
the file is in use. It is written under a temporary name, flushed to disk,
checked by opening it, and only then renamed into the backups folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from mentordesk.domain.errors import ProgrammeFileError
from mentordesk.store.cipher import make_engine
from mentordesk.store.leftovers import temporary_path

#: How many backups of each kind of moment are kept, oldest deleted first.
DEFAULT_KEEP = 10
#: A backup's name: when it was made (UTC, to the microsecond) and why.
BACKUP_NAME = r"(\d{8}-\d{6}-\d{6})-([a-z-]+)\.mentordesk"
_NAME = re.compile(f"^{BACKUP_NAME}$")


@dataclass(frozen=True)
class Backup:
    """One backup file and when and why it was made."""

    path: Path
    made_at: dt.datetime
    reason: str


def backups_folder(programme_path: Path) -> Path:
    """The folder beside a programme file where its backups are kept."""
    return programme_path.with_name(programme_path.name + ".backups")


def export_encrypted_copy(engine: Engine, target: Path, passphrase: str) -> None:
    """Write a consistent, encrypted copy of the open database to ``target``.

    The copy is made under a temporary name beside ``target``, flushed to disk,
    and renamed into place only when complete; ``passphrase`` keys the copy.

    Raises:
        ProgrammeFileError: the copy could not be written (no space, no permission).
    """
    partial = temporary_path(target, "partial")
    raw = engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        # Parameters keep any passphrase and any folder name out of the SQL text.
        connection.execute("ATTACH DATABASE ? AS copy KEY ?", (str(partial), passphrase))
        try:
            connection.execute("SELECT sqlcipher_export('copy')")
        finally:
            connection.execute("DETACH DATABASE copy")
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, target)
    except Exception as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise ProgrammeFileError(
            f"The copy {target.name} could not be written ({error}); the programme file "
            "itself is unchanged."
        ) from None
    except BaseException:
        # Interrupted (Ctrl+C): the partial copy goes too.
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        raw.close()


def verify_copy(path: Path, passphrase: str) -> None:
    """Open a copy with its passphrase and check every page of it.

    Raises:
        ProgrammeFileError: the copy does not open or is damaged.
    """
    engine = make_engine(path, passphrase)
    try:
        with engine.connect() as connection:
            problems = len(connection.exec_driver_sql("PRAGMA cipher_integrity_check").all())
            quick = connection.exec_driver_sql("PRAGMA quick_check").scalar()
    except Exception:
        problems, quick = 1, "unreadable"
    finally:
        engine.dispose()
    if problems or quick != "ok":
        raise ProgrammeFileError(f"The copy {path.name} did not check out; it was not kept.")


def make_backup(
    engine: Engine, programme_path: Path, passphrase: str, reason: str, *, keep: int = DEFAULT_KEEP
) -> Backup:
    """Back up an open programme file into its backups folder and prune old backups.

    Args:
        engine: the open file's engine.
        programme_path: the programme file.
        passphrase: its passphrase; the backup opens with the same one.
        reason: a word for why, such as ``opened``, ``import`` or ``passphrase``.
        keep: how many backups made for this reason are kept.
    """
    folder = backups_folder(programme_path)
    folder.mkdir(exist_ok=True)
    made_at = dt.datetime.now(dt.UTC)
    slug = re.sub(r"[^a-z]+", "-", reason.lower()).strip("-") or "manual"
    target = folder / f"{made_at:%Y%m%d-%H%M%S-%f}-{slug}.mentordesk"
    export_encrypted_copy(engine, target, passphrase)
    try:
        verify_copy(target, passphrase)
    except ProgrammeFileError:
        target.unlink(missing_ok=True)
        raise
    for old in [b for b in list_backups(programme_path) if b.reason == slug][keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, made_at, slug)


def list_backups(programme_path: Path) -> list[Backup]:
    """The backups of a programme file, newest first."""
    folder = backups_folder(programme_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            made_at = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(
                tzinfo=dt.UTC
            )
            found.append(Backup(path, made_at, match.group(2)))
    return sorted(found, key=lambda b: b.made_at, reverse=True)
