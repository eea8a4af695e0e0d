"""The programme at a glance: the figures of the Dashboard and the programme report.

Every figure is a :class:`Count` (or a :class:`Rate` of two counts) that carries a
:class:`RecordKey`: the ids of exactly the records it counts.
:func:`mentordesk.services.figure_records.figure_records` lists those records as a
table, so any number shown can be opened and checked.

:func:`programme_figures` reads a whole programme in a handful of aggregate queries
(no query per person), so a programme of thousands of participants takes a fraction
of a second.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    PairingStatus,
    Role,
    Rsvp,
    StrandFormat,
)
from mentordesk.domain.stages import Ladder
from mentordesk.services.career_stages import ladder_of
from mentordesk.services.collation import sort_key
from mentordesk.services.events import register_marks
from mentordesk.services.organisations import merged_names
from mentordesk.services.pairings import overdue_check_ins
from mentordesk.services.programmes import applicants_in, get_programme
from mentordesk.services.survey_results import (
    FeedbackSummary,
    ItemChange,
    feedback_summary,
    item_changes,
)
from mentordesk.services.training import missing_training, requirements
from mentordesk.services.validation import gender_key
from mentordesk.store.models import Application, Attendance, Event, Pairing, Person, Strand

E = TypeVar("E", bound=enum.StrEnum)

#: What the figures call a value nobody recorded (a blank gender, career stage or organisation).
NOT_RECORDED = "Not recorded"
#: Pairings counted as active: an extended pairing is still running.
ACTIVE_STATUSES = (PairingStatus.ACTIVE, PairingStatus.EXTENDED)


class RecordKind(enum.StrEnum):
    """What a figure counts."""

    APPLICATIONS = "applications"
    PEOPLE = "people"
    PAIRINGS = "pairings"
    CHECK_INS = "check_ins"
    ATTENDANCE = "attendance"


@dataclass(frozen=True)
class RecordKey:
    """Which records a figure counts, enough to list them again (``services.figure_records``).

    Attributes:
        kind: the kind of record.
        programme_id: the programme the figure belongs to.
        ids: the ids of the records (applications, people, pairings, check-ins or
            attendance entries), each once, in ascending order.
        title: what the records are, in plain words, such as "Accepted mentees in Fellows".
        on: the day the figure was computed for, where the records' rows depend on it
            (how many days a check-in is overdue); None otherwise.
    """

    kind: RecordKind
    programme_id: int
    ids: tuple[int, ...]
    title: str
    on: dt.date | None = None


@dataclass(frozen=True)
class Count:
    """A number of records, with the key to list them."""

    records: RecordKey

    @property
    def value(self) -> int:
        """How many records there are."""
        return len(self.records.ids)


@dataclass(frozen=True)
class Rate:
    """A share: the records of ``part`` out of those of ``whole`` (part is within whole)."""

    part: Count
    whole: Count

    @property
    def value(self) -> float | None:
        """The share between 0 and 1, or None when the whole is nothing."""
        return self.part.value / self.whole.value if self.whole.value else None


@dataclass(frozen=True)
class StatusCount(Generic[E]):
    """The records in one status, such as the pairings that are active."""

    status: E
    count: Count


@dataclass(frozen=True)
class ApplicationFigures:
    """Places and applications, for one strand or the whole programme.

    Places are what mentees apply for ("55 applications for 20 places"); mentors
    volunteer and take no place.

    Attributes:
        places: places offered to mentees; None if no strand sets a number.
        applications: every application, of either role and in any status.
        mentee_applications: applications to be mentored, in any status.
        mentor_applications: offers to mentor, in any status.
        accepted_mentees: mentee applications accepted.
        places_taken: mentee applications accepted in the strands that set a number of
            places: those that take up ``places`` (a strand with no limit takes none).
        accepted_mentors: mentor applications accepted.
        by_status: every application status in order, with its applications.
    """

    places: int | None
    applications: Count
    mentee_applications: Count
    mentor_applications: Count
    accepted_mentees: Count
    places_taken: Count
    accepted_mentors: Count
    by_status: tuple[StatusCount[ApplicationStatus], ...]

    @property
    def acceptance(self) -> Rate:
        """Accepted mentee applications out of all mentee applications."""
        return Rate(self.accepted_mentees, self.mentee_applications)

    @property
    def over_places(self) -> bool:
        """Whether more mentees were accepted than there are places."""
        return self.places is not None and self.places_taken.value > self.places


@dataclass(frozen=True)
class StrandFigures(ApplicationFigures):
    """One strand's places and applications (see :class:`ApplicationFigures`)."""

    strand_id: int
    name: str
    format: StrandFormat


