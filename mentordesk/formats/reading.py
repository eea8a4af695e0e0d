"""Read the table on one sheet of an Excel, OpenDocument or CSV file into a SheetTable."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException
from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from mentordesk.domain.errors import UnreadableFile
from mentordesk.formats.csv_reading import read_text_rows
from mentordesk.formats.dates import parse_date
from mentordesk.formats.safety import MAX_ROWS, Container, classify, damaged, protected
from mentordesk.formats.tables import CellValue, SheetTable, column_letters
from mentordesk.formats.text import clean_text

#: How far down a sheet the header row is looked for (titles and notes sit above it).
HEADER_SEARCH_ROWS = 30

_RawCell = int | float | str | bool | dt.time | dt.date | dt.datetime | dt.timedelta | None
_Merge = tuple[tuple[int, int], tuple[int, int]]
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

#: A survey tool's code for a question: Q1, Q3_1, QID12_TEXT, Q5#1_1, G01Q01, G01Q02[SQ001].
_QUESTION_CODE = re.compile(r"(?:QID|Q|G\d+Q|SQ)\d+(?:[_#.\-\[][\w#.\-\[\]]*)?", re.IGNORECASE)
#: Any code a survey tool puts over a column: one word of letters, digits and _.#-[]
#: (StartDate, ResponseId, submitdate, Q3_1).
_CODE = re.compile(r"[^\W\d][\w.#\-\[\]]{0,63}")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
#: A number as a CSV file writes it: "12", "-3", "1,234.50", "1 234", "45 %", "€ 1,200".
_NUMBER = re.compile(r"[-+]?[€$£]?\s?\d[\d .,']*\s?(?:%|€|\$|£)?")
#: What the first filled cell of a totals row says (compared case-folded, without a colon).
_TOTALS = frozenset(
    {
        "total",
        "totals",
        "sum",
        "sums",
        "grand total",
        "gesamt",
        "insgesamt",
        "summe",
        "gesamtsumme",
        "total général",
        "total general",
        "totaux",
        "somme",
    }
)
#: A label and a count in one cell, as a coordinator types a totals row: "Total: 11",
#: "Summe 11", "Responses: 11" (compared case-folded, spaces squeezed).
_LABELLED_COUNT = re.compile(r"(?P<label>[^\W\d_]+(?: [^\W\d_]+)*)\.? ?:? ?(?P<count>\d[\d .,']*)")
#: At most this many totals rows are looked for at the bottom (Total, then Grand total).
_MOST_TOTALS_ROWS = 3
#: A column whose first answers repeat at least this often (roles, strands, yes or no)
#: keeps one copy of each distinct answer, up to this many distinct answers.
_REPEATS = 2
_MOST_SHARED = 4096


def require_rows(table: SheetTable) -> SheetTable:
    """Refuse a table that has a header row but no rows under it (or only blank ones).

    An import of such a table would write nothing but an entry saying so; every
    importer asks this first, so the programme file is left untouched.

    Args:
        table: the table as :func:`read_table` read it.

    Returns:
        The same table, when it has at least one row.

    Raises:
        UnreadableFile: the table has no rows; the message names the file and sheet.
    """
    if table.rows:
        return table
    where = f"Sheet “{table.sheet}” of “{table.source}”" if table.sheet else f"“{table.source}”"
    raise UnreadableFile(
        f"{where} has a header row but no rows of answers under it, so there is nothing "
        "to import. Check that this is the right file"
        + (" and sheet" if table.sheet else "")
        + ", and that the answers were saved in it."
    )


def list_sheets(path: Path) -> list[str]:
    """Name the worksheets of a workbook, in workbook order; a CSV file has one named "".

    Args:
        path: the file to look into.

    Returns:
        The worksheet names (chart sheets left out).

    Raises:
        UnreadableFile: the file cannot be imported; the message says why.
    """
    if classify(path) is Container.TEXT:
        return [""]
    with _open_workbook(path) as workbook:
        return [
            meta.name for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet
        ]


def read_table(path: Path, *, sheet: str | None = None) -> SheetTable:
    """Read the table on one sheet: find its header row, then every data row under it.

    Formulas are never evaluated: a formula cell holds the value Excel saved
    with it, or nothing when the file was written by a program that does not
    calculate. Macros in .xlsm files are never run.

    Args:
        path: an .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt file.
        sheet: the worksheet to read; None reads the first visible one (and is
            the only choice for a CSV file).

    Returns:
        The headers and rows, with their real sheet row numbers.

    Raises:
        UnreadableFile: the file or sheet cannot be read, has no header row, or
            has more than 100,000 data rows; the message says which.
    """
    container = classify(path)
    if container is Container.TEXT:
        rows, notices = read_text_rows(path)
        return _tabulate(path.name, "", enumerate(rows, start=1), [], None, notices=notices)
    date_1904 = container is Container.ZIP and _uses_1904_dates(path)
    with _open_workbook(path) as workbook:
        name = _choose_sheet(path.name, workbook, sheet)
        try:
            found = workbook.get_sheet_by_name(name)
            # iter_rows starts at the sheet's first row but at its first used column.
            first_column = found.start[1] if found.start else 0
            merges = [
                ((top, left - first_column), (bottom, right - first_column))
                for (top, left), (bottom, right) in found.merged_cell_ranges or []
            ]
            cells = (_cells(raw) for raw in found.iter_rows())
            return _tabulate(
                path.name,
                name,
                enumerate(cells, start=1),
                merges,
                first_column,
                date_1904=date_1904,
            )
        except CalamineError as exc:
            raise _damaged(path.name, exc) from None


def _open_workbook(path: Path) -> CalamineWorkbook:
    """Open a checked workbook by its content, so a misnamed .xls/.xlsx still opens."""
    try:
        with path.open("rb") as stream:
            return CalamineWorkbook.from_filelike(stream)
    except PasswordError:
        raise protected(path.name) from None
    except (CalamineError, OSError) as exc:
        raise _damaged(path.name, exc) from None


def _damaged(name: str, exc: Exception) -> UnreadableFile:
    del exc  # the parser's wording means nothing to a coordinator
    return damaged(name)


def _choose_sheet(source: str, workbook: CalamineWorkbook, wanted: str | None) -> str:
    sheets = [meta for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
    if wanted is not None:
        if any(meta.name == wanted for meta in sheets):
            return wanted
        raise UnreadableFile(
            f"“{source}” has no sheet called “{wanted}”; it has "
            + ", ".join(f"“{meta.name}”" for meta in sheets)
            + "."
        )
    visible = [meta for meta in sheets if meta.visible == SheetVisibleEnum.Visible] or sheets
    if not visible:
        raise UnreadableFile(f"“{source}” has no worksheets, only charts.")
    return visible[0].name


def _uses_1904_dates(path: Path) -> bool:
    """Whether an .xlsx counts dates from 1904 (``workbookPr date1904``), as old Mac Excel did."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return False
            with archive.open("xl/workbook.xml") as part:
                root = SafeElementTree.parse(part).getroot()
    except (zipfile.BadZipFile, SafeElementTree.ParseError, DefusedXmlException):
        return False
    properties = root.find(f"{_MAIN_NS}workbookPr")
    if properties is None:
        return False
    return properties.get("date1904", "").lower() in {"1", "true"}


