"""The programme file's tables, as SQLAlchemy 2 typed models with their constraints."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    Dialect,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy import DateTime as _DateTime
from sqlalchemy import Enum as _Enum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    Audience,
    CheckInOutcome,
    ContractType,
    EndReason,
    EventKind,
    FieldPreference,
    MentorResponse,
    NoteCategory,
    PairingStatus,
    PairRuleKind,
    Role,
    Rsvp,
    StrandFormat,
    SurveyItemType,
    SurveyKind,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time in UTC, timezone-aware."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment in time: stored as naive UTC, always read back timezone-aware."""

    impl = _DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        """Convert an aware datetime to naive UTC; naive values are refused."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("A moment in time needs a time zone.")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        """Mark a stored naive UTC value as UTC."""
        return None if value is None else value.replace(tzinfo=dt.UTC)


def enum_column(enum_type: type[enum.StrEnum], name: str) -> _Enum:
    """A column type storing a StrEnum's values, with a CHECK constraint listing them."""
    return _Enum(
        enum_type,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=40,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    """Every table has an integer id and knows when it was created and last changed."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime()}

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class FileInfo(Base):
    """Key/value facts about the file itself; marks it as a MentorDesk programme file."""

    __tablename__ = "file_info"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(String(200))


class Programme(Base):
    """A cohort such as "ADVANCE 2026", with its dates and matching rules."""

    __tablename__ = "programme"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    applications_open_on: Mapped[dt.date | None]
    applications_close_on: Mapped[dt.date | None]
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Luxembourg")
    max_mentees_per_mentor: Mapped[int | None]
    max_grade_gap: Mapped[int | None]
    duration_months: Mapped[int | None]
    field_preference: Mapped[FieldPreference] = mapped_column(
        enum_column(FieldPreference, "field_preference"), default=FieldPreference.NONE
    )
    # Weights of the soft matching criteria, as JSON {criterion: weight}.
    matching_weights: Mapped[str] = mapped_column(Text, default="{}")
    # The image printed at the top of reports (PNG or JPEG bytes), if the office has one.
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Reports suppress any figure counting fewer people than this.
    min_group_size: Mapped[int] = mapped_column(default=5)
    # Participants are erased or anonymised this many years after the programme ended.
    retention_years: Mapped[int | None]
    # Days a mentor has to answer a published proposal.
    response_days: Mapped[int] = mapped_column(default=7)
    # The organisation named at the top of letters and reports ("" → the programme's name).
    letterhead_name: Mapped[str] = mapped_column(String(200), default="")
    # The line under the coordinator's name in letters and messages.
    signature_line: Mapped[str] = mapped_column(String(300), default="")
    # Mentor and mentee must be on the same career track (technical staff with technical staff).
    within_track: Mapped[bool] = mapped_column(default=False)
    # The template the programme was set up from ("" when none was used).
    template: Mapped[str] = mapped_column(String(40), default="")
    # The programme this one was copied from: last year's, for alumni and past pairs.
    copied_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme.id", ondelete="SET NULL")
    )

    strands: Mapped[list[Strand]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="Strand.name"
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="programme", cascade="all, delete-orphan"
    )
    stages: Mapped[list[CareerStage]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="CareerStage.position"
    )

    __table_args__ = (
        CheckConstraint(
            "max_mentees_per_mentor IS NULL OR max_mentees_per_mentor > 0", "max_mentees"
        ),
        CheckConstraint("max_grade_gap IS NULL OR max_grade_gap >= 0", "grade_gap"),
        CheckConstraint("duration_months IS NULL OR duration_months > 0", "duration"),
        CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", "dates"),
        CheckConstraint("min_group_size >= 1", "min_group_size"),
        CheckConstraint("retention_years IS NULL OR retention_years >= 0", "retention"),
        CheckConstraint("response_days BETWEEN 1 AND 90", "response_days"),
    )


class Strand(Base):
    """Part of a programme with its own format and number of places."""

    __tablename__ = "strand"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    format: Mapped[StrandFormat] = mapped_column(enum_column(StrandFormat, "strand_format"))
    places: Mapped[int | None]
    description: Mapped[str] = mapped_column(Text, default="")
    # A retired strand takes no new applications and keeps its history.
    retired: Mapped[bool] = mapped_column(default=False)

    programme: Mapped[Programme] = relationship(back_populates="strands")
    applications: Mapped[list[Application]] = relationship(
        back_populates="strand", cascade="all, delete-orphan"
    )
    pairings: Mapped[list[Pairing]] = relationship(
        back_populates="strand", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("programme_id", "name"),
        CheckConstraint("places IS NULL OR places >= 0", "places"),
    )


class CareerStage(Base):
    """One step of a programme's career stages, on a track, with its level for the grade gap."""

    __tablename__ = "career_stage"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    # Order in the programme's list, 1 first.
    position: Mapped[int]
    # "Academic", "Technical and professional services"; "" when the programme has one track.
    track: Mapped[str] = mapped_column(String(80), default="")
    name: Mapped[str] = mapped_column(String(120))
    # The common scale across tracks that the grade gap counts in.
    level: Mapped[int]
    # Position wordings that mean this stage, one per line, for guessing a stage.
    wordings: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[Programme] = relationship(back_populates="stages")

    __table_args__ = (
        UniqueConstraint("programme_id", "name"),
        CheckConstraint("trim(name) <> ''", "name_present"),
        CheckConstraint("level >= 1", "level"),
        CheckConstraint("position >= 1", "position"),
    )


class OrganisationName(Base):
    """A coordinator's merge: people whose organisation reads ``variant`` count as ``name``."""

    __tablename__ = "organisation_name"

    variant: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        Index("uq_organisation_name_variant_nocase", func.lower(variant), unique=True),
        CheckConstraint("trim(variant) <> ''", "variant_present"),
        CheckConstraint("trim(name) <> ''", "name_present"),
    )


