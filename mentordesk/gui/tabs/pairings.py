"""The Pairings tab: who mentors whom, proposals to publish, and check-ins to follow up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.errors import InvalidInput
from mentordesk.gui.dialogs import Save
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.pairing_actions import PairingActions
from mentordesk.gui.tabs.pairing_dialog import PairingDialog, PairingFormData
from mentordesk.gui.tabs.pairing_table import PairingsTableModel
from mentordesk.gui.tabs.propose_dialog import ProposeDialog, propose_pairings, show_result
from mentordesk.services import pairings
from mentordesk.services.applicants import person_choices
from mentordesk.services.pairings import PairingInput, PairingRow
from mentordesk.services.programmes import ProgrammeSummary, StrandChoice, strand_choices

if TYPE_CHECKING:
    from mentordesk.services.matching import MatchResult

#: How wide the details panel beside the table opens, in pixels.
PANEL_WIDTH = 400


@dataclass(frozen=True)
class CheckInPlan:
    """What planning check-ins did: dates added, and the pairings refused with the reason."""

    added: int
    pairings: int
    refused: list[tuple[str, str]]


def _load_rows(
    session: Session, programme_id: int, attention: bool, today: dt.date
) -> list[PairingRow]:
    rows = pairings.pairing_rows(session, programme_id, today=today)
    if not attention:
        return rows
    overdue = {o.pairing_id for o in pairings.overdue_check_ins(session, programme_id, today)}
    overdue.update(pairings.overdue_responses(session, programme_id, today))
    return [r for r in rows if r.pairing_id in overdue]


def _plan_check_ins(session: Session, rows: list[PairingRow]) -> CheckInPlan:
    added, planned, refused = 0, 0, []
    for row in rows:
        try:
            dates = pairings.schedule_check_ins(session, row.pairing_id)
        except InvalidInput as error:
            # Refused before anything changed: the other pairings are still planned.
            refused.append((row.name, error.message))
            continue
        added += len(dates)
        planned += bool(dates)
    return CheckInPlan(added, planned, refused)


def plan_html(plan: CheckInPlan) -> str:
    """What planning check-ins did, with each refusal (values escaped)."""
    noun = "check-in" if plan.added == 1 else "check-ins"
    text = f"<p>{plan.added} {noun} planned"
    if plan.added:
        text += f" in {plan.pairings} pairing{'' if plan.pairings == 1 else 's'}"
    text += ".</p>"
    if plan.refused:
        items = "".join(f"<li>{escape(name)}: {escape(why)}</li>" for name, why in plan.refused)
        text += f"<p>Not planned:</p><ul>{items}</ul>"
    return text


def _publish_drafts(session: Session, pairing_ids: list[int]) -> int:
    # Imported here: the matching package loads SciPy, which startup must not wait for.
    from mentordesk.services.matching.proposals import publish_pairings

    return publish_pairings(session, pairing_ids)


def _reject_drafts(session: Session, pairing_ids: list[int]) -> None:
    for pairing_id in pairing_ids:
        pairings.delete_pairing(session, pairing_id)


def checked(programme_id: int, save: Save, pairing_id: int | None = None) -> Save:
    """``save``, run only once the pairing passes the programme's hard rules."""

    def run(session: Session, values: PairingInput) -> Any:
        from mentordesk.services.matching.by_hand import check_form_pairing

        check_form_pairing(session, programme_id, values, pairing_id)
        return save(session, values)

    return run


