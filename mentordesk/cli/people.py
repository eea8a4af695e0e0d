"""mentordesk-cli ``person add`` and ``person set``: someone without an application, and changes."""

from __future__ import annotations

import argparse
import sys

from mentordesk.cli.common import Commands, open_session
from mentordesk.services.people import add_someone, set_person

#: How ``set_person`` marks a line to check rather than a change made.
_WARNING = "Warning:"


def add_person_set(person: Commands) -> None:
    """``person add EMAIL`` and ``person set EMAIL``: add someone, change what the file holds."""
    adding = person.command(
        "add",
        "Add someone who has no application (a head of department, say), so that reporting "
        "lines can run through them.",
        _person_add,
    )
    adding.add_argument("email", metavar="EMAIL", help="their email")
    adding.add_argument(
        "--name", metavar='"FIRST LAST"', required=True, help="their full name, first name first"
    )
    adding.add_argument("--organisation", metavar="NAME", default="", help="their organisation")
    adding.add_argument("--department", metavar="NAME", default="", help="their department")
    adding.add_argument("--position", metavar="TEXT", default="", help="their job title")
    adding.add_argument(
        "--line-manager",
        metavar="EMAIL",
        default="",
        help="their own line manager's email (someone in the file)",
    )
    command = person.command(
        "set",
        "Change a person's line manager, career stage, organisation or department; says what "
        "changed.",
        _person_set,
    )
    command.add_argument("email", metavar="EMAIL", help="the person's email")
    command.add_argument(
        "--line-manager",
        metavar="EMAIL",
        help="their line manager's email (someone in the file); none removes it",
    )
    command.add_argument(
        "--stage",
        metavar="NAME",
        help="their career stage, as the programme's list of stages names it",
    )
    command.add_argument(
        "--organisation", metavar="NAME", help="their organisation, as it should be written"
    )
    command.add_argument(
        "--department", metavar="NAME", help="their department, as it should be written"
    )
    command.set_defaults(usage=command.format_usage)


def _person_add(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        said = add_someone(
            s,
            args.email,
            args.name,
            organisation=args.organisation,
            department=args.department,
            position=args.position,
            line_manager=args.line_manager,
        )
    print(said)
    return 0


def _person_set(args: argparse.Namespace) -> int:
    wanted = (args.line_manager, args.stage, args.organisation, args.department)
    if all(value is None for value in wanted):
        print(
            f"{args.usage()}mentordesk-cli person set: error: say what to change: "
            "--line-manager EMAIL, --stage NAME, --organisation NAME or --department NAME",
            file=sys.stderr,
        )
        return 2
    with open_session(args) as s:
        said = set_person(
            s,
            args.email,
            line_manager=args.line_manager,
            stage=args.stage,
            organisation=args.organisation,
            department=args.department,
        )
    changes = [line for line in said if not line.startswith(_WARNING)]
    for line in said:
        print(line, file=sys.stderr if line.startswith(_WARNING) else sys.stdout)
    if not changes:
        print(f"Nothing changed: {args.email} already has those details.")
    return 0