def _cells(raw: Sequence[_RawCell]) -> list[CellValue]:
    """A row as the parser gives it, as cells; text, by far the most common, is handled inline."""
    return [
        ((value.strip() if value.isascii() else clean_text(value)) or None)
        if type(value) is str
        else _cell(value)
        for value in raw
    ]


def _cell(value: _RawCell) -> CellValue:
    """Turn what the parser gives into a cell: text cleaned, whole numbers as int."""
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


def _tabulate(
    source: str,
    sheet: str,
    numbered_rows: Iterator[tuple[int, list[CellValue]]],
    merges: Sequence[_Merge],
    first_column: int | None,
    *,
    date_1904: bool = False,
    notices: tuple[str, ...] = (),
) -> SheetTable:
    """Find the header row among the first rows, then collect the data rows under it."""
    opening = list(itertools.islice(numbered_rows, HEADER_SEARCH_ROWS + 1))
    found = _find_header(opening, merges)
    if found is None:
        where = f"sheet “{sheet}” of “{source}”" if sheet else f"“{source}”"
        if not any(_filled(cells) for _, cells in opening):
            raise UnreadableFile(f"{where} is empty.")
        raise UnreadableFile(
            f"No header row found in {where}: MentorDesk looks in the first "
            f"{HEADER_SEARCH_ROWS} rows for a row of column titles (at least two, mostly "
            "text). Add a row of titles above the data."
        )
    header_index, headers = found
    header_row = opening[header_index][0]
    data_start = header_index + 1
    coded = _questions_under_codes(opening, header_index)
    if coded is not None:
        headers, header_row, data_start = coded.titles, coded.header_row, coded.data_start
        notices = (*notices, coded.notice)
    rest = itertools.chain(opening[data_start:], numbered_rows)
    rows: list[tuple[CellValue, ...]] = []
    row_numbers: list[int] = []
    width = len(headers)
    extra_width = width
    shared: list[tuple[int, dict[str, str]]] = [
        (column, {}) for column in _repeating_columns([cells for _, cells in opening[data_start:]])
    ]
    for number, cells in rest:
        if cells.count(None) == len(cells):
            continue
        if len(rows) == MAX_ROWS:
            total = MAX_ROWS + 1 + sum(1 for _, more in rest if _filled(more))
            raise UnreadableFile(
                f"“{source}” has {total:,} rows; MentorDesk imports at most {MAX_ROWS:,} at "
                "a time — split the file."
            )
        if len(cells) > width:
            extra_width = max(extra_width, _last_filled(cells) + 1)
        _share_repeats(cells, shared)
        rows.append(tuple(cells))
        row_numbers.append(number)
    totals = _leave_out_totals(rows, row_numbers)
    # A column with data but no title is kept (as "Column N") rather than dropped unseen.
    headers = _unique([*headers, *[""] * (extra_width - width)], first_column)
    return SheetTable(
        source=source,
        sheet=sheet,
        header_row=header_row,
        headers=tuple(headers),
        rows=tuple(_fit(row, extra_width) for row in rows),
        row_numbers=tuple(row_numbers),
        date_1904=date_1904,
        notices=(*notices, *totals),
    )


