"""Who is to be matched in a programme file, as the engine sees them, under its rules."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    ApplicationStatus,
    FieldPreference,
    MentorResponse,
    PairingStatus,
    PairRuleKind,
    Role,
    StrandFormat,
)
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.domain.stages import Ladder
from mentordesk.services.career_stages import ladder_of
from mentordesk.services.matching.core import (
    DEFAULT_CAPACITY,
    DEFAULT_WEIGHTS,
    Candidate,
    Pool,
    Rules,
)
from mentordesk.services.organisations import merged_names
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
CURRENT = (
    PairingStatus.PROPOSED,
    PairingStatus.INTRODUCED,
    PairingStatus.ACTIVE,
    PairingStatus.PAUSED,
    PairingStatus.EXTENDED,
)


def programme_rules(programme: Programme) -> Rules:
    """The limits and weights a programme sets, with the defaults for what it leaves open.

    A grade gap left unset is no limit, as the programme's settings show it.

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
        max_grade_gap=programme.max_grade_gap,
        within_track=bool(programme.within_track),
        field_preference=programme.field_preference or FieldPreference.NONE,
        weights={**DEFAULT_WEIGHTS, **weights},
    )


@dataclass
class Standing:
    """What the hard rules need to know of a programme beyond its applications.

    Attributes:
        rules: the programme's limits, weights and pair rules (fixed, blocked,
            earlier cohorts, declined proposals).
        limit: the most mentees a mentor may have at once; None for no limit (a mentor
            then takes as many as they offer).
        load: the mentees each mentor has in the programme's current pairings.
        paired: the mentees with a published pairing in the programme that has not
            ended early (so they are not matched again).
        mentor_of: each paired mentee's current mentors in the programme, by name.
        paused: the mentors with a paused pairing.
        managers: each person's line manager.
        ladder: the programme's career stages, to read each person's stage.
        organisation: the name the file counts a typed organisation as (merges applied).
    """

    rules: Rules
    limit: int | None
    load: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    paired: set[int] = field(default_factory=set)
    mentor_of: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    paused: set[int] = field(default_factory=set)
    managers: dict[int, int] = field(default_factory=dict)
    ladder: Ladder = field(default_factory=Ladder)
    organisation: Callable[[str], str] = str.strip

    def reporting_line(self, person_id: int) -> frozenset[int]:
        """The person's line manager and everyone above them."""
        above: list[int] = []
        current = self.managers.get(person_id)
        while current is not None and current not in above and current != person_id:
            above.append(current)
            current = self.managers.get(current)
        return frozenset(above)

    def capacity(self, person_id: int, stated: int | None) -> int:
        """How many more mentees a mentor can take now.

        That is the mentor's own number (``DEFAULT_CAPACITY`` when they gave
        none), or the programme's limit if lower, less the mentees they already
        have. A programme with no limit caps nobody: a mentor who offered six
        places may take six.
        """
        own = DEFAULT_CAPACITY if stated is None else stated
        limit = own if self.limit is None else min(own, self.limit)
        return max(0, limit - self.load[person_id])


def standing(session: Session, programme_id: int, *, ignoring: Collection[int] = ()) -> Standing:
    """The programme's rules and who is already paired with whom.

    Args:
        session: the open transaction.
        programme_id: the programme.
        ignoring: pairings to leave out, as if they were gone (the ones a swap or a
            re-match is about to change).

    Raises:
        NotFound: the programme is not in the file.
        InvalidInput: its stored weights cannot be read.
    """
    programme = get_programme(session, programme_id)
    found = Standing(
        programme_rules(programme),
        programme.max_mentees_per_mentor,
        ladder=ladder_of(session, programme_id),
        organisation=merged_names(session),
    )
    # Published pairings only: drafts are about to be replaced.
    pairings = session.execute(
        select(
            Pairing.id,
            Pairing.mentor_id,
            PairingMember.person_id,
            Pairing.status,
            Pairing.mentor_response,
            Strand.programme_id,
            Person.first_name,
            Person.last_name,
        )
        .join(PairingMember, PairingMember.pairing_id == Pairing.id)
        .join(Strand, Strand.id == Pairing.strand_id)
        .join(Person, Person.id == Pairing.mentor_id)
        .where(Pairing.draft.is_(False))
    ).all()
    earlier: set[tuple[int, int]] = set()
    declined: set[tuple[int, int]] = set()
    for pairing_id, mentor_id, mentee_id, status, response, in_programme, first, last in pairings:
        if pairing_id in ignoring:
            continue
        if status is PairingStatus.PAUSED:
            found.paused.add(mentor_id)
        if in_programme != programme_id:
            earlier.add((mentor_id, mentee_id))
            continue
        if response is MentorResponse.DECLINED:
            declined.add((mentor_id, mentee_id))
        if status in CURRENT:
            found.load[mentor_id] += 1
            found.mentor_of[mentee_id].append(f"{first} {last}".strip())
        if status is not PairingStatus.ENDED_EARLY:
            found.paired.add(mentee_id)
    found.managers = {
        pid: mid
        for pid, mid in session.execute(
            select(Person.id, Person.line_manager_id).where(Person.line_manager_id.is_not(None))
        )
        if mid is not None
    }
    blocked: set[tuple[int, int]] = set()
    fixed: set[tuple[int, int]] = set()
    for rule in session.scalars(select(PairRule).where(PairRule.programme_id == programme_id)):
        (fixed if rule.kind is PairRuleKind.FIXED else blocked).add(
            (rule.mentor_id, rule.mentee_id)
        )
    found.rules = replace(
        found.rules,
        blocked=frozenset(blocked),
        fixed=frozenset(fixed),
        earlier=frozenset(earlier),
        declined=frozenset(declined),
    )
    return found


