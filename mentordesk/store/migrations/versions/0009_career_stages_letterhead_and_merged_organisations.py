"""Career stages per programme, letterhead, retired strands, copies and merged organisations.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 01:00:00.000000

A person's grade was one of eight fixed values on one scale; it becomes the name
of a stage in the programme's own list (``career_stage``), with tracks and a
level for the grade gap. The ``person`` table is rebuilt without ``grade``
(SQLite cannot drop a column named in a table CHECK): the upgrade runs with
foreign keys off, so dropping the old table cascades to nothing, and the file's
foreign keys are checked before it commits (``programme_file._upgrade_file``).

Every programme already in the file gets the academic list MentorDesk ships,
and each person's grade becomes the name of the matching stage. "Professional
staff" had no place on the academic scale (it sorted above full professors);
it becomes the first stage of the professional and technical track, marked as
guessed, so the coordinator confirms it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mentordesk.domain.stages import ACADEMIC_STAGES

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ADD_COLUMNS = (
    "ALTER TABLE programme ADD COLUMN letterhead_name VARCHAR(200) NOT NULL DEFAULT ''",
    "ALTER TABLE programme ADD COLUMN signature_line VARCHAR(300) NOT NULL DEFAULT ''",
    "ALTER TABLE programme ADD COLUMN within_track BOOLEAN NOT NULL DEFAULT 0",
    "ALTER TABLE programme ADD COLUMN template VARCHAR(40) NOT NULL DEFAULT ''",
    "ALTER TABLE programme ADD COLUMN copied_from_id INTEGER "
    "CONSTRAINT fk_programme_copied_from_id_programme REFERENCES programme (id) "
    "ON DELETE SET NULL",
    "ALTER TABLE strand ADD COLUMN retired BOOLEAN NOT NULL DEFAULT 0",
)

# The old grades, in their old order, and the stage of the academic list each becomes.
_GRADE_STAGES = (
    ("doctoral_candidate", "Doctoral candidate"),
    ("research_assistant", "Research assistant"),
    ("postdoctoral_researcher", "Postdoctoral researcher"),
    ("research_scientist", "Research scientist"),
    ("assistant_professor", "Assistant professor"),
    ("associate_professor", "Associate professor"),
    ("professor", "Full professor"),
)
_PROFESSIONAL_STAFF = "professional_staff"

_PERSON = """
CREATE TABLE person_0009 (
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    email VARCHAR(254) NOT NULL,
    organisation VARCHAR(200) NOT NULL,
    department VARCHAR(200) NOT NULL,
    position VARCHAR(200) NOT NULL,
    stage VARCHAR(120) NOT NULL DEFAULT '',
    stage_guessed BOOLEAN NOT NULL DEFAULT 0,
    contract_type VARCHAR(40),
    field VARCHAR(200) NOT NULL,
    expertise TEXT NOT NULL,
    languages VARCHAR(200) NOT NULL,
    gender VARCHAR(60) NOT NULL,
    line_manager_id INTEGER,
    consent_on DATE,
    consent_withdrawn_on DATE,
    id INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT pk_person PRIMARY KEY (id),
    CONSTRAINT ck_person_email_present CHECK (trim(email) <> ''),
    CONSTRAINT ck_person_name_present CHECK (trim(first_name) <> '' OR trim(last_name) <> ''),
    CONSTRAINT ck_person_own_manager CHECK (line_manager_id IS NULL OR line_manager_id <> id),
    CONSTRAINT fk_person_line_manager_id_person FOREIGN KEY(line_manager_id)
        REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT ck_person_contract_type
        CHECK (contract_type IN ('permanent', 'fixed_term', 'student', 'other'))
)
"""

_KEPT_COLUMNS = (
    "first_name, last_name, email, organisation, department, position, contract_type, "
    "field, expertise, languages, gender, line_manager_id, consent_on, "
    "consent_withdrawn_on, id, created_at, updated_at"
)


def _stage_of_grade() -> str:
    """SQL giving the stage name of the row's old grade ('' when it had none)."""
    cases = " ".join(f"WHEN '{grade}' THEN '{stage}'" for grade, stage in _GRADE_STAGES)
    professional = _professional_stage().replace("'", "''")
    return f"CASE grade {cases} WHEN '{_PROFESSIONAL_STAFF}' THEN '{professional}' ELSE '' END"


def _professional_stage() -> str:
    """The first stage of the shipped list's professional track."""
    return next(stage.name for stage in ACADEMIC_STAGES if stage.track != ACADEMIC_STAGES[0].track)


def _rebuild_person() -> None:
    op.execute(_PERSON)
    op.execute(
        f"INSERT INTO person_0009 ({_KEPT_COLUMNS}, stage, stage_guessed) "
        f"SELECT {_KEPT_COLUMNS}, {_stage_of_grade()}, grade IS '{_PROFESSIONAL_STAFF}' "
        "FROM person"
    )
    op.execute("DROP TABLE person")
    op.execute("ALTER TABLE person_0009 RENAME TO person")
    op.execute("CREATE UNIQUE INDEX uq_person_email_nocase ON person (lower(email))")


def _seed_stages() -> None:
    """Give every programme in the file the academic list of stages MentorDesk ships."""
    bind = op.get_bind()
    programmes = bind.exec_driver_sql("SELECT id FROM programme").scalars().all()
    now = sa.func.datetime("now")
    stages = sa.table(
        "career_stage",
        sa.column("programme_id"),
        sa.column("position"),
        sa.column("track"),
        sa.column("name"),
        sa.column("level"),
        sa.column("wordings"),
        sa.column("created_at"),
        sa.column("updated_at"),
    )
    for programme_id in programmes:
        for position, stage in enumerate(ACADEMIC_STAGES, start=1):
            bind.execute(
                stages.insert().values(
                    programme_id=programme_id,
                    position=position,
                    track=stage.track,
                    name=stage.name,
                    level=stage.level,
                    wordings="\n".join(stage.wordings),
                    created_at=now,
                    updated_at=now,
                )
            )


def upgrade() -> None:
    op.create_table(
        "career_stage",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("track", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("wordings", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("trim(name) <> ''", name=op.f("ck_career_stage_name_present")),
        sa.CheckConstraint("level >= 1", name=op.f("ck_career_stage_level")),
        sa.CheckConstraint("position >= 1", name=op.f("ck_career_stage_position")),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_career_stage_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_career_stage")),
        sa.UniqueConstraint("programme_id", "name", name=op.f("uq_career_stage_programme_id")),
    )
    op.create_table(
        "organisation_name",
        sa.Column("variant", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "trim(variant) <> ''", name=op.f("ck_organisation_name_variant_present")
        ),
        sa.CheckConstraint("trim(name) <> ''", name=op.f("ck_organisation_name_name_present")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_name")),
    )
    op.execute(
        "CREATE UNIQUE INDEX uq_organisation_name_variant_nocase "
        "ON organisation_name (lower(variant))"
    )
    for statement in _ADD_COLUMNS:
        op.execute(statement)
    _rebuild_person()
    _seed_stages()


def downgrade() -> None:
    raise NotImplementedError(
        "MentorDesk files are never downgraded: restore a backup made before the upgrade."
    )
