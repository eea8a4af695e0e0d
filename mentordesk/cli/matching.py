"""mentordesk-cli commands for matching: proposals, shortlists and circles, shown or saved.

The matching engine (and SciPy under it) is loaded only when ``match`` runs.
Around it, :func:`add_selection` adds the commands that come before and after:
``applicants`` (accept the applications) and ``pairings`` (publish the
proposals, record the mentors' answers).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from mentordesk.cli import applicants, pairings
from mentordesk.cli.common import (
    Commands,
    add_json_option,
    iso,
    open_session,
    print_json,
    whole_number,
)
from mentordesk.domain.enums import StrandFormat
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.text import plural
from mentordesk.services.pairings import pairing_rows
from mentordesk.services.programmes import (
    ProgrammeSummary,
    StrandChoice,
    find_programme,
    strand_choices,
)

if TYPE_CHECKING:
    from mentordesk.services.matching import (
        Candidate,
        CircleResult,
        MatchResult,
        Proposal,
        Shortlist,
        Unmatched,
    )


def add_match(commands: Commands) -> None:
    """``match``: mentors proposed for the mentees still without one, or circles formed."""
    match = commands.command(
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
        type=whole_number(2, 50),
        default=5,
        metavar="N",
        help="most members per circle (default 5)",
    )
    match.add_argument(
        "--apply", action="store_true", help="save the proposals as drafts, to publish later"
    )
    match.add_argument(
        "--publish",
        action="store_true",
        help="save the proposals (or circles) and publish them at once: --apply, then "
        "“pairings publish” for these only",
    )
    match.add_argument(
        "--shortlist-size",
        type=whole_number(1, 50),
        default=3,
        metavar="K",
        help="mentors per mentee (default 3)",
    )
    match.add_argument("--out", type=Path, metavar="FILE", help="write the shortlist to this .xlsx")
    add_json_option(match, "print the proposals (or circles) as JSON for scripts")


def add_selection(commands: Commands) -> None:
    """The ``applicants`` and ``pairings`` groups: decide on applications, follow the proposals."""
    applicants.add_applicants(
        commands.group(
            "applicants", "A programme's applications: list them, accept or decline them."
        )
    )
    pairings.add_pairings(
        commands.group(
            "pairings",
            "A programme's pairings: list them, publish the drafts, record the mentors' "
            "answers and each pairing's status.",
        )
    )


def _match(args: argparse.Namespace) -> int:
    if args.mode == "shortlist" and (args.apply or args.publish):
        raise InvalidInput(
            "A shortlist is sent out, not saved: --apply and --publish need --mode optimal, "
            "stable or circles."
        )
    args.apply = args.apply or args.publish
    if args.mode == "circles":
        return _match_circles(args)
    if args.mode == "shortlist":
        return _shortlist(args)
    from mentordesk.services.matching import (
        load_candidates,
        match_optimal,
        match_stable,
        save_proposals,
    )

    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        pool = load_candidates(s, programme.id, _one_to_one_strand(s, programme, args.strand))
        result = (match_optimal if args.mode == "optimal" else match_stable)(pool)
        if not args.json:
            _print_proposals(programme, result)
        published: dt.date | None = None
        replaced = 0
        if args.apply:
            # save_proposals replaces every one-to-one draft of the programme.
            replaced = _drafts(s, programme, strand_format=StrandFormat.ONE_TO_ONE)
            ids = save_proposals(s, programme.id, result.proposals, unmatched=result.unmatched)
            published = _publish(s, programme, ids) if args.publish else None
        if args.json:
            saved = _proposals_json(programme, result, saved=bool(args.apply))
            print_json({**saved, "published": bool(args.publish), "answer_due": iso(published)})
            return 0
    if args.apply:
        print(_saved(len(result.proposals), "proposal", replaced, published, "mentors'"))
    if args.apply and result.unmatched:
        left = len(result.unmatched)
        print(
            f"{plural(left, 'mentee')} left unmatched {'is' if left == 1 else 'are'} on the "
            "waitlist, offered first."
        )
    return 0


def _drafts(
    s: Session,
    programme: ProgrammeSummary,
    *,
    strand_format: StrandFormat | None = None,
    strand: str | None = None,
) -> int:
    """How many drafts a save is about to replace: those in strands of this format or name."""
    return sum(
        row.draft and strand_format in (None, row.format) and strand in (None, row.strand)
        for row in pairing_rows(s, programme.id)
    )


def _saved(count: int, noun: str, replaced: int, published: dt.date | None, whose: str) -> str:
    """What saving (and publishing) ``count`` proposals or circles did, in a sentence."""
    instead = f" in place of {plural(replaced, 'earlier draft')}" if replaced else ""
    if not count:
        removed = f"; {plural(replaced, 'earlier draft')} removed" if replaced else ""
        return f"No {noun} to save{removed}."
    if published:
        return (
            f"Published {plural(count, noun)}{instead}: the {whose} answers are due on "
            f"{published.isoformat()}."
        )
    them = "it" if count == 1 else "them"
    return (
        f"Saved {plural(count, 'draft ' + noun)}{instead}; nobody sees {them} until you "
        f"publish {them}."
    )


def _publish(s: Session, programme: ProgrammeSummary, ids: list[int]) -> dt.date | None:
    """Publish the drafts just saved; the date their answers are due (None: nothing saved)."""
    from mentordesk.services.matching import publish_pairings
    from mentordesk.services.matching.waitlist import answer_due

    if not ids:
        return None
    today = dt.date.today()
    publish_pairings(s, ids, today=today)
    return answer_due(s, programme.id, today)


def _shortlist(args: argparse.Namespace) -> int:
    from mentordesk.services.matching import export_shortlist, load_candidates, shortlist

    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        pool = load_candidates(s, programme.id, _one_to_one_strand(s, programme, args.strand))
        listed = shortlist(pool, args.shortlist_size)
    if args.json:
        if args.out:
            export_shortlist(listed, args.out)
        print_json(_shortlist_json(programme, listed, args.out))
        return 0
    for entry in listed.entries:
        print(
            f"{entry.mentee.name} → {entry.mentor.name}  {entry.score.points:5.1f}  "
            f"{entry.explanation}"
        )
    for left in listed.unmatched:
        print(f"no mentor for {left.mentee.name}: {left.reason}")
    if listed.stage_note:
        print(f"{listed.stage_note}.")
    if args.out:
        export_shortlist(listed, args.out)
        print(f"Wrote the shortlist to {args.out}.")
    return 0


def _one_to_one_strand(s: Session, programme: ProgrammeSummary, name: str | None) -> int | None:
    """The id of the one-to-one strand named, or None for every strand."""
    if not name:
        return None
    strand = _strand_named(s, programme, name)
    if strand.format is StrandFormat.GROUP:
        raise InvalidInput(
            f"{strand.name} is a group strand: its mentees meet in circles, not pairs "
            "(use --mode circles)."
        )
    return strand.id


def _strand_named(s: Session, programme: ProgrammeSummary, name: str) -> StrandChoice:
    wanted = name.strip().lower()
    strand = next((c for c in strand_choices(s, programme.id) if c.name.lower() == wanted), None)
    if strand is None:
        raise NotFound(f"{programme.name} has no strand called “{name}”.")
    return strand


def _print_proposals(programme: ProgrammeSummary, result: MatchResult) -> None:
    for p in result.proposals:
        print(f"{p.mentor.name} ← {p.mentee.name}  {p.score.points:5.1f}  {p.explanation}")
    for left in result.unmatched:
        print(f"unmatched: {left.mentee.name}: {left.reason}")
    print(
        f"{programme.name}, {result.mode} mode: {plural(len(result.proposals), 'proposal')}, "
        f"{len(result.unmatched):,} unmatched, total score {result.total:.1f}."
    )
    if result.stage_note:
        print(f"{result.stage_note}.")


def _match_circles(args: argparse.Namespace) -> int:
    from mentordesk.services.matching import circle_pool, form_circles, save_circles

    saved = replaced = 0
    published: dt.date | None = None
    listing: list[dict[str, object]] = []
    with open_session(args) as s:
        programme = find_programme(s, args.programme)
        for strand in _circle_strands(s, programme, args.strand):
            pool = circle_pool(s, programme.id, strand.id)
            result = form_circles(pool.mentees, pool.mentors, args.circle_size, pool.rules)
            if args.json:
                listing.append(_circles_json(strand, result))
            else:
                _print_circles(programme, strand, result, args.circle_size)
            if args.apply:
                # save_circles replaces the strand's drafts.
                replaced += _drafts(s, programme, strand=strand.name)
                ids = save_circles(s, programme.id, strand.id, result)
                saved += len(ids)
                if args.publish:
                    published = _publish(s, programme, ids)
    if args.json:
        print_json(
            {
                "programme": programme.name,
                "mode": "circles",
                "circle_size": args.circle_size,
                "strands": listing,
                "saved": saved if args.apply else None,
                "published": bool(args.publish),
                "answer_due": iso(published),
            }
        )
        return 0
    if args.apply:
        print(_saved(saved, "circle", replaced, published, "facilitators'"))
    return 0


def _circle_strands(
    s: Session, programme: ProgrammeSummary, name: str | None
) -> list[StrandChoice]:
    """The strand named, or else every group strand of the programme."""
    if name:
        return [_strand_named(s, programme, name)]
    strands = [c for c in strand_choices(s, programme.id) if c.format is StrandFormat.GROUP]
    if not strands:
        raise NotFound(f"{programme.name} has no group strand to form circles in.")
    return strands


def _print_circles(
    programme: ProgrammeSummary, strand: StrandChoice, result: CircleResult, size: int
) -> None:
    from mentordesk.services.matching.proposals import circle_summary

    for n, circle in enumerate(result.circles, start=1):
        print(f"{strand.name} circle {n}: {circle.facilitator.name} leads")
        print(f"  {', '.join(m.name for m in circle.mentees)}")
        print(f"  {circle_summary(circle)}")
    for left in result.unplaced:
        print(f"not placed: {left.mentee.name}: {left.reason}")
    placed = sum(len(c.mentees) for c in result.circles)
    print(
        f"{programme.name}, {strand.name}, circles of at most {size}: "
        f"{plural(len(result.circles), 'circle')}, {placed:,} placed, "
        f"{len(result.unplaced):,} not placed."
    )


# JSON for scripts ---------------------------------------------------------------------------


def _candidate_json(candidate: Candidate) -> dict[str, object]:
    return {"id": candidate.id, "name": candidate.name}


def _proposal_json(proposal: Proposal) -> dict[str, object]:
    return {
        "mentee": _candidate_json(proposal.mentee),
        "mentor": _candidate_json(proposal.mentor),
        "score": proposal.score.points,
        "fixed": proposal.fixed,
        "explanation": proposal.explanation,
    }


def _unmatched_json(left: Unmatched) -> dict[str, object]:
    return {"mentee": _candidate_json(left.mentee), "reason": left.reason}


def _proposals_json(
    programme: ProgrammeSummary, result: MatchResult, *, saved: bool
) -> dict[str, object]:
    return {
        "programme": programme.name,
        "mode": result.mode,
        "proposals": [_proposal_json(p) for p in result.proposals],
        "unmatched": [_unmatched_json(left) for left in result.unmatched],
        "stage_unknown": [_candidate_json(c) for c in result.stage_unknown],
        "total": result.total,
        "saved": saved,
    }


def _shortlist_json(
    programme: ProgrammeSummary, listed: Shortlist, out: Path | None
) -> dict[str, object]:
    return {
        "programme": programme.name,
        "mode": "shortlist",
        "entries": [_proposal_json(entry) for entry in listed.entries],
        "unmatched": [_unmatched_json(left) for left in listed.unmatched],
        "stage_unknown": [_candidate_json(c) for c in listed.stage_unknown],
        "out": str(out) if out else None,
    }


def _circles_json(strand: StrandChoice, result: CircleResult) -> dict[str, object]:
    from mentordesk.services.matching.proposals import circle_summary

    circles = [
        {
            "facilitator": _candidate_json(circle.facilitator),
            "mentees": [_candidate_json(m) for m in circle.mentees],
            "summary": circle_summary(circle),
        }
        for circle in result.circles
    ]
    unplaced = [_unmatched_json(left) for left in result.unplaced]
    return {"strand": strand.name, "circles": circles, "unplaced": unplaced}
