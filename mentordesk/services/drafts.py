"""Mail merge into unsent drafts: one .eml per recipient, logged as prepared.

Every draft is checked and built before the first file is written. The files
are written atomically and each is logged in the same transaction; if one file
cannot be written, those already written in the run are removed again and
nothing is logged, so a run is all or nothing.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.domain.enums import ApplicationStatus, AttendanceStatus, PairingStatus, Role, Rsvp
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.eml import address, address_problem, build_draft
from mentordesk.formats.files import (
    all_or_nothing,
    check_folder,
    safe_file_name,
    unused_paths,
    write_bytes_atomically,
)
from mentordesk.formats.ical import Person as Organiser
from mentordesk.services.applicants import get_person
from mentordesk.services.calendars import invitation_ics, programme_ics
from mentordesk.services.collation import person_key, sort_key
from mentordesk.services.documents.letters import introduction_letter
from mentordesk.services.events import get_event
from mentordesk.services.messages import (
    EVENT_KEYS,
    STATUS_KEYS,
    TemplateText,
    day_text,
    get_template,
    record_prepared,
    render,
    template_problems,
    template_title,
    used_placeholders,
)
from mentordesk.services.pairings import (
    FOLLOWED_UP,
    OPEN_CHECK_INS,
    check_in_states,
    person_pairings_under_way,
)
from mentordesk.services.programme_copy import alumni
from mentordesk.services.programmes import get_programme
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

#: Placeholders the file does not hold: their values are given when drafts are prepared.
GIVEN_PLACEHOLDERS = {"survey_link": "the questionnaire's web address"}

#: Why a placeholder has no value for someone, to say why their draft was left out.
_NO_VALUE = {
    "strand": "has no application in the programme",
    "role": "has no application in the programme",
    "programme_start": "the programme has no start date",
    "programme_end": "the programme has no end date",
    "waitlist_position": "has no place on the waiting list",
    "other_name": "is not in a pairing under way",
    "other_first_name": "is not in a pairing under way",
    "other_email": "is not in a pairing under way",
    "other_role": "is not in a pairing under way",
    "other_details": "is not in a pairing under way",
    "other_position": "the other person's position is not recorded",
    "other_department": "the other person's department is not recorded",
    "other_organisation": "the other person's organisation is not recorded",
    "why_matched": "the pairing has no explanation of why it was made",
    "start_date": "the pairing has no start date",
    "review_date": "the pairing has no review date",
    "meeting_frequency": "the pairing has no agreed meeting frequency",
    "due_date": "no check-in is planned for the pairing",
    "event_location": "the event has no place or online link",
    "event_link": "the event has no online link",
    "event_facilitator": "the event has no facilitator",
}

#: Pairings that may be introduced: those under way, and proposed, paused or extended ones.
_INTRODUCIBLE = (
    *FOLLOWED_UP,
    PairingStatus.PROPOSED,
    PairingStatus.PAUSED,
    PairingStatus.EXTENDED,
)

#: A mailto: link longer than this is cut short by Windows or the mail program.
MAILTO_MAX = 2000

_Values = dict[str, str | None]


@dataclass(frozen=True)
class DraftResult:
    """The drafts written, and who was left out with the reason in plain words."""

    written: list[Path]
    skipped: list[str]


@dataclass(frozen=True)
class _Draft:
    person: Person
    subject: str
    body: str
    attachments: tuple[tuple[str, str, bytes], ...] = ()
    pairing_id: int | None = None
    event_id: int | None = None


def _names(names: Sequence[str]) -> str:
    """``Ana``, ``Ana and Ben``, ``Ana, Ben and Cleo``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _usable_template(session: Session, programme_id: int, key: str) -> TemplateText:
    template = get_template(session, programme_id, key)
    if problems := template_problems(key, template.subject, template.body):
        raise InvalidInput(
            f"The {template.title} message cannot be used until it is corrected: "
            + " ".join(problems)
        )
    return template


def _given(template: TemplateText, values: Mapping[str, str] | None) -> dict[str, str]:
    """The given values the template needs; refused at once when one is missing."""
    given = {k: v.strip() for k, v in (values or {}).items() if v and v.strip()}
    for name in sorted(used_placeholders(template.subject + template.body)):
        if name in GIVEN_PLACEHOLDERS and name not in given:
            raise InvalidInput(
                f"The {template.title} message uses {{{name}}}: give "
                f"{GIVEN_PLACEHOLDERS[name]}, or write it into the message itself."
            )
    return given


