"""A block that fails in ``ProgrammeFile.session()`` leaves even the rows it updated unchanged."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.store.models import AuditEntry, Person
from mentordesk.store.programme_file import ProgrammeFile


def people(programme_file: ProgrammeFile) -> list[tuple[str, str, str]]:
    """Everyone's names and email, in id order, as a fresh session reads them."""
    with programme_file.session() as s:
        rows = s.execute(
            select(Person.first_name, Person.last_name, Person.email).order_by(Person.id)
        )
        return [tuple(row) for row in rows]


def update_everyone_then_fail(programme_file: ProgrammeFile) -> None:
    """Change every person three ways, send it all to the file, then fail."""
    with programme_file.session() as s:
        for person in s.scalars(select(Person)):
            person.first_name = "Changed"
        s.execute(update(Person).values(email=Person.email + ".changed"))
        add_person(s, PersonInput("New", "Person", "new@example.org"))
        s.flush()
        assert s.scalar(select(func.count()).where(Person.first_name == "Changed")) == 3
        raise InvalidInput("The block fails after its updates.")


def test_a_failing_block_leaves_the_rows_it_updated_unchanged(
    programme_file, file_path, passphrase
):
    with programme_file.session() as s:
        for n in range(3):
            add_person(s, PersonInput(f"First{n}", f"Last{n}", f"p{n}@example.org"))
    before = people(programme_file)
    with programme_file.session() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditEntry))

    with pytest.raises(InvalidInput, match="fails after its updates"):
        update_everyone_then_fail(programme_file)

    assert people(programme_file) == before
    with programme_file.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
    # And on disk, as another process would open it.
    programme_file.close()
    with ProgrammeFile.open(file_path, passphrase) as reopened:
        assert people(reopened) == before
