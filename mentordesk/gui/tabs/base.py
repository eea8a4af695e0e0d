"""What every tab shares: a search box over a sortable table, and add, edit and delete."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.gui.dialogs import RecordDialog, Save, confirm
from mentordesk.gui.ops import run_long_op, run_op
from mentordesk.gui.save_path import ask_save_path
from mentordesk.gui.search_proxy import SearchProxy
from mentordesk.gui.table_models import RowTableModel
from mentordesk.gui.views import record_view
from mentordesk.services.exporting import export_view
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile

R = TypeVar("R")
K = TypeVar("K")
EXCEL_FILTER = "Excel workbook (*.xlsx)"
#: What an empty table says when its search hides every row.
NO_MATCH = "Nothing matches the search."


class EmptyHint(QLabel):
    """Words in the middle of an empty table saying what to do (the table's placeholder).

    It sits on the table's viewport, follows its size, and shows only while the
    table shows no row.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("empty_hint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setEnabled(False)  # greyed, as placeholder text is
        self.setContentsMargins(24, 24, 24, 24)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def show_text(self, text: str) -> None:
        """Show ``text`` over the table; an empty text hides the hint."""
        self.setText(text)
        self.setGeometry(self.parentWidget().rect())
        self.setVisible(bool(text))


class RecordTab(QWidget, Generic[R]):
    """One tab: a search box, a table of one kind of record, and the actions on it.

    Subclasses set the class attributes, load their rows in :meth:`fetch_rows`
    and build their dialogs in :meth:`add_dialog` and :meth:`edit_dialog`.

    Attributes:
        TITLE: the tab's title.
        NOUN: what one row is, e.g. ``("application", "applications")``.
        COLUMN_WIDTHS: initial widths in characters, one per column.
        EXPORTABLE: whether the view may be exported to Excel (never for confidential notes).
        EMPTY_HINT: what the table says while the programme has none of its records:
            what to do to get some.
        REOPENS_DRAFTS: whether the tab's add and edit forms reopen after a lock (the tab
            then gives :meth:`draft_form_data` and :meth:`open_draft`).
        model: the rows; proxy: the search and sort over them; view: the table.
        filter_bar: the row holding the search box, where subclasses add their filters.
        dialog: the add or edit dialog now open, if any.

    Signals:
        loaded: the rows were (re)loaded.
        changed: a record was added, edited or deleted.
        exported: the view was exported to this path.
    """

    TITLE: ClassVar[str] = ""
    NOUN: ClassVar[tuple[str, str]] = ("record", "records")
    COLUMN_WIDTHS: ClassVar[tuple[int, ...]] = ()
    EXPORTABLE: ClassVar[bool] = True
    EMPTY_HINT: ClassVar[str] = ""
    REOPENS_DRAFTS: ClassVar[bool] = False

    loaded = Signal()
    changed = Signal()
    exported = Signal(object)

    def __init__(self, model: RowTableModel[R], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.TITLE.lower()}_tab")
        self.programme_file: ProgrammeFile | None = None
        self.programme: ProgrammeSummary | None = None
        self.dialog: RecordDialog | None = None
        self._fitted = False
        self.model = model
        self.model.setParent(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(lambda _text: self.loaded.emit())
        self.view = record_view(self, "table")
        self.view.setModel(self.proxy)
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(100)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.view, 1)
        self._set_column_widths()
        self.empty_hint = EmptyHint(self.view)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_empty_hint)

    def _update_empty_hint(self) -> None:
        if self.programme is None or self.proxy.rowCount() > 0:
            self.empty_hint.show_text("")
        elif self.model.rowCount() > 0:
            self.empty_hint.show_text(NO_MATCH)
        else:
            noun = self.NOUN[1]
            self.empty_hint.show_text(f"No {noun} yet. {self.EMPTY_HINT}".strip())

    def _set_column_widths(self) -> None:
        em = self.view.fontMetrics().horizontalAdvance("n")
        for column, chars in enumerate(self.COLUMN_WIDTHS):
            self.view.setColumnWidth(column, chars * em + 16)

    def _fit_columns(self) -> None:
        # Once per file, on the first rows: fit the columns to what they hold, but
        # never wider than COLUMN_WIDTHS, so that one long department does not
        # push the other columns out of sight. Qt would measure 1,000 rows per column
        # (about 0.9 s at startup for ten columns); 100 rows give the same widths.
        em = self.view.fontMetrics().horizontalAdvance("n")
        header = self.view.horizontalHeader()
        for column, chars in enumerate(self.COLUMN_WIDTHS):
            fitted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
            self.view.setColumnWidth(column, min(fitted + 12, chars * em + 16))
        self._fitted = True

    # Loading ---------------------------------------------------------------

    def set_programme(self, programme_file: ProgrammeFile, programme: ProgrammeSummary) -> None:
        """Show the records of this programme."""
        self.programme_file = programme_file
        self.programme = programme
        self.reload()

    def clear(self) -> None:
        """Forget the file (it is being closed)."""
        self.programme_file = None
        self.programme = None
        self.model.set_rows([])
        self.search.clear()
        self._fitted = False

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[R]:
        """The tab's rows (runs on the worker thread)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Load the rows again, off the GUI thread."""
        if self.programme_file is None or self.programme is None:
            return
        programme = self.programme
        self.run(lambda s: self.fetch_rows(s, programme), self._show_rows)

    def _show_rows(self, rows: list[R]) -> None:
        if self.programme_file is None:
            return  # the file was closed or locked while the rows were loading
        self.model.set_rows(rows)
        if rows and not self._fitted:
            self._fit_columns()
        self.loaded.emit()

    def run(self, work: Callable[[Session], Any], on_success: Callable[[Any], None]) -> None:
        """Run a service call on the worker thread; errors are shown over this tab."""
        if self.programme_file is not None:
            run_op(self.programme_file, work, parent=self, on_success=on_success)

    def panel_beside_table(self, panel: QWidget, width: int) -> QSplitter:
        """Put ``panel`` to the right of the table, ``width`` pixels wide, in a splitter.

        The table takes the space the window gains; the splitter, named after
        the tab, is returned for the tab to keep.
        """
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName(f"{self.TITLE.lower()}_splitter")
        self.layout().replaceWidget(self.view, splitter)
        splitter.addWidget(self.view)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1280 - width, width])
        return splitter

    def new_action(self, text: str, name: str, slot: Callable[..., object]) -> QAction:
        """An action of this tab, named ``name``, that calls ``slot`` when triggered."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def add_toggle(
        self,
        text: str,
        name: str,
        tip: str,
        toggled: Callable[[bool], object],
        *,
        checked: bool = False,
    ) -> QToolButton:
        """A button that stays down or up, put at the end of the filter bar.

        It starts ``checked`` and calls ``toggled`` with its new state each time
        it is pressed.
        """
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setChecked(checked)
        button.toggled.connect(toggled)
        self.filter_bar.addWidget(button)
        return button

    # Selection and actions --------------------------------------------------

    def when_selection_settles(self, slot: Callable[[], None]) -> QTimer:
        """Call ``slot`` once the selection stops changing, and return the timer to restart.

        A held arrow key changes the current row many times a second; a panel
        that loads from the file should load once, for the row the key stops on.
        """
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(60)
        timer.timeout.connect(slot)
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(lambda *_args: timer.start())
        selection.selectionChanged.connect(lambda *_args: timer.start())
        return timer

    def selected_rows(self) -> list[R]:
        """The selected records, in the order shown."""
        indexes = sorted(self.view.selectionModel().selectedRows(), key=QModelIndex.row)
        return [self.model.row_at(self.proxy.mapToSource(i).row()) for i in indexes]

    def current_row(self) -> R | None:
        """The record with the keyboard focus, or the first selected one."""
        index = self.view.currentIndex()
        if index.isValid() and self.view.selectionModel().isRowSelected(index.row()):
            return self.model.row_at(self.proxy.mapToSource(index).row())
        rows = self.selected_rows()
        return rows[0] if rows else None

    def selected_keys(self, key: Callable[[R], K]) -> tuple[list[K], K | None]:
        """The ``key`` of each selected record, and that of the current one (None without)."""
        current = self.current_row()
        return [key(r) for r in self.selected_rows()], None if current is None else key(current)

    def select_keys(self, key: Callable[[R], K], keys: Collection[K], current: K | None) -> None:
        """Select exactly the rows shown whose ``key`` is in ``keys``; ``current`` has the focus.

        A reload empties the selection: a tab calls this with what
        :meth:`selected_keys` gave before it, so the same records stay selected.
        """
        wanted = set(keys)
        selection = self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        selection.clearSelection()
        for proxy_row in range(self.proxy.rowCount()):
            index = self.proxy.index(proxy_row, 0)
            value = key(self.model.row_at(self.proxy.mapToSource(index).row()))
            if value == current:
                selection.setCurrentIndex(index, flags.NoUpdate)
            if value in wanted:
                selection.select(index, flags.Select | flags.Rows)

    def status_text(self) -> str:
        """E.g. "58 applications" or "3 of 58 applications shown"."""
        total = self.model.rowCount()
        noun = self.NOUN[0] if total == 1 else self.NOUN[1]
        shown = self.proxy.rowCount()
        if shown == total:
            return f"{total} {noun}"
        return f"{shown} of {total} {noun} shown"

    def add(self) -> None:
        """Open the dialog for a new record."""
        if self.programme_file is not None and self.programme is not None:
            self.add_dialog()

    def edit(self) -> None:
        """Open the dialog for the current record."""
        row = self.current_row()
        if row is not None and self.programme_file is not None:
            self.edit_dialog(row)

    def delete(self) -> None:
        """Delete the selected records after asking."""
        rows = self.selected_rows()
        if not rows or self.programme_file is None:
            return
        noun = self.NOUN[0] if len(rows) == 1 else f"{len(rows)} {self.NOUN[1]}"
        question = f"Delete the selected {noun}? This cannot be undone."
        if confirm(self, f"Delete {self.NOUN[1]}", question, "Delete"):
            self.run(lambda s: self.delete_rows(s, rows), lambda _result: self._changed())

    def add_dialog(self) -> None:
        raise NotImplementedError

    def edit_dialog(self, row: R) -> None:
        raise NotImplementedError

    def delete_rows(self, session: Session, rows: list[R]) -> None:
        """Delete records (runs on the worker thread)."""
        raise NotImplementedError

    def can_reopen_draft(self) -> bool:
        """Whether :meth:`reopen_draft` can reopen this tab's forms after a lock."""
        return self.REOPENS_DRAFTS

    def reopen_draft(self, title: str, values: Any, save: Callable[[Session, Any], object]) -> None:
        """Reopen a form with what it held when the window locked (see ``gui/locking.py``).

        The form's choices are loaded again on the worker thread
        (:meth:`draft_form_data`), then the form opens holding ``values``
        (:meth:`open_draft`).
        """
        if self.programme is None:
            return
        programme_id = self.programme.id
        self.run(
            lambda s: self.draft_form_data(s, programme_id, values),
            lambda data: self.open_draft(data, values, save, title),
        )

    def draft_form_data(self, session: Session, programme_id: int, values: Any) -> Any:
        """What a form reopened after a lock needs besides ``values`` (a tab that reopens forms)."""
        raise NotImplementedError

    def open_draft(self, data: Any, values: Any, save: Save, title: str) -> None:
        """Open the form reopened after a lock on ``data`` from :meth:`draft_form_data`."""
        raise NotImplementedError

    def show_dialog(self, dialog: RecordDialog) -> None:
        """Open an add or edit dialog; the table reloads once it saved."""
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self._changed())
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        dialog.open()

    def _forget_dialog(self, dialog: RecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    # Exporting -------------------------------------------------------------------

    def shown_table(self) -> tuple[list[str], list[list[Any]]]:
        """The headers and the rows exactly as the view shows them: filtered, in its order."""
        header = self.view.horizontalHeader()
        columns = [
            header.logicalIndex(visual)
            for visual in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(visual))
        ]
        headers = [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        rows = []
        for proxy_row in range(self.proxy.rowCount()):
            source_row = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
            cells = self.model.export_cells(source_row)
            rows.append([cells[c] for c in columns])
        return headers, rows

    def export_view(self) -> None:
        """Ask where to save the view as an .xlsx workbook, then save it."""
        if not self.EXPORTABLE or self.programme is None:
            return
        path = ask_save_path(
            self,
            f"Export {self.TITLE.lower()} to Excel",
            f"{self.programme.name} – {self.TITLE}",
            ".xlsx",
            EXCEL_FILTER,
        )
        if path is not None:
            self.export_view_to(path)

    def export_view_to(self, path: Path) -> None:
        """Save the rows shown, as shown, to ``path``, off the GUI thread."""
        if not self.EXPORTABLE:
            return
        headers, rows = self.shown_table()
        title = self.TITLE
        run_long_op(
            lambda _progress: export_view(path, title, headers, rows),
            parent=self,
            label=f"Exporting {len(rows)} {self.NOUN[1]}…",
            on_success=lambda _result: self.exported.emit(path),
        )

    def extra_actions(self) -> list[QAction | QMenu]:
        """Actions of this tab beyond add, edit and delete (for menus)."""
        return []

    def _show_context_menu(self, position: Any) -> None:
        menu = QMenu(self)
        menu.addAction("Add…", self.add)
        menu.addAction("Edit…", self.edit)
        menu.addAction("Delete…", self.delete)
        for extra in self.extra_actions():
            if isinstance(extra, QMenu):
                menu.addMenu(extra)
            else:
                menu.addAction(extra)
        if self.EXPORTABLE:
            menu.addSeparator()
            menu.addAction("Export view to Excel…", self.export_view)
        menu.exec(self.view.viewport().mapToGlobal(position))
