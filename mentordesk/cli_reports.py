"""mentordesk-cli commands for PDF reports: programme report, letters, sheets, certificates."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mentordesk.cli import parse_day
from mentordesk.domain.errors import ExportFailed, NotFound


def register(commands: Any, command: Any, group: Any) -> None:
    """Add this area's commands to the parser ``mentordesk.cli.build_parser`` builds."""
    report = group("report", "Write the programme's PDF documents.")
    programme = command(
        report,
        "programme",
        "Write the programme report for leadership: figures and charts per strand, with "
        "any figure about fewer people than the programme's minimum group size withheld.",
        _programme,
        programme=True,
    )
    programme.add_argument("out", type=Path, metavar="OUT", help="the .pdf file to write")
    letters = command(
        report,
        "letters",
        "Write an introduction letter (PDF) for the mentor and each mentee of the pairings "
        "introduced or under way whose introduction has not been sent yet, or of the "
        "pairings named.",
        _letters,
        programme=True,
    )
    letters.add_argument("out", type=Path, metavar="OUTDIR", help="the folder to write into")
    letters.add_argument(
        "--pairing", type=int, action="append", metavar="ID", help="only this pairing (repeatable)"
    )
    sign_in = command(
        report,
        "sign-in",
        "Write a sign-in sheet for a training session or event (`mentordesk-cli events` "
        "lists their ids).",
        _sign_in,
    )
    sign_in.add_argument("out", type=Path, metavar="OUT", help="the .pdf file to write")
    sign_in.add_argument("--event", type=int, required=True, metavar="ID", help="the event")
    certificates = command(
        report,
        "certificates",
        "Write a certificate of participation (PDF) for each mentor and mentee of active, "
        "completed or extended pairings and everyone who attended training.",
        _certificates,
        programme=True,
    )
    certificates.add_argument("out", type=Path, metavar="OUTDIR", help="the folder to write into")
    certificates.add_argument(
        "--person", action="append", metavar="EMAIL", help="only this person (repeatable)"
    )
    for sub in (programme, letters, sign_in, certificates):
        sub.add_argument(
            "--date",
            type=parse_day,
            metavar="YYYY-MM-DD",
            help="the date the documents are issued and figures counted on (default: today)",
        )


def _session(args: argparse.Namespace) -> Any:
    # Imported here: the CLI module is loaded by build_parser for every command.
    from mentordesk.cli import open_session

    return open_session(args)


@contextlib.contextmanager
def _folder(out: Path) -> Iterator[None]:
    """Make the output folder if only it is missing, and remove it again if nothing is written."""
    out = Path(out)
    made = False
    if not out.exists() and out.parent.is_dir():
        out.mkdir()
        made = True
    try:
        yield
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise


def _check_pdf_name(out: Path) -> None:
    if Path(out).is_dir():
        raise ExportFailed(f"{out} is a folder: give the name of the .pdf file to write.")


def _programme(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.programme_report import programme_report
    from mentordesk.services.programmes import find_programme

    _check_pdf_name(args.out)
    with _session(args) as s:
        programme = find_programme(s, args.programme)
        programme_report(s, programme.id, args.out, args.date or dt.date.today())
    print(f"Wrote the programme report of {programme.name} to {args.out}.")
    return 0


def _letters(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.letters import introduction_letters
    from mentordesk.services.programmes import find_programme

    with _folder(args.out), _session(args) as s:
        programme = find_programme(s, args.programme)
        written = introduction_letters(s, programme.id, args.out, args.pairing, today=args.date)
    _list_written(written, "introduction letter", args.out)
    return 0


def _sign_in(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.sign_in import sign_in_sheet
    from mentordesk.services.events import get_event

    _check_pdf_name(args.out)
    with _session(args) as s:
        title = get_event(s, args.event).title
        sign_in_sheet(s, args.event, args.out, today=args.date)
    print(f"Wrote the sign-in sheet of “{title}” to {args.out}.")
    return 0


def _certificates(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.certificates import certificates
    from mentordesk.services.privacy import find_person
    from mentordesk.services.programmes import find_programme

    with _folder(args.out), _session(args) as s:
        programme = find_programme(s, args.programme)
        people = [find_person(s, email).id for email in args.person] if args.person else None
        written = certificates(s, programme.id, args.out, people, today=args.date)
    _list_written(written, "certificate", args.out)
    return 0


def _list_written(written: list[Path], noun: str, folder: Path) -> None:
    if not written:
        raise NotFound(f"No {noun} was written.")
    plural = noun if len(written) == 1 else f"{noun}s"
    print(f"Wrote {len(written)} {plural} to {folder}:")
    for path in written:
        print(f"  {path.name}")
