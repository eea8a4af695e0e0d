"""Departments (and fields) compared by a key: "Beams" is "Beams Department" is "beams dept."."""

from __future__ import annotations

import pytest

from mentordesk.domain.departments import department_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Beams", "Beams Department"),
        ("Beams", "beams dept."),
        ("Beams", "BEAMS Dpt"),
        ("Experimental Physics (EP)", "Experimental Physics"),
        ("Experimental Physics dept.", "experimental physics"),
        ("Department of Physics", "Physics"),
        ("Dept. of Chemistry", "Chemistry"),
        ("Département de physique", "Physique"),
        ("Service Informatique", "informatique"),
        ("Abteilung Verwaltung", "Verwaltung"),
        ("Théorie", "theorie"),
    ],
)
def test_spellings_of_one_department_share_a_key(one: str, other: str) -> None:
    assert department_key(one) == department_key(other) != ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Experimental Physics", "Theoretical Physics"),
        ("Beams", "Engineering"),
        ("Physics", "Physical Chemistry"),
    ],
)
def test_different_departments_keep_different_keys(one: str, other: str) -> None:
    assert department_key(one) != department_key(other)


def test_a_name_that_is_only_the_word_department_stays_as_it_is() -> None:
    assert department_key("Department") == "department"
    assert department_key("  ") == ""
