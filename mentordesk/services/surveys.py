"""Surveys: questionnaires with their items, and the responses to them.

A survey belongs to a programme and has items answered with a rating from 1
to 5, yes or no, or free text (each answer read by ``services/survey_answers.py``).
Responses are typed in or imported from a form tool's export (Microsoft Forms,
Google Forms), matched to people by email. Each person has at most one response
per survey: a newer one replaces the older. Pre and post surveys share item
codes, so each person's answers before and after the programme are paired to
report the change on every item (``services/survey_results.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, insert, select, union_all, update
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicationStatus,
    Role,
    SurveyItemType,
    SurveyKind,
)
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.formats.columns import (
    normalise,
)
from mentordesk.services.applicants import PersonChoice
from mentordesk.services.audit import record_added, record_change, record_edited
from mentordesk.services.collation import person_key, sort_key
from mentordesk.services.programmes import get_programme
from mentordesk.services.survey_answers import (
    AnswerValue,
    answer_value,
    read_answer,
    stored_answer,
)
from mentordesk.services.survey_templates import OVERALL_RATING, get_template
from mentordesk.services.validation import optional_count, optional_text, required_text
from mentordesk.store.models import (
    Application,
    Pairing,
    PairingMember,
    Person,
    Strand,
    Survey,
    SurveyAnswer,
    SurveyItem,
    SurveyResponse,
    utcnow,
)

#: Longest item code; codes made from a question's words stop before this.
MAX_CODE_LENGTH = 60
_DERIVED_CODE_LENGTH = 40
#: How many people one statement names at most (SQLite allows a few thousand parameters).
_CHUNK = 500
#: The last day a pulse check can be set for, after the pairing started.
MAX_PULSE_DAY = 730

# Surveys ---------------------------------------------------------------------------------


@dataclass
class SurveyInput:
    """A survey as typed in a form.

    Attributes:
        title: unique within the programme.
        kind: pre, post, feedback, pulse check or self-assessment.
        role: who answers it; None for everyone.
        description: what it is for, how its ratings read.
        day: for a pulse check only, the day after the pairing started it is due.
    """

    title: str
    kind: SurveyKind
    role: Role | None = None
    description: str = ""
    day: int | None = None


@dataclass(frozen=True)
class SurveyRow:
    """One line of the Surveys table."""

    survey_id: int
    title: str
    kind: SurveyKind
    role: Role | None
    day: int | None
    description: str
    items: int
    responses: int

    @property
    def kind_label(self) -> str:
        """The kind as a coordinator reads it, e.g. ``Pulse check (day 30)``."""
        if self.kind is SurveyKind.PULSE and self.day:
            return f"{self.kind.label} (day {self.day})"
        return self.kind.label

    @property
    def who(self) -> str:
        """Who answers it: ``Mentors``, ``Mentees`` or ``Everyone``."""
        return who_answers(self.role)


def who_answers(role: Role | None) -> str:
    """``Mentors``, ``Mentees`` or ``Everyone``, for a survey's role."""
    return "Everyone" if role is None else f"{role.label}s"


def _clean_survey(
    session: Session, programme_id: int, data: SurveyInput, own_id: int | None
) -> dict[str, object]:
    title = required_text(data.title, "Title")
    taken = session.scalar(
        select(Survey.id).where(
            Survey.programme_id == programme_id,
            func.lower(Survey.title) == title.lower(),
            Survey.id != (own_id or 0),
        )
    )
    if taken is not None:
        raise Conflict(
            f"The programme already has a survey called “{title}”: choose another title."
        )
    kind = SurveyKind(data.kind)
    day = None
    if kind is SurveyKind.PULSE:
        day = optional_count(data.day, "The day of a pulse check", minimum=1)
        if day is not None and day > MAX_PULSE_DAY:
            raise InvalidInput(
                "The day of a pulse check counts from the start of the pairing: "
                f"at most {MAX_PULSE_DAY}."
            )
    return {
        "title": title,
        "kind": kind,
        "role": None if data.role is None else Role(data.role),
        "description": optional_text(data.description, "Description", max_length=5000),
        "day": day,
    }


def create_survey(session: Session, programme_id: int, data: SurveyInput) -> int:
    """Add an empty survey to a programme and return its id.

    Raises:
        NotFound: the programme no longer exists.
        InvalidInput: the title is missing or too long, or the day is out of range.
        Conflict: the programme has a survey of that title.
    """
    get_programme(session, programme_id)
    values = _clean_survey(session, programme_id, data, None)
    return record_added(
        session, Survey(programme_id=programme_id, **values), "survey", f"{values['title']}"
    )


