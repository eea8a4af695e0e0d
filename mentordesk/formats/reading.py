"""Read the table on one sheet of an Excel, OpenDocument or CSV file into a SheetTable."""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException
from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.csv_reading import read_text_rows
from mentordesk.formats.safety import MAX_ROWS, Container, classify, damaged, protected
from mentordesk.formats.tables import CellValue, SheetTable, column_letters
from mentordesk.formats.text import clean_text

#: How far down a sheet the header row is looked for (titles and notes sit above it).
HEADER_SEARCH_ROWS = 30

_RawCell = int | float | str | bool | dt.time | dt.date | dt.datetime | dt.timedelta | None
_Merge = tuple[tuple[int, int], tuple[int, int]]
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def require_rows(table: SheetTable) -> SheetTable:
    """Refuse a table that has a header row but no rows under it (or only blank ones).

    An import of such a table would write nothing but an entry saying so; every
    importer asks this first, so the programme file is left untouched.

    Args:
        table: the table as :func:`read_table` read it.

    Returns:
        The same table, when it has at least one row.

    Raises:
        UnreadableFile: the table has no rows; the message names the file and sheet.
    """
    if table.rows:
        return table
    where = f"Sheet “{table.sheet}” of “{table.source}”" if table.sheet else f"“{table.source}”"
    raise UnreadableFile(
        f"{where} has a header row but no rows of answers under it, so there is nothing "
        "to import. Check that this is the right file"
        + (" and sheet" if table.sheet else "")
        + ", and that the answers were saved in it."
    )


def list_sheets(path: Path) -> list[str]:
    """Name the worksheets of a workbook, in workbook order; a CSV file has one named "".

    Args:
        path: the file to look into.

    Returns:
        The worksheet names (chart sheets left out).

    Raises:
        UnreadableFile: the file cannot be imported; the message says why.
    """
    if classify(path) is Container.TEXT:
        return [""]
    with _open_workbook(path) as workbook:
        return [
            meta.name for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet
        ]


def read_table(path: Path, *, sheet: str | None = None) -> SheetTable:
    """Read the table on one sheet: find its header row, then every data row under it.

    Formulas are never evaluated: a formula cell holds the value Excel saved
    with it, or nothing when the file was written by a program that does not
    calculate. Macros in .xlsm files are never run.

    Args:
        path: an .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt file.
        sheet: the worksheet to read; None reads the first visible one (and is
            the only choice for a CSV file).

    Returns:
        The headers and rows, with their real sheet row numbers.

    Raises:
        UnreadableFile: the file or sheet cannot be read, has no header row, or
            has more than 100,000 data rows; the message says which.
    """
    container = classify(path)
    if container is Container.TEXT:
        rows, notices = read_text_rows(path)
        return _tabulate(path.name, "", enumerate(rows, start=1), [], None, notices=notices)
    date_1904 = container is Container.ZIP and _uses_1904_dates(path)
    with _open_workbook(path) as workbook:
        name = _choose_sheet(path.name, workbook, sheet)
        try:
            found = workbook.get_sheet_by_name(name)
            # iter_rows starts at the sheet's first row but at its first used column.
            first_column = found.start[1] if found.start else 0
            merges = [
                ((top, left - first_column), (bottom, right - first_column))
                for (top, left), (bottom, right) in found.merged_cell_ranges or []
            ]
            cells = ([_cell(value) for value in raw] for raw in found.iter_rows())
            return _tabulate(
                path.name,
                name,
                enumerate(cells, start=1),
                merges,
                first_column,
                date_1904=date_1904,
            )
        except CalamineError as exc:
            raise _damaged(path.name, exc) from None


def _open_workbook(path: Path) -> CalamineWorkbook:
    """Open a checked workbook by its content, so a misnamed .xls/.xlsx still opens."""
    try:
        with path.open("rb") as stream:
            return CalamineWorkbook.from_filelike(stream)
    except PasswordError:
        raise protected(path.name) from None
    except (CalamineError, OSError) as exc:
        raise _damaged(path.name, exc) from None


