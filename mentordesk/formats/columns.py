"""Which column of an applications sheet holds what, and values written in words."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from mentordesk.domain.enums import (
    ApplicantField,
    ApplicationStatus,
    ContractType,
    Grade,
    Role,
)
from mentordesk.formats.tables import CellValue

F = ApplicantField

#: Headers that name a field outright, once normalised (see :func:`normalise`).
_EXACT: dict[ApplicantField, tuple[str, ...]] = {
    F.EMAIL: (
        "email", "e mail", "email address", "e mail address", "your email",
        "your email address", "mail", "courriel", "adresse e mail", "adresse email",
        "work email", "institutional email",
    ),
    F.FULL_NAME: (
        "name", "full name", "your name", "your full name", "nom complet",
        "first and last name", "name and surname", "applicant name", "participant name",
    ),
    F.FIRST_NAME: ("first name", "firstname", "given name", "given names", "forename", "prenom"),
    F.LAST_NAME: ("last name", "lastname", "surname", "family name", "nom", "nom de famille"),
    F.POSITION: ("position", "job title", "current position", "title", "poste"),
    F.GRADE: ("grade", "career stage", "career level", "academic grade"),
    F.CONTRACT_TYPE: ("contract", "type of contract", "contract type", "employment type"),
    F.DEPARTMENT: ("department", "faculty", "unit", "school", "dept", "departement"),
    F.ORGANISATION: (
        "institution", "organisation", "organization", "employer", "university",
        "affiliation", "company",
    ),
    F.FIELD: (
        "research field", "discipline", "field", "field of research", "research area",
        "subject area", "field of study",
    ),
    F.EXPERTISE: ("expertise", "topics you can offer", "areas of expertise", "skills"),
    F.LANGUAGES: ("languages", "language", "languages spoken", "spoken languages"),
    F.GENDER: ("gender",),
    F.CONSENT_ON: ("consent date", "date of consent", "consent given on", "consented on"),
    F.STRAND: ("strand", "programme strand", "program strand", "track"),
    F.ROLE: ("role", "mentor or mentee", "mentee or mentor", "i would like to participate as"),
    F.STATUS: ("status", "application status", "decision"),
    F.SUBMITTED_ON: (
        "submitted", "submitted on", "submitted at", "submission date", "date submitted",
        "timestamp", "completion time", "horodateur",
    ),
    F.GOALS: ("goals", "objectives", "your goals"),
    F.DEVELOPMENT_NEEDS: ("development needs", "areas for development"),
    F.PREFERENCES: ("preferences", "matching preferences"),
    F.CAPACITY: ("capacity", "number of mentees", "how many mentees"),
}  # fmt: skip

#: Words or phrases that point to a field when a header is a whole question.
_WITHIN: dict[ApplicantField, tuple[str, ...]] = {
    F.EMAIL: ("email", "e mail"),
    F.FULL_NAME: ("your name", "full name"),
    F.FIRST_NAME: ("first name", "given name"),
    F.LAST_NAME: ("last name", "surname", "family name"),
    F.POSITION: ("current position", "job title", "position"),
    F.GRADE: ("career stage", "grade"),
    F.CONTRACT_TYPE: ("contract",),
    F.DEPARTMENT: ("department", "faculty"),
    F.ORGANISATION: ("institution", "organisation", "organization", "employer", "affiliation"),
    F.FIELD: ("research field", "discipline", "field of research", "research area"),
    F.EXPERTISE: ("expertise", "can offer"),
    F.LANGUAGES: ("language", "languages"),
    F.GENDER: ("gender",),
    F.STRAND: ("strand",),
    F.ROLE: ("participate as", "mentor or mentee", "mentee or mentor"),
    F.SUBMITTED_ON: ("submitted", "timestamp", "completion time"),
    F.GOALS: ("goal", "goals", "hope to achieve", "objectives"),
    F.DEVELOPMENT_NEEDS: ("development needs", "development need", "areas for development"),
    F.PREFERENCES: ("preference", "preferences"),
    F.CAPACITY: ("how many mentees", "capacity", "number of mentees"),
}

_EXACT_SCORE = 3
_WITHIN_SCORE = 2
#: The "(2)" that read_table adds to a repeated header.
_REPEAT = re.compile(r"\s*\(\d+\)$")

#: Microsoft Forms opens every export with these columns, in this order.
_FORMS_BLOCK = ("id", "start time", "completion time", "email", "name")
_FORMS_OPTIONAL = ("last modified time", "total points", "quiz feedback")
#: What Microsoft Forms writes in its Email and Name columns for an anonymous answer.
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class FormsMetadata:
    """Where Microsoft Forms put its own columns, before the questions.

    Attributes:
        id: the response number.
        start_time: when the respondent opened the form.
        completion_time: when they submitted it.
        email: the respondent's sign-in ("anonymous" when the form does not ask).
        name: the display name of that sign-in.
        last_modified_time: when the response was last edited, if the form allows it.
        total_points: the quiz score, for a quiz.
        question_start: the index of the first question column.
    """

    id: int
    start_time: int
    completion_time: int
    email: int
    name: int
    last_modified_time: int | None
    total_points: int | None
    question_start: int


def normalise(text: str) -> str:
    r"""Reduce a header or answer to lower-case words without accents or punctuation.

    Args:
        text: a header or a cell's text.

    Returns:
        For example ``"what is your current position"`` for "What is your\\ncurrent position?".
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+|_", " ", plain).split())


