"""Programme ▸ Alumni…: who took part in the earlier years of the programme, to invite back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import Role
from mentordesk.formats.text import plural
from mentordesk.gui.clipboard import CLEAR_AFTER_SECONDS, copy_sensitive
from mentordesk.gui.context import WindowContext
from mentordesk.gui.ops import run_op
from mentordesk.gui.programme_settings import buddy_label, hint_label
from mentordesk.services.drafts import outlook_addresses
from mentordesk.services.programme_copy import AlumnusRow, alumni
from mentordesk.store.programme_file import ProgrammeFile

EVERYONE = "Everyone"


def _label(value: object) -> str:
    label = getattr(value, "label", None)
    return str(label if label is not None else value or "")


class AlumniDialog(QDialog):
    """Past participants, by programme, with their outcome; their addresses copied to invite back.

    Attributes:
        rows: the alumni, as the service gave them.
        table: one line per participation (a person in two past years has two lines).
    """

    NAME, EMAIL, PROGRAMME, ROLE, STRAND, OUTCOME = range(6)
    HEADERS = ("Name", "Email", "Programme", "Role", "Strand", "Outcome")

    def __init__(self, parent: QWidget | None, programme_file: ProgrammeFile, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("alumni")
        self.setWindowTitle(f"Alumni of {name}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.programme_file = programme_file
        self.rows: list[AlumnusRow] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._filter())
        self.programme_filter = QComboBox(self)
        self.programme_filter.setObjectName("programme_filter")
        self.programme_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.programme_filter.currentIndexChanged.connect(lambda _index: self._filter())
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("alumni_table")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("n")
        for column, chars in enumerate((22, 28, 18, 9, 14)):
            self.table.setColumnWidth(column, chars * em)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.select_mentors_button = QPushButton("Select &mentors", self)
        self.select_mentors_button.setObjectName("select_mentors")
        self.select_mentors_button.clicked.connect(self.select_mentors)
        self.copy_button = QPushButton("&Copy their emails", self)
        self.copy_button.setObjectName("copy_emails")
        self.copy_button.clicked.connect(self.copy_emails)
        self.status = QLabel(self)
        self.status.setObjectName("alumni_status")
        self.status.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(buddy_label("&Programme:", self, self.programme_filter))
        filters.addWidget(self.programme_filter)
        actions = QHBoxLayout()
        actions.addWidget(self.select_mentors_button)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.status, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(
            hint_label(
                self,
                "To invite mentors back: select them, copy their emails, and paste them into "
                "the Bcc field of one message (Outlook takes them as they are). Copied "
                f"addresses are cleared from the clipboard after {CLEAR_AFTER_SECONDS} seconds.",
            )
        )
        layout.addWidget(buttons)
        self.resize(1000, 600)
        self._update_buttons()

    def show_rows(self, rows: Sequence[AlumnusRow]) -> None:
        """Show the alumni, and offer their programmes in the filter."""
        self.rows = list(rows)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        for alumnus in self.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (
                alumnus.name,
                alumnus.email,
                alumnus.programme,
                _label(alumnus.role),
                alumnus.strand,
                alumnus.outcome,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                if column == self.NAME:
                    item.setData(Qt.ItemDataRole.UserRole, alumnus.person_id)
                if column == self.ROLE:
                    item.setData(Qt.ItemDataRole.UserRole, str(alumnus.role))
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        programmes = sorted({r.programme for r in self.rows})
        self.programme_filter.blockSignals(True)
        self.programme_filter.clear()
        self.programme_filter.addItems([EVERYONE, *programmes])
        self.programme_filter.blockSignals(False)
        if not self.rows:
            self.status.setText(
                "No alumni yet: the programmes this one was copied from list their "
                "participants here (Programme ▸ Copy to next year…)."
            )
        else:
            self.status.setText(plural(len(self.rows), "past participation"))
        self._filter()

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        programme = self.programme_filter.currentText()
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c).text() for c in range(self.table.columnCount())]
            text = " ".join(cells).casefold()
            shown = all(w in text for w in words) and (
                programme in ("", EVERYONE) or cells[self.PROGRAMME] == programme
            )
            self.table.setRowHidden(row, not shown)
        self._update_buttons()

    def select_mentors(self) -> None:
        """Select every mentor shown."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            role = self.table.item(row, self.ROLE).data(Qt.ItemDataRole.UserRole)
            if not self.table.isRowHidden(row) and role == str(Role.MENTOR):
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def selected_people(self) -> list[int]:
        """The people on the selected lines, each once, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        ids = [int(self.table.item(r, self.NAME).data(Qt.ItemDataRole.UserRole)) for r in rows]
        return list(dict.fromkeys(ids))

    def copy_emails(self) -> None:
        """Copy the selected people's addresses, as the Bcc field of a message takes them."""
        person_ids = self.selected_people()
        if not person_ids:
            return

        def copied(addresses: str) -> None:
            copy_sensitive(addresses)
            self.status.setText(f"{plural(len(person_ids), 'address', 'addresses')} copied.")

        run_op(
            self.programme_file,
            lambda session: outlook_addresses(session, person_ids),
            parent=self,
            on_success=copied,
        )

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectedIndexes())
        self.copy_button.setEnabled(chosen)
        self.copy_button.setToolTip("" if chosen else "Select people in the list first.")
        self.select_mentors_button.setEnabled(self.table.rowCount() > 0)


def open_alumni(context: WindowContext) -> AlumniDialog | None:
    """Open the Alumni list of the programme shown; it fills once the alumni are loaded."""
    programme, programme_file = context.programme(), context.programme_file
    if programme is None or programme_file is None:
        return None
    programme_id = programme.id
    dialog = AlumniDialog(context.widget(), programme_file, programme.name)
    dialog.open()
    run_op(
        programme_file,
        lambda session: alumni(session, programme_id),
        parent=dialog,
        on_success=dialog.show_rows,
    )
    return dialog
