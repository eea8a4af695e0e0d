"""A table read from a spreadsheet or CSV file, as every importer sees it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: What one cell can hold once read: text, a number, a truth value, a date or a
#: date and time (when the file said the cell is a date), or nothing.
CellValue = str | int | float | bool | dt.date | dt.datetime | None


def column_letters(index: int) -> str:
    """Letters for the 0-based ``index`` as Excel names columns: A to Z, then AA, AB and on.

    Also the names of circles (Circle A, Circle B, …), so that both count alike.
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True)
class SheetTable:
    """A header row and the data rows under it, from one sheet of one file.

    Attributes:
        source: the file's name (no folder), for messages such as "row 12 of x.xlsx".
        sheet: the sheet's name ("" for a CSV file).
        header_row: the sheet row number (1-based) the headers were found on.
        headers: the column titles, stripped, with line breaks folded to spaces.
        rows: the data rows, each exactly ``len(headers)`` cells long; wholly empty
            rows are left out.
        row_numbers: the sheet row number (1-based) of each data row, for messages.
        date_1904: whether the workbook counts dates from 1904 (old Mac Excel), so
            a plain number meant as a date must be read in that system.
        notices: things the coordinator should know about how the file was read
            (for example, that a CSV file was not UTF-8), in plain words.
    """

    source: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    row_numbers: tuple[int, ...]
    date_1904: bool = False
    notices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.rows) != len(self.row_numbers):
            raise ValueError("every row needs its row number")
        width = len(self.headers)
        if any(len(row) != width for row in self.rows):
            raise ValueError("every row must be as wide as the header")


def cell_text(value: CellValue) -> str:
    """A cell as text, as the importers read it and the import dialog shows it.

    Nothing is "", a truth value "Yes" or "No", a whole number has no ".0", a
    date or date and time is in ISO form (with a space before the time), and
    text is trimmed.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
