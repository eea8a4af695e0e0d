"""The self-test of an installed or frozen MentorDesk: the parts a broken build loses first.

``mentordesk --self-test`` (which adds the window check) and ``mentordesk-cli
self-test`` run it. Every check works in a temporary folder on made-up data
under a random passphrase that is never shown, and prints one line; the
command exits 0 only when every check passed.

Nothing here imports Qt: the window's entry point adds its own check
(:func:`mentordesk.gui.window_check.check_window`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from mentordesk import APP_NAME, FILE_SUFFIX, __version__

#: A check gets a scratch folder of its own and returns what it found, in a few words;
#: it raises on failure.
CheckFunction = Callable[[Path], str]

#: A programme name with letters from several scripts, as real programmes have.
PROGRAMME_NAME = "Self-test Programme — Zoë Łukasiewicz 周 Ωμέγα"
#: Zones whose rules differ from the computer's, so a missing zone database shows.
ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland")


class CheckFailed(Exception):
    """A self-test check found the build broken; the message says how."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check.

    Attributes:
        name: the check's short name.
        passed: whether it passed.
        detail: what it found, or why it failed.
        seconds: how long it took.
        trace: the traceback of a failure, for ``--verbose``.
    """

    name: str
    passed: bool
    detail: str
    seconds: float
    trace: str = ""

    def line(self) -> str:
        """The check as one line of the report."""
        mark = "ok  " if self.passed else "FAIL"
        return f"{mark}  {self.name:<14} {self.detail}  ({self.seconds:.2f} s)"


def check_sqlcipher(_folder: Path) -> str:
    """SQLCipher 4 is loaded, with the settings MentorDesk demands."""
    from mentordesk.store.cipher import build_problems, read_build_facts

    facts = read_build_facts()
    if problems := build_problems(facts):
        raise CheckFailed(" ".join(problems))
    return f"SQLCipher {facts.cipher_version}"


def check_programme_file(folder: Path) -> str:
    """A new encrypted file is migrated, written, closed, reopened and read back."""
    from mentordesk.domain.errors import WrongPassphrase
    from mentordesk.services.programmes import ProgrammeInput, create_programme, list_programmes
    from mentordesk.store.programme_file import SCHEMA_REVISION, ProgrammeFile, head_revision

    path = folder / f"self-test{FILE_SUFFIX}"
    passphrase = secrets.token_urlsafe(18)
    with ProgrammeFile.create(path, passphrase) as programme_file, programme_file.session() as s:
        create_programme(s, ProgrammeInput(name=PROGRAMME_NAME, timezone="Europe/London"))
    raw = path.read_bytes()
    if raw.startswith(b"SQLite format 3") or "Łukasiewicz".encode() in raw:
        raise CheckFailed("the file on disk is not encrypted")
    with ProgrammeFile.open(path, passphrase) as programme_file, programme_file.session() as s:
        names = [p.name for p in list_programmes(s)]
    if names != [PROGRAMME_NAME]:
        raise CheckFailed(f"read back {len(names)} programme(s), not the one written")
    try:
        ProgrammeFile.open(path, passphrase + "x").close()
    except WrongPassphrase:
        pass
    else:
        raise CheckFailed("the file opened with a wrong passphrase")
    head = head_revision()
    if head != SCHEMA_REVISION:
        raise CheckFailed(f"the migration scripts end at {head}, not {SCHEMA_REVISION}")
    return (
        f"created at schema {head}, written, reopened and read back; "
        f"a wrong passphrase is refused ({len(raw) // 1024} KiB)"
    )


def check_backup(folder: Path) -> str:
    """An encrypted backup is made beside the file and opens with the same passphrase."""
    from mentordesk.store.backups import list_backups
    from mentordesk.store.programme_file import ProgrammeFile

    path = folder / f"backed-up{FILE_SUFFIX}"
    passphrase = secrets.token_urlsafe(18)
    with ProgrammeFile.create(path, passphrase) as programme_file:
        made = programme_file.backup("self-test")
    ProgrammeFile.open(made.path, passphrase).close()
    if [b.path for b in list_backups(path)] != [made.path]:
        raise CheckFailed("the backup is not listed beside the file")
    return f"encrypted copy in {path.name}.backups/ opens with the same passphrase"


def check_time_zones(_folder: Path) -> str:
    """Time zones resolve from the bundled tzdata package alone, as on Windows."""
    import zoneinfo

    saved = zoneinfo.TZPATH
    # No system zone files: only the tzdata package can answer, as on Windows.
    zoneinfo.reset_tzpath(to=[])
    try:
        for key in ZONES:
            zone = zoneinfo.ZoneInfo.no_cache(key)
            if dt.datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() is None:
                raise CheckFailed(f"{key} has no offset")
        count = len(zoneinfo.available_timezones())
    finally:
        zoneinfo.reset_tzpath(to=saved)
    if count < 400:
        raise CheckFailed(f"only {count} time zones are available")
    version = importlib.import_module("tzdata").IANA_VERSION
    return f"tzdata {version}: {count} zones without the system's files"


def check_calendar(folder: Path) -> str:
    """An event becomes an iCalendar file that carries its time zone."""
    from mentordesk.domain.enums import EventKind
    from mentordesk.services.calendars import export_programme_calendar
    from mentordesk.services.events import EventInput, add_event
    from mentordesk.services.programmes import ProgrammeInput, create_programme
    from mentordesk.store.programme_file import ProgrammeFile

    zone = _zone("Europe/London")
    starts = dt.datetime(2026, 10, 26, 14, 0, tzinfo=zone)
    target = folder / "self-test.ics"
    path = folder / f"calendar{FILE_SUFFIX}"
    orientation = EventInput(
        kind=EventKind.ORIENTATION,
        title="Orientation",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
    )
    created = ProgrammeFile.create(path, secrets.token_urlsafe(18))
    with created as programme_file, programme_file.session() as s:
        programme = create_programme(
            s, ProgrammeInput(name=PROGRAMME_NAME, timezone="Europe/London")
        )
        add_event(s, programme, orientation)
        export_programme_calendar(s, programme, target)
    text = target.read_text(encoding="utf-8")
    for needed in ("BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:VEVENT"):
        if needed not in text:
            raise CheckFailed(f"the calendar lacks {needed}")
    return "an event with its VTIMEZONE written to .ics"


def check_xml_safety(_folder: Path) -> str:
    """The spreadsheet library and MentorDesk's own XML reading refuse entity declarations."""
    import defusedxml.ElementTree as SafeElementTree
    import openpyxl
    from defusedxml import EntitiesForbidden

    if openpyxl.DEFUSEDXML is not True:
        raise CheckFailed("openpyxl does not use defusedxml")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'
    )
    try:
        SafeElementTree.fromstring(laughs)
    except EntitiesForbidden:
        pass
    else:
        raise CheckFailed("an XML entity declaration was accepted")
    parser = "lxml" if openpyxl.LXML else "the standard library"
    return f"openpyxl.DEFUSEDXML is True (XML through {parser}); entity declarations refused"


