"""Pairing by hand and re-matching: choose the people, see each rule broken, give the reason.

The matching package loads SciPy, so it is imported only on the worker thread, when
the form asks the file for its choices or checks a pairing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import StrandFormat
from mentordesk.gui.dialogs import RecordDialog, Save, save_buttons
from mentordesk.gui.form_values import combo_value, fill_combo, plain_text, select_value
from mentordesk.gui.ops import run_op
from mentordesk.store.programme_file import ProgrammeFile

if TYPE_CHECKING:
    from mentordesk.services.matching.by_hand import HandChoices, HandPairing, RuleCheck

OK_STYLE = "color:#1b5e20"
BROKEN_STYLE = "color:#b3261e"
REASON_HINT = "Needed only when a rule is broken: why pair them anyway?"


def check_html(check: RuleCheck) -> str:
    """The rules' verdict on a pairing, with its score (values escaped)."""
    score = "" if check.points is None else f" Score {check.points:.0f} of 100."
    why = escape(check.explanation.removeprefix("paired by hand").lstrip(": "))
    if not check.broken:
        return f"<p style='{OK_STYLE}'><b>✓ Within the programme's rules.</b>{score}</p>" + (
            f"<p style='margin-top:0'>{why}</p>" if why else ""
        )
    count = "a rule" if len(check.broken) == 1 else f"{len(check.broken)} rules"
    items = "".join(f"<li>{escape(b)}</li>" for b in check.broken)
    return (
        f"<p style='{BROKEN_STYLE}'><b>⚠ This pairing breaks {count} of the programme:</b></p>"
        f"<ul style='margin-top:0'>{items}</ul>"
        f"<p>A reason is needed to go on anyway.{score}</p>"
    )


@dataclass(frozen=True)
class Rematching:
    """The pairing whose mentees get a new mentor."""

    pairing_id: int
    strand_id: int
    mentor_id: int
    mentee_ids: tuple[int, ...]


@dataclass(frozen=True)
class HandValues:
    """What the form holds: the pairing to make, and the pairing re-matched (if re-matching)."""

    pairing: HandPairing
    rematching: Rematching | None = None


def load_choices(session: Session, programme_id: int) -> HandChoices:
    """What the form offers (on the worker thread)."""
    from mentordesk.services.matching.by_hand import hand_pairing_choices

    return hand_pairing_choices(session, programme_id)


