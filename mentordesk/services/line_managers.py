"""Line managers: finding a person's manager, naming them, and keeping reporting lines loop-free.

A person's line manager is someone in the file (``Person.line_manager_id``);
the reporting-line rule of matching follows the chain upwards, so a chain that
went round in a loop (A manages B manages A) is refused wherever a manager is
set: the person form, ``person set`` and an import.

An import finds a manager by email among the people in the file and in the
import itself (a manager may be a row further down), or by a full name only
one of them has, titles, case and accents aside ("Prof. Mark Owen" is Mark
Owen). Anything else, and a manager who would close a loop in the reporting
line, is said in plain words and the answer is kept as an other answer
"Line manager", never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, aliased

from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.person_names import name_key
from mentordesk.services.other_answers import OtherAnswer
from mentordesk.services.validation import email_key, normalise_email
from mentordesk.store.models import Person

#: The question a line manager that could not be set is kept under, with the application.
LINE_MANAGER_QUESTION = "Line manager"
_CHUNK = 500


class NamedPerson(Protocol):
    """A person as an import's row holds them (``applicants.PersonInput``)."""

    @property
    def email(self) -> str:
        """Their email as read."""

    @property
    def first_name(self) -> str:
        """Their first name as read."""

    @property
    def last_name(self) -> str:
        """Their last name as read."""


class ManagedRow(Protocol):
    """What this module reads and sets on an import's row (``importing.PreviewRow``)."""

    @property
    def person(self) -> NamedPerson | None:
        """The person as the row will store them, or None."""

    @property
    def row_number(self) -> int:
        """The row's number in the sheet."""

    @property
    def problems(self) -> list[str]:
        """Why the row is rejected, if it is."""

    notices: list[str]
    other_answers: list[OtherAnswer]
    line_manager: str


_Row = TypeVar("_Row", bound=ManagedRow)


def find_by_email(session: Session, email: str) -> Person | None:
    """The person with this email, whatever its case; None when nobody in the file has it."""
    return session.scalar(select(Person).where(func.lower(Person.email) == email.lower()))


def check_reporting_line(session: Session, person: Person, manager: Person) -> None:
    """Refuse a line manager who reports to ``person``, directly or up their chain (a loop).

    Raises:
        InvalidInput: the link would make a loop; the message names the chain.
    """
    if manager.id == person.id:
        raise InvalidInput(f"{person.full_name} cannot be their own line manager.")
    between: list[str] = []
    current: Person | None = manager
    seen = {person.id}
    while current is not None and current.line_manager_id is not None:
        if current.line_manager_id == person.id:
            through = f" through {', '.join(between)}" if between else ""
            raise InvalidInput(
                f"{manager.full_name} cannot be {person.full_name}’s line manager: they already "
                f"report to {person.full_name}{through}, and a reporting line cannot go round "
                "in a loop."
            )
        if current.line_manager_id in seen:
            break
        seen.add(current.line_manager_id)
        current = session.get(Person, current.line_manager_id)
        if current is not None:
            between.append(current.full_name)


def manager_text(manager: Person | None) -> str:
    """A line manager as the detail panel and messages name them: "Name <email>", or ""."""
    if manager is None:
        return ""
    return f"{manager.full_name} <{manager.email}>" if manager.full_name else manager.email


def new_line_manager(
    session: Session, person: Person, wanted: str, values: dict[str, object]
) -> list[str]:
    """Work out a new line manager for ``person`` (``person set --line-manager``).

    Args:
        session: the open transaction.
        person: whose manager changes.
        wanted: the manager's email; "none" or "" for no manager.
        values: the person's changed values, to which ``line_manager_id`` is added
            when it changes.

    Returns:
        What changes, in a sentence; nothing when the manager stays the same.

    Raises:
        InvalidInput: the manager is not in the file, or is the person or someone
            who reports to them (a loop).
    """
    old = manager_text(person.line_manager) or "none"
    if wanted.strip().lower() in {"", "none"}:
        if person.line_manager_id is None:
            return []
        values["line_manager_id"] = None
        return [f"Line manager removed (was {old})."]
    manager = find_by_email(session, normalise_email(wanted))
    if manager is None:
        raise InvalidInput(
            f"The line manager {email_key(wanted)} is not in this file: add them first (import "
            "their application, add them on the Applicants tab, or with mentordesk-cli person "
            "add), then set them as line manager."
        )
    check_reporting_line(session, person, manager)
    if manager.id == person.line_manager_id:
        return []
    values["line_manager_id"] = manager.id
    return [f"Line manager: {manager_text(manager)} (was {old})."]


