"""The Events tab: the programme calendar as a list or a month, each event with its register."""

from __future__ import annotations

import operator
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import TRAINING_KINDS, EventKind
from mentordesk.gui.calendar_export import (
    ask_calendar_path,
    ask_organiser,
    export_calendar_to,
    remembered_organiser,
    save_invitations_to,
)
from mentordesk.gui.dialogs import Save, confirm
from mentordesk.gui.folders import EXPORT_FOLDER, ask_folder
from mentordesk.gui.table_models import EventTableModel
from mentordesk.gui.tabs.attendance_panel import AttendancePanel
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.event_dialog import EventDialog, EventDraft, save_changes, save_new
from mentordesk.gui.tabs.month_view import MonthView
from mentordesk.services import events
from mentordesk.services.events import EventInput, EventRow
from mentordesk.services.programmes import ProgrammeSummary, StrandChoice, strand_choices
from mentordesk.store.programme_file import ProgrammeFile

__all__ = ["EventDialog", "EventDraft", "EventsTab"]


#: What tells one event from another when the selection is kept over a reload.
_EVENT_ID = operator.attrgetter("event_id")


class EventsTab(RecordTab[EventRow]):
    """Events other than training: kick-off, networking, closing, deadlines.

    Beside the list (or the month view) a panel shows the selected event's
    register, where attendance is ticked, imported and invitations added.

    Attributes:
        MONTH_VIEW: whether the tab offers the month view.
        panel: the register of the selected event.
        month_view: the calendar by month, if offered.
        list_pages: the list and the month view, one shown at a time.
        pages: the splitter of list and register (Training adds a second page).
    """

    TITLE = "Events"
    REOPENS_DRAFTS = True
    NOUN = ("event", "events")
    EMPTY_HINT = "Add one with Edit ▸ Add… (Ctrl+Shift+N): meetings, workshops, networking."
    COLUMN_WIDTHS = (15, 12, 34, 14, 8, 9, 30)
    TRAINING = False
    MONTH_VIEW = True
    PANEL_WIDTH = 660

    def __init__(self, parent: QWidget | None = None) -> None:
        self.event_model = EventTableModel()
        super().__init__(self.event_model, parent)
        self.view.sortByColumn(EventTableModel.DATE, Qt.SortOrder.AscendingOrder)
        self.panel = AttendancePanel(self)
        self.panel.changed.connect(self.reload)
        self.list_pages = QStackedWidget(self)
        self.list_pages.setObjectName("list_pages")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{self.TITLE.lower()}_splitter")
        self.splitter.setChildrenCollapsible(True)
        layout = self.layout()
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        layout.replaceWidget(self.view, self.pages)
        self.list_pages.addWidget(self.view)
        self.splitter.addWidget(self.list_pages)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1280 - self.PANEL_WIDTH, self.PANEL_WIDTH])
        self.pages.addWidget(self.splitter)
        self.month_view: MonthView | None = None
        self.month_button: QToolButton | None = None
        if self.MONTH_VIEW:
            self.month_view = MonthView(self)
            self.month_view.event_chosen.connect(self.select_event)
            self.list_pages.addWidget(self.month_view)
            self.month_button = self.add_toggle(
                "Month", "month_button", "Show the events by month, or as a list", self.show_month
            )
        self._make_actions()
        # Prepare drafts, Copy addresses, Write email: set by the window's Messages menu.
        self.message_actions: list[QAction | QMenu] = []
        self._register_timer = self.when_selection_settles(self._show_register)

    def _make_actions(self) -> None:
        def action(text: str, name: str, slot: object) -> QAction:
            made = QAction(text, self)
            made.setObjectName(name)
            made.triggered.connect(slot)
            return made

        self.cancel_action = action("Cance&l event…", "cancel_event_action", self.cancel_selected)
        self.invite_action = action("&Invite people…", "invite_action", self.panel.invite)
        self.import_report_action = action(
            "Import attendance &report…", "import_report_action", self.panel.import_report
        )
        self.export_selected_action = action(
            "Export selected events (.ics)…", "export_selected_action", self.export_selected
        )
        self.save_invitations_action = action(
            "Save &invitations (.ics)…", "save_invitations_action", self.save_invitations
        )

    def extra_actions(self) -> list[QAction | QMenu]:
        return [
            self.cancel_action,
            self.invite_action,
            self.import_report_action,
            self.export_selected_action,
            self.save_invitations_action,
            *self.message_actions,
        ]

    def kinds(self) -> list[EventKind]:
        """The kinds of event this tab lists."""
        return [k for k in EventKind if (k in TRAINING_KINDS) == self.TRAINING]

    def zone(self) -> ZoneInfo:
        """The programme's time zone."""
        return ZoneInfo(self.programme.timezone if self.programme else "UTC")

    # Loading -------------------------------------------------------------------

    def set_programme(self, programme_file: ProgrammeFile, programme: ProgrammeSummary) -> None:
        self.event_model.timezone = ZoneInfo(programme.timezone)
        self.panel.set_programme(programme_file, programme)
        super().set_programme(programme_file, programme)

    def clear(self) -> None:
        super().clear()
        self.panel.set_programme(None, None)
        if self.month_view is not None:
            self.month_view.set_events([], self.zone())

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[EventRow]:
        return events.event_rows(session, programme.id, training=self.TRAINING)

    def _show_rows(self, rows: list[EventRow]) -> None:
        # After a reload (a tick in the register, an edit) the same events stay selected.
        kept = self.selected_keys(_EVENT_ID)
        super()._show_rows(rows)
        if self.month_view is not None:
            self.month_view.set_events(rows, self.zone())
        self.select_keys(_EVENT_ID, *kept)
        self._register_timer.start()

    def select_event(self, event_id: int) -> None:
        """Make ``event_id`` the selected event (its register shows beside)."""
        self.view.clearSelection()
        for proxy_row in range(self.proxy.rowCount()):
            index = self.proxy.index(proxy_row, 0)
            if self.model.row_at(self.proxy.mapToSource(index).row()).event_id == event_id:
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
                return

    def _show_register(self) -> None:
        row = self.current_row()
        shown = self.panel.shown_event
        if row is None or shown is None or row.event_id != shown.event_id or row != shown:
            self.panel.show_event(row)

    def show_month(self, shown: bool) -> None:
        """Show the month view (True) or the list."""
        if self.month_view is None:
            return
        self.list_pages.setCurrentIndex(1 if shown else 0)
        current = self.current_row()
        if shown and current is not None:
            self.month_view.show_date(current.starts_at.astimezone(self.zone()).date())

    # Adding and editing ----------------------------------------------------------

    def add_dialog(self) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: strand_choices(s, programme_id),
            lambda strands: self._open(None, strands, save_new(programme_id)),
        )

    def edit_dialog(self, row: EventRow) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: (events.event_input(s, row.event_id), strand_choices(s, programme_id)),
            lambda loaded: self._open(loaded[0], loaded[1], save_changes(row.event_id)),
        )

    def _open(
        self,
        event: EventInput | None,
        strands: list[StrandChoice],
        save: Save,
        draft: EventDraft | None = None,
    ) -> None:
        assert self.programme_file is not None
        kinds = self.kinds()
        if event is not None and event.kind not in kinds:
            kinds.append(event.kind)
        dialog = EventDialog(
            self,
            self.programme_file,
            save,
            kinds=kinds,
            zone=self.zone(),
            strands=strands,
            event=event,
            draft=draft,
        )
        self.show_dialog(dialog)

    def draft_form_data(
        self, session: Session, programme_id: int, values: EventDraft
    ) -> list[StrandChoice]:
        return strand_choices(session, programme_id)

    def open_draft(
        self, data: list[StrandChoice], values: EventDraft, save: Save, title: str
    ) -> None:
        self._open(values.event, data, save, values)

    def delete_rows(self, session: Session, rows: list[EventRow]) -> None:
        for row in rows:
            events.delete_event(session, row.event_id)

    def cancel_selected(self) -> None:
        """Mark the selected events cancelled, after asking; they stay in calendars as such."""
        rows = [r for r in self.selected_rows() if not r.cancelled]
        if not rows or self.programme_file is None:
            return
        what = f"“{rows[0].title}”" if len(rows) == 1 else f"the {len(rows)} selected events"
        question = (
            f"Cancel {what}? It stays in the programme, shown as cancelled, and calendars "
            "updated from MentorDesk show it cancelled."
        )
        if confirm(self, "Cancel event", question, "Cancel event"):
            ids = [r.event_id for r in rows]
            self.run(
                lambda s: [events.cancel_event(s, i) for i in ids],
                lambda _result: self._changed(),
            )

    # Calendars -------------------------------------------------------------------

    def export_selected(self) -> None:
        """Ask where to save the selected events as one calendar file, then save it."""
        rows = self.selected_rows()
        if not rows or self.programme is None:
            return
        name = rows[0].title if len(rows) == 1 else f"{self.programme.name} – {len(rows)} events"
        path = ask_calendar_path(self, name)
        if path is not None:
            self.export_selected_to(path)

    def export_selected_to(self, path: Path) -> None:
        """Save the selected events as one calendar file, off the GUI thread."""
        rows = self.selected_rows()
        if not rows or self.programme is None or self.programme_file is None:
            return
        export_calendar_to(
            self,
            self.programme_file,
            self.programme.id,
            path,
            event_ids=[r.event_id for r in rows],
            on_done=self.exported.emit,
        )

    def save_invitations(self) -> None:
        """Ask for a folder (and, once, who sends them) and write one invitation per event."""
        rows = self.selected_rows()
        if not rows:
            return
        organiser = ask_organiser(self)
        if organiser is None:
            return
        folder = ask_folder(self, "Save invitations into", EXPORT_FOLDER)
        if folder is not None:
            self.save_invitations_to(folder)

    def save_invitations_to(self, folder: Path) -> None:
        """Write one invitation file per selected event into ``folder``, off the GUI thread."""
        rows = self.selected_rows()
        organiser = remembered_organiser()
        if not rows or organiser is None or self.programme_file is None:
            return
        save_invitations_to(
            self,
            self.programme_file,
            rows,
            folder,
            organiser,
            self.zone(),
            on_done=lambda _paths: self.exported.emit(folder),
        )