class PairByHandDialog(RecordDialog):
    """Pair a mentee (or a circle's members) with a mentor, or re-match a pairing's mentees.

    As the choice changes, the programme's hard rules are checked off the GUI thread
    and each rule broken is listed; Save then needs a reason, which is kept with the
    pairing and in its history.

    Attributes:
        strand, mentor, mentees, everyone, rules, reason: the form's fields.
        last_check: the latest verdict shown, or None while checking.
    """

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        save: Save,
        choices: HandChoices,
        *,
        rematching: Rematching | None = None,
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.setObjectName("pair_by_hand_dialog")
        self._programme_id = programme_id
        self._choices = choices
        self._names = {p.id: p.name for p in choices.people}
        self._rematching = rematching
        self._ignoring = () if rematching is None else (rematching.pairing_id,)
        self._request = 0
        self.last_check: RuleCheck | None = None
        self.strand = QComboBox(self)
        self.strand.setObjectName("strand")
        fill_combo(self.strand, ((f"{s.name} ({s.format.label})", s.id) for s in choices.strands))
        self.mentor = QComboBox(self)
        self.mentor.setObjectName("mentor")
        self.mentor.setMinimumContentsLength(28)
        self.mentor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.mentee_search = QLineEdit(self)
        self.mentee_search.setObjectName("mentee_search")
        self.mentee_search.setPlaceholderText("Find a mentee…")
        self.mentee_search.setClearButtonEnabled(True)
        self.mentees = QListWidget(self)
        self.mentees.setObjectName("mentees")
        self.mentees.setMinimumHeight(160)
        self.everyone = QCheckBox("Offer &everyone in the file, not only those accepted", self)
        self.everyone.setObjectName("everyone")
        self.rules = QLabel(self)
        self.rules.setObjectName("rules")
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setWordWrap(True)
        self.rules.setMinimumHeight(60)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(REASON_HINT)
        self.reason.setMaximumHeight(80)
        buttons = save_buttons(self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Pair them")
        form = QFormLayout()
        form.addRow("&Strand:", self.strand)
        form.addRow("&Mentor:", self.mentor)
        form.addRow("Ment&ees:", self.mentee_search)
        form.addRow("", self.mentees)
        form.addRow("", self.everyone)
        form.addRow("Rules:", self.rules)
        form.addRow("&Reason:", self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 620)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.check_now)
        self.strand.currentIndexChanged.connect(self._fill_people)
        self.everyone.toggled.connect(self._fill_people)
        self.mentor.currentIndexChanged.connect(self._timer.start)
        self.mentees.itemChanged.connect(self._mentee_ticked)
        self.mentee_search.textChanged.connect(self._filter_mentees)
        if rematching is None:
            self.setWindowTitle("Pair by hand")
            self._fill_people()
            return
        self.setWindowTitle("Re-match")
        select_value(self.strand, rematching.strand_id)
        self.strand.setEnabled(False)
        self._fill_people()
        self.mentees.setEnabled(False)
        self.mentee_search.setEnabled(False)
        self.everyone.setChecked(True)
        # The new mentor must be another one.
        index = self.mentor.findData(rematching.mentor_id)
        if index >= 0:
            self.mentor.removeItem(index)
        self._tick(rematching.mentee_ids)

    # Filling -----------------------------------------------------------------------

    def _fill_people(self) -> None:
        strand_id = combo_value(self.strand)
        everyone = self.everyone.isChecked()
        mentors = self._choices.mentors.get(strand_id, [])
        mentees = self._choices.mentees.get(strand_id, [])
        if everyone:
            mentors = [*mentors, *(p.id for p in self._choices.people if p.id not in mentors)]
            mentees = [*mentees, *(p.id for p in self._choices.people if p.id not in mentees)]
        kept_mentor, kept_mentees = combo_value(self.mentor), self.mentee_ids()
        self.mentor.blockSignals(True)
        fill_combo(self.mentor, ((self._names.get(p, ""), p) for p in mentors))
        select_value(self.mentor, kept_mentor)
        self.mentor.blockSignals(False)
        self.mentees.blockSignals(True)
        self.mentees.clear()
        waiting = self._choices.waitlist.get(strand_id, {})
        for person_id in mentees:
            text = self._names.get(person_id, "")
            if person_id in waiting:
                text += f"  (waitlist {waiting[person_id]})"
            item = QListWidgetItem(text, self.mentees)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.mentees.blockSignals(False)
        self._tick(kept_mentees)
        self._filter_mentees(self.mentee_search.text())
        self._timer.start()

    def _tick(self, person_ids: Sequence[int]) -> None:
        wanted = set(person_ids)
        self.mentees.blockSignals(True)
        for i in range(self.mentees.count()):
            item = self.mentees.item(i)
            ticked = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.mentees.blockSignals(False)
        self._timer.start()

    def _one_to_one(self) -> bool:
        strand_id = combo_value(self.strand)
        return any(
            s.id == strand_id and s.format is StrandFormat.ONE_TO_ONE for s in self._choices.strands
        )

    def _mentee_ticked(self, item: QListWidgetItem) -> None:
        # In a one-to-one strand, ticking a mentee unticks the one ticked before.
        if self._one_to_one() and item.checkState() == Qt.CheckState.Checked:
            self._tick([int(item.data(Qt.ItemDataRole.UserRole))])
        self._timer.start()

    def _filter_mentees(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.mentees.count()):
            item = self.mentees.item(i)
            shown = all(w in item.text().lower() for w in words)
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def mentee_ids(self) -> list[int]:
        """The ticked mentees, in the list's order."""
        items = (self.mentees.item(i) for i in range(self.mentees.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    # Checking ----------------------------------------------------------------------

    def check_now(self) -> None:
        """Check the chosen people against the rules, off the GUI thread."""
        strand_id, mentor_id, mentee_ids = (
            combo_value(self.strand),
            combo_value(self.mentor),
            self.mentee_ids(),
        )
        self._request += 1
        request = self._request
        self.last_check = None
        if strand_id is None or mentor_id is None or not mentee_ids:
            self.rules.setText("<p style='color:#666'>Choose a mentor and a mentee.</p>")
            return
        self.rules.setText("<p style='color:#666'>Checking the rules…</p>")
        programme_id, ignoring = self._programme_id, self._ignoring

        def work(session: Session) -> RuleCheck:
            from mentordesk.services.matching.by_hand import check_pairing

            return check_pairing(
                session, programme_id, strand_id, mentor_id, mentee_ids, ignoring=ignoring
            )

        run_op(
            self._programme_file,
            work,
            parent=self,
            on_success=lambda check: self._show_check(request, check),
            on_failure=lambda error: self._check_failed(request, error),
        )

    def done(self, result: int) -> None:
        # A check still running reports to a closed form: its answer is dropped.
        self._request += 1
        self._timer.stop()
        super().done(result)

    def _show_check(self, request: int, check: RuleCheck) -> None:
        if request != self._request:
            return
        self.last_check = check
        self.rules.setText(check_html(check))
        self.reason.setEnabled(bool(check.broken))

    def _check_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            message = getattr(error, "message", "The rules could not be checked.")
            self.rules.setText(f"<p style='{BROKEN_STYLE}'>{escape(message)}</p>")

    def set_values(self, values: HandValues) -> None:
        """Show what the form held before (after a lock)."""
        data = values.pairing
        if self._rematching is None:
            select_value(self.strand, data.strand_id)
            self._tick(data.mentee_ids)
        select_value(self.mentor, data.mentor_id)
        self.reason.setPlainText(data.override_reason)
        self._timer.start()

    def values(self) -> HandValues:
        from mentordesk.services.matching.by_hand import HandPairing

        strand_id, mentor_id = combo_value(self.strand), combo_value(self.mentor)
        data = HandPairing(
            strand_id=-1 if strand_id is None else strand_id,
            mentor_id=-1 if mentor_id is None else mentor_id,
            mentee_ids=self.mentee_ids(),
            override_reason=plain_text(self.reason),
        )
        return HandValues(data, self._rematching)


class OverrideDialog(QDialog):
    """Asks why to go on although rules are broken; calls back with the reason typed."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        check: RuleCheck,
        on_reason: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("override_dialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._on_reason = on_reason
        text = QLabel(check_html(check), self)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText("Why go on anyway? The reason is kept with the pairings.")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("button_box")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Go &on")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._reason_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(480, 320)
        self._reason_changed()

    def _reason_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(plain_text(self.reason)))

    def accept(self) -> None:
        reason = plain_text(self.reason)
        if reason:
            super().accept()
            self._on_reason(reason)
