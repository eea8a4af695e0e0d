"""Importing applications from a spreadsheet: preview every row, then write all or nothing."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicantField,
    ApplicationStatus,
    ContractType,
    Grade,
    Role,
)
from mentordesk.domain.errors import Conflict, InvalidInput, MentorDeskError, NotFound
from mentordesk.formats.columns import ANONYMOUS, normalise_choice, split_multi
from mentordesk.formats.dates import parse_date
from mentordesk.formats.reading import require_rows
from mentordesk.formats.tables import CellValue, SheetTable, cell_text
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.applicants import ApplicationInput, PersonInput
from mentordesk.services.audit import record_change
from mentordesk.services.programmes import get_programme
from mentordesk.services.validation import join_tags, normalise_email, optional_text
from mentordesk.store.models import Application, Person

#: The column :func:`write_rejected_rows` adds; a mapping never reads it back.
PROBLEM_HEADER = "Problem"
_LOOKUP_CHUNK = 500
_E = TypeVar("_E", bound=enum.StrEnum)
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
        mapping: column index → field; columns not listed are ignored.
        existing: what to do with people already in the file.
        default_strand_id: the strand for rows without one (no strand column).
        default_role: the role for rows without one (no role column).
    """

    table: SheetTable
    mapping: dict[int, ApplicantField]
    existing: ExistingPerson = ExistingPerson.UPDATE
    default_strand_id: int | None = None
    default_role: Role | None = None


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
    """

    row_number: int
    action: RowAction
    person: PersonInput | None
    application: ApplicationInput | None
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    source: list[CellValue] = field(default_factory=list)
    person_id: int | None = None
    application_id: int | None = None


@dataclass(frozen=True)
class ImportPreview:
    """Every row of a file with what importing it would do; nothing is written yet."""

    rows: list[PreviewRow]

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


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote."""

    added: int
    updated: int
    skipped: int
    rejected: list[PreviewRow]


# Reading one row ------------------------------------------------------------------------

_PERSON_TEXT = {
    ApplicantField.ORGANISATION: ("organisation", 200),
    ApplicantField.DEPARTMENT: ("department", 200),
    ApplicantField.POSITION: ("position", 200),
    ApplicantField.FIELD: ("field", 200),
    ApplicantField.GENDER: ("gender", 60),
    ApplicantField.EXPERTISE: ("expertise", 2000),
    ApplicantField.LANGUAGES: ("languages", 200),
}
_APPLICATION_TEXT = {
    ApplicantField.GOALS: ("goals", 5000),
    ApplicantField.DEVELOPMENT_NEEDS: ("development_needs", 5000),
    ApplicantField.PREFERENCES: ("preferences", 5000),
}


@dataclass
class _Reading:
    """What one row says, keeping only the values it gives."""

    index: int
    email: str | None = None
    person: dict[str, Any] = field(default_factory=dict)
    application: dict[str, Any] = field(default_factory=dict)
    strand_id: int | None = None
    role: Role | None = None
    submitted: dt.datetime = dt.datetime.min
    superseded: bool = False
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


@dataclass
class _Context:
    plan: ImportPlan
    columns: dict[ApplicantField, list[int]]
    strands: dict[str, tuple[int, str]]
    strand_list: str
    default_strand_id: int | None
    # Form answers repeat a handful of wordings; each is looked up once per import.
    choices: dict[tuple[str, type[enum.StrEnum]], enum.StrEnum | None] = field(default_factory=dict)

    def choice(self, text: str, enum_type: type[_E]) -> _E | None:
        """The member a written answer means (see ``normalise_choice``), or None."""
        key = (text, enum_type)
        if key not in self.choices:
            self.choices[key] = normalise_choice(text, enum_type)
        found = self.choices[key]
        return found if isinstance(found, enum_type) else None


def _first(ctx: _Context, cells: Sequence[CellValue], wanted: ApplicantField) -> tuple[int, str]:
    """The first column of this field holding something, and its text; (-1, "") if none."""
    for index in ctx.columns.get(wanted, ()):
        text = cell_text(cells[index])
        if text:
            return index, text
    return -1, ""


