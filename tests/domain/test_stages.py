"""Career stages: found by name, guessed from real position texts, read from the command line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentordesk.domain.errors import InvalidInput
from mentordesk.domain.stages import (
    ACADEMIC_STAGES,
    COMMITTEE_STAGES,
    STAFF_SCHEME_STAGES,
    Ladder,
    Stage,
    parse_stages,
)

ACADEMIC = Ladder(ACADEMIC_STAGES)
STAFF = Ladder(STAFF_SCHEME_STAGES, within_track=True)
COMMITTEE = Ladder(COMMITTEE_STAGES)


@pytest.mark.parametrize(
    ("position", "stage"),
    [
        ("PhD student", "Doctoral candidate"),
        ("Doctorant", "Doctoral candidate"),
        ("Doktorandin", "Doctoral candidate"),
        ("Postdoctoral Research Associate", "Postdoctoral researcher"),
        ("Post-doc", "Postdoctoral researcher"),
        ("Chercheur postdoctoral", "Postdoctoral researcher"),
        ("Research Scientist", "Research scientist"),
        ("Chargée de recherche", "Research scientist"),
        ("Lecturer in Ecology", "Assistant professor"),
        ("Assistant Professor", "Assistant professor"),
        ("Maître de conférences", "Assistant professor"),
        ("Professeur associé", "Associate professor"),
        ("Associate Professor", "Associate professor"),
        ("Professor of Biology", "Full professor"),
        ("Full Professor", "Full professor"),
        ("W3-Professorin", "Full professor"),
        ("Senior Technician", "Senior officer or manager"),
        ("Lab technician", "Administrative or technical officer"),
        ("Research administrator", "Administrative or technical officer"),
        ("Head of Finance", "Head of service"),
    ],
)
def test_academic_positions_in_three_languages_are_guessed(position: str, stage: str) -> None:
    guessed = ACADEMIC.guess(position)
    assert guessed is not None
    assert guessed.name == stage


@pytest.mark.parametrize(
    ("position", "stage"),
    [
        ("Post-doc", "Research fellow (grade 7)"),
        ("Lecturer in Ecology", "Lecturer (grade 7)"),
        ("Assistant Professor", "Lecturer (grade 7)"),
        ("Associate Professor", "Associate professor (grade 9)"),
        ("Professor of Biology", "Professor"),
        ("Senior Technician", "Grade 5"),
        ("Lab technician", "Grade 4"),
        ("Research administrator", "Grade 5"),
        ("Head of Finance", "Grade 9"),
        ("grade 6", "Grade 6"),
    ],
)
def test_staff_scheme_positions_are_guessed_on_their_track(position: str, stage: str) -> None:
    guessed = STAFF.guess(position)
    assert guessed is not None
    assert guessed.name == stage


@pytest.mark.parametrize(
    ("position", "stage"),
    [
        # Academic leaders are on the academic track, at its top: never heads of a service.
        ("Head of Discipline, Biosciences", "Professor"),
        ("Head of School of Biosciences", "Professor"),
        ("Head of Department of Chemistry", "Professor"),
        ("Director of Research", "Professor"),
        ("Dean of the Faculty of Science and Engineering", "Professor"),
        ("Pro-Vice-Chancellor (Education)", "Professor"),
        ("Doyenne de la Faculté des Sciences", "Professor"),
        ("Directrice de département, Physique", "Professor"),
        ("Dekanin der Fakultät für Biologie", "Professor"),
        ("Institutsleiter, Institut für Geographie", "Professor"),
        # Heads of a service stay on the technical and professional services track.
        ("Head of Finance", "Grade 9"),
        ("Head of IT Services", "Grade 9"),
        ("Director of Operations", "Grade 9"),
        ("Head of Technical Services", "Grade 9"),
        ("Head of Estates and Facilities", "Grade 9"),
        ("Cheffe de service, Ressources humaines", "Grade 9"),
        ("Directeur administratif et financier", "Grade 9"),
        ("Abteilungsleiterin Finanzen", "Grade 9"),
        ("Leiter der Verwaltung", "Grade 9"),
        # Technical and professional grades 3 to 8 in French and German.
        ("Assistante administrative, Département de chimie", "Grade 3"),
        ("Bürokauffrau im Sekretariat", "Grade 3"),
        ("Technicienne de laboratoire en biologie moléculaire", "Grade 4"),
        ("Gestionnaire administrative des contrats", "Grade 4"),
        ("Technikerin, Werkstatt Physik", "Grade 4"),
        ("Biologielaborantin / Laborantin", "Grade 4"),
        ("Sachbearbeiterin Drittmittel", "Grade 4"),
        ("Technicien supérieur en électronique", "Grade 5"),
        ("Koordinatorin Graduiertenschule", "Grade 5"),
        ("Ingénieure d'études en calcul scientifique", "Grade 6"),
        ("Chargée de mission relations internationales", "Grade 6"),
        ("Referentin für Forschungsförderung", "Grade 6"),
        ("Responsable administratif de l'unité", "Grade 7"),
        ("Projektleiterin IT", "Grade 7"),
        ("Chef de service adjoint, Bibliothèque", "Grade 8"),
        ("Stellvertretende Abteilungsleiterin Personal", "Grade 8"),
    ],
)
def test_staff_scheme_leaders_and_services_staff_in_three_languages(
    position: str, stage: str
) -> None:
    guessed = STAFF.guess(position)
    assert guessed is not None
    assert guessed.name == stage


@pytest.mark.parametrize(
    "position",
    ["Head of Discipline, Biosciences", "Head of School of Biosciences", "Director of Research"],
)
def test_academic_leaders_are_professors_on_the_academic_template_too(position: str) -> None:
    guessed = ACADEMIC.guess(position)
    assert guessed is not None
    assert guessed.name == "Full professor"


@pytest.mark.parametrize("position", ["Head of Widgets", "Director", "Directeur"])
def test_a_bare_head_or_director_is_not_guessed_onto_the_services_track(position: str) -> None:
    assert STAFF.guess(position) is None


@pytest.mark.parametrize(
    ("position", "stage"),
    [
        ("Doktorandin", "Student or fellow"),
        ("Senior Technician", "Senior staff"),
        ("Lab technician", "Staff"),
        ("Head of Finance", "Group leader"),
    ],
)
def test_committee_positions_are_guessed(position: str, stage: str) -> None:
    guessed = COMMITTEE.guess(position)
    assert guessed is not None
    assert guessed.name == stage


@pytest.mark.parametrize("position", ["", "   ", "—", "Gardener", "Professional"])
def test_a_position_no_wording_fits_is_not_guessed(position: str) -> None:
    assert ACADEMIC.guess(position) is None
    assert STAFF.guess(position) is None


def test_professors_of_a_staff_scheme_are_not_guessed_into_a_committee_ladder() -> None:
    assert COMMITTEE.guess("Assistant Professor") is None
    assert STAFF.guess("PhD student") is None


@given(st.text(alphabet=" \t\n-–—.,;:()/", max_size=12))
def test_empty_or_punctuation_only_positions_are_never_guessed(position: str) -> None:
    for ladder in (ACADEMIC, STAFF, COMMITTEE):
        assert ladder.guess(position) is None
        assert ladder.resolve(position, position) == (None, False)


def test_words_are_matched_whole() -> None:
    ladder = Ladder((Stage("Reader", wordings=("reader",)),))
    assert ladder.guess("Proofreader") is None
    assert ladder.guess("Reader in History") == ladder.stages[0]


def test_find_ignores_case_accents_and_spacing() -> None:
    ladder = Ladder((Stage("Maître de conférences"), Stage("Grade 5", "Services", 5)))
    assert ladder.find("  maitre   de CONFERENCES ") == ladder.stages[0]
    assert ladder.find("grade 5") == ladder.stages[1]
    assert ladder.find("Grade 6") is None
    assert ladder.find("") is None


def test_resolve_takes_a_listed_name_and_else_guesses() -> None:
    postdoc = ACADEMIC.find("Postdoctoral researcher")
    professor = ACADEMIC.find("Full professor")
    assert ACADEMIC.resolve("postdoctoral researcher", "Head of Finance") == (postdoc, False)
    assert ACADEMIC.resolve("", "Professor of Biology") == (professor, True)
    # a name from another programme's list is read as a position
    assert ACADEMIC.resolve("Research fellow (grade 7)", "") == (postdoc, True)
    assert ACADEMIC.resolve("Grade 4", "Gardener") == (None, False)


def test_tracks_and_level_span() -> None:
    assert ACADEMIC.tracks == ("Academic and research", "Professional and technical staff")
    assert STAFF.tracks == ("Academic and research", "Technical and professional services")
    assert STAFF.level_span == 7
    assert Ladder().tracks == ()
    assert Ladder().level_span == 0


def test_a_list_on_several_tracks_names_each_and_a_single_track_stays_unnamed() -> None:
    for stages in (ACADEMIC_STAGES, STAFF_SCHEME_STAGES):
        assert len(Ladder(stages).tracks) == 2
        assert all(stage.track for stage in stages)
    assert COMMITTEE.tracks == ("",)


def test_a_stage_is_shown_with_its_track_first() -> None:
    assert Stage("Grade 5", "Technical services", 5).label == "Technical services — Grade 5"
    assert Stage("Staff", "", 3).label == "Staff"
    assert ACADEMIC_STAGES[0].label == "Academic and research — Doctoral candidate"


def test_template_lists_have_unique_names_and_levels_of_at_least_one() -> None:
    for stages in (ACADEMIC_STAGES, STAFF_SCHEME_STAGES, COMMITTEE_STAGES):
        names = [Ladder(stages).find(stage.name) for stage in stages]
        assert names == list(stages)
        assert all(stage.level >= 1 for stage in stages)
    assert [s.level for s in STAFF_SCHEME_STAGES if s.name.startswith("Grade")] == list(
        range(3, 10)
    )


def test_one_track_counts_levels_in_order() -> None:
    stages = parse_stages(" Stage 1 ,Stage 2,  Stage   3")
    assert [(s.name, s.track, s.level) for s in stages] == [
        ("Stage 1", "", 1),
        ("Stage 2", "", 2),
        ("Stage 3", "", 3),
    ]


def test_tracks_and_levels_after_equals() -> None:
    stages = parse_stages(
        "Academic: Lecturer, Senior lecturer, Professor; Professional: Grade 5=5, Grade 6"
    )
    assert [(s.name, s.track, s.level) for s in stages] == [
        ("Lecturer", "Academic", 1),
        ("Senior lecturer", "Academic", 2),
        ("Professor", "Academic", 3),
        ("Grade 5", "Professional", 5),
        ("Grade 6", "Professional", 6),
    ]


def test_a_typed_name_a_template_knows_guesses_with_its_wordings() -> None:
    ladder = Ladder(parse_stages("Doctoral candidate, Postdoctoral researcher, Full professor"))
    guessed = ladder.guess("Doktorandin")
    assert guessed is not None
    assert guessed.name == "Doctoral candidate"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "No career stages given"),
        (" ; ", "No career stages given"),
        ("Lecturer,,Professor", "Stage 2 has no name"),
        ("Academic: Lecturer, ", "Stage 2 of the track “Academic” has no name"),
        ("Lecturer, lecturer", "“lecturer” is given twice"),
        ("A: Lecturer; B: Lecturer", "“Lecturer” is given twice"),
        ("Grade 5=five", "whole number of at least 1"),
        ("Grade 5=0", "whole number of at least 1"),
        ("A: x; y", "needs its track's name first"),
        ("A: x; a: y", "track “a” is given twice"),
        (": x", "no name before “:”"),
        ("A: x;", "remove the extra “;”"),
    ],
)
def test_bad_lists_are_refused_in_plain_words(text: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        parse_stages(text)
