"""The engine and the programme file: save proposals and circles as drafts, and publish them."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import PairingStatus, StrandFormat
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.tables import CellValue, column_letters
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.audit import record_change
from mentordesk.services.matching.candidates import load_candidates, programme_rules
from mentordesk.services.matching.circles import Circle, CircleResult
from mentordesk.services.matching.core import Pool, Scorer
from mentordesk.services.matching.modes import Proposal, Shortlist, Unmatched
from mentordesk.services.matching.waitlist import (
    add_to_waitlist,
    answer_due,
    response_due,
    take_paired_off_waitlist,
)
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.programmes import get_programme
from mentordesk.store.models import Pairing, Strand


def _drafts(
    session: Session,
    programme_id: int,
    *,
    strand_format: StrandFormat | None = None,
    strand_id: int | None = None,
) -> list[Pairing]:
    query = (
        select(Pairing)
        .join(Strand)
        .where(Strand.programme_id == programme_id, Pairing.draft.is_(True))
        .order_by(Pairing.id)
    )
    if strand_format is not None:
        query = query.where(Strand.format == strand_format)
    if strand_id is not None:
        query = query.where(Pairing.strand_id == strand_id)
    return list(session.scalars(query))


def _replace(session: Session, drafts: Iterable[Pairing]) -> None:
    for old in drafts:
        session.delete(old)
        record_change(session, "deleted", "pairing", old.id, "draft proposal replaced")
    session.flush()


def save_proposals(
    session: Session,
    programme_id: int,
    proposals: Iterable[Proposal],
    *,
    today: dt.date | None = None,
    unmatched: Iterable[Unmatched] = (),
    only_mentees: Collection[int] | None = None,
) -> list[int]:
    """Save proposals as draft pairings, in place of the earlier one-to-one drafts.

    Args:
        session: the open transaction.
        programme_id: the programme.
        proposals: the engine's proposals.
        today: the date they were proposed.
        unmatched: the mentees the run left without a mentor: they join the end of
            their strands' waitlists (those already waiting keep their place).
        only_mentees: replace only the drafts of these mentees (a run for the
            waitlist leaves the other drafts alone); by default every one-to-one draft.

    Returns:
        The new pairings' ids.

    Raises:
        InvalidInput: a proposal's mentee and mentor share no strand.
    """
    old = _drafts(session, programme_id, strand_format=StrandFormat.ONE_TO_ONE)
    if only_mentees is not None:
        wanted = set(only_mentees)
        old = [d for d in old if any(m.person_id in wanted for m in d.members)]
    _replace(session, old)
    proposed_on = today or dt.date.today()
    ids = []
    for p in proposals:
        if p.strand_id is None:
            raise InvalidInput(f"{p.mentee.name} has no strand to be paired in.")
        ids.append(
            add_pairing(
                session,
                PairingInput(
                    strand_id=p.strand_id,
                    mentor_id=p.mentor.id,
                    mentee_ids=[p.mentee.id],
                    status=PairingStatus.PROPOSED,
                    proposed_on=proposed_on,
                    match_score=p.score.points,
                    match_explanation=p.explanation,
                    draft=True,
                ),
            )
        )
    add_to_waitlist(session, unmatched)
    return ids


def circle_pool(session: Session, programme_id: int, strand_id: int) -> Pool:
    """The accepted mentees of a group strand not yet in a circle, and its facilitators.

    Raises:
        NotFound: the strand is not part of the programme.
        InvalidInput: it is a one-to-one strand.
    """
    strand = session.get(Strand, strand_id)
    if strand is None or strand.programme_id != programme_id:
        raise NotFound("This strand is not part of the programme.")
    if strand.format is not StrandFormat.GROUP:
        raise InvalidInput(
            f"{strand.name} is a one-to-one strand: propose pairings there, not circles."
        )
    return load_candidates(session, programme_id, strand_id)


def circle_summary(circle: Circle) -> str:
    """How a circle is made up, in plain words, with any member the rules keep from its leader."""
    count = len(circle.mentees)
    fields = Counter(m.field or "field not given" for m in circle.mentees)
    organisations = {m.organisation.strip().lower() for m in circle.mentees if m.organisation}
    parts = [f"circle of {count}: " + ", ".join(f"{name} {n}" for name, n in fields.most_common())]
    if organisations:
        parts.append(f"{len(organisations)} organisation{'' if len(organisations) == 1 else 's'}")
    if circle.conflicts:
        parts.append("against the rules: " + "; ".join(circle.conflicts))
    return "; ".join(parts)


def save_circles(
    session: Session,
    programme_id: int,
    strand_id: int,
    result: CircleResult,
    *,
    today: dt.date | None = None,
) -> list[int]:
    """Save circles as draft group pairings in a group strand, in place of its earlier drafts.

    Each circle is one pairing led by its facilitator, named "Circle A", "Circle B", …
    after the strand's other circles; its score is its members' mean score with the
    facilitator. Mentees left without a circle join the strand's waitlist.

    Returns:
        The new pairings' ids.

    Raises:
        NotFound: the strand is not part of the programme.
        InvalidInput: it is a one-to-one strand.
    """
    circle_pool(session, programme_id, strand_id)
    _replace(session, _drafts(session, programme_id, strand_id=strand_id))
    scorer = Scorer(programme_rules(get_programme(session, programme_id)))
    named = session.scalar(select(func.count(Pairing.id)).where(Pairing.strand_id == strand_id))
    ids = []
    for n, circle in enumerate(result.circles, start=named or 0):
        points = [scorer.points(m, circle.facilitator) for m in circle.mentees]
        ids.append(
            add_pairing(
                session,
                PairingInput(
                    strand_id=strand_id,
                    mentor_id=circle.facilitator.id,
                    mentee_ids=[m.id for m in circle.mentees],
                    name=f"Circle {column_letters(n)}",
                    status=PairingStatus.PROPOSED,
                    proposed_on=today or dt.date.today(),
                    match_score=round(sum(points) / len(points), 2) if points else None,
                    match_explanation=circle_summary(circle),
                    draft=True,
                ),
            )
        )
    add_to_waitlist(session, result.unplaced)
    return ids


def publish_proposals(
    session: Session,
    programme_id: int,
    *,
    today: dt.date | None = None,
    response_days: int | None = None,
) -> int:
    """Make all the programme's draft proposals visible; returns how many were published."""
    ids = [d.id for d in _drafts(session, programme_id)]
    return publish_pairings(session, ids, today=today, response_days=response_days)


