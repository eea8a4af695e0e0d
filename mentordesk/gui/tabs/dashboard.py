"""The Dashboard tab: the programme at a glance, in headline numbers and charts.

Every number and every bar opens the records behind it. The figures load off the
GUI thread whenever the programme changes or another tab changes its data; a
Dashboard out of sight only notes that it is out of date, and loads once shown.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import ApplicationStatus, PairingStatus
from mentordesk.formats.text import plural
from mentordesk.gui.charts import (
    Bar,
    BarChart,
    BarRow,
    Chart,
    Dumbbell,
    DumbbellChart,
    FigureCard,
    Series,
    muted_text,
    paint_card,
)
from mentordesk.gui.ops import run_op
from mentordesk.gui.tabs.dashboard_records import RecordsDialog
from mentordesk.services.dashboard import (
    Breakdown,
    Count,
    ProgrammeFigures,
    RecordKey,
    percent_text,
    programme_figures,
)
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile

#: The colour of each pairing status in the chart.
PAIRING_COLOURS = {
    PairingStatus.PROPOSED: "grey",
    PairingStatus.INTRODUCED: "teal",
    PairingStatus.ACTIVE: "green",
    PairingStatus.PAUSED: "orange",
    PairingStatus.COMPLETED: "blue",
    PairingStatus.ENDED_EARLY: "red",
    PairingStatus.EXTENDED: "green",
    PairingStatus.REMATCHED: "purple",
}
APPLICATION_COLOURS = {
    ApplicationStatus.RECEIVED: "grey",
    ApplicationStatus.SHORTLISTED: "teal",
    ApplicationStatus.ACCEPTED: "green",
    ApplicationStatus.WAITLISTED: "orange",
    ApplicationStatus.DECLINED: "red",
    ApplicationStatus.WITHDRAWN: "purple",
}


#: What a strand that sets no number of places offers.
NO_LIMIT = "no limit"


def places_card(figures: ProgrammeFigures) -> tuple[str, str, str, Count]:
    """The Places card: the places, who takes them, the tooltip, and the records it opens.

    Only the strands that set a number of places count: the mentees accepted in a
    strand with no limit take none of them, and such strands are named as having no limit.
    """
    a = figures.applications
    limited = [s for s in figures.strands if s.places is not None]
    unlimited = [s.name for s in figures.strands if s.places is None]
    taken = a.places_taken
    if not limited:
        return "—", "No strand sets a number of places", "No strand limits its mentees.", taken
    if unlimited:
        where = limited[0].name if len(limited) == 1 else plural(len(limited), "strand")
        detail = f"{taken.value} taken in {where} · {NO_LIMIT} in {', '.join(unlimited)}"
        tip = (
            f"{a.places} places for mentees in {', '.join(s.name for s in limited)}, "
            f"{taken.value} taken by accepted mentees; "
            f"{', '.join(unlimited)}: {NO_LIMIT}, their mentees take no place."
        )
    else:
        detail = f"{taken.value} taken by accepted mentees"
        tip = f"{a.places} places for mentees; {taken.value} taken by accepted mentees."
    return str(a.places), detail, tip, taken


def programme_today(programme: ProgrammeSummary) -> dt.date:
    """Today on the programme's own clock."""
    return dt.datetime.now(ZoneInfo(programme.timezone)).date()


