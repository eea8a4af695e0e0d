"""Figure cards and charts drawn with QPainter (PySide6-Essentials has no QtCharts).

Every mark that stands for records carries their key: clicking it, or choosing it
with the arrow keys and pressing Enter, emits ``activated`` with that key. Colours
follow the palette, so the charts read as well in a dark theme as in a light one,
and every mark has a tooltip with its exact numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

#: Colours by name, for a light and for a dark window: (light, dark).
COLOURS = {
    "blue": ("#2f6db5", "#74aaf0"),
    "green": ("#2e8b57", "#5fc98f"),
    "orange": ("#d27a1f", "#f2a65a"),
    "purple": ("#7b5ea7", "#b79ce0"),
    "red": ("#c0392b", "#f07b6e"),
    "teal": ("#1f8a96", "#5cc6d1"),
    "grey": ("#8a9099", "#9ca3ad"),
}


def is_dark(widget: QWidget) -> bool:
    """Whether the widget's window is dark (a dark theme)."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colour(name: str, widget: QWidget) -> QColor:
    """The colour called ``name`` (see :data:`COLOURS`) as it suits the widget's theme."""
    light, dark = COLOURS.get(name, COLOURS["grey"])
    return QColor(dark if is_dark(widget) else light)


def muted_text(widget: QWidget) -> QColor:
    """A secondary text colour: the text colour, halfway to the background."""
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    return QColor(
        (text.red() * 3 + back.red() * 2) // 5,
        (text.green() * 3 + back.green() * 2) // 5,
        (text.blue() * 3 + back.blue() * 2) // 5,
    )


def paint_card(painter: QPainter, widget: QWidget, rect: QRectF, *, lit: bool) -> None:
    """The rounded panel cards and charts sit on; ``lit`` outlines it (hover or focus)."""
    palette = widget.palette()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    border = palette.color(QPalette.ColorRole.Highlight if lit else QPalette.ColorRole.Mid)
    if not lit:
        border.setAlpha(110)
    painter.setPen(QPen(border, 1.6 if lit else 1.0))
    painter.setBrush(palette.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)


@dataclass(frozen=True)
class Series:
    """One kind of bar in a chart, named in its legend.

    Attributes:
        name: the legend's words.
        colour: a name from :data:`COLOURS`.
        hollow: drawn as an outline: a capacity (places), not a number of records.
    """

    name: str
    colour: str = "blue"
    hollow: bool = False


@dataclass(frozen=True)
class Bar:
    """One bar: its value, its tooltip, and the records it opens.

    Attributes:
        value: the length of the bar.
        tooltip: the exact numbers, in words.
        key: what clicking the bar opens (a ``RecordKey``), or None.
        text: printed at the end of the bar; the value by default.
        colour: overrides the series' colour.
    """

    value: float
    tooltip: str
    key: Any = None
    text: str | None = None
    colour: str | None = None

    @property
    def shown_text(self) -> str:
        """The words printed beside the bar."""
        return self.text if self.text is not None else f"{self.value:g}"


@dataclass(frozen=True)
class BarRow:
    """One category: a strand, a status, an event; one bar per series.

    Attributes:
        label: the category's name.
        bars: one per series, in the chart's series order.
        text: for stacked bars, printed after the whole row.
        muted: drawn in grey (a "not recorded" group).
    """

    label: str
    bars: tuple[Bar, ...]
    text: str = ""
    muted: bool = False


@dataclass(frozen=True)
class Dumbbell:
    """One survey item: the mean answer before and after, joined by a line."""

    label: str
    before: float
    after: float
    tooltip: str
    key: Any = None


@dataclass
class _Mark:
    rect: QRectF
    tooltip: str
    key: Any


@dataclass
class _Geometry:
    marks: list[_Mark] = field(default_factory=list)


class Opener(QWidget):
    """A widget that opens records: it says which with ``activated``, and shows its focus.

    Signals:
        activated: records were asked for (a click, or Enter); carries their key.
    """

    activated = Signal(object)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()  # draws the focus ring
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


