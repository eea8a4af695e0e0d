"""Edit the programme's training rules: which training each role (in a strand, or all) needs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import TRAINING_KINDS, EventKind, Role
from mentordesk.gui.dialogs import RecordDialog, save_buttons
from mentordesk.gui.form_values import combo_value, fill_combo, fill_enum_combo, select_value
from mentordesk.services import training
from mentordesk.services.programmes import StrandChoice, strand_choices
from mentordesk.services.training import Requirement
from mentordesk.store.programme_file import ProgrammeFile

ANY_STRAND = "Every strand"


@dataclass(frozen=True)
class RulesData:
    """The programme's rules and strands, as the dialog needs them."""

    rules: list[Requirement]
    strands: list[StrandChoice]


def load_rules(session: Session, programme_id: int) -> RulesData:
    """The rules and strands of a programme (on the worker thread)."""
    return RulesData(
        training.requirements(session, programme_id), strand_choices(session, programme_id)
    )


class TrainingRulesDialog(RecordDialog):
    """One line per rule: a kind of training, a role, and optionally one strand.

    Attributes:
        table: the rules, each cell a combo.
    """

    KIND, ROLE, STRAND = range(3)

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        data: RulesData,
    ) -> None:
        super().__init__(
            parent,
            programme_file,
            lambda s, rules: training.set_requirements(s, programme_id, rules),
        )
        self.setObjectName("training_rules_dialog")
        self.setWindowTitle("Training rules")
        self.resize(560, 360)
        self._strands = data.strands
        intro = QLabel(
            "Everyone accepted in a role (and strand, if one is named) must attend one session "
            "of each training listed for them.",
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("rules_table")
        self.table.setHorizontalHeaderLabels(("Training", "Required of", "Strand"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton("&Add rule", self)
        add.setObjectName("add_rule_button")
        add.clicked.connect(lambda: self.add_rule(Requirement(EventKind.ORIENTATION, Role.MENTEE)))
        remove = QPushButton("&Remove rule", self)
        remove.setObjectName("remove_rule_button")
        remove.clicked.connect(self.remove_rule)
        edits = QHBoxLayout()
        edits.addWidget(add)
        edits.addWidget(remove)
        edits.addStretch(1)
        buttons = save_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(edits)
        layout.addWidget(buttons)
        for rule in data.rules:
            self.add_rule(rule)

    def add_rule(self, rule: Requirement) -> None:
        """Add a line showing ``rule``."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QComboBox(self.table)
        fill_enum_combo(kind, [k for k in EventKind if k in TRAINING_KINDS])
        select_value(kind, rule.kind)
        role = QComboBox(self.table)
        fill_enum_combo(role, Role)
        select_value(role, rule.role)
        strand = QComboBox(self.table)
        fill_combo(strand, [(ANY_STRAND, None), *((s.name, s.id) for s in self._strands)])
        select_value(strand, rule.strand_id)
        for column, combo in ((self.KIND, kind), (self.ROLE, role), (self.STRAND, strand)):
            self.table.setCellWidget(row, column, combo)

    def remove_rule(self) -> None:
        """Remove the line of the current cell."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def values(self) -> list[Requirement]:
        return [
            Requirement(
                combo_value(self._combo(row, self.KIND)),
                combo_value(self._combo(row, self.ROLE)),
                combo_value(self._combo(row, self.STRAND)),
            )
            for row in range(self.table.rowCount())
        ]
