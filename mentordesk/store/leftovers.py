"""Temporary names for MentorDesk's own writes, and removing what an interrupted one left.

Every file the store writes before renaming it into place gets a name of one
form: ``.<target name>.<8 hex digits>.<purpose>``, in the target's own folder.
A process killed part-way (SIGKILL, a power cut) leaves such a file behind, and
possibly SQLite's ``-journal`` beside it. A killed passphrase change may leave
a complete copy of the file under the new passphrase, still holding people
erased since. The next open, once it holds the file's lock, finds these by
their exact names and overwrites them before removing them.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import uuid
from pathlib import Path

#: What each kind of temporary file is for: a new file being built, a copy under a
#: new passphrase, a backup being put in place, any encrypted copy being exported.
PURPOSES = ("new", "rekeyed", "restore", "partial")
_HEX = "[0-9a-f]{8}"
_PURPOSE = "(?:" + "|".join(PURPOSES) + ")"
#: SQLite's rollback journal of a temporary file, and the lock taken on one opened.
_BESIDE = r"(?:-journal|\.lock)?"
_CHUNK = 1 << 20


def temporary_path(target: Path, purpose: str) -> Path:
    """A fresh temporary name beside ``target`` for writing it before a rename.

    Args:
        target: the file the temporary one becomes.
        purpose: one of :data:`PURPOSES`.
    """
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}")
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.{purpose}")


def _temporary_of(name: str) -> str:
    return rf"\.{name}\.{_HEX}\.{_PURPOSE}"


def leftover_pattern(name: str) -> re.Pattern[str]:
    """The names a temporary file for a target matching ``name`` can leave behind.

    Args:
        name: a regular expression matching the target's name (``re.escape``
            a file's own name); a temporary file of a temporary file (the
            export under a passphrase change) is matched too.
    """
    once = _temporary_of(name)
    return re.compile(rf"^(?:{once}|{_temporary_of(once)}){_BESIDE}$")


def find_leftovers(folder: Path, name: str) -> list[Path]:
    """The regular files in ``folder`` whose names are leftovers for targets matching ``name``."""
    pattern = leftover_pattern(name)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        # Never follows a link: a link is not something MentorDesk writes.
        if pattern.match(entry.name) and entry.is_file(follow_symlinks=False):
            found.append(Path(entry.path))
    return sorted(found)


def shred(path: Path) -> bool:
    """Overwrite a file with zeros, flush it to disk, then remove it.

    Returns:
        Whether the file was removed (false if it had gone, or cannot be written).
    """
    try:
        handle = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        facts = os.fstat(handle)
        if not stat.S_ISREG(facts.st_mode):
            return False
        zeros = bytes(_CHUNK)
        left = facts.st_size
        while left > 0:
            left -= os.write(handle, zeros[: min(left, _CHUNK)])
        os.fsync(handle)
    except OSError:
        pass  # removed all the same: better gone than kept because it could not be zeroed
    finally:
        os.close(handle)
    try:
        path.unlink()
    except OSError:
        return False
    return True


def remove_leftovers(folder: Path, name: str) -> int:
    """Shred every leftover in ``folder`` of temporary files for targets matching ``name``.

    Call only while holding the lock of the programme file these belong to, so
    that no write still under way is mistaken for an interrupted one.

    Returns:
        How many files were removed.
    """
    removed = 0
    for path in find_leftovers(folder, name):
        removed += shred(path)
    if removed:
        sync_folder(folder)
    return removed


def sync_folder(folder: Path) -> None:
    """Make a rename or removal in ``folder`` durable (a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
