"""mentordesk-cli commands for surveys: their templates and the import of responses."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk.cli.common import Commands, add_json_option, open_file, open_session, print_json
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import SheetTable
from mentordesk.services.import_run import check_then_apply
from mentordesk.services.programmes import find_programme
from mentordesk.services.survey_import import (
    RESPONDENT_EMAIL,
    SUBMITTED_ON,
    LineStatus,
    ResponseImportPlan,
    apply_response_import,
    preview_response_import,
)

#: How each kind of line not written is introduced in the list of rows.
_LINE_WORDS = {
    LineStatus.SUPERSEDED: "left out",
    LineStatus.OLDER: "left out",
    LineStatus.EMPTY: "left out",
    LineStatus.UNMATCHED: "not matched",
    LineStatus.REJECTED: "problem",
}


def add_surveys(surveys: Commands) -> None:
    """``surveys list``, ``templates``, ``add`` and ``import``."""
    listing = surveys.command(
        "list",
        "List a programme's surveys with who answers them, their items and responses.",
        _list,
        programme=True,
    )
    add_json_option(listing)
    # The templates ship with MentorDesk: listing them needs no programme file.
    surveys.plain(
        "templates",
        "List the questionnaires MentorDesk ships, by the key `surveys add` takes.",
        _templates,
    )
    added = surveys.command(
        "add",
        "Add a shipped questionnaire to a programme (`surveys templates` lists them).",
        _add,
        programme=True,
    )
    added.add_argument("--template", required=True, metavar="KEY", help="the template's key")
    added.add_argument("--title", metavar="TITLE", help="a title of your own")
    imported = surveys.command(
        "import",
        "Import the responses to a survey from a form tool's export (.xlsx or .csv from "
        "Microsoft Forms or Google Forms): rows are matched to people by email, and nothing "
        "is written unless every answer can be read.",
        _import,
        programme=True,
    )
    imported.add_argument("file", type=Path, metavar="FILE", help="the export to import")
    imported.add_argument("--survey", required=True, metavar="TITLE", help="the survey answered")
    imported.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: first)")
    imported.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    imported.add_argument(
        "--skip-rejected",
        action="store_true",
        help="import the readable rows even when others have answers that cannot be read",
    )


def _list(args: argparse.Namespace) -> int:
    from mentordesk.services.surveys import survey_rows

    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        rows = survey_rows(s, programme.id)
    if args.json:
        listing = [
            {
                "id": r.survey_id,
                "title": r.title,
                "kind": r.kind.value,
                "role": None if r.role is None else r.role.value,
                "day": r.day,
                "items": r.items,
                "responses": r.responses,
            }
            for r in rows
        ]
        print_json(listing)
        return 0
    if not rows:
        print(
            f"{programme.name} has no surveys yet; `mentordesk-cli surveys templates` lists some."
        )
    for r in rows:
        print(
            f"{r.title:<34}  {r.kind_label:<22}  {r.who:<8}  {r.items:>3} items  "
            f"{r.responses:>4} responses"
        )
    return 0


def _templates(args: argparse.Namespace) -> int:
    from mentordesk.services.survey_templates import TEMPLATES
    from mentordesk.services.surveys import who_answers

    for template in TEMPLATES.values():
        kind = template.kind.label + (f" (day {template.day})" if template.day else "")
        print(
            f"{template.key:<24}  {template.title:<34}  {kind:<22}  "
            f"{who_answers(template.role):<8}  {len(template.items):>3} items"
        )
    return 0


def _add(args: argparse.Namespace) -> int:
    from mentordesk.services.surveys import add_survey_from_template, item_rows, survey_input

    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        survey_id = add_survey_from_template(s, programme.id, args.template, title=args.title)
        title = survey_input(s, survey_id).title
        items = len(item_rows(s, survey_id))
    print(f"Added “{title}” ({items} items) to {programme.name}.")
    return 0


@dataclass(frozen=True)
class _Checked:
    """The survey the responses answer, and the plan of the import."""

    survey_id: int
    title: str
    plan: ResponseImportPlan


def _check(s: Session, args: argparse.Namespace, table: SheetTable) -> _Checked:
    from mentordesk.services.surveys import find_survey

    programme = find_programme(s, args.programme)
    survey = find_survey(s, programme.id, args.survey)
    plan = preview_response_import(s, survey.survey_id, table)
    return _Checked(survey.survey_id, survey.title, plan)


def _refusal(checked: _Checked, skip_rejected: bool) -> str | None:
    """Why the responses are not imported, or None."""
    plan = checked.plan
    if plan.rejected and not skip_rejected:
        return (
            f"{len(plan.rejected)} rows of {plan.source} have answers that cannot be read, "
            "so nothing was imported. Correct them, or pass --skip-rejected to import the "
            "other rows."
        )
    if not plan.to_import:
        return (
            f"nothing in {plan.source} can be imported into “{checked.title}”: no row is both "
            "matched to a person and answered."
        )
    return None


def _import(args: argparse.Namespace) -> int:
    table = read_table(args.file, sheet=args.sheet)
    with open_file(args) as programme_file:
        run = check_then_apply(
            programme_file,
            lambda s: _check(s, args, table),
            lambda s, checked: apply_response_import(
                s, checked.survey_id, table, skip_rejected=args.skip_rejected
            ),
            refusal=lambda checked: _refusal(checked, args.skip_rejected),
            show=lambda checked, _refused: _print_plan(checked.plan),
            dry_run=args.dry_run,
        )
    plan, summary = run.checked.plan, run.applied
    if summary is None:
        replacing = len(plan.with_status(LineStatus.REPLACE))
        print(
            f"Dry run: {len(plan.to_import)} responses to import ({replacing} replacing older "
            "ones); nothing written."
        )
        return 0
    print(
        f"Imported {summary.imported} responses from {plan.source} into “{run.checked.title}” "
        f"({summary.replaced} replacing older ones)."
    )
    return 0


def _print_plan(plan: ResponseImportPlan) -> None:
    """The columns, the rows not written and why, and the counts."""
    for notice in plan.notices:
        print(f"Note: {notice}")
    print(f"Columns of {plan.source}:")
    for use in plan.columns:
        if use.target is None:
            print(f"  {use.header} → ignored ({use.reason})")
        elif use.target in (RESPONDENT_EMAIL, SUBMITTED_ON):
            print(f"  {use.header} → {use.reason}")
        else:
            check = " (similar words: check)" if use.check else ""
            print(f"  {use.header} → item {use.target}{check}")
    if plan.unanswered_items:
        print(f"Items no column answers: {', '.join(plan.unanswered_items)}")
    for line in plan.lines:
        if line.status in _LINE_WORDS:
            print(f"Row {line.row_number}: {_LINE_WORDS[line.status]}: {line.reason}")
        elif line.status is LineStatus.REPLACE:
            print(f"Row {line.row_number}: {line.reason}")
    print(
        f"{len(plan.matched)} rows matched to people, {len(plan.unmatched)} not matched; "
        f"{len(plan.to_import)} to import, {len(plan.left_out)} left out, "
        f"{len(plan.rejected)} with answers that cannot be read."
    )
