"""The pairing queries every service shares: pairings under way, and those still to introduce."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.enums import PairingStatus, StrandFormat
from mentordesk.services.messages import record_prepared
from mentordesk.services.pairings import (
    PairingInput,
    add_pairing,
    pairings_to_introduce,
    person_pairings_under_way,
    under_way_in,
)
from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
from mentordesk.store.models import Pairing, Strand
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


@pytest.fixture
def other_strand(programme_file: ProgrammeFile) -> int:
    """The one strand of a second programme in the same file."""
    with programme_file.session() as session:
        other = create_programme(
            session,
            ProgrammeInput(
                name="Other 2026", strands=[StrandInput("Elsewhere", StrandFormat.GROUP)]
            ),
        )
        return session.scalars(select(Strand.id).where(Strand.programme_id == other)).one()


def _pair(
    session: Session,
    strand_id: int,
    mentor: int,
    mentee: int,
    status: PairingStatus,
    *,
    draft: bool = False,
) -> int:
    return add_pairing(
        session, PairingInput(strand_id, mentor, [mentee], status=status, draft=draft)
    )


def test_the_pairings_to_introduce_are_those_under_way_with_no_introduction_logged(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    other_strand: int,
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as s:
        people = [add_someone(s) for _ in range(16)]

        def pair(status: PairingStatus, *, draft: bool = False, strand: int = 0) -> int:
            mentor, mentee = people.pop(), people.pop()
            return _pair(s, strand or strands["Fellows"], mentor, mentee, status, draft=draft)

        introduced = pair(PairingStatus.INTRODUCED)
        extended = pair(PairingStatus.EXTENDED)
        sent = pair(PairingStatus.ACTIVE)
        record_prepared(s, programme_id, people[0], "introduction", "Hello", pairing_id=sent)
        proposed = pair(PairingStatus.PROPOSED)
        paused = pair(PairingStatus.PAUSED)
        pair(PairingStatus.ACTIVE, draft=True)
        pair(PairingStatus.ACTIVE, strand=other_strand)
        active = pair(PairingStatus.ACTIVE)
    with programme_file.session() as s:
        assert pairings_to_introduce(s, programme_id) == [introduced, extended, active]
        assert pairings_to_introduce(s, programme_id, every_published=True) == [
            introduced,
            extended,
            sent,
            proposed,
            paused,
            active,
        ]


def test_a_persons_pairings_under_way_are_theirs_as_mentor_or_mentee_published_and_followed_up(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    other_strand: int,
    add_someone: AddSomeone,
) -> None:
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        ana, ben, cleo = add_someone(s), add_someone(s), add_someone(s)
        mentoring = _pair(s, fellows, ana, ben, PairingStatus.ACTIVE)
        mentored = _pair(s, fellows, cleo, ana, PairingStatus.INTRODUCED)
        _pair(s, fellows, ana, cleo, PairingStatus.PAUSED)
        _pair(s, fellows, ben, ana, PairingStatus.EXTENDED, draft=True)
        _pair(s, other_strand, ana, cleo, PairingStatus.ACTIVE)
        theirs = _pair(s, fellows, ben, cleo, PairingStatus.ACTIVE)
    with programme_file.session() as s:
        found = person_pairings_under_way(s, programme_id, ana)
        assert [p.id for p in found] == [mentoring, mentored]
        assert [m.person_id for m in found[0].members] == [ben]
        under_way = s.scalars(
            select(Pairing.id).where(under_way_in(programme_id)).order_by(Pairing.id)
        ).all()
    assert under_way == [mentoring, mentored, theirs]
