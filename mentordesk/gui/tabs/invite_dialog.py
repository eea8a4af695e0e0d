"""Choose whom to invite to an event, from the programme's accepted participants."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.domain.enums import ApplicationStatus, Audience, Role
from mentordesk.gui.dialogs import RecordDialog
from mentordesk.services import training
from mentordesk.services.applicants import ApplicantRow, applicant_rows
from mentordesk.services.collation import sort_key
from mentordesk.services.events import event_input, event_register, get_event
from mentordesk.services.programmes import strand_choices
from mentordesk.store.programme_file import ProgrammeFile


@dataclass(frozen=True)
class Invitee:
    """Someone who may be invited: an accepted participant of the programme."""

    person_id: int
    name: str
    email: str
    role: Role
    strand: str
    registered: bool


@dataclass(frozen=True)
class InviteData:
    """What the invite dialog offers: the event's audience among the accepted participants."""

    event_id: int
    title: str
    audience: str
    invitees: list[Invitee]


def _in_audience(row: ApplicantRow, audience: Audience, strand: str | None) -> bool:
    if audience is Audience.MENTORS:
        return row.role is Role.MENTOR
    if audience is Audience.MENTEES:
        return row.role is Role.MENTEE
    if audience is Audience.STRAND:
        return row.strand == strand
    return True  # everyone, or people chosen one by one


def load_invite_data(session: Session, programme_id: int, event_id: int) -> InviteData:
    """The accepted participants the event is for, marking those already on its register."""
    event = event_input(session, event_id)
    title = get_event(session, event_id).title
    strands = {s.id: s.name for s in strand_choices(session, programme_id)}
    strand = strands.get(event.audience_strand_id or -1)
    registered = {line.person_id for line in event_register(session, event_id)}
    invitees: dict[int, Invitee] = {}
    for row in applicant_rows(session, programme_id):
        if row.status is not ApplicationStatus.ACCEPTED or row.person_id in invitees:
            continue
        if _in_audience(row, event.audience, strand):
            invitees[row.person_id] = Invitee(
                row.person_id,
                row.name,
                row.email,
                row.role,
                row.strand,
                row.person_id in registered,
            )
    audience = f"the {strand} strand" if event.audience is Audience.STRAND else ""
    return InviteData(
        event_id,
        title,
        audience or event.audience.label.lower(),
        sorted(invitees.values(), key=lambda i: sort_key(i.name)),
    )


@dataclass(frozen=True)
class Invitation:
    """Whom the invite dialog invites, and to which event (all a draft needs over a lock)."""

    event_id: int
    person_ids: list[int]


def _invite(session: Session, invitation: Invitation) -> int:
    return training.invite(session, invitation.event_id, invitation.person_ids)


class InviteDialog(RecordDialog):
    """Tick the people to invite; those already on the register are shown, not offered.

    Attributes:
        event_id: the event invited to.
        people: the list of participants, each item checkable.
    """

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        data: InviteData,
        *,
        ticked: Collection[int] = (),
    ):
        super().__init__(parent, programme_file, _invite)
        self.event_id = data.event_id
        self.setObjectName("invite_dialog")
        self.setWindowTitle("Invite people")
        self.resize(480, 560)
        offered = [i for i in data.invitees if not i.registered]
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            f"Invite to “{data.title}”: the programme's accepted participants in its "
            f"audience ({data.audience}). {len(data.invitees) - len(offered)} of them are "
            "already on the register."
        )
        self.search = QLineEdit(self)
        self.search.setObjectName("invite_search")
        self.search.setPlaceholderText("Search…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.people = QListWidget(self)
        self.people.setObjectName("invitees")
        for invitee in offered:
            item = QListWidgetItem(
                f"{invitee.name} — {invitee.role.label}, {invitee.strand}", self.people
            )
            item.setData(Qt.ItemDataRole.UserRole, invitee.person_id)
            item.setToolTip(invitee.email)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = invitee.person_id in ticked
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.people.itemChanged.connect(lambda _item: self._update_count())
        select_all = QPushButton("Tick all shown", self)
        select_all.setObjectName("tick_all_button")
        select_all.clicked.connect(lambda: self._tick_shown(Qt.CheckState.Checked))
        clear = QPushButton("Untick all", self)
        clear.clicked.connect(lambda: self._tick_shown(Qt.CheckState.Unchecked))
        ticks = QHBoxLayout()
        ticks.addWidget(select_all)
        ticks.addWidget(clear)
        ticks.addStretch(1)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addLayout(ticks)
        layout.addWidget(self.button_box)
        self._update_count()

    def _items(self) -> list[QListWidgetItem]:
        return [self.people.item(i) for i in range(self.people.count())]

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for item in self._items():
            shown = f"{item.text()} {item.toolTip()}".lower()
            item.setHidden(not all(w in shown for w in words))

    def _tick_shown(self, state: Qt.CheckState) -> None:
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(state)

    def _update_count(self) -> None:
        count = len(self.values().person_ids)
        ok = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Invite {count}" if count else "Invite")
        ok.setEnabled(count > 0)

    def values(self) -> Invitation:
        """The event and the ids of the people ticked."""
        return Invitation(
            self.event_id,
            [
                int(item.data(Qt.ItemDataRole.UserRole))
                for item in self._items()
                if item.checkState() == Qt.CheckState.Checked
            ],
        )
