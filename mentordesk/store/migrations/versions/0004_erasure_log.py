"""Erasure log; distinct names for mentor_choice's two unique constraints.

The erasure log records which person ids were erased and when, for re-applying
after a restore. Revision 0001 gave both unique constraints of mentor_choice the
same name, which makes comparing the schema with the models unreliable; the
table is rebuilt with distinct names. Rebuilding is safe for this table only
because no other table refers to it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "erasure",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure")),
    )
    op.create_table(
        "mentor_choice_rebuilt",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("rank >= 1", name=op.f("ck_mentor_choice_rank")),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_mentor_choice_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["person.id"],
            name=op.f("fk_mentor_choice_mentor_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_choice")),
        sa.UniqueConstraint(
            "application_id", "mentor_id", name=op.f("uq_mentor_choice_application_id_mentor_id")
        ),
        sa.UniqueConstraint(
            "application_id", "rank", name=op.f("uq_mentor_choice_application_id_rank")
        ),
    )
    op.execute(
        "INSERT INTO mentor_choice_rebuilt (application_id, mentor_id, rank, id, created_at, "
        "updated_at) SELECT application_id, mentor_id, rank, id, created_at, updated_at "
        "FROM mentor_choice"
    )
    op.drop_table("mentor_choice")
    op.rename_table("mentor_choice_rebuilt", "mentor_choice")


def downgrade() -> None:
    raise NotImplementedError(
        "MentorDesk files are never downgraded: restore a backup made before the upgrade."
    )
