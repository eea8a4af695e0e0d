"""Launched as its own process by test_window.py: open a file, show the window, print when shown.

It prints one line, the wall-clock time at which the Applicants tab first showed
its rows; the passphrase comes from MENTORDESK_PASSPHRASE as for the CLI.
"""

import os
import sys
import time
from pathlib import Path

from mentordesk.gui.application import make_application
from mentordesk.gui.main_window import MainWindow
from mentordesk.store.programme_file import ProgrammeFile


def main() -> None:
    """Open the file named on the command line and quit once the window shows its rows."""
    app = make_application()
    window = MainWindow()
    programme_file = ProgrammeFile.open(Path(sys.argv[1]), os.environ["MENTORDESK_PASSPHRASE"])
    applicants = window.tabs[0]

    def shown() -> None:
        if applicants.model.rowCount() and window.isVisible():
            applicants.view.viewport().repaint()
            print(f"{time.time():.6f}", flush=True)
            app.quit()

    applicants.loaded.connect(shown)
    window.show_file(programme_file)
    window.show()
    app.exec()
    window.close_file()


if __name__ == "__main__":
    main()
