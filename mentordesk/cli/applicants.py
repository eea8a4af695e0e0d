"""mentordesk-cli commands for applicants: importing applications, listing them, deciding on them.

Columns are recognised by their headers and their answers together
(:func:`~mentordesk.formats.column_guess.recognise_columns`); a saved mapping
(``--mapping``) wins over the guesses and ``--map`` over both. ``--show-mapping``
says where each column would go and why, and writes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk.cli.common import (
    Commands,
    add_json_option,
    iso,
    open_file,
    open_session,
    print_json,
)
from mentordesk.domain.enums import ApplicantField, ApplicationStatus, Role
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.column_guess import ColumnGuess, recognise_columns
from mentordesk.formats.columns import normalise
from mentordesk.formats.dates import DayOrder
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import SheetTable, column_letters
from mentordesk.formats.text import plural
from mentordesk.services.applicants import ApplicantRow, applicant_rows, set_application_status
from mentordesk.services.import_mappings import (
    column_named,
    columns_for,
    field_named,
    find_mapping,
    save_mapping,
    value_for,
)
from mentordesk.services.import_people import StageTally
from mentordesk.services.import_reading import REQUIRED, VALUE_MAPPED, reads_field
from mentordesk.services.import_report import (
    ColumnChoice,
    column_choices,
    column_report,
    date_column_hint,
    late_line,
    mapping_lines,
    mapping_of,
    missing_field_hint,
    missing_fields,
    notice_lines,
    problem_lines,
    read_as_received,
    received_line,
    stage_lines,
    unknown_answers,
    unreadable_dates,
    value_map_hint,
)
from mentordesk.services.import_run import check_then_apply
from mentordesk.services.importing import (
    ExistingPerson,
    ImportPlan,
    ImportPreview,
    ImportSummary,
    apply_import,
    preview_import,
)
from mentordesk.services.programmes import ProgrammeSummary, find_programme, strand_choices

_FIELDS = ", ".join(f.value for f in ApplicantField)
_MAPPED_VALUES = ", ".join(f.label for f in VALUE_MAPPED)


def add_import_applicants(importing: Commands) -> None:
    """``import applicants``: applications from a spreadsheet or CSV file, all or nothing."""
    applicants = importing.command(
        "applicants",
        "Import applications from a spreadsheet or CSV file (.xlsx, .xls, .ods, .csv): "
        "every row is checked first, and nothing is written unless the file is accepted.",
        _import_applicants,
        programme=True,
    )
    applicants.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    applicants.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    applicants.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: first)")
    applicants.add_argument(
        "--show-mapping",
        action="store_true",
        help="print each column, the field it goes to and why, then stop; writes nothing",
    )
    applicants.add_argument("--mapping", metavar="NAME", help="a saved column mapping")
    applicants.add_argument(
        "--map",
        action="append",
        type=_column_map,
        default=[],
        metavar="FIELD=HEADER",
        help="read the column with this header into FIELD, as --show-mapping names fields "
        '(e.g. "role=I am applying as a", "ignore=Anything else?"); repeatable',
    )
    applicants.add_argument(
        "--map-value",
        action="append",
        type=_value_map,
        default=[],
        metavar="FIELD:ANSWER=VALUE",
        help="read a form's answer as a strand, a role or a decision (e.g. "
        '"Strand:Early-career researchers (postdocs)=Fellows", "Role:Offering my time=mentor", '
        '"Status:Reserve list=waitlisted"); repeatable',
    )
    applicants.add_argument(
        "--save-mapping",
        metavar="NAME",
        help="keep the columns' fields and the --map-value answers in the file under NAME, "
        "for --mapping NAME next time",
    )
    applicants.add_argument(
        "--date-order",
        choices=[_option(order) for order in DayOrder],
        help="how dates written in numbers only (3/5/2026) are read where no answer of their "
        "column settles it: month-first (US forms) or day-first",
    )
    applicants.add_argument("--strand", metavar="NAME", help="strand for rows that name none")
    applicants.add_argument(
        "--role", choices=[r.value for r in Role], help="role for rows that name none"
    )
    applicants.add_argument(
        "--existing",
        choices=["update", "skip", "keep-both"],
        default="update",
        help="what to do with people already in the file (default: update)",
    )
    applicants.add_argument(
        "--skip-rejected",
        action="store_true",
        help="import the acceptable rows even when others have problems",
    )
    applicants.set_defaults(usage=applicants.format_usage)


def _option(order: DayOrder) -> str:
    """How ``--date-order`` names an order: ``day-first``, ``month-first``."""
    return order.value.replace("_", "-")


def _column_map(text: str) -> tuple[ApplicantField, str]:
    """``--map FIELD=HEADER``: the field and the header; refused without quoting the value."""
    name, equals, header = text.partition("=")
    wanted = field_named(name)
    if not equals or not header.strip() or wanted is None:
        raise argparse.ArgumentTypeError(f"expects FIELD=HEADER, where FIELD is one of: {_FIELDS}")
    return wanted, header.strip()


def _value_map(text: str) -> tuple[ApplicantField, str, str]:
    """``--map-value FIELD:ANSWER=VALUE``: a form's answer read as a strand, role or status."""
    name, colon, rest = text.partition(":")
    answer, equals, value = rest.rpartition("=")
    wanted = field_named(name)
    if not (colon and equals and answer.strip() and value.strip()) or wanted not in VALUE_MAPPED:
        raise argparse.ArgumentTypeError(
            f"expects FIELD:ANSWER=VALUE, where FIELD is one of the fields whose answers can be "
            f"mapped ({_MAPPED_VALUES}): Strand:ANSWER=STRAND, Role:ANSWER=mentor (or =mentee), "
            "Status:ANSWER=waitlisted (or another decision)"
        )
    return wanted, answer.strip(), value.strip()


