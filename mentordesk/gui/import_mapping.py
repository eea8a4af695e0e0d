"""The import dialog's mapping page: where each column goes and why, and answers to map once.

Every column of the file has a line: its letter and header, a "Goes to" choice,
a few sample answers and the reason for MentorDesk's guess. A weak guess is
shown with what the column might hold but never applied: such a column is kept
as other answers until the coordinator chooses otherwise.

Strand and role answers that name no strand of the programme and no role (a
form written before the strands were named) are listed once each in a second
table, where the coordinator says what each one means; the choices travel with
the import as its value map and are saved with the mapping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mentordesk.domain.enums import ApplicantField, Role
from mentordesk.formats.column_guess import ColumnGuess
from mentordesk.formats.columns import normalise, normalise_choice, strand_in_words
from mentordesk.formats.tables import SheetTable, cell_text, column_letters
from mentordesk.formats.text import plural
from mentordesk.services.import_report import ColumnChoice, column_choices, mapping_of

#: The fields a value map translates answers into.
MAPPED_VALUES = (ApplicantField.STRAND, ApplicantField.ROLE)
#: A value map: for each field, an answer (as :func:`normalise` gives it) → a strand name
#: or a role's value.
ValueMap = dict[ApplicantField, dict[str, str]]
#: The most distinct answers the value map lists; more means the column is not a strand's.
MOST_ANSWERS = 40
#: How many answers to map show without scrolling; the columns' table keeps the rest.
SHOWN_ANSWERS = 6
#: What the value map's combos offer first: leave the answer as it is.
NOT_MAPPED = "Not mapped (the row is rejected)"


def field_choices() -> list[ApplicantField]:
    """The "Goes to" choices: kept as other answers and left out first, then every field."""
    first = [ApplicantField.OTHER, ApplicantField.IGNORE]
    return [*first, *(f for f in ApplicantField if f not in first)]


def column_name(index: int, header: str) -> str:
    """A column as the page names it: its letter as a spreadsheet shows it, and its header."""
    return f"{column_letters(index)}   {' '.join(header.split()) or '(no header)'}"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”")) else text + "."


def why_text(choice: ColumnChoice, givers: Mapping[ApplicantField, int] | None = None) -> str:
    """Why a column goes where it goes, in plain words.

    A weak guess or a tie says what the column might hold and that it was not
    applied, unless another column already gives that field (``givers``: field →
    the first column giving it), which it then names.
    """
    reason = _sentence(choice.reason)
    maybe = choice.suggestion
    if maybe is None or choice.field not in (ApplicantField.OTHER, ApplicantField.IGNORE):
        return reason
    giver = (givers or {}).get(maybe)
    if giver is not None:
        return f"{reason} The {maybe.label.lower()} is read from column {column_letters(giver)}."
    because = f" ({reason[:1].lower()}{reason[1:-1]})" if reason else ""
    return f"Might be {maybe.label.lower()}{because}; not applied: choose “{maybe.label}” if so."


@dataclass(frozen=True)
class UnrecognisedAnswer:
    """One distinct strand or role answer that names no strand and no role.

    Attributes:
        field: STRAND or ROLE.
        key: the answer as :func:`normalise` gives it (the value map's key).
        text: the answer as first written in the file.
        rows: how many cells give it.
    """

    field: ApplicantField
    key: str
    text: str
    rows: int


class ColumnAnswers:
    """The distinct answers of each column, counted once per column and kept.

    A mapping page changes often; counting a 100,000-row column again at each
    change would make every choice slow.
    """

    def __init__(self, table: SheetTable) -> None:
        self.table = table
        self._counts: dict[int, Counter[str]] = {}

    def counts(self, column: int) -> Counter[str]:
        """How many rows give each non-blank answer in ``column`` (answers as written)."""
        found = self._counts.get(column)
        if found is None:
            found = Counter(
                " ".join(cell_text(row[column]).split())
                for row in self.table.rows
                if column < len(row)
            )
            found.pop("", None)
            self._counts[column] = found
        return found


def unrecognised_answers(
    answers: ColumnAnswers,
    mapping: dict[int, ApplicantField],
    strand_names: Sequence[str],
    value_map: ValueMap | None = None,
) -> list[UnrecognisedAnswer]:
    """The strand and role answers that need the coordinator to say what they mean.

    An answer is listed when it names no strand (exactly, in any case, or as a
    phrase holding one strand's name) or no role; answers already in
    ``value_map`` stay listed so that their choice can be changed.

    Args:
        answers: the file's answers, counted per column.
        mapping: where each column goes.
        strand_names: the programme's strands.
        value_map: choices already made.

    Returns:
        Strand answers, then role answers, each in the order of their count (most first).
    """
    value_map = value_map or {}
    found: list[UnrecognisedAnswer] = []
    for wanted in MAPPED_VALUES:
        chosen = value_map.get(wanted, {})
        texts: dict[str, str] = {}
        rows: Counter[str] = Counter()
        for column in (i for i, f in mapping.items() if f is wanted):
            for text, count in answers.counts(column).items():
                key = normalise(text)
                if not key:
                    continue
                if key not in chosen and _recognised(wanted, text, strand_names):
                    continue
                texts.setdefault(key, text)
                rows[key] += count
        ranked = sorted(rows, key=lambda key: (-rows[key], key))
        found.extend(UnrecognisedAnswer(wanted, key, texts[key], rows[key]) for key in ranked)
    return found


def _recognised(wanted: ApplicantField, text: str, strand_names: Sequence[str]) -> bool:
    if wanted is ApplicantField.STRAND:
        return strand_in_words(text, strand_names) is not None
    return normalise_choice(text, Role) is not None


def _table_look(table: QTableWidget, headers: Sequence[str]) -> int:
    """Headers, no row numbers, rows tall enough for a combo; returns the combo's height."""
    table.verticalHeader().hide()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    # A combo of the table's style, measured and thrown away: never shown in the table.
    probe = QComboBox()
    probe.setFont(table.font())
    height = probe.sizeHint().height()
    probe.deleteLater()
    table.verticalHeader().setDefaultSectionSize(height + 2)
    return height


def _fit(table: QTableWidget, column: int, least: int, most: int) -> None:
    """Size a column to its contents, within ``least`` and ``most`` pixels."""
    table.resizeColumnToContents(column)
    table.setColumnWidth(column, max(least, min(table.columnWidth(column), most)))


class ColumnsTable(QObject):
    """Every column of the file, where it goes and why, in a scrolling table.

    A column goes where the coordinator chose, else where the saved mapping in
    use says, else where MentorDesk's guess sends it (see
    :func:`~mentordesk.services.import_report.column_choices`, which the command
    line follows too): choosing a field for one column takes it from the
    column that had it by a weaker choice.

    Attributes:
        table: the table widget shown.
        combos: the "Goes to" choice of each column, in column order.
        guesses: MentorDesk's guess for each column.
        saved: the columns a saved mapping in use knows, and their fields.
        saved_name: the name of that saved mapping ("" for none).
        chosen: the columns the coordinator chose a field for.

    Signals:
        changed: a column now goes somewhere else.
    """

    COLUMN, GOES_TO, SAMPLES, WHY = range(4)
    HEADERS = ("Column in the file", "Goes to", "Sample answers", "Why")

    changed = Signal()

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self.combos: list[QComboBox] = []
        self.guesses: list[ColumnGuess] = []
        self.saved: dict[int, ApplicantField] = {}
        self.saved_name = ""
        self.chosen: dict[int, ApplicantField] = {}
        self._choices: list[ColumnChoice] = []
        _table_look(table, self.HEADERS)

    def show_columns(self, headers: Sequence[str], guesses: Sequence[ColumnGuess]) -> None:
        """One line per column, each going where its guess sends it."""
        table = self.table
        self.guesses = list(guesses)
        self.saved, self.saved_name, self.chosen = {}, "", {}
        table.clearContents()
        table.setRowCount(len(headers))
        self.combos = []
        fields = field_choices()
        samples = {g.column: g.samples for g in self.guesses}
        for index, header in enumerate(headers):
            name = QTableWidgetItem(column_name(index, header))
            name.setToolTip(header)
            table.setItem(index, self.COLUMN, name)
            combo = QComboBox(table)
            combo.setObjectName(f"column_{index}")
            combo.setAccessibleName(f"Where column {column_letters(index)} goes")
            for wanted in fields:
                combo.addItem(wanted.label, wanted)
            combo.setMaxVisibleItems(len(fields))
            combo.currentIndexChanged.connect(partial(self._combo_changed, index))
            table.setCellWidget(index, self.GOES_TO, combo)
            self.combos.append(combo)
            shown = samples.get(index, ())
            example = QTableWidgetItem(" · ".join(shown))
            example.setToolTip("\n".join(shown))
            table.setItem(index, self.SAMPLES, example)
            table.setItem(index, self.WHY, QTableWidgetItem())
        self._refresh()
        self.fit_widths()

    def fit_widths(self) -> None:
        """Size the columns to what they show, within a share of the table's width each.

        "Why" takes the rest; every cell cut short shows itself whole as a tooltip.
        """
        table = self.table
        widest = max(table.fontMetrics().horizontalAdvance(f.label) for f in ApplicantField)
        table.setColumnWidth(self.GOES_TO, widest + 48)
        width = table.viewport().width()
        _fit(table, self.COLUMN, 160, width * 26 // 100)
        _fit(table, self.SAMPLES, 140, width * 24 // 100)

    def use_guesses(self) -> None:
        """Send every column where its guess does, forgetting choices and saved mappings."""
        self.saved, self.saved_name, self.chosen = {}, "", {}
        self._refresh()

    def use_saved(self, name: str, columns: dict[int, ApplicantField]) -> None:
        """Send the columns a saved mapping knows where it says; the others where guessed."""
        self.saved, self.saved_name, self.chosen = dict(columns), name, {}
        self._refresh()

    def set_mapping(self, mapping: dict[int, ApplicantField]) -> None:
        """Choose where these columns go, as the coordinator would one by one."""
        self.chosen.update(mapping)
        self._refresh()

    def choices(self) -> list[ColumnChoice]:
        """Where each column goes and why, in column order."""
        return list(self._choices)

    def mapping(self) -> dict[int, ApplicantField]:
        """Where every column goes, "kept as other answers" and "left out" included."""
        return mapping_of(self._choices)

    def _combo_changed(self, column: int, _index: int) -> None:
        # Qt gives a StrEnum member back as a str.
        self.chosen[column] = ApplicantField(self.combos[column].currentData())
        self._refresh()

    def _refresh(self) -> None:
        self._choices = column_choices(
            self.guesses,
            saved=self.saved,
            saved_reason=f"as the saved mapping “{self.saved_name}” says",
            chosen=self.chosen,
            chosen_reason="chosen by you",
        )
        givers: dict[ApplicantField, int] = {}
        for choice in self._choices:
            givers.setdefault(choice.field, choice.column)
        for choice in self._choices:
            combo = self.combos[choice.column]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(choice.field), 0))
            combo.blockSignals(False)
            item = self.table.item(choice.column, self.WHY)
            if item is not None:
                text = why_text(choice, givers)
                item.setText(text)
                item.setToolTip(text)
        self.changed.emit()


class ValueMapTable(QObject):
    """The strand and role answers the file gives that name no strand and no role.

    Each distinct answer has one line and one choice: the strand (or the role)
    it means. The box is hidden when every answer is understood.

    Attributes:
        answers: the answers listed, in order.
        combos: the choice for each answer, in the same order.
        left_out: how many more answers there were than the table lists.

    Signals:
        changed: an answer now means something else.
    """

    ANSWER, FIELD, ROWS, MEANS = range(4)
    HEADERS = ("Answer in the file", "For", "Rows", "Means")

    changed = Signal()

    def __init__(self, box: QWidget, help_label: QLabel, table: QTableWidget) -> None:
        super().__init__(table)
        self.box = box
        self.help_label = help_label
        self.table = table
        self.answers: list[UnrecognisedAnswer] = []
        self.combos: list[QComboBox] = []
        self.left_out = 0
        self.row_height = _table_look(table, self.HEADERS) + 2
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.ANSWER, QHeaderView.ResizeMode.Stretch)
        box.hide()

    def show_answers(
        self,
        answers: Sequence[UnrecognisedAnswer],
        strand_names: Sequence[str],
        chosen: ValueMap,
        programme: str,
    ) -> None:
        """List the answers to map, each set to its choice in ``chosen`` if any."""
        self.left_out = max(len(answers) - MOST_ANSWERS, 0)
        self.answers = list(answers[:MOST_ANSWERS])
        table = self.table
        table.clearContents()
        table.setRowCount(len(self.answers))
        self.combos = []
        for row, answer in enumerate(self.answers):
            table.setItem(row, self.FIELD, QTableWidgetItem(answer.field.label))
            text = QTableWidgetItem(answer.text)
            text.setToolTip(answer.text)
            table.setItem(row, self.ANSWER, text)
            count = QTableWidgetItem(f"{answer.rows:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, self.ROWS, count)
            combo = QComboBox(table)
            combo.setObjectName(f"value_{row}")
            combo.setAccessibleName(f"What “{answer.text}” means")
            combo.addItem(NOT_MAPPED, None)
            if answer.field is ApplicantField.STRAND:
                for name in strand_names:
                    combo.addItem(name, name)
            else:
                for role in Role:
                    combo.addItem(role.label, role.value)
            wanted = chosen.get(answer.field, {}).get(answer.key)
            combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted else 0)
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            table.setCellWidget(row, self.MEANS, combo)
            self.combos.append(combo)
        self._show_help(programme)
        table.resizeColumnToContents(self.FIELD)
        table.resizeColumnToContents(self.ROWS)
        widest = max(table.fontMetrics().horizontalAdvance(c) for c in (NOT_MAPPED, *strand_names))
        table.setColumnWidth(self.MEANS, widest + 48)
        self._fit_height()
        self.box.setVisible(bool(self.answers))

    def _fit_height(self) -> None:
        """Make the table exactly tall enough for its answers, up to :data:`SHOWN_ANSWERS`."""
        table = self.table
        frame = 2 * table.frameWidth() + table.horizontalHeader().sizeHint().height()
        rows = min(max(len(self.answers), 1), SHOWN_ANSWERS)
        table.setFixedHeight(frame + self.row_height * rows)

    def _show_help(self, programme: str) -> None:
        fields = {a.field for a in self.answers}
        what = " and ".join(
            words
            for field, words in (
                (ApplicantField.STRAND, f"no strand of “{programme}”"),
                (ApplicantField.ROLE, "no role"),
            )
            if field in fields
        )
        more = (
            f" Only the {MOST_ANSWERS} most frequent are listed; "
            f"{plural(self.left_out, 'other answer')} not."
            if self.left_out
            else ""
        )
        self.help_label.setText(
            f"<b>{plural(len(self.answers), 'answer')} name {what}.</b> Choose once what each "
            "one means; it applies to every row giving it and is saved with the mapping. "
            f"Rows whose answer is left “not mapped” are rejected.{more}"
        )

    def value_map(self) -> ValueMap:
        """The choices made: for each field, an answer's key → strand name or role value."""
        chosen: ValueMap = {}
        for answer, combo in zip(self.answers, self.combos, strict=True):
            value = combo.currentData()
            if value:
                chosen.setdefault(answer.field, {})[answer.key] = str(value)
        return chosen
