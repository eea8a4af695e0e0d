"""The waitlist: mentees still without a suitable mentor, strand by strand, in the order offered."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.gui.ops import run_op
from mentordesk.store.programme_file import ProgrammeFile

if TYPE_CHECKING:
    from mentordesk.services.matching.waitlist import WaitlistRow


def load_waitlist(session: Session, programme_id: int) -> list[WaitlistRow]:
    """Every strand's waitlist, with why each mentee waits (on the worker thread)."""
    from mentordesk.services.matching.waitlist import waitlist_rows

    return waitlist_rows(session, programme_id)


class WaitlistDialog(QDialog):
    """The waitlist in order, to reorder, to shorten, and to propose mentors for.

    Each change is saved at once. "Propose for the waitlist" runs the engine for the
    waiting mentees only (the first on the waitlist are offered places first) and
    leaves the other drafts alone.

    Attributes:
        table: one line per waiting mentee.
        rows: the lines shown.

    Signals:
        changed: the waitlist changed (a move, a mentee taken off).
        propose_requested: the coordinator asked for proposals for the waitlist.
    """

    STRAND, PLACE, MENTEE, WHY = range(4)

    changed = Signal()
    propose_requested = Signal()

    def __init__(
        self, parent: QWidget | None, programme_file: ProgrammeFile, programme_id: int
    ) -> None:
        super().__init__(parent)
        self.setObjectName("waitlist_dialog")
        self.setWindowTitle("Waitlist")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._programme_file = programme_file
        self._programme_id = programme_id
        self.rows: list[WaitlistRow] = []
        self._closed = False
        intro = QLabel(
            "Mentees still without a suitable mentor, in the order they are offered one: the "
            "next proposals take the first on the waitlist first. A mentee joins it when "
            "proposals leave them out, and goes back to its top when a mentor declines them.",
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("waitlist_table")
        self.table.setHorizontalHeaderLabels(("Strand", "Place", "Mentee", "Why waiting"))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.up_button = self._button("Move &up", "up_button", lambda: self.move(-1))
        self.down_button = self._button("Move &down", "down_button", lambda: self.move(1))
        self.remove_button = self._button("&Take off the waitlist", "remove_button", self.take_off)
        self.propose_button = self._button(
            "&Propose for the waitlist", "propose_button", self._propose
        )
        self.propose_button.setToolTip(
            "Propose mentors for the waiting mentees only, first on the waitlist first"
        )
        edits = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            edits.addWidget(button)
        edits.addStretch(1)
        edits.addWidget(self.propose_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(edits)
        layout.addWidget(close)
        self.resize(760, 440)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def done(self, result: int) -> None:
        # Work still running reports to a closed list: its answer is dropped.
        self._closed = True
        super().done(result)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _run(self, work: Callable[[Session], Any], on_success: Callable[[Any], None]) -> None:
        run_op(self._programme_file, work, parent=self, on_success=on_success)

    def reload(self, select_application: int | None = None) -> None:
        """Load the waitlist again (keeping the chosen line selected)."""
        programme_id = self._programme_id
        self._run(
            lambda s: load_waitlist(s, programme_id),
            lambda rows: self.show_rows(rows, select_application),
        )

    def show_rows(self, rows: list[WaitlistRow], select_application: int | None = None) -> None:
        """Show these lines."""
        if self._closed:
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            cells = (row.strand, str(row.rank), row.name, row.reason)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == self.PLACE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(n, column, item)
            if row.application_id == select_application:
                self.table.selectRow(n)
        self.propose_button.setEnabled(bool(rows))
        self._update_buttons()

    def current(self) -> WaitlistRow | None:
        """The selected line, if any."""
        selected = self.table.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None

    def _update_buttons(self) -> None:
        row = self.current()
        last = row is not None and not any(
            r.strand_id == row.strand_id and r.rank > row.rank for r in self.rows
        )
        self.up_button.setEnabled(row is not None and row.rank > 1)
        self.down_button.setEnabled(row is not None and not last)
        self.remove_button.setEnabled(row is not None)

    def move(self, steps: int) -> None:
        """Move the selected mentee up (negative) or down the waitlist."""
        row = self.current()
        if row is None:
            return

        def work(session: Session) -> None:
            from mentordesk.services.matching.waitlist import move_in_waitlist

            move_in_waitlist(session, row.application_id, row.rank + steps)

        self._run(work, lambda _result: self._moved(row.application_id))

    def take_off(self) -> None:
        """Take the selected mentee off the waitlist (they stay accepted)."""
        row = self.current()
        if row is None:
            return

        def work(session: Session) -> None:
            from mentordesk.services.matching.waitlist import take_off_waitlist

            take_off_waitlist(session, [row.application_id])

        self._run(work, lambda _result: self._moved(None))

    def _moved(self, application_id: int | None) -> None:
        if not self._closed:
            self.changed.emit()
            self.reload(application_id)

    def _propose(self) -> None:
        self.propose_requested.emit()
