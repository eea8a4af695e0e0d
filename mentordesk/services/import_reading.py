"""What each row of an applications table says, read column by column before anything is decided.

A form's 100,000 answers repeat a handful of wordings (strands, roles, stages,
yes or no), so each distinct answer of a column is understood once per import;
dates are read in the day order their whole column settles
(:func:`~mentordesk.formats.dates.day_order`); and every answer no field takes
is kept as an other answer under its question.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any, TypeVar

from mentordesk.domain.enums import (
    ApplicantField,
    ApplicationStatus,
    ContractType,
    Role,
)
from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.columns import (
    ANONYMOUS,
    normalise,
    normalise_choice,
    split_multi,
    strand_in_words,
    yes_or_no,
)
from mentordesk.formats.dates import DayOrder, day_order, parse_date
from mentordesk.formats.person_names import split_full_name
from mentordesk.formats.tables import CellValue, SheetTable, cell_text, column_letters
from mentordesk.formats.text import clean_text, whole_number
from mentordesk.services.other_answers import MAX_ANSWER, MAX_QUESTION, OtherAnswer
from mentordesk.services.programmes import retired_strand
from mentordesk.services.validation import join_tags, normalise_email, optional_text

F = ApplicantField
_E = TypeVar("_E", bound=enum.StrEnum)
_V = TypeVar("_V")

#: Person fields read as text: the attribute and the longest text kept.
PERSON_TEXT = {
    F.ORGANISATION: ("organisation", 200),
    F.DEPARTMENT: ("department", 200),
    F.POSITION: ("position", 200),
    F.STAGE: ("stage", 120),
    F.FIELD: ("field", 200),
    F.GENDER: ("gender", 60),
    F.EXPERTISE: ("expertise", 2000),
    F.LANGUAGES: ("languages", 200),
}
#: Application fields read as text.
APPLICATION_TEXT = {
    F.GOALS: ("goals", 5000),
    F.DEVELOPMENT_NEEDS: ("development_needs", 5000),
    F.PREFERENCES: ("preferences", 5000),
    F.AVAILABILITY: ("availability", 5000),
}
#: Value maps are kept for these fields: a form's own wording → the programme's value.
VALUE_MAPPED = (F.STRAND, F.ROLE, F.STATUS)
#: The fields a person's name is read from; FULL_NAME stands for them all where a
#: field a row cannot do without is named.
NAME_FIELDS = (F.FULL_NAME, F.FIRST_NAME, F.LAST_NAME)
#: The fields a row cannot do without; a row missing one is refused (the name only
#: when the row adds someone new: a person in the file keeps their name).
REQUIRED = (F.EMAIL, F.FULL_NAME, F.STRAND, F.ROLE)
#: How the problem of a row missing a required field begins.
_MISSING = {
    F.EMAIL: ("Email: missing", "Email: the form was anonymous"),
    F.FULL_NAME: ("Name: missing",),
    F.STRAND: ("Strand: missing",),
    F.ROLE: ("Role: missing",),
}


@dataclass
class ReadingContext:
    """How an import reads its table, worked out once.

    Attributes:
        table: the rows as read from the file.
        columns: each field's columns, leftmost first (the first non-empty one wins).
        other_columns: the columns kept as other answers, in order.
        strands: the programme's strands, by name in lower case: (id, name).
        value_map: for STRAND, ROLE and STATUS, a normalised answer → strand name, role
            value or status (value or wording).
        default_strand_id: the strand of rows without one.
        default_role: the role of rows without one.
        today: the day consent is given on when a row has no submission date.
        date_order: the order of day and month for the date columns whose own
            answers do not settle it (see :func:`~mentordesk.formats.dates.day_order`);
            None leaves their dates that could be read either way refused.
    """

    table: SheetTable
    columns: dict[ApplicantField, list[int]]
    other_columns: list[int]
    strands: dict[str, tuple[int, str]]
    value_map: Mapping[ApplicantField, Mapping[str, str]]
    default_strand_id: int | None
    default_role: Role | None
    today: dt.date
    date_order: DayOrder | None = None
    _cells: dict[int, list[CellValue]] = field(default_factory=dict, repr=False)

    def cells(self, column: int) -> list[CellValue]:
        """One column's cells, top to bottom (each column is taken out of the rows once)."""
        found = self._cells.get(column)
        if found is None:
            found = self._cells[column] = list(map(itemgetter(column), self.table.rows))
        return found

    def texts(self, column: int) -> list[str]:
        """One column's cells as text (see ``cell_text``), top to bottom."""
        # Text, what nearly every cell holds, is trimmed here as cell_text would trim it.
        return [v.strip() if type(v) is str else cell_text(v) for v in self.cells(column)]

    @cached_property
    def strand_list(self) -> str:
        """The programme's strands, for messages ("none yet" when it has none)."""
        return ", ".join(sorted(name for _, name in self.strands.values())) or "none yet"


