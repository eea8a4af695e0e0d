"""What an import says about a file: where each column went, and how to fix what is refused.

Every column is named with the field it goes to and why, so nothing is read
into the wrong field or dropped unseen; when rows are refused because a field
they cannot do without is missing, the refusal is said once, with the column
most likely to hold the field and how to map it, rather than once per row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from mentordesk.domain.enums import ApplicantField, ApplicationStatus, Role
from mentordesk.formats.column_guess import ColumnGuess, likely_column
from mentordesk.formats.columns import normalise
from mentordesk.formats.tables import SheetTable, cell_text, column_letters
from mentordesk.formats.text import plural
from mentordesk.services.import_people import StageTally
from mentordesk.services.import_reading import (
    NAME_FIELDS,
    REQUIRED,
    is_missing_problem,
    question_of,
    role_named,
    shared_by_role,
    status_named,
    strand_named,
)
from mentordesk.services.importing import PreviewRow

F = ApplicantField
#: Where a column goes, in words, for the fields that are not a place in MentorDesk.
_GOES = {F.IGNORE: "left out", F.OTHER: "kept as other answers"}
#: A problem met in at least this many rows is said once, with the rows it is in.
_ALIKE = 3
#: The most answers a hint lists, each with its ``--map-value``.
_SHOWN_ANSWERS = 6
#: The most other answers a line of alike problems quotes; more are counted.
_QUOTED_ANSWERS = 3
_QUOTED = re.compile(r"“[^”]*”")
#: The most stages or positions a line about career stages quotes; more are counted.
_QUOTED_STAGES = 8
#: How the option that fills a missing field in every row is written.
_DEFAULT_OPTION = {F.ROLE: "--role mentor or --role mentee", F.STRAND: "--strand NAME"}


@dataclass(frozen=True)
class ColumnChoice:
    """Where one column of a file goes, and why.

    Attributes:
        column: the 0-based index of the column.
        header: its title.
        field: the field it goes to (OTHER: kept as other answers; IGNORE: left out).
        reason: why, in plain words ("answers are Mentor/Mentee in 55 of 55 rows",
            "as --map says").
        samples: up to 3 different answers, shortened.
        suggestion: a field the column might hold although it is not read into it
            (a weak guess, or a tie with another column).
    """

    column: int
    header: str
    field: ApplicantField
    reason: str
    samples: tuple[str, ...] = ()
    suggestion: ApplicantField | None = None

    @property
    def name(self) -> str:
        """The column as messages name it: its letter and header (C “I am applying as a”)."""
        return f"{column_letters(self.column)} “{self.header}”"


def column_choices(
    guesses: Sequence[ColumnGuess],
    *,
    saved: Mapping[int, ApplicantField] | None = None,
    saved_reason: str = "as the saved mapping says",
    chosen: Mapping[int, ApplicantField] | None = None,
    chosen_reason: str = "as chosen",
) -> list[ColumnChoice]:
    """Where each column goes: a choice by hand wins over a saved mapping, which wins over a guess.

    A field given to a column by a choice that wins is taken from the columns
    a weaker choice gave it to (they are then kept as other answers), so the
    coordinator's column is the one read.

    Args:
        guesses: every column's recognised guess, in column order (see
            :func:`~mentordesk.formats.column_guess.recognise_columns`).
        saved: the columns a saved mapping knows, and their fields.
        saved_reason: why a saved mapping's column goes where it does.
        chosen: the columns mapped by hand (``--map``), and their fields.
        chosen_reason: why a column mapped by hand goes where it does.

    Returns:
        One choice per column, in column order.
    """
    saved, chosen = saved or {}, chosen or {}
    choices: list[ColumnChoice] = []
    for guess in guesses:
        weak = guess.suggestion or (None if guess.sure else guess.field)
        if guess.column in chosen:
            wanted, reason = chosen[guess.column], chosen_reason
        elif guess.column in saved:
            wanted, reason = saved[guess.column], saved_reason
        else:
            wanted = guess.field if guess.sure else F.OTHER
            reason = guess.reason
        choices.append(
            ColumnChoice(
                guess.column,
                guess.header,
                wanted,
                reason,
                guess.samples,
                weak if weak is not wanted else None,
            )
        )

    # Several columns of one rank may share a field (the first non-empty answer wins).
    def rank(column: int) -> int:
        return 2 if column in chosen else 1 if column in saved else 0

    strongest: dict[ApplicantField, tuple[int, int]] = {}
    for choice in choices:
        if choice.field not in _GOES:
            found = (rank(choice.column), -choice.column)
            strongest[choice.field] = max(strongest.get(choice.field, found), found)
    for index, choice in enumerate(choices):
        if choice.field in _GOES:
            continue
        best, giver = strongest[choice.field]
        if rank(choice.column) < best:
            choices[index] = ColumnChoice(
                choice.column,
                choice.header,
                F.OTHER,
                f"the {choice.field.label.lower()} is read from column "
                f"{column_letters(-giver)} instead",
                choice.samples,
                choice.field,
            )
    return choices


def _shared_reason(table: SheetTable, choices: Sequence[ColumnChoice]) -> tuple[int, str] | None:
    """The column of expertise (or needs) both roles answered, and what became of it.

    The import keeps each answer in the field of its row's role (see
    :func:`~mentordesk.services.import_reading.shared_by_role`); roles are
    read here in the words a form uses, without the answers mapped by hand.
    """
    read = {c.field: [c.column] for c in choices if c.field not in _GOES}
    shared = shared_by_role(read)
    roles = read.get(F.ROLE)
    if shared is None or not roles:
        return None
    column = read[shared][0]
    answered = {
        role_named(cell_text(row[roles[0]]), {}) for row in table.rows if cell_text(row[column])
    }
    if not {Role.MENTOR, Role.MENTEE} <= answered:
        return None
    if shared is F.DEVELOPMENT_NEEDS:
        return column, "answered by both roles: a mentor's answer is kept as their expertise"
    return column, "answered by both roles: a mentee's answer is kept as their development needs"


def mapping_of(choices: Sequence[ColumnChoice]) -> dict[int, ApplicantField]:
    """The mapping an import reads the columns with."""
    return {choice.column: choice.field for choice in choices}


def _goes(wanted: ApplicantField) -> str:
    return _GOES.get(wanted, wanted.label)


def column_report(
    table: SheetTable,
    choices: Sequence[ColumnChoice],
    kept: Mapping[str, int] | None = None,
) -> list[str]:
    """Where each column went, a line each, in column order, for the import's summary.

    Args:
        table: the table imported.
        choices: where each column goes (see :func:`column_choices`).
        kept: how many answers each question kept as other answers (see
            :attr:`~mentordesk.services.importing.ImportSummary.other_answers`).

    Returns:
        Lines such as ``F “I am applying as a” → Role (answers are Mentor/Mentee
        in 55 of 55 rows)`` and ``K “How did you hear about us?” → kept as
        other answers: 52 answers (no field fits the header or the answers)``.
    """
    lines = []
    shared = _shared_reason(table, choices)
    for choice in choices:
        goes = _goes(choice.field)
        if choice.field is F.OTHER and kept is not None:
            count = kept.get(question_of(table.headers[choice.column], choice.column), 0)
            goes += f": {plural(count, 'answer')}"
        reason = choice.reason
        if shared is not None and shared[0] == choice.column:
            reason += f"; {shared[1]}"
        lines.append(f"{choice.name} → {goes} ({reason})")
    return lines


def mapping_lines(choices: Sequence[ColumnChoice]) -> list[str]:
    """Each column, the field it goes to as ``--map`` names it, why, and sample answers.

    A weak guess that is not applied is shown with the ``--map`` that applies it.
    """
    lines = []
    for choice in choices:
        line = f"{choice.name} → {choice.field.value}"
        if choice.suggestion is not None and choice.field in _GOES:
            line += (
                f" (might be {choice.suggestion.value}: {choice.reason}; pass "
                f"{map_option(choice.suggestion, choice.header)})"
            )
        else:
            line += f" ({choice.reason})"
        if choice.samples:
            line += "; answers such as " + ", ".join(f"“{s}”" for s in choice.samples)
        lines.append(line)
    return lines


def map_option(wanted: ApplicantField, header: str) -> str:
    """The ``--map`` that reads a column into a field: ``--map "role=I am applying as a"``."""
    return f'--map "{wanted.value}={header}"'


# Refusals ---------------------------------------------------------------------------------


def missing_fields(rows: Sequence[PreviewRow]) -> dict[ApplicantField, int]:
    """How many of the rows lack each field they cannot do without (email, strand, role)."""
    counts: dict[ApplicantField, int] = {}
    for row in rows:
        for wanted in row.missing:
            counts[wanted] = counts.get(wanted, 0) + 1
    return {wanted: counts[wanted] for wanted in REQUIRED if wanted in counts}


def missing_field_hint(
    wanted: ApplicantField,
    choices: Sequence[ColumnChoice],
    guesses: Sequence[ColumnGuess],
    source: str,
) -> str:
    """How to give rows the field they lack: the column to map, or the option to pass.

    Args:
        wanted: EMAIL, FULL_NAME (the name, however it is read), STRAND or ROLE.
        choices: where each column goes.
        guesses: every column's recognised guess.
        source: the file's name.

    Returns:
        One or two sentences naming the column most likely to hold the field and
        the exact ``--map`` to pass; when a column is read for the field but
        left empty, that; when no column looks like it, the option that gives
        every row the field, if there is one.
    """
    if wanted is F.FULL_NAME:
        return _name_hint(choices, guesses, source)
    name = wanted.label.lower()
    read = [c for c in choices if c.field is wanted]
    if read:
        columns = " and ".join(c.name for c in read)
        fix = (
            f", or pass {_DEFAULT_OPTION[wanted]} for the rows that leave it empty if they "
            "all have the same"
            if wanted in _DEFAULT_OPTION
            else ""
        )
        return f"The {name} is read from column {columns}: fill it in where it is empty{fix}."
    likely = likely_column(guesses, wanted)
    candidates = [c for c in choices if c.suggestion is wanted]
    if likely is not None:
        candidates.sort(key=lambda c: c.column != likely.column)
    if candidates:
        first = candidates[0]
        hint = (
            f"No column of {source} is read as the {name}. Column {first.name} looks like it "
            f"holds it ({first.reason}): pass {map_option(wanted, first.header)}"
        )
        for other in candidates[1:]:
            hint += f", or {map_option(wanted, other.header)} for column {other.name}"
        return hint + "."
    hint = f"No column of {source} looks like it holds the {name}."
    if wanted in _DEFAULT_OPTION:
        hint += (
            f" If every row has the same {name}, pass {_DEFAULT_OPTION[wanted]}; otherwise"
            f" name the column that holds it with {map_option(wanted, 'HEADER')}."
        )
    else:
        hint += f" Name the column that holds it with {map_option(wanted, 'HEADER')}."
    return hint


def _name_hint(choices: Sequence[ColumnChoice], guesses: Sequence[ColumnGuess], source: str) -> str:
    """How to give rows a name: read from a full name, or from a first and a last name."""
    read = [c for c in choices if c.field in NAME_FIELDS]
    if read:
        columns = " and ".join(c.name for c in read)
        return f"The name is read from column {columns}: fill it in where it is empty."
    for wanted in NAME_FIELDS:
        likely = likely_column(guesses, wanted)
        if likely is not None:
            return (
                f"No column of {source} is read as the name. Column "
                f"{column_letters(likely.column)} “{likely.header}” looks like it holds it "
                f"({likely.reason}): pass {map_option(wanted, likely.header)}."
            )
    return (
        f"No column of {source} looks like it holds the name. Name the column that holds "
        f"it with {map_option(F.FULL_NAME, 'HEADER')}, or those of the first and last names "
        f"with {map_option(F.FIRST_NAME, 'HEADER')} {map_option(F.LAST_NAME, 'HEADER')}."
    )


def unknown_answers(
    table: SheetTable,
    choices: Sequence[ColumnChoice],
    wanted: ApplicantField,
    strand_names: Sequence[str],
    value_map: Mapping[str, str],
) -> dict[str, int]:
    """The answers of the strand (or role) columns that name no strand (role), and how often.

    Args:
        table: the table imported.
        choices: where each column goes.
        wanted: STRAND or ROLE.
        strand_names: the programme's strands.
        value_map: the answers mapped by hand so far (normalised → strand or role).

    Returns:
        Each answer, as most rows write it, with the number of rows giving it,
        most frequent first. Answers that differ only in case, accents, spaces or
        punctuation ("Postdocs", "postdocs.") are one answer, as one
        ``--map-value`` reads them all.
    """
    written: dict[str, int] = {}
    for choice in choices:
        if choice.field is wanted:
            for row in table.rows:
                text = cell_text(row[choice.column])
                if text:
                    written[text] = written.get(text, 0) + 1
    if wanted is F.STRAND:
        named = {t for t in written if strand_named(t, strand_names, value_map) is not None}
    elif wanted is F.STATUS:
        named = {t for t in written if status_named(t, value_map) is not None}
    else:
        named = {t for t in written if role_named(t, value_map) is not None}
    # Each answer under its most frequent wording (the first met among equals).
    counts: dict[str, int] = {}
    wording: dict[str, tuple[int, str]] = {}
    for text, count in written.items():
        if text not in named:
            key = normalise(text) or text
            counts[key] = counts.get(key, 0) + count
            if count > wording.get(key, (0, ""))[0]:
                wording[key] = (count, text)
    unknown = {wording[key][1]: count for key, count in counts.items()}
    return dict(sorted(unknown.items(), key=lambda item: -item[1]))


def value_map_hint(
    wanted: ApplicantField, unknown: Mapping[str, int], strand_names: Sequence[str]
) -> str:
    """How to read a form's own wording of the strands (or roles): the ``--map-value`` to pass."""
    # A placeholder, never a real value: a hint copied as printed must not decide anything.
    if wanted is F.STRAND:
        what = f"strand of this programme ({', '.join(sorted(strand_names)) or 'none yet'})"
        value, each = "STRAND", "the strand it means"
    elif wanted is F.STATUS:
        statuses = ", ".join(status.value for status in ApplicationStatus)
        what, value, each = f"decision ({statuses})", "STATUS", "the decision it means"
    else:
        what, value, each = "role (mentor or mentee)", "ROLE", "mentor or mentee"
    shown = list(unknown.items())[:_SHOWN_ANSWERS]
    answers = ", ".join(f"“{text}” ({plural(count, 'row')})" for text, count in shown)
    more = len(unknown) - len(shown)
    options = " ".join(f'--map-value "{wanted.label}:{text}={value}"' for text, _ in shown)
    return (
        f"These answers name no {what}: {answers}"
        + (f" and {more} more" if more > 0 else "")
        + f". Say what each stands for: {options} (each {value} replaced with {each})."
    )


