"""The Training and Events tabs: everything with a date, training sessions apart."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from mentordesk.domain.enums import TRAINING_KINDS, EventKind
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.form_values import (
    combo_value,
    count_value,
    fill_enum_combo,
    plain_text,
    prepare_count,
    select_value,
    set_count,
)
from mentordesk.gui.forms.ui_event import Ui_EventForm
from mentordesk.gui.table_models import EventTableModel
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.services import events
from mentordesk.services.events import EventInput, EventRow
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile


def _to_qt(moment: dt.datetime, zone: ZoneInfo) -> QDateTime:
    local = moment.astimezone(zone)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def _from_qt(value: QDateTime, zone: ZoneInfo) -> dt.datetime:
    day, time = value.date(), value.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=zone)


class EventDialog(RecordDialog):
    """Add or edit an event; times are typed in the programme's time zone."""

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        save: Save,
        *,
        kinds: list[EventKind],
        zone: ZoneInfo,
        event: EventInput | None = None,
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.ui = Ui_EventForm()
        self.ui.setupUi(self)
        self._zone = zone
        ui = self.ui
        fill_enum_combo(ui.kind, kinds)
        prepare_count(ui.capacity)
        ui.starts_at.setToolTip(f"In the programme's time zone, {zone.key}")
        ui.ends_at.setToolTip(f"In the programme's time zone, {zone.key}")
        ui.starts_at.dateTimeChanged.connect(self._keep_end_after_start)
        self.setWindowTitle("Edit event" if event else "Add event")
        if event is None:
            start = dt.datetime.combine(
                dt.date.today() + dt.timedelta(days=7), dt.time(14, 0), tzinfo=zone
            )
            event = EventInput(kinds[0], "", start, start + dt.timedelta(hours=2))
        ui.title.setText(event.title)
        select_value(ui.kind, event.kind)
        ui.starts_at.setDateTime(_to_qt(event.starts_at, zone))
        ui.ends_at.setDateTime(_to_qt(event.ends_at, zone))
        ui.all_day.setChecked(event.all_day)
        ui.location.setText(event.location)
        set_count(ui.capacity, event.capacity)
        ui.description.setPlainText(event.description)

    def _keep_end_after_start(self, start: QDateTime) -> None:
        if self.ui.ends_at.dateTime() < start:
            self.ui.ends_at.setDateTime(start.addSecs(2 * 3600))

    def values(self) -> EventInput:
        ui = self.ui
        return EventInput(
            kind=combo_value(ui.kind),
            title=ui.title.text(),
            starts_at=_from_qt(ui.starts_at.dateTime(), self._zone),
            ends_at=_from_qt(ui.ends_at.dateTime(), self._zone),
            all_day=ui.all_day.isChecked(),
            location=ui.location.text(),
            description=plain_text(ui.description),
            capacity=count_value(ui.capacity),
        )


class EventsTab(RecordTab[EventRow]):
    """Events other than training: kick-off, networking, closing, deadlines."""

    TITLE = "Events"
    NOUN = ("event", "events")
    COLUMN_WIDTHS = (15, 12, 50, 15, 8, 9, 40)
    TRAINING = False

    def __init__(self, parent: QWidget | None = None) -> None:
        self.event_model = EventTableModel()
        super().__init__(self.event_model, parent)
        self.view.sortByColumn(EventTableModel.DATE, Qt.SortOrder.AscendingOrder)

    def kinds(self) -> list[EventKind]:
        """The kinds of event this tab lists."""
        return [k for k in EventKind if (k in TRAINING_KINDS) == self.TRAINING]

    def zone(self) -> ZoneInfo:
        """The programme's time zone."""
        return ZoneInfo(self.programme.timezone if self.programme else "UTC")

    def set_programme(self, programme_file: ProgrammeFile, programme: ProgrammeSummary) -> None:
        self.event_model.timezone = ZoneInfo(programme.timezone)
        super().set_programme(programme_file, programme)

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[EventRow]:
        return events.event_rows(session, programme.id, training=self.TRAINING)

    def add_dialog(self) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self._open(None, lambda s, v: events.add_event(s, programme_id, v))

    def edit_dialog(self, row: EventRow) -> None:
        self.run(
            lambda s: events.event_input(s, row.event_id),
            lambda event: self._open(event, lambda s, v: events.update_event(s, row.event_id, v)),
        )

    def _open(self, event: EventInput | None, save: Save) -> None:
        assert self.programme_file is not None
        kinds = self.kinds()
        if event is not None and event.kind not in kinds:
            kinds.append(event.kind)
        dialog = EventDialog(
            self, self.programme_file, save, kinds=kinds, zone=self.zone(), event=event
        )
        self.show_dialog(dialog)

    def delete_rows(self, session: Session, rows: list[EventRow]) -> None:
        for row in rows:
            events.delete_event(session, row.event_id)


class TrainingTab(EventsTab):
    """Training sessions: orientation, mentor training and workshops."""

    TITLE = "Training"
    NOUN = ("training session", "training sessions")
    TRAINING = True
