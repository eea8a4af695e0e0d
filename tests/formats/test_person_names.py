"""Names compared without titles, case or accents."""

from __future__ import annotations

import pytest

from mentordesk.formats.person_names import name_key


@pytest.mark.parametrize(
    "typed",
    [
        "Mark Owen",
        "Prof. Mark Owen",
        "Professor Mark Owen",
        "prof mark owen",
        "Dr Mark Owen",
        "Dr. Mark Owen",
        "Mr Mark Owen",
        "Sir Mark Owen",
        "PD Dr. Mark Owen",
        "Priv.-Doz. Dr. Mark Owen",
        "Herr Prof. Dr. Mark Owen",
        "M. Mark Owen",
        "Pr Mark Owen",
        "  MARK   OWEN ",
        "Márk Owén",
    ],
)
def test_titles_case_and_accents_do_not_matter(typed: str) -> None:
    assert name_key(typed) == "mark owen"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Mme Élise Dupont", "elise dupont"),
        ("Frau Dr. Jana Novák", "jana novak"),
        ("Dame Sue Black", "sue black"),
        ("Ms Mx Sam Lee", "sam lee"),
        ("Mrs. Doctor Ann Lee", "ann lee"),
    ],
)
def test_other_titles(typed: str, key: str) -> None:
    assert name_key(typed) == key


def test_a_name_made_of_a_title_alone_keeps_its_word_and_titles_inside_a_name_stay() -> None:
    assert name_key("Dame") == "dame"
    assert name_key("Dr") == "dr"
    assert name_key("Anna Herr") == "anna herr"
    assert name_key("Dr. Anna Weber") != name_key("Dr. Anna Webber")
    assert name_key("") == ""