def _repeating_columns(sample: Sequence[Sequence[CellValue]]) -> list[int]:
    """The columns whose first answers repeat (roles, strands, yes or no, institutions).

    A table keeps one text object for each distinct answer in such a column
    rather than one per row, which saves tens of megabytes on 100,000 rows.
    Columns of names, addresses and free text are left alone, as looking their
    answers up would cost time and save nothing.
    """
    width = max((len(cells) for cells in sample), default=0)
    repeating: list[int] = []
    for column in range(width):
        texts = [
            cells[column]
            for cells in sample
            if column < len(cells) and isinstance(cells[column], str)
        ]
        if len(set(texts)) * _REPEATS <= len(texts):
            repeating.append(column)
    return repeating


def _share_repeats(cells: list[CellValue], shared: Sequence[tuple[int, dict[str, str]]]) -> None:
    """Replace each repeating answer in ``cells`` by the one object kept for it."""
    for column, known in shared:
        if column < len(cells):
            value = cells[column]
            if type(value) is str:
                kept = known.get(value)
                if kept is not None:
                    cells[column] = kept
                elif len(known) < _MOST_SHARED:
                    known[value] = value


def _leave_out_totals(rows: list[tuple[CellValue, ...]], row_numbers: list[int]) -> list[str]:
    """Take totals rows off the bottom of a coordinator's sheet; a notice for each.

    A totals row starts with "Total", "Sum", "Gesamt", "Total général" and the
    like (or with the count in the same cell: "Total: 11"), and holds nothing else
    but numbers, formulas and blanks; a row whose only cell is a word and a number
    ("Responses: 11") is one too. A row about a person called Total has their
    address, role or answers and stays.
    """
    notices: list[str] = []
    while rows and len(notices) < _MOST_TOTALS_ROWS:
        label = _totals_label(rows[-1])
        if label is None:
            break
        rows.pop()
        then = "" if any(c.isdigit() for c in label) else " followed only by numbers"
        notices.append(
            f"Row {row_numbers.pop()} reads “{label}”{then}: it is taken for a totals row, "
            "not answers, and left out."
        )
    return notices[::-1]


def _totals_label(cells: Sequence[CellValue]) -> str | None:
    """The label of a totals row ("Total"), or None for any other row."""
    label_at = next((c for c, value in enumerate(cells) if value is not None), None)
    if label_at is None:
        return None
    label = cells[label_at]
    if not isinstance(label, str):
        return None
    text = " ".join(label.casefold().split()).rstrip(" :")
    counted = _LABELLED_COUNT.fullmatch(text)
    if counted is not None:
        # "Total: 11"; any single word with a count ("Responses: 11") when nothing follows.
        word = counted["label"]
        alone = all(value is None for value in cells[label_at + 1 :])
        if word not in _TOTALS and not (alone and " " not in word):
            return None
    elif text not in _TOTALS:
        return None
    for value in cells[label_at + 1 :]:
        if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            continue
        if isinstance(value, str) and (value.startswith("=") or _NUMBER.fullmatch(value)):
            continue
        return None
    return label