def read_as_received(
    table: SheetTable, choices: Sequence[ColumnChoice], value_map: Mapping[str, str]
) -> dict[str, int]:
    """The decisions that say none was taken yet ("Pending", "To review"), read as received.

    Args:
        table: the table imported.
        choices: where each column goes.
        value_map: the status answers mapped by hand (normalised → status), which
            are the coordinator's own reading and not counted.

    Returns:
        Each such answer as written, with the number of rows giving it, most
        frequent first.
    """
    found: dict[str, int] = {}  # by normalised answer
    written: dict[str, dict[str, int]] = {}  # its wordings
    for choice in choices:
        if choice.field is F.STATUS:
            for row in table.rows:
                text = cell_text(row[choice.column])
                key = normalise(text)
                if not text or key in value_map or key == ApplicationStatus.RECEIVED.value:
                    continue
                if status_named(text, value_map) is ApplicationStatus.RECEIVED:
                    found[key] = found.get(key, 0) + 1
                    wordings = written.setdefault(key, {})
                    wordings[text] = wordings.get(text, 0) + 1
            break  # the first status column is the one read
    # Each answer under its most frequent wording (the first met among equals).
    named = {max(written[key].items(), key=lambda i: i[1])[0]: n for key, n in found.items()}
    return dict(sorted(named.items(), key=lambda item: -item[1]))


