"""Checking a file name against what Windows, macOS and Linux each refuse."""

from __future__ import annotations

import re
import unicodedata

_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{device}{number}" for device in ("COM", "LPT") for number in "0123456789¹²³"
}


def name_problems(name: str) -> list[str]:
    """What makes ``name`` unusable as a file name somewhere (empty when it is fine)."""
    problems = []
    if not name or name in {".", ".."}:
        problems.append("empty")
    if _WINDOWS_FORBIDDEN.search(name):
        problems.append("a character Windows forbids")
    if name != name.rstrip(". "):
        problems.append("ends in a dot or space")
    if name != name.strip():
        problems.append("space around it")
    if name.split(".")[0].rstrip(" ").upper() in _DEVICES:
        problems.append("a Windows device name")
    if len(name.encode("utf-8")) > 255:
        problems.append("longer than 255 bytes")
    if len(name.encode("utf-16-le")) // 2 > 255:
        problems.append("longer than 255 UTF-16 units")
    if unicodedata.normalize("NFC", name) != name:
        problems.append("not composed (NFC)")
    return problems


#: An event title, a person's name or a programme name as hostile as a form allows.
HOSTILE = 'Café & networking: Women in Research — Année 2027 <a/b\\c|d?*"e"> \x07 ...'
