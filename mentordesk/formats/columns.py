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
    Role,
)
from mentordesk.formats.tables import CellValue

F = ApplicantField

#: Headers that name a field outright, once normalised (see :func:`normalise`).
_EXACT: dict[ApplicantField, tuple[str, ...]] = {
    F.EMAIL: (
        "email", "e mail", "email address", "e mail address", "your email",
        "your email address", "mail", "courriel", "adresse e mail", "adresse email",
        "work email", "institutional email", "adresse electronique", "e mail adresse",
        "emailadresse",
    ),
    F.FULL_NAME: (
        "name", "full name", "your name", "your full name", "nom complet",
        "first and last name", "name and surname", "applicant name", "participant name",
        "nom et prenom", "prenom et nom", "vor und nachname", "vollstandiger name",
    ),
    F.FIRST_NAME: (
        "first name", "firstname", "given name", "given names", "forename", "prenom", "vorname",
    ),
    F.LAST_NAME: (
        "last name", "lastname", "surname", "family name", "nom", "nom de famille", "nachname",
        "familienname",
    ),
    F.POSITION: ("position", "job title", "current position", "title", "poste", "fonction"),
    F.STAGE: (
        "grade", "career stage", "stage", "level", "career level", "academic grade",
        "stade de carriere", "niveau de carriere", "etape de carriere", "karrierestufe",
        "laufbahnstufe", "grade level", "pay grade", "staff grade", "your grade",
        "your career stage", "current career stage", "current grade",
    ),
    F.LINE_MANAGER: (
        "line manager", "manager", "manager s email", "managers email", "manager email",
        "line manager s email", "line manager email", "line managers email",
        "email of your line manager", "supervisor", "supervisor s email", "supervisor email",
        "reporting to", "reports to", "responsable hierarchique", "superieur hierarchique",
        "superieure hierarchique", "n 1", "vorgesetzte r", "vorgesetzter", "vorgesetzte",
        "e mail der vorgesetzten", "e mail des vorgesetzten", "direkte r vorgesetzte r",
    ),
    F.CONTRACT_TYPE: (
        "contract", "type of contract", "contract type", "employment type", "type de contrat",
        "vertragsart",
    ),
    F.DEPARTMENT: (
        "department", "faculty", "unit", "school", "dept", "departement", "abteilung",
        "fachbereich", "fakultat", "research unit", "unite", "unite de recherche", "lehrstuhl",
    ),
    F.ORGANISATION: (
        "institution", "organisation", "organization", "employer", "university",
        "affiliation", "company", "etablissement", "arbeitgeber", "einrichtung", "institute",
        "institut",
    ),
    F.FIELD: (
        "research field", "discipline", "field", "field of research", "research area",
        "subject area", "field of study", "domaine de recherche", "fachgebiet",
    ),
    F.EXPERTISE: ("expertise", "topics you can offer", "areas of expertise", "skills"),
    F.LANGUAGES: (
        "languages", "language", "languages spoken", "spoken languages", "langues", "sprachen",
    ),
    F.GENDER: ("gender", "genre", "geschlecht"),
    F.CONSENT_ON: ("consent date", "date of consent", "consent given on", "consented on"),
    F.STRAND: ("strand", "programme strand", "program strand", "track", "volet"),
    F.ROLE: (
        "role", "mentor or mentee", "mentee or mentor", "i would like to participate as",
        "i am applying as", "i am applying as a", "applying as", "rolle",
    ),
    F.STATUS: (
        "status", "application status", "decision", "committee decision", "selection decision",
        "outcome", "decision du comite", "entscheidung",
    ),
    F.SUBMITTED_ON: (
        "submitted", "submitted on", "submitted at", "submission date", "date submitted",
        "timestamp", "completion time", "horodateur", "zeitstempel", "marca temporal", "date",
        "date received", "application date", "date of application",
    ),
    F.GOALS: ("goals", "objectives", "your goals", "motivation", "objectifs", "ziele"),
    F.DEVELOPMENT_NEEDS: (
        "development needs", "areas for development", "support areas", "challenges",
    ),
    F.PREFERENCES: ("preferences", "matching preferences"),
    F.AVAILABILITY: ("availability", "availabilities", "disponibilite", "verfugbarkeit"),
    F.CAPACITY: ("capacity", "number of mentees", "how many mentees"),
}  # fmt: skip

