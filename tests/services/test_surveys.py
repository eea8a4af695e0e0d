"""Surveys: templates, items, typed-in responses, form exports, and the pre/post figures."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicationStatus,
    Role,
    SurveyItemType,
    SurveyKind,
)
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.formats.reading import read_table
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.demo import DEMO_PROGRAMME
from mentordesk.services.programmes import find_programme
from mentordesk.services.survey_answers import read_answer
from mentordesk.services.survey_import import (
    RESPONDENT_EMAIL,
    SUBMITTED_ON,
    LineStatus,
    apply_response_import,
    preview_response_import,
)
from mentordesk.services.survey_results import feedback_summary, item_changes
from mentordesk.services.survey_templates import (
    COMPETENCY_AREAS,
    OVERALL_RATING,
    TEMPLATES,
    WOULD_RECOMMEND,
    get_template,
)
from mentordesk.services.surveys import (
    ItemInput,
    SurveyInput,
    add_item,
    add_survey_from_template,
    create_survey,
    delete_item,
    delete_response,
    delete_survey,
    item_code,
    item_rows,
    move_item,
    record_response,
    respondent_choices,
    response_rows,
    survey_input,
    survey_rows,
    update_item,
    update_survey,
)
from mentordesk.store.models import SurveyAnswer, SurveyResponse
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.workbooks import plain_workbook

from .conftest import AddSomeone, TableCounts

DAY = dt.date(2026, 3, 2)

# Templates ----------------------------------------------------------------------------------


def test_the_templates_cover_the_kinds_the_programmes_need() -> None:
    assert list(TEMPLATES) == [
        "mentee_pre",
        "mentee_post",
        "programme_feedback",
        "pulse_30",
        "pulse_60",
        "pulse_90",
        "mentor_self_assessment",
    ]
    for template in TEMPLATES.values():
        codes = [item.code for item in template.items]
        assert len(codes) == len(set(codes)), template.key
        assert template.description
    pulses = [t for t in TEMPLATES.values() if t.kind is SurveyKind.PULSE]
    assert [t.day for t in pulses] == [30, 60, 90]
    assert all(3 <= len(t.items) <= 4 for t in pulses)


def test_mentee_pre_and_post_share_every_rating_code() -> None:
    def ratings(key: str) -> list[tuple[str, str]]:
        return [
            (i.code, i.text) for i in TEMPLATES[key].items if i.answer_type is SurveyItemType.LIKERT
        ]

    assert TEMPLATES["mentee_pre"].kind is SurveyKind.PRE
    assert TEMPLATES["mentee_post"].kind is SurveyKind.POST
    assert ratings("mentee_pre") == ratings("mentee_post")
    codes = {code for code, _ in ratings("mentee_pre")}
    assert {"goals_clarity", "networking", "grant_writing", "work_life_balance"} <= codes


def test_the_feedback_form_asks_the_rating_and_recommendation_reports_read() -> None:
    items = {i.code: i for i in TEMPLATES["programme_feedback"].items}
    assert items[OVERALL_RATING].text == "Overall, how would you rate the programme?"
    assert items[OVERALL_RATING].answer_type is SurveyItemType.LIKERT
    assert items[WOULD_RECOMMEND].answer_type is SurveyItemType.YES_NO
    assert {"what_worked", "what_to_change"} <= set(items)
    assert items["what_worked"].answer_type is SurveyItemType.TEXT


def test_the_mentor_self_assessment_covers_the_six_competency_areas() -> None:
    assert COMPETENCY_AREAS == (
        "Communication",
        "Aligning expectations",
        "Assessing understanding",
        "Equity and inclusion",
        "Fostering independence",
        "Professional development",
    )
    template = TEMPLATES["mentor_self_assessment"]
    assert template.role is Role.MENTOR
    rated = [i for i in template.items if i.answer_type is SurveyItemType.LIKERT]
    by_area = {area: [i for i in rated if i.area == area] for area in COMPETENCY_AREAS}
    assert all(len(items) >= 3 for items in by_area.values())
    assert {i.area for i in rated} == set(COMPETENCY_AREAS)


def test_an_unknown_template_lists_the_real_ones() -> None:
    with pytest.raises(NotFound, match="mentee_pre, mentee_post"):
        get_template("mentee pre")


def test_every_template_adds_to_a_programme_with_its_items(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        for key in TEMPLATES:
            add_survey_from_template(s, programme_id, key)
        with pytest.raises(Conflict, match="already has a survey called “Programme feedback”"):
            add_survey_from_template(s, programme_id, "programme_feedback")
    with programme_file.session() as s:
        rows = {r.title: r for r in survey_rows(s, programme_id)}
        pulse = rows["Pulse check: day 60"]
        mentor = rows["Mentor self-assessment"]
        mentor_items = item_rows(s, mentor.survey_id)
    assert len(rows) == len(TEMPLATES)
    assert pulse.day == 60
    assert pulse.kind_label == "Pulse check (day 60)"
    assert (mentor.who, mentor.items, mentor.responses) == ("Mentors", 19, 0)
    assert [i.position for i in mentor_items] == list(range(1, 20))
    assert mentor_items[0].area == "Communication"


# Surveys and items -------------------------------------------------------------------------


def _survey(s: Session, programme_id: int, title: str = "Check", **kw: object) -> int:
    values: dict[str, object] = {"kind": SurveyKind.FEEDBACK, **kw}
    return create_survey(s, programme_id, SurveyInput(title, **values))  # type: ignore[arg-type]


def test_a_survey_needs_a_title_unique_in_its_programme(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        _survey(s, programme_id, "Closing feedback")
        with pytest.raises(InvalidInput, match="Title is required"):
            _survey(s, programme_id, "   ")
        with pytest.raises(Conflict, match="already has a survey called “closing FEEDBACK”"):
            _survey(s, programme_id, "closing FEEDBACK")
        with pytest.raises(InvalidInput, match="at most 730"):
            _survey(s, programme_id, "Pulse", kind=SurveyKind.PULSE, day=1000)
        with pytest.raises(InvalidInput, match="1 or more"):
            _survey(s, programme_id, "Pulse", kind=SurveyKind.PULSE, day=0)
        # A day only means something for a pulse check.
        other = _survey(s, programme_id, "Baseline", kind=SurveyKind.PRE, day=30)
        assert survey_input(s, other).day is None


def test_renaming_or_changing_the_kind_carries_the_responses_along(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as s:
        survey = _survey(s, programme_id, "Start", kind=SurveyKind.SELF_ASSESSMENT)
        add_item(s, survey, ItemInput("Confidence"))
        record_response(s, survey, add_someone(s), {"confidence": 3}, DAY)
        update_survey(s, survey, SurveyInput("Start of programme", SurveyKind.PRE, Role.MENTEE))
    with programme_file.session() as s:
        row = survey_rows(s, programme_id)[0]
        kinds = s.scalars(select(SurveyResponse.kind)).all()
    assert (row.title, row.kind, row.who) == ("Start of programme", SurveyKind.PRE, "Mentees")
    assert kinds == [SurveyKind.PRE]


def test_item_codes_come_from_the_words_and_never_repeat(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    assert item_code("How clear are your goals?") == "how_clear_are_your_goals"
    assert item_code("Équilibre vie pro / vie privée") == "equilibre_vie_pro_vie_privee"
    assert len(item_code("word " * 30)) <= 40
    assert item_code("?!") == "item"
    with programme_file.session() as s:
        survey = _survey(s, programme_id)
        add_item(s, survey, ItemInput("How useful was it?"))
        add_item(s, survey, ItemInput("How useful was it!"))
        add_item(s, survey, ItemInput("Overall", code="Overall Rating"))
        with pytest.raises(Conflict, match="already has an item with the code “overall_rating”"):
            add_item(s, survey, ItemInput("Rate us", code="overall_rating"))
        with pytest.raises(InvalidInput, match="The question is required"):
            add_item(s, survey, ItemInput("  "))
        codes = [i.code for i in item_rows(s, survey)]
    assert codes == ["how_useful_was_it", "how_useful_was_it_2", "overall_rating"]


def test_an_item_keeps_its_type_once_answered(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as s:
        survey = _survey(s, programme_id)
        rated = add_item(s, survey, ItemInput("Useful?"))
        unanswered = add_item(s, survey, ItemInput("Comments", SurveyItemType.LIKERT))
        record_response(s, survey, add_someone(s), {"useful": 4}, DAY)
        with pytest.raises(InvalidInput, match="already has 1 answer, so it stays “Rating 1–5”"):
            update_item(s, rated, ItemInput("Useful?", SurveyItemType.YES_NO))
        # The words and the area may change; the code stays when the words do not.
        update_item(s, rated, ItemInput("Useful?", SurveyItemType.LIKERT, area="Overall"))
        update_item(s, unanswered, ItemInput("Comments", SurveyItemType.TEXT))
        rows = item_rows(s, survey)
    assert [(r.code, r.answer_type, r.area, r.answers) for r in rows] == [
        ("useful", SurveyItemType.LIKERT, "Overall", 1),
        ("comments", SurveyItemType.TEXT, "", 0),
    ]


def test_items_move_and_deleting_one_renumbers_the_rest(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as s:
        survey = _survey(s, programme_id)
        ids = [add_item(s, survey, ItemInput(text)) for text in ("One", "Two", "Three", "Four")]
        move_item(s, ids[3], -2)
        move_item(s, ids[0], -1)  # already first: stays
        record_response(s, survey, add_someone(s), {"one": 5, "two": 4}, DAY)
    with programme_file.session() as s:
        assert [i.code for i in item_rows(s, survey)] == ["one", "four", "two", "three"]
        assert delete_item(s, ids[1]) == 1
    with programme_file.session() as s:
        rows = item_rows(s, survey)
        answers = s.scalars(select(SurveyAnswer.number)).all()
    assert [(i.position, i.code) for i in rows] == [(1, "one"), (2, "four"), (3, "three")]
    assert answers == [5]


def test_deleting_a_survey_takes_its_responses_and_answers(
    programme_file: ProgrammeFile,
    programme_id: int,
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    with programme_file.session() as s:
        survey = add_survey_from_template(s, programme_id, "pulse_30")
        for _ in range(3):
            record_response(s, survey, add_someone(s), {"met_yet": True, "need_help": "No"}, DAY)
    with programme_file.session() as s:
        assert delete_survey(s, survey) == 3
    counts = table_counts(programme_file)
    assert (counts["survey"], counts["survey_response"], counts["survey_answer"]) == (0, 0, 0)
    assert counts["person"] == 3


# Typed-in responses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer_type", "value", "expected"),
    [
        (SurveyItemType.LIKERT, 4, 4),
        (SurveyItemType.LIKERT, 3.0, 3),
        (SurveyItemType.LIKERT, "5 - Excellent", 5),
        (SurveyItemType.LIKERT, "2 – Poor", 2),
        (SurveyItemType.LIKERT, "4/5", 4),
        (SurveyItemType.LIKERT, "Strongly agree", 5),
        (SurveyItemType.LIKERT, "neither agree nor disagree", 3),
        (SurveyItemType.LIKERT, "Strongly Disagree.", 1),
        (SurveyItemType.LIKERT, "  ", None),
        (SurveyItemType.YES_NO, "Yes", True),
        (SurveyItemType.YES_NO, "n", False),
        (SurveyItemType.YES_NO, "TRUE", True),
        (SurveyItemType.YES_NO, 0, False),
        (SurveyItemType.YES_NO, False, False),
        (SurveyItemType.TEXT, "  More networking  ", "More networking"),
        (SurveyItemType.TEXT, 12.0, "12"),
        (SurveyItemType.TEXT, None, None),
    ],
)
def test_answers_are_read_as_forms_write_them(
    answer_type: SurveyItemType, value: object, expected: object
) -> None:
    assert read_answer(answer_type, value) == expected


@pytest.mark.parametrize(
    ("answer_type", "value", "message"),
    [
        (SurveyItemType.LIKERT, 6, "“6” is not a rating from 1 to 5"),
        (SurveyItemType.LIKERT, "2.5", "“2.5” is not a rating from 1 to 5"),
        (SurveyItemType.LIKERT, "Good", "“Good” is not a rating from 1 to 5"),
        (SurveyItemType.LIKERT, True, "“True” is not a rating"),
        (SurveyItemType.YES_NO, "Maybe", "“Maybe” is not yes or no"),
        (SurveyItemType.YES_NO, 2, "“2” is not yes or no"),
        (SurveyItemType.TEXT, "x" * 5001, "too long"),
    ],
)
def test_answers_that_do_not_fit_are_refused_in_plain_words(
    answer_type: SurveyItemType, value: object, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_answer(answer_type, value)


def test_a_typed_response_is_checked_item_by_item(
    programme_file: ProgrammeFile,
    programme_id: int,
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    with programme_file.session() as s:
        survey = add_survey_from_template(s, programme_id, "programme_feedback")
        person = add_someone(s)
    before = table_counts(programme_file)
    bad = [
        ({OVERALL_RATING: 6}, "Overall, how would you rate the programme\\? — “6” is not a rating"),
        ({WOULD_RECOMMEND: "perhaps"}, "is not yes or no"),
        ({"favourite_colour": "blue"}, "has no item with the code “favourite_colour”"),
        ({OVERALL_RATING: None, "what_worked": "  "}, "The response has no answers"),
    ]
    for answers, message in bad:
        with pytest.raises(InvalidInput, match=message), programme_file.session() as s:
            record_response(s, survey, person, answers, DAY)
    with pytest.raises(NotFound, match="no longer in the file"), programme_file.session() as s:
        record_response(s, survey, 999, {OVERALL_RATING: 4}, DAY)
    assert table_counts(programme_file) == before


def test_a_second_response_replaces_the_first_and_sets_kind_and_rating(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as s:
        survey = add_survey_from_template(s, programme_id, "programme_feedback")
        person = add_someone(s, first_name="Ana", last_name="Costa", email="ana@test.example")
        record_response(s, survey, person, {OVERALL_RATING: 2, WOULD_RECOMMEND: False}, DAY)
        later = DAY + dt.timedelta(days=7)
        record_response(
            s,
            survey,
            person,
            {OVERALL_RATING: "4", WOULD_RECOMMEND: "yes", "what_worked": "The circles"},
            later,
        )
    with programme_file.session() as s:
        rows = response_rows(s, survey)
        stored = s.scalars(select(SurveyResponse)).one()
    assert len(rows) == 1
    assert (rows[0].name, rows[0].email, rows[0].submitted_on) == (
        "Ana Costa",
        "ana@test.example",
        later,
    )
    assert rows[0].answers == {
        OVERALL_RATING: 4,
        WOULD_RECOMMEND: True,
        "what_worked": "The circles",
    }
    assert (stored.kind, stored.rating, stored.source) == (SurveyKind.FEEDBACK, 4, "typed in")
    with programme_file.session() as s:
        delete_response(s, rows[0].response_id)
        assert response_rows(s, survey) == []


def test_the_people_offered_are_the_programmes_participants_in_the_role(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as s:
        survey = add_survey_from_template(s, programme_id, "mentee_pre")
        # With nobody accepted yet, everyone in the file is offered.
        outsider = add_someone(s, last_name="Outsider")
        assert [p.id for p in respondent_choices(s, survey)] == [outsider]
        mentee, mentor, declined = add_someone(s), add_someone(s), add_someone(s)
        for person, role, status in (
            (mentee, Role.MENTEE, ApplicationStatus.ACCEPTED),
            (mentor, Role.MENTOR, ApplicationStatus.ACCEPTED),
            (declined, Role.MENTEE, ApplicationStatus.DECLINED),
        ):
            add_application(s, person, ApplicationInput(strands["Fellows"], role, status))
        assert [p.id for p in respondent_choices(s, survey)] == [mentee]
        record_response(s, survey, outsider, {"goals_clarity": 3}, DAY)
        assert {p.id for p in respondent_choices(s, survey)} == {mentee, outsider}


# Importing a form export -------------------------------------------------------------------

QUESTIONS = [
    "Overall, how would you rate the program",  # American spelling, no question mark
    "WOULD YOU RECOMMEND THE PROGRAMME TO A COLLEAGUE?",
    "What worked well for you?",
    "Favourite snack?",  # asked by the form, not by the survey
]


@pytest.fixture
def feedback(programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone) -> int:
    """The feedback template in the programme, and Ana, Ben and Carla in the file."""
    with programme_file.session() as s:
        for first in ("Ana", "Ben", "Carla"):
            add_someone(s, first_name=first, last_name="Test", email=f"{first.lower()}@uni.example")
        return add_survey_from_template(s, programme_id, "programme_feedback")


def _forms_export(path: Path, extra: list[list[object]] | None = None) -> Path:
    """A Microsoft Forms export: its own five columns first, then the questions."""
    headers = ["ID", "Start time", "Completion time", "Email", "Name", *QUESTIONS]
    t = dt.datetime(2026, 11, 20, 10, 0)
    rows: list[list[object]] = [
        [1, t, t, "ana@uni.example", "Ana Test", "5 - Excellent", "Yes", "The circles", "Crisps"],
        [2, t, t, "BEN@UNI.EXAMPLE", "Ben Test", 3, "No", "", ""],
        [3, t, t, "anonymous", "", 4, "Yes", "", ""],
        [4, t, t, "dora@elsewhere.example", "Dora", 4, "Yes", "", ""],
        [5, t, t + dt.timedelta(days=1), "ana@uni.example", "Ana Test", 4, "Yes", "Mentor", ""],
        [6, t, t, "carla@uni.example", "Carla Test", "", "", "", "Fruit"],
        *(extra or []),
    ]
    return plain_workbook(path, headers, rows)


def test_a_forms_export_is_planned_column_by_column_and_row_by_row(
    programme_file: ProgrammeFile, feedback: int, tmp_path: Path
) -> None:
    table = read_table(_forms_export(tmp_path / "Feedback (1-6).xlsx"))
    with programme_file.session() as s:
        plan = preview_response_import(s, feedback, table)
    targets = [(u.header, u.target, u.check) for u in plan.columns]
    assert targets == [
        ("ID", None, False),
        ("Start time", None, False),
        ("Completion time", SUBMITTED_ON, False),
        ("Email", RESPONDENT_EMAIL, False),
        ("Name", None, False),
        (QUESTIONS[0], OVERALL_RATING, True),
        (QUESTIONS[1], WOULD_RECOMMEND, False),
        (QUESTIONS[2], "what_worked", False),
        (QUESTIONS[3], None, False),
    ]
    assert plan.columns[0].reason == "Microsoft Forms' own column"
    assert "check" in plan.columns[5].reason
    assert "no item of this survey asks this" in plan.columns[8].reason
    assert "what_to_change" in plan.unanswered_items
    statuses = [(line.row_number, line.status) for line in plan.lines]
    assert statuses == [
        (2, LineStatus.SUPERSEDED),
        (3, LineStatus.IMPORT),
        (4, LineStatus.UNMATCHED),
        (5, LineStatus.UNMATCHED),
        (6, LineStatus.IMPORT),
        (7, LineStatus.EMPTY),
    ]
    reasons = {line.row_number: line.reason for line in plan.lines}
    assert reasons[2] == "the same person answered again on row 6, which is kept"
    assert reasons[4] == "an anonymous answer: the form did not ask who answered"
    assert reasons[5] == "nobody in the file has the email dora@elsewhere.example"
    assert reasons[7] == "answered none of the survey's items"
    ben = plan.lines[1]
    assert ben.person_name == "Ben Test"
    assert ben.answers == {OVERALL_RATING: 3, WOULD_RECOMMEND: False}
    assert ben.submitted_on == dt.date(2026, 11, 20)
    assert (len(plan.to_import), len(plan.matched), len(plan.unmatched)) == (2, 4, 2)


def test_importing_the_export_writes_the_newest_answers_of_the_matched_people(
    programme_file: ProgrammeFile, feedback: int, tmp_path: Path
) -> None:
    table = read_table(_forms_export(tmp_path / "feedback.xlsx"))
    with programme_file.session() as s:
        summary = apply_response_import(s, feedback, table)
    assert (summary.imported, summary.replaced, summary.unmatched) == (2, 0, 2)
    assert (summary.left_out, summary.rejected) == (2, 0)
    with programme_file.session() as s:
        rows = {r.name: r for r in response_rows(s, feedback)}
        ratings = sorted(s.scalars(select(SurveyResponse.rating)).all())
        summary_again = feedback_summary(s, find_programme(s, None).id)
    assert set(rows) == {"Ana Test", "Ben Test"}
    assert rows["Ana Test"].answers == {
        OVERALL_RATING: 4,
        WOULD_RECOMMEND: True,
        "what_worked": "Mentor",
    }
    assert rows["Ana Test"].submitted_on == dt.date(2026, 11, 21)
    assert rows["Ana Test"].source == "feedback.xlsx, row 6"
    assert ratings == [3, 4]
    assert (summary_again.responses, summary_again.mean_rating) == (2, 3.5)


def test_importing_again_replaces_older_responses_and_keeps_newer_ones(
    programme_file: ProgrammeFile, feedback: int, tmp_path: Path
) -> None:
    with programme_file.session() as s:
        people = {p.email: p.id for p in respondent_choices(s, feedback)}
        # Ben answered on paper after the form closed; Carla typed in earlier.
        record_response(
            s, feedback, people["ben@uni.example"], {OVERALL_RATING: 5}, dt.date(2026, 12, 1)
        )
        record_response(
            s, feedback, people["carla@uni.example"], {OVERALL_RATING: 1}, dt.date(2026, 1, 1)
        )
    t = dt.datetime(2026, 11, 22)
    carla = [7, t, t, "carla@uni.example", "Carla", 2, "No", "", ""]
    table = read_table(_forms_export(tmp_path / "again.xlsx", [carla]))
    with programme_file.session() as s:
        plan = preview_response_import(s, feedback, table)
        by_row = {line.row_number: line for line in plan.lines}
        assert by_row[3].status is LineStatus.OLDER
        assert by_row[3].reason == "the file already holds their newer response of 2026-12-01"
        assert by_row[8].status is LineStatus.REPLACE
        assert by_row[8].reason == "replaces their response of 2026-01-01 already in the file"
        summary = apply_response_import(s, feedback, table)
    assert (summary.imported, summary.replaced) == (2, 1)
    with programme_file.session() as s:
        ratings = {r.name: r.answers[OVERALL_RATING] for r in response_rows(s, feedback)}
    assert ratings == {"Ana Test": 4, "Ben Test": 5, "Carla Test": 2}


def test_one_unreadable_answer_stops_the_whole_import(
    programme_file: ProgrammeFile, feedback: int, tmp_path: Path, table_counts: TableCounts
) -> None:
    t = dt.datetime(2026, 11, 22)
    bad = [8, t, t, "carla@uni.example", "Carla", "7 - Superb", "Maybe", "", ""]
    table = read_table(_forms_export(tmp_path / "bad.xlsx", [bad]))
    with programme_file.session() as s:
        plan = preview_response_import(s, feedback, table)
    [rejected] = plan.rejected
    assert rejected.row_number == 8
    assert rejected.reason == (
        f"{QUESTIONS[0]}: “7 - Superb” is not a rating from 1 to 5; "
        f"{QUESTIONS[1]}: “Maybe” is not yes or no"
    )
    before = table_counts(programme_file)
    refused = r"1 rows of bad.xlsx .*\(rows 8\), so nothing was imported"
    with pytest.raises(InvalidInput, match=refused), programme_file.session() as s:
        apply_response_import(s, feedback, table)
    assert table_counts(programme_file) == before
    with programme_file.session() as s:
        summary = apply_response_import(s, feedback, table, skip_rejected=True)
    assert (summary.imported, summary.rejected) == (2, 1)


def test_a_google_forms_csv_is_read_by_timestamp_and_email_address(
    programme_file: ProgrammeFile, feedback: int, tmp_path: Path
) -> None:
    path = tmp_path / "Programme feedback (Responses) - Form responses 1.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "Timestamp",
                "Email address",
                "1. Overall, how would you rate the programme?",
                "Would you recommend the programme to a colleague?",
                "Programme ratings [How useful was the orientation training?]",
            ]
        )
        writer.writerow(
            ["2026/11/20 10:31:52 AM GMT+1", "ana@uni.example", "Strongly agree", "Yes", "4"]
        )
        writer.writerow(["2026/11/21 9:02:11 AM GMT+1", "ben@uni.example", "2", "N", "Neutral"])
        writer.writerow(["2026/11/21 9:05:00 AM GMT+1", "", "3", "Y", ""])
    table = read_table(path)
    with programme_file.session() as s:
        plan = preview_response_import(s, feedback, table)
        targets = [u.target for u in plan.columns]
        summary = apply_response_import(s, feedback, table)
    assert targets == [
        SUBMITTED_ON,
        RESPONDENT_EMAIL,
        OVERALL_RATING,
        WOULD_RECOMMEND,
        "orientation_useful",
    ]
    assert plan.lines[2].reason == "no email in this row"
    assert summary.imported == 2
    with programme_file.session() as s:
        answers = {r.name: (r.submitted_on, r.answers) for r in response_rows(s, feedback)}
    assert answers == {
        "Ana Test": (
            dt.date(2026, 11, 20),
            {OVERALL_RATING: 5, WOULD_RECOMMEND: True, "orientation_useful": 4},
        ),
        "Ben Test": (
            dt.date(2026, 11, 21),
            {OVERALL_RATING: 2, WOULD_RECOMMEND: False, "orientation_useful": 3},
        ),
    }


def test_the_coordinator_can_correct_how_columns_are_read(
    programme_file: ProgrammeFile, feedback: int, tmp_path: Path
) -> None:
    path = plain_workbook(
        tmp_path / "hand made.xlsx",
        ["Who", "Stars", "Tips"],
        [["ana@uni.example", 4, "More events"], ["ben@uni.example", 5, ""]],
    )
    table = read_table(path)
    with programme_file.session() as s:
        guessed = preview_response_import(s, feedback, table)
        assert [u.target for u in guessed.columns] == [None, None, None]
        assert "No column holds the respondents' emails" in guessed.notices[-1]
        assert {line.status for line in guessed.lines} == {LineStatus.UNMATCHED}
        columns = {0: RESPONDENT_EMAIL, 1: OVERALL_RATING, 2: "what_to_change"}
        plan = preview_response_import(
            s, feedback, table, columns=columns, submitted_on=dt.date(2026, 12, 2)
        )
        assert [u.reason for u in plan.columns] == ["chosen by you"] * 3
        assert [line.status for line in plan.lines] == [LineStatus.IMPORT, LineStatus.IMPORT]
        assert plan.lines[0].submitted_on == dt.date(2026, 12, 2)
        with pytest.raises(InvalidInput, match="has no item with the code “stars”"):
            preview_response_import(s, feedback, table, columns={1: "stars"})


# What the surveys show ---------------------------------------------------------------------


def test_item_changes_pair_each_persons_pre_and_post_answers(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as s:
        pre = add_survey_from_template(s, programme_id, "mentee_pre")
        post = add_survey_from_template(s, programme_id, "mentee_post")
        feedback = add_survey_from_template(s, programme_id, "programme_feedback")
        a, b, c, d = (add_someone(s) for _ in range(4))
        record_response(s, pre, a, {"goals_clarity": 2, "networking": 1, "hopes": "x"}, DAY)
        record_response(s, pre, b, {"goals_clarity": 3, "networking": 3}, DAY)
        record_response(s, pre, c, {"goals_clarity": 1}, DAY)  # no post: not counted
        record_response(s, pre, d, {"networking": 2}, DAY)
        record_response(s, post, a, {"goals_clarity": 4, "networking": 2}, DAY)
        record_response(s, post, b, {"goals_clarity": 5}, DAY)  # networking unanswered
        record_response(s, post, d, {"networking": 5, "goals_clarity": 3}, DAY)
        record_response(s, feedback, c, {OVERALL_RATING: 5}, DAY)
    with programme_file.session() as s:
        changes = item_changes(s, programme_id)
    by_code = {c.code: c for c in changes}
    assert [c.code for c in changes] == ["goals_clarity", "networking"]
    goals = by_code["goals_clarity"]
    # a: 2 → 4, b: 3 → 5; c has no post and d no pre for this item.
    assert (goals.people, goals.person_ids) == (2, (a, b))
    assert (goals.mean_pre, goals.mean_post, goals.change) == (2.5, 4.5, 2.0)
    assert goals.area == "Goals"
    assert goals.text == TEMPLATES["mentee_pre"].items[0].text
    networking = by_code["networking"]
    # a: 1 → 2, d: 2 → 5.
    assert (networking.people, networking.person_ids) == (2, (a, d))
    assert networking.mean_pre == pytest.approx(1.5)
    assert networking.mean_post == pytest.approx(3.5)


def test_feedback_summary_reads_overall_rating_and_would_recommend(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> None:
    with programme_file.session() as s:
        assert feedback_summary(s, programme_id).mean_rating is None
        assert feedback_summary(s, programme_id).recommend_rate is None
        survey = add_survey_from_template(s, programme_id, "programme_feedback")
        people = [add_someone(s) for _ in range(5)]
        answers = [
            {OVERALL_RATING: 5, WOULD_RECOMMEND: True},
            {OVERALL_RATING: 4, WOULD_RECOMMEND: True},
            {OVERALL_RATING: 2, WOULD_RECOMMEND: False},
            {WOULD_RECOMMEND: True},
            {"what_worked": "Everything"},
        ]
        for person, given in zip(people, answers, strict=True):
            record_response(s, survey, person, given, DAY)
        # A response kept from before surveys had items: its rating only.
        s.add(
            SurveyResponse(
                programme_id=programme_id,
                person_id=people[4],
                kind=SurveyKind.FEEDBACK,
                submitted_on=DAY,
                rating=3,
            )
        )
    with programme_file.session() as s:
        summary = feedback_summary(s, programme_id)
    assert summary.responses == 6
    assert summary.rating_count == 4
    assert summary.mean_rating == pytest.approx((5 + 4 + 2 + 3) / 4)
    assert (summary.recommend_yes, summary.recommend_answers) == (3, 4)
    assert summary.recommend_rate == pytest.approx(0.75)
    assert summary.person_ids == tuple(sorted(people))


def test_the_demo_has_surveys_with_figures_to_show(demo_file: ProgrammeFile) -> None:
    with demo_file.session() as s:
        programme_id = find_programme(s, DEMO_PROGRAMME).id
        rows = {r.title: r for r in survey_rows(s, programme_id)}
        changes = item_changes(s, programme_id)
        summary = feedback_summary(s, programme_id)
    assert set(rows) == {t.title for t in TEMPLATES.values()}
    assert all(r.responses > 0 for r in rows.values())
    assert changes
    assert all(c.people >= 5 for c in changes)
    assert sum(c.change for c in changes) > 0
    assert summary.responses >= 10
    assert summary.mean_rating is not None
    assert 3 <= summary.mean_rating <= 5
    assert summary.recommend_rate is not None
    assert summary.recommend_rate > 0.5


def _read_or_refusal(answer_type: SurveyItemType, value: object) -> object:
    """The answer read, or the refusal's message."""
    try:
        return read_answer(answer_type, value)
    except InvalidInput as refused:
        return refused.message


@given(
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-10, 10),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.sampled_from(["Strongly agree", "4 - Good", "5/5", "Neutral", "yes", "N", "3.0"]),
    )
)
def test_a_rating_is_always_one_to_five_or_refused_in_plain_words(value: object) -> None:
    rating = _read_or_refusal(SurveyItemType.LIKERT, value)
    if isinstance(rating, str):
        assert rating.endswith("is not a rating from 1 to 5")
    else:
        assert rating is None or (type(rating) is int and 1 <= rating <= 5)
    answer = _read_or_refusal(SurveyItemType.YES_NO, value)
    if isinstance(answer, str):
        assert answer.endswith("is not yes or no")
    else:
        assert answer is None or type(answer) is bool
