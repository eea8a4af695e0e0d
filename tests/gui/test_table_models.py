"""The table models pass Qt's model checks, and the search proxy filters on precomputed text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import STAFF_SCHEME_STAGES, Ladder
from mentordesk.gui.search_proxy import SearchProxy
from mentordesk.gui.table_models import (
    LATE_TIP,
    SORT_ROLE,
    STAGE_GUESSED_TIP,
    ApplicantTableModel,
    EventTableModel,
    NoteTableModel,
    PairingTableModel,
    RowTableModel,
)
from mentordesk.services.applicants import ApplicantRow, applicant_rows
from mentordesk.services.events import event_rows
from mentordesk.services.notes import note_rows
from mentordesk.services.pairings import pairing_rows
from mentordesk.services.programmes import find_programme
from mentordesk.store.programme_file import ProgrammeFile


def _demo_rows(demo_file: ProgrammeFile) -> dict[str, list[Any]]:
    with demo_file.session() as session:
        programme_id = find_programme(session, None).id
        return {
            "applicants": applicant_rows(session, programme_id),
            "pairings": pairing_rows(session, programme_id),
            "training": event_rows(session, programme_id, training=True),
            "events": event_rows(session, programme_id, training=False),
            "notes": note_rows(session, programme_id),
        }


MODELS: dict[str, type[RowTableModel]] = {
    "applicants": ApplicantTableModel,
    "pairings": PairingTableModel,
    "training": EventTableModel,
    "events": EventTableModel,
    "notes": NoteTableModel,
}


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_model_passes_qt_model_checks_on_the_demo(
    qtmodeltester: ModelTester, demo_file: ProgrammeFile, kind: str
) -> None:
    rows = _demo_rows(demo_file)[kind]
    assert rows, f"the demo has no {kind}"
    model = MODELS[kind]()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows)
    assert model.columnCount() == len(model.HEADERS)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_sort_keys_have_one_type_per_column(demo_file: ProgrammeFile, kind: str) -> None:
    model = MODELS[kind]()
    model.set_rows(_demo_rows(demo_file)[kind])
    for column in range(model.columnCount()):
        kinds = {type(model.index(r, column).data(SORT_ROLE)) for r in range(model.rowCount())}
        assert len(kinds) == 1, (model.HEADERS[column], kinds)
        assert kinds <= {str, int, float}, (model.HEADERS[column], kinds)


def _applicants(count: int) -> list[ApplicantRow]:
    statuses = list(ApplicationStatus)
    return [
        ApplicantRow(
            application_id=i,
            person_id=i,
            name=f"Person {i:05d} Surname{i % 97}",
            email=f"person{i}@example.org",
            role=Role.MENTEE if i % 3 else Role.MENTOR,
            strand=("Faculty", "Fellows", "Circles")[i % 3],
            status=statuses[i % len(statuses)],
            organisation="University of Luxembourg",
            department=f"Department {i % 30}",
            stage="Postdoctoral researcher",
            contract_type=None,
            submitted_on=dt.date(2025, 10, 1) + dt.timedelta(days=i % 60),
        )
        for i in range(count)
    ]


class CountingModel(ApplicantTableModel):
    """Counts calls of data(), which filtering must not make."""

    calls = 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        CountingModel.calls += 1
        return super().data(index, role)


def test_proxy_filters_on_precomputed_text_without_calling_data(qapp: Any) -> None:
    model = CountingModel()
    model.set_rows(_applicants(2000))
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    CountingModel.calls = 0
    # Sorting and filtering both work on precomputed keys and texts: asking data()
    # per cell is what makes a plain proxy take over a second per keystroke.
    proxy.sort(ApplicantTableModel.NAME, Qt.SortOrder.DescendingOrder)
    proxy.set_search("surname7 WAITLISTED")
    assert CountingModel.calls == 0
    expected = [
        r
        for r in _applicants(2000)
        if "surname7" in r.name.lower() and r.status is ApplicationStatus.WAITLISTED
    ]
    assert proxy.rowCount() == len(expected) > 0
    proxy.set_search("")
    assert proxy.rowCount() == 2000
    assert CountingModel.calls == 0


def test_proxy_sorts_by_sort_keys_and_keeps_the_sort_while_filtering(qapp: Any) -> None:
    model = ApplicantTableModel()
    model.set_rows(_applicants(500))
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    proxy.sort(ApplicantTableModel.SUBMITTED, Qt.SortOrder.DescendingOrder)
    proxy.set_search("fellows")
    dates = [proxy.index(r, ApplicantTableModel.SUBMITTED).data() for r in range(proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert {proxy.index(r, ApplicantTableModel.STRAND).data() for r in range(proxy.rowCount())} == {
        "Fellows"
    }


def test_proxy_filters_on_exact_values_combined_with_the_search_without_calling_data(
    qapp: Any,
) -> None:
    model = CountingModel()
    rows = _applicants(2000)
    model.set_rows(rows)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    CountingModel.calls = 0
    proxy.set_filter("role", Role.MENTOR)
    proxy.set_filter("status", ApplicationStatus.WAITLISTED)
    expected = [
        r for r in rows if r.role is Role.MENTOR and r.status is ApplicationStatus.WAITLISTED
    ]
    assert proxy.rowCount() == len(expected) > 0
    proxy.set_search("surname7")
    assert proxy.rowCount() == len([r for r in expected if "surname7" in r.name.lower()]) > 0
    assert proxy.filters == {"role": Role.MENTOR, "status": ApplicationStatus.WAITLISTED}
    proxy.set_filter("role", None)
    proxy.set_filter("status", None)
    proxy.set_search("")
    assert proxy.rowCount() == 2000
    assert CountingModel.calls == 0


def _staged(stage: str, guessed: bool = False, late: bool = False, i: int = 0) -> ApplicantRow:
    return ApplicantRow(
        application_id=i,
        person_id=i,
        name=f"Person {i}",
        email=f"person{i}@example.org",
        role=Role.MENTEE,
        strand="Fellows",
        status=ApplicationStatus.RECEIVED,
        organisation="",
        department="",
        stage=stage,
        contract_type=None,
        submitted_on=None,
        stage_guessed=guessed,
        late=late,
    )


def test_the_career_stage_column_sorts_in_the_programmes_order_of_stages(qapp: Any) -> None:
    model = ApplicantTableModel()
    model.set_ladder(Ladder(STAFF_SCHEME_STAGES))
    stages = ["Professor", "Grade 4", "", "Zookeeper", "lecturer (GRADE 7)", "Grade 9", "Abbot"]
    model.set_rows([_staged(stage, i=i) for i, stage in enumerate(stages)])
    model.sort(ApplicantTableModel.STAGE)
    shown = [model.index(r, ApplicantTableModel.STAGE).data() for r in range(model.rowCount())]
    # Blank first, then the list's order (its academic track before its services track),
    # whatever the case a stage is written in, then stages the list does not know, by name.
    assert shown == [
        "",
        "lecturer (GRADE 7)",
        "Professor",
        "Grade 4",
        "Grade 9",
        "Abbot",
        "Zookeeper",
    ]
    # Another programme's list orders them its own way.
    model.set_ladder(Ladder(tuple(reversed(STAFF_SCHEME_STAGES))))
    model.set_rows([_staged(stage, i=i) for i, stage in enumerate(stages)])
    shown = [model.index(r, ApplicantTableModel.STAGE).data() for r in range(model.rowCount())]
    assert shown == [
        "",
        "Grade 9",
        "Grade 4",
        "Professor",
        "lecturer (GRADE 7)",
        "Abbot",
        "Zookeeper",
    ]


def test_a_guessed_stage_is_in_italics_and_a_late_application_says_so(qapp: Any) -> None:
    model = ApplicantTableModel()
    model.set_rows(
        [
            _staged("Grade 5", guessed=True, i=1),
            _staged("Grade 5", late=True, i=2),
            _staged("", True),
        ]
    )
    stage = [model.index(r, ApplicantTableModel.STAGE) for r in range(3)]
    status = [model.index(r, ApplicantTableModel.STATUS) for r in range(3)]
    assert stage[0].data(Qt.ItemDataRole.FontRole).italic()
    assert stage[0].data(Qt.ItemDataRole.ToolTipRole) == STAGE_GUESSED_TIP
    assert stage[1].data(Qt.ItemDataRole.FontRole) is None
    assert stage[1].data(Qt.ItemDataRole.ToolTipRole) == "Grade 5"
    assert stage[2].data(Qt.ItemDataRole.FontRole) is None  # nothing was guessed
    assert [i.data() for i in status] == ["Received", "Received (late)", "Received"]
    assert status[1].data(Qt.ItemDataRole.ToolTipRole) == LATE_TIP
    assert status[0].data(Qt.ItemDataRole.ToolTipRole) == "Received"
    # Late ones sort right after the others of their status; the search finds them.
    model.sort(ApplicantTableModel.STATUS, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).late
    assert "late" in model.search_text(0)
