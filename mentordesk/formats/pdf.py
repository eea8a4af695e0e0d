"""PDF documents as a programme office sends them: letterhead, numbered pages, tables, charts.

This is MentorDesk's one PDF toolkit; every PDF the application writes (reports,
letters, sign-in sheets, certificates, a person's own data) is composed with
:class:`Document`. A document is a list of blocks added in reading order, then
written in one go::

    document = Document(
        Letterhead("ADVANCE 2026", issued_on=today, logo=programme.logo,
                   document="Your data", marking="Confidential"),
        title="Everything MentorDesk holds about you",
    )
    document.title_block("Everything we hold about you", "Subject access request")
    document.heading("Your details")
    document.key_values([("Name", "Žofia Łukasiewicz"), ("Consent given on", consent_on)])
    document.heading("Applications", level=2)
    document.table(["Strand", "Role", "Status", "Submitted"], rows)   # splits across pages
    document.note("Confidential notes are included because you asked for them.")
    document.write(path)        # atomically, through formats/files.py
    data = document.to_bytes()  # or as bytes, e.g. for an e-mail attachment

A table of more than about seven columns reads better on a landscape page
(``Document(..., landscape=True)``); give ``widths`` to favour a column of long
text, and ``empty="No applications."`` to say so when a table has no rows.

Every page carries the letterhead (logo if any, the programme's name, what the
document is) and a footer (the date it was issued, an optional marking such as
"Confidential", and "Page N of M"). Text is always taken literally: names such
as "Ana <Admin> & Co" print as typed, never as markup. Cells and facts may be
any :data:`~mentordesk.formats.tables.CellValue` (dates print as "3 Dec 2026",
truth values as Yes/No, nothing as a dash in facts and blank in tables), so rows
built for an .xlsx export print unchanged.

Text is set in DejaVu Sans, shipped in ``mentordesk/resources`` with its licence,
because the PDF standard fonts cannot show names such as "Nguyễn" or "Łukasiewicz";
it covers Latin, Greek and Cyrillic scripts, but not Chinese, Japanese or Korean.

Reportlab is imported when the first document is made, not when MentorDesk starts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.files import check_folder, write_bytes_atomically
from mentordesk.formats.pdf_style import (
    BAR,
    FONT,
    FONT_BOLD,
    FOOTER_HEIGHT,
    HEADER_FILL,
    HEADER_HEIGHT,
    INK,
    LIGHT_RULE,
    MARGIN,
    MM,
    MUTED,
    NAVY,
    NOTE_FILL,
    RULE,
    fit,
    reportlab_parts,
)
from mentordesk.formats.tables import CellValue

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

TextStyle = Literal["body", "lead", "small", "muted", "centre", "centre_muted", "display", "name"]
Align = Literal["left", "right", "centre"]


def format_date(day: dt.date, *, long: bool = False) -> str:
    """A date as printed: ``3 Dec 2026``, or ``3 December 2026`` when ``long``.

    Month names are always English, whatever the computer's language, so that one
    document never mixes two languages.
    """
    month = _MONTHS[day.month - 1]
    return f"{day.day} {month if long else month[:3]} {day.year}"


def format_time(moment: dt.datetime) -> str:
    """A time of day as printed: ``09:30`` (in the moment's own time zone)."""
    return f"{moment:%H:%M}"


def format_value(value: CellValue) -> str:
    """A table cell or a fact as printed.

    Dates as :func:`format_date`, dates with a time as ``3 Dec 2026 14:00``, truth
    values as Yes or No, whole floats without decimals and others with one,
    enumerations by their label, nothing as "".
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return f"{format_date(value.date())} {format_time(value)}"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else str(value)


def markup(text: str) -> str:
    """Plain text made safe for a reportlab paragraph: escaped, line breaks kept."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned).replace("\n", "<br/>").replace("\t", " ")


def check_logo(data: bytes) -> None:
    """Check that ``data`` is a PNG or JPEG image a document can print at its top.

    Use it when a logo is chosen, so a bad file is refused there and then.

    Raises:
        InvalidInput: the data is not a PNG or JPEG image that can be read.
    """
    if not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        raise InvalidInput("The logo must be a PNG or JPEG image.")
    try:
        width, height = reportlab_parts().ImageReader(io.BytesIO(data)).getSize()
    except Exception:
        raise InvalidInput("The logo could not be read as an image; choose another file.") from None
    if width < 1 or height < 1:
        raise InvalidInput("The logo image is empty; choose another file.")


@dataclass(frozen=True)
class Letterhead:
    """What the top and bottom of every page of a document show.

    Attributes:
        programme: the programme's name, printed at the top of each page.
        issued_on: the date the document was issued, printed at the bottom.
        logo: the programme's logo (PNG or JPEG bytes), printed at the top left.
        document: what the document is ("Programme report"), at the top right.
        marking: a handling mark printed at the bottom centre, e.g. "Confidential".
    """

    programme: str
    issued_on: dt.date
    logo: bytes | None = None
    document: str = ""
    marking: str = ""


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart.

    Attributes:
        label: what the bar stands for, printed at its left.
        value: its length, or None when the figure is withheld (no bar is drawn).
        shown: the text printed at the bar's end, such as "12 (40 %)" or
            "fewer than 5"; by default the value itself.
    """

    label: str
    value: float | None
    shown: str = ""


@dataclass
class Document:
    """A PDF being composed: add blocks in reading order, then :meth:`write` or :meth:`to_bytes`.

    Attributes:
        letterhead: what every page's top and bottom show.
        title: the document's title in the PDF's properties (keep names out of it).
        landscape: A4 landscape instead of portrait (certificates).
        border: a double rule framing each page (certificates).
        page_numbers: whether the footer says "Page N of M".
    """

    letterhead: Letterhead
    title: str
    landscape: bool = False
    border: bool = False
    page_numbers: bool = True
    _story: list[Any] = field(default_factory=list, init=False, repr=False)

    # Page geometry --------------------------------------------------------------

    @property
    def page_size(self) -> tuple[float, float]:
        """Width and height of a page, in points."""
        rl = reportlab_parts()
        width, height = rl.landscape(rl.A4) if self.landscape else rl.A4
        return float(width), float(height)

    @property
    def width(self) -> float:
        """Width of the text area, in points: what tables and charts may fill."""
        return self.page_size[0] - 2 * MARGIN

    # Blocks ---------------------------------------------------------------------

    def title_block(self, text: str, subtitle: str = "") -> None:
        """The document's own title at the top of its first page, with a grey subtitle."""
        rl = reportlab_parts()
        self._story.append(rl.Paragraph(markup(text), rl.styles["title"]))
        if subtitle:
            self._story.append(rl.Paragraph(markup(subtitle), rl.styles["subtitle"]))
        else:
            self._story.append(rl.Spacer(1, 8))

    def heading(self, text: str, level: int = 1) -> None:
        """A section heading (level 1, 2 or 3), never left alone at the foot of a page."""
        rl = reportlab_parts()
        level = min(max(level, 1), 3)
        # A heading never ends a page: with less room than this left, it starts the next.
        self._story.append(rl.CondPageBreak((40, 30, 22)[level - 1] * MM))
        self._story.append(rl.Paragraph(markup(text), rl.styles[f"h{level}"]))

    def paragraph(self, text: str, *, style: TextStyle = "body", bold: bool = False) -> None:
        """A paragraph of plain text; line breaks in ``text`` are kept.

        Args:
            text: the text, taken literally.
            style: body, lead (larger), small, muted (small and grey), centre,
                centre_muted, or the certificate sizes display and name.
            bold: set the whole paragraph in bold.
        """
        rl = reportlab_parts()
        content = markup(text)
        self._story.append(rl.Paragraph(f"<b>{content}</b>" if bold else content, rl.styles[style]))

    def bullets(self, items: Sequence[str]) -> None:
        """A bulleted list, one item per string."""
        rl = reportlab_parts()
        for item in items:
            self._story.append(rl.Paragraph(markup(item), rl.styles["bullet"], bulletText="•"))
        self._story.append(rl.Spacer(1, 4))

    def key_values(
        self,
        facts: Sequence[tuple[str, CellValue]],
        *,
        skip_empty: bool = False,
        label_width: float = 0.3,
    ) -> None:
        """Facts as label–value lines ("Email   ana@example.org"), the labels in grey.

        Args:
            facts: (label, value) pairs in order; values as :func:`format_value` prints them.
            skip_empty: leave out facts with no value (otherwise shown as a dash).
            label_width: the labels' share of the text width.
        """
        rl = reportlab_parts()
        rows = []
        for label, value in facts:
            text = format_value(value)
            if not text.strip():
                if skip_empty:
                    continue
                text = "—"
            rows.append(
                [
                    rl.Paragraph(markup(label), rl.styles["label"]),
                    rl.Paragraph(markup(text), rl.styles["cell"]),
                ]
            )
        if not rows:
            return
        widths = [self.width * label_width, self.width * (1 - label_width)]
        table = rl.Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(
            rl.TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        self._story.extend([table, rl.Spacer(1, 6)])

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[CellValue]],
        *,
        widths: Sequence[float] | None = None,
        align: Sequence[Align] | None = None,
        min_row_height: float | None = None,
        total: Sequence[CellValue] | None = None,
        span: float = 1.0,
        empty: str | None = None,
    ) -> None:
        """A table with a header row, repeated at the top of every page it runs onto.

        Long cells wrap within their column; rows are never cut in half.

        Args:
            headers: the column titles.
            rows: the rows, each as long as ``headers`` (shorter rows are padded).
            widths: each column's share of the text width (any positive numbers,
                scaled to fill it), widened where a column's longest word would not
                fit; by default fitted to the content.
            align: each column's alignment; by default numbers right, the rest left.
            min_row_height: a minimum height for data rows in millimetres (room to
                sign or write in).
            total: a last row set in bold, such as totals.
            span: the table's share of the text width (a short two-column table
                reads better at half the width).
            empty: printed (small and grey) instead of the table when there are no
                rows, such as "No applications."; by default the headers stand alone.
        """
        rl = reportlab_parts()
        if not rows and total is None and empty is not None:
            self.paragraph(empty, style="muted")
            return
        count = len(headers)
        body = [[*row[:count], *[None] * (count - len(row))] for row in rows]
        if total is not None:
            body.append([*total[:count], *[None] * (count - len(total))])
        alignment = list(align) if align else _default_alignment(count, body)
        available = self.width * min(max(span, 0.2), 1.0)
        column_widths = _column_widths(headers, body, available, widths)
        suffix = {"left": "", "right": "_right", "centre": "_centre"}
        head_styles = [rl.styles["head" + suffix[a]] for a in alignment]
        cell_styles = [rl.styles["cell" + suffix[a]] for a in alignment]
        data: list[list[Any]] = [
            [rl.Paragraph(markup(h), s) for h, s in zip(headers, head_styles, strict=True)]
        ]
        for number, row in enumerate(body):
            bold = total is not None and number == len(body) - 1
            data.append(
                [
                    rl.Paragraph(
                        f"<b>{markup(format_value(v))}</b>" if bold else markup(format_value(v)), s
                    )
                    for v, s in zip(row, cell_styles, strict=True)
                ]
            )
        heights = None
        if min_row_height is not None:
            heights = [None] + [min_row_height * MM] * len(body)
        # LongTable lays out long tables in linear time; both split between rows.
        kind = rl.LongTable if len(data) > 60 else rl.Table
        table = kind(data, colWidths=column_widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), rl.colors.HexColor(HEADER_FILL)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, rl.colors.HexColor(NAVY)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, rl.colors.HexColor(LIGHT_RULE)),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE" if min_row_height else "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if total is not None:
            commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, rl.colors.HexColor(NAVY)))
        table.setStyle(rl.TableStyle(commands))
        self._story.extend([table, rl.Spacer(1, 8)])

    def bar_chart(
        self,
        bars: Sequence[Bar],
        *,
        maximum: float | None = None,
        label_share: float = 0.36,
        title: str = "",
    ) -> None:
        """A horizontal bar chart: one labelled bar per figure, its value at the end.

        Withheld figures (``value`` None) get no bar, only their ``shown`` text, so
        the drawing never reveals what the text withholds.

        Args:
            bars: the bars, top to bottom.
            maximum: the value of a full-length bar (100 for percentages); by
                default the largest value.
            label_share: the labels' share of the width.
            title: a small heading kept on the same page as the chart.
        """
        if not bars:
            return
        rl = reportlab_parts()
        row, gap = 15.0, 4.0
        width = self.width
        height = len(bars) * (row + gap) + gap
        drawing = rl.Drawing(width, height)
        label_width = width * label_share
        value_room = 70.0
        bar_room = width - label_width - value_room - 6
        largest = maximum or max((b.value or 0 for b in bars), default=0) or 1
        drawing.add(
            rl.Line(label_width, 0, label_width, height, strokeColor=rl.colors.HexColor(RULE))
        )
        for index, bar in enumerate(bars):
            y = height - (index + 1) * (row + gap)
            label = fit(bar.label, label_width - 8, 8.5)
            drawing.add(
                rl.String(
                    label_width - 6,
                    y + 4,
                    label,
                    fontName=FONT,
                    fontSize=8.5,
                    fillColor=rl.colors.HexColor(INK),
                    textAnchor="end",
                )
            )
            length = 0.0
            if bar.value is not None and bar.value > 0:
                length = max(bar_room * min(bar.value / largest, 1.0), 1.5)
                drawing.add(
                    rl.Rect(
                        label_width,
                        y,
                        length,
                        row,
                        fillColor=rl.colors.HexColor(BAR),
                        strokeColor=None,
                    )
                )
            shown = bar.shown or (format_value(bar.value) if bar.value is not None else "")
            drawing.add(
                rl.String(
                    label_width + length + 4,
                    y + 4,
                    shown,
                    fontName=FONT,
                    fontSize=8.5,
                    fillColor=rl.colors.HexColor(INK if bar.value is not None else MUTED),
                )
            )
        parts: list[Any] = [drawing, rl.Spacer(1, 10)]
        if title:
            parts.insert(0, rl.Paragraph(markup(title), rl.styles["h3"]))
        self._story.append(rl.KeepTogether(parts))

    def note(self, text: str) -> None:
        """A shaded box of small text beside the flow, for explanations and caveats."""
        rl = reportlab_parts()
        box = rl.Table([[rl.Paragraph(markup(text), rl.styles["small"])]], colWidths=[self.width])
        box.setStyle(
            rl.TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), rl.colors.HexColor(NOTE_FILL)),
                    ("LINEBEFORE", (0, 0), (0, -1), 2, rl.colors.HexColor(BAR)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        self._story.extend([box, rl.Spacer(1, 8)])

    def signature_lines(self, captions: Sequence[str], *, space_above: float = 14) -> None:
        """Lines to sign on, side by side, each with its caption underneath.

        Args:
            captions: one caption per line, such as "Programme coordinator".
            space_above: room above the lines, in millimetres.
        """
        rl = reportlab_parts()
        count = len(captions)
        if not count:
            return
        gap = 14 * MM
        line = min((self.width - gap * (count - 1)) / count, 75 * MM)
        cells: list[Any] = []
        widths: list[float] = []
        for index, caption in enumerate(captions):
            if index:
                cells.append("")
                widths.append(gap)
            cells.append(rl.Paragraph(markup(caption), rl.styles["caption"]))
            widths.append(line)
        table = rl.Table([cells], colWidths=widths, hAlign="CENTER")
        commands: list[tuple[Any, ...]] = [("TOPPADDING", (0, 0), (-1, -1), 4)]
        commands += [
            ("LINEABOVE", (i * 2, 0), (i * 2, 0), 0.6, rl.colors.HexColor(MUTED))
            for i in range(count)
        ]
        table.setStyle(rl.TableStyle(commands))
        self._story.extend([rl.Spacer(1, space_above * MM), table])

    def spacer(self, height: float) -> None:
        """Empty vertical space of ``height`` millimetres."""
        self._story.append(reportlab_parts().Spacer(1, height * MM))

    def page_break(self) -> None:
        """Start a new page."""
        self._story.append(reportlab_parts().PageBreak())

    def keep_room(self, height: float) -> None:
        """Start a new page unless ``height`` millimetres are left on this one."""
        self._story.append(reportlab_parts().CondPageBreak(height * MM))

    @contextlib.contextmanager
    def together(self) -> Iterator[None]:
        """Keep the blocks added inside the ``with`` on one page when they fit on one."""
        start = len(self._story)
        yield
        blocks = self._story[start:]
        del self._story[start:]
        self._story.append(reportlab_parts().KeepTogether(blocks))

    # Writing --------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The finished PDF."""
        rl = reportlab_parts()
        buffer = io.BytesIO()
        template = rl.SimpleDocTemplate(
            buffer,
            pagesize=self.page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_HEIGHT,
            bottomMargin=MARGIN + FOOTER_HEIGHT - 4 * MM,
            title=self.title,
            author=self.letterhead.programme,
            subject=self.letterhead.document,
            creator="MentorDesk",
            producer="MentorDesk",
            initialFontName=FONT,
        )
        logo = _logo_reader(self.letterhead.logo)
        story = self._story or [rl.Spacer(1, 1)]

        def decorate(canvas: Any, _template: Any) -> None:
            self._draw_page(canvas, logo)

        template.build(
            list(story),
            onFirstPage=decorate,
            onLaterPages=decorate,
            canvasmaker=functools.partial(rl.NumberedCanvas, page_label=self._draw_page_number),
        )
        return buffer.getvalue()

    def write(self, path: Path) -> None:
        """Write the PDF to ``path``, replacing it only once the whole file is written.

        Raises:
            ExportFailed: the folder is missing, the disk is full or permission was
                refused; nothing partial is left.
        """
        check_folder(path)  # before the work of laying out every page
        write_bytes_atomically(path, self.to_bytes())

    # Page furniture ---------------------------------------------------------------

    def _draw_page(self, canvas: Any, logo: Any) -> None:
        rl = reportlab_parts()
        page_width, page_height = self.page_size
        head = self.letterhead
        canvas.saveState()
        top = page_height - 14 * MM
        x = MARGIN
        if logo is not None:
            width, height = logo.getSize()
            draw_height = 12 * MM
            draw_width = min(draw_height * width / height, 45 * MM)
            draw_height = draw_width * height / width
            canvas.drawImage(logo, x, top - draw_height, draw_width, draw_height, mask="auto")
            x += draw_width + 4 * MM
        canvas.setFillColor(rl.colors.HexColor(NAVY))
        canvas.setFont(FONT_BOLD, 10.5)
        name_room = page_width - MARGIN - x - 60 * MM
        baseline = top - 7.5 * MM
        canvas.drawString(x, baseline, fit(head.programme, name_room, 10.5, bold=True))
        if head.document:
            canvas.setFillColor(rl.colors.HexColor(MUTED))
            canvas.setFont(FONT, 8.5)
            canvas.drawRightString(page_width - MARGIN, baseline, head.document)
        canvas.setStrokeColor(rl.colors.HexColor(RULE))
        canvas.setLineWidth(0.6)
        rule = top - 14.5 * MM
        canvas.line(MARGIN, rule, page_width - MARGIN, rule)
        footer = MARGIN - 4 * MM
        canvas.line(MARGIN, footer + 4 * MM, page_width - MARGIN, footer + 4 * MM)
        canvas.setFillColor(rl.colors.HexColor(MUTED))
        canvas.setFont(FONT, 8)
        canvas.drawString(MARGIN, footer, f"Issued {format_date(head.issued_on, long=True)}")
        if head.marking:
            canvas.setFont(FONT_BOLD, 8)
            canvas.drawCentredString(page_width / 2, footer, head.marking)
        if self.border:
            canvas.setStrokeColor(rl.colors.HexColor(NAVY))
            canvas.setLineWidth(1.6)
            inset = 8 * MM
            canvas.rect(inset, inset, page_width - 2 * inset, page_height - 2 * inset)
            canvas.setLineWidth(0.5)
            inset = 10 * MM
            canvas.rect(inset, inset, page_width - 2 * inset, page_height - 2 * inset)
        canvas.restoreState()

    def _draw_page_number(self, canvas: Any, number: int, total: int) -> None:
        if not self.page_numbers:
            return
        rl = reportlab_parts()
        canvas.saveState()
        canvas.setFillColor(rl.colors.HexColor(MUTED))
        canvas.setFont(FONT, 8)
        canvas.drawRightString(
            self.page_size[0] - MARGIN, MARGIN - 4 * MM, f"Page {number} of {total}"
        )
        canvas.restoreState()


def _logo_reader(data: bytes | None) -> Any:
    if not data:
        return None
    check_logo(data)
    return reportlab_parts().ImageReader(io.BytesIO(data))


def _default_alignment(count: int, rows: Sequence[Sequence[CellValue]]) -> list[Align]:
    """Numbers to the right, everything else to the left."""
    alignment: list[Align] = []
    for column in range(count):
        values = [r[column] for r in rows[:200] if r[column] is not None and r[column] != ""]
        numeric = bool(values) and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values
        )
        alignment.append("right" if numeric else "left")
    return alignment


