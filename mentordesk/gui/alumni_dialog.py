"""Programme ▸ Alumni…: who took part in the earlier years of the programme, to invite back."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

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
from sqlalchemy.orm import Session

from mentordesk.domain.enums import Role
from mentordesk.formats.text import plural
from mentordesk.gui.clipboard import CLEAR_AFTER_SECONDS, copy_sensitive
from mentordesk.gui.context import WindowContext
from mentordesk.gui.messages.drafts_dialog import DraftsDialog
from mentordesk.gui.messages.targets import MessageTarget, TargetKind, count_text
from mentordesk.gui.messages.template_editor import open_template_editor
from mentordesk.gui.ops import run_op
from mentordesk.gui.programme_settings import buddy_label, hint_label
from mentordesk.services.applicants import person_choices
from mentordesk.services.collation import sort_key
from mentordesk.services.drafts import DraftResult, outlook_addresses
from mentordesk.services.programme_copy import AlumnusRow, alumni, earlier_programmes
from mentordesk.store.programme_file import ProgrammeFile

EVERYONE = "Everyone"


def _label(value: object) -> str:
    label = getattr(value, "label", None)
    return str(label if label is not None else value or "")


#: The data role holding a cell's sort key (see :class:`_SortedItem`).
SORT_KEY = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AlumniListing:
    """The alumni with the orders they are listed in.

    Attributes:
        rows: the alumni, as ``services.programme_copy.alumni`` gives them.
        programme_order: each earlier programme's place, the latest first (0).
        name_order: each person's place in the file's list of people by name (last
            name, then first, accents and case as everywhere else).
    """

    rows: Sequence[AlumnusRow]
    programme_order: Mapping[int, int] = field(default_factory=dict)
    name_order: Mapping[int, int] = field(default_factory=dict)


def alumni_listing(session: Session, programme_id: int) -> AlumniListing:
    """The alumni of a programme with the orders the Alumni list sorts them in."""
    return AlumniListing(
        alumni(session, programme_id),
        {p.id: rank for rank, p in enumerate(earlier_programmes(session, programme_id))},
        {p.id: rank for rank, p in enumerate(person_choices(session))},
    )


class _SortedItem(QTableWidgetItem):
    """A cell sorted by its key (``SORT_KEY``), not by its text compared code by code."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_KEY), other.data(SORT_KEY)
        if mine is None or theirs is None:
            # Not the base class's operator: being virtual, it would come back here.
            return sort_key(self.text()) < sort_key(other.text())
        return bool(mine < theirs)


