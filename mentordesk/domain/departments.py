"""Departments and fields as people type them, reduced to one key for comparing.

"Beams", "Beams Department" and "beams dept." are one department; so are
"Experimental Physics (EP)" and "Experimental Physics", "Département de
physique" and "Physique", "Abteilung Verwaltung" and "Verwaltung".
"""

from __future__ import annotations

from mentordesk.domain.organisations import organisation_key

#: Words that say "department" and nothing about which one, at either end of a name.
_DEPARTMENT_WORDS = frozenset(
    ["dept", "department", "departement", "dpt", "dep", "service", "abteilung", "division"]
)
#: Small words left between such a word and the name ("Department of Physics").
_LINKS = frozenset(["of", "de", "du", "des", "d", "la", "le", "fur", "for"])


def department_key(name: str) -> str:
    """The key two spellings of one department (or field) share.

    Case, accents, punctuation and spacing are ignored, a trailing
    abbreviation in parentheses is left out (as for organisations), and a
    word saying "department" ("dept.", "Department of", "dpt", "service",
    "Abteilung", "département de") at the start or end is dropped.

    Args:
        name: a department or field as typed.

    Returns:
        The key, such as ``"beams"`` for "Beams Department"; "" when nothing is typed.
    """
    words = organisation_key(name).split()
    while len(words) > 1 and words[0] in _DEPARTMENT_WORDS:
        words = words[1:]
        while len(words) > 1 and words[0] in _LINKS:
            words = words[1:]
    while len(words) > 1 and words[-1] in _DEPARTMENT_WORDS:
        words = words[:-1]
    return " ".join(words)
