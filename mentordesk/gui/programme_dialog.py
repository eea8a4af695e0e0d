"""The form for a file's first programme (or another one)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtWidgets import QWidget

from mentordesk.domain.enums import StrandFormat
from mentordesk.gui.dialogs import RecordDialog
from mentordesk.gui.form_values import date_value, prepare_date, set_date
from mentordesk.gui.forms.ui_programme import Ui_ProgrammeForm
from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
from mentordesk.store.programme_file import ProgrammeFile

#: ADVANCE's strands, a sensible start for a research mentoring programme.
DEFAULT_STRANDS = "Faculty\nFellows\nCircles (group)"
GROUP_MARK = "(group)"


def parse_strands(text: str) -> list[StrandInput]:
    """One strand per line; "(group)" after a name makes a group strand."""
    strands = []
    for line in text.splitlines():
        name = line.strip()
        if not name:
            continue
        group = name.lower().endswith(GROUP_MARK)
        if group:
            name = name[: -len(GROUP_MARK)].strip()
        strands.append(StrandInput(name, StrandFormat.GROUP if group else StrandFormat.ONE_TO_ONE))
    return strands


class ProgrammeDialog(RecordDialog):
    """Name a programme, its time zone, its dates and its strands; Save creates it.

    Signals:
        saved: carries the new programme's id.
    """

    def __init__(self, parent: QWidget | None, programme_file: ProgrammeFile) -> None:
        super().__init__(parent, programme_file, create_programme)
        self.ui = Ui_ProgrammeForm()
        self.ui.setupUi(self)
        ui = self.ui
        ui.timezone.addItems(sorted(zoneinfo.available_timezones()))
        ui.timezone.setCurrentText("Europe/Luxembourg")
        prepare_date(ui.starts_on)
        prepare_date(ui.ends_on)
        today = dt.date.today()
        set_date(ui.starts_on, today)
        set_date(ui.ends_on, today.replace(year=today.year + 1))
        ui.strands.setPlainText(DEFAULT_STRANDS)
        ui.strands.setFixedHeight(ui.strands.fontMetrics().lineSpacing() * 6)
        ui.name.setText(f"Mentoring programme {today.year}")
        ui.name.selectAll()

    def values(self) -> ProgrammeInput:
        ui = self.ui
        return ProgrammeInput(
            name=ui.name.text(),
            timezone=ui.timezone.currentText().strip(),
            starts_on=date_value(ui.starts_on),
            ends_on=date_value(ui.ends_on),
            strands=parse_strands(ui.strands.toPlainText()),
        )
