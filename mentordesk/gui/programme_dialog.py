"""New programme (from a template) and Programme ▸ Copy to next year…."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.gui.context import WindowContext
from mentordesk.gui.dialogs import RecordDialog, save_buttons
from mentordesk.gui.form_values import count_value, date_value, set_date
from mentordesk.gui.ops import run_op
from mentordesk.gui.programme_settings import (
    ProgrammeFields,
    RulesFields,
    StrandsTable,
    date_edit,
    hint_label,
)
from mentordesk.services.programme_copy import copy_programme
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import (
    ProgrammeInput,
    add_months,
    create_programme,
    list_programmes,
    programme_settings,
)
from mentordesk.store.programme_file import ProgrammeFile

#: The template chosen first: a blank programme carries no one else's strands.
FIRST_TEMPLATE = "blank"
_YEAR = re.compile(r"(?<!\d)(19|20)(\d\d)(?!\d)")


def default_name(today: dt.date) -> str:
    """The name a new programme starts with, to be typed over."""
    return f"Mentoring programme {today.year}"


class ProgrammeDialog(RecordDialog):
    """Choose a template, then name the programme and adjust what the template filled in.

    Attributes:
        templates: one radio button per template, keyed by the template's key.
        pages: the template page, then the form.
        general, strands, rules: the form's fields.

    Signals:
        saved: carries the new programme's id.
    """

    def __init__(self, parent: QWidget | None, programme_file: ProgrammeFile) -> None:
        super().__init__(parent, programme_file, create_programme)
        self.setObjectName("new_programme")
        self.setWindowTitle("New programme")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._template_page())
        self.pages.addWidget(self._form_page())
        self.back_button = QPushButton("< &Back", self)
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(lambda: self.show_page(0))
        self.next_button = QPushButton("&Next >", self)
        self.next_button.setObjectName("next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.use_chosen_template)
        self.buttons = save_buttons(self)
        self.buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.buttons, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        # The form holds the first template's values from the start, so it can always be read.
        self.template = self.chosen
        self.fill(TEMPLATES[self.chosen].input(default_name(dt.date.today())))
        self.show_page(0)
        self.resize(760, 600)

    def _template_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("<b>Start from:</b>", page))
        self.template_group = QButtonGroup(self)
        self.templates: dict[str, QRadioButton] = {}
        for key, template in TEMPLATES.items():
            button = QRadioButton(template.label, page)
            button.setObjectName(f"template_{key}")
            self.template_group.addButton(button)
            self.templates[key] = button
            about = hint_label(page, template.description)
            about.setEnabled(True)
            about.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(button)
            layout.addWidget(about)
            button.toggled.connect(partial(self._toggled, key))
        self.templates.get(FIRST_TEMPLATE, next(iter(self.templates.values()))).setChecked(True)
        layout.addStretch(1)
        layout.addWidget(
            hint_label(
                page,
                "Everything the template fills in can be changed on the next page, "
                "and later in Programme ▸ Settings…",
            )
        )
        return page

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        self.general = ProgrammeFields(page, description=False)
        self.strands = StrandsTable(page)
        self.rules = RulesFields(page, full=False)
        self.end_by_hand = False
        self._showing_end = False
        self.general.starts_on.dateChanged.connect(self.show_end)
        self.general.duration_months.valueChanged.connect(self.show_end)
        self.general.ends_on.dateChanged.connect(self._end_changed)
        strands_box = QGroupBox("St&rands", page)
        QVBoxLayout(strands_box).addWidget(self.strands)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general)
        layout.addWidget(strands_box, 1)
        layout.addWidget(self.rules)
        return page

    def _toggled(self, key: str, checked: bool) -> None:
        if checked:
            self.chosen = key

    def show_page(self, index: int) -> None:
        """Show the template page (0) or the form (1), with the buttons each needs."""
        self.pages.setCurrentIndex(index)
        on_form = index == 1
        self.back_button.setVisible(on_form)
        self.next_button.setVisible(not on_form)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setVisible(on_form)
        save.setDefault(on_form)
        self.next_button.setDefault(not on_form)
        if on_form:
            self.general.name.setFocus()
            self.general.name.selectAll()

    def use_chosen_template(self) -> None:
        """Fill the form from the template chosen (keeping the name typed), and show it."""
        key = self.chosen
        if key != self.template:
            self.fill(TEMPLATES[key].input(self.general.name.text()))
            self.template = key
        self.show_page(1)

    def fill(self, values: ProgrammeInput) -> None:
        """Show a template's values in the form; the start it leaves open is today.

        An end the template leaves open follows the start and the duration (see
        :meth:`show_end`) until one is chosen by hand.
        """
        self.base = values
        self.end_by_hand = values.ends_on is not None
        starts = values.starts_on or dt.date.today()
        self._showing_end = True
        self.general.show_values(replace(values, starts_on=starts))
        self._showing_end = False
        self.show_end()
        self.strands.set_strands(list(values.strands))
        self.rules.show_values(values)

    def show_end(self) -> None:
        """Show the end Save will give: the start plus the duration, unless chosen by hand.

        Only shown: the programme is saved without an end, and the service sets it
        from the start and the duration as it does for ``mentordesk-cli programme create``.
        """
        if self.end_by_hand:
            return
        starts = date_value(self.general.starts_on)
        months = count_value(self.general.duration_months)
        self._showing_end = True
        set_date(self.general.ends_on, add_months(starts, months) if starts and months else None)
        self._showing_end = False

    def _end_changed(self) -> None:
        if not self._showing_end:
            self.end_by_hand = True

    def accept(self) -> None:
        if self.pages.currentIndex() == 0:
            self.use_chosen_template()
            return
        super().accept()

    def values(self) -> ProgrammeInput:
        """The programme as the form shows it, on the chosen template."""
        shown = self.general.read_into(self.base)
        if not self.end_by_hand:
            shown = replace(shown, ends_on=None)  # the service sets it from the duration
        return self.rules.read_into(replace(shown, strands=self.strands.strands()))


def next_year_name(name: str) -> str:
    """The name of next year's copy: the last year in the name plus one, else "… (next year)".

    "ADVANCE 2026" gives "ADVANCE 2027"; "ADVANCE 2025–2026" gives "ADVANCE 2026–2027".
    """
    years = list(_YEAR.finditer(name))
    if not years:
        return f"{name} (next year)"
    result = name
    # Each year moves on one, from the last, so a span "2025–2026" becomes "2026–2027".
    for match in reversed(years):
        year = int(match.group(0)) + 1
        result = result[: match.start()] + str(year) + result[match.end() :]
    return result


def free_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted`` if no programme has that name (in any case), else "wanted (2)", "(3)" and on.

    Programme names are unique whatever their case, as Save checks.
    """
    names = {name.casefold() for name in taken}
    name, number = wanted, 1
    while name.casefold() in names:
        number += 1
        name = f"{wanted} ({number})"
    return name


