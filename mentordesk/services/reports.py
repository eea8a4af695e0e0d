"""The programme's PDF documents: report, introduction letters, sign-in sheets, certificates.

The programme report is for leadership; introduction letters go to the mentor and
each mentee of a new pairing; sign-in sheets are printed for a training session or
event; certificates of participation go to mentors and mentees. Each is composed
with the one PDF toolkit, ``formats/pdf.py``, under the programme's letterhead (its
name and logo) and dated the day it is issued. Files are written atomically; a
batch of letters or certificates is all or nothing, and never replaces a file
already in the folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import (
    TRAINING_KINDS,
    ApplicationStatus,
    AttendanceStatus,
    Audience,
    PairingStatus,
    Role,
    Rsvp,
    StrandFormat,
)
from mentordesk.domain.errors import ExportFailed, InvalidInput, NotFound
from mentordesk.formats.files import check_folder, safe_file_name, unused_paths
from mentordesk.formats.pdf import Bar, Document, Letterhead, format_date, format_time
from mentordesk.formats.tables import CellValue
from mentordesk.services.collation import person_key
from mentordesk.services.dashboard import (
    ACTIVE_STATUSES,
    ProgrammeFigures,
    StatusCount,
    percent_text,
    programme_figures,
)
from mentordesk.services.events import get_event
from mentordesk.services.pairings import get_pairing
from mentordesk.services.programmes import get_programme
from mentordesk.services.surveys import FeedbackSummary, ItemChange, feedback_summary, item_changes
from mentordesk.services.training import MissingTraining, missing_training
from mentordesk.store.models import (
    Application,
    Attendance,
    Event,
    Pairing,
    PairingMember,
    Person,
    Programme,
    Strand,
)

#: Pairings whose people earn a certificate of participation.
CERTIFIED_STATUSES = (PairingStatus.ACTIVE, PairingStatus.COMPLETED, PairingStatus.EXTENDED)
#: Empty numbered rows at the end of a sign-in sheet, for people not on the register.
BLANK_SIGN_IN_ROWS = 8

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


# Shared pieces ---------------------------------------------------------------------------


def _letterhead(
    programme: Programme, today: dt.date, document: str, marking: str = ""
) -> Letterhead:
    return Letterhead(
        programme=programme.name,
        issued_on=today,
        logo=programme.logo,
        document=document,
        marking=marking,
    )


def _when(event: Event, zone: ZoneInfo) -> tuple[str, str]:
    """An event's date and time of day as printed, on the programme's clock."""
    starts, ends = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    if event.all_day:
        last = ends.date() - dt.timedelta(days=1) if ends.date() > starts.date() else ends.date()
        if last > starts.date():
            return f"{format_date(starts.date())} – {format_date(last)}", "All day"
        return format_date(starts.date()), "All day"
    if starts.date() == ends.date():
        hours = (
            format_time(starts) if ends == starts else f"{format_time(starts)}–{format_time(ends)}"
        )
        return format_date(starts.date()), hours
    return (
        f"{format_date(starts.date())} – {format_date(ends.date())}",
        f"{format_time(starts)} – {format_time(ends)}",
    )


def _where(event: Event) -> str:
    if event.location and event.online_link:
        return f"{event.location}, or online"
    return event.location or ("Online" if event.online_link else "")


def _pdf_paths(folder: Path, names: Sequence[str]) -> list[Path]:
    """A PDF in ``folder`` for each name, safe on Windows, never over an existing file."""
    return unused_paths(Path(folder), [safe_file_name(name, ".pdf") for name in names])


#: Told how many documents of a batch are written, and how many there are in all; it may
#: raise to stop the batch (a Cancel button), which then leaves no document behind.
Progress = Callable[[int, int], None]


def _write_all(
    documents: Sequence[tuple[Path, Document]], progress: Progress | None = None
) -> list[Path]:
    """Write each document; if one fails, remove those already written, so none is left."""
    written: list[Path] = []
    try:
        for path, document in documents:
            document.write(path)
            written.append(path)
            if progress is not None:
                progress(len(written), len(documents))
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return written


def _check_output_folder(out_dir: Path) -> None:
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportFailed(f"{out_dir} is a file, not a folder. Choose a folder to write into.")
    check_folder(out_dir / "letter.pdf")


def _roles(session: Session, programme_id: int, person_ids: Iterable[int]) -> dict[int, set[Role]]:
    """The roles each person was accepted for in a programme."""
    ids = list(person_ids)
    roles: dict[int, set[Role]] = defaultdict(set)
    for start in range(0, len(ids), 900):
        rows = session.execute(
            select(Application.person_id, Application.role)
            .join(Strand)
            .where(
                Strand.programme_id == programme_id,
                Application.person_id.in_(ids[start : start + 900]),
                Application.status == ApplicationStatus.ACCEPTED,
            )
        )
        for person_id, role in rows:
            roles[person_id].add(role)
    return roles


# Sign-in sheets ---------------------------------------------------------------------------


def sign_in_sheet(
    session: Session, event_id: int, out: Path, *, today: dt.date | None = None
) -> Path:
    """Write a sign-in sheet for a training session or event, to print and pass round.

    Everyone on the event's register is listed by last name, except those who
    declined the invitation or were excused; numbered empty rows follow for
    anyone not on it. The sheet shows names, organisations and roles, never emails.

    Args:
        session: the open transaction.
        event_id: the event.
        out: the PDF to write; replaced if it exists.
        today: the date the sheet is issued (by default today).

    Returns:
        ``out``.

    Raises:
        NotFound: the event is no longer in the file.
        InvalidInput: the event is cancelled.
        ExportFailed: the file could not be written; nothing partial is left.
    """
    event = get_event(session, event_id)
    if event.cancelled:
        raise InvalidInput(f"“{event.title}” is cancelled, so it needs no sign-in sheet.")
    programme = event.programme
    zone = ZoneInfo(programme.timezone)
    lines = session.execute(
        select(Person, Attendance)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(
            Attendance.event_id == event_id,
            Attendance.status != AttendanceStatus.EXCUSED,
            Attendance.rsvp != Rsvp.DECLINED,
        )
    ).all()
    lines = sorted(lines, key=lambda line: (person_key(line[0]), line[0].id))
    roles = _roles(session, programme.id, (p.id for p, _a in lines))
    date, hours = _when(event, zone)
    document = Document(
        _letterhead(programme, today or dt.date.today(), "Sign-in sheet"),
        title=f"Sign-in sheet – {event.title}",
    )
    document.title_block(event.title, f"{event.kind.label} · {programme.name}")
    document.key_values(
        [
            ("Date", date),
            ("Time", hours),
            ("Where", _where(event)),
            ("Facilitator", event.facilitator),
        ],
        skip_empty=True,
        label_width=0.18,
    )
    listed = f"{len(lines)} {'person' if len(lines) == 1 else 'people'} on the register"
    document.paragraph(
        f"Please sign beside your name. If your name is not listed, write it with your "
        f"organisation in one of the empty rows at the end. ({listed}; those who declined "
        "or were excused are not listed.)",
        style="small",
    )
    rows: list[list[CellValue]] = [
        [
            number,
            person.full_name,
            person.organisation,
            ", ".join(r.label for r in sorted(roles.get(person.id, ()))),
            "",
        ]
        for number, (person, _attendance) in enumerate(lines, start=1)
    ]
    rows += [[len(lines) + n, "", "", "", ""] for n in range(1, BLANK_SIGN_IN_ROWS + 1)]
    document.table(
        ["No.", "Name", "Organisation", "Role", "Signature"],
        rows,
        widths=[6, 27, 32, 10, 35],
        align=["right", "left", "left", "left", "left"],
        min_row_height=9,
    )
    document.write(out)
    return Path(out)


# Introduction letters ----------------------------------------------------------------------


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
            select(Pairing)
            .where(Pairing.id.in_(pairing_ids))
            .options(
                selectinload(Pairing.mentor),
                selectinload(Pairing.strand),
                selectinload(Pairing.members).selectinload(PairingMember.person),
            )
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
        _letterhead(programme, diary.today, "Introduction letter", "Personal"),
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

    document.heading("Why you were matched", level=2)
    if pairing.match_explanation.strip():
        document.paragraph(pairing.match_explanation)
    elif group:
        document.paragraph(
            "The programme team formed this circle so that its members, at a similar stage of "
            "their careers, learn from each other as well as from the facilitator."
        )
    else:
        document.paragraph(
            "The programme team matched you on what you both wrote in your applications: the "
            "mentee's goals and development needs, and the mentor's experience."
        )
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
        document.paragraph(f"The {programme.name} programme team")
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
        rows.append([event.title, f"Completed on {format_date(_local_day(event, diary.zone))}"])
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


def _local_day(event: Event, zone: ZoneInfo) -> dt.date:
    return event.starts_at.astimezone(zone).date()


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
        date, hours = _when(event, diary.zone)
        rows.append([date, hours, event.title, _where(event)])
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
            (``services.drafts.pairings_to_introduce``, as the e-mail drafts choose them).
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
    _check_output_folder(out_dir)
    ids = list(dict.fromkeys(pairing_ids)) if pairing_ids is not None else None
    if ids is None:
        # Imported here: the drafts attach this module's letters, so it imports this one.
        from mentordesk.services.drafts import pairings_to_introduce

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
    paths = _pdf_paths(Path(out_dir), [name for name, _doc in planned])
    documents = [doc for _name, doc in planned]
    return _write_all(list(zip(paths, documents, strict=True)), progress)


# Certificates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Participation:
    """What one person did in a programme, as a certificate states it."""

    person: Person
    roles: tuple[str, ...]
    started_on: dt.date | None
    ended_on: dt.date | None
    ongoing: bool
    training: tuple[Event, ...]


def certificate_recipients(session: Session, programme_id: int) -> list[int]:
    """The people a certificate of participation can be written for, by name.

    They are the mentors and mentees of published pairings that are active,
    completed or extended, and everyone who attended a training session.
    """
    return [p.person.id for p in _participations(session, get_programme(session, programme_id))]


def _participations(session: Session, programme: Programme) -> list[_Participation]:
    pairings = session.scalars(
        select(Pairing)
        .join(Strand)
        .where(
            Strand.programme_id == programme.id,
            Pairing.draft.is_(False),
            Pairing.status.in_(CERTIFIED_STATUSES),
        )
        .options(
            selectinload(Pairing.mentor),
            selectinload(Pairing.strand),
            selectinload(Pairing.members).selectinload(PairingMember.person),
        )
        .order_by(Pairing.id)
    ).all()
    people: dict[int, Person] = {}
    roles: dict[int, list[str]] = defaultdict(list)
    spans: dict[int, list[Pairing]] = defaultdict(list)
    for pairing in pairings:
        strand = pairing.strand
        group = strand.format is StrandFormat.GROUP
        circle = f" of {pairing.name}" if pairing.name else " of a circle"
        mentor_role = (
            f"as the facilitator{circle} in the {strand.name} strand"
            if group
            else f"as a mentor in the {strand.name} strand"
        )
        members = [(pairing.mentor, mentor_role)]
        mentee_role = (
            f"as a member{circle} in the {strand.name} strand"
            if group
            else f"as a mentee in the {strand.name} strand"
        )
        members += [(m.person, mentee_role) for m in pairing.members]
        for person, role in members:
            people[person.id] = person
            if role not in roles[person.id]:
                roles[person.id].append(role)
            spans[person.id].append(pairing)
    trained: dict[int, list[Event]] = defaultdict(list)
    for person, event in session.execute(
        select(Person, Event)
        .join(Attendance, Attendance.person_id == Person.id)
        .join(Event, Attendance.event_id == Event.id)
        .where(
            Event.programme_id == programme.id,
            Event.kind.in_(TRAINING_KINDS),
            Event.cancelled.is_(False),
            Attendance.status == AttendanceStatus.ATTENDED,
        )
        .order_by(Event.starts_at, Event.id)
    ):
        people[person.id] = person
        trained[person.id].append(event)
    found = []
    for person_id, person in people.items():
        own = spans.get(person_id, [])
        starts = [p.started_on for p in own if p.started_on]
        ends = [p.ended_on for p in own if p.ended_on]
        ongoing = any(p.status is not PairingStatus.COMPLETED or p.ended_on is None for p in own)
        found.append(
            _Participation(
                person=person,
                roles=tuple(roles.get(person_id, ())),
                started_on=min(starts) if starts else None,
                ended_on=max(ends) if ends and not ongoing else None,
                ongoing=ongoing,
                training=tuple(trained.get(person_id, ())),
            )
        )
    found.sort(key=lambda p: (person_key(p.person), p.person.id))
    return found


def _month(day: dt.date) -> str:
    return format_date(day, long=True).split(" ", 1)[1]


def _certificate(programme: Programme, today: dt.date, part: _Participation) -> Document:
    zone = ZoneInfo(programme.timezone)
    document = Document(
        _letterhead(programme, today, "Certificate of participation"),
        title=f"Certificate of participation – {programme.name}",
        landscape=True,
        border=True,
        page_numbers=False,
    )
    document.spacer(10)
    document.paragraph("Certificate of participation", style="display")
    document.paragraph("This is to certify that", style="centre")
    document.spacer(2)
    document.paragraph(part.person.full_name, style="name")
    if part.roles:
        what = f"took part in the {programme.name} mentoring programme " + " and ".join(part.roles)
        if part.started_on and part.ended_on:
            what += f", from {_month(part.started_on)} to {_month(part.ended_on)}"
        elif part.started_on:
            what += f", since {_month(part.started_on)}"
        document.paragraph(what + ".", style="centre")
    else:
        document.paragraph(
            f"took part in the training of the {programme.name} mentoring programme.",
            style="centre",
        )
    if part.training:
        document.spacer(3)
        sessions = "\n".join(
            f"{e.title}, {format_date(_local_day(e, zone), long=True)}" for e in part.training
        )
        document.paragraph(f"Training completed:\n{sessions}", style="centre_muted")
    document.spacer(2)
    document.paragraph(
        "Mentoring roles and participation in the programme can be recorded in staff "
        "performance and development reviews.",
        style="centre_muted",
    )
    document.signature_lines(["Programme coordinator", "Date"], space_above=18)
    return document


def certificates(
    session: Session,
    programme_id: int,
    out_dir: Path,
    person_ids: Sequence[int] | None = None,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write a certificate of participation (one PDF each) for the programme's participants.

    Participants are the mentors and mentees of published pairings that are
    active, completed or extended, and everyone who attended a training session
    (:func:`certificate_recipients`).

    Args:
        session: the open transaction.
        programme_id: the programme.
        out_dir: the folder to write into; files already there are never replaced.
        person_ids: only these people (each must be a participant); by default all.
        today: the date the certificates are issued (by default today).
        progress: told after each certificate how many are written of how many.

    Returns:
        The certificates written, by name.

    Raises:
        NotFound: the programme is no longer in the file, or nobody has taken part yet.
        InvalidInput: a chosen person has not taken part in the programme.
        ExportFailed: the folder is missing or a file could not be written; no
            certificate of the batch is left behind.
    """
    programme = get_programme(session, programme_id)
    _check_output_folder(out_dir)
    parts = _participations(session, programme)
    if person_ids is not None:
        wanted = list(dict.fromkeys(person_ids))
        known = {p.person.id: p for p in parts}
        if missing := [i for i in wanted if i not in known]:
            raise InvalidInput(
                f"{len(missing)} of the people chosen (id {', '.join(map(str, missing))}) "
                f"{'has' if len(missing) == 1 else 'have'} no active, completed or extended "
                f"pairing in {programme.name} and attended no training, so there is nothing to "
                "certify yet."
            )
        parts = [known[i] for i in wanted]
    if not parts:
        raise NotFound(
            f"Nobody has taken part in {programme.name} yet: certificates are for the people "
            "of active, completed or extended pairings and those who attended training."
        )
    issued = today or dt.date.today()
    file_names = [f"Certificate of participation - {p.person.full_name}" for p in parts]
    paths = _pdf_paths(Path(out_dir), file_names)
    return _write_all(
        [
            (path, _certificate(programme, issued, part))
            for path, part in zip(paths, parts, strict=True)
        ],
        progress,
    )


