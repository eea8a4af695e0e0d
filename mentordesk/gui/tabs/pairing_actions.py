"""The Pairings tab's work beyond the table: details, pairing by hand, statuses, waitlist, rules.

``PairingActions`` gives the tab its details panel and the actions on the
selected pairings; the tab lays them out beside its own (propose, publish,
reject). It works on the tab through ``RecordTab``'s public interface and tells
the tab what happened by its signals, never by the tab's own methods. Every
change runs through a service on the worker thread; the matching package
(which loads SciPy) is imported there only.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import MentorResponse, PairingStatus
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.ops import run_op
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.pairing_by_hand import (
    HandValues,
    OverrideDialog,
    PairByHandDialog,
    Rematching,
    load_choices,
)
from mentordesk.gui.tabs.pairing_details import CheckInDialog, CheckInValues, PairingDetails
from mentordesk.gui.tabs.pairing_rules_dialog import (
    MatchingRulesDialog,
    RulesFormData,
    RulesValues,
    load_rules_form,
)
from mentordesk.gui.tabs.pairing_status import (
    ASKING,
    StatusDialog,
    answer_open_to,
    enable_statuses,
    response_menu,
    status_menu,
    statuses_open_to,
)
from mentordesk.gui.tabs.pairing_waitlist import WaitlistDialog
from mentordesk.gui.tabs.propose_dialog import (
    CirclesDialog,
    CirclesProposed,
    circles_html,
    propose_circles,
    propose_pairings,
    show_message,
)
from mentordesk.services import pairings
from mentordesk.services.pairing_detail import PairingDetail, pairing_detail
from mentordesk.services.pairings import PairingRow, StatusChange
from mentordesk.services.programmes import StrandChoice, strand_choices

if TYPE_CHECKING:
    from mentordesk.services.matching.by_hand import HandChoices, RuleCheck


def _check_swap(session: Session, programme_id: int, first: int, second: int) -> RuleCheck:
    from mentordesk.services.matching.by_hand import check_swap

    return check_swap(session, programme_id, first, second)


def _swap(session: Session, programme_id: int, first: int, second: int, reason: str) -> None:
    from mentordesk.services.matching.by_hand import swap_mentors

    swap_mentors(session, programme_id, first, second, reason)


def _answer(session: Session, ids: list[int], response: MentorResponse) -> int:
    from mentordesk.services.matching.waitlist import record_mentor_response

    return record_mentor_response(session, ids, response)


#: What tells one pairing from another when the selection is kept over a reload.
_PAIRING_ID = operator.attrgetter("pairing_id")


class PairingActions(QObject):
    """The details panel and the actions on the selected pairings of the Pairings tab.

    Attributes:
        tab: the Pairings tab, as a record tab of pairings.
        panel: the details of the current pairing, for the tab to show beside its table.
        training_only: the filter showing pairings with someone missing a training.
        circles_action, by_hand_action, swap_action, rematch_action, check_in_action,
        waitlist_action, rules_action: the actions.
        status_menu, answer_menu: set the status, record the mentor's answer.
        dialog: the dialog or report opened last by these actions, while open.

    Signals:
        changed: pairings were changed; the tab reloads and tells the other tabs.
        drafts_proposed: circles were proposed as drafts; the tab shows its drafts.
        matched: the engine proposed pairings for the waitlist (carries the ``MatchResult``).
    """

    changed = Signal()
    drafts_proposed = Signal()
    matched = Signal(object)

    def __init__(self, tab: RecordTab[PairingRow]) -> None:
        super().__init__(tab)
        self.tab = tab
        self.dialog: QWidget | None = None
        self._detail_request = 0
        self._kept: list[int] = []
        self.circles_action = tab.new_action(
            "Propose &circles…", "propose_circles_action", self.propose_circles
        )
        self.circles_action.setToolTip("Group a group strand's mentees in circles, as drafts")
        self.by_hand_action = tab.new_action(
            "Pair by &hand…", "pair_by_hand_action", self.pair_by_hand
        )
        self.by_hand_action.setToolTip(
            "Choose a mentor and a mentee (or a circle's members); broken rules need a reason"
        )
        self.swap_action = tab.new_action("S&wap mentors", "swap_action", self.swap)
        self.swap_action.setToolTip(
            "Give two selected draft or proposed pairings each other's mentor"
        )
        self.rematch_action = tab.new_action("Re-&match…", "rematch_action", self.rematch)
        self.rematch_action.setToolTip("Give the selected pairing's mentee a new mentor")
        self.check_in_action = tab.new_action(
            "Record check-&in…", "record_check_in_action", self.record_check_in
        )
        self.waitlist_action = tab.new_action("&Waitlist…", "waitlist_action", self.show_waitlist)
        self.waitlist_action.setToolTip("Mentees waiting for a mentor, in the order offered one")
        self.rules_action = tab.new_action(
            "Matching &rules…", "matching_rules_action", self.edit_rules
        )
        self.rules_action.setToolTip(
            "Mentor capacity, grade gap, field preference, weights and fixed or blocked pairs"
        )
        self.status_menu = status_menu(tab, self.set_status)
        self.answer_menu = response_menu(tab, self.record_answer)
        self.training_only = tab.add_toggle(
            "Training missing",
            "training_only",
            "Show only the pairings under way where someone has not completed a required training",
            self._show_training_only,
        )
        self.panel = PairingDetails(tab)
        self.panel.record_requested.connect(self.record_check_in)
        self.panel.reopen = self.reopen
        self._detail_timer = tab.when_selection_settles(self.load_detail)
        tab.view.selectionModel().selectionChanged.connect(lambda *_args: self.update_enabled())
        tab.loaded.connect(self._loaded)
        self.update_enabled()

    def actions(self) -> list[QAction | QMenu]:
        """The actions for the tab's menus, in order."""
        return [
            self.circles_action,
            self.by_hand_action,
            self.swap_action,
            self.status_menu,
            self.answer_menu,
            self.rematch_action,
            self.check_in_action,
            self.waitlist_action,
            self.rules_action,
        ]

    def menus(self) -> list[QMenu]:
        """The submenus among the actions."""
        return [self.status_menu, self.answer_menu]

    # Selection, loading and the panel -------------------------------------------------

    def update_enabled(self) -> None:
        """Offer only what the selected pairings allow."""
        rows = self.tab.selected_rows() if self.tab.programme_file else []
        swappable = len(rows) == 2 and all(
            r.draft or r.status is PairingStatus.PROPOSED for r in rows
        )
        self.swap_action.setEnabled(swappable)
        rematchable = len(rows) == 1 and PairingStatus.REMATCHED in statuses_open_to(rows)
        self.rematch_action.setEnabled(rematchable)
        enable_statuses(self.status_menu, rows)
        self.status_menu.setEnabled(bool(statuses_open_to(rows)))
        self.answer_menu.setEnabled(answer_open_to(rows))
        self.check_in_action.setEnabled(
            self.panel.detail is not None and bool(self.panel.detail.check_ins)
        )

    def _loaded(self) -> None:
        # After a reload, the same pairings stay selected and the panel shows the current one.
        kept, self._kept = self._kept, []
        if kept:
            self.select(kept)
        self.update_enabled()
        self._detail_timer.start()

    def select(self, pairing_ids: list[int]) -> None:
        """Select these pairings (those shown), the first one current."""
        first = pairing_ids[0] if pairing_ids else None
        self.tab.select_keys(_PAIRING_ID, pairing_ids, first)

    def keep_selection(self) -> None:
        """Select the same pairings again once the table has reloaded."""
        ids, current = self.tab.selected_keys(_PAIRING_ID)
        if current in ids:
            ids.remove(current)
            ids.insert(0, current)
        self._kept = ids

    def load_detail(self) -> None:
        """Show the current pairing in the panel, loaded off the GUI thread."""
        tab = self.tab
        row = tab.current_row()
        self._detail_request += 1
        if row is None or tab.programme_file is None or tab.programme is None:
            self.panel.show_nothing()
            self.update_enabled()
            return
        request, pairing_id, programme_id = self._detail_request, row.pairing_id, tab.programme.id
        run_op(
            tab.programme_file,
            lambda s: pairing_detail(s, pairing_id, programme_id),
            parent=tab,
            on_success=lambda detail: self._show_detail(request, detail),
            # The pairing was deleted meanwhile: the reload that follows clears the panel.
            on_failure=lambda _error: None,
        )

    def _show_detail(self, request: int, detail: PairingDetail) -> None:
        if request == self._detail_request and self.tab.programme_file is not None:
            self.panel.show_detail(detail)
            self.update_enabled()

    def clear(self) -> None:
        """Forget everything shown (the file is closing or locking)."""
        self._detail_request += 1
        self._kept = []
        self.panel.show_nothing()
        self.training_only.setChecked(False)
        self.update_enabled()

    def _show_training_only(self, checked: bool) -> None:
        self.tab.proxy.set_filter("training", True if checked else None)
        self.tab.loaded.emit()

    # Running -------------------------------------------------------------------------

    def _run(self, work: Callable[[Session], Any], on_success: Callable[[Any], None]) -> None:
        self.tab.run(work, on_success)

    def _changed(self, _result: object = None) -> None:
        self.keep_selection()
        self.changed.emit()

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.destroyed.connect(lambda: self._forget(dialog))
        if isinstance(dialog, QDialog):
            dialog.open()

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _report(self, name: str, title: str, html: str, warn: bool) -> None:
        self._open(show_message(self.tab, name, title, html, warn))

    # Proposing -----------------------------------------------------------------------

    def propose_circles(self) -> None:
        """Ask for the group strand and circle size, then propose circles as drafts."""
        if self.tab.programme is None:
            return
        programme_id = self.tab.programme.id
        self._run(lambda s: strand_choices(s, programme_id), self._open_circles_dialog)

    def _open_circles_dialog(self, strands: list[StrandChoice]) -> None:
        dialog = CirclesDialog(self.tab, strands)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.propose_circles_with(dialog.strand_id(), dialog.size.value())
        )
        self._open(dialog)

    def propose_circles_with(self, strand_id: int | None, size: int) -> None:
        """Form circles of at most ``size`` in a group strand and save them as drafts."""
        tab = self.tab
        if strand_id is None or tab.programme_file is None or tab.programme is None:
            return
        propose_circles(
            parent=tab,
            programme_file=tab.programme_file,
            programme_id=tab.programme.id,
            strand_id=strand_id,
            size=size,
            on_success=self._circles_proposed,
        )

    def _circles_proposed(self, proposed: CirclesProposed) -> None:
        self.drafts_proposed.emit()
        self._report(
            "circles_message",
            "Circles proposed",
            circles_html(proposed),
            bool(proposed.result.unplaced),
        )

    def show_waitlist(self) -> None:
        """Open the waitlist."""
        tab = self.tab
        if tab.programme_file is None or tab.programme is None:
            return
        dialog = WaitlistDialog(tab, tab.programme_file, tab.programme.id)
        dialog.changed.connect(self.changed)
        dialog.propose_requested.connect(lambda: self.propose_for_waitlist(dialog))
        self._open(dialog)
        dialog.reload()

    def propose_for_waitlist(self, dialog: WaitlistDialog | None = None) -> None:
        """Propose mentors for the waitlisted mentees only, first on the waitlist first."""
        tab = self.tab
        if tab.programme_file is None or tab.programme is None:
            return
        if dialog is not None:
            dialog.close()
        propose_pairings(
            parent=tab,
            programme_file=tab.programme_file,
            programme_id=tab.programme.id,
            mode="optimal",
            strand_id=None,
            on_success=self.matched.emit,
            waitlisted_only=True,
        )

    # Pairing by hand, swapping, re-matching -------------------------------------------

    def pair_by_hand(self) -> None:
        """Open the form to pair a mentee (or a circle) with a mentor by hand."""
        tab = self.tab
        if tab.programme is None:
            return
        programme_id = tab.programme.id
        self._run(lambda s: load_choices(s, programme_id), self._open_by_hand)

    def _open_by_hand(self, choices: HandChoices) -> PairByHandDialog | None:
        tab = self.tab
        if tab.programme_file is None or tab.programme is None:
            return None
        programme_id = tab.programme.id

        def save(session: Session, values: HandValues) -> int:
            from mentordesk.services.matching.by_hand import pair_by_hand

            return pair_by_hand(session, programme_id, values.pairing)

        dialog = PairByHandDialog(self.panel, tab.programme_file, programme_id, save, choices)
        self._show(dialog)
        return dialog

    def _select_after_reload(self, pairing_id: object) -> None:
        if isinstance(pairing_id, int):
            self._kept = [pairing_id]

    def rematch(self) -> None:
        """Give the selected pairing's mentees a new mentor, checked against the rules."""
        tab = self.tab
        rows = tab.selected_rows()
        if len(rows) != 1 or tab.programme is None:
            return
        row, programme_id = rows[0], tab.programme.id

        def load(session: Session) -> tuple[HandChoices, Rematching]:
            pairing = pairings.pairing_input(session, row.pairing_id)
            fixed = Rematching(
                row.pairing_id, pairing.strand_id, pairing.mentor_id, tuple(pairing.mentee_ids)
            )
            return load_choices(session, programme_id), fixed

        self._run(load, lambda loaded: self._open_rematch(*loaded))

    def _open_rematch(self, choices: HandChoices, fixed: Rematching) -> PairByHandDialog | None:
        tab = self.tab
        if tab.programme_file is None or tab.programme is None:
            return None
        programme_id = tab.programme.id

        def save(session: Session, values: HandValues) -> int:
            from mentordesk.services.matching.by_hand import rematch

            data = values.pairing
            return rematch(
                session,
                programme_id,
                fixed.pairing_id,
                data.mentor_id,
                data.override_reason,
            )

        dialog = PairByHandDialog(
            self.panel, tab.programme_file, programme_id, save, choices, rematching=fixed
        )
        self._show(dialog)
        return dialog

    def _show(self, dialog: RecordDialog) -> None:
        # A form saving a new pairing selects it once the table has reloaded.
        dialog.saved.connect(self._select_after_reload)
        self.tab.show_dialog(dialog)

    def swap(self) -> None:
        """Swap the mentors of the two selected pairings; a broken rule asks for a reason."""
        tab = self.tab
        rows = tab.selected_rows()
        if len(rows) != 2 or tab.programme is None:
            return
        programme_id = tab.programme.id
        first, second = rows[0].pairing_id, rows[1].pairing_id
        self._run(
            lambda s: _check_swap(s, programme_id, first, second),
            lambda check: self._swap_checked(first, second, check),
        )

    def _swap_checked(self, first: int, second: int, check: RuleCheck) -> None:
        if check.broken:
            dialog = OverrideDialog(
                self.tab,
                "Swap mentors",
                check,
                lambda reason: self.swap_with(first, second, reason),
            )
            self._open(dialog)
        else:
            self.swap_with(first, second, "")

    def swap_with(self, first: int, second: int, reason: str) -> None:
        """Swap the mentors of two pairings (the reason kept if a rule is broken)."""
        if self.tab.programme is None:
            return
        programme_id = self.tab.programme.id
        self.keep_selection()
        self._run(lambda s: _swap(s, programme_id, first, second, reason), self._changed)

    # Statuses, answers, check-ins --------------------------------------------------------

    def set_status(self, status: PairingStatus) -> None:
        """Move the selected pairings to ``status``, asking what it needs first."""
        rows = self.tab.selected_rows()
        if not rows:
            return
        if status in ASKING or status in (PairingStatus.ACTIVE, PairingStatus.COMPLETED):
            dialog = StatusDialog(
                self.tab, status, len(rows), lambda change: self.change_status(rows, change)
            )
            self._open(dialog)
        else:
            self.change_status(rows, StatusChange(status, dt.date.today()))

    def change_status(self, rows: list[PairingRow], change: StatusChange) -> None:
        """Apply a status change to these pairings (all or none; a refusal is shown)."""
        ids = [r.pairing_id for r in rows]
        self.keep_selection()
        self._run(lambda s: pairings.change_status(s, ids, change), self._changed)

    def record_answer(self, response: MentorResponse) -> None:
        """Record the mentors' answer to the selected proposals (a decline is confirmed first)."""
        rows = self.tab.selected_rows()
        if not answer_open_to(rows):
            return
        if response is not MentorResponse.DECLINED:
            self.answer_with(rows, response)
            return
        noun = "this proposal" if len(rows) == 1 else f"these {len(rows)} proposals"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Mentor declined",
            f"Record that the mentor declined {noun}? The proposal ends, and its mentee goes "
            "back first on the waitlist, to be offered another mentor.",
            parent=self.tab,
        )
        box.setObjectName("decline_question")
        declined = box.addButton("Record the decline", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(
            lambda button: self.answer_with(rows, response) if button is declined else None
        )
        self._open(box)

    def answer_with(self, rows: list[PairingRow], response: MentorResponse) -> None:
        """Record ``response`` on these proposals."""
        ids = [r.pairing_id for r in rows]
        self.keep_selection()
        self._run(lambda s: _answer(s, ids, response), self._changed)

    def record_check_in(self) -> None:
        """Open the check-in form for the pairing shown in the panel."""
        detail, tab = self.panel.detail, self.tab
        if detail is None or not detail.check_ins or tab.programme_file is None:
            return
        self.keep_selection()
        tab.show_dialog(
            CheckInDialog(self.panel, tab.programme_file, detail.pairing_id, detail.check_ins)
        )

    # Rules -------------------------------------------------------------------------------

    def edit_rules(self) -> None:
        """Open the programme's matching rules."""
        tab = self.tab
        if tab.programme is None:
            return
        programme_id = tab.programme.id
        self._run(
            lambda s: load_rules_form(s, programme_id),
            lambda data: self._open_rules(programme_id, data),
        )

    def _open_rules(self, programme_id: int, data: RulesFormData) -> MatchingRulesDialog | None:
        if self.tab.programme_file is None:
            return None
        dialog = MatchingRulesDialog(self.panel, self.tab.programme_file, programme_id, data)
        self.tab.show_dialog(dialog)
        return dialog

    # After a lock ------------------------------------------------------------------------

    def reopen(self, title: str, values: Any, save: Save) -> bool:
        """Reopen a form of these actions with what it held when the window locked."""
        tab = self.tab
        if tab.programme is None:
            return False
        programme_id = tab.programme.id
        if isinstance(values, HandValues):
            fixed = values.rematching

            def reopen_by_hand(choices: HandChoices) -> None:
                if fixed is None:
                    dialog = self._open_by_hand(choices)
                else:
                    dialog = self._open_rematch(choices, fixed)
                if dialog is not None:
                    dialog.set_values(values)

            self._run(lambda s: load_choices(s, programme_id), reopen_by_hand)
            return True
        if isinstance(values, CheckInValues):

            def reopen_check_in(detail: PairingDetail) -> None:
                if tab.programme_file is not None:
                    dialog = CheckInDialog(
                        self.panel, tab.programme_file, detail.pairing_id, detail.check_ins
                    )
                    dialog.set_values(values)
                    tab.show_dialog(dialog)

            pairing_id = values.pairing_id
            self._run(lambda s: pairing_detail(s, pairing_id, programme_id), reopen_check_in)
            return True
        if isinstance(values, RulesValues):

            def reopen_rules(data: RulesFormData) -> None:
                dialog = self._open_rules(programme_id, data)
                if dialog is not None:
                    dialog.set_values(values)

            self._run(lambda s: load_rules_form(s, programme_id), reopen_rules)
            return True
        return False
