"""Whom the selection in the tab in front reaches: applicants, pairings, or an event's register."""

from __future__ import annotations

from mentordesk.gui.context import WindowTabs
from mentordesk.gui.messages.targets import MessageTarget, TargetKind, count_text
from mentordesk.gui.tabs.events import EventsTab
from mentordesk.gui.tabs.training import TrainingTab
from mentordesk.services.messages import STATUS_KEYS


def selection_target(tabs: WindowTabs) -> MessageTarget | None:
    """What the tab in front has selected, as a message target (None on other tabs).

    On the Applicants tab, the people behind the selected applications (the
    message suggested is the one of their status, when they share one); on the
    Pairings tab, the selected pairings; on the Training and Events tabs, the
    event in front with the people chosen on its register, if any.
    """
    tab = tabs.in_front()
    if tab is tabs.applicants:
        rows = tabs.applicants.selected_rows()
        people = tuple(dict.fromkeys(r.person_id for r in rows))
        statuses = {r.status for r in rows}
        suggested = STATUS_KEYS.get(next(iter(statuses))) if len(statuses) == 1 else None
        return MessageTarget(
            TargetKind.PEOPLE,
            people,
            f"{count_text(len(people), 'person', 'people')} chosen on the Applicants tab",
            suggested_key=suggested,
        )
    if tab is tabs.pairings:
        pairings = tuple(r.pairing_id for r in tabs.pairings.selected_rows())
        return MessageTarget(
            TargetKind.PAIRINGS,
            pairings,
            f"the people of {count_text(len(pairings), 'pairing')} chosen on the Pairings tab",
        )
    if isinstance(tab, EventsTab):
        return event_target(tab)
    return None


def event_target(tab: EventsTab) -> MessageTarget | None:
    """The event in front of a Training or Events tab, with the people chosen on its register."""
    if isinstance(tab, TrainingTab) and tab.missing_button.isChecked():
        return None
    row = tab.current_row()
    if row is None:
        return None
    panel = tab.panel
    people: tuple[int, ...] = ()
    if panel.shown_event is not None and panel.shown_event.event_id == row.event_id:
        rows = sorted(i.row() for i in panel.view.selectionModel().selectedRows())
        people = tuple(panel.model.line_at(r).person_id for r in rows)
    if people:
        what = f"{count_text(len(people), 'person', 'people')} chosen on the register of"
    else:
        what = "everyone invited to or registered for"
    return MessageTarget(
        TargetKind.EVENT,
        people,
        f"{what} “{row.title}”",
        event_id=row.event_id,
        training=isinstance(tab, TrainingTab),
    )