class AlumniDialog(QDialog):
    """Past participants, by programme, with their outcome; to invite back.

    The people selected get an invitation back as email drafts (Prepare
    invitations to come back…), or their addresses are copied for one message.

    Attributes:
        rows: the alumni, as the service gave them.
        table: one line per participation (a person in two past years has two lines).
        drafts_dialog: the Prepare drafts dialog of the invitations, while open.
    """

    NAME, EMAIL, PROGRAMME, ROLE, STRAND, OUTCOME = range(6)
    HEADERS = ("Name", "Email", "Programme", "Role", "Strand", "Outcome")

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        name: str,
        *,
        on_log: Callable[[], object] | None = None,
    ) -> None:
        """Make the list, empty until :meth:`show_rows`.

        Args:
            parent: the window.
            programme_file: the open file.
            programme_id: the programme whose alumni these are, and that they are invited to.
            name: the programme's name, for the title.
            on_log: opens the communication log (the drafts dialog offers it once written).
        """
        super().__init__(parent)
        self.setObjectName("alumni")
        self.setWindowTitle(f"Alumni of {name}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.programme_file = programme_file
        self.programme_id = programme_id
        self.programme_name = name
        self.on_log = on_log
        self.drafts_dialog: DraftsDialog | None = None
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
        self.invite_button = QPushButton("Prepare &invitations to come back…", self)
        self.invite_button.setObjectName("invite_back")
        self.invite_button.clicked.connect(self.prepare_invitations)
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
        actions.addWidget(self.invite_button)
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
                "To invite mentors back: select them, then prepare one email draft each "
                "(“Would you mentor again?”, from the Invitation back template), or copy "
                "their emails and paste them into the Bcc field of one message. Copied "
                f"addresses are cleared from the clipboard after {CLEAR_AFTER_SECONDS} seconds.",
            )
        )
        layout.addWidget(buttons)
        self.resize(1000, 600)
        self._update_buttons()

    def show_rows(self, listing: AlumniListing) -> None:
        """Show the alumni, latest programme first then by name, and offer their programmes.

        A column's header sorts by it; names sort as everywhere else (last name, then
        first), programmes from the latest, the other columns alphabetically.
        """
        self.rows = list(listing.rows)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        for number, alumnus in enumerate(self.rows):
            row = self.table.rowCount()
            self.table.insertRow(row)
            programme = listing.programme_order.get(alumnus.programme_id, len(self.rows))
            name = listing.name_order.get(alumnus.person_id, len(listing.name_order))
            cells = (
                (alumnus.name, (name, programme, number)),
                (alumnus.email, (sort_key(alumnus.email), number)),
                (alumnus.programme, (programme, name, number)),
                (_label(alumnus.role), (sort_key(_label(alumnus.role)), number)),
                (alumnus.strand, (sort_key(alumnus.strand), number)),
                (alumnus.outcome, (sort_key(alumnus.outcome), number)),
            )
            for column, (text, key) in enumerate(cells):
                item = _SortedItem(str(text))
                item.setData(SORT_KEY, key)
                if column == self.NAME:
                    item.setData(Qt.ItemDataRole.UserRole, alumnus.person_id)
                if column == self.ROLE:
                    item.setData(Qt.ItemDataRole.UserRole, str(alumnus.role))
                self.table.setItem(row, column, item)
        # Opened by programme, the latest first, then by name A to Z.
        self.table.horizontalHeader().setSortIndicator(self.PROGRAMME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        order = listing.programme_order
        programmes = [
            r.programme
            for r in sorted(
                {r.programme_id: r for r in self.rows}.values(),
                key=lambda r: (order.get(r.programme_id, len(order)), sort_key(r.programme)),
            )
        ]
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

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # show_rows fills every cell
        return item

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        programme = self.programme_filter.currentText()
        for row in range(self.table.rowCount()):
            cells = [self._cell(row, c).text() for c in range(self.table.columnCount())]
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
            role = self._cell(row, self.ROLE).data(Qt.ItemDataRole.UserRole)
            if not self.table.isRowHidden(row) and role == str(Role.MENTOR):
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def selected_people(self) -> list[int]:
        """The people on the selected lines, each once, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        ids = [int(self._cell(r, self.NAME).data(Qt.ItemDataRole.UserRole)) for r in rows]
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

    def prepare_invitations(self) -> DraftsDialog | None:
        """Ask for the folder and sender, then write an invitation back draft per person selected.

        Anyone selected who has applied to this programme already is left out, and
        the drafts dialog says so.
        """
        person_ids = self.selected_people()
        if not person_ids:
            return None
        if self.drafts_dialog is not None:
            self.drafts_dialog.reject()
        target = MessageTarget(
            TargetKind.ALUMNI,
            tuple(person_ids),
            f"{count_text(len(person_ids), 'person', 'people')} selected among the alumni",
        )
        dialog = DraftsDialog(self, self.programme_file, self.programme_id, target)
        dialog.setWindowTitle("Prepare invitations to come back")
        dialog.edit_requested.connect(self._edit_template)
        dialog.log_requested.connect(self._show_log)
        dialog.prepared.connect(self._prepared)
        dialog.destroyed.connect(lambda _obj=None: self._forget_drafts(dialog))
        self.drafts_dialog = dialog
        dialog.open()
        return dialog

    def _forget_drafts(self, dialog: DraftsDialog) -> None:
        if self.drafts_dialog is dialog:
            self.drafts_dialog = None

    def _edit_template(self, key: str) -> None:
        # Over the drafts dialog: the window behind this list takes no input while it is open.
        open_template_editor(
            self.drafts_dialog or self,
            self.programme_file,
            self.programme_id,
            programme_name=self.programme_name,
            key=key,
        )

    def _show_log(self) -> None:
        if self.on_log is not None:
            self.accept()
            self.on_log()

    def _prepared(self, result: DraftResult | None) -> None:
        if result is None:
            return
        text = f"{count_text(len(result.written), 'invitation')} prepared"
        if result.skipped:
            text += f"; {len(result.skipped)} left out (the drafts dialog says why)"
        self.status.setText(text + ".")

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectedIndexes())
        why = "" if chosen else "Select people in the list first (Select mentors chooses them)."
        for button in (self.copy_button, self.invite_button):
            button.setEnabled(chosen)
            button.setToolTip(why)
        self.select_mentors_button.setEnabled(self.table.rowCount() > 0)


def open_alumni(
    context: WindowContext, *, on_log: Callable[[], object] | None = None
) -> AlumniDialog | None:
    """Open the Alumni list of the programme shown; it fills once the alumni are loaded.

    Args:
        context: the window.
        on_log: opens the communication log, when the drafts dialog is asked for it.
    """
    programme, programme_file = context.programme(), context.programme_file
    if programme is None or programme_file is None:
        return None
    programme_id = programme.id
    dialog = AlumniDialog(
        context.widget(), programme_file, programme_id, programme.name, on_log=on_log
    )
    dialog.open()
    run_op(
        programme_file,
        lambda session: alumni_listing(session, programme_id),
        parent=dialog,
        on_success=dialog.show_rows,
    )
    return dialog
