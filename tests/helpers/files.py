"""Looking at files on disk the way an attacker or a backup tool would."""

from __future__ import annotations

import hashlib
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


def files_containing(folder: Path, needle: str) -> list[Path]:
    """Every file below ``folder`` whose bytes contain ``needle`` in UTF-8 or UTF-16."""
    patterns = [needle.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    patterns.append(needle.lower().encode())
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(p in data for p in patterns):
                found.append(path)
    return found
