"""Message templates per stage, their checked placeholders, and the communication log.

A template is written with ``{placeholder}`` fields, as in Python's ``str.format``,
but read by a parser of its own: only plain names are fields (``{person.__class__}``
or ``{0}`` are refused, never looked up), ``{{`` and ``}}`` stand for braces, and
every name must be one the message offers. So a misspelt field is a problem shown
while the template is edited, never a blank in a message that went out.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.pdf import format_date
from mentordesk.services.audit import record_change
from mentordesk.services.collation import sort_key
from mentordesk.services.programmes import applicants_in
from mentordesk.store.models import MessageLog, MessageTemplate, Person

TEMPLATE_KEYS: tuple[str, ...] = (
    "received",
    "accepted",
    "waitlisted",
    "declined",
    "introduction",
    "training-invitation",
    "training-reminder",
    "event-invitation",
    "check-in",
    "survey",
    # To the alumni of the rounds before: would they mentor again?
    "invite-back",
    "closing",
)

#: Templates sent about an event, with its calendar file attached.
EVENT_KEYS: tuple[str, ...] = ("training-invitation", "training-reminder", "event-invitation")

#: The message that tells an applicant of each decision.
STATUS_KEYS: dict[ApplicationStatus, str] = {
    ApplicationStatus.RECEIVED: "received",
    ApplicationStatus.ACCEPTED: "accepted",
    ApplicationStatus.WAITLISTED: "waitlisted",
    ApplicationStatus.DECLINED: "declined",
}

SUBJECT_MAX = 300


@dataclass(frozen=True)
class Placeholder:
    """A field a template may use, explained for the coordinator with an example value."""

    name: str
    description: str
    example: str


@dataclass(frozen=True)
class TemplateText:
    """A template as the programme uses it: its own wording, or the shipped default."""

    key: str
    title: str
    subject: str
    body: str
    customised: bool


@dataclass(frozen=True)
class LogRow:
    """One message prepared for a person, and whether it was marked sent."""

    id: int
    person_id: int
    person_name: str
    email: str
    template_key: str
    template_title: str
    subject: str
    prepared_at: dt.datetime
    sent_on: dt.date | None


_ALL_PLACEHOLDERS = {
    p.name: p
    for p in (
        Placeholder("first_name", "the person's first name", "Amélie"),
        Placeholder("last_name", "the person's last name", "Müller"),
        Placeholder("full_name", "first and last name", "Amélie Müller"),
        Placeholder("email", "the person's email address", "amelie.muller@uni.example"),
        Placeholder("programme", "the programme's name", "ADVANCE 2026"),
        Placeholder("strand", "the strand the person applied to", "Fellows"),
        Placeholder("role", "mentor or mentee", "mentee"),
        Placeholder(
            "coordinator_name",
            "who the message comes from (the programme team unless you give your name)",
            "Programme office",
        ),
        Placeholder(
            "signature",
            "the programme's signature line, set in its settings (empty when it has none)",
            "The ADVANCE team, Office for Equal Opportunities",
        ),
        Placeholder("programme_start", "the day the programme starts", "15 January 2026"),
        Placeholder("programme_end", "the day the programme ends", "15 December 2026"),
        Placeholder("waitlist_position", "the person's place on the waiting list", "3"),
        Placeholder("other_name", "the other person (or people) of the pairing", "Ben Okafor"),
        Placeholder("other_first_name", "their first name(s)", "Ben"),
        Placeholder("other_email", "their email address(es)", "ben.okafor@lih.example"),
        Placeholder("other_position", "their position", "Associate professor"),
        Placeholder("other_department", "their department", "Department of Cancer Research"),
        Placeholder("other_organisation", "their organisation", "Luxembourg Institute of Health"),
        Placeholder("other_role", "mentor, mentee, or mentees for a circle", "mentor"),
        Placeholder(
            "other_details",
            "a short block with each other person's name, position, place of work and email",
            "Ben Okafor – Associate professor\nDepartment of Cancer Research, "
            "Luxembourg Institute of Health\nben.okafor@lih.example",
        ),
        Placeholder(
            "why_matched",
            "why the pairing was made, as the matching explained it",
            "Shared field and language; mentor outside the mentee's reporting line.",
        ),
        Placeholder("start_date", "the day the pairing starts", "1 February 2026"),
        Placeholder("review_date", "the day the pairing is reviewed", "1 July 2026"),
        Placeholder("meeting_frequency", "how often the pair agreed to meet", "Monthly"),
        Placeholder("due_date", "the day the next check-in is due", "12 March 2026"),
        Placeholder("event_title", "the event's title", "Orientation training"),
        Placeholder("event_date", "the event's day", "Thursday 3 December 2026"),
        Placeholder("event_time", "its start and end time, or all day", "14:00–17:00"),
        Placeholder(
            "event_location", "where it takes place (Online if only a link)", "Belval campus"
        ),
        Placeholder(
            "event_link", "the online meeting link", "https://teams.example/l/meetup-join/1"
        ),
        Placeholder("event_facilitator", "who leads it", "Dr Hélène Marx"),
        Placeholder(
            "event_details",
            "a short block with the title, day, time, place, link and facilitator",
            "Orientation training\nThursday 3 December 2026, 14:00–17:00\nWhere: Belval campus",
        ),
        Placeholder(
            "survey_link",
            "the questionnaire's web address (given when the drafts are prepared)",
            "https://forms.example/advance-feedback",
        ),
    )
}

_COMMON = (
    "first_name",
    "last_name",
    "full_name",
    "email",
    "programme",
    "strand",
    "role",
    "coordinator_name",
    "signature",
)
_EVENT = (
    "event_title",
    "event_date",
    "event_time",
    "event_location",
    "event_link",
    "event_facilitator",
    "event_details",
)
_OTHER = (
    "other_name",
    "other_first_name",
    "other_email",
    "other_position",
    "other_department",
    "other_organisation",
    "other_role",
)
_ALLOWED: dict[str, tuple[str, ...]] = {
    "received": (*_COMMON, "programme_start"),
    "accepted": (*_COMMON, "programme_start", "programme_end"),
    "waitlisted": (*_COMMON, "waitlist_position"),
    "declined": _COMMON,
    "introduction": (
        *_COMMON,
        *_OTHER,
        "other_details",
        "why_matched",
        "start_date",
        "review_date",
        "meeting_frequency",
    ),
    "training-invitation": (*_COMMON, *_EVENT),
    "training-reminder": (*_COMMON, *_EVENT),
    "event-invitation": (*_COMMON, *_EVENT),
    "check-in": (*_COMMON, *_OTHER, "due_date"),
    "survey": (*_COMMON, "survey_link"),
    "closing": (*_COMMON, "programme_end"),
    # Sent to people of earlier rounds, who hold no application (strand, role) in this one.
    "invite-back": (
        *(name for name in _COMMON if name not in ("strand", "role")),
        "programme_start",
        "programme_end",
    ),
}

_SIGNATURE = "With best wishes,\n{coordinator_name}\n{signature}"

#: key: (title, subject, body) — the texts MentorDesk ships.
_DEFAULTS: dict[str, tuple[str, str, str]] = {
    "received": (
        "Application received",
        "{programme}: we have received your application",
        "Dear {first_name},\n\n"
        "Thank you for applying to {programme} as a {role} in the {strand} strand. "
        "Your application has reached us safely, and we will let you know the outcome "
        "once the selection is complete.\n\n"
        "If anything in your application changes in the meantime, simply reply to this "
        "message.\n\n" + _SIGNATURE,
    ),
    "accepted": (
        "Accepted",
        "Welcome to {programme}",
        "Dear {first_name},\n\n"
        "We are delighted to tell you that your application has been accepted: you will "
        "take part in {programme} as a {role} in the {strand} strand.\n\n"
        "Over the coming weeks you will hear from us about your mentoring partner and the "
        "orientation training that opens the programme, where mentors and mentees prepare "
        "for effective learning conversations.\n\n"
        "We look forward to working with you.\n\n" + _SIGNATURE,
    ),
    "waitlisted": (
        "Waitlisted",
        "{programme}: your application",
        "Dear {first_name},\n\n"
        "Thank you for applying to {programme}. We received many more applications than we "
        "have places this year, and we have placed you on the waiting list for the {strand} "
        "strand.\n\n"
        "If a place becomes available, we will contact you straight away.\n\n" + _SIGNATURE,
    ),
    "declined": (
        "Declined",
        "{programme}: your application",
        "Dear {first_name},\n\n"
        "Thank you for your interest in {programme} and for the care you put into your "
        "application. We received many more applications than we have places, and we are "
        "sorry that we cannot offer you a place this time.\n\n"
        "We hope you will apply again to a future round.\n\n" + _SIGNATURE,
    ),
    "introduction": (
        "Pairing introduction",
        "{programme}: meet your {other_role}",
        "Dear {first_name},\n\n"
        "I am delighted to introduce you to your {other_role} in {programme}:\n\n"
        "{other_details}\n\n"
        "The attached letter tells you more about each other and about what the programme "
        "asks of mentors and mentees.\n\n"
        "Please get in touch with each other within the next two weeks to arrange a first "
        "meeting. At that meeting we suggest you agree how often and where you will meet, "
        "how you will keep in touch in between, and what you would like to achieve "
        "together. What you discuss stays confidential between you.\n\n"
        "If you have any questions, or if anything gets in the way, simply reply to this "
        "message.\n\n" + _SIGNATURE,
    ),
    "training-invitation": (
        "Training invitation",
        "Invitation: {event_title}, {event_date}",
        "Dear {first_name},\n\n"
        "As part of {programme}, we warmly invite you to this training session:\n\n"
        "{event_details}\n\n"
        "Please reply to let us know whether you can attend. The attached calendar file "
        "adds the session to your calendar.\n\n" + _SIGNATURE,
    ),
    "training-reminder": (
        "Training reminder",
        "Reminder: {event_title}, {event_date}",
        "Dear {first_name},\n\n"
        "A friendly reminder of the coming training session of {programme}:\n\n"
        "{event_details}\n\n"
        "If you can no longer attend, please let us know, so that we can offer your place "
        "to someone else.\n\n" + _SIGNATURE,
    ),
    "event-invitation": (
        "Event invitation",
        "Invitation: {event_title}, {event_date}",
        "Dear {first_name},\n\n"
        "You are warmly invited to this event of {programme}:\n\n"
        "{event_details}\n\n"
        "Please reply to let us know whether you will join us. The attached calendar file "
        "adds the event to your calendar.\n\n" + _SIGNATURE,
    ),
    "check-in": (
        "Check-in nudge",
        "{programme}: how is your mentoring going?",
        "Dear {first_name},\n\n"
        "It is time for a short check-in on your mentoring with {other_name}. How are your "
        "meetings going, and is there anything we can help with?\n\n"
        "A few lines in reply by {due_date} would be very welcome. Anything you tell us "
        "stays confidential.\n\n" + _SIGNATURE,
    ),
    "survey": (
        "Survey request",
        "{programme}: ten minutes for your views",
        "Dear {first_name},\n\n"
        "Your views help us improve {programme} for everyone who takes part after you. "
        "Please take about ten minutes to answer our short questionnaire:\n\n"
        "{survey_link}\n\n"
        "Your answers are confidential and reported only as totals.\n\n"
        "Thank you!\n\n" + _SIGNATURE,
    ),
    "closing": (
        "Closing and thanks",
        "Thank you for taking part in {programme}",
        "Dear {first_name},\n\n"
        "As {programme} comes to a close, thank you for the time, care and energy you gave "
        "to it as a {role}.\n\n"
        "We would be glad to hear what worked well and what we could do better: simply "
        "reply to this message. We hope the connections you made will last well beyond "
        "the programme.\n\n" + _SIGNATURE,
    ),
    "invite-back": (
        "Invitation back",
        "Would you mentor again in {programme}?",
        "Dear {first_name},\n\n"
        # Said of everyone accepted then, paired or not: "taking part", not "the time you gave".
        "Thank you again for taking part in an earlier round of our mentoring programme. "
        "{programme} runs from {programme_start} to {programme_end}, and we would be "
        "delighted to have you with us as a mentor.\n\n"
        "Would you mentor again? Simply reply to this message with yes or no. If yes, tell "
        "us anything that has changed in your role or in the time you can give, and we will "
        "send you the application form.\n\n" + _SIGNATURE,
    ),
}

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# A field: braces around anything but braces. Doubled braces are literal.
_TOKENS = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|\{|\}")
_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def _check_key(key: str) -> None:
    if key not in _DEFAULTS:
        raise NotFound(
            f"There is no message called “{key}”. The messages are: {', '.join(TEMPLATE_KEYS)}."
        )


def template_title(key: str) -> str:
    """The message's name as a coordinator reads it (``Check-in nudge``), or the key itself."""
    return _DEFAULTS[key][0] if key in _DEFAULTS else key