@dataclass(frozen=True)
class PairingFigures:
    """Pairings and circles by status, and the follow-up they are owed.

    Attributes:
        published: every pairing that is not a draft.
        by_status: every pairing status in order, with its published pairings.
        active: published pairings that are active or extended.
        drafts: proposals not yet published, whatever their status; counted apart,
            as nobody has been told of them.
        overdue_check_ins: check-ins overdue today, by the rule of the Pairings table
            (``services.pairings.check_in_state``): none done since, pairing under way.
    """

    published: Count
    by_status: tuple[StatusCount[PairingStatus], ...]
    active: Count
    drafts: Count
    overdue_check_ins: Count


@dataclass(frozen=True)
class RequirementFigures:
    """One training rule: the people it applies to, and who has met it.

    Attributes:
        kind: the training required.
        role: the role it is required of.
        strand: the strand it is limited to; "" when it applies in every strand.
        required: accepted participants the rule applies to.
        completed: those of them who attended a session of that kind.
        missing: those who have not yet.
    """

    kind: EventKind
    role: Role
    strand: str
    required: Count
    completed: Count
    missing: Count

    @property
    def completion(self) -> Rate:
        """Who completed the training out of who must."""
        return Rate(self.completed, self.required)

    @property
    def label(self) -> str:
        """The rule in a few words (see :func:`requirement_label`)."""
        return requirement_label(self.kind, self.role, self.strand)


@dataclass(frozen=True)
class TrainingFigures:
    """Training completion over the programme's rules (``services.training``).

    Attributes:
        requirements: each rule, in the order the programme lists them.
        required: participants at least one rule applies to.
        complete: those who completed every training required of them.
        missing: those still missing at least one.
    """

    requirements: tuple[RequirementFigures, ...]
    required: Count
    complete: Count
    missing: Count

    @property
    def completion(self) -> Rate:
        """Participants who completed all their required training, out of those required."""
        return Rate(self.complete, self.required)


@dataclass(frozen=True)
class EventFigures:
    """Attendance at one past event, from its register.

    Attributes:
        invited: everyone on the register.
        registered: those who said they would come (registered, or accepted the
            invitation) or who came.
        attended: those who attended.
    """

    event_id: int
    title: str
    kind: EventKind
    starts_at: dt.datetime
    invited: Count
    registered: Count
    attended: Count

    @property
    def attendance(self) -> Rate:
        """Who attended, out of everyone invited."""
        return Rate(self.attended, self.invited)


@dataclass(frozen=True)
class ParticipationGroup:
    """The participants sharing one gender, career stage or organisation.

    Attributes:
        label: the value as shown ("Woman", "Postdoctoral researcher", "Not recorded").
        people: participants in the group, each once.
        mentors: those accepted as mentors.
        mentees: those accepted as mentees (one person may be both).
    """

    label: str
    people: Count
    mentors: Count
    mentees: Count


@dataclass(frozen=True)
class Breakdown:
    """Participants by one characteristic, with those for whom it is not recorded apart.

    Attributes:
        groups: the recorded values: genders and organisations by size, career stages in
            the order of the programme's list (stages not in it after, alphabetically).
        not_recorded: participants with nothing recorded.
    """

    groups: tuple[ParticipationGroup, ...]
    not_recorded: ParticipationGroup

    @property
    def shown(self) -> tuple[ParticipationGroup, ...]:
        """The groups, then "Not recorded" if anyone is in it."""
        if self.not_recorded.people.value:
            return (*self.groups, self.not_recorded)
        return self.groups


