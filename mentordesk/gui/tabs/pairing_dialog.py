"""The pairing form: its people, dates and agreement, and why a pairing ended early."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QSizePolicy, QWidget

from mentordesk.domain.enums import EndReason, PairingStatus
from mentordesk.gui.dialogs import RecordDialog, Save
from mentordesk.gui.form_values import (
    combo_value,
    date_value,
    fill_combo,
    fill_enum_combo,
    plain_text,
    prepare_date,
    select_value,
    set_date,
)
from mentordesk.gui.forms.ui_pairing import Ui_PairingForm
from mentordesk.services.applicants import PersonChoice
from mentordesk.services.pairings import NEXT_STATUSES, PairingInput
from mentordesk.services.programmes import StrandChoice
from mentordesk.store.programme_file import ProgrammeFile


@dataclass(frozen=True)
class PairingFormData:
    """What the Pairings form needs from the file."""

    strands: list[StrandChoice]
    people: list[PersonChoice]
    pairing: PairingInput | None = None


def _statuses_offered(pairing: PairingInput | None) -> list[PairingStatus]:
    """The current status and those it can move to (re-matching has its own form)."""
    if pairing is None:
        return [s for s in PairingStatus if s is not PairingStatus.REMATCHED]
    return [
        s
        for s in PairingStatus
        if s is pairing.status
        or (s in NEXT_STATUSES[pairing.status] and s is not PairingStatus.REMATCHED)
    ]


def _person_text(person: PersonChoice) -> str:
    return f"{person.name} ({person.department})" if person.department else person.name


class PairingDialog(RecordDialog):
    """Add or edit a pairing or circle: its people, dates and agreement."""

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        save: Save,
        data: PairingFormData,
    ) -> None:
        super().__init__(parent, programme_file, save)
        self.ui = Ui_PairingForm()
        self.ui.setupUi(self)
        ui = self.ui
        self._kept = data.pairing
        fill_combo(ui.strand, ((f"{s.name} ({s.format.label})", s.id) for s in data.strands))
        fill_combo(ui.mentor, ((_person_text(p), p.id) for p in data.people))
        fill_enum_combo(ui.status, _statuses_offered(data.pairing))
        if data.pairing is not None and data.pairing.draft:
            ui.status.setEnabled(False)
            ui.status.setToolTip("A draft proposal stays proposed until it is published")
        else:
            ui.status.setToolTip(
                "Only the statuses this pairing can move to; re-match it from the Pairings tab"
            )
        fill_enum_combo(ui.end_reason, EndReason, blank=True)
        ui.goals.setMinimumHeight(60)
        ui.status.currentIndexChanged.connect(self._status_changed)
        for edit in (ui.proposed_on, ui.started_on, ui.ended_on, ui.review_on):
            prepare_date(edit)
        pairing = data.pairing
        chosen = set(pairing.mentee_ids) if pairing else set()
        for person in data.people:
            item = QListWidgetItem(_person_text(person), ui.mentees)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        ui.mentees.setMinimumHeight(220)
        # Long department names must not decide the dialog's width.
        ui.mentees.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        ui.mentor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        ui.mentor.setMinimumContentsLength(24)
        ui.mentee_search.textChanged.connect(self._filter_mentees)
        self.setWindowTitle("Edit pairing" if pairing else "Add pairing")
        if pairing is None:
            set_date(ui.proposed_on, None)
            for edit in (ui.started_on, ui.ended_on, ui.review_on):
                set_date(edit, None)
            self._status_changed()
            return
        select_value(ui.strand, pairing.strand_id)
        select_value(ui.mentor, pairing.mentor_id)
        select_value(ui.status, pairing.status)
        ui.name.setText(pairing.name)
        set_date(ui.proposed_on, pairing.proposed_on)
        set_date(ui.started_on, pairing.started_on)
        set_date(ui.ended_on, pairing.ended_on)
        set_date(ui.review_on, pairing.review_on)
        ui.meeting_frequency.setText(pairing.meeting_frequency)
        ui.meeting_length.setText(pairing.meeting_length)
        ui.meeting_venue.setText(pairing.meeting_venue)
        ui.contact_between_meetings.setText(pairing.contact_between_meetings)
        ui.goals.setPlainText(pairing.goals)
        ui.confidentiality_agreed.setChecked(pairing.confidentiality_agreed)
        select_value(ui.end_reason, pairing.end_reason)
        self._status_changed()

    def _status_changed(self) -> None:
        # An end reason means something only for a pairing that ended early.
        ended_early = combo_value(self.ui.status) is PairingStatus.ENDED_EARLY
        self.ui.end_reason.setVisible(ended_early)
        self.ui.end_reason_label.setVisible(ended_early)

    def _filter_mentees(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.ui.mentees.count()):
            item = self.ui.mentees.item(i)
            shown = all(w in item.text().lower() for w in words)
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def mentee_ids(self) -> list[int]:
        """The ticked mentees."""
        items = (self.ui.mentees.item(i) for i in range(self.ui.mentees.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> PairingInput:
        ui = self.ui
        strand_id, mentor_id = combo_value(ui.strand), combo_value(ui.mentor)
        kept = self._kept
        return PairingInput(
            strand_id=-1 if strand_id is None else strand_id,
            mentor_id=-1 if mentor_id is None else mentor_id,
            mentee_ids=self.mentee_ids(),
            name=ui.name.text(),
            status=combo_value(ui.status),
            proposed_on=date_value(ui.proposed_on),
            started_on=date_value(ui.started_on),
            ended_on=date_value(ui.ended_on),
            match_score=kept.match_score if kept else None,
            match_explanation=kept.match_explanation if kept else "",
            meeting_frequency=ui.meeting_frequency.text(),
            meeting_length=ui.meeting_length.text(),
            meeting_venue=ui.meeting_venue.text(),
            contact_between_meetings=ui.contact_between_meetings.text(),
            review_on=date_value(ui.review_on),
            goals=plain_text(ui.goals),
            confidentiality_agreed=ui.confidentiality_agreed.isChecked(),
            end_reason=combo_value(ui.end_reason),
            draft=kept.draft if kept else False,
        )
