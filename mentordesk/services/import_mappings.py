"""Saved mappings: how the columns of one form's exports are read, kept under a name.

A coordinator who imports the same form every term saves the columns' fields
once, with the form's own wording of strands and roles (its value map); the
next export's headers are matched to them by their text, whatever order the
columns come in. A column is also named by its header text when a mapping is
given by hand (``mentordesk-cli import applicants --map "role=I am applying as a"``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicantField, ApplicationStatus, Role
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.formats.columns import normalise, normalise_choice
from mentordesk.services.audit import record_change
from mentordesk.services.import_reading import VALUE_MAPPED
from mentordesk.services.importing import PROBLEM_HEADER
from mentordesk.services.validation import optional_text
from mentordesk.store.models import SavedMapping

#: A value map: for STRAND and ROLE, a form's answer (normalised) → a strand's name or a role.
ValueMap = dict[ApplicantField, dict[str, str]]


@dataclass(frozen=True)
class SavedMappingRow:
    """A saved way of reading a form's columns.

    Attributes:
        name: the name the coordinator gave it.
        columns: header text → the field of each column with that header, in order.
        created_at: when it was saved.
        value_map: for STRAND and ROLE, the form's answers (normalised) → a
            strand's name or a role's value.
    """

    name: str
    columns: dict[str, list[ApplicantField]]
    created_at: dt.datetime
    value_map: ValueMap = field(default_factory=dict)


def header_key(header: str) -> str:
    """A header as mappings compare headers: spaces folded, case ignored ("Email (2)" stays)."""
    return " ".join(header.split()).casefold()


def save_mapping(
    session: Session,
    name: str,
    headers: Sequence[str],
    mapping: Mapping[int, ApplicantField],
    value_map: Mapping[ApplicantField, Mapping[str, str]] | None = None,
) -> None:
    """Save how a form's columns are read, under a name; replaces a mapping of that name.

    A column the mapping leaves out is saved as kept as other answers (OTHER),
    as an import keeps it.

    Args:
        session: the open transaction.
        name: the mapping's name, such as the form's title.
        headers: the file's column titles, in order.
        mapping: column index → field.
        value_map: for STRAND and ROLE, a form's answer → a strand's name or a
            role's value; the answers are kept normalised.

    Raises:
        InvalidInput: the name is blank or too long.
    """
    cleaned = optional_text(name, "Mapping name", max_length=120)
    if not cleaned:
        raise InvalidInput("Give the mapping a name, such as the form's title.")
    columns: dict[str, list[str]] = {}
    for index, header in enumerate(headers):
        if header_key(header) == header_key(PROBLEM_HEADER):
            continue
        wanted = mapping.get(index, ApplicantField.OTHER)
        columns.setdefault(header, []).append(wanted.value)
    values = {
        wanted.value: {normalise(answer): value for answer, value in answers.items()}
        for wanted, answers in (value_map or {}).items()
        if wanted in VALUE_MAPPED and answers
    }
    saved = session.scalar(
        select(SavedMapping).where(func.lower(SavedMapping.name) == cleaned.lower())
    )
    if saved is None:
        saved = SavedMapping(name=cleaned)
        session.add(saved)
    saved.columns = json.dumps(columns, ensure_ascii=False)
    saved.value_map = json.dumps(values, ensure_ascii=False)
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
            value_map={
                ApplicantField(wanted): dict(answers)
                for wanted, answers in json.loads(m.value_map or "{}").items()
            },
        )
        for m in rows
    ]


def find_mapping(session: Session, name: str) -> SavedMappingRow:
    """The saved mapping of that name (ignoring case).

    Raises:
        NotFound: there is no mapping of that name; the message lists those there are.
    """
    mappings = saved_mappings(session)
    found = next((m for m in mappings if m.name.lower() == name.strip().lower()), None)
    if found is None:
        there = ", ".join(f"“{m.name}”" for m in mappings)
        raise NotFound(
            f"There is no saved mapping called “{name}”"
            + (f"; the file has {there}." if there else "; the file has none yet.")
        )
    return found


def columns_for(saved: SavedMappingRow, headers: Sequence[str]) -> dict[int, ApplicantField]:
    """A saved mapping applied to a file's headers, matched by text, not position.

    Several columns with the same header take the saved fields in order. A
    header the mapping does not know is left out of the result, so that the
    column's recognised guess applies.
    """
    known = {header_key(header): values for header, values in saved.columns.items()}
    seen: dict[str, int] = {}
    mapping: dict[int, ApplicantField] = {}
    for index, header in enumerate(headers):
        key = header_key(header)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        values = known.get(key, [])
        if occurrence < len(values):
            mapping[index] = values[occurrence]
    return mapping


def mapping_for(session: Session, name: str, headers: Sequence[str]) -> dict[int, ApplicantField]:
    """Apply a saved mapping to a file's headers (see :func:`columns_for`).

    Raises:
        NotFound: there is no mapping of that name.
    """
    return columns_for(find_mapping(session, name), headers)


F = ApplicantField
#: Other names a field is typed by hand with (normalised): US spellings and plain synonyms.
_FIELD_SYNONYMS = {
    "organization": F.ORGANISATION,
    "organisation name": F.ORGANISATION,
    "organization name": F.ORGANISATION,
    "institution": F.ORGANISATION,
    "employer": F.ORGANISATION,
    "affiliation": F.ORGANISATION,
    "name": F.FULL_NAME,
    "fullname": F.FULL_NAME,
    "firstname": F.FIRST_NAME,
    "given name": F.FIRST_NAME,
    "forename": F.FIRST_NAME,
    "lastname": F.LAST_NAME,
    "surname": F.LAST_NAME,
    "family name": F.LAST_NAME,
    "e mail": F.EMAIL,
    "email address": F.EMAIL,
    "e mail address": F.EMAIL,
    "dept": F.DEPARTMENT,
    "job title": F.POSITION,
    "contract": F.CONTRACT_TYPE,
    "discipline": F.FIELD,
    "subject": F.FIELD,
    "program strand": F.STRAND,
    "programme strand": F.STRAND,
    "program track": F.STRAND,
    "programme track": F.STRAND,
    "track": F.STRAND,
    "stream": F.STRAND,
    "grade": F.STAGE,
    "career level": F.STAGE,
    "manager": F.LINE_MANAGER,
    "supervisor": F.LINE_MANAGER,
    "application status": F.STATUS,
    "submitted": F.SUBMITTED_ON,
    "date submitted": F.SUBMITTED_ON,
    "submission": F.SUBMITTED_ON,
    "timestamp": F.SUBMITTED_ON,
    "consent given on": F.CONSENT_ON,
    "consented on": F.CONSENT_ON,
    "objectives": F.GOALS,
    "support areas": F.DEVELOPMENT_NEEDS,
    "max mentees": F.CAPACITY,
    "skip": F.IGNORE,
    "others": F.OTHER,
    "other answers": F.OTHER,
}


def field_named(text: str) -> ApplicantField | None:
    """The field a name given by hand means: its value ("development_needs"), label or synonym.

    Case, spaces, underscores and punctuation do not matter ("Development needs",
    "development-needs"), nor a plural's "s" ("language", "goal"); "ignore" and
    "other" name IGNORE and OTHER. US spellings and plain synonyms are understood
    too ("organization", "program strand", "surname"), while messages and
    ``--show-mapping`` keep naming the field by its value.
    """
    wanted = normalise(text)
    if not wanted:
        return None
    for candidate in ApplicantField:
        names = (normalise(candidate.value), normalise(candidate.label))
        if wanted in names or f"{wanted}s" in names:
            return candidate
    return _FIELD_SYNONYMS.get(wanted)


def column_named(headers: Sequence[str], header: str) -> int | None:
    """The column whose header is this text, compared as saved mappings compare headers.

    A repeated header is named as it is shown: "Email (2)" for the second "Email".
    """
    key = header_key(header)
    return next((i for i, found in enumerate(headers) if header_key(found) == key), None)


def value_for(
    wanted: ApplicantField, text: str, strand_names: Sequence[str]
) -> tuple[str | None, str]:
    """What a form's answer is mapped to by hand: a strand's name, a role's or a status's value.

    Args:
        wanted: STRAND, ROLE or STATUS.
        text: the programme's value as typed ("Fellows", "mentor", "Mentee", "waitlisted",
            "waiting list").
        strand_names: the programme's strands.

    Returns:
        The strand's name or the role's (status's) value, or None with the reason in plain
        words.
    """
    key = normalise(text)
    if wanted is ApplicantField.STRAND:
        found = next((name for name in strand_names if normalise(name) == key), None)
        listed = ", ".join(sorted(strand_names)) or "none yet"
        return found, "" if found else f"not a strand of this programme (its strands are {listed})"
    if wanted is ApplicantField.ROLE:
        role = next((r for r in Role if key in (normalise(r.value), normalise(r.label))), None)
        return (role.value, "") if role else (None, "not a role (mentor or mentee)")
    if wanted is ApplicantField.STATUS:
        status = normalise_choice(text, ApplicationStatus)
        listed = ", ".join(status.value for status in ApplicationStatus)
        return (status.value, "") if status else (None, f"not a decision (one of: {listed})")
    return None, "only the answers of the strand, role and status columns can be mapped"