def placeholders(key: str) -> list[Placeholder]:
    """The placeholders a template may use, in the order an editor should offer them.

    Raises:
        NotFound: there is no message of that key.
    """
    _check_key(key)
    return [_ALL_PLACEHOLDERS[name] for name in _ALLOWED[key]]


def default_template(key: str) -> TemplateText:
    """The text MentorDesk ships for a message; it is signed with ``{signature}``.

    Raises:
        NotFound: there is no message of that key.
    """
    _check_key(key)
    title, subject, body = _DEFAULTS[key]
    return TemplateText(key, title, subject, body, customised=False)


def get_template(session: Session, programme_id: int, key: str) -> TemplateText:
    """The programme's own wording of a message, or the shipped default if it has none.

    The shipped default ends with ``{signature}``, the programme's signature line.
    """
    default = default_template(key)
    own = _stored(session, programme_id, key)
    if own is None:
        return default
    return TemplateText(key, default.title, own.subject, own.body, customised=True)


def _stored(session: Session, programme_id: int, key: str) -> MessageTemplate | None:
    return session.scalar(
        select(MessageTemplate).where(
            MessageTemplate.programme_id == programme_id, MessageTemplate.key == key
        )
    )


def template_problems(key: str, subject: str, body: str) -> list[str]:
    """What is wrong with a template, in plain words; empty when it can be saved.

    Fast and free of side effects: an editor calls it on every keystroke.
    """
    _check_key(key)
    problems: list[str] = []
    if not subject.strip():
        problems.append("The subject is empty.")
    elif "\n" in subject or "\r" in subject:
        problems.append("The subject must fit on one line.")
    elif len(subject) > SUBJECT_MAX:
        problems.append(f"The subject is too long: at most {SUBJECT_MAX} characters.")
    if not body.strip():
        problems.append("The message is empty.")
    for where, text in (("subject", subject), ("message", body)):
        for problem in _field_problems(key, text, where):
            if problem not in problems:
                problems.append(problem)
    return problems


