"""Organisations as typed, grouped by spelling and by the coordinator's merges, in a real file."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.audit import audit_rows
from mentordesk.services.organisations import (
    merge_organisations,
    merged_names,
    organisation_variants,
    unmerge_organisation,
)
from mentordesk.services.programmes import strand_choices
from mentordesk.store.models import OrganisationName

LIST_FULL = "Luxembourg Institute of Science and Technology"
_NUMBERS = itertools.count(1)


def _add_people(session, organisations, strand_id=None):
    """One person per organisation typed, applying to ``strand_id`` if given."""
    for organisation in organisations:
        number = next(_NUMBERS)
        person_id = add_person(
            session,
            PersonInput(
                "Test", f"Person {number}", f"p{number}@example.org", organisation=organisation
            ),
        )
        if strand_id is not None:
            add_application(
                session,
                person_id,
                ApplicationInput(strand_id, Role.MENTEE, ApplicationStatus.RECEIVED),
            )


@pytest.fixture
def strand_id(programme_file, programme_id):
    """The Fellows strand of the Pilot programme."""
    with programme_file.session() as s:
        return {c.name: c.id for c in strand_choices(s, programme_id)}["Fellows"]


@pytest.fixture
def spelled(programme_file, programme_id, strand_id):
    """Applicants to the Pilot writing LIST five ways and Luxembourg's university three.

    Two more people, not applicants, type "LIST" and "Université du Luxembourg".
    """
    with programme_file.session() as s:
        _add_people(
            s,
            [
                f"{LIST_FULL} (LIST)",
                f"{LIST_FULL} (LIST)",
                "luxembourg institute of science & technology",
                LIST_FULL,
                LIST_FULL,
                LIST_FULL,
                "University of Luxembourg",
                "University of Luxembourg",
                "Univ. of Luxembourg",
                "Luxembourg University",
                "CERN",
                "",
            ],
            strand_id,
        )
        _add_people(s, ["LIST", "Université du Luxembourg"])
    return programme_id


def _names(programme_file):
    with programme_file.session() as s:
        return merged_names(s)


def test_spellings_alike_count_as_the_most_common_one(programme_file, spelled):
    name = _names(programme_file)
    assert name("luxembourg institute of science & technology") == LIST_FULL
    assert name(f"{LIST_FULL} (LIST)") == LIST_FULL
    assert name(" univ  of Luxembourg ") == "University of Luxembourg"
    assert name("Luxembourg University") == "University of Luxembourg"


def test_a_bare_abbreviation_joins_the_name_someone_wrote_it_with(programme_file, spelled):
    name = _names(programme_file)
    assert name("LIST") == LIST_FULL
    assert name("l.i.s.t.") == LIST_FULL
    assert name("CERN") == "CERN"  # nobody wrote CERN's full name


def test_an_abbreviation_two_organisations_share_stays_as_typed(programme_file):
    with programme_file.session() as s:
        _add_people(s, ["Lux Institute of Health (LIH)", "Lisbon Institute of Hydrology (LIH)"])
    name = _names(programme_file)
    assert name("LIH") == "LIH"


def test_a_bare_abbreviation_joins_the_one_name_it_is_the_initials_of(programme_file):
    with programme_file.session() as s:
        _add_people(s, ["Luxembourg Institute of Health", "LIH"])
    assert _names(programme_file)("LIH") == "Luxembourg Institute of Health"
    with programme_file.session() as s:
        _add_people(s, ["Lisbon Institute of Hydrology"])
    assert _names(programme_file)("LIH") == "LIH"  # two names have those initials
    with programme_file.session() as s:
        _add_people(s, ["Luxembourg Institute of Health (LIH)"])
    assert _names(programme_file)("lih") == "Luxembourg Institute of Health"  # written with it


def test_unknown_or_empty_text_stays_as_typed(programme_file, spelled):
    name = _names(programme_file)
    assert name("  Some   Other Lab ") == "Some Other Lab"
    assert name("") == name("   ") == ""


def test_another_language_stays_apart_until_merged(programme_file, spelled):
    assert _names(programme_file)("Université du Luxembourg") == "Université du Luxembourg"
    with programme_file.session() as s:
        assert merge_organisations(s, ["Université du Luxembourg"], "University of Luxembourg") == 1
    name = _names(programme_file)
    assert name("Université du Luxembourg") == "University of Luxembourg"
    assert name("UNIVERSITE DU LUXEMBOURG") == "University of Luxembourg"


def test_a_merge_names_the_whole_group_as_the_coordinator_writes_it(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, ["LIST"], "LIST – Luxembourg Institute of Science and Technology")
    name = _names(programme_file)
    merged = "LIST – Luxembourg Institute of Science and Technology"
    for typed in (
        "LIST",
        LIST_FULL,
        f"{LIST_FULL} (LIST)",
        "luxembourg institute of science & technology",
    ):
        assert name(typed) == merged


def test_the_list_of_a_programme_shows_groups_with_their_spellings(programme_file, spelled):
    with programme_file.session() as s:
        groups = organisation_variants(s, spelled)
    assert [(g.name, g.people) for g in groups] == [
        (LIST_FULL, 6),
        ("University of Luxembourg", 4),
        ("CERN", 1),
    ]
    assert [(v.text, v.people, v.merged) for v in groups[0].variants] == [
        (LIST_FULL, 3, False),
        (f"{LIST_FULL} (LIST)", 2, False),
        ("luxembourg institute of science & technology", 1, False),
    ]


def test_the_list_of_the_file_includes_everyone_and_merged_spellings(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, ["Université du Luxembourg", "Uni Lux"], "University of Luxembourg")
        groups = {g.name: g for g in organisation_variants(s, None)}
    university = groups["University of Luxembourg"]
    assert university.people == 5
    assert {(v.text, v.people, v.merged) for v in university.variants} == {
        ("University of Luxembourg", 2, False),
        ("Univ. of Luxembourg", 1, False),
        ("Luxembourg University", 1, False),
        ("Université du Luxembourg", 1, True),
        ("Uni Lux", 0, True),
    }
    assert university.merged
    assert groups[LIST_FULL].people == 7  # the bare "LIST" of a non-applicant too


def test_merging_into_a_spelling_merged_elsewhere_follows_on(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, ["Univ. Lux"], "Uni.lu")
        merge_organisations(s, ["Uni.lu", "Université du Luxembourg"], "University of Luxembourg")
        rows = {v: n for v, n in s.execute(select(OrganisationName.variant, OrganisationName.name))}
    assert rows == {
        "Univ. Lux": "University of Luxembourg",
        "Uni.lu": "University of Luxembourg",
        "Université du Luxembourg": "University of Luxembourg",
    }
    # The other way round: the name merged before stands on its own again.
    with programme_file.session() as s:
        merge_organisations(s, ["University of Luxembourg"], "Uni.lu")
        rows = {v: n for v, n in s.execute(select(OrganisationName.variant, OrganisationName.name))}
    assert set(rows.values()) == {"Uni.lu"}
    assert "Uni.lu" not in rows


def test_merging_again_changes_the_name_and_case_alike_is_one_spelling(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, ["CERN"], "European Organization for Nuclear Research")
        merge_organisations(
            s, ["cern", "CERN"], "CERN – European Organization for Nuclear Research"
        )
        rows = s.execute(select(OrganisationName.variant, OrganisationName.name)).all()
    assert [tuple(r) for r in rows] == [
        ("CERN", "CERN – European Organization for Nuclear Research")
    ]


def test_undoing_a_merge_counts_the_spelling_as_itself_again(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, ["Université du Luxembourg"], "University of Luxembourg")
    with programme_file.session() as s:
        assert unmerge_organisation(s, "université du luxembourg") == "University of Luxembourg"
    assert _names(programme_file)("Université du Luxembourg") == "Université du Luxembourg"
    with programme_file.session() as s, pytest.raises(InvalidInput, match="not merged"):
        unmerge_organisation(s, "Université du Luxembourg")


@pytest.mark.parametrize(
    ("variants", "name", "message"),
    [
        (["CERN"], "  ", "name to merge into is required"),
        ([], "CERN", "at least one other spelling"),
        (["cern", " "], "CERN", "at least one other spelling"),
        (["CERN"], "x" * 201, "too long"),
    ],
)
def test_a_merge_without_a_name_or_spellings_is_refused_and_nothing_is_written(
    programme_file, spelled, variants, name, message
):
    with programme_file.session() as s, pytest.raises(InvalidInput, match=message):
        merge_organisations(s, variants, name)
    with programme_file.session() as s:
        assert s.scalars(select(OrganisationName)).all() == []


def test_merges_and_undos_are_in_the_audit_trail(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, ["Université du Luxembourg"], "University of Luxembourg")
    with programme_file.session() as s:
        unmerge_organisation(s, "Université du Luxembourg")
    with programme_file.session() as s:
        entries = [(r.action, r.summary) for r in audit_rows(s, entity="organisation")]
    assert entries == [
        ("merge undone", "Université du Luxembourg no longer counted as University of Luxembourg"),
        ("merged", "1 spelling counted as University of Luxembourg: Université du Luxembourg"),
    ]


def test_a_full_name_names_the_group_even_when_the_abbreviation_is_more_common(programme_file):
    with programme_file.session() as s:
        _add_people(s, ["LIST", "LIST", "List", f"{LIST_FULL} (LIST)"])
    assert _names(programme_file)("LIST") == f"{LIST_FULL} (LIST)"


def test_the_spelling_merged_into_names_the_spellings_written_like_it(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, ["Uni.lu"], "Luxembourg University")
    name = _names(programme_file)
    assert name("University of Luxembourg") == "Luxembourg University"
    assert name("Uni.lu") == "Luxembourg University"


def test_the_name_merged_into_is_not_shown_as_merged(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, [LIST_FULL], "LIST")
        groups = organisation_variants(s, None)
    listed = {v.text: v.merged for v in groups[0].variants}
    assert groups[0].name == "LIST"
    assert listed["LIST"] is False
    assert listed[LIST_FULL] is True
    assert listed["luxembourg institute of science & technology"] is True


def test_undoing_through_a_spelling_written_alike_undoes_its_merge(programme_file, spelled):
    with programme_file.session() as s:
        merge_organisations(s, [LIST_FULL, f"{LIST_FULL} (LIST)"], "LIST")
    with programme_file.session() as s:
        assert unmerge_organisation(s, "luxembourg institute of science & technology") == "LIST"
        assert s.scalars(select(OrganisationName)).all() == []
    with programme_file.session() as s:
        merge_organisations(s, [LIST_FULL], "LIST")
    # The name merged into is not itself merged.
    with programme_file.session() as s, pytest.raises(InvalidInput, match="not merged"):
        unmerge_organisation(s, "LIST")
