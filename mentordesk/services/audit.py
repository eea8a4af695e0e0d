"""The audit trail: what changed and when, never the confidential text itself."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mentordesk.store.models import AuditEntry


def record_change(
    session: Session, action: str, entity: str, entity_id: int | None, summary: str = ""
) -> None:
    """Add an audit entry; ``summary`` must name no confidential content."""
    session.add(
        AuditEntry(action=action, entity=entity, entity_id=entity_id, summary=summary[:300])
    )
