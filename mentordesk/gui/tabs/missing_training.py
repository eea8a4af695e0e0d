"""Who has not yet completed the training required of them, with one action to invite them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.gui.dialogs import Save
from mentordesk.gui.ops import run_op
from mentordesk.gui.search_proxy import SearchProxy
from mentordesk.gui.table_models import RowTableModel, SortKey, date_key, enum_key
from mentordesk.gui.tabs.training_rules_dialog import RulesData, TrainingRulesDialog, load_rules
from mentordesk.gui.views import record_view
from mentordesk.services import training
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.services.training import MissingTraining, Requirement
from mentordesk.store.programme_file import ProgrammeFile

T = TypeVar("T")


class MissingTrainingModel(RowTableModel[MissingTraining]):
    """One line per person and training they still need."""

    NAME, EMAIL, ROLE, STRAND, TRAINING, NEXT, INVITED = range(7)
    HEADERS = ("Name", "Email", "Role", "Strand", "Training", "Next session", "Invited")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone = ZoneInfo("UTC")

    def cells(self, row: MissingTraining) -> tuple[str, ...]:
        if row.next_event_starts_at is None:
            following = "None planned"
        else:
            starts = row.next_event_starts_at.astimezone(self.timezone)
            following = (
                f"{starts:%a} {starts.date().isoformat()} {starts:%H:%M} · {row.next_event_title}"
            )
        invited = "" if row.next_event_id is None else ("Yes" if row.invited_to_next else "No")
        return (row.name, row.email, row.role.label, row.strand, row.kind.label, following, invited)

    def sort_keys(self, row: MissingTraining) -> tuple[SortKey, ...]:
        return (
            self.text_key(row.name),
            row.email,
            enum_key(row.role),
            self.text_key(row.strand),
            enum_key(row.kind),
            date_key(row.next_event_starts_at),
            int(row.invited_to_next),
        )


class MissingTrainingView(QWidget):
    """The "Still to be trained" page of the Training tab.

    Attributes:
        now: the moment "next session" is counted from; None means the clock's.
        model, proxy, view: the list of people and trainings.

    Signals:
        loaded: the list was (re)loaded.
        invited: people were invited (how many); the sessions' registers changed.
    """

    loaded = Signal()
    invited = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing_training")
        self.programme_file: ProgrammeFile | None = None
        self.programme: ProgrammeSummary | None = None
        self.now: dt.datetime | None = None
        self.rules_dialog: TrainingRulesDialog | None = None
        self.model = MissingTrainingModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_view(self, "missing_table")
        self.view.setModel(self.proxy)
        self.view.sortByColumn(MissingTrainingModel.NAME, Qt.SortOrder.AscendingOrder)
        self.summary = QLabel(self)
        self.summary.setObjectName("missing_summary")
        self.invite_button = QPushButton("Invite all to their next session", self)
        self.invite_button.setObjectName("invite_missing_button")
        self.invite_button.setToolTip(
            "Invite everyone listed to the next session of the training they need"
        )
        self.invite_button.clicked.connect(self.invite_all)
        self.rules_button = QPushButton("Training rules…", self)
        self.rules_button.setObjectName("training_rules_button")
        self.rules_button.setToolTip("Which training is required of whom")
        self.rules_button.clicked.connect(self.edit_rules)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.rules_button)
        bar.addWidget(self.invite_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def set_programme(
        self, programme_file: ProgrammeFile | None, programme: ProgrammeSummary | None
    ) -> None:
        """Work on this programme (None when the file is closed)."""
        self.programme_file = programme_file
        self.programme = programme
        if programme is not None:
            self.model.timezone = ZoneInfo(programme.timezone)
        self.model.set_rows([])

    def set_search(self, text: str) -> None:
        """Narrow the list as the tab's search box does."""
        self.proxy.set_search(text)

    def _run(self, work: Callable[..., T], on_success: Callable[[T], None]) -> None:
        """Run ``work(session, programme_id, now=now)`` off the GUI thread, if a file is open."""
        if self.programme_file is None or self.programme is None:
            return
        programme_id, now = self.programme.id, self.now
        run_op(
            self.programme_file,
            lambda s: work(s, programme_id, now=now),
            parent=self,
            on_success=on_success,
        )

    def reload(self) -> None:
        """Load who is missing training, off the GUI thread."""
        self._run(training.missing_training, self._show)

    def _show(self, rows: list[MissingTraining]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.view.resizeColumnsToContents()
        people = len({r.person_id for r in rows})
        to_invite = sum(r.next_event_id is not None and not r.invited_to_next for r in rows)
        if rows:
            self.summary.setText(
                f"{people} {'person has' if people == 1 else 'people have'} not completed "
                f"required training; {to_invite} can be invited to a session still to come."
            )
        else:
            self.summary.setText("Everyone has completed the training required of them.")
        self.invite_button.setEnabled(to_invite > 0)
        self.loaded.emit()

    def invite_all(self) -> None:
        """Invite everyone listed to the next session of the training they need."""
        self._run(training.invite_missing_to_next_sessions, self._invited)

    def _invited(self, count: int) -> None:
        self.summary.setText(f"{count} invitation(s) added.")
        self.invited.emit(count)
        self.reload()

    def edit_rules(self) -> None:
        """Open the training rules of the programme."""
        if self.programme_file is None or self.programme is None:
            return
        programme_id = self.programme.id
        run_op(
            self.programme_file,
            lambda s: load_rules(s, programme_id),
            parent=self,
            on_success=self._open_rules,
        )

    def _open_rules(self, data: RulesData) -> None:
        if self.programme_file is None or self.programme is None:
            return
        dialog = TrainingRulesDialog(self, self.programme_file, self.programme.id, data)
        self.rules_dialog = dialog
        dialog.saved.connect(lambda _result: self.reload())
        dialog.finished.connect(lambda _code: setattr(self, "rules_dialog", None))
        dialog.open()

    def can_reopen_draft(self) -> bool:
        return True

    def reopen_draft(self, title: str, values: list[Requirement], save: Save) -> None:
        """Reopen the training rules as they stood in the form when the window locked."""
        if self.programme_file is None or self.programme is None:
            return
        programme_id = self.programme.id
        run_op(
            self.programme_file,
            lambda s: replace(load_rules(s, programme_id), rules=values),
            parent=self,
            on_success=self._open_rules,
        )