# The programme report ---------------------------------------------------------------------


@dataclass
class _Withholding:
    """Applies the programme's minimum group size to every figure the report prints.

    A count of fewer than ``minimum`` people (but more than none) prints as "fewer
    than N", and so does any share or mean based on such a group. Where the parts
    of a total are shown, a single withheld part could be worked out by
    subtraction, so the smallest other part is withheld too, as "withheld".
    """

    minimum: int

    def small(self, value: int) -> bool:
        """Whether a count is withheld for itself."""
        return 0 < value < self.minimum

    @property
    def fewer(self) -> str:
        """What a withheld count says."""
        return f"fewer than {self.minimum}"

    def count(self, value: int) -> CellValue:
        """A count as printed: the number, or "fewer than N"."""
        if self.small(value):
            return self.fewer
        return value

    def share(self, part: int, whole: int) -> str:
        """``part`` of ``whole`` as a percentage, withheld if either group is too small."""
        if self.small(part) or self.small(whole):
            return "withheld"
        return percent_text(part / whole if whole else None)

    def parts(self, values: Sequence[int], total: int | None = None) -> list[CellValue]:
        """The parts of a total as printed, with a second part withheld where one would show.

        Args:
            values: the parts.
            total: the total they make, if it is printed beside them.
        """
        withheld = {i for i, v in enumerate(values) if self.small(v)}
        if len(withheld) == 1 and (total is not None or len(values) > 1):
            others = [i for i, v in enumerate(values) if v > 0 and i not in withheld]
            if others:
                withheld.add(min(others, key=lambda i: values[i]))
        shown: list[CellValue] = []
        for index, value in enumerate(values):
            if index in withheld:
                shown.append(self.fewer if self.small(value) else "withheld")
            else:
                shown.append(value)
        return shown

    def bar(self, label: str, value: int, shown: CellValue, detail: str = "") -> Bar:
        """A chart bar for a count as :meth:`count` or :meth:`parts` printed it."""
        if isinstance(shown, str):
            return Bar(label, None, shown)
        return Bar(label, value, f"{value:,}{detail}")

    def note(self) -> str:
        """The explanation printed at the start of the report."""
        n = self.minimum
        if n <= 1:
            return (
                "Every figure is shown in full: the programme's minimum group size, set in "
                "its settings, is 1. Raise it to withhold figures about small groups."
            )
        return (
            f"To protect individuals, a figure about fewer than {n} people (but more than "
            f"none) is shown as “fewer than {n}”, and so is any percentage or average based "
            f"on such a group. Where a withheld figure could be worked out from a total and "
            f"the figures beside it, another figure is marked “withheld” too. The minimum "
            f"group size of {n} is set in the programme's settings."
        )


