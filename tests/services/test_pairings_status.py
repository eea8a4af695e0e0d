"""A pairing's life: valid status changes only, check-in outcomes, and training warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    CheckInOutcome,
    EndReason,
    EventKind,
    PairingStatus,
    Role,
)
from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.events import EventInput, add_event, set_attendance
from mentordesk.services.pairing_detail import pairing_detail
from mentordesk.services.pairings import (
    NEXT_STATUSES,
    CheckInInput,
    CheckInRecord,
    PairingInput,
    StatusChange,
    add_check_in,
    add_pairing,
    change_status,
    get_pairing,
    next_statuses,
    pairing_input,
    pairing_rows,
    record_check_in,
    update_pairing,
)
from mentordesk.services.training import Requirement, set_requirements
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

DAY = dt.date(2026, 5, 4)
S = PairingStatus


def _pairing(
    programme_file: ProgrammeFile,
    strands: dict[str, int],
    add_someone: AddSomeone,
    status: PairingStatus = S.ACTIVE,
    **fields: object,
) -> int:
    with programme_file.session() as s:
        mentor, mentee = add_someone(s, first_name="Mentor"), add_someone(s, first_name="Mentee")
        return add_pairing(
            s,
            PairingInput(strands["Fellows"], mentor, [mentee], status=status, **fields),  # type: ignore[arg-type]
        )


def _change(programme_file: ProgrammeFile, pairing_id: int, change: StatusChange) -> None:
    with programme_file.session() as s:
        change_status(s, [pairing_id], change)


def test_a_pairing_goes_from_proposed_to_completed_setting_its_dates(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    pairing_id = _pairing(programme_file, strands, add_someone, S.PROPOSED)
    _change(programme_file, pairing_id, StatusChange(S.INTRODUCED, DAY))
    _change(programme_file, pairing_id, StatusChange(S.ACTIVE, DAY + dt.timedelta(7)))
    _change(programme_file, pairing_id, StatusChange(S.PAUSED, DAY + dt.timedelta(30)))
    _change(programme_file, pairing_id, StatusChange(S.ACTIVE, DAY + dt.timedelta(60)))
    with programme_file.session() as s:
        # Resuming keeps the first start.
        assert get_pairing(s, pairing_id).started_on == DAY + dt.timedelta(7)
    _change(programme_file, pairing_id, StatusChange(S.COMPLETED, DAY + dt.timedelta(180)))
    with programme_file.session() as s:
        pairing = get_pairing(s, pairing_id)
        assert pairing.status is S.COMPLETED
        assert pairing.ended_on == DAY + dt.timedelta(180)
        history = [h.summary for h in pairing_detail(s, pairing_id, 1).history]
    assert history[:2] == ["active → completed", "paused → active"]


def test_extending_moves_the_review_or_end_date_later(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    pairing_id = _pairing(
        programme_file, strands, add_someone, started_on=DAY, review_on=dt.date(2026, 9, 1)
    )
    with pytest.raises(InvalidInput, match="new review date or end date"):
        _change(programme_file, pairing_id, StatusChange(S.EXTENDED, DAY))
    with pytest.raises(InvalidInput, match="must come after its current one, 2026-09-01"):
        _change(
            programme_file, pairing_id, StatusChange(S.EXTENDED, DAY, review_on=dt.date(2026, 8, 1))
        )
    _change(
        programme_file,
        pairing_id,
        StatusChange(
            S.EXTENDED, DAY, review_on=dt.date(2026, 12, 1), ended_on=dt.date(2027, 1, 31)
        ),
    )
    # Extended again, later still.
    _change(
        programme_file, pairing_id, StatusChange(S.EXTENDED, DAY, ended_on=dt.date(2027, 3, 31))
    )
    with programme_file.session() as s:
        pairing = get_pairing(s, pairing_id)
        assert pairing.status is S.EXTENDED
        assert (pairing.review_on, pairing.ended_on) == (dt.date(2026, 12, 1), dt.date(2027, 3, 31))


def test_ending_early_needs_the_reason_and_is_final(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    pairing_id = _pairing(programme_file, strands, add_someone, started_on=DAY)
    with pytest.raises(InvalidInput, match="Say why"):
        _change(programme_file, pairing_id, StatusChange(S.ENDED_EARLY, DAY))
    with pytest.raises(InvalidInput, match="cannot end before that"):
        _change(
            programme_file,
            pairing_id,
            StatusChange(S.ENDED_EARLY, DAY - dt.timedelta(1), EndReason.CONFLICT),
        )
    _change(programme_file, pairing_id, StatusChange(S.ENDED_EARLY, DAY, EndReason.CONFLICT))
    with programme_file.session() as s:
        assert get_pairing(s, pairing_id).end_reason is EndReason.CONFLICT
        assert next_statuses(S.ENDED_EARLY) == []
    with pytest.raises(InvalidInput, match="is ended early: its status can no longer change"):
        _change(programme_file, pairing_id, StatusChange(S.ACTIVE, DAY))


def test_only_the_listed_transitions_are_allowed(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    for old in PairingStatus:
        for new in PairingStatus:
            if new is S.REMATCHED:
                continue  # only through re-matching, tested with it
            pairing_id = _pairing(programme_file, strands, add_someone, old, review_on=DAY)
            change = StatusChange(new, DAY, EndReason.NO_FAULT, review_on=DAY + dt.timedelta(30))
            allowed = new in NEXT_STATUSES[old] and (new is not old or new is S.EXTENDED)
            if allowed:
                _change(programme_file, pairing_id, change)
            else:
                with pytest.raises(InvalidInput):
                    _change(programme_file, pairing_id, change)
            with programme_file.session() as s:
                assert get_pairing(s, pairing_id).status is (new if allowed else old), (old, new)


def test_a_change_to_several_pairings_is_all_or_nothing(
    programme_file: ProgrammeFile, strands: dict[str, int], add_someone: AddSomeone
) -> None:
    active = _pairing(programme_file, strands, add_someone, S.ACTIVE)
    completed = _pairing(programme_file, strands, add_someone, S.COMPLETED)
    draft = _pairing(programme_file, strands, add_someone, S.PROPOSED, draft=True)
    with programme_file.session() as s, pytest.raises(InvalidInput, match="it can become extended"):
        change_status(s, [active, completed], StatusChange(S.PAUSED, DAY))
    with programme_file.session() as s, pytest.raises(InvalidInput, match="draft proposal"):
        change_status(s, [draft], StatusChange(S.INTRODUCED, DAY))
    with programme_file.session() as s, pytest.raises(InvalidInput, match="Re-match"):
        change_status(s, [active], StatusChange(S.REMATCHED, DAY))
    with programme_file.session() as s:
        assert get_pairing(s, active).status is S.ACTIVE
        # The form keeps to the same transitions.
        data = pairing_input(s, completed)
        data.status = S.ACTIVE
        with pytest.raises(InvalidInput, match="it can become extended"):
            update_pairing(s, completed, data)


def test_check_in_outcomes_are_recorded_and_shown_in_the_details(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    pairing_id = _pairing(
        programme_file, strands, add_someone, check_ins=[CheckInInput(dt.date(2026, 3, 1))]
    )
    with programme_file.session() as s:
        later = add_check_in(s, pairing_id, dt.date(2026, 5, 1))
        first = get_pairing(s, pairing_id).check_ins[0].id
        with pytest.raises(InvalidInput, match="Give the date"):
            record_check_in(s, first, CheckInRecord(None, CheckInOutcome.ON_TRACK))
        with pytest.raises(InvalidInput, match="after today"):
            record_check_in(s, first, CheckInRecord(DAY, None), today=DAY - dt.timedelta(1))
        record_check_in(
            s, first, CheckInRecord(dt.date(2026, 3, 3), CheckInOutcome.AT_RISK, "  Rarely meet ")
        )
    with programme_file.session() as s:
        detail = pairing_detail(s, pairing_id, programme_id)
        rows = pairing_rows(s, programme_id)
    done, pending = detail.check_ins
    assert (done.done_on, done.outcome, done.summary) == (
        dt.date(2026, 3, 3),
        CheckInOutcome.AT_RISK,
        "Rarely meet",
    )
    assert pending.check_in_id == later
    assert pending.done_on is None
    assert rows[0].next_check_in == dt.date(2026, 5, 1)
    assert detail.history[0].summary == "check-in of 2026-03-01: at risk"
    assert CheckInOutcome.NEEDS_SUPPORT.label == "Needs attention"
    assert CheckInOutcome.ENDING.label == "Ended"


def test_pairings_under_way_warn_of_missing_orientation_by_name(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    fellows = strands["Fellows"]
    with programme_file.session() as s:
        mentor = add_someone(s, first_name="Mia", last_name="Mentor")
        mentee = add_someone(s, first_name="Ezra", last_name="Mentee")
        add_application(
            s, mentor, ApplicationInput(fellows, Role.MENTOR, ApplicationStatus.ACCEPTED)
        )
        add_application(
            s, mentee, ApplicationInput(fellows, Role.MENTEE, ApplicationStatus.ACCEPTED)
        )
        set_requirements(
            s,
            programme_id,
            [
                Requirement(EventKind.ORIENTATION, Role.MENTEE),
                Requirement(EventKind.ORIENTATION, Role.MENTOR),
                Requirement(EventKind.MENTOR_TRAINING, Role.MENTOR),
            ],
        )
        active = add_pairing(s, PairingInput(fellows, mentor, [mentee], status=S.ACTIVE))
        proposed = add_pairing(s, PairingInput(fellows, mentor, [mentee], status=S.PROPOSED))
        start = dt.datetime(2026, 2, 2, 9, tzinfo=dt.UTC)
        orientation = add_event(
            s,
            programme_id,
            EventInput(EventKind.ORIENTATION, "Orientation", start, start + dt.timedelta(hours=3)),
        )
    with programme_file.session() as s:
        rows = {r.pairing_id: r for r in pairing_rows(s, programme_id)}
    assert rows[active].training_missing == (
        "Mia Mentor (mentor): Orientation, Mentor training",
        "Ezra Mentee (mentee): Orientation",
    )
    assert rows[proposed].training_missing == ()
    with programme_file.session() as s:
        set_attendance(s, orientation, mentee, AttendanceStatus.ATTENDED)
        set_attendance(s, orientation, mentor, AttendanceStatus.ATTENDED)
    with programme_file.session() as s:
        detail = pairing_detail(s, active, programme_id)
    assert detail.training_missing == ("Mia Mentor (mentor): Mentor training",)
