"""Proposing pairings and circles: the choices, the run itself, and who was left out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import StrandFormat
from mentordesk.gui.form_values import combo_value, fill_combo
from mentordesk.gui.forms.ui_propose import Ui_ProposeForm
from mentordesk.gui.ops import Op, Progress, run_long_op
from mentordesk.services.programmes import StrandChoice
from mentordesk.store.programme_file import ProgrammeFile

if TYPE_CHECKING:
    # The engine loads SciPy: imported when a run starts, never at startup.
    from mentordesk.services.matching import CircleResult, MatchResult

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
    waitlisted_only: bool = False,
) -> Op:
    """Run the engine and save its proposals as drafts, off the GUI thread.

    The mentees it leaves without a mentor join the waitlist. For the waitlist only,
    the other mentees' drafts are left as they are.
    """

    def work(progress: Progress) -> MatchResult:
        from mentordesk.services.matching import (
            load_candidates,
            match_optimal,
            match_stable,
            save_proposals,
        )

        match = match_stable if mode == "stable" else match_optimal
        with programme_file.session() as session:
            pool = load_candidates(
                session, programme_id, strand_id, waitlisted_only=waitlisted_only
            )
            progress.check()
            result = match(pool)
            progress.check()
            save_proposals(
                session,
                programme_id,
                result.proposals,
                unmatched=result.unmatched,
                only_mentees=[m.id for m in pool.mentees] if waitlisted_only else None,
            )
            return result

    label = "Proposing mentors for the waitlist…" if waitlisted_only else "Proposing pairings…"
    return run_long_op(work, parent=parent, label=label, on_success=on_success)


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
        parts.append(
            f"<p>{left} {mentees} left without a mentor, and wait on the waitlist "
            f"(offered first when a place frees up):</p><ul>{items}</ul>"
        )
    else:
        parts.append("<p>Every mentee waiting for a mentor has a proposal.</p>")
    if result.stage_note:
        parts.append(f"<p>{escape(result.stage_note)}.</p>")
    return "".join(parts)


def show_result(parent: QWidget, result: MatchResult) -> QMessageBox:
    """Show a run's outcome over ``parent`` (window-modal, without blocking)."""
    return show_message(
        parent,
        "proposals_message",
        "Pairings proposed",
        result_html(result),
        bool(result.unmatched),
    )


class CirclesDialog(QDialog):
    """Choose the group strand and the largest circle size, to propose circles."""

    def __init__(self, parent: QWidget | None, strands: Sequence[StrandChoice]) -> None:
        super().__init__(parent)
        self.setObjectName("circles_dialog")
        self.setWindowTitle("Propose circles")
        self.strand = QComboBox(self)
        self.strand.setObjectName("strand")
        fill_combo(self.strand, ((s.name, s.id) for s in strands if s.format is StrandFormat.GROUP))
        self.size = QSpinBox(self)
        self.size.setObjectName("circle_size")
        self.size.setRange(2, 30)
        self.size.setValue(5)
        self.size.setSuffix(" members at most")
        note = QLabel(
            "Each circle gets a facilitator; fields are spread evenly over the circles and "
            "members of one organisation kept apart where possible. The circles are saved as "
            "drafts in place of the strand's earlier drafts; nobody sees them until you "
            "publish them.",
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Propose")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.strand.count() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Group &strand:", self.strand)
        form.addRow("Circle &size:", self.size)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(440, 220)

    def strand_id(self) -> int | None:
        """The chosen group strand."""
        value = combo_value(self.strand)
        return None if value is None else int(value)


@dataclass(frozen=True)
class CirclesProposed:
    """What proposing circles did: the strand, the circles formed and who was left out."""

    strand: str
    size: int
    result: CircleResult
    pairing_ids: list[int]


def propose_circles(
    *,
    parent: QWidget,
    programme_file: ProgrammeFile,
    programme_id: int,
    strand_id: int,
    size: int,
    on_success: Callable[[CirclesProposed], None],
) -> Op:
    """Form circles in a group strand and save them as draft circles, off the GUI thread."""

    def work(progress: Progress) -> CirclesProposed:
        from mentordesk.services.matching import circle_pool, form_circles, save_circles
        from mentordesk.services.programmes import strand_choices

        with programme_file.session() as session:
            pool = circle_pool(session, programme_id, strand_id)
            progress.check()
            result = form_circles(pool.mentees, pool.mentors, size, pool.rules)
            progress.check()
            ids = save_circles(session, programme_id, strand_id, result)
            name = next(s.name for s in strand_choices(session, programme_id) if s.id == strand_id)
            return CirclesProposed(name, size, result, ids)

    return run_long_op(work, parent=parent, label="Proposing circles…", on_success=on_success)


def circles_html(proposed: CirclesProposed) -> str:
    """What proposing circles did: each circle with its facilitator, and who was left out."""
    result = proposed.result
    count = len(result.circles)
    noun = "circle" if count == 1 else "circles"
    parts = [
        f"<p>{count} draft {noun} of at most {proposed.size} saved in "
        f"{escape(proposed.strand)}. Nobody sees them until you publish them.</p>"
    ]
    if result.circles:
        items = "".join(
            f"<li><b>{escape(c.facilitator.name)}</b> with "
            f"{escape(', '.join(m.name for m in c.mentees))}"
            + (f"<br><i>{escape('; '.join(c.conflicts))}</i>" if c.conflicts else "")
            + "</li>"
            for c in result.circles
        )
        parts.append(f"<ul>{items}</ul>")
    if result.unplaced:
        items = "".join(
            f"<li>{escape(u.mentee.name)}: {escape(u.reason)}</li>" for u in result.unplaced
        )
        parts.append(f"<p>Not placed, now on the waitlist:</p><ul>{items}</ul>")
    elif not result.circles:
        parts.append("<p>Every accepted member of the strand is already in a circle.</p>")
    return "".join(parts)


def show_message(parent: QWidget, name: str, title: str, html: str, warn: bool) -> QMessageBox:
    """Show a report over ``parent`` (window-modal, without blocking)."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(html)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