def _read_row(ctx: _Context, index: int, cells: Sequence[CellValue]) -> _Reading:
    table = ctx.plan.table
    headers = table.headers
    reading = _Reading(index)
    problem = reading.problems.append

    # Email: a Microsoft Forms metadata column may say "anonymous"; that is no address.
    anonymous = False
    for column in ctx.columns.get(ApplicantField.EMAIL, ()):
        text = cell_text(cells[column])
        if text.casefold() == ANONYMOUS:
            anonymous = True
            continue
        if text:
            try:
                reading.email = normalise_email(text)
            except InvalidInput as error:
                problem(f"{headers[column]}: {_clause(error.message)}")
            break
    else:
        if anonymous:
            problem("Email: the form was anonymous, so the answer has no email address; add one")
        else:
            problem("Email: missing; an email address is how MentorDesk tells people apart")

    # Name: a full name splits on its last space; separate first and last names win.
    column, full = _first(ctx, cells, ApplicantField.FULL_NAME)
    if full:
        first, _, last = full.rpartition(" ")
        names = {"first_name": first, "last_name": last} if first else {"first_name": full}
        for key, value in names.items():
            _put_text(reading.person, key, value, headers[column], 100, problem)
    for wanted, key in (
        (ApplicantField.FIRST_NAME, "first_name"),
        (ApplicantField.LAST_NAME, "last_name"),
    ):
        column, text = _first(ctx, cells, wanted)
        if text:
            _put_text(reading.person, key, text, headers[column], 100, problem)

    for wanted, (key, limit) in _PERSON_TEXT.items():
        column, text = _first(ctx, cells, wanted)
        if not text:
            continue
        if wanted.is_list:
            text = join_tags(split_multi(text))
        _put_text(reading.person, key, text, headers[column], limit, problem)
    for wanted, (key, limit) in _APPLICATION_TEXT.items():
        column, text = _first(ctx, cells, wanted)
        if text:
            _put_text(reading.application, key, text, headers[column], limit, problem)

    for wanted, key, enum_type in (
        (ApplicantField.GRADE, "grade", Grade),
        (ApplicantField.CONTRACT_TYPE, "contract_type", ContractType),
    ):
        column, text = _first(ctx, cells, wanted)
        if text:
            member = ctx.choice(text, enum_type)
            if member is None:
                problem(_unknown_choice(headers[column], text, enum_type))
            else:
                reading.person[key] = member

    _read_strand_role_status(ctx, cells, reading)
    _read_dates(ctx, cells, reading)
    _read_capacity(ctx, cells, reading)
    return reading


def _read_strand_role_status(ctx: _Context, cells: Sequence[CellValue], reading: _Reading) -> None:
    headers = ctx.plan.table.headers
    column, text = _first(ctx, cells, ApplicantField.STRAND)
    if text:
        found = ctx.strands.get(text.lower())
        if found is None:
            reading.problems.append(
                f"{headers[column]}: “{text}” is not a strand of this programme "
                f"(its strands are {ctx.strand_list})"
            )
        else:
            reading.strand_id = found[0]
    elif ctx.default_strand_id is not None:
        reading.strand_id = ctx.default_strand_id
    else:
        reading.problems.append(
            f"Strand: missing; choose a default strand for the import ({ctx.strand_list})"
        )

    column, text = _first(ctx, cells, ApplicantField.ROLE)
    if text:
        role = ctx.choice(text, Role)
        if role is None:
            reading.problems.append(_unknown_choice(headers[column], text, Role))
        reading.role = role
    elif ctx.plan.default_role is not None:
        reading.role = ctx.plan.default_role
    else:
        reading.problems.append("Role: missing; choose a default role (mentor or mentee)")

    column, text = _first(ctx, cells, ApplicantField.STATUS)
    if text:
        status = ctx.choice(text, ApplicationStatus)
        if status is None:
            reading.problems.append(_unknown_choice(headers[column], text, ApplicationStatus))
        else:
            reading.application["status"] = status


