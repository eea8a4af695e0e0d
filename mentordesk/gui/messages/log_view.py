"""The communication log: which message was prepared for whom, when, and whether it went out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus
from mentordesk.gui.form_values import combo_value, date_value, fill_combo
from mentordesk.gui.messages import buddy_label
from mentordesk.gui.ops import run_op
from mentordesk.gui.search_proxy import SearchProxy
from mentordesk.gui.table_models import (
    ApplicantTableModel,
    Facet,
    Index,
    RowTableModel,
    SortKey,
    date_key,
    date_text,
)
from mentordesk.gui.views import record_view
from mentordesk.services.applicants import ApplicantRow, applicant_rows
from mentordesk.services.messages import (
    STATUS_KEYS,
    TEMPLATE_KEYS,
    LogRow,
    log_rows,
    mark_sent,
    not_yet_told,
    template_title,
)
from mentordesk.store.programme_file import ProgrammeFile

#: What a log row not marked sent shows in the Sent column, and in which colour.
NOT_SENT_TEXT = "Not yet"
NOT_SENT_COLOUR = "#8a5a00"

#: The views of the log: (text, what they show) — None for every prepared message,
#: "unsent" for those not marked sent, or a status whose applicants were not yet told.
VIEWS: tuple[tuple[str, ApplicationStatus | str | None], ...] = (
    ("All prepared messages", None),
    ("Not yet marked sent", "unsent"),
    ("Received applications not yet acknowledged", ApplicationStatus.RECEIVED),
    ("Accepted applicants not yet told", ApplicationStatus.ACCEPTED),
    ("Waitlisted applicants not yet told", ApplicationStatus.WAITLISTED),
    ("Declined applicants not yet told", ApplicationStatus.DECLINED),
)


class LogTableModel(RowTableModel[LogRow]):
    """The log: one line per message prepared for one person, newest first."""

    PREPARED, NAME, EMAIL, MESSAGE, SENT, SUBJECT = range(6)
    HEADERS = ("Prepared", "Name", "Email", "Message", "Sent", "Subject")
    FACETS = ("template", "sent")

    def __init__(self, zone: ZoneInfo | None = None) -> None:
        super().__init__()
        self.zone = zone

    def prepared_text(self, row: LogRow) -> str:
        """When a message was prepared, in the programme's time zone, to the minute."""
        return f"{row.prepared_at.astimezone(self.zone):%Y-%m-%d %H:%M}"

    def cells(self, row: LogRow) -> tuple[str, ...]:
        return (
            self.prepared_text(row),
            row.person_name,
            row.email,
            row.template_title,
            date_text(row.sent_on) or NOT_SENT_TEXT,
            row.subject,
        )

    def sort_keys(self, row: LogRow) -> tuple[SortKey, ...]:
        return (
            date_key(row.prepared_at),
            self.text_key(row.person_name),
            row.email,
            self.text_key(row.template_title),
            date_key(row.sent_on),
            self.text_key(row.subject),
        )

    def facets(self, row: LogRow) -> tuple[Facet, ...]:
        return (row.template_key, row.sent_on is not None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == self.SENT
            and self.row_at(index.row()).sent_on is None
        ):
            return QColor(NOT_SENT_COLOUR)
        return super().data(index, role)


@dataclass(frozen=True)
class LogData:
    """What the log shows: every prepared message, or the applicants not yet told."""

    rows: list[LogRow]
    untold: list[ApplicantRow]


def load_log(
    session: Session, programme_id: int, status: ApplicationStatus | None = None
) -> LogData:
    """The programme's log, and (for ``status``) its applicants of that status not yet told."""
    rows = log_rows(session, programme_id)
    if status is None:
        return LogData(rows, [])
    wanted = set(not_yet_told(session, programme_id, status))
    untold: dict[int, ApplicantRow] = {}
    for row in applicant_rows(session, programme_id):
        if row.person_id in wanted and row.status is status:
            untold.setdefault(row.person_id, row)
    return LogData(rows, list(untold.values()))