def programme_report(session: Session, programme_id: int, out: Path, today: dt.date) -> Path:
    """Write the programme report for leadership: the dashboard's figures, charts and tables.

    The figures are those of ``services.dashboard.programme_figures`` on ``today``
    (applications and places per strand, pairings by status, overdue check-ins,
    training completion, attendance at past events, participation by gender and
    career stage), with the feedback rating, would-recommend rate and pre/post
    changes of ``services.surveys``. Any figure about fewer people than the
    programme's minimum group size is withheld, and the report says so.

    Args:
        session: the open transaction.
        programme_id: the programme.
        out: the PDF to write; replaced if it exists.
        today: the day the figures are for, and the date of issue.

    Returns:
        ``out``.

    Raises:
        NotFound: the programme is no longer in the file.
        ExportFailed: the file could not be written; nothing partial is left.
    """
    check_folder(out)
    programme = get_programme(session, programme_id)
    figures = programme_figures(session, programme_id, today)
    feedback = feedback_summary(session, programme_id)
    changes = item_changes(session, programme_id)
    guard = _Withholding(figures.min_group_size)
    document = Document(
        _letterhead(programme, today, "Programme report"),
        title=f"Programme report – {programme.name}",
    )
    document.title_block(
        "Programme report", f"{programme.name} · figures on {format_date(today, long=True)}"
    )
    if programme.description.strip():
        document.paragraph(programme.description)
    if programme.starts_on and programme.ends_on:
        document.paragraph(
            f"The programme runs from {format_date(programme.starts_on, long=True)} to "
            f"{format_date(programme.ends_on, long=True)}."
        )
    document.note(guard.note())
    _at_a_glance(document, figures, feedback, guard)
    _applications_section(document, figures, guard)
    _pairings_section(document, figures, guard)
    _training_section_report(document, figures, guard)
    _events_section(document, figures, ZoneInfo(programme.timezone), guard)
    _feedback_section(document, feedback, changes, guard)
    _participation_section(document, figures, guard)
    document.write(out)
    return Path(out)


