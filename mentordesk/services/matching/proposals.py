"""The engine and the programme file: load who is to be matched, save and publish proposals."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    ApplicationStatus,
    FieldPreference,
    PairingStatus,
    PairRuleKind,
    Role,
    StrandFormat,
)
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.tables import CellValue
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.audit import record_change
from mentordesk.services.matching.core import (
    DEFAULT_CAPACITY,
    DEFAULT_GRADE_GAP,
    DEFAULT_WEIGHTS,
    Candidate,
    Pool,
    Rules,
)
from mentordesk.services.matching.modes import Proposal, Shortlist
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.programmes import get_programme
from mentordesk.services.validation import gender_key, split_tags
from mentordesk.store.models import (
    Application,
    Pairing,
    PairingMember,
    PairRule,
    Person,
    Programme,
    Strand,
)

#: Pairings that still take up a mentor's time (a draft proposal does not).
_CURRENT = (
    PairingStatus.PROPOSED,
    PairingStatus.INTRODUCED,
    PairingStatus.ACTIVE,
    PairingStatus.PAUSED,
)


def programme_rules(programme: Programme) -> Rules:
    """The limits and weights a programme sets, with the defaults for what it leaves open.

    Raises:
        InvalidInput: the stored weights are not a JSON object of numbers.
    """
    try:
        stored = json.loads(programme.matching_weights or "{}")
        weights = {k: float(v) for k, v in stored.items() if k in DEFAULT_WEIGHTS}
    except (ValueError, TypeError, AttributeError):
        raise InvalidInput(
            f"The matching weights of {programme.name} cannot be read; set them again."
        ) from None
    return Rules(
        max_grade_gap=(
            DEFAULT_GRADE_GAP if programme.max_grade_gap is None else programme.max_grade_gap
        ),
        field_preference=programme.field_preference or FieldPreference.NONE,
        weights={**DEFAULT_WEIGHTS, **weights},
    )


def _strand_ids(session: Session, programme_id: int, strand_id: int | None) -> list[int]:
    strands = list(session.scalars(select(Strand).where(Strand.programme_id == programme_id)))
    if strand_id is None:
        return [s.id for s in strands if s.format is StrandFormat.ONE_TO_ONE]
    if strand_id not in {s.id for s in strands}:
        raise NotFound("This strand is not part of the programme.")
    return [strand_id]


def _reporting_line(person_id: int, managers: dict[int, int]) -> frozenset[int]:
    above: list[int] = []
    current = managers.get(person_id)
    while current is not None and current not in above and current != person_id:
        above.append(current)
        current = managers.get(current)
    return frozenset(above)


def load_candidates(session: Session, programme_id: int, strand_id: int | None = None) -> Pool:
    """The accepted mentees still without a mentor and the mentors with places, with the rules.

    Args:
        session: the open transaction.
        programme_id: the programme to match.
        strand_id: one strand only; by default every one-to-one strand (a mentor is
            matched only with mentees of a strand they applied to).

    Raises:
        NotFound: the programme or strand is not in the file.
    """
    programme = get_programme(session, programme_id)
    rules = programme_rules(programme)
    limit = programme.max_mentees_per_mentor or DEFAULT_CAPACITY
    strand_ids = _strand_ids(session, programme_id, strand_id)
    applications = session.scalars(
        select(Application)
        .where(
            Application.strand_id.in_(strand_ids),
            Application.status == ApplicationStatus.ACCEPTED,
        )
        .options(selectinload(Application.person), selectinload(Application.mentor_choices))
        .order_by(Application.id)
    ).all()
    # Published pairings only: drafts are about to be replaced.
    pairings = session.execute(
        select(Pairing.mentor_id, PairingMember.person_id, Pairing.status, Strand.programme_id)
        .join(PairingMember, PairingMember.pairing_id == Pairing.id)
        .join(Strand, Strand.id == Pairing.strand_id)
        .where(Pairing.draft.is_(False))
    ).all()
    load: dict[int, int] = defaultdict(int)
    paired: set[int] = set()
    paused: set[int] = set()
    earlier: set[tuple[int, int]] = set()
    for mentor_id, mentee_id, status, in_programme in pairings:
        if status is PairingStatus.PAUSED:
            paused.add(mentor_id)
        if in_programme != programme_id:
            earlier.add((mentor_id, mentee_id))
            continue
        if status in _CURRENT:
            load[mentor_id] += 1
        if status is not PairingStatus.ENDED_EARLY:
            paired.add(mentee_id)
    managers = {
        pid: mid
        for pid, mid in session.execute(
            select(Person.id, Person.line_manager_id).where(Person.line_manager_id.is_not(None))
        )
        if mid is not None
    }
    mentees: dict[int, Candidate] = {}
    mentors: dict[int, Candidate] = {}
    stated: dict[int, int] = {}
    for app in applications:
        person = app.person
        if app.role is Role.MENTOR:
            if app.capacity is not None:
                stated[person.id] = max(stated.get(person.id, 0), app.capacity)
            known = mentors.get(person.id)
            if known is not None:
                mentors[person.id] = replace(known, strands=known.strands | {app.strand_id})
                continue
            mentors[person.id] = _candidate(person, app, paused=person.id in paused)
        elif person.id not in paired:
            known = mentees.get(person.id)
            if known is not None:
                mentees[person.id] = replace(known, strands=known.strands | {app.strand_id})
                continue
            mentees[person.id] = replace(
                _candidate(person, app),
                needs=tuple(split_tags(app.development_needs)),
                preferred_gender=gender_key(app.preferences),
                choices=tuple(c.mentor_id for c in app.mentor_choices),
                reporting_line=_reporting_line(person.id, managers),
            )
    for person_id, mentor in mentors.items():
        capacity = min(limit, stated.get(person_id, limit)) - load[person_id]
        mentors[person_id] = replace(mentor, capacity=max(0, capacity))
    pair_rules = session.scalars(select(PairRule).where(PairRule.programme_id == programme_id))
    blocked: set[tuple[int, int]] = set()
    fixed: set[tuple[int, int]] = set()
    for rule in pair_rules:
        (fixed if rule.kind is PairRuleKind.FIXED else blocked).add(
            (rule.mentor_id, rule.mentee_id)
        )
    rules = replace(
        rules, blocked=frozenset(blocked), fixed=frozenset(fixed), earlier=frozenset(earlier)
    )
    return Pool(tuple(mentees.values()), tuple(mentors.values()), rules)


def _candidate(person: Person, app: Application, *, paused: bool = False) -> Candidate:
    return Candidate(
        id=person.id,
        name=person.full_name,
        email=person.email,
        strands=frozenset({app.strand_id}),
        grade=person.grade,
        organisation=person.organisation,
        department=person.department,
        field=person.field,
        expertise=tuple(split_tags(person.expertise)),
        languages=tuple(split_tags(person.languages)),
        gender=gender_key(person.gender),
        paused=paused,
    )


def _drafts(session: Session, programme_id: int) -> list[Pairing]:
    return list(
        session.scalars(
            select(Pairing)
            .join(Strand)
            .where(Strand.programme_id == programme_id, Pairing.draft.is_(True))
        )
    )


def save_proposals(
    session: Session,
    programme_id: int,
    proposals: Iterable[Proposal],
    *,
    today: dt.date | None = None,
) -> list[int]:
    """Save proposals as draft pairings, in place of the programme's earlier drafts.

    Returns:
        The new pairings' ids.

    Raises:
        InvalidInput: a proposal's mentee and mentor share no strand.
    """
    for old in _drafts(session, programme_id):
        session.delete(old)
        record_change(session, "deleted", "pairing", old.id, "draft proposal replaced")
    session.flush()
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
    return ids


def publish_proposals(session: Session, programme_id: int) -> int:
    """Make the programme's draft proposals visible; returns how many were published."""
    drafts = _drafts(session, programme_id)
    for pairing in drafts:
        pairing.draft = False
        record_change(session, "edited", "pairing", pairing.id, "proposal published")
    return len(drafts)


def publish_pairings(session: Session, pairing_ids: Iterable[int]) -> int:
    """Make these draft proposals visible; returns how many were drafts (others are left as is).

    Raises:
        NotFound: one of the pairings is no longer in the file.
    """
    published = 0
    for pairing_id in dict.fromkeys(pairing_ids):
        pairing = session.get(Pairing, pairing_id)
        if pairing is None:
            raise NotFound("A proposal to publish is no longer in the file.")
        if pairing.draft:
            pairing.draft = False
            record_change(session, "edited", "pairing", pairing.id, "proposal published")
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