class Person(Base):
    """Someone who applies, mentors, is mentored or attends; known by a unique email."""

    __tablename__ = "person"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    # The career stage's name in the programme's list; each programme reads it against its own.
    stage: Mapped[str] = mapped_column(String(120), default="")
    # The stage was guessed from the position and nobody has confirmed it yet.
    stage_guessed: Mapped[bool] = mapped_column(default=False)
    contract_type: Mapped[ContractType | None] = mapped_column(
        enum_column(ContractType, "contract_type")
    )
    field: Mapped[str] = mapped_column(String(200), default="")
    expertise: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    gender: Mapped[str] = mapped_column(String(60), default="")
    line_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    consent_on: Mapped[dt.date | None]
    # Set when the person withdrew consent; cleared if they give it again.
    consent_withdrawn_on: Mapped[dt.date | None]

    line_manager: Mapped[Person | None] = relationship(remote_side="Person.id")
    applications: Mapped[list[Application]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("uq_person_email_nocase", func.lower(email), unique=True),
        CheckConstraint("trim(email) <> ''", "email_present"),
        CheckConstraint("trim(first_name) <> '' OR trim(last_name) <> ''", "name_present"),
        CheckConstraint("line_manager_id IS NULL OR line_manager_id <> id", "own_manager"),
    )

    @property
    def full_name(self) -> str:
        """First and last name, as a coordinator reads them."""
        return f"{self.first_name} {self.last_name}".strip()


class Application(Base):
    """A person applying to a strand as mentor or mentee."""

    __tablename__ = "application"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    strand_id: Mapped[int] = mapped_column(ForeignKey("strand.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_column(ApplicationStatus, "application_status"), default=ApplicationStatus.RECEIVED
    )
    submitted_on: Mapped[dt.date | None]
    goals: Mapped[str] = mapped_column(Text, default="")
    development_needs: Mapped[str] = mapped_column(Text, default="")
    preferences: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int | None]
    source: Mapped[str] = mapped_column(String(300), default="typed in")
    # Place in the strand's waitlist (1 is offered first); None when not waiting.
    waitlist_rank: Mapped[int | None]
    # When the applicant can meet, in their words ("Tuesday afternoons, online").
    availability: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="applications")
    strand: Mapped[Strand] = relationship(back_populates="applications")
    mentor_choices: Mapped[list[MentorChoice]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="MentorChoice.rank",
    )
    # The form's answers no field holds ("How did you hear about the programme?"), in order.
    other_answers: Mapped[list[ApplicationAnswer]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="ApplicationAnswer.position",
    )

    __table_args__ = (
        UniqueConstraint("person_id", "strand_id", "role"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", "capacity"),
        CheckConstraint("capacity IS NULL OR role = 'mentor'", "capacity_for_mentors"),
    )


class ApplicationAnswer(Base):
    """An answer of an application form kept as it was given, under its question.

    A form asks more than MentorDesk has fields for; every answer that goes to
    no field is kept here, in the form's order, rather than dropped.
    """

    __tablename__ = "application_answer"

    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    # 1 for the first answer, in the order of the form's columns.
    position: Mapped[int]
    question: Mapped[str] = mapped_column(String(500))
    answer: Mapped[str] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="other_answers")

    __table_args__ = (
        UniqueConstraint("application_id", "position"),
        CheckConstraint("position >= 1", "position"),
        CheckConstraint("trim(question) <> ''", "question_present"),
    )