def update_survey(session: Session, survey_id: int, data: SurveyInput) -> None:
    """Rename a survey or change its kind, who answers it, description or day.

    Its responses follow a change of kind, so reports count them as the new kind.

    Raises:
        NotFound: the survey no longer exists.
        InvalidInput, Conflict: as for :func:`create_survey`.
    """
    survey = get_survey(session, survey_id)
    values = _clean_survey(session, survey.programme_id, data, survey.id)
    record_edited(session, survey, values, "survey", f"{values['title']}")
    session.execute(
        update(SurveyResponse)
        .where(SurveyResponse.survey_id == survey.id)
        .values(kind=survey.kind)
        .execution_options(synchronize_session=False)
    )


def delete_survey(session: Session, survey_id: int) -> int:
    """Delete a survey with its items and every response to it; returns how many responses went."""
    survey = get_survey(session, survey_id)
    counted = select(func.count(SurveyResponse.id)).where(SurveyResponse.survey_id == survey.id)
    responses = session.scalar(counted) or 0
    title = survey.title
    # The schema deletes the items, responses and answers with the survey, where the
    # session would load them and delete them one by one.
    session.execute(delete(Survey).where(Survey.id == survey_id))
    record_change(session, "deleted", "survey", survey_id, f"{title} ({responses} responses)")
    return responses


def get_survey(session: Session, survey_id: int) -> Survey:
    """The survey with this id.

    Raises:
        NotFound: it is no longer in the file.
    """
    survey = session.get(Survey, survey_id)
    if survey is None:
        raise NotFound("This survey is no longer in the file.")
    return survey


def survey_input(session: Session, survey_id: int) -> SurveyInput:
    """A survey's current values, ready to fill an edit form."""
    s = get_survey(session, survey_id)
    return SurveyInput(s.title, s.kind, s.role, s.description, s.day)


def find_survey(session: Session, programme_id: int, title: str) -> SurveyRow:
    """The programme's survey with this title (case ignored), for a command.

    Raises:
        NotFound: there is none; the message lists the titles there are.
    """
    rows = survey_rows(session, programme_id)
    for row in rows:
        if row.title.casefold() == title.strip().casefold():
            return row
    titles = "; ".join(f"“{r.title}”" for r in rows) or "none yet"
    raise NotFound(f"There is no survey called “{title}”. The programme's surveys: {titles}.")


def survey_rows(session: Session, programme_id: int) -> list[SurveyRow]:
    """The programme's surveys with how many items and responses each has, by title."""
    items = (
        select(func.count(SurveyItem.id))
        .where(SurveyItem.survey_id == Survey.id)
        .correlate(Survey)
        .scalar_subquery()
    )
    responses = (
        select(func.count(SurveyResponse.id))
        .where(SurveyResponse.survey_id == Survey.id)
        .correlate(Survey)
        .scalar_subquery()
    )
    found = sorted(
        session.execute(
            select(Survey, items, responses).where(Survey.programme_id == programme_id)
        ),
        key=lambda r: (sort_key(r[0].title), r[0].id),
    )
    return [
        SurveyRow(s.id, s.title, s.kind, s.role, s.day, s.description, n_items, n_responses)
        for s, n_items, n_responses in found
    ]


def add_survey_from_template(
    session: Session, programme_id: int, template_key: str, *, title: str | None = None
) -> int:
    """Add one of the shipped questionnaires to a programme, ready to send; returns its id.

    Args:
        session: the open transaction.
        programme_id: the programme to add it to.
        template_key: one of :data:`mentordesk.services.survey_templates.TEMPLATES`.
        title: a title of the coordinator's own instead of the template's.

    Raises:
        NotFound: no such template or programme.
        Conflict: the programme already has a survey of that title.
    """
    template = get_template(template_key)
    survey_id = create_survey(
        session,
        programme_id,
        SurveyInput(
            title or template.title,
            template.kind,
            template.role,
            template.description,
            template.day,
        ),
    )
    for item in template.items:
        add_item(session, survey_id, ItemInput(item.text, item.answer_type, item.code, item.area))
    return survey_id


# Items ------------------------------------------------------------------------------------


@dataclass
class ItemInput:
    """An item as typed in a form.

    Attributes:
        text: the question or statement.
        answer_type: how it is answered.
        code: its short name; made from the text when left blank.
        area: the heading it belongs to ("" for none).
    """

    text: str
    answer_type: SurveyItemType = SurveyItemType.LIKERT
    code: str = ""
    area: str = ""


