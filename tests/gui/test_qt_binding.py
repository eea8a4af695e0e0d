"""The Qt binding installed must be one MentorDesk can run on for hours."""

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit


def test_calling_qt_does_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 dropped a reference to None on every call of a method that
    # returns nothing; on Python 3.11 the interpreter aborts after some thousands.
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for _ in range(2000):
        edit.setText("x")
        QCoreApplication.processEvents()
    assert abs(sys.getrefcount(None) - before) < 100