def _damaged(name: str, exc: Exception) -> UnreadableFile:
    del exc  # the parser's wording means nothing to a coordinator
    return damaged(name)


def _choose_sheet(source: str, workbook: CalamineWorkbook, wanted: str | None) -> str:
    sheets = [meta for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
    if wanted is not None:
        if any(meta.name == wanted for meta in sheets):
            return wanted
        raise UnreadableFile(
            f"“{source}” has no sheet called “{wanted}”; it has "
            + ", ".join(f"“{meta.name}”" for meta in sheets)
            + "."
        )
    visible = [meta for meta in sheets if meta.visible == SheetVisibleEnum.Visible] or sheets
    if not visible:
        raise UnreadableFile(f"“{source}” has no worksheets, only charts.")
    return visible[0].name


def _uses_1904_dates(path: Path) -> bool:
    """Whether an .xlsx counts dates from 1904 (``workbookPr date1904``), as old Mac Excel did."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return False
            with archive.open("xl/workbook.xml") as part:
                root = SafeElementTree.parse(part).getroot()
    except (zipfile.BadZipFile, SafeElementTree.ParseError, DefusedXmlException):
        return False
    properties = root.find(f"{_MAIN_NS}workbookPr")
    if properties is None:
        return False
    return properties.get("date1904", "").lower() in {"1", "true"}


def _cell(value: _RawCell) -> CellValue:
    """Turn what the parser gives into a cell: text cleaned, whole numbers as int."""
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


def _tabulate(
    source: str,
    sheet: str,
    numbered_rows: Iterator[tuple[int, list[CellValue]]],
    merges: Sequence[_Merge],
    first_column: int | None,
    *,
    date_1904: bool = False,
    notices: tuple[str, ...] = (),
) -> SheetTable:
    """Find the header row among the first rows, then collect the data rows under it."""
    opening = list(itertools.islice(numbered_rows, HEADER_SEARCH_ROWS + 1))
    found = _find_header(opening, merges)
    if found is None:
        where = f"sheet “{sheet}” of “{source}”" if sheet else f"“{source}”"
        if not any(_filled(cells) for _, cells in opening):
            raise UnreadableFile(f"{where} is empty.")
        raise UnreadableFile(
            f"No header row found in {where}: MentorDesk looks in the first "
            f"{HEADER_SEARCH_ROWS} rows for a row of column titles (at least two, mostly "
            "text). Add a row of titles above the data."
        )
    header_index, headers = found
    rest = itertools.chain(opening[header_index + 1 :], numbered_rows)
    rows: list[tuple[CellValue, ...]] = []
    row_numbers: list[int] = []
    width = len(headers)
    extra_width = width
    for number, cells in rest:
        if not _filled(cells):
            continue
        if len(rows) == MAX_ROWS:
            total = MAX_ROWS + 1 + sum(1 for _, more in rest if _filled(more))
            raise UnreadableFile(
                f"“{source}” has {total:,} rows; MentorDesk imports at most {MAX_ROWS:,} at "
                "a time — split the file."
            )
        if len(cells) > width:
            extra_width = max(extra_width, _last_filled(cells) + 1)
        rows.append(tuple(cells))
        row_numbers.append(number)
    # A column with data but no title is kept (as "Column N") rather than dropped unseen.
    headers = _unique([*headers, *[""] * (extra_width - width)], first_column)
    return SheetTable(
        source=source,
        sheet=sheet,
        header_row=opening[header_index][0],
        headers=tuple(headers),
        rows=tuple(_fit(row, extra_width) for row in rows),
        row_numbers=tuple(row_numbers),
        date_1904=date_1904,
        notices=notices,
    )


def _filled(cells: Iterable[CellValue]) -> bool:
    return any(value is not None for value in cells)


def _last_filled(cells: Sequence[CellValue]) -> int:
    return max((i for i, value in enumerate(cells) if value is not None), default=-1)


def _fit(row: tuple[CellValue, ...], width: int) -> tuple[CellValue, ...]:
    if len(row) == width:
        return row
    if len(row) > width:
        return row[:width]
    return row + (None,) * (width - len(row))


def _is_header(cells: Sequence[CellValue]) -> bool:
    """A header row has at least two titles, and more than half of its cells are text."""
    filled = [value for value in cells if value is not None]
    texts = sum(1 for value in filled if isinstance(value, str))
    return len(filled) >= 2 and texts * 2 > len(filled)


def _find_header(
    opening: list[tuple[int, list[CellValue]]], merges: Sequence[_Merge]
) -> tuple[int, list[str]] | None:
    """Return the index (in ``opening``) of the header row and its titles, or None.

    A header of two rows (group titles merged across columns above the column
    titles) is read as one: the lower row's titles, and the group's title where
    the lower row has none.
    """
    for index, (number, cells) in enumerate(opening[:HEADER_SEARCH_ROWS]):
        if not _is_header(cells):
            continue
        titles = _titles(cells, [m for m in merges if m[0][0] == number - 1 and m[1][1] > m[0][1]])
        if index + 1 < len(opening):
            below_number, below = opening[index + 1]
            if below_number == number + 1 and _continues_header(number - 1, cells, below, merges):
                lower = [_title(value) for value in below]
                width = max(len(titles), len(lower))
                titles = [
                    (lower[c] if c < len(lower) and lower[c] else "")
                    or (titles[c] if c < len(titles) else "")
                    for c in range(width)
                ]
                return index + 1, _trimmed(titles)
        return index, _trimmed(titles)
    return None


def _continues_header(
    row_index: int, cells: list[CellValue], below: list[CellValue], merges: Sequence[_Merge]
) -> bool:
    """Whether ``below`` holds column titles under group titles merged across ``cells``.

    It does when every cell of ``below`` is text and sits under a merged group
    title or under an empty header cell, and at least one sits under a group.
    """
    spanned: set[int] = set()
    for (top, left), (bottom, right) in merges:
        if right > left and top <= row_index <= bottom:
            spanned.update(range(left, right + 1))
    if not spanned:
        return False
    under_group = False
    for column, value in enumerate(below):
        if value is None:
            continue
        if not isinstance(value, str):
            return False
        if column in spanned:
            under_group = True
        elif column < len(cells) and cells[column] is not None:
            return False
    return under_group


def _titles(cells: Sequence[CellValue], row_merges: Sequence[_Merge]) -> list[str]:
    """Turn header cells into titles, repeating a merged title over the columns it spans."""
    titles = [_title(value) for value in cells]
    for (_, left), (_, right) in row_merges:
        if left < len(titles) and titles[left]:
            for column in range(left + 1, min(right + 1, len(titles))):
                titles[column] = titles[column] or titles[left]
    return titles


def _title(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _trimmed(titles: list[str]) -> list[str]:
    """Drop untitled columns at the right end (data under them comes back as "Column N")."""
    end = len(titles)
    while end and not titles[end - 1]:
        end -= 1
    return titles[:end]


def _unique(titles: Sequence[str], first_column: int | None) -> list[str]:
    """Name untitled columns and number repeats: "Email", "Email (2)".

    An untitled column is called by its letter in a workbook ("Column F", as
    Excel shows it) and by its position in a CSV file ("Column 6").
    """
    seen: set[str] = set()
    unique: list[str] = []
    for column, title in enumerate(titles):
        if title:
            base = title
        elif first_column is None:
            base = f"Column {column + 1}"
        else:
            base = f"Column {column_letters(first_column + column)}"
        candidate, count = base, 1
        while candidate.lower() in seen:
            count += 1
            candidate = f"{base} ({count})"
        seen.add(candidate.lower())
        unique.append(candidate)
    return unique
