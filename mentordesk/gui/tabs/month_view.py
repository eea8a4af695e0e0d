"""A month of events: a calendar with event days in bold, and the chosen day's events beside it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.gui.table_models import CANCELLED_COLOUR, event_time_text
from mentordesk.services.events import EventRow


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MonthView(QWidget):
    """The programme calendar by month.

    Attributes:
        calendar: the month; days with an event are bold.
        day_list: the events of the selected day.

    Signals:
        event_chosen: an event of the day list was clicked (its id).
    """

    event_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month_view")
        self._by_day: dict[dt.date, list[EventRow]] = {}
        self._zone = ZoneInfo("UTC")
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("month_calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self._show_day)
        self.day_label = QLabel(self)
        self.day_label.setObjectName("day_label")
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("day_events")
        self.day_list.itemClicked.connect(self._clicked)
        self.day_list.itemActivated.connect(self._clicked)
        self.day_list.setWordWrap(True)
        self.day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar, 3)
        layout.addWidget(self.day_label)
        layout.addWidget(self.day_list, 1)

    def set_events(self, rows: list[EventRow], zone: ZoneInfo) -> None:
        """Show these events, by their day in the programme's time zone."""
        self._zone = zone
        by_day: dict[dt.date, list[EventRow]] = defaultdict(list)
        for row in rows:
            by_day[row.starts_at.astimezone(zone).date()].append(row)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget the bold days
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setBackground(QColor("#dbe8f7"))
        for day in by_day:
            self.calendar.setDateTextFormat(_qdate(day), bold)
        self._by_day = dict(by_day)
        self._show_day()

    def event_days(self) -> list[dt.date]:
        """The days that have at least one event, in order."""
        return sorted(self._by_day)

    def show_date(self, day: dt.date) -> None:
        """Turn to ``day``'s month and list its events."""
        self.calendar.setSelectedDate(_qdate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self._show_day()

    def _show_day(self) -> None:
        chosen = self.calendar.selectedDate()
        day = dt.date(chosen.year(), chosen.month(), chosen.day())
        events = sorted(self._by_day.get(day, []), key=lambda r: r.starts_at)
        self.day_label.setText(
            f"{day:%A %d %B %Y}: " + (f"{len(events)} event(s)" if events else "no events")
        )
        self.day_list.clear()
        for row in events:
            time = event_time_text(row, self._zone)
            item = QListWidgetItem(f"{time}  {row.title}", self.day_list)
            item.setData(Qt.ItemDataRole.UserRole, row.event_id)
            item.setToolTip(row.location)
            if row.cancelled:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QColor(CANCELLED_COLOUR))
                item.setToolTip(f"Cancelled. {row.location}".strip())

    def day_events(self) -> list[int]:
        """The ids of the events listed for the selected day."""
        return [
            int(self.day_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.day_list.count())
        ]

    def _clicked(self, item: QListWidgetItem) -> None:
        self.event_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
