"""Taking an erased or anonymised person's name and email out of every text in the file.

Other people's records can name someone: a message subject written from a
template ("Meet {other_name}"), a pair rule's reason, a check-in summary, an
audit entry's details, a note or survey answer about someone else, an event's
description. Erasing or anonymising a person rewrites every such text, in the
same transaction, so the file no longer names them anywhere.

The texts are found from the models' metadata, not from a list: every text
column of every table is rewritten, except those that cannot name a person
(enumerations, and :data:`KEPT_COLUMNS`) and those that identify a record of
their own (a column in a unique constraint: programme, strand, survey and
mapping names, keys and codes), which rewriting could make collide.

How a person is recognised (whole words only, a hyphen joining words, so "Al"
never touches "Always", "Alan" or "Al-Amin"):

- their full name and their email, in any case;
- their first name or last name alone, where it is written with a capital
  letter as names are ("May", "MAY"; not "may", "will" or "rose"). A name that
  is also a word is therefore replaced where that word is capitalised: "in May"
  becomes "in [erased]" when a person called May is erased. The file forgetting
  a person comes before the wording of a sentence about a month;
- a name of a single letter only as part of the full name.

Each column is first narrowed in SQL with ``LIKE`` (ASCII case-insensitively,
with the name's usual capitalisations for accented letters), so a file of
10,000 people is read in a few statements, not row by row in Python; many
people at once (a retention run) read each column's texts once instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Enum, String, Table, UniqueConstraint, bindparam, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from mentordesk.store.models import Base, Person

#: What replaces an erased person's name or email in other records.
ERASED_TEXT = "[erased]"
#: What replaces an anonymised person's name or email in other records.
ANONYMISED_TEXT = "[anonymised]"

#: Text columns never rewritten, as ``table.column``, each for a reason:
KEPT_COLUMNS = frozenset(
    {
        # Other people's own names and emails: erasing Anna Green never renames Tom Green.
        "person.first_name",
        "person.last_name",
        "person.email",
        # Categories the programme's statistics count, shared by many people (an
        # organisation, a field, "English, French"), not words about someone.
        "person.organisation",
        "person.field",
        "person.gender",
        "person.languages",
        # Words and values MentorDesk itself writes: actions, record kinds, settings, JSON.
        "audit_entry.action",
        "audit_entry.entity",
        "erasure.counts",
        "file_info.value",
        "programme.timezone",
        "programme.matching_weights",
        "saved_mapping.columns",
        "saved_mapping.value_map",
        "message_log.template_key",
        "event.series_id",
    }
)

#: Up to this many LIKE patterns narrow a column in SQL; beyond, its texts are read once.
_MOST_PATTERNS = 48
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Identity:
    """How a person is named in texts: captured before their record is erased or replaced."""

    first_name: str
    last_name: str
    email: str

    @classmethod
    def of(cls, person: Person) -> Identity:
        """The names and email a person has now."""
        return cls(person.first_name.strip(), person.last_name.strip(), person.email.strip())

    @property
    def full_name(self) -> str:
        """First and last name, as texts write them."""
        return f"{self.first_name} {self.last_name}".strip()

    def alone(self) -> list[str]:
        """The names that are replaced on their own: each of two letters or more."""
        return [n for n in (self.first_name, self.last_name) if len(n) >= 2]


def _phrase(name: str) -> str:
    """A name as a pattern: its words in order, any spacing between them."""
    return r"\s+".join(re.escape(word) for word in name.split())


def _key(name: str) -> str:
    """A name as names are compared: case folded, single spaces."""
    return " ".join(name.casefold().split())


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


#: Everyone still in the file, by name: first names by last name, last names by first name.
_Others = tuple[dict[str, set[str]], dict[str, set[str]]]


class _Finder:
    """The pattern of one person, and the replacement that honours the rules above."""

    def __init__(self, identity: Identity, placeholder: str, others: _Others) -> None:
        self.placeholder = placeholder
        # A lone name that is part of someone else's full name stays: erasing Jane
        # Smith leaves "Meet John Smith" as it is, but not "ask Smith".
        own = _key(identity.full_name)
        firsts_by_last, lasts_by_first = others
        self.firsts_before: dict[str, set[str]] = {}
        self.lasts_after: dict[str, set[str]] = {}
        for name in map(_key, identity.alone()):
            self.firsts_before[name] = {
                f for f in firsts_by_last.get(name, ()) if f"{f} {name}" != own
            }
            self.lasts_after[name] = {
                last for last in lasts_by_first.get(name, ()) if f"{name} {last}" != own
            }
        exact = []
        if identity.full_name:
            exact.append(rf"(?<![\w-]){_phrase(identity.full_name)}(?![\w-])")
        if identity.email:
            # Not inside a longer address ("x.anna@…", "anna@example.org.uk").
            exact.append(rf"(?<![\w.+-]){re.escape(identity.email)}(?![\w-]|\.\w)")
        alone = sorted({_phrase(n) for n in identity.alone()}, key=len, reverse=True)
        parts = [f"(?P<exact>{'|'.join(exact)})"] if exact else []
        if alone:
            parts.append(rf"(?P<alone>(?<![\w-])(?:{'|'.join(alone)})(?![\w-]))")
        self.pattern = re.compile("|".join(parts), re.IGNORECASE)
        #: The first word of each form, lower case: a text without one of them is skipped.
        self.first_words = {
            _WORDS.findall(form.lower())[0]
            for form in (identity.full_name, identity.email, *identity.alone())
            if _WORDS.findall(form)
        }
        #: What narrows a column in SQL: every form, in its usual capitalisations.
        self.like = sorted(
            {
                variant
                for form in (identity.full_name, identity.email, *identity.alone())
                if form
                for variant in (form, form.lower(), form.upper(), form.title())
            }
        )

    def _someone_else(self, match: re.Match[str]) -> bool:
        """Whether a lone name matched is part of another person's full name."""
        name = _key(match.group(0))
        before = match.string[: match.start()]
        head = before.rstrip().casefold()
        if len(head) < len(before):
            for first in self.firsts_before.get(name, ()):
                if head.endswith(first) and not _word_char(head[: -len(first)][-1:]):
                    return True
        after = match.string[match.end() :]
        tail = after.lstrip().casefold()
        if len(tail) < len(after):
            for last in self.lasts_after.get(name, ()):
                if tail.startswith(last) and not _word_char(tail[len(last) : len(last) + 1]):
                    return True
        return False

    def _replace(self, match: re.Match[str]) -> str:
        if match.group("exact") is None:
            if not match.group(0)[0].isupper():
                return match.group(0)  # "may", "will": a word, not the name
            if self._someone_else(match):
                return match.group(0)
        return self.placeholder

    def rewrite(self, text: str) -> str:
        """The text with every mention of the person replaced."""
        return self.pattern.sub(self._replace, text)


