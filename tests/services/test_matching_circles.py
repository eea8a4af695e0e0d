"""Circles saved as draft group pairings of a group strand, and published like proposals."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.matching import (
    circle_pool,
    form_circles,
    publish_pairings,
    save_circles,
    waitlist_rows,
)
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.store.models import Pairing, Person
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

FIELDS = ("Physics", "Physics", "Physics", "Law", "Law", "Law", "History", "History", "Biology")


@pytest.fixture
def circles_strand(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> dict[str, list[int]]:
    """Nine doctoral candidates of four fields and three facilitators accepted to Circles."""
    strand = strands["Circles"]
    with programme_file.session() as s:
        facilitators = [add_someone(s, first_name=f"Facilitator{n}") for n in range(3)]
        for person in facilitators:
            add_application(
                s, person, ApplicationInput(strand, Role.MENTOR, ApplicationStatus.ACCEPTED)
            )
        members = [
            add_someone(s, field=field, organisation=("Uni", "LIH", "LIST")[n % 3])
            for n, field in enumerate(FIELDS)
        ]
        for person in members:
            add_application(
                s, person, ApplicationInput(strand, Role.MENTEE, ApplicationStatus.ACCEPTED)
            )
    return {"facilitators": facilitators, "members": members}


def _drafts(s: object, strand_id: int) -> list[Pairing]:
    return list(
        s.scalars(  # type: ignore[attr-defined]
            select(Pairing).where(Pairing.strand_id == strand_id, Pairing.draft.is_(True))
        )
    )


def test_circles_are_saved_as_balanced_draft_group_pairings_and_published(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    circles_strand: dict[str, list[int]],
) -> None:
    strand = strands["Circles"]
    with programme_file.session() as s:
        pool = circle_pool(s, programme_id, strand)
        result = form_circles(pool.mentees, pool.mentors, 4, pool.rules)
        ids = save_circles(s, programme_id, strand, result, today=dt.date(2026, 3, 2))
    assert len(ids) == 3
    with programme_file.session() as s:
        drafts = _drafts(s, strand)
        assert sorted(p.name for p in drafts) == ["Circle A", "Circle B", "Circle C"]
        assert sorted(len(p.members) for p in drafts) == [3, 3, 3]
        assert {p.mentor_id for p in drafts} == set(circles_strand["facilitators"])
        placed = [m.person_id for p in drafts for m in p.members]
        assert sorted(placed) == sorted(circles_strand["members"])
        for pairing in drafts:
            fields = Counter(s.get_one(Person, m.person_id).field for m in pairing.members)
            # Each field of three members is spread one per circle.
            assert fields["Physics"] == fields["Law"] == 1
            assert pairing.match_explanation.startswith("circle of 3: ")
            # And no two members of one circle from the same organisation, where possible.
            assert pairing.match_explanation.endswith("; 3 organisations")
            assert pairing.match_score is not None
    with programme_file.session() as s:
        assert publish_pairings(s, ids, today=dt.date(2026, 3, 2)) == 3
    with programme_file.session() as s:
        assert _drafts(s, strand) == []
        published = s.scalars(select(Pairing).where(Pairing.id.in_(ids))).all()
        assert {p.response_due_on for p in published} == {dt.date(2026, 3, 9)}
        # The members are in circles now: nobody is left to place.
        assert circle_pool(s, programme_id, strand).mentees == ()


def test_circles_again_replace_the_strands_drafts_only_and_waitlist_who_is_left(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    circles_strand: dict[str, list[int]],
    add_someone: AddSomeone,
) -> None:
    strand = strands["Circles"]
    with programme_file.session() as s:
        mentor, mentee = add_someone(s), add_someone(s)
        one_to_one = add_pairing(s, PairingInput(strands["Fellows"], mentor, [mentee], draft=True))
        pool = circle_pool(s, programme_id, strand)
        save_circles(s, programme_id, strand, form_circles(pool.mentees, pool.mentors, 4))
    with programme_file.session() as s:
        pool = circle_pool(s, programme_id, strand)
        # Two facilitators for circles of at most two: five of the nine are left out.
        result = form_circles(pool.mentees, pool.mentors[:2], 2)
        save_circles(s, programme_id, strand, result)
    with programme_file.session() as s:
        drafts = _drafts(s, strand)
        assert sorted(len(p.members) for p in drafts) == [2, 2]
        assert s.get(Pairing, one_to_one) is not None
        waiting = waitlist_rows(s, programme_id)
    assert [r.rank for r in waiting] == [1, 2, 3, 4, 5]
    assert {r.strand for r in waiting} == {"Circles"}


def test_circles_are_refused_in_a_one_to_one_strand(
    programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int]
) -> None:
    with programme_file.session() as s, pytest.raises(InvalidInput, match="one-to-one strand"):
        circle_pool(s, programme_id, strands["Fellows"])
