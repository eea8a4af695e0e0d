"""mentordesk-cli ``organisations``: the organisations people typed, grouped, and merged."""

from __future__ import annotations

import argparse

from mentordesk.cli.common import Commands, add_json_option, open_session, print_json
from mentordesk.formats.text import plural
from mentordesk.services.organisations import (
    merge_organisations,
    organisation_variants,
    unmerge_organisation,
)


def add_organisations(organisations: Commands) -> None:
    """``organisations list``, ``merge`` and ``unmerge``."""
    listing = organisations.command(
        "list",
        "List the organisations of everyone in the file as reports and matching count "
        "them, each with the spellings counted as it and how many people typed each.",
        _list,
    )
    add_json_option(listing)
    merge = organisations.command(
        "merge",
        "Count the people who typed any of these spellings as one organisation, named "
        "as --into says (spellings written alike follow).",
        _merge,
    )
    merge.add_argument(
        "--into", required=True, metavar="NAME", help="the name they count as from now on"
    )
    merge.add_argument("variants", nargs="+", metavar="VARIANT", help="a spelling to merge")
    unmerge = organisations.command(
        "unmerge",
        "Undo the merge of these spellings: they count as written again.",
        _unmerge,
    )
    unmerge.add_argument("variants", nargs="+", metavar="VARIANT", help="a spelling merged")


def _list(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        groups = organisation_variants(s, None)
    if args.json:
        print_json(
            [
                {
                    "name": g.name,
                    "people": g.people,
                    "variants": [
                        {"text": v.text, "people": v.people, "merged": v.merged} for v in g.variants
                    ],
                }
                for g in groups
            ]
        )
        return 0
    if not groups:
        print("Nobody in this file has an organisation recorded.")
        return 0
    for group in groups:
        print(f"{group.name} ({plural(group.people, 'person', 'people')})")
        if len(group.variants) == 1 and not group.merged:
            continue  # written one way only: the name says it all
        width = max(len(f"{v.people:,}") for v in group.variants)
        for v in group.variants:
            print(f"  {v.people:>{width},}  {v.text}{'  (merged)' if v.merged else ''}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        count = merge_organisations(s, args.variants, args.into)
    print(f"{plural(count, 'spelling')} now counted as {' '.join(args.into.split())}.")
    return 0


def _unmerge(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        said = [
            f"{v.strip()}: no longer counted as {unmerge_organisation(s, v)}" for v in args.variants
        ]
    print("\n".join(said))
    return 0
