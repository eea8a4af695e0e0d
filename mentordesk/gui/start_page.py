"""The start page: make a new programme file, open one, pick a recent one, or try the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QPushButton, QWidget

from mentordesk.gui.forms.ui_start import Ui_StartPage
from mentordesk.gui.recent_files import recent_files

#: The first steps, shown until a file is open.
FIRST_STEPS = (
    "<b>What to do first</b><ol style='margin-left: 0'>"
    "<li><b>New programme file…</b> makes the encrypted file that holds your programmes; "
    "choose its passphrase.</li>"
    "<li>Create the programme: pick a template (blank, three strands, staff scheme or "
    "committee-run), then adjust its dates, strands and places. Everything can be changed "
    "later in Programme ▸ Settings…</li>"
    "<li><b>Import applications</b> (File ▸ Import applications…) from your form's "
    "spreadsheet: Microsoft Forms, Google Forms, Excel or CSV.</li>"
    "</ol>Not sure yet? <b>Try the demo</b>: a made-up programme with applicants, pairings "
    "and events, deleted when you close it."
)


class StartPage(QWidget):
    """What the window shows while no file is open.

    Attributes:
        demo_button: opens the demo programme.
        first_steps: the short "What to do first".

    Signals:
        new_requested: the user wants a new file.
        open_requested: the user wants to choose a file to open.
        demo_requested: the user wants to try the demo programme.
        recent_chosen: the user picked a recent file (carries its path).
    """

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartPage()
        self.ui.setupUi(self)
        self.ui.new_file.clicked.connect(self.new_requested)
        self.ui.open_file.clicked.connect(self.open_requested)
        self.ui.recent_files.itemActivated.connect(self._activated)
        self.ui.recent_files.setMaximumWidth(900)
        self.demo_button = QPushButton("&Try the demo", self)
        self.demo_button.setObjectName("try_demo")
        self.demo_button.setToolTip("A made-up programme in a temporary file, deleted on close.")
        self.demo_button.clicked.connect(self.demo_requested)
        self.ui.button_layout.insertWidget(2, self.demo_button)
        self.first_steps = QLabel(FIRST_STEPS, self)
        self.first_steps.setObjectName("first_steps")
        self.first_steps.setWordWrap(True)
        self.first_steps.setMaximumWidth(900)
        self.first_steps.setTextFormat(Qt.TextFormat.RichText)
        self.first_steps.setContentsMargins(0, 12, 0, 12)
        self.ui.main_layout.insertWidget(3, self.first_steps)

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
