"""Checks that a file offered for import is a spreadsheet safe to hand to a parser."""

from __future__ import annotations

import enum
import re
import struct
import zipfile
import zlib
from pathlib import Path

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.sheet_extent import check_extents
from mentordesk.formats.xls_extent import Damaged, Protected, check_xls_extents

#: Most data rows one import reads; more is refused before the rows become Python objects.
MAX_ROWS = 100_000
#: Largest total a workbook's parts may expand to, and largest CSV file.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: Largest compression ratio allowed for a part bigger than ``RATIO_FLOOR_BYTES``.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
#: Most parts a workbook may hold (a real one has a few dozen).
MAX_ENTRIES = 10_000
#: How much of an XML part is read to find its root element (the prolog comes first).
_PROLOG_BYTES = 64 * 1024

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream name an encrypted Office document stores its real content under.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})

_ROOT_ELEMENT = re.compile(r"<[A-Za-z_]")
_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class Container(enum.Enum):
    """What a file turned out to be once its first bytes were looked at."""

    ZIP = "zip"  # .xlsx, .xlsm or .ods
    CFB = "cfb"  # legacy .xls
    TEXT = "text"  # .csv and friends


def check_importable(path: Path) -> None:
    """Refuse a file that is missing, empty, not a spreadsheet, encrypted or hostile.

    Nothing is extracted to disk: the checks read the first bytes, a zip's
    directory of declared sizes, the opening of each XML part, and each sheet's
    cells as they stream out of the archive, to find how far the sheet really
    reaches (:mod:`mentordesk.formats.sheet_extent`).

    Args:
        path: the file the coordinator chose.

    Raises:
        UnreadableFile: the message says what is wrong with the file and what to do.
    """
    classify(path)


def classify(path: Path) -> Container:
    """Check the file as :func:`check_importable` does and say what kind of container it is.

    The kind comes from the file's first bytes, not its name, so an .xlsx saved
    with an .xls name is still read as what it is.

    Args:
        path: the file the coordinator chose.

    Returns:
        The container, so the reader picks the right parser.

    Raises:
        UnreadableFile: the message says what is wrong with the file and what to do.
    """
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES | TEXT_SUFFIXES:
        raise UnreadableFile(
            f"“{name}” is not a file MentorDesk can import. Save it from Excel as .xlsx "
            "or as .csv, then import that."
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8192)
    except FileNotFoundError:
        raise UnreadableFile(
            f"There is no file “{name}” in {path.parent}. Check its name, or whether it "
            "was moved or renamed."
        ) from None
    except IsADirectoryError:
        raise UnreadableFile(f"“{name}” is a folder, not a file.") from None
    except OSError as exc:
        raise UnreadableFile(
            f"“{name}” cannot be opened ({exc.strerror or exc}). Close it in Excel or copy it "
            "to your computer, then try again."
        ) from None
    if size == 0:
        raise UnreadableFile(
            f"“{name}” is empty (0 bytes). It may not have finished downloading or saving; "
            "fetch it again."
        )
    if suffix in TEXT_SUFFIXES:
        _check_text(name, head, size)
        return Container.TEXT
    if size > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            f"“{name}” is {size // (1024 * 1024)} MB; MentorDesk imports files up to "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB. Split the file."
        )
    if head.startswith(CFB_MAGIC):
        _check_cfb(path, suffix)
        return Container.CFB
    if head.startswith(ZIP_MAGIC):
        _check_zip(path, suffix)
        return Container.ZIP
    raise UnreadableFile(f"“{name}” is {_describe(head)}, not a spreadsheet. {_save_as_xlsx()}")


def _save_as_xlsx() -> str:
    return "Open it in the program that made it and save it as an Excel workbook (.xlsx) or CSV."


def _describe(head: bytes) -> str:
    """Name what a file with these first bytes probably is, for a message."""
    start = head.lstrip()[:512].lower()
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if start.startswith((b"<!doctype html", b"<html")) or b"<table" in start:
        return "a web page (HTML) with a spreadsheet's name"
    if start.startswith(b"<?xml"):
        return "an XML file"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return "a compressed archive"
    if _looks_like_text(head):
        return "a plain text file (perhaps a CSV file renamed)"
    return "not in any spreadsheet format"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or utf16_order(head):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return controls <= len(head) // 100