@dataclass(frozen=True)
class ParticipationFigures:
    """Who takes part: the accepted applicants, by gender, career stage and organisation.

    Genders are free text, grouped for display only ("female" is shown as "Woman");
    the career stage is the name the person holds in the programme's list of stages;
    organisations are counted by the names the Organisations list merges them into
    (``services.organisations.merged_names``).
    """

    participants: Count
    mentors: Count
    mentees: Count
    by_gender: Breakdown
    by_career_stage: Breakdown
    by_organisation: Breakdown


@dataclass(frozen=True)
class ItemFigures:
    """How the answers to one survey item moved from before the programme to after it.

    Attributes:
        change: the item and its mean answers before and after (``services.survey_results``).
        people: the people who answered it both before and after.
    """

    change: ItemChange
    people: Count


@dataclass(frozen=True)
class SurveyFigures:
    """What the programme's surveys say (``services.survey_results``).

    Attributes:
        feedback: the feedback responses: how many, the mean rating, would-recommend answers.
        respondents: the people who answered the feedback.
        items: each rating item answered both before and after, in the order the pre
            surveys ask them.
    """

    feedback: FeedbackSummary
    respondents: Count
    items: tuple[ItemFigures, ...]


@dataclass(frozen=True)
class ProgrammeFigures:
    """A programme at a glance, on one day: what the Dashboard shows and the report prints.

    Attributes:
        programme_id: the programme.
        programme_name: its name.
        today: the day the figures are for (overdue check-ins, past events).
        min_group_size: reports suppress any figure counting fewer people than this.
        applications: places and applications over every strand.
        strands: the same for each strand, by name.
        pairings: pairings by status, drafts and overdue check-ins.
        training: completion of the training rules.
        events: attendance at each past event with a register, oldest first.
        participation: participants by gender, career stage and organisation.
        surveys: the feedback rating, would-recommend rate and pre/post changes.
    """

    programme_id: int
    programme_name: str
    today: dt.date
    min_group_size: int
    applications: ApplicationFigures
    strands: tuple[StrandFigures, ...]
    pairings: PairingFigures
    training: TrainingFigures
    events: tuple[EventFigures, ...]
    participation: ParticipationFigures
    surveys: SurveyFigures


def percent_text(share: float | None) -> str:
    """A share as a whole percentage ("36%", halves rounded up), or "—" when there is none."""
    return "—" if share is None else f"{math.floor(share * 100 + 0.5)}%"


def requirement_label(kind: EventKind, role: Role, strand: str = "") -> str:
    """A training rule in a few words: "Orientation · mentees" or "… · mentors in Fellows"."""
    who = f"{role.value}s" + (f" in {strand}" if strand else "")
    return f"{kind.label} · {who}"


def gender_label(text: str) -> str:
    """A self-described gender as the figures group it; "" when nothing was given.

    Woman, man and non-binary are recognised in their usual words ("female" is
    "Woman"); anything else is shown as given, spaces tidied and capitalised.
    """
    if key := gender_key(text):
        return key.capitalize()
    words = " ".join(text.split())
    return words[:1].upper() + words[1:]


class _Keys:
    """Makes the counts of one programme's figures."""

    def __init__(self, programme_id: int, today: dt.date) -> None:
        self.programme_id = programme_id
        self.today = today

    def count(
        self, kind: RecordKind, ids: Iterable[int], title: str, *, dated: bool = False
    ) -> Count:
        key = RecordKey(
            kind, self.programme_id, tuple(sorted(set(ids))), title, self.today if dated else None
        )
        return Count(key)


def programme_figures(session: Session, programme_id: int, today: dt.date) -> ProgrammeFigures:
    """Every figure of a programme on ``today``, each with the key to its records.

    Raises:
        NotFound: the programme no longer exists.
    """
    programme = get_programme(session, programme_id)
    keys = _Keys(programme_id, today)
    strands, totals = _application_figures(session, keys)
    participants = _accepted(session, programme_id)
    return ProgrammeFigures(
        programme_id=programme_id,
        programme_name=programme.name,
        today=today,
        min_group_size=programme.min_group_size,
        applications=totals,
        strands=strands,
        pairings=_pairing_figures(session, keys),
        training=_training_figures(session, keys, participants),
        events=_event_figures(session, keys, ZoneInfo(programme.timezone)),
        participation=_participation_figures(
            keys, participants, ladder_of(session, programme_id), merged_names(session)
        ),
        surveys=_survey_figures(session, keys),
    )