def check_spreadsheets(folder: Path) -> str:
    """A workbook written with openpyxl is read back with python-calamine."""
    from mentordesk.formats.reading import read_table
    from mentordesk.formats.tables import CellValue
    from mentordesk.formats.xlsx_export import SheetData, write_table

    target = folder / "self-test.xlsx"
    rows: list[list[CellValue]] = [
        ["Zoë Łukasiewicz", dt.date(2026, 3, 1)],
        ["=1+1", dt.date(2026, 3, 2)],
    ]
    write_table(target, [SheetData("People", ["Name", "Applied on"], rows)])
    table = read_table(target)
    if tuple(table.headers) != ("Name", "Applied on") or [tuple(r) for r in table.rows] != [
        tuple(r) for r in rows
    ]:
        raise CheckFailed("the workbook read back differs from the one written")
    return "written with openpyxl, read back with python-calamine"


def check_pdf(_folder: Path) -> str:
    """The PDF library writes a page of names in several scripts with MentorDesk's own font."""
    import io
    from importlib.resources import as_file, files

    # Imported by name: reportlab has no type information.
    reportlab: Any = importlib.import_module("reportlab")
    pdfmetrics: Any = importlib.import_module("reportlab.pdfbase.pdfmetrics")
    ttfonts: Any = importlib.import_module("reportlab.pdfbase.ttfonts")
    canvases: Any = importlib.import_module("reportlab.pdfgen.canvas")

    font = files("mentordesk").joinpath("resources", "DejaVuSans.ttf")
    if font.is_file():
        text, font_name = "Zoë Łukasiewicz, Ωμέγα, Жанна Иванова", "DejaVuSans.ttf"
    else:  # MentorDesk's own fonts are not installed: reportlab's own, Latin-1 only
        font = files("reportlab").joinpath("fonts", "Vera.ttf")
        text, font_name = "Zoë Müller, Ángel Núñez, Søren Ødegård", "reportlab's Vera.ttf"
    with as_file(font) as path:
        pdfmetrics.registerFont(ttfonts.TTFont("SelfTestFont", str(path)))
    buffer = io.BytesIO()
    canvas = canvases.Canvas(buffer)
    canvas.setFont("SelfTestFont", 12)
    canvas.drawString(72, 760, text)
    canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    if not data.startswith(b"%PDF") or b"/FontFile2" not in data:
        raise CheckFailed("the PDF was not written with the embedded font")
    return f"reportlab {reportlab.Version}: a page in {font_name}, embedded"