# Imports -----------------------------------------------------------------------------------


def manager_changes(existing: Person, text: str) -> bool:
    """Whether a row's line manager (an email or a name) differs from the one stored."""
    if not text:
        return False
    manager = existing.line_manager
    if manager is None:
        return True
    if "@" in text:
        return email_key(text) != manager.email.lower()
    return name_key(text) != name_key(manager.full_name)


def settle_line_managers(
    session: Session,
    rows: Sequence[_Row],
    texts: Sequence[str],
    header: str,
    writes_person: Callable[[_Row], bool],
    rejected: Callable[[_Row], bool],
) -> None:
    """Find each row's line manager, or say why not and keep the answer as an other answer.

    Sets ``line_manager`` (the manager's email) on the rows whose manager is
    found; a row that names no one, someone nobody or several people are,
    someone whose own row is rejected, or someone who would close a loop in the
    reporting line gets a notice and keeps the answer under
    :data:`LINE_MANAGER_QUESTION`.

    Args:
        session: the open transaction (only read).
        rows: the preview's rows, in the file's order.
        texts: each row's line manager as written ("" for none).
        header: the column the managers are read from, for the notices.
        writes_person: whether a row writes its person's details.
        rejected: whether a row is refused (its problems say why).
    """
    wanted: dict[str, tuple[_Row, str]] = {}
    in_import: dict[str, str] = {}
    refused: dict[str, _Row] = {}
    for row, text in zip(rows, texts, strict=True):
        if row.person is None:
            continue
        if rejected(row):
            refused.setdefault(email_key(row.person.email), row)
        if not writes_person(row):
            continue
        in_import[row.person.email] = _name_of(row.person)
        if text:
            wanted[row.person.email] = (row, text)
    if not wanted:
        return
    texts_given = [text for _, text in wanted.values()]
    known = _people_named(session, texts_given, in_import)
    refused_by_name = _refused_by_name(refused, known) if refused else {}
    links = _links(session)
    for email, (row, text) in wanted.items():
        manager, problem = _manager_of(text, known)
        if manager is None:
            left_out = refused_by_name.get(name_key(text)) or refused.get(email_key(text))
            if left_out is not None:
                problem = _rejected_manager(text, left_out)
        else:
            problem = _loop(email, manager, links, known.names)
        if manager is not None and not problem:
            links[email] = manager
            row.line_manager = manager
            continue
        row.notices.append(
            f"{header}: {problem}; the answer is kept as the other answer “{LINE_MANAGER_QUESTION}”"
        )
        if not any(a.question == LINE_MANAGER_QUESTION for a in row.other_answers):
            row.other_answers.append(OtherAnswer(LINE_MANAGER_QUESTION, text))


def _name_of(person: NamedPerson) -> str:
    return f"{person.first_name} {person.last_name}".strip()


@dataclass
class _Known:
    """The people a line manager may be: by email (lower case) their name, and by name emails."""

    names: dict[str, str]
    by_name: dict[str, set[str]]