@dataclass
class RowReadings:
    """What every row says, column by column; a value of "" or None means the row gives none.

    Attributes:
        emails: each row's email address as stored, or None.
        person: a PersonInput attribute → its value in each row.
        application: an ApplicationInput attribute → its value in each row (a
            status of None: the row gives none).
        strand_ids: each row's strand.
        roles: each row's role.
        submitted: when each row was submitted, for ordering several answers by
            one person (``datetime.min`` when it does not say).
        problems: why each row is refused, each naming its column.
        notices: what the coordinator should know about each row.
        missing: the required fields each row lacks (email, strand, role).
        other_answers: each row's answers that no field takes, in column order.
        undecided_dates: the date columns with answers that could be read day-first
            or month-first, whose order neither their answers nor the import settle.
        line_managers: each row's line manager as written (an email or a name), or "".
    """

    emails: list[str | None]
    person: dict[str, list[Any]] = field(default_factory=dict)
    application: dict[str, list[Any]] = field(default_factory=dict)
    strand_ids: list[int | None] = field(default_factory=list)
    roles: list[Role | None] = field(default_factory=list)
    submitted: list[dt.datetime] = field(default_factory=list)
    problems: list[list[str]] = field(default_factory=list)
    notices: list[list[str]] = field(default_factory=list)
    missing: list[tuple[ApplicantField, ...]] = field(default_factory=list)
    other_answers: list[list[OtherAnswer]] = field(default_factory=list)
    undecided_dates: set[int] = field(default_factory=set)
    line_managers: list[str] = field(default_factory=list)

    def given(self, values: dict[str, list[Any]], index: int) -> dict[str, Any]:
        """The values a row gives (``person`` or ``application``), leaving out the empty ones."""
        found = {}
        for key, column in values.items():
            value = column[index]
            if value is not None and value != "":
                found[key] = value
        return found


def read_rows(ctx: ReadingContext) -> RowReadings:
    """Read what every row of the table says; nothing is looked up in the file.

    Args:
        ctx: the table and how to read it.

    Returns:
        Each row's values, problems, notices and other answers.
    """
    count = len(ctx.table.rows)
    readings = RowReadings(
        emails=[None] * count,
        strand_ids=[None] * count,
        roles=[None] * count,
        submitted=[dt.datetime.min] * count,
        problems=[[] for _ in range(count)],
        notices=[[] for _ in range(count)],
        missing=[()] * count,
        other_answers=[[] for _ in range(count)],
    )
    _read_emails(ctx, readings)
    _read_names(ctx, readings)
    for wanted, (key, limit) in PERSON_TEXT.items():
        _read_text(ctx, readings, readings.person, wanted, key, limit)
    for wanted, (key, limit) in APPLICATION_TEXT.items():
        _read_text(ctx, readings, readings.application, wanted, key, limit)
    _read_choice(ctx, readings, readings.person, F.CONTRACT_TYPE, "contract_type", ContractType)
    _read_choice(ctx, readings, readings.application, F.STATUS, "status", ApplicationStatus)
    _read_strands(ctx, readings)
    _read_roles(ctx, readings)
    _share_by_role(ctx, readings)
    _read_dates(ctx, readings)
    _read_consent(ctx, readings)
    _read_capacity(ctx, readings)
    _read_line_managers(ctx, readings)
    _read_other_answers(ctx, readings)
    return readings


# Columns ---------------------------------------------------------------------------------


