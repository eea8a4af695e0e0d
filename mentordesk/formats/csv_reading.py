"""CSV text as Excel, Microsoft Forms, Google Forms and Teams write it: encoding and separator."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.safety import utf16_order
from mentordesk.formats.tables import CellValue
from mentordesk.formats.text import clean_text

#: The separators a spreadsheet program writes; anything else is not looked for.
SEPARATORS = ",;\t"
_SNIFF_CHARS = 64 * 1024
#: How much of a file's start tells UTF-16 without a byte order mark.
_HEAD_BYTES = 8192
_CHUNK_BYTES = 1 << 18


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
    encoding, notices = _encoding(data[:_HEAD_BYTES], (data,), name)
    if encoding == "utf-8-sig":
        return data[3:].decode("utf-8", errors="replace"), encoding, notices
    # cp1252 leaves five bytes undefined; they become "�" rather than failing the import.
    return data.decode(encoding, errors="replace"), encoding, notices


def _encoding(head: bytes, chunks: Iterable[bytes], name: str) -> tuple[str, tuple[str, ...]]:
    """The encoding of a file that starts with ``head`` and is made of ``chunks``, and notices."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", ()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", ()
    order = utf16_order(head)
    if order is not None:
        return order, ()
    if _is_utf8(chunks):
        return "utf-8", ()
    notice = (
        f"“{name}” is not in UTF-8, so it was read as Windows-1252 (Western European). "
        "Check accented letters in names; if they look wrong, save the file from Excel as "
        "“CSV UTF-8” and import it again."
    )
    return "cp1252", (notice,)


def _is_utf8(chunks: Iterable[bytes]) -> bool:
    """Whether the bytes are UTF-8 throughout, checked piece by piece (nothing is kept)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks:
            decoder.decode(chunk)
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


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
    "007" a number is for the importer to decide per column. The file is read
    as it is needed, a line at a time, so its text is never held whole beside
    the rows made of it.

    Args:
        path: the file.

    Returns:
        The rows (lazily, one per record of the file) and notices about the reading.
    """
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES)
        stream.seek(0)
        encoding, notices = _encoding(head, iter(lambda: stream.read(_CHUNK_BYTES), b""), path.name)
    return _cells(path, encoding), notices


def _cells(path: Path, encoding: str) -> Iterator[list[CellValue]]:
    # cp1252 leaves five bytes undefined; they become "\ufffd" rather than failing the import.
    with path.open(encoding=encoding, errors="replace", newline="") as stream:
        separator = sniff_separator(stream.read(_SNIFF_CHARS))
        stream.seek(0)
        reader = csv.reader(stream, delimiter=separator)
        try:
            for row in reader:
                # Plain ASCII only needs trimming; clean_text does the rest.
                yield [
                    (value.strip() if value.isascii() else clean_text(value)) or None
                    for value in row
                ]
        except csv.Error:
            raise UnreadableFile(
                f"“{path.name}” is not a well-formed CSV file (around line {reader.line_num}): "
                "a quote may be left open, or a cell is far too long. Open it in Excel, save it "
                "again as CSV or .xlsx, and import that."
            ) from None
