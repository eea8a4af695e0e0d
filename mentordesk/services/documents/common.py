"""What every programme document shares: letterhead, dates and places, output paths, writing.

Every document is issued under the programme's letterhead (the organisation it
names, else the programme's name, and its logo), dated the day it is issued, and
signed with the programme's signature line when it has one. A batch of documents
is written all or nothing, and never replaces a file already in the folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from mentordesk.domain.errors import ExportFailed
from mentordesk.formats.files import all_or_nothing, check_folder, safe_file_name, unused_paths
from mentordesk.formats.pdf import Document, Letterhead, format_date, format_time
from mentordesk.store.models import Event, Programme

#: Told how many documents of a batch are written, and how many there are in all; it may
#: raise to stop the batch (a Cancel button), which then leaves no document behind.
Progress = Callable[[int, int], None]


def letterhead(
    programme: Programme, today: dt.date, document: str, marking: str = ""
) -> Letterhead:
    """The programme's letterhead for a document issued on ``today``.

    Args:
        programme: whose letterhead name (or name) and logo head the document.
        today: the date of issue.
        document: what the document is ("Sign-in sheet").
        marking: a marking such as "Personal", or none.
    """
    return Letterhead(
        programme=letterhead_name(programme),
        issued_on=today,
        logo=programme.logo,
        document=document,
        marking=marking,
    )


def letterhead_name(programme: Programme) -> str:
    """The name at the top of the programme's documents: its letterhead's, else its own."""
    return programme.letterhead_name.strip() or programme.name


def sign_off(programme: Programme) -> str:
    """Who a letter is from: the programme team, then the signature line if there is one."""
    team = f"The {programme.name} programme team"
    line = programme.signature_line.strip()
    return f"{team}\n{line}" if line else team


def signer(programme: Programme) -> str:
    """The caption under the line a certificate is signed on."""
    return programme.signature_line.strip() or "Programme coordinator"


def event_when(event: Event, zone: ZoneInfo) -> tuple[str, str]:
    """An event's date and time of day as printed, on the programme's clock."""
    starts, ends = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    if event.all_day:
        last = ends.date() - dt.timedelta(days=1) if ends.date() > starts.date() else ends.date()
        if last > starts.date():
            return f"{format_date(starts.date())} – {format_date(last)}", "All day"
        return format_date(starts.date()), "All day"
    if starts.date() == ends.date():
        hours = (
            format_time(starts) if ends == starts else f"{format_time(starts)}–{format_time(ends)}"
        )
        return format_date(starts.date()), hours
    return (
        f"{format_date(starts.date())} – {format_date(ends.date())}",
        f"{format_time(starts)} – {format_time(ends)}",
    )


def event_place(event: Event) -> str:
    """Where an event is held as printed: its place, "Online", or both."""
    if event.location and event.online_link:
        return f"{event.location}, or online"
    return event.location or ("Online" if event.online_link else "")


def local_day(event: Event, zone: ZoneInfo) -> dt.date:
    """The day an event starts, on the programme's clock."""
    return event.starts_at.astimezone(zone).date()


def check_output_folder(out_dir: Path) -> None:
    """Refuse a folder a batch of documents cannot be written into.

    Raises:
        ExportFailed: the folder is a file, is missing or cannot be written to.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportFailed(f"{out_dir} is a file, not a folder. Choose a folder to write into.")
    check_folder(out_dir / "letter.pdf")


def write_batch(
    folder: Path, documents: Sequence[tuple[str, Document]], progress: Progress | None = None
) -> list[Path]:
    """Write each named document as a PDF in ``folder``; all of them, or none if one fails.

    Each name is made safe on Windows, macOS and Linux, and a name already taken in
    the folder gets a number ("(2)"), so no file there is ever replaced.

    Args:
        folder: the folder to write into.
        documents: each document with the name of its file, without ".pdf".
        progress: told after each document how many are written of how many.

    Returns:
        The files written, in order.
    """
    names = [safe_file_name(name, ".pdf") for name, _document in documents]
    paths = unused_paths(Path(folder), names)
    with all_or_nothing() as written:
        for path, (_name, document) in zip(paths, documents, strict=True):
            document.write(path)
            written.append(path)
            if progress is not None:
                progress(len(written), len(documents))
    return written
