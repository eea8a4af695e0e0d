"""Importing applications from a spreadsheet: preview every row, then write all or nothing.

Every column is either read into a field, kept as other answers (a column the
mapping leaves out, or maps to OTHER) or left out on purpose (IGNORE); nothing
is dropped unnamed. What each row says is read column by column
(:mod:`~mentordesk.services.import_reading`); this module decides what each row
does and writes the rows, new ones in bulk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import MISSING, Field, dataclass, field, fields, replace
from itertools import repeat
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicantField, ApplicationStatus, Role
from mentordesk.domain.errors import Conflict, InvalidInput, MentorDeskError, NotFound
from mentordesk.formats.columns import normalise
from mentordesk.formats.dates import DayOrder
from mentordesk.formats.reading import require_rows
from mentordesk.formats.tables import CellValue, SheetTable
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.applicants import ApplicationInput, PersonInput, is_late
from mentordesk.services.audit import record_change
from mentordesk.services.career_stages import ladder_of
from mentordesk.services.import_people import (
    StageOutcome,
    StageSettler,
    StageTally,
    stage_tally,
)
from mentordesk.services.import_reading import (
    NAME_FIELDS,
    VALUE_MAPPED,
    ReadingContext,
    RowReadings,
    read_rows,
    say_retired,
)
from mentordesk.services.import_writing import APPLICATION_COLUMNS, PERSON_COLUMNS, NewRows
from mentordesk.services.line_managers import (
    manager_changes,
    manager_links,
    settle_line_managers,
    write_line_managers,
)
from mentordesk.services.other_answers import (
    OtherAnswer,
    merged_answers,
    other_answers_by_application,
    other_answers_of,
    set_other_answers,
)
from mentordesk.services.programmes import get_programme, retired_strand
from mentordesk.store.models import Application, Person

#: The column :func:`write_rejected_rows` adds; a mapping never reads it back.
PROBLEM_HEADER = "Problem"
_LOOKUP_CHUNK = 500
_PROGRESS_EVERY = 100


class ExistingPerson(enum.StrEnum):
    """What to do with a row whose email belongs to someone already in the file."""

    UPDATE = "update"
    """Overwrite their details with the non-empty imported values; add or update the application."""
    SKIP = "skip"
    """Leave them and their applications as they are."""
    KEEP_BOTH = "keep_both"
    """Keep their details; add the row as a further application of theirs."""


class RowAction(enum.StrEnum):
    """What an import does with one row."""

    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    REJECT = "reject"


class ImportCancelled(MentorDeskError):
    """The coordinator cancelled an import; nothing was written."""

    title = "Import cancelled"


@dataclass
class ImportPlan:
    """A table to import and how to read it.

    Attributes:
        table: the rows as read from the file.
        mapping: column index → field; a column not listed is kept as other
            answers, as is one mapped to OTHER; one mapped to IGNORE is left out.
        existing: what to do with people already in the file.
        default_strand_id: the strand for rows without one (no strand column).
        default_role: the role for rows without one (no role column).
        value_map: for STRAND and ROLE, the form's own answers (normalised, see
            :func:`~mentordesk.formats.columns.normalise`) → a strand's name or a
            role's value, applied before the answer's words are recognised.
        date_order: the order of day and month in the date columns whose own
            answers do not settle it (a US form's "3/5/2026"); None refuses their
            dates that could be read either way.
    """

    table: SheetTable
    mapping: dict[int, ApplicantField]
    existing: ExistingPerson = ExistingPerson.UPDATE
    default_strand_id: int | None = None
    default_role: Role | None = None
    value_map: dict[ApplicantField, dict[str, str]] = field(default_factory=dict)
    date_order: DayOrder | None = None


@dataclass
class PreviewRow:
    """One data row of the file and what the import will do with it.

    Attributes:
        row_number: the row's number in the sheet, as the coordinator sees it.
        action: add, update, skip or reject.
        person: the person as they will be stored (for a skipped row: as read).
        application: the application as it will be stored (or as read).
        problems: why the row is rejected, each naming its column.
        notices: what the coordinator should know although the row is fine.
        source: the row's cells as read, for the rejected-rows file.
        person_id: the person already in the file this row belongs to, if any.
        application_id: the application this row updates, if any.
        other_answers: the row's answers no field takes, kept with the application
            under their questions (an update merges them with the answers kept before).
        missing: the fields the row lacks and cannot do without (email, strand, role).
        line_manager: the email of the line manager found for the person, or "".
        stage_outcome: what to report about the person's career stage (guessed,
            not in the programme's list, or not placed), if anything.
    """

    row_number: int
    action: RowAction
    person: PersonInput | None
    application: ApplicationInput | None
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    source: Sequence[CellValue] = ()
    person_id: int | None = None
    application_id: int | None = None
    other_answers: list[OtherAnswer] = field(default_factory=list)
    missing: tuple[ApplicantField, ...] = ()
    line_manager: str = ""
    stage_outcome: StageOutcome | None = None


@dataclass(frozen=True)
class ImportPreview:
    """Every row of a file with what importing it would do; nothing is written yet.

    Attributes:
        rows: every data row, in the file's order.
        undecided_dates: the date columns refusing answers that could be read
            day-first or month-first, whose order neither their own answers nor
            :attr:`ImportPlan.date_order` settle.
        stages: the career stages guessed, not in the programme's list, or not
            placed, among the people to write.
        closes_on: the day the programme's applications closed, if it has one.
    """

    rows: list[PreviewRow]
    undecided_dates: frozenset[int] = frozenset()
    stages: StageTally = field(default_factory=StageTally)
    closes_on: dt.date | None = None

    @property
    def late(self) -> int:
        """Rows to write whose application came in after applications closed (marked late)."""
        writes = (RowAction.ADD, RowAction.UPDATE)
        written = (r.application for r in self.rows if r.action in writes)
        return sum(1 for a in written if a is not None and is_late(a.submitted_on, self.closes_on))

    def count(self, action: RowAction) -> int:
        """How many rows get this action."""
        return sum(1 for row in self.rows if row.action is action)

    @property
    def to_add(self) -> int:
        """Rows that become new applications."""
        return self.count(RowAction.ADD)

    @property
    def to_update(self) -> int:
        """Rows that change an application or person already in the file."""
        return self.count(RowAction.UPDATE)

    @property
    def to_skip(self) -> int:
        """Rows left out on purpose (duplicates, already imported, people kept as they are)."""
        return self.count(RowAction.SKIP)

    @property
    def rejected(self) -> list[PreviewRow]:
        """Rows with problems, which are not written."""
        return [row for row in self.rows if row.action is RowAction.REJECT]

    def other_answers(self) -> dict[str, int]:
        """How many answers the rows to write keep as other answers, by question, in order."""
        return kept_answers(self.rows)

    @property
    def line_managers(self) -> int:
        """People the import would link to a line manager, each once (as the import counts them)."""
        writes = (RowAction.ADD, RowAction.UPDATE)
        return len(manager_links([row for row in self.rows if row.action in writes]))


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote.

    Attributes:
        added: rows that became new applications.
        updated: rows that changed an application or person already in the file.
        skipped: rows left out on purpose.
        rejected: rows with problems, not written.
        other_answers: how many answers were kept as other answers, by question.
        late: applications written that came in after applications closed.
        closes_on: the day the programme's applications closed, if it has one.
        stages: the career stages guessed, not in the list, or not placed.
        line_managers: people linked to a line manager.
    """

    added: int
    updated: int
    skipped: int
    rejected: list[PreviewRow]
    other_answers: dict[str, int] = field(default_factory=dict)
    late: int = 0
    closes_on: dt.date | None = None
    stages: StageTally = field(default_factory=StageTally)
    line_managers: int = 0


def kept_answers(rows: Iterable[PreviewRow]) -> dict[str, int]:
    """How many answers of the rows written are kept as other answers, by question, in order."""
    counted: dict[str, int] = {}
    for row in rows:
        if row.other_answers and row.action in (RowAction.ADD, RowAction.UPDATE):
            for answer in row.other_answers:
                counted[answer.question] = counted.get(answer.question, 0) + 1
    return counted


# The preview ----------------------------------------------------------------------------


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while an import builds and writes its rows.

    Every row makes a dozen objects that live until the import ends, and none
    of them refers back to itself; the collector would walk them all again and
    again for nothing (about a second of 100,000 rows). Objects are still freed
    as they are let go.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _context(session: Session, programme_id: int, plan: ImportPlan) -> ReadingContext:
    programme = get_programme(session, programme_id)
    width = len(plan.table.headers)
    columns: dict[ApplicantField, list[int]] = {}
    other_columns: list[int] = []
    for index in range(width):
        wanted = plan.mapping.get(index, ApplicantField.OTHER)
        if wanted is ApplicantField.OTHER:
            other_columns.append(index)
        elif wanted is not ApplicantField.IGNORE:
            columns.setdefault(wanted, []).append(index)
    if ApplicantField.EMAIL not in columns:
        raise InvalidInput(
            "Choose the column that holds the email address: MentorDesk needs it to tell "
            "people apart."
        )
    strands = {s.name.lower(): (s.id, s.name) for s in programme.strands if not s.retired}
    default = plan.default_strand_id
    if default is not None and default not in {i for i, _ in strands.values()}:
        gone = f"The default strand is not a strand of {programme.name}."
        retired = next((s.name for s in programme.strands if s.id == default), None)
        raise InvalidInput(retired_strand(retired) if retired else gone)
    if default is None and len(strands) == 1:
        default = next(iter(strands.values()))[0]
    value_map = {
        f: {normalise(answer): value for answer, value in plan.value_map.get(f, {}).items()}
        for f in VALUE_MAPPED
    }
    return ReadingContext(
        table=plan.table,
        columns=columns,
        other_columns=other_columns,
        strands=strands,
        value_map=value_map,
        default_strand_id=default,
        default_role=plan.default_role,
        today=dt.date.today(),
        date_order=plan.date_order,
    )


def preview_import(session: Session, programme_id: int, plan: ImportPlan) -> ImportPreview:
    """What importing ``plan`` into a programme would do, row by row; writes nothing.

    Raises:
        UnreadableFile: the table has a header row but no rows.
        NotFound: the programme no longer exists.
        InvalidInput: no column is mapped to the email, or the default strand is
            not one of the programme's.
    """
    require_rows(plan.table)
    with _collector_paused():
        return _preview(session, programme_id, plan)


def _preview(session: Session, programme_id: int, plan: ImportPlan) -> ImportPreview:
    ctx = _context(session, programme_id, plan)
    readings = read_rows(ctx)
    retired = [s.name for s in get_programme(session, programme_id).strands if s.retired]
    say_retired(ctx, readings, retired)
    people = people_by_email(session, {e for e in readings.emails if e})
    applications = _applications_of(session, [p.id for p in people.values()], ctx)
    rows = _rows_as_read(plan, readings)
    stored_answers = other_answers_by_application(session, [a.id for a in applications.values()])
    ladder = ladder_of(session, programme_id)
    stages = StageSettler(ladder)
    typed = readings.person.get("stage") or [""] * len(rows)
    for row, stage in zip(rows, typed, strict=True):
        if row.person is not None:
            row.person, row.stage_outcome = stages.settle(row.person, bool(stage))
    by_email: dict[str, list[int]] = {}
    for index, email in enumerate(readings.emails):
        if email:
            by_email.setdefault(email, []).append(index)
    for email, group in by_email.items():
        existing = people.get(email)
        if existing is None and len(group) == 1:
            continue  # as read: a new person with one row (what nearly every row of a form is)
        # Newest last, so that a person's newest answer is laid over the older ones.
        group.sort(key=lambda i: (readings.submitted[i], i))
        group = _skip_older_submissions(readings, rows, group)
        person = _person_for(existing, group, readings, plan.existing)
        outcome = None
        if person is not None:
            person, outcome = stages.settle(person, any(typed[i] for i in group))
        manager = next((t for i in group if (t := readings.line_managers[i])), "")
        for index in group:
            row = rows[index]
            if person is not None:
                row.person, row.stage_outcome = person, outcome
            if row.action is RowAction.REJECT or existing is None:
                continue
            row.person_id = existing.id
            _decide_for_existing(
                row, readings.given(readings.application, index), existing, applications,
                stored_answers, plan.existing, manager_changes(existing, manager),
            )  # fmt: skip
    named = any(name in ctx.columns for name in NAME_FIELDS)
    for row in rows:
        # Exactly the rows the writer adds a person for: each must give a name.
        if row.action is RowAction.ADD and row.person_id is None and not _has_name(row.person):
            _refuse_nameless(row, named=named)
    undecided = {
        column
        for column in readings.undecided_dates
        if any(p.startswith(f"{plan.table.headers[column]}: ") for r in rows for p in r.problems)
    }

    def writes_person(row: PreviewRow) -> bool:
        return row.action in (RowAction.ADD, RowAction.UPDATE) and (
            row.person_id is None or plan.existing is ExistingPerson.UPDATE
        )

    manager_columns = ctx.columns.get(ApplicantField.LINE_MANAGER)
    if manager_columns:
        header = plan.table.headers[manager_columns[0]]
        rejected = lambda row: row.action is RowAction.REJECT  # noqa: E731
        settle_line_managers(session, rows, readings.line_managers, header, writes_person, rejected)
    return ImportPreview(
        rows,
        frozenset(undecided),
        stage_tally(rows, writes_person, listed=bool(ladder.stages), stored=applications.values()),
        get_programme(session, programme_id).applications_close_on,
    )


def _refuse_nameless(row: PreviewRow, *, named: bool) -> None:
    """Refuse a row that would add someone without a name (the file needs one)."""
    row.action = RowAction.REJECT
    row.missing += (ApplicantField.FULL_NAME,)
    row.problems.append(
        "Name: missing; a first or a last name is needed"
        if named
        else "Name: missing; no column is read as the name (a full name, or a first and a "
        "last name) and this person is not in the file yet"
    )


def _rows_as_read(plan: ImportPlan, readings: RowReadings) -> list[PreviewRow]:
    """A preview row for every row of the table, with its person and application as read."""
    count = len(plan.table.rows)
    people = list(map(PersonInput, *_person_columns(readings, count)))
    applications: list[ApplicationInput | None] = list(
        map(ApplicationInput, *_application_columns(plan, readings, count))
    )
    for index, (strand_id, role) in enumerate(
        zip(readings.strand_ids, readings.roles, strict=True)
    ):
        if strand_id is None or role is None:
            applications[index] = None  # the row names no strand or no role
    return [
        PreviewRow(
            row_number=number,
            action=RowAction.REJECT if problems else RowAction.ADD,
            person=person,
            application=app,
            problems=problems,
            notices=notices,
            source=cells,
            other_answers=answers,
            missing=missing,
        )
        for number, person, app, problems, notices, cells, answers, missing in zip(
            plan.table.row_numbers, people, applications, readings.problems, readings.notices,
            plan.table.rows, readings.other_answers, readings.missing, strict=True,
        )
    ]  # fmt: skip


def _person_columns(readings: RowReadings, count: int) -> list[Iterable[Any]]:
    """Each of PersonInput's fields as a column of values, in PersonInput's order."""
    columns: list[Iterable[Any]] = []
    for f in fields(PersonInput):
        if f.name == "email":
            columns.append([email or "" for email in readings.emails])
        else:
            columns.append(readings.person.get(f.name) or _defaults(f, count))
    return columns


def _application_columns(
    plan: ImportPlan, readings: RowReadings, count: int
) -> list[Iterable[Any]]:
    """Each of ApplicationInput's fields as a column of values, in ApplicationInput's order."""
    read = readings.application
    given: dict[str, Iterable[Any]] = {
        "strand_id": readings.strand_ids,
        "role": readings.roles,
        "status": [s or ApplicationStatus.RECEIVED for s in read.get("status", [])],
        "source": repeat(f"imported from {plan.table.source}"[:300], count),
    }
    return [
        given.get(f.name) or read.get(f.name) or _defaults(f, count)
        for f in fields(ApplicationInput)
    ]


def _defaults(f: Field[Any], count: int) -> Iterable[Any]:
    """A field's default for every row; a field without one is a fault of the reading.

    Every value a row is written with comes from the preview: a field neither
    read nor given a default would reach the file unset, so the preview stops
    instead of the writer.
    """
    if f.default is MISSING:
        raise AssertionError(f"the import reads no {f.name} and it has no default")
    return repeat(f.default, count)


def _has_name(person: PersonInput | None) -> bool:
    return person is not None and bool(person.first_name or person.last_name)


def _skip_older_submissions(
    readings: RowReadings, rows: list[PreviewRow], group: list[int]
) -> list[int]:
    """Of several answers by one person for one strand and role, keep the newest.

    Args:
        readings: what the rows say.
        rows: every row's preview.
        group: the rows of one email, oldest first.

    Returns:
        The group without the older answers, which never change the person.
    """
    answers: dict[tuple[int, Role], list[int]] = {}
    for index in group:
        strand_id, role = readings.strand_ids[index], readings.roles[index]
        if strand_id is not None and role is not None:
            answers.setdefault((strand_id, role), []).append(index)
    superseded: set[int] = set()
    for same in answers.values():
        if len(same) < 2:
            continue
        newest = rows[same[-1]]
        older = [rows[i] for i in same[:-1]]
        numbers = ", ".join(str(row.row_number) for row in older)
        newest.notices.append(
            f"Also submitted on row {numbers}; the newest answer (row {newest.row_number}) is used"
        )
        for row in older:
            row.action = RowAction.SKIP
            row.problems.clear()
            row.missing = ()
            row.notices.append(
                f"A newer answer from the same person is on row {newest.row_number}; "
                "that one is used"
            )
        superseded.update(same[:-1])
    return [index for index in group if index not in superseded]


def _person_for(
    existing: Person | None, group: list[int], readings: RowReadings, policy: ExistingPerson
) -> PersonInput | None:
    """The person a group of rows with one email makes, laid over who is in the file."""
    if existing is None:
        merged = PersonInput("", "", readings.emails[group[-1]] or "")
    else:
        merged = _person_input(existing)
        if policy is not ExistingPerson.UPDATE:
            return merged
    usable = [i for i in group if not readings.problems[i]]
    for index in usable:
        merged = replace(merged, **readings.given(readings.person, index))
    return merged if usable or existing is not None else None


def _decide_for_existing(
    row: PreviewRow,
    given: dict[str, Any],
    existing: Person,
    applications: dict[tuple[int, int, Role], Application],
    stored_answers: dict[int, list[OtherAnswer]],
    policy: ExistingPerson,
    new_manager: bool,
) -> None:
    name = existing.full_name or existing.email
    if policy is ExistingPerson.SKIP:
        row.action = RowAction.SKIP
        row.notices.append(f"{name} is already in the file; left as they are, as chosen")
        return
    assert row.application is not None
    assert row.person is not None
    current = applications.get((existing.id, row.application.strand_id, row.application.role))
    person_changes = new_manager or row.person != _person_input(existing)
    if current is None:
        row.action = RowAction.ADD
        if person_changes:
            row.notices.append(f"{name} is already in the file; their details are updated")
        return
    row.application_id = current.id
    stored = _application_input(current)
    merged = replace(stored, **given)  # the source stays, so a new file alone changes nothing
    source = row.application.source
    old_answers = stored_answers.get(current.id, [])
    answers_change = merged_answers(old_answers, row.other_answers) != old_answers
    if policy is ExistingPerson.KEEP_BOTH:
        row.action = RowAction.SKIP
        row.application = stored
        if merged == stored and not answers_change:
            row.notices.append("Already imported: nothing has changed")
        else:
            row.notices.append(
                f"{name} already applied to this strand as a {current.role.value}; that "
                "application is kept (choose “Update” to replace it)"
            )
        return
    if merged == stored and not person_changes and not answers_change:
        row.application = merged
        row.action = RowAction.SKIP
        row.notices.append("Already imported: nothing has changed")
    else:
        # An application whose answers change now comes from this file.
        changed = merged != stored or answers_change
        row.application = replace(merged, source=source) if changed else merged
        row.action = RowAction.UPDATE


def _person_input(person: Person) -> PersonInput:
    # The line manager is settled apart (see line_managers), so it is left blank here.
    return PersonInput(**{name: getattr(person, name) for name in PERSON_COLUMNS})


def _application_input(application: Application) -> ApplicationInput:
    return ApplicationInput(
        **{f.name: getattr(application, f.name) for f in fields(ApplicationInput)}
    )


def _chunks(values: Sequence[object]) -> Iterable[Sequence[object]]:
    for start in range(0, len(values), _LOOKUP_CHUNK):
        yield values[start : start + _LOOKUP_CHUNK]


def people_by_email(session: Session, emails: Iterable[str]) -> dict[str, Person]:
    """The people the file holds among these emails (lower case), by their email in lower case."""
    found: dict[str, Person] = {}
    if session.scalar(select(Person.id).limit(1)) is None:
        return found  # a new file: no need to ask for each address
    for chunk in _chunks(sorted(emails)):
        query = select(Person).where(func.lower(Person.email).in_(chunk))
        for person in session.scalars(query):
            found[person.email.lower()] = person
    return found


def _applications_of(
    session: Session, person_ids: list[int], ctx: ReadingContext
) -> dict[tuple[int, int, Role], Application]:
    strand_ids = [strand_id for strand_id, _ in ctx.strands.values()]
    found: dict[tuple[int, int, Role], Application] = {}
    for chunk in _chunks(person_ids):
        query = select(Application).where(
            Application.person_id.in_(chunk), Application.strand_id.in_(strand_ids)
        )
        for application in session.scalars(query):
            found[(application.person_id, application.strand_id, application.role)] = application
    return found


# Writing --------------------------------------------------------------------------------


def apply_import(
    session: Session,
    programme_id: int,
    plan: ImportPlan,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    checked: ImportPreview | None = None,
) -> ImportSummary:
    """Import every acceptable row of ``plan`` in the caller's transaction.

    The preview is worked out again here, in the same transaction, so what is
    written matches the file as it is now, unless the caller checked the file
    under a lock it has held since. Rows with problems are not written and are
    listed in the summary. On any error the caller's session rolls back, so an
    import is never half written.

    Args:
        session: the open transaction (``ProgrammeFile.session()``).
        programme_id: the programme the applications are for.
        plan: the table and how to read it.
        progress: called with (rows written, rows to write) as the work goes on.
        cancelled: asked before each row; returning True stops the import.
        checked: the preview of ``plan`` worked out while the caller held the
            file's lock, which it has held since with nothing written (the
            command line's check); None works the preview out again (the window,
            where the file may change between the preview and the import).

    Raises:
        ImportCancelled: ``cancelled`` returned True; nothing is written.
        Conflict: the file refused a row (a rule the preview cannot see).
        InvalidInput, NotFound: as for :func:`preview_import`.
    """
    with _collector_paused():
        return _apply(session, programme_id, plan, progress, cancelled, checked)


def _apply(
    session: Session,
    programme_id: int,
    plan: ImportPlan,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    checked: ImportPreview | None,
) -> ImportSummary:
    preview = checked if checked is not None else preview_import(session, programme_id, plan)
    to_write = [r for r in preview.rows if r.action in (RowAction.ADD, RowAction.UPDATE)]
    total = len(to_write)
    if progress:
        progress(0, total)
    batch = NewRows()
    try:
        with session.no_autoflush:
            for done, row in enumerate(to_write, start=1):
                if cancelled is not None and cancelled():
                    raise ImportCancelled("The import was cancelled; nothing was written.")
                if row.person_id is None:
                    # Someone new: what nearly every row of a form is.
                    assert row.person is not None
                    assert row.application is not None
                    batch.add(row.person, row.application, row.other_answers)
                else:
                    _write_row(session, row, batch, plan.existing)
                if progress and done % _PROGRESS_EVERY == 0:
                    progress(done, total)
        session.flush()
        batch.insert(session)
        managers = write_line_managers(session, to_write)
    except DatabaseError as error:
        raise Conflict(
            "The import was not saved: the file refused one of the rows "
            f"({_database_reason(error)}). Nothing was written."
        ) from None
    if progress:
        progress(total, total)
    summary = ImportSummary(
        added=preview.to_add,
        updated=preview.to_update,
        skipped=preview.to_skip,
        rejected=preview.rejected,
        other_answers=kept_answers(to_write),
        late=preview.late,
        closes_on=preview.closes_on,
        stages=preview.stages,
        line_managers=managers,
    )
    record_change(
        session,
        "imported",
        "applications",
        None,
        f"{summary.added} added, {summary.updated} updated, {summary.skipped} skipped, "
        f"{len(summary.rejected)} rejected",
    )
    return summary


def _write_row(session: Session, row: PreviewRow, batch: NewRows, policy: ExistingPerson) -> None:
    """Write a row of someone already in the file: their details, their application."""
    assert row.person is not None
    assert row.application is not None
    assert row.person_id is not None
    if policy is ExistingPerson.UPDATE:
        person = session.get(Person, row.person_id)
        if person is None:
            raise NotFound("A person in the import was removed meanwhile; import again.")
        for name in PERSON_COLUMNS:
            value = getattr(row.person, name)
            if getattr(person, name) != value:
                setattr(person, name, value)
    if row.application_id is None:
        batch.add_application(row.person_id, row.application, row.other_answers)
        return
    application = session.get(Application, row.application_id)
    if application is None:
        raise NotFound("An application in the import was removed meanwhile; import again.")
    for name in APPLICATION_COLUMNS:
        value = getattr(row.application, name)
        if getattr(application, name) != value:
            setattr(application, name, value)
    if row.other_answers:
        old = other_answers_of(session, row.application_id)
        set_other_answers(session, row.application_id, merged_answers(old, row.other_answers))


def _database_reason(error: DatabaseError) -> str:
    # The driver's own message names the rule, never the values (those are in the
    # statement's parameters, which are left out on purpose).
    return str(error.orig).splitlines()[0] if error.orig else "a rule of the file"


# The rejected rows ----------------------------------------------------------------------


def write_rejected_rows(path: Path, table: SheetTable, rows: list[PreviewRow]) -> None:
    """Save rejected rows with their original columns and a "Problem" column.

    The coordinator fixes them in Excel and imports the file again; the
    "Problem" column is not read back.

    Raises:
        ExportFailed: the file could not be written.
    """
    rejected = [row for row in rows if row.action is RowAction.REJECT]
    sheet_rows = [[*row.source, "; ".join(row.problems)] for row in rejected]
    write_table(
        path,
        [SheetData(table.sheet or "Rejected rows", [*table.headers, PROBLEM_HEADER], sheet_rows)],
    )
