"""Start the MentorDesk window: ``mentordesk [--demo] [FILE]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from mentordesk import FILE_SUFFIX
from mentordesk.gui.application import make_application
from mentordesk.gui.errors import install_excepthook
from mentordesk.gui.main_window import MainWindow


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mentordesk", description="Open the MentorDesk window.")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo programme in a temporary file, deleted on exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (encryption, migrations, time zones, the window) "
        "on made-up data in a temporary folder, print one line per check and exit",
    )
    parser.add_argument("file", nargs="?", type=Path, help=f"a programme file (*{FILE_SUFFIX})")
    return parser.parse_args(argv)


class FileOpenHandler(QObject):
    """Opens a programme file the system hands over while MentorDesk runs.

    macOS delivers a file double-clicked in Finder (MentorDesk.app declares the
    .mentordesk type) as a QFileOpenEvent, not on the command line.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self.window.opener.open_path(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def main(argv: list[str] | None = None) -> int:
    """Run the window until it closes; returns the exit status."""
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        # Imported here: the self-test loads the services a normal start does not need yet.
        from mentordesk.gui.window_check import check_window
        from mentordesk.selftest import self_test

        return self_test([("window", check_window)], verbose=True)
    app = make_application()
    install_excepthook()
    window = MainWindow()
    app.installEventFilter(FileOpenHandler(window))
    if args.demo:
        # The window deletes the demo's temporary folder when the demo closes.
        window.open_demo()
    elif args.file is not None:
        window.opener.open_path(args.file)
    window.show()
    status = app.exec()
    window.close_file()
    return status
