"""People's names as typed in forms: compared without titles, case or accents."""

from __future__ import annotations

from mentordesk.formats.columns import normalise

#: Titles and honorifics written before a name (normalised, see
#: :func:`~mentordesk.formats.columns.normalise`): "Prof. Dr. Mark Owen" is Mark Owen.
_TITLES = frozenset(
    {
        "prof", "professor", "professeur", "professeure", "professorin", "dr", "doctor",
        "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "pd", "pr", "m", "mme", "mlle",
        "herr", "frau", "privatdozent", "privatdozentin",
    }
)  # fmt: skip
#: Titles of two words once normalised ("Priv.-Doz." reads "priv doz").
_TWO_WORD_TITLES = frozenset({("priv", "doz"), ("dr", "med"), ("dr", "ing")})


def name_key(name: str) -> str:
    """A person's name reduced for comparing: no titles before it, no case, accents or dots.

    "Prof. Mark Owen", "mark owen" and "Dr. Márk Owen" share a key; a name made
    of titles alone (someone called "Dame") keeps its words.

    Args:
        name: a name as typed, with or without titles ("Herr Prof. Dr. Jan Novák").

    Returns:
        For example ``"jan novak"``.
    """
    words = normalise(name).split()
    start = 0
    while start < len(words) - 1:
        if tuple(words[start : start + 2]) in _TWO_WORD_TITLES and start + 2 < len(words):
            start += 2
        elif words[start] in _TITLES:
            start += 1
        else:
            break
    return " ".join(words[start:])


def split_full_name(text: str) -> tuple[str, str]:
    """A full name as typed, split into a first and a last name on its last space.

    Args:
        text: "Mary Ann Smith", "Smith".

    Returns:
        ``("Mary Ann", "Smith")``; a single word is a first name: ``("Smith", "")``.
    """
    first, _, last = text.strip().rpartition(" ")
    return (first, last) if first else (last, "")
