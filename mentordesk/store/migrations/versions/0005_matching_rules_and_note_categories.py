"""Matching rules, proposal and agreement details of pairings, note categories.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 09:10:00.000000

Columns are added in place (``ALTER TABLE … ADD COLUMN``): the tables they join
are referred to by others, and rebuilding them would cascade-delete children.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ADD_COLUMNS = (
    "ALTER TABLE programme ADD COLUMN field_preference VARCHAR(40) NOT NULL DEFAULT 'none' "
    "CONSTRAINT field_preference CHECK (field_preference IN ('none', 'same', 'different'))",
    "ALTER TABLE programme ADD COLUMN matching_weights TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE pairing ADD COLUMN goals TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE pairing ADD COLUMN confidentiality_agreed BOOLEAN NOT NULL DEFAULT 0",
    "ALTER TABLE pairing ADD COLUMN draft BOOLEAN NOT NULL DEFAULT 0",
    "ALTER TABLE pairing ADD COLUMN mentor_response VARCHAR(40) NOT NULL DEFAULT 'none' "
    "CONSTRAINT mentor_response "
    "CHECK (mentor_response IN ('none', 'accepted', 'declined', 'no_answer'))",
    "ALTER TABLE pairing ADD COLUMN response_due_on DATE",
    "ALTER TABLE pairing ADD COLUMN end_reason VARCHAR(40) CONSTRAINT end_reason "
    "CHECK (end_reason IN ('goals_met', 'no_fault', 'conflict', 'left_institution'))",
    "ALTER TABLE note ADD COLUMN category VARCHAR(40) NOT NULL DEFAULT 'general' "
    "CONSTRAINT note_category "
    "CHECK (category IN ('general', 'concern', 'mediation', 'follow_up'))",
    "ALTER TABLE note ADD COLUMN follow_up_on DATE",
)


def upgrade() -> None:
    op.create_table(
        "pair_rule",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "blocked",
                "fixed",
                name="pair_rule_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("mentor_id <> mentee_id", name=op.f("ck_pair_rule_different_people")),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_pair_rule_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["person.id"],
            name=op.f("fk_pair_rule_mentor_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mentee_id"],
            ["person.id"],
            name=op.f("fk_pair_rule_mentee_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pair_rule")),
        sa.UniqueConstraint(
            "programme_id", "mentor_id", "mentee_id", name="uq_pair_rule_programme_id_pair"
        ),
    )
    for statement in _ADD_COLUMNS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError(
        "MentorDesk files are never downgraded: restore a backup made before the upgrade."
    )
