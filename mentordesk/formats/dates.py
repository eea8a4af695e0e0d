"""Dates as spreadsheets and form exports write them, read without guessing."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from mentordesk.formats.tables import CellValue

#: Day 0 of Excel's 1900 system for serials from 61 on (Excel counts a 29 February 1900).
_EPOCH_1900 = dt.date(1899, 12, 30)
#: Day 0 of the 1904 system used by old Mac workbooks.
_EPOCH_1904 = dt.date(1904, 1, 1)
_FAKE_LEAP_DAY = 60
_LAST_SERIAL_1900 = (dt.date.max - _EPOCH_1900).days
_LAST_SERIAL_1904 = (dt.date.max - _EPOCH_1904).days

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "janvier", "janv"),
            ("february", "feb", "février", "fevrier", "févr", "fevr"),
            ("march", "mar", "mars"),
            ("april", "apr", "avril", "avr"),
            ("may", "mai"),
            ("june", "jun", "juin"),
            ("july", "jul", "juillet", "juil"),
            ("august", "aug", "août", "aout"),
            ("september", "sep", "sept", "septembre"),
            ("october", "oct", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "décembre", "decembre", "déc"),
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

# A time of day may follow any date ("4/15/26 10:31:52 AM", "7/22/26, 7:02:11 PM").
_TIME = (
    r"(?:[T ,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_ISO = re.compile(rf"(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}")
_NUMERIC = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}")
_WEEKDAY = r"(?:[A-Za-zéû]+\.?,?\s+)?"
_DAY_MONTH_YEAR = re.compile(
    rf"{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+([^\W\d_]+)\.?,?\s+(\d{{4}}){_TIME}"
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_WEEKDAY}([^\W\d_]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){_TIME}"
)
#: A serial written as text (some tools export Forms dates as "46241.5").
_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")


@dataclass(frozen=True)
class ParsedDate:
    """What a cell meant as a date turned out to hold.

    Attributes:
        value: the date, or None when the cell is empty, unreadable or ambiguous.
        problem: why there is no date, in plain words for the import preview; None
            when the date was read or the cell is empty.
        ambiguous: the cell is a real date but its day and month could be either
            way round (03/04/2026), so the coordinator must say which.
    """

    value: dt.date | None
    problem: str | None = None
    ambiguous: bool = False


_EMPTY = ParsedDate(None)


def parse_date(value: CellValue, *, date_1904: bool = False) -> ParsedDate:
    """Read a date from a cell without ever guessing the order of day and month.

    Args:
        value: the cell as :func:`mentordesk.formats.reading.read_table` gives it.
        date_1904: the workbook counts serial numbers from 1904 (old Mac Excel).

    Returns:
        The date, or no date with the reason; an empty cell has neither.
    """
    if value is None or isinstance(value, bool):
        return _EMPTY if value is None else _not_a_date(str(value))
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date())
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
        year, month, day = (int(group) for group in match.groups())
        return _checked(text, year, month, day)
    if match := _NUMERIC.fullmatch(text):
        return _from_numbers(text, int(match[1]), int(match[3]), _full_year(match[4]))
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        return _from_month_name(text, int(match[1]), match[2], int(match[3]))
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        return _from_month_name(text, int(match[2]), match[1], int(match[3]))
    return _not_a_date(text)


def from_serial(serial: float, *, date_1904: bool = False) -> ParsedDate:
    """Turn an Excel serial number into a date; the time of day is dropped.

    In the 1900 system serial 1 is 1 January 1900 and serial 60 is Excel's
    29 February 1900, a day that never existed, so it is reported, not moved.

    Args:
        serial: the number in the cell.
        date_1904: count from 1 January 1904 (serial 0) instead.

    Returns:
        The date, or the reason the number is not one.
    """
    shown = f"{serial:g}"
    if not math.isfinite(serial):
        return _not_a_date(shown)
    day = int(serial)
    if date_1904:
        if not 0 <= day <= _LAST_SERIAL_1904:
            return _not_a_date(shown)
        return ParsedDate(_EPOCH_1904 + dt.timedelta(days=day))
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
    return ParsedDate(_EPOCH_1900 + dt.timedelta(days=day))


def _from_numbers(text: str, first: int, second: int, year: int) -> ParsedDate:
    """Read "a/b/year" where the order of day and month is not known.

    Day-first (most of Europe) and month-first (Microsoft Forms, US Excel) files
    both arrive; only a number above 12, or two equal numbers, settles it.
    """
    if min(first, second, year) < 1:
        return _not_a_date(text)
    if first > 12 or first == second:
        return _checked(text, year, second, first)
    if second > 12:
        return _checked(text, year, first, second)
    one = dt.date(year, second, first)
    other = dt.date(year, first, second)
    return ParsedDate(
        None,
        f"“{text}” could be {_spoken(one)} or {_spoken(other)} {year}; "
        f"write it as year-month-day, e.g. {one.isoformat()}",
        ambiguous=True,
    )


def _spoken(date: dt.date) -> str:
    return f"{date.day} {_MONTH_NAMES[date.month - 1]}"


def _from_month_name(text: str, day: int, month_name: str, year: int) -> ParsedDate:
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return _not_a_date(text)
    return _checked(text, year, month, day)


def _checked(text: str, year: int, month: int, day: int) -> ParsedDate:
    try:
        return ParsedDate(dt.date(year, month, day))
    except ValueError:
        return _not_a_date(text)


def _full_year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _not_a_date(text: str) -> ParsedDate:
    return ParsedDate(None, f"“{text}” is not a date; write it as year-month-day, e.g. 2026-04-03")
