"""What the import dialog's preview shows: a line per row of the file, and what a row becomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from mentordesk.formats.dates import DayOrder
from mentordesk.formats.text import plural
from mentordesk.gui.person_panel import _facts, other_answers_html, stage_text
from mentordesk.gui.table_models import Index, RowTableModel, SortKey, enum_key
from mentordesk.services.import_people import StageTally
from mentordesk.services.import_report import (
    ColumnChoice,
    late_line,
    stage_lines,
    unreadable_dates,
)
from mentordesk.services.importing import ImportPreview, ImportSummary, PreviewRow, RowAction

REJECTED_BACKGROUND = QColor("#fde0dc")
REJECTED_TEXT = QColor("#5f1410")
#: A problem's colour in the details of a row, on the page's own background.
PROBLEM_COLOUR = "#b3261e"
ACTION_LABELS = {
    RowAction.ADD: "Add",
    RowAction.UPDATE: "Update",
    RowAction.SKIP: "Skip",
    RowAction.REJECT: "Rejected",
}


def other_answers_text(row: PreviewRow) -> str:
    """A row's other answers on one line: "A colleague · Launch lunch;".

    Their questions are in the cell's tooltip and in the row's details.
    """
    return " · ".join(" ".join(a.answer.split()) for a in row.other_answers)


def preview_stage_text(row: PreviewRow) -> str:
    """A row's career stage as the preview shows it: whether it is a guess or not in the list."""
    person = row.person
    if person is None:
        return ""
    if row.stage_outcome is not None and row.stage_outcome.kind == "unknown" and person.stage:
        return f"{person.stage} (not in the programme’s list of career stages)"
    return stage_text(person.stage, person.stage_guessed)


def preview_row_html(row: PreviewRow, strand_names: dict[int, str]) -> str:
    """What one row of the file becomes: the person, the application and its other answers."""
    person, application = row.person, row.application
    heading = f"Row {row.row_number}: {ACTION_LABELS[row.action]}"
    parts = [f"<h3 style='margin:0 0 4px 0'>{escape(heading)}</h3>"]
    for problem in row.problems:
        parts.append(f"<p style='margin:0; color:{PROBLEM_COLOUR}'>{escape(problem)}</p>")
    for notice in row.notices:
        parts.append(f"<p style='margin:0; color:#555'>{escape(notice)}</p>")
    facts: list[tuple[str, str]] = []
    if person is not None:
        facts += [
            ("Name", f"{person.first_name} {person.last_name}".strip()),
            ("Email", person.email),
            ("Organisation", person.organisation),
            ("Department", person.department),
            ("Position", person.position),
            ("Career stage", preview_stage_text(row)),
            ("Line manager", row.line_manager or person.line_manager_email),
            ("Contract", person.contract_type.label if person.contract_type else ""),
            ("Field", person.field),
            ("Expertise", person.expertise),
            ("Languages", person.languages),
            ("Gender", person.gender),
            ("Consent on", person.consent_on.isoformat() if person.consent_on else ""),
        ]
    if application is not None:
        facts += [
            ("Strand", strand_names.get(application.strand_id, "")),
            ("Role", application.role.label),
            ("Status", application.status.label),
            (
                "Submitted",
                application.submitted_on.isoformat() if application.submitted_on else "",
            ),
            ("Capacity", "" if application.capacity is None else str(application.capacity)),
            ("Goals", application.goals),
            ("Development needs", application.development_needs),
            ("Preferences", application.preferences),
            ("Availability", application.availability),
        ]
    # Side by side: what MentorDesk reads into its fields, and the answers kept besides.
    parts.append(
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        f"<td width='50%' valign='top' style='padding-right:16px'>{_facts(facts)}</td>"
        f"<td valign='top'>{other_answers_html(row.other_answers, 'No other answers in this row.')}"
        "</td></tr></table>"
    )
    return "".join(parts)


def preview_counts(preview: ImportPreview) -> str:
    """E.g. "48 to add, 3 to update, 2 skipped, 4 rejected"."""
    return (
        f"{preview.to_add} to add, {preview.to_update} to update, "
        f"{preview.to_skip} skipped, {len(preview.rejected)} rejected"
    )


def people_lines(preview_or_summary: ImportPreview | ImportSummary) -> list[str]:
    """What the coordinator should know about the people of an import, in the window's words.

    The applications that came in late, the career stages to check, and the people
    linked to their line manager; a preview says what the import would do.
    """
    if isinstance(preview_or_summary, ImportSummary):
        summary = preview_or_summary
        return _people_lines(
            summary.late, summary.closes_on, summary.stages, summary.line_managers, done=True
        )
    preview = preview_or_summary
    return _people_lines(
        preview.late, preview.closes_on, preview.stages, preview.line_managers, done=False
    )


