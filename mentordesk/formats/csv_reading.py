"""CSV text as Excel, Microsoft Forms, Google Forms and Teams write it: encoding and separator."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.safety import utf16_order
from mentordesk.formats.tables import CellValue
from mentordesk.formats.text import clean_text

#: The separators a spreadsheet program writes; anything else is not looked for.
SEPARATORS = ",;\t"
_SNIFF_CHARS = 64 * 1024


def decode(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode a CSV file's bytes, choosing the encoding from its content.

    UTF-8 (with or without a byte order mark) and UTF-16 (with a byte order
    mark, or little/big endian detected by its NUL bytes, as Teams writes it)
    are read as such. Anything else is read as Windows-1252, the Western
    European encoding Excel uses for "CSV (Comma delimited)" on Windows, with a
    notice, since accented letters may then be wrong.

    Args:
        data: the whole file.
        name: the file's name, for the notice.

    Returns:
        The text, the encoding used, and notices for the coordinator.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", ()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16", ()
    order = utf16_order(data[:8192])
    if order is not None:
        return data.decode(order, errors="replace"), order, ()
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    notice = (
        f"“{name}” is not in UTF-8, so it was read as Windows-1252 (Western European). "
        "Check accented letters in names; if they look wrong, save the file from Excel as "
        "“CSV UTF-8” and import it again."
    )
    # cp1252 leaves five bytes undefined; they become "�" rather than failing the import.
    text = data.decode("cp1252", errors="replace")
    return text, "cp1252", (notice,)


def sniff_separator(text: str) -> str:
    """Choose comma, semicolon or tab as the separator of CSV text (comma when unsure).

    Args:
        text: the beginning of the file.

    Returns:
        The separator.
    """
    sample = text[:_SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=SEPARATORS).delimiter
    except csv.Error:
        pass
    first_line = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {separator: first_line.count(separator) for separator in SEPARATORS}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def read_text_rows(path: Path) -> tuple[Iterator[list[CellValue]], tuple[str, ...]]:
    """Read a CSV file's rows as cells: text cleaned, empty text as None.

    The file has passed :func:`mentordesk.formats.safety.check_importable`,
    which bounds its size. Every cell stays text: whether "03/04" is a date or
    "007" a number is for the importer to decide per column.

    Args:
        path: the file.

    Returns:
        The rows (lazily, one per line of the file) and notices about the reading.
    """
    text, _encoding, notices = decode(path.read_bytes(), path.name)
    return _cells(text, path.name), notices


def _cells(text: str, name: str) -> Iterator[list[CellValue]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(text))
    try:
        for row in reader:
            yield [clean_text(value) or None for value in row]
    except csv.Error:
        raise UnreadableFile(
            f"“{name}” is not a well-formed CSV file (around line {reader.line_num}): a "
            "quote may be left open, or a cell is far too long. Open it in Excel, save it "
            "again as CSV or .xlsx, and import that."
        ) from None
