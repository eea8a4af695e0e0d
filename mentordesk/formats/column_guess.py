"""Which column of a form export holds what, from its header and from its answers together.

Header words will always meet a wording nobody listed, so the answers vote
too: a column whose answers are "Mentor" and "Mentee" is the role column
whatever its question says. Every guess carries its reason in plain words;
a weak guess or a tie between two columns is shown but never applied, and a
column no field fits is kept with the application as "other answers".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from mentordesk.domain.enums import ApplicantField, ApplicationStatus, ContractType
from mentordesk.domain.stages import (
    ACADEMIC_STAGES,
    COMMITTEE_STAGES,
    STAFF_SCHEME_STAGES,
    stage_key,
)
from mentordesk.formats.columns import (
    EXACT_SCORE,
    WITHIN_SCORE,
    header_key,
    header_scores,
    mentions_consent,
    names_someone_else,
    normalise,
    normalise_choice,
    role_in_words,
    split_multi,
    strand_in_words,
    yes_or_no,
)
from mentordesk.formats.dates import parse_date
from mentordesk.formats.form_tools import ToolColumn, tool_columns
from mentordesk.formats.tables import CellValue, SheetTable, cell_text, column_letters

F = ApplicantField


@dataclass(frozen=True)
class ColumnGuess:
    """What one column of a table holds, and why that is thought.

    Attributes:
        column: the 0-based index in ``table.headers``.
        header: the column's title.
        field: the field the column goes to if this guess is applied; OTHER
            when nothing fits, IGNORE for a form tool's own columns.
        sure: True when :func:`mapping_from` applies the guess; False for a
            weak guess or a tie, shown with its reason but not applied (the
            column is then kept as other answers).
        reason: why, in plain words ("answers are Mentor/Mentee in 55 of 55 rows").
        samples: up to 3 different answers, shortened.
        suggestion: for a weak guess or a tie, the field the column might hold.
    """

    column: int
    header: str
    field: ApplicantField
    sure: bool
    reason: str
    samples: tuple[str, ...]
    suggestion: ApplicantField | None = None


#: A choice question has at most this many different answers; role, strand,
#: yes-or-no, gender and career stage answers are looked for only in such columns.
_CHOICES = 20
#: In a column of many different answers (addresses, times, free text) only this
#: many of them, the first in the file, are looked at.
_LOOKED_AT = 300
_SAMPLES = 3
#: A larger table is looked at through this many rows spread evenly over it.
_SAMPLE_ROWS = 5_000
_SAMPLE_LENGTH = 40
#: Share of the answers that makes content evidence strong, and the share that
#: makes it worth showing as a weak guess.
_STRONG_SHARE = 0.9
_WEAK_SHARE = 0.6
_YES_NO_SHARE = 0.8
#: Google Forms' lists of choices: this share of the rows ticked two or more, each
#: choice this many characters long on average at most.
_LIST_SHARE = 0.3
_CHOICE_LENGTH = 30
#: Content scores, to add to the header's (:data:`EXACT_SCORE`, :data:`WITHIN_SCORE`).
_STRONG = 3
_WEAK = 1

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
#: What a date written as text starts like; parse_date has the last word.
_DATE_SHAPE = re.compile(
    r"\s*(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b"
    r"|(?:[^\W\d_]+\.?,?\s+)?\d{1,2}(?:st|nd|rd|th|er)?\.?\s+[^\W\d_]{3,}\.?,?\s+\d{4}"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
#: A time of day in a date written as text (an ambiguous date is read without its time).
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
#: Excel serial numbers between 1954 and 2119 read as dates in a column whose header
#: speaks of a date or time.
_SERIALS = (20_000, 80_000)
_DATE_WORDS = frozenset({
    "date", "time", "timestamp", "submitted", "when", "day", "datum", "zeit", "horodateur",
    "zeitstempel", "jour", "heure", "completed", "recorded",
})  # fmt: skip

_LANGUAGES = frozenset({
    "english", "french", "german", "luxembourgish", "spanish", "italian", "portuguese",
    "dutch", "chinese", "mandarin", "cantonese", "japanese", "korean", "arabic", "russian",
    "polish", "greek", "turkish", "hindi", "urdu", "bengali", "persian", "farsi", "hebrew",
    "swedish", "danish", "norwegian", "finnish", "czech", "slovak", "hungarian", "romanian",
    "bulgarian", "croatian", "serbian", "ukrainian", "catalan", "basque", "irish", "welsh",
    "swahili", "vietnamese", "thai", "indonesian", "malay", "tamil", "slovenian",
    "lithuanian", "latvian", "estonian", "albanian", "sign language",
    "anglais", "francais", "allemand", "luxembourgeois", "espagnol", "italien", "portugais",
    "neerlandais", "chinois", "japonais", "arabe", "russe", "polonais", "grec", "turc",
    "englisch", "franzosisch", "deutsch", "luxemburgisch", "spanisch", "italienisch",
    "portugiesisch", "niederlandisch", "chinesisch", "japanisch", "arabisch", "russisch",
    "polnisch", "griechisch", "turkisch",
})  # fmt: skip
_GENDERS = frozenset({
    "woman", "women", "female", "man", "men", "male", "non binary", "nonbinary", "f", "m",
    "femme", "homme", "feminin", "masculin", "non binaire", "frau", "mann", "weiblich",
    "mannlich", "divers", "genderqueer", "agender", "gender fluid", "genderfluid",
    "cis woman", "cis man", "trans woman", "trans man",
})  # fmt: skip
_UNSAID = frozenset({
    "prefer not to say", "i prefer not to say", "rather not say", "other", "autre",
    "keine angabe", "je prefere ne pas repondre", "prefer to self describe",
})  # fmt: skip
_CHOICE_FIELDS = ((F.CONTRACT_TYPE, ContractType), (F.STATUS, ApplicationStatus))
_CHOICE_WORDS = {
    F.STAGE: "career stages",
    F.CONTRACT_TYPE: "contract types",
    F.STATUS: "application statuses",
}
#: The career stages of the programme templates and their wordings ("Postdoc",
#: "Senior lecturer", "Grade 6"): a choice question answered with them asks the stage.
_STAGE_WORDS = frozenset(
    stage_key(text)
    for stage in (*ACADEMIC_STAGES, *STAFF_SCHEME_STAGES, *COMMITTEE_STAGES)
    for text in (stage.name, *stage.wordings)
)
#: Header words of a question that may say who applies as what ("Do you want to mentor?").
_ROLE_HINTS = frozenset({"mentor", "mentee", "mentoring", "role", "mentored", "apply", "as"})


@dataclass
class _Profile:
    """What the answers of one column look like: how many rows hold each kind of answer."""

    filled: int = 0
    seen: int = 0
    distinct: int = 0
    sampled: bool = False
    samples: tuple[str, ...] = ()
    counts: tuple[int, ...] = ()
    roles: int = 0
    role_words: list[str] = dataclasses.field(default_factory=list)
    strands: int = 0
    strands_exact: int = 0
    strand_phrases: int = 0
    strand_names: list[str] = dataclasses.field(default_factory=list)
    emails: int = 0
    dates: int = 0
    timed: int = 0
    yes_no: int = 0
    agreeing: int = 0
    forms_lists: int = 0
    lists: int = 0
    choices: Counter[str] = dataclasses.field(default_factory=Counter)
    languages: int = 0
    genders: int = 0
    gender_said: bool = False
    members: Counter[ApplicantField] = dataclasses.field(default_factory=Counter)

    def share(self, rows: int) -> float:
        """The share of the rows looked at that ``rows`` is (0 for a column with no answers)."""
        return rows / self.seen if self.seen else 0.0

    def in_rows(self, rows: int) -> str:
        """The rows as a reason counts them: "in 55 of 55 rows" ("… looked at" for some)."""
        looked = " looked at" if self.sampled or self.seen < self.filled else ""
        return f"in {rows:,} of {self.seen:,} rows{looked}"

    @property
    def is_list(self) -> bool:
        """Whether the answers are multiple choices joined into one cell.

        Microsoft Forms ends every such answer with ";"; Google Forms joins the
        choices with ", ", which free text does too, so there the answers must
        be short choices from a small set, met again in other answers.
        """
        if not self.seen:
            return False
        if self.forms_lists >= self.seen / 2:
            return True
        choices = self.choices
        short = sum(map(len, choices)) <= _CHOICE_LENGTH * len(choices)
        again = sum(1 for answers in choices.values() if answers > 1)
        return (
            self.lists >= self.seen * _LIST_SHARE
            and len(choices) <= _CHOICES * 3 // 2
            and again * 3 >= len(choices)
            and short
        )


@dataclass
class _Vote:
    """How strongly a column's header and answers point to one field, and why."""

    field: ApplicantField
    header: int = 0
    content: int = 0
    reasons: list[str] = dataclasses.field(default_factory=list)

    @property
    def level(self) -> tuple[int, bool]:
        """Votes at the same level for the same field are a tie."""
        return self.header + self.content, self.header > 0

    @property
    def sure(self) -> bool:
        """A header that names the field, or answers that plainly are it."""
        return self.header >= WITHIN_SCORE or self.content >= _STRONG


