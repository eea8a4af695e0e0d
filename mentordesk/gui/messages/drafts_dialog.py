"""Prepare drafts…: one unsent email per recipient, from a template, into a folder."""

from __future__ import annotations

import datetime as dt
import hashlib
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.ical import Person
from mentordesk.gui.calendar_export import OrganiserDialog, remembered_organiser
from mentordesk.gui.errors import show_error
from mentordesk.gui.folders import remember_folder, remembered_folder
from mentordesk.gui.form_values import combo_value, fill_combo, select_value
from mentordesk.gui.messages import buddy_label
from mentordesk.gui.messages.targets import MessageTarget, count_text, prepare_drafts
from mentordesk.gui.ops import run_op
from mentordesk.services.drafts import GIVEN_PLACEHOLDERS, DraftResult
from mentordesk.services.messages import placeholders, template_title
from mentordesk.store.programme_file import ProgrammeFile

#: QSettings key prefix of the folder drafts of one programme file go to. The key
#: holds a digest of the file's path, the value a folder: no name is ever stored.
FOLDER_KEY = "messages/drafts_folder"
#: Where drafts go until a folder is chosen for the file.
DEFAULT_FOLDER = Path.home() / "MentorDesk drafts"
#: Labels of the values a coordinator gives when preparing drafts, by placeholder.
GIVEN_LABELS = {"survey_link": "Survey &link:"}


def drafts_folder_key(programme_file: ProgrammeFile) -> str:
    """The settings key of the folder this file's drafts went to last (a digest of its path)."""
    digest = hashlib.sha256(str(programme_file.path.resolve()).encode()).hexdigest()[:16]
    return f"{FOLDER_KEY}/{digest}"


def summary_html(result: DraftResult, folder: Path, key: str) -> str:
    """What a run wrote and where, in words."""
    written = len(result.written)
    title = template_title(key)
    if written:
        text = (
            f"<p><b>{count_text(written, 'draft')} of the “{escape(title)}” message written</b> "
            f"to<br>{escape(str(folder))}</p>"
            "<p>Open each draft in your mail program, check it and send it; then mark it "
            "sent in the communication log.</p>"
        )
    else:
        text = f"<p><b>No draft of the “{escape(title)}” message was written.</b></p>"
    return text


