"""The main window: the start page, or the Dashboard and the five tabs of an open programme file."""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from mentordesk import APP_NAME, FILE_SUFFIX
from mentordesk.gui import file_care
from mentordesk.gui.alumni_dialog import open_alumni
from mentordesk.gui.audit_dialog import open_audit
from mentordesk.gui.calendar_export import ask_calendar_path, export_calendar_to
from mentordesk.gui.clipboard import clear_sensitive
from mentordesk.gui.context import STATUS_MS, RecordRef, WindowTabs
from mentordesk.gui.errors import show_error
from mentordesk.gui.folders import IMPORT_FOLDER, ask_open_path
from mentordesk.gui.icons import tab_icon, themed_icon
from mentordesk.gui.import_dialog import SPREADSHEET_FILTER, ImportDialog, start_import
from mentordesk.gui.locking import Lock
from mentordesk.gui.messages.menu import MessagesMenu
from mentordesk.gui.messages.records import bring_forward, show_record
from mentordesk.gui.opening import FileOpener
from mentordesk.gui.ops import Progress, run_long_op, run_op, wait_for_work
from mentordesk.gui.programme_dialog import ProgrammeDialog, open_copy
from mentordesk.gui.programme_settings import open_settings
from mentordesk.gui.reports import ReportsMenu
from mentordesk.gui.retention_dialog import open_retention
from mentordesk.gui.save_path import ask_save_path
from mentordesk.gui.stages_dialog import open_stages
from mentordesk.gui.start_page import StartPage
from mentordesk.gui.tabs.applicants import ApplicantsTab
from mentordesk.gui.tabs.base import EXCEL_FILTER, RecordTab
from mentordesk.gui.tabs.dashboard import DashboardTab
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.notes import NotesTab
from mentordesk.gui.tabs.pairings import PairingsTab
from mentordesk.gui.tabs.surveys import SurveysTab
from mentordesk.gui.tabs.training import TrainingTab
from mentordesk.services.exporting import export_programme
from mentordesk.services.programmes import ProgrammeSummary, list_programmes
from mentordesk.store.programme_file import ProgrammeFile

#: Why an action is greyed out, said in its tooltip (never silently doing nothing).
NO_FILE = "Open or create a programme file first (File ▸ New… or Open…)."
NO_PROGRAMME = "Create a programme first: Programme ▸ New programme…"
NO_RECORD_TAB = "Choose a tab with records first (Applicants, Pairings, Training, …)."
NOT_EXPORTABLE = "This tab's records are not exported (notes are confidential)."
EVENTS_ONLY = "Choose events in the Events or Training tab first."
PAIRINGS_ONLY = "Choose pairings in the Pairings tab first."
APPLICANTS_ONLY = "Choose applicants in the Applicants tab first."