class MentorChoice(Base):
    """A mentee's ranked preference for a mentor."""

    __tablename__ = "mentor_choice"

    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    mentor_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    rank: Mapped[int]

    application: Mapped[Application] = relationship(back_populates="mentor_choices")
    mentor: Mapped[Person] = relationship()

    __table_args__ = (
        UniqueConstraint("application_id", "rank", name="uq_mentor_choice_application_id_rank"),
        UniqueConstraint(
            "application_id", "mentor_id", name="uq_mentor_choice_application_id_mentor_id"
        ),
        CheckConstraint("rank >= 1", "rank"),
    )


class Pairing(Base):
    """A mentoring relationship: one mentor (or facilitator) and one or more mentees."""

    __tablename__ = "pairing"

    strand_id: Mapped[int] = mapped_column(ForeignKey("strand.id", ondelete="CASCADE"))
    # A mentor cannot be deleted while they lead a pairing: the coordinator ends or
    # reassigns it first, so no pairing is ever left without its mentor.
    mentor_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[PairingStatus] = mapped_column(
        enum_column(PairingStatus, "pairing_status"), default=PairingStatus.PROPOSED
    )
    proposed_on: Mapped[dt.date | None]
    started_on: Mapped[dt.date | None]
    ended_on: Mapped[dt.date | None]
    match_score: Mapped[float | None]
    match_explanation: Mapped[str] = mapped_column(Text, default="")
    meeting_frequency: Mapped[str] = mapped_column(String(120), default="")
    meeting_length: Mapped[str] = mapped_column(String(120), default="")
    meeting_venue: Mapped[str] = mapped_column(String(200), default="")
    contact_between_meetings: Mapped[str] = mapped_column(String(200), default="")
    review_on: Mapped[dt.date | None]
    goals: Mapped[str] = mapped_column(Text, default="")
    confidentiality_agreed: Mapped[bool] = mapped_column(default=False)
    # A proposal stays a draft, seen by nobody, until the coordinator publishes it.
    draft: Mapped[bool] = mapped_column(default=False)
    mentor_response: Mapped[MentorResponse] = mapped_column(
        enum_column(MentorResponse, "mentor_response"), default=MentorResponse.NONE
    )
    response_due_on: Mapped[dt.date | None]
    end_reason: Mapped[EndReason | None] = mapped_column(enum_column(EndReason, "end_reason"))
    # Why the coordinator paired these people against a hard rule ("" when no rule was broken).
    override_reason: Mapped[str] = mapped_column(Text, default="")

    strand: Mapped[Strand] = relationship(back_populates="pairings")
    mentor: Mapped[Person] = relationship()
    members: Mapped[list[PairingMember]] = relationship(
        back_populates="pairing", cascade="all, delete-orphan"
    )
    check_ins: Mapped[list[CheckIn]] = relationship(
        back_populates="pairing", cascade="all, delete-orphan", order_by="CheckIn.due_on"
    )

    __table_args__ = (
        CheckConstraint(
            "ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on", "dates"
        ),
        CheckConstraint(
            "match_score IS NULL OR (match_score >= 0 AND match_score <= 100)", "score"
        ),
    )


class PairingMember(Base):
    """A mentee in a pairing (several of them make a circle)."""

    __tablename__ = "pairing_member"

    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairing.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))

    pairing: Mapped[Pairing] = relationship(back_populates="members")
    person: Mapped[Person] = relationship()

    __table_args__ = (UniqueConstraint("pairing_id", "person_id"),)


class CheckIn(Base):
    """A follow-up with a pairing: when it is due, when it was done, what it found."""

    __tablename__ = "check_in"

    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairing.id", ondelete="CASCADE"))
    due_on: Mapped[dt.date]
    done_on: Mapped[dt.date | None]
    outcome: Mapped[CheckInOutcome | None] = mapped_column(
        enum_column(CheckInOutcome, "check_in_outcome")
    )
    summary: Mapped[str] = mapped_column(Text, default="")

    pairing: Mapped[Pairing] = relationship(back_populates="check_ins")