# Applications ----------------------------------------------------------------


class _Application(NamedTuple):
    id: int
    strand_id: int
    role: Role
    status: ApplicationStatus


def _application_figures(
    session: Session, keys: _Keys
) -> tuple[tuple[StrandFigures, ...], ApplicationFigures]:
    strands = sorted(
        session.execute(
            select(Strand.id, Strand.name, Strand.format, Strand.places).where(
                Strand.programme_id == keys.programme_id
            )
        ),
        key=lambda strand: (sort_key(strand.name), strand.id),
    )
    applications = [
        _Application(*row)
        for row in session.execute(
            select(Application.id, Application.strand_id, Application.role, Application.status)
            .join(Strand, Application.strand_id == Strand.id)
            .where(Strand.programme_id == keys.programme_id)
        )
    ]
    per_strand = tuple(
        StrandFigures(
            strand_id=strand_id,
            name=name,
            format=strand_format,
            **vars(
                _application_counts(
                    keys, [a for a in applications if a.strand_id == strand_id], places, name
                )
            ),
        )
        for strand_id, name, strand_format, places in strands
    )
    limited = {s.id for s in strands if s.places is not None}
    known = [s.places for s in strands if s.places is not None]
    totals = _application_counts(
        keys, applications, sum(known) if known else None, "", limited=limited
    )
    return per_strand, totals


def _application_counts(
    keys: _Keys,
    applications: list[_Application],
    places: int | None,
    strand: str,
    *,
    limited: set[int] | None = None,
) -> ApplicationFigures:
    """The figures of ``applications``: one strand's (named), or every strand's ("").

    ``limited`` are the strands that set a number of places, when counting every
    strand; one strand's accepted mentees take places when it sets a number.
    """
    where = f" in {strand}" if strand else ""

    def count(title: str, wanted: Iterable[_Application]) -> Count:
        return keys.count(RecordKind.APPLICATIONS, (a.id for a in wanted), title + where)

    mentees = [a for a in applications if a.role is Role.MENTEE]
    mentors = [a for a in applications if a.role is Role.MENTOR]
    by_status: dict[ApplicationStatus, list[_Application]] = defaultdict(list)
    for application in applications:
        by_status[application.status].append(application)
    accepted = ApplicationStatus.ACCEPTED
    accepted_mentees = [a for a in mentees if a.status is accepted]
    if limited is None:
        taking = accepted_mentees if places is not None else []
    else:
        taking = [a for a in accepted_mentees if a.strand_id in limited]
    return ApplicationFigures(
        places=places,
        applications=count("Applications", applications),
        mentee_applications=count("Mentee applications", mentees),
        mentor_applications=count("Mentor applications", mentors),
        accepted_mentees=count("Accepted mentees", accepted_mentees),
        places_taken=keys.count(
            RecordKind.APPLICATIONS,
            (a.id for a in taking),
            f"Accepted mentees taking places{where or ' (strands with a number of places)'}",
        ),
        accepted_mentors=count("Accepted mentors", (a for a in mentors if a.status is accepted)),
        by_status=tuple(
            StatusCount(status, count(f"Applications {status.label.lower()}", by_status[status]))
            for status in ApplicationStatus
        ),
    )


# Pairings ----------------------------------------------------------------------


