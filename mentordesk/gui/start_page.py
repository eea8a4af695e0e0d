"""The start page: make a new programme file, open one, or pick a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QWidget

from mentordesk.gui.forms.ui_start import Ui_StartPage
from mentordesk.gui.recent_files import recent_files


class StartPage(QWidget):
    """What the window shows while no file is open.

    Signals:
        new_requested: the user wants a new file.
        open_requested: the user wants to choose a file to open.
        recent_chosen: the user picked a recent file (carries its path).
    """

    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartPage()
        self.ui.setupUi(self)
        self.ui.new_file.clicked.connect(self.new_requested)
        self.ui.open_file.clicked.connect(self.open_requested)
        self.ui.recent_files.itemActivated.connect(self._activated)
        self.ui.recent_files.setMaximumWidth(900)

    def refresh(self) -> None:
        """Show the recent files as they are now."""
        self.ui.recent_files.clear()
        for path in recent_files():
            item = QListWidgetItem(f"{path.name}    —    {path.parent}", self.ui.recent_files)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
        has_recent = self.ui.recent_files.count() > 0
        self.ui.recent_files_label.setVisible(has_recent)
        self.ui.recent_files.setVisible(has_recent)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