class Event(Base):
    """A training session or any other dated event of a programme."""

    __tablename__ = "event"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "event_kind"))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    all_day: Mapped[bool] = mapped_column(default=False)
    location: Mapped[str] = mapped_column(String(200), default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int | None]
    audience: Mapped[Audience] = mapped_column(
        enum_column(Audience, "audience"), default=Audience.EVERYONE
    )
    audience_strand_id: Mapped[int | None] = mapped_column(
        ForeignKey("strand.id", ondelete="SET NULL")
    )
    cancelled: Mapped[bool] = mapped_column(default=False)
    # Sessions of one repeating workshop share a series id; each keeps its own register.
    series_id: Mapped[str | None] = mapped_column(String(100))
    # Calendar identity: the UID never changes, the sequence grows with each change.
    uid: Mapped[str] = mapped_column(String(100), unique=True, default=lambda: str(uuid.uuid4()))
    sequence: Mapped[int] = mapped_column(default=0)

    programme: Mapped[Programme] = relationship(back_populates="events")
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("ends_at >= starts_at", "times"),
        CheckConstraint("trim(title) <> ''", "title_present"),
        CheckConstraint("sequence >= 0", "sequence"),
        CheckConstraint("capacity IS NULL OR capacity > 0", "capacity"),
        # A strand only for a strand audience; if that strand is deleted, the service
        # treats the event as open to everyone rather than losing it.
        CheckConstraint("audience_strand_id IS NULL OR audience = 'strand'", "audience_strand"),
    )


class Attendance(Base):
    """A person's part in an event."""

    __tablename__ = "attendance"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[AttendanceStatus] = mapped_column(
        enum_column(AttendanceStatus, "attendance_status"), default=AttendanceStatus.INVITED
    )
    minutes_attended: Mapped[int | None]
    rsvp: Mapped[Rsvp] = mapped_column(enum_column(Rsvp, "rsvp"), default=Rsvp.NO_REPLY)

    event: Mapped[Event] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship()

    __table_args__ = (
        UniqueConstraint("event_id", "person_id"),
        CheckConstraint("minutes_attended IS NULL OR minutes_attended >= 0", "minutes"),
    )


class Note(Base):
    """A confidential coordinator note about exactly one person or one pairing."""

    __tablename__ = "note"

    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    pairing_id: Mapped[int | None] = mapped_column(ForeignKey("pairing.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    written_on: Mapped[dt.date]
    category: Mapped[NoteCategory] = mapped_column(
        enum_column(NoteCategory, "note_category"), default=NoteCategory.GENERAL
    )
    follow_up_on: Mapped[dt.date | None]

    person: Mapped[Person | None] = relationship()
    pairing: Mapped[Pairing | None] = relationship()

    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (pairing_id IS NULL)", "one_subject"),
    )


class SurveyResponse(Base):
    """A questionnaire answered by a participant: ratings and free answers."""

    __tablename__ = "survey_response"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    pairing_id: Mapped[int | None] = mapped_column(ForeignKey("pairing.id", ondelete="SET NULL"))
    kind: Mapped[SurveyKind] = mapped_column(enum_column(SurveyKind, "survey_kind"))
    submitted_on: Mapped[dt.date]
    rating: Mapped[int | None]
    answers: Mapped[str] = mapped_column(Text, default="{}")
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(300), default="typed in")

    survey: Mapped[Survey | None] = relationship(back_populates="responses")
    items: Mapped[list[SurveyAnswer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )

    __table_args__ = (CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", "rating"),)


class Survey(Base):
    """A questionnaire of a programme: pre, post, feedback, pulse check or self-assessment."""

    __tablename__ = "survey"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    kind: Mapped[SurveyKind] = mapped_column(enum_column(SurveyKind, "survey_kind"))
    title: Mapped[str] = mapped_column(String(200))
    # Who answers it; None for everyone.
    role: Mapped[Role | None] = mapped_column(enum_column(Role, "survey_role"))
    description: Mapped[str] = mapped_column(Text, default="")
    # Days after the pairing started, for pulse checks (30, 60, 90).
    day: Mapped[int | None]

    items: Mapped[list[SurveyItem]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveyItem.position"
    )
    responses: Mapped[list[SurveyResponse]] = relationship(
        back_populates="survey", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("programme_id", "title"),
        CheckConstraint("trim(title) <> ''", "title_present"),
    )


class SurveyItem(Base):
    """One question of a survey; pre and post surveys share item codes to compare answers."""

    __tablename__ = "survey_item"

    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    position: Mapped[int]
    # A stable short name ("goals_clarity"), the same in a pre survey and its post survey.
    code: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(String(500))
    answer_type: Mapped[SurveyItemType] = mapped_column(
        enum_column(SurveyItemType, "survey_item_type")
    )
    # A heading the item belongs to, such as a mentor competency area.
    area: Mapped[str] = mapped_column(String(120), default="")

    survey: Mapped[Survey] = relationship(back_populates="items")

    __table_args__ = (
        UniqueConstraint("survey_id", "code"),
        CheckConstraint("trim(code) <> ''", "code_present"),
        CheckConstraint("trim(text) <> ''", "text_present"),
    )


class SurveyAnswer(Base):
    """One person's answer to one item: a number (1–5, or 1/0 for yes/no) or free text."""

    __tablename__ = "survey_answer"

    response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("survey_item.id", ondelete="CASCADE"))
    number: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text, default="")

    response: Mapped[SurveyResponse] = relationship(back_populates="items")
    item: Mapped[SurveyItem] = relationship()

    __table_args__ = (
        UniqueConstraint("response_id", "item_id"),
        CheckConstraint("number IS NULL OR number BETWEEN 0 AND 5", "number"),
    )


