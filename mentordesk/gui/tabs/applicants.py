"""The Applicants tab: people and their applications, with a bulk status change."""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QMenu, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus, ContractType, Role
from mentordesk.domain.stages import Ladder, Stage
from mentordesk.gui.clipboard import CLEAR_AFTER_SECONDS, copy_sensitive
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.form_values import (
    combo_value,
    count_value,
    date_value,
    fill_combo,
    fill_enum_combo,
    plain_text,
    prepare_count,
    prepare_date,
    select_value,
    set_count,
    set_date,
)
from mentordesk.gui.forms.ui_applicant import Ui_ApplicantForm
from mentordesk.gui.ops import run_op
from mentordesk.gui.person_panel import PersonPanel, ShownApplication, shown_application
from mentordesk.gui.person_rights import ask_export_path, ask_to_erase, export_person_data
from mentordesk.gui.table_models import ApplicantTableModel
from mentordesk.gui.tabs.applicant_filters import ApplicantFilters, StrandSummaryLine
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.services import applicants
from mentordesk.services.applicants import (
    ApplicantRow,
    ApplicationInput,
    PersonChoice,
    PersonDetail,
    PersonInput,
    StrandSummary,
)
from mentordesk.services.career_stages import ladder_of
from mentordesk.services.messages import LogRow, log_rows
from mentordesk.services.privacy import give_consent, withdraw_consent
from mentordesk.services.programmes import ProgrammeSummary, StrandChoice, strand_choices
from mentordesk.store.programme_file import ProgrammeFile


@dataclass(frozen=True)
class ApplicantFormData:
    """What the Applicants form needs from the file: the strands, and current values.

    Attributes:
        strands: the programme's strands an application can be in.
        person: the person's current values (None for a new applicant).
        application: the application's current values (None for a new one).
        ladder: the programme's career stages, offered and used to guess a stage.
        people: everyone who can be the person's line manager (not the person).
    """

    strands: list[StrandChoice]
    person: PersonInput | None = None
    application: ApplicationInput | None = None
    ladder: Ladder = field(default_factory=Ladder)
    people: list[PersonChoice] = field(default_factory=list)


def load_form_data(
    session: Session,
    programme_id: int,
    person_id: int | None = None,
    person: PersonInput | None = None,
    application: ApplicationInput | None = None,
) -> ApplicantFormData:
    """Load what the form offers (on the worker): strands, career stages, possible managers.

    Args:
        session: the open session.
        programme_id: the programme the application is in.
        person_id: the person edited, left out of the line managers offered.
        person: the person's current values, if any.
        application: the application's current values, if any.
    """
    return ApplicantFormData(
        strand_choices(session, programme_id),
        person,
        application,
        ladder_of(session, programme_id),
        [p for p in applicants.person_choices(session) if p.id != person_id],
    )


def stage_choices(ladder: Ladder) -> list[tuple[str, str]]:
    """``(text, name)`` for each stage offered, the text as lists show it (``Stage.label``)."""
    return [(s.label, s.name) for s in ladder.stages]


def manager_choice_text(person: PersonChoice) -> str:
    """A possible line manager as the form offers them: "Name <email>"."""
    return f"{person.name} <{person.email}>" if person.name else person.email


