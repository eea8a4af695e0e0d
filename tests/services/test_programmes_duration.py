"""A programme's duration gives a pairing that starts its review and end dates."""

from __future__ import annotations

import datetime as dt

import pytest

from mentordesk.domain.enums import PairingStatus
from mentordesk.services.pairings import (
    PairingInput,
    StatusChange,
    add_pairing,
    change_status,
    get_pairing,
)
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import (
    add_months,
    create_programme,
    edit_programme,
    get_programme,
    programme_settings,
)
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


def _started(
    programme_file: ProgrammeFile,
    strand_id: int,
    add_someone: AddSomeone,
    day: dt.date,
    **fields: dt.date,
) -> tuple[dt.date | None, dt.date | None]:
    with programme_file.session() as s:
        mentor, mentee = add_someone(s), add_someone(s)
        pairing_id = add_pairing(
            s,
            PairingInput(strand_id, mentor, [mentee], status=PairingStatus.INTRODUCED, **fields),  # type: ignore[arg-type]
        )
        change_status(s, [pairing_id], StatusChange(PairingStatus.ACTIVE, day))
        pairing = get_pairing(s, pairing_id)
        return pairing.review_on, pairing.ended_on


def _duration(programme_file: ProgrammeFile, programme_id: int, months: int | None) -> None:
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.duration_months = months
        edit_programme(s, programme_id, settings)


def test_a_pairing_that_starts_is_reviewed_halfway_and_ends_with_the_duration(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    _duration(programme_file, programme_id, 11)
    started = _started(programme_file, strands["Fellows"], add_someone, dt.date(2027, 1, 31))
    assert started == (dt.date(2027, 6, 30), dt.date(2027, 12, 31))

    # A change of duration applies to pairings that start after it.
    _duration(programme_file, programme_id, 6)
    later = _started(programme_file, strands["Fellows"], add_someone, dt.date(2027, 3, 1))
    assert later == (dt.date(2027, 6, 1), dt.date(2027, 9, 1))


def test_dates_set_by_hand_stay_and_without_a_duration_none_are_made_up(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    review = dt.date(2027, 4, 1)
    _duration(programme_file, programme_id, 12)
    kept = _started(
        programme_file, strands["Fellows"], add_someone, dt.date(2027, 1, 15), review_on=review
    )
    assert kept == (review, dt.date(2028, 1, 15))
    _duration(programme_file, programme_id, None)
    assert _started(programme_file, strands["Fellows"], add_someone, dt.date(2027, 1, 15)) == (
        None,
        None,
    )


def test_months_are_added_within_the_month() -> None:
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 11, 15), 14) == dt.date(2028, 1, 15)
    assert add_months(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)


@pytest.mark.parametrize(
    ("ends", "months", "expected"),
    [
        (None, 11, dt.date(2027, 12, 31)),  # the start plus the duration, within the month
        (dt.date(2027, 10, 15), 11, dt.date(2027, 10, 15)),  # an end given stays
        (None, None, None),  # no duration: no end made up
    ],
)
def test_a_new_programme_with_a_start_and_a_duration_ends_the_duration_later(
    programme_file: ProgrammeFile,
    ends: dt.date | None,
    months: int | None,
    expected: dt.date | None,
) -> None:
    data = TEMPLATES["blank"].input("Pilot")
    data.starts_on, data.ends_on, data.duration_months = dt.date(2027, 1, 31), ends, months
    with programme_file.session() as s:
        assert get_programme(s, create_programme(s, data)).ends_on == expected
    data.name, data.starts_on = "No start", None
    with programme_file.session() as s:
        assert get_programme(s, create_programme(s, data)).ends_on == ends
