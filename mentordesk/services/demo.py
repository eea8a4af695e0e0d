"""A realistic, deterministic demo programme modelled on ADVANCE (University of Luxembourg).

Every name is invented and every email uses a reserved ``.example`` domain
(``services/demo_data.py``), so the demo can be shown, screenshotted and shared freely.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    CheckInOutcome,
    ContractType,
    EventKind,
    MentorResponse,
    PairingStatus,
    Role,
    StrandFormat,
    SurveyItemType,
)
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.demo_data import (
    AVAILABILITY,
    CHANGES,
    EXPERTISE,
    FIELDS,
    FIRST_NAMES,
    HOPES,
    INSTITUTIONS,
    LANGUAGES,
    LAST_NAMES,
    MENTEE_GOALS,
    MENTEE_NEEDS,
    NOTES,
    OTHER_QUESTIONS,
    TO_CHANGE,
    WORKED,
)
from mentordesk.services.events import EventInput, add_event, set_attendance
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.other_answers import OtherAnswer, set_other_answers
from mentordesk.services.pairings import CheckInInput, PairingInput, add_pairing
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    strand_choices,
)
from mentordesk.services.survey_answers import AnswerValue
from mentordesk.services.survey_templates import TEMPLATES
from mentordesk.services.surveys import add_survey_from_template, record_response
from mentordesk.services.training import Requirement, set_requirements
from mentordesk.store.models import Application, Pairing, PairingMember, Person
from mentordesk.store.programme_file import ProgrammeFile

DEMO_PROGRAMME = "ADVANCE 2026"
DEMO_PEOPLE = 60
TIMEZONE = ZoneInfo("Europe/Luxembourg")


@dataclass
class _Participant:
    person_id: int
    stage: str


def build_demo(programme_file: ProgrammeFile, *, size: int | None = None) -> int:
    """Fill an open programme file with the demo programme and return its id.

    Args:
        programme_file: an open file, normally new and empty.
        size: how many people to create; the default is the ordinary demo of
            about sixty. Larger sizes build stores for benchmarks.
    """
    people = size if size is not None else DEMO_PEOPLE
    rng = random.Random(2026)
    with programme_file.session() as session:
        programme_id = create_programme(
            session,
            ProgrammeInput(
                name=DEMO_PROGRAMME,
                # The academic career stages, as a coordinator starting from this template has.
                template="three-strands",
                description=(
                    "ADVANCE fosters a supportive research culture through mentoring, training "
                    "and networking, with the University of Luxembourg and the LIH, LISER and "
                    "LIST research institutes."
                ),
                starts_on=dt.date(2026, 1, 15),
                ends_on=dt.date(2026, 12, 15),
                applications_open_on=dt.date(2025, 10, 1),
                applications_close_on=dt.date(2025, 11, 30),
                timezone=TIMEZONE.key,
                max_mentees_per_mentor=4,
                max_grade_gap=2,
                duration_months=11,
                strands=[
                    StrandInput(
                        "Faculty",
                        StrandFormat.ONE_TO_ONE,
                        max(10, people // 6),
                        "One-to-one mentoring for researchers on permanent contracts.",
                    ),
                    StrandInput(
                        "Fellows",
                        StrandFormat.ONE_TO_ONE,
                        max(20, people // 3),
                        "One-to-one mentoring for researchers on fixed-term contracts.",
                    ),
                    StrandInput(
                        "Circles",
                        StrandFormat.GROUP,
                        max(12, people // 5),
                        "Group mentoring for doctoral candidates.",
                    ),
                ],
            ),
        )
        strands = {s.name: s.id for s in strand_choices(session, programme_id)}
        mentors, mentees = _add_people(session, rng, people, strands)
        _add_line_managers(session, mentors, mentees)
        _add_pairings(session, rng, strands, mentors, mentees)
        _add_waitlist_and_answers(session, strands, mentees)
        _add_availability_and_other_answers(session)
        events = _add_events(session, programme_id)
        _add_attendance(session, rng, events, mentors, mentees)
        _add_training_rules(session, programme_id)
        _add_notes(session, mentees)
        _add_surveys(session, programme_id, mentors, mentees)
    return programme_id


def _add_training_rules(session: Session, programme_id: int) -> None:
    """Orientation for everyone, mentor training for mentors, and a catch-up session to come."""
    set_requirements(
        session,
        programme_id,
        [
            Requirement(EventKind.ORIENTATION, Role.MENTEE),
            Requirement(EventKind.ORIENTATION, Role.MENTOR),
            Requirement(EventKind.MENTOR_TRAINING, Role.MENTOR),
        ],
    )
    catch_up = dt.date(2026, 12, 3)
    add_event(
        session,
        programme_id,
        EventInput(
            EventKind.ORIENTATION,
            "Orientation training (catch-up session)",
            _local(catch_up, 14),
            _local(catch_up, 17),
            description="For everyone who missed the January and February sessions.",
            capacity=30,
            online_link="https://teams.example/l/meetup-join/advance-orientation",
            facilitator="Dr Hélène Marx, EMCC-accredited mentoring trainer",
        ),
    )


def _email(first: str, last: str, domain: str, taken: set[str]) -> str:
    base = f"{first}.{last}".lower().replace(" ", "")
    for a, b in (
        ("é", "e"),
        ("è", "e"),
        ("ü", "u"),
        ("ö", "o"),
        ("ä", "a"),
        ("í", "i"),
        ("–", "-"),
    ):
        base = base.replace(a, b)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    taken.add(candidate)
    return f"{candidate}@{domain}"


def _add_people(
    session: Session, rng: random.Random, count: int, strands: dict[str, int]
) -> tuple[dict[str, list[_Participant]], dict[str, list[_Participant]]]:
    """Add mentors (a third) and mentees, each with an application in some status."""
    mentors: dict[str, list[_Participant]] = {name: [] for name in strands}
    mentees: dict[str, list[_Participant]] = {name: [] for name in strands}
    taken: set[str] = set()
    statuses = list(ApplicationStatus)
    mentor_stages = ("Full professor", "Associate professor", "Research scientist")
    for index in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        organisation, domain, departments = INSTITUTIONS[
            0 if rng.random() < 0.6 else rng.randrange(1, 4)
        ]
        is_mentor = index % 3 == 0
        if is_mentor:
            stage = rng.choice(mentor_stages)
            strand = ("Faculty", "Fellows", "Circles")[index // 3 % 3]
            contract = ContractType.PERMANENT
        else:
            strand = ("Faculty", "Fellows", "Fellows", "Circles")[index % 4]
            stage = {
                "Faculty": "Assistant professor",
                "Fellows": rng.choice(("Postdoctoral researcher", "Research assistant")),
                "Circles": "Doctoral candidate",
            }[strand]
            contract = {
                "Faculty": ContractType.PERMANENT,
                "Fellows": ContractType.FIXED_TERM,
                "Circles": ContractType.STUDENT,
            }[strand]
        person_id = add_person(
            session,
            PersonInput(
                first_name=first,
                last_name=last,
                email=_email(first, last, domain, taken),
                organisation=organisation,
                department=rng.choice(departments),
                position=stage,
                stage=stage,
                # A few stages read from the position by an import, still to confirm.
                stage_guessed=index % 10 == 7,
                contract_type=contract,
                field=rng.choice(FIELDS),
                expertise=", ".join(rng.sample(EXPERTISE, 3)),
                languages=", ".join(rng.sample(LANGUAGES, 2)),
                gender=rng.choice(("woman", "woman", "man", "", "non-binary")),
                consent_on=dt.date(2025, 10, 1) + dt.timedelta(days=rng.randrange(60)),
            ),
        )
        role = Role.MENTOR if is_mentor else Role.MENTEE
        # Most participants are accepted; the rest spread over every other status.
        status = ApplicationStatus.ACCEPTED if rng.random() < 0.7 else rng.choice(statuses)
        add_application(
            session,
            person_id,
            ApplicationInput(
                strand_id=strands[strand],
                role=role,
                status=status,
                submitted_on=dt.date(2025, 10, 1) + dt.timedelta(days=rng.randrange(60)),
                goals="" if is_mentor else rng.choice(MENTEE_GOALS),
                development_needs="" if is_mentor else ", ".join(rng.sample(MENTEE_NEEDS, 2)),
                preferences=rng.choice(
                    (
                        "",
                        "A mentor from another institution.",
                        "Meet in person.",
                        "Online meetings suit me best.",
                    )
                ),
                capacity=rng.choice((1, 2, 3, 4)) if is_mentor else None,
                source="ADVANCE application form 2025.xlsx" if index % 5 else "typed in",
            ),
        )
        if status is ApplicationStatus.ACCEPTED:
            (mentors if is_mentor else mentees)[strand].append(_Participant(person_id, stage))
    return mentors, mentees


def _add_line_managers(
    session: Session,
    mentors: dict[str, list[_Participant]],
    mentees: dict[str, list[_Participant]],
) -> None:
    """Give two mentees of each one-to-one strand a line manager among its other mentors.

    Matching then never proposes a mentor in a mentee's reporting line, and the
    demo shows it refusing one.
    """
    for strand in ("Faculty", "Fellows"):
        leads = mentors[strand]
        if len(leads) < 2:
            continue
        for index, mentee in enumerate(mentees[strand][:2]):
            # Not the mentor the demo pairs them with (the next one along).
            manager = leads[(index + 1) % len(leads)]
            person = session.get(Person, mentee.person_id)
            assert person is not None
            person.line_manager_id = manager.person_id
    session.flush()


def _add_pairings(
    session: Session,
    rng: random.Random,
    strands: dict[str, int],
    mentors: dict[str, list[_Participant]],
    mentees: dict[str, list[_Participant]],
) -> None:
    """Pair accepted mentees with accepted mentors; Circles mentees form circles of up to five."""
    statuses = itertools.cycle(
        (
            PairingStatus.ACTIVE,
            PairingStatus.ACTIVE,
            PairingStatus.PROPOSED,
            PairingStatus.ACTIVE,
            PairingStatus.INTRODUCED,
            PairingStatus.ACTIVE,
            PairingStatus.PAUSED,
            PairingStatus.ACTIVE,
            PairingStatus.COMPLETED,
            PairingStatus.ACTIVE,
            PairingStatus.ENDED_EARLY,
        )
    )
    for strand in ("Faculty", "Fellows"):
        # Fellows mentors take two mentees each, Faculty mentors one.
        rounds = 2 if strand == "Fellows" else 1
        for mentor, mentee in zip(mentors[strand] * rounds, mentees[strand], strict=False):
            status = next(statuses)
            started = dt.date(2026, 2, 1) if status is not PairingStatus.PROPOSED else None
            add_pairing(
                session,
                PairingInput(
                    strand_id=strands[strand],
                    mentor_id=mentor.person_id,
                    mentee_ids=[mentee.person_id],
                    status=status,
                    proposed_on=dt.date(2026, 1, 10),
                    started_on=started,
                    ended_on=dt.date(2026, 6, 30) if status is PairingStatus.ENDED_EARLY else None,
                    match_score=round(rng.uniform(55, 95), 1),
                    match_explanation=(
                        "Shared field and language; mentor outside the mentee's reporting line."
                    ),
                    meeting_frequency=rng.choice(
                        ("Every three weeks", "Monthly", "Every two weeks")
                    ),
                    meeting_length=rng.choice(("45 minutes", "1 hour", "90 minutes")),
                    meeting_venue=rng.choice(
                        ("Maison du Savoir, Belval", "Online (Teams)", "Café at Kirchberg campus")
                    ),
                    contact_between_meetings="Email",
                    review_on=dt.date(2026, 7, 1),
                    check_ins=_check_ins(rng, started, status),
                ),
            )
    circle_mentors, circle_mentees = mentors["Circles"], mentees["Circles"]
    for n, facilitator in enumerate(circle_mentors):
        group = circle_mentees[n * 5 : n * 5 + 5]
        if not group:
            break
        add_pairing(
            session,
            PairingInput(
                strand_id=strands["Circles"],
                mentor_id=facilitator.person_id,
                mentee_ids=[m.person_id for m in group],
                name=f"Circle {chr(ord('A') + n % 26)}{'' if n < 26 else n // 26}",
                status=PairingStatus.ACTIVE,
                proposed_on=dt.date(2026, 1, 10),
                started_on=dt.date(2026, 2, 1),
                meeting_frequency="Monthly",
                meeting_length="2 hours",
                meeting_venue="Belval campus, room MSA 3.050",
                contact_between_meetings="Circle chat",
                review_on=dt.date(2026, 7, 1),
                check_ins=_check_ins(rng, dt.date(2026, 2, 1)),
            ),
        )


def _add_waitlist_and_answers(
    session: Session, strands: dict[str, int], mentees: dict[str, list[_Participant]]
) -> None:
    """Mentors' answers (a proposal still waits for one), and a few mentees waiting for a mentor."""
    for pairing in session.scalars(select(Pairing)):
        proposed = pairing.status is PairingStatus.PROPOSED
        pairing.mentor_response = MentorResponse.NONE if proposed else MentorResponse.ACCEPTED
        pairing.response_due_on = dt.date(2026, 1, 17)
    paired = set(session.scalars(select(PairingMember.person_id)))
    for strand in ("Faculty", "Fellows"):
        waiting = [m.person_id for m in mentees[strand] if m.person_id not in paired][:3]
        for rank, person_id in enumerate(waiting, start=1):
            application = session.scalars(
                select(Application).where(
                    Application.person_id == person_id,
                    Application.strand_id == strands[strand],
                    Application.role == Role.MENTEE,
                )
            ).one()
            application.waitlist_rank = rank


