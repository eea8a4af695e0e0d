"""Make, open and reopen programme files from the window: the dialogs in order."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from mentordesk import FILE_SUFFIX
from mentordesk.domain.errors import DamagedFile, MentorDeskError
from mentordesk.gui.context import FileHost
from mentordesk.gui.ops import Op, run_op
from mentordesk.gui.passphrase import NewFileDialog, UnlockDialog
from mentordesk.gui.recent_files import forget_file, recent_files, remember_file
from mentordesk.gui.restore_dialog import DamagedFileRestore, ShowOpened, offer_restore
from mentordesk.gui.start_page import StartPage
from mentordesk.store.cloud import synced_folder_warning

if TYPE_CHECKING:
    from mentordesk.store.programme_file import ProgrammeFile

FILE_FILTER = f"MentorDesk programme files (*{FILE_SUFFIX});;All files (*)"
#: How long the synced-folder warning stays in the status bar, in milliseconds.
SYNCED_WARNING_MS = 30_000
#: How long after opening a file its backup starts if no programme is shown first.
BACKUP_DELAY_MS = 2000
#: How many of the backups made when a file is opened are kept.
OPENED_BACKUPS_KEPT = 10


class FileOpener:
    """Takes the user from "New…", "Open…" or a recent file to an open programme file.

    Attributes:
        window: the window that shows the file.
        dialog: the passphrase dialog now open, if any.
        backup_op: the backup started when a file was last unlocked, if any.
        restore_offer: the offer to restore a damaged file's backup now under way, if any.
    """

    def __init__(self, window: FileHost, start_page: StartPage) -> None:
        self.window = window
        self.start_page = start_page
        self.dialog: NewFileDialog | UnlockDialog | None = None
        self.backup_op: Op | None = None
        self.restore_offer: DamagedFileRestore | None = None
        self._warned: set[Path] = set()
        start_page.new_requested.connect(self.new_file)
        start_page.open_requested.connect(self.open_file)
        start_page.recent_chosen.connect(self.open_path)

    def _folder(self) -> str:
        recent = recent_files()
        return str(recent[0].parent) if recent else str(Path.home())

    def new_file(self) -> None:
        """Ask where the new file goes, then for its passphrase."""
        name, _filter = QFileDialog.getSaveFileName(
            self.window.widget(), "New programme file", self._folder(), FILE_FILTER
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(FILE_SUFFIX)
        # The save dialog already asked whether to replace an existing file.
        self.create_at(path, replace=path.exists())

    def create_at(self, path: Path, *, replace: bool = False) -> NewFileDialog:
        """Ask for the new file's passphrase; once made, ask for its first programme."""
        dialog = NewFileDialog(path, self.window.widget(), replace=replace)
        dialog.accepted.connect(partial(self._created, dialog))
        self._show(dialog)
        return dialog

    def _created(self, dialog: NewFileDialog) -> None:
        if dialog.programme_file is not None:
            remember_file(dialog.path)
            self.window.show_file(dialog.programme_file)
            self.warn_if_synced(dialog.programme_file.path)

    def open_file(self) -> None:
        """Ask which file to open, then for its passphrase."""
        name, _filter = QFileDialog.getOpenFileName(
            self.window.widget(), "Open programme file", self._folder(), FILE_FILTER
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> UnlockDialog | None:
        """Ask for the passphrase of the file at ``path`` and show it."""
        if not path.exists():
            forget_file(path)
            self.start_page.refresh()
            QMessageBox.warning(
                self.window.widget(),
                "File not found",
                f"There is no file at {path}. It may have been moved or renamed; "
                "it has been taken off the recent files.",
            )
            return None
        dialog = UnlockDialog(
            path, self.window.widget(), on_damaged=partial(self.offer_restore, path)
        )
        dialog.accepted.connect(partial(self._unlocked, dialog))
        self._show(dialog)
        return dialog

    def offer_restore(
        self,
        path: Path,
        error: DamagedFile,
        passphrase: str,
        show_opened: ShowOpened | None = None,
    ) -> DamagedFileRestore | None:
        """Offer to restore a backup of the damaged file at ``path`` (if it has any).

        Args:
            path: the damaged file.
            error: why it did not open.
            passphrase: the passphrase typed for it, tried first on the backup.
            show_opened: shows the restored file; by default, as a file just opened.
        """
        if self.restore_offer is not None:
            self.restore_offer.deleteLater()
        offer = offer_restore(
            self.window.widget(), path, error, passphrase, show_opened or self.show_opened
        )
        self.restore_offer = offer
        if offer is not None:
            offer.finished.connect(partial(self._restore_ended, offer))
        return offer

    def _restore_ended(self, offer: DamagedFileRestore) -> None:
        if self.restore_offer is offer:
            self.restore_offer = None
        offer.deleteLater()

    def _unlocked(self, dialog: UnlockDialog) -> None:
        if dialog.programme_file is not None:
            self.show_opened(dialog.programme_file)

    def show_opened(self, programme_file: ProgrammeFile) -> str | None:
        """Show a file just opened, back it up once shown, and warn if it is in a synced folder.

        Returns:
            The synced-folder warning now in the status bar, if any.
        """
        remember_file(programme_file.path)
        self.backup_op = None
        window = self.window

        pending = [True]

        def back_up() -> None:
            # Once, after the tabs' loading is queued (so the tables never wait for
            # the copy), or after a moment if no programme is shown.
            if not pending:
                return
            pending.clear()
            window.programme_shown.disconnect(back_up)
            if window.programme_file is programme_file and programme_file.is_open:
                self.backup_op = self.back_up_opened(programme_file)

        window.programme_shown.connect(back_up)
        QTimer.singleShot(BACKUP_DELAY_MS, back_up)
        window.show_file(programme_file)
        return self.warn_if_synced(programme_file.path)

    def warn_if_synced(self, path: Path) -> str | None:
        """Say once per session, in the status bar, that a file is in a cloud-synced folder."""
        warning = synced_folder_warning(path)
        if warning is None or path in self._warned:
            return None
        self._warned.add(path)
        self.window.show_status(warning, SYNCED_WARNING_MS)
        return warning

    def back_up_opened(self, programme_file: ProgrammeFile) -> Op:
        """Back up a file just opened, on the worker thread, so the window never waits."""
        window = self.window

        def failed(error: BaseException) -> None:
            why = error.message if isinstance(error, MentorDeskError) else str(error)
            window.show_status(f"No backup was made on opening the file: {why}", 0)

        return run_op(
            programme_file,
            lambda _session: programme_file.backup("opened", keep=OPENED_BACKUPS_KEPT),
            parent=window.widget(),
            on_failure=failed,
        )

    def _show(self, dialog: NewFileDialog | UnlockDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: NewFileDialog | UnlockDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def fill_recent_menu(self, menu: QMenu) -> None:
        """List the recent files in ``menu``, File ▸ Open Recent."""
        menu.clear()
        for path in recent_files():
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(partial(self.open_path, path))
        if menu.isEmpty():
            menu.addAction("No recent files").setEnabled(False)
