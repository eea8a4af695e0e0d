"""The programme's matching rules: limits, field preference, weights, and fixed or blocked pairs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import FieldPreference, PairRuleKind
from mentordesk.gui.dialogs import RecordDialog, save_buttons
from mentordesk.gui.form_values import combo_value, fill_combo, fill_enum_combo, select_value
from mentordesk.gui.limit_boxes import limit_spin, limit_value, set_limit
from mentordesk.store.programme_file import ProgrammeFile

if TYPE_CHECKING:
    from mentordesk.services.matching.rules import MatchingRulesInput, PairRuleInput

FIELD_PREFERENCES = (
    ("No preference", FieldPreference.NONE),
    ("The same field or department (as CERN matches)", FieldPreference.SAME),
    ("A different field or department, to broaden networks", FieldPreference.DIFFERENT),
)


@dataclass(frozen=True)
class RulesValues:
    """What the rules form holds (wrapped, so that it is told apart after a lock)."""

    rules: MatchingRulesInput


@dataclass(frozen=True)
class RulesFormData:
    """The rules and the people the pair rules can name: (id, name) of mentors and mentees."""

    rules: MatchingRulesInput
    mentors: list[tuple[int, str]]
    mentees: list[tuple[int, str]]


def load_rules_form(session: Session, programme_id: int) -> RulesFormData:
    """The programme's rules and its accepted mentors and mentees (on the worker thread)."""
    from mentordesk.services.matching.rules import matching_rules, pair_rule_choices

    choices = pair_rule_choices(session, programme_id)
    return RulesFormData(matching_rules(session, programme_id), choices.mentors, choices.mentees)