def rewritten_columns() -> Iterator[tuple[Table, Column[str]]]:
    """Every text column whose texts are rewritten when someone is erased, from the metadata."""
    for table in Base.metadata.sorted_tables:
        keys = {
            column.name
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
            for column in constraint.columns
        }
        keys |= {c.name for index in table.indexes if index.unique for c in index.columns}
        for column in table.columns:
            if (
                isinstance(column.type, String)
                and not isinstance(column.type, Enum)
                and not column.unique
                and column.name not in keys
                and f"{table.name}.{column.name}" not in KEPT_COLUMNS
            ):
                yield table, column


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _narrowed(column: Column[str], finders: Sequence[_Finder]) -> ColumnElement[bool]:
    patterns = sorted({p for f in finders for p in f.like})
    if len(patterns) > _MOST_PATTERNS:
        return column != ""
    return or_(*(column.like(f"%{_escaped(p)}%", escape="\\") for p in patterns))


def _rewrite(text: str, finders: Sequence[_Finder], by_word: dict[str, list[_Finder]]) -> str:
    if len(finders) > 1:
        words = set(_WORDS.findall(text.lower()))
        finders = list({id(f): f for w in words & by_word.keys() for f in by_word[w]}.values())
    for finder in finders:
        text = finder.rewrite(text)
    return text


def remove_names(session: Session, people: Iterable[Identity], placeholder: str) -> int:
    """Replace every mention of these people in every rewritten text column; return how many.

    Call it once the people's own records are erased or replaced, in the same
    transaction. Objects the session holds are expired, so they read the
    rewritten texts again.
    """
    people = list(dict.fromkeys(people))
    if not people:
        return 0
    session.flush()
    others: _Others = ({}, {})
    for first, last in session.execute(select(Person.first_name, Person.last_name)):
        others[0].setdefault(_key(last), set()).add(_key(first))
        others[1].setdefault(_key(first), set()).add(_key(last))
    finders = [_Finder(identity, placeholder, others) for identity in people]
    by_word: dict[str, list[_Finder]] = {}
    for finder in finders:
        for word in finder.first_words:
            by_word.setdefault(word, []).append(finder)
    rewritten = 0
    for table, column in rewritten_columns():
        rows = session.execute(
            select(table.c.id, column).where(column.is_not(None), _narrowed(column, finders))
        ).all()
        changed = [
            {"row_id": row_id, "new_text": new}
            for row_id, text in rows
            if (new := _rewrite(text, finders, by_word)) != text
        ]
        if changed:
            session.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values({column.name: bindparam("new_text")}),
                changed,
            )
            rewritten += len(changed)
    session.expire_all()
    return rewritten