class MessageTemplate(Base):
    """A programme's own wording of a standard message; the shipped text applies otherwise."""

    __tablename__ = "message_template"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    # The stage: received, accepted, waitlisted, declined, introduction, …
    key: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("programme_id", "key"),)


class MessageLog(Base):
    """That a message was prepared for a person, and whether the coordinator marked it sent."""

    __tablename__ = "message_log"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    template_key: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(300), default="")
    prepared_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_on: Mapped[dt.date | None]
    pairing_id: Mapped[int | None] = mapped_column(ForeignKey("pairing.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))

    person: Mapped[Person] = relationship()


class AuditEntry(Base):
    """What changed and when; never the confidential text itself."""

    __tablename__ = "audit_entry"

    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(String(300), default="")


class SavedMapping(Base):
    """A named way of reading a spreadsheet's columns, reused for the next file of that form.

    ``columns`` is a JSON object from header text (as read) to an ``ApplicantField``
    value, so the mapping still fits when a form's columns come in another order.
    ``value_map`` is a JSON object from an ``ApplicantField`` value (strand, role)
    to an object from a form's answer (normalised) to the programme's value, so a
    form's "Early-career researchers (postdocs)" is read as the strand "Fellows".
    """

    __tablename__ = "saved_mapping"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    columns: Mapped[str] = mapped_column(Text, default="{}")
    value_map: Mapped[str] = mapped_column(Text, default="{}")

    __table_args__ = (
        CheckConstraint("trim(name) <> ''", "name_present"),
        CheckConstraint("json_valid(columns)", "columns_json"),
        CheckConstraint("json_valid(value_map)", "value_map_json"),
    )


class TrainingRequirement(Base):
    """A programme rule: who must complete a kind of training (optionally in one strand)."""

    __tablename__ = "training_requirement"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "requirement_kind"))
    role: Mapped[Role] = mapped_column(enum_column(Role, "requirement_role"))
    strand_id: Mapped[int | None] = mapped_column(ForeignKey("strand.id", ondelete="CASCADE"))

    __table_args__ = (UniqueConstraint("programme_id", "kind", "role", "strand_id"),)


class Erasure(Base):
    """That a person was erased, and when: no name, no email, nothing personal.

    Kept so that erasures can be applied again to an older backup that is restored.
    """

    __tablename__ = "erasure"

    person_id: Mapped[int]
    erased_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # What statistics lost with the person, as anonymous counts (JSON).
    counts: Mapped[str] = mapped_column(Text, default="{}")


class PairRule(Base):
    """A coordinator's rule that a mentor and a mentee must, or must never, be paired."""

    __tablename__ = "pair_rule"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    mentor_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    mentee_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[PairRuleKind] = mapped_column(enum_column(PairRuleKind, "pair_rule_kind"))
    reason: Mapped[str] = mapped_column(String(300), default="")

    __table_args__ = (
        UniqueConstraint(
            "programme_id", "mentor_id", "mentee_id", name="uq_pair_rule_programme_id_pair"
        ),
        CheckConstraint("mentor_id <> mentee_id", "different_people"),
    )
