"""Import applications from a spreadsheet: check the columns, preview every row, then import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from mentordesk.domain.enums import ApplicantField, Role
from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.columns import guess_mapping
from mentordesk.formats.reading import list_sheets, read_table, require_rows
from mentordesk.formats.tables import SheetTable
from mentordesk.gui.errors import show_error
from mentordesk.gui.form_values import combo_value, fill_enum_combo
from mentordesk.gui.forms.ui_import_applications import Ui_ImportForm
from mentordesk.gui.import_models import PreviewTableModel, preview_counts, sample_values
from mentordesk.gui.ops import Op, Progress, read_then_open, run_long_op, run_op
from mentordesk.gui.save_path import ask_save_path
from mentordesk.services.import_mappings import (
    SavedMappingRow,
    mapping_for,
    save_mapping,
    saved_mappings,
)
from mentordesk.services.import_run import check_then_apply
from mentordesk.services.importing import (
    ExistingPerson,
    ImportCancelled,
    ImportPlan,
    ImportPreview,
    ImportSummary,
    RowAction,
    apply_import,
    preview_import,
    write_rejected_rows,
)
from mentordesk.services.programmes import ProgrammeSummary, StrandChoice, strand_choices
from mentordesk.store.programme_file import ProgrammeFile

#: What the file dialog offers.
SPREADSHEET_FILTER = "Spreadsheets (*.xlsx *.xls *.ods *.csv)"
GUESSED = "Guessed from the headers"


@dataclass(frozen=True)
class ImportSource:
    """A file read for import, with what the dialog needs from the programme file."""

    path: Path
    table: SheetTable
    sheets: list[str]
    strands: list[StrandChoice]
    mappings: list[SavedMappingRow]


def read_source(
    programme_file: ProgrammeFile, programme_id: int, path: Path, progress: Progress
) -> ImportSource:
    """Read a spreadsheet and the programme's strands and saved mappings (on the worker)."""
    table = read_table(path)
    sheets = list_sheets(path)
    progress.check()
    with programme_file.session() as session:
        return ImportSource(
            path, table, sheets, strand_choices(session, programme_id), saved_mappings(session)
        )


def start_import(
    parent: QWidget,
    programme_file: ProgrammeFile,
    programme: ProgrammeSummary,
    path: Path,
    on_open: Callable[[ImportDialog], None],
) -> Op:
    """Read ``path`` off the GUI thread, then open the import dialog on it.

    A file that cannot be read is explained over ``parent``; nothing is written.
    """
    return read_then_open(
        parent,
        path,
        lambda progress: read_source(programme_file, programme.id, path, progress),
        lambda source: ImportDialog(parent, programme_file, programme, source),
        on_open,
    )


def field_label(field: ApplicantField) -> str:
    """How a field reads in the column combos."""
    return "— Ignore —" if field is ApplicantField.IGNORE else field.label