def received_line(found: Mapping[str, int], *, done: bool = True) -> str:
    """Say which decisions were read as received, or "" when there are none."""
    if not found:
        return ""
    shown = list(found.items())[:_SHOWN_ANSWERS]
    answers = ", ".join(f"“{text}” ({count})" for text, count in shown)
    more = f" and {len(found) - len(shown)} more" if len(found) > len(shown) else ""
    verb = "read" if done else "would be read"
    return (
        f"{plural(sum(found.values()), 'decision')} {verb} as received (no decision yet): "
        f"{answers}{more}. Decide on them later, or say what they mean with "
        '--map-value "Status:ANSWER=STATUS".'
    )


def unreadable_dates(rows: Sequence[PreviewRow], choices: Sequence[ColumnChoice]) -> dict[int, int]:
    """How many of the rows each date column refuses (an answer that is not a date), by column."""
    counts: dict[int, int] = {}
    for choice in choices:
        if choice.field in (F.SUBMITTED_ON, F.CONSENT_ON):
            start = f"{choice.header}: "
            refused = sum(1 for row in rows if any(p.startswith(start) for p in row.problems))
            if refused:
                counts[choice.column] = refused
    return counts


def date_column_hint(choice: ColumnChoice, count: int, *, undecided: bool = False) -> str:
    """How to import rows whose date column holds answers that are not dates MentorDesk reads.

    Args:
        choice: the date column.
        count: how many rows it refuses.
        undecided: some of its dates could be read day-first or month-first and
            no answer of the column settles which (see
            :attr:`~mentordesk.services.importing.ImportPreview.undecided_dates`).
    """
    name = choice.field.label.lower()
    if undecided:
        return (
            f"Column {choice.name} is read as the {name}, but in {plural(count, 'row')} its "
            "date could be read day-first or month-first and no answer of the column settles "
            "which (see the rows above): pass --date-order month-first if the form writes "
            "month/day/year (as US forms do) or --date-order day-first if it writes "
            "day/month/year, or write those dates as year-month-day."
        )
    return (
        f"Column {choice.name} is read as the {name}, but in {plural(count, 'row')} its answer "
        "is not a date MentorDesk can read (see the rows above): write those as "
        f"year-month-day, pass {map_option(choice.field, 'HEADER')} if another column holds "
        f"the {name}, or keep the column's answers as they are with "
        f"{map_option(F.OTHER, choice.header)}."
    )


