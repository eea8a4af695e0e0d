"""The register of the selected event: ticked by hand, in bulk, by invitation or from a report."""

from __future__ import annotations

from collections.abc import Collection
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import AttendanceStatus
from mentordesk.gui.dialogs import Save
from mentordesk.gui.errors import show_error
from mentordesk.gui.folders import ATTENDANCE_FOLDER, ask_open_path
from mentordesk.gui.ops import run_op
from mentordesk.gui.tabs.attendance_import_dialog import (
    REPORT_FILTER,
    AttendanceImportDialog,
    start_attendance_import,
)
from mentordesk.gui.tabs.invite_dialog import Invitation, InviteData, InviteDialog, load_invite_data
from mentordesk.gui.tabs.register_model import RegisterModel, RsvpDelegate, with_status
from mentordesk.services.events import (
    EventRow,
    RegisterLine,
    event_register,
    register_counts,
    set_attendance,
)
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile

EMPTY_TEXT = "Select an event to see its register."


def _save_lines(session: Session, event_id: int, lines: list[RegisterLine]) -> None:
    for line in lines:
        set_attendance(
            session,
            event_id,
            line.person_id,
            line.status,
            line.minutes_attended,
            rsvp=line.rsvp,
        )


class AttendancePanel(QWidget):
    """Who is on one event's register, and how they took part.

    Attributes:
        shown_event: the event shown, or None.
        model: its register; view: the table of it.
        invite_dialog, import_dialog: the dialog now open, if any.

    Signals:
        loaded: the register was (re)loaded.
        changed: the register was changed (the tab's counts need a reload).
    """

    loaded = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendance_panel")
        self.programme_file: ProgrammeFile | None = None
        self.programme: ProgrammeSummary | None = None
        self.shown_event: EventRow | None = None
        self.invite_dialog: InviteDialog | None = None
        self.import_dialog: AttendanceImportDialog | None = None
        self._request = 0
        self.heading = QLabel(self)
        self.heading.setObjectName("register_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.model = RegisterModel(self)
        self.model.edited.connect(lambda line: self._save([line]))
        self.view = QTableView(self)
        self.view.setObjectName("register")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(RegisterModel.RSVP, RsvpDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RegisterModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.mark_buttons: dict[AttendanceStatus, QPushButton] = {}
        marks = QHBoxLayout()
        marks.addWidget(QLabel("Mark selected:", self))
        for status in (
            AttendanceStatus.ATTENDED,
            AttendanceStatus.ABSENT,
            AttendanceStatus.EXCUSED,
        ):
            button = QPushButton(status.label, self)
            button.setObjectName(f"mark_{status.value}")
            button.setToolTip(f"Mark the selected people as {status.label.lower()}")
            button.clicked.connect(lambda _checked=False, s=status: self.mark(s))
            marks.addWidget(button)
            self.mark_buttons[status] = button
        marks.addStretch(1)
        self.invite_button = QPushButton("Invite people…", self)
        self.invite_button.setObjectName("invite_button")
        self.invite_button.clicked.connect(self.invite)
        self.import_button = QPushButton("Import attendance report…", self)
        self.import_button.setObjectName("import_report_button")
        self.import_button.setToolTip("Record who attended from an online meeting's report")
        self.import_button.clicked.connect(self.import_report)
        actions = QHBoxLayout()
        actions.addWidget(self.invite_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addLayout(marks)
        self.show_event(None)

    # Showing ------------------------------------------------------------------

    def set_programme(
        self, programme_file: ProgrammeFile | None, programme: ProgrammeSummary | None
    ) -> None:
        """Work on this file and programme (None when the file is closed)."""
        self.programme_file = programme_file
        self.programme = programme
        self.show_event(None)

    def show_event(self, event: EventRow | None) -> None:
        """Show the register of ``event`` (loaded off the GUI thread), or a hint."""
        self._request += 1
        self.shown_event = event
        for widget in (self.invite_button, self.import_button, *self.mark_buttons.values()):
            widget.setEnabled(event is not None)
        if event is None or self.programme_file is None:
            self.shown_event = None
            self.heading.setText(f"<p style='color:#666'>{escape(EMPTY_TEXT)}</p>")
            self.model.set_lines([])
            return
        self.reload()

    def reload(self) -> None:
        """Load the register of the event shown again."""
        if self.shown_event is None or self.programme_file is None:
            return
        self._request += 1
        request = self._request
        event_id = self.shown_event.event_id
        run_op(
            self.programme_file,
            lambda s: event_register(s, event_id),
            parent=self,
            on_success=lambda lines: self._show_lines(request, lines),
            # The event was deleted meanwhile: the tab's reload clears the panel.
            on_failure=lambda _error: None,
        )

    def _show_lines(self, request: int, lines: list[RegisterLine]) -> None:
        if request != self._request or self.shown_event is None:
            return
        self.model.set_lines(lines)
        counts = register_counts(lines)
        cancelled = (
            " <span style='color:#c62828'>(cancelled)</span>" if self.shown_event.cancelled else ""
        )
        self.heading.setText(
            f"<b>{escape(self.shown_event.title)}</b>{cancelled}<br>"
            + " · ".join(f"{n} {status.label.lower()}" for status, n in counts.items())
        )
        self.loaded.emit()

    # Changing -----------------------------------------------------------------

    def _save(self, lines: list[RegisterLine]) -> None:
        if self.shown_event is None or self.programme_file is None or not lines:
            return
        event_id = self.shown_event.event_id
        run_op(
            self.programme_file,
            lambda s: _save_lines(s, event_id, lines),
            parent=self,
            on_success=lambda _result: self._changed(),
            on_failure=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)
        self.reload()

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def selected_lines(self) -> list[RegisterLine]:
        """The people selected in the register."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.line_at(r) for r in rows]

    def mark(self, status: AttendanceStatus) -> None:
        """Give the selected people ``status`` in one step."""
        self._save([with_status(line, status) for line in self.selected_lines()])

    def invite(self) -> None:
        """Choose people from the programme's participants and invite them."""
        if self.shown_event is None or self.programme_file is None or self.programme is None:
            return
        programme_id, event_id = self.programme.id, self.shown_event.event_id
        run_op(
            self.programme_file,
            lambda s: load_invite_data(s, programme_id, event_id),
            parent=self,
            on_success=self._open_invite,
        )

    def can_reopen_draft(self) -> bool:
        return True

    def reopen_draft(self, title: str, values: Invitation, save: Save) -> None:
        """Reopen the invite dialog of an event with the people ticked when the window locked."""
        if self.programme_file is None or self.programme is None:
            return
        programme_id, event_id = self.programme.id, values.event_id
        run_op(
            self.programme_file,
            lambda s: load_invite_data(s, programme_id, event_id),
            parent=self,
            on_success=lambda data: self._open_invite(data, values.person_ids),
        )

    def _open_invite(self, data: InviteData, ticked: Collection[int] = ()) -> None:
        if self.programme_file is None:
            return
        dialog = InviteDialog(self, self.programme_file, data, ticked=ticked)
        self.invite_dialog = dialog
        dialog.saved.connect(lambda _count: self._changed())
        dialog.finished.connect(lambda _code: self._forget_dialogs())
        dialog.open()

    def import_report(self) -> None:
        """Ask for an online meeting's attendance report and open the import dialog on it."""
        if self.shown_event is None:
            return
        path = ask_open_path(self, "Import attendance report", REPORT_FILTER, ATTENDANCE_FOLDER)
        if path is not None:
            self.import_report_from(path)

    def import_report_from(self, path: Path) -> None:
        """Read ``path`` off the GUI thread, then open the import dialog on it."""
        if self.shown_event is None or self.programme_file is None:
            return
        start_attendance_import(
            self, self.programme_file, self.shown_event, path, self._open_import
        )

    def _open_import(self, dialog: AttendanceImportDialog) -> None:
        self.import_dialog = dialog
        dialog.imported.connect(lambda _result: self._changed())
        dialog.finished.connect(lambda _code: self._forget_dialogs())

    def _forget_dialogs(self) -> None:
        self.invite_dialog = None
        self.import_dialog = None