def _field_problems(key: str, text: str, where: str) -> list[str]:
    allowed = _ALLOWED[key]
    title = template_title(key)
    problems = []
    for match in _TOKENS.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if token == "{":
            problems.append(
                f"An opening brace {{ in the {where} has no closing brace. "
                "Write {{ for a brace itself."
            )
            continue
        if token == "}":
            problems.append(
                f"A closing brace }} in the {where} has no opening brace. "
                "Write }} for a brace itself."
            )
            continue
        name = match.group(1)
        if _NAME.fullmatch(name):
            if name in allowed:
                continue
            if name in _ALL_PLACEHOLDERS:
                problems.append(f"{token} cannot be used in the {title} message.")
            else:
                problems.append(f"{token} is not a placeholder.{_suggestion(name, allowed)}")
        elif any(c in name for c in ".[]!:()"):
            problems.append(
                f"{token} is not allowed: a placeholder is a plain name such as {{first_name}}, "
                f"without dots, brackets or formatting.{_suggestion(name, allowed)}"
            )
        else:
            problems.append(f"{token} is not a placeholder.{_suggestion(name, allowed)}")
    return problems


def _suggestion(name: str, allowed: Sequence[str]) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")
    if cleaned in allowed:
        return f" Did you mean {{{cleaned}}}?"
    close = difflib.get_close_matches(cleaned, allowed, n=1, cutoff=0.6)
    return f" Did you mean {{{close[0]}}}?" if close else ""