class ImportDialog(QDialog):
    """The import wizard: columns and choices, then a preview of every row, then Import.

    Nothing is written before Import; a cancelled import writes nothing.

    Attributes:
        source: the file being imported and the programme's strands.
        preview: the last preview shown, if any.
        summary: what the import wrote, once it has run.
        op: the work now running for this dialog, if any.

    Signals:
        previewed: a preview is shown.
        imported: the import was written; carries its summary.
        mapping_saved: a mapping was saved under this name.
        rejected_saved: the rejected rows were saved to this path.
    """

    previewed = Signal(object)
    imported = Signal(object)
    mapping_saved = Signal(str)
    rejected_saved = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme: ProgrammeSummary,
        source: ImportSource,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui = Ui_ImportForm()
        self.ui.setupUi(self)
        self.programme_file = programme_file
        self.programme = programme
        self.source = source
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self.op: Op | None = None
        self.combos: list[QComboBox] = []
        self.preview_model = PreviewTableModel(self)
        ui = self.ui
        ui.preview_table.setModel(self.preview_model)
        ui.preview_table.verticalHeader().hide()
        row_height = self.fontMetrics().height() + 8
        ui.preview_table.verticalHeader().setDefaultSectionSize(row_height)
        for page in (ui.mapping_page, ui.preview_page):
            page.layout().setContentsMargins(0, 0, 0, 0)
        ui.preview_table.horizontalHeader().setStretchLastSection(True)
        ui.columns_table.verticalHeader().hide()
        ui.columns_table.setColumnCount(3)
        ui.columns_table.setHorizontalHeaderLabels(("Column in the file", "Holds", "For example"))
        ui.columns_table.horizontalHeader().setStretchLastSection(True)
        ui.default_strand.addItem("Choose a strand…", None)
        for strand in source.strands:
            ui.default_strand.addItem(strand.name, strand.id)
        if len(source.strands) == 1:
            ui.default_strand.setCurrentIndex(1)
        fill_enum_combo(ui.default_role, Role, blank=True)
        ui.default_role.setItemText(0, "Choose a role…")
        self._fill_saved_mappings(source.mappings)
        ui.sheet.addItems(source.sheets)
        ui.sheet.setCurrentText(source.table.sheet)
        ui.sheet.setVisible(len(source.sheets) > 1)
        ui.sheet_label.setVisible(len(source.sheets) > 1)
        ui.sheet.currentTextChanged.connect(self.read_sheet)
        ui.saved_mapping.currentIndexChanged.connect(self._saved_mapping_chosen)
        ui.save_mapping_button.clicked.connect(self._ask_mapping_name)
        ui.preview_button.clicked.connect(self.show_preview)
        ui.import_button.clicked.connect(self.start)
        ui.back_button.clicked.connect(self._back)
        ui.save_rejected_button.clicked.connect(self._ask_rejected_path)
        self._show_table(source.table)
        self._show_page(0)

    # The mapping page ----------------------------------------------------------------

    def _show_table(self, table: SheetTable) -> None:
        self.source = ImportSource(
            self.source.path, table, self.source.sheets, self.source.strands, self.source.mappings
        )
        where = f", sheet “{table.sheet}”" if table.sheet else ""
        noun = "row" if len(table.rows) == 1 else "rows"
        try:
            require_rows(table)
        except UnreadableFile as error:
            # Nothing to preview or import; another sheet may still be chosen.
            self.ui.source_label.setText(escape(error.message))
        else:
            self.ui.source_label.setText(
                f"<b>{escape(table.source)}</b>{escape(where)}: {len(table.rows)} {noun} under "
                f"the headers on row {table.header_row}, into "
                f"<b>{escape(self.programme.name)}</b>."
            )
        self.ui.preview_button.setEnabled(bool(table.rows))
        self.ui.read_notices.setText(" ".join(table.notices))
        self.ui.read_notices.setVisible(bool(table.notices))
        columns = self.ui.columns_table
        columns.setRowCount(len(table.headers))
        self.combos = []
        for index, header in enumerate(table.headers):
            columns.setItem(index, 0, QTableWidgetItem(header))
            combo = QComboBox(columns)
            combo.setObjectName(f"column_{index}")
            for field in ApplicantField:
                combo.addItem(field_label(field), field)
            combo.currentIndexChanged.connect(self._mapping_changed)
            columns.setCellWidget(index, 1, combo)
            self.combos.append(combo)
            example = QTableWidgetItem(sample_values(table, index))
            example.setForeground(self.palette().placeholderText())
            columns.setItem(index, 2, example)
        header = columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        columns.setColumnWidth(0, 260)
        columns.setColumnWidth(1, 190)
        self.set_mapping(guess_mapping(table.headers))
        self.ui.saved_mapping.blockSignals(True)
        self.ui.saved_mapping.setCurrentIndex(0)
        self.ui.saved_mapping.blockSignals(False)

    def set_mapping(self, mapping: dict[int, ApplicantField]) -> None:
        """Show which field each column holds (columns not listed are ignored)."""
        for index, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(mapping.get(index, ApplicantField.IGNORE)))
            combo.blockSignals(False)
        self._mapping_changed()

    def mapping(self) -> dict[int, ApplicantField]:
        """Which field each column holds, leaving out the ignored ones."""
        # Qt gives a StrEnum member back as a str.
        chosen = {i: ApplicantField(combo.currentData()) for i, combo in enumerate(self.combos)}
        return {i: f for i, f in chosen.items() if f is not ApplicantField.IGNORE}

    def _mapping_changed(self) -> None:
        ui = self.ui
        headers = self.source.table.headers
        for combo, label, wanted, noun in (
            (ui.default_strand, ui.default_strand_label, ApplicantField.STRAND, "strand"),
            (ui.default_role, ui.default_role_label, ApplicantField.ROLE, "role"),
        ):
            column = next((i for i, f in self.mapping().items() if f is wanted), None)
            combo.setEnabled(column is None)
            label.setEnabled(column is None)
            combo.setItemText(
                0,
                f"Each row's own, from the column “{headers[column]}”"
                if column is not None
                else f"Choose a {noun}…",
            )
        self.preview = None

    def plan(self) -> ImportPlan:
        """The import as the page now describes it."""
        ui = self.ui
        if ui.existing_skip.isChecked():
            existing = ExistingPerson.SKIP
        elif ui.existing_keep_both.isChecked():
            existing = ExistingPerson.KEEP_BOTH
        else:
            existing = ExistingPerson.UPDATE
        fields = set(self.mapping().values())
        return ImportPlan(
            self.source.table,
            self.mapping(),
            existing=existing,
            default_strand_id=(
                None if ApplicantField.STRAND in fields else ui.default_strand.currentData()
            ),
            default_role=None if ApplicantField.ROLE in fields else combo_value(ui.default_role),
        )

    def read_sheet(self, sheet: str) -> None:
        """Read another sheet of the same workbook."""
        path = self.source.path
        self._run_long(
            lambda _progress: read_table(path, sheet=sheet), f"Reading {sheet}…", self._show_table
        )

    # Saved mappings ------------------------------------------------------------------

    def _fill_saved_mappings(self, mappings: list[SavedMappingRow], select: str = "") -> None:
        combo = self.ui.saved_mapping
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(GUESSED, None)
        for saved in mappings:
            combo.addItem(saved.name, saved.name)
        combo.setCurrentIndex(max(combo.findData(select), 0) if select else 0)
        combo.blockSignals(False)

    def _saved_mapping_chosen(self, _index: int) -> None:
        name = self.ui.saved_mapping.currentData()
        headers = self.source.table.headers
        if name is None:
            self.set_mapping(guess_mapping(headers))
            return
        self._run(lambda s: mapping_for(s, name, headers), self.set_mapping)

    def _ask_mapping_name(self) -> None:
        ask = QInputDialog(self)
        ask.setObjectName("mapping_name")
        ask.setWindowTitle("Save mapping")
        ask.setLabelText("Name this mapping, for example after the form:")
        ask.setTextValue(self.ui.saved_mapping.currentData() or Path(self.source.path).stem)
        ask.textValueSelected.connect(self.save_mapping_as)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.open()

    def save_mapping_as(self, name: str) -> None:
        """Save the columns' fields under ``name``, for files from the same form."""
        headers = self.source.table.headers
        mapping = self.mapping()

        def save(session: Any) -> list[SavedMappingRow]:
            save_mapping(session, name, headers, mapping)
            return saved_mappings(session)

        def saved(mappings: list[SavedMappingRow]) -> None:
            chosen = next((m.name for m in mappings if m.name.lower() == name.strip().lower()), "")
            self._fill_saved_mappings(mappings, chosen)
            self.ui.status_label.setText(f"Mapping “{chosen}” saved.")
            self.mapping_saved.emit(chosen)

        self._run(save, saved)

    # The preview ---------------------------------------------------------------------

    def show_preview(self) -> None:
        """Work out what importing would do to each row, and show it; nothing is written."""
        plan = self.plan()
        programme_file, programme_id = self.programme_file, self.programme.id

        def work(progress: Progress) -> ImportPreview:
            with programme_file.session() as session:
                preview = preview_import(session, programme_id, plan)
            progress.check()
            return preview

        self._run_long(work, "Checking every row…", self._previewed)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.summary = None
        names = {s.id: s.name for s in self.source.strands}
        self.preview_model.set_preview(preview, names)
        # Rejected rows first, then skipped and updated ones, each in file order.
        self.ui.preview_table.sortByColumn(PreviewTableModel.ROW, Qt.SortOrder.AscendingOrder)
        self.ui.preview_table.sortByColumn(PreviewTableModel.ACTION, Qt.SortOrder.DescendingOrder)
        self.ui.preview_table.resizeColumnsToContents()
        for column, most in ((2, 200), (3, 240), (4, 120)):
            width = self.ui.preview_table.columnWidth(column)
            self.ui.preview_table.setColumnWidth(column, min(width, most))
        self.ui.preview_counts.setText(preview_counts(preview))
        self.ui.status_label.clear()
        self._show_page(1)
        self.previewed.emit(preview)

    def _ask_rejected_path(self) -> None:
        path = ask_save_path(
            self,
            "Save rejected rows",
            f"{self.source.path.stem} – rejected rows",
            ".xlsx",
            "Excel workbook (*.xlsx)",
            folder=self.source.path.parent,
        )
        if path is not None:
            self.save_rejected_to(path)

    def save_rejected_to(self, path: Path) -> None:
        """Save the rejected rows, with a column saying why, to an .xlsx file."""
        rows = self.preview_model.rows_where([RowAction.REJECT])
        table = self.source.table

        def saved(_result: object) -> None:
            noun = "row" if len(rows) == 1 else "rows"
            self.ui.status_label.setText(f"{len(rows)} rejected {noun} saved to {path.name}.")
            self.rejected_saved.emit(path)

        self._run_long(
            lambda _progress: write_rejected_rows(path, table, rows), "Saving rows…", saved
        )

    # Importing -----------------------------------------------------------------------

    def start(self) -> None:
        """Import the rows, off the GUI thread, behind a progress bar with Cancel."""
        plan = self.plan()
        programme_file, programme_id = self.programme_file, self.programme.id

        def work(progress: Progress) -> ImportSummary:
            # Checked again, then written after a backup of the file as it was, so a
            # wrong import can be undone by restoring it.
            run = check_then_apply(
                programme_file,
                lambda session: preview_import(session, programme_id, plan),
                lambda session, _preview: apply_import(
                    session,
                    programme_id,
                    plan,
                    progress=progress.update,
                    cancelled=lambda: progress.cancelled,
                ),
            )
            assert run.applied is not None  # not a dry run
            return run.applied

        self._run_long(work, "Importing applications…", self._imported, self._import_failed)

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        rejected = len(summary.rejected)
        text = (
            f"Import finished: {summary.added} added, {summary.updated} updated, "
            f"{summary.skipped} skipped, {rejected} rejected."
        )
        if rejected:
            text += " Save the rejected rows to correct them and import them again."
        self.ui.status_label.setText(text)
        self.ui.close_button.setText("Close")
        self.imported.emit(summary)
        box = QMessageBox(QMessageBox.Icon.Information, "Import finished", text, parent=self)
        box.setObjectName("import_summary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            self.ui.status_label.setText("The import was cancelled; nothing was written.")
        else:
            show_error(self, error)

    # Running work ----------------------------------------------------------------------

    def _show_page(self, page: int) -> None:
        ui = self.ui
        ui.pages.setCurrentIndex(page)
        ui.back_button.setVisible(page == 1)
        ui.preview_button.setVisible(page == 0)
        ui.import_button.setVisible(page == 1)
        self._set_busy(False)

    def _back(self) -> None:
        self.ui.status_label.clear()
        self._show_page(0)

    def _set_busy(self, busy: bool) -> None:
        ui = self.ui
        done = self.summary is not None
        rows_to_write = self.preview is not None and (self.preview.to_add + self.preview.to_update)
        ui.pages.setEnabled(not busy)
        ui.back_button.setEnabled(not busy and not done)
        ui.preview_button.setEnabled(not busy and bool(self.source.table.rows))
        ui.import_button.setEnabled(not busy and not done and bool(rows_to_write))
        ui.save_rejected_button.setEnabled(
            not busy and self.preview is not None and bool(self.preview.rejected)
        )
        ui.close_button.setEnabled(not busy)

    def _track(self, op: Op) -> None:
        self.op = op
        self._set_busy(True)
        op.finished.connect(lambda: self._finished(op))

    def _finished(self, op: Op) -> None:
        if self.op is op:
            self.op = None
            self._set_busy(False)

    def _run(self, work: Callable[[Any], Any], on_success: Callable[[Any], None]) -> None:
        self._track(run_op(self.programme_file, work, parent=self, on_success=on_success))

    def _run_long(
        self,
        work: Callable[[Progress], Any],
        label: str,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._track(
            run_long_op(
                work, parent=self, label=label, on_success=on_success, on_failure=on_failure
            )
        )

    def reject(self) -> None:
        if self.op is None:  # never close under running work
            super().reject()
