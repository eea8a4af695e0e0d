"""Saved mappings: how the columns of one form's exports are read, kept under a name.

A coordinator who imports the same form every term saves the columns' fields
once; the next export's headers are matched to them by their text, whatever
order the columns come in.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicantField
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.audit import record_change
from mentordesk.services.importing import PROBLEM_HEADER
from mentordesk.services.validation import optional_text
from mentordesk.store.models import SavedMapping


@dataclass(frozen=True)
class SavedMappingRow:
    """A saved way of reading a form's columns.

    Attributes:
        name: the name the coordinator gave it.
        columns: header text → the field of each column with that header, in order.
        created_at: when it was saved.
    """

    name: str
    columns: dict[str, list[ApplicantField]]
    created_at: dt.datetime


def _header_key(header: str) -> str:
    return " ".join(header.split()).casefold()


def save_mapping(
    session: Session, name: str, headers: Sequence[str], mapping: dict[int, ApplicantField]
) -> None:
    """Save how a form's columns are read, under a name; replaces a mapping of that name.

    Raises:
        InvalidInput: the name is blank or too long.
    """
    cleaned = optional_text(name, "Mapping name", max_length=120)
    if not cleaned:
        raise InvalidInput("Give the mapping a name, such as the form's title.")
    columns: dict[str, list[str]] = {}
    for index, header in enumerate(headers):
        if _header_key(header) == _header_key(PROBLEM_HEADER):
            continue
        wanted = mapping.get(index, ApplicantField.IGNORE)
        columns.setdefault(header, []).append(wanted.value)
    saved = session.scalar(
        select(SavedMapping).where(func.lower(SavedMapping.name) == cleaned.lower())
    )
    if saved is None:
        saved = SavedMapping(name=cleaned)
        session.add(saved)
    saved.columns = json.dumps(columns, ensure_ascii=False)
    session.flush()
    record_change(session, "saved", "mapping", saved.id)


def saved_mappings(session: Session) -> list[SavedMappingRow]:
    """Every saved mapping, by name."""
    rows = session.scalars(select(SavedMapping).order_by(func.lower(SavedMapping.name)))
    return [
        SavedMappingRow(
            name=m.name,
            columns={
                header: [ApplicantField(value) for value in values]
                for header, values in json.loads(m.columns).items()
            },
            created_at=m.created_at,
        )
        for m in rows
    ]


def mapping_for(session: Session, name: str, headers: Sequence[str]) -> dict[int, ApplicantField]:
    """Apply a saved mapping to a file's headers, matching them by text, not position.

    Headers the mapping does not know are ignored; several columns with the same
    header take the saved fields in order.

    Raises:
        NotFound: there is no mapping of that name.
    """
    saved = next((m for m in saved_mappings(session) if m.name.lower() == name.lower()), None)
    if saved is None:
        raise NotFound(f"There is no saved mapping called “{name}”.")
    known = {_header_key(header): values for header, values in saved.columns.items()}
    seen: dict[str, int] = {}
    mapping: dict[int, ApplicantField] = {}
    for index, header in enumerate(headers):
        key = _header_key(header)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        values = known.get(key, [])
        if occurrence < len(values) and values[occurrence] is not ApplicantField.IGNORE:
            mapping[index] = values[occurrence]
    return mapping