class ChartPanel(QWidget):
    """A chart on a card, under its title and a line saying what it shows."""

    def __init__(self, title: str, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.title = QLabel(title, self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addWidget(chart)
        layout.addStretch(1)

    def set_subtitle(self, text: str) -> None:
        """Say in a line what the chart shows."""
        palette = self.subtitle.palette()
        palette.setColor(self.subtitle.foregroundRole(), muted_text(self))
        self.subtitle.setPalette(palette)
        self.subtitle.setText(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_card(QPainter(self), self, self.rect().toRectF(), lit=False)


class FlowGrid(QWidget):
    """Widgets in as many equal columns as fit (up to a limit), so small screens get fewer."""

    def __init__(self, min_width: int, max_columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_width = min_width
        self._max_columns = max_columns
        self._widgets: list[QWidget] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)

    def add(self, widget: QWidget) -> None:
        """Add a widget after the others."""
        self._widgets.append(widget)
        self._columns = 0
        self._arrange()

    def _arrange(self) -> None:
        spacing = self._grid.spacing()
        fits = (self.width() + spacing) // (self._min_width + spacing)
        columns = max(1, min(self._max_columns, fits))
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for index, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, index // columns, index % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()


class DashboardTab(QWidget):
    """The programme at a glance: headline cards over charts, each opening its records.

    Attributes:
        figures: the figures shown, or None before they load.
        cards: the headline cards by name.
        charts: the charts by name.
        records_dialog: the records dialog now open, if any.

    Signals:
        loaded: the figures were (re)loaded and shown.
    """

    TITLE = "Dashboard"

    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_tab")
        self.programme_file: ProgrammeFile | None = None
        self.programme: ProgrammeSummary | None = None
        self.figures: ProgrammeFigures | None = None
        self.records_dialog: RecordsDialog | None = None
        self._loading = False
        self._load_again = False
        self._stale = False

        self.heading = QLabel(self)
        self.heading.setObjectName("dashboard_heading")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.45)
        heading_font.setWeight(QFont.Weight.Bold)
        self.heading.setFont(heading_font)
        self.as_of = QLabel(self)
        self.as_of.setObjectName("dashboard_as_of")
        self.refresh_button = QPushButton("Refresh", self)
        self.refresh_button.setObjectName("refresh_dashboard")
        self.refresh_button.setToolTip("Load the figures again (F5)")
        self.refresh_button.clicked.connect(self.reload)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.as_of)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.cards = {
            name: FigureCard(title)
            for name, title in [
                ("applications", "Applications"),
                ("places", "Places"),
                ("acceptance", "Acceptance rate"),
                ("active_pairings", "Active pairings"),
                ("overdue", "Overdue check-ins"),
                ("training", "Training completed"),
                ("rating", "Mean rating"),
                ("recommend", "Would recommend"),
            ]
        }
        card_grid = FlowGrid(190, 4)
        for name, card in self.cards.items():
            card.setObjectName(f"{name}_card")
            card.activated.connect(self.open_records)
            card_grid.add(card)

        self.charts: dict[str, Chart] = {
            # A strand or a training rule with nothing counted yet is still shown, at zero.
            "strands": BarChart("Applications and places by strand", columns=True, zero_rows=True),
            "applications": BarChart("Applications by status"),
            "pairings": BarChart("Pairings by status"),
            "training": BarChart("Training completion by rule", stacked=True, zero_rows=True),
            "events": BarChart("Attendance at past events", labels_above=True),
            "items": DumbbellChart("Before and after, per survey item"),
            "gender": BarChart("Participants by gender"),
            "career": BarChart("Participants by career stage"),
            # Organisations' names are long: each on a line of its own, above its bar.
            "organisation": BarChart("Participants by organisation", labels_above=True),
        }
        self.panels: dict[str, ChartPanel] = {}
        chart_grid = FlowGrid(440, 2)
        for name, chart in self.charts.items():
            chart.setObjectName(f"{name}_chart")
            chart.activated.connect(self.open_records)
            self.panels[name] = ChartPanel(chart.accessibleName(), chart)
            chart_grid.add(self.panels[name])
        self._set_empty_texts()

        content = QWidget()
        content.setObjectName("dashboard_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 14, 16, 16)
        column.setSpacing(14)
        column.addLayout(header)
        column.addWidget(card_grid)
        column.addWidget(chart_grid)
        column.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("dashboard_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._show_nothing()

    # Loading -------------------------------------------------------------------------

    def set_programme(self, programme_file: ProgrammeFile, programme: ProgrammeSummary) -> None:
        """Show the figures of this programme."""
        self.programme_file = programme_file
        if self.programme is None or self.programme.id != programme.id:
            self.figures = None
            self._show_nothing("Loading the figures…")
        self.programme = programme
        self.reload()

    def clear(self) -> None:
        """Forget the file (it is being closed or the window locked)."""
        self.programme_file = None
        self.programme = None
        self.figures = None
        self._stale = False
        if self.records_dialog is not None:
            self.records_dialog.close()
        self._show_nothing()

    def reload(self) -> None:
        """Load the figures again, off the GUI thread (later, if the tab is out of sight)."""
        if self.programme_file is None or self.programme is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        self._stale = False
        programme = self.programme
        day = programme_today(programme)
        op = run_op(
            self.programme_file,
            lambda session: programme_figures(session, programme.id, day),
            parent=self,
            on_success=self._show_figures,
        )
        op.finished.connect(self._load_finished)

    def _load_finished(self) -> None:
        self._loading = False
        if self._load_again:
            self._load_again = False
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Out of date if the data changed meanwhile, or if the day did (overdue check-ins).
        new_day = (
            self.figures is not None
            and self.programme is not None
            and self.figures.today != programme_today(self.programme)
        )
        if self._stale or new_day:
            self.reload()

    # Showing ---------------------------------------------------------------------------

    def _show_nothing(self, status: str = "") -> None:
        self.heading.setText(self.programme.name if self.programme else "Dashboard")
        self.as_of.setText(status)
        for card in self.cards.values():
            card.clear()
        for chart in self.charts.values():
            if isinstance(chart, BarChart):
                chart.set_data((), ())
            elif isinstance(chart, DumbbellChart):
                chart.set_data(())
        for panel in self.panels.values():
            panel.set_subtitle("")

    def _set_empty_texts(self) -> None:
        empty = {
            "strands": "No strands yet: add them in Programme ▸ Settings…",
            "applications": "No applications yet.",
            "pairings": "No pairings published yet.",
            "training": "No training rules yet: set them on the Training tab.",
            "events": "No past events with a register yet.",
            "items": "No answers to compare yet: they need a pre and a post survey.",
            "gender": "No participants accepted yet.",
            "career": "No participants accepted yet.",
            "organisation": "No participants accepted yet.",
        }
        for name, text in empty.items():
            self.charts[name].empty_text = text

    def _show_figures(self, figures: ProgrammeFigures) -> None:
        if self.programme is None or figures.programme_id != self.programme.id:
            return  # the file was closed, or another programme chosen, while loading
        self.figures = figures
        self.heading.setText(f"{figures.programme_name} at a glance")
        self.as_of.setText(
            f"Figures for {figures.today:%A %d %B %Y} · "
            "click a number or a bar to list the records behind it"
        )
        self._show_cards(figures)
        self._show_strands(figures)
        self._show_statuses(figures)
        self._show_training(figures)
        self._show_events(figures)
        self._show_participation(figures)
        self._show_item_changes(figures)
        self.loaded.emit()

    def _card(
        self, name: str, value: str, detail: str, tooltip: str, count: Count | None, tone: str = ""
    ) -> None:
        key = count.records if count is not None and count.value else None
        if key is not None:
            tooltip += f"\nClick to list the {plural(count.value, 'record')}."  # type: ignore[union-attr]
        self.cards[name].set_figure(value, detail, tooltip=tooltip, key=key, tone=tone)

    def _show_cards(self, figures: ProgrammeFigures) -> None:
        a = figures.applications
        self._card(
            "applications",
            str(a.applications.value),
            f"{a.mentee_applications.value} to be mentored · "
            f"{a.mentor_applications.value} to mentor",
            f"{plural(a.applications.value, 'application')} in "
            f"{plural(len(figures.strands), 'strand')}, in every status.",
            a.applications,
        )
        self._card("places", *places_card(figures), "red" if a.over_places else "")
        self._card(
            "acceptance",
            percent_text(a.acceptance.value),
            f"{a.accepted_mentees.value} of "
            f"{plural(a.mentee_applications.value, 'mentee application')} accepted",
            "Accepted mentee applications out of all mentee applications.",
            a.accepted_mentees,
        )
        p = figures.pairings
        drafts = f" · {plural(p.drafts.value, 'draft')}" if p.drafts.value else ""
        self._card(
            "active_pairings",
            str(p.active.value),
            f"of {p.published.value} published{drafts}",
            "Published pairings and circles that are active or extended.",
            p.active,
            "green" if p.active.value else "",
        )
        overdue = p.overdue_check_ins.value
        self._card(
            "overdue",
            str(overdue),
            "past due in pairings under way" if overdue else "None past due",
            "Check-ins of introduced and active pairings, due before today and not done.",
            p.overdue_check_ins,
            "red" if overdue else "green",
        )
        t = figures.training
        missing = t.missing.value
        if t.required.value:
            required = plural(t.required.value, "participant")
            trained = f"{t.complete.value} of {required} fully trained"
        elif t.requirements:
            # The rules are set; nobody they apply to has been accepted yet.
            trained = f"{plural(len(t.requirements), 'rule')} · no participant accepted yet"
        else:
            trained = "No training rules set"
        self._card(
            "training",
            percent_text(t.completion.value),
            trained,
            "Participants who attended every training required of them."
            + (f"\n{plural(missing, 'participant')} still missing some." if missing else ""),
            t.missing if missing else t.complete,
            "orange" if missing else ("green" if t.required.value else ""),
        )
        feedback, respondents = figures.surveys.feedback, figures.surveys.respondents
        rated = feedback.mean_rating is not None
        self._card(
            "rating",
            f"{feedback.mean_rating:.1f} / 5" if feedback.mean_rating is not None else "—",
            f"from {plural(feedback.rating_count, 'rating')}" if rated else "No ratings yet",
            "The mean overall rating (1 to 5) of "
            f"{plural(feedback.responses, 'feedback response')}.",
            respondents if rated else None,
            "blue" if rated else "",
        )
        recommend = feedback.recommend_rate
        self._card(
            "recommend",
            percent_text(recommend),
            f"{feedback.recommend_yes} of {feedback.recommend_answers} who answered"
            if recommend is not None
            else "No answers yet",
            "Who would recommend the programme, of those answering the feedback.",
            respondents if recommend is not None else None,
            "blue" if recommend is not None else "",
        )

    def _show_strands(self, figures: ProgrammeFigures) -> None:
        rows = []
        for s in figures.strands:
            places = f"{NO_LIMIT} on places" if s.places is None else plural(s.places, "place")
            rows.append(
                BarRow(
                    s.name,
                    (
                        Bar(
                            s.mentee_applications.value,
                            f"{s.name}: "
                            f"{plural(s.mentee_applications.value, 'mentee application')} "
                            f"({plural(s.applications.value, 'application')} in all)",
                            s.mentee_applications.records,
                        ),
                        Bar(
                            s.accepted_mentees.value,
                            f"{s.name}: {plural(s.accepted_mentees.value, 'mentee')} accepted, "
                            f"{percent_text(s.acceptance.value)} of mentee applications",
                            s.accepted_mentees.records,
                        ),
                        Bar(
                            float(s.places or 0),
                            f"{s.name}: {places}",
                            text=NO_LIMIT if s.places is None else str(s.places),
                        ),
                    ),
                )
            )
        chart = self.charts["strands"]
        assert isinstance(chart, BarChart)
        chart.set_data(
            (
                Series("Mentee applications", "blue"),
                Series("Accepted mentees", "green"),
                Series("Places", "grey", hollow=True),
            ),
            rows,
        )
        rates = " · ".join(f"{s.name} {percent_text(s.acceptance.value)}" for s in figures.strands)
        self.panels["strands"].set_subtitle(f"Acceptance: {rates}" if rates else "")

    def _show_statuses(self, figures: ProgrammeFigures) -> None:
        applications = self.charts["applications"]
        assert isinstance(applications, BarChart)
        total = figures.applications.applications.value
        applications.set_data(
            (Series("Applications"),),
            [
                BarRow(
                    s.status.label,
                    (
                        Bar(
                            s.count.value,
                            f"{plural(s.count.value, 'application')} {s.status.label.lower()} "
                            f"({percent_text(s.count.value / total if total else None)})",
                            s.count.records if s.count.value else None,
                            colour=APPLICATION_COLOURS[s.status],
                        ),
                    ),
                )
                for s in figures.applications.by_status
            ],
        )
        self.panels["applications"].set_subtitle(
            f"All {plural(total, 'application')}, from mentors and mentees"
        )
        pairings = self.charts["pairings"]
        assert isinstance(pairings, BarChart)
        p = figures.pairings
        rows = [
            BarRow(
                s.status.label,
                (
                    Bar(
                        s.count.value,
                        f"{plural(s.count.value, 'pairing')} {s.status.label.lower()}",
                        s.count.records,
                        colour=PAIRING_COLOURS[s.status],
                    ),
                ),
            )
            for s in p.by_status
            if s.count.value
        ]
        if p.drafts.value:
            tip = f"{plural(p.drafts.value, 'draft proposal')}, not yet published"
            rows.append(BarRow("Drafts", (Bar(p.drafts.value, tip, p.drafts.records),), muted=True))
        pairings.set_data((Series("Pairings"),), rows)
        self.panels["pairings"].set_subtitle(
            f"{plural(p.published.value, 'published pairing')} and circles"
            + (", and drafts apart" if p.drafts.value else "")
        )

    def _show_training(self, figures: ProgrammeFigures) -> None:
        chart = self.charts["training"]
        assert isinstance(chart, BarChart)
        rows = []
        for r in figures.training.requirements:
            done, required = r.completed.value, r.required.value
            rows.append(
                BarRow(
                    r.label,
                    (
                        Bar(
                            done, f"{r.label}: {done} of {required} completed", r.completed.records
                        ),
                        Bar(
                            r.missing.value,
                            f"{r.label}: {r.missing.value} of {required} not yet",
                            r.missing.records,
                        ),
                    ),
                    text=f"{done}/{required} · {percent_text(r.completion.value)}",
                )
            )
        chart.set_data(
            (Series("Completed", "green"), Series("Not yet", "orange", hollow=True)), rows
        )
        t = figures.training
        self.panels["training"].set_subtitle(
            f"{plural(t.required.value, 'participant')} must attend training; "
            f"{t.complete.value} have attended all of it"
            if t.required.value
            else "Who attended the training the programme's rules require"
        )

    def _show_events(self, figures: ProgrammeFigures) -> None:
        chart = self.charts["events"]
        assert isinstance(chart, BarChart)
        zone = ZoneInfo(self.programme.timezone if self.programme else "UTC")
        rows = []
        for e in figures.events:
            day = e.starts_at.astimezone(zone)
            about = f"{e.title} ({day:%d %b %Y})"
            rows.append(
                BarRow(
                    f"{day:%d %b} · {e.title}",
                    (
                        Bar(
                            e.invited.value,
                            f"{about}: {e.invited.value} invited",
                            e.invited.records,
                        ),
                        Bar(
                            e.registered.value,
                            f"{about}: {e.registered.value} registered",
                            e.registered.records if e.registered.value else None,
                        ),
                        Bar(
                            e.attended.value,
                            f"{about}: {e.attended.value} attended, "
                            f"{percent_text(e.attendance.value)} of those invited",
                            e.attended.records if e.attended.value else None,
                        ),
                    ),
                )
            )
        chart.set_data(
            (Series("Invited", "grey"), Series("Registered", "blue"), Series("Attended", "green")),
            rows,
        )
        attended = sum(e.attended.value for e in figures.events)
        invited = sum(e.invited.value for e in figures.events)
        self.panels["events"].set_subtitle(
            f"{plural(len(figures.events), 'past event')}; "
            f"{percent_text(attended / invited if invited else None)} of invitations attended"
            if figures.events
            else "Who was invited, registered and came"
        )

    def _show_participation(self, figures: ProgrammeFigures) -> None:
        participation = figures.participation
        for name, breakdown, what in [
            ("gender", participation.by_gender, "gender as each person described it"),
            ("career", participation.by_career_stage, "career stage"),
            (
                "organisation",
                participation.by_organisation,
                "organisation (spellings merged as in Programme ▸ Organisations…)",
            ),
        ]:
            chart = self.charts[name]
            assert isinstance(chart, BarChart)
            chart.set_data((Series("Participants", "purple"),), self._breakdown_rows(breakdown))
            self.panels[name].set_subtitle(
                f"{plural(participation.participants.value, 'accepted participant')} by {what}"
            )

    def _show_item_changes(self, figures: ProgrammeFigures) -> None:
        chart = self.charts["items"]
        assert isinstance(chart, DumbbellChart)
        items = figures.surveys.items
        chart.set_data(
            [
                Dumbbell(
                    # The item's code reads as a short name ("goals_clarity"); the tooltip
                    # gives its full words.
                    i.change.code.replace("_", " ").capitalize(),
                    i.change.mean_pre,
                    i.change.mean_post,
                    f"{i.change.text}\n{i.change.mean_pre:.1f} before, "
                    f"{i.change.mean_post:.1f} after ({i.change.change:+.1f}); "
                    f"{plural(i.people.value, 'person', 'people')} answered both",
                    i.people.records,
                )
                for i in items
            ]
        )
        people = max((i.people.value for i in items), default=0)
        self.panels["items"].set_subtitle(
            f"Mean answer (1 to 5) before and after, of up to {plural(people, 'person', 'people')} "
            "who answered both surveys"
            if items
            else "Mean answers to the pre and post surveys, item by item"
        )

    @staticmethod
    def _breakdown_rows(breakdown: Breakdown) -> list[BarRow]:
        total = sum(g.people.value for g in breakdown.shown)
        return [
            BarRow(
                g.label,
                (
                    Bar(
                        g.people.value,
                        f"{g.label}: {plural(g.people.value, 'participant')} "
                        f"({percent_text(g.people.value / total if total else None)}): "
                        f"{plural(g.mentees.value, 'mentee')}, {plural(g.mentors.value, 'mentor')}",
                        g.people.records,
                    ),
                ),
                muted=g is breakdown.not_recorded,
            )
            for g in breakdown.shown
        ]

    # Records ---------------------------------------------------------------------------

    def open_records(self, key: RecordKey) -> None:
        """Open the dialog listing the records behind a figure."""
        if self.programme_file is None or self.programme is None:
            return
        if self.records_dialog is not None:
            self.records_dialog.close()
        dialog = RecordsDialog(self, self.programme_file)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.records_dialog = dialog
        dialog.load(key, self.programme)
        dialog.show()

    def _forget_dialog(self, dialog: RecordsDialog) -> None:
        if self.records_dialog is dialog:
            self.records_dialog = None
