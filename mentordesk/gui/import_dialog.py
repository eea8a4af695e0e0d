"""Import applications from a spreadsheet: check the columns, preview every row, then import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QMessageBox, QWidget

from mentordesk.domain.enums import ApplicantField, Role
from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.column_guess import ColumnGuess, recognise_columns
from mentordesk.formats.dates import DayOrder
from mentordesk.formats.reading import list_sheets, read_table, require_rows
from mentordesk.formats.tables import SheetTable
from mentordesk.formats.text import plural
from mentordesk.gui.errors import show_error
from mentordesk.gui.form_values import combo_value, fill_enum_combo
from mentordesk.gui.forms.ui_import_applications import Ui_ImportForm
from mentordesk.gui.import_mapping import (
    ColumnAnswers,
    ColumnsTable,
    ValueMap,
    ValueMapTable,
    unrecognised_answers,
)
from mentordesk.gui.import_models import (
    DATE_ORDER_CHOICES,
    PreviewTableModel,
    date_order_help,
    people_lines,
    preview_counts,
    preview_row_html,
)
from mentordesk.gui.ops import Op, Progress, read_then_open, run_long_op, run_op
from mentordesk.gui.save_path import ask_save_path
from mentordesk.services.import_mappings import (
    SavedMappingRow,
    columns_for,
    save_mapping,
    saved_mappings,
)
from mentordesk.services.import_report import ColumnChoice, column_report, problem_lines
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
GUESSED = "Guessed from the headers and answers"
#: QSettings key of the dialog's size and place (never anything from the file).
GEOMETRY_KEY = "import_dialog/geometry"


@dataclass(frozen=True)
class ImportSource:
    """A file read for import, with what the dialog needs from the programme file.

    Attributes:
        path: the file.
        table: the sheet read.
        sheets: every sheet of the workbook.
        strands: the programme's strands.
        mappings: the saved mappings.
        guesses: MentorDesk's guess for each column of ``table``.
    """

    path: Path
    table: SheetTable
    sheets: list[str]
    strands: list[StrandChoice]
    mappings: list[SavedMappingRow]
    guesses: list[ColumnGuess]


def read_source(
    programme_file: ProgrammeFile, programme_id: int, path: Path, progress: Progress
) -> ImportSource:
    """Read a spreadsheet and the programme's strands and saved mappings, and guess the columns.

    Runs on the worker: guessing looks at every answer of every column.
    """
    table = read_table(path)
    sheets = list_sheets(path)
    progress.check()
    with programme_file.session() as session:
        strands = strand_choices(session, programme_id)
        mappings = saved_mappings(session)
    guesses = recognise_columns(table, [s.name for s in strands])
    return ImportSource(path, table, sheets, strands, mappings, guesses)


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


def first_size(available: QSize) -> QSize:
    """The dialog's size the first time it opens on a screen with ``available`` room.

    Wide enough for the mapping page's four columns, and never taller or wider
    than the screen (a 1366×768 laptop leaves about 1366×728 under its taskbar,
    and the title bar takes some more).
    """
    return QSize(
        max(min(1600, available.width() - 60), 640),
        max(min(900, available.height() - 70), 420),
    )


class ImportDialog(QDialog):
    """The import wizard: columns and choices, then a preview of every row, then Import.

    Nothing is written before Import; a cancelled import writes nothing. The
    dialog can be resized and opens next time at the size it was left.

    Attributes:
        source: the file being imported and the programme's strands.
        columns: the mapping page's table of columns.
        values: the mapping page's table of answers to map to a strand or a role.
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
        self._answers = ColumnAnswers(source.table)
        self._value_map: ValueMap = {}
        self._imported_choices: list[ColumnChoice] = []
        self._shown = False
        ui = self.ui
        self.columns = ColumnsTable(ui.columns_table)
        self.columns.changed.connect(self._mapping_changed)
        self.values = ValueMapTable(ui.value_map_box, ui.value_map_help, ui.value_map_table)
        self.values.changed.connect(self._values_changed)
        self.preview_model = PreviewTableModel(self)
        ui.preview_table.setModel(self.preview_model)
        ui.preview_table.verticalHeader().hide()
        row_height = self.fontMetrics().height() + 8
        ui.preview_table.verticalHeader().setDefaultSectionSize(row_height)
        ui.preview_table.horizontalHeader().setStretchLastSection(True)
        ui.preview_table.selectionModel().selectionChanged.connect(self._preview_row_chosen)
        ui.preview_splitter.setStretchFactor(0, 3)
        ui.preview_splitter.setStretchFactor(1, 2)
        ui.row_detail.document().setDocumentMargin(8)
        for page in (ui.mapping_page, ui.preview_page):
            page.layout().setContentsMargins(0, 0, 0, 0)
        ui.default_strand.addItem("Choose a strand…", None)
        for strand in source.strands:
            ui.default_strand.addItem(strand.name, strand.id)
        if len(source.strands) == 1:
            ui.default_strand.setCurrentIndex(1)
        fill_enum_combo(ui.default_role, Role, blank=True)
        ui.default_role.setItemText(0, "Choose a role…")
        for text, order in DATE_ORDER_CHOICES:
            ui.date_order.addItem(text, order)
        ui.date_order_box.hide()
        ui.date_order.currentIndexChanged.connect(self._date_order_chosen)
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
        self._show_table(source.table, source.guesses)
        self._show_page(0)
        self._restore_size()

    # Size ----------------------------------------------------------------------------

    def _restore_size(self) -> None:
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is not None and self.restoreGeometry(geometry):
            return
        parent = self.parentWidget()
        screen = (parent or self).screen()
        self.resize(first_size(screen.availableGeometry().size()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            # Now that the table has its width, share it out between the columns.
            self._shown = True
            self.columns.fit_widths()

    def hideEvent(self, event: QHideEvent) -> None:
        # Only the size and place: nothing read from the file goes into QSettings.
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().hideEvent(event)

    # The mapping page ----------------------------------------------------------------

    @property
    def combos(self) -> list[QComboBox]:
        """The "Goes to" choice of each column, in column order."""
        return self.columns.combos

    @property
    def strand_names(self) -> list[str]:
        """The programme's strands, by name."""
        return [s.name for s in self.source.strands]

    def _show_table(self, table: SheetTable, guesses: list[ColumnGuess]) -> None:
        self.source = ImportSource(
            self.source.path,
            table,
            self.source.sheets,
            self.source.strands,
            self.source.mappings,
            guesses,
        )
        self._answers = ColumnAnswers(table)
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
                f"the headers on row {table.header_row}, {len(table.headers)} columns, into "
                f"<b>{escape(self.programme.name)}</b>."
            )
        self.ui.preview_button.setEnabled(bool(table.rows))
        self.ui.read_notices.setText(" ".join(table.notices))
        self.ui.read_notices.setVisible(bool(table.notices))
        self.columns.show_columns(table.headers, guesses)
        self.ui.saved_mapping.blockSignals(True)
        self.ui.saved_mapping.setCurrentIndex(0)
        self.ui.saved_mapping.blockSignals(False)

    def set_mapping(self, mapping: dict[int, ApplicantField]) -> None:
        """Choose where these columns go, as the coordinator would in their combos."""
        self.columns.set_mapping(mapping)

    def mapping(self) -> dict[int, ApplicantField]:
        """Where every column goes, "kept as other answers" and "left out" included."""
        return self.columns.mapping()

    def value_map(self) -> ValueMap:
        """What each strand or role answer that names none means, as chosen."""
        return {field: dict(values) for field, values in self._value_map.items() if values}

    def _mapping_changed(self) -> None:
        ui = self.ui
        headers = self.source.table.headers
        mapping = self.mapping()
        for combo, label, wanted, noun in (
            (ui.default_strand, ui.default_strand_label, ApplicantField.STRAND, "strand"),
            (ui.default_role, ui.default_role_label, ApplicantField.ROLE, "role"),
        ):
            column = next((i for i, f in mapping.items() if f is wanted), None)
            combo.setEnabled(column is None)
            label.setEnabled(column is None)
            combo.setItemText(
                0,
                f"Each row's own, from “{' '.join(headers[column].split())}”"
                if column is not None
                else f"Choose a {noun}…",
            )
            combo.setToolTip(combo.itemText(0) if column is not None else "")
        self._show_values()
        self.preview = None

    def _show_values(self) -> None:
        answers = unrecognised_answers(
            self._answers, self.mapping(), self.strand_names, self._value_map
        )
        self.values.show_answers(answers, self.strand_names, self._value_map, self.programme.name)

    def _values_changed(self) -> None:
        # Choices for answers no longer listed (another column chosen) are kept for later.
        shown = {(a.field, a.key) for a in self.values.answers}
        kept = {
            field: {k: v for k, v in values.items() if (field, k) not in shown}
            for field, values in self._value_map.items()
        }
        for field, values in self.values.value_map().items():
            kept.setdefault(field, {}).update(values)
        self._value_map = kept
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
        mapping = self.mapping()
        fields = set(mapping.values())
        return ImportPlan(
            self.source.table,
            mapping,
            existing=existing,
            default_strand_id=(
                None if ApplicantField.STRAND in fields else ui.default_strand.currentData()
            ),
            default_role=None if ApplicantField.ROLE in fields else combo_value(ui.default_role),
            value_map=self.value_map(),
            date_order=self.date_order(),
        )

    def date_order(self) -> DayOrder | None:
        """The order of day and month chosen for dates no answer of their column settles."""
        order = self.ui.date_order.currentData()
        # Qt gives a StrEnum member back as a str.
        return None if order is None else DayOrder(order)

    def read_sheet(self, sheet: str) -> None:
        """Read another sheet of the same workbook, and guess its columns."""
        path, strands = self.source.path, self.strand_names

        def work(_progress: Progress) -> tuple[SheetTable, list[ColumnGuess]]:
            table = read_table(path, sheet=sheet)
            return table, recognise_columns(table, strands)

        self._run_long(work, f"Reading {sheet}…", lambda read: self._show_table(*read))

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
        saved = next((m for m in self.source.mappings if m.name == name), None)
        if saved is None:
            self._value_map = {}
            self.columns.use_guesses()
            return
        self._value_map = {field: dict(values) for field, values in saved.value_map.items()}
        self.columns.use_saved(saved.name, columns_for(saved, self.source.table.headers))

    def _ask_mapping_name(self) -> None:
        ask = QInputDialog(self)
        ask.setObjectName("mapping_name")
        ask.setWindowTitle("Save mapping")
        ask.setLabelText(
            "Name this mapping, for example after the form.\n"
            "It keeps where each column goes and what strand and role answers mean."
        )
        ask.setTextValue(self.ui.saved_mapping.currentData() or Path(self.source.path).stem)
        ask.textValueSelected.connect(self.save_mapping_as)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.open()

    def save_mapping_as(self, name: str) -> None:
        """Save where the columns go and what answers mean under ``name``, for the same form."""
        headers = self.source.table.headers
        mapping = self.mapping()
        value_map = self.value_map()

        def save(session: Any) -> list[SavedMappingRow]:
            save_mapping(session, name, headers, mapping, value_map)
            return saved_mappings(session)

        def saved(mappings: list[SavedMappingRow]) -> None:
            chosen = next((m.name for m in mappings if m.name.lower() == name.strip().lower()), "")
            self.source = ImportSource(
                self.source.path,
                self.source.table,
                self.source.sheets,
                self.source.strands,
                mappings,
                self.source.guesses,
            )
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
        table = self.ui.preview_table
        # Rejected rows first, then skipped and updated ones, each in file order.
        table.sortByColumn(PreviewTableModel.ROW, Qt.SortOrder.AscendingOrder)
        table.sortByColumn(PreviewTableModel.ACTION, Qt.SortOrder.DescendingOrder)
        table.resizeColumnsToContents()
        model = PreviewTableModel
        for column, most in (
            (model.NAME, 200),
            (model.EMAIL, 240),
            (model.STRAND, 140),
            (model.OTHER, 260),
        ):
            table.setColumnWidth(column, min(table.columnWidth(column), most))
        self.ui.preview_counts.setText(preview_counts(preview))
        people = people_lines(preview)
        self.ui.preview_people.setText("\n".join(people))
        self.ui.preview_people.setVisible(bool(people))
        # Said once, above the table, rather than only in each refused row.
        help_text = date_order_help(preview, self.columns.choices(), self.date_order())
        self.ui.date_order_help.setText(help_text)
        self.ui.date_order_help.setVisible(bool(help_text))
        self.ui.date_order_box.setVisible(bool(help_text))
        self.ui.status_label.clear()
        self._show_page(1)
        if preview.rows:
            table.selectRow(0)
        else:
            self.ui.row_detail.clear()
        self.previewed.emit(preview)

    def _date_order_chosen(self, _index: int) -> None:
        if self.ui.pages.currentIndex() == 1:
            self.show_preview()

    def _preview_row_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.ui.preview_table.selectionModel().selectedRows()
        if not rows:
            self.ui.row_detail.clear()
            return
        row = self.preview_model.row_at(rows[0].row())
        self.ui.row_detail.setHtml(preview_row_html(row, self.preview_model.strand_names))

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
        self._imported_choices = self.columns.choices()
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
        people = people_lines(summary)
        self.ui.preview_people.setText("\n".join(people))
        self.ui.preview_people.setVisible(bool(people))
        self.ui.status_label.setText(text)
        self.ui.close_button.setText("Close")
        self.imported.emit(summary)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Import finished",
            "\n\n".join([text, *people]),
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("import_summary")
        report = column_report(self.source.table, self._imported_choices, summary.other_answers)
        if summary.rejected:
            # Alike problems of many rows said once.
            report += ["", f"Not imported ({plural(rejected, 'row')}):"]
            report += problem_lines(summary.rejected)
        if report:
            box.setInformativeText("“Show Details…” lists where each column of the file went.")
            box.setDetailedText("\n".join(report))
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
        # Once imported, the rows cannot be read another way (nor imported twice).
        ui.date_order_box.setEnabled(not done)
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