#: What a question asking what the applicant can give says ("Areas I can offer support in").
_OFFERING = (
    "offer", "can offer", "could offer", "can you offer", "could you offer",
    "you could mentor on", "could you mentor on", "can you mentor on", "can share",
    "could share", "i can help", "i could help", "you can help", "you could help",
    "can you help", "could you help", "pouvez vous offrir", "anbieten",
)  # fmt: skip
#: A "track" that is not one of the programme's ("Your track record").
_NOT_A_STRAND = ("tenure track", "track record", "keep track", "fast track", "on track",
                 "career track")  # fmt: skip

#: Words or phrases that point to a field when a header is a whole question.
_WITHIN: dict[ApplicantField, tuple[str, ...]] = {
    F.EMAIL: ("email", "e mail", "courriel"),
    F.FULL_NAME: ("your name", "full name"),
    F.FIRST_NAME: ("first name", "given name"),
    F.LAST_NAME: ("last name", "surname", "family name"),
    F.POSITION: ("current position", "job title", "position"),
    F.STAGE: ("career stage", "grade", "career level", "niveau de carriere", "karrierestufe"),
    F.LINE_MANAGER: (
        "line manager", "manager", "supervisor", "reporting to", "report to", "reports to",
        "responsable hierarchique", "superieur hierarchique", "superieure hierarchique",
        "vorgesetzte", "vorgesetzter", "vorgesetzten",
    ),
    F.CONTRACT_TYPE: ("contract",),
    F.DEPARTMENT: (
        "department", "faculty", "research unit", "unite de recherche", "abteilung", "lehrstuhl",
    ),
    F.ORGANISATION: (
        "institution", "organisation", "organization", "employer", "affiliation", "institute",
        "institut", "etablissement",
    ),
    F.FIELD: ("research field", "discipline", "field of research", "research area"),
    F.EXPERTISE: ("expertise", "strengths", "competences", "kompetenzen", *_OFFERING),
    F.LANGUAGES: ("language", "languages", "langues", "sprachen"),
    F.GENDER: ("gender",),
    F.STRAND: (
        "strand", "track", "which programme", "which program", "which track",
        "part of the programme", "part of the program", "which stream", "which pathway",
        "which scheme", "programme stream", "quel volet", "welche programmlinie", "programmlinie",
        "programmbereich",
    ),
    F.ROLE: (
        "participate as", "mentor or mentee", "mentee or mentor", "applying as", "apply as",
        "join as", "take part as", "register as", "sign up as", "role in the programme",
        "role in the program", "participer en tant que", "participez en tant que",
        "inscrivez en tant que", "en tant que mentor", "teilnehmen als",
        "bewerbe mich als", "bewerben sie sich als", "mentor oder mentee",
    ),
    F.SUBMITTED_ON: (
        "submitted", "timestamp", "completion time", "date of submission", "applied on",
        "date applied", "received on", "date received", "submission date",
    ),
    F.GOALS: (
        "goal", "goals", "hope to achieve", "objectives", "get out of", "hope to gain",
        "hope to get", "want to achieve", "like to achieve", "motivation", "motivates you",
        "why do you want", "why would you like", "what do you expect", "expectations", "aims",
        "what you want from", "objectifs", "attentes", "attendez vous", "ziele", "erwartungen",
        "erreichen",
    ),
    F.DEVELOPMENT_NEEDS: (
        "development needs", "development need", "areas for development", "support with",
        "support in", "support areas", "areas to develop", "areas you would like to develop",
        "want to develop", "like to develop", "need support", "help with", "challenges",
        "challenge", "besoins", "developper", "axes de developpement", "etre accompagne",
        "unterstutzung",
    ),
    F.PREFERENCES: (
        "preference", "preferences", "prefer", "ideal mentor", "ideal mentee",
        "looking for in a mentor", "looking for in a mentee", "preferences for your", "souhaits",
        "praferenzen", "wunsche",
    ),
    F.AVAILABILITY: (
        "availability", "available", "how often can you meet", "how often could you meet",
        "how often would you like to meet", "time commitment", "time can you commit",
        "time could you commit", "hours per month", "hours a month", "disponibilite",
        "disponibilites", "disponible", "verfugbarkeit", "verfugbar", "wie oft",
    ),
    F.CAPACITY: ("how many mentees", "capacity", "number of mentees"),
}  # fmt: skip

