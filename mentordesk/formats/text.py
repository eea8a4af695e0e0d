"""Text as MentorDesk keeps it: invisible characters removed, odd spaces made plain.

A name or an address copied from a web page, an email or a form export can
carry characters nobody sees: a zero-width space, a byte order mark, a soft
hyphen, the marks that set the direction of right-to-left text. Kept, they make
``ana@example.org`` and ``ana@example.org`` with a zero-width space two
different people. Every text a coordinator types and every cell MentorDesk
reads from a file goes through :func:`clean_text` before it is compared or
stored.
"""

from __future__ import annotations

import re

#: Every format character (Unicode category Cf): the soft hyphen, Arabic number signs,
#: zero-width space, non-joiner and joiner, left-to-right and right-to-left marks,
#: embeddings, overrides and isolates, the word joiner and invisible operators, the
#: byte order mark, interlinear annotation marks, Egyptian and shorthand format
#: controls, musical formatting, and tag characters.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
#: The zero-width non-joiner and joiner, kept only where they do a job: between two
#: visible characters that are not ASCII (Persian and Indic spellings, emoji sequences
#: such as a family or a skin tone). Anywhere else (in an address, at either end, next
#: to a space or a Latin letter) they are invisible noise and go.
_STRAY_JOINER = re.compile(r"(?<![^\x00-\x7f\s])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s])")
#: Every space separator (Unicode category Zs) other than the plain space: no-break,
#: narrow no-break, figure, em, en, thin, hair, ideographic and the rest.
_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\u3000",
        " ",
    )
)

#: Any character :func:`clean_text` removes or replaces: most accented text has none,
#: and is only trimmed (one search instead of three passes).
_NEEDS_CLEANING = re.compile(
    _INVISIBLE.pattern[:-1] + "\u200c\u200d" + "".join(sorted(chr(code) for code in _SPACES)) + "]"
)


def clean_text(value: str) -> str:
    """The text without invisible characters, with plain spaces, trimmed.

    Format characters (zero-width spaces, byte order marks, soft hyphens,
    direction marks and the rest of Unicode's category Cf) are removed, and so
    are zero-width joiners and non-joiners except between two visible
    characters that are not ASCII, where they shape a word or an emoji;
    no-break and other special spaces become ordinary spaces; spaces at either
    end are trimmed. Plain ASCII text is only trimmed.

    Args:
        value: text as typed or read from a file.

    Returns:
        The cleaned text ("" when nothing visible is left).
    """
    if value.isascii() or _NEEDS_CLEANING.search(value) is None:
        return value.strip()
    visible = _INVISIBLE.sub("", value).translate(_SPACES)
    return _STRAY_JOINER.sub("", visible).strip()


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """A count and its noun: ``1 application``, ``2 applications``, ``3 people`` (``nouns``)."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


#: Numbers one to ten written as words in English, French and German, as answered in a form.
_NUMBER_WORDS = {
    word: number
    for number, words in enumerate(
        (
            ("one", "un", "une", "eins", "ein", "eine"),
            ("two", "deux", "zwei"),
            ("three", "trois", "drei"),
            ("four", "quatre", "vier"),
            ("five", "cinq", "fünf", "fuenf"),
            ("six", "sechs"),
            ("seven", "sept", "sieben"),
            ("eight", "huit", "acht"),
            ("nine", "neuf", "neun"),
            ("ten", "dix", "zehn"),
        ),
        start=1,
    )
    for word in words
}


def whole_number(text: str) -> int | None:
    """The whole number a short answer gives: ``4``, ``4.0``, ``four``, ``quatre``, ``Vier``.

    Number words one to ten are read in English, French and German, in any case.

    Args:
        text: the answer as read from a cell.

    Returns:
        The number, or None when the answer is not a whole number of zero or more.
    """
    text = clean_text(text).casefold().rstrip(".")
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number >= 0 and number.is_integer() else None
