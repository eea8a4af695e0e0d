"""How guessable a new passphrase is: four random words pass; words, names and dates do not."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mentordesk.domain.errors import PassphraseRefused
from mentordesk.services.passphrase_strength import (
    RATED_CHARACTERS,
    check_new_passphrase,
    own_words,
    rate_passphrase,
)

FILE = Path("/home/coordinator/Documents/ADVANCE-2026.mentordesk")
WORDS = own_words(FILE, ["ADVANCE 2026", "Pilot programme"])
# Everyday English words, to draw passphrases from.
COMMON_WORDS = [
    "people",
    "house",
    "water",
    "story",
    "point",
    "right",
    "place",
    "world",
    "music",
    "night",
    "money",
    "order",
    "power",
    "table",
    "paper",
    "voice",
    "river",
    "field",
    "horse",
    "apple",
    "green",
    "chair",
    "light",
    "glass",
    "bread",
    "stone",
    "train",
    "cloud",
    "phone",
    "plant",
    "sugar",
    "bottle",
    "garden",
    "window",
    "letter",
    "summer",
    "winter",
    "market",
    "doctor",
    "school",
    "family",
    "friend",
    "animal",
    "forest",
    "island",
    "castle",
    "rabbit",
    "pencil",
    "silver",
    "button",
    "candle",
    "ladder",
    "pocket",
    "basket",
    "mirror",
    "ticket",
    "jacket",
    "blanket",
    "kitchen",
]


@pytest.mark.parametrize(
    "passphrase",
    [
        "lantern orbit velvet cactus",
        "maple quarry tundra bishop",
        "correct horse battery staple",
        "Spoon gravel Tiger kettle puzzle",
    ],
)
def test_four_or_five_random_words_are_strong(passphrase: str) -> None:
    strength = rate_passphrase(passphrase, WORDS)
    assert strength.acceptable
    assert strength.score == 4
    assert strength.label == "Strong"
    assert strength.advice == ""
    check_new_passphrase(passphrase, WORDS)


def test_any_four_common_words_drawn_at_random_pass() -> None:
    draw = random.Random(2026)
    for _ in range(100):
        passphrase = " ".join(draw.sample(COMMON_WORDS, 4))
        assert rate_passphrase(passphrase, WORDS).acceptable, passphrase


@pytest.mark.parametrize(
    "passphrase",
    [
        "a",
        "x7",
        "password1",
        "Password123!",
        "mentordesk2026",
        "MentorDesk 2026",
        "advance2026",
        "Pilot programme 2026",
        "Jane Smith",
        "janesmith1990",
        "jennifer",
        "qwertyuiop",
        "mentoring works",
        "1234567890",
        "aaaaaaaaaaaaaaaaaaaaaaaa",
    ],
)
def test_short_common_or_own_words_are_refused_with_advice(passphrase: str) -> None:
    strength = rate_passphrase(passphrase, WORDS)
    assert not strength.acceptable
    assert strength.score < 4
    assert "add" in strength.label.lower()
    assert "four or five random words" in strength.advice
    with pytest.raises(PassphraseRefused) as refused:
        check_new_passphrase(passphrase, WORDS)
    assert "four or five random words" in refused.value.message
    # The passphrase is never repeated back (one or two characters are in any sentence).
    if len(passphrase) > 2:
        for text in (refused.value.message, strength.advice, strength.label):
            assert passphrase.lower() not in text.lower()


def test_the_file_and_programme_names_are_own_words() -> None:
    assert {"advance-2026", "advance", "2026", "pilot programme", "pilot", "mentordesk"} <= {
        w.lower() for w in WORDS
    }
    # Strong for anyone else, weak here: the name is on the file for all to see.
    assert rate_passphrase("Advance-2026", []).score > rate_passphrase("Advance-2026", WORDS).score
    assert "name" in rate_passphrase("advance mentordesk", WORDS).advice


def test_a_blank_passphrase_is_refused_as_blank() -> None:
    strength = rate_passphrase("   ", WORDS)
    assert not strength.acceptable
    assert strength.score == 0
    with pytest.raises(PassphraseRefused, match="cannot be empty"):
        check_new_passphrase("   ", WORDS)


def test_the_labels_say_in_words_how_far_from_strong() -> None:
    labels = {rate_passphrase(p, WORDS).label for p in ["a", "Jane Smith", "janesmith1990"]}
    assert len(labels) >= 2
    assert all(label and label != "Strong" for label in labels)


def test_a_very_long_passphrase_is_rated_on_its_beginning() -> None:
    strong = "lantern orbit velvet cactus " * 4000
    assert len(strong) > 100_000
    assert rate_passphrase(strong, WORDS).acceptable
    assert not rate_passphrase("a" * (RATED_CHARACTERS * 100), WORDS).acceptable
