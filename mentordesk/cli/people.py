"""mentordesk-cli ``person set``: a person's line manager, career stage or organisation."""

from __future__ import annotations

import argparse
import sys

from mentordesk.cli.common import Commands, open_session
from mentordesk.services.applicants import set_person

#: How ``set_person`` marks a line to check rather than a change made.
_WARNING = "Warning:"


def add_person_set(person: Commands) -> None:
    """``person set EMAIL``: change what the file holds about one person."""
    command = person.command(
        "set",
        "Change a person's line manager, career stage or organisation; says what changed.",
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
    command.set_defaults(usage=command.format_usage)


def _person_set(args: argparse.Namespace) -> int:
    if args.line_manager is None and args.stage is None and args.organisation is None:
        print(
            f"{args.usage()}mentordesk-cli person set: error: say what to change: "
            "--line-manager EMAIL, --stage NAME or --organisation NAME",
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
        )
    changes = [line for line in said if not line.startswith(_WARNING)]
    for line in said:
        print(line, file=sys.stderr if line.startswith(_WARNING) else sys.stdout)
    if not changes:
        print(f"Nothing changed: {args.email} already has those details.")
    return 0