@dataclass(frozen=True)
class ItemRow:
    """One item of a survey, with how many answers it has."""

    item_id: int
    survey_id: int
    position: int
    code: str
    text: str
    answer_type: SurveyItemType
    area: str
    answers: int


def item_code(text: str) -> str:
    """A code made from an item's words, e.g. ``how_clear_are_your_goals``.

    Accents and punctuation go; the code stops at a word boundary before 40 characters.
    """
    code = ""
    for word in normalise(text).split():
        longer = f"{code}_{word}" if code else word
        if len(longer) > _DERIVED_CODE_LENGTH:
            break
        code = longer
    return code or "item"


def _clean_code(code: str) -> str:
    cleaned = "_".join(normalise(code).split())
    if not cleaned:
        raise InvalidInput("The code needs at least one letter or digit.")
    if len(cleaned) > MAX_CODE_LENGTH:
        raise InvalidInput(f"The code is too long: at most {MAX_CODE_LENGTH} characters.")
    return cleaned


def _item_values(survey: Survey, data: ItemInput, own: SurveyItem | None) -> dict[str, object]:
    text = required_text(data.text, "The question", max_length=500)
    taken = {i.code for i in survey.items if i is not own}
    if data.code.strip():
        code = _clean_code(data.code)
        if code in taken:
            raise Conflict(
                f"“{survey.title}” already has an item with the code “{code}”: choose another code."
            )
    elif own is not None and own.text == text:
        code = own.code
    else:
        base = item_code(text)
        code, n = base, 1
        while code in taken:
            n += 1
            code = f"{base}_{n}"
    return {
        "text": text,
        "answer_type": SurveyItemType(data.answer_type),
        "code": code,
        "area": optional_text(data.area, "Area", max_length=120),
    }


def add_item(session: Session, survey_id: int, data: ItemInput) -> int:
    """Add an item at the end of a survey and return its id.

    Raises:
        NotFound: the survey no longer exists.
        InvalidInput: the question is missing or too long, or the code unusable.
        Conflict: the survey has an item with that code.
    """
    survey = get_survey(session, survey_id)
    position = max((i.position for i in survey.items), default=0) + 1
    item = SurveyItem(position=position, **_item_values(survey, data, None))
    survey.items.append(item)
    session.flush()
    record_change(session, "created", "survey item", item.id, f"{survey.title}: {item.code}")
    return item.id


def update_item(session: Session, item_id: int, data: ItemInput) -> None:
    """Change an item's question, code or area; its type only while it has no answers.

    Raises:
        NotFound: the item no longer exists.
        InvalidInput: the type would change under existing answers, or a field is wrong.
        Conflict: another item of the survey has that code.
    """
    item = get_item(session, item_id)
    values = _item_values(item.survey, data, item)
    if values["answer_type"] is not item.answer_type:
        answers = _answer_count(session, item.id)
        if answers:
            noun = "answer" if answers == 1 else "answers"
            raise InvalidInput(
                f"“{item.text}” already has {answers} {noun}, so it stays "
                f"“{item.answer_type.label}”. To ask it another way, add a new item."
            )
    summary = f"{item.survey.title}: {values['code']}"
    record_edited(session, item, values, "survey item", summary)


def move_item(session: Session, item_id: int, steps: int) -> None:
    """Move an item up (negative ``steps``) or down the survey; it stops at either end."""
    item = get_item(session, item_id)
    items = _in_order(item.survey)
    at = items.index(item)
    target = min(max(at + steps, 0), len(items) - 1)
    items.insert(target, items.pop(at))
    _renumber(items)


def delete_item(session: Session, item_id: int) -> int:
    """Delete an item and its answers; returns how many answers went with it."""
    item = get_item(session, item_id)
    survey = item.survey
    answers = _answer_count(session, item.id)
    survey.items.remove(item)
    session.flush()
    _renumber(_in_order(survey))
    record_change(session, "deleted", "survey item", item_id, f"{survey.title}: {item.code}")
    return answers


def _in_order(survey: Survey) -> list[SurveyItem]:
    # The collection keeps the order it was loaded in; positions may have changed since.
    return sorted(survey.items, key=lambda i: (i.position, i.id))


def _renumber(items: Sequence[SurveyItem]) -> None:
    # Positions are not unique in the schema, so they can be rewritten in any order.
    for position, each in enumerate(items, start=1):
        each.position = position


def get_item(session: Session, item_id: int) -> SurveyItem:
    """The survey item with this id.

    Raises:
        NotFound: it is no longer in the file.
    """
    item = session.get(SurveyItem, item_id)
    if item is None:
        raise NotFound("This survey item is no longer in the file.")
    return item