def day_text(day: dt.date, *, weekday: bool = False) -> str:
    """A day as messages write it, ``3 December 2026`` or ``Thursday 3 December 2026``.

    Always in English, as printed documents are: the window sets the system's
    locale, which would change ``%A`` and ``%B``.
    """
    text = format_date(day, long=True)
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill a template's placeholders with ``values``.

    Raises:
        InvalidInput: the text uses a field ``values`` lacks, or a brace is unbalanced;
            callers check the template with :func:`template_problems` first.
    """
    parts: list[str] = []
    position = 0
    for match in _TOKENS.finditer(text):
        parts.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            parts.append(token[0])
        elif match.group(1) is not None and match.group(1) in values:
            parts.append(values[match.group(1)])
        else:
            raise InvalidInput(f"The message cannot use {token}: no value is known for it.")
    parts.append(text[position:])
    return "".join(parts)


def used_placeholders(text: str) -> set[str]:
    """The placeholder names a template text uses."""
    return {m.group(1) for m in _TOKENS.finditer(text) if m.group(1) is not None}


def example_values(key: str) -> dict[str, str]:
    """Each placeholder of a message with its example value, to preview a template."""
    return {p.name: p.example for p in placeholders(key)}


def save_template(session: Session, programme_id: int, key: str, subject: str, body: str) -> None:
    """Keep the programme's own wording of a message.

    Saving the shipped text again is the same as resetting to it.

    Raises:
        InvalidInput: the template has problems; the message lists them all.
    """
    if problems := template_problems(key, subject, body):
        raise InvalidInput(" ".join(problems))
    own = _stored(session, programme_id, key)
    default = default_template(key)
    if subject == default.subject and body == default.body:
        if own is not None:
            session.delete(own)
            record_change(session, "reset", "message template", programme_id, key)
        return
    if own is None:
        session.add(MessageTemplate(programme_id=programme_id, key=key, subject=subject, body=body))
    else:
        own.subject, own.body = subject, body
    session.flush()
    record_change(session, "edited", "message template", programme_id, key)


def reset_template(session: Session, programme_id: int, key: str) -> None:
    """Go back to the shipped text of a message."""
    _check_key(key)
    own = _stored(session, programme_id, key)
    if own is not None:
        session.delete(own)
        session.flush()
        record_change(session, "reset", "message template", programme_id, key)


def record_prepared(
    session: Session,
    programme_id: int,
    person_id: int,
    key: str,
    subject: str,
    *,
    pairing_id: int | None = None,
    event_id: int | None = None,
) -> int:
    """Log that a message was prepared for a person; returns the log entry's id."""
    entry = MessageLog(
        programme_id=programme_id,
        person_id=person_id,
        template_key=key,
        subject=subject[:SUBJECT_MAX],
        pairing_id=pairing_id,
        event_id=event_id,
    )
    session.add(entry)
    session.flush()
    return entry.id