def _compose(
    template: TemplateText, person: Person, values: _Values, given: Mapping[str, str]
) -> tuple[str, str] | str:
    """The subject and body for one person, or why they cannot have this message.

    The reason reads after the person's name, and does not name them itself.
    Blank lines left at the end (a programme without a signature line) are dropped.
    """
    filled = {k: v for k, v in values.items() if v is not None}
    for name, value in given.items():
        filled.setdefault(name, value)
    # The reason that matters most first: not being in a pairing at all, say.
    order = list(_NO_VALUE)
    used = used_placeholders(template.subject + template.body)
    for name in sorted(used, key=lambda n: (order.index(n) if n in order else len(order), n)):
        if name not in filled:
            reason = _NO_VALUE.get(name, "no value is known")
            return f"{reason} ({{{name}}})"
    return render(template.subject, filled), render(template.body, filled).rstrip()


def _person_values(
    programme: Programme,
    person: Person,
    key: str,
    sender: tuple[str, str] | None,
) -> _Values:
    """What a message to ``person`` in ``programme`` can say about them."""
    in_programme = [a for a in person.applications if a.strand.programme_id == programme.id]
    wanted = next((s for s, k in STATUS_KEYS.items() if k == key), ApplicationStatus.ACCEPTED)
    application = next((a for a in in_programme if a.status is wanted), None) or next(
        iter(in_programme), None
    )
    rank = application.waitlist_rank if application else None
    return {
        "first_name": person.first_name or person.full_name,
        "last_name": person.last_name or person.full_name,
        "full_name": person.full_name,
        "email": person.email,
        "programme": programme.name,
        "strand": application.strand.name if application else None,
        "role": application.role.value if application else None,
        "coordinator_name": sender[0] if sender and sender[0].strip() else "The programme team",
        "signature": programme.signature_line.strip(),
        "programme_start": day_text(programme.starts_on) if programme.starts_on else None,
        "programme_end": day_text(programme.ends_on) if programme.ends_on else None,
        "waitlist_position": str(rank) if rank is not None else None,
    }


def _joined(values: Sequence[str], sep: str = "; ") -> str | None:
    return sep.join(values) if values and all(values) else None


def _pairing_values(pairing: Pairing, person_id: int) -> _Values:
    """What a message to one person of a pairing can say about the other(s)."""
    mentees = sorted((m.person for m in pairing.members), key=lambda p: sort_key(p.full_name))
    if person_id == pairing.mentor_id:
        others, other_role = mentees, "mentee" if len(mentees) == 1 else "mentees"
        role = Role.MENTOR
    else:
        others, other_role, role = [pairing.mentor], "mentor", Role.MENTEE
    details = []
    for other in others:
        lines = [other.full_name + (f" – {other.position}" if other.position else "")]
        if place := ", ".join(x for x in (other.department, other.organisation) if x):
            lines.append(place)
        lines.append(other.email)
        details.append("\n".join(lines))
    return {
        "strand": pairing.strand.name,
        "role": role.value,
        "other_name": _names([o.full_name for o in others]),
        "other_first_name": _names([o.first_name or o.full_name for o in others]),
        "other_email": ", ".join(o.email for o in others),
        "other_position": _joined([o.position for o in others]),
        "other_department": _joined([o.department for o in others]),
        "other_organisation": _joined([o.organisation for o in others]),
        "other_role": other_role,
        "other_details": "\n\n".join(details),
        "why_matched": pairing.match_explanation or None,
        "start_date": day_text(pairing.started_on) if pairing.started_on else None,
        "review_date": day_text(pairing.review_on) if pairing.review_on else None,
        "meeting_frequency": pairing.meeting_frequency or None,
    }


