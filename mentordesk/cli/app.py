"""mentordesk-cli's parser, listing every command in the order ``--help`` shows them, and ``main``.

Each command is defined, options and all, in the module of its area
(:mod:`~mentordesk.cli.file`, :mod:`~mentordesk.cli.applicants`, …); this
module puts them together, runs the one chosen and turns every error into
plain words and an exit status.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from mentordesk import APP_NAME, __version__
from mentordesk.cli.common import DEBUG_VARIABLE, PASSPHRASE_VARIABLE, Commands
from mentordesk.cli.usage import command_parser, unknown_arguments_message, usage_message
from mentordesk.domain.errors import FileMissing, MentorDeskError


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors never repeat what was typed: it may be a passphrase."""

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """Parse, and name what an unknown argument's command takes instead of quoting it."""
        argv = list(sys.argv[1:] if args is None else args)
        known, extras = self.parse_known_args(argv, namespace)
        if extras:
            command = command_parser(self, argv)
            message = unknown_arguments_message(command, extras) + (
                f"; the passphrase comes from {PASSPHRASE_VARIABLE} or the prompt"
            )
            # The command's own usage; the message quotes nothing typed.
            argparse.ArgumentParser.error(command, message)
        return known

    def error(self, message: str) -> NoReturn:
        super().error(usage_message(self, message))


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar; every command on a programme file takes ``--db FILE``."""
    # Imported here, inside main's handling of Ctrl+C: loading the command areas
    # takes a noticeable moment, and an interrupt then is an interrupt, not a traceback.
    from mentordesk.cli import (
        applicants,
        documents,
        events,
        file,
        matching,
        messages,
        organisations,
        people,
        privacy,
        programmes,
        surveys,
    )

    # Every command's parser is made by its group's and so is a _Parser too.
    parser: argparse.ArgumentParser = _Parser(
        prog="mentordesk-cli",
        description=f"{APP_NAME} from the command line. The passphrase is read from "
        f"{PASSPHRASE_VARIABLE} or asked for.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    top = Commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    file.add_init(top)
    file.add_demo(top)
    file.add_info(top)
    programmes.add_programme(
        top.group(
            "programme",
            "The file's programmes: list, create, edit and copy them; their alumni and career "
            "stages.",
        )
    )
    events.add_events(top)
    export = top.group("export", "Write a programme to a file others can open.")
    events.add_export_ics(export)
    file.add_export_xlsx(export)
    importing = top.group("import", "Read records into a programme from a file.")
    applicants.add_import_applicants(importing)
    file.add_import_workbook(importing)
    file.add_passwd(top)
    file.add_backup(top)
    file.add_restore(top)
    person = top.group(
        "person",
        "One person: add someone without an application; change their line manager, stage, "
        "organisation or department; export or erase.",
    )
    people.add_person_set(person)
    privacy.add_person(person)
    organisations.add_organisations(
        top.group("organisations", "Organisations as typed: list them, merge spellings.")
    )
    privacy.add_retention(top)
    events.add_attendance(top.group("attendance", "Record who attended an event."))
    matching.add_match(top)
    matching.add_selection(top)
    file.add_self_test(top)
    documents.add_report(top.group("report", "Write the programme's PDF documents."))
    messages.add_drafts(top)
    messages.add_templates(
        top.group("templates", "The standard messages and each programme's own wording.")
    )
    messages.add_reminders(top)
    surveys.add_surveys(
        top.group("surveys", "Questionnaires: add them from templates, import their responses.")
    )
    return parser


def _check_file_exists(args: argparse.Namespace) -> None:
    """Say a ``--db`` file is missing before asking for its passphrase."""
    db = getattr(args, "db", None)
    if db is not None and not args.makes_file and not Path(db).expanduser().exists():
        raise FileMissing(f"There is no file at {db}. It may have been moved or renamed.")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status is documented in the README.

    0: done. 1: an error, printed in plain words on stderr (a traceback only with
    MENTORDESK_DEBUG set). 2: the command line itself is wrong (argparse).
    130: interrupted with Ctrl+C.
    """
    if threading.current_thread() is threading.main_thread():
        # From here on Ctrl+C is KeyboardInterrupt, answered below (see cli/__init__.py).
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        args = build_parser().parse_args(argv)
        _check_file_exists(args)
        return int(args.run(args))
    except MentorDeskError as error:
        print(f"mentordesk-cli: {error.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mentordesk-cli: interrupted; nothing was left half-written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (``| head``) stopped listening: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        # A file the command reads or writes: the system's reason and the file's name.
        where = f": {error.filename}" if error.filename else ""
        print(
            f"mentordesk-cli: {error.strerror or type(error).__name__}{where}. The programme "
            "file keeps everything saved before this step.",
            file=sys.stderr,
        )
        return 1
    except Exception as error:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        # The type only: an exception's text may quote personal data.
        print(
            f"mentordesk-cli: the command stopped on an unexpected error "
            f"({type(error).__name__}). The programme file keeps everything saved before "
            f"this step. Set {DEBUG_VARIABLE}=1 to see the details.",
            file=sys.stderr,
        )
        return 1
