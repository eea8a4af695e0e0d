"""Export files: names every system accepts, and writes that never leave half a file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from mentordesk.domain.errors import ExportFailed

#: The longest file name Linux and macOS accept, in bytes of UTF-8 (Windows counts 255
#: UTF-16 units, which a name of 255 UTF-8 bytes never exceeds).
MAX_NAME_BYTES = 255
#: Characters Windows refuses in a file name (``/`` and ``:`` also on macOS and Linux),
#: control characters, and the marks that reverse the direction of text, which can make
#: a name read as something else ("report\u202efdp.exe").
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]')
#: Readable stand-ins, applied in order before the rest become spaces: a time's colon
#: becomes a dot (10.30), a colon ending a phrase a dash, a slash a hyphen, quotes single.
_READABLE = (
    (re.compile(r"(?<=\d):(?=\d)"), "."),
    (re.compile(r"\s*:\s+"), " - "),
    (re.compile(r"[/\\]"), "-"),
    (re.compile(r'"'), "'"),
)
#: Names Windows keeps for devices, with or without an extension, in any case (the
#: superscript digits too: Windows reads ``COM¹`` as ``COM1``).
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{device}{number}" for device in ("COM", "LPT") for number in (*"0123456789", *"¹²³")
}


def safe_file_name(stem: str, suffix: str = "", *, fallback: str = "export") -> str:
    """``stem`` plus ``suffix`` as a file name that Windows, macOS and Linux all accept.

    The name stays readable and keeps its accents: it is put in composed form
    (NFC, as macOS expects); a colon becomes a dash (a dot between digits, as in
    10.30), a slash a hyphen, a double quote a single one; the other characters
    Windows forbids and control characters become spaces, runs of spaces one; and
    leading dots (a hidden file on macOS and Linux) and trailing dots and spaces
    (which Windows drops) go. A name Windows keeps for a device (``CON``,
    ``com1.txt``…) gets a leading underscore. The whole name, suffix included, is
    cut to 255 bytes of UTF-8 without splitting a character.

    Args:
        stem: the words the name is made of, such as an event's title or a person's name.
        suffix: what follows the stem, written as given: the extension, dot
            included (``".ics"``), perhaps after a number (``" (12).ics"``).
        fallback: the stem used when no letter or digit is left of ``stem``.

    Returns:
        The file name, without any folder.
    """
    budget = MAX_NAME_BYTES - len(suffix.encode())
    name = next(
        (n for n in (_fit(_clean(t), budget) for t in (stem, fallback)) if _readable(n)), "export"
    )
    if name.split(".")[0].rstrip(" ").upper() in _RESERVED:
        name = _fit(f"_{name}", budget)
    return f"{name}{suffix}"


def _clean(text: str) -> str:
    """``text`` composed, forbidden characters replaced, runs of spaces made one, ends trimmed."""
    text = unicodedata.normalize("NFC", text)
    for pattern, replacement in _READABLE:
        text = pattern.sub(replacement, text)
    text = _FORBIDDEN.sub(" ", text)
    return _trim(" ".join(text.split()).lstrip(". "))


def _readable(name: str) -> bool:
    """Whether ``name`` has a letter or digit to read (not only dashes and quotes)."""
    return any(c.isalnum() for c in name)


def _trim(text: str) -> str:
    """``text`` without the dots and spaces Windows drops from the end of a name."""
    return text.rstrip(". ")


def _fit(text: str, budget: int) -> str:
    """``text`` cut to at most ``budget`` bytes of UTF-8, never within a character."""
    data = text.encode()
    if len(data) <= budget:
        return text
    return _trim(data[: max(budget, 0)].decode(errors="ignore"))


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
    # Shortened so that the temporary name fits where the full-length name does.
    hint = _fit(path.name, MAX_NAME_BYTES - len("..12345678.tmp"))
    partial = path.with_name(f".{hint}.{uuid.uuid4().hex[:8]}.tmp")
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


@contextlib.contextmanager
def all_or_nothing() -> Iterator[list[Path]]:
    """A batch of files written all or nothing: append each file to the list once written.

    If the block fails (an error, a cancelled progress, Ctrl+C), every file in the
    list is removed again before the failure goes on, so no part of the batch is left.
    """
    written: list[Path] = []
    try:
        yield written
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
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

    A name already taken gets " (2)", " (3)"… before its extension, the name
    shortened if need be to stay within 255 bytes. Names are compared ignoring
    case, as Windows and macOS compare them.
    """
    folder = Path(folder)
    taken = {p.name.lower() for p in folder.iterdir()} if folder.is_dir() else set()
    chosen = []
    for name in names:
        stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
        candidate, number = name, 2
        while candidate.lower() in taken:
            tail = f" ({number}){dot}{suffix}"
            candidate = f"{_fit(stem, MAX_NAME_BYTES - len(tail.encode()))}{tail}"
            number += 1
        taken.add(candidate.lower())
        chosen.append(folder / candidate)
    return chosen