class _UsageError(Exception):
    """An option that does not fit the file or the programme (exit status 2, as argparse)."""


@dataclass(frozen=True)
class _Reading:
    """How the table is read: the programme, each column's field and why, and the plan."""

    programme: ProgrammeSummary
    plan: ImportPlan
    choices: list[ColumnChoice]
    guesses: list[ColumnGuess]


@dataclass(frozen=True)
class _Checked:
    """How the table is read, and the preview of the import."""

    reading: _Reading
    preview: ImportPreview


def _read_as_told(s: Session, args: argparse.Namespace, table: SheetTable) -> _Reading:
    """Work out each column's field from the guesses, ``--mapping`` and ``--map``."""
    programme = find_programme(s, args.programme)
    strands = strand_choices(s, programme.id)
    names = [c.name for c in strands]
    guesses = recognise_columns(table, names)
    saved_columns: dict[int, ApplicantField] = {}
    value_map: dict[ApplicantField, dict[str, str]] = {}
    saved_reason = ""
    if args.mapping:
        saved = find_mapping(s, args.mapping)
        saved_columns = columns_for(saved, table.headers)
        saved_reason = f"as the saved mapping “{saved.name}” says"
        value_map = {wanted: dict(answers) for wanted, answers in saved.value_map.items()}
    chosen: dict[int, ApplicantField] = {}
    for wanted, header in args.map:
        column = column_named(table.headers, header)
        if column is None:
            raise _UsageError(f"argument --map: {_no_such_column(table)}")
        chosen[column] = wanted
    for wanted, answer, value in args.map_value:
        found, why = value_for(wanted, value, names)
        if found is None:
            raise _UsageError(f"argument --map-value: the value after “=” is {why}")
        value_map.setdefault(wanted, {})[normalise(answer)] = found
    choices = column_choices(
        guesses,
        saved=saved_columns,
        saved_reason=saved_reason,
        chosen=chosen,
        chosen_reason="as --map says",
    )
    default_strand = None
    if args.strand:
        default_strand = next(
            (c.id for c in strands if c.name.lower() == args.strand.strip().lower()), None
        )
        if default_strand is None:
            raise NotFound(f"{programme.name} has no strand called “{args.strand}”.")
    plan = ImportPlan(
        table=table,
        mapping=mapping_of(choices),
        existing=ExistingPerson(args.existing.replace("-", "_")),
        default_strand_id=default_strand,
        default_role=Role(args.role) if args.role else None,
        value_map=value_map,
        date_order=DayOrder(args.date_order.replace("-", "_")) if args.date_order else None,
    )
    return _Reading(programme, plan, choices, guesses)


def _no_such_column(table: SheetTable) -> str:
    """That no column has the header given, and the headers there are (never the text typed)."""
    columns = ", ".join(f"{column_letters(i)} “{header}”" for i, header in enumerate(table.headers))
    return (
        f"no column of {table.source} has that header; give one of its headers as shown "
        f"(--show-mapping lists them): {columns}"
    )


