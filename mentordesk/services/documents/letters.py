"""Introduction letters: one for the mentor and one for each mentee of a new pairing.

A letter tells its reader who the other person (or the circle) is, why they were
matched, what is expected of their role, how to start, the training they have done
or still need, and the dates of the programme's events still to come. A batch of
letters is all or nothing, and never replaces a file already in the folder.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import (
    TRAINING_KINDS,
    AttendanceStatus,
    Audience,
    PairingStatus,
    Role,
    StrandFormat,
)
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.pdf import Document, format_date, format_time
from mentordesk.formats.tables import CellValue
from mentordesk.services.collation import person_key
from mentordesk.services.documents.common import (
    Progress,
    check_output_folder,
    event_place,
    event_when,
    letterhead,
    local_day,
    sign_off,
    write_batch,
)
from mentordesk.services.pairings import WITH_PEOPLE, get_pairing, pairings_to_introduce
from mentordesk.services.programmes import get_programme
from mentordesk.services.training import MissingTraining, missing_training
from mentordesk.store.models import (
    Application,
    Attendance,
    Event,
    Pairing,
    Person,
    Programme,
)

#: What a programme asks of each role, from the programmes MentorDesk was built for:
#: ADVANCE (orientation for all, learner-centred), CLES One Step Beyond (agreed
#: meetings, respect for time, confidentiality, review, impact questionnaires), the
#: mid-career roles matrix (career plan, resources, sponsors, candid feedback) and
#: CERN WIT (the committee as the confidential referral point).
MENTOR_EXPECTATIONS = (
    "Complete the programme's training for mentors before your first meeting, if you "
    "have not already.",
    "Meet regularly, at the frequency, length and place you agree together, and respect "
    "your mentee's time and other responsibilities.",
    "Listen, ask questions and act as a sounding board, offering impartial feedback drawn "
    "from your own experience; the decisions remain your mentee's.",
    "Help your mentee set, carry out and review a career development plan, and connect "
    "them with resources, opportunities and people who can support or sponsor them.",
    "Keep what you discuss confidential.",
    "Tell the programme team early if the partnership is not working, or if you need support.",
)
FACILITATOR_EXPECTATIONS = (
    "Complete the programme's training for mentors before the circle's first meeting, if "
    "you have not already.",
    "Hold the circle's meetings at the frequency, length and place agreed with its members, "
    "and make room for every member to speak.",
    "Help each member set goals and learn from the others' experience as well as yours.",
    "Keep what the circle discusses confidential, and ask the members to do the same.",
    "Tell the programme team early if the circle is not working, or if you need support.",
)
MENTEE_EXPECTATIONS = (
    "Attend the orientation training, if you have not already.",
    "Take the lead: propose meeting times, set the agenda and come prepared with your goals "
    "and questions.",
    "Think about your career goals and the areas where you want to grow, and seek out "
    "training and opportunities.",
    "Respect your mentor's time: keep your appointments, and let them know in good time if "
    "you need to change one.",
    "Keep what you discuss confidential.",
    "Fill in the short questionnaires before and after the mentoring, and give candid "
    "feedback, so the programme can improve.",
)
CIRCLE_MEMBER_EXPECTATIONS = (
    "Attend the orientation training, if you have not already.",
    "Come to the circle's meetings prepared to share your goals, questions and experience.",
    "Support the other members as they support you, and respect everyone's time.",
    "Keep what the circle discusses confidential.",
    "Fill in the short questionnaires before and after the programme, and give candid "
    "feedback, so the programme can improve.",
)


@dataclass
class _Diary:
    """What every letter of one programme draws on, loaded once for a batch."""

    programme: Programme
    today: dt.date
    zone: ZoneInfo
    events: list[Event]
    invited: dict[int, set[int]]
    missing: dict[int, list[MissingTraining]] = field(default_factory=dict)
    trained: dict[int, list[Event]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, programme: Programme, today: dt.date) -> _Diary:
        zone = ZoneInfo(programme.timezone)
        start = dt.datetime.combine(today, dt.time(), zone)
        events = list(
            session.scalars(
                select(Event)
                .where(
                    Event.programme_id == programme.id,
                    Event.cancelled.is_(False),
                    Event.ends_at >= start,
                )
                .order_by(Event.starts_at, Event.id)
            )
        )
        invited: dict[int, set[int]] = defaultdict(set)
        if events:
            for person_id, event_id in session.execute(
                select(Attendance.person_id, Attendance.event_id).where(
                    Attendance.event_id.in_([e.id for e in events])
                )
            ):
                invited[person_id].add(event_id)
        missing: dict[int, list[MissingTraining]] = defaultdict(list)
        now = dt.datetime.combine(today, dt.time(), zone)
        for line in missing_training(session, programme.id, now=now):
            missing[line.person_id].append(line)
        trained: dict[int, list[Event]] = defaultdict(list)
        for person_id, event in session.execute(
            select(Attendance.person_id, Event)
            .join(Event)
            .where(
                Event.programme_id == programme.id,
                Event.kind.in_(TRAINING_KINDS),
                Attendance.status == AttendanceStatus.ATTENDED,
            )
            .order_by(Event.starts_at)
        ):
            trained[person_id].append(event)
        return cls(programme, today, zone, events, invited, missing, trained)

    def events_for(self, person_id: int, role: Role, strand_id: int) -> list[Event]:
        """The events still to come that are meant for this person."""
        chosen = []
        for event in self.events:
            audience = event.audience
            if (
                audience is Audience.EVERYONE
                or (audience is Audience.MENTORS and role is Role.MENTOR)
                or (audience is Audience.MENTEES and role is Role.MENTEE)
                or (audience is Audience.STRAND and event.audience_strand_id in (None, strand_id))
                or event.id in self.invited.get(person_id, ())
            ):
                chosen.append(event)
        return chosen


def _load_pairings(session: Session, pairing_ids: Sequence[int]) -> list[Pairing]:
    pairings = {
        p.id: p
        for p in session.scalars(
            select(Pairing).where(Pairing.id.in_(pairing_ids)).options(*WITH_PEOPLE)
        )
    }
    if missing := [i for i in pairing_ids if i not in pairings]:
        raise NotFound(
            f"{len(missing)} of the pairings chosen for letters are no longer in the file."
        )
    return [pairings[i] for i in pairing_ids]


def _mentees(pairing: Pairing) -> list[Person]:
    return sorted((m.person for m in pairing.members), key=lambda p: (person_key(p), p.id))


def _check_letter_pairing(pairing: Pairing) -> None:
    # Messages name the pairing by its id, never by its people: an error may be logged.
    if pairing.draft:
        raise InvalidInput(
            f"Pairing {pairing.id} is still a draft proposal: publish it before writing its "
            "introduction letters."
        )
    if pairing.status in (PairingStatus.ENDED_EARLY, PairingStatus.REMATCHED):
        raise InvalidInput(
            f"Pairing {pairing.id} has ended ({pairing.status.label.lower()}), so it needs no "
            "introduction."
        )


def _application(
    session: Session, person_id: int, strand_id: int, role: Role
) -> Application | None:
    return session.scalar(
        select(Application).where(
            Application.person_id == person_id,
            Application.strand_id == strand_id,
            Application.role == role,
        )
    )


def _person_facts(person: Person, *, with_email: bool = True) -> list[tuple[str, CellValue]]:
    facts: list[tuple[str, CellValue]] = [
        ("Name", person.full_name),
        ("Position", person.position),
        ("Department", person.department),
        ("Organisation", person.organisation),
        ("Field", person.field),
        ("Languages", person.languages),
    ]
    if with_email:
        facts.append(("Email", person.email))
    return facts


def _why_matched(explanation: str, *, group: bool) -> str:
    """What a letter says under "Why you were matched"; "" leaves the section out.

    A pairing explained only by facts ("2 levels apart") or the coordinator's notes
    gives no reason, and the letter then gives none rather than a fact as one.
    """
    if explanation.strip():
        # Here, not at the top: the matching package brings SciPy, which the window's
        # start (and every letter module's user) must not wait for.
        from mentordesk.services.matching.core import fit_reasons

        return fit_reasons(explanation)
    if group:
        return (
            "The programme team formed this circle so that its members, at a similar stage of "
            "their careers, learn from each other as well as from the facilitator."
        )
    return (
        "The programme team matched you on what you both wrote in your applications: the "
        "mentee's goals and development needs, and the mentor's experience."
    )


def _letter(session: Session, diary: _Diary, pairing: Pairing, person: Person) -> Document:
    """One person's introduction letter for one pairing."""
    programme, strand = diary.programme, pairing.strand
    group = strand.format is StrandFormat.GROUP
    mentees = _mentees(pairing)
    is_mentor = person.id == pairing.mentor_id
    if not is_mentor and person.id not in {m.id for m in mentees}:
        raise InvalidInput(
            f"Person {person.id} is not in pairing {pairing.id}, so has no letter for it."
        )
    role = Role.MENTOR if is_mentor else Role.MENTEE
    circle = pairing.name or "your circle"
    document = Document(
        letterhead(programme, diary.today, "Introduction letter", "Personal"),
        title=f"Introduction letter – {programme.name}",
    )
    address = [person.full_name, person.position, person.department, person.organisation]
    document.paragraph("\n".join(line for line in address if line.strip()), style="small")
    document.paragraph(format_date(diary.today, long=True), style="small")
    document.spacer(4)
    if group:
        title = f"Your circle, {pairing.name}" if pairing.name else "Your circle"
    else:
        title = "Your mentee" if is_mentor else "Your mentor"
    document.title_block(title, f"{programme.name} · {strand.name} strand")
    document.paragraph(f"Dear {person.first_name or person.full_name},")
    mentor = pairing.mentor
    if group and is_mentor:
        opening = (
            f"Thank you for facilitating a circle in {programme.name}. We are delighted to "
            f"introduce you to the {len(mentees)} members of {circle}."
        )
    elif group:
        opening = (
            f"Welcome to {programme.name}. We are delighted to introduce you to {circle}: "
            f"your facilitator, {mentor.full_name}, and the other members of the circle."
        )
    elif is_mentor:
        opening = (
            f"Thank you for volunteering as a mentor in {programme.name}. We are delighted "
            f"to introduce you to your mentee, {_described(mentees[0])}."
        )
    else:
        opening = (
            f"Welcome to {programme.name}. We are delighted to introduce you to your mentor, "
            f"{_described(mentor)}."
        )
    document.paragraph(opening)

    if group:
        if not is_mentor:
            document.heading("Your facilitator", level=2)
            document.key_values(_person_facts(mentor), skip_empty=True)
        others = [m for m in mentees if m.id != person.id]
        if others:
            document.heading(
                "The members of the circle" if is_mentor else "The other members", level=2
            )
            document.table(
                ["Name", "Position", "Department", "Email"],
                [[m.full_name, m.position, m.department, m.email] for m in others],
                widths=[26, 22, 30, 30],
            )
    elif is_mentor:
        mentee = mentees[0]
        document.heading("About your mentee", level=2)
        facts = _person_facts(mentee)
        application = _application(session, mentee.id, strand.id, Role.MENTEE)
        if application is not None:
            facts += [
                ("Hopes to work on", application.goals),
                ("Development needs", application.development_needs),
            ]
        document.key_values(facts, skip_empty=True)
    else:
        document.heading("About your mentor", level=2)
        facts = _person_facts(mentor)
        facts.insert(5, ("Experience", mentor.expertise))
        document.key_values(facts, skip_empty=True)

    if why := _why_matched(pairing.match_explanation, group=group):
        document.heading("Why you were matched", level=2)
        document.paragraph(why)
    if pairing.goals.strip():
        document.key_values([("Goals agreed so far", pairing.goals)])

    document.heading("Getting started", level=2)
    if group:
        start = (
            "Your facilitator will be in touch to arrange the circle's first meeting."
            if not is_mentor
            else "Please contact the members to arrange the circle's first meeting."
        )
    elif is_mentor:
        start = (
            "Your mentee will contact you to arrange a first meeting. If you have not heard "
            "from them within two weeks, please get in touch with them."
        )
    else:
        start = "Please contact your mentor within the next two weeks to arrange a first meeting."
    document.paragraph(
        f"{start} At that meeting, agree together how often and for how long you will meet, "
        "where, and how you will keep in touch between meetings, and note the goals you want "
        "to work on: the programme's mentoring agreement is there to help."
    )
    agreed: list[tuple[str, CellValue]] = [
        ("Meetings", pairing.meeting_frequency),
        ("Length", pairing.meeting_length),
        ("Venue", pairing.meeting_venue),
        ("Between meetings", pairing.contact_between_meetings),
        ("Review of the partnership", pairing.review_on),
    ]
    if any(value for _label, value in agreed):
        document.paragraph("Already noted:", style="small")
        document.key_values(agreed, skip_empty=True)
    if pairing.review_on is not None:
        document.paragraph(
            f"On {format_date(pairing.review_on, long=True)} you will review the partnership "
            "together and decide whether to continue it, change it or bring it to a close."
        )

    as_who = "the facilitator" if group and is_mentor else f"a {role.value}"
    document.heading(f"What is expected of you as {as_who}", level=2)
    if group:
        document.bullets(FACILITATOR_EXPECTATIONS if is_mentor else CIRCLE_MEMBER_EXPECTATIONS)
    else:
        document.bullets(MENTOR_EXPECTATIONS if is_mentor else MENTEE_EXPECTATIONS)

    _training_section(document, diary, person.id)
    _diary_section(document, diary, diary.events_for(person.id, role, strand.id), pairing)

    with document.together():
        document.paragraph(
            "What you discuss with each other is confidential. The programme team remains your "
            "confidential point of contact throughout: if you have questions, or if the "
            "partnership is not working as you hoped, please tell us."
        )
        document.paragraph("With best wishes,")
        document.paragraph(sign_off(programme))
    return document


