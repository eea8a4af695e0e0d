"""Programme ▸ Settings…: every setting of a programme, changed at any time.

The same pieces make the New programme dialog's form (``gui/programme_dialog.py``):
:class:`ProgrammeFields` (name, description, time zone, dates, deadline,
duration), :class:`StrandsTable` (strands with their format, places and
description, retired and restored), :class:`RulesFields` (mentees per mentor,
grade gap, same career track, answer days, field) and :class:`LetterheadFields`.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import FieldPreference, StrandFormat
from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.pdf import check_logo
from mentordesk.formats.text import plural
from mentordesk.gui.charts import muted_text
from mentordesk.gui.context import WindowContext
from mentordesk.gui.dialogs import RecordDialog, save_buttons
from mentordesk.gui.errors import show_error
from mentordesk.gui.folders import LOGO_FOLDER, ask_open_path
from mentordesk.gui.form_values import (
    combo_value,
    count_value,
    date_value,
    fill_enum_combo,
    prepare_count,
    prepare_date,
    select_value,
    set_count,
    set_date,
)
from mentordesk.gui.limit_boxes import limit_spin, limit_value, set_limit
from mentordesk.gui.ops import run_op
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    edit_programme,
    programme_settings,
)
from mentordesk.store.programme_file import ProgrammeFile

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg)"
#: The largest logo accepted, in bytes: a letterhead needs no more.
LOGO_MAX_BYTES = 2_000_000
OPEN, RETIRED = "Open", "Retired"


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    """An optional date (blank shows "—"), with a calendar to pick from."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    prepare_date(edit)
    return edit


def _count_spin(parent: QWidget, name: str, maximum: int, none_text: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    prepare_count(spin, maximum)
    spin.setSpecialValueText(none_text)
    spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("n") * 16 + 32)
    return spin


