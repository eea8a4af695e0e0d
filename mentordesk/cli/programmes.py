"""mentordesk-cli commands for programmes: listing them and setting one up from the command line."""

from __future__ import annotations

import argparse

from mentordesk.cli.common import (
    Commands,
    add_json_option,
    iso,
    open_session,
    parse_day,
    print_json,
    whole_number,
)
from mentordesk.domain.enums import StrandFormat
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    get_programme,
    list_programmes,
)

_FORMATS = {"one-to-one": StrandFormat.ONE_TO_ONE, "group": StrandFormat.GROUP}


def add_programme(programme: Commands) -> None:
    """``programme list`` and ``programme create``."""
    listing = programme.command(
        "list",
        "List the file's programmes with their dates, rules and strands.",
        _list,
    )
    add_json_option(listing)
    create = programme.command(
        "create",
        "Create a programme in the file, with its dates, rules and strands.",
        _create,
    )
    create.add_argument("name", metavar="NAME", help="the programme's name")
    create.add_argument(
        "--timezone",
        default="Europe/Luxembourg",
        metavar="TZ",
        help="the time zone its events are in (default: Europe/Luxembourg)",
    )
    for option, what in (
        ("--starts", "the day the programme starts"),
        ("--ends", "the day it ends"),
        ("--applications-open", "the day applications open"),
        ("--applications-close", "the application deadline"),
    ):
        create.add_argument(option, type=parse_day, metavar="YYYY-MM-DD", help=what)
    create.add_argument(
        "--duration-months",
        type=whole_number(1, 120),
        metavar="N",
        help="how long a pairing runs, in months",
    )
    create.add_argument(
        "--strand",
        action="append",
        default=[],
        metavar="NAME:one-to-one|group:PLACES",
        help="a strand, its format (default one-to-one) and its places; repeatable",
    )
    create.add_argument(
        "--mentees-per-mentor",
        type=whole_number(1, 100),
        metavar="N",
        help="the most mentees one mentor takes",
    )
    create.add_argument(
        "--grade-gap",
        type=whole_number(0, 20),
        metavar="N",
        help="the most career stages a mentor may be above their mentee",
    )


def _strand(text: str) -> StrandInput:
    """A ``--strand`` value: "Fellows", "Circles:group" or "Circles:group:12"."""
    name, places = text, None
    parts = text.rsplit(":", 2)
    if len(parts) >= 2 and parts[-1].strip().isdigit():
        places = int(parts[-1])
        parts = parts[:-1]
    wanted = StrandFormat.ONE_TO_ONE
    if len(parts) >= 2 and parts[-1].strip().lower() in _FORMATS:
        wanted = _FORMATS[parts[-1].strip().lower()]
        parts = parts[:-1]
    name = ":".join(parts).strip()
    if not any(char.isalnum() for char in name):
        raise InvalidInput(
            "A --strand needs a name: NAME, NAME:one-to-one or NAME:group, then :PLACES "
            "as a whole number if the strand has a set number of places."
        )
    return StrandInput(name, wanted, places)


def _list(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programmes = [get_programme(s, summary.id) for summary in list_programmes(s)]
        listed = [
            {
                "id": p.id,
                "name": p.name,
                "timezone": p.timezone,
                "starts": iso(p.starts_on),
                "ends": iso(p.ends_on),
                "applications_open": iso(p.applications_open_on),
                "applications_close": iso(p.applications_close_on),
                "duration_months": p.duration_months,
                "mentees_per_mentor": p.max_mentees_per_mentor,
                "grade_gap": p.max_grade_gap,
                "strands": [
                    {"name": s.name, "format": s.format.value, "places": s.places}
                    for s in p.strands
                ],
            }
            for p in programmes
        ]
        lines = [
            line
            for p in programmes
            for line in (
                f"{p.name} ({p.timezone}, {iso(p.starts_on) or '…'} to {iso(p.ends_on) or '…'})",
                *(
                    f"  - {s.name}: {s.format.label.lower()}"
                    + (f", {s.places} places" if s.places is not None else "")
                    for s in p.strands
                ),
            )
        ]
    if args.json:
        print_json(listed)
        return 0
    if not programmes:
        print(f"{args.db} holds no programme yet; add one with: mentordesk-cli programme create")
    for line in lines:
        print(line)
    return 0


def _create(args: argparse.Namespace) -> int:
    data = ProgrammeInput(
        name=args.name,
        starts_on=args.starts,
        ends_on=args.ends,
        applications_open_on=args.applications_open,
        applications_close_on=args.applications_close,
        timezone=args.timezone,
        max_mentees_per_mentor=args.mentees_per_mentor,
        max_grade_gap=args.grade_gap,
        duration_months=args.duration_months,
        strands=[_strand(text) for text in args.strand],
    )
    with open_session(args) as s:
        create_programme(s, data)
    strands = ", ".join(strand.name for strand in data.strands) or "no strands yet"
    print(f"Created {data.name.strip()} in {args.db} ({strands}).")
    return 0
