"""Table models for the five tabs, each holding plain service rows and their search text."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from mentordesk.domain.stages import Ladder
from mentordesk.services.applicants import APPLICANT_HEADERS, ApplicantRow
from mentordesk.services.collation import sort_key
from mentordesk.services.events import EventRow
from mentordesk.services.notes import NoteRow
from mentordesk.services.pairings import PairingRow

R = TypeVar("R")
#: The colour of a cancelled event, which is also struck through.
CANCELLED_COLOUR = "#8a8a8a"
#: The colour of a follow-up date that has passed.
OVERDUE_COLOUR = "#b3261e"
#: The status a draft proposal shows, whatever its stored status.
DRAFT_TEXT = "Draft"
#: What the Notes table shows instead of the text of a note.
HIDDEN_TEXT = "•••"
#: What follows the name of someone who withdrew their consent, in the Applicants table,
#: whose line is shown in this colour.
CONSENT_WITHDRAWN_MARK = "(consent withdrawn)"
CONSENT_WITHDRAWN_COLOUR = "#9a4a44"
#: What follows the status of an application received after the programme's deadline.
LATE_MARK = "(late)"
LATE_TIP = "Received after the application deadline: marked late, not refused"
#: The tooltip of a career stage guessed from the position (shown in italics).
STAGE_GUESSED_TIP = "Guessed from the position; confirm in Programme ▸ Career stages"


def cancelled_font() -> QFont:
    """The font of a cancelled event: struck through (made on demand, after the app exists)."""
    font = QFont()
    font.setStrikeOut(True)
    return font


def overdue_look(role: int) -> QColor | QFont | None:
    """How a date that has passed looks for ``role``: bold, in the overdue colour; else None."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QColor(OVERDUE_COLOUR)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    return None


def italic_font() -> QFont:
    """An italic font, for what is not settled: a draft proposal, a guessed career stage."""
    font = QFont()
    font.setItalic(True)
    return font


Index = QModelIndex | QPersistentModelIndex
SortKey = str | int | float
#: A value a row can be filtered on exactly (a strand's name, a role, a status).
Facet = str | int | enum.Enum | None

#: The role holding a cell's sort key: a str, int or float, one type per column,
#: so that Qt compares them in C++ without calling back into Python objects.
SORT_ROLE = Qt.ItemDataRole.UserRole


def event_time_text(row: EventRow, zone: ZoneInfo) -> str:
    """An event's time of day as shown: ``09:00–13:00``, ``17:00`` for a moment, or ``All day``."""
    if row.all_day:
        return "All day"
    starts, ends = row.starts_at.astimezone(zone), row.ends_at.astimezone(zone)
    return f"{starts:%H:%M}" if starts == ends else f"{starts:%H:%M}–{ends:%H:%M}"


def date_text(value: dt.date | None) -> str:
    """A date as the tables show it (ISO, so it reads the same everywhere)."""
    return value.isoformat() if value else ""


def date_key(value: dt.date | dt.datetime | None) -> str:
    """A date's sort key: ISO text, so blanks sort first."""
    return value.isoformat() if value else ""


def enum_key(value: enum.Enum | None) -> int:
    """A member's position in its enumeration, so statuses sort in their natural order."""
    if value is None:
        return -1
    return _positions(type(value))[value]


@functools.cache
def _positions(kind: type[enum.Enum]) -> dict[enum.Enum, int]:
    """Each member's position in its enumeration (looked up per cell at 10,000 rows)."""
    return {member: position for position, member in enumerate(kind)}