#: Free-text questions: when one of these is asked, what the question happens to
#: mention ("a mentor of the same gender", "your mentor or mentee") is not what it holds.
_MEANING = frozenset({F.GOALS, F.DEVELOPMENT_NEEDS, F.EXPERTISE, F.PREFERENCES, F.AVAILABILITY})
_MENTIONED = frozenset({
    F.GENDER, F.LANGUAGES, F.FIELD, F.DEPARTMENT, F.ORGANISATION, F.STAGE, F.POSITION,
    F.CONTRACT_TYPE, F.ROLE, F.LINE_MANAGER,
})  # fmt: skip
#: Words of a header about someone other than the applicant (a supervisor's email).
_SOMEONE_ELSE = frozenset({
    "supervisor", "supervisors", "manager", "managers", "referee", "referees", "reference",
    "head", "pi", "boss", "chef", "responsable", "superieur", "superieure", "vorgesetzte",
    "vorgesetzten", "vorgesetzter", "betreuer", "betreuerin", "referenz",
})  # fmt: skip
#: Words of a header asking for a consent or an agreement (answered yes or no).
_CONSENT_WORDS = (
    "consent", "agree", "i accept", "data protection", "privacy", "gdpr", "rgpd", "dsgvo",
    "personal data", "donnees personnelles", "protection des donnees", "j accepte",
    "consentement", "datenschutz", "einwilligung", "einverstanden", "zustimmung",
    "terms and conditions",
)  # fmt: skip

#: The "(2)" that read_table adds to a repeated header.
_REPEAT = re.compile(r"\s*\(\d+\)$")

#: Microsoft Forms opens every export with these columns, in this order, named in
#: the language its owner's interface is set to: English, German, French, Spanish,
#: Italian and Dutch.
_FORMS_BLOCK: tuple[frozenset[str], ...] = (
    frozenset({"id"}),
    frozenset({
        "start time", "startzeit", "heure de debut", "hora de inicio", "ora di inizio",
        "begintijd",
    }),
    frozenset({
        "completion time", "fertigstellungszeit", "heure de fin", "hora de finalizacion",
        "ora di completamento", "tijd van voltooien",
    }),
    frozenset({
        "email", "e mail", "adresse de messagerie", "correo electronico", "posta elettronica",
    }),
    frozenset({"name", "nom", "nombre", "nome", "naam"}),
)  # fmt: skip
_LAST_MODIFIED = frozenset({
    "last modified time", "letzte anderungszeit", "zeitpunkt der letzten anderung",
    "heure de la derniere modification", "hora de la ultima modificacion",
    "ora dell ultima modifica", "tijd van laatste wijziging",
})  # fmt: skip
#: Quizzes add these, in English whatever the language (a French export shows them so).
_TOTAL_POINTS = frozenset({"total points"})
_QUIZ_FEEDBACK = frozenset({"quiz feedback"})
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

    Forms names them in its owner's language ("ID, Startzeit,
    Fertigstellungszeit, E-Mail, Name", "ID, Heure de début, Heure de fin,
    Adresse de messagerie, Nom"), always in this order.

    Args:
        headers: the column titles as :func:`~mentordesk.formats.reading.read_table` gives them.

    Returns:
        Their positions, or None when the file does not start like a Forms export.
    """
    names = [header_key(header) for header in headers]
    if len(names) < len(_FORMS_BLOCK) or any(
        name not in wordings for name, wordings in zip(names, _FORMS_BLOCK, strict=False)
    ):
        return None
    optional: dict[frozenset[str], int] = {}
    index = len(_FORMS_BLOCK)
    while index < len(names):
        kind = next(
            (k for k in (_LAST_MODIFIED, _TOTAL_POINTS, _QUIZ_FEEDBACK) if names[index] in k), None
        )
        if kind is None or kind in optional:
            break
        optional[kind] = index
        index += 1
    return FormsMetadata(
        id=0,
        start_time=1,
        completion_time=2,
        email=3,
        name=4,
        last_modified_time=optional.get(_LAST_MODIFIED),
        total_points=optional.get(_TOTAL_POINTS),
        question_start=index,
    )


def guess_mapping(headers: Sequence[str]) -> dict[int, ApplicantField]:
    """Guess which column holds which applicant field from the column titles.

    Each field goes to at most one column, the best match (an exact title
    beats a title that only mentions it; then the leftmost column). Columns
    that match nothing are left out of the result (an importer keeps them as
    other answers). Headers only: :func:`~mentordesk.formats.column_guess.
    recognise_columns` weighs the answers too, with these same scores.

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
        for field, score in header_scores(header_key(headers[column])).items():
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


