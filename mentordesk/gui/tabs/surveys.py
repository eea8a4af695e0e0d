"""The Surveys tab: a programme's questionnaires, the selected one's questions and responses."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QSplitter, QWidget
from sqlalchemy.orm import Session

from mentordesk.gui.dialogs import confirm
from mentordesk.gui.table_models import RowTableModel, SortKey, enum_key
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.survey_dialogs import SurveyDialog, TemplateDialog
from mentordesk.gui.tabs.survey_panel import SurveyPanel
from mentordesk.services import surveys
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.services.surveys import SurveyInput, SurveyRow
from mentordesk.store.programme_file import ProgrammeFile


class SurveyTableModel(RowTableModel[SurveyRow]):
    """The Surveys table: one line per questionnaire of the programme."""

    TITLE, KIND, WHO, ITEMS, RESPONSES, DESCRIPTION = range(6)
    HEADERS = ("Title", "Kind", "Answered by", "Items", "Responses", "Description")
    NUMERIC_COLUMNS = frozenset({ITEMS, RESPONSES})

    def cells(self, row: SurveyRow) -> tuple[str, ...]:
        return (
            row.title,
            row.kind_label,
            row.who,
            str(row.items),
            str(row.responses),
            " ".join(row.description.split()),
        )

    def sort_keys(self, row: SurveyRow) -> tuple[SortKey, ...]:
        return (
            self.text_key(row.title),
            # Pre before post before feedback; pulse checks by their day.
            f"{enum_key(row.kind):02d} {row.day or 0:04d} {self.text_key(row.title)}",
            row.who,
            row.items,
            row.responses,
            self.text_key(row.description),
        )


class SurveysTab(RecordTab[SurveyRow]):
    """Pre, post, feedback, pulse-check and self-assessment questionnaires of the programme.

    Below the list, the selected survey's questions (added, edited, moved) and its
    responses (typed in, or imported from a form export).

    Attributes:
        panel: the selected survey's questions and responses.
        template_button: adds a shipped questionnaire.
    """

    TITLE = "Surveys"
    NOUN = ("survey", "surveys")
    EMPTY_HINT = (
        "Add one with Edit ▸ Add… or from a template (right-click the table), "
        "then import its responses."
    )
    COLUMN_WIDTHS = (36, 22, 12, 6, 10, 60)
    LIST_HEIGHT = 220
    PANEL_HEIGHT = 580

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(SurveyTableModel(), parent)
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        self.view.sortByColumn(SurveyTableModel.KIND, Qt.SortOrder.AscendingOrder)
        self.panel = SurveyPanel(self)
        self.panel.changed.connect(self._counts_changed)
        self.new_button = QPushButton("&New survey…", self)
        self.new_button.setObjectName("new_survey_button")
        self.new_button.clicked.connect(self.add)
        self.template_button = QPushButton("Add from &template…", self)
        self.template_button.setObjectName("template_button")
        self.template_button.setToolTip(
            "Add a ready questionnaire: mentee self-assessment before and after, programme "
            "feedback, pulse checks, mentor self-assessment"
        )
        self.template_button.clicked.connect(self.add_from_template)
        self.filter_bar.addWidget(self.new_button)
        self.filter_bar.addWidget(self.template_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("surveys_splitter")
        self.layout().replaceWidget(self.view, self.splitter)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.LIST_HEIGHT, self.PANEL_HEIGHT])
        self.template_action = QAction("Add from &template…", self)
        self.template_action.triggered.connect(self.add_from_template)
        self.import_action = QAction("&Import responses…", self)
        self.import_action.triggered.connect(self.panel.import_responses)
        self.type_in_action = QAction("&Type in a response…", self)
        self.type_in_action.triggered.connect(self.panel.type_in_response)
        self._panel_stale = False
        self._select_next: int | None = None
        self._panel_timer = self.when_selection_settles(self._show_panel)

    def extra_actions(self) -> list[QAction | QMenu]:
        return [self.template_action, self.import_action, self.type_in_action]

    # Loading -----------------------------------------------------------------------------

    def set_programme(self, programme_file: ProgrammeFile, programme: ProgrammeSummary) -> None:
        self.panel.set_file(programme_file)
        super().set_programme(programme_file, programme)

    def clear(self) -> None:
        super().clear()
        self.panel.set_file(None)

    def reload(self) -> None:
        # Another tab may have renamed or erased a respondent: the panel loads again too.
        self._panel_stale = True
        super().reload()

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[SurveyRow]:
        return surveys.survey_rows(session, programme.id)

    def _show_rows(self, rows: list[SurveyRow]) -> None:
        # After a reload the same survey stays selected; the first one is selected at first.
        current = self.current_row()
        wanted = self._select_next or (current.survey_id if current is not None else None)
        self._select_next = None
        super()._show_rows(rows)
        if not self.select_survey(wanted) and rows:
            self.view.selectRow(0)
        self._panel_timer.start()

    def select_survey(self, survey_id: int | None) -> bool:
        """Select the survey with this id; False when the table has none such."""
        for proxy_row in range(self.proxy.rowCount()):
            index = self.proxy.index(proxy_row, 0)
            if self.model.row_at(self.proxy.mapToSource(index).row()).survey_id == survey_id:
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
                return True
        return False

    def _show_panel(self) -> None:
        row = self.current_row()
        if row != self.panel.shown_survey or self._panel_stale:
            self._panel_stale = False
            self.panel.show_survey(row)

    def _counts_changed(self) -> None:
        # Questions or responses changed: the list's counts, the panel, other tabs' figures.
        self.reload()
        self.changed.emit()

    # Adding, editing, deleting -----------------------------------------------------------

    def add_dialog(self) -> None:
        assert self.programme is not None
        assert self.programme_file is not None
        programme_id = self.programme.id
        dialog = SurveyDialog(
            self,
            self.programme_file,
            lambda s, values: surveys.create_survey(s, programme_id, values),
        )
        dialog.saved.connect(self._select_later)
        self.show_dialog(dialog)

    def edit_dialog(self, row: SurveyRow) -> None:
        self.run(
            lambda s: surveys.survey_input(s, row.survey_id),
            partial(self._open_edit, row.survey_id),
        )

    def _open_edit(self, survey_id: int, values: SurveyInput) -> None:
        if self.programme_file is None:
            return
        dialog = SurveyDialog(
            self,
            self.programme_file,
            lambda s, changed: surveys.update_survey(s, survey_id, changed),
            values,
        )
        self.show_dialog(dialog)

    def add_from_template(self) -> None:
        """Choose a shipped questionnaire and add it to the programme."""
        if self.programme is None or self.programme_file is None:
            return
        programme_id = self.programme.id
        taken = {self.model.row_at(r).title for r in range(self.model.rowCount())}
        dialog = TemplateDialog(
            self,
            self.programme_file,
            lambda s, chosen: surveys.add_survey_from_template(
                s, programme_id, chosen[0], title=chosen[1]
            ),
            taken,
        )
        dialog.saved.connect(self._select_later)
        self.show_dialog(dialog)

    def _select_later(self, survey_id: object) -> None:
        """Select a survey just added once the reload after saving shows it."""
        self._select_next = int(str(survey_id))

    def edit(self) -> None:
        """Edit the item or response in focus below, else the selected survey."""
        if self.panel.item_view.hasFocus():
            self.panel.edit_item()
        elif self.panel.response_view.hasFocus():
            self.panel.edit_response()
        else:
            super().edit()

    def delete(self) -> None:
        """Delete the item or response in focus below, else the selected survey (after asking)."""
        if self.panel.item_view.hasFocus():
            self.panel.delete_item()
            return
        if self.panel.response_view.hasFocus():
            self.panel.delete_response()
            return
        row = self.current_row()
        if row is None or self.programme_file is None:
            return
        responses = (
            f" and its {row.responses} response{'' if row.responses == 1 else 's'}"
            if row.responses
            else ""
        )
        question = f"Delete the survey “{row.title}”{responses}? This cannot be undone."
        if confirm(self, "Delete survey", question, "Delete survey"):
            self.run(lambda s: surveys.delete_survey(s, row.survey_id), lambda _n: self._changed())

    def delete_rows(self, session: Session, rows: list[SurveyRow]) -> None:
        for row in rows:
            surveys.delete_survey(session, row.survey_id)
