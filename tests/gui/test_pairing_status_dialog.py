"""Set pairing status: the form shows only the fields the status asks for, each in its row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import PairingStatus
from mentordesk.gui.tabs.pairing_status import MENU_STATUSES, StatusDialog


def _laid_out(layout: QLayout) -> set[QWidget]:
    """Every widget the layout (and the layouts inside it) places."""
    widgets: set[QWidget] = set()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            widgets.add(item.widget())
        if item.layout() is not None:
            widgets |= _laid_out(item.layout())
    return widgets


@pytest.mark.parametrize("status", MENU_STATUSES, ids=lambda s: s.value)
def test_no_field_is_drawn_outside_the_form(qtbot: QtBot, status: PairingStatus) -> None:
    dialog = StatusDialog(None, status, 2, lambda _change: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    laid_out = _laid_out(dialog.layout())
    shown = [
        w.objectName() or type(w).__name__
        for w in dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if w.isVisible() and w not in laid_out
    ]
    assert shown == []
    # The fields the status asks for are there.
    asked = {
        PairingStatus.ENDED_EARLY: {dialog.on, dialog.end_reason},
        PairingStatus.EXTENDED: {dialog.review_on, dialog.ended_on},
    }.get(status, {dialog.on})
    assert all(field.isVisible() for field in asked)


def test_an_extension_still_gives_the_day_and_no_reason(qtbot: QtBot) -> None:
    dialog = StatusDialog(None, PairingStatus.EXTENDED, 1, lambda _change: None)
    qtbot.addWidget(dialog)
    change = dialog.change()
    assert change.status is PairingStatus.EXTENDED
    assert change.end_reason is None
    assert (change.review_on, change.ended_on) == (None, None)