#: Header scores: a header that names the field beats one that only mentions it.
EXACT_SCORE = 3
WITHIN_SCORE = 2


def header_key(header: str) -> str:
    """A header as its words are compared: normalised, without read_table's "(2)".

    Args:
        header: a column title as :func:`~mentordesk.formats.reading.read_table` gives it.

    Returns:
        For example ``"email"`` for "Email (2)".
    """
    return normalise(_REPEAT.sub("", header))


def header_scores(name: str) -> dict[ApplicantField, int]:
    """How strongly a header points to each field: :data:`EXACT_SCORE` or :data:`WITHIN_SCORE`.

    A consent question ("I agree…") points to nothing here: whether it is a yes
    or no or a date is for its answers to say.

    Args:
        name: the header as :func:`header_key` gives it.

    Returns:
        Field to score, for the fields the header names or mentions.
    """
    scores: dict[ApplicantField, int] = {}
    if not name:
        return scores
    padded = f" {name} "
    unstranded = padded
    for phrase in _NOT_A_STRAND:
        unstranded = unstranded.replace(f" {phrase} ", " ")
    for field, phrases in _WITHIN.items():
        text = unstranded if field is F.STRAND else padded
        if any(f" {phrase} " in text for phrase in phrases):
            scores[field] = WITHIN_SCORE
    if scores.keys() & _MEANING:
        # "Would you prefer a mentor of the same gender?" asks a preference, not a gender.
        for field in _MENTIONED & scores.keys():
            del scores[field]
    if F.EXPERTISE in scores and F.DEVELOPMENT_NEEDS in scores:
        # "Areas I can offer support in" asks what the applicant gives; "Which skills
        # would you like to develop?" and "…support with (or offer support in)?" what
        # they need: what the question asks first is what it holds.
        offering = _first_at(padded, _OFFERING)
        needing = _first_at(padded, _WITHIN[F.DEVELOPMENT_NEEDS])
        gives = offering is not None and (needing is None or offering < needing)
        del scores[F.DEVELOPMENT_NEEDS if gives else F.EXPERTISE]
    if F.DEPARTMENT in scores and F.ORGANISATION in scores:
        # "Department / Institute": the one named first.
        department = _first_at(padded, _WITHIN[F.DEPARTMENT]) or 0
        organisation = _first_at(padded, _WITHIN[F.ORGANISATION]) or 0
        del scores[F.ORGANISATION if department < organisation else F.DEPARTMENT]
    for field, phrases in _EXACT.items():
        if name in phrases:
            scores[field] = EXACT_SCORE
    words = set(name.split())
    # A consent column is a date only when its title says so ("I agree…" is a yes/no).
    if "consent" in words or "consented" in words:
        scores.pop(F.CONSENT_ON, None)
        if words & {"date", "on", "when"}:
            scores[F.CONSENT_ON] = EXACT_SCORE
    # "Name of your supervisor" and the like are not the applicant's name.
    others = {"supervisor", "manager", "mentor", "line", "preferred"}
    if words & others and F.FULL_NAME in scores and name not in _EXACT[F.FULL_NAME]:
        del scores[F.FULL_NAME]
    if names_someone_else(name):
        for field in (F.EMAIL, F.FULL_NAME, F.FIRST_NAME, F.LAST_NAME):
            scores.pop(field, None)
    return scores