def _first_texts(ctx: ReadingContext, wanted: ApplicantField) -> tuple[list[str], list[int]] | None:
    """Each row's first non-empty text among the field's columns, and the column it came from.

    None when no column holds the field; a row with no text has "" and column -1.
    """
    columns = ctx.columns.get(wanted)
    if not columns:
        return None
    texts = ctx.texts(columns[0])
    which = [columns[0]] * len(texts)
    for column in columns[1:]:
        later = ctx.texts(column)
        for index, text in enumerate(texts):
            if not text and later[index]:
                texts[index] = later[index]
                which[index] = column
    for index, text in enumerate(texts):
        if not text:
            which[index] = -1
    return texts, which


def _once(understand: Callable[[str], _V]) -> Callable[[str], _V]:
    """``understand`` with each distinct text worked out once (a column repeats its wordings)."""
    known: dict[str, _V] = {}

    def cached(text: str) -> _V:
        try:
            return known[text]
        except KeyError:
            found = known[text] = understand(text)
            return found

    return cached


def _read_emails(ctx: ReadingContext, readings: RowReadings) -> None:
    # A Microsoft Forms metadata column may say "anonymous"; that is no address.
    headers = ctx.table.headers
    columns = ctx.columns.get(F.EMAIL, [])
    texts = [ctx.texts(column) for column in columns]
    for index in range(len(ctx.table.rows)):
        anonymous = False
        for column, column_texts in zip(columns, texts, strict=True):
            text = column_texts[index]
            if text.casefold() == ANONYMOUS:
                anonymous = True
                continue
            if text:
                try:
                    readings.emails[index] = normalise_email(text)
                except InvalidInput as error:
                    readings.problems[index].append(f"{headers[column]}: {clause(error.message)}")
                break
        else:
            readings.missing[index] = (F.EMAIL,)
            readings.problems[index].append(
                "Email: the form was anonymous, so the answer has no email address; add one"
                if anonymous
                else "Email: missing; an email address is how MentorDesk tells people apart"
            )


def _read_names(ctx: ReadingContext, readings: RowReadings) -> None:
    # A full name splits on its last space; separate first and last names win.
    headers = ctx.table.headers
    count = len(ctx.table.rows)
    firsts: list[str] = [""] * count
    lasts: list[str] = [""] * count
    full = _first_texts(ctx, F.FULL_NAME)
    if full is not None:
        for index, (text, column) in enumerate(zip(*full, strict=True)):
            if text:
                first, last = split_full_name(text)
                problems = readings.problems[index]
                firsts[index] = _checked(first, headers[column], 100, problems)
                lasts[index] = _checked(last, headers[column], 100, problems)
    for wanted, names in ((F.FIRST_NAME, firsts), (F.LAST_NAME, lasts)):
        found = _first_texts(ctx, wanted)
        if found is None:
            continue
        for index, (text, column) in enumerate(zip(*found, strict=True)):
            if text:
                names[index] = _checked(text, headers[column], 100, readings.problems[index])
    # Always given, "" without a name column: a name is never left unset (a row that
    # adds someone without a name is refused when the rows are decided).
    readings.person["first_name"] = firsts
    readings.person["last_name"] = lasts


def _checked(text: str, header: str, limit: int, problems: list[str]) -> str:
    """The text as stored (see ``optional_text``); "" with a problem when it is too long."""
    if text.isascii() and len(text) <= limit:
        return text  # cell_text has trimmed it, which is all clean_text does to ASCII
    try:
        return optional_text(text, header, max_length=limit)
    except InvalidInput as error:
        problems.append(clause(error.message))
        return ""


def _read_text(
    ctx: ReadingContext,
    readings: RowReadings,
    target: dict[str, list[Any]],
    wanted: ApplicantField,
    key: str,
    limit: int,
) -> None:
    found = _first_texts(ctx, wanted)
    if found is None:
        return
    texts, which = found
    if wanted.is_list:
        as_list = _once(lambda text: join_tags(split_multi(text)))
        texts = [as_list(text) if text else "" for text in texts]
    headers = ctx.table.headers
    problems = readings.problems
    target[key] = [
        text
        if not text or (len(text) <= limit and text.isascii())
        else _checked(text, headers[which[index]], limit, problems[index])
        for index, text in enumerate(texts)
    ]


