"""The line icons: every one compiled in, drawn in the palette's text colour, on the toolbar."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.gui.icons import NAMES, TAB_ICONS, tab_icon, themed_icon
from mentordesk.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


@pytest.fixture
def dark_palette(qapp: QApplication) -> Iterator[QPalette]:
    """A dark palette for the application, put back afterwards."""
    before = qapp.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#707070"))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def _ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal, size: int = 24) -> set[str]:
    """The colours of the icon's fully opaque pixels."""
    image = icon.pixmap(QSize(size, size), 1.0, mode).toImage()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_every_svg_is_listed_compiled_and_named() -> None:
    files = sorted(p.stem for p in ICONS.glob("*.svg"))
    assert sorted([*NAMES, "mentordesk"]) == files
    qrc = (ROOT / "resources" / "mentordesk.qrc").read_text(encoding="utf-8")
    assert sorted(re.findall(r"<file>icons/([\w-]+)\.svg</file>", qrc)) == files
    assert (ICONS / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    for name in NAMES:
        svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
        # One style: a 24-pixel grid, 2-pixel round strokes in the text colour, no fills.
        assert 'viewBox="0 0 24 24"' in svg, name
        assert 'stroke="currentColor" stroke-width="2"' in svg, name
        assert 'fill="none"' in svg, name
        assert "#" not in svg, name  # no fixed colour anywhere


@pytest.mark.parametrize("name", NAMES)
def test_each_icon_is_drawn_in_the_text_colour_of_light_and_dark_palettes(
    qapp: QApplication, name: str
) -> None:
    icon = themed_icon(name)
    light = qapp.palette().color(QPalette.ColorRole.WindowText).name()
    assert _ink(icon) == {light}
    before = qapp.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#707070"))
    qapp.setPalette(dark)
    try:
        # The same QIcon follows the palette: nothing needs reloading.
        assert _ink(icon) == {"#f0f0f0"}
        assert _ink(icon, QIcon.Mode.Disabled) == {"#707070"}
        assert _ink(icon, size=48) == {"#f0f0f0"}
    finally:
        qapp.setPalette(before)


def test_an_unknown_icon_is_refused() -> None:
    with pytest.raises(KeyError, match="no icon called"):
        themed_icon("no-such-icon")
    assert tab_icon("A tab nobody drew").isNull()


def test_the_toolbar_actions_and_tabs_carry_icons(
    qtbot: QtBot, window: MainWindow, dark_palette: QPalette
) -> None:
    actions = [a for a in window.toolbar.actions() if a.text() and not a.isSeparator()]
    assert actions
    for action in actions:
        assert not action.icon().isNull(), action.text()
        assert _ink(action.icon()) == {"#f0f0f0"}, action.text()
    for index in range(window.tab_widget.count()):
        title = window.tab_widget.tabText(index)
        if title in TAB_ICONS:
            assert not window.tab_widget.tabIcon(index).isNull(), title
    assert not window.about_action.icon().isNull()