class Chart(Opener):
    """What every chart shares: marks with tooltips, clicks, keys, focus and an empty text.

    Subclasses draw in :meth:`draw` and return the marks they drew; a mark clicked or
    chosen with the arrow keys and Enter emits ``activated`` with its key.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)
        self.empty_text = "Nothing to show yet."
        self.series: tuple[Series, ...] = ()
        self._marks: list[_Mark] = []
        self._label_tips: list[tuple[QRectF, str]] = []
        self._hovered: int | None = None
        self._focused: int | None = None

    # What subclasses provide ------------------------------------------------------

    def has_data(self) -> bool:
        """Whether there is anything to draw."""
        return False

    def draw(self, painter: QPainter, area: QRectF) -> list[_Mark]:
        """Draw the chart in ``area`` and return its marks."""
        return []

    def content_height(self) -> float:
        """The height the chart needs at its natural size."""
        return 80

    def summary(self) -> str:
        """Every value in words, for screen readers."""
        return ""

    # Sizes and painting -------------------------------------------------------------

    def font_metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def sizeHint(self) -> QSize:
        return QSize(420, int(self.content_height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, int(min(self.content_height(), 120)))

    def refresh(self) -> None:
        """Take in new data: new size, new marks, new description."""
        self._hovered = None
        self._focused = None
        self.setAccessibleDescription(self.summary() if self.has_data() else self.empty_text)
        self.updateGeometry()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        area = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        self._label_tips = []
        if not self.has_data():
            painter.setPen(muted_text(self))
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
            self._marks = []
            return
        self._marks = self.draw(painter, area)
        for index, mark in enumerate(self._marks):
            if index == self._hovered and mark.key is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                shade = self.palette().color(QPalette.ColorRole.Highlight)
                shade.setAlpha(45)
                painter.setBrush(shade)
                painter.drawRoundedRect(mark.rect.adjusted(-3, -3, 3, 3), 3, 3)
            if index == self._focused and self.hasFocus():
                pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.5)
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(mark.rect.adjusted(-3, -3, 3, 3), 3, 3)

    def draw_label(self, painter: QPainter, box: QRectF, text: str, flags: Any) -> None:
        """Draw a category's name in ``box``; a name cut short shows whole in its tooltip."""
        shown = self.font_metrics().elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        if shown != text:
            self._label_tips.append((box, text))
        painter.drawText(box, flags, shown)

    def label_tips(self) -> list[tuple[QRectF, str]]:
        """The names last drawn cut short: where each is, and the whole name (for tests)."""
        return list(self._label_tips)

    def draw_legend(self, painter: QPainter, area: QRectF) -> float:
        """Draw the series' legend on the first line of ``area``; returns the height used."""
        if len(self.series) < 2:
            return 0
        metrics = self.font_metrics()
        x, height = area.left(), metrics.height()
        swatch = height * 0.7
        for series in self.series:
            box = QRectF(x, area.top() + (height - swatch) / 2, swatch, swatch)
            self.paint_bar(painter, box, colour(series.colour, self), hollow=series.hollow)
            painter.setPen(muted_text(self))
            painter.drawText(QPointF(box.right() + 5, area.top() + metrics.ascent()), series.name)
            x = box.right() + 5 + metrics.horizontalAdvance(series.name) + 16
        return height + 8

    def paint_bar(self, painter: QPainter, rect: QRectF, fill: QColor, *, hollow: bool) -> None:
        """A bar: filled, or outlined with a faint fill for a capacity."""
        if hollow:
            faint = QColor(fill)
            faint.setAlpha(40)
            painter.setPen(QPen(fill, 1.4))
            painter.setBrush(faint)
            painter.drawRoundedRect(rect.adjusted(0.7, 0.7, -0.7, -0.7), 2, 2)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 2, 2)

    # Pointer and keys -----------------------------------------------------------------

    def _mark_at(self, point: QPointF) -> int | None:
        for index, mark in enumerate(self._marks):
            if mark.rect.adjusted(-2, -3, 2, 3).contains(point):
                return index
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._mark_at(event.position())
        if index != self._hovered:
            self._hovered = index
            clickable = index is not None and self._marks[index].key is not None
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
            )
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = None
        self.unsetCursor()
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self._mark_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self._focused = index
            self.activate(index)
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = QPointF(event.pos())  # type: ignore[attr-defined]
            index = self._mark_at(point)
            tip = self._marks[index].tooltip if index is not None else ""
            tip = tip or next((t for box, t in self._label_tips if box.contains(point)), "")
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def activate(self, index: int) -> None:
        """Open the records of the mark at ``index`` (if it has any)."""
        if 0 <= index < len(self._marks) and self._marks[index].key is not None:
            self.activated.emit(self._marks[index].key)

    def marks(self) -> list[tuple[QRectF, str, Any]]:
        """The marks last drawn: their rectangle, tooltip and key (for tests)."""
        return [(m.rect, m.tooltip, m.key) for m in self._marks]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        count = len(self._marks)
        if count and key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            start = self._focused if self._focused is not None else (-1 if step > 0 else count)
            self._focused = (start + step) % count
            self._describe_focused()
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._focused is not None:
                self.activate(self._focused)
            return
        super().keyPressEvent(event)

    def _describe_focused(self) -> None:
        # Screen readers read the description: make it the chosen mark's numbers.
        if self._focused is not None and self._focused < len(self._marks):
            self.setAccessibleDescription(self._marks[self._focused].tooltip)


