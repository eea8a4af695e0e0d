"""One answer to a survey item: read as typed or as a form export wrote it, stored, shown.

An item is answered with a rating from 1 to 5, yes or no, or free text. A rating
may come as a number, "4 - Good", "5/5" or the words of an agreement or
satisfaction scale; yes or no in several languages' short words. Other words are
refused with a message saying why, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from mentordesk.domain.enums import SurveyItemType
from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.columns import normalise

#: An answer as services take and give it: a rating (1–5), yes or no, or text.
AnswerValue = int | bool | str
#: Longest free-text answer kept.
MAX_ANSWER_LENGTH = 5000

#: Answers in words on the usual five-point scales; other words are refused, not guessed.
_RATING_WORDS = {
    "strongly disagree": 1,
    "disagree": 2,
    "somewhat disagree": 2,
    "neither agree nor disagree": 3,
    "neither agree or disagree": 3,
    "neutral": 3,
    "undecided": 3,
    "somewhat agree": 4,
    "agree": 4,
    "strongly agree": 5,
    "very dissatisfied": 1,
    "dissatisfied": 2,
    "neither satisfied nor dissatisfied": 3,
    "satisfied": 4,
    "very satisfied": 5,
    "not at all": 1,
    "slightly": 2,
    "moderately": 3,
    "very": 4,
    "extremely": 5,
}
_YES = frozenset({"yes", "y", "true", "oui", "ja", "1"})
_NO = frozenset({"no", "n", "false", "non", "nein", "0"})
_LEADING_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)(?:\s*(?:[-–—:.)/]|out of\b)|\s|$)")


def read_answer(answer_type: SurveyItemType, value: object) -> AnswerValue | None:
    """Read one answer as typed or as a form export wrote it.

    A rating may be a number from 1 to 5, "4 - Good", "5/5" or the words of an
    agreement or satisfaction scale ("Strongly agree" is 5); yes or no may be
    Yes/No, Y/N, True/False or 1/0; free text is kept as written.

    Args:
        answer_type: how the item is answered.
        value: the answer: a cell of a sheet, or what a form holds.

    Returns:
        A rating (int), yes or no (bool) or text; None when there is no answer.

    Raises:
        InvalidInput: the answer does not fit the item; the message says why.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if answer_type is SurveyItemType.LIKERT:
        return _rating(value)
    if answer_type is SurveyItemType.YES_NO:
        return _yes_no(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    if len(text) > MAX_ANSWER_LENGTH:
        raise InvalidInput(f"the answer is too long: at most {MAX_ANSWER_LENGTH} characters")
    return text


def _rating(value: object) -> int:
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if match := _LEADING_NUMBER.match(text):
            number = float(match[1].replace(",", "."))
        elif (words := _RATING_WORDS.get(normalise(text))) is not None:
            return words
    if number is not None and number.is_integer() and 1 <= number <= 5:
        return int(number)
    raise InvalidInput(f"“{_shown(value)}” is not a rating from 1 to 5")


def _yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        words = normalise(value)
        if words in _YES:
            return True
        if words in _NO:
            return False
    raise InvalidInput(f"“{_shown(value)}” is not yes or no")


def _shown(value: object) -> str:
    text = str(value).strip()
    return text if len(text) <= 40 else f"{text[:39]}…"


def stored_answer(answer_type: SurveyItemType, value: AnswerValue) -> tuple[int | None, str]:
    """An answer as the survey_answer table keeps it: a number (yes is 1) or text."""
    if answer_type is SurveyItemType.TEXT:
        return None, str(value)
    return int(value), ""


def answer_value(answer_type: SurveyItemType, number: int | None, text: str) -> AnswerValue | None:
    """An answer as the survey_answer table keeps it, read back: None when there is none."""
    if answer_type is SurveyItemType.TEXT:
        return text or None
    if number is None:
        return None
    return bool(number) if answer_type is SurveyItemType.YES_NO else number


def answer_text(answer_type: SurveyItemType, value: AnswerValue | None) -> str:
    """An answer as a table shows it: ``4``, ``Yes``, or the text."""
    if value is None:
        return ""
    if answer_type is SurveyItemType.YES_NO:
        return "Yes" if value else "No"
    return str(value)
