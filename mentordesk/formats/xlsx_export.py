"""Writing tables to .xlsx workbooks that are safe to open and pleasant to read."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from mentordesk.formats.files import check_folder, write_atomically
from mentordesk.formats.tables import CellValue

#: First characters that make a spreadsheet treat text as a formula (OWASP ASVS 1.2.10,
#: CWE-1236, plus CR): such text is written as a string cell with a quote prefix.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Widest a column is made, in characters; longer text wraps in Excel's own way.
MAX_COLUMN_WIDTH = 60
MIN_COLUMN_WIDTH = 6
#: Rows looked at to size the columns; the rest of a long sheet looks the same.
WIDTH_SAMPLE_ROWS = 2000
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet


@functools.cache
def _openpyxl() -> SimpleNamespace:
    """Openpyxl's parts, imported on the first export rather than when MentorDesk starts."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    return SimpleNamespace(
        Workbook=Workbook,
        WriteOnlyCell=WriteOnlyCell,
        Cell=Cell,
        illegal=ILLEGAL_CHARACTERS_RE,
        column_letter=get_column_letter,
        header_font=Font(bold=True),
        header_fill=PatternFill("solid", fgColor="DDEBF7"),
        header_border=Border(bottom=Side(style="thin", color="8EA9DB")),
        header_alignment=Alignment(vertical="top", wrap_text=True),
    )


@dataclass(frozen=True)
class SheetData:
    """One sheet to write: its name, column titles and rows of plain values.

    Attributes:
        name: the sheet's tab name (shortened and cleaned to what Excel accepts).
        headers: the column titles.
        rows: the data rows; each as long as ``headers`` (shorter rows are padded).
    """

    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[CellValue]]


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could run ``text`` as a formula if it were typed in."""
    return text.startswith(FORMULA_TRIGGERS)


def write_table(path: Path, sheets: list[SheetData]) -> None:
    """Write sheets to an .xlsx file, replacing it only once the workbook is complete.

    Each sheet gets a bold, shaded header row that stays in view, an autofilter over
    the data, real date cells and column widths fitted to the content. Text that a
    spreadsheet could run as a formula is always stored as text.

    Args:
        path: where the workbook goes; an existing file there is replaced.
        sheets: the sheets, in order; at least one.

    Raises:
        ExportFailed: the file could not be written (no folder, no space, no
            permission, open in another program); nothing partial is left.
    """
    path = Path(path)
    check_folder(path)
    with _scratch_files_beside(path):
        workbook: Any = _openpyxl().Workbook(write_only=True)
        used_names: set[str] = set()
        try:
            for sheet in sheets or [SheetData("Sheet1", [], [])]:
                name = _sheet_name(sheet.name, used_names)
                _write_sheet(workbook.create_sheet(name), sheet)
            write_atomically(path, workbook.save)
        finally:
            # A workbook abandoned half-written keeps its sheets' writers open, and
            # their scratch files; close them whatever happened.
            for worksheet in workbook.worksheets:
                with contextlib.suppress(Exception):
                    worksheet.close()


_SCRATCH = threading.Lock()


@contextlib.contextmanager
def _scratch_files_beside(path: Path) -> Iterator[None]:
    """Keep openpyxl's scratch copies of the sheets in the export's own folder.

    openpyxl writes each sheet to a temporary file before zipping it. Left in the
    system's temporary folder, that would be personal data in plain text where
    the coordinator never asked for it; beside the export it is where they did,
    and it is deleted when the workbook is saved.
    """
    folder = path.parent if path.parent.is_dir() else None
    with _SCRATCH:
        previous, tempfile.tempdir = tempfile.tempdir, str(folder) if folder else None
        try:
            yield
        finally:
            tempfile.tempdir = previous


def _sheet_name(wanted: str, used: set[str]) -> str:
    base = _SHEET_NAME_FORBIDDEN.sub(" ", wanted).strip().strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _write_sheet(sheet: WriteOnlyWorksheet, data: SheetData) -> None:
    ox = _openpyxl()
    width = len(data.headers)
    rows = [_pad(row, width) for row in data.rows]
    for index, chars in enumerate(_column_widths(data.headers, rows), start=1):
        sheet.column_dimensions[ox.column_letter(index)].width = chars
    if width:
        sheet.freeze_panes = "A2"
        last = f"{ox.column_letter(width)}{len(rows) + 1}"
        sheet.auto_filter.ref = f"A1:{last}"
    header_cells = []
    for title in data.headers:
        cell = _cell(sheet, title)
        if not isinstance(cell, ox.Cell):
            cell = ox.WriteOnlyCell(sheet, cell)
        cell.font = ox.header_font
        cell.fill = ox.header_fill
        cell.border = ox.header_border
        cell.alignment = ox.header_alignment
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


def _pad(row: Sequence[CellValue], width: int) -> Sequence[CellValue]:
    if len(row) == width:
        return row
    return [*row[:width], *[None] * (width - len(row))]


def _cell(sheet: WriteOnlyWorksheet, value: CellValue) -> CellValue | Cell:
    if isinstance(value, str):
        text = _openpyxl().illegal.sub("", value)
        if not text:
            return None  # an empty cell, not an empty string: Excel's "(Blanks)" filter finds it
        if is_formula_like(text):
            # Assigning "=..." makes openpyxl store a formula; forcing the type keeps
            # it an inline string, and the quote prefix keeps it text if edited.
            cell = _openpyxl().WriteOnlyCell(sheet, text)
            cell.data_type = "s"
            cell.quotePrefix = True
            return cell
        return text
    if isinstance(value, dt.datetime):
        # Excel has no time zones: an aware time is written as its own wall-clock time.
        cell = _openpyxl().WriteOnlyCell(sheet, value.replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    return value


def _column_widths(headers: Sequence[str], rows: Sequence[Sequence[CellValue]]) -> list[float]:
    widths = [len(title) + 2 for title in headers]  # room for the filter button
    for row in rows[:WIDTH_SAMPLE_ROWS]:
        for index, value in enumerate(row):
            if value is None:
                continue
            chars = _display_length(value)
            if chars > widths[index]:
                widths[index] = chars
    return [float(min(max(w + 1, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH)) for w in widths]


def _display_length(value: CellValue) -> int:
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    return len(str(value))