def utf16_order(head: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" when BOM-less text looks like UTF-16, else None.

    Mostly-Latin UTF-16 has a NUL in every other byte: odd positions for little
    endian (as Teams writes), even ones for big endian.
    """
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls >= half * 0.7 and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= half * 0.7 and odd_nuls == 0:
        return "utf-16-be"
    return None


def _check_text(name: str, head: bytes, size: int) -> None:
    if head.startswith(ZIP_MAGIC) or head.startswith(CFB_MAGIC):
        raise UnreadableFile(
            f"“{name}” is an Excel workbook with a .csv name. Rename it to end in .xlsx "
            "(or .xls), then import it again."
        )
    if not _looks_like_text(head):
        raise UnreadableFile(
            f"“{name}” is {_describe(head)}, not a CSV text file. {_save_as_xlsx()}"
        )
    if size > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            f"“{name}” is {size // (1024 * 1024)} MB; MentorDesk imports CSV files up to "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB. Split the file."
        )


def _check_cfb(path: Path, suffix: str) -> None:
    # Excel saves a password-protected .xlsx (and .xlsm) as an encrypted package
    # inside an old-style compound file, which is why it does not start like a zip.
    data = path.read_bytes()
    if _ENCRYPTED_PACKAGE in data or suffix in {".xlsx", ".xlsm"}:
        raise protected(path.name)
    if suffix == ".ods":
        raise UnreadableFile(
            f"“{path.name}” is an old Excel (.xls) workbook with an .ods name. Rename it to "
            "end in .xls, then import it again."
        )
    try:
        check_xls_extents(path.name, data)
    except Protected:
        raise protected(path.name) from None
    except (Damaged, struct.error):
        raise damaged(path.name) from None


def protected(name: str) -> UnreadableFile:
    """The refusal of a workbook protected by a password.

    Args:
        name: the file's name.

    Returns:
        The error to raise, its message saying how to remove the password.
    """
    return UnreadableFile(
        f"“{name}” is protected by a password; open it in Excel, remove the password "
        "(File › Info › Protect Workbook) and save a copy, then import the copy."
    )


def damaged(name: str) -> UnreadableFile:
    """The refusal of a file that looks like a spreadsheet but cannot be read.

    Args:
        name: the file's name.

    Returns:
        The error to raise, its message saying what to do.
    """
    return UnreadableFile(
        f"“{name}” looks like a spreadsheet but is damaged and cannot be read. Open it in "
        "Excel (or LibreOffice), save a copy as .xlsx, and import the copy."
    )


def _check_zip(path: Path, suffix: str) -> None:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_sizes(name, entries)
            parts = {entry.filename for entry in entries}
            _check_kind(name, suffix, parts)
            for entry in entries:
                if entry.flag_bits & 0x1:
                    raise UnreadableFile(
                        f"“{name}” has encrypted parts; open it in Excel, remove the password "
                        "and save a copy, then import the copy."
                    )
                if entry.filename.endswith((".xml", ".rels", ".vml")):
                    _check_xml_part(name, archive, entry)
            check_extents(name, archive)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        ValueError,
        NotImplementedError,
    ):
        raise UnreadableFile(
            f"“{name}” is damaged: it starts like an Excel workbook but cannot be unpacked. "
            "It may not have finished downloading; fetch it again or re-save it in Excel."
        ) from None


def _check_sizes(name: str, entries: list[zipfile.ZipInfo]) -> None:
    bomb = (
        f"“{name}” is not a normal spreadsheet: it would unpack to far more data than it "
        "holds (a “zip bomb”), so MentorDesk will not open it. Ask the sender for the "
        "data again, or re-save it from Excel."
    )
    if len(entries) > MAX_ENTRIES:
        raise UnreadableFile(bomb)
    total = 0
    for entry in entries:
        total += entry.file_size
        if total > MAX_UNPACKED_BYTES:
            raise UnreadableFile(bomb)
        if entry.file_size > RATIO_FLOOR_BYTES and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise UnreadableFile(bomb)


def _check_kind(name: str, suffix: str, parts: set[str]) -> None:
    if "xl/workbook.xml" in parts or "xl/workbook.bin" in parts:
        if "xl/workbook.bin" in parts:
            raise UnreadableFile(
                f"“{name}” is a binary Excel workbook (.xlsb). Open it in Excel and save it "
                "as an Excel workbook (.xlsx), then import that."
            )
        return
    if "content.xml" in parts and suffix in {".ods", ".xlsx", ".xlsm", ".xls"}:
        return
    if "word/document.xml" in parts:
        kind = "a Word document"
    elif "ppt/presentation.xml" in parts:
        kind = "a PowerPoint presentation"
    else:
        kind = "a zip archive"
    raise UnreadableFile(f"“{name}” is {kind}, not a spreadsheet. {_save_as_xlsx()}")


def _check_xml_part(name: str, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Refuse a part that declares a DOCTYPE or entities (XXE, billion laughs).

    A declaration can only stand before the root element, so reading up to the
    root's first tag is enough; the rest of the part is never decompressed.
    """
    with archive.open(entry) as part:
        head = part.read(_PROLOG_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("latin-1")
    root = _ROOT_ELEMENT.search(text)
    prolog = text if root is None else text[: root.start()]
    if _DECLARATION.search(prolog) or (root is None and len(head) == _PROLOG_BYTES):
        raise UnreadableFile(
            f"“{name}” contains XML declarations that real spreadsheets never have (a "
            "known way to attack spreadsheet readers), so MentorDesk will not open it. "
            "Open it in Excel and save a copy, or ask the sender for the data again."
        )
