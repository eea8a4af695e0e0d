"""Certificates of participation, for the mentors, mentees and trainees of a programme.

One landscape page each, under the programme's letterhead: the roles a person took,
from when to when, and the training they completed. A batch of certificates is all
or nothing, and never replaces a file already in the folder.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import TRAINING_KINDS, AttendanceStatus, PairingStatus, StrandFormat
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.pdf import Document, format_date
from mentordesk.services.collation import person_key
from mentordesk.services.documents.common import (
    Progress,
    check_output_folder,
    letterhead,
    local_day,
    signer,
    write_batch,
)
from mentordesk.services.pairings import WITH_PEOPLE, published_in
from mentordesk.services.programmes import get_programme
from mentordesk.store.models import (
    Attendance,
    Event,
    Pairing,
    Person,
    Programme,
)

#: Pairings whose people earn a certificate of participation.
CERTIFIED_STATUSES = (PairingStatus.ACTIVE, PairingStatus.COMPLETED, PairingStatus.EXTENDED)


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
        .where(published_in(programme.id), Pairing.status.in_(CERTIFIED_STATUSES))
        .options(*WITH_PEOPLE)
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
        letterhead(programme, today, "Certificate of participation"),
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
            f"{e.title}, {format_date(local_day(e, zone), long=True)}" for e in part.training
        )
        document.paragraph(f"Training completed:\n{sessions}", style="centre_muted")
    document.spacer(2)
    document.paragraph(
        "Mentoring roles and participation in the programme can be recorded in staff "
        "performance and development reviews.",
        style="centre_muted",
    )
    document.signature_lines([signer(programme), "Date"], space_above=18)
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
    check_output_folder(out_dir)
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
    return write_batch(
        Path(out_dir),
        [
            (
                f"Certificate of participation - {part.person.full_name}",
                _certificate(programme, issued, part),
            )
            for part in parts
        ],
        progress,
    )