class MainWindow(QMainWindow):
    """The one MentorDesk window; the dialogs and menus see it as a :class:`~.context.FileHost`.

    Attributes:
        programme_file: the open file, if any.
        programmes: the programmes in it; the selector shows them when there are several.
        dashboard_tab: the Dashboard, the first tab: the programme at a glance.
        tabs: the five record tabs, in order (after the Dashboard).
        window_tabs: the same, as the Messages and Reports menus see them.
        import_dialog: the import dialog now open, if any.

    Signals:
        programme_shown: the tabs now show a programme (after opening or switching).
        exported: a view or the programme was exported to this path.
    """

    programme_shown = Signal()
    exported = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.programme_file: ProgrammeFile | None = None
        self.programmes: list[ProgrammeSummary] = []
        self.demo = False
        self.import_dialog: ImportDialog | None = None
        self.demo_folder: tempfile.TemporaryDirectory[str] | None = None
        self.start_page = StartPage(self)
        self.start_page.demo_requested.connect(self.open_demo)
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setObjectName("tabs")
        self.tab_widget.setDocumentMode(True)
        self.dashboard_tab = DashboardTab()
        self.tab_widget.addTab(self.dashboard_tab, self.dashboard_tab.TITLE)
        self.applicants_tab = ApplicantsTab()
        self.pairings_tab = PairingsTab()
        self.tabs: list[RecordTab] = [
            self.applicants_tab,
            self.pairings_tab,
            TrainingTab(),
            EventsTab(),
            SurveysTab(),
            NotesTab(),
        ]
        for tab in self.tabs:
            self.tab_widget.addTab(tab, tab.TITLE)
            tab.loaded.connect(self._update_status)
            tab.changed.connect(self._reload_others)
            tab.exported.connect(self._exported)
        self.window_tabs = WindowTabs(
            self.tab_widget, self.applicants_tab, self.pairings_tab, self.tabs
        )
        self.applicants_tab.import_requested.connect(self.import_applications)
        self.tab_widget.currentChanged.connect(self._tab_changed)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.tab_widget)
        self.setCentralWidget(self.pages)
        self.file_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.file_label)
        self.opener = FileOpener(self, self.start_page)
        self.locker = Lock(self, self.opener)
        self.file_watch = file_care.ReplacementWatch(self, self.locker)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._add_icons()
        self._restore_geometry()
        self._show_start_page()

    # Building ----------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        opener = self.opener
        self.new_action = self._action("&New…", opener.new_file, keys.New)
        self.open_action = self._action("&Open…", opener.open_file, keys.Open)
        self.close_action = self._action("&Close", self.close_file, keys.Close)
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.new_programme_action = self._action("&New programme…", self.new_programme)
        self.settings_action = self._action(
            "&Settings…", lambda: open_settings(self, self.load_programmes)
        )
        self.stages_action = self._action("Career s&tages…", lambda: open_stages(self))
        self.organisations_action = self._action("&Organisations…", self.open_organisations)
        self.copy_programme_action = self._action(
            "&Copy to next year…", lambda: open_copy(self, self.load_programmes)
        )
        self.alumni_action = self._action("&Alumni…", self.open_alumni)
        #: The Programme menu's actions on the programme shown.
        self.programme_actions = [
            self.settings_action,
            self.stages_action,
            self.organisations_action,
            self.copy_programme_action,
            self.alumni_action,
        ]
        self.import_action = self._action("&Import applications…", self.import_applications)
        self.export_view_action = self._action(
            "&Export view to Excel…", lambda: self._on_record_tab(RecordTab.export_view)
        )
        self.export_programme_action = self._action(
            "Export programme &workbook…", self.export_programme
        )
        self.export_calendar_action = self._action("Export &calendar (.ics)…", self.export_calendar)
        self.export_events_action = self._action(
            "Export selected events (.ics)…", lambda: self._on_events_tab("export_selected")
        )
        self.save_invitations_action = self._action(
            "Save &invitations (.ics)…", lambda: self._on_events_tab("save_invitations")
        )
        self.cancel_event_action = self._action(
            "Cance&l event…", lambda: self._on_events_tab("cancel_selected")
        )
        self.event_actions = [
            self.export_events_action,
            self.save_invitations_action,
            self.cancel_event_action,
        ]
        add_key = QKeySequence("Ctrl+Shift+N")
        self.add_action = self._action("&Add…", lambda: self._on_record_tab(RecordTab.add), add_key)
        self.edit_action = self._action("&Edit…", lambda: self._on_record_tab(RecordTab.edit))
        self.delete_action = self._action("&Delete…", lambda: self._on_record_tab(RecordTab.delete))
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.find_action = self._action("&Find", self.focus_search, QKeySequence("Ctrl+F"))
        self.about_action = self._action(f"&About {APP_NAME}", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.lock_action = self.locker.action
        self.backup_action = self._action("&Back up now", lambda: file_care.back_up_now(self))
        self.restore_action = self._action(
            "&Restore a backup…", lambda: file_care.open_restore(self)
        )
        self.passphrase_action = self._action(
            "Change &passphrase…", lambda: file_care.open_change_passphrase(self)
        )
        self.retention_action = self._action("Data &retention…", lambda: open_retention(self))
        self.audit_action = self._action("&Audit trail…", lambda: open_audit(self))
        #: What needs an open file but no programme in it.
        self.file_care_actions = [
            self.lock_action,
            self.backup_action,
            self.restore_action,
            self.passphrase_action,
            self.retention_action,
            self.audit_action,
            self.close_action,
            self.new_programme_action,
        ]
        self.file_actions = [
            *self.file_care_actions,
            *self.programme_actions,
            self.import_action,
            self.export_view_action,
            self.export_programme_action,
            self.export_calendar_action,
            self.add_action,
            self.edit_action,
            self.delete_action,
            self.find_action,
        ]

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(lambda: self.opener.fill_recent_menu(self.recent_menu))
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addActions([self.export_view_action, self.export_programme_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.export_calendar_action, self.export_events_action, self.save_invitations_action]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action, self.passphrase_action])
        file_menu.addAction(self.retention_action)
        file_menu.addSeparator()
        file_menu.addActions([self.lock_action, self.locker.idle_action])
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.add_action, self.edit_action, self.delete_action])
        edit_menu.addSeparator()
        self.status_menu_action = edit_menu.addMenu(self.applicants_tab.extra_actions()[0])
        self.copy_email_action = self.applicants_tab.copy_email_action
        self.copy_email_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        edit_menu.addAction(self.copy_email_action)
        edit_menu.addAction(self.cancel_event_action)
        edit_menu.addSeparator()
        # The Pairings tab's actions, its submenus (Set status, Mentor's answer) in their place.
        self.pairing_actions: list[QAction] = []
        for item in self.pairings_tab.extra_actions():
            if isinstance(item, QMenu):
                self.pairing_actions.append(edit_menu.addMenu(item))
            else:
                edit_menu.addAction(item)
                self.pairing_actions.append(item)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        programme_menu = self.menuBar().addMenu("&Programme")
        programme_menu.addAction(self.new_programme_action)
        programme_menu.addSeparator()
        programme_menu.addActions(self.programme_actions[:3])
        programme_menu.addSeparator()
        programme_menu.addActions(self.programme_actions[3:])
        # After the Edit menu: the tabs' context menus gain the Messages actions, not it.
        self.messages = MessagesMenu(self, self.window_tabs)
        self.menuBar().addMenu(self.messages.menu)
        self.reports = ReportsMenu(self, self.window_tabs)
        self.menuBar().addMenu(self.reports.menu)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.audit_action)
        help_menu.addAction(self.about_action)
        # A greyed action says why in its tooltip; menus show tooltips only when asked.
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                menu.setToolTipsVisible(True)

    def _make_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.add_action, self.edit_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addAction(self.import_action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        toolbar.addSeparator()
        self.programme_selector = QComboBox(self)
        self.programme_selector.setObjectName("programme_selector")
        self.programme_selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.programme_selector.currentIndexChanged.connect(self._programme_chosen)
        self.programme_selector_action = toolbar.addWidget(self.programme_selector)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _add_icons(self) -> None:
        # Line icons in the palette's text colour (gui/icons.py), on the tabs too.
        for action, name in (
            (self.new_action, "new-file"),
            (self.open_action, "open-file"),
            (self.close_action, "close"),
            (self.add_action, "add"),
            (self.edit_action, "edit"),
            (self.delete_action, "delete"),
            (self.import_action, "import"),
            (self.export_view_action, "export"),
            (self.export_programme_action, "export"),
            (self.export_calendar_action, "calendar"),
            (self.backup_action, "backup"),
            (self.lock_action, "lock"),
            (self.find_action, "search"),
            (self.copy_email_action, "copy"),
            (self.about_action, "about"),
        ):
            action.setIcon(themed_icon(name))
        for index in range(self.tab_widget.count()):
            self.tab_widget.setTabIcon(index, tab_icon(self.tab_widget.tabText(index)))

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)

    # What dialogs and menus see (context.FileHost) -----------------------------

    def widget(self) -> QMainWindow:
        """The window, as the parent of dialogs and menus."""
        return self

    def programme(self) -> ProgrammeSummary | None:
        """The programme shown, if a file is open and unlocked."""
        if self.programme_file is None or self.locker.locked:
            return None
        index = self.programme_selector.currentIndex()
        return self.programmes[index] if 0 <= index < len(self.programmes) else None

    def show_status(self, text: str, msecs: int = STATUS_MS) -> None:
        """Say ``text`` in the status bar for ``msecs`` milliseconds (0: until replaced)."""
        self.statusBar().showMessage(text, msecs)

    def show_record(self, record: RecordRef) -> None:
        """Bring forward the tab holding ``record``, with its rows selected."""
        show_record(self.window_tabs, self.show_status, record)
        bring_forward(self)

    def reload(self) -> None:
        """Reload every tab and the Dashboard (the programme's data changed)."""
        for tab in self.tabs:
            tab.reload()
        self.dashboard_tab.reload()

    def add_page(self, page: QWidget) -> None:
        """Add a page the window can show in place of the tabs (the locked page)."""
        self.pages.addWidget(page)

    # Showing a file ----------------------------------------------------------

    def current_tab(self) -> RecordTab | None:
        """The record tab in front; None when the Dashboard is."""
        return self.window_tabs.in_front()

    def _on_record_tab(self, action: Callable[[RecordTab], object]) -> None:
        tab = self.current_tab()
        if tab is not None:
            # Looked up on the tab, so that a tab's own version of the method runs.
            getattr(tab, action.__name__)()

    def show_file(
        self, programme_file: ProgrammeFile, *, demo: bool = False, select_id: int | None = None
    ) -> None:
        """Show an open file (closing the one shown before), on programme ``select_id`` if given."""
        self.close_file()
        self.programme_file = programme_file
        self.demo = demo
        name = "demo programme (changes are not kept)" if demo else programme_file.path.name
        self.file_label.setText(name)
        self.pages.setCurrentWidget(self.tab_widget)
        self.toolbar.show()
        self._tab_changed(self.tab_widget.currentIndex())
        self.load_programmes(select_id)
        self.locker.arm()

    def load_programmes(self, select_id: int | None = None) -> None:
        """List the file's programmes and show one (asking for a first one if none)."""
        if self.programme_file is None:
            return
        run_op(
            self.programme_file,
            list_programmes,
            parent=self,
            on_success=lambda programmes: self._programmes_loaded(programmes, select_id),
        )

    def _programmes_loaded(self, programmes: list[ProgrammeSummary], select_id: int | None) -> None:
        self.programmes = programmes
        self._tab_changed(self.tab_widget.currentIndex())
        if not programmes:
            self.new_programme()
            return
        self.programme_selector.blockSignals(True)
        self.programme_selector.clear()
        for programme in programmes:
            self.programme_selector.addItem(programme.name, programme.id)
        index = self.programme_selector.findData(select_id) if select_id is not None else 0
        self.programme_selector.setCurrentIndex(max(index, 0))
        self.programme_selector.blockSignals(False)
        self.programme_selector_action.setVisible(len(programmes) > 1)
        self._programme_chosen(self.programme_selector.currentIndex())

    def _programme_chosen(self, index: int) -> None:
        if self.programme_file is None or not 0 <= index < len(self.programmes):
            return
        programme = self.programmes[index]
        for tab in self.tabs:
            tab.set_programme(self.programme_file, programme)
        self.dashboard_tab.set_programme(self.programme_file, programme)
        what = "Demo" if self.demo else self.programme_file.path.name
        self.setWindowTitle(f"{programme.name} — {what} — {APP_NAME}")
        self.programme_shown.emit()

    def new_programme(self) -> None:
        """Ask for a new programme in the open file."""
        if self.programme_file is None:
            return
        dialog = ProgrammeDialog(self, self.programme_file)
        dialog.saved.connect(lambda programme_id: self.load_programmes(programme_id))
        dialog.open()

    def open_organisations(self) -> None:
        """Open the Organisations list: the spellings found, merged by the coordinator."""
        from mentordesk.gui.organisations_dialog import OrganisationsDialog

        if self.programme_file is not None:
            OrganisationsDialog(self, self).open()

    def open_alumni(self) -> None:
        """Open the Alumni list of the programme shown, to invite them back."""
        open_alumni(self, on_log=self.messages.open_log)

    def open_demo(self) -> None:
        """Build the demo programme in a temporary folder (off the GUI thread) and show it.

        Its passphrase is random and kept only in memory; the folder is deleted
        when the demo is closed.
        """
        from mentordesk.services.demo import build_demo

        folder = tempfile.TemporaryDirectory(prefix="mentordesk-demo-")
        demo = ProgrammeFile.create(
            Path(folder.name) / f"demo{FILE_SUFFIX}", secrets.token_urlsafe(24)
        )

        def built(_programme_id: int) -> None:
            self.show_file(demo, demo=True)
            self.demo_folder = folder

        def failed(error: BaseException) -> None:
            demo.close()
            folder.cleanup()
            show_error(self, error)

        run_long_op(
            lambda _progress: build_demo(demo),
            parent=self,
            label="Building the demo programme…",
            on_success=built,
            on_failure=failed,
        )

    def import_applications(self) -> None:
        """Ask for a spreadsheet of applications and open the import dialog on it."""
        if self.programme_file is None or not self.programmes:
            return
        path = ask_open_path(self, "Import applications", SPREADSHEET_FILTER, IMPORT_FOLDER)
        if path is not None:
            self.import_applications_from(path)

    def import_applications_from(self, path: Path) -> None:
        """Read ``path`` off the GUI thread and open the import dialog on it."""
        programme = self.programme()
        if self.programme_file is None or programme is None:
            return
        start_import(self, self.programme_file, programme, path, self._import_opened)

    def _import_opened(self, dialog: ImportDialog) -> None:
        self.import_dialog = dialog
        dialog.imported.connect(lambda _summary: self.reload())
        dialog.finished.connect(lambda _code: self._forget_import(dialog))

    def _forget_import(self, dialog: ImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None

    def export_programme(self) -> None:
        """Ask where to save the whole programme as a workbook, then save it."""
        programme = self.programme()
        if programme is None:
            return
        path = ask_save_path(
            self, "Export programme workbook", programme.name, ".xlsx", EXCEL_FILTER
        )
        if path is not None:
            self.export_programme_to(path)

    def export_programme_to(self, path: Path) -> None:
        """Save the programme shown, every sheet but the notes, to ``path`` off the GUI thread."""
        programme_file, programme = self.programme_file, self.programme()
        if programme_file is None or programme is None:
            return
        programme_id = programme.id

        def work(_progress: Progress) -> None:
            with programme_file.session() as session:
                export_programme(session, programme_id, path)

        run_long_op(
            work,
            parent=self,
            label="Exporting the programme…",
            on_success=lambda _result: self._exported(path),
        )

    def _on_events_tab(self, method: str) -> None:
        tab = self.current_tab()
        if isinstance(tab, EventsTab):
            getattr(tab, method)()

    def export_calendar(self) -> None:
        """Ask where to save the whole programme calendar (.ics), then save it."""
        programme = self.programme()
        if programme is None:
            return
        path = ask_calendar_path(self, programme.name)
        if path is not None:
            self.export_calendar_to(path)

    def export_calendar_to(self, path: Path) -> None:
        """Save every event of the programme shown as one calendar file, off the GUI thread."""
        programme = self.programme()
        if self.programme_file is None or programme is None:
            return
        export_calendar_to(self, self.programme_file, programme.id, path, on_done=self._exported)

    def _exported(self, path: Path) -> None:
        self.show_status(f"Exported to {path}")
        self.exported.emit(path)

    def close_file(self) -> None:
        """Close the open file, if any (or give up a locked one), and go back to the start page."""
        if self.locker.locked:
            self.locker.forget()
            self._show_start_page()
            return
        if self.programme_file is None:
            return
        self.release_file()
        self._show_start_page()

    def release_file(self) -> None:
        """Empty every view and close the file (to close it, or to lock the window)."""
        if self.programme_file is None:
            return
        wait_for_work()
        self.locker.idle_timer.stop()
        clear_sensitive()
        for tab in self.tabs:
            tab.clear()
        self.dashboard_tab.clear()
        self.programme_file.close()
        self.programme_file = None
        if self.demo_folder is not None:
            self.demo_folder.cleanup()
            self.demo_folder = None
        self.programmes = []
        self.programme_selector.blockSignals(True)
        self.programme_selector.clear()
        self.programme_selector.blockSignals(False)
        self.reports.release()
        self.messages.release()

    def show_locked(self, page: QWidget) -> None:
        """Show only the locked page: no tabs, no toolbar, no counts, no programme name."""
        self.pages.setCurrentWidget(page)
        self.toolbar.hide()
        self.counts_label.clear()
        self.statusBar().clearMessage()
        self.setWindowTitle(f"Locked — {APP_NAME}")
        for action in [*self.file_actions, *self.event_actions]:
            action.setEnabled(False)
        self.close_action.setEnabled(True)
        self.status_menu_action.setEnabled(False)
        self.copy_email_action.setEnabled(False)

    def _show_start_page(self) -> None:
        self.pages.setCurrentWidget(self.start_page)
        self.toolbar.hide()
        self.start_page.refresh()
        self.setWindowTitle(APP_NAME)
        self.file_label.clear()
        self.counts_label.clear()
        self.programme_selector_action.setVisible(False)
        self._tab_changed(self.tab_widget.currentIndex())

    # Reacting ----------------------------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        # Every action is enabled, or greyed with a tooltip saying what it waits for.
        why_not = NO_FILE if self.programme_file is None else NO_PROGRAMME
        has_file = self.programme_file is not None
        shown = has_file and bool(self.programmes)
        tab = self.current_tab() if shown else None

        def offer(actions: list[QAction], ready: bool, other_reason: str = "") -> None:
            for action in actions:
                action.setEnabled(shown and ready)
                action.setToolTip("" if shown and ready else other_reason if shown else why_not)

        for action in self.file_care_actions:
            action.setEnabled(has_file)
            action.setToolTip("" if has_file else NO_FILE)
        offer([*self.programme_actions, self.import_action], True)
        offer([self.export_programme_action, self.export_calendar_action], True)
        offer(
            [self.add_action, self.edit_action, self.delete_action], tab is not None, NO_RECORD_TAB
        )
        offer([self.find_action], tab is not None, NO_RECORD_TAB)
        exportable = tab is not None and tab.EXPORTABLE
        offer(
            [self.export_view_action], exportable, NO_RECORD_TAB if tab is None else NOT_EXPORTABLE
        )
        offer(self.event_actions, isinstance(tab, EventsTab), EVENTS_ONLY)
        offer(self.pairing_actions, tab is self.pairings_tab, PAIRINGS_ONLY)
        offer(
            [self.status_menu_action, self.copy_email_action],
            isinstance(tab, ApplicantsTab),
            APPLICANTS_ONLY,
        )
        self._update_status()

    def _update_status(self) -> None:
        if self.programme_file is None:
            return
        self.counts_label.setText(" · ".join(tab.status_text() for tab in self.tabs))

    def _reload_others(self) -> None:
        sender = self.sender()
        for tab in self.tabs:
            if tab is not sender:
                tab.reload()
        self.dashboard_tab.reload()

    def focus_search(self) -> None:
        """Put the cursor in the current tab's search box."""
        tab = self.current_tab()
        if tab is None:
            return
        search = tab.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def about(self) -> None:
        from mentordesk.gui.about import show_about

        path = self.programme_file.path if self.programme_file is not None else None
        show_about(self, path, demo=self.demo)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        self.close_file()
        clear_sensitive()
        super().closeEvent(event)
