"""Import an online meeting's attendance report: see how each attendee matched, resolve, record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.formats.attendance_report import AttendanceReport, read_attendance_report
from mentordesk.gui.ops import Op, Progress, read_then_open
from mentordesk.gui.review_dialog import ReviewDialog
from mentordesk.services.applicants import PersonChoice, person_choices
from mentordesk.services.attendance import (
    AttendanceImport,
    MatchedBy,
    ReportLine,
    import_attendance,
)
from mentordesk.services.events import EventRow
from mentordesk.store.programme_file import ProgrammeFile

REPORT_FILTER = "Attendance reports (*.csv *.xlsx *.txt);;All files (*)"
LEAVE_OUT = "— Leave out —"
#: The background of a match by name only, which the coordinator should check.
AMBER = "#ffe0a3"
MATCH_TEXT = {
    MatchedBy.EMAIL: "By email",
    MatchedBy.NAME: "By name only: check",
    MatchedBy.AMBIGUOUS: "Several people have this name: choose",
    MatchedBy.UNMATCHED: "Not found: choose or leave out",
}


@dataclass(frozen=True)
class ReportPreview:
    """A report read from a file, matched against the file's people without writing anything."""

    path: Path
    report: AttendanceReport
    preview: AttendanceImport
    people: list[PersonChoice]


def read_report(
    programme_file: ProgrammeFile, event_id: int, path: Path, progress: Progress
) -> ReportPreview:
    """Read and match a report (on the worker thread)."""
    report = read_attendance_report(path)
    progress.check()
    with programme_file.session() as session:
        preview = import_attendance(session, event_id, report, dry_run=True)
        return ReportPreview(path, report, preview, person_choices(session))


def start_attendance_import(
    parent: QWidget,
    programme_file: ProgrammeFile,
    event: EventRow,
    path: Path,
    on_open: Callable[[AttendanceImportDialog], None],
) -> Op:
    """Read ``path`` off the GUI thread, then open the import dialog on it.

    A file that cannot be read is explained over ``parent``; nothing is written.
    """
    return read_then_open(
        parent,
        path,
        lambda progress: read_report(programme_file, event.event_id, path, progress),
        lambda preview: AttendanceImportDialog(parent, programme_file, event, preview),
        on_open,
    )


def _email_of(candidate: str) -> str:
    # The service names candidates as "Full Name <email>".
    start, end = candidate.rfind("<"), candidate.rfind(">")
    return candidate[start + 1 : end].strip().lower() if 0 <= start < end else ""


class AttendanceImportDialog(ReviewDialog):
    """Each attendee of the report, how they matched, and a choice where no match was sure.

    Nothing is written before Import, and then in one transaction.

    Attributes:
        table: one row per reported attendee.
        choices: the combo of each row to resolve, by its index in the report.
        outcome: what the import recorded, once done.

    Signals:
        imported: the attendance was recorded; carries the :class:`AttendanceImport`.
    """

    NAME, EMAIL, MINUTES, MATCH, PERSON = range(5)

    imported = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        event: EventRow,
        preview: ReportPreview,
    ) -> None:
        super().__init__(
            parent,
            programme_file,
            "attendance_import_dialog",
            "Import attendance report",
            (860, 560),
        )
        self.shown_event = event
        self.source = preview
        self.outcome: AttendanceImport | None = None
        self.choices: dict[int, QComboBox] = {}
        self._ids_by_email = {p.email.lower(): p.id for p in preview.people}
        self._everyone = QStandardItemModel(self)
        self._everyone.appendRow(QStandardItem(LEAVE_OUT))
        for person in preview.people:
            item = QStandardItem(f"{person.name} <{person.email}>")
            item.setData(person.id, Qt.ItemDataRole.UserRole)
            self._everyone.appendRow(item)
        self.summary = self.rich_label("import_summary")
        self.table = self.review_table(
            5,
            "report_lines",
            ("In the report", "Email", "Minutes", "Matched", "Person in the file"),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PERSON, QHeaderView.ResizeMode.Stretch)
        self.add_buttons("Record attendance", "record_button")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._fill(preview.preview.lines)

    def _fill(self, lines: tuple[ReportLine, ...]) -> None:
        self.table.setRowCount(len(lines))
        amber = QBrush(QColor(AMBER))
        for index, line in enumerate(lines):
            reported = line.reported
            minutes = "" if reported.minutes is None else str(reported.minutes)
            cells = (reported.name, reported.email or "", minutes, MATCH_TEXT[line.matched_by])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if line.matched_by is MatchedBy.NAME:
                    item.setBackground(amber)
                    item.setToolTip("Matched by name only: check this is the right person")
                self.table.setItem(index, column, item)
            if line.matched_by in (MatchedBy.EMAIL, MatchedBy.NAME):
                person = QTableWidgetItem(line.person_name)
                if line.matched_by is MatchedBy.NAME:
                    person.setBackground(amber)
                self.table.setItem(index, self.PERSON, person)
            else:
                self.table.setCellWidget(index, self.PERSON, self._choice(index, line))
        counts = {m: sum(line.matched_by is m for line in lines) for m in MatchedBy}
        source = self.source.path.name
        notices = "".join(f"<br>{escape(n)}" for n in self.source.report.notices)
        self.summary.setText(
            f"<b>{escape(source)}</b> for <b>{escape(self.shown_event.title)}</b>: "
            f"{len(lines)} attendees — {counts[MatchedBy.EMAIL]} matched by email, "
            f"<span style='background:{AMBER}'>&nbsp;{counts[MatchedBy.NAME]} by name only "
            "(check them)&nbsp;</span>, "
            f"{counts[MatchedBy.AMBIGUOUS]} with a name several people share, "
            f"{counts[MatchedBy.UNMATCHED]} not found. Choose who the unsure ones are, "
            f"or leave them out.{notices}"
        )

    def _choice(self, index: int, line: ReportLine) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setObjectName(f"choice_{index}")
        if line.matched_by is MatchedBy.AMBIGUOUS:
            combo.addItem(LEAVE_OUT, None)
            for candidate in line.candidates:
                combo.addItem(candidate, self._ids_by_email.get(_email_of(candidate)))
        else:
            # Everyone in the file: one shared list, however many rows need it.
            combo.setModel(self._everyone)
        self.choices[index] = combo
        return combo

    def resolved(self) -> dict[int, int]:
        """The people chosen for ambiguous and unknown attendees, by index in the report."""
        chosen: dict[int, int] = {}
        for index, combo in self.choices.items():
            person_id = combo.currentData(Qt.ItemDataRole.UserRole)
            if person_id is not None:
                chosen[index] = int(person_id)
        return chosen

    def start(self) -> None:
        """Record the attendance of everyone matched or chosen, in one transaction."""
        event_id, report, resolved = self.shown_event.event_id, self.source.report, self.resolved()
        self.run_in_file(
            lambda s: import_attendance(s, event_id, report, resolved=resolved), self._done
        )

    def _done(self, result: AttendanceImport) -> None:
        self.outcome = result
        self.imported.emit(result)
        self.accept()
