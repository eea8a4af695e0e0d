"""The Applicants tab's filters (strand, role, status) and its line of places per strand."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.gui.form_values import combo_value, fill_enum_combo
from mentordesk.gui.search_proxy import SearchProxy
from mentordesk.services.applicants import StrandSummary

OVER_PLACES_STYLE = "color:#c62828; font-weight:bold"


def summary_text(summary: StrandSummary) -> str:
    """E.g. "Fellows: 20 places · 55 applications · 18 mentees accepted"."""
    parts = []
    if summary.places is not None:
        parts.append(f"{summary.places} place{'' if summary.places == 1 else 's'}")
    noun = "application" if summary.applications == 1 else "applications"
    parts.append(f"{summary.applications} {noun}")
    mentees = "mentee" if summary.mentees_accepted == 1 else "mentees"
    parts.append(f"{summary.mentees_accepted} {mentees} accepted")
    return f"{summary.name}: " + " · ".join(parts)


def summaries_html(summaries: Sequence[StrandSummary]) -> str:
    """Every strand's summary on one line; a strand with more mentees than places in red."""
    entries = []
    for summary in summaries:
        text = escape(summary_text(summary))
        if summary.over_places:
            text = f"<span style='{OVER_PLACES_STYLE}'>{text}</span>"
        entries.append(text)
    return "&nbsp;&nbsp;&nbsp;│&nbsp;&nbsp;&nbsp;".join(entries)


def summaries_tooltip(summaries: Sequence[StrandSummary]) -> str:
    """Who was accepted in each strand, by role; and which strands are over their places."""
    lines = []
    for s in summaries:
        line = f"{s.name}: {s.mentors_accepted} mentors and {s.mentees_accepted} mentees accepted"
        if s.over_places:
            line += f", {s.mentees_accepted - (s.places or 0)} mentees more than its places"
        lines.append(line)
    return "\n".join(lines)


class StrandSummaryLine(QLabel):
    """Places against applications and acceptances, one entry per strand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strand_summary")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(2, 0, 2, 2)
        self.summaries: list[StrandSummary] = []

    def show_summaries(self, summaries: Sequence[StrandSummary]) -> None:
        """Show these strands' counts (an empty list clears the line)."""
        self.summaries = list(summaries)
        self.setText(summaries_html(self.summaries))
        self.setToolTip(summaries_tooltip(self.summaries))

    def plain_text(self) -> str:
        """What the line says, without its formatting."""
        return "   │   ".join(summary_text(s) for s in self.summaries)


class ApplicantFilters(QWidget):
    """Strand, role and status combos that narrow a :class:`SearchProxy` (with the search box).

    Signals:
        changed: a filter changed (the number of rows shown may have too).
    """

    changed = Signal()

    def __init__(self, proxy: SearchProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.strand = self._combo("strand_filter", "Show one strand only")
        self.strand.addItem("All strands", None)
        self.role = self._combo("role_filter", "Show mentors or mentees only")
        fill_enum_combo(self.role, Role, blank=True)
        self.role.setItemText(0, "All roles")
        for index, role in enumerate(Role, start=1):
            self.role.setItemText(index, f"{role.label}s")
        self.status = self._combo("status_filter", "Show one status only")
        fill_enum_combo(self.status, ApplicationStatus, blank=True)
        self.status.setItemText(0, "All statuses")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in (self.strand, self.role, self.status):
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._apply)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def set_strands(self, names: Sequence[str]) -> None:
        """Offer these strands, keeping the one chosen if it is still there."""
        chosen = self.strand.currentData()
        self.strand.blockSignals(True)
        while self.strand.count() > 1:
            self.strand.removeItem(1)
        for name in names:
            self.strand.addItem(name, name)
        index = self.strand.findData(chosen) if chosen is not None else 0
        self.strand.setCurrentIndex(max(index, 0))
        self.strand.blockSignals(False)
        # Quietly: the tab reports its rows once they are shown.
        self._apply(announce=False)

    def reset(self) -> None:
        """Show every row again."""
        for combo in (self.strand, self.role, self.status):
            combo.setCurrentIndex(0)

    def _apply(self, _index: int = 0, *, announce: bool = True) -> None:
        self._proxy.set_filter("strand", self.strand.currentData())
        self._proxy.set_filter("role", combo_value(self.role))
        self._proxy.set_filter("status", combo_value(self.status))
        if announce:
            self.changed.emit()