def check_matching(_folder: Path) -> str:
    """SciPy's assignment solver, which the matching engine runs, loads and solves."""
    import scipy
    from scipy.optimize import linear_sum_assignment

    rows, columns = linear_sum_assignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    if [int(c) for c in columns[rows.argsort()]] != [1, 0, 2]:
        raise CheckFailed("the assignment solver gave a wrong answer")
    return f"scipy {scipy.__version__}: linear_sum_assignment solves a 3×3 case"


#: The checks every self-test runs, in order.
CHECKS: tuple[tuple[str, CheckFunction], ...] = (
    ("sqlcipher", check_sqlcipher),
    ("programme file", check_programme_file),
    ("backup", check_backup),
    ("time zones", check_time_zones),
    ("calendar", check_calendar),
    ("xml safety", check_xml_safety),
    ("spreadsheets", check_spreadsheets),
    ("pdf", check_pdf),
    ("matching", check_matching),
)


def _zone(key: str) -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(key)


def run_check(name: str, check: CheckFunction, folder: Path) -> CheckResult:
    """Run one check in a scratch folder of its own, catching whatever it raises."""
    scratch = folder / name.replace(" ", "-")
    scratch.mkdir()
    started = time.perf_counter()
    try:
        detail = check(scratch)
    except Exception as error:
        # Only made-up data is in play, so the error text is safe to show.
        detail = (f"{type(error).__name__}: {error}".splitlines() or [""])[0]
        trace = traceback.format_exc()
        return CheckResult(name, False, detail, time.perf_counter() - started, trace)
    return CheckResult(name, True, detail, time.perf_counter() - started)


@contextlib.contextmanager
def _scratch_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="mentordesk-self-test-") as folder:
        yield Path(folder)


def run_self_test(
    extra: Sequence[tuple[str, CheckFunction]] = (),
    *,
    out: TextIO | None = None,
    verbose: bool = False,
) -> list[CheckResult]:
    """Run every check, then ``extra`` ones, printing one line per check to ``out``.

    Args:
        extra: further named checks (the window's entry point adds its own).
        out: where the lines go; None prints nothing.
        verbose: also print the traceback of a failed check.

    Returns:
        Each check's result, in order.
    """
    results = []
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    _say(out, f"{APP_NAME} {__version__}{frozen} self-test, Python {sys.version.split()[0]}")
    with _scratch_folder() as folder:
        for name, check in (*CHECKS, *extra):
            result = run_check(name, check, folder)
            results.append(result)
            _say(out, result.line())
            if verbose and not result.passed:
                _say(out, result.trace.rstrip())
    failed = [r.name for r in results if not r.passed]
    verdict = f"{len(failed)} of {len(results)} checks failed: {', '.join(failed)}"
    _say(out, verdict if failed else f"all {len(results)} checks passed")
    return results


def self_test(extra: Sequence[tuple[str, CheckFunction]] = (), *, verbose: bool = False) -> int:
    """Run the self-test, ``extra`` checks included, printing to stdout.

    Args:
        extra: further named checks (the window check, when asked for).
        verbose: also print the traceback of a failed check.

    Returns:
        The exit status: 0 when every check passed, else 1.
    """
    results = run_self_test(extra, out=sys.stdout, verbose=verbose)
    return 0 if all(result.passed for result in results) else 1


def _say(out: TextIO | None, line: str) -> None:
    if out is not None:
        print(line, file=out, flush=True)
