"""Overdue check-ins: one rule for the table, the details, reminders and the Dashboard.

A check-in done after missed ones settles them, so a pairing whose early
check-in was missed stops counting as overdue once a later one is done.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path

import pytest

from mentordesk.domain.enums import CheckInOutcome, PairingStatus
from mentordesk.services.applicants import person_detail
from mentordesk.services.dashboard import programme_figures
from mentordesk.services.drafts import drafts_for_people
from mentordesk.services.figure_records import figure_records
from mentordesk.services.pairing_detail import pairing_detail
from mentordesk.services.pairings import (
    CheckInInput,
    CheckInRecord,
    CheckInState,
    PairingInput,
    add_pairing,
    check_in_state,
    get_pairing,
    overdue_check_ins,
    pairing_rows,
    record_check_in,
)
from mentordesk.services.reminders import reminders
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

TODAY = dt.date(2026, 8, 1)
MARCH, MAY, JULY, SEPTEMBER = (dt.date(2026, m, 1) for m in (3, 5, 7, 9))


@pytest.fixture
def missed(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> int:
    """An active pairing that missed its March, May and July check-ins; one is due in September."""
    with programme_file.session() as session:
        mentor, mentee = add_someone(session), add_someone(session)
        return add_pairing(
            session,
            PairingInput(
                strands["Fellows"],
                mentor,
                [mentee],
                status=PairingStatus.ACTIVE,
                started_on=dt.date(2026, 2, 1),
                check_ins=[CheckInInput(d) for d in (MARCH, MAY, JULY, SEPTEMBER)],
            ),
        )


def _do(programme_file: ProgrammeFile, pairing_id: int, due_on: dt.date, done_on: dt.date) -> None:
    """Record the check-in due on ``due_on`` as done on ``done_on``."""
    with programme_file.session() as session:
        (check_in,) = [c for c in get_pairing(session, pairing_id).check_ins if c.due_on == due_on]
        record_check_in(
            session, check_in.id, CheckInRecord(done_on, CheckInOutcome.ON_TRACK), today=TODAY
        )


def _overdue(programme_file: ProgrammeFile, programme_id: int) -> list[dt.date]:
    with programme_file.session() as session:
        return [c.due_on for c in overdue_check_ins(session, programme_id, TODAY)]


def test_a_check_in_done_after_missed_ones_settles_them(
    programme_file: ProgrammeFile, programme_id: int, missed: int
) -> None:
    assert _overdue(programme_file, programme_id) == [MARCH, MAY, JULY]
    _do(programme_file, missed, JULY, dt.date(2026, 7, 10))
    # March and May were missed, but the pairing met in July: nothing is overdue.
    assert _overdue(programme_file, programme_id) == []


def test_a_check_in_done_before_a_missed_one_was_due_does_not_settle_it(
    programme_file: ProgrammeFile, programme_id: int, missed: int
) -> None:
    _do(programme_file, missed, MARCH, dt.date(2026, 4, 20))
    assert _overdue(programme_file, programme_id) == [MAY, JULY]
    # Done on the very day May's was due: May is settled, July still overdue.
    _do(programme_file, missed, MARCH, MAY)
    assert _overdue(programme_file, programme_id) == [JULY]


def test_the_dashboard_figure_drops_once_a_later_check_in_is_done(
    programme_file: ProgrammeFile, programme_id: int, missed: int
) -> None:
    with programme_file.session() as session:
        before = programme_figures(session, programme_id, TODAY).pairings.overdue_check_ins
    assert before.value == 3
    _do(programme_file, missed, JULY, dt.date(2026, 7, 10))
    with programme_file.session() as session:
        after = programme_figures(session, programme_id, TODAY).pairings.overdue_check_ins
        # The figure opens exactly the records it counts: none.
        assert figure_records(session, after.records).rows == ()
    assert after.value == 0


def test_reminders_stop_naming_a_pairing_whose_later_check_in_was_done(
    programme_file: ProgrammeFile, programme_id: int, missed: int
) -> None:
    def due() -> list[str]:
        with programme_file.session() as session:
            found = reminders(session, programme_id, TODAY)
        return [r.title for r in found if r.kind == "check-in-due" and r.pairing_id == missed]

    (before,) = due()
    assert before.startswith("Check-in overdue")
    _do(programme_file, missed, JULY, dt.date(2026, 7, 10))
    # September's is more than a week away: nothing to remind of.
    assert due() == []


def test_a_check_in_message_asks_for_the_next_check_in_once_missed_ones_are_settled(
    programme_file: ProgrammeFile, programme_id: int, missed: int, tmp_path: Path
) -> None:
    def asked_by(run: int) -> str:
        out_dir = tmp_path / str(run)
        out_dir.mkdir()
        with programme_file.session() as session:
            mentee = get_pairing(session, missed).members[0].person_id
            result = drafts_for_people(
                session, programme_id, "check-in", [mentee], out_dir, today=TODAY
            )
        (draft,) = result.written
        message = BytesParser(policy=default).parsebytes(draft.read_bytes())
        assert isinstance(message, EmailMessage)
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        return " ".join(str(body.get_content()).split())

    # Overdue: answered within a week from today.
    assert "in reply by 8 August 2026" in asked_by(1)
    _do(programme_file, missed, JULY, dt.date(2026, 7, 10))
    # Settled: the next check-in is September's.
    assert "in reply by 1 September 2026" in asked_by(2)


def test_the_table_and_the_details_say_the_same_as_the_figure(
    programme_file: ProgrammeFile, programme_id: int, missed: int
) -> None:
    def seen() -> tuple[tuple[dt.date | None, int], list[CheckInState]]:
        with programme_file.session() as session:
            (row,) = pairing_rows(session, programme_id, today=TODAY)
            detail = pairing_detail(session, missed, programme_id, today=TODAY)
        return (row.next_check_in, row.check_ins_overdue), [c.state for c in detail.check_ins]

    def in_person_panel() -> dt.date | None:
        with programme_file.session() as session:
            mentor = get_pairing(session, missed).mentor_id
            (pairing,) = person_detail(session, mentor).pairings
        return pairing.next_check_in

    S = CheckInState
    assert seen() == ((MARCH, 3), [S.OVERDUE, S.OVERDUE, S.OVERDUE, S.PLANNED])
    assert in_person_panel() == MARCH
    _do(programme_file, missed, JULY, dt.date(2026, 7, 10))
    assert seen() == ((SEPTEMBER, 0), [S.SETTLED, S.SETTLED, S.DONE, S.PLANNED])
    assert in_person_panel() == SEPTEMBER


@pytest.mark.parametrize(
    ("due_on", "done_on", "last_done_on", "under_way", "state"),
    [
        (MAY, None, None, True, CheckInState.OVERDUE),
        (MAY, None, None, False, CheckInState.NOT_DONE),  # paused, ended or a draft
        (TODAY, None, None, True, CheckInState.PLANNED),  # due today: not late yet
        (MAY, None, dt.date(2026, 4, 30), True, CheckInState.OVERDUE),  # done before May
        (MAY, None, MAY, True, CheckInState.SETTLED),  # done on the day May's was due
        (MAY, None, JULY, False, CheckInState.SETTLED),
        (MAY, JULY, JULY, True, CheckInState.DONE),  # done late is still done
    ],
)
def test_the_one_rule_of_an_overdue_check_in(
    due_on: dt.date,
    done_on: dt.date | None,
    last_done_on: dt.date | None,
    under_way: bool,
    state: CheckInState,
) -> None:
    assert (
        check_in_state(due_on, done_on, last_done_on=last_done_on, under_way=under_way, today=TODAY)
        is state
    )