def _add_availability_and_other_answers(session: Session) -> None:
    """Every fourth application says when they can meet and answers the form's other questions.

    Drawn by turn rather than at random, so the rest of the demo stays as it was.
    """
    heard, anything_else = OTHER_QUESTIONS
    applications = session.scalars(select(Application).order_by(Application.id)).all()
    for turn, application in enumerate(applications[::4]):
        application.availability = AVAILABILITY[turn % len(AVAILABILITY)]
        answers = [OtherAnswer(heard[0], heard[1][turn % len(heard[1])])]
        if turn % 3 == 0:
            answers.append(
                OtherAnswer(anything_else[0], anything_else[1][turn // 3 % len(anything_else[1])])
            )
        set_other_answers(session, application.id, answers)


def _check_ins(
    rng: random.Random, started: dt.date | None, status: PairingStatus = PairingStatus.ACTIVE
) -> list[CheckInInput]:
    """Follow-ups every few months; most of those already due are done."""
    if started is None:
        return []
    finished = status in {PairingStatus.COMPLETED, PairingStatus.ENDED_EARLY}
    today = dt.date(2026, 11, 25)
    check_ins = []
    for month in (1, 3, 6, 9):
        due = started + dt.timedelta(days=30 * month)
        done = (
            due + dt.timedelta(days=rng.randrange(0, 10))
            if due < today and (finished or rng.random() < 0.8)
            else None
        )
        outcome = (
            rng.choice((CheckInOutcome.ON_TRACK,) * 4 + (CheckInOutcome.NEEDS_SUPPORT,))
            if done
            else None
        )
        check_ins.append(
            CheckInInput(due, done, outcome, "Both satisfied with progress." if done else "")
        )
    return check_ins


def _local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), TIMEZONE)


