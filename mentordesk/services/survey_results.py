"""What a programme's surveys show: the change on each rating item, and the feedback.

Pre and post surveys share item codes, so each person's answers before and after
the programme are paired to report the change on every item; the feedback gives
the overall rating and the would-recommend rate. The Dashboard and the programme
report read their survey figures here, never computed a second way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import SurveyItemType, SurveyKind
from mentordesk.services.survey_templates import OVERALL_RATING, WOULD_RECOMMEND
from mentordesk.store.models import SurveyAnswer, SurveyItem, SurveyResponse


@dataclass(frozen=True)
class ItemChange:
    """How the answers to one rating item moved between the pre and the post surveys.

    Attributes:
        code: the item code shared by the pre and post surveys.
        text: the item's words (as the pre survey asks it).
        area: its heading.
        people: people with a numeric answer to this code in both a pre and a post survey.
        mean_pre, mean_post: their mean answers before and after.
        person_ids: who is counted, so a figure can open its records.
    """

    code: str
    text: str
    area: str
    people: int
    mean_pre: float
    mean_post: float
    person_ids: tuple[int, ...]

    @property
    def change(self) -> float:
        """The mean after minus the mean before."""
        return self.mean_post - self.mean_pre


def item_changes(session: Session, programme_id: int) -> list[ItemChange]:
    """The change on each rating item between a programme's pre and post surveys.

    Answers are paired per person: someone counts for an item only with a
    rating to its code in both a pre and a post survey; their earliest pre and
    latest post answer are used. Items come in the order the pre surveys ask them.
    """
    found = session.execute(
        select(
            SurveyResponse.person_id,
            SurveyResponse.kind,
            SurveyResponse.submitted_on,
            SurveyResponse.id,
            SurveyItem.code,
            SurveyItem.text,
            SurveyItem.area,
            SurveyItem.survey_id,
            SurveyItem.position,
            SurveyAnswer.number,
        )
        .join(SurveyAnswer, SurveyAnswer.response_id == SurveyResponse.id)
        .join(SurveyItem, SurveyItem.id == SurveyAnswer.item_id)
        .where(
            SurveyResponse.programme_id == programme_id,
            SurveyResponse.kind.in_([SurveyKind.PRE, SurveyKind.POST]),
            SurveyItem.answer_type == SurveyItemType.LIKERT,
            SurveyAnswer.number.is_not(None),
        )
    )
    before: dict[str, dict[int, tuple[tuple[dt.date, int], int]]] = {}
    after: dict[str, dict[int, tuple[tuple[dt.date, int], int]]] = {}
    about: dict[str, tuple[tuple[int, int, int], str, str]] = {}
    for person, kind, submitted, response, code, text, area, survey, position, number in found:
        assert number is not None
        when = (submitted, response)
        pre = kind is SurveyKind.PRE
        answers = (before if pre else after).setdefault(code, {})
        known = answers.get(person)
        if known is None or (when < known[0] if pre else when > known[0]):
            answers[person] = (when, number)
        order = (0 if pre else 1, survey, position)
        if code not in about or order < about[code][0]:
            about[code] = (order, text, area)
    changes = []
    for code in sorted(about, key=lambda c: about[c][0]):
        people = sorted(set(before.get(code, {})) & set(after.get(code, {})))
        if not people:
            continue
        _, text, area = about[code]
        changes.append(
            ItemChange(
                code=code,
                text=text,
                area=area,
                people=len(people),
                mean_pre=fmean(before[code][p][1] for p in people),
                mean_post=fmean(after[code][p][1] for p in people),
                person_ids=tuple(people),
            )
        )
    return changes


@dataclass(frozen=True)
class FeedbackSummary:
    """What a programme's feedback responses say overall.

    Attributes:
        responses: feedback responses.
        rating_count: those with an overall rating.
        mean_rating: the mean overall rating (1–5), or None without ratings.
        recommend_yes: those who would recommend the programme.
        recommend_answers: those who answered whether they would.
        person_ids: who responded, so a figure can open their records.
    """

    responses: int
    rating_count: int
    mean_rating: float | None
    recommend_yes: int
    recommend_answers: int
    person_ids: tuple[int, ...]

    @property
    def recommend_rate(self) -> float | None:
        """The share (0–1) of those answering who would recommend it, or None."""
        return self.recommend_yes / self.recommend_answers if self.recommend_answers else None


def feedback_summary(session: Session, programme_id: int) -> FeedbackSummary:
    """The overall rating and the would-recommend rate of a programme's feedback responses.

    The rating is the answer to the ``overall_rating`` item, or the response's
    own rating when it has no such answer (responses kept from before surveys had items).
    """
    responses = session.execute(
        select(SurveyResponse.id, SurveyResponse.person_id, SurveyResponse.rating).where(
            SurveyResponse.programme_id == programme_id,
            SurveyResponse.kind == SurveyKind.FEEDBACK,
        )
    ).all()
    answers = session.execute(
        select(SurveyAnswer.response_id, SurveyItem.code, SurveyAnswer.number)
        .join(SurveyItem, SurveyItem.id == SurveyAnswer.item_id)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .where(
            SurveyResponse.programme_id == programme_id,
            SurveyResponse.kind == SurveyKind.FEEDBACK,
            SurveyItem.code.in_([OVERALL_RATING, WOULD_RECOMMEND]),
            SurveyAnswer.number.is_not(None),
        )
    )
    by_response: dict[tuple[int, str], int] = {}
    for response_id, code, number in answers:
        assert number is not None
        by_response[(response_id, code)] = number
    ratings = [
        rating
        for response_id, _, stored in responses
        if (rating := by_response.get((response_id, OVERALL_RATING), stored)) is not None
    ]
    recommend = [
        by_response[(response_id, WOULD_RECOMMEND)]
        for response_id, _, _ in responses
        if (response_id, WOULD_RECOMMEND) in by_response
    ]
    return FeedbackSummary(
        responses=len(responses),
        rating_count=len(ratings),
        mean_rating=fmean(ratings) if ratings else None,
        recommend_yes=sum(1 for answer in recommend if answer),
        recommend_answers=len(recommend),
        person_ids=tuple(sorted({person_id for _, person_id, _ in responses})),
    )
