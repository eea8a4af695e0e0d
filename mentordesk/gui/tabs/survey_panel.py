"""Under the list of surveys: the selected survey's items and its responses, and their actions."""

from __future__ import annotations

from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import SurveyItemType
from mentordesk.gui.dialogs import RecordDialog, confirm
from mentordesk.gui.folders import IMPORT_FOLDER, ask_open_path
from mentordesk.gui.ops import run_op
from mentordesk.gui.search_proxy import SearchProxy
from mentordesk.gui.table_models import RowTableModel, SortKey, date_key, date_text, enum_key
from mentordesk.gui.tabs.survey_dialogs import ItemDialog
from mentordesk.gui.tabs.survey_import_dialog import (
    EXPORT_FILTER,
    ResponseImportDialog,
    start_response_import,
)
from mentordesk.gui.tabs.survey_response_dialog import ResponseDialog, response_form_data
from mentordesk.gui.views import record_view
from mentordesk.services import surveys
from mentordesk.services.survey_answers import answer_text
from mentordesk.services.surveys import ItemInput, ItemRow, ResponseRow, SurveyRow
from mentordesk.store.programme_file import ProgrammeFile

EMPTY_TEXT = "Select a survey to see its questions and responses."


class ItemTableModel(RowTableModel[ItemRow]):
    """A survey's items in their order, with how many answers each has."""

    POSITION, TEXT, TYPE, AREA, CODE, ANSWERS = range(6)
    HEADERS = ("#", "Question", "Answered with", "Area", "Code", "Answers")
    NUMERIC_COLUMNS = frozenset({POSITION, ANSWERS})

    def cells(self, row: ItemRow) -> tuple[str, ...]:
        return (
            str(row.position),
            row.text,
            row.answer_type.label,
            row.area,
            row.code,
            str(row.answers),
        )

    def sort_keys(self, row: ItemRow) -> tuple[SortKey, ...]:
        return (
            row.position,
            self.text_key(row.text),
            enum_key(row.answer_type),
            self.text_key(row.area),
            row.code,
            row.answers,
        )


class ResponseTableModel(RowTableModel[ResponseRow]):
    """The responses to one survey: who, when, from where, then one column per item.

    Attributes:
        items: the survey's items, one column each after the first four.
    """

    NAME, EMAIL, SUBMITTED, SOURCE = range(4)
    FIXED_HEADERS = ("Name", "Email", "Submitted", "Source")
    DATE_COLUMNS = frozenset({SUBMITTED})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[ItemRow] = []
        self.HEADERS = self.FIXED_HEADERS

    def set_survey(self, items: list[ItemRow], rows: list[ResponseRow]) -> None:
        """Show the responses to a survey with these items."""
        self.items = items
        self.HEADERS = (
            *self.FIXED_HEADERS,
            *(f"{i.position}. {_short(i.text, 30)}" for i in items),
        )
        self.NUMERIC_COLUMNS = frozenset(
            4 + n for n, i in enumerate(items) if i.answer_type is SurveyItemType.LIKERT
        )
        self.set_rows(rows)

    def cells(self, row: ResponseRow) -> tuple[str, ...]:
        return (
            row.name,
            row.email,
            date_text(row.submitted_on),
            row.source,
            *(answer_text(i.answer_type, row.answers.get(i.code)) for i in self.items),
        )

    def sort_keys(self, row: ResponseRow) -> tuple[SortKey, ...]:
        return (
            self.text_key(row.name),
            row.email,
            date_key(row.submitted_on),
            self.text_key(row.source),
            *(self._answer_key(i, row) for i in self.items),
        )

    def _answer_key(self, item: ItemRow, row: ResponseRow) -> SortKey:
        value = row.answers.get(item.code)
        if item.answer_type is SurveyItemType.TEXT:
            return "" if value is None else self.text_key(str(value))
        return -1 if value is None else int(value)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() >= 4
            and self.items[index.column() - 4].answer_type is not SurveyItemType.TEXT
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 4 <= section < 4 + len(self.items)
        ):
            item = self.items[section - 4]
            return f"{item.text} ({item.answer_type.label}; code {item.code})"
        return super().headerData(section, orientation, role)


