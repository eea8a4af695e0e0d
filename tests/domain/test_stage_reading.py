"""Reading a stage answer with the position: joiners, grades by number, the position's track."""

from __future__ import annotations

import pytest

from mentordesk.domain.stages import (
    ACADEMIC_STAGES,
    COMMITTEE_STAGES,
    STAFF_SCHEME_STAGES,
    Ladder,
    stage_key,
)

ACADEMIC = Ladder(ACADEMIC_STAGES)
STAFF = Ladder(STAFF_SCHEME_STAGES, within_track=True)


@pytest.mark.parametrize(
    ("position", "stage"),
    [
        # English
        ("Post-doc", "Postdoctoral researcher"),
        ("Post doc researcher in Chemistry", "Postdoctoral researcher"),
        ("postdoc", "Postdoctoral researcher"),
        ("Post-doctoral Research Associate", "Postdoctoral researcher"),
        # French: "doctorant" is in "post-doctorant", but the longer wording wins.
        ("Post-doctorant", "Postdoctoral researcher"),
        ("Post-doctorante en biologie", "Postdoctoral researcher"),
        ("Doctorante", "Doctoral candidate"),
        ("Directrice de recherche CNRS", "Full professor"),
        ("Directeur de recherche", "Full professor"),
        ("Chargée de recherche", "Research scientist"),
        ("Maître-de-conférences", "Assistant professor"),
        # German
        ("Post-Doktorandin", "Postdoctoral researcher"),
        ("Doktorand", "Doctoral candidate"),
        ("W3-Professorin", "Full professor"),
        ("Wissenschaftliche-Mitarbeiterin", "Research assistant"),
    ],
)
def test_hyphens_and_spaces_between_words_do_not_change_the_guess(
    position: str, stage: str
) -> None:
    found = ACADEMIC.guess(position)
    assert found is not None
    assert found.name == stage


def test_a_joined_word_is_still_a_whole_word() -> None:
    # "postdoc" must not be found inside "postdoctoralfellowship"-like run-ons it does not start.
    assert ACADEMIC.guess("Impostdoc") is None
    assert Ladder(COMMITTEE_STAGES).guess("Post-doc") == Ladder(COMMITTEE_STAGES).find(
        "Student or fellow"
    )


def test_a_stage_name_is_found_whatever_its_joiners() -> None:
    assert stage_key("Post-doc") == stage_key("post doc") == stage_key("Postdoc")
    assert ACADEMIC.find("Post-doctoral researcher") == ACADEMIC.find("Postdoctoral researcher")


@pytest.mark.parametrize(
    ("answer", "position", "stage", "named"),
    [
        ("Grade 7", "Lecturer in Chemistry", "Lecturer (grade 7)", "Grade 7"),
        ("Grade 7", "Lecturer", "Lecturer (grade 7)", "Grade 7"),
        ("Grade 7", "Research Fellow", "Research fellow (grade 7)", "Grade 7"),
        ("Grade 9", "Associate Professor", "Associate professor (grade 9)", "Grade 9"),
        ("Grade 6", "Research Assistant", "Research assistant (grade 6)", "Grade 6"),
        ("Grade 8", "Lecturer", "Senior lecturer (grade 8)", "Grade 8"),
        # No academic stage of level 4: the position's own stage.
        ("Grade 4", "Senior Lecturer", "Senior lecturer (grade 8)", "Grade 4"),
        ("Lecturer (grade 7)", "Technical Services Manager", "Grade 7", "Lecturer (grade 7)"),
    ],
)
def test_a_stage_on_another_track_than_the_position_is_read_on_the_positions_track(
    answer: str, position: str, stage: str, named: str
) -> None:
    reading = STAFF.read(answer, position)
    assert reading.stage is not None
    assert reading.stage.name == stage
    assert reading.guessed
    assert reading.named is not None
    assert reading.named.name == named


@pytest.mark.parametrize(
    ("answer", "position"),
    [
        ("Grade 9", "Head of Finance Operations"),
        ("Grade 8", "Technical Services Manager"),
        ("Grade 5", "Finance Officer"),
        ("Grade 6", "Senior Technician"),
        ("Grade 6", "HR Adviser"),  # no stage fits the position: the answer stands
        ("Grade 3", "Library Assistant"),
        ("Professor", "Professor of Chemistry"),
        # The position has a wording of the answer's track too: not clearly another track.
        ("Grade 7", "Research Manager"),
    ],
)
def test_a_stage_on_the_positions_track_or_an_unclear_position_stands(
    answer: str, position: str
) -> None:
    reading = STAFF.read(answer, position)
    assert reading.stage == STAFF.find(answer)
    assert (reading.guessed, reading.named) == (False, None)


def test_one_track_lists_never_move_a_stage() -> None:
    committee = Ladder(COMMITTEE_STAGES)
    reading = committee.read("Staff", "Group Leader")
    assert reading.stage == committee.find("Staff")
    assert not reading.guessed


@pytest.mark.parametrize(
    ("answer", "position", "stage"),
    [
        ("7", "Research Fellow", "Research fellow (grade 7)"),
        ("7", "Lecturer in Physics", "Lecturer (grade 7)"),
        ("G7", "Lecturer", "Lecturer (grade 7)"),
        ("8", "Lecturer", "Senior lecturer (grade 8)"),
        ("5", "Finance Officer", "Grade 5"),
        ("Band 7", "Senior Technician", "Grade 7"),
        ("7", "", "Grade 7"),
        ("3", "Research Fellow", "Research fellow (grade 7)"),  # no such academic level
    ],
)
def test_a_grades_number_alone_is_that_level_on_the_positions_track(
    answer: str, position: str, stage: str
) -> None:
    found, guessed = STAFF.resolve(answer, position)
    assert found is not None
    assert found.name == stage
    assert guessed
    assert STAFF.read(answer, position).stage == found


def test_a_number_means_nothing_in_a_list_without_grades() -> None:
    found, guessed = ACADEMIC.resolve("7", "Gardener")
    assert (found, guessed) == (None, False)
    # The position still guesses, as for any text the list lacks.
    assert ACADEMIC.resolve("7", "Postdoc")[0] == ACADEMIC.find("Postdoctoral researcher")
