"""Help ▸ Audit trail…: who changed what and when, filtered, and exported to Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.formats.tables import CellValue
from mentordesk.gui.context import WindowContext
from mentordesk.gui.form_values import date_value, prepare_date, set_date
from mentordesk.gui.ops import run_long_op, run_op
from mentordesk.gui.save_path import ask_save_path
from mentordesk.gui.table_models import RowTableModel, SortKey
from mentordesk.gui.tabs.base import EXCEL_FILTER
from mentordesk.gui.views import record_view
from mentordesk.services.audit import (
    ENTITY_LABELS,
    AuditRow,
    audit_actions,
    audit_entities,
    audit_rows,
)
from mentordesk.services.collation import sort_key
from mentordesk.services.exporting import export_view
from mentordesk.store.programme_file import ProgrammeFile

EVERYTHING = "Everything"
ANY_ACTION = "Any action"


def local_time(moment: dt.datetime) -> str:
    """A moment as the coordinator's clock showed it."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def which(row: AuditRow) -> str:
    """Who or what an entry is about, in words, or its number when it is gone."""
    if row.subject:
        return row.subject
    return "" if row.entity_id is None else f"#{row.entity_id}"


class AuditTableModel(RowTableModel[AuditRow]):
    """The audit trail: one line per change, newest first."""

    WHEN, WHAT, WHICH, ACTION, DETAILS = range(5)
    HEADERS = ("When", "What", "Which", "Action", "Details")

    def cells(self, row: AuditRow) -> tuple[str, ...]:
        return (local_time(row.at), row.entity_label, which(row), row.action, row.summary)

    def sort_keys(self, row: AuditRow) -> tuple[SortKey, ...]:
        return (
            row.at.isoformat(),
            self.text_key(row.entity_label),
            self.text_key(which(row)),
            row.action,
            self.text_key(row.summary),
        )


def _local_start(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` on this computer's clock."""
    return dt.datetime.combine(day, dt.time()).astimezone()


def load_audit(
    session: Session,
    entity: str | None,
    action: str | None,
    first: dt.date | None,
    last: dt.date | None,
    text: str,
) -> tuple[list[AuditRow], list[str], list[str]]:
    """The entries matching the filters, and the kinds and actions to filter on."""
    rows = audit_rows(
        session,
        entity=entity,
        action=action,
        since=_local_start(first) if first else None,
        # Up to the end of the last day, on this computer's clock.
        until=_local_start(last + dt.timedelta(days=1)) - dt.timedelta(microseconds=1)
        if last
        else None,
        text=text,
    )
    return rows, audit_entities(session), audit_actions(session)


class AuditDialog(QDialog):
    """The audit trail of the open file, filtered by kind, action, dates and words.

    It records that something changed, when, and on which record, never what a
    confidential note says. The rows shown can be exported to an .xlsx file.

    Attributes:
        entity_filter, action_filter: the kind of record and the action to show.
        since, until: the first and last day to show ("—" for no limit).
        search: words every entry shown contains.
        model, view: the entries.
        count: how many entries are shown.

    Signals:
        loaded: the entries were (re)loaded.
        exported: the entries shown were exported to this path.
    """

    loaded = Signal()
    exported = Signal(object)

    def __init__(self, parent: QWidget | None, programme_file: ProgrammeFile) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle("Audit trail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.programme_file = programme_file
        self._request = 0
        self.entity_filter = QComboBox(self)
        self.entity_filter.setObjectName("entity_filter")
        self.entity_filter.addItem(EVERYTHING, None)
        self.action_filter = QComboBox(self)
        self.action_filter.setObjectName("action_filter")
        self.action_filter.addItem(ANY_ACTION, None)
        self.since = QDateEdit(self)
        self.since.setObjectName("since")
        self.until = QDateEdit(self)
        self.until.setObjectName("until")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            prepare_date(edit)
            set_date(edit, None)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search…")
        self.search.setClearButtonEnabled(True)
        self.model = AuditTableModel(self)
        self.view = record_view(self, "audit_table")
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSortIndicator(AuditTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        em = self.view.fontMetrics().horizontalAdvance("n")
        for column, chars in enumerate((17, 16, 30, 22)):
            self.view.setColumnWidth(column, chars * em)
        self.count = QLabel(self)
        self.count.setObjectName("audit_count")
        self.export_button = QPushButton("Export to Excel…", self)
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip("Save the entries shown as an .xlsx workbook")
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("button_box")
        buttons.rejected.connect(self.reject)
        filters = QHBoxLayout()
        for label, widget in (
            ("&What:", self.entity_filter),
            ("&Action:", self.action_filter),
            ("&From:", self.since),
            ("&To:", self.until),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Every change to this file and when it was made. The text of confidential "
                "notes is never recorded here.",
                self,
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        # Typing in the search box reloads once the typing pauses.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        for combo in (self.entity_filter, self.action_filter):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _date: self.reload())
        self.resize(1000, 600)
        self.reload()

    def reload(self) -> None:
        """Load the entries matching the filters, off the GUI thread."""
        self._request += 1
        request = self._request
        entity, action = self.entity_filter.currentData(), self.action_filter.currentData()
        first, last = date_value(self.since), date_value(self.until)
        text = self.search.text()
        run_op(
            self.programme_file,
            lambda s: load_audit(s, entity, action, first, last, text),
            parent=self,
            on_success=lambda loaded: self._show(request, *loaded),
        )

    def _show(
        self, request: int, rows: list[AuditRow], entities: list[str], actions: list[str]
    ) -> None:
        if request != self._request:
            return  # a newer filter's answer is on its way
        self._fill(self.entity_filter, EVERYTHING, [(ENTITY_LABELS.get(e, e), e) for e in entities])
        self._fill(self.action_filter, ANY_ACTION, [(a, a) for a in actions])
        self.model.set_rows(rows)
        noun = "entry" if len(rows) == 1 else "entries"
        self.count.setText(f"{len(rows)} {noun}")
        self.export_button.setEnabled(bool(rows))
        self.loaded.emit()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
        """Offer the choices the trail holds, keeping the one chosen."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, value in sorted(choices, key=lambda c: sort_key(c[0])):
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)

    def shown_table(self) -> tuple[list[str], list[list[CellValue]]]:
        """The headers and rows as shown, in the order shown (the model sorts itself)."""
        rows: list[list[CellValue]] = [
            list(self.model.export_cells(r)) for r in range(self.model.rowCount())
        ]
        return list(AuditTableModel.HEADERS), rows

    def export(self) -> None:
        """Ask where to save the entries shown as an .xlsx workbook, then save them."""
        path = ask_save_path(
            self,
            "Export the audit trail to Excel",
            f"Audit trail {dt.date.today().isoformat()}",
            ".xlsx",
            EXCEL_FILTER,
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Save the entries shown, as shown, to ``path``, off the GUI thread."""
        headers, rows = self.shown_table()
        run_long_op(
            lambda _progress: export_view(path, "Audit trail", headers, rows),
            parent=self,
            label=f"Exporting {len(rows)} entries…",
            on_success=lambda _result: self.exported.emit(path),
        )


def open_audit(window: WindowContext) -> AuditDialog | None:
    """Open Help ▸ Audit trail… on the open file."""
    if window.programme_file is None:
        return None
    dialog = AuditDialog(window.widget(), window.programme_file)
    dialog.exported.connect(lambda path: window.show_status(f"Exported to {path}"))
    dialog.open()
    return dialog