def _pairing_parts(
    figures: ProgrammeFigures, guard: _Withholding
) -> tuple[list[StatusCount[PairingStatus]], list[CellValue], CellValue]:
    """Published pairings by status as printed, and "under way" (active and extended) to match.

    Under way is the sum of two statuses: printing it beside one of them withheld
    would give that one away, so it is withheld with it.
    """
    pairings = figures.pairings
    statuses = [c for c in pairings.by_status if c.count.value]
    shown = guard.parts([c.count.value for c in statuses], pairings.published.value)
    hidden = any(
        isinstance(value, str) and c.status in ACTIVE_STATUSES
        for c, value in zip(statuses, shown, strict=True)
    )
    under_way = pairings.active.value
    return statuses, shown, "withheld" if hidden and under_way else guard.count(under_way)


def _trained_parts(figures: ProgrammeFigures, guard: _Withholding) -> tuple[CellValue, CellValue]:
    """Participants who completed all their training, and those who have not, as printed."""
    training = figures.training
    done, missing = guard.parts(
        [training.complete.value, training.missing.value], training.required.value
    )
    return done, missing


def _at_a_glance(
    document: Document, figures: ProgrammeFigures, feedback: FeedbackSummary, guard: _Withholding
) -> None:
    apps, pairings, training = figures.applications, figures.pairings, figures.training
    places = f"for {apps.places:,} places" if apps.places is not None else ""
    mentees, accepted = apps.mentee_applications.value, apps.accepted_mentees.value
    rows: list[list[CellValue]] = [
        ["Mentee applications", guard.count(mentees), places],
        [
            "Mentees accepted",
            guard.count(accepted),
            f"{guard.share(accepted, mentees)} of mentee applications",
        ],
        ["Mentors accepted", guard.count(apps.accepted_mentors.value), ""],
        [
            "Pairings and circles under way",
            _pairing_parts(figures, guard)[2],
            f"of {guard.count(pairings.published.value)} published",
        ],
        ["Check-ins overdue", guard.count(pairings.overdue_check_ins.value), ""],
    ]
    if training.required.value:
        done, _missing = _trained_parts(figures, guard)
        share = guard.share(training.complete.value, training.required.value)
        rows.append(
            [
                "Completed their required training",
                done,
                f"{'withheld' if isinstance(done, str) else share} of "
                f"{guard.count(training.required.value)} participants",
            ]
        )
    if feedback.rating_count:
        rows.append(
            [
                "Overall rating (1–5)",
                _mean(feedback.mean_rating, feedback.rating_count, guard),
                f"from {guard.count(feedback.rating_count)} responses",
            ]
        )
    if feedback.recommend_answers:
        rows.append(
            [
                "Would recommend the programme",
                guard.share(feedback.recommend_yes, feedback.recommend_answers),
                f"of {guard.count(feedback.recommend_answers)} who answered",
            ]
        )
    document.heading("At a glance")
    document.table(
        ["Figure", "Number", "Detail"], rows, widths=[38, 14, 48], align=["left", "right", "left"]
    )