@dataclass(frozen=True)
class _CodedHeader:
    """A header of question codes with the questions on the row below (Qualtrics, LimeSurvey).

    Attributes:
        titles: the questions, or the code where a column has no question.
        header_row: the sheet row of the questions.
        data_start: the index in the opening rows of the first row after the header.
        notice: what was done, in plain words.
    """

    titles: list[str]
    header_row: int
    data_start: int
    notice: str


def _questions_under_codes(
    opening: Sequence[tuple[int, list[CellValue]]], index: int
) -> _CodedHeader | None:
    """Read a header of codes (Q1, Q2, StartDate…) with the questions on the next row.

    Qualtrics writes its question codes on row 1, the questions on row 2 and
    its import ids (``{"ImportId":"QID1"}``) on row 3; a LimeSurvey export can
    have question codes (G01Q01) over a row of questions. An ordinary header
    over a first row of answers is not taken for one: the row under the codes
    must hold no address, number or date, read as questions (words, "?")
    under the question codes, name the other codes' columns in words ("Start
    Date" under StartDate), and none of its questions may come back as an
    answer further down, unless Qualtrics' row of import ids settles it.
    """
    if index + 1 >= len(opening):
        return None
    number, codes = opening[index]
    below_number, below = opening[index + 1]
    filled = {c: value for c, value in enumerate(codes) if value is not None}
    code_like = [
        c for c, value in filled.items() if isinstance(value, str) and _CODE.fullmatch(value)
    ]
    asked = {c: value for c, value in enumerate(below) if value is not None}
    if below_number != number + 1 or len(code_like) < 2 or len(asked) * 2 < len(filled):
        return None
    after = opening[index + 2] if index + 2 < len(opening) else None
    import_ids = after is not None and after[0] == below_number + 1 and _import_ids(after[1])
    question_codes = [c for c in code_like if _QUESTION_CODE.fullmatch(str(codes[c]))]
    if not import_ids and not (
        len(code_like) * 4 >= len(filled) * 3
        and len(question_codes) >= 2
        and not any(_answer_like(value) for value in asked.values())
        and _reads_as_questions(codes, asked, question_codes, opening[index + 2 :])
    ):
        return None
    titles = [
        _title(question) or _title(code) for code, question in itertools.zip_longest(codes, below)
    ]
    examples = [
        str(codes[c]) for c in (question_codes if len(question_codes) >= 2 else code_like)[:2]
    ]
    notice = (
        f"Row {number} holds question codes ({examples[0]}, {examples[1]}, …); the questions "
        f"on row {below_number} are used as column titles."
    )
    if import_ids:
        notice += (
            f" Row {below_number + 1} holds Qualtrics' import ids, not answers, and is left out."
        )
    return _CodedHeader(_trimmed(titles), below_number, index + (3 if import_ids else 2), notice)


def _import_ids(cells: Sequence[CellValue]) -> bool:
    """Whether a row is Qualtrics' third header row: ``{"ImportId":"QID1"}`` in every cell."""
    filled = [value for value in cells if value is not None]
    return bool(filled) and all(
        isinstance(value, str) and value.startswith("{") and "importid" in value.casefold()
        for value in filled
    )


def _answer_like(value: CellValue) -> bool:
    """Whether a cell reads as an answer rather than a question: a number, date or address."""
    if not isinstance(value, str):
        return True
    if _EMAIL.search(value) or _NUMBER.fullmatch(value):
        return True
    parsed = parse_date(value)
    return parsed.value is not None or parsed.ambiguous


def _reads_as_questions(
    codes: Sequence[CellValue],
    asked: Mapping[int, CellValue],
    question_codes: Sequence[int],
    later: Sequence[tuple[int, list[CellValue]]],
) -> bool:
    """Whether the texts under a row of codes are its questions rather than a first answer."""
    questions = {c: str(asked[c]) for c in question_codes if c in asked}
    wordy = sum(1 for text in questions.values() if " " in text or text.endswith(("?", ":")))
    if wordy * 2 <= len(questions):
        return False
    others = [
        c for c in asked if c not in question_codes and c < len(codes) and codes[c] is not None
    ]
    named = sum(1 for c in others if _names_code(str(codes[c]), str(asked[c])))
    if others and named * 2 <= len(others):
        return False
    # A question is never one of its own answers further down.
    return not any(
        c < len(cells) and cells[c] == text for _, cells in later for c, text in questions.items()
    )


