"""mentordesk-cli commands for data-protection rights: subject access, erasure, retention."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from mentordesk.cli.common import (
    Commands,
    add_date_option,
    add_json_option,
    iso,
    open_file,
    open_session,
    print_json,
)
from mentordesk.formats.text import plural
from mentordesk.services.privacy import erase_person, export_person, pdf_path
from mentordesk.services.programmes import find_programme


def add_person(person: Commands) -> None:
    """``person export`` and ``person erase``: one person's records, out or gone."""
    person_export = person.command(
        "export",
        "Write everything the file holds about a person to an .xlsx, and the same as a PDF "
        "beside it (subject access).",
        _person_export,
    )
    person_export.add_argument("email", metavar="EMAIL", help="the person's email")
    person_export.add_argument("out", type=Path, metavar="OUT", help="the .xlsx file to write")
    person_erase = person.command(
        "erase",
        "Erase a person and everything linked to them, keeping only anonymous counts.",
        _person_erase,
    )
    person_erase.add_argument("email", metavar="EMAIL", help="the person's email")


def _person_export(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        export_person(s, args.email, args.out)
    print(
        f"Wrote everything about {args.email} to {args.out} and {pdf_path(args.out)}, "
        "confidential notes included: send them securely and delete your copies."
    )
    return 0


def _person_erase(args: argparse.Namespace) -> int:
    with open_file(args) as programme_file:
        with programme_file.session() as s:
            summary = erase_person(s, args.email)
        programme_file.vacuum()
    removed = [
        plural(summary.applications, "application"),
        plural(summary.attendance, "attendance record"),
        plural(summary.notes, "note"),
        plural(summary.survey_responses, "survey answer"),
    ]
    print(
        f"Erased {args.email}: {', '.join(removed)}, and "
        f"{plural(summary.pairings_removed, 'pairing')} they mentored or were the only "
        "mentee of, with their check-ins. "
        "Older backups still hold them until they are rotated out."
    )
    return 0


def add_retention(commands: Commands) -> None:
    """``retention``: whom the retention rules reach, and erasing or anonymising them."""
    retention = commands.command(
        "retention",
        "Show whom the retention rules reach today and, with --apply, erase or anonymise them; "
        "--years sets a programme's rule first.",
        _retention,
        programme=True,
    )
    retention.add_argument(
        "--years",
        type=int,
        metavar="N",
        help="keep the programme's participants N years after it ends (-1: no rule)",
    )
    retention.add_argument(
        "--action",
        choices=["erase", "anonymise"],
        default="erase",
        help="what happens to those due (default: erase)",
    )
    retention.add_argument("--apply", action="store_true", help="do it (default: only show)")
    add_date_option(retention, "the day to reckon from")
    add_json_option(retention)


def _retention(args: argparse.Namespace) -> int:
    from mentordesk.services.retention import (
        RetentionAction,
        apply_retention,
        retention_preview,
        retention_rules,
        set_retention,
    )

    action = RetentionAction(args.action)
    today = args.date or dt.date.today()
    with open_file(args) as programme_file:
        with programme_file.session() as s:
            if args.years is not None:
                programme = find_programme(s, args.programme)
                set_retention(s, programme.id, None if args.years < 0 else args.years)
            rules = retention_rules(s)
            cases = retention_preview(s, today, action)
            summary = apply_retention(s, today, action) if args.apply else None
        if summary is not None and summary.people:
            programme_file.vacuum()
    due = [c for c in cases if c.action is not None]
    if args.json:
        print_json(
            {
                "rules": [
                    {"programme": r.programme, "ends_on": iso(r.ends_on), "years": r.years}
                    for r in rules
                ],
                "due": [
                    {"email": c.email, "programme": c.programme, "due_on": c.due_on.isoformat()}
                    for c in due
                ],
                "kept": [
                    {"email": c.email, "kept_because": c.kept_because}
                    for c in cases
                    if c.action is None
                ],
                "applied": summary is not None,
            }
        )
        return 0
    for rule in rules:
        kept = "kept without limit" if rule.years is None else f"kept {rule.years} years"
        print(f"{rule.programme}: ends {iso(rule.ends_on) or 'on no set date'}, {kept}")
    for case in cases:
        what = action.label if case.action else f"Keep ({case.kept_because})"
        print(f"  {what}: {case.name} <{case.email}>, {case.programme} due {case.due_on}")
    if summary is not None:
        print(f"{summary.people} people {action.done}; {summary.kept} kept.")
    elif due:
        print(f"{len(due)} people would be {action.done}; run again with --apply to do it.")
    else:
        print("Nobody is due today.")
    return 0