def _add_events(session: Session, programme_id: int) -> dict[EventKind, list[int]]:
    """Orientation and the workshops, plus five programme events, dates set at launch."""
    plan: list[tuple[EventKind, str, dt.date, int, int, str]] = [
        (
            EventKind.KICK_OFF,
            "ADVANCE 2026 kick-off",
            dt.date(2026, 1, 15),
            17,
            19,
            "Maison du Savoir, Belval",
        ),
        (
            EventKind.ORIENTATION,
            "Orientation training for mentors and mentees",
            dt.date(2026, 1, 22),
            9,
            13,
            "Maison du Savoir, Belval",
        ),
        (
            EventKind.ORIENTATION,
            "Orientation training (second session)",
            dt.date(2026, 2, 5),
            14,
            18,
            "Online (Teams)",
        ),
        (
            EventKind.MENTOR_TRAINING,
            "Effective learning conversations for mentors",
            dt.date(2026, 1, 29),
            9,
            12,
            "Kirchberg campus",
        ),
        (
            EventKind.WORKSHOP,
            "Career development workshop: negotiating your next position",
            dt.date(2026, 3, 12),
            13,
            17,
            "Belval campus, MSA 4.510",
        ),
        (
            EventKind.WORKSHOP,
            "Writing a competitive grant proposal",
            dt.date(2026, 5, 7),
            9,
            12,
            "LIST, Belvaux",
        ),
        (
            EventKind.NETWORKING,
            "Spring networking evening for women researchers",
            dt.date(2026, 4, 23),
            18,
            21,
            "Limpertsberg campus",
        ),
        (
            EventKind.NETWORKING,
            "Autumn networking event with the partner institutes",
            dt.date(2026, 10, 8),
            18,
            21,
            "LIH, Strassen",
        ),
        (EventKind.DEADLINE, "Mid-programme review forms due", dt.date(2026, 6, 30), 17, 17, ""),
        (
            EventKind.CLOSING,
            "ADVANCE 2026 closing ceremony",
            dt.date(2026, 12, 10),
            17,
            20,
            "Maison du Savoir, Belval",
        ),
    ]
    events: dict[EventKind, list[int]] = {}
    for kind, title, day, start, end, place in plan:
        event_id = add_event(
            session,
            programme_id,
            EventInput(
                kind,
                title,
                _local(day, start),
                _local(day, end),
                location=place,
                capacity=80 if kind is not EventKind.DEADLINE else None,
            ),
        )
        events.setdefault(kind, []).append(event_id)
    return events


