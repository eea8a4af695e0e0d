"""The forms of the Surveys tab: a survey, one of its items, and a survey from a template."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import Role, SurveyItemType, SurveyKind
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.form_values import (
    combo_value,
    count_value,
    fill_combo,
    fill_enum_combo,
    plain_text,
    prepare_count,
    select_value,
    set_count,
)
from mentordesk.gui.forms.ui_survey import Ui_SurveyForm
from mentordesk.gui.forms.ui_survey_item import Ui_SurveyItemForm
from mentordesk.services.survey_templates import TEMPLATES, SurveyTemplate
from mentordesk.services.surveys import ItemInput, SurveyInput, who_answers
from mentordesk.store.programme_file import ProgrammeFile

#: What each way of answering looks like to a respondent, shown under the item form.
TYPE_HINTS = {
    SurveyItemType.LIKERT: "Answered on a scale from 1 to 5; say in the survey's description "
    "what 1 and 5 mean.",
    SurveyItemType.YES_NO: "Answered yes or no.",
    SurveyItemType.TEXT: "Answered in the respondent's own words.",
}


class SurveyDialog(RecordDialog):
    """Add a survey, or rename it and change its kind, who answers it and its description."""

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        save: Save,
        survey: SurveyInput | None = None,
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.setObjectName("survey_dialog")
        self.ui = Ui_SurveyForm()
        self.ui.setupUi(self)
        ui = self.ui
        fill_enum_combo(ui.kind, SurveyKind)
        fill_combo(ui.role, [(who_answers(None), None), *((who_answers(r), r) for r in Role)])
        prepare_count(ui.day, 730)
        ui.description.setMinimumHeight(90)
        ui.kind.currentIndexChanged.connect(self._kind_changed)
        survey = survey or SurveyInput("", SurveyKind.FEEDBACK)
        self.setWindowTitle("Edit survey" if survey.title else "New survey")
        ui.title.setText(survey.title)
        select_value(ui.kind, survey.kind)
        select_value(ui.role, survey.role)
        set_count(ui.day, survey.day)
        ui.description.setPlainText(survey.description)
        self._kind_changed()

    def _kind_changed(self) -> None:
        pulse = combo_value(self.ui.kind) is SurveyKind.PULSE
        self.ui.day.setEnabled(pulse)
        self.ui.day_label.setEnabled(pulse)

    def values(self) -> SurveyInput:
        ui = self.ui
        role = ui.role.currentData()
        return SurveyInput(
            title=ui.title.text(),
            kind=combo_value(ui.kind),
            role=None if role is None else Role(role),
            description=plain_text(ui.description),
            day=count_value(ui.day),
        )


class ItemDialog(RecordDialog):
    """Add or edit one item: its words, how it is answered, its area and its code.

    Attributes:
        answered: how many answers the item has; its type is then fixed.
    """

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        save: Save,
        *,
        areas: list[str],
        item: ItemInput | None = None,
        answered: int = 0,
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.setObjectName("survey_item_dialog")
        self.ui = Ui_SurveyItemForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.answered = answered
        fill_enum_combo(ui.answer_type, SurveyItemType)
        fill_combo(ui.area, ((area, area) for area in ["", *areas]))
        ui.text.setFixedHeight(ui.text.fontMetrics().lineSpacing() * 4 + 12)
        ui.answer_type.currentIndexChanged.connect(self._type_changed)
        item = item or ItemInput("")
        self.setWindowTitle("Edit item" if item.text else "Add item")
        ui.text.setPlainText(item.text)
        select_value(ui.answer_type, item.answer_type)
        ui.area.setEditText(item.area)
        ui.code.setText(item.code)
        if answered:
            ui.answer_type.setEnabled(False)
            noun = "answer" if answered == 1 else "answers"
            ui.answer_type.setToolTip(f"The item has {answered} {noun}, so its type stays.")
        self._type_changed()

    def _type_changed(self) -> None:
        hint = TYPE_HINTS[combo_value(self.ui.answer_type)]
        if self.answered:
            noun = "answer" if self.answered == 1 else "answers"
            hint += f" It has {self.answered} {noun}, so its type stays as it is."
        self.ui.type_hint.setText(hint)

    def values(self) -> ItemInput:
        ui = self.ui
        return ItemInput(
            text=" ".join(plain_text(ui.text).split()),
            answer_type=combo_value(ui.answer_type),
            code=ui.code.text(),
            area=ui.area.currentText(),
        )


def template_html(template: SurveyTemplate) -> str:
    """A template's kind, audience, description and items, for the chooser (values escaped)."""
    kind = template.kind.label + (f", day {template.day}" if template.day else "")
    lines = []
    area = None
    for item in template.items:
        if item.area != area and item.area:
            lines.append(f"</ul><p><b>{escape(item.area)}</b></p><ul>")
        area = item.area
        lines.append(f"<li>{escape(item.text)} <i>({item.answer_type.label})</i></li>")
    return (
        f"<p><b>{escape(template.title)}</b> — {escape(kind)}, answered by "
        f"{who_answers(template.role).lower()}</p><p>{escape(template.description)}</p>"
        f"<ul>{''.join(lines)}</ul>"
    )


class TemplateDialog(RecordDialog):
    """Choose one of the shipped questionnaires, see its items, and add it under a title.

    Attributes:
        templates: the list of templates; details: the chosen one's items.
        title: the title it is added under.
    """

    def __init__(
        self, parent: QWidget | None, programme_file: ProgrammeFile, save: Save, taken: set[str]
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.setObjectName("template_dialog")
        self.setWindowTitle("Add a survey from a template")
        self.resize(860, 560)
        self._taken = {title.casefold() for title in taken}
        self.templates = QListWidget(self)
        self.templates.setObjectName("templates")
        for template in TEMPLATES.values():
            entry = QListWidgetItem(template.title, self.templates)
            entry.setData(Qt.ItemDataRole.UserRole, template.key)
            if template.title.casefold() in self._taken:
                entry.setToolTip("The programme already has a survey of this title.")
        self.details = QLabel(self)
        self.details.setObjectName("template_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMargin(8)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.templates)
        splitter.addWidget(scroll)
        splitter.setSizes([260, 600])
        self.title = QLineEdit(self)
        self.title.setObjectName("template_title")
        title_label = QLabel("&Title in this programme:", self)
        title_label.setBuddy(self.title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok, self
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add survey")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(title_label)
        layout.addWidget(self.title)
        layout.addWidget(buttons)
        self.templates.currentRowChanged.connect(self._chosen)
        self.templates.setCurrentRow(0)

    def chosen_key(self) -> str:
        """The key of the template selected."""
        current = self.templates.currentItem()
        return str(current.data(Qt.ItemDataRole.UserRole)) if current else ""

    def _chosen(self, _row: int) -> None:
        key = self.chosen_key()
        if not key:
            return
        template = TEMPLATES[key]
        self.details.setText(template_html(template))
        title = template.title
        if title.casefold() in self._taken:
            n = 2
            while f"{title} ({n})".casefold() in self._taken:
                n += 1
            title = f"{title} ({n})"
        self.title.setText(title)

    def values(self) -> tuple[str, str]:
        return self.chosen_key(), self.title.text()