def problem_lines(rows: Sequence[PreviewRow], said: Collection[ApplicantField] = ()) -> list[str]:
    """The rows' problems, each said once: alike problems of many rows on one line.

    Problems that differ only in the answers they quote ("“x” is not a date") are
    alike; met in :data:`_ALIKE` rows or more they are said once, with the rows,
    the problem as the first of them words it and, when the others quote other
    answers, those answers (or how many rows give them). A row's other problems
    follow on its own line.

    Args:
        rows: the refused rows.
        said: missing fields said otherwise (once, with the hint to fix them);
            their problems are left out.
    """

    def kept(problem: str) -> bool:
        return not any(is_missing_problem(problem, wanted) for wanted in said)

    return _grouped([(row.row_number, [p for p in row.problems if kept(p)]) for row in rows])


def notice_lines(rows: Sequence[PreviewRow]) -> list[str]:
    """What the coordinator should know about the rows, alike notices of many rows said once.

    ``Rows 2–45 (44 rows): Already imported: nothing has changed``, grouped as
    :func:`problem_lines` groups problems; a row's other notices follow on its
    own line.
    """
    return _grouped([(row.row_number, row.notices) for row in rows])


def _grouped(said: Sequence[tuple[int, Sequence[str]]]) -> list[str]:
    """Lines of what rows say: alike sayings of many rows once, then each row's own."""
    alike: dict[str, list[tuple[int, str]]] = {}
    for number, sayings in said:
        for saying in sayings:
            alike.setdefault(_pattern(saying), []).append((number, saying))
    shared = {key for key, found in alike.items() if len(found) >= _ALIKE}
    lines = [
        f"Rows {row_ranges([n for n, _ in found])} ({plural(len(found), 'row')}): "
        f"{found[0][1]}{_others(found)}"
        for key, found in alike.items()
        if key in shared
    ]
    for number, sayings in said:
        own = [saying for saying in sayings if _pattern(saying) not in shared]
        if own:
            lines.append(f"Row {number}: {'; '.join(own)}")
    return lines


