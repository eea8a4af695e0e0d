"""The programme's vocabulary: labels read well and always lead back to their member."""

from __future__ import annotations

import enum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentordesk.domain import enums
from mentordesk.domain.enums import TRAINING_KINDS, ApplicantField, EventKind, StrandFormat

ENUMS: list[type[enum.StrEnum]] = [
    value
    for value in vars(enums).values()
    if isinstance(value, type)
    and issubclass(value, enums._Labelled)
    and value is not enums._Labelled
]
MEMBERS = [member for cls in ENUMS for member in cls]


def test_every_enumeration_is_covered() -> None:
    names = {cls.__name__ for cls in ENUMS}
    assert {
        "StrandFormat",
        "Role",
        "ApplicationStatus",
        "ContractType",
        "PairingStatus",
        "CheckInOutcome",
        "EventKind",
        "AttendanceStatus",
        "SurveyKind",
    } <= names


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_label_leads_back_to_its_member(member: enums._Labelled) -> None:
    cls = type(member)
    assert cls.from_label(member.label) is member
    assert cls.from_label(member.value) is member
    assert member.label.strip() == member.label
    assert "_" not in member.label
    assert member.label[0].isupper()


@given(
    member=st.sampled_from(MEMBERS),
    case=st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
    before=st.sampled_from(["", " ", "  \t"]),
    after=st.sampled_from(["", " ", "\n"]),
)
def test_from_label_ignores_case_and_surrounding_spaces(
    member: enums._Labelled, case: object, before: str, after: str
) -> None:
    text = before + case(member.label) + after  # type: ignore[operator]
    assert type(member).from_label(text) is member


@pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)
def test_labels_of_an_enumeration_are_distinct(cls: type[enums._Labelled]) -> None:
    labels = [m.label.lower() for m in cls]
    assert len(set(labels)) == len(labels)


_VALUES = {s.value for s in enums.ApplicationStatus}


@given(st.text(max_size=30))
def test_from_label_finds_a_member_or_says_what_the_choices_are(text: str) -> None:
    wanted = text.strip().lower().replace(" ", "_").replace("-", "_")
    if wanted in _VALUES:
        assert enums.ApplicationStatus.from_label(text).value == wanted
    else:
        with pytest.raises(ValueError, match="Received, Shortlisted, Accepted"):
            enums.ApplicationStatus.from_label(text)


def test_one_to_one_reads_with_a_hyphen() -> None:
    assert StrandFormat.ONE_TO_ONE.label == "One-to-one"
    assert StrandFormat.from_label("one-to-one") is StrandFormat.ONE_TO_ONE
    assert StrandFormat.GROUP.label == "Group"


def test_a_two_word_value_reads_as_words() -> None:
    assert enums.ContractType.FIXED_TERM.label == "Fixed term"
    assert enums.ContractType.from_label("Fixed-Term") is enums.ContractType.FIXED_TERM


def test_career_stages_are_no_fixed_enumeration_any_more() -> None:
    # Each programme lists its own stages (domain/stages.py); the old fixed scale is gone.
    assert not hasattr(enums, "Grade")


def test_a_mapping_saved_with_the_old_grade_field_reads_it_as_the_career_stage() -> None:
    assert ApplicantField("grade") is ApplicantField.STAGE
    assert ApplicantField.STAGE.label == "Career stage"
    assert ApplicantField.LINE_MANAGER.label == "Line manager"
    with pytest.raises(ValueError, match="rank"):
        ApplicantField("rank")


def test_only_orientation_mentor_training_and_workshops_are_training() -> None:
    assert {kind for kind in EventKind if kind.is_training} == {
        EventKind.ORIENTATION,
        EventKind.MENTOR_TRAINING,
        EventKind.WORKSHOP,
    }
    assert {kind for kind in EventKind if kind.is_training} == TRAINING_KINDS


def test_members_are_stored_as_their_values() -> None:
    for member in MEMBERS:
        assert isinstance(member, str)
        assert str(member) == member.value
        assert member.value == member.value.lower()
