"""The reminders MentorDesk raises on opening a file, grouped by kind, each opening its record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from mentordesk.services.reminders import Reminder

#: QSettings key: whether the reminders show by themselves when a file opens.
SHOW_ON_OPEN_KEY = "messages/reminders_on_open"
#: The role holding a reminder's position in the panel's list.
REMINDER_ROLE = Qt.ItemDataRole.UserRole


def show_on_open() -> bool:
    """Whether the reminders should show when a file opens (yes, unless switched off)."""
    value = QSettings().value(SHOW_ON_OPEN_KEY, True)
    return value not in (False, "false", "0", 0)


def set_show_on_open(shown: bool) -> None:
    """Show the reminders when a file opens, or only when asked for."""
    QSettings().setValue(SHOW_ON_OPEN_KEY, shown)


def reminder_key(reminder: Reminder) -> Hashable:
    """What identifies a reminder across reloads, to keep it dismissed for the session."""
    return (
        reminder.kind,
        reminder.title,
        reminder.due_on,
        tuple(reminder.person_ids),
        reminder.pairing_id,
        reminder.event_id,
    )


def group_title(kind: str, reminders: Sequence[Reminder]) -> str:
    """A group's heading: the kind in words and how many it holds."""
    return f"{kind_label(kind)} ({len(reminders)})"


def kind_label(kind: str) -> str:
    """A kind of reminder in words."""
    return KIND_LABELS.get(kind, kind.replace("-", " ").replace("_", " ").capitalize())


#: Kinds of reminder (see ``services/reminders.py``) in words, in the order the panel lists them.
KIND_LABELS: dict[str, str] = {
    "check-in-due": "Check-ins due",
    "no-check-in": "Pairings with no check-in for a long time",
    "training-not-registered": "Invited to training soon, not registered",
    "mentor-no-answer": "Mentors who have not answered a proposal",
}


def what_opens(reminder: Reminder) -> str:
    """What Open shows for a reminder, in words ("" when it has no record to show)."""
    if reminder.pairing_id is not None:
        return "Show the pairing"
    if reminder.event_id is not None:
        return "Show the event"
    if reminder.person_ids:
        return "Show the person" if len(reminder.person_ids) == 1 else "Show the people"
    return ""