def _answer_count(session: Session, item_id: int) -> int:
    query = select(func.count(SurveyAnswer.id)).where(SurveyAnswer.item_id == item_id)
    return session.scalar(query) or 0


def item_rows(session: Session, survey_id: int) -> list[ItemRow]:
    """A survey's items in order, each with how many answers it has."""
    answers = (
        select(func.count(SurveyAnswer.id))
        .where(SurveyAnswer.item_id == SurveyItem.id)
        .correlate(SurveyItem)
        .scalar_subquery()
    )
    found = session.execute(
        select(SurveyItem, answers)
        .where(SurveyItem.survey_id == survey_id)
        .order_by(SurveyItem.position, SurveyItem.id)
    )
    return [
        ItemRow(i.id, i.survey_id, i.position, i.code, i.text, i.answer_type, i.area, n)
        for i, n in found
    ]


# Responses --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseRow:
    """One person's response to a survey.

    Attributes:
        answers: by item code: a rating (int), yes or no (bool) or text; unanswered
            items are left out.
    """

    response_id: int
    person_id: int
    name: str
    email: str
    submitted_on: dt.date
    source: str
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)


def record_response(
    session: Session,
    survey_id: int,
    person_id: int,
    answers: Mapping[str, AnswerValue | None],
    submitted_on: dt.date,
    *,
    source: str = "typed in",
) -> int:
    """Save one person's answers to a survey and return the response's id.

    A response the person already gave to this survey is replaced, so each
    person has one response per survey.

    Args:
        session: the open transaction.
        survey_id: the survey answered.
        person_id: who answered.
        answers: by item code; None or "" means the item was not answered.
        submitted_on: when they answered.
        source: where the answers came from ("typed in", or a file and row).

    Raises:
        NotFound: the survey or the person is no longer in the file.
        InvalidInput: an unknown code, an answer that does not fit its item, or no answer at all.
    """
    survey = get_survey(session, survey_id)
    if session.get(Person, person_id) is None:
        raise NotFound("The person who answered is no longer in the file.")
    items = {i.code: i for i in survey.items}
    read: dict[str, AnswerValue] = {}
    for code, value in answers.items():
        item = items.get(code)
        if item is None:
            raise InvalidInput(f"“{survey.title}” has no item with the code “{code}”.")
        try:
            answer = read_answer(item.answer_type, value)
        except InvalidInput as error:
            raise InvalidInput(f"{item.text} — {error.message}.") from None
        if answer is not None:
            read[code] = answer
    if not read:
        raise InvalidInput("The response has no answers: answer at least one item.")
    [response_id] = write_responses(
        session, survey, [NewResponse(person_id, read, submitted_on, source)]
    )
    record_change(session, "recorded", "survey response", response_id, survey.title)
    return response_id


def delete_response(session: Session, response_id: int) -> None:
    """Delete one response and its answers."""
    response = session.get(SurveyResponse, response_id)
    if response is None:
        raise NotFound("This response is no longer in the file.")
    session.delete(response)
    session.flush()
    record_change(session, "deleted", "survey response", response_id)


@dataclass(frozen=True)
class NewResponse:
    """A response to write: who, their answers by item code (already read), when, from where."""

    person_id: int
    answers: Mapping[str, AnswerValue]
    submitted_on: dt.date
    source: str = "typed in"


def write_responses(
    session: Session, survey: Survey, responses: Sequence[NewResponse]
) -> list[int]:
    """Write responses to a survey, each in place of the person's earlier one; returns their ids.

    The answers must be read already (see :func:`read_answer`) and name items
    the survey has. Each response is linked to the person's pairing in the
    programme, and its rating is the ``overall_rating`` answer. Rows are
    written in a few statements, so importing thousands stays quick.
    """
    people = [r.person_id for r in responses]
    for start in range(0, len(people), _CHUNK):
        chunk = people[start : start + _CHUNK]
        session.execute(
            delete(SurveyResponse)
            .where(SurveyResponse.survey_id == survey.id, SurveyResponse.person_id.in_(chunk))
            .execution_options(synchronize_session="fetch")
        )
    if not responses:
        return []
    pairings = pairings_by_person(session, survey.programme_id, people)
    items = {i.code: i for i in survey.items}
    overall = items.get(OVERALL_RATING)
    rated = overall is not None and overall.answer_type is SurveyItemType.LIKERT
    # Plain statements on the connection, with the times set here: the session would
    # send one INSERT per row (about 3 ms each) to fill in the default times.
    now = utcnow()
    connection = session.connection()
    ids = (
        connection.execute(
            insert(SurveyResponse).returning(SurveyResponse.id, sort_by_parameter_order=True),
            [
                {
                    "created_at": now,
                    "updated_at": now,
                    "programme_id": survey.programme_id,
                    "survey_id": survey.id,
                    "person_id": r.person_id,
                    "pairing_id": pairings.get(r.person_id),
                    "kind": survey.kind,
                    "submitted_on": r.submitted_on,
                    "rating": int(r.answers[OVERALL_RATING])
                    if rated and r.answers.get(OVERALL_RATING)
                    else None,
                    "source": r.source[:300],
                }
                for r in responses
            ],
        )
        .scalars()
        .all()
    )
    answers = []
    for response_id, response in zip(ids, responses, strict=True):
        for code, value in response.answers.items():
            item = items[code]
            number, text = stored_answer(item.answer_type, value)
            answers.append(
                {
                    "created_at": now,
                    "updated_at": now,
                    "response_id": response_id,
                    "item_id": item.id,
                    "number": number,
                    "text": text,
                }
            )
    if answers:
        connection.execute(insert(SurveyAnswer), answers)
    return list(ids)


