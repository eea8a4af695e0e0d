"""Sign-in sheets: the register of a training session or event, printed to pass round.

Everyone on the event's register is listed by last name, with numbered empty rows
for anyone not on it. The sheet shows names, organisations and roles, never emails.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus, AttendanceStatus, Role, Rsvp
from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.pdf import Document
from mentordesk.formats.tables import CellValue
from mentordesk.services.collation import person_key
from mentordesk.services.documents.common import event_place, event_when, letterhead
from mentordesk.services.events import get_event
from mentordesk.store.models import Application, Attendance, Person, Strand

#: Empty numbered rows at the end of a sign-in sheet, for people not on the register.
BLANK_SIGN_IN_ROWS = 8


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
    date, hours = event_when(event, zone)
    document = Document(
        letterhead(programme, today or dt.date.today(), "Sign-in sheet"),
        title=f"Sign-in sheet – {event.title}",
    )
    document.title_block(event.title, f"{event.kind.label} · {programme.name}")
    document.key_values(
        [
            ("Date", date),
            ("Time", hours),
            ("Where", event_place(event)),
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