def _read_choice(
    ctx: ReadingContext,
    readings: RowReadings,
    target: dict[str, list[Any]],
    wanted: ApplicantField,
    key: str,
    enum_type: type[_E],
) -> None:
    found = _first_texts(ctx, wanted)
    if found is None:
        return
    mapped = ctx.value_map.get(wanted, {})
    member_of = _once(lambda text: normalise_choice(mapped.get(normalise(text), text), enum_type))
    values: list[_E | None] = []
    for index, (text, column) in enumerate(zip(*found, strict=True)):
        member = member_of(text) if text else None
        if text and member is None:
            readings.problems[index].append(
                unknown_choice(ctx.table.headers[column], text, enum_type)
            )
        values.append(member)
    target[key] = values


def strand_named(
    text: str, strand_names: Sequence[str], value_map: Mapping[str, str]
) -> str | None:
    """The strand a form's answer names, or None.

    Args:
        text: the answer.
        strand_names: the programme's strands.
        value_map: a form's answers (normalised) → a strand's name, chosen by hand.

    Returns:
        The strand the value map gives the answer, else the strand it names
        (ignoring case) or names in words ("The Fellows strand (postdocs)").
    """
    named = value_map.get(normalise(text))
    if named is None:
        named = text if any(text.lower() == n.lower() for n in strand_names) else None
        named = named or strand_in_words(text, strand_names)
    return next((n for n in strand_names if named and n.lower() == named.lower()), None)


def say_retired(ctx: ReadingContext, readings: RowReadings, retired: list[str]) -> None:
    """A row naming a retired strand is refused as such, not as naming an unknown strand."""
    mapped = ctx.value_map.get(F.STRAND, {})
    for column in ctx.columns.get(F.STRAND, []) if retired else []:
        header = ctx.table.headers[column]
        for text, problems in zip(ctx.texts(column), readings.problems, strict=True):
            unknown = f"{header}: “{text}” is not a strand of this programme"
            at = next((i for i, p in enumerate(problems) if p.startswith(unknown)), -1)
            if at >= 0 and (named := strand_named(text, retired, mapped)):
                problems[at] = f"{header}: {retired_strand(named)}"


def status_named(text: str, value_map: Mapping[str, str]) -> ApplicationStatus | None:
    """The decision a form's answer names: through the value map, else in any of its wordings."""
    return normalise_choice(value_map.get(normalise(text), text), ApplicationStatus)


def role_named(text: str, value_map: Mapping[str, str]) -> Role | None:
    """The role a form's answer names: through the value map, else in any of its wordings."""
    named = value_map.get(normalise(text))
    return Role(named) if named else normalise_choice(text, Role)


def _read_strands(ctx: ReadingContext, readings: RowReadings) -> None:
    names = [name for _, name in ctx.strands.values()]
    mapped = ctx.value_map.get(F.STRAND, {})

    def strand_of(text: str) -> int | None:
        named = strand_named(text, names, mapped)
        return ctx.strands[named.lower()][0] if named else None

    found = _first_texts(ctx, F.STRAND)
    texts, which = found if found is not None else ([""] * len(ctx.table.rows), [])
    understood = _once(strand_of)
    for index, text in enumerate(texts):
        if text:
            strand_id = understood(text)
            if strand_id is None:
                readings.problems[index].append(
                    f"{ctx.table.headers[which[index]]}: “{text}” is not a strand of this "
                    f"programme (its strands are {ctx.strand_list})"
                )
            readings.strand_ids[index] = strand_id
        elif ctx.default_strand_id is not None:
            readings.strand_ids[index] = ctx.default_strand_id
        else:
            readings.missing[index] += (F.STRAND,)
            readings.problems[index].append(
                f"Strand: missing; choose a default strand for the import ({ctx.strand_list})"
            )


def _read_roles(ctx: ReadingContext, readings: RowReadings) -> None:
    mapped = ctx.value_map.get(F.ROLE, {})
    found = _first_texts(ctx, F.ROLE)
    texts, which = found if found is not None else ([""] * len(ctx.table.rows), [])
    understood = _once(lambda text: role_named(text, mapped))
    for index, text in enumerate(texts):
        if text:
            role = understood(text)
            if role is None:
                header = ctx.table.headers[which[index]]
                readings.problems[index].append(unknown_choice(header, text, Role))
            readings.roles[index] = role
        elif ctx.default_role is not None:
            readings.roles[index] = ctx.default_role
        else:
            readings.missing[index] += (F.ROLE,)
            readings.problems[index].append(
                "Role: missing; choose a default role (mentor or mentee)"
            )