def pairings_by_person(
    session: Session, programme_id: int, person_ids: Iterable[int]
) -> dict[int, int]:
    """Each person's published pairing in the programme, as mentor or mentee (the newest)."""
    wanted = list(person_ids)
    published = (Strand.programme_id == programme_id, Pairing.draft.is_(False))
    as_mentor = (
        select(Pairing.mentor_id, Pairing.id)
        .join(Strand)
        .where(*published, Pairing.mentor_id.in_(wanted))
    )
    as_mentee = (
        select(PairingMember.person_id, Pairing.id)
        .join(Pairing)
        .join(Strand)
        .where(*published, PairingMember.person_id.in_(wanted))
    )
    found = sorted(session.execute(union_all(as_mentor, as_mentee)), key=lambda r: r[1])
    return {person_id: pairing_id for person_id, pairing_id in found}


def response_rows(session: Session, survey_id: int) -> list[ResponseRow]:
    """Every response to a survey, by the respondent's name, with the answers by item code."""
    responses = session.execute(
        select(
            SurveyResponse.id,
            SurveyResponse.person_id,
            Person.first_name,
            Person.last_name,
            Person.email,
            SurveyResponse.submitted_on,
            SurveyResponse.source,
        )
        .join(Person, Person.id == SurveyResponse.person_id)
        .where(SurveyResponse.survey_id == survey_id)
    ).all()
    responses = sorted(responses, key=lambda r: (sort_key(r.last_name, r.first_name), r.id))
    answers: dict[int, dict[str, AnswerValue]] = {r[0]: {} for r in responses}
    given = session.execute(
        select(
            SurveyAnswer.response_id,
            SurveyItem.code,
            SurveyItem.answer_type,
            SurveyAnswer.number,
            SurveyAnswer.text,
        )
        .join(SurveyItem, SurveyItem.id == SurveyAnswer.item_id)
        .where(SurveyItem.survey_id == survey_id)
        .order_by(SurveyItem.position, SurveyItem.id)
    )
    for response_id, code, answer_type, number, text in given:
        value = answer_value(answer_type, number, text)
        if value is not None and response_id in answers:
            answers[response_id][code] = value
    return [
        ResponseRow(
            response_id,
            person_id,
            f"{first} {last}".strip(),
            email,
            submitted_on,
            source,
            answers[response_id],
        )
        for response_id, person_id, first, last, email, submitted_on, source in responses
    ]


def respondent_choices(session: Session, survey_id: int) -> list[PersonChoice]:
    """The people who may answer a survey, by name, for a form's drop-down.

    Those accepted in the programme in the survey's role (any role for a survey
    for everyone), and anyone who has already answered; everyone in the file
    when the programme has no accepted participants yet.
    """
    survey = get_survey(session, survey_id)
    accepted = (
        select(Application.person_id)
        .join(Strand)
        .where(
            Strand.programme_id == survey.programme_id,
            Application.status == ApplicationStatus.ACCEPTED,
        )
    )
    if survey.role is not None:
        accepted = accepted.where(Application.role == survey.role)
    answered = select(SurveyResponse.person_id).where(SurveyResponse.survey_id == survey.id)
    query = select(Person)
    people = session.scalars(query.where(Person.id.in_(accepted) | Person.id.in_(answered))).all()
    if not people:
        people = session.scalars(query).all()
    ordered = sorted(people, key=lambda p: (person_key(p), p.id))
    return [PersonChoice(p.id, p.full_name, p.email, p.department) for p in ordered]
