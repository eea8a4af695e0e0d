"""A lock beside the programme file so that only one MentorDesk process writes to it.

The lock is an operating-system lock held on ``<file>.lock`` for as long as the
file is open. The kernel releases it when the process ends, however it ends, so
a lock file left behind by a crash is recognised as stale and taken over.
The lock file holds only the process id, the host name and the time; nothing
personal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
from pathlib import Path
from typing import IO

from mentordesk.domain.errors import FileInUse

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def lock_path_for(path: Path) -> Path:
    """Where the lock of a programme file lives."""
    return path.with_name(path.name + ".lock")


class ProgrammeFileLock:
    """Holds the lock of one programme file.

    Attributes:
        path: the lock file.
    """

    def __init__(self, programme_path: Path) -> None:
        self.path = lock_path_for(programme_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock.

        Raises:
            FileInUse: another live process holds it; the message names it.
        """
        while True:
            handle = self.path.open("a+", encoding="utf-8")
            if not _try_lock(handle):
                holder = _describe_holder(handle)
                handle.close()
                raise FileInUse(
                    "This programme file is already open in another MentorDesk window or script"
                    f"{holder}. Close it there first, then try again."
                )
            if _is_current(handle, self.path):
                break
            # The holder removed the lock file while we waited for it: lock the new one.
            _unlock(handle)
            handle.close()
        # A lock file left by a crashed process is simply taken over and rewritten.
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                }
            )
        )
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock up and remove the lock file; does nothing if not held."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        # Remove before unlocking so another process never takes a lock on a file
        # that is about to disappear.
        with contextlib.suppress(OSError):
            self.path.unlink()
        _unlock(handle)
        handle.close()

    @property
    def held(self) -> bool:
        """Whether this object holds the lock now."""
        return self._handle is not None


def _is_current(handle: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), path.stat())
    except OSError:
        return False


def _describe_holder(handle: IO[str]) -> str:
    try:
        handle.seek(0)
        info = json.loads(handle.read() or "{}")
    except (OSError, ValueError):
        return ""
    if not isinstance(info, dict) or "pid" not in info:
        return ""
    host = info.get("host", "this computer")
    return f" (process {info['pid']} on {host}, since {info.get('since', '?')})"