def _column_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    available: float,
    preferred: Sequence[float] | None = None,
) -> list[float]:
    """Column widths in points that avoid breaking words, as browsers lay out tables.

    Each column gets at least its longest word (of the header and a sample of the
    cells). Without ``preferred`` shares, the width left over goes to the columns
    whose text would still wrap, in proportion to how much more they would need;
    with them, the shares are kept except where a column needs more room.
    """
    measure = reportlab_parts().stringWidth
    padding = 8.0
    least, natural = [], []
    for column, title in enumerate(headers):
        texts = [format_value(r[column]) for r in rows[:200]]
        # Short cells (dates, numbers, statuses) are kept on one line, longer ones
        # may wrap between words.
        words = [w for text in [title, *texts] for w in _unbreakable(text)]
        widest = max((measure(w[:25], FONT_BOLD, 8.8) for w in words), default=10.0)
        widths = sorted(measure(t[:60], FONT, 8.8) for t in texts) or [0.0]
        typical = widths[int(len(widths) * 0.9)]
        least.append(widest + padding)
        natural.append(max(typical, measure(title, FONT_BOLD, 8.8)) + padding)
    if sum(least) >= available:
        return [w * available / sum(least) for w in least]
    if preferred:
        wanted = [available * share / sum(preferred) for share in preferred]
        short = sum(max(m - w, 0.0) for m, w in zip(least, wanted, strict=True))
        slack = [max(w - m, 0.0) for m, w in zip(least, wanted, strict=True)]
        return [
            max(w, m) - (short * s / sum(slack) if sum(slack) else 0.0)
            for w, m, s in zip(wanted, least, slack, strict=True)
        ]
    wanted = [max(n - m, 0.0) for n, m in zip(natural, least, strict=True)]
    spare = available - sum(least)
    if sum(wanted) <= spare:
        # Everything fits on one line: share what is left by natural width.
        return [n + (available - sum(natural)) * n / sum(natural) for n in natural]
    return [m + spare * w / sum(wanted) for m, w in zip(least, wanted, strict=True)]


def _unbreakable(text: str) -> list[str]:
    """The parts of a cell that should not be split across lines."""
    return [text] if len(text) <= 14 else text.split()
