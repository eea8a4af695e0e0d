"""The house style of MentorDesk's PDFs: the font, colours and measures, and reportlab itself.

:mod:`mentordesk.formats.pdf` composes every document in this style. Reportlab is
imported, and the bundled DejaVu Sans registered with it, by the first call to
:func:`reportlab_parts`, not when MentorDesk starts.
"""

from __future__ import annotations

import functools
from importlib.resources import as_file, files
from types import SimpleNamespace
from typing import Any

#: The font family every document is set in (registered with reportlab on first use).
FONT = "MentorDeskSans"
FONT_BOLD = "MentorDeskSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

#: Colours of the house style, as hex strings.
INK = "#1F2933"
NAVY = "#1F3A5F"
MUTED = "#5F6B7A"
RULE = "#B8C4D0"
LIGHT_RULE = "#D9E0E7"
HEADER_FILL = "#E8EEF5"
NOTE_FILL = "#F3F5F8"
BAR = "#3F6EA5"

MM = 72 / 25.4  # points per millimetre
MARGIN = 20 * MM
HEADER_HEIGHT = 16 * MM
FOOTER_HEIGHT = 10 * MM


@functools.cache
def reportlab_parts() -> SimpleNamespace:
    """Reportlab's parts and the house styles, imported and registered on first use."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String  # type: ignore[import-untyped]
    from reportlab.lib import colors  # type: ignore[import-untyped]
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
    from reportlab.lib.pagesizes import A4, landscape  # type: ignore[import-untyped]
    from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
    from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
    from reportlab.platypus import (  # type: ignore[import-untyped]
        CondPageBreak,
        KeepTogether,
        LongTable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    for name, file_name in _FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            with as_file(files("mentordesk").joinpath("resources", file_name)) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
    # No italic face is shipped: <i> prints upright rather than failing.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )

    def style(name: str, size: float, **options: Any) -> Any:
        options.setdefault("fontName", FONT)
        options.setdefault("textColor", colors.HexColor(INK))
        return ParagraphStyle(name, fontSize=size, leading=round(size * 1.38, 1), **options)

    navy, muted = colors.HexColor(NAVY), colors.HexColor(MUTED)
    styles = {
        "body": style("body", 10, spaceAfter=6),
        "lead": style("lead", 11.5, spaceAfter=8),
        "small": style("small", 8.5, spaceAfter=4),
        "muted": style("muted", 8.5, spaceAfter=4, textColor=muted),
        "centre": style("centre", 12, alignment=TA_CENTER, spaceAfter=8),
        "centre_muted": style(
            "centre_muted", 9.5, alignment=TA_CENTER, spaceAfter=4, textColor=muted
        ),
        "display": style(
            "display", 30, alignment=TA_CENTER, textColor=navy, fontName=FONT_BOLD, spaceAfter=14
        ),
        "name": style("name", 24, alignment=TA_CENTER, fontName=FONT_BOLD, spaceAfter=12),
        "title": style("title", 17, fontName=FONT_BOLD, textColor=navy, spaceAfter=2),
        "subtitle": style("subtitle", 10.5, textColor=muted, spaceAfter=10),
        "h1": style(
            "h1",
            13,
            fontName=FONT_BOLD,
            textColor=navy,
            spaceBefore=12,
            spaceAfter=5,
        ),
        "h2": style(
            "h2",
            10.5,
            fontName=FONT_BOLD,
            textColor=navy,
            spaceBefore=9,
            spaceAfter=4,
        ),
        "h3": style("h3", 9.5, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=3),
        "bullet": style("bullet", 10, leftIndent=12, bulletIndent=2, spaceAfter=3),
        "label": style("label", 9, textColor=muted),
        "cell": style("cell", 8.8),
        "cell_right": style("cell_right", 8.8, alignment=TA_RIGHT),
        "cell_centre": style("cell_centre", 8.8, alignment=TA_CENTER),
        "head": style("head", 8.8, fontName=FONT_BOLD),
        "head_right": style("head_right", 8.8, fontName=FONT_BOLD, alignment=TA_RIGHT),
        "head_centre": style("head_centre", 8.8, fontName=FONT_BOLD, alignment=TA_CENTER),
        "caption": style("caption", 8.5, textColor=muted, alignment=TA_CENTER),
        "left": style("left", 10, alignment=TA_LEFT),
    }

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """A canvas that learns the page count at the end and writes "Page N of M"."""

        def __init__(self, *args: Any, page_label: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._page_label = page_label

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if self._page_label is not None:
                    self._page_label(self, number, total)
                super().showPage()
            super().save()

    return SimpleNamespace(
        A4=A4,
        landscape=landscape,
        colors=colors,
        styles=styles,
        stringWidth=pdfmetrics.stringWidth,
        ImageReader=ImageReader,
        NumberedCanvas=NumberedCanvas,
        SimpleDocTemplate=SimpleDocTemplate,
        Paragraph=Paragraph,
        Spacer=Spacer,
        Table=Table,
        LongTable=LongTable,
        TableStyle=TableStyle,
        PageBreak=PageBreak,
        CondPageBreak=CondPageBreak,
        KeepTogether=KeepTogether,
        Drawing=Drawing,
        Rect=Rect,
        Line=Line,
        String=String,
    )


def fit(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points at ``size``."""
    measure = reportlab_parts().stringWidth
    font = FONT_BOLD if bold else FONT
    if measure(text, font, size) <= width:
        return text
    while text and measure(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
