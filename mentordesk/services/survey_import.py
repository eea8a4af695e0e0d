"""Importing survey responses from a form tool's export: a plan of every row, then all or nothing.

Columns are paired with the survey's items by their words; Microsoft Forms'
own columns are ignored except its Email, and the completion time (or Google
Forms' Timestamp) dates each response. Rows are matched to people by email;
the rows that match nobody are listed with the reason.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicantField
from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.columns import (
    ANONYMOUS,
    forms_metadata,
    guess_mapping,
    normalise,
    respondent_email,
)
from mentordesk.formats.dates import parse_date
from mentordesk.formats.reading import require_rows
from mentordesk.formats.tables import CellValue, SheetTable
from mentordesk.services.audit import record_change
from mentordesk.services.survey_answers import AnswerValue, read_answer
from mentordesk.services.surveys import NewResponse, get_survey, write_responses
from mentordesk.store.models import Person, Survey, SurveyItem, SurveyResponse

#: Column targets of a response import other than an item code.
RESPONDENT_EMAIL = "<email>"
SUBMITTED_ON = "<submitted>"
#: How alike a header and an item's text must be to be paired without the same words.
_CLOSE_ENOUGH = 0.85
_FACTS = {ApplicantField.EMAIL: RESPONDENT_EMAIL, ApplicantField.SUBMITTED_ON: SUBMITTED_ON}
#: "1.", "Q1", "Question 3" before the words of a header.
_NUMBERING = re.compile(r"^(?:q(?:uestion)?\s*)?\d+\s+")
_BRACKETED = re.compile(r"\[([^\]]+)\]\s*$")


class LineStatus(enum.StrEnum):
    """What importing does with one row of a form export."""

    IMPORT = "import"
    REPLACE = "replace"  # imported in place of the person's older response in the file
    SUPERSEDED = "superseded"  # the same person answered again further on: the newer is kept
    OLDER = "older"  # the file already holds a newer response of theirs
    EMPTY = "empty"
    UNMATCHED = "unmatched"
    REJECTED = "rejected"

    @property
    def imported(self) -> bool:
        """Whether a row of this status is written."""
        return self in (LineStatus.IMPORT, LineStatus.REPLACE)


@dataclass(frozen=True)
class ColumnUse:
    """How one column of the export is read.

    Attributes:
        column: its index in the table.
        header: its title.
        target: an item code, :data:`RESPONDENT_EMAIL`, :data:`SUBMITTED_ON`, or
            None when the column is ignored.
        reason: why, in plain words ("same words as the item", "Microsoft Forms' own column").
        check: the column was paired with an item on similar, not the same, words.
    """

    column: int
    header: str
    target: str | None
    reason: str
    check: bool = False


@dataclass(frozen=True)
class ResponseLine:
    """One row of the export and what importing does with it.

    Attributes:
        row_number: the row's number in the sheet.
        email: the respondent's email as written ("" if none).
        status: imported, replacing, left out (and why), unmatched or rejected.
        reason: the why, in plain words ("" for a plain import).
        person_id, person_name: who it was matched to.
        submitted_on: when it was answered.
        answers: the answers read, by item code.
    """

    row_number: int
    email: str
    status: LineStatus
    reason: str = ""
    person_id: int | None = None
    person_name: str = ""
    submitted_on: dt.date | None = None
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)


@dataclass(frozen=True)
class ResponseImportPlan:
    """Everything importing an export would do; nothing is written yet.

    Attributes:
        survey_id, survey_title: the survey the answers are for.
        source: the file's name.
        columns: how each column is read.
        lines: one per data row, in sheet order.
        unanswered_items: codes of the survey's items no column answers.
        notices: what the coordinator should know about the file as a whole.
    """

    survey_id: int
    survey_title: str
    source: str
    columns: tuple[ColumnUse, ...]
    lines: tuple[ResponseLine, ...]
    unanswered_items: tuple[str, ...]
    notices: tuple[str, ...]

    def with_status(self, *statuses: LineStatus) -> list[ResponseLine]:
        """The lines of these statuses."""
        return [line for line in self.lines if line.status in statuses]

    @property
    def to_import(self) -> list[ResponseLine]:
        """The lines that will be written (new responses and replacements)."""
        return [line for line in self.lines if line.status.imported]

    @property
    def matched(self) -> list[ResponseLine]:
        """Lines tied to a person in the file, written or not."""
        return [line for line in self.lines if line.person_id is not None]

    @property
    def unmatched(self) -> list[ResponseLine]:
        """Lines no person in the file could be found for."""
        return self.with_status(LineStatus.UNMATCHED)

    @property
    def rejected(self) -> list[ResponseLine]:
        """Lines with answers that do not fit their items."""
        return self.with_status(LineStatus.REJECTED)

    @property
    def left_out(self) -> list[ResponseLine]:
        """Matched lines not written: an older answer, nothing answered."""
        return self.with_status(LineStatus.SUPERSEDED, LineStatus.OLDER, LineStatus.EMPTY)


@dataclass(frozen=True)
class ResponseImportSummary:
    """What an import wrote (responses added, of which replacing older ones) and left out."""

    imported: int
    replaced: int
    unmatched: int
    left_out: int
    rejected: int


@dataclass
class _Row:
    index: int
    row_number: int
    email: str
    person: Person | None = None
    submitted_on: dt.date | None = None
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    status: LineStatus = LineStatus.IMPORT
    reason: str = ""


def preview_response_import(
    session: Session,
    survey_id: int,
    table: SheetTable,
    *,
    columns: Mapping[int, str | None] | None = None,
    submitted_on: dt.date | None = None,
) -> ResponseImportPlan:
    """Plan importing a form export into a survey, without writing anything.

    Columns are paired with the survey's items by their words (case,
    punctuation, numbering and a trailing "?" ignored); Microsoft Forms' own
    columns are ignored except its Email, and the completion time or Google
    Forms' Timestamp gives the date. Rows are matched to people by email. A
    person who answered twice counts once, with the newer answer; one whose
    response is already in the file has it replaced by a newer one.

    Args:
        session: the open transaction.
        survey_id: the survey the export answers.
        table: the export as :func:`~mentordesk.formats.reading.read_table` read it.
        columns: the coordinator's corrections, column index → item code,
            :data:`RESPONDENT_EMAIL`, :data:`SUBMITTED_ON` or None (ignore).
        submitted_on: the date of rows that give none (default: today).

    Raises:
        UnreadableFile: the table has a header row but no rows.
        NotFound: the survey no longer exists.
        InvalidInput: a correction names an item the survey does not have.
    """
    require_rows(table)
    survey = get_survey(session, survey_id)
    uses = _column_uses(survey, table.headers, columns or {})
    targets = {use.target: use.column for use in uses if use.target is not None}
    email_column = targets.get(RESPONDENT_EMAIL)
    date_column = targets.get(SUBMITTED_ON)
    forms = forms_metadata(table.headers)
    sign_in = forms.email if forms is not None and forms.email != email_column else None
    items = {i.code: i for i in survey.items}
    item_columns = [(targets[code], items[code]) for code in items if code in targets]
    default_date = submitted_on or dt.date.today()
    rows: list[_Row] = []
    for index, (cells, row_number) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        row = _Row(index, row_number, "")
        rows.append(row)
        written = [cells[c] for c in (email_column, sign_in) if c is not None]
        email = next((e for e in map(respondent_email, written) if e), None)
        row.email = email or ""
        if email is None:
            row.status = LineStatus.UNMATCHED
            row.reason = _no_email_reason(written, email_column)
            continue
        problems = []
        row.submitted_on = default_date
        if date_column is not None:
            parsed = parse_date(cells[date_column], date_1904=table.date_1904)
            if parsed.problem:
                problems.append(f"{table.headers[date_column]}: {parsed.problem}")
            row.submitted_on = parsed.value or default_date
        for column, item in item_columns:
            try:
                answer = read_answer(item.answer_type, cells[column])
            except InvalidInput as error:
                problems.append(f"{table.headers[column]}: {error.message}")
                continue
            if answer is not None:
                row.answers[item.code] = answer
        if problems:
            row.status, row.reason = LineStatus.REJECTED, "; ".join(problems)
    _match_people(session, rows)
    _settle_repeats(session, survey, rows)
    notices = list(table.notices)
    if email_column is None:
        notices.append(
            "No column holds the respondents' emails, so no row can be matched to a person: "
            "choose the email column."
        )
    return ResponseImportPlan(
        survey_id=survey.id,
        survey_title=survey.title,
        source=table.source,
        columns=uses,
        lines=tuple(
            ResponseLine(
                r.row_number,
                r.email,
                r.status,
                r.reason,
                r.person.id if r.person else None,
                r.person.full_name if r.person else "",
                r.submitted_on,
                r.answers,
            )
            for r in rows
        ),
        unanswered_items=tuple(code for code in items if code not in targets),
        notices=tuple(notices),
    )


def _no_email_reason(written: Sequence[CellValue], email_column: int | None) -> str:
    if email_column is None:
        return "the file has no email column"
    if any(str(value).strip().casefold() == ANONYMOUS for value in written if value is not None):
        return "an anonymous answer: the form did not ask who answered"
    return "no email in this row"


def _match_people(session: Session, rows: list[_Row]) -> None:
    emails = {r.email.lower() for r in rows if r.status is not LineStatus.UNMATCHED}
    people: dict[str, Person] = {}
    listed = sorted(emails)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        for person in session.scalars(select(Person).where(func.lower(Person.email).in_(chunk))):
            people[person.email.lower()] = person
    for row in rows:
        if row.status is LineStatus.UNMATCHED:
            continue
        row.person = people.get(row.email.lower())
        if row.person is None:
            row.status = LineStatus.UNMATCHED
            row.reason = (
                f"“{row.email}” is not an email address"
                if "@" not in row.email
                else f"nobody in the file has the email {row.email}"
            )
        elif row.status is LineStatus.IMPORT and not row.answers:
            row.status = LineStatus.EMPTY
            row.reason = "answered none of the survey's items"


def _settle_repeats(session: Session, survey: Survey, rows: list[_Row]) -> None:
    """Keep each person's newest answer, in this file and against the file's responses."""
    candidates = [r for r in rows if r.status is LineStatus.IMPORT and r.person is not None]
    newest: dict[int, _Row] = {}
    for row in sorted(candidates, key=lambda r: (r.submitted_on or dt.date.min, r.index)):
        assert row.person is not None
        newest[row.person.id] = row
    for row in candidates:
        assert row.person is not None
        kept = newest[row.person.id]
        if kept is not row:
            row.status = LineStatus.SUPERSEDED
            row.reason = f"the same person answered again on row {kept.row_number}, which is kept"
    existing = dict(
        session.execute(
            select(SurveyResponse.person_id, SurveyResponse.submitted_on).where(
                SurveyResponse.survey_id == survey.id
            )
        ).all()
    )
    for person_id, row in newest.items():
        old = existing.get(person_id)
        if old is None:
            continue
        assert row.submitted_on is not None
        when = old.isoformat()
        if old > row.submitted_on:
            row.status = LineStatus.OLDER
            row.reason = f"the file already holds their newer response of {when}"
        else:
            row.status = LineStatus.REPLACE
            row.reason = f"replaces their response of {when} already in the file"


def _column_uses(
    survey: Survey, headers: Sequence[str], corrections: Mapping[int, str | None]
) -> tuple[ColumnUse, ...]:
    codes = {i.code for i in survey.items}
    for column, target in corrections.items():
        if target is not None and target not in codes | {RESPONDENT_EMAIL, SUBMITTED_ON}:
            raise InvalidInput(f"“{survey.title}” has no item with the code “{target}”.")
        if not 0 <= column < len(headers):
            raise InvalidInput(f"The file has no column {column + 1}.")
    forms = forms_metadata(headers)
    first_question = forms.question_start if forms is not None else 0
    uses: dict[int, ColumnUse] = {}
    for column, target in corrections.items():
        uses[column] = ColumnUse(column, headers[column], target, "chosen by you")
    chosen = {u.target for u in uses.values() if u.target is not None}
    free = [c for c in range(first_question, len(headers)) if c not in uses]
    items = [i for i in survey.items if i.code not in chosen]
    for column, item, close in _pair_items(items, [(c, headers[c]) for c in free]):
        reason = f"close to “{item.text}”: check" if close else "same words as the item"
        uses[column] = ColumnUse(column, headers[column], item.code, reason, close)
    # The email and date are looked for among the columns no item took, so a
    # question that mentions email is never mistaken for the respondent's.
    blanked = [h if c not in uses else "" for c, h in enumerate(headers)]
    for column, fact in guess_mapping(blanked).items():
        found = _FACTS.get(fact)
        if found is not None and found not in chosen and column not in uses:
            what = "the respondent's email" if found == RESPONDENT_EMAIL else "when they answered"
            uses[column] = ColumnUse(column, headers[column], found, what)
    for column, header in enumerate(headers):
        if column not in uses:
            why = (
                "Microsoft Forms' own column"
                if column < first_question
                else "no item of this survey asks this; ignored"
            )
            uses[column] = ColumnUse(column, header, None, why)
    return tuple(uses[c] for c in range(len(headers)))


def _header_keys(header: str) -> list[str]:
    """The words a header may match an item by: as written, without numbering, in brackets."""
    key = normalise(re.sub(r"\s*\(\d+\)$", "", header))
    keys = [key, _NUMBERING.sub("", key)]
    if match := _BRACKETED.search(header):
        keys.append(normalise(match[1]))
    return [k for k in dict.fromkeys(keys) if k]


def _alike(key: str, wanted: tuple[str, str]) -> float:
    """1 for the same words as the item's text or code, else how alike they are (0–1)."""
    if key in wanted:
        return 1.0
    matcher = difflib.SequenceMatcher(None, key, wanted[0], autojunk=False)
    # The quick upper bounds rule most pairs out without the slow exact measure.
    if matcher.real_quick_ratio() < _CLOSE_ENOUGH or matcher.quick_ratio() < _CLOSE_ENOUGH:
        return 0.0
    return matcher.ratio()