def recognise_columns(table: SheetTable, strand_names: Sequence[str] = ()) -> list[ColumnGuess]:
    """Recognise what each column holds from its header and its answers together.

    Header words (as :func:`~mentordesk.formats.columns.guess_mapping` scores
    them) and the answers (roles, strands, email addresses, dates, yes-or-no
    consent answers, lists of choices, language names, genders, career stages) vote
    together. Each field goes to at most one column; two columns with equal
    votes for a field are a tie, shown on both and applied to neither. A form
    tool's own columns (Microsoft Forms, Google Forms quizzes, Qualtrics,
    LimeSurvey) are left out, except the one that says when the answer was
    submitted, and Microsoft Forms' sign-in, used when no question asks for
    the email or the name.

    Args:
        table: the table as :func:`~mentordesk.formats.reading.read_table` read it.
        strand_names: the programme's strands, for answers that name one.

    Returns:
        One guess per column, in column order.
    """
    headers = table.headers
    keys = [header_key(header) for header in headers]
    profiles = [
        _profile(counts, sampled, keys[column], strand_names)
        for column, (counts, sampled) in enumerate(_answer_counts(table))
    ]
    tools = tool_columns(headers)
    has_tool_date = any(tool.fallback is F.SUBMITTED_ON for tool in tools.values())
    votes = {
        column: _votes(headers[column], keys[column], profiles[column], has_tool_date)
        for column in range(len(headers))
        if column not in tools
    }
    chosen = _assign(votes)
    taken = {vote.field for vote, _ in chosen.values()}
    guesses: dict[int, ColumnGuess] = {}
    for column, (vote, rivals) in chosen.items():
        guesses[column] = _guess(table, column, vote, rivals, profiles[column])
    # A question's weak guess is not applied, so it does not stop the tool's column.
    by_questions = {
        column: vote.field for column, (vote, rivals) in chosen.items() if vote.sure or rivals
    }
    for column, tool in tools.items():
        guesses[column] = _tool_guess(headers, column, tool, profiles[column], by_questions)
        if guesses[column].field is tool.fallback:
            taken.add(guesses[column].field)
    for column in range(len(headers)):
        if column not in guesses:
            guesses[column] = ColumnGuess(
                column, headers[column], F.OTHER, True, _nothing_fits(profiles[column]),
                profiles[column].samples,
            )  # fmt: skip
    _suggest_missing(guesses, profiles, keys, taken, strand_names)
    return [guesses[column] for column in range(len(headers))]


