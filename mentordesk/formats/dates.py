"""Dates as spreadsheets and form exports write them, read without guessing.

The date kept is the date written: a time zone after a time ("GMT+1", "UTC",
"Z", "+01:00") is read and set aside, never used to move the time to another
zone, since what matters is the day as the applicant saw it when they answered.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from mentordesk.formats.tables import CellValue

#: Day 0 of Excel's 1900 system for serials from 61 on (Excel counts a 29 February 1900).
_EPOCH_1900 = dt.date(1899, 12, 30)
#: Day 0 of the 1904 system used by old Mac workbooks.
_EPOCH_1904 = dt.date(1904, 1, 1)
_FAKE_LEAP_DAY = 60
_LAST_SERIAL_1900 = (dt.date.max - _EPOCH_1900).days
_LAST_SERIAL_1904 = (dt.date.max - _EPOCH_1904).days
_SECONDS_A_DAY = 86_400

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "janvier", "janv", "januar", "jänner", "jaenner", "jän"),
            ("february", "feb", "février", "fevrier", "févr", "fevr", "februar"),
            ("march", "mar", "mars", "märz", "maerz", "mär", "mrz"),
            ("april", "apr", "avril", "avr"),
            ("may", "mai"),
            ("june", "jun", "juin", "juni"),
            ("july", "jul", "juillet", "juil", "juli"),
            ("august", "aug", "août", "aout"),
            ("september", "sep", "sept", "septembre"),
            ("october", "oct", "octobre", "oktober", "okt"),
            ("november", "nov", "novembre"),
            ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

#: A time zone after a time, read and set aside: "GMT+1", "GMT-05:00", "UTC", "Z", "+0100".
_ZONE = r"(?:\s*(?:(?i:GMT|UTC)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|Z|[+-]\d{2}(?::?\d{2})?))?"
# A time of day may follow any date ("4/15/26 10:31:52 AM", "7/22/26, 7:02:11 PM",
# "2026/03/14 10:22:13 AM GMT+1", "2026-04-03T10:00:00+02:00", "14.03.2026 um 10:22 Uhr").
_TIME = (
    r"(?:(?:[T ,]+|\s+(?:à|at|um)\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
    rf"\s*(?P<half>[AaPp]\.?[Mm]\.?)?(?:\s*Uhr)?{_ZONE})?"
)
_ISO = re.compile(rf"(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}")
_NUMERIC = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}")
_WEEKDAY = r"(?:[^\W\d_]+\.?,?\s+)?"
_DAY_MONTH_YEAR = re.compile(
    rf"{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+([^\W\d_]+)\.?,?\s+(\d{{4}}){_TIME}"
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_WEEKDAY}([^\W\d_]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){_TIME}"
)
#: Excel's "14-Mar-26" and "14-Mar-2026", as a CSV file keeps them.
_DAY_MONTH_DASHED = re.compile(rf"(\d{{1,2}})-([^\W\d_]+)\.?-(\d{{4}}|\d{{2}}){_TIME}")
#: A serial written as text (some tools export Forms dates as "46241.5").
_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")


class DayOrder(enum.StrEnum):
    """Which number comes first in a date written with numbers only (03/04/2026)."""

    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"


@dataclass(frozen=True)
class ParsedDate:
    """What a cell meant as a date turned out to hold.

    Attributes:
        value: the date, or None when the cell is empty, unreadable or ambiguous.
        problem: why there is no date, in plain words for the import preview; None
            when the date was read or the cell is empty.
        ambiguous: the cell is a real date but its day and month could be either
            way round (03/04/2026), so the coordinator must say which.
        at: the date and time of day, as written (no time zone), when the cell
            had a time; it tells a newer answer from an older one. Two readings of
            the same day compare equal whatever their times.
    """

    value: dt.date | None
    problem: str | None = None
    ambiguous: bool = False
    at: dt.datetime | None = field(default=None, compare=False)


_EMPTY = ParsedDate(None)


def parse_date(
    value: CellValue, *, date_1904: bool = False, order: DayOrder | None = None
) -> ParsedDate:
    """Read a date from a cell without ever guessing the order of day and month.

    Reads date cells, Excel serial numbers (as numbers or as text), ISO dates,
    dates with numbers in either order (Google Forms' "14/03/2026 10:22:13",
    Microsoft Forms' "4/15/26 10:31:52 AM"), Google Forms' own
    "2026/03/14 10:22:13 AM GMT+1", and dates with the month's name in English,
    French or German ("3 April 2026", "April 3, 2026", "3 avril 2026",
    "14. März 2026"). A time of day is kept in :attr:`ParsedDate.at`; a time
    zone after it is set aside, so the date is the one written (the day as the
    applicant saw it), never moved to another zone.

    Args:
        value: the cell as :func:`mentordesk.formats.reading.read_table` gives it.
        date_1904: the workbook counts serial numbers from 1904 (old Mac Excel).
        order: the order the cell's column writes day and month in (see
            :func:`day_order`); a date such as 03/04/2026 is read in that order.
            None leaves such a date unread and flagged as ambiguous. A date that
            settles the order itself (13/04/2026) is read its own way.

    Returns:
        The date, or no date with the reason; an empty cell has neither.
    """
    if value is None or isinstance(value, bool):
        return _EMPTY if value is None else _not_a_date(str(value))
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), at=value.replace(tzinfo=None))
    if isinstance(value, dt.date):
        return ParsedDate(value)
    if isinstance(value, int | float):
        return from_serial(value, date_1904=date_1904)
    text = value.strip()
    if not text:
        return _EMPTY
    if _SERIAL_TEXT.fullmatch(text):
        return from_serial(float(text), date_1904=date_1904)
    if match := _ISO.fullmatch(text):
        return _dated(text, match, int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.fullmatch(text):
        return _from_numbers(text, match, order)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        return _from_month_name(text, match, int(match[1]), match[2], int(match[3]))
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        return _from_month_name(text, match, int(match[2]), match[1], int(match[3]))
    if match := _DAY_MONTH_DASHED.fullmatch(text):
        year = _full_year(match[3])
        return _from_month_name(text, match, int(match[1]), match[2], year)
    return _not_a_date(text)


def day_order(values: Iterable[CellValue]) -> DayOrder | None:
    """Work out from a whole column which order its dates written in numbers use.

    A row settles the order when one of its first two numbers is above 12 and
    the other is not (13/04/2026 is day-first, 4/13/2026 month-first).

    Args:
        values: every cell of one column.

    Returns:
        DAY_FIRST when at least one row settles it day-first and none
        month-first; MONTH_FIRST the other way round; None when no row settles
        it or rows disagree (then its ambiguous dates are refused).
    """
    day_first = month_first = False
    for value in values:
        if not isinstance(value, str) or not value[:1].isdigit():
            continue
        match = _NUMERIC.fullmatch(value.strip())
        if match is None:
            continue
        first, second = int(match[1]), int(match[3])
        if 12 < first <= 31 and 1 <= second <= 12:
            day_first = True
        elif 12 < second <= 31 and 1 <= first <= 12:
            month_first = True
        else:
            continue
        if day_first and month_first:
            return None
    if day_first:
        return DayOrder.DAY_FIRST
    return DayOrder.MONTH_FIRST if month_first else None


def from_serial(serial: float, *, date_1904: bool = False) -> ParsedDate:
    """Turn an Excel serial number into a date, and its fraction into a time of day.

    In the 1900 system serial 1 is 1 January 1900 and serial 60 is Excel's
    29 February 1900, a day that never existed, so it is reported, not moved.

    Args:
        serial: the number in the cell.
        date_1904: count from 1 January 1904 (serial 0) instead.

    Returns:
        The date (with :attr:`ParsedDate.at` when the number has a fraction of
        a day), or the reason the number is not one.
    """
    shown = f"{serial:g}"
    if not math.isfinite(serial):
        return _not_a_date(shown)
    day = int(serial)
    if date_1904:
        if not 0 <= day <= _LAST_SERIAL_1904:
            return _not_a_date(shown)
        return _with_time(_EPOCH_1904 + dt.timedelta(days=day), serial - day)
    if not 1 <= day <= _LAST_SERIAL_1900:
        return _not_a_date(shown)
    if day == _FAKE_LEAP_DAY:
        return ParsedDate(
            None,
            f"“{shown}” is Excel's 29 February 1900, a day that never existed; "
            "type the date you meant",
        )
    if day < _FAKE_LEAP_DAY:
        day += 1  # before Excel's false leap day, serials run one day ahead of the calendar
    return _with_time(_EPOCH_1900 + dt.timedelta(days=day), serial - int(serial))


def _with_time(date: dt.date, fraction: float) -> ParsedDate:
    if not fraction:
        return ParsedDate(date)
    # A fraction that rounds up to midnight stays on its day, as the date does.
    seconds = min(round(fraction * _SECONDS_A_DAY), _SECONDS_A_DAY - 1)
    return ParsedDate(date, at=dt.datetime.combine(date, dt.time()) + dt.timedelta(0, seconds))


def _from_numbers(text: str, match: re.Match[str], order: DayOrder | None) -> ParsedDate:
    """Read "a/b/year" where the order of day and month may not be known.

    Day-first (most of Europe) and month-first (Microsoft Forms, US Excel) files
    both arrive; only a number above 12, two equal numbers, or the order the
    rest of the column settles (``order``) decide it.
    """
    first, second, year = int(match[1]), int(match[3]), _full_year(match[4])
    if min(first, second, year) < 1:
        return _not_a_date(text)
    if first > 12 or first == second or (second <= 12 and order is DayOrder.DAY_FIRST):
        return _dated(text, match, year, second, first)
    if second > 12 or order is DayOrder.MONTH_FIRST:
        return _dated(text, match, year, first, second)
    one = dt.date(year, second, first)
    other = dt.date(year, first, second)
    # Every part that changes from cell to cell is quoted, so that the same problem of
    # many rows reads alike; the example to write assumes neither order.
    return ParsedDate(
        None,
        f"“{text}” could be “{_spoken(one)}” or “{_spoken(other)}”: write it as "
        f"year-month-day, “{one.isoformat()}” or “{other.isoformat()}”",
        ambiguous=True,
    )


def _spoken(date: dt.date) -> str:
    return f"{date.day} {_MONTH_NAMES[date.month - 1]} {date.year}"


def _from_month_name(
    text: str, match: re.Match[str], day: int, month_name: str, year: int
) -> ParsedDate:
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return _not_a_date(text)
    return _dated(text, match, year, month, day)


def _dated(text: str, match: re.Match[str], year: int, month: int, day: int) -> ParsedDate:
    """The date, and the time of day when the text has one; not a date if either is impossible."""
    try:
        date = dt.date(year, month, day)
        if match["hour"] is None:
            return ParsedDate(date)
        return ParsedDate(date, at=dt.datetime.combine(date, _time_of(match)))
    except ValueError:
        return _not_a_date(text)


def _time_of(match: re.Match[str]) -> dt.time:
    """The time a match holds; ValueError for an impossible one (25:00, 13:00 PM)."""
    hour = int(match["hour"])
    half = match["half"]
    if half is not None:
        if not 1 <= hour <= 12:
            raise ValueError(hour)
        hour = hour % 12 + (12 if half[0] in "Pp" else 0)
    fraction = match["fraction"] or ""
    return dt.time(
        hour,
        int(match["minute"]),
        int(match["second"] or 0),
        int(fraction[:6].ljust(6, "0")) if fraction else 0,
    )


def _full_year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _not_a_date(text: str) -> ParsedDate:
    return ParsedDate(None, f"“{text}” is not a date; write it as year-month-day, e.g. 2026-04-03")
