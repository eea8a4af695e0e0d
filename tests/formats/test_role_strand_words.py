"""Roles, strands and yes-or-no answers as forms write them, in English, French and German."""

from __future__ import annotations

import pytest

from mentordesk.domain.enums import Role
from mentordesk.formats.columns import normalise_choice, role_in_words, strand_in_words, yes_or_no

ADVANCE = ("Faculty", "Fellows", "Circles")


@pytest.mark.parametrize(
    "text",
    [
        "Mentee",
        "mentees",
        "I'd like to be mentored",
        "I would like to have a mentor",
        "I would like a mentor",
        "Looking for a mentor",
        "Mentee (I would like a mentor)",
        "Mentoré(e)",
        "Mentorée",
        "Je souhaite être mentoré(e)",
        "Je voudrais trouver une mentore",
        "Als Mentee",
        "Ich suche eine Mentorin",
        "Ich möchte betreut werden",
        "Protégé",
        "Receiving mentoring",
    ],
)
def test_answers_that_name_the_mentee(text: str) -> None:
    assert role_in_words(text) is Role.MENTEE


@pytest.mark.parametrize(
    "text",
    [
        "Mentor",
        "MENTOR",
        "As a mentor",
        "Offering mentoring",
        "I'd like to offer mentoring",
        "I would like to mentor someone",
        "Mentorin",
        "Mentor/in",
        "Mentor:in",
        "Mentor*innen",
        "Ich möchte Mentorin sein",
        "Je souhaite être mentor",
        "Mentor (I already have a mentee)",
    ],
)
def test_answers_that_name_the_mentor(text: str) -> None:
    assert role_in_words(text) is Role.MENTOR


@pytest.mark.parametrize(
    "text",
    [
        "Mentor or mentee?",
        "Mentor/Mentee",
        "Both",
        "Mentoring",
        "Mentorship programme",
        "Professor",
        "",
        "   ",
        # A sentence about something else, too long to be a choice's wording.
        "I would like a mentor who understands what it is like to move countries and start "
        "again in a new lab with a small child and a partner who also works in research",
    ],
)
def test_answers_that_name_no_role(text: str) -> None:
    assert role_in_words(text) is None


def test_normalise_choice_reads_a_role_in_any_phrasing() -> None:
    assert normalise_choice("I'd like to be mentored", Role) is Role.MENTEE
    assert normalise_choice("Offering mentoring", Role) is Role.MENTOR
    assert normalise_choice("Mentor or mentee?", Role) is None


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("Fellows", "Fellows"),
        ("fellows ", "Fellows"),
        ("FACULTY", "Faculty"),
        ("Fellows strand (postdocs)", "Fellows"),
        ("Fellow strand", "Fellows"),
        ("The Circles, for doctoral candidates", "Circles"),
    ],
)
def test_answers_that_name_a_strand(text: str, strand: str) -> None:
    assert strand_in_words(text, ADVANCE) == strand


@pytest.mark.parametrize(
    "text", ["Faculty or Fellows", "Other", "", "Fellowship", "I am not sure which strand"]
)
def test_answers_that_name_no_strand_or_several(text: str) -> None:
    assert strand_in_words(text, ADVANCE) is None


def test_a_strand_whose_name_holds_another_wins_over_it() -> None:
    strands = ("Circles", "Doctoral Circles")
    assert strand_in_words("Doctoral Circles (group mentoring)", strands) == "Doctoral Circles"
    assert strand_in_words("Circles", strands) == "Circles"
    assert strand_in_words("Circles", ()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Yes",
        "yes ",
        "I agree",
        "I consent",
        "Agree",
        "Oui",
        "J'accepte",
        "Ja",
        "Ich stimme zu",
        "TRUE",
        "x",
        "✓",
        "I agree to the processing of my data;",
        "Yes, I agree",
        "I have read the privacy notice and agree",
        "I agree that my data will not be shared outside the programme",
    ],
)
def test_answers_that_say_yes(text: str) -> None:
    assert yes_or_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "No",
        "Non",
        "Nein",
        "I do not agree",
        "I don't consent",
        "FALSE",
        "Je n'accepte pas",
        "Ich stimme nicht zu",
        "nicht einverstanden",
    ],
)
def test_answers_that_say_no(text: str) -> None:
    assert yes_or_no(text) is False


@pytest.mark.parametrize("text", ["Maybe", "Not sure", "", "Mentor", "2026-03-14"])
def test_answers_that_say_neither(text: str) -> None:
    assert yes_or_no(text) is None