def _others(found: Sequence[tuple[int, str]]) -> str:
    """What rows saying alike things quote other than the first: "" when they all say the same.

    A few other answers are quoted (``(quoted from row 2; rows 5, 9 give “Faculty” instead)``);
    many are counted (``(quoted from row 2; 11 more rows give other answers)``).
    """
    first = found[0][1]
    same = [number for number, saying in found if saying == first]
    if len(same) == len(found):
        return ""
    quoted = _QUOTED.findall(first)
    answers: list[str] = []
    for _, saying in found:
        if saying != first:
            theirs = _QUOTED.findall(saying)
            answer = next((q for q, f in zip(theirs, quoted, strict=False) if q != f), "")
            if answer and answer not in answers:
                answers.append(answer)
    others = [number for number, saying in found if saying != first]
    where = f"quoted from row{'s' if len(same) > 1 else ''} {row_ranges(same)}"
    give = "give" if len(others) > 1 else "gives"
    if 0 < len(answers) <= _QUOTED_ANSWERS:
        listed = ", ".join(answers[:-1]) + (" or " if len(answers) > 1 else "") + answers[-1]
        rows = f"row{'s' if len(others) > 1 else ''} {row_ranges(others)}"
        return f" ({where}; {rows} {give} {listed} instead)"
    return f" ({where}; {plural(len(others), 'more row')} {give} other answers)"


