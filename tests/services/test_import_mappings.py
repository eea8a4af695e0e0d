"""Naming fields, columns and values by hand, and saved mappings with their value maps."""

from __future__ import annotations

import pytest

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.services.import_mappings import (
    column_named,
    columns_for,
    field_named,
    find_mapping,
    save_mapping,
    saved_mappings,
    value_for,
)

HEADERS = ("ID", "Email", "Name", "Email (2)", "Which areas would you like support with?")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("development_needs", F.DEVELOPMENT_NEEDS),
        ("Development needs", F.DEVELOPMENT_NEEDS),
        ("  DEVELOPMENT-NEEDS ", F.DEVELOPMENT_NEEDS),
        ("role", F.ROLE),
        ("Role", F.ROLE),
        ("submitted_on", F.SUBMITTED_ON),
        ("Submission date", F.SUBMITTED_ON),
        ("ignore", F.IGNORE),
        ("Left out", F.IGNORE),
        ("other", F.OTHER),
        ("Kept as other answers", F.OTHER),
        ("consent", F.CONSENT),
        ("consent_on", F.CONSENT_ON),
        ("Consent date", F.CONSENT_ON),
        ("availability", F.AVAILABILITY),
        ("Grade", F.STAGE),
        ("career level", F.STAGE),
        ("Career stage", F.STAGE),
        ("Manager", F.LINE_MANAGER),
        ("supervisor", F.LINE_MANAGER),
        ("line manager", F.LINE_MANAGER),
    ],
)
def test_a_field_is_named_by_its_value_or_its_label(text, wanted):
    assert field_named(text) is wanted


@pytest.mark.parametrize("text", ["", "roles", "mentor", "needs", "Hunter2-Canary"])
def test_a_name_that_is_no_field_names_none(text):
    assert field_named(text) is None


def test_a_column_is_named_by_its_header_with_spaces_and_case_folded():
    assert column_named(HEADERS, "email") == 1
    assert column_named(HEADERS, "  which AREAS would you like  support with? ") == 4
    # A repeated header is named as read_table shows it.
    assert column_named(HEADERS, "Email (2)") == 3
    assert column_named(HEADERS, "email (2)") == 3
    assert column_named(HEADERS, "Which areas") is None
    assert column_named(HEADERS, "Email (3)") is None


def test_a_value_is_a_strand_of_the_programme_or_a_role():
    strands = ["Fellows", "Circles"]
    assert value_for(F.STRAND, "fellows", strands) == ("Fellows", "")
    assert value_for(F.ROLE, "Mentor", strands) == ("mentor", "")
    assert value_for(F.ROLE, "mentee", strands) == ("mentee", "")
    assert value_for(F.STRAND, "Faculty", strands) == (
        None,
        "not a strand of this programme (its strands are Circles, Fellows)",
    )
    assert value_for(F.ROLE, "sponsor", strands) == (None, "not a role (mentor or mentee)")
    assert value_for(F.STAGE, "x", strands)[0] is None


def test_a_mapping_saved_with_its_value_map_reads_the_next_export(programme_file):
    mapping = {0: F.IGNORE, 1: F.EMAIL, 2: F.FULL_NAME, 4: F.DEVELOPMENT_NEEDS}
    with programme_file.session() as session:
        save_mapping(
            session,
            "Spring form",
            HEADERS,
            mapping,
            {F.STRAND: {"Early-career researchers (postdocs)": "Fellows"}, F.STAGE: {"x": "y"}},
        )
    with programme_file.session() as session:
        saved = find_mapping(session, " spring FORM ")
        (listed,) = saved_mappings(session)
    assert listed == saved
    # Only the strand and the role keep value maps; answers are kept normalised.
    assert saved.value_map == {F.STRAND: {"early career researchers postdocs": "Fellows"}}
    assert saved.columns == {
        "ID": [F.IGNORE],
        "Email": [F.EMAIL],
        "Name": [F.FULL_NAME],
        "Email (2)": [F.OTHER],
        "Which areas would you like support with?": [F.DEVELOPMENT_NEEDS],
    }
    autumn = ("Which areas would you like  support with?", "EMAIL", "A new question", "id")
    assert columns_for(saved, autumn) == {0: F.DEVELOPMENT_NEEDS, 1: F.EMAIL, 3: F.IGNORE}
