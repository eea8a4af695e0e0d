"""Edit the programme's message templates, with their placeholders checked as one types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.errors import MentorDeskError
from mentordesk.gui.dialogs import confirm
from mentordesk.gui.errors import show_error
from mentordesk.gui.messages import buddy_label
from mentordesk.gui.ops import run_op
from mentordesk.services.messages import (
    TEMPLATE_KEYS,
    TemplateText,
    example_values,
    get_template,
    placeholders,
    render,
    reset_template,
    save_template,
    template_problems,
)
from mentordesk.store.programme_file import ProgrammeFile

#: The colour of the problems under the editor.
PROBLEM_COLOUR = "#b3261e"
#: What the "Wording" column says of a template.
STANDARD_TEXT = "Standard text"
OWN_TEXT = "Own wording"
UNSAVED_TEXT = "Changed, not saved"


def load_templates(session: Session, programme_id: int) -> list[TemplateText]:
    """Every template as the programme uses it, in the order of ``TEMPLATE_KEYS``."""
    return [get_template(session, programme_id, key) for key in TEMPLATE_KEYS]


def _save_and_reload(
    session: Session, programme_id: int, key: str, subject: str, body: str
) -> TemplateText:
    save_template(session, programme_id, key, subject, body)
    return get_template(session, programme_id, key)


def _reset_and_reload(session: Session, programme_id: int, key: str) -> TemplateText:
    reset_template(session, programme_id, key)
    return get_template(session, programme_id, key)


def preview_html(key: str, subject: str, body: str) -> str:
    """The template filled in for the example person, or why it cannot be shown yet."""
    values = example_values(key)
    try:
        filled_subject, filled_body = render(subject, values), render(body, values)
    except MentorDeskError:
        return (
            "<p style='color:#666'>The preview appears once the problems under the "
            "message are fixed.</p>"
        )
    name = values.get("full_name", "")
    who = f" as {escape(name)} would receive it" if name else ""
    return (
        f"<p style='color:#666; margin-bottom:6px'>An example{who}:</p>"
        f"<p style='margin-bottom:8px'><b>Subject:</b> {escape(filled_subject)}</p>"
        f"<p style='white-space:pre-wrap'>{escape(filled_body)}</p>"
    )


def problems_html(problems: Sequence[str]) -> str:
    """The problems as the line under the editor shows them, one per line."""
    return "<br>".join(f"• {escape(p)}" for p in problems)


class TemplateEditor(QDialog):
    """The programme's message templates: a list on the left, the chosen one to edit beside it.

    The problems of the template being edited are listed under it, in red, as the
    coordinator types; Save stays disabled while there are any. Edits to several
    templates are kept until the dialog closes, which asks before dropping them.

    Attributes:
        programme_id: whose templates are edited.
        template_list: the messages, with whether each has the programme's own wording.
        subject, body: the editors; problems: the line under them.
        placeholder_list: the fields the template may use (double-click inserts one).
        preview: the template filled in for an example person.

    Signals:
        saved: a template was saved or reset (carries its key).
    """

    saved = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        templates: Sequence[TemplateText],
        *,
        programme_name: str = "",
        key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("template_editor")
        self.setWindowTitle(
            f"Message templates — {programme_name}" if programme_name else "Message templates"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1040, 720)
        self.programme_file = programme_file
        self.programme_id = programme_id
        self._stored: dict[str, TemplateText] = {t.key: t for t in templates}
        self._edits: dict[str, tuple[str, str]] = {}
        self._key: str | None = None
        self._busy = False
        self._loading = False
        self._target: QLineEdit | QPlainTextEdit | None = None
        self._build()
        for template in templates:
            item = QTreeWidgetItem(self.template_list, [template.title, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, template.key)
            self._mark(template.key)
        self.template_list.currentItemChanged.connect(self._template_chosen)
        wanted = key if key in self._stored else (templates[0].key if templates else None)
        if wanted is not None:
            self.show_template(wanted)

    def _build(self) -> None:
        self.template_list = QTreeWidget(self)
        self.template_list.setObjectName("template_list")
        self.template_list.setHeaderLabels(["Message", "Wording"])
        self.template_list.setRootIsDecorated(False)
        self.template_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.template_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.template_list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.template_list.header().setStretchLastSection(False)
        self.heading = QLabel(self)
        self.heading.setObjectName("template_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.subject = QLineEdit(self)
        self.subject.setObjectName("subject")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setTabChangesFocus(True)
        for editor in (self.subject, self.body):
            editor.installEventFilter(self)
        self.subject.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.placeholder_list = QTreeWidget(self)
        self.placeholder_list.setObjectName("placeholders")
        self.placeholder_list.setHeaderLabels(["Placeholder", "What it holds"])
        self.placeholder_list.setRootIsDecorated(False)
        self.placeholder_list.header().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.placeholder_list.itemDoubleClicked.connect(lambda item, _c: self._insert(item))
        self.insert_button = QPushButton("&Insert", self)
        self.insert_button.setObjectName("insert_button")
        self.insert_button.setToolTip("Put the chosen placeholder where the cursor is")
        self.insert_button.clicked.connect(self._insert_current)
        placeholder_page = QWidget(self)
        placeholder_layout = QVBoxLayout(placeholder_page)
        placeholder_layout.setContentsMargins(0, 4, 0, 0)
        hint = QLabel(
            "Double-click a placeholder to put it where the cursor is, in the subject or "
            "the message. Each is filled in for every recipient.",
            self,
        )
        hint.setWordWrap(True)
        placeholder_layout.addWidget(hint)
        placeholder_layout.addWidget(self.placeholder_list, 1)
        insert_row = QHBoxLayout()
        insert_row.addStretch(1)
        insert_row.addWidget(self.insert_button)
        placeholder_layout.addLayout(insert_row)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("preview")
        self.preview.setOpenLinks(False)
        self.below = QTabWidget(self)
        self.below.setObjectName("template_tabs")
        self.below.addTab(placeholder_page, "&Placeholders")
        self.below.addTab(self.preview, "Pre&view")
        self.reset_button = QPushButton("&Reset to standard text", self)
        self.reset_button.setObjectName("reset_button")
        self.reset_button.setToolTip("Go back to the text MentorDesk ships for this message")
        self.reset_button.clicked.connect(self.reset_current)
        self.save_button = QPushButton("&Save", self)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_current)
        self.close_button = QPushButton("Close", self)
        self.close_button.setObjectName("close_button")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)

        editor_page = QWidget(self)
        form = QVBoxLayout(editor_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.heading)
        form.addWidget(buddy_label("S&ubject:", self.subject))
        form.addWidget(self.subject)
        form.addWidget(buddy_label("&Message:", self.body))
        form.addWidget(self.body, 3)
        form.addWidget(self.problems)
        form.addWidget(self.below, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("template_splitter")
        splitter.addWidget(self.template_list)
        splitter.addWidget(editor_page)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 740])
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    # State -------------------------------------------------------------------

    @property
    def key(self) -> str | None:
        """The template being edited."""
        return self._key

    def texts(self) -> tuple[str, str]:
        """The subject and message as typed."""
        return self.subject.text(), self.body.toPlainText()

    def current_problems(self) -> list[str]:
        """What stops the template being edited from being saved, in plain words."""
        if self._key is None:
            return []
        return template_problems(self._key, *self.texts())

    def is_modified(self, key: str | None = None) -> bool:
        """Whether a template (by default the one shown) differs from what the file holds."""
        key = self._key if key is None else key
        if key is None:
            return False
        stored = self._stored[key]
        text = self.texts() if key == self._key else self._edits.get(key)
        return text is not None and text != (stored.subject, stored.body)

    def unsaved_keys(self) -> list[str]:
        """The templates with changes not saved yet."""
        return [k for k in self._stored if self.is_modified(k)]

    def show_template(self, key: str) -> None:
        """Edit the template of message ``key`` (edits to the one shown are kept)."""
        item = self._item(key)
        if item is not None:
            self.template_list.setCurrentItem(item)

    def _item(self, key: str) -> QTreeWidgetItem | None:
        for row in range(self.template_list.topLevelItemCount()):
            item = self.template_list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == key:
                return item
        return None

    def _mark(self, key: str) -> None:
        item = self._item(key)
        if item is None:
            return
        if self.is_modified(key):
            wording = UNSAVED_TEXT
        else:
            wording = OWN_TEXT if self._stored[key].customised else STANDARD_TEXT
        item.setText(1, wording)
        font = item.font(0)
        font.setItalic(wording == UNSAVED_TEXT)
        item.setFont(0, font)
        item.setFont(1, font)

    # Switching and editing -----------------------------------------------------

    def _template_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._key is not None:
            if self.is_modified():
                self._edits[self._key] = self.texts()
            else:
                self._edits.pop(self._key, None)
        if current is None:
            return
        key = str(current.data(0, Qt.ItemDataRole.UserRole))
        self._key = key
        stored = self._stored[key]
        subject, body = self._edits.get(key, (stored.subject, stored.body))
        self._loading = True
        self.subject.setText(subject)
        self.subject.setCursorPosition(0)
        self.body.setPlainText(body)
        self._loading = False
        self.heading.setText(f"<h3 style='margin:0'>{escape(stored.title)}</h3>")
        self.placeholder_list.clear()
        for placeholder in placeholders(key):
            item = QTreeWidgetItem(
                self.placeholder_list, [f"{{{placeholder.name}}}", placeholder.description]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, placeholder.name)
            item.setToolTip(0, f"For example: {placeholder.example}")
            item.setToolTip(1, f"For example: {placeholder.example}")
        self._edited()

    def _edited(self) -> None:
        if self._loading or self._key is None:
            return
        problems = self.current_problems()
        self.problems.setText(problems_html(problems))
        self.problems.setVisible(bool(problems))
        self.preview.setHtml(preview_html(self._key, *self.texts()))
        self._mark(self._key)
        self._update_buttons()

    def _update_buttons(self) -> None:
        key = self._key
        modified = self.is_modified()
        self.save_button.setEnabled(
            not self._busy and key is not None and modified and not self.current_problems()
        )
        customised = key is not None and self._stored[key].customised
        self.reset_button.setEnabled(not self._busy and (customised or modified))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit | QPlainTextEdit):
            self._target = watched
        return super().eventFilter(watched, event)

    def insert_placeholder(self, name: str) -> None:
        """Put ``{name}`` where the cursor is, in the subject or message last edited."""
        target = self._target or self.body
        text = f"{{{name}}}"
        if isinstance(target, QLineEdit):
            target.insert(text)
        else:
            target.insertPlainText(text)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _insert(self, item: QTreeWidgetItem) -> None:
        self.insert_placeholder(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _insert_current(self) -> None:
        item = self.placeholder_list.currentItem()
        if item is not None:
            self._insert(item)

    # Saving ----------------------------------------------------------------------

    def save_current(self) -> None:
        """Save the template shown, if it has no problems."""
        key = self._key
        if key is None or self._busy or not self.is_modified() or self.current_problems():
            return
        subject, body = self.texts()
        programme_id = self.programme_id
        self._run(lambda s: _save_and_reload(s, programme_id, key, subject, body))

    def reset_current(self) -> None:
        """Go back to the shipped text: in the file (after asking) if the programme has its own."""
        key = self._key
        if key is None or self._busy:
            return
        stored = self._stored[key]
        if not stored.customised:
            # Only edits to undo: what the file gave is already the standard text.
            self.subject.setText(stored.subject)
            self.body.setPlainText(stored.body)
            return
        question = (
            f"Go back to MentorDesk's standard text of the “{stored.title}” message? "
            "The programme's own wording of it is deleted."
        )
        if confirm(self, "Reset to standard text", question, "Reset"):
            programme_id = self.programme_id
            self._run(lambda s: _reset_and_reload(s, programme_id, key))

    def _run(self, work: Callable[[Session], TemplateText]) -> None:
        self._busy = True
        self._update_buttons()
        run_op(
            self.programme_file,
            work,
            parent=self,
            on_success=self._stored_again,
            on_failure=self._failed,
        )

    def _stored_again(self, template: TemplateText) -> None:
        self._busy = False
        self._stored[template.key] = template
        self._edits.pop(template.key, None)
        if template.key == self._key:
            self._loading = True
            self.subject.setText(template.subject)
            self.body.setPlainText(template.body)
            self._loading = False
            self._edited()
        self._mark(template.key)
        self._update_buttons()
        self.saved.emit(template.key)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        show_error(self, error)

    # Closing ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # asks about unsaved changes, where reject() would not
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_keys()
        if unsaved:
            if len(unsaved) == 1:
                what = f"your changes to the “{self._stored[unsaved[0]].title}” message"
            else:
                what = f"your changes to {len(unsaved)} messages"
            if not confirm(self, "Unsaved changes", f"Close and lose {what}?", "Discard"):
                event.ignore()
                return
        super().closeEvent(event)


def open_template_editor(
    parent: QWidget,
    programme_file: ProgrammeFile,
    programme_id: int,
    *,
    programme_name: str = "",
    key: str | None = None,
    on_open: Callable[[TemplateEditor], None] | None = None,
) -> None:
    """Load the programme's templates off the GUI thread, then show the editor on them."""

    def loaded(templates: list[TemplateText]) -> None:
        editor = TemplateEditor(
            parent, programme_file, programme_id, templates, programme_name=programme_name, key=key
        )
        editor.setWindowFlag(Qt.WindowType.Window, True)
        editor.show()
        if on_open is not None:
            on_open(editor)

    run_op(
        programme_file,
        lambda s: load_templates(s, programme_id),
        parent=parent,
        on_success=loaded,
    )
