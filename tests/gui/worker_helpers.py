"""Waiting until the worker thread has done everything queued so far, for "nothing happened" tests.

All work on a programme file runs in order on one worker thread, and each piece
reports back on the GUI thread in the same order. So once an op queued *after*
some action has reported back, everything the action could have queued has
reported back too, and a test can assert that it did nothing.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentordesk.gui.ops import Op


def wait_for_queued_work(qtbot: QtBot, timeout: int = 10_000) -> None:
    """Return once all work queued on the worker thread before this call has reported back."""
    op = Op(lambda _progress: None, parent=None, on_success=None, on_failure=None, label=None)
    with qtbot.waitSignal(op.finished, timeout=timeout):
        op.start()
