"""The real extent of every sheet in a workbook, measured before the reader sees it.

python-calamine builds a sheet's whole rectangle of cells in memory, from the
first used cell to the farthest one, and aborts the whole process when that
rectangle cannot be allocated. The farthest cell is not always written down: a
cell without an address (``<c>`` rather than ``<c r="B7">``) sits one column
right of the cell before it, a row without one (``<row>``) one row below the
row before it, so a 5 KB sheet can reach XFD1048576. The ``<dimension>`` a
sheet opens with can say anything and is never read.

Each part of a workbook that holds sheet data is streamed from the archive in
pieces, never unpacked beyond the sizes the archive declares (which
:mod:`mentordesk.formats.safety` has already bounded):

- the usual sheet, whose every cell starts ``<c r="B7"`` as Excel, LibreOffice,
  Google Sheets and openpyxl write them, is measured with regular expressions
  over the raw bytes: the addresses alone give every cell's place;
- any other sheet (cells or rows without addresses, namespace prefixes,
  unusual spacing or quoting, another encoding) is walked with expat, placing
  each cell exactly as the reader does, and refused as soon as it goes too far.

OpenDocument's ``content.xml`` is walked the same way, counting the rows and
cells that ``number-rows-repeated`` and ``number-columns-repeated`` stand for,
since the reader builds every sheet of an .ods file as it opens it.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Generator, Iterator
from contextlib import closing
from dataclasses import dataclass
from operator import itemgetter
from xml.parsers import expat

from mentordesk.domain.errors import UnreadableFile

#: The most rows and columns a worksheet can have (Excel's and LibreOffice's limits).
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_COLUMNS = 16_384
#: Most cells a sheet may span (rows × columns from A1 to its farthest cell), about
#: 320 MB in the reader: 100,000 rows of 100 columns. One stray cell at XFD1048576
#: would ask for 17 billion.
MAX_CELLS = 10_000_000

_CHUNK = 1 << 20
#: Longest stretch from a tag's "<" to the next "<" the fast path accepts (a long
#: cell text is about 100 KB); beyond it the sheet is walked with expat.
_LONGEST_STRETCH = 1 << 20
_SHEET_DATA = (b"sheetData", "sheetData".encode("utf-16-le"), "sheetData".encode("utf-16-be"))
_NEEDLE_OVERLAP = 20
#: Encodings in which every byte below 128 is ASCII, so tags can be found in the bytes.
_ASCII_BASED = frozenset(
    {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "windows-1252"}
)
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
#: A cell's start tag: either addressed first, as spreadsheet programs write it, with
#: only the attributes they write after it (groups: column letters and row digits),
#: or anything else after "<c" (both groups empty), which sends the sheet to expat.
_CELL_START = (
    rb'<c(?: r="([A-Za-z]{1,3})(ROW)"'
    rb'(?: (?:s|cm|vm)="[0-9]{1,9}"| t="[A-Za-z]{1,12}"| ph="[A-Za-z01]{1,5}")*'
    rb"[ \t\r\n]*/?>|[ \t\r\n/>])"
)
_CELLS_EXACTLY = re.compile(_CELL_START.replace(b"(ROW)", rb"([0-9]{1,7})"))
#: The same, keeping only rows of six or seven digits: a row of five digits at most
#: is known to be below :data:`_SHORT_ROWS` without making an object of it.
_CELLS_QUICKLY = re.compile(_CELL_START.replace(b"(ROW)", rb"(?:[0-9]{1,5}|([0-9]{6,7}))"))
_SHORT_ROWS = 99_999
#: A cell's start tag with a namespace prefix (``<x:c ...>``).
_PREFIXED_CELL = re.compile(rb"<[^\s<>/]*:c[ \t\r\n/>]")
_CELL_REFERENCE = re.compile(r"([A-Za-z]+)([0-9]+)")
_ROW_REFERENCE = re.compile(r"[A-Za-z]*([0-9]+)")

#: What makes an OpenDocument cell hold a value rather than only a style.
_ODS_VALUES = frozenset(
    {
        "office:value",
        "office:string-value",
        "office:date-value",
        "office:time-value",
        "office:boolean-value",
        "office:value-type",
        "table:formula",
    }
)
_ODS_CELLS = frozenset({"table:table-cell", "table:covered-table-cell"})


class _Finished(Exception):
    """The sheet data ended; the rest of the part is not read."""


@dataclass
class _Extent:
    """How far a sheet reaches: its farthest row and column (1-based), and its cells."""

    rows: int = 0
    columns: int = 0
    cells: int = 0


def check_extents(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook with a sheet whose cells would make the reader fill a vast rectangle.

    Every part holding sheet data is checked, wherever the workbook's
    relationships put it, and so is an OpenDocument ``content.xml``.

    Args:
        name: the file's name, for messages.
        archive: the workbook, already checked for its declared sizes.

    Raises:
        UnreadableFile: a sheet reaches too far, holds too many cells, or is
            written in a way the check cannot follow; the message says what to do.
    """
    for entry in archive.infolist():
        if entry.is_dir():
            continue
        if entry.filename == "content.xml":
            _OdsWalk(name).run(archive, entry)
            continue
        extent = _part_extent(name, archive, entry)
        if extent is not None:
            _judge(name, extent)


