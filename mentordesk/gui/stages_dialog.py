"""Programme ▸ Career stages…: the programme's ordered list of stages, and whose stage to check.

Above: the list, in order, each stage with its track, level and the position
wordings that mean it (added, removed, moved, renamed). Below: the applicants
whose stage was guessed from their position (to confirm) and those whose stage
is unknown, with the position they typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.stages import Stage
from mentordesk.formats.text import plural
from mentordesk.gui.context import WindowContext
from mentordesk.gui.dialogs import confirm
from mentordesk.gui.errors import show_error
from mentordesk.gui.ops import run_op, unless_deleted
from mentordesk.gui.programme_settings import hint_label
from mentordesk.services.career_stages import (
    StageReport,
    confirm_stages,
    ladder_of,
    set_stages,
    stage_problems,
)
from mentordesk.store.programme_file import ProgrammeFile


@dataclass(frozen=True)
class StagesData:
    """What the dialog shows: the list of stages and the applicants to check."""

    stages: tuple[Stage, ...]
    report: StageReport


def load_stages(session: Session, programme_id: int) -> StagesData:
    """The programme's stages and its applicants' guessed and unknown stages (worker thread)."""
    return StagesData(
        ladder_of(session, programme_id).stages, stage_problems(session, programme_id)
    )


def _read_only(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _people_table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class StagesDialog(QDialog):
    """The career stages of one programme, and the applicants whose stage needs a look.

    Attributes:
        table: the stages in order (track, name, level); wordings: those of the current stage.
        guessed: applicants whose stage was guessed; unknown: those whose stage is unknown.
        modified: the list was changed since it was loaded or saved.
    """

    TRACK, NAME, LEVEL = range(3)

    def __init__(
        self, parent: QWidget | None, programme_file: ProgrammeFile, programme_id: int, name: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("career_stages")
        self.setWindowTitle(f"Career stages of {name}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.programme_file = programme_file
        self.programme_id = programme_id
        self.modified = False
        self._filling = False
        self._report_text = ""
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._stages_box())
        splitter.addWidget(self._people_box())
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 240])
        self.status = QLabel(self)
        self.status.setObjectName("stages_status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        # Enter in a Level box or a name must not press a button ("Add" made a stray stage).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.resize(960, 660)

    # Building ----------------------------------------------------------------

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _stages_box(self) -> QWidget:
        box = QGroupBox("Stages, most junior first", self)
        self.table = QTableWidget(0, 3, box)
        self.table.setObjectName("stages")
        self.table.setHorizontalHeaderLabels(("Track", "Name", "Level"))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TRACK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.LEVEL, 90)
        self.table.currentCellChanged.connect(lambda row, *_rest: self._show_wordings(row))
        self.table.itemChanged.connect(lambda _item: self._changed())
        self.wordings = QPlainTextEdit(box)
        self.wordings.setObjectName("wordings")
        self.wordings.setTabChangesFocus(True)
        self.wordings.setPlaceholderText("postdoc\npost-doctoral fellow\nchercheur postdoctoral")
        self.wordings.textChanged.connect(self._wordings_typed)
        wordings_box = QVBoxLayout()
        wordings_label = QLabel("&Positions that mean this stage, one per line:", box)
        wordings_label.setBuddy(self.wordings)
        wordings_label.setWordWrap(True)
        wordings_box.addWidget(wordings_label)
        wordings_box.addWidget(self.wordings, 1)
        self.add_button = self._button("&Add", "add_stage", self.add_stage)
        self.remove_button = self._button("&Remove", "remove_stage", self.remove_stage)
        self.up_button = self._button("Move &up", "move_up", lambda: self.move_stage(-1))
        self.down_button = self._button("Move &down", "move_down", lambda: self.move_stage(1))
        self.save_button = self._button("&Save the list", "save_stages", self.save_stages)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        row = QHBoxLayout()
        # The stages' names are long ("Administrative or technical officer"), wordings short.
        row.addWidget(self.table, 2)
        row.addLayout(wordings_box, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(box)
        layout.addLayout(row, 1)
        layout.addWidget(
            hint_label(
                box,
                "Levels are the scale all tracks share: the grade gap counts in levels. A "
                "stage's name is unique in the programme. Applicants whose stage was removed "
                "from the list are listed below again: as guessed when their position "
                "suggests a stage, else as unknown.",
            )
        )
        return box

    def _people_box(self) -> QWidget:
        box = QWidget(self)
        guessed_box = QGroupBox("Guessed from the position: check and confirm", box)
        self.guessed = _people_table(guessed_box, "guessed", ("Name", "Position", "Stage guessed"))
        self.confirm_button = self._button(
            "&Confirm selected", "confirm_selected", self.confirm_selected
        )
        self.confirm_all_button = self._button("Confirm a&ll", "confirm_all", self.confirm_all)
        guessed_buttons = QHBoxLayout()
        guessed_buttons.addWidget(self.confirm_button)
        guessed_buttons.addWidget(self.confirm_all_button)
        guessed_buttons.addStretch(1)
        guessed_layout = QVBoxLayout(guessed_box)
        guessed_layout.addWidget(self.guessed, 1)
        guessed_layout.addLayout(guessed_buttons)
        unknown_box = QGroupBox("Unknown: seniority is not checked for them", box)
        self.unknown = _people_table(unknown_box, "unknown", ("Name", "Position", "Stage given"))
        unknown_layout = QVBoxLayout(unknown_box)
        unknown_layout.addWidget(self.unknown, 1)
        unknown_layout.addWidget(
            hint_label(
                unknown_box,
                "Give them a stage in their applicant form, or add their position's wording "
                "to a stage above and save the list.",
            )
        )
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(guessed_box, 1)
        layout.addWidget(unknown_box, 1)
        self.guessed.itemSelectionChanged.connect(self._update_buttons)
        return box

    # Loading -----------------------------------------------------------------

    def load(self) -> None:
        """Load the stages and the applicants to check again, off the GUI thread."""
        programme_id = self.programme_id
        run_op(
            self.programme_file,
            lambda session: load_stages(session, programme_id),
            parent=self,
            on_success=unless_deleted(self, self.show_data),
        )

    def show_data(self, data: StagesData) -> None:
        """Show the list of stages and the applicants to check."""
        self.show_stages(data.stages)
        self.show_report(data.report)

    def show_stages(self, stages: Sequence[Stage]) -> None:
        """Show ``stages``, in order; the list counts as unchanged."""
        self._filling = True
        self.table.setRowCount(0)
        for stage in stages:
            self._insert(self.table.rowCount(), stage)
        self._filling = False
        self.modified = False
        self.table.setCurrentCell(0 if stages else -1, self.NAME)
        self._show_wordings(self.table.currentRow())
        self._update_buttons()

    def show_report(self, report: StageReport) -> None:
        """List the applicants whose stage was guessed, and those whose stage is unknown."""
        for table, rows in ((self.guessed, report.guessed), (self.unknown, report.unknown)):
            table.setRowCount(0)
            for person_id, name, position, stage in rows:
                row = table.rowCount()
                table.insertRow(row)
                table.setItem(row, 0, _read_only(name, person_id))
                table.setItem(row, 1, _read_only(position or "—"))
                table.setItem(row, 2, _read_only(stage or "—"))
        self._report_text = (
            f"{plural(len(report.guessed), 'stage')} guessed, "
            f"{plural(len(report.unknown), 'applicant')} with no known stage."
        )
        self._show_status()
        self._update_buttons()

    def _show_status(self, news: str = "") -> None:
        """Say ``news`` (what was just done) and the applicants to check; unsaved changes first."""
        if self.modified:
            news = "The list has changes not saved yet. "
        self.status.setText(news + self._report_text)

    # Editing the list -----------------------------------------------------------

    def _insert(self, row: int, stage: Stage) -> None:
        filling, self._filling = self._filling, True
        self.table.insertRow(row)
        self.table.setItem(row, self.TRACK, QTableWidgetItem(stage.track))
        name = QTableWidgetItem(stage.name)
        name.setData(Qt.ItemDataRole.UserRole, "\n".join(stage.wordings))
        self.table.setItem(row, self.NAME, name)
        level = QSpinBox(self.table)
        level.setRange(1, 99)
        level.setValue(stage.level)
        level.valueChanged.connect(lambda _value: self._changed())
        self.table.setCellWidget(row, self.LEVEL, level)
        self._filling = filling

    def _stage_at(self, row: int) -> Stage:
        level = self.table.cellWidget(row, self.LEVEL)
        assert isinstance(level, QSpinBox)
        name = self.table.item(row, self.NAME)
        wordings = str(name.data(Qt.ItemDataRole.UserRole) or "")
        return Stage(
            name=name.text().strip(),
            track=self.table.item(row, self.TRACK).text().strip(),
            level=level.value(),
            wordings=tuple(w.strip() for w in wordings.splitlines() if w.strip()),
        )

    def stages(self) -> list[Stage]:
        """The list as the table shows it, in order."""
        return [self._stage_at(row) for row in range(self.table.rowCount())]

    def _changed(self) -> None:
        if not self._filling:
            self.modified = True
            self._show_status()
            self._update_buttons()

    def _show_wordings(self, row: int) -> None:
        self._filling = True
        name = self.table.item(row, self.NAME) if row >= 0 else None
        self.wordings.setPlainText(str(name.data(Qt.ItemDataRole.UserRole) or "") if name else "")
        self.wordings.setEnabled(name is not None)
        self._filling = False
        self._update_buttons()

    def _wordings_typed(self) -> None:
        if self._filling:
            return
        name = self.table.item(self.table.currentRow(), self.NAME)
        if name is not None:
            name.setData(Qt.ItemDataRole.UserRole, self.wordings.toPlainText())

    def add_stage(self) -> None:
        """Add a stage after the current one, on its track one level up, its name ready to type."""
        row = self.table.currentRow()
        after = self._stage_at(row) if row >= 0 else Stage("", level=0)
        at = row + 1 if row >= 0 else self.table.rowCount()
        self._insert(at, Stage("New stage", after.track, min(after.level + 1, 99)))
        self._changed()
        self.table.setCurrentCell(at, self.NAME)
        self.table.editItem(self.table.item(at, self.NAME))

    def remove_stage(self) -> None:
        """Remove the current stage from the list (people keep the name it had)."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._changed()
            self._show_wordings(self.table.currentRow())

    def move_stage(self, step: int) -> None:
        """Move the current stage ``step`` rows up (-1) or down (1)."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        stage = self._stage_at(row)
        self._filling = True
        self.table.removeRow(row)
        self._filling = False
        self._insert(target, stage)
        self._changed()
        self.table.setCurrentCell(target, self.NAME)

    def save_stages(self) -> None:
        """Replace the programme's list with the one shown, then check the applicants again."""
        stages, programme_id = self.stages(), self.programme_id

        def work(session: Session) -> StagesData:
            set_stages(session, programme_id, stages)
            session.flush()
            return load_stages(session, programme_id)

        self.save_button.setEnabled(False)
        run_op(
            self.programme_file,
            work,
            parent=self,
            on_success=self._saved,
            on_failure=self._save_failed,
        )

    def _saved(self, data: StagesData) -> None:
        self.show_data(data)
        self._show_status("The list is saved. ")

    def _save_failed(self, error: BaseException) -> None:
        self._update_buttons()
        show_error(self, error)

    # Confirming guesses --------------------------------------------------------

    def _person_ids(self, table: QTableWidget, *, selected: bool) -> list[int]:
        rows = (
            sorted({i.row() for i in table.selectedIndexes()})
            if selected
            else range(table.rowCount())
        )
        return [int(table.item(r, 0).data(Qt.ItemDataRole.UserRole)) for r in rows]

    def confirm_selected(self) -> None:
        """Confirm the guessed stages of the selected applicants."""
        self._confirm(self._person_ids(self.guessed, selected=True))

    def confirm_all(self) -> None:
        """Confirm every guessed stage listed."""
        self._confirm(self._person_ids(self.guessed, selected=False))

    def _confirm(self, person_ids: list[int]) -> None:
        if not person_ids:
            return
        programme_id = self.programme_id

        def work(session: Session) -> tuple[int, StagesData]:
            count = confirm_stages(session, person_ids, programme_id=programme_id)
            session.flush()
            return count, load_stages(session, programme_id)

        def done(result: tuple[int, StagesData]) -> None:
            count, data = result
            self.show_report(data.report)
            self._show_status(f"{plural(count, 'stage')} confirmed. ")

        run_op(self.programme_file, work, parent=self, on_success=done)

    def _update_buttons(self) -> None:
        row, count = self.table.currentRow(), self.table.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.save_button.setEnabled(self.modified)
        self.save_button.setToolTip("" if self.modified else "The list has not been changed.")
        has_guesses = self.guessed.rowCount() > 0
        self.confirm_all_button.setEnabled(has_guesses)
        self.confirm_button.setEnabled(bool(self.guessed.selectedIndexes()))
        self.confirm_button.setToolTip(
            "" if self.confirm_button.isEnabled() else "Select applicants in the list first."
        )

    def reject(self) -> None:
        if self.modified and not confirm(
            self,
            "Career stages not saved",
            "The list of stages was changed but not saved. Close and lose the changes?",
            "Close without saving",
        ):
            return
        super().reject()


def open_stages(context: WindowContext) -> StagesDialog | None:
    """Open the Career stages dialog on the programme shown; it loads its rows itself."""
    programme, programme_file = context.programme(), context.programme_file
    if programme is None or programme_file is None:
        return None
    dialog = StagesDialog(context.widget(), programme_file, programme.id, programme.name)
    dialog.finished.connect(lambda _code: context.reload())
    dialog.open()
    dialog.load()
    return dialog
