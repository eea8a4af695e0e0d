"""The PDF toolkit: letterhead and numbered pages, literal text, tables across pages, charts."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from mentordesk.domain.errors import ExportFailed, InvalidInput
from mentordesk.formats.pdf import (
    Bar,
    Document,
    Letterhead,
    check_logo,
    format_date,
    format_value,
    markup,
)
from tests.helpers.files import folder_listing
from tests.helpers.pdf import font_names, image_count, inked_share, page_texts, render_pages

ISSUED = dt.date(2026, 11, 25)
NAMES = ("Žofia Łukasiewicz", "Nguyễn Thị Minh", "Ștefan Dvořák", "Ελένη Παπαδοπούλου")


def png_logo(width: int = 240, height: int = 80) -> bytes:
    image = Image.new("RGB", (width, height), (31, 58, 95))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def document(**letterhead: object) -> Document:
    values: dict[str, object] = {"programme": "ADVANCE 2026", "issued_on": ISSUED}
    values.update(letterhead)
    return Document(Letterhead(**values), title="Test document")  # type: ignore[arg-type]


def test_accented_and_greek_names_come_back_from_the_pdf_as_typed():
    doc = document()
    doc.title_block("Participants", "Names from four alphabets")
    for name in NAMES:
        doc.paragraph(name)
    text = page_texts(doc.to_bytes())[0]
    for name in NAMES:
        assert name in text
    # Set in the bundled font, not in a standard PDF font that lacks these letters.
    assert font_names(doc.to_bytes()) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_text_is_printed_literally_never_read_as_markup():
    doc = document()
    doc.paragraph("Ana <b>Admin</b> & Co <br/> done")
    doc.key_values([("Organisation", "R&D <Lab>")])
    doc.table(["Name"], [["<i>Ben</i> & Jerry"]])
    text = page_texts(doc.to_bytes())[0]
    assert "Ana <b>Admin</b> & Co <br/> done" in text
    assert "R&D <Lab>" in text
    assert "<i>Ben</i> & Jerry" in text


def test_every_page_has_the_letterhead_and_page_n_of_m():
    doc = document(document="Programme report", marking="Confidential")
    doc.table(["Row", "Text"], [[n, f"line {n}"] for n in range(150)])
    pages = page_texts(doc.to_bytes())
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "ADVANCE 2026" in text
        assert "Programme report" in text
        assert "Issued 25 November 2026" in text
        assert "Confidential" in text
        assert f"Page {number} of {len(pages)}" in text


def test_a_long_table_repeats_its_header_and_loses_no_row():
    rows = [[n, f"Person {n:03d}", dt.date(2026, 1, 1) + dt.timedelta(days=n)] for n in range(200)]
    doc = document()
    doc.table(["No.", "Participant", "Joined on"], rows)
    pages = page_texts(doc.to_bytes())
    assert len(pages) > 2
    assert all(p.count("No. Participant Joined on") == 1 for p in pages)
    text = " ".join(pages)
    assert all(f"Person {n:03d}" in text for n in range(200))
    assert "1 Jan 2026" in text
    assert "19 Jul 2026" in text  # day 199


def test_a_table_total_row_and_short_rows():
    doc = document()
    doc.table(
        ["Strand", "Places", "Accepted"],
        [["Faculty", 10], ["Fellows", 20, 18]],
        total=["Total", 30, 18],
    )
    text = page_texts(doc.to_bytes())[0]
    assert "Faculty 10" in text
    assert "Fellows 20 18" in text
    assert "Total 30 18" in text


def test_an_empty_table_can_say_so_instead_of_standing_bare():
    doc = document()
    doc.table(["Strand", "Role"], [], empty="No applications.")
    doc.table(["Event", "Status"], [])
    text = page_texts(doc.to_bytes())[0]
    assert "No applications." in text
    assert "Strand" not in text
    assert "Event Status" in text


def test_key_values_show_a_dash_for_nothing_or_leave_it_out():
    facts = [
        ("Name", "Ana Silva"),
        ("Gender", ""),
        ("Consent", dt.date(2026, 1, 3)),
        ("Mentor", True),
    ]
    shown = document()
    shown.key_values(facts)
    text = page_texts(shown.to_bytes())[0]
    assert "Gender —" in text
    assert "Consent 3 Jan 2026" in text
    assert "Mentor Yes" in text
    skipped = document()
    skipped.key_values(facts, skip_empty=True)
    assert "Gender" not in page_texts(skipped.to_bytes())[0]


def test_bar_chart_prints_labels_and_values_and_a_withheld_figure_only_as_words():
    doc = document()
    doc.bar_chart(
        [Bar("Faculty", 12, "12 (40 %)"), Bar("Fellows", 30), Bar("Circles", None, "fewer than 5")],
        maximum=30,
    )
    text = page_texts(doc.to_bytes())[0]
    for expected in ("Faculty", "12 (40 %)", "Fellows", "30", "Circles", "fewer than 5"):
        assert expected in text


def test_the_logo_is_drawn_on_every_page():
    doc = document(logo=png_logo())
    doc.table(["n"], [[n] for n in range(120)])
    data = doc.to_bytes()
    assert len(page_texts(data)) >= 2
    assert image_count(data, 0) == 1
    assert image_count(data, 1) == 1
    assert image_count(document().to_bytes(), 0) == 0


@pytest.mark.parametrize(
    "data",
    [b"", b"GIF89a....", b"\x89PNG\r\n\x1a\n" + b"broken" * 10, b"\xff\xd8\xff" + b"\x00" * 20],
)
def test_a_logo_that_is_not_a_readable_png_or_jpeg_is_refused_in_plain_words(data):
    with pytest.raises(InvalidInput, match="logo"):
        check_logo(data)


def test_a_jpeg_logo_is_accepted():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "white").save(buffer, "JPEG")
    check_logo(buffer.getvalue())


def test_write_into_a_missing_folder_says_so_and_writes_nothing(tmp_path):
    doc = document()
    doc.paragraph("Hello")
    with pytest.raises(ExportFailed, match="does not exist"):
        doc.write(tmp_path / "missing" / "report.pdf")
    assert folder_listing(tmp_path) == set()


def test_a_failed_write_leaves_the_previous_file_untouched(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")
    doc = document(logo=b"\x89PNG\r\n\x1a\nnot really")
    doc.paragraph("Hello")
    with pytest.raises(InvalidInput):
        doc.write(target)
    assert target.read_bytes() == b"previous report"
    assert folder_listing(tmp_path) == {"report.pdf"}


def test_write_replaces_the_file_with_a_complete_pdf(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")
    doc = document()
    doc.paragraph("Hello Žofia")
    doc.write(target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Hello Žofia" in page_texts(target)[0]
    assert folder_listing(tmp_path) == {"report.pdf"}


def test_landscape_certificate_layout_without_page_numbers():
    doc = Document(
        Letterhead("ADVANCE 2026", ISSUED), title="Certificate", landscape=True, border=True,
        page_numbers=False,
    )  # fmt: skip
    doc.paragraph("Certificate of participation", style="display")
    doc.paragraph("Žofia Łukasiewicz", style="name")
    doc.signature_lines(["Programme coordinator", "Date"])
    data = doc.to_bytes()
    text = page_texts(data)[0]
    assert "Žofia Łukasiewicz" in text
    assert "Page 1" not in text
    assert doc.page_size[0] > doc.page_size[1]


def test_dates_and_values_print_in_english_whatever_the_locale():
    assert format_date(dt.date(2026, 12, 3)) == "3 Dec 2026"
    assert format_date(dt.date(2026, 12, 3), long=True) == "3 December 2026"
    assert format_value(dt.datetime(2026, 1, 22, 9, 5)) == "22 Jan 2026 09:05"
    assert format_value(2000) == "2,000"
    assert format_value(4.0) == "4"
    assert format_value(4.56) == "4.6"
    assert format_value(False) == "No"
    assert format_value(None) == ""
    assert markup("a\nb & <c>") == "a<br/>b &amp; &lt;c&gt;"


def test_every_page_renders_to_a_picture_with_ink_on_it(tmp_path):
    doc = document(logo=png_logo(), document="Rendering test")
    doc.title_block("Rendering test", "Žofia Łukasiewicz")
    doc.bar_chart([Bar("One", 3), Bar("Two", 5)])
    doc.table(["n", "name"], [[n, NAMES[n % 4]] for n in range(80)])
    path = tmp_path / "render.pdf"
    doc.write(path)
    pngs = render_pages(path, tmp_path / "png")
    assert len(pngs) == len(page_texts(path)) >= 2
    for png in pngs:
        assert inked_share(png) > 0.01


def test_importing_the_toolkit_does_not_load_reportlab():
    code = (
        "import json, sys; import mentordesk.formats.pdf; "
        "print(json.dumps('reportlab' in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ),
    )
    assert json.loads(result.stdout.strip()) is False


def test_the_font_and_its_licence_ship_with_the_package():
    from importlib.resources import files

    resources = files("mentordesk").joinpath("resources")
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-LICENSE.txt"):
        assert resources.joinpath(name).is_file(), name
    assert "Bitstream" in resources.joinpath("DejaVuSans-LICENSE.txt").read_text(encoding="utf-8")
