"""One person at a time, outside any application: add someone, change what the file holds.

Someone who takes part in no programme may still belong in the file: a head of
department whose people report to them, so that the reporting line runs
through them. ``person add`` records them; ``person set`` changes a person's
line manager, career stage, organisation or department.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.formats.person_names import split_full_name
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.services.audit import record_edited
from mentordesk.services.career_stages import ladder_of
from mentordesk.services.line_managers import find_by_email, manager_text, new_line_manager
from mentordesk.services.validation import email_key, optional_text
from mentordesk.store.models import Application, Person, Programme, Strand


def add_someone(
    session: Session,
    email: str,
    name: str,
    *,
    organisation: str = "",
    department: str = "",
    position: str = "",
    line_manager: str = "",
) -> str:
    """Add a person who has no application (``person add``), and say so in a sentence.

    Args:
        session: the open transaction.
        email: their email.
        name: their full name, split on its last space ("Mary Ann Smith").
        organisation: their organisation, as it should be written.
        department: their department.
        position: their position (job title).
        line_manager: their line manager's email (someone in the file), or "".

    Raises:
        Conflict: someone in the file already has that email (change them instead).
        InvalidInput: no name, a bad email or value, or a manager not in the file.
    """
    existing = find_by_email(session, email_key(email))
    if existing is not None:
        raise Conflict(
            f"{manager_text(existing)} is already in this file: change their details with "
            f"mentordesk-cli person set {existing.email} instead."
        )
    if line_manager.strip() and find_by_email(session, email_key(line_manager)) is None:
        raise InvalidInput(
            f"The line manager {email_key(line_manager)} is not in this file: add them first "
            "(mentordesk-cli person add, or import their application)."
        )
    first, last = split_full_name(name)
    person_id = add_person(
        session,
        PersonInput(
            first,
            last,
            email,
            organisation=organisation,
            department=department,
            position=position,
            line_manager_email=line_manager,
        ),
    )
    person = session.get_one(Person, person_id)
    said = f"Added {manager_text(person)}"
    if person.line_manager is not None:
        said += f", reporting to {manager_text(person.line_manager)}"
    return said + "."


def set_person(
    session: Session,
    email: str,
    *,
    line_manager: str | None = None,
    stage: str | None = None,
    organisation: str | None = None,
    department: str | None = None,
) -> list[str]:
    """Change a person's line manager, career stage, organisation or department (``person set``).

    Args:
        session: the open transaction.
        email: the person's email, any case.
        line_manager: the manager's email; "none" (or "") clears it; None leaves it.
        stage: a career stage; one that none of the person's programmes lists is
            kept as typed, with a warning; "" clears it; None leaves it.
        organisation: the organisation as it should be written; None leaves it.
        department: the department as it should be written; None leaves it.

    Returns:
        What changed, a sentence each; a line beginning "Warning:" says what to check.

    Raises:
        NotFound: nobody in the file has that email.
        InvalidInput: the manager is not in the file, or would make a loop.
    """
    person = find_by_email(session, email_key(email))
    if person is None:
        raise NotFound(
            f"Nobody in this file has the email {email_key(email)}: check it, or add the person "
            "first (import their application, add them on the Applicants tab, or "
            "mentordesk-cli person add)."
        )
    values: dict[str, object] = {}
    said: list[str] = []
    if line_manager is not None:
        said += new_line_manager(session, person, line_manager, values)
    if stage is not None:
        said += _new_stage(session, person, stage, values)
    for label, name, wanted in (
        ("Organisation", "organisation", organisation),
        ("Department", "department", department),
    ):
        if wanted is None:
            continue
        text = optional_text(wanted, label)
        old = getattr(person, name)
        if text != old:
            values[name] = text
            said.append(f"{label}: {text or 'none'} (was {old or 'none'}).")
    if values:
        record_edited(session, person, values, "person", ", ".join(sorted(values)))
    return said


def _new_stage(
    session: Session, person: Person, wanted: str, values: dict[str, object]
) -> list[str]:
    text = optional_text(wanted, "Career stage", max_length=120)
    said: list[str] = []
    programmes = session.execute(
        select(Programme.id, Programme.name)
        .join(Strand, Strand.programme_id == Programme.id)
        .join(Application, Application.strand_id == Strand.id)
        .where(Application.person_id == person.id)
        .distinct()
        .order_by(Programme.name)
    ).all()
    if text:
        found = [stage for pid, _ in programmes if (stage := ladder_of(session, pid).find(text))]
        if found:
            text = found[0].name
        else:
            where = ", ".join(name for _, name in programmes)
            said.append(
                f"Warning: “{text}” is not a career stage of {where}; it is kept as typed. Add "
                "it to the list in Programme ▸ Career stages or with mentordesk-cli programme "
                "edit --stages, or give a stage the list names."
                if where
                else f"Warning: {person.full_name} has applied to no programme, so “{text}” "
                "is checked against no list of stages; it is kept as typed."
            )
    if text == person.stage and not person.stage_guessed:
        return said
    values["stage"], values["stage_guessed"] = text, False
    if text == person.stage:
        return [f"Career stage confirmed: {text} (it was guessed from the position).", *said]
    return [f"Career stage: {text or 'none'} (was {person.stage or 'none'}).", *said]
