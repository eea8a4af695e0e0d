"""Surveys with items and answers, message templates and log, waitlist, retention, consent.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:10:00.000000

New columns are added in place (``ALTER TABLE … ADD COLUMN``), as in 0005. The
lists of allowed values of three existing columns grow (pairing statuses
*extended* and *re-matched*, the check-in outcome *at risk*, two survey kinds):
only the CHECK constraint's text changes, which SQLite lets a migration edit in
the stored schema without rebuilding the table, so no row is copied and no
cascade can fire.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ADD_COLUMNS = (
    "ALTER TABLE programme ADD COLUMN logo BLOB",
    "ALTER TABLE programme ADD COLUMN min_group_size INTEGER NOT NULL DEFAULT 5 "
    "CONSTRAINT ck_programme_min_group_size CHECK (min_group_size >= 1)",
    "ALTER TABLE programme ADD COLUMN retention_years INTEGER "
    "CONSTRAINT ck_programme_retention CHECK (retention_years IS NULL OR retention_years >= 0)",
    "ALTER TABLE person ADD COLUMN consent_withdrawn_on DATE",
    "ALTER TABLE application ADD COLUMN waitlist_rank INTEGER",
    "ALTER TABLE pairing ADD COLUMN override_reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE survey_response ADD COLUMN survey_id INTEGER "
    "CONSTRAINT fk_survey_response_survey_id_survey REFERENCES survey (id) ON DELETE CASCADE",
    "ALTER TABLE survey_response ADD COLUMN source VARCHAR(300) NOT NULL DEFAULT 'typed in'",
)

# (table, the allowed-values list as 0001 wrote it, the list it becomes)
_WIDENED_CHECKS = (
    (
        "pairing",
        "status IN ('proposed', 'introduced', 'active', 'paused', 'completed', 'ended_early')",
        "status IN ('proposed', 'introduced', 'active', 'paused', 'completed', 'ended_early', "
        "'extended', 'rematched')",
    ),
    (
        "check_in",
        "outcome IN ('on_track', 'needs_support', 'no_contact', 'ending')",
        "outcome IN ('on_track', 'needs_support', 'no_contact', 'at_risk', 'ending')",
    ),
    (
        "survey_response",
        "kind IN ('pre', 'post', 'feedback')",
        "kind IN ('pre', 'post', 'feedback', 'pulse', 'self_assessment')",
    ),
)


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _widen_checks() -> None:
    """Let the listed columns take their new values, by editing only the CHECK's text."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for table, old, new in _WIDENED_CHECKS:
            sql = bind.exec_driver_sql(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", (table,)
            ).scalar_one()
            if sql.count(old) != 1:
                raise RuntimeError(f"The {table} table is not as revision 0005 left it.")
            bind.exec_driver_sql(
                "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
                (sql.replace(old, new), table),
            )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    op.create_table(
        "survey",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum("survey_kind", "pre", "post", "feedback", "pulse", "self_assessment"),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("role", _enum("survey_role", "mentor", "mentee"), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        *_stamps(),
        sa.CheckConstraint("trim(title) <> ''", name=op.f("ck_survey_title_present")),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_survey_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey")),
        sa.UniqueConstraint("programme_id", "title", name=op.f("uq_survey_programme_id")),
    )
    op.create_table(
        "survey_item",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column(
            "answer_type", _enum("survey_item_type", "likert", "yes_no", "text"), nullable=False
        ),
        sa.Column("area", sa.String(length=120), nullable=False),
        *_stamps(),
        sa.CheckConstraint("trim(code) <> ''", name=op.f("ck_survey_item_code_present")),
        sa.CheckConstraint("trim(text) <> ''", name=op.f("ck_survey_item_text_present")),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["survey.id"],
            name=op.f("fk_survey_item_survey_id_survey"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_item")),
        sa.UniqueConstraint("survey_id", "code", name=op.f("uq_survey_item_survey_id")),
    )
    op.create_table(
        "survey_answer",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        *_stamps(),
        sa.CheckConstraint(
            "number IS NULL OR number BETWEEN 0 AND 5", name=op.f("ck_survey_answer_number")
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["survey_response.id"],
            name=op.f("fk_survey_answer_response_id_survey_response"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["survey_item.id"],
            name=op.f("fk_survey_answer_item_id_survey_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answer")),
        sa.UniqueConstraint("response_id", "item_id", name=op.f("uq_survey_answer_response_id")),
    )
    op.create_table(
        "message_template",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_message_template_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_template")),
        sa.UniqueConstraint("programme_id", "key", name=op.f("uq_message_template_programme_id")),
    )
    op.create_table(
        "message_log",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("template_key", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("prepared_at", sa.DateTime(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("pairing_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_message_log_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_message_log_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pairing_id"],
            ["pairing.id"],
            name=op.f("fk_message_log_pairing_id_pairing"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_message_log_event_id_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_log")),
    )
    for statement in _ADD_COLUMNS:
        op.execute(statement)
    _widen_checks()


def downgrade() -> None:
    raise NotImplementedError(
        "MentorDesk files are never downgraded: restore a backup made before the upgrade."
    )
