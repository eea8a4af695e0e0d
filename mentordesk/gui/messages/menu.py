"""The Messages menu: its actions, shared with the tabs' context menus, and its dialogs."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox
from sqlalchemy.orm import Session

from mentordesk.gui.calendar_export import remembered_organiser
from mentordesk.gui.clipboard import CLEAR_AFTER_SECONDS, copy_sensitive
from mentordesk.gui.context import WindowContext, WindowTabs
from mentordesk.gui.messages.drafts_dialog import DraftsDialog
from mentordesk.gui.messages.log_view import CommunicationLog
from mentordesk.gui.messages.records import bring_forward
from mentordesk.gui.messages.reminders import RemindersPanel, reminder_key, show_on_open
from mentordesk.gui.messages.selection import selection_target
from mentordesk.gui.messages.targets import (
    MAILTO_KEYS,
    MessageTarget,
    TargetKind,
    count_text,
    people_of,
)
from mentordesk.gui.messages.template_editor import TemplateEditor, open_template_editor
from mentordesk.gui.ops import run_op
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.training import TrainingTab
from mentordesk.services.drafts import mailto_url, outlook_addresses
from mentordesk.services.messages import record_prepared, template_title

if TYPE_CHECKING:
    from mentordesk.services.reminders import Reminder

#: How long the status bar tells what was copied or opened, in milliseconds.
STATUS_MS = 8000


def _addresses(session: Session, target: MessageTarget) -> tuple[str, int]:
    people = people_of(session, target)
    return outlook_addresses(session, people), len(people)


def _mail_link(
    session: Session, person_id: int, key: str | None, programme_id: int
) -> tuple[str, int, str | None]:
    sender = remembered_organiser()
    url = mailto_url(
        session,
        person_id,
        key,
        programme_id,
        sender=(sender.name, sender.email) if sender else None,
    )
    return url, person_id, key


def _subject_of(url: str) -> str:
    query = urllib.parse.urlsplit(url).query
    return urllib.parse.parse_qs(query).get("subject", [""])[0]


def _load_reminders(session: Session, programme_id: int, today: dt.date) -> list[Reminder]:
    # Imported here: the window opens without loading what only the reminders need.
    from mentordesk.services.reminders import reminders

    return reminders(session, programme_id, today)


class MessagesMenu(QObject):
    """The window's Messages menu, and the templates, drafts, log and reminders it opens.

    Prepare drafts, Copy addresses and Write email act on what is selected in the
    tab in front: applicants, pairings, or an event (with the people chosen on
    its register, or everyone on it). The same actions sit in those tabs' context
    menus.

    Attributes:
        menu: the menu; write_menu: Write email, blank or from a template.
        template_editor, log, drafts_dialog, reminders_panel: the dialog of each
            kind now open, if any.
        dismissed: the reminders dismissed this session.
    """

    def __init__(self, context: WindowContext, tabs: WindowTabs) -> None:
        super().__init__(context.widget())
        self.context = context
        self.tabs = tabs
        self.window = context.widget()
        self.template_editor: TemplateEditor | None = None
        self.log: CommunicationLog | None = None
        self.drafts_dialog: DraftsDialog | None = None
        self.reminders_panel: RemindersPanel | None = None
        self.dismissed: set[Hashable] = set()
        self._reminded: set[tuple[Path, int]] = set()
        self._make_actions()
        self._make_menu()
        self._install_in_tabs()
        tabs.widget.currentChanged.connect(lambda _index: self.update_actions())
        context.programme_shown.connect(self._programme_shown)
        self.update_actions()

    # Building --------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], Any], key: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        self.templates_action = self._action("&Templates…", "templates_action", self.open_templates)
        self.prepare_action = self._action(
            "&Prepare drafts…", "prepare_drafts_action", self.prepare_drafts, "Ctrl+Shift+D"
        )
        self.prepare_action.setToolTip(
            "Write one email draft per recipient of the selection, from a template"
        )
        self.copy_action = self._action(
            "&Copy addresses", "copy_addresses_action", self.copy_addresses, "Ctrl+Shift+E"
        )
        self.copy_action.setToolTip(
            "Copy the selection's addresses for Outlook's To or Bcc field; cleared from "
            f"the clipboard after {CLEAR_AFTER_SECONDS} s"
        )
        self.write_menu = QMenu("&Write email", self.window)
        self.write_menu.setObjectName("write_email_menu")
        self.blank_email_action = self._action(
            "&Blank message", "write_email_action", self.write_email, "Ctrl+Shift+M"
        )
        self.write_menu.addAction(self.blank_email_action)
        self.write_menu.addSeparator()
        self.write_actions = [self.blank_email_action]
        for key in MAILTO_KEYS:
            action = self._action(
                template_title(key), f"write_{key}_action", partial(self.write_email, key)
            )
            self.write_menu.addAction(action)
            self.write_actions.append(action)
        self.log_action = self._action(
            "Communication &log…", "communication_log_action", self.open_log, "Ctrl+Shift+L"
        )
        self.reminders_action = self._action(
            "&Reminders…", "reminders_action", self.show_reminders, "Ctrl+Shift+R"
        )
        self.programme_actions = [self.templates_action, self.log_action, self.reminders_action]

    def _make_menu(self) -> None:
        self.menu = QMenu("&Messages", self.window)
        self.menu.setObjectName("messages_menu")
        self.menu.addActions([self.prepare_action, self.copy_action])
        self.menu.addMenu(self.write_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.log_action)
        self.menu.addAction(self.reminders_action)
        self.menu.addSeparator()
        self.menu.addAction(self.templates_action)
        self.menu.aboutToShow.connect(self.update_actions)

    def _install_in_tabs(self) -> None:
        separator = QAction(self.window)
        separator.setSeparator(True)
        shared = [separator, self.prepare_action, self.copy_action, self.write_menu]
        for tab in self.tabs.records:
            if hasattr(tab, "message_actions"):
                tab.message_actions = shared
                tab.view.selectionModel().selectionChanged.connect(self._selection_changed)
                tab.loaded.connect(self.update_actions)
            if isinstance(tab, EventsTab):
                tab.panel.view.selectionModel().selectionChanged.connect(self._selection_changed)
                tab.panel.loaded.connect(self.update_actions)
            if isinstance(tab, TrainingTab):
                tab.missing_button.toggled.connect(lambda _shown: self.update_actions())

    def _selection_changed(self, *_args: object) -> None:
        self.update_actions()

    # What is selected ------------------------------------------------------------------

    def target(self) -> MessageTarget | None:
        """Whom the selection in the tab in front reaches, or None if nobody."""
        return selection_target(self.tabs) if self.context.programme() is not None else None

    def update_actions(self) -> None:
        """Enable the actions that fit the selection in the tab in front."""
        shown = self.context.programme() is not None
        for action in self.programme_actions:
            action.setEnabled(shown)
        target = self.target()
        reaches = target is not None and (bool(target.ids) or target.kind is TargetKind.EVENT)
        self.prepare_action.setEnabled(reaches)
        self.copy_action.setEnabled(reaches)
        single = target is not None and target.kind is not TargetKind.PAIRINGS
        single = single and target is not None and len(target.ids) == 1
        self.write_menu.menuAction().setEnabled(single)
        for action in self.write_actions:
            action.setEnabled(single)

    def _status(self, text: str) -> None:
        self.context.show_status(text, STATUS_MS)

    # Templates -----------------------------------------------------------------------

    def open_templates(self, key: str | None = None) -> None:
        """Open the template editor (or bring it forward, on ``key`` if given)."""
        programme = self.context.programme()
        if programme is None or self.context.programme_file is None:
            return
        editor = self.template_editor
        if editor is not None and editor.programme_id == programme.id:
            if key is not None:
                editor.show_template(key)
            bring_forward(editor)
            return
        if editor is not None:
            editor.close()
        open_template_editor(
            self.window,
            self.context.programme_file,
            programme.id,
            programme_name=programme.name,
            key=key,
            on_open=self._editor_opened,
        )

    def _editor_opened(self, editor: TemplateEditor) -> None:
        self.template_editor = editor
        editor.destroyed.connect(lambda _obj=None: self._forget("template_editor", editor))

    def _forget(self, name: str, dialog: QDialog) -> None:
        if getattr(self, name) is dialog:
            setattr(self, name, None)

    # Drafts ------------------------------------------------------------------------------

    def prepare_drafts(self) -> None:
        """Ask for the message and folder, then write drafts for the selection."""
        target = self.target()
        if target is None or not (target.ids or target.kind is TargetKind.EVENT):
            self._status("Select applicants, pairings or an event first.")
            return
        self.open_drafts(target)

    def open_drafts(self, target: MessageTarget, key: str | None = None) -> DraftsDialog | None:
        """Open Prepare drafts for ``target``, on message ``key`` if given."""
        programme = self.context.programme()
        if programme is None or self.context.programme_file is None:
            return None
        if self.drafts_dialog is not None:
            self.drafts_dialog.reject()  # one at a time: the new selection replaces the old
        parent = self.log if self.log is not None and self.log.isActiveWindow() else self.window
        dialog = DraftsDialog(parent, self.context.programme_file, programme.id, target, key=key)
        dialog.prepared.connect(self._drafts_prepared)
        dialog.edit_requested.connect(self.open_templates)
        dialog.log_requested.connect(self.open_log)
        dialog.destroyed.connect(lambda _obj=None: self._forget("drafts_dialog", dialog))
        self.drafts_dialog = dialog
        # Not modal: Edit template… opens the template editor beside it.
        dialog.setWindowFlag(Qt.WindowType.Window, True)
        dialog.show()
        bring_forward(dialog)
        return dialog

    def _drafts_prepared(self, _result: object) -> None:
        self.tabs.applicants.load_detail()
        if self.log is not None:
            self.log.reload()

    # Addresses and mail links ---------------------------------------------------------------

    def copy_addresses(self, target: MessageTarget | None = None) -> None:
        """Copy the addresses the selection reaches, '; '-separated, as Outlook's fields take."""
        target = target or self.target()
        programme_file = self.context.programme_file
        if target is None or programme_file is None:
            return
        if not (target.ids or target.kind is TargetKind.EVENT):
            self._status("Select applicants, pairings or an event first.")
            return
        run_op(
            programme_file,
            lambda s: _addresses(s, target),
            parent=self.window,
            on_success=self._copied,
        )

    def _copied(self, result: tuple[str, int]) -> None:
        text, count = result
        if self.context.programme_file is None:
            return  # closed or locked meanwhile: nothing personal goes on the clipboard
        if not count:
            self._status("Nobody to copy: the register is empty.")
            return
        copy_sensitive(text)
        self._status(
            f"Copied {count_text(count, 'address', 'addresses')} for Outlook's To or Bcc field; "
            f"cleared from the clipboard in {CLEAR_AFTER_SECONDS} s."
        )

    def copy_people(self, person_ids: list[int]) -> None:
        """Copy these people's addresses (from the communication log)."""
        self.copy_addresses(
            MessageTarget(
                TargetKind.PEOPLE, tuple(person_ids), count_text(len(person_ids), "person")
            )
        )

    def write_email(self, key: str | None = None) -> None:
        """Open the mail program on a message to the one person selected (blank or a template)."""
        target = self.target()
        programme = self.context.programme()
        programme_file = self.context.programme_file
        if (
            target is None
            or programme is None
            or programme_file is None
            or target.kind is TargetKind.PAIRINGS
            or len(target.ids) != 1
        ):
            self._status("Select one person to write to.")
            return
        person_id, programme_id = target.ids[0], programme.id
        run_op(
            programme_file,
            lambda s: _mail_link(s, person_id, key, programme_id),
            parent=self.window,
            on_success=self._open_mail_link,
        )

    def _open_mail_link(self, link: tuple[str, int, str | None]) -> None:
        url, person_id, key = link
        if not QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))):
            QMessageBox.warning(
                self.window,
                "No mail program",
                "No mail program opened the message: this computer may have none set up "
                "for mail links. Use Copy addresses, or Prepare drafts, instead.",
            )
            return
        programme = self.context.programme()
        if key is None or programme is None or self.context.programme_file is None:
            return
        # A message from a template counts as prepared, as a draft would.
        subject, programme_id = _subject_of(url), programme.id
        run_op(
            self.context.programme_file,
            lambda s: record_prepared(s, programme_id, person_id, key, subject),
            parent=self.window,
            on_success=lambda _id: self._drafts_prepared(None),
        )

    # The communication log ------------------------------------------------------------------

    def open_log(self, view: object = None) -> CommunicationLog | None:
        """Open the communication log (or bring it forward), on one of its views if given."""
        programme = self.context.programme()
        if programme is None or self.context.programme_file is None:
            return None
        log = self.log
        if log is not None and log.programme_id != programme.id:
            log.close()
            log = None
        if log is None:
            log = CommunicationLog(
                self.window,
                self.context.programme_file,
                programme.id,
                programme_name=programme.name,
                zone=ZoneInfo(programme.timezone),
            )
            log.changed.connect(self.tabs.applicants.load_detail)
            log.prepare_requested.connect(self._prepare_untold)
            log.copy_requested.connect(self.copy_people)
            log.destroyed.connect(lambda _obj=None: self._forget("log", log))
            self.log = log
        if view is not None:
            log.show_view(view)  # type: ignore[arg-type]
        log.reload()
        log.show()
        bring_forward(log)
        return log

    def _prepare_untold(self, person_ids: list[int], key: str) -> None:
        target = MessageTarget(
            TargetKind.PEOPLE,
            tuple(person_ids),
            f"{count_text(len(person_ids), 'applicant')} not yet told",
            suggested_key=key,
        )
        self.open_drafts(target, key)

    # Reminders ---------------------------------------------------------------------------------

    def _programme_shown(self) -> None:
        programme = self.context.programme()
        programme_file = self.context.programme_file
        if programme is None or programme_file is None:
            return
        if self.reminders_panel is not None:
            self.load_reminders()  # the panel follows the programme shown
            return
        shown = (programme_file.path, programme.id)
        if shown in self._reminded or not show_on_open():
            return
        self._reminded.add(shown)
        self.load_reminders(only_if_any=True)

    def show_reminders(self) -> None:
        """Show the reminders of the programme shown (loaded off the GUI thread)."""
        self.load_reminders()

    def load_reminders(self, *, only_if_any: bool = False) -> None:
        """Load the reminders; show them (when opening a file, only if there are any)."""
        programme = self.context.programme()
        programme_file = self.context.programme_file
        if programme is None or programme_file is None:
            return
        today = dt.date.today()
        programme_id = programme.id

        def loaded(found: list[Reminder]) -> None:
            if (
                self.context.programme_file is not programme_file
                or self.context.programme() != programme
            ):
                return  # closed, locked or switched meanwhile
            waiting = [r for r in found if reminder_key(r) not in self.dismissed]
            if only_if_any and not waiting:
                self._status("No reminders today.")
                return
            panel = self._reminders_panel()
            panel.show_reminders(found, programme_name=programme.name, today=today)
            panel.show()

        run_op(
            programme_file,
            lambda s: _load_reminders(s, programme_id, today),
            parent=self.window,
            on_success=loaded,
        )

    def _reminders_panel(self) -> RemindersPanel:
        panel = self.reminders_panel
        if panel is None:
            panel = RemindersPanel(self.window, self.dismissed)
            panel.open_requested.connect(self.open_reminder)
            panel.refresh_requested.connect(self.show_reminders)
            panel.destroyed.connect(lambda _obj=None: self._forget("reminders_panel", panel))
            self.reminders_panel = panel
        return panel

    def open_reminder(self, reminder: Reminder) -> None:
        """Show a reminder's record: its pairing, event or people, selected in their tab."""
        self.context.show_record(reminder)

    # Closing ------------------------------------------------------------------------------------

    def release(self) -> None:
        """Close every dialog of the menu, unsaved template edits included (file closing, lock)."""
        if self.log is not None:
            self.log.clear()
        if self.reminders_panel is not None:
            self.reminders_panel.clear()
        for dialog in (self.template_editor, self.log, self.drafts_dialog, self.reminders_panel):
            if dialog is not None:
                dialog.reject()  # closes without asking, and deletes the dialog
        self.template_editor = self.log = self.drafts_dialog = self.reminders_panel = None
        self.update_actions()