def _line_edit(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None, "the combo is editable"
    return edit


#: The Career stage field's tooltip when no guess is shown.
STAGE_TIP = "One of the programme's career stages (Programme ▸ Career stages)"
_ANGLED_EMAIL = re.compile(r"<([^<>]+)>\s*$")


class PersonFields:
    """The Career stage and Line manager fields of the applicant form.

    The stage is an editable list of the programme's stages; while it is
    blank, it shows the stage guessed from the position, which is saved as a
    guess (listed for confirmation in Programme ▸ Career stages) if the
    coordinator leaves it. The line manager is anyone in the file, found by
    any part of their name or email, or an email typed.
    """

    def __init__(
        self,
        stage: QComboBox,
        manager: QComboBox,
        position_text: Callable[[], str],
        data: ApplicantFormData,
    ) -> None:
        self.stage, self.manager = stage, manager
        self._position_text = position_text
        self.ladder = data.ladder
        #: The stage guessed before, kept while the position it was guessed from is.
        self._guessed: tuple[str, str] | None = None
        self._stage_names = dict(stage_choices(data.ladder))
        stage.addItem("", "")
        for text, name in self._stage_names.items():
            stage.addItem(text, name)
        self._managers = {manager_choice_text(p): p.email for p in data.people}
        by_name: dict[str, list[str]] = {}
        for p in data.people:
            by_name.setdefault(p.name.casefold(), []).append(p.email)
        self._by_name = {name: emails[0] for name, emails in by_name.items() if len(emails) == 1}
        manager.addItem("")
        manager.addItems(list(self._managers))
        _line_edit(manager).setPlaceholderText("Name or email of someone in the file")
        completer = QCompleter(manager.model(), manager)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        manager.setCompleter(completer)
        stage.editTextChanged.connect(self.update_hint)

    def fill(self, person: PersonInput) -> None:
        """Show a person's stage and line manager; a guessed stage shows as a suggestion."""
        found = self.ladder.find(person.stage)
        self._guessed = (
            (person.stage, " ".join(person.position.split()))
            if person.stage_guessed and person.stage
            else None
        )
        if person.stage_guessed or not person.stage:
            self.stage.setEditText("")
        elif found is not None:
            self.stage.setEditText(found.label)
        else:
            self.stage.setEditText(person.stage)
        email = person.line_manager_email
        shown = next((t for t, e in self._managers.items() if e == email), email)
        self.manager.setEditText(shown)
        self.update_hint()

    def guess(self) -> Stage | None:
        """The stage the position typed suggests, or None."""
        return self.ladder.guess(self._position_text())

    def guessed(self) -> str:
        """The stage a blank field saves as a guess, or "" for none.

        The stage guessed before while the position is unchanged (the list may
        have changed since, or the guess come from another programme's list),
        else the one the position typed suggests.
        """
        position = " ".join(self._position_text().split())
        if self._guessed is not None and self._guessed[1] == position:
            return self._guessed[0]
        guess = self.guess()
        return guess.name if guess is not None else ""

    def update_hint(self) -> None:
        """Show the stage guessed from the position in the blank Career stage field."""
        position = self._position_text().strip()
        guessed = self.guessed()
        tip = STAGE_TIP
        if guessed:
            found = self.ladder.find(guessed)
            hint = f"Guessed from the position: {guessed}"
            tip = (
                f"Guessed from the position: {found.label if found else guessed}. Left "
                "blank, this guess is saved, to confirm in Programme ▸ Career stages; or "
                "choose the stage."
            )
        elif position and self.ladder.stages:
            hint = "No stage guessed from the position: choose one"
        else:
            hint = "Choose or type a career stage"
        _line_edit(self.stage).setPlaceholderText(hint)
        self.stage.setToolTip(tip)

    def stage_value(self) -> tuple[str, bool]:
        """The stage to save and whether it is a guess.

        Returns:
            The stage chosen or typed (a name of the list when it matches one,
            whatever its case), not a guess; else the guess from the position.
        """
        text = " ".join(self.stage.currentText().split())
        if not text:
            guessed = self.guessed()
            return guessed, bool(guessed)
        if text in self._stage_names:
            return self._stage_names[text], False
        found = self.ladder.find(text)
        return (found.name if found is not None else text), False

    def manager_value(self) -> str:
        """The line manager's email: picked, typed, or the only person of the name typed."""
        text = self.manager.currentText().strip()
        if text in self._managers:
            return self._managers[text]
        angled = _ANGLED_EMAIL.search(text)
        if angled:
            return angled.group(1).strip()
        return self._by_name.get(" ".join(text.split()).casefold(), text)


class ApplicantDialog(RecordDialog):
    """Add or edit one applicant: the person and their application."""

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        save: Save,
        data: ApplicantFormData,
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.ui = Ui_ApplicantForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.person_fields = PersonFields(ui.stage, ui.line_manager, ui.position.text, data)
        ui.position.textChanged.connect(self.person_fields.update_hint)
        fill_enum_combo(ui.contract_type, ContractType, blank=True)
        fill_combo(ui.strand, ((s.name, s.id) for s in data.strands))
        fill_enum_combo(ui.role, Role)
        fill_enum_combo(ui.status, ApplicationStatus)
        for edit in (ui.consent_on, ui.submitted_on):
            prepare_date(edit)
        prepare_count(ui.capacity, 99)
        ui.role.currentIndexChanged.connect(self._role_changed)
        editing = data.person is not None
        self.setWindowTitle("Edit applicant" if editing else "Add applicant")
        self._fill(data.person or PersonInput("", "", ""), data.application)
        self._role_changed()

    def _fill(self, person: PersonInput, application: ApplicationInput | None) -> None:
        ui = self.ui
        for name in (
            "first_name",
            "last_name",
            "email",
            "organisation",
            "department",
            "position",
            "field",
            "expertise",
            "languages",
            "gender",
        ):
            getattr(ui, name).setText(getattr(person, name))
            getattr(ui, name).setCursorPosition(0)
        self.person_fields.fill(person)
        select_value(ui.contract_type, person.contract_type)
        set_date(ui.consent_on, person.consent_on)
        if application is None:
            set_date(ui.submitted_on, None)
            return
        select_value(ui.strand, application.strand_id)
        select_value(ui.role, application.role)
        select_value(ui.status, application.status)
        set_date(ui.submitted_on, application.submitted_on)
        set_count(ui.capacity, application.capacity)
        ui.goals.setPlainText(application.goals)
        ui.development_needs.setPlainText(application.development_needs)
        ui.preferences.setPlainText(application.preferences)
        ui.availability.setPlainText(application.availability)

    def _role_changed(self) -> None:
        is_mentor = combo_value(self.ui.role) is Role.MENTOR
        self.ui.capacity.setEnabled(is_mentor)
        if not is_mentor:
            set_count(self.ui.capacity, None)

    def values(self) -> tuple[PersonInput, ApplicationInput]:
        ui = self.ui
        stage, stage_guessed = self.person_fields.stage_value()
        person = PersonInput(
            first_name=ui.first_name.text(),
            last_name=ui.last_name.text(),
            email=ui.email.text(),
            organisation=ui.organisation.text(),
            department=ui.department.text(),
            position=ui.position.text(),
            stage=stage,
            stage_guessed=stage_guessed,
            line_manager_email=self.person_fields.manager_value(),
            contract_type=combo_value(ui.contract_type),
            field=ui.field.text(),
            expertise=ui.expertise.text(),
            languages=ui.languages.text(),
            gender=ui.gender.text(),
            consent_on=date_value(ui.consent_on),
        )
        strand_id = combo_value(ui.strand)
        application = ApplicationInput(
            strand_id=-1 if strand_id is None else strand_id,
            role=combo_value(ui.role),
            status=combo_value(ui.status),
            submitted_on=date_value(ui.submitted_on),
            goals=plain_text(ui.goals),
            development_needs=plain_text(ui.development_needs),
            preferences=plain_text(ui.preferences),
            availability=plain_text(ui.availability),
            capacity=count_value(ui.capacity),
        )
        return person, application


@dataclass(frozen=True)
class ApplicantsData:
    """What the Applicants tab shows: its rows, the counts per strand, the career stages."""

    rows: list[ApplicantRow]
    summaries: list[StrandSummary]
    ladder: Ladder


def _load_tab(session: Session, programme_id: int) -> ApplicantsData:
    return ApplicantsData(
        applicants.applicant_rows(session, programme_id),
        applicants.strand_summaries(session, programme_id),
        ladder_of(session, programme_id),
    )


def _load_for_edit(session: Session, programme_id: int, row: ApplicantRow) -> ApplicantFormData:
    return load_form_data(
        session,
        programme_id,
        row.person_id,
        applicants.person_input(session, row.person_id),
        applicants.application_input(session, row.application_id),
    )


#: What tells one application from another when the selection is kept over a reload.
_APPLICATION_ID = operator.attrgetter("application_id")


class ApplicantsTab(RecordTab[ApplicantRow]):
    """People who applied to the programme, one line per application.

    Above the table, filters by strand, role and status combine with the search
    box, and a line counts each strand's places, applications and acceptances.
    Beside it, a collapsible panel shows the person behind the current row.

    Signals:
        detail_shown: the panel now shows this person (their id).
        import_requested: the coordinator asked to import applications from a file.
    """

    TITLE = "Applicants"
    REOPENS_DRAFTS = True
    NOUN = ("application", "applications")
    EMPTY_HINT = (
        "Import them from your form's spreadsheet with File ▸ Import applications…, "
        "or add one with Edit ▸ Add… (Ctrl+Shift+N)."
    )
    COLUMN_WIDTHS = (20, 24, 8, 9, 14, 20, 18, 22, 10, 11)
    PANEL_WIDTH = 380

    model: ApplicantTableModel

    detail_shown = Signal(int)
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ApplicantTableModel(), parent)
        self.status_menu = QMenu("Set &status", self)
        self.status_menu.setObjectName("set_status_menu")
        for status in ApplicationStatus:
            action = self.status_menu.addAction(status.label)
            action.triggered.connect(partial(self.set_status, status))
        self.import_action = QAction("&Import applications…", self)
        self.import_action.triggered.connect(self.import_requested.emit)
        self.copy_email_action = QAction("&Copy email", self)
        self.copy_email_action.setObjectName("copy_email_action")
        self.copy_email_action.setToolTip(
            f"Copy the email; it is cleared from the clipboard after {CLEAR_AFTER_SECONDS} s"
        )
        self.copy_email_action.triggered.connect(self.copy_email)
        # Consent is as easy to withdraw as to give: one click each, for the selected people.
        self.consent_menu = QMenu("Data &protection", self)
        self.consent_menu.setObjectName("consent_menu")
        self.give_consent_action = self.consent_menu.addAction("Consent &given today")
        self.give_consent_action.setObjectName("give_consent_action")
        self.give_consent_action.triggered.connect(lambda: self.set_consent(True))
        self.withdraw_consent_action = self.consent_menu.addAction("Consent &withdrawn today")
        self.withdraw_consent_action.setObjectName("withdraw_consent_action")
        self.withdraw_consent_action.triggered.connect(lambda: self.set_consent(False))
        self.consent_menu.addSeparator()
        self.export_person_action = self.consent_menu.addAction(
            "&Export everything about them (.xlsx and PDF)…"
        )
        self.export_person_action.setObjectName("export_person_action")
        self.export_person_action.triggered.connect(self.export_person)
        self.erase_person_action = self.consent_menu.addAction("E&rase them…")
        self.erase_person_action.setObjectName("erase_person_action")
        self.erase_person_action.triggered.connect(self.erase_person)
        # Prepare drafts, Copy addresses, Write email: set by the window's Messages menu.
        self.message_actions: list[QAction | QMenu] = []
        self.filters = ApplicantFilters(self.proxy, self)
        self.filters.changed.connect(self.loaded.emit)
        self.filter_bar.insertWidget(0, self.filters)
        self.details_button = self.add_toggle(
            "Details",
            "details_button",
            "Show or hide the panel about the selected person",
            self._toggle_panel,
            checked=True,
        )
        self.summary_line = StrandSummaryLine(self)
        self.panel = PersonPanel(self)
        self.panel.consent_change.connect(self._consent_clicked)
        self.splitter = self.panel_beside_table(self.panel, self.PANEL_WIDTH)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.splitterMoved.connect(self._splitter_moved)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout), "RecordTab lays its parts out in a column"
        layout.insertWidget(1, self.summary_line)
        self._detail_request = 0
        self._detail_timer = self.when_selection_settles(self.load_detail)

    # Loading -------------------------------------------------------------------

    def reload(self) -> None:
        """Load the rows and the strand counts again, in one op off the GUI thread."""
        if self.programme_file is None or self.programme is None:
            return
        programme_id = self.programme.id
        self.run(lambda s: _load_tab(s, programme_id), self._show_data)

    def _show_data(self, data: ApplicantsData) -> None:
        self.summary_line.show_summaries(data.summaries)
        self.filters.set_strands([s.name for s in data.summaries])
        # After a reload (a status change, an edit) the same applications stay selected.
        kept = self.selected_keys(_APPLICATION_ID)
        self.model.set_ladder(data.ladder)
        self._show_rows(data.rows)
        self.select_keys(_APPLICATION_ID, *kept)
        self._detail_timer.start()

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[ApplicantRow]:
        return applicants.applicant_rows(session, programme.id)

    def clear(self) -> None:
        self._detail_request += 1
        super().clear()
        self.filters.reset()
        self.filters.set_strands([])
        self.summary_line.show_summaries([])
        self.panel.show_nothing()

    # The detail panel ------------------------------------------------------------

    def panel_open(self) -> bool:
        """Whether the detail panel is shown (not hidden, not collapsed)."""
        return self.details_button.isChecked() and self.splitter.sizes()[1] > 0

    def load_detail(self) -> None:
        """Show the person behind the current row, loaded off the GUI thread."""
        row = self.current_row()
        if row is None or self.programme_file is None:
            self._detail_request += 1
            self.panel.show_nothing()
            return
        if not self.panel_open():
            return
        self._detail_request += 1
        request = self._detail_request
        person_id = row.person_id
        programme_id = self.programme.id if self.programme else None
        run_op(
            self.programme_file,
            lambda s: (
                applicants.person_detail(s, person_id),
                log_rows(s, programme_id, person_id=person_id) if programme_id else [],
                shown_application(s, row),
            ),
            parent=self,
            on_success=lambda loaded: self._show_detail(request, *loaded),
            # The person was deleted meanwhile: the reload that follows clears the panel.
            on_failure=lambda _error: None,
        )

    def _show_detail(
        self,
        request: int,
        detail: PersonDetail,
        messages: list[LogRow],
        shown: ShownApplication,
    ) -> None:
        if request == self._detail_request:
            self.panel.show_detail(detail, messages, shown)
            self.detail_shown.emit(detail.person_id)

    def _toggle_panel(self, shown: bool) -> None:
        self.panel.setVisible(shown)
        if shown:
            if self.splitter.sizes()[1] == 0:
                total = sum(self.splitter.sizes())
                self.splitter.setSizes([total - self.PANEL_WIDTH, self.PANEL_WIDTH])
            self.load_detail()

    def _splitter_moved(self, _position: int, _index: int) -> None:
        collapsed = self.splitter.sizes()[1] == 0
        if collapsed == self.details_button.isChecked():
            self.details_button.blockSignals(True)
            self.details_button.setChecked(not collapsed)
            self.details_button.blockSignals(False)
        if not collapsed and self.panel.person_id is None:
            self.load_detail()

    # Actions ---------------------------------------------------------------------

    def add_dialog(self) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: load_form_data(s, programme_id),
            lambda data: self._open(data, lambda s, v: applicants.add_applicant(s, *v)),
        )

    def edit_dialog(self, row: ApplicantRow) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: _load_for_edit(s, programme_id, row),
            lambda data: self._open(
                data, lambda s, v: applicants.update_applicant(s, row.application_id, *v)
            ),
        )

    def _open(self, data: ApplicantFormData, save: Save, title: str | None = None) -> None:
        assert self.programme_file is not None
        dialog = ApplicantDialog(self, self.programme_file, save, data)
        if title is not None:
            dialog.setWindowTitle(title)
        self.show_dialog(dialog)

    def draft_form_data(
        self, session: Session, programme_id: int, values: Any
    ) -> ApplicantFormData:
        person, application = values
        return load_form_data(session, programme_id, None, person, application)

    def open_draft(self, data: ApplicantFormData, values: Any, save: Save, title: str) -> None:
        self._open(data, save, title)

    def delete_rows(self, session: Session, rows: list[ApplicantRow]) -> None:
        for row in rows:
            applicants.delete_application(session, row.application_id)

    def set_status(self, status: ApplicationStatus) -> None:
        """Move the selected applications to ``status`` (a bulk action)."""
        ids = [r.application_id for r in self.selected_rows()]
        if ids:
            self.run(
                lambda s: applicants.set_application_status(s, ids, status),
                lambda _changed: self._changed(),
            )

    def extra_actions(self) -> list[QAction | QMenu]:
        return [
            self.status_menu,
            self.import_action,
            self.copy_email_action,
            self.consent_menu,
            *self.message_actions,
        ]

    def set_consent(self, given: bool, person_ids: Sequence[int] | None = None) -> None:
        """Record that the selected people (or these) gave, or withdrew, their consent today."""
        if person_ids is None:
            person_ids = list(dict.fromkeys(r.person_id for r in self.selected_rows()))
        if not person_ids:
            return
        ids, today = list(person_ids), dt.date.today()
        change = give_consent if given else withdraw_consent
        self.run(lambda s: [change(s, i, today) for i in ids], lambda _done: self._changed())

    def _consent_clicked(self, given: bool) -> None:
        if self.panel.person_id is not None:
            self.set_consent(given, [self.panel.person_id])

    def export_person(self) -> None:
        """Ask where, then write everything about the current applicant (.xlsx and PDF)."""
        row = self.current_row()
        if row is None or self.programme_file is None:
            return
        path = ask_export_path(self, row.name)
        if path is not None:
            export_person_data(self, self.programme_file, row.email, path)

    def erase_person(self) -> None:
        """Erase the current applicant and everything linked to them, after asking."""
        row = self.current_row()
        if row is None or self.programme_file is None:
            return
        ask_to_erase(self, self.programme_file, row.email, row.name, lambda _s: self._changed())

    def copy_email(self) -> None:
        """Copy the current applicant's email, hidden from clipboard histories and cleared soon."""
        row = self.current_row()
        if row is not None and row.email:
            copy_sensitive(row.email)