def _described(person: Person) -> str:
    """A name with position and place: "Ana Silva, Professor, Faculty of Law, University of X"."""
    parts = [person.full_name, person.position, person.department, person.organisation]
    return ", ".join(p for p in parts if p.strip())


def _training_section(document: Document, diary: _Diary, person_id: int) -> None:
    end_of_today = dt.datetime.combine(diary.today, dt.time.max, diary.zone)
    done = [e for e in diary.trained.get(person_id, []) if e.starts_at <= end_of_today]
    missing = diary.missing.get(person_id, [])
    if not done and not missing:
        return
    document.heading("Your training", level=2)
    rows: list[list[CellValue]] = []
    for event in done:
        rows.append([event.title, f"Completed on {format_date(local_day(event, diary.zone))}"])
    for line in missing:
        if line.next_event_id is not None and line.next_event_starts_at is not None:
            starts = line.next_event_starts_at.astimezone(diary.zone)
            next_session = (
                f"Still to do: next session “{line.next_event_title}” on "
                f"{format_date(starts.date())} at {format_time(starts)}"
            )
        else:
            next_session = "Still to do: the programme team will send you the next date"
        rows.append([line.kind.label, next_session])
    document.table(["Training", "Where you stand"], rows, widths=[45, 55])


def _diary_section(
    document: Document, diary: _Diary, events: Sequence[Event], pairing: Pairing
) -> None:
    document.heading("Dates for your diary", level=2)
    if not events:
        document.paragraph(
            "No further training sessions or events are planned yet; the programme team will "
            "send you their dates as soon as they are set."
        )
        return
    rows: list[list[CellValue]] = []
    for event in events:
        date, hours = event_when(event, diary.zone)
        rows.append([date, hours, event.title, event_place(event)])
    document.table(["Date", "Time", "What", "Where"], rows, widths=[16, 14, 42, 28])


