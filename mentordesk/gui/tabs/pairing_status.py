"""Moving pairings along their life: the status menu and the form asking what a status needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import EndReason, MentorResponse, PairingStatus
from mentordesk.gui.form_values import (
    combo_value,
    date_value,
    fill_enum_combo,
    prepare_date,
    set_date,
)
from mentordesk.services.pairings import NEXT_STATUSES, PairingRow, StatusChange

#: The statuses the menu offers; proposed is where pairings start, re-matched has its own form.
MENU_STATUSES = (
    PairingStatus.INTRODUCED,
    PairingStatus.ACTIVE,
    PairingStatus.PAUSED,
    PairingStatus.COMPLETED,
    PairingStatus.ENDED_EARLY,
    PairingStatus.EXTENDED,
)
#: Statuses that ask for more than the day: a reason, or the new dates.
ASKING = frozenset({PairingStatus.ENDED_EARLY, PairingStatus.EXTENDED})
RESPONSES = (MentorResponse.ACCEPTED, MentorResponse.DECLINED, MentorResponse.NO_ANSWER)


def statuses_open_to(rows: Sequence[PairingRow]) -> set[PairingStatus]:
    """The statuses every one of the rows can move to (none if any is a draft)."""
    if not rows or any(r.draft for r in rows):
        return set()
    open_to = set(NEXT_STATUSES[rows[0].status])
    for row in rows[1:]:
        open_to &= NEXT_STATUSES[row.status]
    return open_to


def answer_open_to(rows: Sequence[PairingRow]) -> bool:
    """Whether the rows are all published proposals, waiting for (or given) an answer."""
    return bool(rows) and all(not r.draft and r.status is PairingStatus.PROPOSED for r in rows)


def status_menu(parent: QWidget, choose: Callable[[PairingStatus], None]) -> QMenu:
    """The "Set pairing status" menu; each action carries its status in ``data()``."""
    menu = QMenu("Set pairing &status", parent)
    menu.setObjectName("pairing_status_menu")
    for status in MENU_STATUSES:
        text = status.label + ("…" if status in ASKING else "")
        action = menu.addAction(text)
        action.setObjectName(f"status_{status.value}_action")
        action.setData(status.value)
        action.triggered.connect(partial(choose, status))
    return menu


def response_menu(parent: QWidget, choose: Callable[[MentorResponse], None]) -> QMenu:
    """The "Mentor's answer" menu for published proposals."""
    menu = QMenu("Mentor's &answer", parent)
    menu.setObjectName("mentor_answer_menu")
    texts = {
        MentorResponse.ACCEPTED: "Accepted",
        MentorResponse.DECLINED: "Declined (the mentee goes back first on the waitlist)",
        MentorResponse.NO_ANSWER: "No answer by the deadline",
    }
    for response in RESPONSES:
        action = menu.addAction(texts[response])
        action.setObjectName(f"answer_{response.value}_action")
        action.setData(response.value)
        action.triggered.connect(partial(choose, response))
    return menu


def action_status(action: QAction) -> PairingStatus:
    """The status a "Set status" action moves to (Qt hands its data back as text)."""
    return PairingStatus(action.data())


def action_response(action: QAction) -> MentorResponse:
    """The answer a "Mentor's answer" action records."""
    return MentorResponse(action.data())


def enable_statuses(menu: QMenu, rows: Sequence[PairingRow]) -> None:
    """Enable the statuses every selected pairing can move to, and explain the others."""
    open_to = statuses_open_to(rows)
    for action in menu.actions():
        action.setEnabled(action_status(action) in open_to)


class StatusDialog(QDialog):
    """What a status needs: the day it happened, and why a pairing ended early or the new dates.

    Calls ``on_change`` with the ``StatusChange`` when accepted.
    """

    def __init__(
        self,
        parent: QWidget | None,
        status: PairingStatus,
        count: int,
        on_change: Callable[[StatusChange], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.status = status
        self._on_change = on_change
        noun = "pairing" if count == 1 else f"{count} pairings"
        self.setWindowTitle(f"{status.label}: {noun}")
        self.on = QDateEdit(self)
        self.on.setObjectName("on")
        prepare_date(self.on, optional=False)
        set_date(self.on, dt.date.today())
        self.end_reason = QComboBox(self)
        self.end_reason.setObjectName("end_reason")
        fill_enum_combo(self.end_reason, EndReason, blank=True)
        self.review_on = QDateEdit(self)
        self.review_on.setObjectName("review_on")
        self.ended_on = QDateEdit(self)
        self.ended_on.setObjectName("ended_on")
        for edit in (self.review_on, self.ended_on):
            prepare_date(edit)
            set_date(edit, None)
        form = QFormLayout()
        if status is PairingStatus.EXTENDED:
            form.addRow("New &review date:", self.review_on)
            form.addRow("New &end date:", self.ended_on)
            hint = "Give the new review date, the new end date, or both."
        else:
            label = {
                PairingStatus.ACTIVE: "Started &on:",
                PairingStatus.COMPLETED: "Completed &on:",
                PairingStatus.ENDED_EARLY: "Ended &on:",
            }.get(status, "&On:")
            form.addRow(label, self.on)
            hint = ""
            if status is PairingStatus.ENDED_EARLY:
                form.addRow("&Why:", self.end_reason)
            if status is PairingStatus.ACTIVE:
                hint = "A pairing that had started keeps its first start date."
        # The fields this status does not ask for are kept (``change`` reads them) but
        # hidden: shown outside the form they would be drawn over its first row.
        fields = (self.on, self.end_reason, self.review_on, self.ended_on)
        for field in fields:
            field.setVisible(form.indexOf(field) >= 0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("button_box")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if hint:
            note = QLabel(hint, self)
            note.setWordWrap(True)
            note.setStyleSheet("color:#555")
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(380, 160)

    def change(self) -> StatusChange:
        """The change as filled in."""
        return StatusChange(
            self.status,
            date_value(self.on) or dt.date.today(),
            end_reason=combo_value(self.end_reason),
            review_on=date_value(self.review_on),
            ended_on=date_value(self.ended_on),
        )

    def accept(self) -> None:
        super().accept()
        self._on_change(self.change())
