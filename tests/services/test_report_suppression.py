"""The programme report withholds averages about small groups, not only counts.

A programme with a minimum group size of 5 gets feedback from three people and
pre/post answers on two statements: six people answered the first before and
after, three the second. The PDF, read back as text, must print the first
statement's means and withhold everything averaged over the three: the overall
rating, the would-recommend rate, and the second statement's before and after
means together with their difference, which would give either one away.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mentordesk.domain.enums import ApplicationStatus, Role, SurveyItemType
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.documents.programme_report import programme_report
from mentordesk.services.survey_results import feedback_summary, item_changes
from mentordesk.services.survey_templates import OVERALL_RATING, WOULD_RECOMMEND
from mentordesk.services.surveys import add_survey_from_template, item_rows, record_response
from mentordesk.store.models import Programme
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.pdf import pdf_text

DAY = dt.date(2026, 11, 25)
MINIMUM = 5

#: Before and after answers to the first statement, by six people: means 2.3 and 4.5.
BIG_BEFORE, BIG_AFTER = [2, 2, 2, 2, 3, 3], [4, 4, 4, 5, 5, 5]
#: The second statement, answered after by the first three only: means 1.3 and 4.7.
SMALL_BEFORE, SMALL_AFTER = [1, 1, 2], [5, 5, 4]
#: Overall ratings from three feedback responses: mean 3.7; two of three would recommend.
RATINGS, RECOMMEND = [3, 4, 4], [True, True, False]
#: Every average about the three, as the report would print it.
SMALL_AVERAGES = ("1.3", "4.7", "+3.3", "3.7", "67%")


def _report(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    out: Path,
    minimum: int,
) -> tuple[str, list[str]]:
    """The report's text, and the two statements' words, for the programme described above."""
    with programme_file.session() as s:
        s.get(Programme, programme_id).min_group_size = minimum
        people = [
            add_applicant(
                s,
                PersonInput(f"Mentee{n}", "Test", f"mentee{n}@pilot.example"),
                ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
            )
            for n in range(len(BIG_BEFORE))
        ]
        before = add_survey_from_template(s, programme_id, "mentee_pre")
        after = add_survey_from_template(s, programme_id, "mentee_post")
        feedback = add_survey_from_template(s, programme_id, "programme_feedback")
        items = [i for i in item_rows(s, before) if i.answer_type is SurveyItemType.LIKERT][:2]
        big, small = (i.code for i in items)
        for n, person in enumerate(people):
            pre = {big: BIG_BEFORE[n], small: SMALL_BEFORE[n] if n < 3 else 3}
            post = {big: BIG_AFTER[n], **({small: SMALL_AFTER[n]} if n < 3 else {})}
            record_response(s, before, person, pre, DAY - dt.timedelta(days=200))
            record_response(s, after, person, post, DAY)
        for person, rating, recommend in zip(people, RATINGS, RECOMMEND, strict=False):
            answers = {OVERALL_RATING: rating, WOULD_RECOMMEND: recommend}
            record_response(s, feedback, person, answers, DAY)
        # The figures are what the test says they are.
        changes = {c.code: c for c in item_changes(s, programme_id)}
        assert (changes[big].people, changes[small].people) == (6, 3)
        assert f"{changes[small].mean_pre:.1f} {changes[small].mean_post:.1f}" == "1.3 4.7"
        summary = feedback_summary(s, programme_id)
        assert (summary.rating_count, f"{summary.mean_rating:.1f}") == (3, "3.7")
        programme_report(s, programme_id, out, DAY)
    return pdf_text(out), [i.text for i in items]


@pytest.fixture
def report_text(
    programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int], tmp_path: Path
) -> tuple[str, list[str]]:
    """The report of the programme described above, with a minimum group size of 5."""
    return _report(programme_file, programme_id, strands, tmp_path / "report.pdf", MINIMUM)


def test_with_a_minimum_of_one_every_average_is_printed(
    programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int], tmp_path: Path
) -> None:
    text, (big, small) = _report(
        programme_file, programme_id, strands, tmp_path / "report.pdf", minimum=1
    )
    assert f"{big} 6 2.3 4.5 +2.2" in text
    assert f"{small} 3 1.3 4.7 +3.3" in text
    assert "Overall rating (1–5) 3.7 from 3 responses" in text
    assert "Overall rating (1–5, mean) 3.7" in text
    assert "Would recommend the programme 67% of 3 who answered" in text


def test_the_means_of_a_group_large_enough_are_printed(report_text: tuple[str, list[str]]) -> None:
    text, (big, _small) = report_text
    assert f"{big} 6 2.3 4.5 +2.2" in text


def test_no_average_about_fewer_people_than_the_minimum_is_printed(
    report_text: tuple[str, list[str]],
) -> None:
    text, (_big, small) = report_text
    assert "Overall rating (1–5) withheld from fewer than 5 responses" in text
    assert "Overall rating (1–5, mean) withheld" in text
    assert "Would recommend the programme withheld" in text
    assert f"{small} fewer than 5 withheld withheld withheld" in text
    for average in SMALL_AVERAGES:
        assert average not in text


def test_a_withheld_mean_takes_the_figures_that_would_give_it_away_with_it(
    report_text: tuple[str, list[str]],
) -> None:
    # Before + change = after: printing the change beside either mean gives the other
    # away, and printing how many answered beside a rating gives the group's size away.
    text, (_big, small) = report_text
    row = text.split(small, 1)[1].split("withheld withheld withheld", 1)[0]
    assert row.strip() == "fewer than 5"
    assert "from 3 responses" not in text
    assert "Feedback responses 3" not in text