def _names_code(code: str, text: str) -> bool:
    """Whether ``text`` puts ``code`` in words: "Start Date" for StartDate, "Seed" for seed."""
    squeezed_code = re.sub(r"[\W_]+", "", code.casefold())
    squeezed_text = re.sub(r"[\W_]+", "", text.casefold())
    if squeezed_code in squeezed_text or squeezed_text in squeezed_code:
        return True
    words = re.findall(r"[^\W\d_]{3,}", text.casefold())
    return any(word in squeezed_code for word in words)


def _filled(cells: Iterable[CellValue]) -> bool:
    return any(value is not None for value in cells)


def _last_filled(cells: Sequence[CellValue]) -> int:
    return max((i for i, value in enumerate(cells) if value is not None), default=-1)


def _fit(row: tuple[CellValue, ...], width: int) -> tuple[CellValue, ...]:
    if len(row) == width:
        return row
    if len(row) > width:
        return row[:width]
    return row + (None,) * (width - len(row))


def _is_header(cells: Sequence[CellValue]) -> bool:
    """A header row has at least two titles, and more than half of its cells are text."""
    filled = [value for value in cells if value is not None]
    texts = sum(1 for value in filled if isinstance(value, str))
    return len(filled) >= 2 and texts * 2 > len(filled)


def _find_header(
    opening: list[tuple[int, list[CellValue]]], merges: Sequence[_Merge]
) -> tuple[int, list[str]] | None:
    """Return the index (in ``opening``) of the header row and its titles, or None.

    A header of two rows (group titles merged across columns above the column
    titles) is read as one: the lower row's titles, and the group's title where
    the lower row has none.
    """
    for index, (number, cells) in enumerate(opening[:HEADER_SEARCH_ROWS]):
        if not _is_header(cells):
            continue
        titles = _titles(cells, [m for m in merges if m[0][0] == number - 1 and m[1][1] > m[0][1]])
        if index + 1 < len(opening):
            below_number, below = opening[index + 1]
            if below_number == number + 1 and _continues_header(number - 1, cells, below, merges):
                lower = [_title(value) for value in below]
                width = max(len(titles), len(lower))
                titles = [
                    (lower[c] if c < len(lower) and lower[c] else "")
                    or (titles[c] if c < len(titles) else "")
                    for c in range(width)
                ]
                return index + 1, _trimmed(titles)
        return index, _trimmed(titles)
    return None


def _continues_header(
    row_index: int, cells: list[CellValue], below: list[CellValue], merges: Sequence[_Merge]
) -> bool:
    """Whether ``below`` holds column titles under group titles merged across ``cells``.

    It does when every cell of ``below`` is text and sits under a merged group
    title or under an empty header cell, and at least one sits under a group.
    """
    spanned: set[int] = set()
    for (top, left), (bottom, right) in merges:
        if right > left and top <= row_index <= bottom:
            spanned.update(range(left, right + 1))
    if not spanned:
        return False
    under_group = False
    for column, value in enumerate(below):
        if value is None:
            continue
        if not isinstance(value, str):
            return False
        if column in spanned:
            under_group = True
        elif column < len(cells) and cells[column] is not None:
            return False
    return under_group


def _titles(cells: Sequence[CellValue], row_merges: Sequence[_Merge]) -> list[str]:
    """Turn header cells into titles, repeating a merged title over the columns it spans."""
    titles = [_title(value) for value in cells]
    for (_, left), (_, right) in row_merges:
        if left < len(titles) and titles[left]:
            for column in range(left + 1, min(right + 1, len(titles))):
                titles[column] = titles[column] or titles[left]
    return titles


def _title(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _trimmed(titles: list[str]) -> list[str]:
    """Drop untitled columns at the right end (data under them comes back as "Column N")."""
    end = len(titles)
    while end and not titles[end - 1]:
        end -= 1
    return titles[:end]


def _unique(titles: Sequence[str], first_column: int | None) -> list[str]:
    """Name untitled columns and number repeats: "Email", "Email (2)".

    An untitled column is called by its letter in a workbook ("Column F", as
    Excel shows it) and by its position in a CSV file ("Column 6").
    """
    seen: set[str] = set()
    unique: list[str] = []
    for column, title in enumerate(titles):
        if title:
            base = title
        elif first_column is None:
            base = f"Column {column + 1}"
        else:
            base = f"Column {column_letters(first_column + column)}"
        candidate, count = base, 1
        while candidate.lower() in seen:
            count += 1
            candidate = f"{base} ({count})"
        seen.add(candidate.lower())
        unique.append(candidate)
    return unique
