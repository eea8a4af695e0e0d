"""Writing an import's new rows in bulk: people, applications and their other answers.

Building 100,000 ORM objects, or letting the ORM insert 100,000 rows, costs
several times what the driver itself needs. New rows are kept as tuples and
inserted a chunk at a time with the driver's own statement, each value first
converted by its column's own type, so what is stored is what the ORM would
store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import repeat
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from mentordesk.services.applicants import ApplicationInput, PersonInput
from mentordesk.services.other_answers import OtherAnswer
from mentordesk.store.models import Application, ApplicationAnswer, Person, utcnow

#: New rows are inserted this many at a time, so their parameters never fill memory.
_INSERT_CHUNK = 5_000

#: The attributes of a person and of an application, named as the file's columns are
#: (a person's line manager is a link, set once every new person is in; see line_managers).
PERSON_COLUMNS = [f.name for f in fields(PersonInput) if f.name != "line_manager_email"]
APPLICATION_COLUMNS = [f.name for f in fields(ApplicationInput)]
#: A person's or an application's values as a tuple, in the order of the names above.
person_values = attrgetter(*PERSON_COLUMNS)
application_values = attrgetter(*APPLICATION_COLUMNS)


@dataclass
class NewRows:
    """New people, applications and answers, inserted together at the end (ORM objects are slow).

    Attributes:
        people: each new person's values (in PersonInput's order), by email.
        applications: each new application's owner (a new person's email or a
            person's id), values (in ApplicationInput's order) and other answers.
    """

    people: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    applications: list[tuple[str | int, tuple[Any, ...], Sequence[OtherAnswer]]] = field(
        default_factory=list
    )

    def add(
        self, person: PersonInput, application: ApplicationInput, answers: Sequence[OtherAnswer]
    ) -> None:
        """Add an application of someone not yet in the file (their first one adds them)."""
        if person.email not in self.people:
            self.people[person.email] = person_values(person)
        self.applications.append((person.email, application_values(application), answers))

    def add_application(
        self, person_id: int, application: ApplicationInput, answers: Sequence[OtherAnswer]
    ) -> None:
        """Add a new application of someone already in the file."""
        self.applications.append((person_id, application_values(application), answers))

    def insert(self, session: Session) -> None:
        """Insert every new person, application and other answer, in the caller's transaction."""
        connection = session.connection()
        now = utcnow()
        stamps = {"created_at": now, "updated_at": now}
        # Ids given here, in the lock's shelter, spare asking the file for each one.
        first_person = (session.scalar(select(func.max(Person.id))) or 0) + 1
        ids = {email: number for number, email in enumerate(self.people, start=first_person)}
        insert_rows(
            connection,
            Person.__table__,
            ["id", *PERSON_COLUMNS],
            ((ids[email], *values) for email, values in self.people.items()),
            stamps,
        )
        first_application = (session.scalar(select(func.max(Application.id))) or 0) + 1
        insert_rows(
            connection,
            Application.__table__,
            ["id", "person_id", *APPLICATION_COLUMNS],
            (
                (number, ids[owner] if isinstance(owner, str) else owner, *values)
                for number, (owner, values, _) in enumerate(self.applications, first_application)
            ),
            stamps,
        )
        insert_rows(
            connection,
            ApplicationAnswer.__table__,
            ["application_id", "position", "question", "answer"],
            (
                (number, position, answer.question, answer.answer)
                for number, (_, _, given) in enumerate(self.applications, first_application)
                for position, answer in enumerate(given, start=1)
            ),
            stamps,
        )


def insert_rows(
    connection: Connection,
    table: Any,
    names: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    same: Mapping[str, Any],
) -> None:
    """Insert rows of values for these columns (and ``same`` in every row), a chunk at a time.

    Each value goes through its column type's own conversion (dates,
    enumerations, moments in UTC), so what is stored is what an ORM insert
    would store; the statement is the driver's own, without the ORM's cost per
    row. The values every row shares are converted once.
    """
    assert isinstance(table, Table)
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    every = [*names, *same]
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in every)}) "
        f"VALUES ({', '.join('?' for _ in every)})"
    )
    processors = [_processor(table, name, dialect) for name in names]
    shared = tuple(
        value if (process := _processor(table, name, dialect)) is None else process(value)
        for name, value in same.items()
    )
    chunk: list[tuple[Any, ...]] = []
    for values in rows:
        chunk.append(values)
        if len(chunk) == _INSERT_CHUNK:
            _insert_chunk(connection, statement, processors, chunk, shared)
            chunk = []
    if chunk:
        _insert_chunk(connection, statement, processors, chunk, shared)


def _processor(table: Table, name: str, dialect: Any) -> Callable[[Any], Any] | None:
    """How a column's type turns a value into what the driver stores (None: as it is)."""
    column_type = table.c[name].type
    processor: Callable[[Any], Any] | None = column_type.dialect_impl(dialect).bind_processor(
        dialect
    )
    return processor


def _insert_chunk(
    connection: Connection,
    statement: str,
    processors: Sequence[Callable[[Any], Any] | None],
    chunk: list[tuple[Any, ...]],
    shared: tuple[Any, ...],
) -> None:
    columns: list[Iterable[Any]] = list(zip(*chunk, strict=True))
    for index, process in enumerate(processors):
        if process is not None:
            # A column repeats a few values (a role, a status, a day): each is converted once.
            converted: dict[Any, Any] = {None: None}
            columns[index] = [
                converted[value]
                if value in converted
                else converted.setdefault(value, process(value))
                for value in columns[index]
            ]
    columns.extend(repeat(value, len(chunk)) for value in shared)
    connection.exec_driver_sql(statement, list(zip(*columns, strict=True)))
