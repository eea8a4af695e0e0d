"""mentordesk-cli commands for message drafts for Outlook, their wording, and the reminders."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import email.utils
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk.cli.common import (
    Commands,
    add_date_option,
    add_json_option,
    iso,
    open_session,
    output_folder,
    print_json,
)
from mentordesk.domain.enums import ApplicationStatus
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.messages import EVENT_KEYS, TEMPLATE_KEYS
from mentordesk.services.programmes import find_programme

#: Messages sent to applicants of one status by default.
_STATUS_OF = {
    "received": ApplicationStatus.RECEIVED,
    "accepted": ApplicationStatus.ACCEPTED,
    "waitlisted": ApplicationStatus.WAITLISTED,
    "declined": ApplicationStatus.DECLINED,
}


def add_drafts(commands: Commands) -> None:
    """``drafts``: one unsent email draft per recipient, for any mail program to send."""
    drafts = commands.command(
        "drafts",
        "Write one unsent email draft (.eml) per recipient into a folder, for Outlook or any "
        "mail program to open ready to send; each is logged as prepared. Recipients: the "
        "applicants of the message's status not yet sent it (or --status, --person, --all); "
        "for introduction, the pairings under way not yet introduced (or --all); for the "
        "event messages, the event's invitees (--event); for check-in, the pairings with a "
        "check-in due.",
        _drafts,
        programme=True,
    )
    drafts.add_argument(
        "template", choices=TEMPLATE_KEYS, metavar="TEMPLATE", help=", ".join(TEMPLATE_KEYS)
    )
    drafts.add_argument("out", type=Path, metavar="OUTDIR", help="the folder to write into")
    drafts.add_argument(
        "--status",
        choices=[s.value for s in ApplicationStatus],
        help="write to the applicants of this status",
    )
    drafts.add_argument(
        "--person", action="append", metavar="EMAIL", help="write to this person (repeatable)"
    )
    drafts.add_argument("--event", type=int, metavar="ID", help="the event of an event message")
    drafts.add_argument(
        "--all",
        action="store_true",
        help="also those already sent this message (every published pairing for introduction)",
    )
    drafts.add_argument(
        "--from",
        dest="sender",
        type=_sender,
        metavar="'NAME <EMAIL>'",
        help="who the drafts come from (default: the mail program's own account)",
    )
    drafts.add_argument(
        "--survey-link", metavar="URL", help="the questionnaire's address, for {survey_link}"
    )
    add_date_option(drafts, "the date in the file names, and of check-ins (default: today)")


def add_templates(templates: Commands) -> None:
    """``templates list`` and ``templates show``: the messages as a programme words them."""
    listing = templates.command(
        "list",
        "List the messages with their subject and whether the programme has its own wording.",
        _templates_list,
        programme=True,
    )
    add_json_option(listing)
    shown = templates.command(
        "show",
        "Print one message as the programme uses it, and the placeholders it may use.",
        _templates_show,
        programme=True,
    )
    shown.add_argument(
        "template", choices=TEMPLATE_KEYS, metavar="TEMPLATE", help=", ".join(TEMPLATE_KEYS)
    )


def add_reminders(commands: Commands) -> None:
    """``reminders``: what needs doing today."""
    reminders = commands.command(
        "reminders",
        "List what needs doing: check-ins due, pairings without a check-in for long, "
        "invitees of coming training who have not registered, mentors who have not answered.",
        _reminders,
        programme=True,
    )
    add_json_option(reminders)
    add_date_option(reminders, "the day to reckon from (default: today)")
    reminders.add_argument(
        "--quiet-days",
        type=int,
        default=60,
        metavar="N",
        help="days without a check-in before a pairing is flagged (default 60)",
    )


def _sender(text: str) -> tuple[str, str]:
    name, address = email.utils.parseaddr(text)
    if "@" not in address:
        raise argparse.ArgumentTypeError(
            "the value is not a sender: write it as 'Name <name@example.org>'"
        )
    return name, address


def _recipients(session: Session, programme_id: int, args: argparse.Namespace) -> list[int]:
    """The people a message for people goes to, as the options choose them."""
    from mentordesk.services.applicants import applicant_rows
    from mentordesk.services.messages import not_yet_told
    from mentordesk.services.privacy import find_person
    from mentordesk.services.reminders import reminders

    if args.person:
        return [find_person(session, email).id for email in args.person]
    status = ApplicationStatus(args.status) if args.status else _STATUS_OF.get(args.template)
    if status is None and args.template == "check-in":
        today = args.date or dt.date.today()
        due = [r for r in reminders(session, programme_id, today) if r.kind == "check-in-due"]
        return list(dict.fromkeys(p for r in due for p in r.person_ids))
    status = status or ApplicationStatus.ACCEPTED
    if _STATUS_OF.get(args.template) is status and not args.all:
        return not_yet_told(session, programme_id, status)
    rows = applicant_rows(session, programme_id)
    return list(dict.fromkeys(r.person_id for r in rows if r.status is status))


def _drafts(args: argparse.Namespace) -> int:
    from mentordesk.services.drafts import (
        drafts_for_event,
        drafts_for_pairings,
        drafts_for_people,
    )
    from mentordesk.services.pairings import pairings_to_introduce
    from mentordesk.services.privacy import find_person

    key, out = args.template, Path(args.out)
    if key in EVENT_KEYS and args.event is None:
        raise InvalidInput(
            f"The {key} message is about an event: give --event ID "
            "(`mentordesk-cli events` lists them)."
        )
    if args.event is not None and key not in EVENT_KEYS:
        raise InvalidInput(f"--event goes with {', '.join(EVENT_KEYS)}, not {key}.")
    today = args.date or dt.date.today()
    values = {"survey_link": args.survey_link} if args.survey_link else None
    with output_folder(out) as made, open_session(args) as s:
        programme = find_programme(s, args.programme)
        if key in EVENT_KEYS:
            people = [find_person(s, e).id for e in args.person] if args.person else None
            result = drafts_for_event(
                s,
                args.event,
                key,
                out,
                today=today,
                person_ids=people,
                sender=args.sender,
                values=values,
            )
        elif key == "introduction":
            pairings = pairings_to_introduce(s, programme.id, every_published=args.all)
            result = drafts_for_pairings(
                s, programme.id, pairings, out, today=today, sender=args.sender, values=values
            )
        else:
            people = _recipients(s, programme.id, args)
            result = drafts_for_people(
                s, programme.id, key, people, out, today=today, sender=args.sender, values=values
            )
    if result.written:
        plural = "draft" if len(result.written) == 1 else "drafts"
        print(f"Wrote {len(result.written)} {plural} of the {key} message to {out}:")
        for path in result.written:
            print(f"  {path.name}")
    else:
        again = " (--all writes to everyone again)" if not args.person and not args.event else ""
        print(f"No draft of the {key} message was written: nobody needs it{again}.")
    if result.skipped:
        print(f"Left out {len(result.skipped)}:")
        for reason in result.skipped:
            print(f"  {reason}")
    if made and not result.written:
        with contextlib.suppress(OSError):
            out.rmdir()
    return 0 if result.written or not result.skipped else 1


def _templates_list(args: argparse.Namespace) -> int:
    from mentordesk.services.messages import get_template, placeholders

    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        texts = [get_template(s, programme.id, key) for key in TEMPLATE_KEYS]
    if args.json:
        listing = [
            {
                "key": t.key,
                "title": t.title,
                "customised": t.customised,
                "subject": t.subject,
                "body": t.body,
                "placeholders": [p.name for p in placeholders(t.key)],
            }
            for t in texts
        ]
        print_json(listing)
        return 0
    for t in texts:
        wording = "own" if t.customised else "default"
        print(f"{t.key:<20} {t.title:<22} {wording:<8} {t.subject}")
    return 0


def _templates_show(args: argparse.Namespace) -> int:
    from mentordesk.services.messages import get_template, placeholders

    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        text = get_template(s, programme.id, args.template)
    wording = "the programme's own wording" if text.customised else "the default wording"
    print(f"{text.title} ({text.key}), {wording}\n")
    print(f"Subject: {text.subject}\n\n{text.body}\n\nPlaceholders:")
    for p in placeholders(text.key):
        print(f"  {{{p.name}}}  {p.description}")
    return 0


def _reminders(args: argparse.Namespace) -> int:
    from mentordesk.services.reminders import reminders

    if args.quiet_days < 1:
        raise InvalidInput("--quiet-days must be 1 or more.")
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        found = reminders(s, programme.id, args.date or dt.date.today(), quiet_days=args.quiet_days)
    if args.json:
        listing = [
            {
                "kind": r.kind,
                "title": r.title,
                "detail": r.detail,
                "due_on": r.due_on.isoformat() if r.due_on else None,
                "person_ids": list(r.person_ids),
                "pairing_id": r.pairing_id,
                "event_id": r.event_id,
            }
            for r in found
        ]
        print_json(listing)
        return 0
    if not found:
        print(f"Nothing in {programme.name} needs attention.")
        return 0
    print(f"{programme.name}: {len(found)} thing(s) need attention.")
    for r in found:
        print(f"{iso(r.due_on):<10}  {r.title}\n{'':<10}  {r.detail}")
    return 0
