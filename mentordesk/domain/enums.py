"""Enumerations of the programme's vocabulary, stored in the file as their values."""

from __future__ import annotations

import enum


class _Labelled(enum.StrEnum):
    """A string enumeration whose members read well in a table or a combo box."""

    @property
    def label(self) -> str:
        """The member as a coordinator would write it: ``fixed_term`` is ``Fixed term``."""
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def from_label(cls, text: str) -> _Labelled:
        """Find the member whose value or label matches ``text``, ignoring case.

        Raises:
            ValueError: no member matches.
        """
        wanted = text.strip().lower().replace(" ", "_").replace("-", "_")
        for member in cls:
            if wanted in (member.value, member.label.lower().replace(" ", "_").replace("-", "_")):
                return member
        choices = ", ".join(m.label for m in cls)
        raise ValueError(f"“{text}” is not one of: {choices}.")


class StrandFormat(_Labelled):
    """How a strand's mentoring is organised."""

    ONE_TO_ONE = "one_to_one"
    GROUP = "group"

    @property
    def label(self) -> str:
        """``One-to-one`` or ``Group``."""
        return "One-to-one" if self is StrandFormat.ONE_TO_ONE else "Group"


class Role(_Labelled):
    """The side a person applies for; one person may apply as both."""

    MENTOR = "mentor"
    MENTEE = "mentee"


class ApplicationStatus(_Labelled):
    """Where an application stands in the selection."""

    RECEIVED = "received"
    SHORTLISTED = "shortlisted"
    ACCEPTED = "accepted"
    WAITLISTED = "waitlisted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class ContractType(_Labelled):
    """Kind of employment contract (ADVANCE splits its strands on it)."""

    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    STUDENT = "student"
    OTHER = "other"


class PairingStatus(_Labelled):
    """The life of a mentoring relationship."""

    PROPOSED = "proposed"
    INTRODUCED = "introduced"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    EXTENDED = "extended"
    REMATCHED = "rematched"

    @property
    def label(self) -> str:
        """``Re-matched`` reads better than its stored value."""
        return "Re-matched" if self is PairingStatus.REMATCHED else super().label


class CheckInOutcome(_Labelled):
    """What a follow-up with a pairing found."""

    ON_TRACK = "on_track"
    NEEDS_SUPPORT = "needs_support"
    NO_CONTACT = "no_contact"
    AT_RISK = "at_risk"
    ENDING = "ending"

    @property
    def label(self) -> str:
        """The words coordinators use: needs attention, at risk, ended."""
        return _CHECK_IN_LABELS.get(self, self.value.replace("_", " ").capitalize())


class EventKind(_Labelled):
    """Anything with a date; the first three are training sessions."""

    ORIENTATION = "orientation"
    MENTOR_TRAINING = "mentor_training"
    WORKSHOP = "workshop"
    KICK_OFF = "kick_off"
    NETWORKING = "networking"
    CLOSING = "closing"
    DEADLINE = "deadline"
    OTHER = "other"

    @property
    def is_training(self) -> bool:
        """Whether the event is a training session (shown on the Training tab)."""
        return self in TRAINING_KINDS


TRAINING_KINDS = frozenset({EventKind.ORIENTATION, EventKind.MENTOR_TRAINING, EventKind.WORKSHOP})


class AttendanceStatus(_Labelled):
    """A person's part in one event."""

    INVITED = "invited"
    REGISTERED = "registered"
    ATTENDED = "attended"
    ABSENT = "absent"
    EXCUSED = "excused"


class SurveyKind(_Labelled):
    """When a questionnaire was answered."""

    PRE = "pre"
    POST = "post"
    FEEDBACK = "feedback"
    PULSE = "pulse"
    SELF_ASSESSMENT = "self_assessment"

    @property
    def label(self) -> str:
        """The kind as the survey list shows it, such as ``Pulse check``."""
        return _SURVEY_KIND_LABELS[self]


class SurveyItemType(_Labelled):
    """How a survey item is answered."""

    LIKERT = "likert"
    YES_NO = "yes_no"
    TEXT = "text"

    @property
    def label(self) -> str:
        """``Rating 1–5``, ``Yes or no``, ``Free text``."""
        return {"likert": "Rating 1–5", "yes_no": "Yes or no", "text": "Free text"}[self.value]