def _read_dates(ctx: _Context, cells: Sequence[CellValue], reading: _Reading) -> None:
    headers = ctx.plan.table.headers
    for wanted, target in (
        (ApplicantField.SUBMITTED_ON, reading.application),
        (ApplicantField.CONSENT_ON, reading.person),
    ):
        for column in ctx.columns.get(wanted, ()):
            cell = cells[column]
            parsed = parse_date(cell, date_1904=ctx.plan.table.date_1904)
            if parsed.problem:
                reading.problems.append(f"{headers[column]}: {parsed.problem}")
                break
            if parsed.value is None:
                continue
            target[wanted.value] = parsed.value
            if wanted is ApplicantField.SUBMITTED_ON:
                reading.submitted = (
                    cell.replace(tzinfo=None)
                    if isinstance(cell, dt.datetime)
                    else dt.datetime.combine(parsed.value, dt.time())
                )
            break


def _read_capacity(ctx: _Context, cells: Sequence[CellValue], reading: _Reading) -> None:
    column, text = _first(ctx, cells, ApplicantField.CAPACITY)
    if not text:
        return
    header = ctx.plan.table.headers[column]
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if number < 0 or not number.is_integer():
        reading.problems.append(f"{header}: “{text}” is not a whole number of mentees")
    elif reading.role is not Role.MENTOR:
        reading.notices.append(f"{header}: left out, as only mentors have a capacity")
    else:
        reading.application["capacity"] = int(number)


def _put_text(
    target: dict[str, Any],
    key: str,
    text: str,
    header: str,
    limit: int,
    problem: Callable[[str], None],
) -> None:
    try:
        target[key] = optional_text(text, header, max_length=limit)
    except InvalidInput as error:
        problem(_clause(error.message))


def _clause(message: str) -> str:
    return message.rstrip(".")


def _unknown_choice(header: str, text: str, enum_type: type[enum.StrEnum]) -> str:
    choices = ", ".join(getattr(m, "label", m.value) for m in enum_type)
    return f"{header}: “{text}” is not one of: {choices}"


# The preview ----------------------------------------------------------------------------


def _context(session: Session, programme_id: int, plan: ImportPlan) -> _Context:
    programme = get_programme(session, programme_id)
    width = len(plan.table.headers)
    columns: dict[ApplicantField, list[int]] = {}
    for index, wanted in sorted(plan.mapping.items()):
        if wanted is not ApplicantField.IGNORE and 0 <= index < width:
            columns.setdefault(wanted, []).append(index)
    if ApplicantField.EMAIL not in columns:
        raise InvalidInput(
            "Choose the column that holds the email address: MentorDesk needs it to tell "
            "people apart."
        )
    strands = {s.name.lower(): (s.id, s.name) for s in programme.strands}
    default = plan.default_strand_id
    if default is not None and default not in {i for i, _ in strands.values()}:
        raise InvalidInput(f"The default strand is not a strand of {programme.name}.")
    if default is None and len(strands) == 1:
        default = next(iter(strands.values()))[0]
    strand_list = ", ".join(sorted(name for _, name in strands.values())) or "none yet"
    return _Context(plan, columns, strands, strand_list, default)