def _pattern(problem: str) -> str:
    """A problem with the answers it quotes left out, so that alike problems compare equal."""
    return _QUOTED.sub("“…”", problem)


def row_ranges(numbers: Sequence[int]) -> str:
    """Row numbers as ranges: ``2–56, 58, 60–61``."""
    ordered = sorted(set(numbers))
    ranges: list[str] = []
    start = previous = ordered[0]
    for number in [*ordered[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        ranges.append(f"{start}" if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(ranges)


# People: late applications and career stages ---------------------------------------------


def late_line(late: int, closes_on: dt.date | None, *, done: bool = True) -> str | None:
    """How many applications came in after applications closed: kept, and marked late.

    Args:
        late: the applications written (or to write) after the closing day.
        closes_on: the programme's closing day.
        done: the import is written (False: a dry run or a preview says what it would do).
    """
    if not late or closes_on is None:
        return None
    were = ("was" if late == 1 else "were") if done else "would be"
    return (
        f"{plural(late, 'application')} arrived after applications closed on "
        f"{closes_on.day} {closes_on:%B %Y}: {'it' if late == 1 else 'they'} {were} imported "
        "and marked late, not refused."
    )


def stage_lines(tally: StageTally, *, done: bool = True, for_window: bool = False) -> list[str]:
    """What the coordinator should check about the career stages of the people imported.

    Lines such as "12 career stages were guessed from positions; confirm them
    in Programme ▸ Career stages or with ``mentordesk-cli programme stages``",
    the positions no stage fits, and the stages typed that the programme's
    list does not name (kept as typed); each counts the people that list shows,
    and the stages guessed for applicants it leaves out (declined, withdrawn)
    are said apart.

    Args:
        tally: the career stages the import guessed, did not find or could not place.
        done: the import is written (False: a dry run or a preview says what it would do).
        for_window: the lines are shown in the window: they name only the window's
            places (Programme ▸ Career stages, the applicant form), no command.
    """
    lines: list[str] = []
    were = "were" if done else "would be"
    if tally.guessed:
        where = "Programme ▸ Career stages"
        if not for_window:
            where += " or with `mentordesk-cli programme stages`"
        lines.append(
            f"{plural(tally.guessed, 'career stage')} {were} guessed from positions; confirm "
            f"them in {where}."
        )
    if tally.guessed_left_out:
        lines.append(
            f"{plural(tally.guessed_left_out, 'career stage')} of applicants declined or "
            f"withdrawn {were} guessed as well; they are not listed with the stages to confirm."
        )
    set_each = (
        "in their applicant form (Applicants tab)"
        if for_window
        else "with `mentordesk-cli person set EMAIL --stage NAME`"
    )
    if tally.unplaced:
        people = sum(tally.unplaced.values())
        lines.append(
            "No career stage of the programme's list fits the position of "
            f"{plural(people, 'person', 'people')}, so their stage is unknown: "
            f"{_quoted(tally.unplaced)}. Set each {set_each}, or add the wording to a "
            "stage in Programme ▸ Career stages."
        )
    if tally.unknown:
        lines.append(
            f"{plural(len(tally.unknown), 'stage')} "
            f"{'is' if len(tally.unknown) == 1 else 'are'} not in the programme's list: "
            f"{_quoted(tally.unknown)}; kept as typed. Add "
            f"{'it' if len(tally.unknown) == 1 else 'them'} to the list in Programme ▸ Career "
            f"stages, or set each person's stage {set_each}."
        )
    return lines


def _quoted(counts: Mapping[str, int]) -> str:
    """Texts with how many people give each: ``“Lecturer B” (3 people), “Chargée” (1 person)``."""
    shown = list(counts.items())[:_QUOTED_STAGES]
    text = ", ".join(f"“{t}” ({plural(n, 'person', 'people')})" for t, n in shown)
    more = len(counts) - len(shown)
    return text + (f" and {more} more" if more > 0 else "")
