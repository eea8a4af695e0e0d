"""Matching on a programme's own career stages: One Step Beyond's staff grades and tracks."""

from __future__ import annotations

import pytest

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import STAFF_SCHEME_STAGES
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.career_stages import set_stages
from mentordesk.services.matching import (
    STAGE_UNKNOWN,
    Candidate,
    Pool,
    allowed,
    check_pairing,
    load_candidates,
    match_optimal,
    score,
)
from mentordesk.store.models import OrganisationName, Person, Programme, Strand
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


@pytest.fixture
def staff_scheme(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> dict[str, int]:
    """Pilot 2026 on UK grades, pairs within a track, grade gap 2: technical staff to match.

    Tess (Lab technician, grade 4) reports to Lin (grade 6). Mentors: Sam
    (Senior Technician, grade 5), Lin, Hal (Head of Finance, grade 9: too far
    above), Lee (Lecturer in Ecology, grade 7: the academic track). Nia (grade 5,
    Senior administrator) and Gus (a gardener: no known stage) are mentees too.
    """
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        set_stages(s, programme_id, STAFF_SCHEME_STAGES)
        programme = s.get_one(Programme, programme_id)
        programme.within_track = True
        programme.max_grade_gap = 2
        people = {
            "lin": add_someone(
                s, first_name="Lin", stage="Grade 6", organisation="University of Luxembourg"
            ),
            "sam": add_someone(
                s, first_name="Sam", position="Senior Technician", organisation="Uni.lu"
            ),
            "hal": add_someone(s, first_name="Hal", position="Head of Finance"),
            "lee": add_someone(s, first_name="Lee", position="Lecturer in Ecology"),
            "tess": add_someone(
                s, first_name="Tess", position="Lab technician", organisation="Univ. Luxembourg"
            ),
            "nia": add_someone(s, first_name="Nia", position="Research administrator"),
            "gus": add_someone(s, first_name="Gus", position="Gardener"),
        }
        for key in ("lin", "sam", "hal", "lee"):
            add_application(
                s, people[key], ApplicationInput(fellows, Role.MENTOR, ApplicationStatus.ACCEPTED)
            )
        for key in ("tess", "nia", "gus"):
            add_application(
                s, people[key], ApplicationInput(fellows, Role.MENTEE, ApplicationStatus.ACCEPTED)
            )
        s.get_one(Person, people["tess"]).line_manager_id = people["lin"]
        # The coordinator counts Uni.lu as the University of Luxembourg.
        s.add(OrganisationName(variant="Uni.lu", name="University of Luxembourg"))
    return people


def test_stages_are_read_from_names_and_positions_on_the_programmes_ladder(
    programme_file: ProgrammeFile, programme_id: int, staff_scheme: dict[str, int]
) -> None:
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
    seen = {c.name.split()[0]: (c.stage, c.track, c.level) for c in (*pool.mentors, *pool.mentees)}
    services = "Technical and professional services"
    assert seen == {
        "Lin": ("Grade 6", services, 6),
        "Sam": ("Grade 5", services, 5),
        "Hal": ("Grade 9", services, 9),
        "Lee": ("Lecturer (grade 7)", "Academic and research", 7),
        "Tess": ("Grade 4", services, 4),
        "Nia": ("Grade 5", services, 5),
        "Gus": ("", "", None),
    }
    assert pool.rules.within_track
    assert pool.rules.max_grade_gap == 2


def test_technical_staff_find_mentors_within_two_grades_on_their_track(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    staff_scheme: dict[str, int],
) -> None:
    people = staff_scheme
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
        result = match_optimal(pool)
        tess_with_lee = check_pairing(
            s, programme_id, strands["Fellows"], people["lee"], [people["tess"]]
        )
    names = {c.id: c.name.split()[0] for c in (*pool.mentors, *pool.mentees)}
    pairs = {(names[p.mentee.id], names[p.mentor.id]) for p in result.proposals}
    # Tess: Lin is her line manager, Hal five grades up, Lee on the academic track; Sam fits.
    # Nia (grade 5): Lin is one grade up; Sam is not senior to her.
    assert ("Tess", "Sam") in pairs
    assert ("Nia", "Lin") in pairs
    tess = next(c for c in pool.mentees if c.id == people["tess"])
    refusals = {names[m.id]: why for m in pool.mentors if (why := _why(tess, m, pool)) is not None}
    assert refusals == {
        "Lin": "in the mentee's reporting line",
        "Hal": "5 levels above the mentee (at most 2)",
        "Lee": "on another career track (Academic and research)",
    }
    nia = next(c for c in pool.mentees if c.id == people["nia"])
    assert _why(nia, next(m for m in pool.mentors if m.id == people["sam"]), pool) == (
        "not senior to the mentee"
    )
    assert tess_with_lee.broken == (
        "Lee Person4 for Tess Person5: on another career track (Academic and research)",
    )


def test_no_mentor_is_refused_as_not_senior_to_every_technical_mentee(
    programme_file: ProgrammeFile, programme_id: int, staff_scheme: dict[str, int]
) -> None:
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
    for mentee in pool.mentees:
        if mentee.level is None:
            continue
        reasons = [_why(mentee, m, pool) for m in pool.mentors]
        assert reasons.count("not senior to the mentee") < len(pool.mentors)
        assert None in reasons


def test_someone_without_a_known_stage_is_matched_unchecked_and_named(
    programme_file: ProgrammeFile, programme_id: int, staff_scheme: dict[str, int]
) -> None:
    people = staff_scheme
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
        result = match_optimal(pool)
    gus = next(p for p in result.proposals if p.mentee.id == people["gus"])
    assert STAGE_UNKNOWN in gus.score.reasons
    assert [c.id for c in result.stage_unknown] == [people["gus"]]
    assert result.stage_note.startswith("Gus Person")
    assert result.stage_note.endswith(
        "has no known career stage: seniority and the grade gap were not checked for them"
    )


def test_merged_organisation_names_are_one_institution(
    programme_file: ProgrammeFile, programme_id: int, staff_scheme: dict[str, int]
) -> None:
    people = staff_scheme
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
    by_id = {c.id: c for c in (*pool.mentors, *pool.mentees)}
    tess, sam, lin = by_id[people["tess"]], by_id[people["sam"]], by_id[people["lin"]]
    # Univ. Luxembourg (a spelling) and Uni.lu (merged by the coordinator) are Lin's university.
    assert tess.organisation == sam.organisation == lin.organisation == "University of Luxembourg"
    reasons = score(tess, sam, pool.rules).explanation
    assert "cross-institution" not in reasons


def test_a_retired_strand_is_not_matched_unless_named(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    staff_scheme: dict[str, int],
) -> None:
    with programme_file.session() as s:
        s.get_one(Strand, strands["Fellows"]).retired = True
    with programme_file.session() as s:
        assert load_candidates(s, programme_id).mentees == ()
        assert len(load_candidates(s, programme_id, strands["Fellows"]).mentees) == 3


def _why(mentee: Candidate, mentor: Candidate, pool: Pool) -> str | None:
    return allowed(mentee, mentor, pool.rules)


def test_an_unset_grade_gap_is_no_limit_but_a_mentor_must_still_be_above(
    programme_file: ProgrammeFile, programme_id: int, staff_scheme: dict[str, int]
) -> None:
    with programme_file.session() as s:
        s.get_one(Programme, programme_id).max_grade_gap = None
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
    assert pool.rules.max_grade_gap is None
    by_name = {c.name.split()[0]: c for c in (*pool.mentors, *pool.mentees)}
    # Hal (grade 9) is five grades above Tess (grade 4): refused under a gap of 2, not now.
    assert allowed(by_name["Tess"], by_name["Hal"], pool.rules) is None
    # Sam (grade 5) is not above Nia (grade 5), limit or none.
    assert allowed(by_name["Nia"], by_name["Sam"], pool.rules) == "not senior to the mentee"
    with programme_file.session() as s:
        s.get_one(Programme, programme_id).max_grade_gap = 2
    with programme_file.session() as s:
        pool = load_candidates(s, programme_id)
    assert allowed(by_name["Tess"], by_name["Hal"], pool.rules) == (
        "5 levels above the mentee (at most 2)"
    )
