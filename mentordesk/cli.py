"""mentordesk-cli: the programme file from scripts and the terminal, in the spirit of keepassxc-cli.

The passphrase comes from the ``MENTORDESK_PASSPHRASE`` environment variable or
an interactive prompt, never from the command line, where other users of the
computer could read it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from mentordesk import APP_NAME, __version__
from mentordesk.cli_usage import usage_message
from mentordesk.domain.enums import Role
from mentordesk.domain.errors import (
    ErasureLogUnreadable,
    FileMissing,
    InvalidInput,
    MentorDeskError,
    NotFound,
    PassphraseRefused,
)
from mentordesk.formats.attendance_report import read_attendance_report
from mentordesk.formats.columns import guess_mapping
from mentordesk.formats.reading import read_table
from mentordesk.services.attendance import MatchedBy, import_attendance
from mentordesk.services.calendars import export_programme_calendar
from mentordesk.services.events import event_rows, get_event
from mentordesk.services.exporting import export_programme
from mentordesk.services.import_mappings import mapping_for
from mentordesk.services.importing import (
    ExistingPerson,
    ImportPlan,
    apply_import,
    preview_import,
)
from mentordesk.services.passphrase_strength import check_new_passphrase, own_words
from mentordesk.services.privacy import (
    erase_person,
    export_person,
    pdf_path,
)
from mentordesk.services.programmes import (
    ProgrammeSummary,
    StrandChoice,
    count_people,
    find_programme,
    list_programmes,
    programme_counts,
    strand_choices,
)
from mentordesk.services.restore import restore_keeping_erasures
from mentordesk.store.cipher import check_passphrase
from mentordesk.store.cloud import synced_folder_warning
from mentordesk.store.programme_file import ProgrammeFile

PASSPHRASE_VARIABLE = "MENTORDESK_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "MENTORDESK_NEW_PASSPHRASE"
#: Set to anything to see the traceback of an unexpected error (it may quote personal data).
DEBUG_VARIABLE = "MENTORDESK_DEBUG"
#: Commands that make the file named by ``--db`` (or put one there): it need not exist yet.
_MAKES_FILE = frozenset({"init", "demo", "restore"})
#: The passphrase of a file being replaced by a restore, when it is not the backup's.
CURRENT_PASSPHRASE_VARIABLE = "MENTORDESK_CURRENT_PASSPHRASE"

# Modules adding the commands of one area each: ``register(commands, command, group)``
# receives the top-level subparsers and the two helpers ``build_parser`` uses itself.
_COMMAND_AREAS = (
    "mentordesk.cli_reports",
    "mentordesk.cli_messages",
    "mentordesk.cli_surveys",
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors never repeat what was typed: it may be a passphrase."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments"):
            message = (
                "unknown arguments (not repeated here in case one is a passphrase; "
                f"the passphrase comes from {PASSPHRASE_VARIABLE} or the prompt)"
            )
        else:
            message = usage_message(self, message)
        super().error(message)


def parse_day(text: str) -> dt.date:
    """A ``--date`` option's value, written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "the value is not a date written as YYYY-MM-DD, such as 2026-12-03"
        ) from None


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


