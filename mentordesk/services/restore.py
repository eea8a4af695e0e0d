"""Restoring a backup without bringing erased people back, onto a sound or a damaged file.

The file a restore replaces holds the erasure log: who (by id) was erased or
anonymised since the backup was made. The log is read from the file; when the
file is damaged, the log is read past the damage if its own pages are sound,
and else from the backups made after the one restored. The restored copy gets
the log and applies it again before it takes the file's place.

A damaged file is kept aside beside it as ``<name>.damaged-YYYYMMDD-HHMMSS``
(UTC), not among the backups, so it is never offered as the newest backup. When
no erasure log can be read at all, the restore waits for the coordinator to
confirm it (``force``), and says so in what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from mentordesk.domain.errors import (
    DamagedFile,
    ErasureLogUnreadable,
    FileInUse,
    NotAProgrammeFile,
    ProgrammeFileError,
    WrongPassphrase,
)
from mentordesk.services.audit import record_change
from mentordesk.services.privacy import reapply_erasures
from mentordesk.store.backups import list_backups
from mentordesk.store.cipher import make_engine
from mentordesk.store.lock import ProgrammeFileLock
from mentordesk.store.models import Erasure
from mentordesk.store.programme_file import LoggedErasure, ProgrammeFile, restore_backup


@dataclass(frozen=True)
class Restored:
    """What restoring a backup did.

    Attributes:
        kept: where the replaced file was kept.
        erasures_logged: erasures carried over from the replaced file's log.
        erasures_applied: people of the backup erased or anonymised again.
        log_source: where the erasure log was read ("" when nothing had one).
        damaged: the replaced file was damaged; ``kept`` is beside it, not a backup.
        log_unread: why the replaced file's own erasure log could not be read, when
            the restore went ahead without it ("" when it was read).
    """

    kept: Path
    erasures_logged: int
    erasures_applied: int
    log_source: str
    damaged: bool = False
    log_unread: str = ""


@dataclass(frozen=True)
class _LogReading:
    """The replaced file's erasure log, as far as it could be read."""

    lines: list[LoggedErasure]
    source: str
    damaged: bool = False
    #: Why the file's own log could not be read ("" when it was).
    unread: str = ""


def _read_log(path: Path, passphrase: str) -> list[LoggedErasure]:
    with ProgrammeFile.open(path, passphrase) as opened:
        return opened.erasure_log()


def _read_log_past_damage(path: Path, passphrase: str) -> list[LoggedErasure] | None:
    """The erasure log of a file that fails its checks, if the log's own pages are sound.

    Only the log is read, without the page check that refuses the file; a
    damaged page of the log fails SQLCipher's own check of that page, so what is
    returned was read intact, or nothing is.
    """
    lock = ProgrammeFileLock(path)
    lock.acquire()
    engine = make_engine(path, passphrase)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(Erasure.person_id, Erasure.erased_at, Erasure.counts).order_by(
                    Erasure.erased_at, Erasure.id
                )
            ).all()
        return [LoggedErasure(int(p), at, str(counts)) for p, at, counts in rows]
    except (DatabaseError, TypeError, ValueError):
        return None
    finally:
        engine.dispose()
        lock.release()


def _log_of_newer_backups(
    backup_path: Path, programme_path: Path, passphrase: str
) -> tuple[list[LoggedErasure], list[str]]:
    """The erasures logged by the backups made after the one restored, and their names."""
    restored = backup_path.resolve()
    found: dict[tuple[int, dt.datetime], LoggedErasure] = {}
    newer = []
    for backup in list_backups(programme_path):
        if backup.path.resolve() == restored:
            break
        try:
            lines = _read_log(backup.path, passphrase)
        except ProgrammeFileError:
            continue
        newer.append(backup.path.name)
        found.update({(e.person_id, e.erased_at): e for e in lines})
    return sorted(found.values(), key=lambda e: e.erased_at), newer


