"""mentordesk-cli commands for the programme file itself and this installation.

``init``, ``demo``, ``info``, ``export xlsx`` and ``import workbook`` (the whole
programme out and back in), ``passwd``, ``backup``, ``restore`` and ``self-test``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mentordesk.cli.common import (
    CURRENT_PASSPHRASE_VARIABLE,
    NEW_PASSPHRASE_VARIABLE,
    PASSPHRASE_VARIABLE,
    Commands,
    add_json_option,
    open_file,
    open_session,
    print_json,
    read_passphrase,
    whole_number,
)
from mentordesk.domain.errors import ErasureLogUnreadable, WrongPassphrase
from mentordesk.services.exporting import (
    APPLICATIONS_SHEET,
    EVENTS_SHEET,
    PAIRINGS_SHEET,
    export_programme,
)
from mentordesk.services.import_run import check_then_apply
from mentordesk.services.passphrase_strength import own_words
from mentordesk.services.programmes import (
    count_people,
    find_programme,
    list_programmes,
    programme_counts,
)
from mentordesk.services.restore import restore_keeping_erasures
from mentordesk.services.workbook_import import (
    ProgrammeWorkbook,
    import_programme,
    read_programme_workbook,
)
from mentordesk.store.cloud import synced_folder_warning
from mentordesk.store.programme_file import ProgrammeFile

#: The largest demo programme (people); larger ones take too long to be of use.
MAX_DEMO_SIZE = 100_000


def add_init(commands: Commands) -> None:
    """``init``: a new, empty programme file."""
    commands.command("init", "Create a new, empty programme file.", _init, makes_file=True)


def _init(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(new=True, rate_with=own_words(args.db))
    ProgrammeFile.create(args.db, passphrase).close()
    print(f"Created the empty programme file {args.db}.")
    return 0


def add_demo(commands: Commands) -> None:
    """``demo``: a programme file holding the demo programme."""
    demo = commands.command(
        "demo", "Create a programme file holding the demo programme.", _demo, makes_file=True
    )
    demo.add_argument(
        "--size",
        type=whole_number(1, MAX_DEMO_SIZE),
        metavar="N",
        help=f"number of people, 1 to {MAX_DEMO_SIZE:,} (default about 60)",
    )


def _demo(args: argparse.Namespace) -> int:
    from mentordesk.services.demo import build_demo

    # Built under a temporary name: an interrupted demo leaves no file behind.
    ProgrammeFile.create(
        args.db, read_passphrase(new=True), fill=lambda made: build_demo(made, size=args.size)
    ).close()
    print(f"Created the demo programme in {args.db}.")
    return 0


def add_info(commands: Commands) -> None:
    """``info``: the programmes in a file and how much they hold."""
    info = commands.command(
        "info", "Show the programmes in a file and how much they hold.", _info, programme=True
    )
    add_json_option(info)


def _info(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programmes = [find_programme(s, args.programme)] if args.programme else list_programmes(s)
        people = count_people(s)
        counted = [(programme, programme_counts(s, programme.id)) for programme in programmes]
    warning = synced_folder_warning(args.db)
    if args.json:
        listing = {
            "file": str(args.db),
            "people": people,
            "programmes": [
                {
                    "id": programme.id,
                    "name": programme.name,
                    "timezone": programme.timezone,
                    "strands": list(programme.strand_names),
                    "applications": counts.applications,
                    "pairings": counts.pairings,
                    "events": counts.events,
                }
                for programme, counts in counted
            ],
            "note": warning,
        }
        print_json(listing)
        return 0
    print(f"{args.db}: {len(programmes)} programme(s), {people} people")
    for programme, counts in counted:
        strands = ", ".join(programme.strand_names) or "no strands"
        print(
            f"- {programme.name} ({strands}): {counts.applications} applications, "
            f"{counts.pairings} pairings, {counts.events} events"
        )
    if warning:
        print(f"Note: {warning}")
    return 0


def add_export_xlsx(export: Commands) -> None:
    """``export xlsx``: the whole programme as a workbook, one sheet per table."""
    xlsx = export.command(
        "xlsx",
        "Write the whole programme as an Excel workbook, one sheet per table (no notes).",
        _export_xlsx,
        programme=True,
    )
    xlsx.add_argument("out", type=Path, metavar="OUT", help="the .xlsx file to write")


def _export_xlsx(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        export_programme(s, programme.id, args.out)
    print(f"Wrote the workbook of {programme.name} to {args.out} (confidential notes left out).")
    return 0


def add_import_workbook(importing: Commands) -> None:
    """``import workbook``: a programme rebuilt from the workbook ``export xlsx`` wrote."""
    workbook = importing.command(
        "workbook",
        "Rebuild a programme from the workbook `mentordesk-cli export xlsx` wrote (to hand a "
        "programme over, or move it to another file): every row is checked first, and "
        "nothing is written unless all of it can be; people already in the file keep "
        "their details.",
        _import_workbook,
    )
    workbook.add_argument("file", type=Path, metavar="FILE", help="the workbook to import")
    workbook.add_argument(
        "--programme",
        metavar="NAME",
        help="the name of the programme in this file (default: the workbook's)",
    )
    workbook.add_argument("--dry-run", action="store_true", help="check only; write nothing")


def _import_workbook(args: argparse.Namespace) -> int:
    def refusal(workbook: ProgrammeWorkbook) -> str | None:
        if not workbook.name_taken:
            return None
        return (
            f"{args.db} already holds a programme called “{workbook.programme.name}”, so "
            "nothing was imported. Give the imported one another name with --programme NAME."
        )

    with open_file(args) as programme_file:
        run = check_then_apply(
            programme_file,
            lambda s: read_programme_workbook(s, args.file, args.programme),
            import_programme,
            refusal=refusal,
            dry_run=args.dry_run,
        )
    workbook, name = run.checked, run.checked.programme.name
    known = workbook.known_people
    known_text = f", {known} of them already in the file and left as they were" if known else ""
    counts = (
        f"{len(workbook.programme.strands)} strands, {len(workbook.emails)} people{known_text}, "
        f"{workbook.rows_of(APPLICATIONS_SHEET)} applications, "
        f"{workbook.rows_of(PAIRINGS_SHEET)} pairings, {workbook.rows_of(EVENTS_SHEET)} events"
    )
    if run.applied is None:
        print(f"Dry run: “{name}” from {workbook.source}: {counts}; nothing written.")
        return 0
    print(f"Imported “{name}” from {workbook.source} into {args.db}: {counts}.")
    print(
        "Not in the workbook, so not imported: notes, surveys, the programme's own message "
        "wording, pairing rules, matching weights, logo, minimum group size, retention rule "
        "and the days mentors have to answer."
    )
    return 0


def add_passwd(commands: Commands) -> None:
    """``passwd``: a new passphrase, without ever leaving the file half re-encrypted."""
    commands.command(
        "passwd",
        f"Change the file's passphrase (the new one from {NEW_PASSPHRASE_VARIABLE} or typed "
        "twice); a crash part-way leaves the file opening with the old or the new one.",
        _passwd,
    )


def _passwd(args: argparse.Namespace) -> int:
    with open_file(args) as programme_file:
        with programme_file.session() as s:
            words = own_words(args.db, [p.name for p in list_programmes(s)])
        new = read_passphrase(new=True, variable=NEW_PASSPHRASE_VARIABLE, rate_with=words)
        programme_file.change_passphrase(new)
    print(f"{args.db} is now encrypted under its new key; a backup under the old key was kept.")
    return 0


def add_backup(commands: Commands) -> None:
    """``backup``: an encrypted copy in the file's backups folder."""
    backup = commands.command("backup", "Make an encrypted backup beside the file.", _backup)
    backup.add_argument(
        "--keep",
        type=whole_number(1, 1000),
        default=10,
        metavar="N",
        help="manual backups to keep (default 10)",
    )


