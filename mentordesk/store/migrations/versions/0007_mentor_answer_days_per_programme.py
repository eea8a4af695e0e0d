"""How many days mentors have to answer a proposal, as a rule of each programme.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 12:05:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE programme ADD COLUMN response_days INTEGER NOT NULL DEFAULT 7 "
        "CONSTRAINT ck_programme_response_days CHECK (response_days BETWEEN 1 AND 90)"
    )


def downgrade() -> None:
    raise NotImplementedError(
        "MentorDesk files are never downgraded: restore a backup made before the upgrade."
    )
