"""The Reports menu: the programme report, introduction letters, certificates and sign-in sheets.

Each action asks where to save (a PDF file, or a folder for a batch), writes off
the GUI thread through ``gui/ops.py`` behind a progress dialog with Cancel, then
says what was written, with a button to open the folder (and the file, for one).
Nothing about the documents' content is kept in the settings: only the folder
last used (:mod:`mentordesk.gui.folders`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox

from mentordesk.gui.context import STATUS_MS, WindowContext, WindowTabs
from mentordesk.gui.folders import REPORTS_FOLDER, ask_folder
from mentordesk.gui.ops import Op, Progress, run_long_op
from mentordesk.gui.save_path import ask_save_path
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.training import TrainingTab
from mentordesk.services.events import EventRow

PDF_FILTER = "PDF document (*.pdf)"


def _today() -> dt.date:
    return dt.date.today()


class ReportsMenu(QObject):
    """The window's Reports menu and the work behind each of its actions.

    Introduction letters are for the pairings selected on the Pairings tab when
    it is in front, and otherwise for those not yet introduced; the sign-in sheet is for
    the event selected on the Training or Events tab.

    Attributes:
        menu: the menu, installed in the window's menu bar.
        message: the box saying what was last written, while it is open.
        open_url: opens a file or folder with the system (replaceable in tests).

    Signals:
        written: documents were written; carries their paths.
    """

    written = Signal(list)

    def __init__(self, context: WindowContext, tabs: WindowTabs) -> None:
        window = context.widget()
        super().__init__(window)
        self.context = context
        self.tabs = tabs
        self.window = window
        self.message: QMessageBox | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._make_actions()
        self.menu = QMenu("&Reports", window)
        self.menu.setObjectName("reports_menu")
        self.menu.addAction(self.programme_action)
        self.menu.addSeparator()
        self.menu.addActions([self.letters_action, self.certificates_action])
        self.menu.addSeparator()
        self.menu.addAction(self.sign_in_action)
        self.menu.aboutToShow.connect(self.update_actions)
        tabs.widget.currentChanged.connect(lambda _index: self.update_actions())
        context.programme_shown.connect(self.update_actions)
        for tab in tabs.records:
            tab.view.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
            tab.loaded.connect(self.update_actions)
            if isinstance(tab, TrainingTab):
                tab.missing_button.toggled.connect(lambda _shown: self.update_actions())
        self.update_actions()

    def _action(self, text: str, name: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        self.programme_action = self._action(
            "&Programme report…",
            "programme_report_action",
            "The figures and charts for leadership, small groups withheld, as a PDF",
            self.programme_report,
        )
        self.letters_action = self._action(
            "&Introduction letters…",
            "introduction_letters_action",
            "A letter for the mentor and each mentee of the selected pairings, or of those "
            "not yet introduced",
            self.introduction_letters,
        )
        self.certificates_action = self._action(
            "&Certificates…",
            "certificates_action",
            "A certificate of participation for each mentor, mentee and person trained",
            self.certificates,
        )
        self.sign_in_action = self._action(
            "&Sign-in sheet…",
            "sign_in_sheet_action",
            "A sheet to print and sign for the event selected on the Training or Events tab",
            self.sign_in_sheet,
        )

    # What the actions act on ---------------------------------------------------------

    def selected_event(self) -> EventRow | None:
        """The event selected on the Training or Events tab in front, if any."""
        tab = self.tabs.in_front()
        if not isinstance(tab, EventsTab):
            return None
        if isinstance(tab, TrainingTab) and tab.missing_button.isChecked():
            return None
        return tab.current_row()

    def selected_pairings(self) -> list[int] | None:
        """The pairings selected on the Pairings tab in front; None for those not yet introduced."""
        tab = self.tabs.pairings
        if self.tabs.in_front() is not tab:
            return None
        chosen = [row.pairing_id for row in tab.selected_rows()]
        return chosen or None

    def update_actions(self) -> None:
        """Enable what fits the programme shown and the selection in the tab in front."""
        shown = self.context.programme() is not None
        for action in (self.programme_action, self.letters_action, self.certificates_action):
            action.setEnabled(shown)
        event = self.selected_event() if shown else None
        self.sign_in_action.setEnabled(event is not None and not event.cancelled)
        pairings = self.selected_pairings() if shown else None
        self.letters_action.setText(
            "&Introduction letters…"
            if pairings is None
            else f"&Introduction letters for the {_count(len(pairings), 'selected pairing')}…"
        )

    # Asking where ---------------------------------------------------------------------

    def _ask_file(self, title: str, stem: str) -> Path | None:
        return ask_save_path(
            self.window, title, stem, ".pdf", PDF_FILTER, folder_key=REPORTS_FOLDER
        )

    def _ask_folder(self, title: str) -> Path | None:
        return ask_folder(self.window, title, REPORTS_FOLDER)

    # The actions ----------------------------------------------------------------------

    def programme_report(self) -> None:
        """Ask where to save the programme report, then write it."""
        programme = self.context.programme()
        if programme is None:
            return
        today = _today()
        path = self._ask_file(
            "Save the programme report", f"{programme.name} – programme report {today}"
        )
        if path is not None:
            self.write_programme_report(path, today)

    def write_programme_report(self, path: Path, today: dt.date | None = None) -> Op | None:
        """Write the programme report of the programme shown to ``path``, off the GUI thread."""
        programme, programme_file = self.context.programme(), self.context.programme_file
        if programme is None or programme_file is None:
            return None
        day = today or _today()

        def work(_progress: Progress) -> list[Path]:
            from mentordesk.services.documents.programme_report import programme_report

            with programme_file.session() as session:
                return [programme_report(session, programme.id, path, day)]

        return self._run(work, "Writing the programme report…", "the programme report")

    def introduction_letters(self) -> None:
        """Ask for a folder, then write the introduction letters of the chosen pairings."""
        if self.context.programme() is None:
            return
        pairings = self.selected_pairings()
        which = (
            "the pairings not yet introduced"
            if pairings is None
            else f"the {_count(len(pairings), 'selected pairing')}"
        )
        folder = self._ask_folder(f"Save the introduction letters for {which} into")
        if folder is not None:
            self.write_introduction_letters(folder, pairings)

    def write_introduction_letters(
        self, folder: Path, pairing_ids: Sequence[int] | None = None
    ) -> Op | None:
        """Write introduction letters into ``folder``; with no ids, for those not yet introduced."""
        programme, programme_file = self.context.programme(), self.context.programme_file
        if programme is None or programme_file is None:
            return None
        ids = None if pairing_ids is None else list(pairing_ids)

        def work(progress: Progress) -> list[Path]:
            from mentordesk.services.documents.letters import introduction_letters

            with programme_file.session() as session:
                return introduction_letters(
                    session, programme.id, folder, ids, progress=_reporting(progress)
                )

        return self._run(work, "Writing introduction letters…", "introduction letter")

    def certificates(self) -> None:
        """Ask for a folder, then write a certificate for every participant."""
        if self.context.programme() is None:
            return
        folder = self._ask_folder("Save the certificates of participation into")
        if folder is not None:
            self.write_certificates(folder)

    def write_certificates(self, folder: Path) -> Op | None:
        """Write a certificate of participation for every participant into ``folder``."""
        programme, programme_file = self.context.programme(), self.context.programme_file
        if programme is None or programme_file is None:
            return None

        def work(progress: Progress) -> list[Path]:
            from mentordesk.services.documents.certificates import certificates

            with programme_file.session() as session:
                return certificates(session, programme.id, folder, progress=_reporting(progress))

        return self._run(work, "Writing certificates…", "certificate")

    def sign_in_sheet(self) -> None:
        """Ask where to save the sign-in sheet of the selected event, then write it."""
        event = self.selected_event()
        programme = self.context.programme()
        if event is None or programme is None:
            return
        zone = ZoneInfo(programme.timezone)
        day = event.starts_at.astimezone(zone).date().isoformat()
        path = self._ask_file("Save the sign-in sheet", f"Sign-in sheet {day} {event.title}")
        if path is not None:
            self.write_sign_in_sheet(path, event.event_id)

    def write_sign_in_sheet(self, path: Path, event_id: int) -> Op | None:
        """Write the sign-in sheet of one event to ``path``, off the GUI thread."""
        programme_file = self.context.programme_file
        if self.context.programme() is None or programme_file is None:
            return None

        def work(_progress: Progress) -> list[Path]:
            from mentordesk.services.documents.sign_in import sign_in_sheet

            with programme_file.session() as session:
                return [sign_in_sheet(session, event_id, path)]

        return self._run(work, "Writing the sign-in sheet…", "the sign-in sheet")

    # Running and telling ----------------------------------------------------------------

    def _run(self, work: Callable[[Progress], list[Path]], label: str, what: str) -> Op:
        return run_long_op(
            work,
            parent=self.window,
            label=label,
            on_success=lambda paths: self._written(paths, what),
        )

    def _written(self, paths: list[Path], what: str) -> None:
        self.written.emit(paths)
        if not paths:
            return
        folder = paths[0].parent
        if len(paths) == 1 and what.startswith("the "):
            text = f"Wrote {what} to {paths[0]}."
        else:
            text = f"Wrote {_count(len(paths), what)} into {folder}."
        self.context.show_status(text, STATUS_MS)
        self.context.exported.emit(paths[0] if len(paths) == 1 else folder)
        box = QMessageBox(QMessageBox.Icon.Information, "Reports", text, parent=self.window)
        box.setObjectName("reports_written")
        if len(paths) > 1:
            box.setInformativeText(
                "\n".join(p.name for p in paths[:8]) + ("\n…" if len(paths) > 8 else "")
            )
        open_file = None
        if len(paths) == 1:
            open_file = box.addButton("&Open", QMessageBox.ButtonRole.ActionRole)
        open_folder = box.addButton("Open &folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button: object) -> None:
            if button is open_folder:
                self.open_url(QUrl.fromLocalFile(str(folder)))
            elif open_file is not None and button is open_file:
                self.open_url(QUrl.fromLocalFile(str(paths[0])))

        box.buttonClicked.connect(clicked)
        box.finished.connect(lambda _result: self._forget(box))
        self.message = box
        box.open()

    def _forget(self, box: QMessageBox) -> None:
        if self.message is box:
            self.message = None

    def release(self) -> None:
        """Close the message about written documents (the file is closing or locking)."""
        if self.message is not None:
            self.message.close()
        self.update_actions()


def _reporting(progress: Progress) -> Callable[[int, int], None]:
    """A service's progress callback that moves the dialog's bar and honours Cancel."""

    def report(done: int, total: int) -> None:
        progress.update(done, total)
        progress.check()

    return report


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
