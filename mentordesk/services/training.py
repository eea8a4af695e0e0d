"""Training rules: who must complete which training, who has not yet, and inviting them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    TRAINING_KINDS,
    AttendanceStatus,
    EventKind,
    Role,
)
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_change
from mentordesk.services.collation import person_key
from mentordesk.services.events import get_event
from mentordesk.services.programmes import applicants_in
from mentordesk.store.models import (
    Application,
    Attendance,
    Event,
    Person,
    Strand,
    TrainingRequirement,
)


@dataclass(frozen=True)
class Requirement:
    """One rule: people in ``role`` (in ``strand_id``, or any strand) must attend ``kind``."""

    kind: EventKind
    role: Role
    strand_id: int | None = None


@dataclass(frozen=True)
class MissingTraining:
    """Someone who has not yet attended a training they must complete."""

    person_id: int
    name: str
    email: str
    role: Role
    strand: str
    kind: EventKind
    next_event_id: int | None
    next_event_title: str
    next_event_starts_at: dt.datetime | None
    invited_to_next: bool


def set_requirements(session: Session, programme_id: int, rules: list[Requirement]) -> None:
    """Replace the programme's training rules."""
    for rule in rules:
        if rule.kind not in TRAINING_KINDS:
            raise InvalidInput(f"{rule.kind.label} is not a kind of training.")
        if rule.strand_id is not None:
            strand = session.get(Strand, rule.strand_id)
            if strand is None or strand.programme_id != programme_id:
                raise InvalidInput("A training rule names a strand of another programme.")
    session.execute(
        delete(TrainingRequirement).where(TrainingRequirement.programme_id == programme_id)
    )
    for rule in dict.fromkeys(rules):
        session.add(
            TrainingRequirement(
                programme_id=programme_id, kind=rule.kind, role=rule.role, strand_id=rule.strand_id
            )
        )
    session.flush()
    record_change(session, "training rules", "programme", programme_id, f"{len(rules)} rules")


def requirements(session: Session, programme_id: int) -> list[Requirement]:
    """The programme's training rules."""
    rows = session.scalars(
        select(TrainingRequirement)
        .where(TrainingRequirement.programme_id == programme_id)
        .order_by(TrainingRequirement.id)
    )
    return [Requirement(r.kind, r.role, r.strand_id) for r in rows]


def missing_training(
    session: Session, programme_id: int, *, now: dt.datetime | None = None
) -> list[MissingTraining]:
    """Everyone accepted into the programme who has not attended a training required of them.

    A requirement is met by attending any session of that kind in the programme.
    Each line names the next session of that kind still to come, if any.
    """
    now = now or dt.datetime.now(dt.UTC)
    rules = requirements(session, programme_id)
    if not rules:
        return []
    participants = session.execute(
        applicants_in(programme_id, Person, Application.role, Strand.id, Strand.name)
    ).all()
    participants = sorted(participants, key=lambda r: (person_key(r[0]), r[0].id))
    attended = {
        (person_id, kind)
        for person_id, kind in session.execute(
            select(Attendance.person_id, Event.kind)
            .join(Event)
            .where(
                Event.programme_id == programme_id,
                Attendance.status == AttendanceStatus.ATTENDED,
            )
        )
    }
    upcoming: dict[EventKind, Event] = {}
    for event in session.scalars(
        select(Event)
        .where(
            Event.programme_id == programme_id,
            Event.kind.in_(TRAINING_KINDS),
            Event.starts_at > now,
            Event.cancelled.is_(False),
        )
        .order_by(Event.starts_at)
    ):
        upcoming.setdefault(event.kind, event)
    invited = {
        (person_id, event_id)
        for person_id, event_id in session.execute(
            select(Attendance.person_id, Attendance.event_id).where(
                Attendance.event_id.in_([e.id for e in upcoming.values()])
            )
        )
    }
    missing: dict[tuple[int, EventKind], MissingTraining] = {}
    for person, role, strand_id, strand_name in participants:
        for rule in rules:
            applies = rule.role is role and rule.strand_id in (None, strand_id)
            key = (person.id, rule.kind)
            if not applies or (person.id, rule.kind) in attended or key in missing:
                continue
            following = upcoming.get(rule.kind)
            missing[key] = MissingTraining(
                person_id=person.id,
                name=person.full_name,
                email=person.email,
                role=role,
                strand=strand_name,
                kind=rule.kind,
                next_event_id=following.id if following else None,
                next_event_title=following.title if following else "",
                next_event_starts_at=following.starts_at if following else None,
                invited_to_next=bool(following and (person.id, following.id) in invited),
            )
    return list(missing.values())


def invite(session: Session, event_id: int, person_ids: list[int]) -> int:
    """Invite people to an event; those already on its register keep their status.

    Returns:
        How many were newly invited.
    """
    event = get_event(session, event_id)
    if event.cancelled:
        raise InvalidInput(f"“{event.title}” is cancelled: invite people to another session.")
    known = set(session.scalars(select(Person.id).where(Person.id.in_(person_ids))))
    if missing := set(person_ids) - known:
        raise NotFound(f"{len(missing)} of the people to invite are no longer in the file.")
    registered = set(
        session.scalars(select(Attendance.person_id).where(Attendance.event_id == event_id))
    )
    new = [p for p in dict.fromkeys(person_ids) if p not in registered]
    session.add_all(
        Attendance(event_id=event_id, person_id=p, status=AttendanceStatus.INVITED) for p in new
    )
    session.flush()
    if new:
        record_change(session, "invited", "event", event_id, f"{len(new)} people")
    return len(new)


def invite_missing_to_next_sessions(
    session: Session, programme_id: int, *, now: dt.datetime | None = None
) -> int:
    """Invite everyone missing a required training to the next session of that kind.

    Returns:
        How many invitations were added.
    """
    by_event: dict[int, list[int]] = {}
    for line in missing_training(session, programme_id, now=now):
        if line.next_event_id is not None and not line.invited_to_next:
            by_event.setdefault(line.next_event_id, []).append(line.person_id)
    return sum(invite(session, event_id, people) for event_id, people in by_event.items())
