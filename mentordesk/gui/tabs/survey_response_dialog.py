"""Type in one person's answers to a survey, on a form made from the survey's items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import SurveyItemType
from mentordesk.domain.errors import InvalidInput
from mentordesk.gui.dialogs import RecordDialog, save_buttons
from mentordesk.gui.form_values import date_value, fill_combo, prepare_date, select_value, set_date
from mentordesk.services.applicants import PersonChoice
from mentordesk.services.survey_answers import AnswerValue
from mentordesk.services.surveys import (
    ItemRow,
    ResponseRow,
    SurveyRow,
    item_rows,
    record_response,
    respondent_choices,
    response_rows,
)
from mentordesk.store.programme_file import ProgrammeFile

#: What a choice shows when the item was not answered.
NO_ANSWER = "—"
#: The button id of "no answer" (Qt hands out ids of -1 and below itself).
_NONE = 99


@dataclass(frozen=True)
class ResponseFormData:
    """What the response form needs: the survey, its items, who may answer, the answers so far."""

    survey: SurveyRow
    items: list[ItemRow]
    people: list[PersonChoice]
    response: ResponseRow | None = None
    answered_on: dict[int, dt.date] = field(default_factory=dict)


@dataclass
class ResponseValues:
    """One person's answers as the form holds them."""

    person_id: int | None
    submitted_on: dt.date
    answers: dict[str, AnswerValue | None] = field(default_factory=dict)


def response_form_data(
    session: Session, survey: SurveyRow, response: ResponseRow | None
) -> ResponseFormData:
    """The items of the survey and the people who may answer it (on the worker thread)."""
    return ResponseFormData(
        survey,
        item_rows(session, survey.survey_id),
        respondent_choices(session, survey.survey_id),
        response,
        {r.person_id: r.submitted_on for r in response_rows(session, survey.survey_id)},
    )


def save_response(survey_id: int, session: Session, values: ResponseValues) -> int:
    """Record the answers the form holds (replacing the person's earlier response)."""
    if values.person_id is None:
        raise InvalidInput("Choose who answered.")
    return record_response(
        session, survey_id, values.person_id, values.answers, values.submitted_on
    )


class ChoiceAnswer(QWidget):
    """A rating from 1 to 5, or yes or no, as a row of radio buttons with "no answer" first.

    Attributes:
        group: the buttons, each with the number it stands for.
    """

    def __init__(self, item: ItemRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"answer_{item.code}")
        self.answer_type = item.answer_type
        self.group = QButtonGroup(self)
        if item.answer_type is SurveyItemType.LIKERT:
            choices = [(NO_ANSWER, _NONE), *((str(n), n) for n in range(1, 6))]
        else:
            choices = [(NO_ANSWER, _NONE), ("Yes", 1), ("No", 0)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, number in choices:
            button = QRadioButton(text, self)
            if number == _NONE:
                button.setToolTip("No answer")
            button.setObjectName(f"{item.code}_{'none' if number == _NONE else number}")
            self.group.addButton(button, number)
            layout.addWidget(button)
        layout.addStretch(1)
        self.set_value(None)

    def value(self) -> AnswerValue | None:
        """The answer chosen, or None."""
        number = self.group.checkedId()
        if number in (_NONE, -1):
            return None
        return bool(number) if self.answer_type is SurveyItemType.YES_NO else number

    def set_value(self, value: AnswerValue | None) -> None:
        """Choose an answer (None: no answer)."""
        number = _NONE if value is None else int(value)
        button = self.group.button(number) or self.group.button(_NONE)
        button.setChecked(True)


class TextAnswer(QPlainTextEdit):
    """A free-text answer."""

    def __init__(self, item: ItemRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"answer_{item.code}")
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)

    def value(self) -> AnswerValue | None:
        """The text typed, or None."""
        return self.toPlainText().strip() or None

    def set_value(self, value: AnswerValue | None) -> None:
        """Show an answer."""
        self.setPlainText("" if value is None else str(value))


class ResponseDialog(RecordDialog):
    """One person's response: who, when, and an answer to each item, grouped by area.

    Attributes:
        person: who answered; submitted_on: when.
        answer_widgets: the answer to each item, by code.
    """

    def __init__(
        self, parent: QWidget | None, programme_file: ProgrammeFile, data: ResponseFormData
    ) -> None:
        survey_id = data.survey.survey_id
        super().__init__(
            parent, programme_file, lambda s, values: save_response(survey_id, s, values)
        )
        self.setObjectName("survey_response_dialog")
        editing = data.response is not None
        self.setWindowTitle(f"{'Edit' if editing else 'Type in'} a response — {data.survey.title}")
        self.resize(720, 640)
        self.person = QComboBox(self)
        self.person.setObjectName("person")
        fill_combo(self.person, ((_person_text(p, data), p.id) for p in data.people))
        self.person.setToolTip("Saving for someone who already answered replaces their response.")
        self.submitted_on = QDateEdit(self)
        self.submitted_on.setObjectName("submitted_on")
        self.submitted_on.setCalendarPopup(True)
        self.submitted_on.setDisplayFormat("yyyy-MM-dd")
        prepare_date(self.submitted_on, optional=False)
        header = QFormLayout()
        header.addRow("&Answered by:", self.person)
        header.addRow("&Date:", self.submitted_on)
        self.answer_widgets: dict[str, ChoiceAnswer | TextAnswer] = {}
        questions = QWidget(self)
        questions.setObjectName("questions")
        column = QVBoxLayout(questions)
        area = None
        for number, item in enumerate(data.items, start=1):
            if item.area and item.area != area:
                heading = QLabel(f"<b>{escape(item.area)}</b>", questions)
                heading.setTextFormat(Qt.TextFormat.RichText)
                column.addSpacing(6)
                column.addWidget(heading)
            area = item.area
            label = QLabel(f"{number}. {item.text}", questions)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            widget: ChoiceAnswer | TextAnswer = (
                TextAnswer(item, questions)
                if item.answer_type is SurveyItemType.TEXT
                else ChoiceAnswer(item, questions)
            )
            label.setBuddy(widget)
            column.addWidget(label)
            column.addWidget(widget)
            self.answer_widgets[item.code] = widget
        if not data.items:
            column.addWidget(QLabel("This survey has no items yet: add some first.", questions))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("questions_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(questions)
        buttons = save_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        response = data.response
        if response is not None:
            select_value(self.person, response.person_id)
            self.person.setEnabled(False)
            set_date(self.submitted_on, response.submitted_on)
            for code, value in response.answers.items():
                if code in self.answer_widgets:
                    self.answer_widgets[code].set_value(value)
        else:
            today = QDate.currentDate()
            set_date(self.submitted_on, dt.date(today.year(), today.month(), today.day()))

    def values(self) -> ResponseValues:
        submitted = date_value(self.submitted_on) or dt.date.today()
        return ResponseValues(
            self.person.currentData(),
            submitted,
            {code: widget.value() for code, widget in self.answer_widgets.items()},
        )


def _person_text(person: PersonChoice, data: ResponseFormData) -> str:
    answered = data.answered_on.get(person.id)
    text = f"{person.name} <{person.email}>"
    if answered is not None and (data.response is None or data.response.person_id != person.id):
        text += f" — answered on {answered.isoformat()}"
    return text