class MatchingRulesDialog(RecordDialog):
    """Edit the matching rules of a programme; the engine reads them on its next run.

    Attributes:
        capacity, grade_gap, field_preference, answer_days: the limits (capacity and
            grade_gap show "no limit" below their lowest number, for a limit left open).
        weights: one spin box per soft criterion (each with a slider beside it).
        pairs: the fixed and blocked pairs, one line each.
    """

    MENTOR, MENTEE, KIND, REASON = range(4)

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        data: RulesFormData,
    ) -> None:
        from mentordesk.services.matching.rules import set_matching_rules

        super().__init__(
            parent,
            programme_file,
            lambda s, values: set_matching_rules(s, programme_id, values.rules),
        )
        self.setObjectName("matching_rules_dialog")
        self.setWindowTitle("Matching rules")
        self._data = data
        layout = QVBoxLayout(self)
        layout.addWidget(self._limits_box())
        layout.addWidget(self._weights_box())
        layout.addWidget(self._pairs_box(), 1)
        buttons = save_buttons(self)
        layout.addWidget(buttons)
        self.resize(680, 780)
        self.fill(data.rules)
        for rule in data.rules.pair_rules:
            self.add_pair(rule)

    # Building --------------------------------------------------------------------

    def _spin(self, name: str, low: int, high: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

    def _limits_box(self) -> QGroupBox:
        from mentordesk.services.matching.rules import MAX_CAPACITY, MAX_GRADE_GAP

        box = QGroupBox("Hard rules", self)
        self.capacity = limit_spin(
            self, "capacity", lowest=1, highest=MAX_CAPACITY, suffix=" mentees"
        )
        # A gap of 0 is a limit (nobody can be paired), so "no limit" sits below it.
        self.grade_gap = limit_spin(
            self, "grade_gap", lowest=0, highest=MAX_GRADE_GAP, suffix=" levels"
        )
        self.field_preference = QComboBox(self)
        self.field_preference.setObjectName("field_preference")
        fill_combo(self.field_preference, FIELD_PREFERENCES)
        self.answer_days = self._spin("answer_days", 1, 90, " days")
        form = QFormLayout(box)
        form.addRow("A mentor takes at &most:", self.capacity)
        form.addRow("A mentor is at most this far &above the mentee:", self.grade_gap)
        form.addRow("Pair people from:", self.field_preference)
        form.addRow("Mentors answer a proposal &within:", self.answer_days)
        note = QLabel(
            "A mentor never mentors someone in their reporting line, someone senior to them, a "
            "mentee from an earlier cohort or one they declined; a mentor who has paused takes "
            "no new mentees. These rules, the answer deadline included, are kept in the "
            "programme's file, so everyone who opens it works to the same ones.",
            box,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#555")
        form.addRow(note)
        return box

    def _weights_box(self) -> QGroupBox:
        from mentordesk.services.matching.core import CRITERIA, MAX_WEIGHT

        box = QGroupBox("How much each criterion counts (0 leaves it out)", self)
        grid = QGridLayout(box)
        self.weights: dict[str, QSpinBox] = {}
        for row, (criterion, text) in enumerate(CRITERIA.items()):
            label = QLabel(text, box)
            slider = QSlider(Qt.Orientation.Horizontal, box)
            slider.setObjectName(f"{criterion}_slider")
            slider.setRange(0, int(MAX_WEIGHT))
            spin = self._spin(f"{criterion}_weight", 0, int(MAX_WEIGHT))
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(slider.setValue)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(spin, row, 2)
            self.weights[criterion] = spin
        grid.setColumnStretch(1, 1)
        reset = QPushButton("Reset to &defaults", box)
        reset.setObjectName("reset_button")
        reset.setToolTip("Put back the default limits, preference and weights (pairs are kept)")
        reset.clicked.connect(self.reset_to_defaults)
        grid.addWidget(reset, len(CRITERIA), 2)
        return box

    def _pairs_box(self) -> QGroupBox:
        box = QGroupBox("Pairs fixed or blocked by the coordinator", self)
        self.pairs = QTableWidget(0, 4, box)
        self.pairs.setObjectName("pairs_table")
        self.pairs.setHorizontalHeaderLabels(("Mentor", "Mentee", "Rule", "Reason"))
        self.pairs.verticalHeader().hide()
        header = self.pairs.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.ResizeToContents)
        add = QPushButton("&Add pair", box)
        add.setObjectName("add_pair_button")
        add.clicked.connect(lambda: self.add_pair())
        remove = QPushButton("Re&move pair", box)
        remove.setObjectName("remove_pair_button")
        remove.clicked.connect(self.remove_pair)
        edits = QHBoxLayout()
        edits.addWidget(add)
        edits.addWidget(remove)
        edits.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.pairs, 1)
        layout.addLayout(edits)
        return box

    # Values ------------------------------------------------------------------------

    def fill(self, rules: MatchingRulesInput) -> None:
        """Show ``rules``' limits, preference and weights."""
        set_limit(self.capacity, rules.max_mentees_per_mentor)
        set_limit(self.grade_gap, rules.max_grade_gap)
        select_value(self.field_preference, rules.field_preference)
        self.answer_days.setValue(rules.response_days)
        for criterion, spin in self.weights.items():
            spin.setValue(round(rules.weights.get(criterion, 0.0)))

    def set_values(self, values: RulesValues) -> None:
        """Show what the form held before (after a lock): the limits, weights and pairs."""
        self.fill(values.rules)
        self.pairs.setRowCount(0)
        for rule in values.rules.pair_rules:
            self.add_pair(rule)

    def reset_to_defaults(self) -> None:
        """Show the default limits and weights; the pairs are left as they are."""
        from mentordesk.services.matching.rules import MatchingRulesInput

        self.fill(MatchingRulesInput())

    def add_pair(self, rule: PairRuleInput | None = None) -> None:
        """Add a line for a fixed or blocked pair (blank, or showing ``rule``)."""
        row = self.pairs.rowCount()
        self.pairs.insertRow(row)
        mentor, mentee, kind = QComboBox(self.pairs), QComboBox(self.pairs), QComboBox(self.pairs)
        fill_combo(mentor, [("", None), *((name, pid) for pid, name in self._data.mentors)])
        fill_combo(mentee, [("", None), *((name, pid) for pid, name in self._data.mentees)])
        fill_enum_combo(kind, PairRuleKind)
        reason = QLineEdit(self.pairs)
        reason.setMaxLength(300)
        reason.setPlaceholderText("Why (optional)")
        if rule is not None:
            select_value(mentor, rule.mentor_id)
            select_value(mentee, rule.mentee_id)
            select_value(kind, rule.kind)
            reason.setText(rule.reason)
        for column, widget in enumerate((mentor, mentee, kind, reason)):
            self.pairs.setCellWidget(row, column, widget)
        self.pairs.setCurrentCell(row, self.MENTOR)

    def remove_pair(self) -> None:
        """Remove the line of the current cell."""
        row = self.pairs.currentRow()
        if row >= 0:
            self.pairs.removeRow(row)

    def _cell(self, row: int, column: int) -> QWidget:
        widget = self.pairs.cellWidget(row, column)
        assert widget is not None
        return widget

    def _pair_rules(self) -> list[PairRuleInput]:
        from mentordesk.services.matching.rules import PairRuleInput

        rules = []
        for row in range(self.pairs.rowCount()):
            mentor, mentee, kind, reason = (self._cell(row, c) for c in range(4))
            assert isinstance(mentor, QComboBox)
            assert isinstance(mentee, QComboBox)
            assert isinstance(kind, QComboBox)
            assert isinstance(reason, QLineEdit)
            mentor_id, mentee_id = combo_value(mentor), combo_value(mentee)
            rules.append(
                PairRuleInput(
                    -1 if mentor_id is None else mentor_id,
                    -1 if mentee_id is None else mentee_id,
                    combo_value(kind),
                    reason.text(),
                )
            )
        return rules

    def values(self) -> RulesValues:
        from mentordesk.services.matching.rules import MatchingRulesInput

        return RulesValues(
            MatchingRulesInput(
                max_mentees_per_mentor=limit_value(self.capacity),
                max_grade_gap=limit_value(self.grade_gap),
                field_preference=FieldPreference(combo_value(self.field_preference)),
                weights={c: float(spin.value()) for c, spin in self.weights.items()},
                pair_rules=self._pair_rules(),
                response_days=self.answer_days.value(),
            )
        )