def _people_named(session: Session, texts: Sequence[str], in_import: dict[str, str]) -> _Known:
    names = dict(in_import)
    emails = sorted({email_key(t) for t in texts if "@" in t} - set(names))
    for start in range(0, len(emails), _CHUNK):
        query = select(Person.email, Person.first_name, Person.last_name).where(
            func.lower(Person.email).in_(emails[start : start + _CHUNK])
        )
        for email, first, last in session.execute(query):
            names[email.lower()] = f"{first} {last}".strip()
    by_name: dict[str, set[str]] = {}
    if any("@" not in text for text in texts):
        # Names are compared without titles, case or accents, which SQL cannot do: everyone
        # is read.
        everyone = select(Person.email, Person.first_name, Person.last_name)
        for email, first, last in session.execute(everyone):
            names.setdefault(email.lower(), f"{first} {last}".strip())
        for email, name in names.items():
            by_name.setdefault(name_key(name), set()).add(email)
    return _Known(names, by_name)


def _refused_by_name(refused: dict[str, _Row], known: _Known) -> dict[str, _Row]:
    """The rejected rows by their person's name, for names nobody else in the file has."""
    found: dict[str, _Row] = {}
    for email, row in refused.items():
        assert row.person is not None
        key = name_key(_name_of(row.person))
        if key and email not in known.names and key not in known.by_name:
            found.setdefault(key, row)
    return found


def _rejected_manager(text: str, row: ManagedRow) -> str:
    """Why a manager whose own row the import refuses is not linked, naming the row."""
    return (
        f"“{text}” is in this import but their own row was rejected (row {row.row_number}: "
        f"{'; '.join(row.problems)}): fix that row and import again"
    )


def _manager_of(text: str, known: _Known) -> tuple[str | None, str]:
    """The manager's email a row's answer names, or None and why not in plain words."""
    if "@" in text:
        email = email_key(text)
        if email in known.names:
            return email, ""
        return None, f"“{text}” is neither in this file nor in this import"
    found = known.by_name.get(name_key(text), set())
    if len(found) == 1:
        return next(iter(found)), ""
    if not found:
        return None, (
            f"nobody in this file or this import is called “{text}”: give the line manager's email"
        )
    return None, (
        f"{len(found)} people in this file or this import are called “{text}”: give the line "
        "manager's email"
    )


def _links(session: Session) -> dict[str, str]:
    """Every reporting line the file holds: a person's email → their manager's (lower case)."""
    manager = aliased(Person)
    query = select(Person.email, manager.email).join(manager, Person.line_manager_id == manager.id)
    return {email.lower(): boss.lower() for email, boss in session.execute(query)}


def _loop(email: str, manager: str, links: dict[str, str], names: dict[str, str]) -> str:
    """Why ``manager`` cannot manage ``email`` (themselves, or a loop), or ""."""
    person = names.get(email) or email
    if manager == email:
        return f"{person} cannot be their own line manager"
    seen = {manager}
    current = manager
    while current in links:
        current = links[current]
        if current == email:
            boss = names.get(manager) or manager
            return (
                f"{boss} already reports to {person}, directly or up the line, so cannot be "
                f"{person}'s line manager: a reporting line cannot go round in a loop"
            )
        if current in seen:
            break
        seen.add(current)
    return ""


def manager_links(rows: Sequence[ManagedRow]) -> dict[str, str]:
    """The line managers found for the people of these rows: email → manager's email.

    Each person once, whatever number of rows they have (lower-case emails).
    """
    return {
        row.person.email.lower(): row.line_manager
        for row in rows
        if row.person is not None and row.line_manager
    }


def write_line_managers(session: Session, rows: Sequence[ManagedRow]) -> int:
    """Link the people an import wrote to the line managers found for them; returns how many.

    Run after every new person is in the file: a manager may be one of them.
    """
    links = manager_links(rows)
    if not links:
        return 0
    wanted = sorted(set(links) | set(links.values()))
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = select(Person.email, Person.id).where(
            func.lower(Person.email).in_(wanted[start : start + _CHUNK])
        )
        ids.update((email.lower(), number) for email, number in session.execute(query))
    table = Person.__table__
    statement = (
        table.update()  # type: ignore[attr-defined]
        .where(table.c.id == bindparam("person"))
        .values(line_manager_id=bindparam("manager"))
    )
    session.connection().execute(
        statement,
        [{"person": ids[email], "manager": ids[boss]} for email, boss in links.items()],
    )
    return len(links)
