"""What the import dialog shows: sample values of a column, and the preview's rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from mentordesk.formats.tables import SheetTable, cell_text
from mentordesk.gui.table_models import Index, RowTableModel, SortKey, enum_key
from mentordesk.services.importing import ImportPreview, PreviewRow, RowAction

REJECTED_BACKGROUND = QColor("#fde0dc")
REJECTED_TEXT = QColor("#5f1410")
ACTION_LABELS = {
    RowAction.ADD: "Add",
    RowAction.UPDATE: "Update",
    RowAction.SKIP: "Skip",
    RowAction.REJECT: "Rejected",
}


def sample_values(table: SheetTable, column: int, count: int = 3, width: int = 90) -> str:
    """The first few values found in a column, to help tell what it holds."""
    found: list[str] = []
    for row in table.rows:
        text = " ".join(cell_text(row[column]).split())
        if text and text not in found:
            found.append(text)
            if len(found) == count:
                break
    joined = " · ".join(found)
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def preview_counts(preview: ImportPreview) -> str:
    """E.g. "48 to add, 3 to update, 2 skipped, 4 rejected"."""
    return (
        f"{preview.to_add} to add, {preview.to_update} to update, "
        f"{preview.to_skip} skipped, {len(preview.rejected)} rejected"
    )


class PreviewTableModel(RowTableModel[PreviewRow]):
    """The preview of an import: one line per row of the file; rejected rows in red.

    Attributes:
        strand_names: strand names by id, set before the rows.
    """

    ROW, ACTION, NAME, EMAIL, STRAND, ROLE, WHY = range(7)
    HEADERS = ("Row", "Action", "Name", "Email", "Strand", "Role", "Problems and notices")
    NUMERIC_COLUMNS = frozenset({ROW})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.strand_names: dict[int, str] = {}

    def set_preview(self, preview: ImportPreview, strand_names: dict[int, str]) -> None:
        """Show a preview's rows."""
        self.strand_names = strand_names
        self.set_rows(preview.rows)

    def _why(self, row: PreviewRow) -> str:
        return "; ".join([*row.problems, *row.notices])

    def cells(self, row: PreviewRow) -> tuple[str, ...]:
        person = row.person
        application = row.application
        name = f"{person.first_name} {person.last_name}".strip() if person else ""
        strand = self.strand_names.get(application.strand_id, "") if application else ""
        return (
            str(row.row_number),
            ACTION_LABELS[row.action],
            name,
            person.email if person else "",
            strand,
            application.role.label if application else "",
            self._why(row),
        )

    def sort_keys(self, row: PreviewRow) -> tuple[SortKey, ...]:
        cells = self.cells(row)
        return (
            row.row_number,
            enum_key(row.action),
            *(self.text_key(text) for text in cells[self.NAME :]),
        )

    def rows_where(self, actions: Sequence[RowAction]) -> list[PreviewRow]:
        """The rows with one of these actions, in file order."""
        rows = [self.row_at(i) for i in range(self.rowCount())]
        return sorted((r for r in rows if r.action in actions), key=lambda r: r.row_number)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        colours = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        if (
            role in colours
            and index.isValid()
            and self.row_at(index.row()).action is RowAction.REJECT
        ):
            # Dark text on the light red, whatever the desktop's theme.
            return QBrush(REJECTED_BACKGROUND if role == colours[0] else REJECTED_TEXT)
        return super().data(index, role)
