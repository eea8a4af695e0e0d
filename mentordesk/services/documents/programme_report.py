"""The programme report for leadership: the dashboard's figures, charts and tables as a PDF.

The figures are those of ``services.dashboard.programme_figures``, with the
feedback and pre/post changes of ``services.survey_results``. Any figure about fewer
people than the programme's minimum group size is withheld, with a second part
wherever a total would give the first away, and the report says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from mentordesk.domain.enums import PairingStatus
from mentordesk.formats.files import check_folder
from mentordesk.formats.pdf import Bar, Document, format_date
from mentordesk.formats.tables import CellValue
from mentordesk.services.dashboard import (
    ACTIVE_STATUSES,
    ProgrammeFigures,
    StatusCount,
    percent_text,
    programme_figures,
)
from mentordesk.services.documents.common import letterhead
from mentordesk.services.programmes import get_programme
from mentordesk.services.survey_results import (
    FeedbackSummary,
    ItemChange,
    feedback_summary,
    item_changes,
)


@dataclass
class _Withholding:
    """Applies the programme's minimum group size to every figure the report prints.

    A count of fewer than ``minimum`` people (but more than none) prints as "fewer
    than N", and so does any share or mean based on such a group. Where the parts
    of a total are shown, a single withheld part could be worked out by
    subtraction, so the smallest other part is withheld too, as "withheld".
    """

    minimum: int

    def small(self, value: int) -> bool:
        """Whether a count is withheld for itself."""
        return 0 < value < self.minimum

    @property
    def fewer(self) -> str:
        """What a withheld count says."""
        return f"fewer than {self.minimum}"

    def count(self, value: int) -> CellValue:
        """A count as printed: the number, or "fewer than N"."""
        if self.small(value):
            return self.fewer
        return value

    def share(self, part: int, whole: int) -> str:
        """``part`` of ``whole`` as a percentage, withheld if either group is too small."""
        if self.small(part) or self.small(whole):
            return "withheld"
        return percent_text(part / whole if whole else None)

    def parts(self, values: Sequence[int], total: int | None = None) -> list[CellValue]:
        """The parts of a total as printed, with a second part withheld where one would show.

        Args:
            values: the parts.
            total: the total they make, if it is printed beside them.
        """
        withheld = {i for i, v in enumerate(values) if self.small(v)}
        if len(withheld) == 1 and (total is not None or len(values) > 1):
            others = [i for i, v in enumerate(values) if v > 0 and i not in withheld]
            if others:
                withheld.add(min(others, key=lambda i: values[i]))
        shown: list[CellValue] = []
        for index, value in enumerate(values):
            if index in withheld:
                shown.append(self.fewer if self.small(value) else "withheld")
            else:
                shown.append(value)
        return shown

    def bar(self, label: str, value: int, shown: CellValue, detail: str = "") -> Bar:
        """A chart bar for a count as :meth:`count` or :meth:`parts` printed it."""
        if isinstance(shown, str):
            return Bar(label, None, shown)
        return Bar(label, value, f"{value:,}{detail}")

    def note(self) -> str:
        """The explanation printed at the start of the report."""
        n = self.minimum
        if n <= 1:
            return (
                "Every figure is shown in full: the programme's minimum group size, set in "
                "its settings, is 1. Raise it to withhold figures about small groups."
            )
        return (
            f"To protect individuals, a figure about fewer than {n} people (but more than "
            f"none) is shown as “fewer than {n}”, and so is any percentage or average based "
            f"on such a group. Where a withheld figure could be worked out from a total and "
            f"the figures beside it, another figure is marked “withheld” too. The minimum "
            f"group size of {n} is set in the programme's settings."
        )


def programme_report(session: Session, programme_id: int, out: Path, today: dt.date) -> Path:
    """Write the programme report for leadership: the dashboard's figures, charts and tables.

    The figures are those of ``services.dashboard.programme_figures`` on ``today``
    (applications and places per strand, pairings by status, overdue check-ins,
    training completion, attendance at past events, participation by gender and
    career stage), with the feedback rating, would-recommend rate and pre/post
    changes of ``services.survey_results``. Any figure about fewer people than the
    programme's minimum group size is withheld, and the report says so.

    Args:
        session: the open transaction.
        programme_id: the programme.
        out: the PDF to write; replaced if it exists.
        today: the day the figures are for, and the date of issue.

    Returns:
        ``out``.

    Raises:
        NotFound: the programme is no longer in the file.
        ExportFailed: the file could not be written; nothing partial is left.
    """
    check_folder(out)
    programme = get_programme(session, programme_id)
    figures = programme_figures(session, programme_id, today)
    feedback = feedback_summary(session, programme_id)
    changes = item_changes(session, programme_id)
    guard = _Withholding(figures.min_group_size)
    document = Document(
        letterhead(programme, today, "Programme report"),
        title=f"Programme report – {programme.name}",
    )
    document.title_block(
        "Programme report", f"{programme.name} · figures on {format_date(today, long=True)}"
    )
    if programme.description.strip():
        document.paragraph(programme.description)
    if programme.starts_on and programme.ends_on:
        document.paragraph(
            f"The programme runs from {format_date(programme.starts_on, long=True)} to "
            f"{format_date(programme.ends_on, long=True)}."
        )
    document.note(guard.note())
    _at_a_glance(document, figures, feedback, guard)
    _applications_section(document, figures, guard)
    _pairings_section(document, figures, guard)
    _training_section(document, figures, guard)
    _events_section(document, figures, ZoneInfo(programme.timezone), guard)
    _feedback_section(document, feedback, changes, guard)
    _participation_section(document, figures, guard)
    document.write(out)
    return Path(out)


def _pairing_parts(
    figures: ProgrammeFigures, guard: _Withholding
) -> tuple[list[StatusCount[PairingStatus]], list[CellValue], CellValue]:
    """Published pairings by status as printed, and "under way" (active and extended) to match.

    Under way is the sum of two statuses: printing it beside one of them withheld
    would give that one away, so it is withheld with it.
    """
    pairings = figures.pairings
    statuses = [c for c in pairings.by_status if c.count.value]
    shown = guard.parts([c.count.value for c in statuses], pairings.published.value)
    hidden = any(
        isinstance(value, str) and c.status in ACTIVE_STATUSES
        for c, value in zip(statuses, shown, strict=True)
    )
    under_way = pairings.active.value
    return statuses, shown, "withheld" if hidden and under_way else guard.count(under_way)


def _trained_parts(figures: ProgrammeFigures, guard: _Withholding) -> tuple[CellValue, CellValue]:
    """Participants who completed all their training, and those who have not, as printed."""
    training = figures.training
    done, missing = guard.parts(
        [training.complete.value, training.missing.value], training.required.value
    )
    return done, missing


def _at_a_glance(
    document: Document, figures: ProgrammeFigures, feedback: FeedbackSummary, guard: _Withholding
) -> None:
    apps, pairings, training = figures.applications, figures.pairings, figures.training
    places = f"for {apps.places:,} places" if apps.places is not None else ""
    mentees, accepted = apps.mentee_applications.value, apps.accepted_mentees.value
    rows: list[list[CellValue]] = [
        ["Mentee applications", guard.count(mentees), places],
        [
            "Mentees accepted",
            guard.count(accepted),
            f"{guard.share(accepted, mentees)} of mentee applications",
        ],
        ["Mentors accepted", guard.count(apps.accepted_mentors.value), ""],
        [
            "Pairings and circles under way",
            _pairing_parts(figures, guard)[2],
            f"of {guard.count(pairings.published.value)} published",
        ],
        ["Check-ins overdue", guard.count(pairings.overdue_check_ins.value), ""],
    ]
    if training.required.value:
        done, _missing = _trained_parts(figures, guard)
        share = guard.share(training.complete.value, training.required.value)
        rows.append(
            [
                "Completed their required training",
                done,
                f"{'withheld' if isinstance(done, str) else share} of "
                f"{guard.count(training.required.value)} participants",
            ]
        )
    if feedback.rating_count:
        rows.append(
            [
                "Overall rating (1–5)",
                _mean(feedback.mean_rating, feedback.rating_count, guard),
                f"from {guard.count(feedback.rating_count)} responses",
            ]
        )
    if feedback.recommend_answers:
        rows.append(
            [
                "Would recommend the programme",
                guard.share(feedback.recommend_yes, feedback.recommend_answers),
                f"of {guard.count(feedback.recommend_answers)} who answered",
            ]
        )
    document.heading("At a glance")
    document.table(
        ["Figure", "Number", "Detail"], rows, widths=[38, 14, 48], align=["left", "right", "left"]
    )


def _mean(mean: float | None, people: int, guard: _Withholding) -> CellValue:
    if mean is None:
        return "—"
    if guard.small(people):
        return "withheld"
    return f"{mean:.1f}"


def _applications_section(
    document: Document, figures: ProgrammeFigures, guard: _Withholding
) -> None:
    document.heading("Applications and places")
    strands = figures.strands
    total = figures.applications

    def across(values: Sequence[int], whole: int) -> list[CellValue]:
        return [*guard.parts(values, whole), guard.count(whole)]

    columns = {
        "mentee": across(
            [s.mentee_applications.value for s in strands], total.mentee_applications.value
        ),
        "accepted": across(
            [s.accepted_mentees.value for s in strands], total.accepted_mentees.value
        ),
        "mentors": across(
            [s.accepted_mentors.value for s in strands], total.accepted_mentors.value
        ),
    }
    rows: list[list[CellValue]] = []
    for index, strand in enumerate(strands):
        rows.append(
            [
                strand.name,
                strand.format.label,
                strand.places,
                columns["mentee"][index],
                columns["accepted"][index],
                guard.share(strand.accepted_mentees.value, strand.mentee_applications.value),
                columns["mentors"][index],
            ]
        )
    document.table(
        [
            "Strand",
            "Format",
            "Places",
            "Mentee applications",
            "Mentees accepted",
            "Acceptance",
            "Mentors accepted",
        ],
        rows,
        total=[
            "All strands",
            "",
            total.places,
            columns["mentee"][-1],
            columns["accepted"][-1],
            guard.share(total.accepted_mentees.value, total.mentee_applications.value),
            columns["mentors"][-1],
        ],
        widths=[20, 14, 11, 16, 15, 14, 15],
        align=["left", "left", "right", "right", "right", "right", "right"],
    )
    if strands:
        bars = []
        for index, strand in enumerate(strands):
            places = f" for {strand.places:,} places" if strand.places is not None else ""
            bars.append(
                guard.bar(
                    f"{strand.name}: applications",
                    strand.mentee_applications.value,
                    columns["mentee"][index],
                    places,
                )
            )
            bars.append(
                guard.bar(
                    f"{strand.name}: accepted",
                    strand.accepted_mentees.value,
                    columns["accepted"][index],
                )
            )
        document.bar_chart(bars, title="Mentee applications and acceptances by strand")
    for strand in strands:
        with document.together():
            document.heading(f"{strand.name} ({strand.format.label.lower()})", level=2)
            statuses = [c.count.value for c in strand.by_status]
            shown = guard.parts(statuses, strand.applications.value)
            lines: list[list[CellValue]] = [
                ["Places", strand.places if strand.places is not None else "not set"],
                ["Mentee applications", guard.count(strand.mentee_applications.value)],
                ["Mentor applications", guard.count(strand.mentor_applications.value)],
            ]
            lines += [
                [f"Applications {c.status.label.lower()}", value]
                for c, value in zip(strand.by_status, shown, strict=True)
            ]
            document.table(
                ["Figure", "Number"],
                lines,
                total=["All applications", guard.count(strand.applications.value)],
                widths=[70, 30],
                span=0.6,
                align=["left", "right"],
            )
            if strand.over_places:
                document.paragraph(
                    "More mentees were accepted than the strand has places.", style="muted"
                )


def _pairings_section(document: Document, figures: ProgrammeFigures, guard: _Withholding) -> None:
    pairings = figures.pairings
    document.heading("Pairings and circles")
    statuses, shown, under_way = _pairing_parts(figures, guard)
    if statuses:
        document.bar_chart(
            [
                guard.bar(c.status.label, c.count.value, value)
                for c, value in zip(statuses, shown, strict=True)
            ],
            title="Published pairings and circles by status",
        )
    else:
        document.paragraph("No pairing has been published yet.")
    document.table(
        ["Figure", "Number"],
        [
            ["Published pairings and circles", guard.count(pairings.published.value)],
            ["Under way (active or extended)", under_way],
            ["Proposals not yet published", guard.count(pairings.drafts.value)],
            ["Check-ins overdue", guard.count(pairings.overdue_check_ins.value)],
        ],
        widths=[70, 30],
        span=0.6,
        align=["left", "right"],
    )


def _training_section(document: Document, figures: ProgrammeFigures, guard: _Withholding) -> None:
    training = figures.training
    document.heading("Training")
    if not training.requirements:
        document.paragraph("The programme sets no training requirements.")
        return
    rows: list[list[CellValue]] = []
    bars = []
    for rule in training.requirements:
        required, completed, missing = rule.required.value, rule.completed.value, rule.missing.value
        done, not_yet = guard.parts([completed, missing], required)
        share = guard.share(completed, required)
        if isinstance(done, str) or isinstance(not_yet, str):
            share = "withheld" if required else share
        rows.append([rule.label, guard.count(required), done, not_yet, share])
        percent = completed / required * 100 if required else None
        bars.append(Bar(rule.label, percent if share.endswith("%") else None, share))
    total_done, total_missing = _trained_parts(figures, guard)
    document.table(
        ["Training required", "Required of", "Completed", "Not yet", "Completion"],
        rows,
        total=[
            "All participants",
            guard.count(training.required.value),
            total_done,
            total_missing,
            "withheld"
            if isinstance(total_done, str)
            else guard.share(training.complete.value, training.required.value),
        ],
        widths=[40, 15, 15, 15, 15],
        align=["left", "right", "right", "right", "right"],
    )
    document.bar_chart(bars, maximum=100, title="Completion of each requirement")


def _events_section(
    document: Document, figures: ProgrammeFigures, zone: ZoneInfo, guard: _Withholding
) -> None:
    document.heading("Events and attendance")
    if not figures.events:
        document.paragraph("No past event has a register yet.")
        return
    rows: list[list[CellValue]] = []
    for event in figures.events:
        invited, attended = event.invited.value, event.attended.value
        rows.append(
            [
                event.starts_at.astimezone(zone).date(),
                event.title,
                guard.count(invited),
                guard.count(event.registered.value),
                guard.count(attended),
                guard.share(attended, invited),
            ]
        )
    document.table(
        ["Date", "Event", "Invited", "Registered", "Attended", "Attendance"],
        rows,
        widths=[14, 42, 11, 12, 11, 12],
        align=["left", "left", "right", "right", "right", "right"],
    )


def _feedback_section(
    document: Document,
    feedback: FeedbackSummary,
    changes: Sequence[ItemChange],
    guard: _Withholding,
) -> None:
    document.heading("Feedback and impact")
    if not feedback.responses and not changes:
        document.paragraph("No feedback or pre- and post-programme answers have been recorded yet.")
        return
    if feedback.responses:
        document.table(
            ["Figure", "Number"],
            [
                ["Feedback responses", guard.count(feedback.responses)],
                [
                    "Overall rating (1–5, mean)",
                    _mean(feedback.mean_rating, feedback.rating_count, guard),
                ],
                [
                    "Would recommend the programme",
                    guard.share(feedback.recommend_yes, feedback.recommend_answers)
                    if feedback.recommend_answers
                    else "—",
                ],
            ],
            widths=[70, 30],
            span=0.6,
            align=["left", "right"],
        )
    if changes:
        document.heading("Before and after: mean answers (1–5) of those who answered both", level=3)
        document.table(
            ["Item", "People", "Before", "After", "Change"],
            [
                [
                    change.text,
                    guard.count(change.people),
                    *(
                        ["withheld"] * 3
                        if guard.small(change.people)
                        else [
                            f"{change.mean_pre:.1f}",
                            f"{change.mean_post:.1f}",
                            f"{change.change:+.1f}",
                        ]
                    ),
                ]
                for change in changes
            ],
            widths=[52, 12, 12, 12, 12],
            align=["left", "right", "right", "right", "right"],
        )


def _participation_section(
    document: Document, figures: ProgrammeFigures, guard: _Withholding
) -> None:
    participation = figures.participation
    document.heading("Who takes part")
    document.paragraph(
        f"Participants are the people with an accepted application: "
        f"{_plain(guard.count(participation.participants.value))} in all, "
        f"{_plain(guard.count(participation.mentors.value))} as mentors and "
        f"{_plain(guard.count(participation.mentees.value))} as mentees (one person may be both)."
    )
    for title, breakdown in (
        ("By gender (as each person describes it)", participation.by_gender),
        ("By career stage", participation.by_career_stage),
        ("By organisation", participation.by_organisation),
    ):
        groups = breakdown.shown
        if not groups:
            continue
        people = guard.parts([g.people.value for g in groups], participation.participants.value)
        mentors = guard.parts([g.mentors.value for g in groups], participation.mentors.value)
        mentees = guard.parts([g.mentees.value for g in groups], participation.mentees.value)
        document.heading(title, level=2)
        document.table(
            ["Group", "Participants", "Mentors", "Mentees"],
            [
                [g.label, p, mr, me]
                for g, p, mr, me in zip(groups, people, mentors, mentees, strict=True)
            ],
            widths=[46, 18, 18, 18],
            align=["left", "right", "right", "right"],
        )
        document.bar_chart(
            [guard.bar(g.label, g.people.value, p) for g, p in zip(groups, people, strict=True)],
            title=f"Participants {title[0].lower()}{title[1:]}",
        )


def _plain(value: CellValue) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)