class ApplicantField(_Labelled):
    """What a column of an imported applications spreadsheet can hold."""

    IGNORE = "ignore"
    """Left out on purpose: the column is read for nothing and not kept."""
    OTHER = "other"
    """Kept with the application as an "other answer": the question and the answer."""
    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    ORGANISATION = "organisation"
    DEPARTMENT = "department"
    POSITION = "position"
    STAGE = "stage"
    """The career stage, read against the programme's list of stages."""
    LINE_MANAGER = "line_manager"
    """The person's line manager: an email (or a name only one person in the file has)."""
    CONTRACT_TYPE = "contract_type"
    FIELD = "field"
    EXPERTISE = "expertise"
    LANGUAGES = "languages"
    GENDER = "gender"
    CONSENT_ON = "consent_on"
    CONSENT = "consent"
    """A yes or no answer to a consent question: yes gives consent on the submission date."""
    STRAND = "strand"
    ROLE = "role"
    STATUS = "status"
    SUBMITTED_ON = "submitted_on"
    GOALS = "goals"
    DEVELOPMENT_NEEDS = "development_needs"
    PREFERENCES = "preferences"
    AVAILABILITY = "availability"
    CAPACITY = "capacity"

    @property
    def label(self) -> str:
        """How the field reads on the mapping page and in ``--show-mapping``."""
        special = {
            ApplicantField.IGNORE: "Left out",
            ApplicantField.OTHER: "Kept as other answers",
            ApplicantField.CONSENT: "Consent (yes or no)",
            ApplicantField.CONSENT_ON: "Consent date",
            ApplicantField.SUBMITTED_ON: "Submission date",
            ApplicantField.STAGE: "Career stage",
        }
        return special.get(self, super().label)

    @classmethod
    def _missing_(cls, value: object) -> ApplicantField | None:
        # Mappings saved before career stages were the programme's own say "grade".
        return cls.STAGE if value == "grade" else None

    @property
    def is_list(self) -> bool:
        """Whether the field takes several values (multi-select answers)."""
        return self in {ApplicantField.EXPERTISE, ApplicantField.LANGUAGES}


class Audience(_Labelled):
    """Who an event is for; "chosen" means the people invited one by one."""

    EVERYONE = "everyone"
    MENTORS = "mentors"
    MENTEES = "mentees"
    STRAND = "strand"
    CHOSEN = "chosen"


class Rsvp(_Labelled):
    """A person's answer to an invitation."""

    NO_REPLY = "no_reply"
    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    DECLINED = "declined"


class NoteCategory(_Labelled):
    """What a confidential note is about."""

    GENERAL = "general"
    CONCERN = "concern"
    MEDIATION = "mediation"
    FOLLOW_UP = "follow_up"


class PairRuleKind(_Labelled):
    """A coordinator's rule about one mentor and one mentee."""

    BLOCKED = "blocked"
    FIXED = "fixed"


class FieldPreference(_Labelled):
    """Whether matching favours pairs from the same field or department, or different ones."""

    NONE = "none"
    SAME = "same"
    DIFFERENT = "different"

    @property
    def label(self) -> str:
        """The member in words; none is "No preference" (a bare "None" read as left unset)."""
        return "No preference" if self is FieldPreference.NONE else super().label


class MentorResponse(_Labelled):
    """A mentor's answer to a proposed pairing."""

    NONE = "none"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    NO_ANSWER = "no_answer"


class EndReason(_Labelled):
    """Why a pairing ended before its time."""

    GOALS_MET = "goals_met"
    NO_FAULT = "no_fault"
    CONFLICT = "conflict"
    LEFT_INSTITUTION = "left_institution"


_CHECK_IN_LABELS = {
    CheckInOutcome.NEEDS_SUPPORT: "Needs attention",
    CheckInOutcome.ENDING: "Ended",
}

_SURVEY_KIND_LABELS = {
    SurveyKind.PRE: "Pre-programme",
    SurveyKind.POST: "Post-programme",
    SurveyKind.FEEDBACK: "Programme feedback",
    SurveyKind.PULSE: "Pulse check",
    SurveyKind.SELF_ASSESSMENT: "Self-assessment",
}
