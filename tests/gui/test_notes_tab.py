"""The Notes tab: the text of a note never shows in the table, yet search finds it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import NoteCategory
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.table_models import HIDDEN_TEXT, NoteTableModel
from mentordesk.gui.tabs.notes import NotesTab
from mentordesk.services.applicants import person_choices
from mentordesk.services.notes import NoteInput, add_note

SECRET = "zebracanary confided a visa worry"


def _notes_tab(window: MainWindow) -> NotesTab:
    tab = window.tabs[-1]
    assert isinstance(tab, NotesTab)
    return tab


def _add_secret_note(qtbot: QtBot, window: MainWindow, follow_up: dt.date) -> NotesTab:
    tab = _notes_tab(window)
    assert window.programme_file is not None
    with window.programme_file.session() as session:
        person = person_choices(session)[0].id
        add_note(
            session,
            NoteInput(
                dt.date(2026, 1, 5),
                "Visa",
                SECRET,
                person_id=person,
                category=NoteCategory.CONCERN,
                follow_up_on=follow_up,
            ),
        )
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    return tab


def _displayed(model: NoteTableModel) -> list[str]:
    return [
        str(model.index(r, c).data(role))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]


def _select_title(tab: NotesTab, title: str) -> None:
    for row in range(tab.proxy.rowCount()):
        index = tab.proxy.index(row, NoteTableModel.TITLE)
        if index.data() == title:
            flags = QItemSelectionModel.SelectionFlag
            tab.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            return
    raise AssertionError(f"no note titled {title}")


def test_the_table_never_shows_a_note_text_but_search_finds_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _add_secret_note(qtbot, demo_window, dt.date(2026, 2, 1))
    cells = _displayed(tab.model)
    assert HIDDEN_TEXT in cells
    assert not any("zebracanary" in cell for cell in cells)
    tab.search.setText("ZEBRACANARY visa")
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, NoteTableModel.TITLE).data() == "Visa"
    assert tab.proxy.index(0, NoteTableModel.CATEGORY).data() == "Concern"
    tab.search.setText("no such words anywhere")
    assert tab.proxy.rowCount() == 0


def test_an_overdue_follow_up_is_highlighted(qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = _add_secret_note(qtbot, demo_window, dt.date.today() - dt.timedelta(days=1))
    tab.search.setText("zebracanary")
    index = tab.proxy.index(0, NoteTableModel.FOLLOW_UP)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "overdue" in index.data(Qt.ItemDataRole.ToolTipRole)
    tab.search.setText("agreement signed")
    other = tab.proxy.index(0, NoteTableModel.FOLLOW_UP)
    assert other.data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_category_filter_shows_one_category(qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = _add_secret_note(qtbot, demo_window, dt.date(2026, 2, 1))
    tab.category_filter.setCurrentIndex(tab.category_filter.findData(NoteCategory.CONCERN.value))
    assert tab.proxy.rowCount() == 1
    tab.category_filter.setCurrentIndex(0)
    assert tab.proxy.rowCount() == tab.model.rowCount() > 1


def test_reveal_shows_the_text_until_the_selection_changes(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _add_secret_note(qtbot, demo_window, dt.date(2026, 2, 1))
    demo_window.tab_widget.setCurrentWidget(tab)
    _select_title(tab, "Visa")
    assert not tab.panel.text.isVisible()
    tab.reveal_button.click()
    qtbot.waitUntil(lambda: tab.panel.text.toPlainText() == SECRET, timeout=10_000)
    assert tab.panel.text.isVisible()
    _select_title(tab, "Agreement signed")
    assert tab.panel.text.toPlainText() == ""
    assert not tab.panel.text.isVisible()
