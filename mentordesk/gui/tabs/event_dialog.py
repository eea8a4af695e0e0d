"""The add/edit form of an event: times in the programme's time zone, audience, and series."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from mentordesk.domain.enums import Audience, EventKind
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.form_values import (
    combo_value,
    count_value,
    fill_combo,
    fill_enum_combo,
    plain_text,
    prepare_count,
    select_value,
    set_count,
)
from mentordesk.gui.forms.ui_event import Ui_EventForm
from mentordesk.services import events
from mentordesk.services.events import EventInput
from mentordesk.services.programmes import StrandChoice
from mentordesk.store.programme_file import ProgrammeFile


def to_qt(moment: dt.datetime, zone: ZoneInfo) -> QDateTime:
    """A moment as the wall-clock time it is in ``zone``."""
    local = moment.astimezone(zone)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qt(value: QDateTime, zone: ZoneInfo) -> dt.datetime:
    """A wall-clock time typed in ``zone`` (the service refuses one the clocks skip)."""
    day, time = value.date(), value.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=zone)


@dataclass(frozen=True)
class EventDraft:
    """What the form holds: the event, and how it repeats when one is added.

    Attributes:
        every_weeks: weeks between sessions of a series, or None for a single event.
        count: how many sessions the series has (with ``every_weeks``).
        new: whether the form adds an event (a draft reopened after a lock says so).
    """

    event: EventInput
    every_weeks: int | None = None
    count: int = 1
    new: bool = False


def save_new(programme_id: int) -> Save:
    """Save a new event, or a series of them, into a programme."""

    def save(session: Session, draft: EventDraft) -> object:
        if draft.every_weeks is None:
            return events.add_event(session, programme_id, draft.event)
        return events.add_event_series(
            session, programme_id, draft.event, every_weeks=draft.every_weeks, count=draft.count
        )

    return save


def save_changes(event_id: int) -> Save:
    """Save the changes to one event."""
    return lambda session, draft: events.update_event(session, event_id, draft.event)


class EventDialog(RecordDialog):
    """Add or edit an event; times are typed in the programme's time zone.

    Only a new event can repeat: each session of a series is then its own event.
    """

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        save: Save,
        *,
        kinds: list[EventKind],
        zone: ZoneInfo,
        strands: list[StrandChoice],
        event: EventInput | None = None,
        draft: EventDraft | None = None,
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.ui = Ui_EventForm()
        self.ui.setupUi(self)
        self._zone = zone
        ui = self.ui
        fill_enum_combo(ui.kind, kinds)
        fill_enum_combo(ui.audience, Audience)
        fill_combo(ui.audience_strand, ((s.name, s.id) for s in strands), blank=True)
        prepare_count(ui.capacity)
        for edit in (ui.starts_at, ui.ends_at):
            edit.setToolTip(f"In the programme's time zone, {zone.key}")
        ui.timezone_note.setText(f"Times are in the programme's time zone, {zone.key}.")
        ui.starts_at.dateTimeChanged.connect(self._keep_end_after_start)
        ui.audience.currentIndexChanged.connect(self._audience_changed)
        self._adding = event is None or (draft is not None and draft.new)
        ui.repeats.setVisible(self._adding)
        self.setWindowTitle("Add event" if self._adding else "Edit event")
        if draft is not None:
            # What the form held when the window locked, series included.
            event = draft.event
            if draft.every_weeks is not None:
                ui.repeats.setChecked(True)
                ui.every_weeks.setValue(draft.every_weeks)
                ui.session_count.setValue(draft.count)
        if event is None:
            start = dt.datetime.combine(
                dt.date.today() + dt.timedelta(days=7), dt.time(14, 0), tzinfo=zone
            )
            event = EventInput(kinds[0], "", start, start + dt.timedelta(hours=2))
        ui.title.setText(event.title)
        select_value(ui.kind, event.kind)
        ui.starts_at.setDateTime(to_qt(event.starts_at, zone))
        ui.ends_at.setDateTime(to_qt(event.ends_at, zone))
        ui.all_day.setChecked(event.all_day)
        ui.location.setText(event.location)
        ui.online_link.setText(event.online_link)
        ui.facilitator.setText(event.facilitator)
        select_value(ui.audience, event.audience)
        select_value(ui.audience_strand, event.audience_strand_id)
        set_count(ui.capacity, event.capacity)
        ui.description.setPlainText(event.description)
        self._audience_changed()

    def _keep_end_after_start(self, start: QDateTime) -> None:
        if self.ui.ends_at.dateTime() < start:
            self.ui.ends_at.setDateTime(start.addSecs(2 * 3600))

    def _audience_changed(self) -> None:
        for_strand = combo_value(self.ui.audience) is Audience.STRAND
        self.ui.audience_strand.setEnabled(for_strand)
        self.ui.audience_strand_label.setEnabled(for_strand)

    def values(self) -> EventDraft:
        ui = self.ui
        audience = combo_value(ui.audience)
        event = EventInput(
            kind=combo_value(ui.kind),
            title=ui.title.text(),
            starts_at=from_qt(ui.starts_at.dateTime(), self._zone),
            ends_at=from_qt(ui.ends_at.dateTime(), self._zone),
            all_day=ui.all_day.isChecked(),
            location=ui.location.text(),
            description=plain_text(ui.description),
            capacity=count_value(ui.capacity),
            online_link=ui.online_link.text().strip(),
            facilitator=ui.facilitator.text(),
            audience=audience,
            audience_strand_id=(
                combo_value(ui.audience_strand) if audience is Audience.STRAND else None
            ),
        )
        if self._adding and ui.repeats.isChecked():
            return EventDraft(event, ui.every_weeks.value(), ui.session_count.value(), new=True)
        return EventDraft(event, new=self._adding)