class BarChart(Chart):
    """Bars in rows (a category per row) or in columns; grouped side by side, or stacked.

    Attributes:
        columns: draw upright columns (for a few short categories) instead of rows.
        stacked: one bar per row made of the series' bars end to end.
        labels_above: rows name their category on a line of its own above the bars
            (for long names, such as events), rather than beside them.
        zero_rows: rows whose bars are all zero are still drawn (strands with no
            applications yet), rather than the empty text; that shows only without rows.
    """

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        columns: bool = False,
        stacked: bool = False,
        labels_above: bool = False,
        zero_rows: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.columns = columns
        self.stacked = stacked
        self.labels_above = labels_above
        self.zero_rows = zero_rows
        self.rows: tuple[BarRow, ...] = ()

    def set_data(self, series: Sequence[Series], rows: Sequence[BarRow]) -> None:
        """Show these rows, one bar per series in each."""
        self.series = tuple(series)
        self.rows = tuple(rows)
        self.refresh()

    def has_data(self) -> bool:
        if self.zero_rows:
            return bool(self.rows)
        return any(bar.value > 0 for row in self.rows for bar in row.bars)

    def summary(self) -> str:
        return "; ".join(
            f"{row.label}: " + ", ".join(bar.tooltip for bar in row.bars) for row in self.rows
        )

    def _bar_height(self) -> float:
        return max(12.0, round(self.font_metrics().height() * 0.95))

    def _label_line(self) -> float:
        return self.font_metrics().height() + 2 if self.labels_above else 0

    def _row_height(self) -> float:
        bars = 1 if self.stacked else max(1, len(self.series))
        bars_height = bars * (self._bar_height() + 2)
        if self.labels_above:
            return self._label_line() + bars_height + 10
        return max(self.font_metrics().height(), bars_height) + 10

    def content_height(self) -> float:
        legend = self.font_metrics().height() + 8 if len(self.series) > 1 else 0
        if self.columns:
            return legend + 190
        return legend + max(1, len(self.rows)) * self._row_height() + 4

    def _scale(self) -> float:
        if self.stacked:
            largest = max((sum(b.value for b in row.bars) for row in self.rows), default=0)
        else:
            largest = max((b.value for row in self.rows for b in row.bars), default=0)
        return largest or 1.0

    def draw(self, painter: QPainter, area: QRectF) -> list[_Mark]:
        area = area.adjusted(0, self.draw_legend(painter, area), 0, 0)
        if self.columns:
            return self._draw_columns(painter, area)
        return self._draw_rows(painter, area)

    def _bar_colour(self, row: BarRow, bar: Bar, series: Series) -> QColor:
        return colour("grey" if row.muted else (bar.colour or series.colour), self)

    def _draw_rows(self, painter: QPainter, area: QRectF) -> list[_Mark]:
        metrics = self.font_metrics()
        widest_label = max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0)
        label_width = 0 if self.labels_above else min(widest_label, area.width() * 0.4) + 10
        texts = [r.text for r in self.rows] if self.stacked else []
        texts += [b.shown_text for r in self.rows for b in r.bars]
        text_width = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 8
        left = area.left() + label_width
        width = max(area.width() - label_width - text_width, 20)
        scale = self._scale()
        bar_height = self._bar_height()
        marks: list[_Mark] = []
        top = area.top()
        for row in self.rows:
            row_height = self._row_height()
            bars_top = top + self._label_line()
            bars_height = row_height - 10 - self._label_line()
            text_colour = QPalette.ColorRole.WindowText
            painter.setPen(muted_text(self) if row.muted else self.palette().color(text_colour))
            if self.labels_above:
                box = QRectF(area.left(), top, area.width(), metrics.height())
                self.draw_label(painter, box, row.label, Qt.AlignmentFlag.AlignLeft)
            else:
                box = QRectF(area.left(), top, label_width - 10, bars_height)
                flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
                self.draw_label(painter, box, row.label, flags)
            if self.stacked:
                x = left
                y = bars_top + (bars_height - bar_height) / 2
                for bar, series in zip(row.bars, self.series, strict=False):
                    if bar.value <= 0:
                        continue
                    length = bar.value / scale * width
                    rect = QRectF(x, y, max(length, 2), bar_height)
                    fill = self._bar_colour(row, bar, series)
                    self.paint_bar(painter, rect, fill, hollow=series.hollow)
                    marks.append(_Mark(rect, bar.tooltip, bar.key))
                    x += length
                self._draw_value(painter, QPointF(x + 6, y), row.text)
            else:
                y = bars_top + (bars_height - len(row.bars) * (bar_height + 2)) / 2
                for bar, series in zip(row.bars, self.series, strict=False):
                    length = max(bar.value / scale * width, 2 if bar.value > 0 else 0)
                    rect = QRectF(left, y, length, bar_height)
                    fill = self._bar_colour(row, bar, series)
                    self.paint_bar(painter, rect, fill, hollow=series.hollow)
                    self._draw_value(painter, QPointF(rect.right() + 6, y), bar.shown_text)
                    marks.append(
                        _Mark(QRectF(left, y, max(length, 6), bar_height), bar.tooltip, bar.key)
                    )
                    y += bar_height + 2
            top += row_height
        return marks

    def _draw_value(self, painter: QPainter, at: QPointF, text: str) -> None:
        metrics = self.font_metrics()
        painter.setPen(muted_text(self))
        baseline = at.y() + (self._bar_height() + metrics.ascent() - metrics.descent()) / 2
        painter.drawText(QPointF(at.x(), baseline), text)

    def _draw_columns(self, painter: QPainter, area: QRectF) -> list[_Mark]:
        metrics = self.font_metrics()
        label_height = metrics.height() + 6
        value_height = metrics.height() + 2
        plot = area.adjusted(0, value_height, 0, -label_height)
        scale = self._scale()
        slot = area.width() / max(1, len(self.rows))
        bars = max(1, len(self.series))
        bar_width = min(slot * 0.78 / bars, 56)
        marks: list[_Mark] = []
        baseline_pen = QPen(self.palette().color(QPalette.ColorRole.Mid), 1)
        painter.setPen(baseline_pen)
        painter.drawLine(QPointF(area.left(), plot.bottom()), QPointF(area.right(), plot.bottom()))
        for index, row in enumerate(self.rows):
            group_left = area.left() + slot * index + (slot - bar_width * bars - 3 * (bars - 1)) / 2
            for n, (bar, series) in enumerate(zip(row.bars, self.series, strict=False)):
                height = max(bar.value / scale * plot.height(), 2 if bar.value > 0 else 0)
                x = group_left + n * (bar_width + 3)
                rect = QRectF(x, plot.bottom() - height, bar_width, height)
                self.paint_bar(
                    painter, rect, self._bar_colour(row, bar, series), hollow=series.hollow
                )
                painter.setPen(muted_text(self))
                value_box = QRectF(x - 10, rect.top() - value_height, bar_width + 20, value_height)
                painter.drawText(
                    value_box,
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    bar.shown_text,
                )
                hit = QRectF(x, plot.bottom() - max(height, 6), bar_width, max(height, 6))
                marks.append(_Mark(hit, bar.tooltip, bar.key))
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            label_box = QRectF(
                area.left() + slot * index + 3, plot.bottom() + 4, slot - 6, label_height
            )
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            self.draw_label(painter, label_box, row.label, flags)
        return marks


