"""Organisation names as people type them, reduced to one key for comparing.

"Luxembourg Institute of Science and Technology (LIST)", "luxembourg
institute of science & technology" and "The Luxembourg Institute of Science
and Technology" are one organisation; so are "Univ. of Luxembourg",
"University of Luxembourg" and "Luxembourg University". A name in another
language ("Université du Luxembourg") stays apart unless the coordinator merges
it (``services.organisations``), which also decides which spelling is shown.
"""

from __future__ import annotations

import re
import unicodedata

#: Short forms read as the word they stand for, after punctuation is removed.
_EXPANDED = {
    "univ": "university",
    "uni": "university",
    "inst": "institute",
    "intl": "international",
    "natl": "national",
}
#: Small words left out of initials ("Institute of Science and Technology" is IST).
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "d",
        "de",
        "del",
        "der",
        "des",
        "di",
        "du",
        "et",
        "for",
        "fur",
        "in",
        "la",
        "le",
        "les",
        "of",
        "on",
        "the",
        "und",
        "van",
        "von",
    ]
)
#: Fewest initials that make an abbreviation of a name that gives none.
_LONG_NAME = 3
#: A trailing abbreviation in parentheses: "… (LIST)".
_TRAILING_PARENTHESES = re.compile(r"^(?P<rest>.*\S)\s*\((?P<inside>[^()]*)\)\s*$")
#: A trailing abbreviation after a dash: "Luxembourg Institute of Health – LIH".
_TRAILING_DASH = re.compile(r"^(?P<rest>.*\S)\s+[-–—]\s+(?P<inside>[A-Z][A-Z0-9.&]{1,9})\s*$")


def _plain(text: str) -> str:
    """Lower-case words without accents or punctuation, "&" read as "and"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = plain.replace("&", " and ")
    # Dots inside an abbreviation ("L.I.S.T.") join its letters rather than split them.
    plain = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", plain)
    return " ".join(re.sub(r"[^\w]+|_", " ", plain).split())


def _split(name: str) -> tuple[str, str]:
    """The name without its abbreviation, and the abbreviation ("" when none is given).

    "Luxembourg Institute of Science and Technology (LIST)" and "LIST (Luxembourg
    Institute of Science and Technology)" both give the full name and "LIST".
    """
    text = " ".join(name.split())
    for pattern in (_TRAILING_PARENTHESES, _TRAILING_DASH):
        if found := pattern.match(text):
            rest, inside = found["rest"].strip(), found["inside"].strip()
            if not inside:
                return rest, ""
            if " " not in inside:
                return rest, inside
            if " " not in rest:
                return inside, rest  # "LIST (Luxembourg Institute of …)"
    return text, ""


def organisation_key(name: str) -> str:
    """The key two spellings of one organisation share.

    Case, accents, punctuation and spacing are ignored, "&" reads "and", a
    trailing abbreviation in parentheses is left out, a leading "the" is
    dropped, "Univ."/"Uni" read "University", and "University of X" is
    "X University".

    Args:
        name: an organisation as typed.

    Returns:
        The key, such as ``"luxembourg university"`` for "Univ. of Luxembourg";
        "" when nothing is typed.
    """
    full, abbreviation = _split(name)
    words = [_EXPANDED.get(word, word) for word in _plain(full).split()]
    if not words:
        words = _plain(abbreviation).split()
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    if words[:1] == ["university"] and len(words) > 1:
        rest = words[1:]
        for small in ("of", "the"):
            if rest[:1] == [small] and len(rest) > 1:
                rest = rest[1:]
        words = [*rest, "university"]
    return " ".join(words)


def abbreviation_of(name: str, *, initials: bool = True) -> str:
    """The abbreviation a name gives or makes.

    Args:
        name: an organisation as typed.
        initials: whether a long name that gives no abbreviation makes one of its
            initials (False: only an abbreviation the name gives counts).

    Returns:
        The abbreviation in parentheses (or after a dash) if the name gives one
        ("LIST" for "… Technology (LIST)"); else the initials of a name of three
        or more words, small words left out ("LIH" for "Luxembourg Institute of
        Health"); else "".
    """
    full, abbreviation = _split(name)
    if abbreviation or not initials:
        return abbreviation
    words = [w for w in _plain(full).split() if w not in _SMALL_WORDS]
    if len(words) < _LONG_NAME:
        return ""
    return "".join(word[0] for word in words).upper()


def is_abbreviation(name: str) -> bool:
    """Whether a name is one word that could be an abbreviation ("LIST", "L.I.S.T.", "uni.lu" not).

    Args:
        name: an organisation as typed.
    """
    words = _plain(name).split()
    return len(words) == 1 and words[0].isalnum() and 2 <= len(words[0]) <= 10
