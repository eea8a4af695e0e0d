"""Proposing pairings: the choice of mode and strand, the run itself, and who was left out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from mentordesk.domain.enums import StrandFormat
from mentordesk.gui.form_values import combo_value, fill_combo
from mentordesk.gui.forms.ui_propose import Ui_ProposeForm
from mentordesk.gui.ops import Op, Progress, run_long_op
from mentordesk.services.programmes import StrandChoice
from mentordesk.store.programme_file import ProgrammeFile

if TYPE_CHECKING:
    # The engine loads SciPy: imported when a run starts, never at startup.
    from mentordesk.services.matching import MatchResult

#: The engine's modes offered, by the name ``MatchResult.mode`` gives them.
MODE_LABELS = {
    "optimal": "Optimal: the highest total score",
    "stable": "Stable: no mentee and mentor would rather swap",
}


class ProposeDialog(QDialog):
    """Choose how to propose pairings: the engine's mode, and one strand or every one-to-one one."""

    def __init__(self, parent: QWidget | None, strands: Sequence[StrandChoice]) -> None:
        super().__init__(parent)
        self.ui = Ui_ProposeForm()
        self.ui.setupUi(self)
        fill_combo(self.ui.mode, ((text, mode) for mode, text in MODE_LABELS.items()))
        one_to_one = [s for s in strands if s.format is StrandFormat.ONE_TO_ONE]
        # Group strands meet in circles, which the pairing engine does not form.
        fill_combo(
            self.ui.strand,
            [("All one-to-one strands", None), *((s.name, s.id) for s in one_to_one)],
        )

    def mode(self) -> str:
        """The chosen mode: ``optimal`` or ``stable``."""
        return str(combo_value(self.ui.mode))

    def strand_id(self) -> int | None:
        """The chosen strand, or None for every one-to-one strand."""
        value = combo_value(self.ui.strand)
        return None if value is None else int(value)


def propose_pairings(
    *,
    parent: QWidget,
    programme_file: ProgrammeFile,
    programme_id: int,
    mode: str,
    strand_id: int | None,
    on_success: Callable[[MatchResult], None],
) -> Op:
    """Run the engine and save its proposals as drafts, off the GUI thread."""

    def work(progress: Progress) -> MatchResult:
        from mentordesk.services.matching import (
            load_candidates,
            match_optimal,
            match_stable,
            save_proposals,
        )

        match = match_stable if mode == "stable" else match_optimal
        with programme_file.session() as session:
            pool = load_candidates(session, programme_id, strand_id)
            progress.check()
            result = match(pool)
            progress.check()
            save_proposals(session, programme_id, result.proposals)
            return result

    return run_long_op(work, parent=parent, label="Proposing pairings…", on_success=on_success)


def result_html(result: MatchResult) -> str:
    """What a run proposed, and each mentee it left without a mentor with the reason."""
    count = len(result.proposals)
    noun = "proposal" if count == 1 else "proposals"
    parts = [
        f"<p>{count} draft {noun} saved ({escape(result.mode)} mode). "
        "Nobody sees them until you publish them.</p>"
    ]
    if result.unmatched:
        left = len(result.unmatched)
        mentees = "mentee was" if left == 1 else "mentees were"
        items = "".join(
            f"<li>{escape(u.mentee.name)}: {escape(u.reason)}</li>" for u in result.unmatched
        )
        parts.append(f"<p>{left} {mentees} left without a mentor:</p><ul>{items}</ul>")
    else:
        parts.append("<p>Every mentee waiting for a mentor has a proposal.</p>")
    return "".join(parts)


def show_result(parent: QWidget, result: MatchResult) -> QMessageBox:
    """Show a run's outcome over ``parent`` (window-modal, without blocking)."""
    box = QMessageBox(parent)
    box.setObjectName("proposals_message")
    box.setWindowTitle("Pairings proposed")
    box.setIcon(QMessageBox.Icon.Warning if result.unmatched else QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(result_html(result))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