def _backup(args: argparse.Namespace) -> int:
    with open_file(args) as programme_file:
        made = programme_file.backup("manual", keep=args.keep)
    print(f"Backed up {args.db} to {made.path}; it opens as the file does today.")
    return 0


def add_restore(commands: Commands) -> None:
    """``restore``: a backup in place of the file, with the erasures made since applied again."""
    restore = commands.command(
        "restore",
        "Put a backup in place of the file (the passphrase is the backup's); the replaced "
        "file is kept among the backups (a damaged one aside, beside it), and the people "
        "erased since are erased again "
        f"(set {CURRENT_PASSPHRASE_VARIABLE} if the file has another passphrase).",
        _restore,
        makes_file=True,
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file")
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore even if the erasure log of the file replaced cannot be read "
        "(people erased since the backup could come back)",
    )


def _restore(args: argparse.Namespace) -> int:
    current = os.environ.get(CURRENT_PASSPHRASE_VARIABLE) or None
    try:
        restored = restore_keeping_erasures(
            args.backup,
            args.db,
            read_passphrase(new=False),
            current_passphrase=current,
            force=args.force,
        )
    except WrongPassphrase:
        raise WrongPassphrase(
            f"The backup {args.backup} did not open with this passphrase. A backup keeps "
            "the passphrase the file had when the backup was made: give that one (in "
            f"{PASSPHRASE_VARIABLE} or at the prompt), and the file's current passphrase in "
            f"{CURRENT_PASSPHRASE_VARIABLE} if it has changed since."
        ) from None
    except ErasureLogUnreadable as error:
        raise ErasureLogUnreadable(
            f"{error.message} If the file being replaced has another passphrase than the "
            f"backup, set {CURRENT_PASSPHRASE_VARIABLE} to it. To restore anyway, run the same "
            "command again with --force."
        ) from None
    kept = restored.kept
    if restored.damaged:
        print(
            f"Restored {args.db} from {args.backup}. The damaged file it replaced is kept "
            f"aside as {kept.name}, in {kept.parent}; delete it once the restored file "
            "has everything you need."
        )
    else:
        print(f"Restored {args.db} from {args.backup}; the file it replaced is kept as {kept}.")
    if current is not None:
        print("The restored file now opens with the key the backup had.")
    if restored.log_unread:
        print(f"mentordesk-cli: warning: {restored.log_unread}", file=sys.stderr)
    if restored.erasures_logged:
        print(
            f"Erasures applied again to the restored file: {restored.erasures_applied} (of "
            f"{restored.erasures_logged} in the erasure log of {restored.log_source})."
        )
    return 0


def add_self_test(commands: Commands) -> None:
    """``self-test``: this installation checked on made-up data; no programme file needed."""
    self_test = commands.plain(
        "self-test",
        "Check this installation on made-up data in a temporary folder (encryption, "
        "migrations, backup, time zones, calendar, XML safety, spreadsheets, PDF, matching); "
        "one line per check, exit status 0 when all pass. No --db: it touches no real file.",
        _self_test,
    )
    self_test.add_argument(
        "--window",
        action="store_true",
        help="also open the main window (offscreen without a screen)",
    )
    self_test.add_argument(
        "--verbose", action="store_true", help="print the traceback of a failed check"
    )


def _self_test(args: argparse.Namespace) -> int:
    from mentordesk.selftest import CheckFunction, self_test

    extra: list[tuple[str, CheckFunction]] = []
    if args.window:
        # Only on request: it loads Qt, which a server running scripts may not have.
        from mentordesk.gui.window_check import check_window

        extra.append(("window", check_window))
    return self_test(extra, verbose=args.verbose)
