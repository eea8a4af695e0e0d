"""Other answers and availability: kept with the application, in order, and listed for search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mentordesk.domain.enums import Role
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.applicants import (
    ApplicationInput,
    add_application,
    applicant_rows,
    application_input,
    delete_application,
    delete_person,
    get_application,
    update_application,
)
from mentordesk.services.other_answers import (
    MAX_ANSWER,
    MAX_QUESTION,
    OtherAnswer,
    merged_answers,
    other_answers_by_application,
    other_answers_of,
    set_other_answers,
)
from mentordesk.store.models import ApplicationAnswer, AuditEntry
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

HEARD = OtherAnswer("How did you hear about the programme?", "A colleague told me")
DIET = OtherAnswer("Dietary requirements for the launch", "Vegetarian")
WHY = OtherAnswer("Anything else?", "I would like to meet\nonce a month.")


@pytest.fixture
def application_id(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> int:
    """A mentee's application to Fellows, with no other answers yet."""
    with programme_file.session() as session:
        person_id = add_someone(session, first_name="Ada", last_name="Lovelace")
        return add_application(
            session, person_id, ApplicationInput(strands["Fellows"], Role.MENTEE)
        )


def answer_count(programme_file: ProgrammeFile) -> int:
    with programme_file.session() as session:
        return session.scalar(select(func.count(ApplicationAnswer.id))) or 0


def test_other_answers_are_kept_in_the_forms_order_and_read_back(
    programme_file: ProgrammeFile, application_id: int
) -> None:
    with programme_file.session() as session:
        set_other_answers(session, application_id, [HEARD, DIET, WHY])
    with programme_file.session() as session:
        assert other_answers_of(session, application_id) == [HEARD, DIET, WHY]
        # Replaced whole: fewer answers, another order.
        set_other_answers(session, application_id, [WHY, HEARD])
    with programme_file.session() as session:
        assert other_answers_of(session, application_id) == [WHY, HEARD]
        positions = session.scalars(
            select(ApplicationAnswer.position).order_by(ApplicationAnswer.position)
        ).all()
    assert positions == [1, 2]


def test_blank_answers_are_not_kept_and_text_is_cleaned(
    programme_file: ProgrammeFile, application_id: int
) -> None:
    given_answers = [
        OtherAnswer("Phone number (optional)", "   "),
        OtherAnswer("\u200bHow did you hear about the programme? ", " A colleague told me\ufeff"),
        OtherAnswer("Comments", ""),
    ]
    with programme_file.session() as session:
        set_other_answers(session, application_id, given_answers)
    with programme_file.session() as session:
        assert other_answers_of(session, application_id) == [HEARD]


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (OtherAnswer("Q" * (MAX_QUESTION + 1), "yes"), "at most 500 characters, it has 501"),
        (
            OtherAnswer("Tell us about yourself", "x" * (MAX_ANSWER + 1)),
            "The answer to “Tell us about yourself” is too long to keep: at most 20,000 "
            "characters, it has 20,001",
        ),
        (OtherAnswer("  ", "an answer without its question"), "needs the question"),
    ],
)
def test_over_long_or_unquestioned_answers_are_refused_and_nothing_changes(
    programme_file: ProgrammeFile, application_id: int, answer: OtherAnswer, words: str
) -> None:
    with programme_file.session() as session:
        set_other_answers(session, application_id, [HEARD])
    with pytest.raises(InvalidInput, match=words), programme_file.session() as session:
        set_other_answers(session, application_id, [DIET, answer])
    with programme_file.session() as session:
        assert other_answers_of(session, application_id) == [HEARD]


def test_the_longest_question_and_answer_are_kept_whole(
    programme_file: ProgrammeFile, application_id: int
) -> None:
    longest = OtherAnswer("Q" * MAX_QUESTION, "a" * MAX_ANSWER)
    with programme_file.session() as session:
        set_other_answers(session, application_id, [longest])
    with programme_file.session() as session:
        assert other_answers_of(session, application_id) == [longest]


def test_setting_answers_is_audited_without_their_words_and_only_when_they_change(
    programme_file: ProgrammeFile, application_id: int
) -> None:
    def entries() -> list[tuple[str, str, int | None, str]]:
        with programme_file.session() as session:
            return [
                (e.action, e.entity, e.entity_id, e.summary)
                for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
                if e.summary.startswith("other answers")
            ]

    with programme_file.session() as session:
        set_other_answers(session, application_id, [HEARD, DIET])
    with programme_file.session() as session:
        set_other_answers(session, application_id, [HEARD, DIET])  # no change
    assert entries() == [("edited", "application", application_id, "other answers (2)")]
    assert "colleague" not in repr(entries())


def test_an_application_no_longer_in_the_file_is_named(programme_file: ProgrammeFile) -> None:
    with pytest.raises(NotFound, match="no longer in the file"), programme_file.session() as s:
        set_other_answers(s, 999, [HEARD])


