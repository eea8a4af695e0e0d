"""The order people and titles are listed in: alphabetical as a reader expects, accents included.

Comparing text as stored puts every accented capital after Z (Łukasz, Ömer
and Åsa after Zsófia) and lower case after upper case. :func:`sort_key`
follows the Unicode Collation Algorithm's root order instead, as QCollator
does for English and most languages:

1. letters without their accents and case, ``ß`` read as ``ss``, ``æ`` as
   ``ae``, ``œ`` as ``oe``, and ``ł``, ``ø``, ``đ``, ``ħ``, ``ı`` as the letters
   they are written on (Unicode does not decompose those); spaces before
   punctuation, punctuation before digits, digits before letters; numbers by
   their value, so "Session 2" comes before "Session 10";
2. then accents, unaccented first ("Emile" before "Émile", "Lodz" before "Łódź");
3. then case, lower case first; and last the text itself, so that no two
   different texts tie.

It differs from ICU's root order only in rare ties: two accents on the same
letter ("è" or "é" first) and the dotless ``ı``, read here as ``i`` with a mark.

The key is one ``str``, compared in C: the window precomputes it per row, and
sorting 10,000 names takes milliseconds. The window, the exports, the PDFs
and the CLI all sort with it, so they always agree; it does not depend on
the computer's language settings.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol

#: Between the key's levels and between the fields of a key: lower than any other code.
_LEVEL = "\x00"
_FIELD = "\x01"
#: A space, then the punctuation and symbols of ASCII in the root order, one code each,
#: then the start of a number: all below every letter.
_SPACE = "\x02"
_PUNCTUATION_ORDER = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
_PUNCTUATION = {mark: chr(0x03 + position) for position, mark in enumerate(_PUNCTUATION_ORDER)}
_NUMBER = chr(0x03 + len(_PUNCTUATION_ORDER))
#: Letters with a stroke or without their dot, which Unicode does not decompose, and the
#: letters they are read as at the first level (in lower case: keys are built from
#: case-folded text, which also reads ß as ss).
_SPECIAL = {
    "æ": "ae",
    "œ": "oe",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "ŀ": "l",
    "ŧ": "t",
    "ƀ": "b",
    "ɨ": "i",
    "ʉ": "u",
    "ȼ": "c",
}
#: Typographic quotes and dashes read as their plain forms.
_PLAIN = {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"}
#: Control characters (those left once runs of white space are made one space).
_CONTROL_BYTES = bytes([*range(0x20), 0x7F])
_DIGIT_BYTES = b"0123456789"
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NUMBERS = re.compile(r"\d+")


def _marks() -> list[str]:
    """The combining accents, in the blocks Latin, Greek and Cyrillic text uses."""
    ranges = ((0x0300, 0x0370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100))
    return [chr(c) for start, end in ranges for c in range(start, end)]


def _tables() -> tuple[dict[int, str | None], bytes]:
    """The translations to the first level: of any text, and faster of ASCII."""
    primary: dict[int, str | None] = {ord(mark): None for mark in _marks()}
    primary.update((ord(letter), reading) for letter, reading in _SPECIAL.items())
    primary.update((ord(mark), code) for mark, code in _PUNCTUATION.items())
    primary.update((ord(fancy), _PUNCTUATION[plain]) for fancy, plain in _PLAIN.items())
    primary[ord(" ")] = _SPACE
    ascii_primary = bytearray(range(256))
    ascii_primary[0x41:0x5B] = range(0x61, 0x7B)
    for mark, code in _PUNCTUATION.items():
        ascii_primary[ord(mark)] = ord(code)
    ascii_primary[ord(" ")] = ord(_SPACE)
    return primary, bytes(ascii_primary)


_PRIMARY, _ASCII_PRIMARY = _tables()


def _number(match: re.Match[str]) -> str:
    """A run of digits as its value: its length without leading zeros, then the digits."""
    digits = match.group()
    if not digits.isascii():
        digits = "".join(str(unicodedata.digit(d)) for d in digits)
    value = digits.lstrip("0") or "0"
    return f"{_NUMBER}{chr(0x21 + len(value))}{value}"


def _levels(text: str) -> tuple[str, str, str, str]:
    """The first, second and third levels of one field's key, and the text itself.

    The second level is the case-folded text with its accents apart from their
    letters (an accent's code is above any Latin letter's, so "e" comes before
    "é", and "l" before "ł"); the third is the text with its case swapped
    (capitals' codes are below their small letters', so small letters come first).
    """
    text = " ".join(text.split())
    if text.isascii():
        # The same levels as below, made faster: ASCII has no accents to take apart.
        data = text.encode().translate(None, _CONTROL_BYTES)
        primary = data.translate(_ASCII_PRIMARY).decode()
        if len(data.translate(None, _DIGIT_BYTES)) < len(data):
            primary = _NUMBERS.sub(_number, primary)
        return primary, data.lower().decode(), data.swapcase().decode(), data.decode()
    if not text.isprintable():
        text = _CONTROLS.sub("", text)
    decomposed = unicodedata.normalize("NFKD", text)
    folded = decomposed.casefold()
    primary = _NUMBERS.sub(_number, folded.translate(_PRIMARY))
    return primary, folded, decomposed.swapcase(), unicodedata.normalize("NFC", text)


def sort_key(field: str, *more: str) -> str:
    """The key that sorts texts alphabetically, accents and case mattering only to break ties.

    Given several fields (a last and a first name), they are compared in turn
    at each level: "Muller Zoe" comes after "Müller Anna", because the first
    names differ before the accent is looked at.

    Args:
        field: the text to compare (spaces around it and runs of spaces do not count).
        more: further texts, compared after ``field`` at each level.

    Returns:
        A string to sort on; equal only for texts that differ in nothing but
        spacing and control characters.
    """
    first = _levels(field)
    if not more:
        return _LEVEL.join(first)
    if len(more) == 1:  # a last and a first name: the usual case, written out for speed
        second = _levels(more[0])
        return (
            f"{first[0]}{_FIELD}{second[0]}{_LEVEL}{first[1]}{_FIELD}{second[1]}{_LEVEL}"
            f"{first[2]}{_FIELD}{second[2]}{_LEVEL}{first[3]}{_FIELD}{second[3]}"
        )
    levels = [first, *map(_levels, more)]
    return _LEVEL.join(map(_FIELD.join, zip(*levels, strict=True)))


class Named(Protocol):
    """Anything with a first and a last name: a person, or a row about one."""

    @property
    def first_name(self) -> str:
        """The first name."""
        ...

    @property
    def last_name(self) -> str:
        """The last name."""
        ...


def person_key(person: Named) -> str:
    """The key listing people by last name, then first name, as a register is ordered."""
    return sort_key(person.last_name or "", person.first_name or "")
