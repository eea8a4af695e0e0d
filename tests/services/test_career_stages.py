"""A programme's career stages in the file: set, read back, guessed, confirmed, found unknown."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.domain.stages import ACADEMIC_STAGES, STAFF_SCHEME_STAGES, Stage
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.career_stages import (
    StageInput,
    confirm_stages,
    guess_missing_stages,
    ladder_of,
    set_stages,
    stage_problems,
)
from mentordesk.store.models import AuditEntry, CareerStage, Person, Programme
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


def test_stages_are_read_back_in_order_with_tracks_levels_and_wordings(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        set_stages(s, programme_id, STAFF_SCHEME_STAGES)
        s.get_one(Programme, programme_id).within_track = True
    with programme_file.session() as s:
        ladder = ladder_of(s, programme_id)
    assert ladder.stages == STAFF_SCHEME_STAGES
    assert ladder.within_track
    found = ladder.guess("Senior Technician")
    assert found is not None
    assert found.name == "Grade 5"


def test_setting_stages_replaces_the_list_and_is_audited(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
        set_stages(
            s,
            programme_id,
            [
                StageInput(" Junior ", wordings="junior\n\n  assistant  \njunior"),
                StageInput("Senior"),
                StageInput("Grade 5", "Services", 5),
                StageInput("Grade 6", "Services"),
            ],
        )
    with programme_file.session() as s:
        ladder = ladder_of(s, programme_id)
        rows = s.scalars(select(CareerStage).where(CareerStage.programme_id == programme_id))
        assert len(list(rows)) == 4
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "stages changed")).all()
    assert [(x.name, x.track, x.level) for x in ladder.stages] == [
        ("Junior", "", 1),
        ("Senior", "", 2),
        ("Grade 5", "Services", 5),
        ("Grade 6", "Services", 6),
    ]
    assert ladder.stages[0].wordings == ("junior", "assistant")
    assert [a.summary for a in audit] == [
        "10 career stages on 2 tracks",
        "4 career stages on 2 tracks",
    ]


@pytest.mark.parametrize(
    ("stages", "words"),
    [
        ([StageInput("  ")], "Career stage 1 has no name"),
        ([StageInput("Lecturer"), StageInput("LECTURER", "Other")], "listed twice"),
        ([StageInput("Lecturer", level=0)], "between 1 and 99, not 0"),
        ([Stage("Lecturer", level=100)], "between 1 and 99, not 100"),
        ([StageInput("x" * 121)], "longer than 120 letters"),
    ],
)
def test_bad_stages_are_refused_and_the_list_is_kept(
    programme_file: ProgrammeFile, programme_id: int, stages: list[StageInput], words: str
) -> None:
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
    with pytest.raises(InvalidInput, match=words), programme_file.session() as s:
        set_stages(s, programme_id, stages)
    with programme_file.session() as s:
        assert ladder_of(s, programme_id).stages == ACADEMIC_STAGES


def test_a_missing_programme_is_not_found(programme_file: ProgrammeFile) -> None:
    with pytest.raises(NotFound), programme_file.session() as s:
        ladder_of(s, 999)


@pytest.fixture
def applicants(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> dict[str, int]:
    """Applicants of Pilot 2026 (academic stages) with stages given, guessable and unknown."""
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
        people = {
            "named": add_someone(s, stage="Full professor", position="Gardener"),
            "guessable": add_someone(s, position="Doktorandin"),
            "foreign": add_someone(s, stage="Grade 4", position="Lab technician"),
            "stored_guess": add_someone(s, stage="Research scientist", stage_guessed=True),
            "nothing": add_someone(s, position="Gardener"),
            "other_list": add_someone(s, stage="Grade 4"),
            "withdrawn": add_someone(s, position="Gardener"),
        }
        for key, person in people.items():
            status = (
                ApplicationStatus.WITHDRAWN if key == "withdrawn" else ApplicationStatus.RECEIVED
            )
            add_application(s, person, ApplicationInput(strands["Fellows"], Role.MENTEE, status))
        # Someone in the file who did not apply to this programme is not listed.
        add_someone(s, position="Gardener")
    return people


def test_stage_problems_list_the_guessed_and_the_unknown(
    programme_file: ProgrammeFile, programme_id: int, applicants: dict[str, int]
) -> None:
    with programme_file.session() as s:
        report = stage_problems(s, programme_id)
    guessed = {row[0]: row[3] for row in report.guessed}
    unknown = {row[0]: row[3] for row in report.unknown}
    # A name from another list is read as matching reads it: a guess from the
    # position, to confirm, the note saying so.
    assert guessed == {
        applicants["guessable"]: "Doctoral candidate",
        applicants["stored_guess"]: "Research scientist",
        applicants["foreign"]: "Administrative or technical officer",
    }
    # Unknown only when nothing can be guessed.
    assert unknown == {
        applicants["nothing"]: "",
        applicants["other_list"]: "Grade 4 (not in this list)",
    }
    # The stage as given and its explanation, apart, for whoever shows them apart.
    assert report.notes == {
        applicants["foreign"]: (
            "Grade 4",
            "“Grade 4” is not in this list; read as Administrative or technical officer",
        ),
        applicants["other_list"]: ("Grade 4", "not in this list"),
    }


def test_guessing_fills_empty_stages_only_and_confirming_clears_the_mark(
    programme_file: ProgrammeFile, programme_id: int, applicants: dict[str, int]
) -> None:
    with programme_file.session() as s:
        assert guess_missing_stages(s, programme_id) == 1
    with programme_file.session() as s:
        person = s.get_one(Person, applicants["guessable"])
        assert (person.stage, person.stage_guessed) == ("Doctoral candidate", True)
        # A stage someone gave is never overwritten by a guess.
        assert s.get_one(Person, applicants["foreign"]).stage == "Grade 4"
        everyone = [
            row[0]
            for row in stage_problems(s, programme_id).guessed
            if row[0] != applicants["foreign"]
        ]
        assert confirm_stages(s, everyone) == 2
    with programme_file.session() as s:
        report = stage_problems(s, programme_id)
        assert [row[0] for row in report.guessed] == [applicants["foreign"]]
        assert not s.get_one(Person, applicants["guessable"]).stage_guessed
        # Confirming for the programme takes what the position suggests.
        assert confirm_stages(s, [applicants["foreign"]], programme_id=programme_id) == 1
    with programme_file.session() as s:
        assert stage_problems(s, programme_id).guessed == []
        foreign = s.get_one(Person, applicants["foreign"])
        assert (foreign.stage, foreign.stage_guessed) == (
            "Administrative or technical officer",
            False,
        )
        confirmed = s.scalars(
            select(AuditEntry).where(AuditEntry.summary == "career stage confirmed")
        ).all()
        assert len(confirmed) == 3


def test_names_no_longer_in_the_list_become_unknown_and_are_kept(
    programme_file: ProgrammeFile, programme_id: int, applicants: dict[str, int]
) -> None:
    with programme_file.session() as s:
        set_stages(s, programme_id, [Stage("Student"), Stage("Staff", level=2)])
    with programme_file.session() as s:
        report = stage_problems(s, programme_id)
        assert s.get_one(Person, applicants["named"]).stage == "Full professor"
    unknown = {row[0]: row[3] for row in report.unknown}
    assert unknown[applicants["named"]] == "Full professor (not in this list)"
    # A name no longer listed is unknown even when the position suggests a stage.
    assert unknown[applicants["stored_guess"]] == "Research scientist (not in this list)"
    assert report.guessed == []


def test_a_removed_stage_is_read_as_the_position_suggests_to_confirm(
    programme_file: ProgrammeFile,
    programme_id: int,
    add_someone: AddSomeone,
    strands: dict[str, int],
) -> None:
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
        person = add_someone(s, stage="Research scientist", position="Postdoctoral fellow")
        add_application(s, person, ApplicationInput(strands["Fellows"], Role.MENTEE))
    with programme_file.session() as s:
        assert stage_problems(s, programme_id).unknown == []
        kept = [x for x in ACADEMIC_STAGES if x.name != "Research scientist"]
        set_stages(s, programme_id, kept)
    with programme_file.session() as s:
        report = stage_problems(s, programme_id)
    assert report.unknown == []
    assert [row[3] for row in report.guessed] == ["Postdoctoral researcher"]
