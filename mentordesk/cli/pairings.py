"""mentordesk-cli commands for pairings: list them, publish the drafts, record answers and statuses.

``match --apply`` saves its proposals as drafts nobody sees; ``pairings publish``
makes them visible, each waiting for its mentor's answer; ``pairings answer``
records that answer as the Pairings tab does (a decline ends the proposal and
puts the mentee first on the waitlist); ``pairings status`` moves a pairing on
(introduced, active, completed…). A pairing is named by its mentor's email and
one of its mentees' emails. The matching engine (and SciPy) is loaded only by
the commands that need it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from sqlalchemy.orm import Session

from mentordesk.cli.common import (
    Commands,
    add_json_option,
    iso,
    open_session,
    parse_day,
    print_json,
    whole_number,
)
from mentordesk.domain.enums import EndReason, MentorResponse, PairingStatus
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.text import plural
from mentordesk.services.collation import sort_key
from mentordesk.services.pairings import (
    PairingRow,
    StatusChange,
    change_status,
    get_pairing,
    pairing_rows,
)
from mentordesk.services.programmes import ProgrammeSummary, find_programme
from mentordesk.store.models import Pairing, PairingMember

#: The statuses ``pairings status`` moves a pairing to (re-matching has its own form).
_STATUSES = {
    s.value.replace("_", "-"): s
    for s in PairingStatus
    if s not in (PairingStatus.PROPOSED, PairingStatus.REMATCHED)
}
_REASONS = {r.value.replace("_", "-"): r for r in EndReason}
_ANSWERS = {"accepted": MentorResponse.ACCEPTED, "declined": MentorResponse.DECLINED}
#: A mentor's answer as the listing says it.
_ANSWER_WORDS = {
    MentorResponse.ACCEPTED: "mentor accepted",
    MentorResponse.DECLINED: "mentor declined",
    MentorResponse.NO_ANSWER: "mentor did not answer",
}


def add_pairings(pairings: Commands) -> None:
    """``pairings list``, ``publish``, ``answer`` and ``status``."""
    listing = pairings.command(
        "list",
        "List a programme's pairings and circles: mentor, mentees, strand, status, draft or "
        "published, the mentor's answer and when it is due.",
        _list,
        programme=True,
    )
    add_json_option(listing)
    publish = pairings.command(
        "publish",
        "Publish the draft proposals and circles (match --apply saves them): each waits for "
        "its mentor's answer, due after the programme's answer days.",
        _publish,
        programme=True,
    )
    publish.add_argument(
        "--answer-days",
        type=whole_number(1, 90),
        metavar="N",
        help="days the mentors have to answer (default: the programme's own)",
    )
    answer = pairings.command(
        "answer",
        "Record a mentor's answer to a published proposal: a decline ends it and puts the "
        "mentee first on the waitlist, to be offered another mentor.",
        _answer,
        programme=True,
    )
    _add_pair_arguments(answer)
    answer.add_argument(
        "answer", choices=list(_ANSWERS), metavar="ANSWER", help="accepted or declined"
    )
    status = pairings.command(
        "status",
        "Move a published pairing on: introduced, active (its start, review and end dates "
        "follow), paused, completed, ended early (with --reason) or extended (with --ends).",
        _status,
        programme=True,
    )
    _add_pair_arguments(status)
    status.add_argument(
        "--status", required=True, choices=list(_STATUSES), help="the pairing's new status"
    )
    status.add_argument(
        "--on",
        type=parse_day,
        metavar="YYYY-MM-DD",
        help="the day it happened: an active pairing's start, a finished one's end (default: "
        "today)",
    )
    status.add_argument(
        "--reason", choices=list(_REASONS), help="why it ended early (needed for ended-early)"
    )
    status.add_argument(
        "--ends",
        type=parse_day,
        metavar="YYYY-MM-DD",
        help="an extended pairing's new end date",
    )


def _add_pair_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("mentor", metavar="MENTOR_EMAIL", help="the mentor's email")
    command.add_argument("mentee", metavar="MENTEE_EMAIL", help="a mentee's email")


# Listing ---------------------------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        listed = [(row, get_pairing(s, row.pairing_id)) for row in pairing_rows(s, programme.id)]
        if args.json:
            print_json([_row_json(row, pairing) for row, pairing in listed])
            return 0
        lines = [_row_line(row, pairing) for row, pairing in listed]
    if not lines:
        print(
            f"{programme.name} has no pairing yet: “mentordesk-cli match --apply” proposes "
            "them as drafts."
        )
        return 0
    print("\n".join(lines))
    drafts = sum(row.draft for row, _ in listed)
    waiting = sum(_waiting(row) for row, _ in listed)
    print(
        f"{programme.name}: {plural(len(listed), 'pairing')}, {drafts:,} draft, "
        f"{len(listed) - drafts:,} published ({waiting:,} waiting for the mentor's answer)."
    )
    return 0


def _waiting(row: PairingRow) -> bool:
    """A published proposal whose mentor has not answered yet."""
    return (
        not row.draft
        and row.status is PairingStatus.PROPOSED
        and row.mentor_response is MentorResponse.NONE
    )


def _person(name: str, email: str) -> str:
    return f"{name} <{email}>"


def _row_line(row: PairingRow, pairing: Pairing) -> str:
    mentees = ", ".join(_person(m.person.full_name, m.person.email) for m in _members(pairing))
    state = [row.status.label, "draft, not published" if row.draft else "published"]
    if not row.draft and row.mentor_response is not MentorResponse.NONE:
        state.append(_ANSWER_WORDS[row.mentor_response])
    elif not row.draft and row.status is PairingStatus.PROPOSED:
        due = row.response_due_on
        if due is None:
            state.append("no answer yet")
        else:
            late = "overdue since" if due < dt.date.today() else "due"
            state.append(f"no answer yet, {late} {due.isoformat()}")
    name = f"{row.name}: " if pairing.name else ""
    return (
        f"{row.strand}: {name}{_person(row.mentor, pairing.mentor.email)} ← {mentees}  "
        f"({'; '.join(state)})"
    )


def _members(pairing: Pairing) -> list[PairingMember]:
    return sorted(pairing.members, key=lambda m: sort_key(m.person.full_name))


def _row_json(row: PairingRow, pairing: Pairing) -> dict[str, object]:
    return {
        "id": row.pairing_id,
        "name": pairing.name,
        "strand": row.strand,
        "format": row.format.value,
        "mentor": {"name": row.mentor, "email": pairing.mentor.email},
        "mentees": [
            {"name": m.person.full_name, "email": m.person.email} for m in _members(pairing)
        ],
        "status": row.status.value,
        "draft": row.draft,
        "mentor_response": row.mentor_response.value,
        "answer_due": iso(row.response_due_on),
        "started": iso(row.started_on),
        "score": row.match_score,
    }


# Publishing ------------------------------------------------------------------------------------


def _publish(args: argparse.Namespace) -> int:
    from mentordesk.services.matching import publish_proposals
    from mentordesk.services.matching.waitlist import answer_due

    today = dt.date.today()
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        due = answer_due(s, programme.id, today, args.answer_days)
        published = publish_proposals(s, programme.id, today=today, response_days=args.answer_days)
    if not published:
        print(
            f"Nothing to publish: {programme.name} has no draft proposals (“mentordesk-cli "
            "match --apply” saves them)."
        )
        return 0
    print(
        f"Published {plural(published, 'proposal')} of {programme.name}: the mentors' answers "
        f"are due on {due.isoformat()}; record each with “mentordesk-cli pairings answer”."
    )
    return 0


# One pairing -----------------------------------------------------------------------------------


def _pairing_of(s: Session, programme: ProgrammeSummary, mentor: str, mentee: str) -> Pairing:
    """The programme's pairing of this mentor with this mentee (the one still open, if several).

    Raises:
        NotFound: the programme has no pairing of the two.
    """
    mentor_key, mentee_key = mentor.strip().lower(), mentee.strip().lower()
    found = [
        pairing
        for row in pairing_rows(s, programme.id)
        if (pairing := get_pairing(s, row.pairing_id)).mentor.email.lower() == mentor_key
        and any(m.person.email.lower() == mentee_key for m in pairing.members)
    ]
    if not found:
        raise NotFound(
            f"{programme.name} has no pairing of {mentor.strip()} (mentor) with "
            f"{mentee.strip()} (mentee): “mentordesk-cli pairings list” shows its pairings."
        )
    # A published proposal first, then any pairing still going, then the latest.
    return max(
        found,
        key=lambda p: (
            p.status is PairingStatus.PROPOSED and not p.draft,
            p.status not in (PairingStatus.ENDED_EARLY, PairingStatus.REMATCHED),
            p.id,
        ),
    )


def _answer(args: argparse.Namespace) -> int:
    from mentordesk.services.matching import record_mentor_response

    response = _ANSWERS[args.answer]
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        pairing = _pairing_of(s, programme, args.mentor, args.mentee)
        mentor = pairing.mentor.full_name
        mentees = ", ".join(m.person.full_name for m in _members(pairing))
        strand = pairing.strand.name
        record_mentor_response(s, [pairing.id], response)
    if response is MentorResponse.ACCEPTED:
        print(
            f"Recorded that {mentor} accepted to mentor {mentees}. Once they are introduced: "
            "“mentordesk-cli pairings status … --status introduced” (or active)."
        )
    else:
        print(
            f"Recorded that {mentor} declined to mentor {mentees}: the proposal ended, and "
            f"{mentees} {'is' if len(pairing.members) == 1 else 'are'} first on the {strand} "
            f"waitlist. The next “mentordesk-cli match” offers another mentor, never {mentor}."
        )
    return 0


def _status(args: argparse.Namespace) -> int:
    status = _STATUSES[args.status]
    if args.reason and status is not PairingStatus.ENDED_EARLY:
        raise InvalidInput("--reason goes with --status ended-early only.")
    if args.ends and status is not PairingStatus.EXTENDED:
        raise InvalidInput("--ends goes with --status extended only.")
    if status is PairingStatus.ENDED_EARLY and not args.reason:
        raise InvalidInput(f"Say why the pairing ended early: --reason {'|'.join(_REASONS)}.")
    change = StatusChange(
        status,
        args.on or dt.date.today(),
        end_reason=_REASONS[args.reason] if args.reason else None,
        ended_on=args.ends,
    )
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        pairing = _pairing_of(s, programme, args.mentor, args.mentee)
        old, starting = pairing.status, pairing.started_on is None
        change_status(s, [pairing.id], change)
        mentees = ", ".join(m.person.full_name for m in _members(pairing))
        who = f"{pairing.mentor.full_name} with {mentees}"
        dates = ""
        if status is PairingStatus.ACTIVE and pairing.started_on:
            dates = f"; started {iso(pairing.started_on)}"
            if pairing.ended_on:
                dates += f", review {iso(pairing.review_on)}, ends {iso(pairing.ended_on)}"
        starts_on = pairing.strand.programme.starts_on
        doubt = _doubtful_day(change, starting, starts_on, who, programme.name)
    print(f"{who}: {old.label.lower()} → {status.label.lower()}{dates}.")
    if doubt:
        print(f"mentordesk-cli: warning: {doubt}", file=sys.stderr)
    return 0


#: Where a day recorded by mistake is put right: the status cannot be recorded twice.
_FIX = "if the date is wrong, correct it in the window (Pairings tab, Edit pairing)."


def _doubtful_day(
    change: StatusChange, starting: bool, starts_on: dt.date | None, who: str, programme: str
) -> str:
    """Why the day of a status change looks wrong, or "": it is recorded all the same.

    A pairing may start before its programme (a pilot pair) and an end may be
    entered ahead of time, so neither is refused; a slip of the year is caught here.

    Args:
        change: the status change made.
        starting: the change gave the pairing its start date.
        starts_on: the day the programme starts.
        who: the pairing, as the warning names it.
        programme: the programme's name.
    """
    day = change.on.isoformat()
    if change.status is PairingStatus.ACTIVE and starting and starts_on and change.on < starts_on:
        return (
            f"{who} started on {day}, before {programme} starts ({starts_on.isoformat()}); " + _FIX
        )
    ending = change.status in (PairingStatus.COMPLETED, PairingStatus.ENDED_EARLY)
    if ending and change.on > dt.date.today():
        return f"{who} ended on {day}, a day still to come; {_FIX}"
    return ""
