"""The template editor: problems shown as one types, Save only when none, and saved for good."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.messages import template_editor
from mentordesk.gui.messages.template_editor import (
    OWN_TEXT,
    STANDARD_TEXT,
    UNSAVED_TEXT,
    TemplateEditor,
)
from mentordesk.services.messages import TEMPLATE_KEYS, default_template, get_template
from mentordesk.store.programme_file import ProgrammeFile


def open_editor(qtbot: QtBot, window: MainWindow, key: str | None = None) -> TemplateEditor:
    """Open Messages ▸ Templates… (on ``key``) and wait for the editor."""
    window.messages.open_templates(key)
    qtbot.waitUntil(lambda: window.messages.template_editor is not None, timeout=10_000)
    editor = window.messages.template_editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    return editor


def type_at_end(qtbot: QtBot, editor: TemplateEditor, text: str) -> None:
    """Type ``text`` at the end of the message, key by key, as the coordinator would."""
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor.body, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.body, line)


@pytest.fixture
def editor(qtbot: QtBot, demo_window: MainWindow) -> TemplateEditor:
    """The template editor on the demo programme, on the Accepted message."""
    return open_editor(qtbot, demo_window, "accepted")


def test_the_editor_lists_every_message_with_its_placeholders(editor: TemplateEditor) -> None:
    keys = [
        editor.template_list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
        for i in range(editor.template_list.topLevelItemCount())
    ]
    assert keys == list(TEMPLATE_KEYS)
    assert editor.key == "accepted"
    assert editor.subject.text() == default_template("accepted").subject
    shown = {
        editor.placeholder_list.topLevelItem(i).text(0)
        for i in range(editor.placeholder_list.topLevelItemCount())
    }
    assert {"{first_name}", "{strand}", "{programme_start}"} <= shown
    assert "{other_name}" not in shown  # only introductions and check-ins name the other person
    assert editor.template_list.currentItem().text(1) == STANDARD_TEXT
    assert not editor.save_button.isEnabled()


def test_an_unknown_placeholder_is_shown_as_a_problem_and_disables_save(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    type_at_end(qtbot, editor, "\nSee you soon, {first_nam}")
    assert editor.problems.isVisible()
    assert "{first_nam} is not a placeholder" in editor.problems.text()
    assert "Did you mean {first_name}?" in editor.problems.text()
    assert not editor.save_button.isEnabled()
    assert editor.template_list.currentItem().text(1) == UNSAVED_TEXT
    assert "problems" in editor.preview.toPlainText()

    # Typed character by character, "{nope}" is a problem as soon as it is closed.
    editor.body.selectAll()
    qtbot.keyClicks(editor.body, "Dear {nope}")
    assert "{nope} is not a placeholder" in editor.problems.text()
    assert not editor.save_button.isEnabled()

    qtbot.keyClick(editor.body, Qt.Key.Key_Backspace)  # "Dear {nope" leaves a brace open
    assert "no closing brace" in editor.problems.text()
    editor.body.selectAll()
    qtbot.keyClicks(editor.body, "Dear {first_name}")
    assert not editor.problems.isVisible()
    assert editor.save_button.isEnabled()
    assert "Dear Amélie" in editor.preview.toPlainText()


def test_double_clicking_a_placeholder_inserts_it_at_the_cursor(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    editor.subject.setFocus()
    editor.subject.setCursorPosition(0)
    item = next(
        editor.placeholder_list.topLevelItem(i)
        for i in range(editor.placeholder_list.topLevelItemCount())
        if editor.placeholder_list.topLevelItem(i).text(0) == "{strand}"
    )
    editor.placeholder_list.itemDoubleClicked.emit(item, 0)
    assert editor.subject.text().startswith("{strand}")
    assert editor.save_button.isEnabled()


def test_saving_a_template_keeps_it_in_the_file_and_reopening_shows_it_customised(
    qtbot: QtBot, demo_window: MainWindow, editor: TemplateEditor, demo_programme_id: int
) -> None:
    editor.subject.selectAll()
    qtbot.keyClicks(editor.subject, "Your place in {programme}, {first_name}")
    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["accepted"]
    assert editor.template_list.currentItem().text(1) == OWN_TEXT
    assert not editor.save_button.isEnabled()
    editor.close()
    qtbot.waitUntil(lambda: demo_window.messages.template_editor is None, timeout=5000)

    programme_file = demo_window.programme_file
    assert isinstance(programme_file, ProgrammeFile)
    with programme_file.session() as session:
        stored = get_template(session, demo_programme_id, "accepted")
    assert stored.customised
    assert stored.subject == "Your place in {programme}, {first_name}"

    reopened = open_editor(qtbot, demo_window, "accepted")
    assert reopened.subject.text() == "Your place in {programme}, {first_name}"
    assert reopened.template_list.currentItem().text(1) == OWN_TEXT
    assert reopened.reset_button.isEnabled()


def test_reset_goes_back_to_the_standard_text_in_the_file(
    qtbot: QtBot,
    demo_window: MainWindow,
    editor: TemplateEditor,
    demo_programme_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    type_at_end(qtbot, editor, "\nP.S. Welcome!")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_current()
    monkeypatch.setattr(template_editor, "confirm", lambda *_args: True)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.reset_current()
    assert editor.body.toPlainText() == default_template("accepted").body
    assert editor.template_list.currentItem().text(1) == STANDARD_TEXT
    assert demo_window.programme_file is not None
    with demo_window.programme_file.session() as session:
        assert not get_template(session, demo_programme_id, "accepted").customised


def test_edits_to_several_templates_are_kept_and_closing_asks_before_dropping_them(
    qtbot: QtBot, editor: TemplateEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_at_end(qtbot, editor, " Extra line.")
    editor.show_template("declined")
    assert editor.key == "declined"
    type_at_end(qtbot, editor, " Another.")
    editor.show_template("accepted")
    assert editor.body.toPlainText().endswith(" Extra line.")
    assert sorted(editor.unsaved_keys()) == ["accepted", "declined"]

    asked: list[str] = []

    def refuse(_parent: object, _title: str, question: str, _action: str) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr(template_editor, "confirm", refuse)
    editor.close()
    assert editor.isVisible()
    assert asked == ["Close and lose your changes to 2 messages?"]


def test_locking_closes_the_editor_without_asking(
    qtbot: QtBot, demo_window: MainWindow, editor: TemplateEditor
) -> None:
    type_at_end(qtbot, editor, " Unsaved.")
    demo_window.locker.lock()
    qtbot.waitUntil(lambda: demo_window.messages.template_editor is None, timeout=5000)
    assert not demo_window.messages.templates_action.isEnabled()


def test_reset_of_a_standard_text_only_undoes_the_edits_to_it(
    qtbot: QtBot,
    demo_window: MainWindow,
    editor: TemplateEditor,
    demo_programme_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert demo_window.programme_file is not None
    with demo_window.programme_file.session() as session:
        stored = get_template(session, demo_programme_id, "accepted")
    assert not stored.customised
    assert stored.body.rstrip().endswith("{signature}")  # signed with the signature line
    editor.subject.setText("Something else")
    type_at_end(qtbot, editor, "\nP.S. Welcome!")
    assert editor.is_modified()
    asked: list[object] = []
    monkeypatch.setattr(template_editor, "confirm", lambda *args: asked.append(args) or True)
    saves: list[object] = []
    editor.saved.connect(saves.append)
    editor.reset_current()
    assert (editor.subject.text(), editor.body.toPlainText()) == (stored.subject, stored.body)
    assert not editor.is_modified()
    assert editor.template_list.currentItem().text(1) == STANDARD_TEXT
    assert asked == []  # nothing in the file to delete
    assert saves == []
