"""The first programme file: every table of the domain model.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 07:42:33.981791
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_table(
        "file_info",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_info")),
        sa.UniqueConstraint("key", name=op.f("uq_file_info_key")),
    )
    op.create_table(
        "person",
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column(
            "grade",
            sa.Enum(
                "doctoral_candidate",
                "research_assistant",
                "postdoctoral_researcher",
                "research_scientist",
                "assistant_professor",
                "associate_professor",
                "professor",
                "professional_staff",
                name="grade",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column(
            "contract_type",
            sa.Enum(
                "permanent",
                "fixed_term",
                "student",
                "other",
                name="contract_type",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("field", sa.String(length=200), nullable=False),
        sa.Column("expertise", sa.Text(), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("gender", sa.String(length=60), nullable=False),
        sa.Column("line_manager_id", sa.Integer(), nullable=True),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("trim(email) <> ''", name=op.f("ck_person_email_present")),
        sa.CheckConstraint(
            "trim(first_name) <> '' OR trim(last_name) <> ''", name=op.f("ck_person_name_present")
        ),
        sa.CheckConstraint(
            "line_manager_id IS NULL OR line_manager_id <> id", name=op.f("ck_person_own_manager")
        ),
        sa.ForeignKeyConstraint(
            ["line_manager_id"],
            ["person.id"],
            name=op.f("fk_person_line_manager_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    # Emails are unique whatever their case.
    op.create_index("uq_person_email_nocase", "person", [sa.text("lower(email)")], unique=True)
    op.create_table(
        "programme",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("applications_open_on", sa.Date(), nullable=True),
        sa.Column("applications_close_on", sa.Date(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("max_mentees_per_mentor", sa.Integer(), nullable=True),
        sa.Column("max_grade_gap", sa.Integer(), nullable=True),
        sa.Column("duration_months", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "duration_months IS NULL OR duration_months > 0", name=op.f("ck_programme_duration")
        ),
        sa.CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on",
            name=op.f("ck_programme_dates"),
        ),
        sa.CheckConstraint(
            "max_grade_gap IS NULL OR max_grade_gap >= 0", name=op.f("ck_programme_grade_gap")
        ),
        sa.CheckConstraint(
            "max_mentees_per_mentor IS NULL OR max_mentees_per_mentor > 0",
            name=op.f("ck_programme_max_mentees"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
        sa.UniqueConstraint("name", name=op.f("uq_programme_name")),
    )
    op.create_table(
        "event",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "orientation",
                "mentor_training",
                "workshop",
                "kick_off",
                "networking",
                "closing",
                "deadline",
                "other",
                name="event_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("uid", sa.String(length=100), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("trim(title) <> ''", name=op.f("ck_event_title_present")),
        sa.CheckConstraint("capacity IS NULL OR capacity > 0", name=op.f("ck_event_capacity")),
        sa.CheckConstraint("ends_at >= starts_at", name=op.f("ck_event_times")),
        sa.CheckConstraint("sequence >= 0", name=op.f("ck_event_sequence")),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_event_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("uid", name=op.f("uq_event_uid")),
    )
    op.create_table(
        "strand",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "format",
            sa.Enum(
                "one_to_one",
                "group",
                name="strand_format",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("places", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("places IS NULL OR places >= 0", name=op.f("ck_strand_places")),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_strand_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strand")),
        sa.UniqueConstraint("programme_id", "name", name=op.f("uq_strand_programme_id")),
    )
    op.create_table(
        "application",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("strand_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "mentor",
                "mentee",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "shortlisted",
                "accepted",
                "waitlisted",
                "declined",
                "withdrawn",
                name="application_status",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("development_needs", sa.Text(), nullable=False),
        sa.Column("preferences", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "capacity IS NULL OR role = 'mentor'", name=op.f("ck_application_capacity_for_mentors")
        ),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity >= 0", name=op.f("ck_application_capacity")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_application_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["strand_id"],
            ["strand.id"],
            name=op.f("fk_application_strand_id_strand"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint(
            "person_id", "strand_id", "role", name=op.f("uq_application_person_id")
        ),
    )
    op.create_table(
        "attendance",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "invited",
                "registered",
                "attended",
                "absent",
                "excused",
                name="attendance_status",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("minutes_attended", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "minutes_attended IS NULL OR minutes_attended >= 0", name=op.f("ck_attendance_minutes")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_attendance_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_attendance_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("event_id", "person_id", name=op.f("uq_attendance_event_id")),
    )
    op.create_table(
        "pairing",
        sa.Column("strand_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "introduced",
                "active",
                "paused",
                "completed",
                "ended_early",
                name="pairing_status",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("proposed_on", sa.Date(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("match_score", sa.Double(), nullable=True),
        sa.Column("match_explanation", sa.Text(), nullable=False),
        sa.Column("meeting_frequency", sa.String(length=120), nullable=False),
        sa.Column("meeting_length", sa.String(length=120), nullable=False),
        sa.Column("meeting_venue", sa.String(length=200), nullable=False),
        sa.Column("contact_between_meetings", sa.String(length=200), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on",
            name=op.f("ck_pairing_dates"),
        ),
        sa.CheckConstraint(
            "match_score IS NULL OR (match_score >= 0 AND match_score <= 100)",
            name=op.f("ck_pairing_score"),
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["person.id"],
            name=op.f("fk_pairing_mentor_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["strand_id"],
            ["strand.id"],
            name=op.f("fk_pairing_strand_id_strand"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing")),
    )
    op.create_table(
        "check_in",
        sa.Column("pairing_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "on_track",
                "needs_support",
                "no_contact",
                "ending",
                name="check_in_outcome",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pairing_id"],
            ["pairing.id"],
            name=op.f("fk_check_in_pairing_id_pairing"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_in")),
    )
    op.create_table(
        "mentor_choice",
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
            "application_id", "mentor_id", name=op.f("uq_mentor_choice_application_id")
        ),
        sa.UniqueConstraint("application_id", "rank", name=op.f("uq_mentor_choice_application_id")),
    )
    op.create_table(
        "note",
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("pairing_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(person_id IS NULL) <> (pairing_id IS NULL)", name=op.f("ck_note_one_subject")
        ),
        sa.ForeignKeyConstraint(
            ["pairing_id"],
            ["pairing.id"],
            name=op.f("fk_note_pairing_id_pairing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_note_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    op.create_table(
        "pairing_member",
        sa.Column("pairing_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pairing_id"],
            ["pairing.id"],
            name=op.f("fk_pairing_member_pairing_id_pairing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_pairing_member_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_member")),
        sa.UniqueConstraint("pairing_id", "person_id", name=op.f("uq_pairing_member_pairing_id")),
    )
    op.create_table(
        "survey_response",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("pairing_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "pre",
                "post",
                "feedback",
                name="survey_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "rating IS NULL OR rating BETWEEN 1 AND 5", name=op.f("ck_survey_response_rating")
        ),
        sa.ForeignKeyConstraint(
            ["pairing_id"],
            ["pairing.id"],
            name=op.f("fk_survey_response_pairing_id_pairing"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_survey_response_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_survey_response_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_response")),
    )


def downgrade() -> None:
    op.drop_table("survey_response")
    op.drop_table("pairing_member")
    op.drop_table("note")
    op.drop_table("mentor_choice")
    op.drop_table("check_in")
    op.drop_table("pairing")
    op.drop_table("attendance")
    op.drop_table("application")
    op.drop_table("strand")
    op.drop_table("event")
    op.drop_table("programme")
    op.drop_index("uq_person_email_nocase", table_name="person")
    op.drop_table("person")
    op.drop_table("file_info")
    op.drop_table("audit_entry")
