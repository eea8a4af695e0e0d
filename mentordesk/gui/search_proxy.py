"""The search and sort proxy shared by every tab."""

from __future__ import annotations

from typing import Any

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

    Every word typed must occur somewhere in the row, and every filter set with
    :meth:`set_filter` must match the row's value exactly. Filtering looks up one
    precomputed lower-case string and one tuple of values per row and never asks
    the model for its cells, which keeps a keystroke fast at 10,000 rows. Sorting is handed to
    the model, which sorts a list on the keys it also returns in ``SORT_ROLE``;
    the proxy keeps the model's order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._filters: dict[str, Any] = {}
        self._conditions: tuple[tuple[int, Any], ...] = ()
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

    def set_filter(self, facet: str, value: Any) -> None:
        """Show only the rows whose ``facet`` (one of the model's ``FACETS``) is ``value``.

        ``None`` lifts the filter. Filters combine with each other and with the search.
        """
        filters = dict(self._filters)
        if value is None:
            filters.pop(facet, None)
        else:
            filters[facet] = value
        if filters == self._filters:
            return
        names = self._rows.FACETS if self._rows is not None else ()
        self.beginFilterChange()
        self._filters = filters
        self._conditions = tuple((names.index(name), wanted) for name, wanted in filters.items())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def filters(self) -> dict[str, Any]:
        """The filters in force, by facet name."""
        return dict(self._filters)

    @property
    def search(self) -> str:
        """The words being searched for, joined by spaces."""
        return " ".join(self._words)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._rows is None:
            return True
        if self._conditions:
            values = self._rows.facet_values(source_row)
            if any(values[position] != wanted for position, wanted in self._conditions):
                return False
        if not self._words:
            return True
        text = self._rows.search_text(source_row)
        return all(word in text for word in self._words)