def farthest_cell(name: str, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> tuple[int, int]:
    """Find where the reader will put a worksheet's farthest cell.

    Args:
        name: the file's name, for messages.
        archive: the workbook.
        entry: one worksheet part of it.

    Returns:
        The (1-based) row and column; (0, 0) for a sheet without cells.

    Raises:
        UnreadableFile: the sheet goes beyond the limits (the walk stops there) or
            cannot be followed.
    """
    extent = _part_extent(name, archive, entry, exact=True) or _Extent()
    return extent.rows, extent.columns


def _part_extent(
    name: str, archive: zipfile.ZipFile, entry: zipfile.ZipInfo, *, exact: bool = False
) -> _Extent | None:
    """How far a part holding sheet data reaches; None for a part without any.

    Every sheet mentions ``sheetData`` (in UTF-8 or UTF-16); a worksheet does so
    in its first piece, which the quick measure then goes on from, so the part
    is unpacked once. A part that mentions it only further on is read again, and
    so is a sheet of fewer than 100,000 rows but more than 100 columns, whose
    rows the quick measure only bounds (``exact`` counts them at once).
    """
    extent: _Extent | None = None
    with closing(_chunks(archive, entry)) as chunks:
        head = next(chunks, b"")
        at_start = _mentions_sheet_data(head)
        if at_start:
            extent = _fast_extent(head, chunks, exact=exact)
        elif not _mentioned_further_on(head, chunks):
            return None
    bounded_too_far = (
        extent is not None
        and extent.rows == _SHORT_ROWS
        and extent.rows * extent.columns > MAX_CELLS
        and not exact
    )
    if not at_start or bounded_too_far:
        with closing(_chunks(archive, entry)) as chunks:
            extent = _fast_extent(next(chunks, b""), chunks, exact=True)
    return extent if extent is not None else _SheetWalk(name).run(archive, entry)


def _mentioned_further_on(head: bytes, rest: Iterator[bytes]) -> bool:
    tail = head[-_NEEDLE_OVERLAP:]
    for chunk in rest:
        if _mentions_sheet_data(tail + chunk):
            return True
        tail = chunk[-_NEEDLE_OVERLAP:]
    return False


def _mentions_sheet_data(data: bytes) -> bool:
    return any(needle in data for needle in _SHEET_DATA)


def refuse_if_too_large(name: str, rows: int, columns: int, cells: int) -> None:
    """Refuse a sheet whose farthest cell or number of cells is beyond what can be read safely.

    Args:
        name: the file's name, for the message.
        rows: the row (1-based) of the sheet's farthest cell.
        columns: the column (1-based) of the sheet's farthest cell.
        cells: how many cells the sheet holds.

    Raises:
        UnreadableFile: the sheet reaches beyond Excel's last row or column, spans
            more than :data:`MAX_CELLS` from A1, or holds more than that many cells.
    """
    _judge(name, _Extent(rows, columns, cells))


def _judge(name: str, extent: _Extent) -> None:
    rows, columns = extent.rows, extent.columns
    if rows > MAX_SHEET_ROWS or columns > MAX_SHEET_COLUMNS or rows * columns > MAX_CELLS:
        raise UnreadableFile(
            f"“{name}” has a sheet whose cells reach row {rows:,} and column {columns:,}, too "
            "large to read safely. Delete the empty rows and columns beyond the table (or copy "
            "the table into a new workbook), save, and import again."
        )
    if extent.cells > MAX_CELLS:
        raise UnreadableFile(
            f"“{name}” has a sheet of more than {MAX_CELLS:,} cells, too many to read safely. "
            "Copy the table alone into a new workbook, save, and import that."
        )


def _unreadable(name: str) -> UnreadableFile:
    return UnreadableFile(
        f"“{name}” has a sheet MentorDesk cannot read safely: its cells are not written the way "
        "spreadsheet programs write them. Open it in Excel or LibreOffice, save a copy as "
        ".xlsx, and import the copy."
    )


def _chunks(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> Generator[bytes, None, None]:
    with archive.open(entry) as part:
        while chunk := part.read(_CHUNK):
            yield chunk


class _Unusual(Exception):
    """The sheet is not written the usual way; it is walked with expat instead."""


def _fast_extent(head: bytes, rest: Iterator[bytes], *, exact: bool) -> _Extent | None:
    """Measure a sheet written the usual way from its cells' addresses; None if it is not.

    Every "<c" followed by a space, a line break, "/" or ">" is a cell's start
    tag or looks like one. Each must be of the usual form, ``<c r="B7"`` first
    and then only the attributes spreadsheet programs write; otherwise (or if
    a cell has a namespace prefix, or the part is not in an ASCII-based
    encoding) the sheet is left to :class:`_SheetWalk`. Unless ``exact``, rows
    below 100,000 are counted as :data:`_SHORT_ROWS`, an upper bound.
    """
    if not _ascii_based(head):
        return None
    cells_start = _CELLS_EXACTLY if exact else _CELLS_QUICKLY
    letters: set[bytes] = set()
    digits: set[bytes] = set()
    cells = 0
    try:
        for piece in _whole_tags(itertools.chain((head,), rest)):
            if b":c" in piece and _PREFIXED_CELL.search(piece):
                return None
            found = cells_start.findall(piece)
            cells += len(found)
            letters.update(map(itemgetter(0), found))
            digits.update(map(itemgetter(1), found))
    except _Unusual:
        return None
    if b"" in letters:
        return None
    rows = max((int(text) for text in digits if text), default=0)
    if b"" in digits:
        rows = max(rows, _SHORT_ROWS)
    columns = max((_column_number(text) for text in letters), default=0)
    return _Extent(rows=rows, columns=columns, cells=cells)


def _whole_tags(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The text in pieces that each end just before a "<", so no tag is split in two.

    Raises:
        _Unusual: a stretch without any "<" is far longer than a cell's text can be.
    """
    tail = b""
    for chunk in chunks:
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut < 0:
            tail = b""
            continue
        yield data[:cut]
        tail = data[cut:]
        if len(tail) > _LONGEST_STRETCH:
            raise _Unusual
    yield tail


def _ascii_based(head: bytes) -> bool:
    """Whether a part's bytes are ASCII wherever its markup is (UTF-8, Latin-1…)."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        return False
    declared = _DECLARED_ENCODING.match(head)
    return declared is None or declared.group(1).decode("ascii").lower() in _ASCII_BASED


def _column_number(letters: bytes | str) -> int:
    number = 0
    for letter in letters.upper() if isinstance(letters, str) else letters.upper().decode():
        number = number * 26 + ord(letter) - 64
    return number


class _Walk:
    """Follow a part through expat, keeping the farthest cell and refusing early."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.extent = _Extent()

    def reach(self, rows: int, columns: int) -> None:
        """Note a cell at (1-based) row and column, refusing as soon as it is too far."""
        extent = self.extent
        extent.cells += 1
        if rows > extent.rows or columns > extent.columns:
            extent.rows = max(extent.rows, rows)
            extent.columns = max(extent.columns, columns)
            _judge(self.name, extent)
        elif extent.cells > MAX_CELLS:
            _judge(self.name, extent)

    def run(self, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> _Extent:
        """Parse the part, calling :meth:`start` and :meth:`end` for every element."""
        parser = expat.ParserCreate()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.StartDoctypeDeclHandler = self.doctype
        try:
            with closing(_chunks(archive, entry)) as chunks:
                for chunk in chunks:
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except _Finished:
            pass
        except expat.ExpatError:
            raise _unreadable(self.name) from None
        return self.extent

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """An element opens."""

    def end(self, tag: str) -> None:
        """An element closes."""

    def doctype(self, *_declaration: object) -> None:
        """A document type declaration, which real spreadsheets never have."""
        raise _unreadable(self.name)


class _SheetWalk(_Walk):
    """Place each cell of an .xlsx sheet exactly as python-calamine does.

    Within ``sheetData``: a ``row`` with ``r`` moves to that row; the end of a
    row moves one row down and back to the first column; a ``c`` with ``r`` is
    where its address says (and the next cell without one follows it), a ``c``
    without one is at the current row and column, and moves one column right.
    Elements are known by their local names, whatever their prefix.
    """

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.in_data = False
        self.row = 0
        self.column = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """A row or a cell opens: note where the reader will put it."""
        local = tag.rpartition(":")[2]
        if not self.in_data:
            self.in_data = local == "sheetData"
        elif local == "c":
            address = attributes.get("r")
            if address is None:
                row = self.row
            else:
                found = _CELL_REFERENCE.fullmatch(address)
                if found is None or int(found.group(2)) < 1:
                    raise _unreadable(self.name)
                row = int(found.group(2)) - 1
                self.column = _column_number(found.group(1)) - 1
            self.reach(row + 1, self.column + 1)
            self.column += 1
        elif local == "row":
            address = attributes.get("r")
            if address is not None:
                found = _ROW_REFERENCE.fullmatch(address)
                if found is None or int(found.group(1)) < 1:
                    raise _unreadable(self.name)
                self.row = int(found.group(1)) - 1

    def end(self, tag: str) -> None:
        """A row ends (one row down), or the sheet data does (the rest is not read)."""
        if not self.in_data:
            return
        local = tag.rpartition(":")[2]
        if local == "row":
            self.row += 1
            self.column = 0
        elif local == "sheetData":
            raise _Finished


class _OdsWalk(_Walk):
    """Count an OpenDocument spreadsheet's cells as python-calamine lays them out.

    The reader keeps each row's cells up to its last one with a value (empty
    cells before a later cell included, each repeated as often as it says),
    then lays the rows out from the first with a value to the last, each
    repeated as often as it says, in a rectangle as wide as the widest.
    Every sheet is laid out when the file is opened, so the cells of all of
    them count together.
    """

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.rows_before = 0  # rows of this table so far, repeats counted
        self.bottom = 0  # row (1-based) after which this table has no value
        self.width = 0
        self.row_repeats = 1
        self.column = 0
        self.row_width = 0
        self.pending = 0  # empty cells kept only if a later cell follows
        self.kept = 0  # cells of every table's rows, as the reader keeps them
        self.total = 0  # the rectangles of the tables finished so far

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """A table, row or cell opens."""
        if tag in _ODS_CELLS:
            repeats = self.count(attributes.get("table:number-columns-repeated"))
            self.kept += self.pending
            self.pending = 0
            if _ODS_VALUES.isdisjoint(attributes):
                self.pending = repeats
            else:
                self.kept += repeats
                self.row_width = self.column + repeats
            self.column += repeats
            if self.kept > MAX_CELLS:
                _judge(self.name, _Extent(cells=self.kept))
        elif tag == "table:table-row":
            self.row_repeats = self.count(attributes.get("table:number-rows-repeated"))
            self.column = self.row_width = self.pending = 0
        elif tag == "table:table":
            self.rows_before = self.bottom = self.width = 0

    def end(self, tag: str) -> None:
        """A row ends (its extent counts if it holds a value), or a table does."""
        if tag == "table:table-row":
            self.rows_before += self.row_repeats
            if self.row_width:
                self.bottom = self.rows_before
                self.width = max(self.width, self.row_width)
                self.reach_table()
        elif tag == "table:table":
            self.total += self.bottom * self.width
            self.rows_before = self.bottom = self.width = 0

    def reach_table(self) -> None:
        """Refuse as soon as this table's rectangle, or all of them, is too large."""
        extent = _Extent(rows=self.bottom, columns=self.width)
        _judge(self.name, extent)
        together = self.total + self.bottom * self.width
        if together > MAX_CELLS:
            _judge(self.name, _Extent(cells=together))

    def count(self, text: str | None) -> int:
        """A repeat count as written, 1 when absent."""
        if text is None:
            return 1
        if not text.isascii() or not text.isdigit() or int(text) < 1:
            raise _unreadable(self.name)
        return int(text)