def _event_values(event: Event, zone: ZoneInfo) -> _Values:
    """What a message about an event can say: when, where, how to join."""
    start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    if start.date() == end.date():
        date = day_text(start.date(), weekday=True)
    else:
        first, last = day_text(start.date(), weekday=True), day_text(end.date(), weekday=True)
        date = f"{first} to {last}"
    time = "all day" if event.all_day else f"{start:%H:%M}–{end:%H:%M}"
    location = event.location or ("Online" if event.online_link else "")
    details = [event.title, date if event.all_day else f"{date}, {time}"]
    if event.location:
        details.append(f"Where: {event.location}")
    if event.online_link:
        details.append(f"Join online: {event.online_link}")
    if event.facilitator:
        details.append(f"Facilitator: {event.facilitator}")
    return {
        "event_title": event.title,
        "event_date": date,
        "event_time": time,
        "event_location": location or None,
        "event_link": event.online_link or None,
        "event_facilitator": event.facilitator or None,
        "event_details": "\n".join(details),
    }


def _people(session: Session, person_ids: Sequence[int]) -> list[Person]:
    """The people asked for, in the order asked, each once.

    Raises:
        NotFound: some are no longer in the file.
    """
    ids = list(dict.fromkeys(person_ids))
    found = {
        p.id: p
        for p in session.scalars(
            select(Person)
            .where(Person.id.in_(ids))
            .options(selectinload(Person.applications).selectinload(Application.strand))
        )
    }
    if missing := [i for i in ids if i not in found]:
        raise NotFound(f"{len(missing)} of the chosen people are no longer in the file.")
    return [found[i] for i in ids]


def _cannot_write_to(person: Person) -> str | None:
    """Why no message may go to the person at all, with their name; None if it may."""
    if person.consent_withdrawn_on is not None:
        return f"{person.full_name}: withdrew consent on {day_text(person.consent_withdrawn_on)}"
    if problem := address_problem(person.email):
        return f"{person.full_name}: the email address {problem}"
    return None


def _check_in_values(
    session: Session, programme_id: int, person_id: int, today: dt.date
) -> tuple[_Values, int | None]:
    """The pairing a check-in message is about (the one whose check-in is due first)."""

    def next_due(p: Pairing) -> dt.date:
        states = check_in_states(p, today)
        pending = [c.due_on for c, state in states if state in OPEN_CHECK_INS]
        return min(pending) if pending else dt.date.max

    pairings = person_pairings_under_way(session, programme_id, person_id)
    if not pairings:
        return {}, None
    pairing = min(pairings, key=next_due)
    values = _pairing_values(pairing, person_id)
    due = next_due(pairing)
    if due != dt.date.max:
        # A check-in already past is answered within a week from today.
        values["due_date"] = day_text(due if due >= today else today + dt.timedelta(days=7))
    return values, pairing.id


def _write(
    session: Session,
    programme_id: int,
    key: str,
    drafts: Sequence[_Draft],
    skipped: list[str],
    out_dir: Path,
    today: dt.date,
    sender: tuple[str, str] | None,
) -> DraftResult:
    """Build every draft, then write and log them all, or none."""
    check_folder(Path(out_dir) / "draft.eml")
    built: list[tuple[_Draft, bytes]] = []
    for draft in drafts:
        try:
            data = build_draft(
                to=[(draft.person.full_name, draft.person.email)],
                subject=draft.subject,
                body=draft.body,
                sender=sender,
                attachments=draft.attachments,
            )
        except InvalidInput as error:
            skipped.append(f"{draft.person.full_name}: {error.message}")
            continue
        built.append((draft, data))
    names = [
        safe_file_name(f"{today.isoformat()} {key} - {draft.person.full_name}", ".eml")
        for draft, _data in built
    ]
    with all_or_nothing() as written:
        for path, (_draft, data) in zip(unused_paths(Path(out_dir), names), built, strict=True):
            write_bytes_atomically(path, data)
            written.append(path)
        # Logged once every file is in place, so a failed run logs nothing.
        for draft, _data in built:
            record_prepared(
                session,
                programme_id,
                draft.person.id,
                key,
                draft.subject,
                pairing_id=draft.pairing_id,
                event_id=draft.event_id,
            )
    return DraftResult(written, skipped)


