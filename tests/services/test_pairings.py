"""Pairings and circles: who may mentor whom, and what disappears with a strand or programme."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import CheckInOutcome, EndReason, PairingStatus, StrandFormat
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.pairings import (
    CheckInInput,
    PairingInput,
    add_pairing,
    delete_pairing,
    get_pairing,
    overdue_check_ins,
    pairing_input,
    pairing_rows,
    schedule_check_ins,
    update_pairing,
)
from mentordesk.services.programmes import get_programme
from mentordesk.store.models import CheckIn, Pairing, PairingMember, Strand
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone, TableCounts


def test_one_to_one_strand_refuses_two_mentees(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, first, second = (add_someone(session) for _ in range(3))
        with pytest.raises(InvalidInput, match="one-to-one"):
            add_pairing(session, PairingInput(strands["Fellows"], mentor, [first, second]))


def test_one_to_one_strand_accepts_one_mentee(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        pairing_id = add_pairing(session, PairingInput(strands["Fellows"], mentor, [mentee]))
    with programme_file.session() as session:
        stored = pairing_input(session, pairing_id)
    assert (stored.mentor_id, stored.mentee_ids) == (mentor, [mentee])


def test_group_strand_accepts_a_circle_of_five(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as session:
        facilitator = add_someone(session)
        circle = [add_someone(session) for _ in range(5)]
        pairing_id = add_pairing(
            session, PairingInput(strands["Circles"], facilitator, circle, name="Circle A")
        )
    with programme_file.session() as session:
        assert sorted(pairing_input(session, pairing_id).mentee_ids) == sorted(circle)
        (row,) = pairing_rows(session, programme_id)
    assert (row.name, row.format, row.mentee_count) == ("Circle A", StrandFormat.GROUP, 5)


def test_a_mentee_listed_twice_counts_once(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        pairing_id = add_pairing(
            session, PairingInput(strands["Fellows"], mentor, [mentee, mentee])
        )
    with programme_file.session() as session:
        assert pairing_input(session, pairing_id).mentee_ids == [mentee]


def test_the_mentor_cannot_be_a_mentee(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        with pytest.raises(InvalidInput, match="mentor"):
            add_pairing(session, PairingInput(strands["Circles"], mentor, [mentee, mentor]))


def test_a_pairing_needs_a_mentee(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor = add_someone(session)
        with pytest.raises(InvalidInput, match="mentee"):
            add_pairing(session, PairingInput(strands["Circles"], mentor, []))


def test_a_pairing_cannot_end_before_it_starts(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        with pytest.raises(InvalidInput, match="end before it starts"):
            add_pairing(
                session,
                PairingInput(
                    strands["Fellows"],
                    mentor,
                    [mentee],
                    started_on=dt.date(2026, 3, 1),
                    ended_on=dt.date(2026, 2, 28),
                ),
            )


@pytest.mark.parametrize("score", [-0.1, 100.5])
def test_a_match_score_outside_0_to_100_is_refused(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone, score: float
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        with pytest.raises(InvalidInput, match="score"):
            add_pairing(
                session, PairingInput(strands["Fellows"], mentor, [mentee], match_score=score)
            )


def test_a_missing_mentee_is_refused(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor = add_someone(session)
        with pytest.raises(InvalidInput, match="no longer in the file"):
            add_pairing(session, PairingInput(strands["Fellows"], mentor, [987_654]))


def test_update_replaces_the_set_of_mentees(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        facilitator = add_someone(session)
        a, b, c, d = (add_someone(session) for _ in range(4))
        pairing_id = add_pairing(session, PairingInput(strands["Circles"], facilitator, [a, b, c]))
    with programme_file.session() as session:
        update_pairing(
            session,
            pairing_id,
            PairingInput(strands["Circles"], facilitator, [c, d], status=PairingStatus.ACTIVE),
        )
    with programme_file.session() as session:
        members = session.scalars(
            select(PairingMember.person_id).where(PairingMember.pairing_id == pairing_id)
        ).all()
        assert get_pairing(session, pairing_id).status is PairingStatus.ACTIVE
    assert sorted(members) == sorted([c, d])


def test_update_keeps_the_check_ins(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        pairing_id = add_pairing(
            session,
            PairingInput(
                strands["Fellows"], mentor, [mentee], check_ins=[CheckInInput(dt.date(2026, 4, 1))]
            ),
        )
    with programme_file.session() as session:
        update_pairing(session, pairing_id, pairing_input(session, pairing_id))
    with programme_file.session() as session:
        assert [c.due_on for c in get_pairing(session, pairing_id).check_ins] == [
            dt.date(2026, 4, 1)
        ]


def test_an_invalid_update_changes_nothing(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, a, b = (add_someone(session) for _ in range(3))
        pairing_id = add_pairing(session, PairingInput(strands["Fellows"], mentor, [a]))
    with programme_file.session() as session, pytest.raises(InvalidInput):
        update_pairing(session, pairing_id, PairingInput(strands["Fellows"], mentor, [a, b]))
    with programme_file.session() as session:
        assert pairing_input(session, pairing_id).mentee_ids == [a]


def test_pairing_rows_show_the_next_pending_check_in(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as session:
        mentor = add_someone(session, first_name="Marie", last_name="Curie")
        mentee = add_someone(session, first_name="Irène", last_name="Joliot")
        idle_mentee = add_someone(session)
        add_pairing(
            session,
            PairingInput(
                strands["Fellows"],
                mentor,
                [mentee],
                match_score=81.5,
                check_ins=[
                    CheckInInput(dt.date(2026, 3, 1), dt.date(2026, 3, 2), CheckInOutcome.ON_TRACK),
                    CheckInInput(dt.date(2026, 9, 1)),
                    CheckInInput(dt.date(2026, 6, 1)),
                ],
            ),
        )
        add_pairing(
            session,
            PairingInput(
                strands["Fellows"],
                mentor,
                [idle_mentee],
                check_ins=[CheckInInput(dt.date(2026, 3, 1), dt.date(2026, 3, 1))],
            ),
        )
    with programme_file.session() as session:
        first, second = pairing_rows(session, programme_id)
    assert first.next_check_in == dt.date(2026, 6, 1)
    assert (first.mentor, first.mentees, first.name) == (
        "Marie Curie",
        "Irène Joliot",
        "Marie Curie – Irène Joliot",
    )
    assert first.match_score == 81.5
    assert second.next_check_in is None


def test_deleting_a_pairing_removes_its_members_and_check_ins(
    programme_file: ProgrammeFile,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    with programme_file.session() as session:
        facilitator = add_someone(session)
        circle = [add_someone(session) for _ in range(3)]
        pairing_id = add_pairing(
            session,
            PairingInput(
                strands["Circles"], facilitator, circle, check_ins=[CheckInInput(dt.date.today())]
            ),
        )
    with programme_file.session() as session:
        delete_pairing(session, pairing_id)
    counts = table_counts(programme_file)
    assert (counts["pairing"], counts["pairing_member"], counts["check_in"]) == (0, 0, 0)
    assert counts["person"] == 4
    with programme_file.session() as session, pytest.raises(NotFound):
        get_pairing(session, pairing_id)


def _fill_both_strands(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        for strand, size in (("Fellows", 1), ("Fellows", 1), ("Circles", 4)):
            add_pairing(
                session,
                PairingInput(
                    strands[strand],
                    add_someone(session),
                    [add_someone(session) for _ in range(size)],
                    check_ins=[
                        CheckInInput(dt.date(2026, 5, 1)),
                        CheckInInput(dt.date(2026, 8, 1)),
                    ],
                ),
            )


def test_deleting_a_strand_removes_its_pairings_members_and_check_ins(
    programme_file: ProgrammeFile,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    _fill_both_strands(programme_file, strands, add_someone)
    with programme_file.session() as session:
        session.delete(session.get(Strand, strands["Fellows"]))
    counts = table_counts(programme_file)
    assert (counts["pairing"], counts["pairing_member"], counts["check_in"]) == (1, 4, 2)
    with programme_file.session() as session:
        left = session.scalars(select(Pairing.strand_id)).all()
    assert left == [strands["Circles"]]


def test_deleting_a_strand_in_raw_sql_cascades_in_the_file_itself(
    programme_file: ProgrammeFile,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    _fill_both_strands(programme_file, strands, add_someone)
    with programme_file.session() as session:
        session.execute(Strand.__table__.delete().where(Strand.id == strands["Circles"]))
    counts = table_counts(programme_file)
    assert (counts["pairing"], counts["pairing_member"], counts["check_in"]) == (2, 2, 4)


def test_deleting_a_programme_removes_strands_pairings_members_and_check_ins(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
    table_counts: TableCounts,
) -> None:
    _fill_both_strands(programme_file, strands, add_someone)
    people = table_counts(programme_file)["person"]
    with programme_file.session() as session:
        session.delete(get_programme(session, programme_id))
    counts = table_counts(programme_file)
    for table in ("programme", "strand", "pairing", "pairing_member", "check_in"):
        assert counts[table] == 0, table
    assert counts["person"] == people
    with programme_file.session() as session:
        assert session.scalars(select(CheckIn)).all() == []


def test_goals_agreement_and_end_reason_round_trip(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        pairing_id = add_pairing(
            session,
            PairingInput(
                strands["Fellows"],
                mentor,
                [mentee],
                status=PairingStatus.ENDED_EARLY,
                goals="  Publish a first paper  ",
                confidentiality_agreed=True,
                end_reason=EndReason.LEFT_INSTITUTION,
            ),
        )
    with programme_file.session() as session:
        stored = pairing_input(session, pairing_id)
    assert stored.goals == "Publish a first paper"
    assert stored.confidentiality_agreed is True
    assert stored.end_reason is EndReason.LEFT_INSTITUTION


def test_an_end_reason_is_dropped_unless_the_pairing_ended_early(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        data = PairingInput(
            strands["Fellows"],
            mentor,
            [mentee],
            status=PairingStatus.ACTIVE,
            end_reason=EndReason.CONFLICT,
        )
        pairing_id = add_pairing(session, data)
        assert get_pairing(session, pairing_id).end_reason is None
        data.status = PairingStatus.ENDED_EARLY
        update_pairing(session, pairing_id, data)
        assert get_pairing(session, pairing_id).end_reason is EndReason.CONFLICT
        # Ended early is final: the form cannot bring the pairing back to life.
        data.status = PairingStatus.ACTIVE
        with pytest.raises(InvalidInput, match="can no longer change"):
            update_pairing(session, pairing_id, data)


def test_goals_longer_than_5000_characters_are_refused(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        with pytest.raises(InvalidInput, match="Goals is too long"):
            add_pairing(
                session, PairingInput(strands["Fellows"], mentor, [mentee], goals="x" * 5001)
            )


TODAY = dt.date(2026, 5, 1)


def test_overdue_check_ins_are_those_of_pairings_under_way_due_before_today_and_not_done(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    def pairing(status: PairingStatus, *check_ins: CheckInInput, draft: bool = False) -> int:
        return add_pairing(
            session,
            PairingInput(
                strands["Fellows"],
                mentor,
                [add_someone(session)],
                status=status,
                draft=draft,
                check_ins=list(check_ins),
            ),
        )

    with programme_file.session() as session:
        mentor = add_someone(session, first_name="Ada", last_name="Lovelace")
        late = pairing(
            PairingStatus.ACTIVE,
            CheckInInput(dt.date(2026, 4, 1)),
            CheckInInput(dt.date(2026, 3, 1), dt.date(2026, 3, 3)),  # done
            CheckInInput(TODAY),  # due today: not yet late
        )
        introduced = pairing(PairingStatus.INTRODUCED, CheckInInput(dt.date(2026, 4, 30)))
        pairing(PairingStatus.PAUSED, CheckInInput(dt.date(2026, 1, 1)))
        pairing(PairingStatus.COMPLETED, CheckInInput(dt.date(2026, 1, 1)))
        pairing(PairingStatus.ACTIVE, CheckInInput(dt.date(2026, 1, 1)), draft=True)
    with programme_file.session() as session:
        overdue = overdue_check_ins(session, programme_id, TODAY)
    assert [(o.pairing_id, o.due_on, o.days_overdue) for o in overdue] == [
        (late, dt.date(2026, 4, 1), 30),
        (introduced, dt.date(2026, 4, 30), 1),
    ]
    assert overdue[0].mentor == "Ada Lovelace"
    assert overdue[0].status is PairingStatus.ACTIVE


def test_check_ins_are_planned_from_the_start_until_the_review(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        pairing_id = add_pairing(
            session,
            PairingInput(
                strands["Fellows"],
                mentor,
                [mentee],
                started_on=dt.date(2026, 1, 5),
                review_on=dt.date(2026, 7, 1),
                check_ins=[CheckInInput(dt.date(2026, 2, 2), dt.date(2026, 2, 2))],
            ),
        )
        added = schedule_check_ins(session, pairing_id)
    # 4 weeks after the start, then every 8 weeks; the first date already had one.
    assert added == [dt.date(2026, 3, 30), dt.date(2026, 5, 25)]
    with programme_file.session() as session:
        due = [c.due_on for c in get_pairing(session, pairing_id).check_ins]
        assert due == [dt.date(2026, 2, 2), dt.date(2026, 3, 30), dt.date(2026, 5, 25)]
        # Planning again adds nothing.
        assert schedule_check_ins(session, pairing_id) == []
        assert schedule_check_ins(
            session, pairing_id, first_after_weeks=2, every_weeks=4, until=dt.date(2026, 3, 10)
        ) == [dt.date(2026, 1, 19), dt.date(2026, 2, 16)]


def test_planning_check_ins_needs_a_start_and_an_end_or_review(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        no_start = add_pairing(session, PairingInput(strands["Fellows"], mentor, [mentee]))
        with pytest.raises(InvalidInput, match="started"):
            schedule_check_ins(session, no_start)
        open_ended = add_pairing(
            session,
            PairingInput(
                strands["Fellows"], mentor, [add_someone(session)], started_on=dt.date(2026, 1, 5)
            ),
        )
        with pytest.raises(InvalidInput, match="review date"):
            schedule_check_ins(session, open_ended)
        with pytest.raises(InvalidInput, match="a week apart"):
            schedule_check_ins(session, open_ended, every_weeks=0, until=dt.date(2026, 9, 1))
        # Until the end when there is no review date.
        update = pairing_input(session, open_ended)
        update.ended_on = dt.date(2026, 2, 10)
        update_pairing(session, open_ended, update)
        assert schedule_check_ins(session, open_ended) == [dt.date(2026, 2, 2)]