def publish_pairings(
    session: Session,
    pairing_ids: Iterable[int],
    *,
    today: dt.date | None = None,
    response_days: int | None = None,
) -> int:
    """Make these draft proposals visible; returns how many were drafts (others are left as is).

    Each published proposal waits for its mentor's answer until ``response_days`` from
    ``today`` (by default the programme's own number of days), and its mentees leave
    the waitlist.

    Raises:
        NotFound: one of the pairings is no longer in the file.
        InvalidInput: ``response_days`` is not between 1 and 90.
    """
    today = today or dt.date.today()
    if response_days is not None:
        response_due(today, response_days)  # refuses an impossible number of days
    published = 0
    for pairing_id in dict.fromkeys(pairing_ids):
        pairing = session.get(Pairing, pairing_id)
        if pairing is None:
            raise NotFound("A proposal to publish is no longer in the file.")
        if pairing.draft:
            due = answer_due(session, pairing.strand.programme_id, today, response_days)
            pairing.draft = False
            if pairing.response_due_on is None:
                pairing.response_due_on = due
            take_paired_off_waitlist(session, pairing)
            record_change(
                session, "edited", "pairing", pairing.id, f"proposal published; answer due {due}"
            )
            published += 1
    return published


SHORTLIST_HEADERS = (
    "Mentee", "Mentee email", "Rank", "Mentor", "Mentor email", "Score", "Why",
)  # fmt: skip


def export_shortlist(listed: Shortlist, path: Path) -> None:
    """Write a shortlist to an .xlsx for sending out: one row per mentee and suggested mentor.

    Mentees without a suitable mentor get one row with the reason.

    Raises:
        ExportFailed: the file could not be written; nothing partial is left.
    """
    rows: list[list[CellValue]] = []
    rank: dict[int, int] = defaultdict(int)
    for entry in listed.entries:
        rank[entry.mentee.id] += 1
        rows.append(
            [
                entry.mentee.name,
                entry.mentee.email,
                rank[entry.mentee.id],
                entry.mentor.name,
                entry.mentor.email,
                entry.score.points,
                entry.explanation,
            ]
        )
    for left in listed.unmatched:
        rows.append([left.mentee.name, left.mentee.email, None, None, None, None, left.reason])
    write_table(path, [SheetData("Shortlist", SHORTLIST_HEADERS, rows)])
