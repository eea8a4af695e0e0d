"""Line managers: finding a person's manager, naming them, and keeping reporting lines loop-free.

A person's line manager is someone in the file (``Person.line_manager_id``);
the reporting-line rule of matching follows the chain upwards, so a chain that
went round in a loop (A manages B manages A) is refused wherever a manager is
set: the person form, ``person set`` and an import.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.errors import InvalidInput
from mentordesk.services.validation import email_key, normalise_email
from mentordesk.store.models import Person


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
            "their application, or add them on the Applicants tab), then set them as line manager."
        )
    check_reporting_line(session, person, manager)
    if manager.id == person.line_manager_id:
        return []
    values["line_manager_id"] = manager.id
    return [f"Line manager: {manager_text(manager)} (was {old})."]
