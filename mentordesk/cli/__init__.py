"""mentordesk-cli: the programme file from scripts and the terminal, in the spirit of keepassxc-cli.

:mod:`~mentordesk.cli.app` holds the parser and runs a command;
:mod:`~mentordesk.cli.common` what every command shares (the passphrase,
opening the file, dates, JSON); each other module the commands of one area.

Loading the command line takes a noticeable moment (the store and SQLAlchemy).
Ctrl+C pressed then is answered in plain words, not with a traceback: until
:func:`~mentordesk.cli.app.main` takes over Ctrl+C itself, an interrupt ends
the process with status 130, before anything has been opened or written.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    """End the process quietly: nothing has been opened or written yet."""
    sys.stderr.write("mentordesk-cli: interrupted; nothing was changed.\n")
    sys.stderr.flush()
    os._exit(130)


if (
    threading.current_thread() is threading.main_thread()
    and signal.getsignal(signal.SIGINT) is signal.default_int_handler
):
    signal.signal(signal.SIGINT, _interrupted_while_starting)
