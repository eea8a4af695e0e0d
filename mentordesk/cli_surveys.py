"""mentordesk-cli commands for surveys: their templates and the import of responses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mentordesk.services.survey_import import (
    RESPONDENT_EMAIL,
    SUBMITTED_ON,
    LineStatus,
    ResponseImportPlan,
)

#: How each kind of line not written is introduced in the list of rows.
_LINE_WORDS = {
    LineStatus.SUPERSEDED: "left out",
    LineStatus.OLDER: "left out",
    LineStatus.EMPTY: "left out",
    LineStatus.UNMATCHED: "not matched",
    LineStatus.REJECTED: "problem",
}


def register(commands: Any, command: Any, group: Any) -> None:
    """Add this area's commands to the parser ``mentordesk.cli.build_parser`` builds."""
    surveys = group("surveys", "Questionnaires: add them from templates, import their responses.")
    listing = command(
        surveys,
        "list",
        "List a programme's surveys with who answers them, their items and responses.",
        _list,
        programme=True,
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    # The templates ship with MentorDesk: listing them needs no programme file.
    templates = surveys.add_parser(
        "templates",
        help="List the questionnaires MentorDesk ships, by the key `surveys add` takes.",
        description="List the questionnaires MentorDesk ships, by the key `surveys add` takes.",
    )
    templates.set_defaults(run=_templates)
    added = command(
        surveys,
        "add",
        "Add a shipped questionnaire to a programme (`surveys templates` lists them).",
        _add,
        programme=True,
    )
    added.add_argument("--template", required=True, metavar="KEY", help="the template's key")
    added.add_argument("--title", metavar="TITLE", help="a title of your own")
    imported = command(
        surveys,
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
    from mentordesk.cli import open_session
    from mentordesk.services.programmes import find_programme
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
        print(json.dumps(listing, ensure_ascii=False, indent=2))
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
    from mentordesk.cli import open_session
    from mentordesk.services.programmes import find_programme
    from mentordesk.services.surveys import add_survey_from_template, item_rows, survey_input

    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        survey_id = add_survey_from_template(s, programme.id, args.template, title=args.title)
        title = survey_input(s, survey_id).title
        items = len(item_rows(s, survey_id))
    print(f"Added “{title}” ({items} items) to {programme.name}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from mentordesk.cli import read_passphrase
    from mentordesk.formats.reading import read_table
    from mentordesk.services.programmes import find_programme
    from mentordesk.services.survey_import import apply_response_import, preview_response_import
    from mentordesk.services.surveys import find_survey
    from mentordesk.store.programme_file import ProgrammeFile

    table = read_table(args.file, sheet=args.sheet)
    with ProgrammeFile.open(args.db, read_passphrase(new=False)) as programme_file:
        with programme_file.session() as s:
            programme = find_programme(s, args.programme)
            survey = find_survey(s, programme.id, args.survey)
            plan = preview_response_import(s, survey.survey_id, table)
        _print_plan(plan)
        written = plan.to_import
        if plan.rejected and not args.skip_rejected:
            print(
                f"mentordesk-cli: {len(plan.rejected)} rows of {plan.source} have answers that "
                "cannot be read, so nothing was imported. Correct them, or pass "
                "--skip-rejected to import the other rows.",
                file=sys.stderr,
            )
            return 1
        if not written:
            print(
                f"mentordesk-cli: nothing in {plan.source} can be imported into “{survey.title}”: "
                "no row is both matched to a person and answered.",
                file=sys.stderr,
            )
            return 1
        replacing = len(plan.with_status(LineStatus.REPLACE))
        if args.dry_run:
            print(
                f"Dry run: {len(written)} responses to import ({replacing} replacing older "
                "ones); nothing written."
            )
            return 0
        # The file as it was, in case this was the wrong export or the wrong survey.
        programme_file.backup("import")
        with programme_file.session() as s:
            summary = apply_response_import(
                s, survey.survey_id, table, skip_rejected=args.skip_rejected
            )
    print(
        f"Imported {summary.imported} responses from {plan.source} into “{survey.title}” "
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
