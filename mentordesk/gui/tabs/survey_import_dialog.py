"""Import a survey's responses from a form export: how each column and row is read, then import."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import CellValue, SheetTable
from mentordesk.gui.ops import Op, Progress, read_then_open, run_long_op
from mentordesk.gui.review_dialog import ReviewDialog
from mentordesk.services.import_run import check_then_apply
from mentordesk.services.survey_import import (
    RESPONDENT_EMAIL,
    SUBMITTED_ON,
    LineStatus,
    ResponseImportPlan,
    ResponseImportSummary,
    apply_response_import,
    preview_response_import,
)
from mentordesk.services.surveys import ItemRow, SurveyRow, item_rows
from mentordesk.store.programme_file import ProgrammeFile

EXPORT_FILTER = "Form exports (*.xlsx *.csv *.xls *.ods *.tsv *.txt);;All files (*)"
IGNORE = "— Ignore —"
#: Backgrounds of rows that are not written: with unreadable answers, unmatched, left out.
PROBLEM_BACKGROUND = "#fde0dc"
UNMATCHED_BACKGROUND = "#ffe0a3"
LEFT_OUT_FOREGROUND = "#6b6b6b"
STATUS_TEXT = {
    LineStatus.IMPORT: "Import",
    LineStatus.REPLACE: "Import, replacing",
    LineStatus.SUPERSEDED: "Left out",
    LineStatus.OLDER: "Left out",
    LineStatus.EMPTY: "Left out",
    LineStatus.UNMATCHED: "Not matched",
    LineStatus.REJECTED: "Problem",
}


@dataclass(frozen=True)
class ExportSource:
    """An export read from a file, with the survey's items and a first plan; nothing written."""

    path: Path
    table: SheetTable
    survey: SurveyRow
    items: list[ItemRow]
    plan: ResponseImportPlan


def read_export(
    programme_file: ProgrammeFile, survey: SurveyRow, path: Path, progress: Progress
) -> ExportSource:
    """Read an export and plan its import (on the worker thread)."""
    table = read_table(path)
    progress.check()
    with programme_file.session() as session:
        plan = preview_response_import(session, survey.survey_id, table)
        return ExportSource(path, table, survey, item_rows(session, survey.survey_id), plan)


def start_response_import(
    parent: QWidget,
    programme_file: ProgrammeFile,
    survey: SurveyRow,
    path: Path,
    on_open: Callable[[ResponseImportDialog], None],
) -> Op:
    """Read ``path`` off the GUI thread, then open the import dialog on it.

    A file that cannot be read is explained over ``parent``; nothing is written.
    """
    return read_then_open(
        parent,
        path,
        lambda progress: read_export(programme_file, survey, path, progress),
        lambda source: ResponseImportDialog(parent, programme_file, source),
        on_open,
    )


def _sample(table: SheetTable, column: int) -> str:
    """The first answer in a column, to help tell what it holds."""
    for row in table.rows:
        value: CellValue = row[column]
        if value is not None and str(value).strip():
            text = " ".join(str(value).split())
            return text if len(text) <= 40 else f"{text[:39]}…"
    return ""


def _shortened(text: str, length: int = 70) -> str:
    return text if len(text) <= length else f"{text[: length - 1]}…"


