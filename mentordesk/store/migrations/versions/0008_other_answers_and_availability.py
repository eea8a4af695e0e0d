"""Every answer of an application form kept: other answers, availability, value maps.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 09:30:00.000000

A form asks more than MentorDesk has fields for; the answers that go to no field
are kept in the new ``application_answer`` table, in the form's order. New
columns are added in place (``ALTER TABLE … ADD COLUMN``), as in 0006, so no
row is copied and no cascade can fire.

A saved mapping's "ignore" meant "not mapped" until now, and a column that is
not mapped is now kept as other answers: the saved mappings say "other" there,
so the next import with them keeps those answers. "Ignore" from now on is a
coordinator's deliberate choice to leave a column out.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ADD_COLUMNS = (
    "ALTER TABLE application ADD COLUMN availability TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE saved_mapping ADD COLUMN value_map TEXT NOT NULL DEFAULT '{}' "
    "CONSTRAINT ck_saved_mapping_value_map_json CHECK (json_valid(value_map))",
)


def _kept(value: object) -> object:
    """A saved header's fields (one per column of that header), "ignore" read as "other"."""
    if value == "ignore":
        return "other"
    if isinstance(value, list):
        return [_kept(field) for field in value]
    return value


def _kept_not_ignored() -> None:
    """Rewrite each saved mapping's "ignore" (then: not mapped) as "other" (kept)."""
    bind = op.get_bind()
    for mapping_id, columns in bind.exec_driver_sql("SELECT id, columns FROM saved_mapping").all():
        try:
            fields = json.loads(columns)
        except ValueError:
            continue  # the CHECK keeps it valid JSON; nothing to rewrite otherwise
        if not isinstance(fields, dict):
            continue
        kept = {header: _kept(value) for header, value in fields.items()}
        if kept != fields:
            bind.exec_driver_sql(
                "UPDATE saved_mapping SET columns = ? WHERE id = ?",
                (json.dumps(kept, ensure_ascii=False), mapping_id),
            )


def upgrade() -> None:
    op.create_table(
        "application_answer",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=500), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("position >= 1", name=op.f("ck_application_answer_position")),
        sa.CheckConstraint(
            "trim(question) <> ''", name=op.f("ck_application_answer_question_present")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_answer_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_answer")),
        sa.UniqueConstraint(
            "application_id", "position", name=op.f("uq_application_answer_application_id")
        ),
    )
    for statement in _ADD_COLUMNS:
        op.execute(statement)
    _kept_not_ignored()


def downgrade() -> None:
    raise NotImplementedError(
        "MentorDesk files are never downgraded: restore a backup made before the upgrade."
    )
