"""Files that must be refused before any parser sees them, each with its own message."""

from __future__ import annotations

import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.reading import read_table
from mentordesk.formats.safety import (
    CFB_MAGIC,
    MAX_ENTRIES,
    Container,
    check_importable,
    classify,
)

from .conftest import rewrite_part, write_ods, write_xlsx


def refusal(path: Path) -> str:
    with pytest.raises(UnreadableFile) as caught:
        check_importable(path)
    # read_table runs the same checks first, so it must refuse with the same words.
    with pytest.raises(UnreadableFile) as again:
        read_table(path)
    assert again.value.message == caught.value.message
    return caught.value.message


def test_ordinary_files_pass(plain_xlsx: Path, legacy_xls: Path, tmp_path: Path) -> None:
    ods = write_ods(tmp_path / "a.ods", [["Name", "Email"], ["Ana", "a@x"]])
    csv = tmp_path / "a.csv"
    csv.write_text("Name,Email\nAna,a@x\n", encoding="utf-8")
    assert classify(plain_xlsx) is Container.ZIP
    assert classify(ods) is Container.ZIP
    assert classify(legacy_xls) is Container.CFB
    assert classify(csv) is Container.TEXT
    for path in (plain_xlsx, ods, legacy_xls, csv):
        check_importable(path)


def test_missing_file_says_so(tmp_path: Path) -> None:
    assert "There is no file “gone.xlsx”" in refusal(tmp_path / "gone.xlsx")


def test_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.touch()
    assert "is empty (0 bytes)" in refusal(path)


def test_unsupported_suffix_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK\x03\x04whatever")
    message = refusal(path)
    assert "“notes.docx” is not a file MentorDesk can import" in message
    assert ".xlsx" in message


def test_pdf_renamed_xlsx_is_called_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "applications.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "is a PDF document, not a spreadsheet" in refusal(path)


def test_text_renamed_xlsx_is_called_text(tmp_path: Path) -> None:
    path = tmp_path / "applications.xlsx"
    path.write_text("Name,Email\nAna,ana@example.org\n", encoding="utf-8")
    assert "plain text file (perhaps a CSV file renamed)" in refusal(path)


def test_html_saved_as_xls_is_called_a_web_page(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>Ana</td></tr></table></body></html>")
    assert "web page (HTML)" in refusal(path)


def test_real_password_protected_xlsx_asks_to_remove_the_password(encrypted_xlsx: Path) -> None:
    message = refusal(encrypted_xlsx)
    assert "is protected by a password" in message
    assert "File › Info › Protect Workbook" in message


def test_any_compound_file_named_xlsx_is_taken_for_a_protected_one(tmp_path: Path) -> None:
    path = tmp_path / "protected.xlsx"
    path.write_bytes(CFB_MAGIC + bytes(4096))
    assert "is protected by a password" in refusal(path)


def test_encrypted_package_named_xls_is_also_protected(
    encrypted_xlsx: Path, tmp_path: Path
) -> None:
    path = tmp_path / "protected.xls"
    path.write_bytes(encrypted_xlsx.read_bytes())
    assert "is protected by a password" in refusal(path)


def test_damaged_xls_is_reported_damaged(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(CFB_MAGIC + bytes(600))
    # The magic is right, but the compound file inside does not hold together.
    assert "is damaged and cannot be read" in refusal(path)


def test_truncated_xlsx_is_reported_damaged(plain_xlsx: Path) -> None:
    data = plain_xlsx.read_bytes()
    plain_xlsx.write_bytes(data[: len(data) // 2])
    assert "is damaged" in refusal(plain_xlsx)


def test_word_document_renamed_xlsx_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cv.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "is a Word document, not a spreadsheet" in refusal(path)


def test_zip_bomb_is_refused_quickly_without_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            block = bytes(1 << 20)
            for _ in range(300):
                part.write(block)
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    message = refusal(path)
    assert time.perf_counter() - started < 0.5  # both calls together; unpacking takes seconds
    assert "zip bomb" in message


def test_one_highly_compressed_part_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ratio.xlsx", [["Name", "Email"]])
    rewrite_part(path, "docProps/app.xml", lambda data: data + bytes(2 << 20))
    assert "zip bomb" in refusal(path)


def test_total_declared_size_over_the_limit_is_refused(tmp_path: Path) -> None:
    # Two stored parts whose central directory declares 150 MB each (ratio 1:1),
    # so only the total can catch them; the file itself stays tiny.
    path = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/a.bin", b"a")
        archive.writestr("xl/b.bin", b"b")
    data = bytearray(path.read_bytes())
    declared = 150 * 1024 * 1024
    for name in (b"xl/a.bin", b"xl/b.bin"):
        record = _central_record(data, name)
        struct.pack_into("<II", data, record + 20, declared, declared)
    path.write_bytes(bytes(data))
    infos = zipfile.ZipFile(path).infolist()
    assert sum(info.file_size for info in infos) > 200 * 1024 * 1024
    assert "zip bomb" in refusal(path)


def _central_record(data: bytearray, name: bytes) -> int:
    """Offset of the central-directory record of the part called ``name``."""
    offset = data.index(b"PK\x01\x02")
    while True:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_length] == name:
            return offset
        offset = data.index(b"PK\x01\x02", offset + 4)


def test_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(MAX_ENTRIES):
            archive.writestr(f"p{number}", b"")
    assert "zip bomb" in refusal(path)


def _billion_laughs(levels: int = 8) -> bytes:
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels + 1):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    return f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(entities)}]>\n'.encode()