def _mean(mean: float | None, people: int, guard: _Withholding) -> CellValue:
    if mean is None:
        return "—"
    if guard.small(people):
        return "withheld"
    return f"{mean:.1f}"


def _applications_section(
    document: Document, figures: ProgrammeFigures, guard: _Withholding
) -> None:
    document.heading("Applications and places")
    strands = figures.strands
    total = figures.applications

    def across(values: Sequence[int], whole: int) -> list[CellValue]:
        return [*guard.parts(values, whole), guard.count(whole)]

    columns = {
        "mentee": across(
            [s.mentee_applications.value for s in strands], total.mentee_applications.value
        ),
        "accepted": across(
            [s.accepted_mentees.value for s in strands], total.accepted_mentees.value
        ),
        "mentors": across(
            [s.accepted_mentors.value for s in strands], total.accepted_mentors.value
        ),
    }
    rows: list[list[CellValue]] = []
    for index, strand in enumerate(strands):
        rows.append(
            [
                strand.name,
                strand.format.label,
                strand.places,
                columns["mentee"][index],
                columns["accepted"][index],
                guard.share(strand.accepted_mentees.value, strand.mentee_applications.value),
                columns["mentors"][index],
            ]
        )
    document.table(
        [
            "Strand",
            "Format",
            "Places",
            "Mentee applications",
            "Mentees accepted",
            "Acceptance",
            "Mentors accepted",
        ],
        rows,
        total=[
            "All strands",
            "",
            total.places,
            columns["mentee"][-1],
            columns["accepted"][-1],
            guard.share(total.accepted_mentees.value, total.mentee_applications.value),
            columns["mentors"][-1],
        ],
        widths=[20, 14, 11, 16, 15, 14, 15],
        align=["left", "left", "right", "right", "right", "right", "right"],
    )
    if strands:
        bars = []
        for index, strand in enumerate(strands):
            places = f" for {strand.places:,} places" if strand.places is not None else ""
            bars.append(
                guard.bar(
                    f"{strand.name}: applications",
                    strand.mentee_applications.value,
                    columns["mentee"][index],
                    places,
                )
            )
            bars.append(
                guard.bar(
                    f"{strand.name}: accepted",
                    strand.accepted_mentees.value,
                    columns["accepted"][index],
                )
            )
        document.bar_chart(bars, title="Mentee applications and acceptances by strand")
    for strand in strands:
        with document.together():
            document.heading(f"{strand.name} ({strand.format.label.lower()})", level=2)
            statuses = [c.count.value for c in strand.by_status]
            shown = guard.parts(statuses, strand.applications.value)
            lines: list[list[CellValue]] = [
                ["Places", strand.places if strand.places is not None else "not set"],
                ["Mentee applications", guard.count(strand.mentee_applications.value)],
                ["Mentor applications", guard.count(strand.mentor_applications.value)],
            ]
            lines += [
                [f"Applications {c.status.label.lower()}", value]
                for c, value in zip(strand.by_status, shown, strict=True)
            ]
            document.table(
                ["Figure", "Number"],
                lines,
                total=["All applications", guard.count(strand.applications.value)],
                widths=[70, 30],
                span=0.6,
                align=["left", "right"],
            )
            if strand.over_places:
                document.paragraph(
                    "More mentees were accepted than the strand has places.", style="muted"
                )


