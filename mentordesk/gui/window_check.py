"""The window check of the self-test (:mod:`mentordesk.selftest`): the one check that needs Qt.

``mentordesk --self-test`` and ``mentordesk-cli self-test --window`` add
:func:`check_window` to the self-test's checks.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QIcon

from mentordesk import FILE_SUFFIX
from mentordesk.gui.application import make_application
from mentordesk.gui.icons import APP_ICON
from mentordesk.gui.main_window import MainWindow
from mentordesk.selftest import PROGRAMME_NAME, CheckFailed
from mentordesk.services.programmes import ProgrammeInput, create_programme
from mentordesk.store.programme_file import ProgrammeFile

#: Longest the tabs may take to load the self-test's small file.
LOAD_TIMEOUT_MS = 30_000


def check_window(folder: Path) -> str:
    """The main window opens (offscreen when there is no screen) and shows a programme file.

    The only check that loads Qt. On Linux without a screen (and no platform
    chosen) the window opens on Qt's offscreen platform. Settings go to the
    scratch folder, so the self-test leaves nothing in the user's.
    """
    headless_if_no_screen()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = make_application()
    if QIcon(APP_ICON).pixmap(64, 64).isNull():
        raise CheckFailed("the SVG icons cannot be drawn (Qt's svg plug-ins are missing)")
    path = folder / f"window{FILE_SUFFIX}"
    programme_file = ProgrammeFile.create(path, secrets.token_urlsafe(18))
    with programme_file.session() as s:
        create_programme(s, ProgrammeInput(name=PROGRAMME_NAME, timezone="Europe/London"))
    window = MainWindow()
    try:
        window.show()
        waiting = QEventLoop()
        pending = set(window.tabs)

        def loaded(tab: object) -> None:
            pending.discard(tab)
            if not pending:
                waiting.quit()

        for tab in window.tabs:
            tab.loaded.connect(lambda tab=tab: loaded(tab))
        QTimer.singleShot(LOAD_TIMEOUT_MS, waiting.quit)
        window.show_file(programme_file)
        waiting.exec()
        if pending:
            names = ", ".join(tab.TITLE for tab in window.tabs if tab in pending)
            raise CheckFailed(f"the tabs {names} did not load within 30 s")
        blank = [
            a.text().replace("&", "")
            for a in window.toolbar.actions()
            if a.text() and not a.isSeparator() and a.icon().isNull()
        ]
        if blank:
            raise CheckFailed(f"toolbar actions without an icon: {', '.join(blank)}")
        title = window.windowTitle()
    finally:
        window.close()
        programme_file.close()
    if PROGRAMME_NAME not in title:
        raise CheckFailed("the window does not show the programme")
    return f"{len(window.tabs)} tabs loaded a programme file on the {app.platformName()} platform"


def headless_if_no_screen() -> None:
    """Use Qt's offscreen platform on Linux when there is no screen (and none was chosen)."""
    screen = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not screen and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