def _people_lines(
    late: int, closes_on: dt.date | None, stages: StageTally, managers: int, *, done: bool
) -> list[str]:
    lines = [line for line in [late_line(late, closes_on, done=done)] if line]
    lines += stage_lines(stages, done=done, for_window=True)
    if managers:
        people = plural(managers, "person", "people")
        lines.append(
            f"Linked {people} to their line manager."
            if done
            else f"{people} would be linked to their line manager."
        )
    return lines


#: The choices of how to read dates like 3/5/2026, as the preview page offers them.
DATE_ORDER_CHOICES: tuple[tuple[str, DayOrder | None], ...] = (
    ("Read from the file (refused when it cannot tell)", None),
    ("Day first: 3 May 2026", DayOrder.DAY_FIRST),
    ("Month first: 5 March 2026, as US forms write", DayOrder.MONTH_FIRST),
)
_READ_AS = {
    DayOrder.DAY_FIRST: "day first (3/5/2026 is 3 May)",
    DayOrder.MONTH_FIRST: "month first (3/5/2026 is 5 March)",
}


def date_order_help(
    preview: ImportPreview, choices: Sequence[ColumnChoice], chosen: DayOrder | None
) -> str:
    """What the preview page says once, above its table, about dates like 3/5/2026.

    Empty when no row is refused for such a date and no order was chosen.

    Args:
        preview: the preview shown.
        choices: where each column goes.
        chosen: the order of day and month chosen for dates no answer settles.
    """
    undecided = [c for c in choices if c.column in preview.undecided_dates]
    counts = unreadable_dates(preview.rejected, undecided)
    columns = [c for c in undecided if c.column in counts]
    if columns:
        # A row refused by two such columns is one row.
        starts = tuple(f"{c.header}: " for c in columns)
        refused = sum(
            1 for row in preview.rejected if any(p.startswith(starts) for p in row.problems)
        )
        names = " and ".join(c.name for c in columns)
        which = "column" if len(columns) == 1 else "columns"
        return (
            f"{plural(refused, 'row')} {'is' if refused == 1 else 'are'} refused because "
            f"{which} {names} {'holds' if len(columns) == 1 else 'hold'} dates like "
            "3/5/2026, which could be 3 May or 5 March, and no date in the column settles "
            "which. Choose how the form writes them: month first if it comes from a US "
            "form (Google Forms in US English writes 3/5/2026 for 5 March), day first if "
            "it writes day/month/year."
        )
    if chosen is None:
        return ""
    return f"Dates that could be read either way are read {_READ_AS[chosen]}."


class PreviewTableModel(RowTableModel[PreviewRow]):
    """The preview of an import: one line per row of the file; rejected rows in red.

    Attributes:
        strand_names: strand names by id, set before the rows.
    """

    ROW, ACTION, NAME, EMAIL, STRAND, ROLE, OTHER, WHY = range(8)
    HEADERS = (
        "Row",
        "Action",
        "Name",
        "Email",
        "Strand",
        "Role",
        "Other answers",
        "Problems and notices",
    )
    NUMERIC_COLUMNS = frozenset({ROW})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.strand_names: dict[int, str] = {}

    def set_preview(self, preview: ImportPreview, strand_names: dict[int, str]) -> None:
        """Show a preview's rows."""
        self.strand_names = strand_names
        self.set_rows(preview.rows)

    def _why(self, row: PreviewRow) -> str:
        return "; ".join([*row.problems, *row.notices])

    def cells(self, row: PreviewRow) -> tuple[str, ...]:
        person = row.person
        application = row.application
        name = f"{person.first_name} {person.last_name}".strip() if person else ""
        strand = self.strand_names.get(application.strand_id, "") if application else ""
        return (
            str(row.row_number),
            ACTION_LABELS[row.action],
            name,
            person.email if person else "",
            strand,
            application.role.label if application else "",
            other_answers_text(row),
            self._why(row),
        )

    def sort_keys(self, row: PreviewRow) -> tuple[SortKey, ...]:
        cells = self.cells(row)
        return (
            row.row_number,
            enum_key(row.action),
            *(self.text_key(text) for text in cells[self.NAME :]),
        )

    def rows_where(self, actions: Sequence[RowAction]) -> list[PreviewRow]:
        """The rows with one of these actions, in file order."""
        rows = [self.row_at(i) for i in range(self.rowCount())]
        return sorted((r for r in rows if r.action in actions), key=lambda r: r.row_number)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.OTHER:
            # One question and its answer a line, rather than one long line.
            answers = self.row_at(index.row()).other_answers
            return "\n".join(f"{a.question}: {a.answer}" for a in answers) or None
        colours = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        if (
            role in colours
            and index.isValid()
            and self.row_at(index.row()).action is RowAction.REJECT
        ):
            # Dark text on the light red, whatever the desktop's theme.
            return QBrush(REJECTED_BACKGROUND if role == colours[0] else REJECTED_TEXT)
        return super().data(index, role)
