"""Programme templates: what each sets up when a programme is created from it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import EventKind, FieldPreference, Role, StrandFormat
from mentordesk.domain.errors import InvalidInput
from mentordesk.domain.stages import (
    ACADEMIC_STAGES,
    COMMITTEE_STAGES,
    STAFF_SCHEME_STAGES,
    Stage,
    parse_stages,
)
from mentordesk.services.programme_templates import TEMPLATES, find_template
from mentordesk.services.programmes import (
    create_programme,
    get_programme,
    list_programmes,
    programme_settings,
)
from mentordesk.store.models import TrainingRequirement
from mentordesk.store.programme_file import ProgrammeFile


def _training(programme_file: ProgrammeFile, programme_id: int) -> set[tuple[EventKind, Role]]:
    with programme_file.session() as s:
        rules = s.scalars(
            select(TrainingRequirement).where(TrainingRequirement.programme_id == programme_id)
        )
        return {(r.kind, r.role) for r in rules}


def test_each_template_has_a_label_and_one_sentence_for_the_coordinator() -> None:
    assert list(TEMPLATES) == ["blank", "three-strands", "staff-scheme", "committee"]
    for template in TEMPLATES.values():
        assert template.label
        assert template.description.endswith(".")
        assert template.description.count(". ") == 0


def test_a_blank_programme_has_no_strands_no_stages_and_no_training_rules(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as s:
        pid = create_programme(s, TEMPLATES["blank"].input("Pilot"))
        settings = programme_settings(s, pid)
        assert get_programme(s, pid).template == "blank"
    assert (settings.strands, settings.stages) == ([], ())
    assert (settings.duration_months, settings.max_grade_gap) == (None, None)
    assert _training(programme_file, pid) == set()


def test_three_strands_is_advance_like(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as s:
        pid = create_programme(s, TEMPLATES["three-strands"].input("ADVANCE 2027"))
        settings = programme_settings(s, pid)

    assert {(x.name, x.format) for x in settings.strands} == {
        ("Faculty", StrandFormat.ONE_TO_ONE),
        ("Fellows", StrandFormat.ONE_TO_ONE),
        ("Circles", StrandFormat.GROUP),
    }
    assert settings.stages == ACADEMIC_STAGES
    assert (settings.duration_months, settings.max_grade_gap) == (11, 2)
    assert settings.within_track is False
    assert _training(programme_file, pid) == {
        (EventKind.ORIENTATION, Role.MENTOR),
        (EventKind.ORIENTATION, Role.MENTEE),
    }


def test_staff_scheme_is_one_step_beyond_like(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as s:
        pid = create_programme(s, TEMPLATES["staff-scheme"].input("One Step Beyond"))
        settings = programme_settings(s, pid)

    assert [(x.format) for x in settings.strands] == [StrandFormat.ONE_TO_ONE]
    assert settings.stages == STAFF_SCHEME_STAGES
    assert (settings.max_mentees_per_mentor, settings.max_grade_gap) == (4, 2)
    assert (settings.within_track, settings.duration_months) == (True, 12)
    assert _training(programme_file, pid) == {(EventKind.MENTOR_TRAINING, Role.MENTOR)}


def test_the_uk_staff_scheme_is_on_london_time_unless_another_zone_is_chosen(
    programme_file: ProgrammeFile,
) -> None:
    chosen = TEMPLATES["staff-scheme"].input("One Step Beyond Dublin")
    chosen.timezone = "Europe/Dublin"
    with programme_file.session() as s:
        london = create_programme(s, TEMPLATES["staff-scheme"].input("One Step Beyond"))
        dublin = create_programme(s, chosen)
        zones = {p: get_programme(s, p).timezone for p in (london, dublin)}
    assert zones == {london: "Europe/London", dublin: "Europe/Dublin"}
    others = {key: t.input("X").timezone for key, t in TEMPLATES.items() if key != "staff-scheme"}
    assert set(others.values()) == {"Europe/Luxembourg"}


def test_committee_pairs_the_same_field_for_six_months(programme_file: ProgrammeFile) -> None:
    with programme_file.session() as s:
        pid = create_programme(s, TEMPLATES["committee"].input("WIT 2027"))
        settings = programme_settings(s, pid)

    assert len(settings.strands) == 1
    assert settings.field_preference is FieldPreference.SAME
    assert (settings.duration_months, settings.stages) == (6, COMMITTEE_STAGES)
    assert _training(programme_file, pid) == {
        (EventKind.ORIENTATION, Role.MENTOR),
        (EventKind.ORIENTATION, Role.MENTEE),
    }


def test_stages_and_rules_given_win_over_the_template(programme_file: ProgrammeFile) -> None:
    data = TEMPLATES["staff-scheme"].input("Phase 2")
    data.stages = parse_stages("Technical: Grade 5=5, Grade 6=6, Grade 7=7")
    data.within_track = False
    data.field_preference = FieldPreference.DIFFERENT
    with programme_file.session() as s:
        settings = programme_settings(s, create_programme(s, data))

    assert [x.name for x in settings.stages or ()] == ["Grade 5", "Grade 6", "Grade 7"]
    assert {x.track for x in settings.stages or ()} == {"Technical"}
    assert settings.within_track is False
    assert settings.field_preference is FieldPreference.DIFFERENT


def test_an_unknown_template_or_a_stage_named_twice_is_refused_and_nothing_is_written(
    programme_file: ProgrammeFile,
) -> None:
    with pytest.raises(InvalidInput, match="no template called"):
        find_template("advance")
    data = TEMPLATES["blank"].input("Pilot")
    data.stages = (Stage("Lecturer"), Stage("lecturer", level=2))
    with pytest.raises(InvalidInput, match="listed twice"), programme_file.session() as s:
        create_programme(s, data)
    with programme_file.session() as s:
        assert list_programmes(s) == []


def test_templates_that_want_a_grade_gap_set_it_and_the_committee_one_mentee_per_mentor() -> None:
    assert TEMPLATES["three-strands"].input("A").max_grade_gap == 2
    assert TEMPLATES["staff-scheme"].input("B").max_grade_gap == 2
    committee = TEMPLATES["committee"].input("C")
    assert (committee.max_mentees_per_mentor, committee.max_grade_gap) == (1, None)
    assert "one mentee per mentor" in TEMPLATES["committee"].description
