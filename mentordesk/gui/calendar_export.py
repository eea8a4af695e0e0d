"""Calendar files from the window: the programme or chosen events, and invitations for Outlook."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.files import safe_file_name, write_bytes_atomically
from mentordesk.formats.ical import Person
from mentordesk.gui.errors import show_error
from mentordesk.gui.ops import Op, Progress, run_long_op
from mentordesk.gui.save_path import ask_save_path
from mentordesk.services.calendars import export_programme_calendar, invitation_ics
from mentordesk.services.events import EventRow
from mentordesk.store.programme_file import ProgrammeFile

ICS_FILTER = "iCalendar (*.ics)"
#: Only the coordinator's own name and email are remembered, never a participant's.
ORGANISER_NAME_KEY = "calendar/organiser_name"
ORGANISER_EMAIL_KEY = "calendar/organiser_email"


def invitation_file_name(row: EventRow, zone: ZoneInfo, *, numbered: bool = False) -> str:
    """E.g. ``2026-12-03 Café - the year ahead.ics``: the event's day and title, safe everywhere.

    ``numbered`` adds the event's id (``… (12).ics``), to tell apart two events
    of the same day and title.
    """
    day = row.starts_at.astimezone(zone).date().isoformat()
    suffix = f" ({row.event_id}).ics" if numbered else ".ics"
    return safe_file_name(f"{day} {row.title}", suffix)


def export_calendar_to(
    parent: QWidget,
    programme_file: ProgrammeFile,
    programme_id: int,
    path: Path,
    *,
    event_ids: Sequence[int] | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> Op:
    """Write the programme's calendar (or the chosen events) to ``path``, off the GUI thread."""
    ids = None if event_ids is None else list(event_ids)

    def work(_progress: Progress) -> Path:
        with programme_file.session() as session:
            export_programme_calendar(session, programme_id, path, event_ids=ids)
        return path

    return run_long_op(work, parent=parent, label="Writing the calendar…", on_success=on_done)


def ask_calendar_path(parent: QWidget, stem: str) -> Path | None:
    """Ask where to save a calendar file, suggesting ``stem`` (a title) made safe as its name."""
    return ask_save_path(parent, "Export calendar", stem, ".ics", ICS_FILTER, fallback="calendar")


def save_invitations_to(
    parent: QWidget,
    programme_file: ProgrammeFile,
    rows: Sequence[EventRow],
    folder: Path,
    organiser: Person,
    zone: ZoneInfo,
    *,
    on_done: Callable[[list[Path]], None] | None = None,
) -> Op:
    """Write one invitation file per event into ``folder``, off the GUI thread."""
    chosen = list(rows)

    def work(progress: Progress) -> list[Path]:
        written: list[Path] = []
        names: set[str] = set()
        for done, row in enumerate(chosen):
            progress.check()
            name = invitation_file_name(row, zone)
            if name.lower() in names:  # two events of the same day and title
                name = invitation_file_name(row, zone, numbered=True)
            names.add(name.lower())
            with programme_file.session() as session:
                data = invitation_ics(session, row.event_id, organiser)
            write_bytes_atomically(folder / name, data)
            written.append(folder / name)
            progress.update(done + 1, len(chosen))
        return written

    return run_long_op(
        work,
        parent=parent,
        label=f"Writing {len(chosen)} invitation(s)…",
        on_success=on_done,
    )


def remembered_organiser() -> Person | None:
    """The organiser named last time, if any."""
    settings = QSettings()
    name = str(settings.value(ORGANISER_NAME_KEY, "") or "")
    email = str(settings.value(ORGANISER_EMAIL_KEY, "") or "")
    return Person(name, email) if name and email else None


def remember_organiser(organiser: Person) -> None:
    """Keep the coordinator's name and email for the next invitations."""
    settings = QSettings()
    settings.setValue(ORGANISER_NAME_KEY, organiser.name)
    settings.setValue(ORGANISER_EMAIL_KEY, organiser.email)


class OrganiserDialog(QDialog):
    """Ask once for the name and email invitations come from (the coordinator's)."""

    def __init__(self, parent: QWidget | None, organiser: Person | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organiser_dialog")
        self.setWindowTitle("Invitations come from")
        intro = QLabel(
            "Outlook sends the invitations from your account and collects the replies there: "
            "give the name and email address of that account. MentorDesk remembers them.",
            self,
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(organiser.name if organiser else "", self)
        self.name.setObjectName("organiser_name")
        self.email = QLineEdit(organiser.email if organiser else "", self)
        self.email.setObjectName("organiser_email")
        form = QFormLayout()
        form.addRow("&Your name:", self.name)
        form.addRow("Your &email:", self.email)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def organiser(self) -> Person:
        """The organiser typed.

        Raises:
            InvalidInput: the name or a plausible email is missing.
        """
        name, email = self.name.text().strip(), self.email.text().strip()
        if not name:
            raise InvalidInput("Type the name invitations come from.")
        if "@" not in email or " " in email:
            raise InvalidInput("Type the email address invitations come from.")
        return Person(name, email)

    def accept(self) -> None:
        try:
            remember_organiser(self.organiser())
        except InvalidInput as error:
            show_error(self, error)
            return
        super().accept()


def ask_organiser(parent: QWidget) -> Person | None:
    """The organiser remembered, or asked for now (None if the coordinator cancels)."""
    known = remembered_organiser()
    if known is not None:
        return known
    dialog = OrganiserDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return remembered_organiser()