def introduction_letter(
    session: Session, pairing_id: int, person_id: int, *, today: dt.date | None = None
) -> bytes:
    """One person's introduction letter for one pairing, as PDF bytes (to attach to an email).

    The letter tells them who the other person (or the circle) is, why they were
    matched, what is expected of their role, how to start, the training they have
    done or still need, and the dates of the programme's events still to come.

    Args:
        session: the open transaction.
        pairing_id: the pairing.
        person_id: its mentor, or one of its mentees.
        today: the date of the letter (by default today).

    Raises:
        NotFound: the pairing or person is no longer in the file.
        InvalidInput: the person is not in the pairing, or the pairing is a draft or ended.
    """
    pairing = get_pairing(session, pairing_id)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("This person is no longer in the file.")
    _check_letter_pairing(pairing)
    programme = pairing.strand.programme
    diary = _Diary.load(session, programme, today or dt.date.today())
    return _letter(session, diary, pairing, person).to_bytes()


def introduction_letters(
    session: Session,
    programme_id: int,
    out_dir: Path,
    pairing_ids: Sequence[int] | None = None,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write an introduction letter for the mentor and each mentee of pairings to introduce.

    Args:
        session: the open transaction.
        programme_id: the programme.
        out_dir: the folder to write into; files already there are never replaced
            (a new letter gets a name ending in "(2)").
        pairing_ids: the pairings to introduce; by default those introduced or under
            way whose introduction has not been sent yet
            (``services.pairings.pairings_to_introduce``, as the e-mail drafts choose them).
        today: the date of the letters (by default today).
        progress: told after each letter how many are written of how many.

    Returns:
        The letters written, one per person and pairing.

    Raises:
        NotFound: the programme or a pairing is no longer in the file, or no pairing is
            left to introduce.
        InvalidInput: a chosen pairing is a draft, has ended, or is in another programme.
        ExportFailed: the folder is missing or a file could not be written; no letter
            of the batch is left behind.
    """
    programme = get_programme(session, programme_id)
    check_output_folder(out_dir)
    ids = list(dict.fromkeys(pairing_ids)) if pairing_ids is not None else None
    if ids is None:
        ids = pairings_to_introduce(session, programme_id)
        if not ids:
            raise NotFound(
                f"Every pairing of {programme.name} introduced or under way has had its "
                "introduction sent. Choose pairings on the Pairings tab to write their letters."
            )
    if not ids:
        raise InvalidInput("Choose at least one pairing to write introduction letters for.")
    pairings = _load_pairings(session, ids)
    for pairing in pairings:
        if pairing.strand.programme_id != programme_id:
            raise InvalidInput(
                f"A chosen pairing belongs to another programme than {programme.name}."
            )
        _check_letter_pairing(pairing)
    diary = _Diary.load(session, programme, today or dt.date.today())
    planned: list[tuple[str, Document]] = []
    for pairing in pairings:
        group = pairing.strand.format is StrandFormat.GROUP
        mentees = _mentees(pairing)
        label = pairing.name if group and pairing.name else ", ".join(m.full_name for m in mentees)
        mentor_role = "facilitator of" if group else "mentor of"
        planned.append(
            (
                f"Introduction letter - {pairing.mentor.full_name} ({mentor_role} {label})",
                _letter(session, diary, pairing, pairing.mentor),
            )
        )
        for mentee in mentees:
            where = (
                pairing.name if group and pairing.name else f"mentee of {pairing.mentor.full_name}"
            )
            planned.append(
                (
                    f"Introduction letter - {mentee.full_name} ({where})",
                    _letter(session, diary, pairing, mentee),
                )
            )
    return write_batch(Path(out_dir), planned, progress)
