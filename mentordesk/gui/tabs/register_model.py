"""The table model of an event's register: a tick per status, minutes and reply, editable."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mentordesk.domain.enums import AttendanceStatus, Rsvp
from mentordesk.gui.form_values import combo_value, fill_enum_combo, select_value
from mentordesk.services.events import RegisterLine

Index = QModelIndex | QPersistentModelIndex
STATUSES = tuple(AttendanceStatus)
#: Statuses for which minutes attended mean something; the others drop them.
_WITH_MINUTES = {AttendanceStatus.ATTENDED}


class RegisterModel(QAbstractTableModel):
    """Everyone on one event's register; ticking a status or editing a cell asks to save it.

    The ticks are ``services.events.register_marks``, the same the heading and the
    Dashboard count: Invited for everyone on the register, Registered for those who
    registered, accepted or came, then Attended, Absent or Excused. Ticking one of
    those records it; unticking the one recorded puts the person back to invited
    only. The RSVP column reads ``RegisterLine.reply`` ("Came" for someone who came
    without replying).

    The model shows the change at once and emits :attr:`edited`; the panel saves
    it through the service and reloads the register (so a refused change goes away).

    Signals:
        edited: carries the line as it should now be saved (a :class:`RegisterLine`).
    """

    NAME = 0
    FIRST_STATUS = 1
    MINUTES = FIRST_STATUS + len(STATUSES)
    RSVP = MINUTES + 1
    HEADERS = ("Name", *(s.label for s in STATUSES), "Minutes", "RSVP")

    edited = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[RegisterLine] = []

    def set_lines(self, lines: list[RegisterLine]) -> None:
        """Show these people."""
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line_at(self, row: int) -> RegisterLine:
        """The register line shown in ``row``."""
        return self._lines[row]

    def lines(self) -> list[RegisterLine]:
        """Every line, in the order shown."""
        return list(self._lines)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole and self._is_status(section):
                return _HEADER_TIPS[STATUSES[section - self.FIRST_STATUS]]
        return None

    def _is_status(self, column: int) -> bool:
        return self.FIRST_STATUS <= column < self.MINUTES

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._is_status(index.column()):
            line, status = self._lines[index.row()], STATUSES[index.column() - self.FIRST_STATUS]
            return base | Qt.ItemFlag.ItemIsUserCheckable if _tickable(line, status) else base
        if index.column() in (self.MINUTES, self.RSVP):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if self._is_status(column):
            status = STATUSES[column - self.FIRST_STATUS]
            if role == Qt.ItemDataRole.CheckStateRole:
                ticked = status in line.marks
                return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole and not _tickable(line, status):
                return _why_ticked(line, status)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return line.name if role == Qt.ItemDataRole.DisplayRole else line.email
            if column == self.MINUTES:
                return "" if line.minutes_attended is None else str(line.minutes_attended)
            if column == self.RSVP:
                return line.reply
        if role == Qt.ItemDataRole.EditRole:
            if column == self.MINUTES:
                return line.minutes_attended or 0
            if column == self.RSVP:
                return line.rsvp.value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        line = self._lines[index.row()]
        column = index.column()
        if self._is_status(column) and role == Qt.ItemDataRole.CheckStateRole:
            status = STATUSES[column - self.FIRST_STATUS]
            if not _tickable(line, status):
                return False
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            if not ticked and line.status is not status:
                return False  # nothing recorded there to take off
            # Unticking what was recorded leaves them invited, nothing more.
            changed = with_status(line, status if ticked else AttendanceStatus.INVITED)
        elif column == self.MINUTES and role == Qt.ItemDataRole.EditRole:
            minutes = int(value) if str(value).strip() else 0
            changed = dataclasses.replace(line, minutes_attended=minutes or None)
        elif column == self.RSVP and role == Qt.ItemDataRole.EditRole:
            changed = dataclasses.replace(line, rsvp=Rsvp(value))
        else:
            return False
        if changed == line:
            return False
        self._lines[index.row()] = changed
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.RSVP))
        self.edited.emit(changed)
        return True


_HEADER_TIPS = {
    AttendanceStatus.INVITED: "Everyone on the register was invited",
    AttendanceStatus.REGISTERED: "Registered, accepted the invitation or came; tick to record "
    "that they registered",
    AttendanceStatus.ATTENDED: "Tick to mark as attended; untick to leave them invited only",
    AttendanceStatus.ABSENT: "Tick to mark as absent; untick to leave them invited only",
    AttendanceStatus.EXCUSED: "Tick to mark as excused; untick to leave them invited only",
}


def _tickable(line: RegisterLine, status: AttendanceStatus) -> bool:
    """Whether clicking this tick changes what is recorded.

    Invited is everyone on the register. A tick that follows from something else
    (registered because they accepted or came) changes nothing by itself.
    """
    if status is AttendanceStatus.INVITED:
        return False
    return line.status is status or status not in line.marks


def _why_ticked(line: RegisterLine, status: AttendanceStatus) -> str:
    """Why a tick that cannot be clicked is there."""
    if status is AttendanceStatus.INVITED:
        return "Everyone on the register was invited"
    if line.status is AttendanceStatus.ATTENDED:
        return "They came"
    return "They accepted the invitation"


def with_status(line: RegisterLine, status: AttendanceStatus) -> RegisterLine:
    """The line with a new status; minutes are kept only for those who attended."""
    minutes = line.minutes_attended if status in _WITH_MINUTES else None
    return dataclasses.replace(line, status=status, minutes_attended=minutes)


class RsvpDelegate(QStyledItemDelegate):
    """Edits the RSVP column with a combo of the replies."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("rsvp_editor")
        fill_enum_combo(combo, Rsvp)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        select_value(editor, Rsvp(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, combo_value(editor).value, Qt.ItemDataRole.EditRole)