def drafts_for_people(
    session: Session,
    programme_id: int,
    key: str,
    person_ids: Sequence[int],
    out_dir: Path,
    *,
    today: dt.date,
    sender: tuple[str, str] | None = None,
    values: Mapping[str, str] | None = None,
) -> DraftResult:
    """One draft of message ``key`` for each person, written into ``out_dir``.

    Args:
        session: the open transaction; each draft is logged in it.
        programme_id: the programme the message is about.
        key: any message but the introduction and the event messages, which have
            their own functions.
        person_ids: who receives it.
        out_dir: an existing folder; existing files in it are never replaced.
        today: the date in file names, and the day check-ins are reckoned from.
        sender: (name, email) the drafts come from, and {coordinator_name};
            left out, the mail program's default account sends them.
        values: values of placeholders the file does not hold, such as {survey_link}.

    Raises:
        InvalidInput: the message is not one for people, cannot be used as written,
            or needs a value not given.
        NotFound: some of the people are no longer in the file.
        ExportFailed: a file could not be written (nothing is kept or logged).
    """
    programme = get_programme(session, programme_id)
    if key == "introduction":
        raise InvalidInput("Introductions are prepared for pairings: choose the pairings.")
    if key in EVENT_KEYS:
        raise InvalidInput(f"The {template_title(key)} message is prepared from an event.")
    template = _usable_template(session, programme_id, key)
    given = _given(template, values)
    drafts: list[_Draft] = []
    skipped: list[str] = []
    for person in _people(session, person_ids):
        if reason := _cannot_write_to(person):
            skipped.append(reason)
            continue
        person_values = _person_values(programme, person, key, sender)
        pairing_id = None
        if key == "check-in":
            pairing_values, pairing_id = _check_in_values(session, programme_id, person.id, today)
            person_values.update(pairing_values)
        composed = _compose(template, person, person_values, given)
        if isinstance(composed, str):
            skipped.append(f"{person.full_name}: {composed}")
            continue
        drafts.append(_Draft(person, *composed, pairing_id=pairing_id))
    return _write(session, programme_id, key, drafts, skipped, out_dir, today, sender)


def drafts_to_invite_back(
    session: Session,
    programme_id: int,
    person_ids: Sequence[int],
    out_dir: Path,
    *,
    today: dt.date,
    sender: tuple[str, str] | None = None,
) -> DraftResult:
    """One “Would you mentor again?” draft (message ``invite-back``) for each of the alumni.

    Alumni are the people who took part in the programmes this one was copied
    from. Someone who is not one of them, or who has applied to this programme
    already, is left out with the reason.

    Args:
        session: the open transaction; each draft is logged in it.
        programme_id: the programme they are invited back to.
        person_ids: who receives it (as the Alumni list gives them).
        out_dir: an existing folder; existing files in it are never replaced.
        today: the date in file names.
        sender: (name, email) the drafts come from, and {coordinator_name}.

    Raises:
        InvalidInput: the message cannot be used as written.
        NotFound: the programme or some of the people are no longer in the file.
        ExportFailed: a file could not be written (nothing is kept or logged).
    """
    programme = get_programme(session, programme_id)
    earlier = {row.person_id for row in alumni(session, programme_id)}
    applied = set(
        session.scalars(
            select(Application.person_id)
            .join(Strand, Strand.id == Application.strand_id)
            .where(Strand.programme_id == programme_id)
        )
    )
    invited: list[int] = []
    skipped: list[str] = []
    for person in _people(session, person_ids):
        if person.id not in earlier:
            skipped.append(
                f"{person.full_name}: took part in none of the programmes "
                f"{programme.name} was copied from"
            )
        elif person.id in applied:
            skipped.append(f"{person.full_name}: has applied to {programme.name} already")
        else:
            invited.append(person.id)
    result = drafts_for_people(
        session, programme_id, "invite-back", invited, out_dir, today=today, sender=sender
    )
    return DraftResult(result.written, skipped + result.skipped)


