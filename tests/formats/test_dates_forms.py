"""parse_date and day_order on dates as Google Forms, Microsoft Forms and Excel write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentordesk.formats.dates import DayOrder, ParsedDate, day_order, parse_date

D, T = dt.date, dt.datetime


@pytest.mark.parametrize(
    ("cell", "day", "at"),
    [
        # Google Forms' own CSV download, and its sheet in a day-first and a US locale.
        ("2026/03/14 10:22:13 AM GMT+1", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026/03/14 1:02:03 PM GMT+1", D(2026, 3, 14), T(2026, 3, 14, 13, 2, 3)),
        ("2026/03/14 12:05:00 AM GMT-3", D(2026, 3, 14), T(2026, 3, 14, 0, 5)),
        ("2026/03/14 12:05:00 PM GMT+5:30", D(2026, 3, 14), T(2026, 3, 14, 12, 5)),
        ("14/03/2026 10:22:13", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("3/14/2026 10:22:13 GMT-05:00", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026-03-14 10:22:13 GMT+01:00", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026-03-14 10:22:13 GMT", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026-03-14 10:22:13 UTC", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026-03-14 10:22:13 utc+2", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026-03-14T10:22:13Z", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026-03-14T10:22:13.25+01:00", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13, 250000)),
        ("2026-03-14 10:22:13 +0100", D(2026, 3, 14), T(2026, 3, 14, 10, 22, 13)),
        ("2026-03-14 10:22 -05", D(2026, 3, 14), T(2026, 3, 14, 10, 22)),
        # Microsoft Forms' local times and Teams' attendance times.
        ("4/15/26 10:31:52 AM", D(2026, 4, 15), T(2026, 4, 15, 10, 31, 52)),
        ("4/15/26 10:31:52 p.m.", D(2026, 4, 15), T(2026, 4, 15, 22, 31, 52)),
        ("7/22/26, 7:02:11 PM", D(2026, 7, 22), T(2026, 7, 22, 19, 2, 11)),
        # Day-first European dates with a time, and a time after a month's name.
        ("14.03.2026 10:22", D(2026, 3, 14), T(2026, 3, 14, 10, 22)),
        ("14.03.2026 um 10:22 Uhr", D(2026, 3, 14), T(2026, 3, 14, 10, 22)),
        ("14 mars 2026 à 10:22", D(2026, 3, 14), T(2026, 3, 14, 10, 22)),
        ("March 14, 2026 10:22 AM", D(2026, 3, 14), T(2026, 3, 14, 10, 22)),
        # Dates without a time have no moment.
        ("2026-03-14", D(2026, 3, 14), None),
        ("14/03/2026", D(2026, 3, 14), None),
    ],
)
def test_form_timestamps_give_the_date_and_time_written(
    cell: str, day: dt.date, at: dt.datetime | None
) -> None:
    parsed = parse_date(cell)
    assert (parsed.value, parsed.at, parsed.problem, parsed.ambiguous) == (day, at, None, False)


def test_a_time_zone_never_moves_the_date_written() -> None:
    # 23:30 five hours behind Greenwich is already the 15th there; the applicant's day is kept.
    late = parse_date("2026/03/14 11:30:00 PM GMT-5")
    assert (late.value, late.at) == (D(2026, 3, 14), T(2026, 3, 14, 23, 30))
    early = parse_date("2026-03-15T00:30:00+02:00")
    assert (early.value, early.at) == (D(2026, 3, 15), T(2026, 3, 15, 0, 30))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("14. März 2026", D(2026, 3, 14)),
        ("14. Maerz 2026", D(2026, 3, 14)),
        ("14. Mrz. 2026", D(2026, 3, 14)),
        ("Samstag, 14. März 2026", D(2026, 3, 14)),
        ("1. Januar 2026", D(2026, 1, 1)),
        ("2. Jänner 2026", D(2026, 1, 2)),
        ("3. Februar 2026", D(2026, 2, 3)),
        ("5. Mai 2026", D(2026, 5, 5)),
        ("6. Juni 2026", D(2026, 6, 6)),
        ("7. Juli 2026", D(2026, 7, 7)),
        ("8. Oktober 2026", D(2026, 10, 8)),
        ("9. Okt. 2026", D(2026, 10, 9)),
        ("24. Dezember 2026", D(2026, 12, 24)),
        ("24 Dez 2026", D(2026, 12, 24)),
        ("1er avril 2026", D(2026, 4, 1)),
        ("samedi 14 mars 2026", D(2026, 3, 14)),
        ("14 février 2026", D(2026, 2, 14)),
        ("Saturday, 14 March 2026", D(2026, 3, 14)),
        ("14-Mar-26", D(2026, 3, 14)),
        ("14-Mar-2026", D(2026, 3, 14)),
        # "März" with its umlaut written as two characters (a + combining diaeresis).
        ("14. Ma\u0308rz 2026", D(2026, 3, 14)),
    ],
)
def test_day_and_month_name_in_english_french_and_german(cell: str, expected: dt.date) -> None:
    assert parse_date(cell) == ParsedDate(expected)


@pytest.mark.parametrize(
    "cell",
    [
        "2026-03-14 25:00",
        "2026-03-14 10:61",
        "3/14/2026 13:00 PM",
        "3/14/2026 0:30 PM",
        "31. Februar 2026",
        "14. Märzen 2026",
        "14-Foo-26",
    ],
)
def test_impossible_dates_and_times_are_not_dates(cell: str) -> None:
    parsed = parse_date(cell)
    assert (parsed.value, parsed.at, parsed.ambiguous) == (None, None, False)
    assert parsed.problem == f"“{cell}” is not a date; write it as year-month-day, e.g. 2026-04-03"


def test_cells_that_hold_a_time_keep_it_and_dates_alone_do_not() -> None:
    assert parse_date(T(2026, 3, 14, 10, 22, 13)).at == T(2026, 3, 14, 10, 22, 13)
    aware = T(2026, 3, 14, 10, 22, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert parse_date(aware).at == T(2026, 3, 14, 10, 22)
    assert parse_date(D(2026, 3, 14)).at is None
    # Excel serials: the fraction of a day is the time.
    assert parse_date(46095.5).at == T(2026, 3, 14, 12, 0)
    assert parse_date("46095.75").at == T(2026, 3, 14, 18, 0)
    assert parse_date(46095).at is None
    assert parse_date(46095.9999999).at == T(2026, 3, 14, 23, 59, 59)
    assert parse_date(44633.25, date_1904=True).at == T(2026, 3, 14, 6, 0)


def test_the_time_is_not_part_of_comparing_two_readings() -> None:
    assert parse_date("2026-03-14 10:00") == parse_date("2026-03-14 18:00")
    assert parse_date("2026-03-14 10:00") != parse_date("2026-03-15 10:00")


def test_an_order_reads_ambiguous_dates_that_way() -> None:
    assert parse_date("03/04/2026", order=DayOrder.DAY_FIRST).value == D(2026, 4, 3)
    assert parse_date("03/04/2026", order=DayOrder.MONTH_FIRST).value == D(2026, 3, 4)
    forms = parse_date("4/5/26 10:31:52 AM", order=DayOrder.MONTH_FIRST)
    assert (forms.value, forms.at) == (D(2026, 4, 5), T(2026, 4, 5, 10, 31, 52))
    assert parse_date("03.04.2026", order=DayOrder.DAY_FIRST).value == D(2026, 4, 3)


def test_a_date_that_settles_its_own_order_is_read_its_own_way() -> None:
    assert parse_date("13/04/2026", order=DayOrder.MONTH_FIRST).value == D(2026, 4, 13)
    assert parse_date("4/13/2026", order=DayOrder.DAY_FIRST).value == D(2026, 4, 13)


def test_an_order_does_not_make_an_impossible_date_possible() -> None:
    parsed = parse_date("02/31/2026", order=DayOrder.DAY_FIRST)
    assert parsed.value is None
    assert "is not a date" in (parsed.problem or "")


def test_without_an_order_ambiguous_dates_are_refused_as_before() -> None:
    parsed = parse_date("03/04/2026 10:22:13")
    assert (parsed.value, parsed.at, parsed.ambiguous) == (None, None, True)
    assert "could be “3 April 2026” or “4 March 2026”" in (parsed.problem or "")


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (["03/04/2026", "14/03/2026 10:22:13", None, "02/05/2026"], DayOrder.DAY_FIRST),
        (["13.04.2026", "03.04.2026"], DayOrder.DAY_FIRST),
        (["4/5/26 10:31:52 AM", "4/15/26 10:31:52 AM"], DayOrder.MONTH_FIRST),
        (["3/14/2026 10:22:13 GMT-05:00", "3/4/2026 10:22:13 GMT-05:00"], DayOrder.MONTH_FIRST),
        # Nothing settles it: every date could be either way, or is written another way.
        (["03/04/2026", "05/06/2026", "07/07/2026"], None),
        (["2026-03-14", "2026/03/14 10:22:13 AM GMT+1", D(2026, 3, 14), 46095], None),
        ([None, "", "not a date", "Mentor"], None),
        ([], None),
        # Rows disagree: the order is not known, and ambiguous dates stay refused.
        (["14/03/2026", "3/14/2026", "03/04/2026"], None),
    ],
)
def test_day_order_of_a_column(column: list[object], expected: DayOrder | None) -> None:
    assert day_order(column) == expected  # type: ignore[arg-type]


def test_day_order_reads_a_column_once_from_any_iterable() -> None:
    column = (f"{day:02}/03/2026" for day in range(1, 29))
    assert day_order(column) is DayOrder.DAY_FIRST


def test_day_order_ignores_numbers_too_large_to_be_a_day() -> None:
    assert day_order(["45/03/2026", "03/04/2026"]) is None
    assert day_order(["13/13/2026"]) is None


def test_day_order_then_parse_date_reads_a_whole_day_first_column() -> None:
    column = ["14/03/2026 10:22:13", "03/04/2026 09:00:00", "01/02/2026 18:30:00"]
    order = day_order(column)
    read = [parse_date(cell, order=order) for cell in column]
    assert [p.value for p in read] == [D(2026, 3, 14), D(2026, 4, 3), D(2026, 2, 1)]
    assert [p.at for p in read] == [
        T(2026, 3, 14, 10, 22, 13),
        T(2026, 4, 3, 9),
        T(2026, 2, 1, 18, 30),
    ]


days = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@given(st.lists(days, min_size=1, max_size=30), st.booleans())
def test_a_column_with_one_settling_date_is_read_whole(column: list[dt.date], first: bool) -> None:
    settling = D(2026, 3, 14)  # its day is above 12, so it settles the order
    dates = [settling, *column]
    if first:
        cells = [f"{d.day:02}/{d.month:02}/{d.year}" for d in dates]
        expected_order = DayOrder.DAY_FIRST
    else:
        cells = [f"{d.month}/{d.day}/{d.year % 100:02} 10:31:52 AM" for d in dates]
        expected_order = DayOrder.MONTH_FIRST
    assert day_order(cells) is expected_order
    assert [parse_date(c, order=expected_order).value for c in cells] == dates
