"""MentorDesk's line icons, drawn in the palette's text colour so they suit light and dark themes.

The icons are SVG files in ``resources/icons/`` (compiled into the resource
module by ``ui/compile.py``), drawn with ``stroke="currentColor"`` on a 24-pixel
grid. :func:`themed_icon` paints one at whatever size is asked, in the
application palette's colour of the moment, so a switch between a light and a
dark theme needs no reloading.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QFile, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mentordesk.gui.forms import rc_mentordesk  # noqa: F401 - registers the icons

ICON_FOLDER = ":/mentordesk/icons"
#: The application's own icon, in colour.
APP_ICON = f"{ICON_FOLDER}/mentordesk.svg"
#: The toolbar and menu icons (every SVG in resources/icons but the application's).
NAMES = (
    "about",
    "add",
    "backup",
    "calendar",
    "close",
    "copy",
    "dashboard",
    "delete",
    "edit",
    "export",
    "import",
    "lock",
    "mail",
    "new-file",
    "notes",
    "open-file",
    "pairing",
    "people",
    "report",
    "search",
    "survey",
    "training",
)
#: The icon of each tab, by the tab's title.
TAB_ICONS = {
    "Dashboard": "dashboard",
    "Applicants": "people",
    "Pairings": "pairing",
    "Training": "training",
    "Events": "calendar",
    "Notes": "notes",
    "Surveys": "survey",
    "Messages": "mail",
    "Reports": "report",
}


@functools.cache
def _svg(name: str) -> str:
    """The SVG text of one icon, read once from the compiled resources."""
    source = QFile(f"{ICON_FOLDER}/{name}.svg")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise KeyError(f"MentorDesk has no icon called {name!r}")
    try:
        return bytes(source.readAll().data()).decode("utf-8")
    finally:
        source.close()


def icon_colour(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The colour an icon is drawn in for a mode: the text colour of the palette."""
    palette = palette or QGuiApplication.palette()
    if mode is QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode is QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class _ThemedEngine(QIconEngine):
    """Paints one line icon, at any size, in the palette's colour for the icon's mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, colour: QColor) -> QSvgRenderer:
        key = colour.name(QColor.NameFormat.HexRgb)
        renderer = self._renderers.get(key)
        if renderer is None:
            text = _svg(self.name).replace("currentColor", key)
            renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
            self._renderers[key] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = icon_colour(mode)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(painter.opacity() * colour.alphaF())
        side = min(rect.width(), rect.height())
        square = QRectF(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side
        )
        self._renderer(colour).render(painter, square)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, pixmap.width(), pixmap.height()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _ThemedEngine(self.name)

    def key(self) -> str:
        return "mentordesk-themed"


def themed_icon(name: str) -> QIcon:
    """One of MentorDesk's line icons, drawn in the current palette's text colour.

    Raises:
        KeyError: there is no icon of that name.
    """
    _svg(name)
    return QIcon(_ThemedEngine(name))


def tab_icon(title: str) -> QIcon:
    """The icon for a tab with this title, or an empty icon for a tab without one."""
    name = TAB_ICONS.get(title)
    return themed_icon(name) if name else QIcon()
