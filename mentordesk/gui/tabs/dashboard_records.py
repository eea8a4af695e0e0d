"""The records behind a Dashboard figure: a searchable, sortable table that exports to Excel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.formats.tables import CellValue
from mentordesk.gui.ops import run_op, unless_deleted
from mentordesk.gui.table_models import RowTableModel, SortKey, date_key
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.services.dashboard import RecordKey
from mentordesk.services.figure_records import RecordTable, figure_records
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile

Record = tuple[CellValue, ...]


def cell_text(value: CellValue) -> str:
    """A cell as the table shows it: dates in ISO form, numbers plainly, nothing for a blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class RecordsModel(RowTableModel[Record]):
    """Any :class:`RecordTable`: its headers, and one row per record."""

    def set_table(self, table: RecordTable) -> None:
        """Show this table (its columns replace the ones shown before)."""
        # Each figure's records have their own columns: this model's, not its class's.
        self.beginResetModel()
        self.HEADERS = table.headers  # type: ignore[misc]
        self.NUMERIC_COLUMNS = table.numeric_columns  # type: ignore[misc]
        self.DATE_COLUMNS = table.date_columns  # type: ignore[misc]
        self.endResetModel()
        self.set_rows(table.rows)

    def cells(self, row: Record) -> tuple[str, ...]:
        return tuple(cell_text(value) for value in row)

    def sort_keys(self, row: Record) -> tuple[SortKey, ...]:
        keys: list[SortKey] = []
        for column, value in enumerate(row):
            if column in self.NUMERIC_COLUMNS:
                keys.append(float("-inf") if value is None else float(value))  # type: ignore[arg-type]
            elif column in self.DATE_COLUMNS:
                keys.append(date_key(value if isinstance(value, dt.date) else None))
            else:
                keys.append(self.text_key(cell_text(value)))
        return tuple(keys)


class RecordsView(RecordTab[Record]):
    """The records table: the search box, sorting and Excel export every tab has; no editing."""

    TITLE = "Records"
    NOUN = ("record", "records")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(RecordsModel(), parent)
        self.records_model: RecordsModel = self.model  # type: ignore[assignment]
        self.view.customContextMenuRequested.disconnect()
        self.view.customContextMenuRequested.connect(self._records_menu)

    def show_table(self, table: RecordTable, programme: ProgrammeSummary) -> None:
        """Show the records of one figure."""
        self.programme = programme
        # The title names the exported sheet and suggests the file's name (made safe there).
        self.TITLE = table.title  # type: ignore[misc]
        em = self.view.fontMetrics().horizontalAdvance("n")
        wide = ("Email", "Mentees", "Applications", "Event")
        self.COLUMN_WIDTHS = tuple(36 if h in wide else 22 for h in table.headers)  # type: ignore[misc]
        self.records_model.set_table(table)
        # The service's order (by name, by due date) until the coordinator sorts.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._fit_columns()
        self.view.horizontalHeader().setMinimumSectionSize(6 * em)
        self.loaded.emit()

    def add_dialog(self) -> None:
        """Records are added on their own tab, not here."""

    def edit_dialog(self, row: Record) -> None:
        """Records are edited on their own tab, not here."""

    def _records_menu(self, position: Any) -> None:
        menu = QMenu(self)
        menu.addAction("Export to Excel…", self.export_view)
        menu.exec(self.view.viewport().mapToGlobal(position))


class RecordsDialog(QDialog):
    """The records behind one figure, loaded off the GUI thread.

    Attributes:
        records: the table of records, with its search box and export.
        table: the records last loaded, if any.
    """

    def __init__(self, parent: QWidget | None, programme_file: ProgrammeFile) -> None:
        super().__init__(parent)
        self.setObjectName("records_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Records")
        self._programme_file = programme_file
        self.table: RecordTable | None = None
        self._counted = 0
        self.heading = QLabel("Loading…", self)
        self.heading.setObjectName("records_heading")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("records_count")
        self.records = RecordsView(self)
        self.records.loaded.connect(self._update_count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton("Export to Excel…", self)
        self.export_button.setObjectName("export_records")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.records.export_view)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.records.search.setPlaceholderText("Search these records…")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.count_label)
        layout.addWidget(self.records, 1)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def load(self, key: RecordKey, programme: ProgrammeSummary) -> None:
        """List the records of ``key`` (shown once loaded)."""
        self.setWindowTitle(f"{key.title} — records")
        self.heading.setText(key.title)
        self.count_label.setText("Loading…")
        run_op(
            self._programme_file,
            lambda session: figure_records(session, key),
            parent=self,
            on_success=unless_deleted(
                self, lambda table: self._show(table, programme, len(key.ids))
            ),
        )

    def _show(self, table: RecordTable, programme: ProgrammeSummary, counted: int) -> None:
        self.table = table
        self._counted = counted
        self.records.show_table(table, programme)
        self.export_button.setEnabled(bool(table.rows))

    def _update_count(self) -> None:
        if self.table is None:
            return
        shown, total = self.records.proxy.rowCount(), len(self.table.rows)
        noun = "record" if total == 1 else "records"
        text = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun} shown"
        if total < self._counted:
            gone = self._counted - total
            text += f" ({gone} counted then {'is' if gone == 1 else 'are'} no longer in the file)"
        self.count_label.setText(text)
