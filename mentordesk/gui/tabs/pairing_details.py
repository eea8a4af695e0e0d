"""The details beside the Pairings table, and the form recording what a check-in found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import CheckInOutcome, MentorResponse, PairingStatus
from mentordesk.gui.dialogs import RecordDialog, Save, save_buttons
from mentordesk.gui.form_values import (
    combo_value,
    date_value,
    fill_combo,
    fill_enum_combo,
    plain_text,
    prepare_date,
    select_value,
    set_date,
)
from mentordesk.gui.person_panel import _facts, _none, _section, _table
from mentordesk.gui.table_models import OVERDUE_COLOUR
from mentordesk.services import pairings
from mentordesk.services.pairing_detail import CheckInRow, PairingDetail
from mentordesk.services.pairings import OPEN_CHECK_INS, CheckInRecord, CheckInState
from mentordesk.store.programme_file import ProgrammeFile

EMPTY_TEXT = "Select a pairing to see its details, check-ins and history."
WARNING_STYLE = "background:#fdecea; border:1px solid #e0a39d; padding:6px; margin:6px 0"
OVERRIDE_STYLE = "background:#fff4e0; border:1px solid #e8c27a; padding:6px; margin:6px 0"
#: How an overdue check-in's line is drawn: in bold and the overdue colour, beside the word.
OVERDUE_STYLE = f"font-weight:bold; color:{OVERDUE_COLOUR}"
OVERDUE_MARK = "⚠"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _answer(detail: PairingDetail) -> str:
    if detail.draft:
        return "not asked yet: the proposal is a draft"
    if detail.mentor_response is MentorResponse.NONE:
        if detail.status is not PairingStatus.PROPOSED:
            return ""
        due = f", due {_date(detail.response_due_on)}" if detail.response_due_on else ""
        return f"waiting{due}"
    return detail.mentor_response.label


def _box(style: str, title: str, lines: list[str]) -> str:
    items = "<br>".join(escape(line) for line in lines)
    return f"<div style='{style}'><b>{escape(title)}</b><br>{items}</div>"


def pairing_html(detail: PairingDetail) -> str:
    """The details' page for one pairing; every value from the file is escaped."""
    status = "Draft proposal" if detail.draft else detail.status.label
    if detail.end_reason is not None:
        status += f" ({detail.end_reason.label.lower()})"
    title = detail.name or f"{detail.mentor} – {', '.join(detail.mentees)}"
    parts = [
        f"<h2 style='margin-bottom:2px'>{escape(title)}</h2>",
        f"<p style='margin-top:0'>{escape(detail.strand)} ({escape(detail.format.label)}) · "
        f"<b>{escape(status)}</b></p>",
    ]
    if detail.training_missing:
        parts.append(
            _box(WARNING_STYLE, "⚠ Required training not completed", list(detail.training_missing))
        )
    if detail.override_reason:
        parts.append(
            _box(OVERRIDE_STYLE, "Paired against the programme's rules", [detail.override_reason])
        )
    mentees = "Members" if len(detail.mentees) > 1 else "Mentee"
    score = "" if detail.match_score is None else f"{detail.match_score:.0f} of 100"
    parts.append(
        _facts(
            [
                ("Mentor", detail.mentor),
                (mentees, ", ".join(detail.mentees)),
                ("Mentor's answer", _answer(detail)),
                ("Proposed", _date(detail.proposed_on)),
                ("Started", _date(detail.started_on)),
                ("Review", _date(detail.review_on)),
                ("Ended", _date(detail.ended_on)),
                ("Match score", score),
                ("Why matched", detail.match_explanation),
            ]
        )
    )
    parts.append(_section("Agreement"))
    agreement = _facts(
        [
            ("Goals", detail.goals),
            (
                "Meetings",
                ", ".join(v for v in (detail.meeting_frequency, detail.meeting_length) if v),
            ),
            ("Venue", detail.meeting_venue),
            ("Between meetings", detail.contact_between_meetings),
            ("Confidentiality", "agreed" if detail.confidentiality_agreed else ""),
        ]
    )
    parts.append(agreement or _none("No agreement recorded yet."))
    parts.append(_section("Check-ins", len(detail.check_ins)))
    parts.append(check_ins_html(detail.check_ins))
    parts.append(_section("History", len(detail.history)))
    parts.append(
        _table(
            ("When", "What"),
            (
                (_when(h.at), f"{h.action}: {h.summary}" if h.summary else h.action)
                for h in detail.history
            ),
        )
    )
    return "".join(parts)


def _when(at: dt.date) -> str:
    """An audit entry's local time, or only the day of what happened before the file knew."""
    if isinstance(at, dt.datetime):
        return at.astimezone().strftime("%Y-%m-%d %H:%M")
    return at.isoformat()


def check_in_done_text(check_in: CheckInRow) -> str:
    """What the Done column says: the day, or where the check-in stands ("⚠ overdue", …)."""
    if check_in.state is CheckInState.DONE:
        return _date(check_in.done_on)
    if check_in.state is CheckInState.OVERDUE:
        return f"{OVERDUE_MARK} overdue"
    return check_in.state.label


def check_ins_html(check_ins: tuple[CheckInRow, ...]) -> str:
    """The check-ins' table; overdue ones marked in words, in bold and in red.

    A note above it says how many are overdue and that recording a later one
    done settles those missed before it.
    """
    if not check_ins:
        return _none("No check-ins planned.")
    overdue = sum(c.state is CheckInState.OVERDUE for c in check_ins)
    note = ""
    if overdue:
        what = "1 check-in is" if overdue == 1 else f"{overdue} check-ins are"
        note = _box(
            WARNING_STYLE,
            f"{OVERDUE_MARK} {what} overdue",
            ["Record the next check-in once it is done: it settles those missed before it."],
        )
    return note + _table(
        ("Due", "Done", "Outcome", "Summary"),
        (
            (
                _date(c.due_on),
                check_in_done_text(c),
                c.outcome.label if c.outcome else "—",
                c.summary or "—",
            )
            for c in check_ins
        ),
        [OVERDUE_STYLE if c.state is CheckInState.OVERDUE else "" for c in check_ins],
    )


