"""The search and sort proxy shared by every tab."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from mentordesk.gui.table_models import SORT_ROLE, RowTableModel


class SearchProxy(QSortFilterProxyModel):
    """Filters a :class:`RowTableModel` on its precomputed search text and sorts on its keys.

    Every word typed must occur somewhere in the row. Filtering looks up one
    precomputed lower-case string per row and never asks the model for its
    cells, which keeps a keystroke fast at 10,000 rows. Sorting is handed to
    the model, which sorts a list on the keys it also returns in ``SORT_ROLE``;
    the proxy keeps the model's order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._rows: RowTableModel | None = None
        self.setSortRole(SORT_ROLE)

    def setSourceModel(self, model: RowTableModel) -> None:  # type: ignore[override]
        self._rows = model
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._rows is not None:
            self._rows.sort(column, order)

    def set_search(self, text: str) -> None:
        """Show only the rows containing every word of ``text`` (any case)."""
        words = tuple(text.lower().split())
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def search(self) -> str:
        """The words being searched for, joined by spaces."""
        return " ".join(self._words)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words or self._rows is None:
            return True
        text = self._rows.search_text(source_row)
        return all(word in text for word in self._words)