def forms_metadata(headers: Sequence[str]) -> FormsMetadata | None:
    """Recognise the columns Microsoft Forms puts before the questions.

    Args:
        headers: the column titles as :func:`~mentordesk.formats.reading.read_table` gives them.

    Returns:
        Their positions, or None when the file does not start like a Forms export.
    """
    names = [normalise(_REPEAT.sub("", header)) for header in headers]
    if tuple(names[: len(_FORMS_BLOCK)]) != _FORMS_BLOCK:
        return None
    optional: dict[str, int] = {}
    index = len(_FORMS_BLOCK)
    while index < len(names) and names[index] in _FORMS_OPTIONAL:
        optional[names[index]] = index
        index += 1
    return FormsMetadata(
        id=0,
        start_time=1,
        completion_time=2,
        email=3,
        name=4,
        last_modified_time=optional.get("last modified time"),
        total_points=optional.get("total points"),
        question_start=index,
    )


def guess_mapping(headers: Sequence[str]) -> dict[int, ApplicantField]:
    """Guess which column holds which applicant field from the column titles.

    Each field goes to at most one column, the best match (an exact title
    beats a title that only mentions it; then the leftmost column). Columns
    that match nothing are left out of the result: a missing index means
    IGNORE.

    In a Microsoft Forms export, a question the applicant answered wins over
    the form's own Email and Name columns (the sign-in), which are used only
    when no question asks for an email or a name; its Completion time is the
    submission date.

    Args:
        headers: the column titles as :func:`~mentordesk.formats.reading.read_table` gives them.

    Returns:
        Column index to field, for the columns a field was found for.
    """
    forms = forms_metadata(headers)
    first_question = forms.question_start if forms else 0
    candidates: list[tuple[int, int, int, ApplicantField]] = []
    order = {field: rank for rank, field in enumerate(ApplicantField)}
    for column in range(first_question, len(headers)):
        name = normalise(_REPEAT.sub("", headers[column]))
        for field, score in _scores(name).items():
            candidates.append((-score, column, order[field], field))
    mapping: dict[int, ApplicantField] = {}
    for _, column, _, field in sorted(candidates):
        if column not in mapping and field not in mapping.values():
            mapping[column] = field
    if forms is not None:
        taken = set(mapping.values())
        if F.SUBMITTED_ON not in taken:
            mapping[forms.completion_time] = F.SUBMITTED_ON
        if F.EMAIL not in taken:
            mapping[forms.email] = F.EMAIL
        if not taken & {F.FULL_NAME, F.FIRST_NAME, F.LAST_NAME}:
            mapping[forms.name] = F.FULL_NAME
    return dict(sorted(mapping.items()))


def _scores(name: str) -> dict[ApplicantField, int]:
    scores: dict[ApplicantField, int] = {}
    if not name:
        return scores
    padded = f" {name} "
    for field, phrases in _WITHIN.items():
        if any(f" {phrase} " in padded for phrase in phrases):
            scores[field] = _WITHIN_SCORE
    for field, phrases in _EXACT.items():
        if name in phrases:
            scores[field] = _EXACT_SCORE
    words = set(name.split())
    # A consent column is a date only when its title says so ("I agree…" is a yes/no).
    if "consent" in words or "consented" in words:
        scores.pop(F.CONSENT_ON, None)
        if words & {"date", "on", "when"}:
            scores[F.CONSENT_ON] = _EXACT_SCORE
    # "Name of your supervisor" and the like are not the applicant's name.
    others = {"supervisor", "manager", "mentor", "line", "preferred"}
    if words & others and F.FULL_NAME in scores and name not in _EXACT[F.FULL_NAME]:
        del scores[F.FULL_NAME]
    return scores


