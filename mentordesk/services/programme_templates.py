"""What a programme is set up from: the settings a form fills, and the ready-made templates.

A template is a programme office's usual set-up, ready to adjust: ADVANCE's three
strands for researchers, a staff scheme's one strand on UK grades, a committee's
six-month scheme. ``TEMPLATES[key].input(name)`` fills a :class:`ProgrammeInput`
that the new-programme form shows; ``create_programme`` (services/programmes.py)
also writes the template's training rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mentordesk.domain.enums import EventKind, FieldPreference, Role, StrandFormat
from mentordesk.domain.errors import InvalidInput
from mentordesk.domain.stages import (
    ACADEMIC_STAGES,
    COMMITTEE_STAGES,
    STAFF_SCHEME_STAGES,
    Stage,
)


@dataclass
class StrandInput:
    """A strand as typed in a form.

    Attributes:
        name: the strand's name, unique in the programme.
        format: one-to-one or group.
        places: how many places it offers, None when not limited.
        description: what it is for, as applicants read it.
        id: the strand this is, when editing a programme (None: a new strand).
        retired: no new applications (it keeps its history and can be restored).
    """

    name: str
    format: StrandFormat = StrandFormat.ONE_TO_ONE
    places: int | None = None
    description: str = ""
    id: int | None = None
    retired: bool = False


#: The time zone of a programme when neither the coordinator nor its template gives one.
DEFAULT_TIMEZONE = "Europe/Luxembourg"


@dataclass
class ProgrammeInput:
    """A programme's settings as typed in a form.

    Attributes:
        template: the key of the template it was made from ("" for none); on
            creation, it gives the stages, same-track rule, field preference
            and training rules left as None here.
        stages: the career stages in order (None: the template's, or none).
        letterhead_name: the organisation printed at the top of documents ("": the
            programme's name).
        signature_line: the line under the coordinator's name in letters and messages.
        response_days: days a mentor has to answer a published proposal.
        within_track: mentor and mentee must be on the same career track (None: the
            template's, else no).
        field_preference: favour the same field, different ones, or neither (None:
            the template's, else neither).
        logo: the image (PNG or JPEG bytes) at the top of documents, None for none.
    """

    name: str
    description: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    applications_open_on: dt.date | None = None
    applications_close_on: dt.date | None = None
    timezone: str = DEFAULT_TIMEZONE
    max_mentees_per_mentor: int | None = None
    max_grade_gap: int | None = None
    duration_months: int | None = None
    strands: list[StrandInput] = field(default_factory=list)
    template: str = ""
    stages: tuple[Stage, ...] | None = None
    letterhead_name: str = ""
    signature_line: str = ""
    response_days: int = 7
    within_track: bool | None = None
    field_preference: FieldPreference | None = None
    logo: bytes | None = None


@dataclass(frozen=True)
class TrainingRule:
    """A template's training rule: people in ``role`` (of ``strand``, or all) attend ``kind``."""

    kind: EventKind
    role: Role
    strand: str = ""


@dataclass(frozen=True)
class ProgrammeTemplate:
    """A ready-made set-up a coordinator starts a programme from.

    Attributes:
        key: how the command line names it (``three-strands``).
        label: its name in a list ("Three strands for researchers").
        description: one sentence saying what it sets up.
        strands: (name, format, description) of each strand.
        stages: the career stages.
        training: who must complete which training.
        timezone: the time zone its programmes are in unless another is chosen
            (None: :data:`DEFAULT_TIMEZONE`).
    """

    key: str
    label: str
    description: str
    strands: tuple[tuple[str, StrandFormat, str], ...] = ()
    stages: tuple[Stage, ...] = ()
    duration_months: int | None = None
    max_mentees_per_mentor: int | None = None
    max_grade_gap: int | None = None
    within_track: bool = False
    field_preference: FieldPreference = FieldPreference.NONE
    training: tuple[TrainingRule, ...] = ()
    timezone: str | None = None

    def input(self, name: str = "") -> ProgrammeInput:
        """A new programme's settings as this template fills them, to adjust before saving."""
        return ProgrammeInput(
            name=name,
            timezone=self.timezone or DEFAULT_TIMEZONE,
            max_mentees_per_mentor=self.max_mentees_per_mentor,
            max_grade_gap=self.max_grade_gap,
            duration_months=self.duration_months,
            strands=[StrandInput(n, f, description=d) for n, f, d in self.strands],
            template=self.key,
            stages=self.stages,
            within_track=self.within_track,
            field_preference=self.field_preference,
        )


_EVERYONE_ORIENTATION = (
    TrainingRule(EventKind.ORIENTATION, Role.MENTOR),
    TrainingRule(EventKind.ORIENTATION, Role.MENTEE),
)

TEMPLATES: dict[str, ProgrammeTemplate] = {
    t.key: t
    for t in (
        ProgrammeTemplate(
            "blank",
            "Blank programme",
            "No strands and an empty list of career stages: set everything up yourself.",
        ),
        ProgrammeTemplate(
            "three-strands",
            "Three strands for researchers",
            "Faculty and Fellows one-to-one with a Circles group strand, academic career "
            "stages, 11 months, orientation training for every mentor and mentee.",
            strands=(
                ("Faculty", StrandFormat.ONE_TO_ONE, "Professors and permanent research staff."),
                (
                    "Fellows",
                    StrandFormat.ONE_TO_ONE,
                    "Doctoral candidates, postdocs and early-career researchers.",
                ),
                ("Circles", StrandFormat.GROUP, "Small groups meeting with a facilitator."),
            ),
            stages=ACADEMIC_STAGES,
            duration_months=11,
            max_grade_gap=2,
            training=_EVERYONE_ORIENTATION,
        ),
        ProgrammeTemplate(
            "staff-scheme",
            "Staff scheme on grades",
            "One one-to-one strand on UK grades (academic, and technical and professional "
            "services), up to 4 mentees per mentor, at most 2 grades apart on the same "
            "track, mentor training, 12 months.",
            strands=(("Staff", StrandFormat.ONE_TO_ONE, ""),),
            stages=STAFF_SCHEME_STAGES,
            duration_months=12,
            max_mentees_per_mentor=4,
            max_grade_gap=2,
            within_track=True,
            training=(TrainingRule(EventKind.MENTOR_TRAINING, Role.MENTOR),),
            timezone="Europe/London",
        ),
        ProgrammeTemplate(
            "committee",
            "Committee scheme",
            "One one-to-one strand pairing people of the same field over six months, "
            "one mentee per mentor, a staff ladder from student to group leader, training "
            "for everyone.",
            strands=(("Mentoring", StrandFormat.ONE_TO_ONE, ""),),
            stages=COMMITTEE_STAGES,
            duration_months=6,
            max_mentees_per_mentor=1,
            field_preference=FieldPreference.SAME,
            training=_EVERYONE_ORIENTATION,
        ),
    )
}


def find_template(key: str) -> ProgrammeTemplate:
    """The template of this key ("" is the blank one).

    Raises:
        InvalidInput: there is no template of that key.
    """
    template = TEMPLATES.get(key.strip().lower() or "blank")
    if template is None:
        raise InvalidInput(
            f"There is no template called “{key}”. The templates are: {', '.join(TEMPLATES)}."
        )
    return template