def log_rows(
    session: Session,
    programme_id: int,
    *,
    person_id: int | None = None,
    template_key: str | None = None,
    unsent_only: bool = False,
) -> list[LogRow]:
    """The messages prepared in a programme, newest first, optionally narrowed down."""
    query = (
        select(MessageLog, Person)
        .join(Person, MessageLog.person_id == Person.id)
        .where(MessageLog.programme_id == programme_id)
        .order_by(MessageLog.prepared_at.desc(), MessageLog.id.desc())
    )
    if person_id is not None:
        query = query.where(MessageLog.person_id == person_id)
    if template_key is not None:
        query = query.where(MessageLog.template_key == template_key)
    if unsent_only:
        query = query.where(MessageLog.sent_on.is_(None))
    return [
        LogRow(
            id=entry.id,
            person_id=person.id,
            person_name=person.full_name,
            email=person.email,
            template_key=entry.template_key,
            template_title=template_title(entry.template_key),
            subject=entry.subject,
            prepared_at=entry.prepared_at,
            sent_on=entry.sent_on,
        )
        for entry, person in session.execute(query)
    ]


def mark_sent(session: Session, log_ids: Sequence[int], sent_on: dt.date | None) -> int:
    """Mark prepared messages as sent on a day (None: not sent after all).

    Returns:
        How many log entries changed; entries no longer in the file are passed over.
    """
    entries = session.scalars(
        select(MessageLog).where(MessageLog.id.in_(list(dict.fromkeys(log_ids))))
    ).all()
    changed = [e for e in entries if e.sent_on != sent_on]
    for entry in changed:
        entry.sent_on = sent_on
    if changed:
        action = "marked sent" if sent_on else "marked not sent"
        record_change(session, action, "message log", None, f"{len(changed)} messages")
    return len(changed)


def not_yet_told(session: Session, programme_id: int, status: ApplicationStatus) -> list[int]:
    """People whose application in the programme has ``status`` and who have no message of it.

    "Accepted applicants not yet told": accepted applicants for whom no "accepted"
    message was prepared. Ordered by last name, then first name.

    Raises:
        InvalidInput: no message tells of that status (shortlisted, withdrawn).
    """
    key = STATUS_KEYS.get(status)
    if key is None:
        raise InvalidInput(f"No message tells applicants they are {status.label.lower()}.")
    told = (
        select(MessageLog.person_id)
        .where(MessageLog.programme_id == programme_id, MessageLog.template_key == key)
        .scalar_subquery()
    )
    people = session.execute(
        applicants_in(
            programme_id, Person.id, Person.last_name, Person.first_name, status=status
        ).where(Person.id.not_in(told))
    )
    ordered = sorted(people, key=lambda p: (sort_key(p.last_name, p.first_name), p.id))
    return list(dict.fromkeys(p.id for p in ordered))