def mapping_from(guesses: Sequence[ColumnGuess]) -> dict[int, ApplicantField]:
    """The mapping the guesses make: each sure guess's field; OTHER for the rest.

    Args:
        guesses: as :func:`recognise_columns` gives them.

    Returns:
        Every column's field: a sure guess's (IGNORE for a form tool's own
        columns), OTHER for a weak guess or a tie.
    """
    return {guess.column: guess.field if guess.sure else F.OTHER for guess in guesses}


def likely_column(guesses: Sequence[ColumnGuess], wanted: ApplicantField) -> ColumnGuess | None:
    """The column most likely to hold a field that was not mapped, for a hint to map it.

    Args:
        guesses: as :func:`recognise_columns` gives them.
        wanted: the field that is missing, such as ROLE.

    Returns:
        A weak guess or a tie for the field, else a column suggested for it,
        else None. None too when a sure guess already maps the field.
    """
    if any(g.sure and g.field is wanted for g in guesses):
        return None
    weak = [g for g in guesses if not g.sure and g.field is wanted]
    suggested = [g for g in guesses if g.suggestion is wanted]
    return next(iter(weak + suggested), None)


# ---------------------------------------------------------------------------
# What the answers look like


def _answer_counts(table: SheetTable) -> list[tuple[Counter[CellValue], bool]]:
    """Each column's different answers and how many rows hold each, empty cells left out.

    A large table is looked at through rows spread evenly over it; a column
    with few different answers there (a choice question) is then counted
    whole, so its reason gives exact numbers.

    Returns:
        Per column: the counts, and whether they come from the spread rows only.
    """
    rows = table.rows
    step = -(-len(rows) // _SAMPLE_ROWS) if rows else 1
    spread = rows[::step] if step > 1 else rows
    columns = list(zip(*spread, strict=True)) if spread else [() for _ in table.headers]
    found: list[tuple[Counter[CellValue], bool]] = []
    for column, cells in enumerate(columns):
        counts = _without_empty(Counter(cells))
        sampled = step > 1
        if sampled and len(counts) <= _CHOICES:
            counts = _without_empty(Counter(map(itemgetter(column), rows)))
            sampled = len(counts) > _CHOICES
            if sampled:  # many different answers after all: the spread rows say enough
                counts = _without_empty(Counter(cells))
        found.append((counts, sampled))
    return found


def _without_empty(counts: Counter[CellValue]) -> Counter[CellValue]:
    counts.pop(None, None)
    counts.pop("", None)
    return counts


def _profile(
    counts: Counter[CellValue], sampled: bool, key: str, strand_names: Sequence[str]
) -> _Profile:
    profile = _Profile(filled=sum(counts.values()), distinct=len(counts), sampled=sampled)
    choice_question = profile.distinct <= _CHOICES
    dated = not _DATE_WORDS.isdisjoint(key.split())
    samples: list[str] = []
    for value, rows in itertools.islice(counts.items(), _LOOKED_AT):
        profile.seen += rows
        text = cell_text(value)
        if len(samples) < _SAMPLES and text:
            samples.append(_shortened(text))
        _look_at(profile, value, text, rows, dated)
        if choice_question and isinstance(value, str):
            _look_at_choice(profile, text, rows, strand_names)
    profile.samples = tuple(samples)
    if choice_question:
        profile.counts = tuple(sorted(counts.values(), reverse=True))
    return profile


def _look_at(profile: _Profile, value: CellValue, text: str, rows: int, dated: bool) -> None:
    """Count one distinct answer's rows as an address, a date, a list or languages."""
    if isinstance(value, dt.datetime):
        profile.dates += rows
        if value.time() != dt.time():
            profile.timed += rows
    elif isinstance(value, dt.date):
        profile.dates += rows
    elif isinstance(value, bool):
        profile.yes_no += rows
    elif isinstance(value, int | float):
        if dated and _SERIALS[0] <= value <= _SERIALS[1]:
            profile.dates += rows
            if value % 1:
                profile.timed += rows
    elif _EMAIL.fullmatch(text):
        profile.emails += rows
    elif _is_date(text):
        profile.dates += rows
        if _CLOCK.search(text):
            profile.timed += rows
    else:
        choices = split_multi(text)
        if text.endswith(";"):
            profile.forms_lists += rows
        if len(choices) > 1:
            profile.lists += rows
            profile.choices.update({normalise(choice) for choice in choices})
        if choices and all(normalise(choice) in _LANGUAGES for choice in choices):
            profile.languages += rows


def _look_at_choice(profile: _Profile, text: str, rows: int, strand_names: Sequence[str]) -> None:
    """Count one answer of a choice question as a role, strand, yes or no, gender or stage."""
    choices = split_multi(text) if ";" in text else [text]
    roles = {role_in_words(choice) for choice in choices}
    if None not in roles:
        profile.roles += rows
        profile.role_words.append(text)
    strand = strand_in_words(text, strand_names) if strand_names else None
    if strand is not None:
        profile.strands += rows
        profile.strand_names.append(strand)
        if normalise(text) == normalise(strand):
            profile.strands_exact += rows
        else:
            profile.strand_phrases += 1
    said = yes_or_no(text)
    if said is not None:
        profile.yes_no += rows
        if said and any(word in normalise(text) for word in ("agree", "consent", "accept")):
            profile.agreeing += rows
    words = normalise(text)
    if words in _GENDERS:
        profile.genders += rows
        profile.gender_said = True
    elif words in _UNSAID:
        profile.genders += rows
    for wanted, enum_type in _CHOICE_FIELDS:
        member = normalise_choice(text, enum_type)
        if member is not None and member != "other":
            profile.members[wanted] += rows
    if stage_key(text) in _STAGE_WORDS:
        profile.members[F.STAGE] += rows


def _is_date(text: str) -> bool:
    if not _DATE_SHAPE.match(text):
        return False
    parsed = parse_date(text)
    return parsed.value is not None or parsed.ambiguous


def _shortened(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SAMPLE_LENGTH else flat[: _SAMPLE_LENGTH - 1].rstrip() + "…"


# ---------------------------------------------------------------------------
# Votes


def _votes(header: str, key: str, profile: _Profile, has_tool_date: bool) -> dict[F, _Vote]:
    """The header's and the answers' votes for one column."""
    votes: dict[F, _Vote] = {}

    def vote(wanted: F, header_score: int = 0, content: int = 0, reason: str = "") -> None:
        found = votes.setdefault(wanted, _Vote(wanted))
        found.header = max(found.header, header_score)
        found.content = max(found.content, content)
        if reason and reason not in found.reasons:
            found.reasons.append(reason)

    said = header_scores(key)
    for wanted, reason, content in _content_votes(header, key, profile):
        if wanted is F.SUBMITTED_ON and has_tool_date:
            continue  # the form tool says when; a question's dates are something else
        if wanted is F.STAGE and F.POSITION in said and F.STAGE not in said:
            continue  # "Position / job title" answered "Postdoc": a position, as the header says
        vote(wanted, content=content, reason=reason)
    if F.LINE_MANAGER in said and profile.share(profile.yes_no) >= _YES_NO_SHARE:
        # "Are you a line manager?", "Does your manager agree?": answered yes or no.
        del said[F.LINE_MANAGER]
    for wanted, score in said.items():
        vote(wanted, header_score=score, reason=_header_reason(header, score))
    if mentions_consent(key) and F.CONSENT not in votes and F.CONSENT_ON not in votes:
        vote(
            F.CONSENT,
            content=_WEAK,
            reason=f"header asks “{header}” but the answers are not yes or no",
        )
    return votes


def _content_votes(header: str, key: str, profile: _Profile) -> list[tuple[F, str, int]]:
    """What the answers alone say: (field, reason, content score)."""
    found: list[tuple[F, str, int]] = []
    share = profile.share

    def strength(rows: int) -> int:
        if profile.seen and share(rows) >= _STRONG_SHARE:
            return _STRONG
        return _WEAK if profile.seen and share(rows) >= _WEAK_SHARE else 0

    if score := strength(profile.roles):
        found.append((F.ROLE, _role_reason(profile), score))
    strand_score = strength(profile.strands)
    if profile.strand_phrases > 2 * len(set(profile.strand_names)) + 2:
        strand_score = min(strand_score, _WEAK)  # many different sentences: free text
    if strand_score:
        names = ", ".join(dict.fromkeys(profile.strand_names))
        how = "are the strands" if profile.strands_exact == profile.strands else "name a strand"
        found.append(
            (F.STRAND, f"answers {how} ({names}) {profile.in_rows(profile.strands)}", strand_score)
        )
    if (score := strength(profile.emails)) and not names_someone_else(key):
        found.append(
            (F.EMAIL, f"answers are email addresses {profile.in_rows(profile.emails)}", score)
        )
    if score := strength(profile.dates):
        timed = profile.timed >= profile.dates * _STRONG_SHARE
        what = "dates and times" if timed else "dates"
        reason = f"answers are {what} {profile.in_rows(profile.dates)}"
        if mentions_consent(key):
            found.append((F.CONSENT_ON, reason, score))
        else:
            found.append((F.SUBMITTED_ON, reason, score if timed else _WEAK))
    consent_score = strength(profile.agreeing)
    if mentions_consent(key) and share(profile.yes_no) >= _YES_NO_SHARE:
        consent_score = _STRONG
    if consent_score:
        reason = f"answers are yes or no {profile.in_rows(profile.yes_no)}"
        if mentions_consent(key):
            reason += f" to “{header}”"
        found.append((F.CONSENT, reason, consent_score))
    if score := strength(profile.languages):
        found.append(
            (F.LANGUAGES, f"answers are languages {profile.in_rows(profile.languages)}", score)
        )
    if profile.gender_said and (score := strength(profile.genders)):
        found.append((F.GENDER, f"answers are genders {profile.in_rows(profile.genders)}", score))
    for wanted, rows in profile.members.items():
        if score := strength(rows):
            what = _CHOICE_WORDS[wanted]
            found.append((wanted, f"answers are {what} {profile.in_rows(rows)}", score))
    return found


def _role_reason(profile: _Profile) -> str:
    words = list(dict.fromkeys(profile.role_words))
    rows = profile.in_rows(profile.roles)
    if len(words) <= 2 and all(len(word) <= 20 for word in words):
        joined = " or ".join(words) if any("/" in word for word in words) else "/".join(words)
        return f"answers are {joined} {rows}"
    return f"answers name the role, mentor or mentee, {rows}"


def _header_reason(header: str, score: int) -> str:
    # "Position / job title" is three words, "Ihre E-Mail-Adresse" two.
    words = sum(1 for word in header.split() if any(char.isalnum() for char in word))
    asked = header.rstrip().endswith("?") or (score < EXACT_SCORE and words >= 4)
    verb = "asks" if asked else "says"
    return f"header {verb} “{header}”"


# ---------------------------------------------------------------------------
# Each field to one column


def _assign(votes: dict[int, dict[F, _Vote]]) -> dict[int, tuple[_Vote, list[int]]]:
    """Give each field to the column with the strongest vote; equal votes are a tie.

    Returns:
        Column to its chosen vote and the columns it ties with (none when it won alone).
    """
    order = {member: rank for rank, member in enumerate(ApplicantField)}

    def rank(vote: _Vote) -> tuple[int, bool, int]:
        return (*vote.level, -order[vote.field])

    chosen: dict[int, tuple[_Vote, list[int]]] = {}
    taken: set[F] = set()
    open_columns = {column for column, found in votes.items() if found}
    while open_columns:
        proposals: dict[int, _Vote] = {}
        for column in open_columns:
            options = [v for v in votes[column].values() if v.field not in taken]
            if options:
                proposals[column] = max(options, key=rank)
        if not proposals:
            break
        top = max(vote.level for vote in proposals.values())
        by_field: dict[F, list[int]] = defaultdict(list)
        for column, vote in sorted(proposals.items()):
            if vote.level == top:
                by_field[vote.field].append(column)
        for wanted, columns in by_field.items():
            taken.add(wanted)
            for column in columns:
                chosen[column] = (proposals[column], [c for c in columns if c != column])
                open_columns.discard(column)
    return chosen


#: Fields that say the same thing: a form tool's column is not needed when one is mapped.
_SAME_FACT: dict[F, frozenset[F]] = {
    F.SUBMITTED_ON: frozenset({F.SUBMITTED_ON}),
    F.EMAIL: frozenset({F.EMAIL}),
    F.FULL_NAME: frozenset({F.FULL_NAME, F.FIRST_NAME, F.LAST_NAME}),
}


def _tool_guess(
    headers: Sequence[str],
    column: int,
    tool: ToolColumn,
    profile: _Profile,
    by_questions: dict[int, F],
) -> ColumnGuess:
    """A form tool's own column: its field when no question gave it, else left out.

    A question gives the field when its guess is sure or ties with another
    question's (the coordinator then chooses among the questions). Microsoft
    Forms' sign-in is then the tool's bookkeeping, not an answer: kept, it
    would repeat the email and name of every applicant among their answers.
    """
    header, wanted = headers[column], tool.fallback
    if wanted is None:
        return ColumnGuess(column, header, F.IGNORE, True, tool.reason, profile.samples)
    sources = sorted(c for c, given in by_questions.items() if given in _SAME_FACT[wanted])
    if not sources:
        return ColumnGuess(column, header, wanted, True, tool.given, profile.samples)
    named = [f"{column_letters(c)} “{headers[c]}”" for c in sources]
    source = f"column {named[0]}"
    if len(named) > 1:
        # First and last name give the name together; two email questions tie.
        joined = " and " if len({by_questions[c] for c in sources}) > 1 else " or "
        source = f"columns {', '.join(named[:-1])}{joined}{named[-1]}"
    return ColumnGuess(column, header, F.IGNORE, True, tool.unused(source), profile.samples)


def _guess(
    table: SheetTable, column: int, vote: _Vote, rivals: list[int], profile: _Profile
) -> ColumnGuess:
    header = table.headers[column]
    reason = "; ".join(vote.reasons)
    if profile.is_list and vote.field not in {F.LANGUAGES}:
        reason += f"; {_list_reason(profile)}"
    if rivals:
        others = ", ".join(f"“{table.headers[c]}”" for c in rivals)
        reason += f"; so does {others}: choose which column is the {vote.field.label.lower()}"
        return ColumnGuess(column, header, vote.field, False, reason, profile.samples, vote.field)
    if not vote.sure:
        reason += "; not sure enough to use unless you choose it"
        return ColumnGuess(column, header, vote.field, False, reason, profile.samples, vote.field)
    return ColumnGuess(column, header, vote.field, True, reason, profile.samples)


def _list_reason(profile: _Profile) -> str:
    rows = max(profile.lists, profile.forms_lists)
    return f"answers are lists of choices {profile.in_rows(rows)}"


def _nothing_fits(profile: _Profile) -> str:
    if not profile.filled:
        return "no answers in any row; no field fits"
    if profile.is_list:
        return f"no field fits; {_list_reason(profile)}"
    return "no field fits the header or the answers"


# ---------------------------------------------------------------------------
# Where a missing field might be


def _suggest_missing(
    guesses: dict[int, ColumnGuess],
    profiles: Sequence[_Profile],
    keys: Sequence[str],
    taken: set[F],
    strand_names: Sequence[str],
) -> None:
    """Point to the column most likely to hold the role, strand or email when none was found."""
    free = [
        column
        for column, guess in guesses.items()
        if guess.field is F.OTHER and guess.sure and profiles[column].filled
        and not profiles[column].is_list
    ]  # fmt: skip
    if F.ROLE not in taken and (column := _likely_role(free, profiles, keys)) is not None:
        reason = f"{_split_reason(profiles[column])}; it may say who applies as what"
        guesses[column] = _suggest(guesses[column], F.ROLE, reason)
        free.remove(column)
    if F.STRAND not in taken and len(strand_names) > 1:
        few = [c for c in free if 2 <= profiles[c].distinct <= len(strand_names) + 3]
        if few:
            column = max(few, key=lambda c: (profiles[c].strands, _split(profiles[c]), -c))
            names = ", ".join(strand_names)
            reason = f"{_split_reason(profiles[column])}; they may stand for the strands ({names})"
            guesses[column] = _suggest(guesses[column], F.STRAND, reason)
    if F.EMAIL not in taken:
        addressed = [
            column
            for column, guess in guesses.items()
            if profiles[column].emails and guess.field in {F.OTHER, F.IGNORE}
            and not names_someone_else(keys[column])
        ]  # fmt: skip
        if addressed:
            column = max(addressed, key=lambda c: (profiles[c].share(profiles[c].emails), -c))
            found = profiles[column]
            reason = f"answers are email addresses {found.in_rows(found.emails)}"
            guesses[column] = _suggest(guesses[column], F.EMAIL, reason)


def _likely_role(free: list[int], profiles: Sequence[_Profile], keys: Sequence[str]) -> int | None:
    """The column most likely to say who applies as what, when no answers name the roles.

    A role question whose answers are not in words ("Would you like to be a
    mentor?" as "Q4", answered "Yes" or "No") still splits the applicants
    into groups, where a consent question's answers are nearly all the same.
    So: a question of 2 to 4 choices that splits the rows, one whose header
    speaks of mentoring first, then one answered yes or no, then the one that
    splits them most evenly.
    """
    splitting = [
        c for c in free
        if 2 <= profiles[c].distinct <= 4 and _split(profiles[c]) > 0.1
        and header_scores(keys[c]).keys() <= {F.ROLE}  # "Which track?" asks something else
    ]  # fmt: skip
    if not splitting:
        return None

    def likelihood(column: int) -> tuple[bool, bool, float, int]:
        profile = profiles[column]
        hinted = not _ROLE_HINTS.isdisjoint(keys[column].split())
        yes_no = profile.share(profile.yes_no) >= _YES_NO_SHARE
        return hinted, yes_no, _split(profile), -column

    return max(splitting, key=likelihood)


def _split(profile: _Profile) -> float:
    """How evenly a few-choice column splits its rows: 0 when all say the same."""
    if not profile.counts or not profile.filled:
        return 0.0
    return 1 - profile.counts[0] / profile.filled


def _split_reason(profile: _Profile) -> str:
    shown = ", ".join(f"“{s}”" for s in profile.samples)
    return f"answers are one of {profile.distinct} choices ({shown})"


def _suggest(guess: ColumnGuess, wanted: F, reason: str) -> ColumnGuess:
    if guess.field is F.IGNORE:
        return ColumnGuess(
            guess.column,
            guess.header,
            F.IGNORE,
            True,
            f"{guess.reason}; {reason}",
            guess.samples,
            wanted,
        )
    return ColumnGuess(
        guess.column, guess.header, wanted, False,
        f"{reason}; not sure enough to use unless you choose it", guess.samples, wanted,
    )  # fmt: skip