def _pairings_section(document: Document, figures: ProgrammeFigures, guard: _Withholding) -> None:
    pairings = figures.pairings
    document.heading("Pairings and circles")
    statuses, shown, under_way = _pairing_parts(figures, guard)
    if statuses:
        document.bar_chart(
            [
                guard.bar(c.status.label, c.count.value, value)
                for c, value in zip(statuses, shown, strict=True)
            ],
            title="Published pairings and circles by status",
        )
    else:
        document.paragraph("No pairing has been published yet.")
    document.table(
        ["Figure", "Number"],
        [
            ["Published pairings and circles", guard.count(pairings.published.value)],
            ["Under way (active or extended)", under_way],
            ["Proposals not yet published", guard.count(pairings.drafts.value)],
            ["Check-ins overdue", guard.count(pairings.overdue_check_ins.value)],
        ],
        widths=[70, 30],
        span=0.6,
        align=["left", "right"],
    )


def _training_section_report(
    document: Document, figures: ProgrammeFigures, guard: _Withholding
) -> None:
    training = figures.training
    document.heading("Training")
    if not training.requirements:
        document.paragraph("The programme sets no training requirements.")
        return
    rows: list[list[CellValue]] = []
    bars = []
    for rule in training.requirements:
        required, completed, missing = rule.required.value, rule.completed.value, rule.missing.value
        done, not_yet = guard.parts([completed, missing], required)
        share = guard.share(completed, required)
        if isinstance(done, str) or isinstance(not_yet, str):
            share = "withheld" if required else share
        rows.append([rule.label, guard.count(required), done, not_yet, share])
        percent = completed / required * 100 if required else None
        bars.append(Bar(rule.label, percent if share.endswith("%") else None, share))
    total_done, total_missing = _trained_parts(figures, guard)
    document.table(
        ["Training required", "Required of", "Completed", "Not yet", "Completion"],
        rows,
        total=[
            "All participants",
            guard.count(training.required.value),
            total_done,
            total_missing,
            "withheld"
            if isinstance(total_done, str)
            else guard.share(training.complete.value, training.required.value),
        ],
        widths=[40, 15, 15, 15, 15],
        align=["left", "right", "right", "right", "right"],
    )
    document.bar_chart(bars, maximum=100, title="Completion of each requirement")