def _add_attendance(
    session: Session,
    rng: random.Random,
    events: dict[EventKind, list[int]],
    mentors: dict[str, list[_Participant]],
    mentees: dict[str, list[_Participant]],
) -> None:
    """Everyone accepted is invited to orientation; most attend the first or second session."""
    first, second = events[EventKind.ORIENTATION]
    everyone = [p for group in (*mentors.values(), *mentees.values()) for p in group]
    for participant in everyone:
        roll = rng.random()
        if roll < 0.7:
            set_attendance(session, first, participant.person_id, AttendanceStatus.ATTENDED, 240)
        elif roll < 0.85:
            set_attendance(session, first, participant.person_id, AttendanceStatus.EXCUSED)
            set_attendance(
                session,
                second,
                participant.person_id,
                AttendanceStatus.ATTENDED,
                rng.choice((180, 240)),
            )
        else:
            set_attendance(session, first, participant.person_id, AttendanceStatus.ABSENT)
            set_attendance(session, second, participant.person_id, AttendanceStatus.REGISTERED)
    workshop = events[EventKind.WORKSHOP][0]
    for participant in rng.sample(everyone, min(len(everyone), 25)):
        status = rng.choice((AttendanceStatus.ATTENDED,) * 3 + (AttendanceStatus.ABSENT,))
        set_attendance(
            session,
            workshop,
            participant.person_id,
            status,
            240 if status is AttendanceStatus.ATTENDED else None,
        )
    mentor_training = events[EventKind.MENTOR_TRAINING][0]
    for participant in (p for group in mentors.values() for p in group):
        set_attendance(
            session, mentor_training, participant.person_id, AttendanceStatus.ATTENDED, 180
        )


