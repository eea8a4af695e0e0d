"""The Pairings table, marking what needs the coordinator: training, answers, overdue check-ins."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from mentordesk.domain.enums import MentorResponse, PairingStatus
from mentordesk.gui.table_models import Facet, Index, PairingTableModel, overdue_look
from mentordesk.services.pairings import PairingRow

#: The heading of the warning a row's status shows when someone misses a training.
TRAINING_WARNING = "Required training not completed:"
#: What a published proposal's status says once its mentor answered.
ANSWER_STATUS = {
    MentorResponse.ACCEPTED: "Mentor accepted",
    MentorResponse.NO_ANSWER: "No answer",
}


def warning_icon() -> QIcon:
    """The style's warning sign (made on demand, once the application exists)."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def response_text(row: PairingRow) -> str:
    """A published proposal's wait for its mentor, e.g. "mentor accepted" or "answer due …"."""
    if row.draft or row.status is not PairingStatus.PROPOSED:
        return ""
    if row.mentor_response is MentorResponse.NONE:
        return f"answer due {row.response_due_on}" if row.response_due_on else ""
    return f"mentor: {row.mentor_response.label.lower()}"


def status_tooltip(row: PairingRow) -> str:
    """What the status cell's tooltip says: the status, then each warning in plain words."""
    lines = [row.status.label if not row.draft else "Draft proposal, not yet published"]
    if answer := response_text(row):
        lines.append(answer[0].upper() + answer[1:])
    if row.mentor_response is MentorResponse.DECLINED:
        lines.append("The mentor declined this proposal")
    if row.training_missing:
        lines.append(TRAINING_WARNING)
        lines.extend(f"  {line}" for line in row.training_missing)
    if row.override_reason:
        lines.append(f"Paired against the rules: {row.override_reason}")
    return "\n".join(lines)


def check_in_tooltip(row: PairingRow) -> str:
    """What an overdue next check-in's tooltip says: since when, how many, and what settles them."""
    if not row.check_ins_overdue:
        return ""
    count = "1 check-in" if row.check_ins_overdue == 1 else f"{row.check_ins_overdue} check-ins"
    return (
        f"Overdue since {row.next_check_in}: {count} not done.\n"
        "Recording the next check-in done settles those missed before it."
    )


class PairingsTableModel(PairingTableModel):
    """One line per pairing; the status shows a warning sign when someone misses a training.

    The status's tooltip names who misses which training, the mentor's answer to a
    proposal and any reason the pairing was made against the rules; the search box
    finds rows by those words too ("training", "declined", "override"). An overdue
    next check-in is marked by a warning sign, in bold and in the overdue colour, its
    tooltip saying since when; the search box finds it by "overdue".
    """

    FACETS = (*PairingTableModel.FACETS, "training")

    def cells(self, row: PairingRow) -> tuple[str, ...]:
        cells = list(super().cells(row))
        if row.mentor_response is MentorResponse.DECLINED:
            cells[self.STATUS] = "Declined"
        elif not row.draft and row.status is PairingStatus.PROPOSED:
            cells[self.STATUS] = ANSWER_STATUS.get(row.mentor_response, cells[self.STATUS])
            if row.mentor_response is MentorResponse.NONE and row.response_due_on is not None:
                late = row.response_due_on < dt.date.today()
                cells[self.STATUS] = "Answer overdue" if late else "Awaiting answer"
        return tuple(cells)

    def extra_search_text(self, row: PairingRow) -> str:
        extra = [super().extra_search_text(row)]
        if row.training_missing:
            extra.append("training missing " + " ".join(row.training_missing))
        if row.override_reason:
            extra.append("override against the rules")
        if row.check_ins_overdue:
            extra.append("check-in overdue")
        return " ".join(extra)

    def facets(self, row: PairingRow) -> tuple[Facet, ...]:
        return (*super().facets(row), bool(row.training_missing))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.STATUS:
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.ToolTipRole:
                return status_tooltip(row)
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_icon() if row.training_missing else None
        if index.isValid() and index.column() == self.NEXT_CHECK_IN and role in _OVERDUE_ROLES:
            row = self.row_at(index.row())
            if row.check_ins_overdue:
                return _overdue_data(row, role)
        return super().data(index, role)


_OVERDUE_ROLES = frozenset(
    {
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


def _overdue_data(row: PairingRow, role: int) -> Any:
    """How an overdue next check-in looks: a warning sign, bold, the overdue colour, a tooltip."""
    if role == Qt.ItemDataRole.DecorationRole:
        return warning_icon()
    look = overdue_look(role)
    return check_in_tooltip(row) if look is None else look