#: The fields only one role has (what a mentor offers, what a mentee needs), with where they
#: are kept and at most how long; a column of one of them answered by both roles is shared.
_ROLE_ONLY: dict[ApplicantField, tuple[Role, str, str, int]] = {
    F.EXPERTISE: (Role.MENTOR, "person", "expertise", 2000),
    F.DEVELOPMENT_NEEDS: (Role.MENTEE, "application", "development_needs", 5000),
}


def shared_by_role(columns: Mapping[ApplicantField, Sequence[int]]) -> ApplicantField | None:
    """The role-only field read without its counterpart (expertise without needs), if any.

    Its column holds what each role answered: a mentor's answer is their expertise,
    a mentee's their development needs (see :func:`_share_by_role`).
    """
    read = [f for f in _ROLE_ONLY if columns.get(f)]
    return read[0] if len(read) == 1 else None


def _share_by_role(ctx: ReadingContext, readings: RowReadings) -> None:
    """Keep each answer of a column both roles answered in the field of the row's role.

    A column of expertise (or of needs) that mentors and mentees both answered
    asks both at once ("Areas where I would like support / can offer support"):
    a mentee's answer is their development needs, a mentor's their expertise.
    """
    wanted = shared_by_role(ctx.columns)
    if wanted is None:
        return
    role, _, key, _ = _ROLE_ONLY[wanted]
    other = next(f for f in _ROLE_ONLY if f is not wanted)
    _, other_target, other_key, other_limit = _ROLE_ONLY[other]
    source = (readings.person if wanted is F.EXPERTISE else readings.application).get(key)
    if source is None:
        return
    answered = {who for text, who in zip(source, readings.roles, strict=True) if text and who}
    if len(answered) < len(Role):
        return  # one role answered it: their own field, or their own answers as they are
    target = readings.person if other_target == "person" else readings.application
    moved = target.setdefault(other_key, [""] * len(source))
    for index, (text, who) in enumerate(zip(source, readings.roles, strict=True)):
        if text and who is not None and who is not role and len(text) <= other_limit:
            moved[index], source[index] = text, ""


def _read_dates(ctx: ReadingContext, readings: RowReadings) -> None:
    table = ctx.table
    for wanted, target, key in (
        (F.SUBMITTED_ON, readings.application, "submitted_on"),
        (F.CONSENT_ON, readings.person, "consent_on"),
    ):
        columns = ctx.columns.get(wanted, [])
        if not columns:
            continue
        # Each column's order of day and month, settled by its whole set of answers,
        # else by the import's own (--date-order).
        orders = [day_order(ctx.cells(column)) or ctx.date_order for column in columns]
        cells = [ctx.cells(column) for column in columns]
        values: list[dt.date | None] = [None] * len(table.rows)
        for index in range(len(table.rows)):
            for column, order, column_cells in zip(columns, orders, cells, strict=True):
                cell = column_cells[index]
                if cell is None or cell == "":
                    continue
                parsed = parse_date(cell, date_1904=table.date_1904, order=order)
                if parsed.problem:
                    readings.problems[index].append(f"{table.headers[column]}: {parsed.problem}")
                    if parsed.ambiguous:
                        readings.undecided_dates.add(column)
                    break
                if parsed.value is None:
                    continue
                values[index] = parsed.value
                if wanted is F.SUBMITTED_ON:
                    readings.submitted[index] = parsed.at or dt.datetime.combine(
                        parsed.value, dt.time()
                    )
                break
        target[key] = values


def _read_consent(ctx: ReadingContext, readings: RowReadings) -> None:
    found = _first_texts(ctx, F.CONSENT)
    if found is None:
        return
    headers = ctx.table.headers
    consented = readings.person.setdefault("consent_on", [None] * len(ctx.table.rows))
    submitted = readings.application.get("submitted_on")
    answer_of = _once(yes_or_no)
    question = headers[ctx.columns[F.CONSENT][0]]
    for index, (text, column) in enumerate(zip(*found, strict=True)):
        if not text:
            readings.notices[index].append(
                f"{question}: no answer, so no consent is recorded for this person"
            )
            continue
        answer = answer_of(text)
        if answer is None:
            readings.notices[index].append(
                f"{headers[column]}: “{text}” is neither a yes nor a no, so no consent is "
                "recorded for this person"
            )
        elif not answer:
            readings.problems[index].append(
                f"{headers[column]}: answered “{text}” to “{headers[column]}”: without consent "
                "the application cannot be kept"
            )
        elif consented[index] is None:
            day = submitted[index] if submitted is not None else None
            consented[index] = day or ctx.today