def _pairing_figures(session: Session, keys: _Keys) -> PairingFigures:
    pairings = session.execute(
        select(Pairing.id, Pairing.status, Pairing.draft)
        .join(Strand, Pairing.strand_id == Strand.id)
        .where(Strand.programme_id == keys.programme_id)
    ).all()
    published = [(i, status) for i, status, draft in pairings if not draft]
    overdue = overdue_check_ins(session, keys.programme_id, keys.today)
    pairing = RecordKind.PAIRINGS
    return PairingFigures(
        published=keys.count(pairing, (i for i, _ in published), "Published pairings"),
        by_status=tuple(
            StatusCount(
                status,
                keys.count(
                    pairing, (i for i, s in published if s is status), f"Pairings: {status.label}"
                ),
            )
            for status in PairingStatus
        ),
        active=keys.count(
            pairing, (i for i, s in published if s in ACTIVE_STATUSES), "Active pairings"
        ),
        drafts=keys.count(pairing, (i for i, _s, draft in pairings if draft), "Draft pairings"),
        overdue_check_ins=keys.count(
            RecordKind.CHECK_INS, (c.check_in_id for c in overdue), "Overdue check-ins", dated=True
        ),
    )


# Training ----------------------------------------------------------------------


def _training_figures(
    session: Session, keys: _Keys, participants: list[_Participant]
) -> TrainingFigures:
    rules = requirements(session, keys.programme_id)
    in_programme = Strand.programme_id == keys.programme_id
    strand_names = {
        strand_id: name
        for strand_id, name in session.execute(select(Strand.id, Strand.name).where(in_programme))
    }
    missing = {(m.person_id, m.kind) for m in missing_training(session, keys.programme_id)}
    people = RecordKind.PEOPLE
    figures = []
    for rule in rules:
        required = {
            p.person_id
            for p in participants
            if p.role is rule.role and rule.strand_id in (None, p.strand_id)
        }
        not_yet = {p for p in required if (p, rule.kind) in missing}
        strand = strand_names.get(rule.strand_id, "") if rule.strand_id is not None else ""
        title = requirement_label(rule.kind, rule.role, strand)
        figures.append(
            RequirementFigures(
                kind=rule.kind,
                role=rule.role,
                strand=strand,
                required=keys.count(people, required, f"{title}: required"),
                completed=keys.count(people, required - not_yet, f"{title}: completed"),
                missing=keys.count(people, not_yet, f"{title}: not yet completed"),
            )
        )
    required_anywhere = {p for f in figures for p in f.required.records.ids}
    missing_anywhere = {p for f in figures for p in f.missing.records.ids}
    return TrainingFigures(
        requirements=tuple(figures),
        required=keys.count(people, required_anywhere, "Participants required to train"),
        complete=keys.count(
            people,
            required_anywhere - missing_anywhere,
            "Participants who completed their required training",
        ),
        missing=keys.count(people, missing_anywhere, "Participants still missing training"),
    )


# Events ------------------------------------------------------------------------


def _event_figures(session: Session, keys: _Keys, zone: ZoneInfo) -> tuple[EventFigures, ...]:
    tomorrow = dt.datetime.combine(keys.today + dt.timedelta(days=1), dt.time(), zone)
    past = (
        Event.programme_id == keys.programme_id,
        Event.cancelled.is_(False),
        Event.kind != EventKind.DEADLINE,
        Event.starts_at < tomorrow,
    )
    register: dict[int, list[tuple[int, AttendanceStatus, Rsvp]]] = defaultdict(list)
    for attendance_id, event_id, status, rsvp in session.execute(
        select(Attendance.id, Attendance.event_id, Attendance.status, Attendance.rsvp)
        .join(Event, Attendance.event_id == Event.id)
        .where(*past)
    ):
        register[event_id].append((attendance_id, status, rsvp))
    figures = []
    attendance = RecordKind.ATTENDANCE
    for event_id, title, kind, starts_at in session.execute(
        select(Event.id, Event.title, Event.kind, Event.starts_at)
        .where(*past)
        .order_by(Event.starts_at, Event.id)
    ):
        lines = register.get(event_id)
        if not lines:
            continue  # nobody was invited or recorded: nothing to measure
        registered = (i for i, s, r in lines if AttendanceStatus.REGISTERED in register_marks(s, r))
        attended = (i for i, s, _r in lines if s is AttendanceStatus.ATTENDED)
        figures.append(
            EventFigures(
                event_id=event_id,
                title=title,
                kind=kind,
                starts_at=starts_at,
                invited=keys.count(attendance, (i for i, _s, _r in lines), f"Invited: {title}"),
                registered=keys.count(attendance, registered, f"Registered: {title}"),
                attended=keys.count(attendance, attended, f"Attended: {title}"),
            )
        )
    return tuple(figures)