def preview_import(session: Session, programme_id: int, plan: ImportPlan) -> ImportPreview:
    """What importing ``plan`` into a programme would do, row by row; writes nothing.

    Raises:
        UnreadableFile: the table has a header row but no rows.
        NotFound: the programme no longer exists.
        InvalidInput: no column is mapped to the email, or the default strand is
            not one of the programme's.
    """
    require_rows(plan.table)
    ctx = _context(session, programme_id, plan)
    readings = [_read_row(ctx, i, cells) for i, cells in enumerate(plan.table.rows)]
    emails = {r.email for r in readings if r.email}
    people = people_by_email(session, emails)
    applications = _applications_of(session, [p.id for p in people.values()], ctx)

    rows = [
        PreviewRow(
            row_number=plan.table.row_numbers[r.index],
            action=RowAction.REJECT if r.problems else RowAction.ADD,
            person=None,
            application=None,
            problems=r.problems,
            notices=r.notices,
            source=list(plan.table.rows[r.index]),
        )
        for r in readings
    ]
    _skip_older_submissions(readings, rows)

    # Newest last, so that a person's newest answer is laid over the older ones.
    by_email: dict[str, list[_Reading]] = {}
    for reading in sorted(readings, key=lambda r: (r.submitted, r.index)):
        if reading.email and not reading.superseded:
            by_email.setdefault(reading.email, []).append(reading)
    for email, group in by_email.items():
        existing = people.get(email)
        person = _person_for(existing, group, plan.existing)
        for reading in group:
            row = rows[reading.index]
            row.person = person if person is not None else _as_read(reading)
            row.application = _application_for(reading, plan.table.source)
            if row.action is RowAction.REJECT:
                continue
            if existing is None:
                if not (person and (person.first_name or person.last_name)):
                    row.action = RowAction.REJECT
                    row.problems.append("Name: missing; a first or a last name is needed")
                continue
            row.person_id = existing.id
            _decide_for_existing(row, reading, existing, applications, plan.existing)
    for reading in readings:
        row = rows[reading.index]
        if row.person is None:
            row.person = _as_read(reading)
            row.application = _application_for(reading, plan.table.source)
    return ImportPreview(rows)


def _skip_older_submissions(readings: list[_Reading], rows: list[PreviewRow]) -> None:
    """Of several answers by one person for one strand and role, keep the newest."""
    groups: dict[tuple[str, int, Role], list[_Reading]] = {}
    for reading in readings:
        if reading.email and reading.strand_id is not None and reading.role is not None:
            groups.setdefault((reading.email, reading.strand_id, reading.role), []).append(reading)
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda r: (r.submitted, r.index))
        newest = rows[group[-1].index]
        older = [rows[r.index] for r in group[:-1]]
        numbers = ", ".join(str(row.row_number) for row in older)
        newest.notices.append(
            f"Also submitted on row {numbers}; the newest answer (row {newest.row_number}) is used"
        )
        for row in older:
            row.action = RowAction.SKIP
            row.problems.clear()
            row.notices.append(
                f"A newer answer from the same person is on row {newest.row_number}; "
                "that one is used"
            )
        for reading in group[:-1]:
            reading.superseded = True  # an older answer never changes the person


def _person_for(
    existing: Person | None, group: list[_Reading], policy: ExistingPerson
) -> PersonInput | None:
    if existing is None:
        merged = PersonInput("", "", group[-1].email or "")
    else:
        merged = _person_input(existing)
        if policy is not ExistingPerson.UPDATE:
            return merged
    usable = [r for r in group if not r.problems]
    for reading in usable:
        merged = replace(merged, **reading.person)
    return merged if usable or existing is not None else None


def _as_read(reading: _Reading) -> PersonInput:
    values: dict[str, Any] = {"first_name": "", "last_name": "", "email": reading.email or ""}
    values.update(reading.person)
    return PersonInput(**values)


def _application_for(reading: _Reading, source: str) -> ApplicationInput | None:
    if reading.strand_id is None or reading.role is None:
        return None
    values = dict(reading.application)
    if reading.role is not Role.MENTOR:
        values.pop("capacity", None)
    return ApplicationInput(
        strand_id=reading.strand_id,
        role=reading.role,
        source=f"imported from {source}"[:300],
        **values,
    )


def _decide_for_existing(
    row: PreviewRow,
    reading: _Reading,
    existing: Person,
    applications: dict[tuple[int, int, Role], Application],
    policy: ExistingPerson,
) -> None:
    name = existing.full_name or existing.email
    if policy is ExistingPerson.SKIP:
        row.action = RowAction.SKIP
        row.notices.append(f"{name} is already in the file; left as they are, as chosen")
        return
    assert row.application is not None
    assert row.person is not None
    current = applications.get((existing.id, row.application.strand_id, row.application.role))
    person_changes = row.person != _person_input(existing)
    if current is None:
        row.action = RowAction.ADD
        if person_changes:
            row.notices.append(f"{name} is already in the file; their details are updated")
        return
    row.application_id = current.id
    stored = _application_input(current)
    merged = replace(stored, **reading.application)
    if policy is ExistingPerson.KEEP_BOTH:
        row.action = RowAction.SKIP
        row.application = stored
        if merged == stored:
            row.notices.append("Already imported: nothing has changed")
        else:
            row.notices.append(
                f"{name} already applied to this strand as a {current.role.value}; that "
                "application is kept (choose “Update” to replace it)"
            )
        return
    row.application = merged
    if merged == stored and not person_changes:
        row.action = RowAction.SKIP
        row.notices.append("Already imported: nothing has changed")
    else:
        row.action = RowAction.UPDATE