def _read_capacity(ctx: ReadingContext, readings: RowReadings) -> None:
    found = _first_texts(ctx, F.CAPACITY)
    if found is None:
        return
    values: list[int | None] = []
    for index, (text, column) in enumerate(zip(*found, strict=True)):
        values.append(None)
        if not text:
            continue
        header = ctx.table.headers[column]
        number = whole_number(text)
        if readings.roles[index] is not Role.MENTOR:
            readings.notices[index].append(f"{header}: left out, as only mentors have a capacity")
        elif number is None:
            # A capacity is the mentor's own to set later: the application is kept without it.
            readings.notices[index].append(
                f"{header}: “{text}” is not a number of mentees: left empty; set it in the form"
            )
        else:
            values[index] = number
    readings.application["capacity"] = values


def _read_line_managers(ctx: ReadingContext, readings: RowReadings) -> None:
    # Who they are is settled once every row is read: the manager may be a row further down.
    found = _first_texts(ctx, F.LINE_MANAGER)
    if found is None:
        readings.line_managers = [""] * len(ctx.table.rows)
        return
    headers = ctx.table.headers
    readings.line_managers = [
        _checked(text, headers[column], MAX_LINE_MANAGER, readings.problems[index]) if text else ""
        for index, (text, column) in enumerate(zip(*found, strict=True))
    ]


#: The longest line manager kept as written: an email's longest.
MAX_LINE_MANAGER = 254


def question_of(header: str, column: int) -> str:
    """The question an other answer is kept under: the column's header, cut to the longest kept.

    A column without a header is called by its letter ("Column F"), as Excel shows it.
    """
    question = clean_text(header) or f"Column {column_letters(column)}"
    if len(question) > MAX_QUESTION:
        question = question[: MAX_QUESTION - 1].rstrip() + "…"
    return question


def _read_other_answers(ctx: ReadingContext, readings: RowReadings) -> None:
    answers = readings.other_answers
    for column in ctx.other_columns:
        header = ctx.table.headers[column]
        question = question_of(header, column)
        # A question's answers repeat ("A colleague"): each is one answer, kept once.
        kept: dict[str, OtherAnswer] = {}
        for index, text in enumerate(ctx.texts(column)):
            if not text:
                continue
            answer = kept.get(text)
            if answer is None:
                cleaned = text if text.isascii() else clean_text(text)
                if not cleaned:
                    continue
                if len(cleaned) > MAX_ANSWER:
                    readings.problems[index].append(
                        f"{header}: the answer is too long to keep (at most {MAX_ANSWER:,} "
                        f"characters, it has {len(cleaned):,})"
                    )
                    continue
                answer = kept[text] = OtherAnswer(question, cleaned)
            answers[index].append(answer)


def is_missing_problem(problem: str, wanted: ApplicantField) -> bool:
    """Whether a row's problem is that it lacks ``wanted`` (EMAIL, FULL_NAME, STRAND or ROLE)."""
    return problem.startswith(_MISSING.get(wanted, ()))


def reads_field(fields_read: Collection[ApplicantField], wanted: ApplicantField) -> bool:
    """Whether a mapping's fields read ``wanted``; the name (FULL_NAME) from any name field."""
    if wanted is F.FULL_NAME:
        return any(name in fields_read for name in NAME_FIELDS)
    return wanted in fields_read


# Words ------------------------------------------------------------------------------------


def clause(message: str) -> str:
    """A sentence of an error message, as a clause of a row's problem (no full stop)."""
    return message.rstrip(".")


def unknown_choice(header: str, text: str, enum_type: type[enum.StrEnum]) -> str:
    """The problem of an answer that is none of an enumeration's values."""
    choices = ", ".join(getattr(m, "label", m.value) for m in enum_type)
    return f"{header}: “{text}” is not one of: {choices}"
