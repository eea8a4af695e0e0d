"""How easily a new passphrase could be guessed, with advice in plain words.

A programme file holds confidential notes and may be copied, lost or stolen
with a laptop; whoever has it can try passphrases offline for as long as they
like. The estimate is zxcvbn's (dictionaries of common passwords, words and
names, keyboard patterns, dates, repeats), told the words anyone holding the
file could try first: the file's own name, the programme names and MentorDesk.

A new passphrase must reach zxcvbn's top score, 4 (an estimated 10^10 guesses
or more): at SQLCipher's key derivation that is years of one computer's work,
where score 3 (10^8) would be days. Four or five random words always reach it;
two words, a name with a year, or a word with digits do not.

Only new passphrases are rated (new files, ``passwd``, Change passphrase…):
opening a file never judges the passphrase it already has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mentordesk import APP_NAME
from mentordesk.domain.errors import PassphraseRefused
from mentordesk.store.cipher import check_passphrase

#: The lowest zxcvbn score accepted for a new passphrase (0 to 4).
STRONG_SCORE = 4
#: Only the beginning is rated: zxcvbn's time grows quickly with length, and a
#: beginning this long that is guessable leaves the rest little to add.
RATED_CHARACTERS = 50
ADVICE = (
    "Use four or five random words, picked by chance rather than a saying, a name or "
    "a date that anyone could link to you or the programme."
)
OWN_WORDS_ADVICE = (
    "It uses the file's or the programme's name, which is the first thing anyone "
    "holding the file would try."
)
#: The first sentence of a refusal; the strength's advice follows it.
TOO_EASY = "This passphrase would be too easy to guess for a file of confidential notes."
_LABELS = {
    0: "Very weak — add more words",
    1: "Very weak — add more words",
    2: "Weak — add more words",
    3: "Almost strong enough — add a word",
    4: "Strong",
}


@dataclass(frozen=True)
class PassphraseStrength:
    """The estimate for one passphrase.

    Attributes:
        score: zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess).
        acceptable: strong enough for a new programme file.
        label: a few words to show beside the field as the passphrase is typed.
        advice: what would make it strong, in sentences; empty when acceptable.
    """

    score: int
    acceptable: bool
    label: str
    advice: str


def own_words(path: Path | None = None, programmes: Iterable[str] = ()) -> list[str]:
    """The words an attacker holding the file would try first.

    Args:
        path: the programme file (its name is visible to anyone who has it).
        programmes: the names of the programmes in the file.

    Returns:
        The application's name, the file's name and the programme names, each
        whole and in its separate words.
    """
    names = [APP_NAME, *([path.stem] if path is not None else []), *programmes]
    words: list[str] = []
    for name in names:
        for word in [name, *re.split(r"[\W_]+", name)]:
            if word and word.lower() not in (w.lower() for w in words):
                words.append(word)
    return words


def rate_passphrase(passphrase: str, words: Sequence[str] = ()) -> PassphraseStrength:
    """How hard ``passphrase`` would be to guess for someone who knows ``words``.

    Args:
        passphrase: the new passphrase (never stored or repeated by the result).
        words: the coordinator's own words, from :func:`own_words`.
    """
    if not passphrase.strip():
        return PassphraseStrength(0, False, "Type a passphrase", ADVICE)
    # Imported on first use: it builds its dictionaries as it loads, which the
    # window's start need not wait for.
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:RATED_CHARACTERS], user_inputs=list(words))
    score = int(result["score"])
    if score >= STRONG_SCORE:
        return PassphraseStrength(score, True, _LABELS[score], "")
    notes = [str(result["feedback"]["warning"] or "")]
    if any(match.get("dictionary_name") == "user_inputs" for match in result["sequence"]):
        notes.append(OWN_WORDS_ADVICE)
    notes.append(ADVICE)
    return PassphraseStrength(score, False, _LABELS[score], " ".join(n for n in notes if n))


def check_new_passphrase(passphrase: str, words: Sequence[str] = ()) -> None:
    """Refuse a passphrase that is blank or too easy to guess for a new programme file.

    Args:
        passphrase: the new passphrase.
        words: the coordinator's own words, from :func:`own_words`.

    Raises:
        PassphraseRefused: blank, or weaker than :data:`STRONG_SCORE`; the message
            gives the advice and never repeats the passphrase.
    """
    check_passphrase(passphrase)
    strength = rate_passphrase(passphrase, words)
    if not strength.acceptable:
        raise PassphraseRefused(f"{TOO_EASY} {strength.advice}")