def _log_of_replaced_file(
    backup_path: Path, programme_path: Path, passphrase: str, *, force: bool
) -> _LogReading:
    """The erasure log of the file a restore replaces, read as far as it can be.

    Raises:
        FileInUse: the file is open elsewhere.
        ErasureLogUnreadable: the file's own log cannot be read and ``force`` is false.
    """
    if not programme_path.exists():
        return _LogReading([], "")
    try:
        return _LogReading(_read_log(programme_path, passphrase), programme_path.name)
    except FileInUse:
        raise
    except ProgrammeFileError as error:
        problem = error
    damaged = isinstance(problem, DamagedFile | NotAProgrammeFile)
    salvaged = _read_log_past_damage(programme_path, passphrase)
    if salvaged is not None:
        source = programme_path.name + (" (read past the damage)" if damaged else "")
        return _LogReading(salvaged, source, damaged)
    lines, newer = _log_of_newer_backups(backup_path, programme_path, passphrase)
    if damaged:
        why = "the file is damaged, and so is the part that holds the log"
    elif isinstance(problem, WrongPassphrase):
        why = "the file does not open with this passphrase"
    else:
        why = problem.message.rstrip(".")
    unread = f"The erasure log of {programme_path.name} cannot be read ({why})"
    if newer:
        unread += (
            f"; the backups made after this one ({', '.join(newer)}) hold the erasures up to "
            "their time, and those are applied again, but anyone erased or anonymised after "
            "the newest of them would come back."
        )
    else:
        unread += (
            ", and no newer backup opens with this passphrase, so people erased or "
            "anonymised since this backup was made would come back."
        )
    if not force:
        raise ErasureLogUnreadable(
            f"{unread} Nothing was restored. If the file being replaced opens with another "
            "passphrase than the backup, give that one too; otherwise confirm to restore "
            "anyway, then erase those people again."
        )
    source = f"the newer backups ({', '.join(newer)})" if newer else ""
    return _LogReading(lines, source, damaged, unread)


def damaged_name(programme_path: Path, now: dt.datetime | None = None) -> Path:
    """Where a damaged file is kept aside: beside it, as ``<name>.damaged-YYYYMMDD-HHMMSS``."""
    stamp = f"{(now or dt.datetime.now(dt.UTC)):%Y%m%d-%H%M%S}"
    kept = programme_path.with_name(f"{programme_path.name}.damaged-{stamp}")
    number = 2
    while kept.exists():
        kept = programme_path.with_name(f"{programme_path.name}.damaged-{stamp}-{number}")
        number += 1
    return kept


def restore_keeping_erasures(
    backup_path: Path | str,
    programme_path: Path | str,
    passphrase: str,
    *,
    log: Sequence[LoggedErasure] | None = None,
    current_passphrase: str | None = None,
    force: bool = False,
) -> Restored:
    """Restore a backup in place of a programme file without bringing erased people back.

    The erasure log of the file being replaced is carried over into the
    restored copy and applied to it, in one transaction, before the copy takes
    the file's place; the copy is then vacuumed, and the restore recorded in its
    audit trail. A damaged file is replaced too: its log is read past the
    damage, or from the newer backups, and it is kept aside beside it (see
    :func:`damaged_name`).

    Args:
        backup_path: the backup to restore.
        programme_path: the file it replaces.
        passphrase: the backup's passphrase.
        log: the replaced file's erasure log, when the caller has the file open;
            otherwise it is read from the file (with ``current_passphrase``, or
            the backup's).
        current_passphrase: the replaced file's passphrase, if not the backup's.
        force: restore even if the replaced file's erasure log cannot be read
            (the coordinator confirmed it); ``Restored.log_unread`` says why.

    Raises:
        WrongPassphrase, DamagedFile, …: the backup does not open; nothing changed.
        ErasureLogUnreadable: the erasure log cannot be read and ``force`` is
            false; nothing changed.
    """
    backup_path = Path(backup_path).expanduser().absolute()
    programme_path = Path(programme_path).expanduser().absolute()
    # The backup first: a wrong passphrase is named as such, not as an unreadable log.
    ProgrammeFile.open(backup_path, passphrase).close()
    if log is None:
        reading = _log_of_replaced_file(
            backup_path, programme_path, current_passphrase or passphrase, force=force
        )
    else:
        reading = _LogReading(list(log), "the open file")
    lines = reading.lines
    applied = 0

    def prepare(copy: ProgrammeFile) -> None:
        nonlocal applied
        with copy.session() as session:
            applied = reapply_erasures(session, lines)
            summary = (
                f"backup {backup_path.name} restored; {len(lines)} logged erasures carried "
                f"over, {applied} applied again"
            )
            if reading.unread:
                summary += "; the replaced file's erasure log could not be read"
            record_change(session, "restored", "file", None, summary)
        copy.vacuum()

    kept = restore_backup(
        backup_path,
        programme_path,
        passphrase,
        prepare=prepare,
        kept_as=damaged_name(programme_path) if reading.damaged else None,
    )
    return Restored(
        kept,
        len(lines),
        applied,
        reading.source if lines else "",
        damaged=reading.damaged,
        log_unread=reading.unread,
    )