def respondent_email(value: CellValue) -> str | None:
    """The email in a cell, or None when it is empty or Microsoft Forms' "anonymous".

    Args:
        value: a cell of the column mapped to EMAIL.

    Returns:
        The text, stripped, or None.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.casefold() == ANONYMOUS:
        return None
    return text


def split_multi(value: str) -> list[str]:
    """Split a multiple-choice answer into its choices.

    Microsoft Forms writes "A;B;" and Google Forms "A, B"; a hand-made sheet
    may put one choice per line. Semicolons win over line breaks, which win
    over commas, so a choice containing a comma survives a Forms export.

    Args:
        value: the cell's text.

    Returns:
        The choices, stripped, in order, without empties or repeats (ignoring case).
    """
    if ";" in value:
        parts = value.split(";")
    elif "\n" in value:
        parts = value.splitlines()
    else:
        parts = value.split(",")
    seen: set[str] = set()
    choices: list[str] = []
    for part in parts:
        choice = part.strip()
        if choice and choice.casefold() not in seen:
            seen.add(choice.casefold())
            choices.append(choice)
    return choices


E = TypeVar("E", bound=enum.StrEnum)

_CHOICE_SYNONYMS: dict[type[enum.StrEnum], dict[str, enum.StrEnum]] = {
    Role: {
        "mentees": Role.MENTEE,
        "protege": Role.MENTEE,
        "as a mentee": Role.MENTEE,
        "be mentored": Role.MENTEE,
        "to be mentored": Role.MENTEE,
        "i want to be mentored": Role.MENTEE,
        "i would like to be mentored": Role.MENTEE,
        "i would like to be a mentee": Role.MENTEE,
        "mentors": Role.MENTOR,
        "as a mentor": Role.MENTOR,
        "be a mentor": Role.MENTOR,
        "i want to mentor": Role.MENTOR,
        "i want to be a mentor": Role.MENTOR,
        "i would like to mentor": Role.MENTOR,
        "i would like to be a mentor": Role.MENTOR,
    },
    ApplicationStatus: {
        "new": ApplicationStatus.RECEIVED,
        "submitted": ApplicationStatus.RECEIVED,
        "pending": ApplicationStatus.RECEIVED,
        "shortlist": ApplicationStatus.SHORTLISTED,
        "accept": ApplicationStatus.ACCEPTED,
        "selected": ApplicationStatus.ACCEPTED,
        "waiting list": ApplicationStatus.WAITLISTED,
        "wait list": ApplicationStatus.WAITLISTED,
        "waitlist": ApplicationStatus.WAITLISTED,
        "reserve": ApplicationStatus.WAITLISTED,
        "rejected": ApplicationStatus.DECLINED,
        "not selected": ApplicationStatus.DECLINED,
        "unsuccessful": ApplicationStatus.DECLINED,
        "withdrew": ApplicationStatus.WITHDRAWN,
    },
    ContractType: {
        "open ended": ContractType.PERMANENT,
        "indefinite": ContractType.PERMANENT,
        "tenured": ContractType.PERMANENT,
        "permanent contract": ContractType.PERMANENT,
        "fixed term contract": ContractType.FIXED_TERM,
        "fixed term": ContractType.FIXED_TERM,
        "temporary": ContractType.FIXED_TERM,
        "limited": ContractType.FIXED_TERM,
        "phd student": ContractType.STUDENT,
        "doctoral student": ContractType.STUDENT,
    },
    Grade: {
        "phd candidate": Grade.DOCTORAL_CANDIDATE,
        "phd student": Grade.DOCTORAL_CANDIDATE,
        "doctoral student": Grade.DOCTORAL_CANDIDATE,
        "phd": Grade.DOCTORAL_CANDIDATE,
        "postdoc": Grade.POSTDOCTORAL_RESEARCHER,
        "post doc": Grade.POSTDOCTORAL_RESEARCHER,
        "postdoctoral fellow": Grade.POSTDOCTORAL_RESEARCHER,
        "lecturer": Grade.ASSISTANT_PROFESSOR,
        "senior lecturer": Grade.ASSOCIATE_PROFESSOR,
        "reader": Grade.ASSOCIATE_PROFESSOR,
        "full professor": Grade.PROFESSOR,
        "administrative staff": Grade.PROFESSIONAL_STAFF,
        "technical staff": Grade.PROFESSIONAL_STAFF,
        "support staff": Grade.PROFESSIONAL_STAFF,
    },
}


def normalise_choice(text: str, enum_type: type[E]) -> E | None:
    """Find the member a written answer means: its value or label, or a common wording.

    Args:
        text: the answer, e.g. "Mentee", "I want to be mentored", "Fixed-term".
        enum_type: Role, ApplicationStatus, ContractType, Grade or another string enum.

    Returns:
        The member, or None when the answer is not recognised.
    """
    wanted = normalise(text)
    if not wanted:
        return None
    for member in enum_type:
        label = str(getattr(member, "label", member.value))
        if wanted in (normalise(member.value), normalise(label)):
            return member
    found = _CHOICE_SYNONYMS.get(enum_type, {}).get(wanted)
    return found if isinstance(found, enum_type) else None