class PairingsTab(RecordTab[PairingRow]):
    """Mentoring relationships of the programme, one line per pairing or circle.

    Draft proposals from the matching engine show in italics with the status
    "Draft" until they are published or rejected. Beside the table, the details of
    the current pairing; above it, the actions of ``more_actions`` (pairing by
    hand, swapping, statuses, mentors' answers, the waitlist and the rules).

    Attributes:
        drafts_only: the filter showing draft proposals only.
        more_actions: the details panel, the tool bar and the actions beyond proposals.
        propose_action, publish_action, reject_action: the actions on proposals.
        proposals_message: the box reporting the last run of the engine, while open.

    Signals:
        proposed: the engine's proposals were saved (carries the ``MatchResult``).
    """

    TITLE = "Pairings"
    REOPENS_DRAFTS = True
    NOUN = ("pairing", "pairings")
    EMPTY_HINT = (
        "Accept applications in the Applicants tab, then choose Propose "
        "pairings… or Pair by hand… (Edit menu)."
    )
    COLUMN_WIDTHS = (22, 10, 11, 16, 11, 13, 11, 30, 60)

    proposed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PairingsTableModel(), parent)
        self.propose_dialog: ProposeDialog | None = None
        self.proposals_message: QMessageBox | None = None
        self.drafts_only = QCheckBox("Show &drafts only", self)
        self.drafts_only.setObjectName("drafts_only")
        self.drafts_only.setToolTip("Show only the proposals not yet published")
        self.drafts_only.toggled.connect(self._show_drafts_only)
        self.filter_bar.addWidget(self.drafts_only)
        self.propose_action = self.new_action("&Propose pairings…", "propose_action", self.propose)
        self.publish_action = self.new_action(
            "P&ublish selected drafts", "publish_action", self.publish_selected
        )
        self.publish_action.setToolTip("Make the selected draft proposals visible")
        self.reject_action = self.new_action(
            "&Reject selected drafts", "reject_action", self.reject_selected
        )
        self.reject_action.setToolTip("Delete the selected draft proposals")
        self.plan_action = self.new_action(
            "Plan &check-ins", "plan_check_ins_action", self.plan_check_ins
        )
        self.plan_action.setToolTip(
            "Add check-ins to the selected pairings: 4 weeks after the start, then every"
            " 8 weeks until the review (or the end)"
        )
        self.plan_message: QMessageBox | None = None
        # Prepare drafts, Copy addresses, Write email: set by the window's Messages menu.
        self.message_actions: list[QAction | QMenu] = []
        self.needs_attention = self.add_toggle(
            "Needs attention",
            "needs_attention",
            "Show only the pairings under way with a check-in past due, and the proposals"
            " whose mentor has not answered in time",
            lambda _checked: self.reload(),
        )
        self.more_actions = PairingActions(self)
        self.more_actions.changed.connect(self._changed)
        self.more_actions.drafts_proposed.connect(self._show_new_drafts)
        self.more_actions.matched.connect(self._proposed)
        self.splitter = self.panel_beside_table(self.more_actions.panel, PANEL_WIDTH)
        self.toolbar = self._toolbar()
        self.layout().insertWidget(1, self.toolbar)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar("Pairings", self)
        bar.setObjectName("pairings_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        more = self.more_actions
        bar.addActions([self.propose_action, more.circles_action, more.by_hand_action])
        bar.addSeparator()
        bar.addActions([self.publish_action, self.reject_action, more.swap_action])
        bar.addSeparator()
        for menu in more.menus():
            button = QToolButton(bar)
            button.setText(menu.title().replace("&", ""))
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setObjectName(f"{menu.objectName()}_button")
            bar.addWidget(button)
        bar.addAction(more.rematch_action)
        bar.addSeparator()
        bar.addActions([more.waitlist_action, more.rules_action])
        return bar

    def fetch_rows(self, session: Session, programme: ProgrammeSummary) -> list[PairingRow]:
        return pairings.pairing_rows(session, programme.id)

    def reload(self) -> None:
        """Load the rows again: every pairing, or those needing attention when that is on."""
        if self.programme_file is None or self.programme is None:
            return
        programme_id, attention = self.programme.id, self.needs_attention.isChecked()
        today = dt.date.today()
        self.run(lambda s: _load_rows(s, programme_id, attention, today), self._show_rows)

    def clear(self) -> None:
        super().clear()
        self.drafts_only.setChecked(False)
        self.needs_attention.blockSignals(True)
        self.needs_attention.setChecked(False)
        self.needs_attention.blockSignals(False)
        self.more_actions.clear()

    def status_text(self) -> str:
        if not self.needs_attention.isChecked():
            return super().status_text()
        count = self.proxy.rowCount()
        return f"{count} pairing{' needs' if count == 1 else 's need'} attention"

    def _show_rows(self, rows: list[PairingRow]) -> None:
        if self.drafts_only.isChecked() and not any(r.draft for r in rows):
            # No draft left (all published or rejected): the filter would show nothing.
            self.drafts_only.setChecked(False)
        super()._show_rows(rows)

    def _show_drafts_only(self, checked: bool) -> None:
        self.proxy.set_filter("draft", True if checked else None)
        self.loaded.emit()

    def add_dialog(self) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: PairingFormData(strand_choices(s, programme_id), person_choices(s)),
            lambda data: self._open(data, checked(programme_id, pairings.add_pairing)),
        )

    def edit_dialog(self, row: PairingRow) -> None:
        assert self.programme is not None
        programme_id = self.programme.id
        self.run(
            lambda s: PairingFormData(
                strand_choices(s, programme_id),
                person_choices(s),
                pairings.pairing_input(s, row.pairing_id),
            ),
            lambda data: self._open(
                data,
                checked(
                    programme_id,
                    lambda s, v: pairings.update_pairing(s, row.pairing_id, v),
                    row.pairing_id,
                ),
            ),
        )

    def _open(self, data: PairingFormData, save: Save, title: str | None = None) -> None:
        assert self.programme_file is not None
        dialog = PairingDialog(self, self.programme_file, save, data)
        if title is not None:
            dialog.setWindowTitle(title)
        self.show_dialog(dialog)

    def draft_form_data(
        self, session: Session, programme_id: int, values: PairingInput
    ) -> PairingFormData:
        return PairingFormData(
            strand_choices(session, programme_id), person_choices(session), values
        )

    def open_draft(
        self, data: PairingFormData, values: PairingInput, save: Save, title: str
    ) -> None:
        self._open(data, save, title)

    def delete_rows(self, session: Session, rows: list[PairingRow]) -> None:
        for row in rows:
            pairings.delete_pairing(session, row.pairing_id)

    # Proposals -----------------------------------------------------------------

    def propose(self) -> None:
        """Ask for the mode and strand, then propose pairings as drafts."""
        if self.programme is None:
            return
        programme_id = self.programme.id
        self.run(lambda s: strand_choices(s, programme_id), self._open_propose_dialog)

    def _open_propose_dialog(self, strands: list[StrandChoice]) -> None:
        dialog = ProposeDialog(self, strands)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.propose_with(dialog.mode(), dialog.strand_id()))
        dialog.finished.connect(lambda _code: self._forget_propose_dialog(dialog))
        self.propose_dialog = dialog
        dialog.open()

    def _forget_propose_dialog(self, dialog: ProposeDialog) -> None:
        if self.propose_dialog is dialog:
            self.propose_dialog = None

    def propose_with(self, mode: str, strand_id: int | None) -> None:
        """Run the engine in ``mode`` on one strand (None: every one-to-one strand)."""
        if self.programme_file is None or self.programme is None:
            return
        propose_pairings(
            parent=self,
            programme_file=self.programme_file,
            programme_id=self.programme.id,
            mode=mode,
            strand_id=strand_id,
            on_success=self._proposed,
        )

    def _show_new_drafts(self) -> None:
        self.drafts_only.setChecked(True)
        self._changed()

    def _proposed(self, result: MatchResult) -> None:
        self._show_new_drafts()
        self.proposals_message = show_result(self, result)
        self.proposals_message.destroyed.connect(self._forget_message)
        self.proposed.emit(result)

    def _forget_message(self) -> None:
        self.proposals_message = None

    def selected_draft_ids(self) -> list[int]:
        """The selected rows that are draft proposals (others are left alone)."""
        return [r.pairing_id for r in self.selected_rows() if r.draft]

    def publish_selected(self) -> None:
        """Publish the selected draft proposals."""
        ids = self.selected_draft_ids()
        if ids:
            self.run(lambda s: _publish_drafts(s, ids), lambda _count: self._published())

    def _published(self) -> None:
        # The pairings just published are no longer drafts: show them, not an empty list.
        self.drafts_only.setChecked(False)
        self._changed()

    def reject_selected(self) -> None:
        """Delete the selected draft proposals (nobody has seen them yet)."""
        ids = self.selected_draft_ids()
        if ids:
            self.run(lambda s: _reject_drafts(s, ids), lambda _result: self._changed())

    # Follow-up -------------------------------------------------------------------

    def plan_check_ins(self) -> None:
        """Plan check-ins for the selected pairings, then say what was planned or refused."""
        rows = self.selected_rows()
        if rows:
            self.run(lambda s: _plan_check_ins(s, rows), self._planned)

    def _planned(self, plan: CheckInPlan) -> None:
        self._changed()
        box = QMessageBox(self)
        box.setObjectName("plan_message")
        box.setWindowTitle("Check-ins planned")
        box.setIcon(QMessageBox.Icon.Warning if plan.refused else QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(plan_html(plan))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_plan_message)
        self.plan_message = box
        box.open()

    def _forget_plan_message(self) -> None:
        self.plan_message = None

    def extra_actions(self) -> list[QAction | QMenu]:
        return [
            self.propose_action,
            self.publish_action,
            self.reject_action,
            *self.more_actions.actions(),
            self.plan_action,
            *self.message_actions,
        ]