def _events_section(
    document: Document, figures: ProgrammeFigures, zone: ZoneInfo, guard: _Withholding
) -> None:
    document.heading("Events and attendance")
    if not figures.events:
        document.paragraph("No past event has a register yet.")
        return
    rows: list[list[CellValue]] = []
    for event in figures.events:
        invited, attended = event.invited.value, event.attended.value
        rows.append(
            [
                event.starts_at.astimezone(zone).date(),
                event.title,
                guard.count(invited),
                guard.count(event.registered.value),
                guard.count(attended),
                guard.share(attended, invited),
            ]
        )
    document.table(
        ["Date", "Event", "Invited", "Registered", "Attended", "Attendance"],
        rows,
        widths=[14, 42, 11, 12, 11, 12],
        align=["left", "left", "right", "right", "right", "right"],
    )


def _feedback_section(
    document: Document,
    feedback: FeedbackSummary,
    changes: Sequence[ItemChange],
    guard: _Withholding,
) -> None:
    document.heading("Feedback and impact")
    if not feedback.responses and not changes:
        document.paragraph("No feedback or pre- and post-programme answers have been recorded yet.")
        return
    if feedback.responses:
        document.table(
            ["Figure", "Number"],
            [
                ["Feedback responses", guard.count(feedback.responses)],
                [
                    "Overall rating (1–5, mean)",
                    _mean(feedback.mean_rating, feedback.rating_count, guard),
                ],
                [
                    "Would recommend the programme",
                    guard.share(feedback.recommend_yes, feedback.recommend_answers)
                    if feedback.recommend_answers
                    else "—",
                ],
            ],
            widths=[70, 30],
            span=0.6,
            align=["left", "right"],
        )
    if changes:
        document.heading("Before and after: mean answers (1–5) of those who answered both", level=3)
        document.table(
            ["Item", "People", "Before", "After", "Change"],
            [
                [
                    change.text,
                    guard.count(change.people),
                    *(
                        ["withheld"] * 3
                        if guard.small(change.people)
                        else [
                            f"{change.mean_pre:.1f}",
                            f"{change.mean_post:.1f}",
                            f"{change.change:+.1f}",
                        ]
                    ),
                ]
                for change in changes
            ],
            widths=[52, 12, 12, 12, 12],
            align=["left", "right", "right", "right", "right"],
        )


