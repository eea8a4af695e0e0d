"""The audit trail: what changed and when, never the confidential text itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.store.models import (
    Application,
    AuditEntry,
    Base,
    Event,
    Pairing,
    Person,
    Programme,
    Strand,
    Survey,
    SurveyResponse,
)

#: What each kind of entry is about, as the audit viewer names it.
ENTITY_LABELS = {
    "person": "Person",
    "application": "Application",
    "applications": "Applications (import)",
    "pairing": "Pairing",
    "event": "Event",
    "note": "Note",
    "programme": "Programme",
    "mapping": "Column mapping",
    "people": "People (retention)",
    "file": "File",
}


@dataclass(frozen=True)
class AuditRow:
    """One entry of the audit trail, as the viewer lists it.

    Attributes:
        at: when (UTC, timezone-aware).
        action: what was done ("created", "erased", "consent withdrawn", …).
        entity: the kind of record ("person", "pairing", …).
        entity_id: which one, if one.
        subject: who or what it is now, in words ("" when gone or not named:
            an erased person, a note).
        summary: details recorded with it (never the text of a note).
    """

    entry_id: int
    at: dt.datetime
    action: str
    entity: str
    entity_id: int | None
    subject: str
    summary: str

    @property
    def entity_label(self) -> str:
        """The kind of record in words."""
        return ENTITY_LABELS.get(self.entity, self.entity.capitalize())


def record_change(
    session: Session, action: str, entity: str, entity_id: int | None, summary: str = ""
) -> None:
    """Add an audit entry; ``summary`` must name no confidential content."""
    session.add(
        AuditEntry(action=action, entity=entity, entity_id=entity_id, summary=summary[:300])
    )


def record_added(session: Session, record: Base, entity: str, summary: str = "") -> int:
    """Add a new record, audit that it was created and return its id.

    ``summary`` must name no confidential content.
    """
    session.add(record)
    session.flush()
    record_change(session, "created", entity, record.id, summary)
    return record.id


def record_edited(
    session: Session, record: Base, values: Mapping[str, object], entity: str, summary: str = ""
) -> None:
    """Write checked ``values`` onto a record and audit that it was edited, never what it says.

    ``summary`` must name no confidential content.
    """
    for name, value in values.items():
        setattr(record, name, value)
    record_change(session, "edited", entity, record.id, summary)


def _moment(value: dt.date | dt.datetime, *, end: bool = False) -> dt.datetime:
    """A bound of a period: a datetime as it is, a day from its start (UTC) or to its end."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    start = dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)
    return start + dt.timedelta(days=1) if end else start


def audit_rows(
    session: Session,
    *,
    entity: str | None = None,
    action: str | None = None,
    since: dt.date | dt.datetime | None = None,
    until: dt.date | dt.datetime | None = None,
    text: str | None = None,
) -> list[AuditRow]:
    """The audit trail, newest first, filtered.

    Args:
        session: the open transaction.
        entity: only entries about this kind of record ("person", "pairing", …).
        action: only this action.
        since: from this moment (a day counts from its start, UTC).
        until: up to this moment (a day counts to its end, UTC).
        text: only entries whose action, kind, subject or details contain it (any case).
    """
    query = select(AuditEntry)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if action:
        query = query.where(AuditEntry.action == action)
    if since is not None:
        query = query.where(AuditEntry.at >= _moment(since))
    if until is not None:
        query = query.where(AuditEntry.at < _moment(until, end=True))
    entries = session.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())).all()
    subjects = _subjects(session, ((e.entity, e.entity_id) for e in entries))
    rows = [
        AuditRow(
            e.id,
            e.at,
            e.action,
            e.entity,
            e.entity_id,
            subjects.get((e.entity, e.entity_id), ""),
            e.summary,
        )
        for e in entries
    ]
    words = (text or "").casefold().split()
    if words:
        rows = [r for r in rows if all(w in _search_text(r) for w in words)]
    return rows


def _search_text(row: AuditRow) -> str:
    return " ".join((row.action, row.entity_label, row.subject, row.summary)).casefold()


def audit_actions(session: Session) -> list[str]:
    """The actions the trail holds, for the viewer's filter."""
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def audit_entities(session: Session) -> list[str]:
    """The kinds of record the trail holds, for the viewer's filter."""
    return list(session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)))


def _subjects(
    session: Session, keys: Iterable[tuple[str, int | None]]
) -> dict[tuple[str, int | None], str]:
    """Who or what each entry is about now, looked up once per kind of record."""
    wanted: dict[str, set[int]] = {}
    for entity, entity_id in keys:
        if entity_id is not None:
            wanted.setdefault(entity, set()).add(entity_id)
    found: dict[tuple[str, int | None], str] = {}

    def add(entity: str, rows: Iterable[tuple[int, str]]) -> None:
        found.update({(entity, i): name for i, name in rows})

    for entity, ids in wanted.items():
        chunks = [sorted(ids)[i : i + 500] for i in range(0, len(ids), 500)]
        for chunk in chunks:
            if entity == "person":
                people = session.execute(
                    select(Person.id, Person.first_name, Person.last_name).where(
                        Person.id.in_(chunk)
                    )
                )
                add(entity, ((i, f"{f} {last}".strip()) for i, f, last in people))
            elif entity == "application":
                applications = session.execute(
                    select(Application.id, Person.first_name, Person.last_name, Strand.name)
                    .join(Person, Application.person_id == Person.id)
                    .join(Strand, Application.strand_id == Strand.id)
                    .where(Application.id.in_(chunk))
                )
                add(entity, ((i, f"{f} {la} ({s})".strip()) for i, f, la, s in applications))
            elif entity == "pairing":
                pairings = session.execute(
                    select(Pairing.id, Person.first_name, Person.last_name, Strand.name)
                    .join(Person, Pairing.mentor_id == Person.id)
                    .join(Strand, Pairing.strand_id == Strand.id)
                    .where(Pairing.id.in_(chunk))
                )
                add(entity, ((i, f"mentor {f} {la} ({s})") for i, f, la, s in pairings))
            elif entity == "event":
                add(
                    entity,
                    session.execute(select(Event.id, Event.title).where(Event.id.in_(chunk))),
                )
            elif entity == "survey":
                add(
                    entity,
                    session.execute(select(Survey.id, Survey.title).where(Survey.id.in_(chunk))),
                )
            elif entity == "survey response":
                responses = session.execute(
                    select(SurveyResponse.id, Person.first_name, Person.last_name)
                    .join(Person, SurveyResponse.person_id == Person.id)
                    .where(SurveyResponse.id.in_(chunk))
                )
                add(entity, ((i, f"{f} {la}".strip()) for i, f, la in responses))
            elif entity == "programme":
                add(
                    entity,
                    session.execute(
                        select(Programme.id, Programme.name).where(Programme.id.in_(chunk))
                    ),
                )
    return found
