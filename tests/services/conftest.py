"""Fixtures for the service tests: strands, people and row counts in a real encrypted file."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.services.programmes import strand_choices
from mentordesk.store.models import Base
from mentordesk.store.programme_file import ProgrammeFile

AddSomeone = Callable[..., int]
TableCounts = Callable[[ProgrammeFile], dict[str, int]]


@pytest.fixture
def strands(programme_file: ProgrammeFile, programme_id: int) -> dict[str, int]:
    """Ids of the strands of ``programme_id`` by name: Fellows (one-to-one), Circles (group)."""
    with programme_file.session() as session:
        return {s.name: s.id for s in strand_choices(session, programme_id)}


@pytest.fixture
def add_someone() -> AddSomeone:
    """A function adding a person with a unique made-up name and email; returns their id.

    Call it as ``add_someone(session)`` or with ``PersonInput`` fields as keywords.
    """
    numbers = itertools.count(1)

    def add(session: Session, **fields: object) -> int:
        n = next(numbers)
        values: dict[str, object] = {
            "first_name": f"Test{n}",
            "last_name": f"Person{n}",
            "email": f"person{n}@test.example",
        }
        values.update(fields)
        return add_person(session, PersonInput(**values))  # type: ignore[arg-type]

    return add


def _count(session: Session, table: str) -> int:
    return int(session.scalar(select(func.count()).select_from(text(table))) or 0)


@pytest.fixture
def table_counts() -> TableCounts:
    """A function counting the rows of every table of a programme file, by table name."""

    def counts(programme_file: ProgrammeFile) -> dict[str, int]:
        with programme_file.session() as session:
            return {name: _count(session, name) for name in Base.metadata.tables}

    return counts
