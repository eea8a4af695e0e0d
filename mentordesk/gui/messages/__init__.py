"""Communications in the window: templates, drafts, addresses, the log and reminders."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label for ``buddy`` whose ``&`` letter (Alt+letter) puts the cursor in it."""
    label = QLabel(text, buddy.parentWidget())
    label.setBuddy(buddy)
    return label