class DumbbellChart(Chart):
    """Items on a 1–5 scale: a hollow dot before, a filled dot after, joined by a line."""

    LOW, HIGH = 1.0, 5.0

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.items: tuple[Dumbbell, ...] = ()
        self.series = (Series("Before", "grey", hollow=True), Series("After", "blue"))

    def set_data(self, items: Sequence[Dumbbell]) -> None:
        """Show these items, top to bottom."""
        self.items = tuple(items)
        self.refresh()

    def has_data(self) -> bool:
        return bool(self.items)

    def summary(self) -> str:
        return "; ".join(item.tooltip for item in self.items)

    def _row_height(self) -> float:
        return self.font_metrics().height() + 14

    def content_height(self) -> float:
        metrics = self.font_metrics()
        return metrics.height() * 2 + 16 + max(1, len(self.items)) * self._row_height()

    def draw(self, painter: QPainter, area: QRectF) -> list[_Mark]:
        area = area.adjusted(0, self.draw_legend(painter, area), 0, 0)
        metrics = self.font_metrics()
        widest_label = max((metrics.horizontalAdvance(i.label) for i in self.items), default=0)
        label_width = min(widest_label, area.width() * 0.42) + 12
        text_width = metrics.horizontalAdvance("4.4 → 4.4  +0.0") + 12
        left = area.left() + label_width + 6
        right = area.right() - text_width
        scale_top = area.top() + metrics.height() + 2
        grid = QColor(self.palette().color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)

        def x_of(value: float) -> float:
            return left + (value - self.LOW) / (self.HIGH - self.LOW) * (right - left)

        bottom = scale_top + len(self.items) * self._row_height()
        for tick in range(int(self.LOW), int(self.HIGH) + 1):
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x_of(tick), scale_top), QPointF(x_of(tick), bottom))
            painter.setPen(muted_text(self))
            painter.drawText(
                QRectF(x_of(tick) - 20, area.top(), 40, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                str(tick),
            )
        before_colour, after_colour = colour("grey", self), colour("blue", self)
        marks: list[_Mark] = []
        top = scale_top
        radius = max(4.5, metrics.height() * 0.28)
        for item in self.items:
            middle = top + self._row_height() / 2
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            self.draw_label(
                painter,
                QRectF(area.left(), top, label_width - 12, self._row_height()),
                item.label,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            )
            start, end = QPointF(x_of(item.before), middle), QPointF(x_of(item.after), middle)
            trend = (
                "green"
                if item.after > item.before
                else "red"
                if item.after < item.before
                else "grey"
            )
            line = QPen(colour(trend, self), 3)
            line.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(line)
            painter.drawLine(start, end)
            painter.setPen(QPen(before_colour, 2))
            painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
            painter.drawEllipse(start, radius, radius)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(after_colour)
            painter.drawEllipse(end, radius, radius)
            change = item.after - item.before
            painter.setPen(muted_text(self))
            painter.drawText(
                QRectF(right + 12, top, text_width, self._row_height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{item.before:.1f} → {item.after:.1f}  {change:+.1f}",
            )
            hit = QRectF(
                min(start.x(), end.x()) - radius,
                middle - radius,
                abs(end.x() - start.x()) + 2 * radius,
                2 * radius,
            )
            marks.append(_Mark(hit, item.tooltip, item.key))
            top += self._row_height()
        return marks


class FigureCard(Opener):
    """One headline number: a title, the number large, a line of detail; opens its records.

    Clicked, or chosen with Enter, while it has records, it emits ``activated`` with their key.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.value = "—"
        self.detail = ""
        self.tone = ""
        self.key: Any = None
        self._hovered = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._describe()

    def set_figure(
        self, value: str, detail: str, *, tooltip: str = "", key: Any = None, tone: str = ""
    ) -> None:
        """Show a figure.

        Args:
            value: the number as shown ("36%", "4.6 / 5").
            detail: one line under it ("20 of 55 mentee applications").
            tooltip: the exact numbers and what a click opens.
            key: the records it opens, or None.
            tone: a colour name for the stripe at its side ("red" for overdue), or "".
        """
        self.value, self.detail, self.key, self.tone = value, detail, key, tone
        self.setToolTip(tooltip)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if key is not None else Qt.CursorShape.ArrowCursor
        )
        self._describe()
        self.update()

    def clear(self) -> None:
        """Show no figure (the file was closed or the figures are loading)."""
        self.set_figure("—", "")

    def _describe(self) -> None:
        self.setAccessibleName(f"{self.title}: {self.value}")
        self.setAccessibleDescription(self.detail)

    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont(self.font())
        title.setWeight(QFont.Weight.DemiBold)
        value = QFont(self.font())
        value.setPointSizeF(self.font().pointSizeF() * 2.1)
        value.setWeight(QFont.Weight.Bold)
        return title, value

    def sizeHint(self) -> QSize:
        title, value = self._fonts()
        line = QFontMetricsF(self.font()).height()
        height = QFontMetricsF(title).height() + QFontMetricsF(value).height() + 2 * line + 30
        return QSize(220, int(height))

    def minimumSizeHint(self) -> QSize:
        return QSize(170, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        lit = (self._hovered and self.key is not None) or self.hasFocus()
        paint_card(painter, self, rect, lit=lit)
        if self.tone:
            stripe = QPainterPath()
            stripe.addRoundedRect(
                QRectF(rect.left() + 1, rect.top() + 1, 5, rect.height() - 2), 2.5, 2.5
            )
            painter.fillPath(stripe, colour(self.tone, self))
        title_font, value_font = self._fonts()
        inner = rect.adjusted(16, 10, -12, -8)
        painter.setFont(title_font)
        painter.setPen(muted_text(self))
        title_height = QFontMetricsF(title_font).height()
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), title_height),
            Qt.AlignmentFlag.AlignLeft,
            self.title,
        )
        painter.setFont(value_font)
        painter.setPen(
            colour(self.tone, self)
            if self.tone == "red"
            else self.palette().color(QPalette.ColorRole.Text)
        )
        value_height = QFontMetricsF(value_font).height()
        top = inner.top() + title_height + 2
        painter.drawText(
            QRectF(inner.left(), top, inner.width(), value_height),
            Qt.AlignmentFlag.AlignLeft,
            self.value,
        )
        painter.setFont(self.font())
        painter.setPen(muted_text(self))
        detail_box = QRectF(
            inner.left(),
            top + value_height + 2,
            inner.width(),
            inner.bottom() - top - value_height - 2,
        )
        painter.drawText(
            detail_box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, self.detail
        )

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.HoverEnter, QEvent.Type.HoverLeave):
            self._hovered = event.type() == QEvent.Type.HoverEnter
            self.update()
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.open()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open()
            return
        super().keyPressEvent(event)

    def open(self) -> None:
        """Open the card's records, if it has any."""
        if self.key is not None:
            self.activated.emit(self.key)
