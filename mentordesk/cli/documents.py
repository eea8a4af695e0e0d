"""mentordesk-cli commands for the PDF documents: programme report, letters, sheets, certificates.

The document builders (and reportlab under them) are loaded only when a
``report`` command runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from mentordesk.cli.common import Commands, add_date_option, open_session, output_folder
from mentordesk.domain.errors import ExportFailed, NotFound
from mentordesk.services.programmes import find_programme


def add_report(report: Commands) -> None:
    """``report programme``, ``report letters``, ``report sign-in`` and ``report certificates``."""
    programme = report.command(
        "programme",
        "Write the programme report for leadership: figures and charts per strand, with "
        "any figure about fewer people than the programme's minimum group size withheld.",
        _programme,
        programme=True,
    )
    programme.add_argument("out", type=Path, metavar="OUT", help="the .pdf file to write")
    letters = report.command(
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
    sign_in = report.command(
        "sign-in",
        "Write a sign-in sheet for a training session or event (`mentordesk-cli events` "
        "lists their ids).",
        _sign_in,
    )
    sign_in.add_argument("out", type=Path, metavar="OUT", help="the .pdf file to write")
    sign_in.add_argument("--event", type=int, required=True, metavar="ID", help="the event")
    certificates = report.command(
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
        add_date_option(
            sub, "the date the documents are issued and figures counted on (default: today)"
        )


def _check_pdf_name(out: Path) -> None:
    if Path(out).is_dir():
        raise ExportFailed(f"{out} is a folder: give the name of the .pdf file to write.")


def _programme(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.programme_report import programme_report

    _check_pdf_name(args.out)
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        programme_report(s, programme.id, args.out, args.date or dt.date.today())
    print(f"Wrote the programme report of {programme.name} to {args.out}.")
    return 0


def _letters(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.letters import introduction_letters

    with output_folder(args.out), open_session(args) as s:
        programme = find_programme(s, args.programme)
        written = introduction_letters(s, programme.id, args.out, args.pairing, today=args.date)
    _list_written(written, "introduction letter", args.out)
    return 0


def _sign_in(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.sign_in import sign_in_sheet
    from mentordesk.services.events import get_event

    _check_pdf_name(args.out)
    with open_session(args) as s:
        title = get_event(s, args.event).title
        sign_in_sheet(s, args.event, args.out, today=args.date)
    print(f"Wrote the sign-in sheet of “{title}” to {args.out}.")
    return 0


def _certificates(args: argparse.Namespace) -> int:
    from mentordesk.services.documents.certificates import certificates
    from mentordesk.services.privacy import find_person

    with output_folder(args.out), open_session(args) as s:
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
