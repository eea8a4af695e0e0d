"""Data-protection rights: everything about one person, erasing or anonymising them, consent."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import SurveyItemType
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.files import write_bytes_atomically
from mentordesk.formats.pdf import Document, Letterhead, format_value
from mentordesk.formats.tables import CellValue
from mentordesk.formats.xlsx_export import SheetData, write_table
from mentordesk.services.audit import record_change
from mentordesk.services.collation import sort_key
from mentordesk.services.documents.common import letterhead
from mentordesk.services.line_managers import manager_text
from mentordesk.services.other_answers import other_answers_by_application
from mentordesk.services.text_erasure import (
    ANONYMISED_TEXT,
    ERASED_TEXT,
    Identity,
    remove_names,
)
from mentordesk.services.validation import email_key
from mentordesk.store.models import (
    Application,
    Attendance,
    AuditEntry,
    Erasure,
    Event,
    MentorChoice,
    MessageLog,
    Note,
    Pairing,
    PairingMember,
    PairRule,
    Person,
    Programme,
    Strand,
    SurveyResponse,
)
from mentordesk.store.programme_file import LoggedErasure

#: The domain of the addresses anonymised people get (``.invalid`` never delivers mail).
ANONYMISED_DOMAIN = "anonymised.invalid"
#: The key of an erasure log's counts that marks an anonymisation, not an erasure.
ANONYMISED_KEY = "anonymised"

_PERSON_FIELDS = (
    ("First name", "first_name"),
    ("Last name", "last_name"),
    ("Email", "email"),
    ("Organisation", "organisation"),
    ("Department", "department"),
    ("Position", "position"),
    ("Career stage", "stage"),
    ("Career stage guessed from the position", "stage_guessed"),
    ("Contract", "contract_type"),
    ("Field", "field"),
    ("Expertise", "expertise"),
    ("Languages", "languages"),
    ("Gender", "gender"),
    ("Consent given on", "consent_on"),
    ("Consent withdrawn on", "consent_withdrawn_on"),
)


@dataclass(frozen=True)
class ErasureSummary:
    """What erasing a person removed (counts only)."""

    applications: int
    pairings_removed: int
    attendance: int
    notes: int
    survey_responses: int


def find_person(session: Session, email: str) -> Person:
    """The person with this email (any case, invisible characters ignored).

    Raises:
        NotFound: nobody in the file has it.
    """
    key = email_key(email)
    person = session.scalar(select(Person).where(func.lower(Person.email) == key))
    if person is None:
        raise NotFound(f"Nobody in this file has the email {key}.")
    return person


def is_anonymised(person: Person) -> bool:
    """Whether the person was anonymised (their name and email were replaced)."""
    return person.email.endswith("@" + ANONYMISED_DOMAIN)


def _value(value: object) -> CellValue:
    # Enumerations first: they are strings too, but read better as their labels.
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "isoformat"):
        return value  # type: ignore[return-value]  # dates and datetimes
    return str(value)


# Subject access ------------------------------------------------------------------


def subject_access_sheets(session: Session, person: Person) -> list[SheetData]:
    """Every record about one person, one sheet per kind, for a subject access request.

    The same sheets make the .xlsx and the PDF of the export.
    """
    pid = person.id
    manager = manager_text(person.line_manager) or None
    sheets = [
        SheetData(
            "Person",
            ["Field", "Value"],
            [
                *([label, _value(getattr(person, a))] for label, a in _PERSON_FIELDS),
                ["Line manager", manager],
                ["In the file since", person.created_at.date()],
            ],
        )
    ]
    applications = session.scalars(
        select(Application).where(Application.person_id == pid).order_by(Application.id)
    ).all()
    sheets.append(
        SheetData(
            "Applications",
            ["Programme", "Strand", "Role", "Status", "Submitted", "Goals",
             "Development needs", "Preferences", "Availability", "Capacity", "Source"],
            [
                [a.strand.programme.name, a.strand.name, _value(a.role), _value(a.status),
                 a.submitted_on, a.goals, a.development_needs, a.preferences, a.availability,
                 a.capacity, a.source]
                for a in applications
            ],
        )
    )  # fmt: skip
    answers = other_answers_by_application(session, (a.id for a in applications))
    sheets.append(
        SheetData(
            "Other answers",
            ["Programme", "Strand", "Role", "Question", "Answer"],
            [
                [a.strand.programme.name, a.strand.name, _value(a.role), answer.question,
                 answer.answer]
                for a in applications
                for answer in answers.get(a.id, ())
            ],
        )
    )  # fmt: skip
    choices = session.scalars(
        select(MentorChoice).join(Application).where(Application.person_id == pid)
    ).all()
    sheets.append(
        SheetData(
            "Mentor choices",
            ["Strand", "Rank", "Mentor chosen"],
            [[c.application.strand.name, c.rank, c.mentor.full_name] for c in choices],
        )
    )
    pairings = _pairings_of(session, pid)
    sheets.append(
        SheetData(
            "Pairings",
            ["Strand", "Their role", "Mentor", "Mentees", "Status", "Started", "Ended",
             "Meeting frequency", "Venue", "Review on", "Goals"],
            [
                [p.strand.name, "Mentor" if p.mentor_id == pid else "Mentee", p.mentor.full_name,
                 ", ".join(sorted((m.person.full_name for m in p.members), key=sort_key)),
                 _value(p.status),
                 p.started_on, p.ended_on, p.meeting_frequency, p.meeting_venue, p.review_on,
                 p.goals]
                for p in pairings
            ],
        )
    )  # fmt: skip
    sheets.append(
        SheetData(
            "Check-ins",
            ["Pairing mentor", "Due", "Done", "Outcome", "Summary"],
            [
                [p.mentor.full_name, c.due_on, c.done_on, _value(c.outcome), c.summary]
                for p in pairings
                for c in p.check_ins
            ],
        )
    )
    rules = session.scalars(
        select(PairRule).where(or_(PairRule.mentor_id == pid, PairRule.mentee_id == pid))
    ).all()
    sheets.append(
        SheetData(
            "Pairing rules",
            ["Programme", "Rule", "Mentor", "Mentee", "Reason"],
            [
                [
                    _programme_name(session, r.programme_id),
                    _value(r.kind),
                    _person_name(session, r.mentor_id),
                    _person_name(session, r.mentee_id),
                    r.reason,
                ]
                for r in rules
            ],
        )
    )
    attendance = session.scalars(
        select(Attendance).join(Event).where(Attendance.person_id == pid).order_by(Event.starts_at)
    ).all()
    sheets.append(
        SheetData(
            "Attendance",
            ["Event", "Kind", "Starts (local time)", "Status", "Minutes", "Reply"],
            [
                [a.event.title, _value(a.event.kind),
                 a.event.starts_at.astimezone(ZoneInfo(a.event.programme.timezone)),
                 _value(a.status), a.minutes_attended, _value(a.rsvp)]
                for a in attendance
            ],
        )
    )  # fmt: skip
    sheets.append(_survey_sheet(session, pid))
    messages = session.scalars(
        select(MessageLog).where(MessageLog.person_id == pid).order_by(MessageLog.prepared_at)
    ).all()
    sheets.append(
        SheetData(
            "Messages",
            ["Programme", "Message", "Subject", "Prepared on", "Marked sent on"],
            [
                [_programme_name(session, m.programme_id), m.template_key, m.subject,
                 m.prepared_at.date(), m.sent_on]
                for m in messages
            ],
        )
    )  # fmt: skip
    pairing_ids = [p.id for p in pairings]
    notes = session.scalars(
        select(Note)
        .where((Note.person_id == pid) | Note.pairing_id.in_(pairing_ids))
        .order_by(Note.written_on)
    ).all()
    sheets.append(
        SheetData(
            "Notes",
            ["Written on", "About", "Title", "Text", "Category", "Follow up on"],
            [[n.written_on, "them" if n.person_id == pid else "their pairing", n.title, n.text,
              _value(n.category), n.follow_up_on]
             for n in notes],
        )
    )  # fmt: skip
    audit = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "person", AuditEntry.entity_id == pid)
        .order_by(AuditEntry.at)
    ).all()
    sheets.append(
        SheetData(
            "Changes recorded",
            ["When (UTC)", "What", "Details"],
            [[a.at, a.action, a.summary] for a in audit],
        )
    )
    return sheets


def _survey_sheet(session: Session, pid: int) -> SheetData:
    """One line per answer to a survey item; older responses without items as one line."""
    responses = session.scalars(
        select(SurveyResponse)
        .where(SurveyResponse.person_id == pid)
        .order_by(SurveyResponse.submitted_on, SurveyResponse.id)
    ).all()
    rows: list[list[CellValue]] = []
    for r in responses:
        title = r.survey.title if r.survey else ""
        head: list[CellValue] = [title, _value(r.kind), r.submitted_on, r.rating]
        answers = sorted(r.items, key=lambda a: a.item.position)
        if not answers:
            stored = "" if r.answers in ("", "{}") else r.answers
            rows.append([*head, "", stored])
        for answer in answers:
            given: CellValue = answer.text if answer.number is None else answer.number
            if answer.item.answer_type is SurveyItemType.YES_NO and answer.number is not None:
                given = "Yes" if answer.number else "No"
            rows.append([*head, answer.item.text, given])
    return SheetData(
        SURVEYS_SHEET, ["Survey", "Kind", "Submitted", "Overall rating", "Question", "Answer"], rows
    )


def _programme_name(session: Session, programme_id: int) -> str:
    return session.scalar(select(Programme.name).where(Programme.id == programme_id)) or ""


def _person_name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    return person.full_name if person else ""


#: Sheets whose rows print as one block of facts per record rather than as a table.
_WIDE = 6
#: The sheet of survey answers: one line per answer, printed one survey at a time.
SURVEYS_SHEET = "Surveys"


def subject_access_pdf(
    session: Session, person: Person, sheets: Sequence[SheetData], today: dt.date
) -> Document:
    """The PDF of a subject access request, printed from the same sheets as the .xlsx.

    The first sheet (the person's details) prints as facts; a sheet of up to six
    columns as a table; a wider one as one block of facts per record, so long
    answers stay readable.
    """
    programme = session.scalars(
        select(Programme)
        .join(Strand)
        .join(Application)
        .where(Application.person_id == person.id)
        .order_by(Programme.ends_on.desc(), Programme.name)
    ).first()
    kind, marking = "Subject access request", "Confidential: personal data"
    document = Document(
        letterhead(programme, today, kind, marking)
        if programme
        else Letterhead("MentorDesk", issued_on=today, document=kind, marking=marking),
        # The PDF's properties name no one: they show in file browsers and indexes.
        title="Subject access request",
    )
    document.title_block(
        f"Everything held about {person.full_name}",
        f"Subject access request, prepared on {today.isoformat()}",
    )
    document.paragraph(
        "This document lists every record the programme file holds about this person, "
        "including the coordinator's confidential notes. The spreadsheet sent with it holds "
        "the same records in a form a computer can read."
    )
    first, *rest = sheets
    document.heading(first.name)
    document.key_values([(str(row[0]), row[1]) for row in first.rows])
    for sheet in rest:
        document.heading(sheet.name)
        if not sheet.rows:
            document.paragraph("None.", style="muted")
        elif sheet.name == SURVEYS_SHEET:
            _print_surveys(document, sheet)
        elif len(sheet.headers) <= _WIDE:
            document.table(sheet.headers, sheet.rows, widths=_shares(sheet))
        else:
            for number, row in enumerate(sheet.rows, start=1):
                if len(sheet.rows) > 1:
                    document.heading(f"{sheet.name} {number}", level=3)
                document.key_values(list(zip(sheet.headers, row, strict=False)), skip_empty=True)
    return document


def _print_surveys(document: Document, sheet: SheetData) -> None:
    """Each response under its own heading, its questions and answers as a two-column table."""
    responses: dict[tuple[CellValue, ...], list[list[CellValue]]] = {}
    for row in sheet.rows:
        responses.setdefault(tuple(row[:4]), []).append([row[4], row[5]])
    for (title, kind, submitted, rating), answers in responses.items():
        document.heading(f"{title or kind}, {format_value(submitted)}", level=3)
        if rating is not None:
            document.key_values([("Overall rating", rating)])
        answered = [a for a in answers if a[0] or a[1]]
        if answered:
            document.table(["Question", "Answer"], answered, widths=[3, 2])


def _shares(sheet: SheetData) -> list[float]:
    """Each column's share of a table's width: by the length of what it holds, within bounds."""
    shares = []
    for column, header in enumerate(sheet.headers):
        lengths = [len(format_value(row[column])) for row in sheet.rows if column < len(row)]
        typical = sum(lengths) / len(lengths) if lengths else 0
        shares.append(min(max(len(header), typical, 6.0), 40.0))
    return shares


def export_person(session: Session, email: str, path: Path, *, today: dt.date | None = None) -> int:
    """Write everything about one person to an .xlsx file and a PDF beside it (notes included).

    The PDF has the same name with ``.pdf``; both are printed from the same
    sheets. If the PDF cannot be written, the .xlsx is not left behind either.

    Returns:
        The person's id. The export itself is recorded in the audit trail.

    Raises:
        NotFound: nobody has this email.
        ExportFailed: a file could not be written; the message says why.
    """
    person = find_person(session, email)
    sheets = subject_access_sheets(session, person)
    # Laid out first: the longest step, and nothing is on disk if it fails.
    pdf = subject_access_pdf(session, person, sheets, today or dt.date.today()).to_bytes()
    path = Path(path)
    write_table(path, sheets)
    try:
        write_bytes_atomically(pdf_path(path), pdf)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    record_change(session, "subject access export", "person", person.id)
    return person.id


def pdf_path(path: Path) -> Path:
    """Where the PDF of a subject access export to ``path`` goes: beside it, ending ``.pdf``."""
    return Path(path).with_suffix(".pdf")


# Erasing and anonymising ---------------------------------------------------------------


def _pairings_of(session: Session, person_id: int) -> list[Pairing]:
    member_of = select(PairingMember.pairing_id).where(PairingMember.person_id == person_id)
    return list(
        session.scalars(
            select(Pairing)
            .where((Pairing.mentor_id == person_id) | Pairing.id.in_(member_of))
            .order_by(Pairing.id)
        )
    )


def _remove(session: Session, person: Person) -> tuple[ErasureSummary, Counter[str]]:
    """Delete a person and what is theirs alone; return the anonymous counts lost."""
    pid = person.id
    counts: Counter[str] = Counter()
    applications = session.scalars(select(Application).where(Application.person_id == pid)).all()
    for a in applications:
        counts[f"application {a.strand.name} {a.role.value} {a.status.value}"] += 1
    for attended in session.scalars(select(Attendance).where(Attendance.person_id == pid)):
        counts[f"attendance event {attended.event_id} {attended.status.value}"] += 1
    for r in session.scalars(select(SurveyResponse).where(SurveyResponse.person_id == pid)):
        counts[f"survey {r.kind.value} rating {r.rating}"] += 1
    for m in session.scalars(select(MessageLog).where(MessageLog.person_id == pid)):
        counts[f"message {m.template_key}"] += 1
    removed = 0
    for pairing in _pairings_of(session, pid):
        others = [m for m in pairing.members if m.person_id != pid]
        if pairing.mentor_id == pid or not others:
            counts[f"pairing {pairing.strand.name} {pairing.status.value}"] += 1
            session.delete(pairing)
            removed += 1
    session.flush()
    notes = session.scalar(select(func.count(Note.id)).where(Note.person_id == pid)) or 0
    session.execute(delete(Note).where(Note.person_id == pid))
    summary = ErasureSummary(
        applications=len(applications),
        pairings_removed=removed,
        attendance=sum(v for k, v in counts.items() if k.startswith("attendance")),
        notes=notes,
        survey_responses=sum(v for k, v in counts.items() if k.startswith("survey")),
    )
    # Applications, attendance, answers, messages and rules go with them (ON DELETE CASCADE).
    session.delete(person)
    session.flush()
    return summary, counts


def _clear_personal(session: Session, person: Person) -> None:
    """Replace who they are and clear every free text about them; keep what statistics need."""
    pid = person.id
    person.first_name = "Anonymised"
    person.last_name = f"person {pid}"
    person.email = f"person-{pid}@{ANONYMISED_DOMAIN}"
    # Organisation, career stage, contract, field and gender stay: the programme's statistics
    # count them. What could point at one person goes.
    for name in ("department", "position", "expertise", "languages"):
        setattr(person, name, "")
    person.line_manager_id = None
    person.consent_on = None
    person.consent_withdrawn_on = None
    for a in session.scalars(select(Application).where(Application.person_id == pid)):
        a.goals = a.development_needs = a.preferences = a.availability = ""
        a.source = "anonymised"
        a.mentor_choices.clear()
        a.other_answers.clear()
    pairings = _pairings_of(session, pid)
    for pairing in pairings:
        pairing.goals = pairing.match_explanation = pairing.override_reason = ""
        for check_in in pairing.check_ins:
            check_in.summary = ""
    session.execute(
        delete(Note).where((Note.person_id == pid) | Note.pairing_id.in_([p.id for p in pairings]))
    )
    for response in session.scalars(select(SurveyResponse).where(SurveyResponse.person_id == pid)):
        response.answers = "{}"
        for answer in response.items:
            answer.text = ""
    session.execute(delete(MessageLog).where(MessageLog.person_id == pid))
    session.execute(
        delete(PairRule).where(or_(PairRule.mentor_id == pid, PairRule.mentee_id == pid))
    )
    session.flush()


def erase(session: Session, person: Person) -> ErasureSummary:
    """Erase a person and everything linked to them, and log it without anything personal.

    Their applications (with their other answers), attendance, survey
    answers, messages, notes about them, and the pairings they mentor or are
    the only mentee of (with those pairings' notes and check-ins) are deleted;
    from a circle they are simply removed. Every text left in the file that
    names them (another person's message subject or other answers, a pair
    rule's reason, a check-in summary, an audit entry's details…) has their
    name and email replaced by "[erased]"
    (:mod:`~mentordesk.services.text_erasure`). What statistics lose is kept as
    counts in the erasure log, with the person's id and the date (never a
    name), so that it can be applied again to a restored backup. Nothing is
    written to the audit trail here.
    """
    (summary,) = erase_all(session, [person])
    return summary


def erase_all(session: Session, people: Sequence[Person]) -> list[ErasureSummary]:
    """Erase several people as :func:`erase` does, reading the file's texts once for all."""
    identities = [Identity.of(person) for person in people]
    summaries = []
    for person in people:
        pid = person.id
        summary, counts = _remove(session, person)
        session.add(Erasure(person_id=pid, counts=json.dumps(dict(counts), sort_keys=True)))
        summaries.append(summary)
    remove_names(session, identities, ERASED_TEXT)
    return summaries


def anonymise(session: Session, person: Person) -> None:
    """Keep a person's non-identifying facts for statistics; replace or clear everything else.

    Their name and email are replaced, department, position, expertise,
    languages, line manager and consent dates cleared, every free text about
    them (application answers and availability, pairing goals, check-in
    summaries, survey comments) emptied, their applications' other answers
    deleted, and notes, messages and pairing rules about them
    deleted. Every other text that names them has their name and email
    replaced by "[anonymised]". Statuses, dates, ratings and attendance stay.
    The erasure log records it (by id), so a restored backup is anonymised again.
    """
    anonymise_all(session, [person])


def anonymise_all(session: Session, people: Sequence[Person]) -> None:
    """Anonymise several people as :func:`anonymise` does, reading the file's texts once."""
    people = [person for person in people if not is_anonymised(person)]
    identities = [Identity.of(person) for person in people]
    for person in people:
        _clear_personal(session, person)
        session.add(Erasure(person_id=person.id, counts=json.dumps({ANONYMISED_KEY: 1})))
    remove_names(session, identities, ANONYMISED_TEXT)


def erase_person(session: Session, email: str) -> ErasureSummary:
    """Erase the person with this email (see :func:`erase`); the audit trail records it by id.

    The caller should vacuum the file afterwards so no trace stays in free pages.
    """
    person = find_person(session, email)
    pid = person.id
    summary = erase(session, person)
    record_change(session, "erased", "person", pid)
    return summary


# Erasures and restored backups ---------------------------------------------------------


def reapply_erasures(session: Session, log: Sequence[LoggedErasure]) -> int:
    """Apply a replaced file's erasure log to a restored copy; return how many people it touched.

    Person ids are the same in a backup as in the file it was made from. An id
    can be given again to someone added after an erasure, so a logged erasure
    applies only to a person who was already in the file when it was made.
    The texts of the copy that name them are rewritten as the erasure did.
    Every line of the log is carried over, so it keeps working after the next
    restore.
    """
    logged = {(e.person_id, e.erased_at) for e in session.scalars(select(Erasure))}
    erased: list[Identity] = []
    anonymised: list[Identity] = []
    for line in sorted(log, key=lambda e: e.erased_at):
        if (line.person_id, line.erased_at) in logged:
            continue
        person = session.get(Person, line.person_id)
        if person is not None and person.created_at <= line.erased_at:
            if ANONYMISED_KEY in json.loads(line.counts or "{}"):
                if not is_anonymised(person):
                    anonymised.append(Identity.of(person))
                    _clear_personal(session, person)
            else:
                erased.append(Identity.of(person))
                _remove(session, person)
        session.add(Erasure(person_id=line.person_id, erased_at=line.erased_at, counts=line.counts))
        logged.add((line.person_id, line.erased_at))
    remove_names(session, erased, ERASED_TEXT)
    remove_names(session, anonymised, ANONYMISED_TEXT)
    session.flush()
    return len(erased) + len(anonymised)


# Consent ---------------------------------------------------------------------------------


def give_consent(session: Session, person_id: int, on: dt.date) -> None:
    """Record that the person consented on ``on`` (clearing an earlier withdrawal).

    Raises:
        NotFound: they are no longer in the file.
    """
    person = _get_person(session, person_id)
    person.consent_on = on
    person.consent_withdrawn_on = None
    record_change(session, "consent given", "person", person_id, f"on {on.isoformat()}")


def withdraw_consent(session: Session, person_id: int, on: dt.date) -> None:
    """Record that the person withdrew their consent on ``on``.

    From then on they are left out of new matching proposals and mailings, and
    flagged in the lists, until they give it again.

    Raises:
        NotFound: they are no longer in the file.
        InvalidInput: ``on`` is before the day they gave it.
    """
    person = _get_person(session, person_id)
    if person.consent_on is not None and on < person.consent_on:
        raise InvalidInput(
            f"Consent cannot be withdrawn before it was given ({person.consent_on.isoformat()})."
        )
    person.consent_withdrawn_on = on
    record_change(session, "consent withdrawn", "person", person_id, f"on {on.isoformat()}")


def _get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("This person is no longer in the file.")
    return person