def drafts_for_pairings(
    session: Session,
    programme_id: int,
    pairing_ids: Sequence[int],
    out_dir: Path,
    *,
    today: dt.date,
    sender: tuple[str, str] | None = None,
    values: Mapping[str, str] | None = None,
) -> DraftResult:
    """Introduce each pairing: one draft to the mentor and one to each mentee.

    Each names the other(s) of the pairing and carries the recipient's introduction
    letter (PDF). Drafts and ended pairings are left out, with the reason.

    Raises:
        InvalidInput: the introduction cannot be used as written.
        NotFound: some pairings are not in the programme (any longer).
        ExportFailed: a file could not be written (nothing is kept or logged).
    """
    programme = get_programme(session, programme_id)
    template = _usable_template(session, programme_id, "introduction")
    given = _given(template, values)
    ids = list(dict.fromkeys(pairing_ids))
    pairings = {
        p.id: p
        for p in session.scalars(
            select(Pairing)
            .join(Strand)
            .where(Pairing.id.in_(ids), Strand.programme_id == programme_id)
            .options(
                selectinload(Pairing.mentor)
                .selectinload(Person.applications)
                .selectinload(Application.strand),
                selectinload(Pairing.members)
                .selectinload(PairingMember.person)
                .selectinload(Person.applications)
                .selectinload(Application.strand),
            )
        )
    }
    if missing := [i for i in ids if i not in pairings]:
        raise NotFound(f"{len(missing)} of the chosen pairings are not in {programme.name}.")
    drafts: list[_Draft] = []
    skipped: list[str] = []
    for pairing in (pairings[i] for i in ids):
        mentees = sorted((m.person for m in pairing.members), key=lambda p: sort_key(p.full_name))
        label = (
            pairing.name or f"{pairing.mentor.full_name} – {_names([m.full_name for m in mentees])}"
        )
        if pairing.draft:
            skipped.append(f"{label}: still a draft proposal; publish it first")
            continue
        if pairing.status not in _INTRODUCIBLE:
            skipped.append(f"{label}: the pairing is {pairing.status.label.lower()}")
            continue
        for person in (pairing.mentor, *mentees):
            if reason := _cannot_write_to(person):
                skipped.append(reason)
                continue
            person_values = _person_values(programme, person, "introduction", sender)
            person_values.update(_pairing_values(pairing, person.id))
            composed = _compose(template, person, person_values, given)
            if isinstance(composed, str):
                skipped.append(f"{person.full_name}: {composed}")
                continue
            letter = (
                safe_file_name(f"Introduction letter - {person.full_name}", ".pdf"),
                "application/pdf",
                introduction_letter(session, pairing.id, person.id, today=today),
            )
            drafts.append(_Draft(person, *composed, attachments=(letter,), pairing_id=pairing.id))
    return _write(session, programme_id, "introduction", drafts, skipped, out_dir, today, sender)


def drafts_for_event(
    session: Session,
    event_id: int,
    key: str,
    out_dir: Path,
    *,
    today: dt.date,
    person_ids: Sequence[int] | None = None,
    sender: tuple[str, str] | None = None,
    values: Mapping[str, str] | None = None,
) -> DraftResult:
    """Invite people to an event, or remind them of it, with its calendar file attached.

    With a ``sender``, the calendar file is an invitation from them naming only
    the recipient (Outlook offers Accept and Decline); without one, a file that
    adds the event to the recipient's calendar.

    Args:
        session: the open transaction; each draft is logged in it.
        event_id: the event.
        key: training-invitation, training-reminder or event-invitation.
        out_dir: an existing folder; existing files in it are never replaced.
        today: the date in file names.
        person_ids: who receives it (they must be on the event's register); by
            default everyone invited or registered who has not declined.
        sender: (name, email) the drafts and the invitation come from.
        values: values of placeholders the file does not hold.

    Raises:
        InvalidInput: the message is not about events, does not fit the event, or the
            event is cancelled or over.
        NotFound: the event or some of the people are no longer in the file.
        ExportFailed: a file could not be written (nothing is kept or logged).
    """
    event = get_event(session, event_id)
    if key not in EVENT_KEYS:
        raise InvalidInput(
            f"The {template_title(key)} message is not about an event; choose "
            + ", ".join(template_title(k) for k in EVENT_KEYS)
            + "."
        )
    if key.startswith("training-") and not event.kind.is_training:
        raise InvalidInput(
            f"“{event.title}” is not a training session: use the Event invitation message."
        )
    if event.cancelled:
        raise InvalidInput(f"“{event.title}” is cancelled: there is nothing to invite people to.")
    programme = get_programme(session, event.programme_id)
    zone = ZoneInfo(programme.timezone)
    if event.ends_at.astimezone(zone).date() < today:
        raise InvalidInput(f"“{event.title}” is over: there is nothing to invite people to.")
    template = _usable_template(session, programme.id, key)
    given = _given(template, values)
    register = {
        a.person_id: a
        for a in session.scalars(select(Attendance).where(Attendance.event_id == event_id))
    }
    if person_ids is None:
        people = sorted(
            _people(
                session,
                [
                    a.person_id
                    for a in register.values()
                    if a.status in (AttendanceStatus.INVITED, AttendanceStatus.REGISTERED)
                    and a.rsvp is not Rsvp.DECLINED
                ],
            ),
            key=lambda p: (person_key(p), p.id),
        )
    else:
        people = _people(session, person_ids)
    event_values = _event_values(event, zone)
    # Without an organiser, one file that adds the event to any calendar serves everyone.
    publish = b"" if sender else programme_ics(session, programme.id, event_ids=[event_id])
    attachment_name = safe_file_name(event.title, ".ics", fallback="event")
    drafts: list[_Draft] = []
    skipped: list[str] = []
    for person in people:
        attendance = register.get(person.id)
        if attendance is None:
            skipped.append(f"{person.full_name}: not on the register of “{event.title}”")
            continue
        if attendance.rsvp is Rsvp.DECLINED:
            skipped.append(f"{person.full_name}: declined the invitation")
            continue
        if reason := _cannot_write_to(person):
            skipped.append(reason)
            continue
        person_values = _person_values(programme, person, key, sender) | event_values
        composed = _compose(template, person, person_values, given)
        if isinstance(composed, str):
            skipped.append(f"{person.full_name}: {composed}")
            continue
        if sender is None:
            calendar = (attachment_name, "text/calendar; method=PUBLISH", publish)
        else:
            data = invitation_ics(session, event_id, Organiser(*sender), attendee_ids=[person.id])
            calendar = (attachment_name, "text/calendar; method=REQUEST", data)
        drafts.append(_Draft(person, *composed, attachments=(calendar,), event_id=event_id))
    return _write(session, programme.id, key, drafts, skipped, out_dir, today, sender)