def _participation_section(
    document: Document, figures: ProgrammeFigures, guard: _Withholding
) -> None:
    participation = figures.participation
    document.heading("Who takes part")
    document.paragraph(
        f"Participants are the people with an accepted application: "
        f"{_plain(guard.count(participation.participants.value))} in all, "
        f"{_plain(guard.count(participation.mentors.value))} as mentors and "
        f"{_plain(guard.count(participation.mentees.value))} as mentees (one person may be both)."
    )
    for title, breakdown in (
        ("By gender (as each person describes it)", participation.by_gender),
        ("By career stage", participation.by_career_stage),
    ):
        groups = breakdown.shown
        if not groups:
            continue
        people = guard.parts([g.people.value for g in groups], participation.participants.value)
        mentors = guard.parts([g.mentors.value for g in groups], participation.mentors.value)
        mentees = guard.parts([g.mentees.value for g in groups], participation.mentees.value)
        document.heading(title, level=2)
        document.table(
            ["Group", "Participants", "Mentors", "Mentees"],
            [
                [g.label, p, mr, me]
                for g, p, mr, me in zip(groups, people, mentors, mentees, strict=True)
            ],
            widths=[46, 18, 18, 18],
            align=["left", "right", "right", "right"],
        )
        document.bar_chart(
            [guard.bar(g.label, g.people.value, p) for g, p in zip(groups, people, strict=True)],
            title=f"Participants {title[0].lower()}{title[1:]}",
        )


def _plain(value: CellValue) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)
