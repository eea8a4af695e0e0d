"""Events for calendars and training rules: links, facilitators, audiences, series, RSVPs.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 08:25:55.759833

Columns are added with plain ``ALTER TABLE … ADD COLUMN``, never by rebuilding the
table (Alembic's batch mode): with foreign keys on, dropping the old ``event``
table would cascade and delete every attendance record.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_KINDS = (
    "orientation",
    "mentor_training",
    "workshop",
    "kick_off",
    "networking",
    "closing",
    "deadline",
    "other",
)


def upgrade() -> None:
    op.create_table(
        "training_requirement",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                *EVENT_KINDS,
                name="requirement_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "role",
            sa.Enum(
                "mentor",
                "mentee",
                name="requirement_role",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("strand_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_training_requirement_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["strand_id"],
            ["strand.id"],
            name=op.f("fk_training_requirement_strand_id_strand"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_requirement")),
        sa.UniqueConstraint(
            "programme_id",
            "kind",
            "role",
            "strand_id",
            name=op.f("uq_training_requirement_programme_id"),
        ),
    )
    for statement in (
        "ALTER TABLE attendance ADD COLUMN rsvp VARCHAR(40) NOT NULL DEFAULT 'no_reply' "
        "CONSTRAINT rsvp CHECK (rsvp IN ('no_reply', 'accepted', 'tentative', 'declined'))",
        "ALTER TABLE event ADD COLUMN online_link VARCHAR(500) NOT NULL DEFAULT ''",
        "ALTER TABLE event ADD COLUMN facilitator VARCHAR(200) NOT NULL DEFAULT ''",
        "ALTER TABLE event ADD COLUMN audience VARCHAR(40) NOT NULL DEFAULT 'everyone' "
        "CONSTRAINT audience "
        "CHECK (audience IN ('everyone', 'mentors', 'mentees', 'strand', 'chosen'))",
        "ALTER TABLE event ADD COLUMN audience_strand_id INTEGER "
        "CONSTRAINT fk_event_audience_strand_id_strand "
        "REFERENCES strand (id) ON DELETE SET NULL "
        "CONSTRAINT ck_event_audience_strand "
        "CHECK (audience_strand_id IS NULL OR audience = 'strand')",
        "ALTER TABLE event ADD COLUMN cancelled BOOLEAN NOT NULL DEFAULT 0",
        "ALTER TABLE event ADD COLUMN series_id VARCHAR(100)",
    ):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError(
        "MentorDesk files are never downgraded: open them with the newer MentorDesk, "
        "or restore a backup made before the upgrade."
    )