def _first_at(padded: str, phrases: Sequence[str]) -> int | None:
    """Where the first of ``phrases`` stands in a padded header, or None when none does."""
    found = [at for phrase in phrases if (at := padded.find(f" {phrase} ")) >= 0]
    return min(found, default=None)


def names_someone_else(name: str) -> bool:
    """Whether a header asks about someone other than the applicant ("Supervisor's email").

    Args:
        name: the header as :func:`header_key` gives it.

    Returns:
        True when it names a supervisor, manager, referee or head.
    """
    return not _SOMEONE_ELSE.isdisjoint(name.split())


def mentions_consent(name: str) -> bool:
    """Whether a header asks for a consent or an agreement ("I agree…", "Data protection").

    Args:
        name: the header as :func:`header_key` gives it.

    Returns:
        True when it speaks of consent, agreement, privacy or data protection.
    """
    padded = f" {name} "
    return any(f" {words} " in padded for words in _CONSENT_WORDS)


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
        "reserve list": ApplicationStatus.WAITLISTED,
        "on the reserve list": ApplicationStatus.WAITLISTED,
        "on the waiting list": ApplicationStatus.WAITLISTED,
        "liste d attente": ApplicationStatus.WAITLISTED,
        "en liste d attente": ApplicationStatus.WAITLISTED,
        "warteliste": ApplicationStatus.WAITLISTED,
        "nachruckliste": ApplicationStatus.WAITLISTED,
        "to review": ApplicationStatus.RECEIVED,
        "to be reviewed": ApplicationStatus.RECEIVED,
        "under review": ApplicationStatus.RECEIVED,
        "en attente": ApplicationStatus.RECEIVED,
        "a examiner": ApplicationStatus.RECEIVED,
        "offen": ApplicationStatus.RECEIVED,
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
}


