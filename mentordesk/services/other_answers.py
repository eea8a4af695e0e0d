"""Other answers: what an application form asked beyond MentorDesk's fields, kept with it.

A form asks more than MentorDesk has fields for ("How did you hear about the
programme?", "Dietary requirements for the launch event"). Every answer that
goes to no field is kept with its application, under its question and in the
form's order, so that nothing a person wrote is dropped on the way in. They are
shown in the applicant's detail panel, found by the Applicants search, written to
the whole-programme workbook and to a subject access export, and erased with the
person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, delete, select
from sqlalchemy.orm import Session

from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.text import clean_text
from mentordesk.services.audit import record_change
from mentordesk.store.models import Application, ApplicationAnswer, Strand

#: The longest question kept (a form's question, as its column header).
MAX_QUESTION = 500
#: The longest answer kept (Excel holds up to 32,767 characters in a cell).
MAX_ANSWER = 20_000
#: Ids looked up in one statement, well under SQLite's limit on parameters.
_CHUNK = 900


@dataclass(frozen=True)
class OtherAnswer:
    """One answer of an application form that no field of MentorDesk holds.

    Attributes:
        question: the form's question, as its column was headed.
        answer: what the applicant answered, as written.
    """

    question: str
    answer: str


def question_key(question: str) -> str:
    """A question as questions are compared: case folded, single spaces."""
    return " ".join(clean_text(question).casefold().split())


def checked_answers(answers: Iterable[OtherAnswer]) -> list[OtherAnswer]:
    """The answers as they are stored: cleaned, blank answers left out, in order.

    Text is cleaned as every text MentorDesk keeps is
    (:func:`~mentordesk.formats.text.clean_text`: invisible characters removed,
    trimmed); line breaks inside an answer stay.

    Raises:
        InvalidInput: a question is blank or longer than :data:`MAX_QUESTION`
            characters, or an answer longer than :data:`MAX_ANSWER`.
    """
    kept = []
    for given in answers:
        question, answer = clean_text(given.question), clean_text(given.answer)
        if not answer:
            continue
        if not question:
            raise InvalidInput("An other answer needs the question it answers.")
        if len(question) > MAX_QUESTION:
            raise InvalidInput(
                f"The question “{question[:60]}…” is too long to keep: at most "
                f"{MAX_QUESTION:,} characters, it has {len(question):,}."
            )
        if len(answer) > MAX_ANSWER:
            raise InvalidInput(
                f"The answer to “{_shortened(question)}” is too long to keep: at most "
                f"{MAX_ANSWER:,} characters, it has {len(answer):,}."
            )
        kept.append(OtherAnswer(question, answer))
    return kept


def _shortened(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def other_answers_of(session: Session, application_id: int) -> list[OtherAnswer]:
    """An application's other answers, in the form's order ([] when it has none)."""
    rows = session.execute(
        select(ApplicationAnswer.question, ApplicationAnswer.answer)
        .where(ApplicationAnswer.application_id == application_id)
        .order_by(ApplicationAnswer.position)
    )
    return [OtherAnswer(question, answer) for question, answer in rows]


#: Each answer with its application, in the form's order.
_ANSWERS = select(
    ApplicationAnswer.application_id, ApplicationAnswer.question, ApplicationAnswer.answer
).order_by(ApplicationAnswer.application_id, ApplicationAnswer.position)


def _grouped(found: dict[int, list[OtherAnswer]], rows: Iterable[Row[int, str, str]]) -> None:
    for application_id, question, answer in rows:
        found.setdefault(application_id, []).append(OtherAnswer(question, answer))


def other_answers_by_application(
    session: Session, application_ids: Iterable[int]
) -> dict[int, list[OtherAnswer]]:
    """The other answers of several applications, by application id, each in the form's order.

    Applications without other answers are not in the result.
    """
    ids = sorted(set(application_ids))
    found: dict[int, list[OtherAnswer]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ApplicationAnswer.application_id.in_(ids[start : start + _CHUNK])
        _grouped(found, session.execute(_ANSWERS.where(chunk)))
    return found


def other_answers_in_programme(session: Session, programme_id: int) -> dict[int, list[OtherAnswer]]:
    """The other answers of every application of a programme, by application id, in one query.

    Applications without other answers are not in the result.
    """
    query = (
        _ANSWERS.join(Application, ApplicationAnswer.application_id == Application.id)
        .join(Strand, Application.strand_id == Strand.id)
        .where(Strand.programme_id == programme_id)
    )
    found: dict[int, list[OtherAnswer]] = {}
    _grouped(found, session.execute(query))
    return found


def answers_text(answers: Sequence[OtherAnswer]) -> str:
    """Other answers as one text, a line each ("Question: answer"), for searching and tooltips."""
    return "\n".join(f"{a.question}: {a.answer}" for a in answers)


def set_other_answers(
    session: Session, application_id: int, answers: Sequence[OtherAnswer]
) -> None:
    """Replace an application's other answers with these, in this order.

    Blank answers are not kept. A change is recorded in the audit trail
    (that the other answers changed, never what they say); giving the answers
    the application already has changes nothing.

    Raises:
        NotFound: the application is no longer in the file.
        InvalidInput: a question or an answer is refused (see :func:`checked_answers`).
    """
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("This application is no longer in the file.")
    wanted = checked_answers(answers)
    if other_answers_of(session, application_id) == wanted:
        return
    session.flush()
    session.execute(
        delete(ApplicationAnswer).where(ApplicationAnswer.application_id == application_id)
    )
    session.add_all(
        ApplicationAnswer(
            application_id=application_id,
            position=position,
            question=answer.question,
            answer=answer.answer,
        )
        for position, answer in enumerate(wanted, start=1)
    )
    session.flush()
    session.expire(application, ["other_answers"])
    record_change(
        session, "edited", "application", application_id, f"other answers ({len(wanted)})"
    )


def merged_answers(old: Sequence[OtherAnswer], new: Sequence[OtherAnswer]) -> list[OtherAnswer]:
    """An application's other answers updated by a newer form's: what an import keeps.

    A new answer replaces the old answer to the same question (compared without
    regard to case or spacing), where the old one stood; a new question comes
    after the old ones, in the new answers' order; old answers the new ones do
    not touch are kept. A blank new answer replaces nothing.
    """
    merged = list(old)
    free: dict[str, list[int]] = {}
    for index, answer in enumerate(merged):
        free.setdefault(question_key(answer.question), []).append(index)
    for answer in new:
        if not clean_text(answer.answer):
            continue
        places = free.get(question_key(answer.question))
        if places:
            merged[places.pop(0)] = answer
        else:
            merged.append(answer)
    return merged