def strand_ids(session: Session, programme_id: int, strand_id: int | None) -> list[int]:
    """One strand of the programme, or by default its one-to-one strands not retired.

    A retired strand is matched only when named (its waitlist keeps its history).

    Raises:
        NotFound: the strand is not part of the programme.
    """
    strands = list(session.scalars(select(Strand).where(Strand.programme_id == programme_id)))
    if strand_id is None:
        return [s.id for s in strands if s.format is StrandFormat.ONE_TO_ONE and not s.retired]
    if strand_id not in {s.id for s in strands}:
        raise NotFound("This strand is not part of the programme.")
    return [strand_id]


def accepted_applications(
    session: Session, strands: Collection[int], *, people: Collection[int] | None = None
) -> list[Application]:
    """The accepted applications to these strands (of these people only, if named)."""
    query = (
        select(Application)
        .where(
            Application.strand_id.in_(strands),
            Application.status == ApplicationStatus.ACCEPTED,
        )
        .options(selectinload(Application.person), selectinload(Application.mentor_choices))
        .order_by(Application.id)
    )
    if people is not None:
        query = query.where(Application.person_id.in_(people))
    return list(session.scalars(query))


def mentor_candidate(person: Person, found: Standing, apps: Collection[Application]) -> Candidate:
    """A mentor as the engine sees them, from their accepted mentor applications (maybe none)."""
    stated = [a.capacity for a in apps if a.capacity is not None]
    return replace(
        _candidate(person, found),
        strands=frozenset(a.strand_id for a in apps),
        paused=person.id in found.paused,
        capacity=found.capacity(person.id, max(stated) if stated else None),
    )


def mentee_candidate(person: Person, found: Standing, apps: Collection[Application]) -> Candidate:
    """A mentee as the engine sees them, from their accepted mentee applications (maybe none)."""
    first = min(apps, key=lambda a: a.id, default=None)
    ranks = [a.waitlist_rank for a in apps if a.waitlist_rank is not None]
    return replace(
        _candidate(person, found),
        strands=frozenset(a.strand_id for a in apps),
        needs=tuple(split_tags(first.development_needs)) if first else (),
        preferred_gender=gender_key(first.preferences) if first else "",
        choices=tuple(c.mentor_id for c in first.mentor_choices) if first else (),
        reporting_line=found.reporting_line(person.id),
        waitlist_rank=min(ranks) if ranks else None,
    )


def load_candidates(
    session: Session,
    programme_id: int,
    strand_id: int | None = None,
    *,
    waitlisted_only: bool = False,
) -> Pool:
    """The accepted mentees still without a mentor and the mentors with places, with the rules.

    Args:
        session: the open transaction.
        programme_id: the programme to match.
        strand_id: one strand only; by default every one-to-one strand (a mentor is
            matched only with mentees of a strand they applied to).
        waitlisted_only: only the mentees on the waitlist.

    People who withdrew their consent are left out.

    Raises:
        NotFound: the programme or strand is not in the file.
    """
    found = standing(session, programme_id)
    mentor_apps: dict[int, list[Application]] = defaultdict(list)
    mentee_apps: dict[int, list[Application]] = defaultdict(list)
    people: dict[int, Person] = {}
    for app in accepted_applications(session, strand_ids(session, programme_id, strand_id)):
        if app.person.consent_withdrawn_on is not None:
            continue  # withdrew their consent: never proposed again until they give it
        people[app.person_id] = app.person
        if app.role is Role.MENTOR:
            mentor_apps[app.person_id].append(app)
        elif app.person_id not in found.paired:
            mentee_apps[app.person_id].append(app)
    mentors = tuple(mentor_candidate(people[p], found, apps) for p, apps in mentor_apps.items())
    mentees = tuple(
        mentee_candidate(people[p], found, apps)
        for p, apps in mentee_apps.items()
        if not waitlisted_only or any(a.waitlist_rank is not None for a in apps)
    )
    return Pool(mentees, mentors, found.rules)


def _candidate(person: Person, found: Standing) -> Candidate:
    stage, _ = found.ladder.resolve(person.stage, person.position)
    return Candidate(
        id=person.id,
        name=person.full_name,
        email=person.email,
        level=stage.level if stage else None,
        track=stage.track if stage else "",
        stage=stage.name if stage else "",
        organisation=found.organisation(person.organisation),
        department=person.department,
        field=person.field,
        expertise=tuple(split_tags(person.expertise)),
        languages=tuple(split_tags(person.languages)),
        gender=gender_key(person.gender),
    )