class RemindersPanel(QDialog):
    """What needs doing, as MentorDesk sees it: check-ins due, quiet pairings, and so on.

    Not modal: the coordinator works in the window with it open. Open (or a
    double-click) shows a reminder's record in its tab; Dismiss hides reminders
    for the rest of the session.

    Attributes:
        tree: the reminders under one heading per kind.
        dismissed: the reminders dismissed this session (see :func:`reminder_key`);
            shared with the window, so a reopened panel leaves them out too.

    Signals:
        open_requested: show this reminder's record (a ``Reminder``).
        refresh_requested: load the reminders again.
    """

    open_requested = Signal(object)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None, dismissed: set[Hashable] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminders_panel")
        self.setWindowTitle("Reminders")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 460)
        self.dismissed: set[Hashable] = dismissed if dismissed is not None else set()
        self.reminders: list[Reminder] = []
        self.programme_name = ""
        self.today = dt.date.today()
        self.heading = QLabel(self)
        self.heading.setObjectName("reminders_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("reminders")
        self.tree.setHeaderLabels(["Reminder", "Due", "Details"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.tree.fontMetrics().horizontalAdvance("n")
        self.tree.setColumnWidth(0, 52 * em)
        self.tree.setColumnWidth(1, 11 * em)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._open(item))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.open_button = QPushButton("&Open", self)
        self.open_button.setObjectName("open_reminder_button")
        self.open_button.clicked.connect(self.open_current)
        self.dismiss_button = QPushButton("&Dismiss", self)
        self.dismiss_button.setObjectName("dismiss_button")
        self.dismiss_button.setToolTip("Hide the selected reminders until the file is opened again")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        refresh = QPushButton("&Refresh", self)
        refresh.setObjectName("refresh_button")
        refresh.clicked.connect(self.refresh_requested.emit)
        self.on_open_box = QCheckBox("&Show reminders when a file opens", self)
        self.on_open_box.setObjectName("show_on_open")
        self.on_open_box.setChecked(show_on_open())
        self.on_open_box.toggled.connect(set_show_on_open)
        close = QPushButton("Close", self)
        close.setObjectName("close_button")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(self.on_open_box)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_reminders(
        self, reminders: Sequence[Reminder], *, programme_name: str = "", today: dt.date
    ) -> None:
        """List the reminders not dismissed, grouped by kind, the soonest due first."""
        self.tree.clear()  # first: its items point into the list being replaced
        self.reminders = list(reminders)
        self.programme_name, self.today = programme_name, today
        shown = [r for r in self.reminders if reminder_key(r) not in self.dismissed]
        groups: dict[str, list[Reminder]] = {}
        for reminder in shown:
            groups.setdefault(reminder.kind, []).append(reminder)
        order = list(KIND_LABELS)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for kind in sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k)):
            members = sorted(groups[kind], key=lambda r: (r.due_on or dt.date.max, r.title))
            group = QTreeWidgetItem(self.tree, [group_title(kind, members)])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for reminder in members:
                item = QTreeWidgetItem(
                    group,
                    [
                        reminder.title,
                        reminder.due_on.isoformat() if reminder.due_on else "",
                        reminder.detail,
                    ],
                )
                item.setData(0, REMINDER_ROLE, self.reminders.index(reminder))
                item.setToolTip(0, what_opens(reminder) or reminder.title)
                item.setToolTip(2, reminder.detail)
                if reminder.due_on is not None and reminder.due_on < today:
                    item.setForeground(1, Qt.GlobalColor.darkRed)
            group.setExpanded(True)
        hidden = len(self.reminders) - len(shown)
        where = f" for {escape(programme_name)}" if programme_name else ""
        if shown:
            text = f"<b>{len(shown)} reminder{'' if len(shown) == 1 else 's'}{where}</b>"
            text += " — double-click one to see its record."
        else:
            text = f"<b>Nothing needs your attention{where}.</b>"
        if hidden:
            text += f" ({hidden} dismissed.)"
        self.heading.setText(text)
        self._update_buttons()

    def shown(self) -> list[Reminder]:
        """The reminders listed, in the order shown."""
        found = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount()):
                found.append(self.reminders[int(group.child(c).data(0, REMINDER_ROLE))])
        return found

    def selected(self) -> list[Reminder]:
        """The reminders selected."""
        return [
            self.reminders[int(item.data(0, REMINDER_ROLE))]
            for item in self.tree.selectedItems()
            if item.data(0, REMINDER_ROLE) is not None
        ]

    def _open(self, item: QTreeWidgetItem) -> None:
        index = item.data(0, REMINDER_ROLE)
        if index is not None:
            self.open_requested.emit(self.reminders[int(index)])

    def open_current(self) -> None:
        """Show the record of the current reminder."""
        item = self.tree.currentItem()
        if item is not None:
            self._open(item)

    def dismiss_selected(self) -> None:
        """Hide the selected reminders for the rest of the session."""
        chosen = self.selected()
        if not chosen:
            return
        self.dismissed.update(reminder_key(r) for r in chosen)
        self.show_reminders(self.reminders, programme_name=self.programme_name, today=self.today)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.dismiss_button.setEnabled(bool(chosen))
        item = self.tree.currentItem()
        current = (
            self.reminders[int(item.data(0, REMINDER_ROLE))]
            if item is not None and item.data(0, REMINDER_ROLE) is not None
            else None
        )
        self.open_button.setEnabled(current is not None and bool(what_opens(current)))
        if current is not None and what_opens(current):
            self.open_button.setText(f"&{what_opens(current)}")
        else:
            self.open_button.setText("&Open")

    def clear(self) -> None:
        """Forget every reminder shown (the file is closing or the window locks)."""
        self.tree.clear()
        self.reminders = []
        self.heading.clear()
