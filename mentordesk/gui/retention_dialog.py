"""File ▸ Data retention…: each programme's rule, who it reaches today, and applying it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.gui.context import WindowContext
from mentordesk.gui.ops import Progress, run_long_op, run_op
from mentordesk.services.retention import (
    MAX_RETENTION_YEARS,
    RetentionAction,
    RetentionCase,
    RetentionRule,
    RetentionSummary,
    apply_retention,
    retention_preview,
    retention_rules,
    set_retention,
)
from mentordesk.store.programme_file import ProgrammeFile

#: What the years box shows for a programme that keeps its people.
NO_RULE = "No rule: keep"
KEPT_COLOUR = "#666666"


@dataclass(frozen=True)
class RetentionData:
    """The rules and the preview the dialog shows."""

    rules: list[RetentionRule]
    cases: list[RetentionCase]


def load_retention(session: Session, today: dt.date, action: RetentionAction) -> RetentionData:
    """Every programme's rule and who it reaches on ``today`` (on the worker thread)."""
    return RetentionData(retention_rules(session), retention_preview(session, today, action))


def _save_rules(session: Session, years: dict[int, int | None]) -> None:
    for programme_id, kept in years.items():
        set_retention(session, programme_id, kept)


def _apply(
    programme_file: ProgrammeFile, today: dt.date, action: RetentionAction
) -> RetentionSummary:
    with programme_file.session() as session:
        summary = apply_retention(session, today, action)
    # Nothing of the erased may linger in the file's free pages.
    programme_file.vacuum()
    return summary