class DraftsDialog(QDialog):
    """Choose the message and the folder, prepare the drafts, then see what was written.

    Attributes:
        target: whom the drafts are for.
        template_choice: the messages that fit the target.
        folder: where the drafts go; sender_box: whether they come from the coordinator.
        given: a field per value the file does not hold (the survey's link).
        result: what the last run wrote, once it has run.

    Signals:
        prepared: drafts were written and logged (carries the ``DraftResult``).
        edit_requested: the coordinator wants to edit this template (its key).
        log_requested: the coordinator wants to see the communication log.
    """

    prepared = Signal(object)
    edit_requested = Signal(str)
    log_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        target: MessageTarget,
        *,
        key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_dialog")
        self.setWindowTitle("Prepare drafts")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(620, 280)
        self.programme_file = programme_file
        self.programme_id = programme_id
        self.target = target
        self.last_result: DraftResult | None = None
        self._busy = False
        self._closing = False
        self.folder_written = DEFAULT_FOLDER
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choices_page(key))
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._key_chosen()

    def _choices_page(self, key: str | None) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            f"One email draft for each recipient: {escape(self.target.description)}.", page
        )
        intro.setObjectName("drafts_intro")
        intro.setWordWrap(True)
        self.template_choice = QComboBox(page)
        self.template_choice.setObjectName("template_choice")
        keys = self.target.fitting_keys()
        fill_combo(self.template_choice, ((template_title(k), k) for k in keys))
        select_value(self.template_choice, key or self.target.default_key())
        self.template_choice.currentIndexChanged.connect(lambda _i: self._key_chosen())
        edit = QPushButton("&Edit template…", page)
        edit.setObjectName("edit_template_button")
        edit.clicked.connect(lambda: self.edit_requested.emit(self.key()))
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_choice, 1)
        template_row.addWidget(edit)
        self.given: dict[str, QLineEdit] = {}
        self.given_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(buddy_label("&Message:", self.template_choice), template_row)
        for name, label in GIVEN_LABELS.items():
            field = QLineEdit(page)
            field.setObjectName(name)
            field.setPlaceholderText(GIVEN_PLACEHOLDERS.get(name, ""))
            self.given[name] = field
            form.addRow(label, field)
            self.given_labels[name] = form.labelForField(field)  # type: ignore[assignment]
        organiser = remembered_organiser()
        self.sender_box = QCheckBox(page)
        self.sender_box.setObjectName("sender_box")
        self.sender_box.setChecked(organiser is not None)
        self.sender_button = QPushButton("C&hange…", page)
        self.sender_button.setObjectName("sender_button")
        self.sender_button.clicked.connect(self._change_sender)
        sender_row = QHBoxLayout()
        sender_row.addWidget(self.sender_box, 1)
        sender_row.addWidget(self.sender_button)
        form.addRow("From:", sender_row)
        self._show_sender(organiser)
        remembered = remembered_folder(drafts_folder_key(self.programme_file), DEFAULT_FOLDER)
        self.folder = QLineEdit(str(remembered), page)
        self.folder.setObjectName("folder")
        browse = QPushButton("&Browse…", page)
        browse.setObjectName("browse_button")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(buddy_label("Save &in:", self.folder), folder_row)
        note = QLabel(
            "Each draft is an email file (.eml) marked unsent: double-click it to open it in "
            "Outlook or your mail program, check it and press Send. The drafts contain "
            "personal details: keep the folder private, and delete the drafts once sent.",
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.status = QLabel(page)
        self.status.setObjectName("drafts_status")
        self.prepare_button = QPushButton("&Prepare drafts", page)
        self.prepare_button.setObjectName("prepare_button")
        self.prepare_button.setDefault(True)
        self.prepare_button.clicked.connect(self.prepare)
        cancel = QPushButton("Cancel", page)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.prepare_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("drafts_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome = QTreeWidget(page)
        self.outcome.setObjectName("drafts_outcome")
        self.outcome.setHeaderHidden(True)
        self.outcome.setToolTip("Double-click a draft to open it in your mail program")
        self.outcome.itemDoubleClicked.connect(lambda item, _column: self._open_draft(item))
        self.open_folder_button = QPushButton("&Open folder", page)
        self.open_folder_button.setObjectName("open_folder_button")
        self.open_folder_button.clicked.connect(self.open_folder)
        log = QPushButton("Communication &log…", page)
        log.setObjectName("show_log_button")
        log.clicked.connect(self._show_log)
        close = QPushButton("Close", page)
        close.setObjectName("close_button")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(log)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.outcome, 1)
        layout.addLayout(buttons)
        return page

    # Choices -------------------------------------------------------------------

    def key(self) -> str:
        """The message chosen."""
        return str(combo_value(self.template_choice))

    def choose_key(self, key: str) -> None:
        """Choose one of the messages offered."""
        select_value(self.template_choice, key)

    def _key_chosen(self) -> None:
        used = {p.name for p in placeholders(self.key())}
        for name, field in self.given.items():
            field.setVisible(name in used)
            self.given_labels[name].setVisible(name in used)

    def _show_sender(self, organiser: Person | None) -> None:
        if organiser is None:
            self.sender_box.setText("Your mail program's usual account")
            self.sender_box.setChecked(False)
            self.sender_box.setEnabled(False)
            self.sender_box.setToolTip("Choose Change… to give the name and address to sign as")
            return
        self.sender_box.setEnabled(True)
        self.sender_box.setText(f"{organiser.name} <{organiser.email}>")
        self.sender_box.setToolTip(
            "Send from this address and sign with this name; untick to leave the sender to "
            "your mail program and sign as the programme team"
        )

    def _change_sender(self) -> None:
        dialog = OrganiserDialog(self, remembered_organiser())
        dialog.setWindowTitle("Drafts come from")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            self._show_sender(remembered_organiser())
            self.sender_box.setChecked(True)

        dialog.accepted.connect(chosen)
        dialog.open()

    def chosen_sender(self) -> tuple[str, str] | None:
        """The name and address the drafts come from, or None for the mail program's own."""
        organiser = remembered_organiser()
        if organiser is None or not self.sender_box.isChecked():
            return None
        return organiser.name, organiser.email

    def values(self) -> dict[str, str]:
        """The values given for placeholders the file does not hold."""
        return {n: f.text().strip() for n, f in self.given.items() if f.isVisible() or f.text()}

    def chosen_folder(self) -> Path:
        """The folder typed or chosen.

        Raises:
            InvalidInput: none was given.
        """
        text = self.folder.text().strip()
        if not text:
            raise InvalidInput("Choose the folder the drafts go to.")
        return Path(text).expanduser()

    def _browse(self) -> None:
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Save the drafts in", start)
        if chosen:
            self.folder.setText(chosen)

    # Preparing ---------------------------------------------------------------------

    def prepare(self) -> None:
        """Write the drafts off the GUI thread, then show what was written."""
        if self._busy:
            return
        try:
            folder = self.chosen_folder()
        except InvalidInput as error:
            show_error(self, error)
            return
        key, target, programme_id = self.key(), self.target, self.programme_id
        sender, values, today = self.chosen_sender(), self.values(), dt.date.today()

        def work(session: Session) -> DraftResult:
            if not folder.exists() and folder.parent.is_dir():
                folder.mkdir()
            return prepare_drafts(
                session,
                programme_id,
                target,
                key,
                folder,
                today=today,
                sender=sender,
                values=values,
            )

        self._set_busy(True)
        run_op(
            self.programme_file,
            work,
            parent=self,
            on_success=lambda result: self._prepared(result, folder, key),
            on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.prepare_button.setEnabled(not busy)
        self.status.setText("Preparing the drafts…" if busy else "")
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if self._closing:
            super().reject()
            return
        show_error(self, error)

    def _prepared(self, result: DraftResult, folder: Path, key: str) -> None:
        self._set_busy(False)
        if self._closing:
            self.prepared.emit(result)
            super().reject()
            return
        remember_folder(drafts_folder_key(self.programme_file), folder)
        self.last_result = result
        self.folder_written = folder
        self.summary.setText(summary_html(result, folder, key))
        self._show_outcome(result)
        self.open_folder_button.setEnabled(bool(result.written))
        self.setWindowTitle("Drafts prepared")
        self.pages.setCurrentIndex(1)
        self.resize(max(self.width(), 640), max(self.height(), 440))
        self.prepared.emit(result)

    def _show_outcome(self, result: DraftResult) -> None:
        self.outcome.clear()
        bold = QFont(self.outcome.font())
        bold.setBold(True)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for title, lines, icon in (
            (f"Left out ({len(result.skipped)})", result.skipped, warning),
            (f"Written ({len(result.written)})", [p.name for p in result.written], None),
        ):
            if not lines:
                continue
            group = QTreeWidgetItem(self.outcome, [title])
            group.setFont(0, bold)
            for number, line in enumerate(lines):
                item = QTreeWidgetItem(group, [line])
                if icon is not None:
                    item.setIcon(0, icon)
                else:
                    item.setData(0, Qt.ItemDataRole.UserRole, str(result.written[number]))
            group.setExpanded(True)

    def _open_draft(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, Qt.ItemDataRole.UserRole)
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_folder(self) -> None:
        """Show the folder the drafts were written to in the file manager."""
        if self.last_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder_written)))

    def _show_log(self) -> None:
        self.log_requested.emit()
        self.accept()

    def reject(self) -> None:
        if self._busy:
            # The drafts are being written: the dialog goes once they are (or failed).
            self._closing = True
            self.hide()
            return
        super().reject()