def next_year_start(starts_on: dt.date | None, today: dt.date) -> dt.date:
    """When next year's copy starts: one year after this one (29 Feb → 28 Feb), else today."""
    if starts_on is None:
        return today
    try:
        return starts_on.replace(year=starts_on.year + 1)
    except ValueError:
        return starts_on.replace(year=starts_on.year + 1, day=28)


class CopyDialog(RecordDialog):
    """Name next year's programme and its start; Save makes the copy.

    The name suggested is next year's (:func:`next_year_name`), made free of the names
    ``taken`` by the file's programmes (:func:`free_name`).

    Signals:
        saved: carries the new programme's id.
    """

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        values: ProgrammeInput,
        taken: Iterable[str],
    ) -> None:
        super().__init__(
            parent,
            programme_file,
            lambda session, typed: copy_programme(session, programme_id, *typed),
        )
        self.setObjectName("copy_programme")
        self.setWindowTitle(f"Copy {values.name} to next year")
        taken = list(taken)
        wanted = next_year_name(values.name)
        self.new_name = QLineEdit(free_name(wanted, taken), self)
        self.new_name.setObjectName("new_name")
        #: Says why the name suggested is not simply next year's: that one is taken.
        self.name_taken = hint_label(
            self,
            f"There is already a programme called “{wanted}”: to go on from that one, "
            "show it and copy it instead.",
        )
        self.name_taken.setObjectName("name_taken")
        self.starts_on: QDateEdit = date_edit(self, "starts_on")
        set_date(self.starts_on, next_year_start(values.starts_on, dt.date.today()))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("New &name:", self.new_name)
        form.addRow("", self.name_taken)
        form.setRowVisible(self.name_taken, self.new_name.text() != wanted)
        form.addRow("&Starts on:", self.starts_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(
                self,
                "The copy keeps the settings, strands still open, career stages, matching and "
                "training rules, message templates and survey designs; its dates move with the "
                "start. It holds no applications, pairings, events or notes. Last year's "
                "participants are listed, to invite them back, in Programme ▸ Alumni…",
            )
        )
        layout.addSpacing(8)
        layout.addWidget(save_buttons(self))
        self.setMinimumWidth(560)
        self.new_name.selectAll()

    def values(self) -> tuple[str, dt.date | None]:
        """The new name and start date typed."""
        return self.new_name.text(), date_value(self.starts_on)


def open_copy(context: WindowContext, on_copied: Callable[[int], None]) -> None:
    """Ask for next year's name and start, copy the programme shown, then ``on_copied(new_id)``."""
    programme, programme_file = context.programme(), context.programme_file
    if programme is None or programme_file is None:
        return
    programme_id = programme.id

    def opened(found: tuple[ProgrammeInput, list[str]]) -> None:
        values, taken = found
        dialog = CopyDialog(context.widget(), programme_file, programme_id, values, taken)

        def copied(new_id: int) -> None:
            context.show_status(f"Copied to “{dialog.new_name.text().strip()}”, now shown.")
            on_copied(new_id)

        dialog.saved.connect(copied)
        dialog.open()

    run_op(
        programme_file,
        lambda session: (
            programme_settings(session, programme_id),
            [p.name for p in list_programmes(session)],
        ),
        parent=context.widget(),
        on_success=opened,
    )
