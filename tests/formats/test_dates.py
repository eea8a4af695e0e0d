"""parse_date: every way a date arrives, and never a guess at day-month order."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentordesk.formats.dates import ParsedDate, parse_date

EXCEL_1900 = dt.date(1899, 12, 30)
EXCEL_1904 = dt.date(1904, 1, 1)
MONTHS = "January February March April May June July August September October November December"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.date(2026, 4, 3), dt.date(2026, 4, 3)),
        (dt.datetime(2026, 4, 3, 23, 59), dt.date(2026, 4, 3)),
        (45351, dt.date(2024, 2, 29)),
        (45351.75, dt.date(2024, 2, 29)),
        ("45351", dt.date(2024, 2, 29)),
        ("46241.5", dt.date(2026, 8, 7)),
        (61, dt.date(1900, 3, 1)),
        (59, dt.date(1900, 2, 28)),
        (1, dt.date(1900, 1, 1)),
        ("2026-04-03", dt.date(2026, 4, 3)),
        ("2026-04-03T10:00", dt.date(2026, 4, 3)),
        ("2026-04-03 10:00:00", dt.date(2026, 4, 3)),
        ("2026-04-03T10:00:00+02:00", dt.date(2026, 4, 3)),
        ("3 April 2026", dt.date(2026, 4, 3)),
        ("April 3, 2026", dt.date(2026, 4, 3)),
        ("3 Apr 2026", dt.date(2026, 4, 3)),
        ("Friday, 3 April 2026", dt.date(2026, 4, 3)),
        ("3 avril 2026", dt.date(2026, 4, 3)),
        ("13/04/2026", dt.date(2026, 4, 13)),
        ("13.04.2026", dt.date(2026, 4, 13)),
        ("13-04-26", dt.date(2026, 4, 13)),
        ("04/04/2026", dt.date(2026, 4, 4)),
        ("4/15/26 10:31:52 AM", dt.date(2026, 4, 15)),
        ("15/4/26 10:31", dt.date(2026, 4, 15)),
        ("7/22/26, 7:02:11 PM", dt.date(2026, 7, 22)),
        ("  2026-04-03 ", dt.date(2026, 4, 3)),
    ],
)
def test_dates_that_read(cell: object, expected: dt.date) -> None:
    assert parse_date(cell) == ParsedDate(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", [None, "", "   "])
def test_empty_cells_are_no_date_and_no_problem(cell: str | None) -> None:
    assert parse_date(cell) == ParsedDate(None, None, False)


def test_day_and_month_both_twelve_or_less_is_ambiguous_not_guessed() -> None:
    parsed = parse_date("03/04/2026")
    assert parsed.value is None
    assert parsed.ambiguous is True
    assert parsed.problem == (
        "“03/04/2026” could be “3 April 2026” or “4 March 2026”: write it as year-month-day, "
        "“2026-04-03” or “2026-03-04”"
    )


def test_forms_style_ambiguous_date_with_time_is_flagged() -> None:
    parsed = parse_date("4/5/26 10:31:52 AM")
    assert (parsed.value, parsed.ambiguous) == (None, True)
    assert "could be “4 May 2026” or “5 April 2026”" in (parsed.problem or "")


def test_serial_60_is_excels_false_leap_day_and_flagged() -> None:
    parsed = parse_date(60)
    assert parsed.value is None
    assert parsed.ambiguous is False
    assert "29 February 1900" in (parsed.problem or "")


@pytest.mark.parametrize(
    "cell",
    [
        "31/02/2026",
        "2026-02-30",
        "13/13/2026",
        "0/5/2026",
        "hello",
        "31 Foo 2026",
        True,
        0,
        -3,
        1e9,
    ],
)
def test_not_dates_say_so(cell: object) -> None:
    parsed = parse_date(cell)  # type: ignore[arg-type]
    assert parsed.value is None
    assert parsed.ambiguous is False
    assert parsed.problem is not None
    assert "is not a date" in parsed.problem


def test_1904_serials() -> None:
    assert parse_date(0, date_1904=True).value == dt.date(1904, 1, 1)
    assert parse_date(43889, date_1904=True).value == dt.date(2024, 2, 29)
    assert parse_date(60, date_1904=True).value == dt.date(1904, 3, 1)


def test_a_date_cell_is_not_shifted_in_a_1904_workbook() -> None:
    assert parse_date(dt.date(2026, 4, 3), date_1904=True).value == dt.date(2026, 4, 3)


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31))


@given(dates)
def test_iso_dates_read_back_as_themselves(date: dt.date) -> None:
    if date.year < 1000:
        return
    assert parse_date(date.isoformat()) == ParsedDate(date)


@given(dates)
def test_serials_round_trip_in_the_1900_system(date: dt.date) -> None:
    serial = (date - EXCEL_1900).days
    if date < dt.date(1900, 3, 1):
        serial -= 1  # before Excel's false 29 February 1900
    assert serial != 60
    assert parse_date(serial) == ParsedDate(date)
    assert parse_date(serial + 0.999) == ParsedDate(date)


@given(st.dates(min_value=EXCEL_1904, max_value=dt.date(9999, 12, 31)))
def test_serials_round_trip_in_the_1904_system(date: dt.date) -> None:
    assert parse_date((date - EXCEL_1904).days, date_1904=True) == ParsedDate(date)


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_day_first_dates_with_a_day_over_twelve_read(date: dt.date) -> None:
    text = f"{date.day:02}/{date.month:02}/{date.year}"
    parsed = parse_date(text)
    if date.day > 12 or date.day == date.month:
        assert parsed == ParsedDate(date)
    else:
        assert (parsed.value, parsed.ambiguous) == (None, True)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_month_first_forms_timestamps_read_or_are_flagged(date: dt.date) -> None:
    text = f"{date.month}/{date.day}/{date.year % 100:02} 10:31:52 AM"
    parsed = parse_date(text)
    if date.day > 12 or date.day == date.month:
        assert parsed == ParsedDate(date)
    else:
        assert parsed.ambiguous


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.booleans())
def test_month_names_read_back(date: dt.date, day_first: bool) -> None:
    month = MONTHS.split()[date.month - 1]
    text = f"{date.day} {month} {date.year}" if day_first else f"{month} {date.day}, {date.year}"
    assert parse_date(text) == ParsedDate(date)