def test_answers_of_several_applications_come_in_one_lookup(
    programme_file: ProgrammeFile,
    strands: dict[str, int],
    application_id: int,
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as session:
        other = add_application(
            session, add_someone(session), ApplicationInput(strands["Circles"], Role.MENTEE)
        )
        silent = add_application(
            session, add_someone(session), ApplicationInput(strands["Circles"], Role.MENTEE)
        )
        set_other_answers(session, application_id, [HEARD, DIET])
        set_other_answers(session, other, [WHY])
    with programme_file.session() as session:
        found = other_answers_by_application(session, [application_id, other, silent, 12345])
    assert found == {application_id: [HEARD, DIET], other: [WHY]}


def test_answers_go_with_their_application_and_with_their_person(
    programme_file: ProgrammeFile, strands: dict[str, int], application_id: int
) -> None:
    with programme_file.session() as session:
        set_other_answers(session, application_id, [HEARD, DIET])
        person_id = get_application(session, application_id).person_id
        second = add_application(
            session, person_id, ApplicationInput(strands["Circles"], Role.MENTEE)
        )
        set_other_answers(session, second, [WHY])
    assert answer_count(programme_file) == 3
    with programme_file.session() as session:
        delete_application(session, application_id)
    assert answer_count(programme_file) == 1
    with programme_file.session() as session:
        delete_person(session, person_id)
    assert answer_count(programme_file) == 0


def test_the_file_refuses_two_answers_at_one_position(
    programme_file: ProgrammeFile, application_id: int
) -> None:
    with programme_file.session() as session:
        set_other_answers(session, application_id, [HEARD])
    with pytest.raises(IntegrityError), programme_file.session() as session:
        session.add(
            ApplicationAnswer(application_id=application_id, position=1, question="Q", answer="A")
        )


# --- merging a newer form's answers --------------------------------------------------------


def test_a_newer_answer_replaces_the_old_one_to_the_same_question_where_it_stood() -> None:
    old = [HEARD, DIET, WHY]
    new = [
        OtherAnswer("dietary  REQUIREMENTS for the launch", "Vegan"),
        OtherAnswer("Pronouns", "she/her"),
        OtherAnswer("Anything else?", " "),
    ]
    assert merged_answers(old, new) == [
        HEARD,
        OtherAnswer("dietary  REQUIREMENTS for the launch", "Vegan"),
        WHY,
        OtherAnswer("Pronouns", "she/her"),
    ]
    assert merged_answers([], [HEARD]) == [HEARD]
    assert merged_answers([HEARD], []) == [HEARD]


_questions = st.sampled_from(["Q1", "q1", "Q2", " Q3 ", "Other"])
_answers = st.builds(OtherAnswer, _questions, st.sampled_from(["a", "b", "c"]))


@given(st.lists(_answers, max_size=6), st.lists(_answers, max_size=6))
def test_merging_keeps_every_answer_the_new_ones_do_not_replace(
    old: list[OtherAnswer], new: list[OtherAnswer]
) -> None:
    merged = merged_answers(old, new)
    assert set(new) <= set(merged)
    assert len(merged) >= len(old)
    key = {a.question.strip().casefold() for a in new}
    untouched = [a for a in old if a.question.strip().casefold() not in key]
    assert [a for a in merged if a in untouched] == untouched


# --- availability and the Applicants listing ------------------------------------------------


def test_availability_is_kept_edited_and_listed(
    programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int], application_id: int
) -> None:
    with programme_file.session() as session:
        edited = ApplicationInput(
            strands["Fellows"], Role.MENTEE, availability="  Tuesday afternoons, online\u200b "
        )
        update_application(session, application_id, edited)
    with programme_file.session() as session:
        assert application_input(session, application_id).availability == (
            "Tuesday afternoons, online"
        )
        (row,) = applicant_rows(session, programme_id)
        assert row.availability == "Tuesday afternoons, online"
    too_long = ApplicationInput(strands["Fellows"], Role.MENTEE, availability="x" * 5001)
    with (
        pytest.raises(InvalidInput, match="Availability is too long"),
        programme_file.session() as session,
    ):
        update_application(session, application_id, too_long)


def test_the_applicants_listing_carries_each_applications_other_answers_for_the_search(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    application_id: int,
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as session:
        silent = add_application(
            session,
            add_someone(session, last_name="Zed"),
            ApplicationInput(strands["Circles"], Role.MENTEE),
        )
        set_other_answers(session, application_id, [HEARD, WHY])
    with programme_file.session() as session:
        texts = {
            r.application_id: r.other_answers_text for r in applicant_rows(session, programme_id)
        }
    assert texts == {
        application_id: "How did you hear about the programme?: A colleague told me\n"
        "Anything else?: I would like to meet\nonce a month.",
        silent: "",
    }