class PairingDetails(QWidget):
    """A read-only page about the current pairing, with a button to record a check-in.

    The forms of the Pairings tab's actions are opened over this panel, which
    reopens them after a lock through ``reopen`` (see ``gui/locking.py``).

    Attributes:
        browser: the page itself.
        record_button: opens the check-in form for the current pairing.
        detail: the pairing shown, or None.
        reopen: reopens a form with what it held when the window locked; returns
            whether it knew the form.

    Signals:
        record_requested: the coordinator asked to record a check-in of the pairing shown.
    """

    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairing_details")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("pairing_detail_text")
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(10)
        self.record_button = QPushButton("Record &check-in…", self)
        self.record_button.setObjectName("record_check_in_button")
        self.record_button.setToolTip(
            "Record when a check-in was done, what it found and a summary"
        )
        self.record_button.clicked.connect(self.record_requested.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.detail: PairingDetail | None = None
        self.reopen: Callable[[str, Any, Save], bool] | None = None
        self.show_nothing()

    def can_reopen_draft(self) -> bool:
        """Whether the forms opened over the panel can be reopened after a lock."""
        return self.reopen is not None

    def reopen_draft(self, title: str, values: Any, save: Save) -> None:
        """Reopen a form with what it held when the window locked."""
        if self.reopen is not None:
            self.reopen(title, values, save)

    def show_detail(self, detail: PairingDetail) -> None:
        """Show one pairing."""
        self.detail = detail
        self.browser.setHtml(pairing_html(detail))
        self.record_button.setEnabled(bool(detail.check_ins))

    def show_nothing(self, text: str = EMPTY_TEXT) -> None:
        """Show a hint instead of a pairing (and forget the one shown)."""
        self.detail = None
        self.browser.setHtml(f"<p style='color:#666'>{escape(text)}</p>")
        self.record_button.setEnabled(False)


def check_in_choice(check_in: CheckInRow) -> str:
    """A check-in as the form's list names it: its due day and, past it, where it stands."""
    if check_in.state is CheckInState.PLANNED:
        return f"Due {check_in.due_on}"
    if check_in.state is CheckInState.DONE:
        return f"Due {check_in.due_on} (done {check_in.done_on})"
    return f"Due {check_in.due_on} ({check_in_done_text(check_in)})"


@dataclass(frozen=True)
class CheckInValues:
    """What the check-in form holds: which check-in of which pairing, and what it found."""

    pairing_id: int
    check_in_id: int
    record: CheckInRecord


def save_check_in(session: Session, values: CheckInValues) -> None:
    """Save the check-in form (on the worker thread)."""
    pairings.record_check_in(session, values.check_in_id, values.record)


class CheckInDialog(RecordDialog):
    """Record one check-in of a pairing: which one, when it was done, what it found, a summary."""

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        pairing_id: int,
        check_ins: tuple[CheckInRow, ...],
    ) -> None:
        super().__init__(parent, programme_file, save_check_in)
        self._pairing_id = pairing_id
        self.setObjectName("check_in_dialog")
        self.setWindowTitle("Record check-in")
        self._check_ins = {c.check_in_id: c for c in check_ins}
        self.check_in = QComboBox(self)
        self.check_in.setObjectName("check_in")
        fill_combo(self.check_in, ((check_in_choice(c), c.check_in_id) for c in check_ins))
        self.done_on = QDateEdit(self)
        self.done_on.setObjectName("done_on")
        prepare_date(self.done_on)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome")
        fill_enum_combo(self.outcome, CheckInOutcome, blank=True)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText("What was discussed, and any follow-up agreed")
        buttons = save_buttons(self)
        form = QFormLayout()
        form.addRow("&Check-in:", self.check_in)
        form.addRow("&Done on:", self.done_on)
        form.addRow("&Outcome:", self.outcome)
        form.addRow("&Summary:", self.summary)
        hint = QLabel("Leave the date empty while the check-in has not happened.", self)
        hint.setStyleSheet("color:#666")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, 340)
        self.check_in.currentIndexChanged.connect(self._fill)
        pending = next((c for c in check_ins if c.state in OPEN_CHECK_INS), None)
        select_value(self.check_in, (pending or check_ins[-1]).check_in_id)
        self._fill()

    def _fill(self) -> None:
        chosen = self._check_ins.get(combo_value(self.check_in))
        if chosen is None:
            return
        # A check-in not yet recorded is most often recorded on the day it happened.
        set_date(self.done_on, chosen.done_on or dt.date.today())
        select_value(self.outcome, chosen.outcome)
        self.summary.setPlainText(chosen.summary)

    def set_values(self, values: CheckInValues) -> None:
        """Show what the form held before (after a lock)."""
        select_value(self.check_in, values.check_in_id)
        set_date(self.done_on, values.record.done_on)
        select_value(self.outcome, values.record.outcome)
        self.summary.setPlainText(values.record.summary)

    def values(self) -> CheckInValues:
        return CheckInValues(
            self._pairing_id,
            int(combo_value(self.check_in)),
            CheckInRecord(
                date_value(self.done_on), combo_value(self.outcome), plain_text(self.summary)
            ),
        )
