"""Alembic environment: migrations always run on the open, unlocked connection."""

from alembic import context

from mentordesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs alembic by hand
    raise RuntimeError(
        "MentorDesk migrations run on an open programme file, not from the command line."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
