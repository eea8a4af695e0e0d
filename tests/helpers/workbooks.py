"""Workbooks written by hand, part by part, including ones built to crash the reader.

python-calamine aborts the whole process (SIGABRT, "memory allocation of
549755813888 bytes failed") on each sheet in :data:`HOSTILE`, so they are only
ever handed to the reader in a child process; MentorDesk must refuse them first.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="{target}"/></Relationships>'
)
_SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "{dimension}<sheetData>{rows}</sheetData></worksheet>"
)


def text_cell(text: str) -> str:
    """A cell holding text, with no address (it follows the cell before it)."""
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


#: A header row, without addresses, as the first row of every sheet below.
HEADER = "<row>" + text_cell("Name") + text_cell("Email") + "</row>"
#: A row of answers, without addresses.
ANSWER = "<row>" + text_cell("Ana Silva") + text_cell("ana@example.org") + "</row>"
_WIDE_ROW = "<c><v>1</v></c>" * 16_384

#: Sheets whose cells reach XFD1048576 although no address, or no dimension, says so.
HOSTILE: dict[str, str] = {
    # A row of 16,384 cells without addresses, then one cell on the last row.
    "cells without addresses": (
        f'{HEADER}<row>{_WIDE_ROW}</row><row r="1048576"><c><v>1</v></c></row>'
    ),
    # The row before the last is addressed; the last one is not, and is 16,384 wide.
    "rows without addresses": f'{HEADER}<row r="1048575"/><row>{_WIDE_ROW}</row>',
    # The last row of the sheet, addressed, holding 16,384 cells without addresses.
    "a last row of 1,048,576": f'{HEADER}<row r="1048576">{_WIDE_ROW}</row>',
    # Addresses in lower case, which the reader accepts.
    "lower-case addresses": f'{HEADER}<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>',
    # Addresses in single quotes, which XML allows.
    "single-quoted addresses": f"{HEADER}<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
}
#: A dimension claiming the sheet is two cells, over a sheet reaching XFD1048576.
LYING_DIMENSION = ("A1:B2", HOSTILE["cells without addresses"])


def write_workbook(
    path: Path,
    rows: str,
    *,
    dimension: str | None = None,
    sheet_part: str = "xl/worksheets/sheet1.xml",
) -> Path:
    """Write an .xlsx whose one sheet, "Form1", holds ``rows`` (``<row>`` elements) as given.

    Args:
        path: where to write it.
        rows: the sheet's ``sheetData`` content, written as it is.
        dimension: a ``<dimension ref=…>`` to open the sheet with, if any.
        sheet_part: where in the archive the sheet goes (the workbook's
            relationships point there).
    """
    target = sheet_part.removeprefix("xl/")
    ref = f'<dimension ref="{dimension}"/>' if dimension else ""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(target=target))
        archive.writestr(sheet_part, _SHEET.format(dimension=ref, rows=rows))
    return path


#: A BIFF cell record's opening bytes: RK (a number), ten bytes long; LABELSST (a text).
RK_RECORD = b"\x7e\x02\x0a\x00"
LABELSST_RECORD = b"\xfd\x00\x0a\x00"
BLANK = 0x0201


def move_xls_cell(data: bytes, record: bytes, row: int, column: int, *, kind: int = 0) -> bytes:
    """An .xls workbook with its last ``record`` cell moved to (0-based) ``row`` and ``column``.

    Args:
        data: the workbook.
        record: the opening bytes of the kind of cell record to move.
        row: the new row.
        column: the new column.
        kind: a record type to turn the cell into (0: keep it).
    """
    moved = bytearray(data)
    at = moved.rfind(record)
    assert at > 0, "no such record in the workbook"
    struct.pack_into("<HH", moved, at + 4, row, column)
    if kind:
        struct.pack_into("<H", moved, at, kind)
    return bytes(moved)


def plain_workbook(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    title: str | None = None,
) -> Path:
    """Write an .xlsx with openpyxl: ``headers`` on row 1 and ``rows`` under them.

    ``title`` names the one sheet (openpyxl's "Sheet" otherwise).
    """
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title is not None:
        sheet.title = title
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path