def _person_input(person: Person) -> PersonInput:
    return PersonInput(**{f.name: getattr(person, f.name) for f in fields(PersonInput)})


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
    for chunk in _chunks(sorted(emails)):
        query = select(Person).where(func.lower(Person.email).in_(chunk))
        for person in session.scalars(query):
            found[person.email.lower()] = person
    return found


def _applications_of(
    session: Session, person_ids: list[int], ctx: _Context
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
) -> ImportSummary:
    """Import every acceptable row of ``plan`` in the caller's transaction.

    The preview is worked out again here, in the same transaction, so what is
    written matches the file as it is now. Rows with problems are not written and
    are listed in the summary. On any error the caller's session rolls back, so
    an import is never half written.

    Args:
        session: the open transaction (``ProgrammeFile.session()``).
        programme_id: the programme the applications are for.
        plan: the table and how to read it.
        progress: called with (rows written, rows to write) as the work goes on.
        cancelled: asked before each row; returning True stops the import.

    Raises:
        ImportCancelled: ``cancelled`` returned True; nothing is written.
        Conflict: the file refused a row (a rule the preview cannot see).
        InvalidInput, NotFound: as for :func:`preview_import`.
    """
    preview = preview_import(session, programme_id, plan)
    to_write = [r for r in preview.rows if r.action in (RowAction.ADD, RowAction.UPDATE)]
    total = len(to_write)
    if progress:
        progress(0, total)
    batch = _Batch()
    try:
        with session.no_autoflush:
            for done, row in enumerate(to_write, start=1):
                if cancelled is not None and cancelled():
                    raise ImportCancelled("The import was cancelled; nothing was written.")
                _write_row(session, row, batch, plan.existing)
                if progress and done % _PROGRESS_EVERY == 0:
                    progress(done, total)
        session.flush()
        batch.insert(session)
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


@dataclass
class _Batch:
    """New people and applications, inserted together at the end (ORM objects are slow)."""

    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    applications: list[tuple[str | int, dict[str, Any]]] = field(default_factory=list)

    def insert(self, session: Session) -> None:
        ids: dict[str | int, int] = {}
        if self.people:
            inserted = session.execute(
                insert(Person).returning(Person.id, Person.email), list(self.people.values())
            )
            ids.update({email: person_id for person_id, email in inserted})
        if self.applications:
            session.execute(
                insert(Application),
                [
                    {**values, "person_id": ids.get(owner, owner)}
                    for owner, values in self.applications
                ],
            )


def _write_row(session: Session, row: PreviewRow, batch: _Batch, policy: ExistingPerson) -> None:
    assert row.person is not None
    assert row.application is not None
    application_values = {
        f.name: getattr(row.application, f.name) for f in fields(ApplicationInput)
    }
    owner: str | int
    if row.person_id is not None:
        owner = row.person_id
        if policy is ExistingPerson.UPDATE:
            person = session.get(Person, row.person_id)
            if person is None:
                raise NotFound("A person in the import was removed meanwhile; import again.")
            for f in fields(PersonInput):
                value = getattr(row.person, f.name)
                if getattr(person, f.name) != value:
                    setattr(person, f.name, value)
    else:
        owner = row.person.email
        if owner not in batch.people:
            batch.people[owner] = {f.name: getattr(row.person, f.name) for f in fields(PersonInput)}
    if row.application_id is not None:
        application = session.get(Application, row.application_id)
        if application is None:
            raise NotFound("An application in the import was removed meanwhile; import again.")
        for name, value in application_values.items():
            if name != "source" and getattr(application, name) != value:
                setattr(application, name, value)
    else:
        batch.applications.append((owner, application_values))


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
