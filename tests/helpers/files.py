"""Looking at files on disk the way an attacker or a backup tool would."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileState:
    """What a file looks like on disk: its content hash and modification time."""

    sha256: str
    mtime_ns: int
    size: int


def file_state(path: Path) -> FileState:
    """The current state of ``path``."""
    data = path.read_bytes()
    return FileState(hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns, len(data))


def folder_listing(folder: Path) -> set[str]:
    """Names of every file below ``folder``, relative to it."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _contents(data: bytes) -> list[bytes]:
    """The bytes themselves and, for a zip archive (.xlsx, .ods), every member unpacked."""
    found = [data]
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                found += [archive.read(member) for member in archive.namelist()]
        except (zipfile.BadZipFile, OSError, EOFError):
            pass  # a damaged archive: its raw bytes were looked at already
    return found


def files_containing(folder: Path, needle: str) -> list[Path]:
    """Every file below ``folder`` whose bytes contain ``needle`` in UTF-8 or UTF-16.

    Zip archives (.xlsx, .ods) are looked into as well, since their text is compressed.
    """
    patterns = [needle.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    patterns.append(needle.lower().encode())
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            contents = _contents(path.read_bytes())
            if any(p in data for p in patterns for data in contents):
                found.append(path)
    return found
