"""Every suggested file name is one Windows, macOS and Linux all accept, and still reads well."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from mentordesk.formats.files import (
    MAX_NAME_BYTES,
    safe_file_name,
    unused_paths,
    write_bytes_atomically,
)
from tests.helpers.file_names import HOSTILE, name_problems


def test_a_title_keeps_its_accents_and_reads_well() -> None:
    name = safe_file_name("Café & networking: Women in Research — Année 2027", ".ics")
    assert name == "Café & networking - Women in Research — Année 2027.ics"
    assert name_problems(name) == []


@pytest.mark.parametrize("character", list('<>:"/\\|?*'))
def test_each_character_windows_forbids_is_replaced(character: str) -> None:
    name = safe_file_name(f"Before{character}after", ".pdf")
    assert character not in name
    assert name.startswith("Before")
    assert name.endswith("after.pdf")
    assert name_problems(name) == []


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("Kick-off: the year ahead", "Kick-off - the year ahead"),
        ("Check-in at 10:30", "Check-in at 10.30"),
        ("Cohort 2026/27", "Cohort 2026-27"),
        ('The "big" talk', "The 'big' talk"),
        ("What next?", "What next"),
        ("a<b>c|d*e", "a b c d e"),
    ],
)
def test_replacements_read_naturally(stem: str, name: str) -> None:
    assert safe_file_name(stem) == name


@pytest.mark.parametrize(
    "control", ["\x00", "\x01", "\t", "\n", "\r", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]
)
def test_control_characters_become_spaces(control: str) -> None:
    assert safe_file_name(f"Ana{control}Silva", ".eml") == "Ana Silva.eml"


def test_marks_that_reverse_text_cannot_disguise_the_extension() -> None:
    name = safe_file_name("invoice\u202efdp.exe", ".pdf")
    assert "\u202e" not in name
    assert name == "invoice fdp.exe.pdf"


@pytest.mark.parametrize(
    "device",
    ["CON", "con", "Prn", "AUX", "nul", "NUL ", "con.txt", "CON.tar.gz", "con .txt"]
    + [f"COM{n}" for n in range(10)]
    + [f"lpt{n}" for n in range(10)]
    + ["COM¹", "lpt²", "LPT³.log"],
)
@pytest.mark.parametrize("suffix", ["", ".ics"])
def test_names_windows_keeps_for_devices_are_changed(device: str, suffix: str) -> None:
    name = safe_file_name(device, suffix)
    assert name.startswith("_")
    assert name.endswith(suffix)
    assert name_problems(name) == []


@pytest.mark.parametrize("ordinary", ["CONSOLE", "Connie", "COM10", "LPT", "Auxiliary", "nullify"])
def test_names_that_only_look_like_devices_are_kept(ordinary: str) -> None:
    assert safe_file_name(ordinary, ".pdf") == f"{ordinary}.pdf"


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("Minutes...", "Minutes.xlsx"),
        ("Minutes . . ", "Minutes.xlsx"),
        ("   Ana Silva   ", "Ana Silva.xlsx"),
        ("\u00a0Ana\u2003Silva\u3000", "Ana Silva.xlsx"),
        (".hidden", "hidden.xlsx"),
        ("..", "export.xlsx"),
    ],
)
def test_leading_and_trailing_dots_and_spaces_go(stem: str, name: str) -> None:
    assert safe_file_name(stem, ".xlsx") == name


@pytest.mark.parametrize("stem", ["", "   ", "???", "...", '/\\:*?"<>|', "\x00\x01\x02"])
def test_nothing_usable_left_gives_the_fallback(stem: str) -> None:
    assert safe_file_name(stem, ".ics") == "export.ics"
    assert safe_file_name(stem, ".ics", fallback="event") == "event.ics"
    assert safe_file_name(stem, ".ics", fallback="???") == "export.ics"


@pytest.mark.parametrize("letter", ["a", "é", "ł", "ж", "水", "𝔄"])
@pytest.mark.parametrize("suffix", ["", ".ics", ".xlsx"])
def test_long_names_fit_in_255_bytes_without_splitting_a_character(
    letter: str, suffix: str
) -> None:
    name = safe_file_name(letter * 400, suffix)
    size = len(name.encode())
    assert size <= MAX_NAME_BYTES
    assert size > MAX_NAME_BYTES - len(letter.encode())  # as long as it can be
    assert name.endswith(suffix)
    assert set(name.removesuffix(suffix)) == {letter}
    assert name_problems(name) == []


def test_a_cut_that_ends_in_a_space_or_dot_is_trimmed() -> None:
    name = safe_file_name("a" * 249 + " . b", ".ics")
    assert name == "a" * 249 + ".ics"


def test_decomposed_accents_are_composed_as_macos_expects() -> None:
    name = safe_file_name("Zoe\u0308 E\u0301mile", ".pdf")
    assert name == "Zoë Émile.pdf"
    assert unicodedata.is_normalized("NFC", name)


def test_a_hostile_title_gives_a_valid_name() -> None:
    name = safe_file_name(HOSTILE, ".ics")
    assert name_problems(name) == []
    assert name.startswith("Café & networking - Women in Research — Année 2027")


def test_a_numbered_copy_stays_within_255_bytes(tmp_path: Path) -> None:
    name = safe_file_name("é" * 200, ".pdf")
    (tmp_path / name).write_bytes(b"first")
    [second] = unused_paths(tmp_path, [name])
    assert second.name.endswith(" (2).pdf")
    assert name_problems(second.name) == []
    second.write_bytes(b"second")
    assert len(list(tmp_path.iterdir())) == 2


def test_every_safe_name_can_be_written_here(tmp_path: Path) -> None:
    stems = [HOSTILE, "CON", "é" * 300, "???", "Zoe\u0308", "x" * 300, "😀 Party " * 40]
    names = {safe_file_name(stem, ".ics") for stem in stems}
    for name in names:
        (tmp_path / name).write_bytes(b"BEGIN:VCALENDAR")
    assert {p.name for p in tmp_path.iterdir()} == names
    assert len(names) == len(stems)


def test_a_name_of_the_full_255_bytes_is_written_atomically(tmp_path: Path) -> None:
    name = safe_file_name("Certificate of participation - " + "Łukasz " * 60, ".pdf")
    assert len(name.encode()) > 250
    write_bytes_atomically(tmp_path / name, b"%PDF-1.4")
    assert [p.name for p in tmp_path.iterdir()] == [name]