def _check(s: Session, args: argparse.Namespace, table: SheetTable) -> _Checked:
    """Read the table as the options say, and preview the import; nothing is written."""
    reading = _read_as_told(s, args, table)
    if ApplicantField.EMAIL not in reading.plan.mapping.values():
        raise InvalidInput(
            missing_field_hint(ApplicantField.EMAIL, reading.choices, reading.guesses, table.source)
            + " An email address is how MentorDesk tells people apart."
        )
    return _Checked(reading, preview_import(s, reading.programme.id, reading.plan))


def _import_applicants(args: argparse.Namespace) -> int:
    if args.save_mapping is not None and not args.save_mapping.strip():
        return _usage(args, "argument --save-mapping: give the mapping a name (the form's title)")
    table = read_table(args.file, sheet=args.sheet)
    try:
        if args.show_mapping:
            return _show_mapping(args, table)
        return _import(args, table)
    except _UsageError as error:
        return _usage(args, str(error))


def _usage(args: argparse.Namespace, message: str) -> int:
    print(f"{args.usage()}mentordesk-cli import applicants: error: {message}", file=sys.stderr)
    return 2


def _show_mapping(args: argparse.Namespace, table: SheetTable) -> int:
    with open_file(args) as programme_file, programme_file.session() as s:
        reading = _read_as_told(s, args, table)
    where = f" (sheet “{table.sheet}”)" if table.sheet else ""
    print(
        f"{table.source}{where}: {plural(len(table.rows), 'row')} under the header on row "
        f"{table.header_row}. Each column, the field it goes to (as --map names it) and why:"
    )
    for notice in table.notices:
        print(f"Note: {notice}")
    for line in mapping_lines(reading.choices):
        print(f"  {line}")
    for wanted, answers in reading.plan.value_map.items():
        for answer, value in answers.items():
            print(f"  {wanted.label} answer “{answer}” → {value}")
    mapped = set(reading.plan.mapping.values())
    for wanted in REQUIRED:
        if not reads_field(mapped, wanted):
            hint = missing_field_hint(wanted, reading.choices, reading.guesses, table.source)
            print(f"Note: {hint}")
    print("Nothing was written. Options: --map FIELD=HEADER, --map-value, --save-mapping NAME.")
    return 0


