"""Organisation names reduced to one key, and the abbreviations they give."""

from __future__ import annotations

import pytest

from mentordesk.domain.organisations import abbreviation_of, is_abbreviation, organisation_key

LIST = "Luxembourg Institute of Science and Technology (LIST)"


@pytest.mark.parametrize(
    "spelling",
    [
        "Luxembourg Institute of Science and Technology",
        "luxembourg institute of science & technology",
        "LUXEMBOURG INSTITUTE OF SCIENCE AND TECHNOLOGY",
        "The Luxembourg Institute of Science and Technology",
        "  Luxembourg   Institute of Science and Technology (LIST) ",
        "LIST (Luxembourg Institute of Science and Technology)",
        "Luxembourg Institute of Science and Technology - LIST",
    ],
)
def test_spellings_of_one_institute_share_its_key(spelling):
    assert organisation_key(spelling) == organisation_key(LIST)


@pytest.mark.parametrize(
    "spelling",
    ["University of Luxembourg", "Luxembourg University", "Univ. of Luxembourg", "Uni Luxembourg"],
)
def test_university_of_x_is_x_university(spelling):
    assert organisation_key(spelling) == "luxembourg university"


def test_accents_and_case_are_ignored_but_another_language_stays_apart():
    assert organisation_key("UNIVERSITÉ DU LUXEMBOURG") == organisation_key(
        "Universite du Luxembourg"
    )
    assert organisation_key("Université du Luxembourg") != organisation_key(
        "University of Luxembourg"
    )


def test_different_organisations_keep_different_keys():
    keys = {
        organisation_key(name)
        for name in (
            LIST,
            "Luxembourg Institute of Health",
            "University of Luxembourg",
            "CERN",
            "University of the Arts London",
        )
    }
    assert len(keys) == 5


def test_an_abbreviation_alone_is_its_own_key_until_the_service_pairs_it():
    assert organisation_key("LIST") == organisation_key("L.I.S.T.") == "list"
    assert organisation_key("LIST") != organisation_key(LIST)


def test_nothing_typed_gives_an_empty_key():
    assert organisation_key("") == organisation_key("   ") == organisation_key("()") == ""


def test_abbreviation_given_in_parentheses_or_after_a_dash():
    assert abbreviation_of(LIST) == "LIST"
    assert abbreviation_of("LIST (Luxembourg Institute of Science and Technology)") == "LIST"
    assert abbreviation_of("Luxembourg Institute of Health – LIH") == "LIH"


def test_abbreviation_made_of_initials_of_long_names_only():
    assert abbreviation_of("Luxembourg Institute of Science and Technology") == "LIST"
    assert abbreviation_of("Luxembourg Institute of Health") == "LIH"
    assert abbreviation_of("University of Luxembourg") == ""
    assert abbreviation_of("CERN") == ""


def test_one_short_word_may_be_an_abbreviation():
    assert is_abbreviation("LIST")
    assert is_abbreviation("L.I.S.T.")
    assert not is_abbreviation("University of Luxembourg")
    assert not is_abbreviation("")


def test_without_initials_only_an_abbreviation_the_name_gives_counts():
    assert abbreviation_of(LIST, initials=False) == "LIST"
    assert abbreviation_of("Luxembourg Institute of Health", initials=False) == ""