def _add_notes(session: Session, mentees: dict[str, list[_Participant]]) -> None:
    people = [p for group in mentees.values() for p in group]
    for n, (title, text) in enumerate(NOTES):
        if n >= len(people):
            break
        add_note(
            session,
            NoteInput(
                dt.date(2026, 2, 1) + dt.timedelta(days=20 * n),
                title,
                text,
                person_id=people[n * 3 % len(people)].person_id,
            ),
        )
    pairing_id = session.scalar(select(Pairing.id).order_by(Pairing.id))
    if pairing_id is not None:
        add_note(
            session,
            NoteInput(
                dt.date(2026, 3, 3),
                "Agreement signed",
                "Both signed the mentoring agreement: monthly meetings, one hour, review in July.",
                pairing_id=pairing_id,
            ),
        )


def _add_surveys(
    session: Session,
    programme_id: int,
    mentors: dict[str, list[_Participant]],
    mentees: dict[str, list[_Participant]],
) -> None:
    """Every shipped questionnaire, with answers that show a programme doing some good."""
    # A generator of its own, so the surveys leave the rest of the demo as it was.
    rng = random.Random(7)
    ids = {key: add_survey_from_template(session, programme_id, key) for key in TEMPLATES}
    mentee_ids = [p.person_id for group in mentees.values() for p in group]
    mentor_ids = [p.person_id for group in mentors.values() for p in group]
    rated = [
        i.code for i in TEMPLATES["mentee_pre"].items if i.answer_type is SurveyItemType.LIKERT
    ]

    def answer(key: str, person: int, day: dt.date, answers: dict[str, AnswerValue]) -> None:
        record_response(session, ids[key], person, answers, day + dt.timedelta(rng.randrange(9)))

    for person in mentee_ids:
        if rng.random() < 0.1:
            continue
        before = {code: rng.choice((1, 2, 2, 3, 3, 3, 4)) for code in rated}
        answer("mentee_pre", person, dt.date(2026, 1, 16), {**before, "hopes": rng.choice(HOPES)})
        if rng.random() < 0.8:
            after: dict[str, AnswerValue] = {
                code: min(5, max(1, value + rng.choice((-1, 0, 1, 1, 1, 2))))
                for code, value in before.items()
            }
            after["biggest_change"] = rng.choice(CHANGES)
            answer("mentee_post", person, dt.date(2026, 11, 16), after)
    for person in mentor_ids:
        if rng.random() < 0.85:
            competencies: dict[str, AnswerValue] = {
                i.code: rng.choice((2, 3, 3, 4, 4, 5))
                for i in TEMPLATES["mentor_self_assessment"].items
                if i.answer_type is SurveyItemType.LIKERT
            }
            answer("mentor_self_assessment", person, dt.date(2026, 1, 20), competencies)
    for person in mentee_ids + mentor_ids:
        for key, start in (
            ("pulse_30", dt.date(2026, 3, 3)),
            ("pulse_60", dt.date(2026, 4, 2)),
            ("pulse_90", dt.date(2026, 5, 2)),
        ):
            if rng.random() < 0.45:
                answer(key, person, start, _pulse(rng, key))
        if rng.random() < 0.7:
            rating = rng.choice((2, 3, 4, 4, 4, 5, 5, 5))
            feedback: dict[str, AnswerValue] = {
                "overall_rating": rating,
                "would_recommend": rating >= 4 or rng.random() < 0.3,
                "match_fit": min(5, rating + rng.choice((-1, 0, 0, 1))),
                "goals_progress": rng.choice((3, 4, 4, 5)),
                "orientation_useful": rng.choice((3, 4, 4, 5)),
                "events_useful": rng.choice((2, 3, 4, 4, 5)),
                "organisation": rng.choice((3, 4, 5, 5)),
            }
            if rng.random() < 0.5:
                feedback["what_worked"] = rng.choice(WORKED)
                feedback["what_to_change"] = rng.choice(TO_CHANGE)
            answer("programme_feedback", person, dt.date(2026, 11, 18), feedback)


def _pulse(rng: random.Random, key: str) -> dict[str, AnswerValue]:
    """The answers to one pulse check: mostly on track, now and then a call for help."""
    going = rng.random() < 0.85
    answers: dict[str, AnswerValue]
    if key == "pulse_30":
        answers = {"met_yet": going, "agreement_made": going or rng.random() < 0.5}
    elif key == "pulse_60":
        answers = {"meeting_as_agreed": going, "goals_progress": rng.choice((2, 3, 4, 4, 5))}
    else:
        answers = {"on_track": going, "meeting_value": rng.choice((3, 4, 4, 5))}
    rating = rng.choice((3, 4, 4, 5)) if going else rng.choice((1, 2, 3))
    answers["relationship_start" if key == "pulse_30" else "relationship_quality"] = rating
    if not going:
        answers["need_help"] = "We have not managed to find a time to meet; could you help?"
    return answers