def _import(args: argparse.Namespace, table: SheetTable) -> int:
    said: list[ApplicantField] = []

    def refusal(checked: _Checked) -> str | None:
        preview = checked.preview
        rejected = preview.rejected
        if not rejected or args.skip_rejected:
            return None
        message = (
            f"{len(rejected)} of {len(preview.rows)} rows of {table.source} have problems, "
            "so nothing was imported."
        )
        reading = checked.reading
        for wanted, count in missing_fields(rejected).items():
            if count * 2 >= len(rejected):  # most refusals: said once, with the fix
                said.append(wanted)
                hint = missing_field_hint(wanted, reading.choices, reading.guesses, table.source)
                what = "name" if wanted is ApplicantField.FULL_NAME else wanted.label.lower()
                message += f" The {what} is missing in {plural(count, 'row')}. {hint}"
        for wanted in VALUE_MAPPED:
            found = unknown_answers(
                table, reading.choices, wanted, reading.programme.strand_names,
                reading.plan.value_map.get(wanted, {}),
            )  # fmt: skip
            if found and sum(found.values()) * 2 >= len(rejected):
                message += " " + value_map_hint(wanted, found, reading.programme.strand_names)
        for column, count in unreadable_dates(rejected, reading.choices).items():
            if count * 2 >= len(rejected):
                undecided = column in preview.undecided_dates
                message += " " + date_column_hint(
                    reading.choices[column], count, undecided=undecided
                )
        if len(rejected) < len(preview.rows):
            message += " Fix them, or pass --skip-rejected to import the other rows."
        elif message.endswith("nothing was imported."):
            message += " Fix them and import the file again."
        return message

    def show(checked: _Checked, refused: str | None) -> None:
        for notice in table.notices:
            print(f"Note: {notice}")
        preview = checked.preview
        print(f"Columns of {table.source}:")
        # Counted only for an import that goes ahead: a refused one keeps nothing.
        kept = None if refused else preview.other_answers()
        for line in column_report(table, checked.reading.choices, kept):
            print(f"  {line}")
        for line in notice_lines(preview.rows):
            print(line)
        rejected = preview.rejected
        if rejected and not refused:
            # --skip-rejected: the rows left behind, and why.
            print(f"Not imported ({plural(len(rejected), 'row')}):", file=sys.stderr)
        for line in problem_lines(rejected, said):
            print(line, file=sys.stderr)

    def apply(s: Session, checked: _Checked) -> ImportSummary:
        plan = checked.reading.plan
        # The file has been locked by this command since the check, and nothing
        # was written since but the backup: the check's preview holds.
        summary = apply_import(s, checked.reading.programme.id, plan, checked=checked.preview)
        if args.save_mapping:
            save_mapping(s, args.save_mapping, table.headers, plan.mapping, plan.value_map)
        return summary

    with open_file(args) as programme_file:
        run = check_then_apply(
            programme_file,
            lambda s: _check(s, args, table),
            apply,
            refusal=refusal,
            show=show,
            dry_run=args.dry_run,
        )
    programme, preview, summary = run.checked.reading.programme, run.checked.preview, run.applied
    if summary is None:
        print(
            f"Dry run: {preview.to_add} to add, {preview.to_update} to update, "
            f"{preview.to_skip} to skip, {len(preview.rejected)} rejected; nothing written."
        )
        _print_people(preview.late, preview.closes_on, preview.stages, done=False)
        _print_received(run.checked.reading, table, done=False)
        if args.save_mapping:
            print("The mapping was not saved either (a dry run writes nothing).")
        return 0
    print(
        f"Imported {table.source} into {programme.name}: {summary.added} added, "
        f"{summary.updated} updated, {summary.skipped} skipped, "
        f"{len(summary.rejected)} rejected."
    )
    _print_kept(summary)
    if summary.line_managers:
        print(f"Linked {plural(summary.line_managers, 'person', 'people')} to their line manager.")
    _print_people(summary.late, summary.closes_on, summary.stages)
    _print_received(run.checked.reading, table)
    if args.save_mapping:
        print(f"Saved the mapping “{args.save_mapping.strip()}”: use --mapping with it next time.")
    return 0


def _print_kept(summary: ImportSummary) -> None:
    """How many answers were kept as other answers (the columns above say which)."""
    if summary.other_answers:
        total = sum(summary.other_answers.values())
        print(
            f"Kept {plural(total, 'answer')} to {plural(len(summary.other_answers), 'question')} "
            "as other answers, with each application (see the columns above)."
        )


def _print_received(reading: _Reading, table: SheetTable, *, done: bool = True) -> None:
    """The decisions read as received because they say none was taken yet ("Pending")."""
    status_map = reading.plan.value_map.get(ApplicantField.STATUS, {})
    line = received_line(read_as_received(table, reading.choices, status_map), done=done)
    if line:
        print(line)


def _print_people(
    late: int, closes_on: dt.date | None, stages: StageTally, *, done: bool = True
) -> None:
    """The applications that came in late, and the career stages to check."""
    line = late_line(late, closes_on, done=done)
    if line:
        print(line)
    for line in stage_lines(stages, done=done):
        print(line)


# Deciding on applications ---------------------------------------------------------------------

_STATUSES = [s.value for s in ApplicationStatus]


def add_applicants(applicants: Commands) -> None:
    """``applicants list`` and ``applicants status``: see the applications, decide on them."""
    listing = applicants.command(
        "list",
        "List a programme's applications: each applicant's role, strand and status.",
        _list,
        programme=True,
    )
    listing.add_argument("--status", choices=_STATUSES, help="only the applications in this status")
    add_json_option(listing)
    status = applicants.command(
        "status",
        "Move applications to a status (accept, shortlist, waitlist, decline…), each named by "
        "its applicant's email; every email is checked first, and nothing changes unless all "
        "are found.",
        _status,
        programme=True,
    )
    status.add_argument(
        "--status", required=True, choices=_STATUSES, help="the status the applications move to"
    )
    status.add_argument(
        "--strand", metavar="NAME", help="the strand, for someone who applied to several"
    )
    status.add_argument(
        "--role",
        choices=[r.value for r in Role],
        help="the role, for someone who applied both as mentor and as mentee",
    )
    status.add_argument("emails", nargs="+", metavar="EMAIL", help="an applicant's email")


