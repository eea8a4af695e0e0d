"""Writing export files so that a failure never leaves a partial or empty file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from mentordesk.domain.errors import ExportFailed


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a temporary file beside ``path``, then rename it into place.

    The temporary file is flushed to disk before the rename, so ``path`` holds
    either its old content or the complete new file, even after a crash.

    Raises:
        ExportFailed: the folder is missing, the disk is full, permission was
            refused; the message says which, and nothing partial is left.
    """
    path = Path(path)
    check_folder(path)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(partial)
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise ExportFailed(failure_message(path, error)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def check_folder(path: Path) -> None:
    """Refuse at once to export into a folder that does not exist.

    Raises:
        ExportFailed: the folder is missing.
    """
    if not Path(path).parent.is_dir():
        raise ExportFailed(f"The folder {Path(path).parent} does not exist. Choose another place.")


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`write_atomically`."""

    def write(partial: Path) -> None:
        partial.write_bytes(data)

    write_atomically(path, write)


def failure_message(path: Path, error: OSError) -> str:
    """Why ``path`` could not be written, in plain words."""
    if isinstance(error, PermissionError):
        return (
            f"{path.name} could not be written: permission was refused. If the file is "
            "open in Excel or another program, close it and export again, or choose "
            "another folder."
        )
    if error.errno == errno.ENOSPC:
        return f"{path.name} could not be written: the disk is full. Free some space first."
    return f"{path.name} could not be written ({error.strerror or error}). Nothing was saved."


def unused_paths(folder: Path, names: Sequence[str]) -> list[Path]:
    """A path in ``folder`` for each file name, never one that exists or is chosen twice.

    A name already taken gets " (2)", " (3)"… before its extension. Names are
    compared ignoring case, as Windows and macOS compare them.
    """
    folder = Path(folder)
    taken = {p.name.lower() for p in folder.iterdir()} if folder.is_dir() else set()
    chosen = []
    for name in names:
        stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
        candidate, number = name, 2
        while candidate.lower() in taken:
            candidate, number = f"{stem} ({number}){dot}{suffix}", number + 1
        taken.add(candidate.lower())
        chosen.append(folder / candidate)
    return chosen