class ResponseImportDialog(ReviewDialog):
    """How each column is read (changeable), and what happens to each row; then Import.

    Nothing is written before Import, and then in one transaction after a backup.

    Attributes:
        columns: one line per column of the export, with the item it answers.
        lines: one line per data row, with the person and what happens to it.
        combos: the "read as" choice of each column, by column index.
        corrections: the columns whose reading the coordinator changed.
        plan: the plan shown; summary: what the import wrote, once done.

    Signals:
        previewed: the plan was made again after a change.
        imported: the responses were written; carries the summary.
    """

    COLUMN, SAMPLE, READ_AS, WHY = range(4)
    ROW, EMAIL, PERSON, STATUS, REASON = range(5)

    previewed = Signal()
    imported = Signal(object)

    def __init__(
        self, parent: QWidget | None, programme_file: ProgrammeFile, source: ExportSource
    ) -> None:
        super().__init__(
            parent,
            programme_file,
            "survey_import_dialog",
            f"Import responses — {source.survey.title}",
            (1040, 680),
        )
        self.source = source
        self.plan = source.plan
        self.summary: ResponseImportSummary | None = None
        self.corrections: dict[int, str | None] = {}
        self.combos: dict[int, QComboBox] = {}
        self.heading = self.rich_label("import_heading")
        self.columns = self.review_table(
            4, "columns_table", ("Column in the file", "First answer", "Read as", "Why")
        )
        self.lines = self.review_table(
            5, "lines_table", ("Row", "Email", "Person", "Import?", "Why")
        )
        for table in (self.columns, self.lines):
            table.setWordWrap(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
        self.counts = self.rich_label("import_counts")
        self.skip_rejected = QCheckBox(
            "&Leave out the rows with answers that cannot be read, and import the rest", self
        )
        self.skip_rejected.setObjectName("skip_rejected")
        self.skip_rejected.toggled.connect(self._update_button)
        self.add_buttons("Import", "import_button")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._titled("How each column is read", self.columns))
        splitter.addWidget(self._titled("What happens to each row", self.lines))
        splitter.setSizes([330, 270])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.skip_rejected)
        layout.addWidget(self.buttons)
        self._fill_columns()
        self._show_plan(self.plan)
        self.columns.resizeColumnsToContents()
        self.columns.setColumnWidth(self.COLUMN, min(self.columns.columnWidth(self.COLUMN), 320))
        self.columns.setColumnWidth(self.READ_AS, 330)

    def _titled(self, title: str, table: QTableWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(f"<b>{escape(title)}</b>", box)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        return box

    # Columns ---------------------------------------------------------------------------

    def _fill_columns(self) -> None:
        table = self.source.table
        choices: list[tuple[str, str | None]] = [
            (IGNORE, None),
            ("The respondent's email", RESPONDENT_EMAIL),
            ("When they answered", SUBMITTED_ON),
            *((f"{i.position}. {_shortened(i.text, 60)}", i.code) for i in self.source.items),
        ]
        self.columns.setRowCount(len(table.headers))
        for column, header in enumerate(table.headers):
            name = QTableWidgetItem(header)
            name.setToolTip(header)
            self.columns.setItem(column, self.COLUMN, name)
            self.columns.setItem(column, self.SAMPLE, QTableWidgetItem(_sample(table, column)))
            combo = QComboBox(self.columns)
            combo.setObjectName(f"read_as_{column}")
            for text, target in choices:
                combo.addItem(text, target)
                if target is not None and target not in (RESPONDENT_EMAIL, SUBMITTED_ON):
                    item = next(i for i in self.source.items if i.code == target)
                    combo.setItemData(combo.count() - 1, item.text, Qt.ItemDataRole.ToolTipRole)
            combo.activated.connect(lambda _index, c=column: self._corrected(c))
            self.columns.setCellWidget(column, self.READ_AS, combo)
            self.combos[column] = combo

    def read_as(self, column: int) -> str | None:
        """What the column is read as: an item code, the email, the date, or None."""
        value = self.combos[column].currentData()
        return None if value is None else str(value)

    def set_read_as(self, column: int, target: str | None) -> None:
        """Read ``column`` as ``target`` (as if chosen in its combo) and plan again."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(target), 0))
        self._corrected(column)

    def _corrected(self, column: int) -> None:
        self.corrections[column] = self.read_as(column)
        self.repreview()

    def repreview(self) -> None:
        """Plan the import again with the coordinator's corrections, off the GUI thread."""
        survey_id, table = self.source.survey.survey_id, self.source.table
        corrections: Mapping[int, str | None] = dict(self.corrections)
        self.run_in_file(
            lambda s: preview_response_import(s, survey_id, table, columns=corrections),
            self._replanned,
        )

    def _replanned(self, plan: ResponseImportPlan) -> None:
        self.buttons.setEnabled(True)
        self._show_plan(plan)
        self.previewed.emit()

    # The plan ------------------------------------------------------------------------

    def _show_plan(self, plan: ResponseImportPlan) -> None:
        self.plan = plan
        for use in plan.columns:
            combo = self.combos[use.column]
            combo.setCurrentIndex(max(combo.findData(use.target), 0))
            why = QTableWidgetItem(use.reason)
            why.setToolTip(use.reason)
            if use.check:
                why.setBackground(QBrush(QColor(UNMATCHED_BACKGROUND)))
            self.columns.setItem(use.column, self.WHY, why)
        self.lines.setRowCount(len(plan.lines))
        for row, line in enumerate(plan.lines):
            cells = (
                str(line.row_number),
                line.email,
                line.person_name,
                STATUS_TEXT[line.status],
                line.reason,
            )
            background = {
                LineStatus.REJECTED: PROBLEM_BACKGROUND,
                LineStatus.UNMATCHED: UNMATCHED_BACKGROUND,
            }.get(line.status)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == self.REASON:
                    cell.setToolTip(text)
                if background is not None:
                    cell.setBackground(QBrush(QColor(background)))
                elif not line.status.imported:
                    cell.setForeground(QBrush(QColor(LEFT_OUT_FOREGROUND)))
                self.lines.setItem(row, column, cell)
        self.lines.resizeColumnsToContents()
        self.lines.setColumnWidth(self.EMAIL, min(self.lines.columnWidth(self.EMAIL), 260))
        self._show_counts()

    def _show_counts(self) -> None:
        plan = self.plan
        source = escape(self.source.path.name)
        replacing = len(plan.with_status(LineStatus.REPLACE))
        self.heading.setText(
            f"<b>{source}</b> into <b>{escape(plan.survey_title)}</b>: "
            f"{len(plan.lines)} rows. Columns are matched to the survey's items by their "
            "words, and rows to people by email; change how a column is read if it is wrong."
            + "".join(f"<br>{escape(notice)}" for notice in plan.notices)
        )
        text = (
            f"<b>{len(plan.matched)}</b> rows matched to people, "
            f"<span style='background:{UNMATCHED_BACKGROUND}'>&nbsp;<b>{len(plan.unmatched)}</b>"
            "&nbsp;not matched&nbsp;</span>; "
            f"<b>{len(plan.to_import)}</b> responses to import ({replacing} replacing older "
            f"ones), {len(plan.left_out)} left out"
        )
        if plan.rejected:
            text += (
                f", <span style='background:{PROBLEM_BACKGROUND}'>&nbsp;<b>"
                f"{len(plan.rejected)}</b> with answers that cannot be read&nbsp;</span>"
            )
        if plan.unanswered_items:
            text += f". Items no column answers: {escape(', '.join(plan.unanswered_items))}"
        self.counts.setText(text + ".")
        self.skip_rejected.setVisible(bool(plan.rejected))
        self._update_button()

    def _update_button(self) -> None:
        plan = self.plan
        blocked = bool(plan.rejected) and not self.skip_rejected.isChecked()
        count = len(plan.to_import)
        self.import_button.setText(f"Import {count} response{'' if count == 1 else 's'}")
        self.import_button.setEnabled(count > 0 and not blocked)
        if blocked:
            self.import_button.setToolTip(
                "Some rows have answers that cannot be read: correct the file, or leave them out."
            )
        else:
            self.import_button.setToolTip("")

    # Importing -----------------------------------------------------------------------

    def start(self) -> None:
        """Back the file up, then write the responses in one transaction, off the GUI thread."""
        if not self.import_button.isEnabled():
            return
        programme_file = self.programme_file
        survey_id, table = self.source.survey.survey_id, self.source.table
        corrections, skip = dict(self.corrections), self.skip_rejected.isChecked()

        def work(_progress: Progress) -> ResponseImportSummary:
            # Checked again, then written after a backup of the file as it was, so a
            # wrong import can be undone by restoring it.
            run = check_then_apply(
                programme_file,
                lambda session: preview_response_import(
                    session, survey_id, table, columns=corrections
                ),
                lambda session, _plan: apply_response_import(
                    session, survey_id, table, columns=corrections, skip_rejected=skip
                ),
            )
            assert run.applied is not None  # not a dry run
            return run.applied

        self.buttons.setEnabled(False)
        run_long_op(
            work,
            parent=self,
            label="Importing responses…",
            on_success=self._imported,
            on_failure=self.failed,
        )

    def _imported(self, summary: ResponseImportSummary) -> None:
        self.summary = summary
        text = (
            f"Imported {summary.imported} responses into “{self.plan.survey_title}”"
            f" ({summary.replaced} replacing older ones). Not matched: {summary.unmatched}; "
            f"left out: {summary.left_out + summary.rejected}."
        )
        self.imported.emit(summary)
        box = QMessageBox(
            QMessageBox.Icon.Information, "Import finished", text, parent=self.parentWidget()
        )
        box.setObjectName("survey_import_summary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.accept()