def _list(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        rows = applicant_rows(s, programme.id)
    if args.status:
        rows = [r for r in rows if r.status.value == args.status]
    if args.json:
        print_json([_row_json(r) for r in rows])
        return 0
    if not rows:
        if args.status:
            print(f"{programme.name} has no application that is {args.status}.")
        else:
            print(
                f"{programme.name} has no application yet: import them with "
                "“mentordesk-cli import applicants FILE”."
            )
        return 0
    width = max(len(_who(r)) for r in rows)
    for row in rows:
        notes = [n for n in ("late" if row.late else "", _stage_note(row)) if n]
        extra = f"  ({'; '.join(notes)})" if notes else ""
        print(f"{_who(row):<{width}}  {row.role.value:<6}  {row.strand}: {row.status.value}{extra}")
    tally = Counter(r.status for r in rows)
    counts = ", ".join(f"{tally[s]:,} {s.value}" for s in ApplicationStatus if tally[s])
    print(f"{programme.name}: {plural(len(rows), 'application')} ({counts}).")
    return 0


def _who(row: ApplicantRow) -> str:
    return f"{row.name} <{row.email}>"


def _stage_note(row: ApplicantRow) -> str:
    if not row.stage:
        return "career stage unknown"
    return f"{row.stage}, guessed" if row.stage_guessed else row.stage


def _row_json(row: ApplicantRow) -> dict[str, object]:
    return {
        "name": row.name,
        "email": row.email,
        "role": row.role.value,
        "strand": row.strand,
        "status": row.status.value,
        "organisation": row.organisation,
        "stage": row.stage,
        "stage_guessed": row.stage_guessed,
        "submitted": iso(row.submitted_on),
        "late": row.late,
    }


def _status(args: argparse.Namespace) -> int:
    status = ApplicationStatus(args.status)
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        if args.strand and args.strand.strip().lower() not in {
            c.name.lower() for c in strand_choices(s, programme.id, retired=True)
        }:
            raise NotFound(f"{programme.name} has no strand called “{args.strand}”.")
        rows = applicant_rows(s, programme.id)
        chosen: list[ApplicantRow] = []
        problems: list[str] = []
        for email in dict.fromkeys(e.strip().lower() for e in args.emails):
            found, problem = _application_of(rows, email, args.strand, args.role, programme.name)
            if found is None:
                problems.append(problem)
            else:
                chosen.append(found)
        if problems:
            raise InvalidInput(" ".join(problems) + " Nothing was changed.")
        set_application_status(
            s, [r.application_id for r in chosen if r.status is not status], status
        )
    for row in chosen:
        where = f"{row.name} ({row.role.value}, {row.strand})"
        if row.status is status:
            print(f"{where} is already {status.value}.")
        else:
            print(f"{where}: {row.status.value} → {status.value}.")
    moved = sum(r.status is not status for r in chosen)
    print(f"{plural(moved, 'application')} of {programme.name} now {status.value}.")
    return 0


def _application_of(
    rows: list[ApplicantRow], email: str, strand: str | None, role: str | None, programme: str
) -> tuple[ApplicantRow | None, str]:
    """The one application ``email`` made that fits ``strand`` and ``role``, or why there is none.

    Returns:
        The application and "", or None and what is wrong, in plain words, with what to add.
    """
    theirs = [r for r in rows if r.email.lower() == email]
    if not theirs:
        return None, (
            f"{email} has no application to {programme}: check the email, or add the "
            "application first (import applicants, or the Applicants tab)."
        )
    fitting = [
        r
        for r in theirs
        if (not strand or r.strand.lower() == strand.strip().lower())
        and (not role or r.role.value == role)
    ]
    made = ", ".join(f"{r.role.value} in {r.strand}" for r in theirs)
    if not fitting:
        return None, f"{email} applied to {programme} only as {made}."
    if len(fitting) > 1:
        options = []
        if len({r.strand for r in fitting}) > 1:
            options.append("--strand")
        if len({r.role for r in fitting}) > 1:
            options.append("--role")
        which = " or ".join(options) or "--strand and --role"
        return None, f"{email} applied to {programme} {len(fitting)} times ({made}): add {which}."
    return fitting[0], ""