def _pair_items(
    items: Sequence[SurveyItem], columns: Sequence[tuple[int, str]]
) -> list[tuple[int, SurveyItem, bool]]:
    """Pair columns with items, the most alike first; each is used once."""
    scored: list[tuple[float, int, int, SurveyItem]] = []
    for column, header in columns:
        keys = _header_keys(header)
        for position, item in enumerate(items):
            wanted = (normalise(item.text), normalise(item.code))
            best = max((_alike(key, wanted) for key in keys), default=0.0)
            if best >= _CLOSE_ENOUGH:
                scored.append((best, column, position, item))
    pairs: list[tuple[int, SurveyItem, bool]] = []
    used_columns: set[int] = set()
    used_items: set[str] = set()
    for score, column, _, item in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if column not in used_columns and item.code not in used_items:
            used_columns.add(column)
            used_items.add(item.code)
            pairs.append((column, item, score < 1.0))
    return pairs


def apply_response_import(
    session: Session,
    survey_id: int,
    table: SheetTable,
    *,
    columns: Mapping[int, str | None] | None = None,
    submitted_on: dt.date | None = None,
    skip_rejected: bool = False,
) -> ResponseImportSummary:
    """Import a form export into a survey, all or nothing, in the caller's transaction.

    The plan is made again here, so what is written is exactly what
    :func:`preview_response_import` shows for the file as it now is.

    Raises:
        InvalidInput: rows have answers that do not fit their items and
            ``skip_rejected`` is not set; nothing is written.
    """
    plan = preview_response_import(
        session, survey_id, table, columns=columns, submitted_on=submitted_on
    )
    if plan.rejected and not skip_rejected:
        numbers = ", ".join(str(line.row_number) for line in plan.rejected[:10])
        more = "…" if len(plan.rejected) > 10 else ""
        raise InvalidInput(
            f"{len(plan.rejected)} rows of {plan.source} have answers MentorDesk cannot read "
            f"(rows {numbers}{more}), so nothing was imported. Correct them, or leave those "
            "rows out."
        )
    survey = get_survey(session, survey_id)
    lines = plan.to_import
    responses = []
    for line in lines:
        assert line.person_id is not None
        assert line.submitted_on is not None
        source = f"{plan.source}, row {line.row_number}"
        responses.append(NewResponse(line.person_id, line.answers, line.submitted_on, source))
    write_responses(session, survey, responses)
    replaced = len(plan.with_status(LineStatus.REPLACE))
    record_change(
        session,
        "responses imported",
        "survey",
        survey.id,
        f"{len(lines)} responses ({replaced} replacing older ones) from {plan.source}",
    )
    return ResponseImportSummary(
        imported=len(lines),
        replaced=replaced,
        unmatched=len(plan.unmatched),
        left_out=len(plan.left_out),
        rejected=len(plan.rejected),
    )
