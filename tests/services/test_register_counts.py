"""One count of a register: the Events table, the register and the Dashboard agree."""

from __future__ import annotations

import datetime as dt

import pytest

from mentordesk.domain.enums import AttendanceStatus, Rsvp
from mentordesk.services.dashboard import programme_figures
from mentordesk.services.events import event_register, event_rows, register_counts, reply_text
from mentordesk.services.figure_records import figure_records
from mentordesk.store.programme_file import ProgrammeFile

#: After every event of the demo, so the Dashboard measures them all.
LATER = dt.date(2026, 12, 31)
S = AttendanceStatus


def test_the_events_table_and_the_dashboard_count_what_the_register_ticks(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        rows = event_rows(session, demo_programme_id)
        counts = {r.event_id: register_counts(event_register(session, r.event_id)) for r in rows}
        figures = programme_figures(session, demo_programme_id, LATER).events
    for row in rows:
        counted = counts[row.event_id]
        assert (row.invited, row.attended) == (counted[S.INVITED], counted[S.ATTENDED])
    assert figures
    for figure in figures:
        counted = counts[figure.event_id]
        assert (figure.invited.value, figure.registered.value, figure.attended.value) == (
            counted[S.INVITED],
            counted[S.REGISTERED],
            counted[S.ATTENDED],
        )
    # The demo's registers are full enough for the comparison to mean something.
    assert sum(c[S.ATTENDED] for c in counts.values()) > 40


def test_the_dashboards_records_give_the_registers_reply(
    demo_file: ProgrammeFile, demo_programme_id: int
) -> None:
    with demo_file.session() as session:
        figure = programme_figures(session, demo_programme_id, LATER).events[0]
        table = figure_records(session, figure.attended.records)
    reply = table.headers.index("Reply")
    assert table.rows
    assert {row[reply] for row in table.rows} == {"Came"}


@pytest.mark.parametrize(
    ("status", "rsvp", "words"),
    [
        (S.ATTENDED, Rsvp.NO_REPLY, "Came"),
        (S.ATTENDED, Rsvp.DECLINED, "Declined"),  # the reply recorded stands
        (S.INVITED, Rsvp.NO_REPLY, "No reply"),
        (S.INVITED, Rsvp.ACCEPTED, "Accepted"),
        (S.REGISTERED, Rsvp.NO_REPLY, "Registered"),
        (S.ABSENT, Rsvp.NO_REPLY, "No reply"),
        (S.EXCUSED, Rsvp.NO_REPLY, "Sent apologies"),
    ],
)
def test_a_reply_reads_as_what_became_of_them_when_none_was_recorded(
    status: AttendanceStatus, rsvp: Rsvp, words: str
) -> None:
    assert reply_text(status, rsvp) == words