def _init(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(new=True, rate_with=own_words(args.db))
    ProgrammeFile.create(args.db, passphrase).close()
    print(f"Created the empty programme file {args.db}.")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from mentordesk.services.demo import build_demo

    if args.size is not None and args.size < 1:
        raise InvalidInput("--size must be a positive number of people.")
    # Built under a temporary name: an interrupted demo leaves no file behind.
    ProgrammeFile.create(
        args.db, read_passphrase(new=True), fill=lambda made: build_demo(made, size=args.size)
    ).close()
    print(f"Created the demo programme in {args.db}.")
    return 0


@contextlib.contextmanager
def open_session(args: argparse.Namespace) -> Iterator[Session]:
    """The file named by ``--db``, unlocked, as one transaction."""
    passphrase = read_passphrase(new=False)
    with ProgrammeFile.open(args.db, passphrase) as programme_file, programme_file.session() as s:
        yield s


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
        _print_json(listing)
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


def _events(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        rows = event_rows(s, programme.id)
    zone = ZoneInfo(programme.timezone)
    if args.json:
        listing = [
            {
                "id": r.event_id,
                "kind": r.kind.value,
                "title": r.title,
                "starts_at": r.starts_at.astimezone(zone).isoformat(),
                "ends_at": r.ends_at.astimezone(zone).isoformat(),
                "all_day": r.all_day,
                "location": r.location,
                "cancelled": r.cancelled,
                "invited": r.invited,
                "attended": r.attended,
            }
            for r in rows
        ]
        _print_json(listing)
        return 0
    for r in rows:
        when = r.starts_at.astimezone(zone).strftime("%Y-%m-%d" if r.all_day else "%Y-%m-%d %H:%M")
        flag = "  (cancelled)" if r.cancelled else ""
        print(f"{r.event_id:>5}  {when:<16}  {r.kind.label:<16}  {r.title}{flag}")
    return 0


def _export_ics(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        if args.event:
            known = {r.event_id for r in event_rows(s, programme.id)}
            if unknown := sorted(set(args.event) - known):
                raise NotFound(
                    f"{programme.name} has no event with id {', '.join(map(str, unknown))}; "
                    "`mentordesk-cli events` lists them."
                )
        export_programme_calendar(s, programme.id, args.out, event_ids=args.event)
    print(f"Wrote the calendar of {programme.name} to {args.out}.")
    return 0


def _import_applicants(args: argparse.Namespace) -> int:
    table = read_table(args.file, sheet=args.sheet)
    with ProgrammeFile.open(args.db, read_passphrase(new=False)) as programme_file:
        with programme_file.session() as s:
            programme = find_programme(s, args.programme)
            mapping = (
                mapping_for(s, args.mapping, table.headers)
                if args.mapping
                else guess_mapping(table.headers)
            )
            strands = {c.name.lower(): c.id for c in strand_choices(s, programme.id)}
            default_strand = None
            if args.strand:
                default_strand = strands.get(args.strand.strip().lower())
                if default_strand is None:
                    raise NotFound(f"{programme.name} has no strand called “{args.strand}”.")
            plan = ImportPlan(
                table=table,
                mapping=mapping,
                existing=ExistingPerson(args.existing.replace("-", "_")),
                default_strand_id=default_strand,
                default_role=Role(args.role) if args.role else None,
            )
            preview = preview_import(s, programme.id, plan)
        for notice in table.notices:
            print(f"Note: {notice}")
        for row in preview.rows:
            for notice in row.notices:
                print(f"Row {row.row_number}: {notice}")
        if preview.rejected and not args.skip_rejected:
            for row in preview.rejected:
                print(f"Row {row.row_number}: {'; '.join(row.problems)}", file=sys.stderr)
            print(
                f"mentordesk-cli: {len(preview.rejected)} of {len(preview.rows)} rows of "
                f"{table.source} have problems, so nothing was imported. Fix them, or pass "
                "--skip-rejected to import the other rows.",
                file=sys.stderr,
            )
            return 1
        if args.dry_run:
            print(
                f"Dry run: {preview.to_add} to add, {preview.to_update} to update, "
                f"{preview.to_skip} to skip, {len(preview.rejected)} rejected; nothing written."
            )
            return 0
        # The file as it was, in case the import was the wrong file or the wrong mapping.
        programme_file.backup("import")
        # The lock is held throughout; apply_import recomputes the preview in its transaction.
        with programme_file.session() as s:
            summary = apply_import(s, programme.id, plan)
    print(
        f"Imported {table.source} into {programme.name}: {summary.added} added, "
        f"{summary.updated} updated, {summary.skipped} skipped, "
        f"{len(summary.rejected)} rejected."
    )
    return 0


def _export_xlsx(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        export_programme(s, programme.id, args.out)
    print(f"Wrote the workbook of {programme.name} to {args.out} (confidential notes left out).")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    current = read_passphrase(new=False)
    with ProgrammeFile.open(args.db, current) as programme_file:
        with programme_file.session() as s:
            words = own_words(args.db, [p.name for p in list_programmes(s)])
        new = read_passphrase(new=True, variable=NEW_PASSPHRASE_VARIABLE, rate_with=words)
        programme_file.change_passphrase(new)
    print(f"{args.db} is now encrypted under its new key; a backup under the old key was kept.")
    return 0


def _backup(args: argparse.Namespace) -> int:
    with ProgrammeFile.open(args.db, read_passphrase(new=False)) as programme_file:
        made = programme_file.backup("manual", keep=args.keep)
    print(f"Backed up {args.db} to {made.path}; it opens as the file does today.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    try:
        restored = restore_keeping_erasures(
            args.backup,
            args.db,
            read_passphrase(new=False),
            current_passphrase=os.environ.get(CURRENT_PASSPHRASE_VARIABLE) or None,
            force=args.force,
        )
    except ErasureLogUnreadable as error:
        raise ErasureLogUnreadable(
            f"{error.message} To restore anyway, run the same command again with --force."
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
    if restored.log_unread:
        print(f"mentordesk-cli: warning: {restored.log_unread}", file=sys.stderr)
    if restored.erasures_logged:
        print(
            f"Erasures applied again to the restored file: {restored.erasures_applied} (of "
            f"{restored.erasures_logged} in the erasure log of {restored.log_source})."
        )
    return 0


def _person_export(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        export_person(s, args.email, args.out)
    print(
        f"Wrote everything about {args.email} to {args.out} and {pdf_path(args.out)}, "
        "confidential notes included: send them securely and delete your copies."
    )
    return 0


def _person_erase(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(new=False)
    with ProgrammeFile.open(args.db, passphrase) as programme_file:
        with programme_file.session() as s:
            summary = erase_person(s, args.email)
        programme_file.vacuum()
    print(
        f"Erased {args.email}: {summary.applications} applications, {summary.attendance} "
        f"attendance records, {summary.notes} notes, {summary.survey_responses} survey answers "
        f"and {summary.pairings_removed} pairings. Older backups still hold them until they "
        "are rotated out."
    )
    return 0


def _retention(args: argparse.Namespace) -> int:
    from mentordesk.services.retention import (
        RetentionAction,
        apply_retention,
        retention_preview,
        retention_rules,
        set_retention,
    )

    action = RetentionAction(args.action)
    today = args.date or dt.date.today()
    passphrase = read_passphrase(new=False)
    with ProgrammeFile.open(args.db, passphrase) as programme_file:
        with programme_file.session() as s:
            if args.years is not None:
                programme = find_programme(s, args.programme)
                set_retention(s, programme.id, None if args.years < 0 else args.years)
            rules = retention_rules(s)
            cases = retention_preview(s, today, action)
            summary = apply_retention(s, today, action) if args.apply else None
        if summary is not None and summary.people:
            programme_file.vacuum()
    due = [c for c in cases if c.action is not None]
    if args.json:
        _print_json(
            {
                "rules": [
                    {"programme": r.programme, "ends_on": _iso(r.ends_on), "years": r.years}
                    for r in rules
                ],
                "due": [
                    {"email": c.email, "programme": c.programme, "due_on": c.due_on.isoformat()}
                    for c in due
                ],
                "kept": [
                    {"email": c.email, "kept_because": c.kept_because}
                    for c in cases
                    if c.action is None
                ],
                "applied": summary is not None,
            }
        )
        return 0
    for rule in rules:
        kept = "kept without limit" if rule.years is None else f"kept {rule.years} years"
        print(f"{rule.programme}: ends {_iso(rule.ends_on) or 'on no set date'}, {kept}")
    for case in cases:
        what = action.label if case.action else f"Keep ({case.kept_because})"
        print(f"  {what}: {case.name} <{case.email}>, {case.programme} due {case.due_on}")
    if summary is not None:
        print(f"{summary.people} people {action.done}; {summary.kept} kept.")
    elif due:
        print(f"{len(due)} people would be {action.done}; run again with --apply to do it.")
    else:
        print("Nobody is due today.")
    return 0


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _attendance_import(args: argparse.Namespace) -> int:
    report = read_attendance_report(args.file)
    with open_session(args) as s:
        result = import_attendance(s, args.event, report, dry_run=args.dry_run)
        title = get_event(s, args.event).title
    for notice in report.notices:
        print(f"Note: {notice}")
    verb = "Would record" if args.dry_run else "Recorded"
    print(f"{verb} {result.recorded} of {len(result.lines)} people as attending “{title}”.")
    for line in result.lines:
        who = f"{line.reported.name} <{line.reported.email or 'no email'}>"
        if line.matched_by is MatchedBy.NAME:
            print(f"  matched by name only, please check: {who} → {line.person_name}")
        elif line.matched_by is MatchedBy.AMBIGUOUS:
            print(f"  not matched, several people fit: {who}: {'; '.join(line.candidates)}")
        elif line.matched_by is MatchedBy.UNMATCHED:
            print(f"  not matched, nobody in the file: {who}")
    return 0


def _match(args: argparse.Namespace) -> int:
    from mentordesk.domain.enums import StrandFormat
    from mentordesk.services.matching import (
        export_shortlist,
        load_candidates,
        match_optimal,
        match_stable,
        save_proposals,
        shortlist,
    )

    if args.mode == "shortlist" and args.apply:
        raise InvalidInput(
            "A shortlist is sent out, not saved: --apply needs --mode optimal or stable."
        )
    if args.shortlist_size < 1:
        raise InvalidInput("--shortlist-size must be 1 or more.")
    if args.mode == "circles":
        return _match_circles(args)
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        strand_id = None
        if args.strand:
            strand = _strand_named(s, programme, args.strand)
            if strand.format is StrandFormat.GROUP:
                raise InvalidInput(
                    f"{strand.name} is a group strand: its mentees meet in circles, not pairs "
                    "(use --mode circles)."
                )
            strand_id = strand.id
        pool = load_candidates(s, programme.id, strand_id)
        if args.mode == "shortlist":
            listed = shortlist(pool, args.shortlist_size)
            if args.json:
                if args.out:
                    export_shortlist(listed, args.out)
                _print_json(
                    {
                        "programme": programme.name,
                        "mode": "shortlist",
                        "entries": [_proposal_json(entry) for entry in listed.entries],
                        "unmatched": [_unmatched_json(left) for left in listed.unmatched],
                        "out": str(args.out) if args.out else None,
                    }
                )
                return 0
            for entry in listed.entries:
                print(
                    f"{entry.mentee.name} → {entry.mentor.name}  {entry.score.points:5.1f}  "
                    f"{entry.explanation}"
                )
            for left in listed.unmatched:
                print(f"no mentor for {left.mentee.name}: {left.reason}")
            if args.out:
                export_shortlist(listed, args.out)
                print(f"Wrote the shortlist to {args.out}.")
            return 0
        result = (match_optimal if args.mode == "optimal" else match_stable)(pool)
        if args.json:
            if args.apply:
                save_proposals(s, programme.id, result.proposals, unmatched=result.unmatched)
            _print_json(
                {
                    "programme": programme.name,
                    "mode": result.mode,
                    "proposals": [_proposal_json(p) for p in result.proposals],
                    "unmatched": [_unmatched_json(left) for left in result.unmatched],
                    "total": result.total,
                    "saved": bool(args.apply),
                }
            )
            return 0
        for p in result.proposals:
            print(f"{p.mentor.name} ← {p.mentee.name}  {p.score.points:5.1f}  {p.explanation}")
        for left in result.unmatched:
            print(f"unmatched: {left.mentee.name}: {left.reason}")
        print(
            f"{programme.name}, {result.mode} mode: {len(result.proposals)} proposals, "
            f"{len(result.unmatched)} unmatched, total score {result.total:.1f}."
        )
        if args.apply:
            save_proposals(s, programme.id, result.proposals, unmatched=result.unmatched)
    if args.apply:
        print(
            f"Saved {len(result.proposals)} draft proposals in place of earlier drafts; "
            "nobody sees them until you publish them."
        )
        if result.unmatched:
            print(f"The {len(result.unmatched)} unmatched are on the waitlist, offered first.")
    return 0


def _strand_named(s: Session, programme: ProgrammeSummary, name: str) -> StrandChoice:
    wanted = name.strip().lower()
    strand = next((c for c in strand_choices(s, programme.id) if c.name.lower() == wanted), None)
    if strand is None:
        raise NotFound(f"{programme.name} has no strand called “{name}”.")
    return strand


def _match_circles(args: argparse.Namespace) -> int:
    from mentordesk.domain.enums import StrandFormat
    from mentordesk.services.matching import circle_pool, form_circles, save_circles
    from mentordesk.services.matching.proposals import circle_summary

    if args.circle_size < 2:
        raise InvalidInput("--circle-size must be 2 or more.")
    saved = 0
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        if args.strand:
            strands = [_strand_named(s, programme, args.strand)]
        else:
            strands = [c for c in strand_choices(s, programme.id) if c.format is StrandFormat.GROUP]
            if not strands:
                raise NotFound(f"{programme.name} has no group strand to form circles in.")
        listing: list[dict[str, object]] = []
        for strand in strands:
            pool = circle_pool(s, programme.id, strand.id)
            result = form_circles(pool.mentees, pool.mentors, args.circle_size, pool.rules)
            if args.json:
                if args.apply:
                    saved += len(save_circles(s, programme.id, strand.id, result))
                circles = [
                    {
                        "facilitator": _candidate_json(circle.facilitator),
                        "mentees": [_candidate_json(m) for m in circle.mentees],
                        "summary": circle_summary(circle),
                    }
                    for circle in result.circles
                ]
                unplaced = [_unmatched_json(left) for left in result.unplaced]
                listing.append({"strand": strand.name, "circles": circles, "unplaced": unplaced})
                continue
            for n, circle in enumerate(result.circles, start=1):
                print(f"{strand.name} circle {n}: {circle.facilitator.name} leads")
                print(f"  {', '.join(m.name for m in circle.mentees)}")
                print(f"  {circle_summary(circle)}")
            for left in result.unplaced:
                print(f"not placed: {left.mentee.name}: {left.reason}")
            placed = sum(len(c.mentees) for c in result.circles)
            print(
                f"{programme.name}, {strand.name}, circles of at most {args.circle_size}: "
                f"{len(result.circles)} circles, {placed} placed, "
                f"{len(result.unplaced)} not placed."
            )
            if args.apply:
                saved += len(save_circles(s, programme.id, strand.id, result))
    if args.json:
        _print_json(
            {
                "programme": programme.name,
                "mode": "circles",
                "circle_size": args.circle_size,
                "strands": listing,
                "saved": saved if args.apply else None,
            }
        )
        return 0
    if args.apply:
        print(
            f"Saved {saved} draft circles in place of earlier circle drafts; "
            "nobody sees them until you publish them."
        )
    return 0


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _candidate_json(candidate: Any) -> dict[str, object]:
    return {"id": candidate.id, "name": candidate.name}


def _proposal_json(proposal: Any) -> dict[str, object]:
    return {
        "mentee": _candidate_json(proposal.mentee),
        "mentor": _candidate_json(proposal.mentor),
        "score": proposal.score.points,
        "fixed": proposal.fixed,
        "explanation": proposal.explanation,
    }


def _unmatched_json(left: Any) -> dict[str, object]:
    return {"mentee": _candidate_json(left.mentee), "reason": left.reason}


def _self_test(args: argparse.Namespace) -> int:
    from mentordesk.selftest import run_self_test

    extra = []
    if args.window:
        # Only on request: it loads Qt, which a server running scripts may not have.
        # Imported by name so that the type checks of this module stop at the GUI.
        window: Any = importlib.import_module("mentordesk.gui.self_test")
        window.headless_if_no_screen()
        extra.append(("window", window.check_window))
    results = run_self_test(extra, out=sys.stdout, verbose=args.verbose)
    return 0 if all(result.passed for result in results) else 1


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
        group: Any,
        name: str,
        help_text: str,
        run: Callable[[argparse.Namespace], int],
        *,
        programme: bool = False,
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = group.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--db", required=True, type=Path, metavar="FILE", help="the programme file"
        )
        if programme:
            sub.add_argument(
                "--programme",
                metavar="NAME",
                help="the programme (may be left out when the file holds only one)",
            )
        sub.set_defaults(run=run)
        return sub

    def group(name: str, help_text: str) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        return sub.add_subparsers(dest=f"{name}_command", required=True, metavar="WHAT")

    command(commands, "init", "Create a new, empty programme file.", _init)
    demo = command(commands, "demo", "Create a programme file holding the demo programme.", _demo)
    demo.add_argument("--size", type=int, metavar="N", help="number of people (default about 60)")
    info = command(
        commands,
        "info",
        "Show the programmes in a file and how much they hold.",
        _info,
        programme=True,
    )
    info.add_argument("--json", action="store_true", help="print JSON for scripts")
    events = command(
        commands, "events", "List a programme's events with their ids.", _events, programme=True
    )
    events.add_argument("--json", action="store_true", help="print JSON for scripts")

    export = group("export", "Write a programme to a file others can open.")
    ics = command(
        export,
        "ics",
        "Write the programme calendar (or chosen events) as an iCalendar file.",
        _export_ics,
        programme=True,
    )
    ics.add_argument("out", type=Path, metavar="OUT", help="the .ics file to write")
    ics.add_argument(
        "--event", type=int, action="append", metavar="ID", help="only this event (repeatable)"
    )
    xlsx = command(
        export,
        "xlsx",
        "Write the whole programme as an Excel workbook, one sheet per table (no notes).",
        _export_xlsx,
        programme=True,
    )
    xlsx.add_argument("out", type=Path, metavar="OUT", help="the .xlsx file to write")

    importing = group("import", "Read records into a programme from a file.")
    applicants = command(
        importing,
        "applicants",
        "Import applications from a spreadsheet or CSV file (.xlsx, .xls, .ods, .csv): "
        "every row is checked first, and nothing is written unless the file is accepted.",
        _import_applicants,
        programme=True,
    )
    applicants.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    applicants.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    applicants.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: first)")
    applicants.add_argument("--mapping", metavar="NAME", help="a saved column mapping")
    applicants.add_argument("--strand", metavar="NAME", help="strand for rows that name none")
    applicants.add_argument(
        "--role", choices=[r.value for r in Role], help="role for rows that name none"
    )
    applicants.add_argument(
        "--existing",
        choices=["update", "skip", "keep-both"],
        default="update",
        help="what to do with people already in the file (default: update)",
    )
    applicants.add_argument(
        "--skip-rejected",
        action="store_true",
        help="import the acceptable rows even when others have problems",
    )

    command(
        commands,
        "passwd",
        f"Change the file's passphrase (the new one from {NEW_PASSPHRASE_VARIABLE} or typed "
        "twice); a crash part-way leaves the file opening with the old or the new one.",
        _passwd,
    )
    backup = command(commands, "backup", "Make an encrypted backup beside the file.", _backup)
    backup.add_argument(
        "--keep", type=int, default=10, metavar="N", help="manual backups to keep (default 10)"
    )
    restore = command(
        commands,
        "restore",
        "Put a backup in place of the file (the passphrase is the backup's); the replaced "
        "file is kept among the backups (a damaged one aside, beside it), and the people "
        "erased since are erased again "
        f"(set {CURRENT_PASSPHRASE_VARIABLE} if the file has another passphrase).",
        _restore,
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file")
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore even if the erasure log of the file replaced cannot be read "
        "(people erased since the backup could come back)",
    )

    person = group("person", "Data-protection requests about one person.")
    person_export = command(
        person,
        "export",
        "Write everything the file holds about a person to an .xlsx, and the same as a PDF "
        "beside it (subject access).",
        _person_export,
    )
    person_export.add_argument("email", metavar="EMAIL", help="the person's email")
    person_export.add_argument("out", type=Path, metavar="OUT", help="the .xlsx file to write")
    person_erase = command(
        person,
        "erase",
        "Erase a person and everything linked to them, keeping only anonymous counts.",
        _person_erase,
    )
    person_erase.add_argument("email", metavar="EMAIL", help="the person's email")

    retention = command(
        commands,
        "retention",
        "Show whom the retention rules reach today and, with --apply, erase or anonymise them; "
        "--years sets a programme's rule first.",
        _retention,
        programme=True,
    )
    retention.add_argument(
        "--years",
        type=int,
        metavar="N",
        help="keep the programme's participants N years after it ends (-1: no rule)",
    )
    retention.add_argument(
        "--action",
        choices=["erase", "anonymise"],
        default="erase",
        help="what happens to those due (default: erase)",
    )
    retention.add_argument("--apply", action="store_true", help="do it (default: only show)")
    retention.add_argument(
        "--date", type=parse_day, metavar="YYYY-MM-DD", help="the day to reckon from"
    )
    retention.add_argument("--json", action="store_true", help="print JSON for scripts")

    attendance = group("attendance", "Record who attended an event.")
    imported = command(
        attendance,
        "import",
        "Mark the people in an online meeting's attendance report (.csv or .xlsx) as attended.",
        _attendance_import,
    )
    imported.add_argument("file", type=Path, metavar="FILE", help="the attendance report")
    imported.add_argument("--event", type=int, required=True, metavar="ID", help="the event")
    imported.add_argument("--dry-run", action="store_true", help="show what would be recorded")

    match = command(
        commands,
        "match",
        "Propose mentors for the accepted mentees still without one (one-to-one strands), "
        "with each pair's score and why.",
        _match,
        programme=True,
    )
    match.add_argument(
        "--mode",
        choices=["optimal", "stable", "shortlist", "circles"],
        default="optimal",
        help="optimal: highest total score; stable: no pair would rather swap; "
        "shortlist: the best mentors for each mentee; circles: group strands' mentees in "
        "circles, each with a facilitator (default: optimal)",
    )
    match.add_argument("--strand", metavar="NAME", help="one strand only")
    match.add_argument(
        "--circle-size",
        type=int,
        default=5,
        metavar="N",
        help="most members per circle (default 5)",
    )
    match.add_argument(
        "--apply", action="store_true", help="save the proposals as drafts, to publish later"
    )
    match.add_argument(
        "--shortlist-size", type=int, default=3, metavar="K", help="mentors per mentee (default 3)"
    )
    match.add_argument("--out", type=Path, metavar="FILE", help="write the shortlist to this .xlsx")
    match.add_argument(
        "--json", action="store_true", help="print the proposals (or circles) as JSON for scripts"
    )
    self_test_help = (
        "Check this installation on made-up data in a temporary folder (encryption, "
        "migrations, backup, time zones, calendar, XML safety, spreadsheets, PDF, matching); "
        "one line per check, exit status 0 when all pass. No --db: it touches no real file."
    )
    self_test = commands.add_parser("self-test", help=self_test_help, description=self_test_help)
    self_test.add_argument(
        "--window",
        action="store_true",
        help="also open the main window (offscreen without a screen)",
    )
    self_test.add_argument(
        "--verbose", action="store_true", help="print the traceback of a failed check"
    )
    self_test.set_defaults(run=_self_test)

    for area in _COMMAND_AREAS:
        importlib.import_module(area).register(commands, command, group)
    return parser


def _check_file_exists(args: argparse.Namespace) -> None:
    """Say a ``--db`` file is missing before asking for its passphrase."""
    db = getattr(args, "db", None)
    if db is not None and args.command not in _MAKES_FILE and not Path(db).expanduser().exists():
        raise FileMissing(f"There is no file at {db}. It may have been moved or renamed.")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status is documented in the README.

    0: done. 1: an error, printed in plain words on stderr (a traceback only with
    MENTORDESK_DEBUG set). 2: the command line itself is wrong (argparse).
    130: interrupted with Ctrl+C.
    """
    args = build_parser().parse_args(argv)
    try:
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


if __name__ == "__main__":
    raise SystemExit(main())