def label(value: Any) -> str:
    """A member's label, or nothing for a blank."""
    return "" if value is None else str(value.label)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of service rows with precomputed display, sort and search texts.

    Subclasses name their columns in ``HEADERS`` and turn one row into its cells
    in :meth:`cells` and its sort keys in :meth:`sort_keys`, where a text
    column's key is :meth:`text_key` (the alphabetical order of exports and PDFs
    too); rows that can be filtered on exact values name them in ``FACETS`` and
    give them in :meth:`facets`.

    Attributes:
        HEADERS: the column titles, in order.
        NUMERIC_COLUMNS: columns aligned to the right (exported as numbers).
        DATE_COLUMNS: columns showing an ISO date (exported as dates).
        FACETS: the names of the values a proxy can filter rows on, in order.
    """

    HEADERS: ClassVar[tuple[str, ...]] = ()
    NUMERIC_COLUMNS: ClassVar[frozenset[int]] = frozenset()
    DATE_COLUMNS: ClassVar[frozenset[int]] = frozenset()
    FACETS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._cells: list[tuple[str, ...]] = []
        self._keys: list[tuple[SortKey, ...]] = []
        self._search: list[str] = []
        self._facets: list[tuple[Facet, ...]] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._text_keys: dict[str, str] = {}

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row, recomputing what the table shows, sorts and searches."""
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [self.cells(r) for r in self._rows]
        try:
            self._keys = [self.sort_keys(r) for r in self._rows]
        finally:
            self._text_keys = {}
        self._search = [
            " ".join((*cells, self.extra_search_text(r))).lower()
            for cells, r in zip(self._cells, self._rows, strict=True)
        ]
        self._facets = [self.facets(r) for r in self._rows]
        if self._sorted_by is not None:
            self._reorder(self._order(*self._sorted_by))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the precomputed keys of ``column`` (stable, so earlier sorts break ties).

        The model sorts itself rather than leaving it to the proxy: a proxy that
        sorts asks Python for two keys per comparison, about 0.4 s per keystroke
        that widens the search at 10,000 rows; a list sort here takes a few ms.
        """
        if not 0 <= column < len(self.HEADERS):
            self._sorted_by = None
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        new_order = self._order(column, order)
        new_row_of = {old: new for new, old in enumerate(new_order)}
        self._reorder(new_order)
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(new_row_of[i.row()], i.column()) if i.isValid() else i for i in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        keys = self._keys
        return sorted(
            range(len(keys)),
            key=lambda i: keys[i][column],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def _reorder(self, new_order: list[int]) -> None:
        self._rows = [self._rows[i] for i in new_order]
        self._cells = [self._cells[i] for i in new_order]
        self._keys = [self._keys[i] for i in new_order]
        self._search = [self._search[i] for i in new_order]
        self._facets = [self._facets[i] for i in new_order]

    def cells(self, row: R) -> tuple[str, ...]:
        """The texts of one row's cells."""
        raise NotImplementedError

    def sort_keys(self, row: R) -> tuple[SortKey, ...]:
        """The sort keys of one row's cells."""
        raise NotImplementedError

    def text_key(self, text: str) -> str:
        """The key sorting a text column alphabetically, accents and case only breaking ties.

        :func:`mentordesk.services.collation.sort_key`, remembered while the rows
        are set, since a column such as a strand repeats a few values many times.
        """
        key = self._text_keys.get(text)
        if key is None:
            key = self._text_keys[text] = sort_key(text)
        return key

    def extra_search_text(self, row: R) -> str:
        """Text the search box finds although no column shows it."""
        return ""

    def facets(self, row: R) -> tuple[Facet, ...]:
        """The values of one row that a proxy filters on, one per name in ``FACETS``."""
        return ()

    def row_at(self, source_row: int) -> R:
        """The service row behind a table row (of this model, not of a proxy)."""
        return self._rows[source_row]

    def search_text(self, source_row: int) -> str:
        """The lower-case text the search box looks in for this row."""
        return self._search[source_row]

    def export_cells(self, source_row: int) -> list[str | int | float | dt.date | None]:
        """A row's cells as shown, with numbers and dates as such, for a spreadsheet."""
        values: list[str | int | float | dt.date | None] = []
        for column, text in enumerate(self._cells[source_row]):
            if not text:
                values.append(None)
            elif column in self.DATE_COLUMNS:
                values.append(dt.date.fromisoformat(text))
            elif column in self.NUMERIC_COLUMNS:
                values.append(float(text) if "." in text else int(text))
            else:
                values.append(text)
        return values

    def facet_values(self, source_row: int) -> tuple[Facet, ...]:
        """The values this row is filtered on, in the order of ``FACETS``."""
        return self._facets[source_row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == SORT_ROLE:
            return self._keys[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None


class ApplicantTableModel(RowTableModel[ApplicantRow]):
    """The Applicants table: one line per application, with the applicant.

    A career stage guessed from the position is in italics until someone
    confirms it; an application received after the deadline says "(late)"
    after its status.

    Attributes:
        ladder: the programme's career stages, which the Career stage column
            sorts in (set before the rows; stages not in it sort after, by name).
    """

    NAME, EMAIL, ROLE, STRAND, STATUS, ORGANISATION, DEPARTMENT, STAGE, CONTRACT, SUBMITTED = range(
        10
    )
    HEADERS = APPLICANT_HEADERS
    DATE_COLUMNS = frozenset({SUBMITTED})
    FACETS = ("strand", "role", "status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ladder = Ladder()
        self._stage_keys: dict[str, str] = {}

    def cells(self, row: ApplicantRow) -> tuple[str, ...]:
        return (
            f"{row.name} {CONSENT_WITHDRAWN_MARK}" if row.consent_withdrawn else row.name,
            row.email,
            row.role.label,
            row.strand,
            f"{row.status.label} {LATE_MARK}" if row.late else row.status.label,
            row.organisation,
            row.department,
            row.stage,
            label(row.contract_type),
            date_text(row.submitted_on),
        )

    def sort_keys(self, row: ApplicantRow) -> tuple[SortKey, ...]:
        return (
            row.sort_name or self.text_key(row.name),
            row.email,
            enum_key(row.role),
            self.text_key(row.strand),
            # Late ones right after the others of their status.
            enum_key(row.status) * 2 + row.late,
            self.text_key(row.organisation),
            self.text_key(row.department),
            self.stage_key(row.stage),
            enum_key(row.contract_type),
            date_key(row.submitted_on),
        )

    def stage_key(self, stage: str) -> str:
        """A career stage's sort key: blanks first, then the programme's order, then by name."""
        key = self._stage_keys.get(stage)
        if key is None:
            if not stage:
                key = ""
            elif (found := self.ladder.find(stage)) is not None:
                key = f"1{self.ladder.stages.index(found):05d}"
            else:
                key = f"2{self.text_key(stage)}"
            self._stage_keys[stage] = key
        return key

    def set_ladder(self, ladder: Ladder) -> None:
        """Sort the Career stage column in this list's order from the next :meth:`set_rows`."""
        self.ladder = ladder
        self._stage_keys.clear()

    def facets(self, row: ApplicantRow) -> tuple[Facet, ...]:
        return (row.strand, row.role, row.status)

    def extra_search_text(self, row: ApplicantRow) -> str:
        # The search finds a word the applicant wrote about their availability or in
        # answer to any of the form's other questions.
        return f"{row.availability}\n{row.other_answers_text}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(CONSENT_WITHDRAWN_COLOUR) if row.consent_withdrawn else None
        if column == self.STAGE and row.stage_guessed and row.stage:
            if role == Qt.ItemDataRole.FontRole:
                return italic_font()
            if role == Qt.ItemDataRole.ToolTipRole:
                return STAGE_GUESSED_TIP
        if column == self.STATUS and row.late and role == Qt.ItemDataRole.ToolTipRole:
            return LATE_TIP
        return super().data(index, role)


class PairingTableModel(RowTableModel[PairingRow]):
    """The Pairings table: one line per pairing or circle; draft proposals in italics."""

    MENTOR, STRAND, FORMAT, STATUS, STARTED, NEXT_CHECK_IN, SCORE, MENTEES, WHY = range(9)
    HEADERS = (
        "Mentor",
        "Strand",
        "Format",
        "Status",
        "Started",
        "Next check-in",
        "Match score",
        "Mentees",
        "Why matched",
    )
    NUMERIC_COLUMNS = frozenset({SCORE})
    DATE_COLUMNS = frozenset({STARTED, NEXT_CHECK_IN})
    FACETS = ("draft",)

    def cells(self, row: PairingRow) -> tuple[str, ...]:
        return (
            row.mentor,
            row.strand,
            row.format.label,
            DRAFT_TEXT if row.draft else row.status.label,
            date_text(row.started_on),
            date_text(row.next_check_in),
            "" if row.match_score is None else f"{row.match_score:.0f}",
            row.mentees,
            row.match_explanation,
        )

    def sort_keys(self, row: PairingRow) -> tuple[SortKey, ...]:
        return (
            self.text_key(row.mentor),
            self.text_key(row.strand),
            enum_key(row.format),
            -1 if row.draft else enum_key(row.status),
            date_key(row.started_on),
            date_key(row.next_check_in),
            -1.0 if row.match_score is None else float(row.match_score),
            self.text_key(row.mentees),
            self.text_key(row.match_explanation),
        )

    def extra_search_text(self, row: PairingRow) -> str:
        return row.name

    def facets(self, row: PairingRow) -> tuple[Facet, ...]:
        return (row.draft,)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            if index.isValid() and self.row_at(index.row()).draft:
                return italic_font()
            return None
        return super().data(index, role)


class EventTableModel(RowTableModel[EventRow]):
    """The Training and Events tables; times show in the programme's time zone."""

    DATE, TIME, TITLE, KIND, INVITED, ATTENDED, LOCATION = range(7)
    HEADERS = ("Date", "Time", "Title", "Kind", "Invited", "Attended", "Location")
    NUMERIC_COLUMNS = frozenset({INVITED, ATTENDED})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timezone = ZoneInfo("UTC")

    def cells(self, row: EventRow) -> tuple[str, ...]:
        starts = row.starts_at.astimezone(self.timezone)
        return (
            f"{starts:%a} {starts.date().isoformat()}",
            event_time_text(row, self.timezone),
            row.title,
            row.kind.label,
            str(row.invited),
            str(row.attended),
            row.location,
        )

    def extra_search_text(self, row: EventRow) -> str:
        return "cancelled" if row.cancelled else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            if self.row_at(index.row()).cancelled:
                if role == Qt.ItemDataRole.FontRole:
                    return cancelled_font()
                return QColor(CANCELLED_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            text = super().data(index, role)
            return f"Cancelled: {text}" if self.row_at(index.row()).cancelled else text
        return super().data(index, role)

    def sort_keys(self, row: EventRow) -> tuple[SortKey, ...]:
        starts = row.starts_at.isoformat()
        return (
            starts,
            starts,
            self.text_key(row.title),
            enum_key(row.kind),
            row.invited,
            row.attended,
            self.text_key(row.location),
        )


class NoteTableModel(RowTableModel[NoteRow]):
    """The Notes table: title, subject, category and dates; the text of a note never shows.

    The text is searched through the row's ``search_text`` and revealed, one
    note at a time, outside the table.

    Attributes:
        today: the day follow-ups are overdue after (set by tests).
    """

    DATE, ABOUT, TITLE, CATEGORY, FOLLOW_UP, TEXT = range(6)
    HEADERS = ("Date", "About", "Title", "Category", "Follow-up", "Note")
    DATE_COLUMNS = frozenset({DATE, FOLLOW_UP})
    FACETS = ("category",)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    def cells(self, row: NoteRow) -> tuple[str, ...]:
        return (
            date_text(row.written_on),
            row.about,
            row.title,
            row.category.label,
            date_text(row.follow_up_on),
            HIDDEN_TEXT,
        )

    def sort_keys(self, row: NoteRow) -> tuple[SortKey, ...]:
        return (
            date_key(row.written_on),
            self.text_key(row.about),
            self.text_key(row.title),
            enum_key(row.category),
            date_key(row.follow_up_on),
            0,
        )

    def extra_search_text(self, row: NoteRow) -> str:
        return row.search_text

    def facets(self, row: NoteRow) -> tuple[Facet, ...]:
        return (row.category,)

    def overdue(self, source_row: int) -> bool:
        """Whether this note's follow-up date has passed."""
        follow_up = self.row_at(source_row).follow_up_on
        return follow_up is not None and follow_up < self.today

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.FOLLOW_UP and self.overdue(index.row()):
            look = overdue_look(role)
            if look is not None:
                return look
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Follow-up overdue since {self._cells[index.row()][self.FOLLOW_UP]}"
        if index.isValid() and index.column() == self.TEXT and role == Qt.ItemDataRole.ToolTipRole:
            return "Hidden: select the note and click Reveal to read it"
        return super().data(index, role)
