"""The real extent of every sheet of an old Excel (.xls) workbook, before the reader sees it.

An .xls file is a compound file (a small file system of 512- or 4096-byte
sectors) holding a "Workbook" stream of BIFF records. Each cell record gives
its row and column as two 16-bit numbers, so a 6 KB file can place one cell at
row 65,536 and column 65,536, and python-calamine, which builds every sheet's
whole rectangle as it opens the file, aborts the process asking for 137 GB.

This module follows the compound file's allocation tables to the workbook
stream, then, from where each sheet's records start (as the workbook's
BOUNDSHEET records say, which is where the reader starts too), reads the
positions of the cell records the reader turns into cells. Empty (BLANK)
cells are not counted: the reader leaves them out.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from mentordesk.formats.sheet_extent import MAX_CELLS, refuse_if_too_large

_SECTOR_SHIFTS = (9, 12)
_MINI_SECTOR = 64
_LAST_REGULAR_SECTOR = 0xFFFFFFFA
_STREAM = 2
_ROOT = 5
_WORKBOOK_STREAMS = frozenset({"workbook", "book"})

_EOF = 0x000A
_BOUNDSHEET = 0x0085
_FILEPASS = 0x002F
_CONTINUE = 0x003C
_MULRK = 0x00BD
#: Records that hold one cell, its row and column first: FORMULA (BIFF2 to 8), NUMBER,
#: LABEL, BOOLERR, RK, LABELSST, RSTRING, and BIFF2's INTEGER, NUMBER, LABEL, BOOLERR.
_CELL_RECORDS = frozenset(
    {0x0006, 0x0206, 0x0406, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6, 0x0002, 0x0003}
    | {0x0004, 0x0005}
)


class Damaged(Exception):
    """The compound file or its records do not hold together."""


class Protected(Exception):
    """The workbook is encrypted (it has a FILEPASS record)."""


def check_xls_extents(name: str, data: bytes) -> None:
    """Refuse an .xls workbook with a sheet reaching too far for the reader to lay out.

    Args:
        name: the file's name, for messages.
        data: the whole file (its size is already bounded).

    Raises:
        UnreadableFile: a sheet reaches too far or holds too many cells.
        Damaged: the file is not a well-formed compound file of BIFF records.
        Protected: the workbook is encrypted.
    """
    for stream in _workbook_streams(data):
        for sheet in _sheet_starts(stream):
            rows, columns, cells = _sheet_reach(stream, sheet)
            refuse_if_too_large(name, rows, columns, cells)


# The compound file ----------------------------------------------------------------------


def _workbook_streams(data: bytes) -> Iterator[bytes]:
    """Every stream called Workbook or Book (any case), wherever it sits in the directory."""
    if len(data) < 512:
        raise Damaged
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in _SECTOR_SHIFTS or 1 << mini_shift != _MINI_SECTOR:
        raise Damaged
    size = 1 << shift
    fat_sectors, first_directory = struct.unpack_from("<II", data, 44)
    cutoff, first_mini_fat, _, first_difat, difat_sectors = struct.unpack_from("<5I", data, 56)
    count = max(len(data) // size - 1, 0)

    def sector(number: int) -> bytes:
        if number >= count:
            raise Damaged
        return data[(number + 1) * size : (number + 2) * size]

    listed = list(_numbers(data[76:512]))
    number = first_difat
    for _ in range(min(difat_sectors, count)):
        if number > _LAST_REGULAR_SECTOR:
            break
        *more, number = _numbers(sector(number))
        listed += more
    fat = [n for part in listed[:fat_sectors] for n in _numbers(sector(part))]

    def chain(start: int, table: list[int]) -> Iterator[int]:
        number = start
        for _ in range(len(table) + 1):
            if number > _LAST_REGULAR_SECTOR:
                return
            if number >= len(table):
                raise Damaged
            yield number
            number = table[number]
        raise Damaged  # the chain loops

    directory = b"".join(sector(n) for n in chain(first_directory, fat))
    entries = [directory[at : at + 128] for at in range(0, len(directory) - 127, 128)]
    if not entries or entries[0][66] != _ROOT:
        raise Damaged
    root_start, root_size = struct.unpack_from("<II", entries[0], 116)
    mini_stream = b"".join(sector(n) for n in chain(root_start, fat))[:root_size]
    mini_fat = [n for part in chain(first_mini_fat, fat) for n in _numbers(sector(part))]

    def mini_sector(number: int) -> bytes:
        if (number + 1) * _MINI_SECTOR > len(mini_stream):
            raise Damaged
        return mini_stream[number * _MINI_SECTOR : (number + 1) * _MINI_SECTOR]

    for entry in entries:
        length = min(struct.unpack_from("<H", entry, 64)[0], 64)
        title = entry[: max(length - 2, 0)].decode("utf-16-le", errors="replace")
        if entry[66] != _STREAM or title.lower() not in _WORKBOOK_STREAMS:
            continue
        start, stream_size = struct.unpack_from("<II", entry, 116)
        if stream_size < cutoff:
            stream = b"".join(mini_sector(n) for n in chain(start, mini_fat))
        else:
            stream = b"".join(sector(n) for n in chain(start, fat))
        yield stream[:stream_size]


def _numbers(data: bytes) -> tuple[int, ...]:
    """Little-endian 32-bit sector numbers."""
    return struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])


# The BIFF records -----------------------------------------------------------------------


def _records(stream: bytes, start: int) -> Iterator[tuple[int, int, bytes]]:
    """The records from ``start`` on: where each ends, its kind and its data.

    The CONTINUE records after a record are joined to it.
    """
    at = start
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + length]
        at += 4 + length
        while at + 4 <= len(stream) and struct.unpack_from("<H", stream, at)[0] == _CONTINUE:
            more = struct.unpack_from("<H", stream, at + 2)[0]
            body += stream[at + 4 : at + 4 + more]
            at += 4 + more
        yield at, kind, body


def _sheet_starts(stream: bytes) -> set[int]:
    """Where sheets' records may begin.

    The workbook's BOUNDSHEET records say where each sheet begins, and the
    reader starts there; every place just after an EOF record is taken too, in
    case a sheet follows that no BOUNDSHEET names.
    """
    starts = set()
    for end, kind, body in _records(stream, 0):
        if kind == _FILEPASS:
            raise Protected
        if kind == _BOUNDSHEET and len(body) >= 4:
            starts.add(struct.unpack_from("<I", body)[0])
        elif kind == _EOF:
            starts.add(end)
    return starts


def _sheet_reach(stream: bytes, start: int) -> tuple[int, int, int]:
    """The farthest row and column (1-based) of a sheet's cells, and how many there are."""
    rows = columns = cells = 0
    for _, kind, body in _records(stream, start):
        if kind == _EOF:
            break
        if kind in _CELL_RECORDS and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            cells += 1
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            count = (len(body) - 6) // 6
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            column = max(first + max(count - 1, 0), last)
            cells += count
        else:
            continue
        rows, columns = max(rows, row + 1), max(columns, column + 1)
        if cells > MAX_CELLS:
            break
    return rows, columns, cells