def _short(text: str, length: int = 26) -> str:
    return text if len(text) <= length else f"{text[: length - 1].rstrip()}…"


def _button(parent: QWidget, text: str, name: str, slot: Any, tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class SurveyPanel(QWidget):
    """One survey's questions and responses, with the actions on them.

    Attributes:
        shown_survey: the survey shown, or None.
        loaded_survey: the survey whose items and responses the tables hold now.
        item_model, item_view: its items; response_model, response_view: its responses.
        pages: the Questions and Responses pages.
        dialog: the item or response dialog now open, if any.
        import_dialog: the import dialog now open, if any.

    Signals:
        loaded: the survey's items and responses were (re)loaded.
        changed: items or responses were added, changed or deleted.
    """

    loaded = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("survey_panel")
        self.programme_file: ProgrammeFile | None = None
        self.shown_survey: SurveyRow | None = None
        self.loaded_survey: SurveyRow | None = None
        self.dialog: RecordDialog | None = None
        self.import_dialog: ResponseImportDialog | None = None
        self._request = 0
        self.heading = QLabel(self)
        self.heading.setObjectName("survey_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.item_model = ItemTableModel(self)
        self.item_view = record_view(
            self,
            "items_table",
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            sortable=False,
        )
        self.item_view.setModel(self.item_model)
        self.item_view.doubleClicked.connect(lambda _index: self.edit_item())
        self.response_model = ResponseTableModel(self)
        self.response_proxy = SearchProxy(self)
        self.response_proxy.setSourceModel(self.response_model)
        self.response_view = record_view(
            self,
            "responses_table",
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            sortable=False,
        )
        self.response_view.setModel(self.response_proxy)
        self.response_view.setSortingEnabled(True)
        self.response_view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.response_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.response_view.doubleClicked.connect(lambda _index: self.edit_response())
        self.item_buttons = [
            _button(self, "&Add item…", "add_item_button", self.add_item),
            _button(self, "&Edit item…", "edit_item_button", self.edit_item),
            _button(self, "&Delete item…", "delete_item_button", self.delete_item),
            _button(self, "Move &up", "move_up_button", partial(self.move_item, -1)),
            _button(self, "Move do&wn", "move_down_button", partial(self.move_item, 1)),
        ]
        self.response_buttons = [
            _button(
                self,
                "&Type in a response…",
                "type_in_button",
                self.type_in_response,
                "Enter one person's answers, as given on paper or by email",
            ),
            _button(
                self,
                "&Import responses…",
                "import_responses_button",
                self.import_responses,
                "Read the responses from a Microsoft Forms or Google Forms export (.xlsx, .csv)",
            ),
            _button(self, "Edit res&ponse…", "edit_response_button", self.edit_response),
            _button(self, "Delete respo&nse…", "delete_response_button", self.delete_response),
        ]
        self.pages = QTabWidget(self)
        self.pages.setObjectName("survey_pages")
        self.pages.addTab(self._page(self.item_buttons, self.item_view), "Questions")
        self.pages.addTab(self._page(self.response_buttons, self.response_view), "Responses")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        self.item_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.response_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_survey(None)

    def _page(self, buttons: list[QPushButton], view: QTableView) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        return page

    # Showing ---------------------------------------------------------------------------

    def set_file(self, programme_file: ProgrammeFile | None) -> None:
        """Work on this file (None when it is closed or locked: everything is emptied)."""
        self.programme_file = programme_file
        if programme_file is None:
            self._request += 1
            self.show_survey(None)

    def show_survey(self, survey: SurveyRow | None) -> None:
        """Show a survey's items and responses, loaded off the GUI thread (None: nothing)."""
        self._request += 1
        self.shown_survey = survey
        if survey is None or self.programme_file is None:
            self.shown_survey = self.loaded_survey = None
            self.heading.setText(EMPTY_TEXT)
            self.item_model.set_rows([])
            self.response_model.set_survey([], [])
            self._update_buttons()
            return
        self.reload()

    def reload(self) -> None:
        """Load the shown survey's items and responses again."""
        survey = self.shown_survey
        if survey is None or self.programme_file is None:
            return
        self._request += 1
        request = self._request
        survey_id = survey.survey_id

        def load(session: Session) -> tuple[list[ItemRow], list[ResponseRow]]:
            return surveys.item_rows(session, survey_id), surveys.response_rows(session, survey_id)

        run_op(
            self.programme_file,
            load,
            parent=self,
            on_success=lambda loaded: self._loaded(request, survey, *loaded),
        )

    def _loaded(
        self, request: int, survey: SurveyRow, items: list[ItemRow], rows: list[ResponseRow]
    ) -> None:
        # A reply for a survey no longer shown (or from before a lock) is dropped.
        if request != self._request or self.programme_file is None:
            return
        self.loaded_survey = survey
        kind = survey.kind_label
        description = escape(survey.description).replace("\n", "<br>")
        self.heading.setText(
            f"<b>{escape(survey.title)}</b> — {escape(kind)}, answered by "
            f"{escape(survey.who.lower())}<br><span style='color:#555'>{description}</span>"
        )
        self.item_model.set_rows(items)
        self.response_model.set_survey(items, rows)
        self.pages.setTabText(0, f"Questions ({len(items)})")
        self.pages.setTabText(1, f"Responses ({len(rows)})")
        self._fit_columns()
        self._update_buttons()
        self.loaded.emit()

    def _fit_columns(self) -> None:
        em = self.item_view.fontMetrics().horizontalAdvance("n")
        for column, chars in enumerate((3, 70, 12, 24, 22, 7)):
            self.item_view.setColumnWidth(column, chars * em + 16)
        widths = (22, 28, 11, 24)
        header = self.response_view.horizontalHeader()
        for column in range(self.response_model.columnCount()):
            if column < len(widths):
                self.response_view.setColumnWidth(column, widths[column] * em + 16)
            else:
                fitted = min(header.sectionSizeHint(column) + 8, 24 * em + 16)
                self.response_view.setColumnWidth(column, fitted)

    def current_item(self) -> ItemRow | None:
        """The item selected, if any."""
        rows = self.item_view.selectionModel().selectedRows()
        return self.item_model.row_at(rows[0].row()) if rows else None

    def current_response(self) -> ResponseRow | None:
        """The response selected, if any."""
        rows = self.response_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.response_model.row_at(self.response_proxy.mapToSource(rows[0]).row())

    def _update_buttons(self, *_args: object) -> None:
        shown = self.shown_survey is not None
        item, response = self.current_item() is not None, self.current_response() is not None
        self.item_buttons[0].setEnabled(shown)
        for button in self.item_buttons[1:]:
            button.setEnabled(shown and item)
        self.response_buttons[0].setEnabled(shown and self.item_model.rowCount() > 0)
        self.response_buttons[1].setEnabled(shown and self.item_model.rowCount() > 0)
        for button in self.response_buttons[2:]:
            button.setEnabled(shown and response)

    def _changed(self) -> None:
        # The tab reloads its list and then this panel, so the counts agree.
        self.changed.emit()

    def _run(self, work: Any, done: Any = None) -> None:
        if self.programme_file is not None:
            run_op(
                self.programme_file,
                work,
                parent=self,
                on_success=done or (lambda _result: self._changed()),
            )

    def _open(self, dialog: RecordDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self._changed())
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: RecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # Items -----------------------------------------------------------------------------

    def _areas(self) -> list[str]:
        rows = [self.item_model.row_at(r) for r in range(self.item_model.rowCount())]
        return sorted({r.area for r in rows if r.area}, key=str.casefold)

    def add_item(self) -> None:
        """Open the form for a new item at the end of the survey."""
        survey = self.shown_survey
        if survey is None or self.programme_file is None:
            return
        survey_id = survey.survey_id
        self._open(
            ItemDialog(
                self,
                self.programme_file,
                lambda s, values: surveys.add_item(s, survey_id, values),
                areas=self._areas(),
            )
        )

    def edit_item(self) -> None:
        """Open the form of the selected item."""
        item = self.current_item()
        if item is None or self.programme_file is None:
            return
        values = ItemInput(item.text, item.answer_type, item.code, item.area)
        self._open(
            ItemDialog(
                self,
                self.programme_file,
                lambda s, changed: surveys.update_item(s, item.item_id, changed),
                areas=self._areas(),
                item=values,
                answered=item.answers,
            )
        )

    def delete_item(self) -> None:
        """Delete the selected item, after asking (naming its answers)."""
        item = self.current_item()
        if item is None:
            return
        answers = (
            f" and its {item.answers} answer{'' if item.answers == 1 else 's'}"
            if item.answers
            else ""
        )
        question = f"Delete the item “{_short(item.text, 80)}”{answers}? This cannot be undone."
        if confirm(self, "Delete item", question, "Delete"):
            self._run(lambda s: surveys.delete_item(s, item.item_id))

    def move_item(self, steps: int) -> None:
        """Move the selected item up (-1) or down (1), keeping it selected."""
        item = self.current_item()
        if item is None:
            return
        target = min(max(item.position - 1 + steps, 0), self.item_model.rowCount() - 1)

        def moved(_result: object) -> None:
            self.loaded.connect(select, Qt.ConnectionType.SingleShotConnection)
            self._changed()

        def select() -> None:
            self.item_view.selectRow(target)

        self._run(lambda s: surveys.move_item(s, item.item_id, steps), moved)

    # Responses -------------------------------------------------------------------------

    def type_in_response(self) -> None:
        """Open a form made from the survey's items, for one person's answers."""
        self._open_response(None)

    def edit_response(self) -> None:
        """Open the selected response's answers in the form."""
        response = self.current_response()
        if response is not None:
            self._open_response(response)

    def _open_response(self, response: ResponseRow | None) -> None:
        survey = self.shown_survey
        if survey is None or self.programme_file is None:
            return
        programme_file = self.programme_file
        self._run(
            lambda s: response_form_data(s, survey, response),
            lambda data: self._open(ResponseDialog(self, programme_file, data)),
        )

    def delete_response(self) -> None:
        """Delete the selected response, after asking."""
        response = self.current_response()
        if response is None:
            return
        question = f"Delete the response of {response.name}? This cannot be undone."
        if confirm(self, "Delete response", question, "Delete"):
            self._run(lambda s: surveys.delete_response(s, response.response_id))

    def import_responses(self) -> None:
        """Ask for a form export and open the import dialog on it."""
        if self.shown_survey is None:
            return
        title = f"Import responses to {self.shown_survey.title}"
        path = ask_open_path(self, title, EXPORT_FILTER, IMPORT_FOLDER)
        if path is not None:
            self.import_responses_from(path)

    def import_responses_from(self, path: Path) -> None:
        """Read ``path`` off the GUI thread and open the import dialog on it."""
        if self.shown_survey is None or self.programme_file is None:
            return
        start_response_import(
            self, self.programme_file, self.shown_survey, path, self._import_opened
        )

    def _import_opened(self, dialog: ResponseImportDialog) -> None:
        self.import_dialog = dialog
        dialog.imported.connect(lambda _summary: self._changed())
        dialog.finished.connect(lambda _code: self._forget_import(dialog))

    def _forget_import(self, dialog: ResponseImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