def normalise_choice(text: str, enum_type: type[E]) -> E | None:
    """Find the member a written answer means: its value or label, or a common wording.

    Args:
        text: the answer, e.g. "Mentee", "I want to be mentored", "Fixed-term".
        enum_type: Role, ApplicationStatus, ContractType or another string enum.

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
    if found is None and enum_type is Role:
        found = role_in_words(text)
    return found if isinstance(found, enum_type) else None


#: French writes the mentee with an accent ("mentoré(e)", "mentorée"); read before accents go.
_FRENCH_MENTEE = re.compile(r"mentor[éè](?:\(e\)|e)?(?:\(s\)|s)?")
#: German writes both genders in one word: "Mentor/in", "Mentor:in", "Mentor*innen".
_GERMAN_MENTOR = re.compile(r"mentor\s*(?:[/:*_]\s*|\(\s*)in(?:nen)?\)?")
_MENTEE_WORDS = re.compile(
    "|".join(
        (
            r"\b(?:mentees?|protegee?s?|mentorees?|mentorad[oa]s?|mentorizad[oa]s?)\b",
            r"\b(?:be|being|get|getting|been) mentored\b",
            r"\b(?:have|get|find|need|want|like|receive|request|seek|seeking|looking for"
            r"|assigned|matched with|paired with|with) (?:a|an|my|one|some) (?:mentor|mentorin)\b",
            r"\b(?:receive|receiving|get|getting|benefit from|benefiting from|access to)"
            r" (?:some )?(?:mentoring|mentorship)\b",
            r"\b(?:avoir|trouver|obtenir|rencontrer) (?:un|une) (?:mentor|mentore)\b",
            r"\betre (?:accompagnee?|suivie?|encadree?)\b",
            r"\b(?:beneficier d un|recevoir un|recevoir du) (?:mentorat|accompagnement)\b",
            r"\b(?:einen|eine) (?:mentor|mentorin) (?:haben|finden|bekommen|suchen|erhalten)\b",
            r"\bsuche (?:einen|eine) (?:mentor|mentorin)\b",
            r"\b(?:mentoring|betreuung|begleitung) (?:erhalten|bekommen|in anspruch nehmen)\b",
            r"\b(?:betreut|begleitet|gementort|mentoriert|gecoacht) (?:zu )?werden\b",
            # "Early-career researcher looking for guidance", "Looking for someone to guide me"
            r"\b(?:looking for|look for|seeking|seek|need|needing|want|like|receive|receiving"
            r"|get|getting|hoping for|hope for|asking for|ask for|in need of)"
            r"(?: some| more| a little| a bit of)? (?:guidance|advice|coaching|support|help)\b",
            r"\b(?:be|being|get|getting) (?:guided|advised|coached|supported)\b",
            r"\b(?:guide|advise|coach|support|help|mentor|accompany) me\b",
            r"\b(?:cherche|recherche|besoin d|besoin de|souhaite|voudrais|aimerais|recevoir"
            r"|obtenir)(?: des| de| du| d un| un| une)? (?:conseils?|accompagnement|soutien|aide"
            r"|orientation)\b",
            r"\b(?:suche|brauche|wunsche mir)(?: eine?n?| etwas)? (?:rat|beratung|unterstutzung"
            r"|orientierung|begleitung|hilfe)\b",
        )
    )
)
_MENTOR_WORDS = re.compile(
    "|".join(
        (
            r"\b(?:mentors?|mentorin(?:nen)?|mentore|mentori|mentora)\b",
            r"\b(?:offer|offering|give|giving|provide|providing|share|sharing|volunteer"
            r"|volunteering)(?: to (?:give|provide|offer))? (?:my |some )?"
            r"(?:mentoring|mentorship|time|experience|expertise|support|guidance)\b",
            r"\b(?:proposer|offrir|partager|donner) (?:du |mon |de mon |mes )?"
            r"(?:mentorat|temps|experience|accompagnement|conseils)\b",
            r"\bmentoring (?:anbieten|geben)\b",
            r"\b(?:erfahrung|zeit|wissen) (?:weitergeben|teilen|anbieten)\b",
            # "Experienced researcher, happy to guide someone", "Happy to advise junior colleagues"
            r"\b(?:happy|willing|glad|keen|able|ready|pleased|available|like|love) to"
            r" (?:guide|advise|coach|help|support|mentor|accompany)\b",
            r"\b(?:guide|guiding|advise|advising|coach|coaching|support|supporting|help|helping"
            r"|mentoring|accompany|accompanying) (?:an? )?(?:someone|somebody|others|other people"
            r"|another|junior|younger|less experienced|early career|newer|new)\b",
            r"\b(?:accompagner|conseiller|guider|soutenir|aider|encadrer) (?:un|une|des|d autres"
            r"|quelqu un|les|de jeunes)\b",
            r"\b(?:andere|jemanden|nachwuchs\w*|jungere\w*) (?:zu )?(?:begleiten|beraten"
            r"|unterstutzen|fordern|betreuen|anleiten)\b",
        )
    )
)
#: Longer answers are sentences about something else ("I would like a mentor who…").
_ROLE_MAX_WORDS = 16
_PARENTHESES = re.compile(r"\([^)]*\)")


def role_in_words(text: str) -> Role | None:
    """The role an answer names, in any of the ways forms put it (English, French, German).

    "Mentee", "I'd like to be mentored", "I would like to have a mentor",
    "Mentoré(e)", "Je souhaite être mentoré(e)" and "Mentee (I would like a
    mentor)" name the mentee; "Mentor", "As a mentor", "Offering mentoring",
    "Mentorin", "Mentor/in" and "Ich möchte Mentorin sein" the mentor. An
    answer naming both ("Mentor or mentee?", "Both") names neither, unless
    what is in brackets only explains the rest.

    Args:
        text: the answer as written.

    Returns:
        The role, or None when the answer names none or both.
    """
    role = _role_of(text)
    if role is None and "(" in text:
        role = _role_of(_PARENTHESES.sub(" ", text))
    return role


def _role_of(text: str) -> Role | None:
    folded = unicodedata.normalize("NFC", text).casefold()
    folded = _GERMAN_MENTOR.sub(" mentorin ", _FRENCH_MENTEE.sub(" mentee ", folded))
    words = normalise(folded)
    if not words or words.count(" ") >= _ROLE_MAX_WORDS:
        return None
    mentee = _MENTEE_WORDS.search(words) is not None
    mentor = _MENTOR_WORDS.search(_MENTEE_WORDS.sub(" ", words)) is not None
    if mentee == mentor:
        return None
    return Role.MENTEE if mentee else Role.MENTOR


def strand_in_words(text: str, strand_names: Sequence[str]) -> str | None:
    """The strand a written answer names: its name, in other case or spacing, or within a phrase.

    "Fellows", "fellows ", "FELLOWS" and "Fellows strand (postdocs)" all name
    "Fellows"; a strand called "Fellows" is also named by "Fellow strand".
    When a longer strand's name holds a shorter one ("Doctoral Circles" and
    "Circles"), the longer one is the one named.

    Args:
        text: the answer as written.
        strand_names: the programme's strands.

    Returns:
        The strand's name as the programme writes it, or None when the answer
        names none or more than one.
    """
    stripped = text.strip()
    if stripped in strand_names:
        return stripped
    wanted = normalise(text)
    if not wanted:
        return None
    padded = f" {wanted} "
    spans: list[tuple[int, int, str]] = []
    for name in strand_names:
        key = normalise(name)
        if not key:
            continue
        if key == wanted:
            return name
        for form in (key, key[:-1]) if key.endswith("s") and len(key) > 3 else (key,):
            at = padded.find(f" {form} ")
            if at >= 0:
                spans.append((at, at + len(form) + 1, name))
                break
    # A name inside a longer name that was also found is not named on its own.
    named = {
        name
        for start, end, name in spans
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans)
    }
    return named.pop() if len(named) == 1 else None


_YES = frozenset({
    "yes", "y", "oui", "ja", "si", "true", "x", "agree", "agreed", "i agree", "consent",
    "i consent", "accept", "accepted", "i accept", "j accepte", "d accord", "je suis d accord",
    "stimme zu", "ich stimme zu", "einverstanden", "ich bin einverstanden", "zugestimmt",
    "checked", "ok", "okay",
})  # fmt: skip
_NO = frozenset({"no", "n", "non", "nein", "false", "disagree", "i disagree", "refuse"})
_TICKS = frozenset("✓✔☑✅🗸")
#: Answers that begin like these agree, unless a "not" follows closely.
_AGREEING = re.compile(
    r"(?:(yes|oui|ja)|i agree|i consent|i accept|i confirm|i give my consent|i have read"
    r"|i hereby|i understand|agree|j accepte|je consens|j autorise|je donne mon consentement"
    r"|je confirme|ich stimme|ich willige|ich bin einverstanden|ich akzeptiere"
    r"|ich bestatige)\b"
)
_AGREEMENT = re.compile(
    r"\b(?:agree|consent|accept|accepte|consens|stimme|einverstanden|willige|akzeptiere)\b"
)
_REFUSING = re.compile(r"(?:no|non|nein)\b")
_NOT = frozenset({"not", "don", "dont", "never", "pas", "nicht", "kein", "keine", "refuse"})


def yes_or_no(text: str) -> bool | None:
    """Whether an answer says yes or no: "Yes", "I agree", "Oui", "Ja", "TRUE", "x", "✓".

    A Microsoft Forms checkbox answer that repeats its statement ("I agree to
    the processing of my data;") says yes; "I do not agree", "Je n'accepte pas"
    and "Ich stimme nicht zu" say no.

    Args:
        text: the answer as written.

    Returns:
        True for yes, False for no, None for anything else.
    """
    stripped = text.strip().rstrip(";").strip()
    if stripped and all(char in _TICKS for char in stripped):
        return True
    words = normalise(stripped)
    if words in _YES:
        return True
    if words in _NO:
        return False
    agreeing = _AGREEING.match(words)
    if agreeing and agreeing[1]:
        return True  # "Yes, I agree", "Oui, j'accepte"
    first = set(words.split()[:5])
    if agreeing or _AGREEMENT.search(words):
        return not (_NOT & first or "disagree" in first)
    if _REFUSING.match(words):
        return False
    return None