def buddy_label(text: str, parent: QWidget, buddy: QWidget) -> QLabel:
    """A label whose mnemonic (the letter after "&") puts the cursor in ``buddy``."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _set_buddy(form: QFormLayout, row: QLayout, buddy: QWidget) -> None:
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(buddy)


def hint_label(parent: QWidget, text: str) -> QLabel:
    """A wrapped explanation under a field, in a softer colour than the values."""
    label = QLabel(text, parent)
    label.setObjectName("hint")
    label.setWordWrap(True)
    # Softer than the values, yet readable: a disabled label's grey was too faint to read
    # and is skipped by screen readers.
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_text(label))
    label.setPalette(palette)
    return label


class ProgrammeFields(QWidget):
    """Name, description, time zone, start and end, applications open and close, duration.

    Attributes:
        name, description, timezone, starts_on, ends_on, applications_open_on,
        applications_close_on, duration_months: the fields, named as ProgrammeInput's.
    """

    def __init__(self, parent: QWidget | None = None, *, description: bool = True) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.name.setPlaceholderText("ADVANCE 2026")
        form.addRow("&Name:", self.name)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        if description:
            form.addRow("&Description:", self.description)
        else:
            self.description.hide()
        self.timezone = QComboBox(self)
        self.timezone.setObjectName("timezone")
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        form.addRow("&Time zone:", self.timezone)
        self.starts_on = date_edit(self, "starts_on")
        self.ends_on = date_edit(self, "ends_on")
        dates = QHBoxLayout()
        dates.addWidget(self.starts_on)
        dates.addWidget(buddy_label("&ends on:", self, self.ends_on))
        dates.addWidget(self.ends_on)
        dates.addStretch(1)
        form.addRow("&Starts on:", dates)
        self.applications_open_on = date_edit(self, "applications_open_on")
        self.applications_close_on = date_edit(self, "applications_close_on")
        window = QHBoxLayout()
        window.addWidget(self.applications_open_on)
        window.addWidget(buddy_label("c&lose on:", self, self.applications_close_on))
        window.addWidget(self.applications_close_on)
        window.addStretch(1)
        form.addRow("Applications &open on:", window)
        form.addRow(
            "", hint_label(self, "Applications after the closing day are marked late, not refused.")
        )
        self.duration_months = _count_spin(self, "duration_months", 120, "not set")
        self.duration_months.setSuffix(" months")
        form.addRow("D&uration:", self.duration_months)
        _set_buddy(form, dates, self.starts_on)
        _set_buddy(form, window, self.applications_open_on)

    def show_values(self, values: ProgrammeInput) -> None:
        """Show ``values`` in the fields."""
        self.name.setText(values.name)
        self.description.setPlainText(values.description)
        self.timezone.setCurrentText(values.timezone)
        set_date(self.starts_on, values.starts_on)
        set_date(self.ends_on, values.ends_on)
        set_date(self.applications_open_on, values.applications_open_on)
        set_date(self.applications_close_on, values.applications_close_on)
        set_count(self.duration_months, values.duration_months)

    def read_into(self, values: ProgrammeInput) -> ProgrammeInput:
        """``values`` with what the fields hold."""
        return replace(
            values,
            name=self.name.text(),
            description=self.description.toPlainText(),
            timezone=self.timezone.currentText().strip(),
            starts_on=date_value(self.starts_on),
            ends_on=date_value(self.ends_on),
            applications_open_on=date_value(self.applications_open_on),
            applications_close_on=date_value(self.applications_close_on),
            duration_months=count_value(self.duration_months),
        )


class StrandsTable(QWidget):
    """The strands: name, format, places, description; added, renamed, retired or restored.

    A strand already saved is never removed here (it may hold applications):
    it is retired, and can be restored. A strand added since the last save can
    be removed.

    Attributes:
        table: one row per strand; the name cell holds the strand's id (None if new).
    """

    NAME, FORMAT, PLACES, DESCRIPTION, STATE = range(5)
    HEADERS = ("Name", "Format", "Places", "Description", "State")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("strands")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("n")
        for column, chars in ((self.NAME, 22), (self.FORMAT, 13), (self.PLACES, 10)):
            self.table.setColumnWidth(column, chars * em)
        header.setSectionResizeMode(self.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.STATE, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton("&Add strand", self)
        self.add_button.setObjectName("add_strand")
        self.add_button.clicked.connect(lambda: self.add_strand())
        self.retire_button = QPushButton("&Retire", self)
        self.retire_button.setObjectName("retire_strand")
        self.retire_button.clicked.connect(self.retire_or_restore)
        self.table.currentCellChanged.connect(lambda *_args: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(
            hint_label(
                self,
                "Double-click a name or description to change it. A retired strand takes "
                "no new applications and keeps its history; it can be restored.",
            )
        )
        self._update_buttons()

    def set_strands(self, strands: list[StrandInput]) -> None:
        """Show ``strands``, in their order."""
        self.table.setRowCount(0)
        for strand in strands:
            self.add_strand(strand, edit=False)
        self.table.setCurrentCell(-1, -1)
        self._update_buttons()

    def add_strand(self, strand: StrandInput | None = None, *, edit: bool = True) -> int:
        """Add a row for ``strand`` (a new one, its name ready to type, if None); returns it."""
        new = strand is None
        strand = strand or StrandInput("New strand")
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(strand.name)
        name.setData(Qt.ItemDataRole.UserRole, getattr(strand, "id", None))
        self.table.setItem(row, self.NAME, name)
        format_combo = QComboBox(self.table)
        fill_enum_combo(format_combo, StrandFormat)
        select_value(format_combo, strand.format)
        self.table.setCellWidget(row, self.FORMAT, format_combo)
        places = _count_spin(self.table, "places", 100_000, "no limit")
        set_count(places, strand.places)
        self.table.setCellWidget(row, self.PLACES, places)
        self.table.setItem(row, self.DESCRIPTION, QTableWidgetItem(strand.description))
        state = QTableWidgetItem()
        state.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(row, self.STATE, state)
        self._set_retired(row, bool(getattr(strand, "retired", False)))
        if new and edit:
            self.table.setCurrentCell(row, self.NAME)
            self.table.editItem(name)
        return row

    def _strand_id(self, row: int) -> int | None:
        value = self.table.item(row, self.NAME).data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def _retired(self, row: int) -> bool:
        return bool(self.table.item(row, self.STATE).data(Qt.ItemDataRole.UserRole))

    def _set_retired(self, row: int, retired: bool) -> None:
        state = self.table.item(row, self.STATE)
        state.setData(Qt.ItemDataRole.UserRole, retired)
        state.setText(RETIRED if retired else OPEN)
        state.setToolTip(
            "Takes no new applications; restore it to open it again." if retired else ""
        )

    def retire_or_restore(self) -> None:
        """Retire the current strand (remove it if it was never saved), or restore it."""
        row = self.table.currentRow()
        if row < 0:
            return
        if self._strand_id(row) is None:
            self.table.removeRow(row)
        else:
            self._set_retired(row, not self._retired(row))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        self.retire_button.setEnabled(row >= 0)
        if row < 0:
            self.retire_button.setText("&Retire")
            self.retire_button.setToolTip("Choose a strand first.")
        elif self._strand_id(row) is None:
            self.retire_button.setText("&Remove")
            self.retire_button.setToolTip("This strand is not saved yet: remove it.")
        else:
            self.retire_button.setText("&Restore" if self._retired(row) else "&Retire")
            self.retire_button.setToolTip("")

    def strands(self) -> list[StrandInput]:
        """The strands as the table shows them, in order."""
        result = []
        for row in range(self.table.rowCount()):
            format_combo = self.table.cellWidget(row, self.FORMAT)
            places = self.table.cellWidget(row, self.PLACES)
            assert isinstance(format_combo, QComboBox)
            assert isinstance(places, QSpinBox)
            result.append(
                StrandInput(
                    name=self.table.item(row, self.NAME).text(),
                    format=combo_value(format_combo),
                    places=count_value(places),
                    description=self.table.item(row, self.DESCRIPTION).text(),
                    id=self._strand_id(row),
                    retired=self._retired(row),
                )
            )
        return result


class RulesFields(QWidget):
    """The matching rules: mentees per mentor, grade gap, same track, answer days, field."""

    def __init__(self, parent: QWidget | None = None, *, full: bool = True) -> None:
        # Here, not at the top: the matching package brings SciPy, which the window's
        # start must not wait for.
        from mentordesk.services.matching.rules import MAX_CAPACITY, MAX_GRADE_GAP

        super().__init__(parent)
        form = QFormLayout(self)
        self.max_mentees = limit_spin(
            self, "max_mentees_per_mentor", lowest=1, highest=MAX_CAPACITY
        )
        form.addRow("&Mentees per mentor:", self.max_mentees)
        # A gap of 0 is a limit (nobody can be paired), so "no limit" sits below it.
        self.max_grade_gap = limit_spin(
            self, "max_grade_gap", lowest=0, highest=MAX_GRADE_GAP, suffix=" levels"
        )
        form.addRow("Largest &grade gap:", self.max_grade_gap)
        form.addRow(
            "",
            hint_label(
                self,
                "How many career-stage levels a mentor may be above the mentee "
                "(Programme ▸ Career stages… sets the levels).",
            ),
        )
        self.within_track = QCheckBox("Mentor and mentee on the same career &track", self)
        self.within_track.setObjectName("within_track")
        self.response_days = QSpinBox(self)
        self.response_days.setObjectName("response_days")
        self.response_days.setRange(1, 90)
        self.response_days.setSuffix(" days")
        self.response_days.setMaximumWidth(self.max_mentees.maximumWidth())
        self.field_preference = QComboBox(self)
        self.field_preference.setObjectName("field_preference")
        fill_enum_combo(self.field_preference, FieldPreference)
        if full:
            form.addRow("", self.within_track)
            form.addRow("Mentors &answer within:", self.response_days)
            form.addRow("Same &field or department:", self.field_preference)
        else:
            for widget in (self.within_track, self.response_days, self.field_preference):
                widget.hide()

    def show_values(self, values: ProgrammeInput) -> None:
        """Show ``values`` in the fields."""
        set_limit(self.max_mentees, values.max_mentees_per_mentor)
        set_limit(self.max_grade_gap, values.max_grade_gap)
        self.within_track.setChecked(bool(values.within_track))
        self.response_days.setValue(values.response_days)
        select_value(self.field_preference, values.field_preference)

    def read_into(self, values: ProgrammeInput) -> ProgrammeInput:
        """``values`` with what the fields hold."""
        shown = replace(
            values,
            max_mentees_per_mentor=limit_value(self.max_mentees),
            max_grade_gap=limit_value(self.max_grade_gap),
        )
        if self.within_track.isHidden():
            return shown
        return replace(
            shown,
            within_track=self.within_track.isChecked(),
            response_days=self.response_days.value(),
            field_preference=combo_value(self.field_preference),
        )


class LetterheadFields(QWidget):
    """What heads every PDF and email: the organisation's name, its logo, a signature line.

    Attributes:
        logo: the logo image's bytes (PNG or JPEG), or None.
    """

    PREVIEW_HEIGHT = 64

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo: bytes | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.letterhead_name = QLineEdit(self)
        self.letterhead_name.setObjectName("letterhead_name")
        form.addRow("&Organisation name:", self.letterhead_name)
        form.addRow(
            "", hint_label(self, "Left empty, documents are headed with the programme's name.")
        )
        self.logo_preview = QLabel(self)
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFixedHeight(self.PREVIEW_HEIGHT)
        self.choose_logo = QPushButton("&Choose image…", self)
        self.choose_logo.setObjectName("choose_logo")
        self.choose_logo.clicked.connect(self.ask_logo)
        self.remove_logo = QPushButton("Re&move", self)
        self.remove_logo.setObjectName("remove_logo")
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        form.addRow("&Logo:", logo_row)
        _set_buddy(form, logo_row, self.choose_logo)
        self.signature_line = QLineEdit(self)
        self.signature_line.setObjectName("signature_line")
        form.addRow("&Signature line:", self.signature_line)
        # An example in the field itself read as a value already set: it is said below instead.
        self.signature_hint = hint_label(
            self,
            "Printed under the sign-off of letters and messages and under a certificate's "
            "signature, for example “Office for Equal Opportunities”.",
        )
        self.signature_hint.setObjectName("signature_hint")
        form.addRow("", self.signature_hint)
        self.set_logo(None)

    def set_logo(self, data: bytes | None) -> None:
        """Use ``data`` (PNG or JPEG bytes) as the logo, shown small; None for no logo."""
        self.logo = data
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(
                    self.PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            self.logo_preview.setText("No logo" if data is None else "Logo chosen")
        self.remove_logo.setEnabled(data is not None)

    def ask_logo(self) -> None:
        """Ask for an image file and use it as the logo."""
        path = ask_open_path(self, "Choose the logo", IMAGE_FILTER, LOGO_FOLDER)
        if path is not None:
            self.load_logo(path)

    def load_logo(self, path: Path) -> bool:
        """Use the image at ``path`` as the logo; a file that is no usable image is refused."""
        try:
            if path.stat().st_size > LOGO_MAX_BYTES:
                raise InvalidInput("The logo file is over 2 MB: choose a smaller image.")
            data = path.read_bytes()
            check_logo(data)
        except OSError:
            show_error(self, InvalidInput(f"“{path.name}” could not be read; choose another file."))
            return False
        except InvalidInput as error:
            show_error(self, error)
            return False
        self.set_logo(data)
        return True

    def show_values(self, values: ProgrammeInput) -> None:
        """Show ``values`` in the fields."""
        self.letterhead_name.setText(values.letterhead_name)
        self.signature_line.setText(values.signature_line)
        self.set_logo(values.logo)

    def read_into(self, values: ProgrammeInput) -> ProgrammeInput:
        """``values`` with what the fields hold."""
        return replace(
            values,
            letterhead_name=self.letterhead_name.text(),
            signature_line=self.signature_line.text(),
            logo=self.logo,
        )


class SettingsDialog(RecordDialog):
    """Every setting of one programme, on four tabs; Save applies the changes.

    Attributes:
        general, strands, rules, letterhead: the four tabs' fields.
        original: the settings as they were when the dialog opened.

    Signals:
        saved: carries the changes made, in plain words (a list of str).
    """

    def __init__(
        self,
        parent: QWidget | None,
        programme_file: ProgrammeFile,
        programme_id: int,
        values: ProgrammeInput,
    ) -> None:
        super().__init__(
            parent,
            programme_file,
            lambda session, changes: edit_programme(session, programme_id, changes),
        )
        self.setObjectName("programme_settings")
        self.setWindowTitle(f"Settings of {values.name}")
        self.original = values
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings_tabs")
        self.general = ProgrammeFields(self)
        self.strands = StrandsTable(self)
        self.rules = RulesFields(self)
        self.letterhead = LetterheadFields(self)
        for page, title in (
            (self.general, "&General"),
            (self.strands, "St&rands"),
            (self.rules, "&Matching"),
            (self.letterhead, "&Letterhead"),
        ):
            self.tabs.addTab(self._at_top(page), title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(save_buttons(self))
        self.general.show_values(values)
        self.strands.set_strands(list(values.strands))
        self.rules.show_values(values)
        self.letterhead.show_values(values)
        self.resize(820, 560)

    def _at_top(self, page: QWidget) -> QWidget:
        if isinstance(page, StrandsTable):
            return page  # the table takes the height
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.addWidget(page)
        layout.addStretch(1)
        return holder

    def stops_applications(self) -> bool:
        """Whether the strands shown leave none taking applications where one did before.

        Saving is still allowed (a programme may close for good), with a warning.
        """
        before = any(not strand.retired for strand in self.original.strands)
        return before and all(strand.retired for strand in self.strands.strands())

    def values(self) -> ProgrammeInput:
        """The settings as the dialog shows them."""
        shown = self.general.read_into(self.original)
        # Stages are changed in Programme ▸ Career stages…: None leaves them as they are.
        shown = replace(shown, strands=self.strands.strands(), stages=None)
        shown = self.rules.read_into(shown)
        return self.letterhead.read_into(shown)


#: What the status bar adds when the settings saved leave no strand taking applications.
NO_STRAND_TAKING = (
    "No strand takes applications now: none can be added or imported until a strand is "
    "restored or added (Programme ▸ Settings… ▸ Strands)."
)


#: The longest single change the status bar says whole; longer ones, or several, get a window.
STATUS_FITS = 90


def changes_listed(changes: list[str]) -> bool:
    """Whether the changes are too many or too long for the status bar, and get a window."""
    return len(changes) > 1 or any(len(change) > STATUS_FITS for change in changes)


def changes_text(changes: list[str], *, stops_applications: bool = False) -> str:
    """What the status bar says once settings are saved: short enough to read whole.

    Args:
        changes: the changes made, in plain words.
        stops_applications: no strand takes applications any more, where one did.
    """
    if not changes:
        text = "Nothing was changed."
    elif not changes_listed(changes):
        text = f"Changed: {changes[0]}."
    else:
        text = f"{plural(len(changes), 'change')} saved (listed in the “Settings saved” window)."
    return f"{text} {NO_STRAND_TAKING}" if stops_applications else text


def show_changes(
    parent: QWidget, changes: list[str], *, stops_applications: bool = False
) -> QMessageBox:
    """Open a "Settings saved" window listing every change whole, one per line."""
    box = QMessageBox(parent)
    box.setObjectName("settings_changes")
    box.setWindowTitle("Settings saved")
    box.setIcon(QMessageBox.Icon.Warning if stops_applications else QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    items = "".join(f"<li>{escape(change)}</li>" for change in changes)
    warning = f"<p><b>{escape(NO_STRAND_TAKING)}</b></p>" if stops_applications else ""
    box.setText(f"<p>{escape(plural(len(changes), 'change'))} saved:</p><ul>{items}</ul>{warning}")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_settings(context: WindowContext, on_saved: Callable[[int], None]) -> None:
    """Load the programme shown's settings, then open the Settings dialog on them.

    ``on_saved`` is called with the programme's id once changes are saved (its
    name may have changed); the status bar says what changed, and warns (until
    replaced) when no strand takes applications any more; several or long changes
    are listed whole in a "Settings saved" window.
    """
    programme, programme_file = context.programme(), context.programme_file
    if programme is None or programme_file is None:
        return
    programme_id = programme.id

    def opened(values: ProgrammeInput) -> None:
        dialog = SettingsDialog(context.widget(), programme_file, programme_id, values)

        def saved(changes: list[str]) -> None:
            stops = dialog.stops_applications()
            if stops:
                context.show_status(changes_text(changes, stops_applications=True), 0)
            else:
                context.show_status(changes_text(changes))
            if changes_listed(changes):
                show_changes(context.widget(), changes, stops_applications=stops)
            on_saved(programme_id)

        dialog.saved.connect(saved)
        dialog.open()

    run_op(
        programme_file,
        lambda session: programme_settings(session, programme_id),
        parent=context.widget(),
        on_success=opened,
    )
