"""MentorDesk's QApplication: named so that QSettings finds its settings, with its icon."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mentordesk import APP_NAME, __version__
from mentordesk.gui.icons import APP_ICON


def make_application() -> QApplication:
    """The QApplication, named so that QSettings finds MentorDesk's settings."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(APP_ICON))
    return app
