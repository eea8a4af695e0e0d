"""Next year's programme from this year's, and the people who took part in the years before.

A copy keeps how the programme is run — settings, strands still in use, career
stages, matching rules, training rules, message wording, survey questions — and
none of who took part: no applications, pairings, events, notes or answers. It
remembers the programme it was copied from, so that the copies of a scheme form a
chain: its alumni are everyone who took part in the programmes before it, and
matching never proposes a pair that met in any other programme of the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicationStatus,
    MentorResponse,
    PairingStatus,
    PairRuleKind,
    Role,
)
from mentordesk.formats.text import plural
from mentordesk.services.audit import record_change
from mentordesk.services.collation import person_key, sort_key
from mentordesk.services.programme_templates import ProgrammeInput
from mentordesk.services.programmes import (
    StrandInput,
    add_months,
    create_programme,
    get_programme,
    programme_settings,
)
from mentordesk.store.models import (
    Application,
    MessageTemplate,
    Pairing,
    PairRule,
    Person,
    Programme,
    Strand,
    Survey,
    SurveyItem,
    TrainingRequirement,
)

#: A published proposal's outcome says the mentor's answer: "Proposed, mentor accepted".
_PROPOSAL_ANSWERS = {
    MentorResponse.NONE: "no answer yet",
    MentorResponse.ACCEPTED: "mentor accepted",
    MentorResponse.DECLINED: "mentor declined",
    MentorResponse.NO_ANSWER: "mentor did not answer",
}


@dataclass(frozen=True)
class AlumnusRow:
    """Someone who took part in an earlier programme of the chain, and how it went.

    Attributes:
        programme: the earlier programme's name.
        role: mentor or mentee.
        strand: the strand they took part in.
        outcome: each pairing's status with the partner ("Completed with Ada
            Lovelace", "Ended early with John Smith (conflict)"; a proposal with
            the mentor's answer: "Proposed with John Smith, mentor accepted";
            "Declined a proposal", "Proposal declined by the mentor"), several
            joined, the most meaningful first ("Active with John Smith;
            declined a proposal"), or "Accepted, not paired" for an accepted
            applicant with no pairing.
    """

    person_id: int
    name: str
    email: str
    programme_id: int
    programme: str
    role: Role
    strand: str
    outcome: str


def _mover(old_start: dt.date | None, new_start: dt.date | None) -> Callable[[dt.date], dt.date]:
    """How the copy's dates move: by a year, or so that the programme starts on ``new_start``.

    A new start on the same day of the month moves every date by whole months, as
    a duration does (1 June 2026 to 1 June 2027 moves 1 June 2027 to 1 June 2028,
    not to 31 May across a 29 February); any other start moves them by its days.
    """
    if new_start is None or old_start is None:
        return lambda day: add_months(day, 12)
    if new_start.day == old_start.day:
        months = (new_start.year - old_start.year) * 12 + new_start.month - old_start.month
        return lambda day: add_months(day, months)
    delta = new_start - old_start
    return lambda day: day + delta


def _derived_end(settings: ProgrammeInput) -> bool:
    """Whether the programme ends its duration after its start, as New programme ends it."""
    start, months = settings.starts_on, settings.duration_months
    return bool(start and months and settings.ends_on == add_months(start, months))


def copy_programme(
    session: Session, programme_id: int, new_name: str, starts_on: dt.date | None = None
) -> int:
    """Make next year's programme from this one and return its id.

    Copied: the settings (dates moved a year on, or so that it starts on
    ``starts_on``; an end the duration gave is the new start plus the duration,
    as New programme gives it), the strands not retired, the career stages, the matching
    rules and weights and blocked pairs, the training rules, the programme's own
    message wording and its survey questions. Not copied: applications,
    pairings, events, notes, messages sent and survey answers.

    Raises:
        NotFound: the programme is no longer in the file.
        Conflict: a programme called ``new_name`` exists.
        InvalidInput: the new name is empty or too long.
    """
    source = get_programme(session, programme_id)
    settings = programme_settings(session, programme_id)
    move = _mover(source.starts_on, starts_on)

    def moved(day: dt.date | None) -> dt.date | None:
        return None if day is None else move(day)

    data = replace(
        settings,
        name=new_name,
        template="",
        starts_on=starts_on or moved(settings.starts_on),
        # An end the duration gave is given again from the new start, by create_programme.
        ends_on=None if _derived_end(settings) else moved(settings.ends_on),
        applications_open_on=moved(settings.applications_open_on),
        applications_close_on=moved(settings.applications_close_on),
        strands=[
            StrandInput(s.name, s.format, s.places, s.description)
            for s in settings.strands
            if not s.retired
        ],
    )
    new_id = create_programme(session, data)
    copy = get_programme(session, new_id)
    copy.template = source.template
    copy.copied_from_id = source.id
    copy.matching_weights = source.matching_weights
    copy.min_group_size = source.min_group_size
    copy.retention_years = source.retention_years
    _copy_rules(session, source, copy)
    _copy_wording(session, source.id, new_id)
    session.flush()
    record_change(session, "copied", "programme", new_id, f"from {source.name}")
    return new_id


def _copy_rules(session: Session, source: Programme, copy: Programme) -> None:
    """Training rules (of the strands copied) and blocked pairs."""
    strands = {s.name: s.id for s in copy.strands}
    names = {s.id: s.name for s in source.strands}
    for rule in session.scalars(
        select(TrainingRequirement).where(TrainingRequirement.programme_id == source.id)
    ):
        if rule.strand_id is not None and names.get(rule.strand_id) not in strands:
            continue
        session.add(
            TrainingRequirement(
                programme_id=copy.id,
                kind=rule.kind,
                role=rule.role,
                strand_id=None if rule.strand_id is None else strands[names[rule.strand_id]],
            )
        )
    # A fixed pair was for that year's cohort; a blocked pair (a conflict of interest) stays.
    for pair in session.scalars(
        select(PairRule).where(
            PairRule.programme_id == source.id, PairRule.kind == PairRuleKind.BLOCKED
        )
    ):
        session.add(
            PairRule(
                programme_id=copy.id,
                mentor_id=pair.mentor_id,
                mentee_id=pair.mentee_id,
                kind=pair.kind,
                reason=pair.reason,
            )
        )


def _copy_wording(session: Session, source_id: int, copy_id: int) -> None:
    """The programme's own message wording, and its surveys' questions without answers."""
    for template in session.scalars(
        select(MessageTemplate).where(MessageTemplate.programme_id == source_id)
    ):
        session.add(
            MessageTemplate(
                programme_id=copy_id,
                key=template.key,
                subject=template.subject,
                body=template.body,
            )
        )
    for survey in session.scalars(select(Survey).where(Survey.programme_id == source_id)):
        session.add(
            Survey(
                programme_id=copy_id,
                kind=survey.kind,
                title=survey.title,
                role=survey.role,
                description=survey.description,
                day=survey.day,
                items=[
                    SurveyItem(
                        position=item.position,
                        code=item.code,
                        text=item.text,
                        answer_type=item.answer_type,
                        area=item.area,
                    )
                    for item in survey.items
                ],
            )
        )


def earlier_programmes(session: Session, programme_id: int) -> list[Programme]:
    """The programmes this one was copied from, the latest first."""
    chain: list[Programme] = []
    current = get_programme(session, programme_id).copied_from_id
    while current is not None and current != programme_id:
        programme = session.get(Programme, current)
        if programme is None or programme in chain:
            break
        chain.append(programme)
        current = programme.copied_from_id
    return chain


#: How much an outcome says about someone's year, the most first (a declined proposal least).
_RANK = {
    PairingStatus.COMPLETED: 0,
    PairingStatus.ACTIVE: 1,
    PairingStatus.EXTENDED: 1,
    PairingStatus.PAUSED: 1,
    PairingStatus.INTRODUCED: 2,
    PairingStatus.PROPOSED: 3,
    PairingStatus.ENDED_EARLY: 4,
    PairingStatus.REMATCHED: 5,
}
_DECLINED_RANK = 6
#: Partners named in a joined outcome before "and N others".
_NAMED = 3


@dataclass(frozen=True)
class _Part:
    """One pairing as one person's outcome: how meaningful, its words, with whom."""

    rank: int
    status: str
    detail: str
    partner: str

    def joined(self) -> str:
        return f"{self.status} with {self.partner}{self.detail}"


def _declined(pairing: Pairing) -> bool:
    """A proposal the mentor declined: stored as ended early with the mentor's answer declined."""
    return (
        pairing.status is PairingStatus.ENDED_EARLY
        and pairing.mentor_response is MentorResponse.DECLINED
    )


def _part(pairing: Pairing, role: Role) -> _Part:
    """What one pairing was for its mentor, or for one of its mentees."""
    if role is Role.MENTOR:
        names = sorted((m.person.full_name for m in pairing.members), key=sort_key)
        if len(names) > _NAMED:
            names = [*names[: _NAMED - 1], plural(len(names) - _NAMED + 1, "other")]
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
        partner = pairing.name or listed
    else:
        partner = pairing.mentor.full_name
    if _declined(pairing):
        return _Part(_DECLINED_RANK, "", "", partner)
    detail = ""
    if pairing.status is PairingStatus.ENDED_EARLY and pairing.end_reason is not None:
        detail = f" ({pairing.end_reason.label.lower()})"
    elif pairing.status is PairingStatus.PROPOSED:
        detail = f", {_PROPOSAL_ANSWERS[pairing.mentor_response]}"
    return _Part(_RANK[pairing.status], pairing.status.label, detail, partner)


def _outcome(parts: list[_Part], role: Role) -> str:
    """Someone's outcome in one strand: the most meaningful first, each pairing said once.

    Each pairing names its partner, one alone as several ("Active with John
    Smith"; "Completed with Ada Lovelace; declined a proposal"), the proposals
    the mentor declined last, said without a name.
    """
    ordered = sorted(parts, key=lambda part: part.rank)
    kept = [part for part in ordered if part.rank != _DECLINED_RANK]
    declines = len(ordered) - len(kept)
    if role is Role.MENTOR:
        declined = "declined " + ("a proposal" if declines == 1 else plural(declines, "proposal"))
    elif declines == 1:
        declined = (
            "proposal declined by the mentor" if not kept else "a proposal declined by its mentor"
        )
    else:
        declined = f"{plural(declines, 'proposal')} declined by their mentors"
    said = [part.joined() for part in kept] + ([declined] if declines else [])
    text = "; ".join(said[:1] + [s[:1].lower() + s[1:] for s in said[1:]])
    return text[:1].upper() + text[1:]


def alumni(session: Session, programme_id: int) -> list[AlumnusRow]:
    """Everyone who took part in the programmes this one was copied from, with the outcome.

    Taking part is an accepted application, or a place in a published pairing. The
    latest programme comes first; in each, people by last name, mentors first.
    Someone with several pairings in a strand has them all in one outcome, the
    most meaningful first (see ``_outcome``); a mentee whose proposed mentor
    declined reads "Proposal declined by the mentor", not "Ended early".

    Raises:
        NotFound: the programme is no longer in the file.
    """
    chain = earlier_programmes(session, programme_id)
    order = {p.id: number for number, p in enumerate(chain)}
    names = {p.id: p.name for p in chain}
    # (programme, person, role, strand) → what each of their pairings was for them.
    parts: dict[tuple[int, int, Role, str], list[_Part]] = {}
    pairings = session.scalars(
        select(Pairing)
        .join(Strand, Strand.id == Pairing.strand_id)
        .where(Strand.programme_id.in_(list(order)), Pairing.draft.is_(False))
        .order_by(Pairing.id)
    )
    for pairing in pairings:
        where = (pairing.strand.programme_id, pairing.strand.name)
        key = (where[0], pairing.mentor_id, Role.MENTOR, where[1])
        parts.setdefault(key, []).append(_part(pairing, Role.MENTOR))
        for member in pairing.members:
            key = (where[0], member.person_id, Role.MENTEE, where[1])
            parts.setdefault(key, []).append(_part(pairing, Role.MENTEE))
    found = {key: _outcome(said, key[2]) for key, said in parts.items()}
    accepted = session.execute(
        select(Strand.programme_id, Application.person_id, Application.role, Strand.name)
        .join(Strand, Strand.id == Application.strand_id)
        .where(
            Strand.programme_id.in_(list(order)), Application.status == ApplicationStatus.ACCEPTED
        )
    )
    for programme, person, role, strand in accepted:
        found.setdefault((programme, person, role, strand), "Accepted, not paired")
    people = {
        p.id: p for p in session.scalars(select(Person).where(Person.id.in_({k[1] for k in found})))
    }
    rows = [
        AlumnusRow(
            person_id,
            people[person_id].full_name,
            people[person_id].email,
            programme,
            names[programme],
            role,
            strand,
            outcome,
        )
        for (programme, person_id, role, strand), outcome in found.items()
        if person_id in people
    ]
    return sorted(
        rows,
        key=lambda r: (
            order[r.programme_id],
            r.role is not Role.MENTOR,
            person_key(people[r.person_id]),
            r.strand,
        ),
    )