# Participation -----------------------------------------------------------------


@dataclass(frozen=True)
class _Participant:
    person_id: int
    role: Role
    strand_id: int
    gender: str
    stage: str
    organisation: str
    position: str


def _accepted(session: Session, programme_id: int) -> list[_Participant]:
    """One line per accepted application of the programme, with the applicant's particulars."""
    query = applicants_in(
        programme_id,
        Person.id,
        Application.role,
        Application.strand_id,
        Person.gender,
        Person.stage,
        Person.organisation,
        Person.position,
    )
    return [_Participant(*row) for row in session.execute(query)]


def _participation_figures(
    keys: _Keys,
    participants: list[_Participant],
    ladder: Ladder,
    organisation: Callable[[str], str],
) -> ParticipationFigures:
    people = RecordKind.PEOPLE

    def who(lines: Iterable[_Participant], role: Role | None = None) -> set[int]:
        return {p.person_id for p in lines if role is None or p.role is role}

    def group(dimension: str, label: str, lines: list[_Participant]) -> ParticipationGroup:
        title = f"({dimension}: {label or 'not recorded'})"
        return ParticipationGroup(
            label=label or NOT_RECORDED,
            people=keys.count(people, who(lines), f"Participants {title}"),
            mentors=keys.count(people, who(lines, Role.MENTOR), f"Mentors {title}"),
            mentees=keys.count(people, who(lines, Role.MENTEE), f"Mentees {title}"),
        )

    def breakdown(
        dimension: str,
        value: Callable[[_Participant], str],
        order: Callable[[ParticipationGroup], tuple[int, str]],
    ) -> Breakdown:
        # Values differing only in case are one group, shown as first met.
        by_value: dict[str, list[_Participant]] = defaultdict(list)
        shown: dict[str, str] = {}
        for p in participants:
            text = value(p)
            by_value[text.casefold()].append(p)
            shown.setdefault(text.casefold(), text)
        groups = [group(dimension, shown[k], lines) for k, lines in by_value.items() if k]
        return Breakdown(tuple(sorted(groups, key=order)), group(dimension, "", by_value[""]))

    def stage(p: _Participant) -> str:
        # Read as matching and the list of stages to confirm read it.
        found, _guessed = ladder.resolve(p.stage, p.position)
        return found.name if found else " ".join(p.stage.split())

    ranks = {s.name: rank for rank, s in enumerate(ladder.stages)}
    return ParticipationFigures(
        participants=keys.count(people, who(participants), "Participants"),
        mentors=keys.count(people, who(participants, Role.MENTOR), "Mentors"),
        mentees=keys.count(people, who(participants, Role.MENTEE), "Mentees"),
        # Genders and organisations from the largest group down; career stages in the
        # programme's order, then any name not in its list.
        by_gender=breakdown(
            "gender", lambda p: gender_label(p.gender), lambda g: (-g.people.value, g.label)
        ),
        by_career_stage=breakdown(
            "career stage",
            stage,
            lambda g: (ranks.get(g.label, len(ranks)), sort_key(g.label)),
        ),
        by_organisation=breakdown(
            "organisation",
            lambda p: organisation(p.organisation),
            lambda g: (-g.people.value, sort_key(g.label)),
        ),
    )


# Surveys -----------------------------------------------------------------------


def _survey_figures(session: Session, keys: _Keys) -> SurveyFigures:
    feedback = feedback_summary(session, keys.programme_id)
    people = RecordKind.PEOPLE
    return SurveyFigures(
        feedback=feedback,
        respondents=keys.count(people, feedback.person_ids, "People who answered the feedback"),
        items=tuple(
            ItemFigures(
                change,
                keys.count(
                    people, change.person_ids, f"Answered before and after – {_short(change.text)}"
                ),
            )
            for change in item_changes(session, keys.programme_id)
        ),
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
