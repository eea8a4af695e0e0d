"""Saved column mappings for importing applications.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:12:05.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "saved_mapping",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("trim(name) <> ''", name=op.f("ck_saved_mapping_name_present")),
        sa.CheckConstraint("json_valid(columns)", name=op.f("ck_saved_mapping_columns_json")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_mapping")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_mapping_name")),
    )


def downgrade() -> None:
    op.drop_table("saved_mapping")
