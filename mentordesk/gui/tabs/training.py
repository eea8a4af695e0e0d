"""The Training tab: sessions with their registers, and who is still to be trained."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.missing_training import MissingTrainingView
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile


class TrainingTab(EventsTab):
    """Training sessions: orientation, mentor training and workshops.

    A toggle turns the tab to the people who have not yet completed the training
    required of them, with one action inviting them all to their next session.

    Attributes:
        missing_view: the "Still to be trained" page.
        missing_button: the toggle between the sessions and that page.
    """

    TITLE = "Training"
    NOUN = ("training session", "training sessions")
    EMPTY_HINT = (
        "Add one with Edit ▸ Add… (Ctrl+Shift+N); Still to be trained lists "
        "who needs which training."
    )
    TRAINING = True
    MONTH_VIEW = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missing_view = MissingTrainingView(self)
        self.missing_view.invited.connect(lambda _count: self._changed())
        self.pages.addWidget(self.missing_view)
        self.search.textChanged.connect(self.missing_view.set_search)
        self.missing_button = self.add_toggle(
            "Still to be trained",
            "missing_button",
            "Show who has not completed the training required of them, or the sessions",
            self.show_missing,
        )

    def set_programme(self, programme_file: ProgrammeFile, programme: ProgrammeSummary) -> None:
        self.missing_view.set_programme(programme_file, programme)
        super().set_programme(programme_file, programme)

    def clear(self) -> None:
        super().clear()
        self.missing_view.set_programme(None, None)

    def reload(self) -> None:
        super().reload()
        if self.missing_button.isChecked():
            self.missing_view.reload()

    def show_missing(self, shown: bool) -> None:
        """Show who is still to be trained (True) or the sessions."""
        self.pages.setCurrentWidget(self.missing_view if shown else self.splitter)
        if shown:
            self.missing_view.reload()