class CommunicationLog(QDialog):
    """Every message prepared in the programme, filtered, with Mark as sent.

    Its views also list the applicants whose decision no message has told yet
    ("Accepted applicants not yet told"), with drafts one click away.

    Attributes:
        view_choice: which view is shown (see ``VIEWS``); template_choice: one message or all.
        log_view, untold_view: the tables of log rows and of applicants not yet told.
        sent_on: the day Mark as sent records.

    Signals:
        changed: messages were marked sent or not sent.
        prepare_requested: drafts are wanted for people (person ids, template key).
        copy_requested: the addresses of these people are wanted on the clipboard.
    """

    changed = Signal()
    prepare_requested = Signal(list, str)
    copy_requested = Signal(list)

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        *,
        programme_name: str = "",
        zone: ZoneInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("communication_log")
        self.setWindowTitle(
            f"Communication log — {programme_name}" if programme_name else "Communication log"
        )
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 600)
        self.programme_file: ProgrammeFile | None = programme_file
        self.programme_id = programme_id
        self._request = 0
        self.view_choice = QComboBox(self)
        self.view_choice.setObjectName("view_choice")
        # Qt hands enumeration members back as plain text: the items hold positions in VIEWS.
        fill_combo(self.view_choice, ((text, i) for i, (text, _view) in enumerate(VIEWS)))
        self.template_choice = QComboBox(self)
        self.template_choice.setObjectName("template_choice")
        fill_combo(
            self.template_choice,
            [("Every message", None), *((template_title(k), k) for k in TEMPLATE_KEYS)],
        )
        self.search = QLineEdit(self)
        self.search.setObjectName("log_search")
        self.search.setPlaceholderText("Search…")
        self.search.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(buddy_label("&Show:", self.view_choice))
        filters.addWidget(self.view_choice)
        self.template_label = buddy_label("M&essage:", self.template_choice)
        filters.addWidget(self.template_label)
        filters.addWidget(self.template_choice)
        filters.addWidget(self.search, 1)

        self.log_model = LogTableModel(zone)
        self.log_proxy = SearchProxy(self)
        self.log_proxy.setSourceModel(self.log_model)
        self.log_view = record_view(self, "log_table")
        self.log_view.setModel(self.log_proxy)
        self.log_view.sortByColumn(LogTableModel.PREPARED, Qt.SortOrder.DescendingOrder)
        em = self.log_view.fontMetrics().horizontalAdvance("n")
        for column, chars in enumerate((15, 18, 24, 17, 10, 40)):
            self.log_view.setColumnWidth(column, chars * em + 16)
        self.untold_model = ApplicantTableModel(self)
        self.untold_proxy = SearchProxy(self)
        self.untold_proxy.setSourceModel(self.untold_model)
        self.untold_view = record_view(self, "untold_table")
        self.untold_view.setModel(self.untold_proxy)
        self.untold_view.sortByColumn(ApplicantTableModel.NAME, Qt.SortOrder.AscendingOrder)
        for column, chars in enumerate((20, 26, 8, 12, 10, 20, 20, 12, 10, 11)):
            self.untold_view.setColumnWidth(column, chars * em + 16)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.log_view)
        self.pages.addWidget(self.untold_view)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("log_count")
        self.sent_on = QDateEdit(self)
        self.sent_on.setObjectName("sent_on")
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.sent_on.setDate(QDate.currentDate())
        self.sent_label = buddy_label("Sent &on:", self.sent_on)
        self.mark_sent_button = QPushButton("&Mark as sent", self)
        self.mark_sent_button.setObjectName("mark_sent_button")
        self.mark_sent_button.setToolTip("Record that the selected messages were sent on this day")
        self.mark_sent_button.clicked.connect(lambda: self.mark_selected(self.sent_day()))
        self.mark_unsent_button = QPushButton("Mark as &not sent", self)
        self.mark_unsent_button.setObjectName("mark_unsent_button")
        self.mark_unsent_button.clicked.connect(lambda: self.mark_selected(None))
        self.prepare_button = QPushButton("&Prepare drafts…", self)
        self.prepare_button.setObjectName("log_prepare_button")
        self.prepare_button.setToolTip("Prepare the message for the selected people (or all shown)")
        self.prepare_button.clicked.connect(self._prepare)
        self.copy_button = QPushButton("&Copy addresses", self)
        self.copy_button.setObjectName("log_copy_button")
        self.copy_button.clicked.connect(self._copy)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for widget in (
            self.sent_label,
            self.sent_on,
            self.mark_sent_button,
            self.mark_unsent_button,
            self.prepare_button,
            self.copy_button,
            self.close_button,
        ):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self.view_choice.currentIndexChanged.connect(lambda _i: self._view_chosen())
        self.template_choice.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.search.textChanged.connect(self.log_proxy.set_search)
        self.search.textChanged.connect(self.untold_proxy.set_search)
        self.search.textChanged.connect(lambda _t: self._update())
        for view in (self.log_view, self.untold_view):
            view.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self._update()

    # Loading -----------------------------------------------------------------------

    def shown_status(self) -> ApplicationStatus | None:
        """The status whose applicants not yet told are shown, or None for the log."""
        value = self.shown_view()
        return value if isinstance(value, ApplicationStatus) else None

    def show_view(self, view: ApplicationStatus | str | None) -> None:
        """Show one of ``VIEWS`` (by what it shows)."""
        positions = [i for i, (_text, shown) in enumerate(VIEWS) if shown == view]
        if positions:
            self.view_choice.setCurrentIndex(positions[0])

    def shown_view(self) -> ApplicationStatus | str | None:
        """What the view shown shows (see ``VIEWS``)."""
        return VIEWS[max(self.view_choice.currentIndex(), 0)][1]

    def _view_chosen(self) -> None:
        self._apply_filters()  # at once: the log rows are loaded with every view
        self.reload()

    def reload(self) -> None:
        """Load the log (and the applicants not yet told) again, off the GUI thread."""
        if self.programme_file is None:
            return
        self._request += 1
        request, programme_id, status = self._request, self.programme_id, self.shown_status()
        self.count_label.setText("Loading…")
        run_op(
            self.programme_file,
            lambda s: load_log(s, programme_id, status),
            parent=self,
            on_success=lambda data: self._loaded(request, data),
        )

    def _loaded(self, request: int, data: LogData) -> None:
        if request != self._request or self.programme_file is None:
            return
        self.log_model.set_rows(data.rows)
        self.untold_model.set_rows(data.untold)
        self._apply_filters()

    def _apply_filters(self) -> None:
        status = self.shown_status()
        self.pages.setCurrentWidget(self.untold_view if status else self.log_view)
        self.log_proxy.set_filter("template", combo_value(self.template_choice))
        unsent = self.shown_view() == "unsent"
        self.log_proxy.set_filter("sent", False if unsent else None)
        self._update()

    def clear(self) -> None:
        """Forget everything shown (the file is closing or the window locks)."""
        self._request += 1
        self.programme_file = None
        self.log_model.set_rows([])
        self.untold_model.set_rows([])
        self.search.clear()

    # Selection and actions -------------------------------------------------------------

    def selected_log_rows(self) -> list[LogRow]:
        """The log rows selected, in the order shown."""
        indexes = sorted(self.log_view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.log_model.row_at(self.log_proxy.mapToSource(i).row()) for i in indexes]

    def shown_log_rows(self) -> list[LogRow]:
        """The log rows the filters and search let through, in the order shown."""
        proxy = self.log_proxy
        return [
            self.log_model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())
            for r in range(proxy.rowCount())
        ]

    def untold_people(self) -> list[int]:
        """The people selected among those not yet told, or all shown if none is selected."""
        view, proxy = self.untold_view, self.untold_proxy
        indexes = sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())
        if not indexes:
            indexes = [proxy.index(r, 0) for r in range(proxy.rowCount())]
        rows = [self.untold_model.row_at(proxy.mapToSource(i).row()) for i in indexes]
        return list(dict.fromkeys(r.person_id for r in rows))

    def sent_day(self) -> dt.date:
        """The day chosen beside Mark as sent."""
        day = date_value(self.sent_on)
        return day or dt.date.today()

    def mark_selected(self, sent_on: dt.date | None) -> None:
        """Mark the selected messages sent on ``sent_on`` (None: not sent after all)."""
        ids = [r.id for r in self.selected_log_rows()]
        if not ids or self.programme_file is None:
            return
        run_op(
            self.programme_file,
            lambda s: mark_sent(s, ids, sent_on),
            parent=self,
            on_success=self._marked,
        )

    def _marked(self, _count: int) -> None:
        self.reload()
        self.changed.emit()

    def _prepare(self) -> None:
        status = self.shown_status()
        people = self.untold_people()
        if status is not None and people:
            self.prepare_requested.emit(people, STATUS_KEYS[status])

    def _copy(self) -> None:
        if self.shown_status() is not None:
            people = self.untold_people()
        else:
            rows = self.selected_log_rows() or self.shown_log_rows()
            people = list(dict.fromkeys(r.person_id for r in rows))
        if people:
            self.copy_requested.emit(people)

    def _update(self) -> None:
        on_log = self.shown_status() is None
        for widget in (self.sent_label, self.sent_on, self.mark_sent_button):
            widget.setVisible(on_log)
        self.mark_unsent_button.setVisible(on_log)
        self.template_label.setVisible(on_log)
        self.template_choice.setVisible(on_log)
        self.prepare_button.setVisible(not on_log)
        selected = bool(self.selected_log_rows()) if on_log else True
        self.mark_sent_button.setEnabled(selected)
        self.mark_unsent_button.setEnabled(selected)
        if on_log:
            shown, total = self.log_proxy.rowCount(), self.log_model.rowCount()
            unsent = sum(1 for r in self.shown_log_rows() if r.sent_on is None)
            noun = "message" if total == 1 else "messages"
            text = (
                f"{total} {noun} prepared" if shown == total else f"{shown} of {total} {noun} shown"
            )
            if unsent:
                text += f", {unsent} not yet marked sent"
        else:
            shown = self.untold_proxy.rowCount()
            text = f"{shown} applicant{'' if shown == 1 else 's'} not yet told"
        self.count_label.setText(text)
        self.prepare_button.setEnabled(not on_log and self.untold_proxy.rowCount() > 0)
        self.copy_button.setEnabled(
            (self.log_proxy if on_log else self.untold_proxy).rowCount() > 0
        )
