"""Reading PDFs back as a person would: their text page by page, and their pages as pictures."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader


def _reader(pdf: Path | bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)


def page_texts(pdf: Path | bytes) -> list[str]:
    """The text of each page, extracted with pypdf, runs of white space folded to one space."""
    return [" ".join((page.extract_text() or "").split()) for page in _reader(pdf).pages]


def pdf_text(pdf: Path | bytes) -> str:
    """The text of the whole document, pages joined by a space."""
    return " ".join(page_texts(pdf))


def font_names(pdf: Path | bytes) -> set[str]:
    """The names of the fonts the pages use (their /BaseFont, subset prefix removed)."""
    names = set()
    for page in _reader(pdf).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            base = str(font.get_object().get("/BaseFont", ""))
            names.add(base.split("+", 1)[-1].lstrip("/"))
    return names


def image_count(pdf: Path | bytes, page: int = 0) -> int:
    """How many images are drawn on one page (the logo, for instance)."""
    return len(_reader(pdf).pages[page].images)


def render_pages(pdf: Path, folder: Path, resolution: int = 60) -> list[Path]:
    """Each page as a PNG, made with pdftoppm.

    Without pdftoppm the test is skipped on a developer's machine, and fails in
    CI (``CI=true``), where ``python3 dev.py test`` installs it.
    """
    if shutil.which("pdftoppm") is None:
        missing = "pdftoppm (poppler-utils) is not installed, so pages cannot be rendered"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing}; python3 dev.py test installs it")
        pytest.skip(missing)
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / pdf.stem
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob(f"{pdf.stem}*.png"))


def inked_share(png: Path) -> float:
    """The share of a page's pixels that are not white: 0.0 for a blank page."""
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    total = sum(histogram)
    return sum(histogram[:200]) / total if total else 0.0