@pytest.mark.parametrize(
    "prolog",
    [
        pytest.param(_billion_laughs(), id="billion-laughs"),
        pytest.param(
            b'<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
            id="external-entity",
        ),
        pytest.param(b"<?xml version='1.0'?><!-- padding -->\n<!doctype sst>", id="lower-case"),
    ],
)
def test_xml_declarations_in_a_part_are_refused(tmp_path: Path, prolog: bytes) -> None:
    path = write_xlsx(tmp_path / "entities.xlsx", [["Name", "Email"], ["&", "a@x"]])

    def add_prolog(data: bytes) -> bytes:
        return prolog + data.replace(b"<t>&amp;</t>", b"<t>&lol8;</t>")

    # openpyxl writes strings inline, so the sheet itself carries the attack.
    rewrite_part(path, "xl/worksheets/sheet1.xml", add_prolog)
    message = refusal(path)
    assert "contains XML declarations" in message


def test_utf16_part_cannot_hide_a_doctype(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", [["Name", "Email"]])
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda data: (
            '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>'.encode("utf-16")
            + data.decode().encode("utf-16-le")
        ),
    )
    assert "contains XML declarations" in refusal(path)


def test_xlsx_named_csv_is_told_to_rename(plain_xlsx: Path, tmp_path: Path) -> None:
    path = tmp_path / "applications.csv"
    path.write_bytes(plain_xlsx.read_bytes())
    assert "Excel workbook with a .csv name" in refusal(path)


def test_binary_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 4)
    assert "not a CSV text file" in refusal(path)


def test_xlsx_with_an_xls_name_is_read_by_its_content(plain_xlsx: Path, tmp_path: Path) -> None:
    path = tmp_path / "applications.xls"
    path.write_bytes(plain_xlsx.read_bytes())
    assert classify(path) is Container.ZIP
    assert read_table(path).rows[0] == ("Ana Silva", "ana@example.org")


def _move_cell(target: bytes, row: bytes) -> Callable[[bytes], bytes]:
    def move(data: bytes) -> bytes:
        assert b'r="B2"' in data
        return data.replace(b'r="B2"', b'r="' + target + b'"').replace(
            b'<row r="2"', b'<row r="' + row + b'"'
        )

    return move


def test_a_stray_cell_at_the_sheets_far_corner_is_refused_before_the_parser(
    tmp_path: Path,
) -> None:
    # The parser would try to build 17 billion cells and abort the whole process,
    # so only check_importable is called here.
    path = write_xlsx(tmp_path / "far.xlsx", [["Name", "N"], ["Ana", 5]])
    rewrite_part(path, "xl/worksheets/sheet1.xml", _move_cell(b"XFD1048576", b"1048576"))
    with pytest.raises(UnreadableFile, match="reach row 1,048,576 and column 16,384"):
        check_importable(path)


def test_a_long_and_wide_sheet_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", [["Name", "N"], ["Ana", 5]])
    rewrite_part(path, "xl/worksheets/sheet1.xml", _move_cell(b"CW100000", b"100000"))
    assert "too large to read safely" in refusal(path)


def test_a_long_narrow_sheet_passes_the_extent_check(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "long.xlsx", [["Name", "N"], ["Ana", 5]])
    rewrite_part(path, "xl/worksheets/sheet1.xml", _move_cell(b"B100000", b"100000"))
    check_importable(path)
    table = read_table(path)
    assert table.row_numbers == (2, 100000)
    assert table.rows == (("Ana", None), (None, 5))