def _item(text: str, *, grey: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if grey:
        item.setForeground(Qt.GlobalColor.darkGray)
    return item


class RetentionDialog(QDialog):
    """Set how long each programme keeps its participants, preview who is due, and apply it.

    A participant is due once every programme they took part in ended and its
    period passed. Applying asks for a confirmation naming how many people and
    what happens to them; the audit trail records the count, never who.

    Attributes:
        today: the day the preview is for (today, unless a test says otherwise).
        rules_table: one line per programme with its years to keep.
        erase_button, anonymise_button: what the rule does to those due.
        preview: who the rule reaches, and what happens to each.
        summary: the counts, in words.
        apply_button: applies the rule after the confirmation.
        confirmation: the confirmation, while it is open.

    Signals:
        loaded: the rules and the preview were (re)loaded.
        applied: the rule was applied (carries the ``RetentionSummary``).
    """

    loaded = Signal()
    applied = Signal(object)

    def __init__(self, parent: QWidget | None, programme_file: ProgrammeFile) -> None:
        super().__init__(parent)
        self.setObjectName("retention_dialog")
        self.setWindowTitle("Data retention")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.programme_file = programme_file
        self.today = dt.date.today()
        self.confirmation: QMessageBox | None = None
        self._data: RetentionData | None = None
        self._loading = False
        self._request = 0
        intro = QLabel(
            "Participants are erased, or anonymised, a number of years after their programme "
            "ended. Someone still in a running programme, or in one without a rule, is never "
            "touched. Nothing happens until you apply the rule.",
            self,
        )
        intro.setWordWrap(True)
        self.rules_table = QTableWidget(0, 3, self)
        self.rules_table.setObjectName("rules_table")
        self.rules_table.setHorizontalHeaderLabels(("Programme", "Ended on", "Keep for"))
        self.rules_table.verticalHeader().hide()
        self.rules_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rules_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.rules_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.save_rules_button = QPushButton("Save rules", self)
        self.save_rules_button.setObjectName("save_rules_button")
        self.save_rules_button.setEnabled(False)
        self.save_rules_button.clicked.connect(self.save_rules)
        self.erase_button = QRadioButton("Erase them (only anonymous counts are kept)", self)
        self.erase_button.setObjectName("erase_button")
        self.anonymise_button = QRadioButton(
            "Anonymise them (names, emails and free text go; statuses, dates and ratings stay "
            "for statistics)",
            self,
        )
        self.anonymise_button.setObjectName("anonymise_button")
        self.erase_button.setChecked(True)
        actions = QButtonGroup(self)
        actions.addButton(self.erase_button)
        actions.addButton(self.anonymise_button)
        self.erase_button.toggled.connect(lambda _on: self.refresh())
        self.preview = QTableWidget(0, 6, self)
        self.preview.setObjectName("preview")
        self.preview.setHorizontalHeaderLabels(
            ("Name", "Email", "Programme", "Ended on", "Due since", "What happens")
        )
        self.preview.verticalHeader().hide()
        row_height = self.preview.fontMetrics().height() + 8
        self.preview.verticalHeader().setDefaultSectionSize(row_height)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("retention_summary")
        self.summary.setWordWrap(True)
        self.apply_button = QPushButton("Apply the rule…", self)
        self.apply_button.setObjectName("apply_button")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.confirm_apply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("button_box")
        buttons.rejected.connect(self.reject)
        rules_bar = QHBoxLayout()
        rules_bar.addStretch(1)
        rules_bar.addWidget(self.save_rules_button)
        apply_bar = QHBoxLayout()
        apply_bar.addWidget(self.summary, 1)
        apply_bar.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rules_table)
        layout.addLayout(rules_bar)
        self.preview_heading = QLabel(self)
        self.preview_heading.setObjectName("preview_heading")
        layout.addWidget(self.preview_heading)
        layout.addWidget(self.erase_button)
        layout.addWidget(self.anonymise_button)
        layout.addWidget(self.preview, 1)
        layout.addLayout(apply_bar)
        layout.addWidget(buttons)
        self.resize(860, 620)
        self.refresh()

    # Loading ---------------------------------------------------------------------

    def action(self) -> RetentionAction:
        """What applying the rule does, as chosen."""
        if self.anonymise_button.isChecked():
            return RetentionAction.ANONYMISE
        return RetentionAction.ERASE

    def refresh(self) -> None:
        """Load the rules and the preview again, off the GUI thread."""
        today, action = self.today, self.action()
        self.apply_button.setEnabled(False)
        self._request += 1
        request = self._request
        run_op(
            self.programme_file,
            lambda s: load_retention(s, today, action),
            parent=self,
            on_success=lambda data: self._show(request, data),
        )

    def _show(self, request: int, data: RetentionData) -> None:
        if request != self._request:
            return  # a newer preview is on its way
        self._data = data
        self._loading = True
        self.rules_table.setRowCount(len(data.rules))
        for row, rule in enumerate(data.rules):
            self.rules_table.setItem(row, 0, _item(rule.programme))
            ended = rule.ends_on.isoformat() if rule.ends_on else "not set"
            self.rules_table.setItem(row, 1, _item(ended, grey=rule.ends_on is None))
            years = QSpinBox(self.rules_table)
            years.setRange(-1, MAX_RETENTION_YEARS)
            years.setSpecialValueText(NO_RULE)
            years.setSuffix(" years after the end")
            years.setValue(-1 if rule.years is None else rule.years)
            years.valueChanged.connect(self._rules_edited)
            self.rules_table.setCellWidget(row, 2, years)
        self._loading = False
        self._fit_rules_table()
        self.save_rules_button.setEnabled(False)
        self.preview_heading.setText(f"<b>Who the rules reach on {self.today.isoformat()}</b>")
        self.preview.setRowCount(len(data.cases))
        for row, case in enumerate(data.cases):
            kept = case.action is None
            what = f"Kept: {case.kept_because}" if case.action is None else case.action.label
            cells = (
                case.name,
                case.email,
                case.programme,
                case.ended_on.isoformat(),
                case.due_on.isoformat(),
                what,
            )
            for column, text in enumerate(cells):
                self.preview.setItem(row, column, _item(text, grey=kept))
        self.preview.resizeColumnsToContents()
        self._show_summary()
        self.loaded.emit()

    def _fit_rules_table(self) -> None:
        # As tall as its programmes (up to six), so the preview gets the room.
        table = self.rules_table
        table.resizeRowsToContents()
        shown = min(max(table.rowCount(), 1), 6)
        rows = sum(table.rowHeight(r) for r in range(min(shown, table.rowCount())))
        rows = rows or table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(table.horizontalHeader().height() + rows + 2 * table.frameWidth())

    def _show_summary(self) -> None:
        data = self._data
        if data is None:
            return
        due = sum(c.action is not None for c in data.cases)
        kept = len(data.cases) - due
        if not any(r.years is not None for r in data.rules):
            text = "No programme has a retention rule yet: set one above and save it."
        elif not data.cases:
            text = f"Nobody is due on {self.today.isoformat()}."
        else:
            verb = self.action().done
            people = "person is" if due == 1 else "people are"
            text = f"{due} {people} due: applying the rule leaves them {verb}."
            if kept:
                text += f" {kept} more {'is' if kept == 1 else 'are'} kept, for the reason shown."
        self.summary.setText(text)
        self.apply_button.setEnabled(due > 0 and not self.save_rules_button.isEnabled())

    # Rules -----------------------------------------------------------------------

    def _rules_edited(self) -> None:
        if self._loading:
            return
        self.save_rules_button.setEnabled(True)
        self.apply_button.setEnabled(False)
        self.summary.setText("Save the rules to see whom they reach.")

    def rule_years(self) -> dict[int, int | None]:
        """Each programme's years to keep as the table shows them (None: no rule)."""
        if self._data is None:
            return {}
        years: dict[int, int | None] = {}
        for row, rule in enumerate(self._data.rules):
            box = self.rules_table.cellWidget(row, 2)
            assert isinstance(box, QSpinBox)
            years[rule.programme_id] = None if box.value() < 0 else box.value()
        return years

    def save_rules(self) -> None:
        """Save the rules as the table shows them, then preview again."""
        years = self.rule_years()
        self.save_rules_button.setEnabled(False)
        run_op(
            self.programme_file,
            lambda s: _save_rules(s, years),
            parent=self,
            on_success=lambda _result: self.refresh(),
        )

    # Applying --------------------------------------------------------------------

    def confirm_apply(self) -> QMessageBox | None:
        """Ask, naming how many people and what happens to them, before applying the rule."""
        data = self._data
        due = 0 if data is None else sum(c.action is not None for c in data.cases)
        if not due:
            return None
        people = "1 person" if due == 1 else f"{due} people"
        if self.action() is RetentionAction.ERASE:
            title, button = f"Erase {people}?", "Erase"
            text = (
                f"Erase {people} now? Everything about them is deleted for good; only "
                "anonymous counts are kept for statistics. Older backups still hold them "
                "until they are rotated out, and restoring one erases them again."
            )
        else:
            title, button = f"Anonymise {people}?", "Anonymise"
            text = (
                f"Anonymise {people} now? Their names, emails and every free text about them "
                "are replaced or cleared for good; statuses, dates and ratings stay for "
                "statistics."
            )
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setObjectName("retention_confirm")
        go = box.addButton(button, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_code: int) -> None:
            self.confirmation = None
            if box.clickedButton() is go:
                self.apply()

        box.finished.connect(answered)
        self.confirmation = box
        box.open()
        return box

    def apply(self) -> None:
        """Apply the rule to everyone due today (no question asked: see :meth:`confirm_apply`)."""
        programme_file, today, action = self.programme_file, self.today, self.action()
        self.apply_button.setEnabled(False)

        def work(_progress: Progress) -> RetentionSummary:
            return _apply(programme_file, today, action)

        run_long_op(
            work,
            parent=self,
            label="Applying the retention rule…",
            on_success=self._applied,
        )

    def _applied(self, summary: RetentionSummary) -> None:
        self.applied.emit(summary)
        self.refresh()


def open_retention(window: WindowContext) -> RetentionDialog | None:
    """Open File ▸ Data retention… on the open file."""
    if window.programme_file is None:
        return None
    dialog = RetentionDialog(window.widget(), window.programme_file)
    dialog.applied.connect(lambda summary: _report(window, summary))
    dialog.open()
    return dialog


def _report(window: WindowContext, summary: RetentionSummary) -> None:
    people = "1 person" if summary.people == 1 else f"{summary.people} people"
    window.show_status(f"Retention rule applied: {people} {summary.action.done}.", 10_000)
    window.reload()
