"""mentordesk-cli commands for events: the list, the calendar file, and who attended."""

from __future__ import annotations

import argparse
from pathlib import Path
from zoneinfo import ZoneInfo

from mentordesk.cli.common import Commands, add_json_option, open_session, print_json
from mentordesk.domain.errors import NotFound
from mentordesk.formats.attendance_report import read_attendance_report
from mentordesk.services.attendance import MatchedBy, import_attendance
from mentordesk.services.calendars import export_programme_calendar
from mentordesk.services.events import event_rows, get_event
from mentordesk.services.programmes import find_programme


def add_events(commands: Commands) -> None:
    """``events``: a programme's events with their ids."""
    events = commands.command(
        "events", "List a programme's events with their ids.", _events, programme=True
    )
    add_json_option(events)


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
        print_json(listing)
        return 0
    for r in rows:
        when = r.starts_at.astimezone(zone).strftime("%Y-%m-%d" if r.all_day else "%Y-%m-%d %H:%M")
        flag = "  (cancelled)" if r.cancelled else ""
        print(f"{r.event_id:>5}  {when:<16}  {r.kind.label:<16}  {r.title}{flag}")
    return 0


def add_export_ics(export: Commands) -> None:
    """``export ics``: the programme calendar, or chosen events, as an iCalendar file."""
    ics = export.command(
        "ics",
        "Write the programme calendar (or chosen events) as an iCalendar file.",
        _export_ics,
        programme=True,
    )
    ics.add_argument("out", type=Path, metavar="OUT", help="the .ics file to write")
    ics.add_argument(
        "--event", type=int, action="append", metavar="ID", help="only this event (repeatable)"
    )


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


def add_attendance(attendance: Commands) -> None:
    """``attendance import``: the people in an online meeting's report marked as attended."""
    imported = attendance.command(
        "import",
        "Mark the people in an online meeting's attendance report (.csv or .xlsx) as attended.",
        _attendance_import,
    )
    imported.add_argument("file", type=Path, metavar="FILE", help="the attendance report")
    imported.add_argument("--event", type=int, required=True, metavar="ID", help="the event")
    imported.add_argument("--dry-run", action="store_true", help="show what would be recorded")


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