def outlook_addresses(session: Session, person_ids: Sequence[int]) -> str:
    """The people's addresses as Outlook's To or Bcc field takes them, ``; ``-separated.

    Names keep their accents (``Amélie Müller <amelie@uni.example>``); a name with
    a comma or quotes is quoted, so it stays one recipient.

    Raises:
        NotFound: some of the people are no longer in the file.
    """
    entries = []
    for person in _people(session, person_ids):
        # Outlook splits its address field at semicolons, even inside quotes.
        name = person.full_name.replace(";", ",")
        try:
            entries.append(str(address(name, person.email)))
        except InvalidInput:
            entries.append(person.email)
    return "; ".join(entries)


def mailto_url(
    session: Session,
    person_id: int,
    key: str | None = None,
    programme_id: int | None = None,
    *,
    sender: tuple[str, str] | None = None,
    values: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> str:
    """A ``mailto:`` link to one person, with a message's subject and body if ``key`` is given.

    Subject and body are percent-encoded as RFC 6068 asks (UTF-8, line breaks as
    ``%0D%0A``).

    Raises:
        InvalidInput: a message was asked for without its programme, is not one
            for a single person, cannot be used as written or says something
            unknown about the person, or is too long for a link.
        NotFound: the person is no longer in the file.
    """
    person = get_person(session, person_id)
    url = "mailto:" + urllib.parse.quote(person.email, safe="@")
    if key is None:
        return url
    if programme_id is None:
        raise InvalidInput("Choose the programme the message is about.")
    if key == "introduction" or key in EVENT_KEYS:
        raise InvalidInput(
            f"The {template_title(key)} message carries attachments: prepare drafts instead."
        )
    programme = get_programme(session, programme_id)
    template = _usable_template(session, programme_id, key)
    person_values = _person_values(programme, person, key, sender)
    if key == "check-in":
        today = today or dt.date.today()
        person_values.update(_check_in_values(session, programme_id, person.id, today)[0])
    composed = _compose(template, person, person_values, _given(template, values))
    if isinstance(composed, str):
        raise InvalidInput(
            f"The {template.title} message cannot be written for this person: {composed}."
        )
    subject, body = composed
    query = urllib.parse.urlencode(
        {"subject": subject, "body": body.replace("\r\n", "\n").replace("\n", "\r\n")},
        quote_via=urllib.parse.quote,
    )
    url = f"{url}?{query}"
    if len(url) > MAILTO_MAX:
        raise InvalidInput(
            f"The {template.title} message is too long for a mail link: prepare a draft instead."
        )
    return url
