"""What every mentordesk-cli command shares: its options, the passphrase, the file, dates, JSON.

The passphrase comes from the ``MENTORDESK_PASSPHRASE`` environment variable or
an interactive prompt, never from the command line, where other users of the
computer could read it. Every command that works on a programme file opens it
through :func:`open_file` (or :func:`open_session`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk.domain.errors import PassphraseRefused
from mentordesk.services.passphrase_strength import check_new_passphrase
from mentordesk.store.cipher import check_passphrase
from mentordesk.store.programme_file import ProgrammeFile

PASSPHRASE_VARIABLE = "MENTORDESK_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "MENTORDESK_NEW_PASSPHRASE"
#: The passphrase of a file being replaced by a restore, when it is not the backup's.
CURRENT_PASSPHRASE_VARIABLE = "MENTORDESK_CURRENT_PASSPHRASE"
#: Set to anything to see the traceback of an unexpected error (it may quote personal data).
DEBUG_VARIABLE = "MENTORDESK_DEBUG"

#: A command: it reads its options and returns the exit status.
Handler = Callable[[argparse.Namespace], int]
_Subparsers = argparse._SubParsersAction  # the type argparse gives no public name


class Commands:
    """One level of commands (the top level, or a group such as ``export``) to add commands to."""

    def __init__(self, subparsers: _Subparsers[argparse.ArgumentParser]) -> None:
        self._subparsers = subparsers

    def command(
        self,
        name: str,
        help_text: str,
        run: Handler,
        *,
        programme: bool = False,
        makes_file: bool = False,
    ) -> argparse.ArgumentParser:
        """Add a command working on the programme file named by ``--db FILE``.

        Args:
            name: the command's name.
            help_text: what it does, for ``--help``.
            run: what runs it.
            programme: it also takes ``--programme NAME``.
            makes_file: it makes the file (or puts one there), which need not exist yet.
        """
        sub = self.plain(name, help_text, run)
        sub.add_argument(
            "--db", required=True, type=Path, metavar="FILE", help="the programme file"
        )
        if programme:
            sub.add_argument(
                "--programme",
                metavar="NAME",
                help="the programme (may be left out when the file holds only one)",
            )
        sub.set_defaults(makes_file=makes_file)
        return sub

    def plain(self, name: str, help_text: str, run: Handler) -> argparse.ArgumentParser:
        """Add a command that needs no programme file."""
        sub = self._subparsers.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    def group(self, name: str, help_text: str) -> Commands:
        """Add a group of commands, such as ``export`` (``export ics``, ``export xlsx``)."""
        sub = self._subparsers.add_parser(name, help=help_text, description=help_text)
        return Commands(sub.add_subparsers(dest=f"{name}_command", required=True, metavar="WHAT"))


def add_json_option(command: argparse.ArgumentParser, help_text: str = "") -> None:
    """Give a command ``--json``, to print JSON for scripts."""
    command.add_argument("--json", action="store_true", help=help_text or "print JSON for scripts")


def parse_day(text: str) -> dt.date:
    """A ``--date`` option's value, written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "the value is not a date written as YYYY-MM-DD, such as 2026-12-03"
        ) from None


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """A ``type=`` for a whole number from ``low`` to ``high``, refused as a usage error.

    The error names the range, never the value typed (it could be a passphrase).
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expects a whole number from {low:,} to {high:,}")
        return value

    return parse


def add_date_option(command: argparse.ArgumentParser, help_text: str) -> None:
    """Give a command ``--date YYYY-MM-DD``."""
    command.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help=help_text)


def read_passphrase(
    *, new: bool, variable: str = PASSPHRASE_VARIABLE, rate_with: Sequence[str] | None = None
) -> str:
    """The passphrase from the environment or, failing that, typed at a prompt.

    Args:
        new: the passphrase protects a new file, so a typed one is asked twice.
        variable: the environment variable to read it from.
        rate_with: refuse a passphrase easy to guess for someone who knows these
            words (``own_words``); None leaves it unrated (an existing file, the demo).

    Raises:
        PassphraseRefused: none is available, the two typed ones differ, or it is weak.
    """
    check = (
        check_passphrase if rate_with is None else partial(check_new_passphrase, words=rate_with)
    )
    if variable in os.environ:
        passphrase = os.environ[variable]
        check(passphrase)
        return passphrase
    if not sys.stdin.isatty():
        raise PassphraseRefused(f"No passphrase: set {variable} or run the command in a terminal.")
    prompt = "New passphrase" if variable == NEW_PASSPHRASE_VARIABLE else "Passphrase"
    passphrase = getpass.getpass(f"{prompt}: ")
    check(passphrase)
    if new and getpass.getpass(f"{prompt} again: ") != passphrase:
        raise PassphraseRefused("The two passphrases differ; nothing was created.")
    return passphrase


@contextlib.contextmanager
def open_file(args: argparse.Namespace) -> Iterator[ProgrammeFile]:
    """The file named by ``--db``, unlocked with the passphrase, locked while in use."""
    with ProgrammeFile.open(args.db, read_passphrase(new=False)) as programme_file:
        yield programme_file


@contextlib.contextmanager
def open_session(args: argparse.Namespace) -> Iterator[Session]:
    """The file named by ``--db``, unlocked, as one transaction."""
    with open_file(args) as programme_file, programme_file.session() as session:
        yield session


@contextlib.contextmanager
def output_folder(out: Path) -> Iterator[bool]:
    """Make the folder documents are written into if only it is missing.

    Yields whether it was made; a folder made here is removed again if the
    command fails.
    """
    out = Path(out)
    made = not out.exists() and out.parent.is_dir()
    if made:
        out.mkdir()
    try:
        yield made
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise


def print_json(value: object) -> None:
    """Print a value as JSON for scripts (text as written, not escaped)."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def iso(day: dt.date | None) -> str:
    """A day as YYYY-MM-DD, or "" for none."""
    return day.isoformat() if day else ""
