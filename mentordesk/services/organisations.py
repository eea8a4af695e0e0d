"""Organisations as the programme counts them: spellings grouped, and the coordinator's merges.

People type their organisation as they please. :func:`merged_names` gives the
one name reports, the Dashboard and matching use for any typed text:

1. the coordinator's merge, if the text (or a spelling with the same
   :func:`~mentordesk.domain.organisations.organisation_key`) was merged into a name;
2. else the most common spelling among the people of the file whose text has
   the same key (a bare abbreviation such as "LIST" joins the full name when
   someone wrote them together, "… (LIST)", or else when it is the initials of
   one name in the file, as "LIH" of "Luxembourg Institute of Health");
3. else the text as typed, spaces tidied.

The Organisations list (:func:`organisation_variants`) shows each name with
the spellings counted as it; :func:`merge_organisations` and
:func:`unmerge_organisation` change the merges, each audited.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.domain.errors import InvalidInput
from mentordesk.domain.organisations import abbreviation_of, is_abbreviation, organisation_key
from mentordesk.formats.text import clean_text, plural
from mentordesk.services.audit import record_change
from mentordesk.services.collation import sort_key
from mentordesk.services.validation import required_text
from mentordesk.store.models import Application, OrganisationName, Person, Strand

#: The audit trail's kind of record for a merge.
ENTITY = "organisation"


@dataclass(frozen=True)
class OrganisationVariant:
    """One spelling of an organisation, as people typed it.

    Attributes:
        text: the spelling (spaces tidied).
        people: how many people typed it (in the programme, if the list is of one).
        merged: whether the coordinator merged it into the group's name (rather than
            it being counted there because it is written alike).
    """

    text: str
    people: int
    merged: bool


@dataclass(frozen=True)
class OrganisationGroup:
    """An organisation as the programme counts it, with the spellings counted as it.

    Attributes:
        name: the name reports and matching use.
        variants: its spellings, most people first.
        people: how many people it counts.
    """

    name: str
    variants: tuple[OrganisationVariant, ...]
    people: int

    @property
    def merged(self) -> bool:
        """Whether any of its spellings was merged by the coordinator."""
        return any(v.merged for v in self.variants)


def tidy(text: str) -> str:
    """An organisation as typed, invisible characters removed and spaces squeezed."""
    return " ".join(clean_text(text).split())


class OrganisationNames:
    """Names for typed organisations, from the spellings in a file and its merges.

    Call it with a typed organisation to get the name it counts as; see the
    module's docstring for the rules.
    """

    def __init__(self, spellings: Mapping[str, int], merges: Mapping[str, str]) -> None:
        """Learn the spellings and merges.

        Args:
            spellings: each spelling in the file (tidied) and how many people typed it.
            merges: the coordinator's merges, spelling → name.
        """
        written: dict[str, set[str]] = defaultdict(set)
        initials: dict[str, set[str]] = defaultdict(set)
        for text in spellings:
            full = organisation_key(text)
            if given := abbreviation_of(text, initials=False):
                if full and full != organisation_key(given):
                    written[organisation_key(given)].add(full)
            elif made := abbreviation_of(text):
                initials[organisation_key(made)].add(full)
        # An abbreviation someone wrote with a name means that name; else one that is the
        # initials of a name in the file. One two organisations share stays as typed.
        self._abbreviations = {
            short: next(iter(keys))
            for short, keys in (initials | written).items()
            if len(keys) == 1
        }
        self._exact = {variant.casefold(): name for variant, name in merges.items()}
        self._by_key: dict[str, tuple[str, str]] = {}
        for name in merges.values():
            self._by_key.setdefault(self.key(name), (name, ""))
        for variant, name in merges.items():
            self._by_key[self.key(variant)] = (name, variant)
        self._named: dict[str, str] = {}
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for text, people in spellings.items():
            counts[self.key(text)][text] += people
        self._spelling = {
            key: min(texts.items(), key=lambda item: _preference(*item))[0]
            for key, texts in counts.items()
        }

    def key(self, text: str) -> str:
        """The key a typed organisation is grouped by (a known abbreviation as its full name)."""
        key = organisation_key(text)
        if is_abbreviation(text):
            return self._abbreviations.get(key, key)
        return key

    def merge_of(self, text: str) -> str | None:
        """The merged spelling that makes ``text`` count as another name; None if none does."""
        tidied = tidy(text)
        if tidied.casefold() in self._exact:
            return tidied
        name, variant = self._by_key.get(self.key(tidied), ("", ""))
        if tidied.casefold() == name.casefold():
            return None  # the name merged into, as written
        return variant or None

    def __call__(self, text: str) -> str:
        """The name ``text`` counts as ("" when nothing is typed)."""
        # Thousands of people share a few hundred spellings: each is worked out once.
        if (known := self._named.get(text)) is None:
            known = self._named[text] = self._name(text)
        return known

    def _name(self, text: str) -> str:
        tidied = tidy(text)
        if not tidied:
            return ""
        if (name := self._exact.get(tidied.casefold())) is not None:
            return name
        key = self.key(tidied)
        if (merged := self._by_key.get(key)) is not None:
            return merged[0]
        return self._spelling.get(key, tidied)


def _preference(text: str, people: int) -> tuple[bool, int, bool, str]:
    """Which spelling names a group: a full name, the most common, in mixed case, alphabetical."""
    mixed = text != text.lower() and text != text.upper()
    return is_abbreviation(text), -people, not mixed, sort_key(text)


def _spellings(session: Session, programme_id: int | None = None) -> Counter[str]:
    """Each spelling of an organisation and how many people typed it (in a programme)."""
    query = select(Person.organisation, func.count(Person.id)).where(Person.organisation != "")
    if programme_id is not None:
        in_programme = (
            select(Application.person_id)
            .join(Strand, Application.strand_id == Strand.id)
            .where(Strand.programme_id == programme_id)
        )
        query = query.where(Person.id.in_(in_programme))
    spellings: Counter[str] = Counter()
    for text, people in session.execute(query.group_by(Person.organisation)):
        if tidied := tidy(text):
            spellings[tidied] += people
    return spellings


def _merges(session: Session) -> dict[str, str]:
    return {
        variant: name
        for variant, name in session.execute(
            select(OrganisationName.variant, OrganisationName.name)
        )
    }


def merged_names(session: Session) -> Callable[[str], str]:
    """The name reports and matching use for a typed organisation.

    Args:
        session: the open transaction.

    Returns:
        A function giving, for any typed organisation, the coordinator's merge if
        any, else the most common spelling among the file's people with the same
        key, else the text as typed (tidied); "" for nothing typed.
    """
    return OrganisationNames(_spellings(session), _merges(session))


def organisation_variants(session: Session, programme_id: int | None) -> list[OrganisationGroup]:
    """The Organisations list: each name with its spellings and how many people typed each.

    Args:
        session: the open transaction.
        programme_id: only the people with an application to this programme (in any
            status); None for everyone in the file, merged spellings nobody types any
            more included (with no people).

    Returns:
        The groups, most people first, then by name.
    """
    everyone = _spellings(session)
    merges = _merges(session)
    names = OrganisationNames(everyone, merges)
    shown = everyone if programme_id is None else _spellings(session, programme_id)
    if programme_id is None:
        for variant in merges:
            if not any(text.casefold() == variant.casefold() for text in shown):
                shown[variant] += 0
    groups: dict[str, list[OrganisationVariant]] = defaultdict(list)
    for text, people in shown.items():
        groups[names(text)].append(
            OrganisationVariant(text, people, names.merge_of(text) is not None)
        )
    result = [
        OrganisationGroup(
            name,
            tuple(sorted(variants, key=lambda v: (-v.people, sort_key(v.text)))),
            sum(v.people for v in variants),
        )
        for name, variants in groups.items()
    ]
    return sorted(result, key=lambda g: (-g.people, sort_key(g.name)))


def merge_organisations(session: Session, variants: Sequence[str], name: str) -> int:
    """Count the people who typed any of ``variants`` as ``name`` (and their spellings alike).

    Merges into a spelling that was itself merged elsewhere follow on: what was
    merged into a spelling now merged counts as the new name, and ``name`` stops
    being merged into another.

    Args:
        session: the open transaction.
        variants: the spellings to merge (``name`` itself among them is skipped).
        name: the name they count as from now on.

    Returns:
        How many spellings were merged.

    Raises:
        InvalidInput: no name, a name too long, or no spelling to merge.
    """
    name = tidy(required_text(name, "The name to merge into"))
    chosen = _distinct(tidy(v) for v in variants if tidy(v))
    chosen = [v for v in chosen if v.casefold() != name.casefold()]
    if not chosen:
        raise InvalidInput("Choose at least one other spelling to merge into “" + name + "”.")
    for variant in chosen:
        if len(variant) > 200:
            raise InvalidInput("A spelling to merge is too long: at most 200 characters.")
    rows = {row.variant.casefold(): row for row in session.scalars(select(OrganisationName))}
    if (own := rows.pop(name.casefold(), None)) is not None:
        session.delete(own)  # the name stands on its own now
    merged = {v.casefold() for v in chosen}
    for row in rows.values():
        if row.name.casefold() in merged:
            row.name = name
    for variant in chosen:
        if (existing := rows.get(variant.casefold())) is not None:
            existing.name = name
        else:
            session.add(OrganisationName(variant=variant, name=name))
    record_change(
        session,
        "merged",
        ENTITY,
        None,
        f"{plural(len(chosen), 'spelling')} counted as {name}: {', '.join(chosen)}",
    )
    session.flush()
    return len(chosen)


def unmerge_organisation(session: Session, variant: str) -> str:
    """Undo the merge of a spelling: it counts as itself (or as the spellings alike) again.

    Args:
        session: the open transaction.
        variant: the spelling merged, or one written alike (same key).

    Returns:
        The name it was counted as.

    Raises:
        InvalidInput: the spelling was not merged.
    """
    wanted = tidy(variant)
    rows = list(session.scalars(select(OrganisationName)))
    undone = [r for r in rows if r.variant.casefold() == wanted.casefold()]
    if not undone:
        # A spelling counted as the name because it is written like one merged.
        names = OrganisationNames(_spellings(session), {r.variant: r.name for r in rows})
        if names.merge_of(wanted) is not None:
            key = names.key(wanted)
            undone = [r for r in rows if names.key(r.variant) == key]
    if not undone:
        raise InvalidInput(f"“{wanted}” is not merged into another name.")
    name = undone[0].name
    for row in undone:
        session.delete(row)
    record_change(
        session,
        "merge undone",
        ENTITY,
        None,
        f"{', '.join(r.variant for r in undone)} no longer counted as {name}",
    )
    session.flush()
    return name


def _distinct(texts: Iterable[str]) -> list[str]:
    """The texts in order, each once whatever its case."""
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(text.casefold(), text)
    return list(seen.values())
