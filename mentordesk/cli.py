"""mentordesk-cli: the programme file from scripts and the terminal, in the spirit of keepassxc-cli.

The passphrase comes from the ``MENTORDESK_PASSPHRASE`` environment variable or
an interactive prompt, never from the command line, where other users of the
computer could read it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from mentordesk import APP_NAME, __version__
from mentordesk.domain.errors import InvalidInput, MentorDeskError, PassphraseRefused
from mentordesk.services.programmes import (
    count_people,
    find_programme,
    list_programmes,
    programme_counts,
)
from mentordesk.store.cipher import check_passphrase
from mentordesk.store.programme_file import ProgrammeFile

PASSPHRASE_VARIABLE = "MENTORDESK_PASSPHRASE"


class _Parser(argparse.ArgumentParser):
    """An argument parser that never repeats unknown arguments: one may be a passphrase."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments"):
            message = (
                "unknown arguments (not repeated here in case one is a passphrase; "
                f"the passphrase comes from {PASSPHRASE_VARIABLE} or the prompt)"
            )
        super().error(message)


def read_passphrase(*, new: bool) -> str:
    """The passphrase from the environment or, failing that, typed at a prompt.

    Args:
        new: the passphrase protects a new file, so a typed one is asked twice.

    Raises:
        PassphraseRefused: none is available, or the two typed ones differ.
    """
    if PASSPHRASE_VARIABLE in os.environ:
        passphrase = os.environ[PASSPHRASE_VARIABLE]
        check_passphrase(passphrase)
        return passphrase
    if not sys.stdin.isatty():
        raise PassphraseRefused(
            f"No passphrase: set {PASSPHRASE_VARIABLE} or run the command in a terminal."
        )
    passphrase = getpass.getpass("Passphrase: ")
    check_passphrase(passphrase)
    if new and getpass.getpass("Passphrase again: ") != passphrase:
        raise PassphraseRefused("The two passphrases differ; nothing was created.")
    return passphrase


def _init(args: argparse.Namespace) -> int:
    ProgrammeFile.create(args.db, read_passphrase(new=True)).close()
    print(f"Created the empty programme file {args.db}.")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from mentordesk.services.demo import build_demo

    if args.size is not None and args.size < 1:
        raise InvalidInput("--size must be a positive number of people.")
    with ProgrammeFile.create(args.db, read_passphrase(new=True)) as programme_file:
        build_demo(programme_file, size=args.size)
    print(f"Created the demo programme in {args.db}.")
    return 0


def _info(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(new=False)
    with ProgrammeFile.open(args.db, passphrase) as programme_file, programme_file.session() as s:
        programmes = [find_programme(s, args.programme)] if args.programme else list_programmes(s)
        print(f"{args.db}: {len(programmes)} programme(s), {count_people(s)} people")
        for programme in programmes:
            counts = programme_counts(s, programme.id)
            strands = ", ".join(programme.strand_names) or "no strands"
            print(
                f"- {programme.name} ({strands}): {counts.applications} applications, "
                f"{counts.pairings} pairings, {counts.events} events"
            )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar; every subcommand takes ``--db FILE``."""
    parser = _Parser(
        prog="mentordesk-cli",
        description=f"{APP_NAME} from the command line. The passphrase is read from "
        f"{PASSPHRASE_VARIABLE} or asked for.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--db", required=True, type=Path, metavar="FILE", help="the programme file"
        )
        sub.set_defaults(run=run)
        return sub

    command("init", "Create a new, empty programme file.", _init)
    demo = command("demo", "Create a programme file holding the demo programme.", _demo)
    demo.add_argument("--size", type=int, metavar="N", help="number of people (default about 60)")
    info = command("info", "Show the programmes in a file and how much they hold.", _info)
    info.add_argument("--programme", metavar="NAME", help="only this programme")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors are printed in plain words with exit status 1."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except MentorDeskError as error:
        print(f"mentordesk-cli: {error.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mentordesk-cli: interrupted; nothing was left half-written.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
