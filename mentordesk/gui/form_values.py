"""Move values between form widgets and the services' Input dataclasses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QSpinBox

#: A date edit at this date shows "—" and means "no date".
NO_DATE = QDate(1900, 1, 1)
BLANK = "—"
#: The attribute naming the enumeration a combo offers (see :func:`combo_value`).
_ENUM_TYPE = "_mentordesk_enum_type"


def fill_combo(
    combo: QComboBox, choices: Iterable[tuple[str, Any]], *, blank: bool = False
) -> None:
    """Offer ``(text, value)`` choices, optionally after a blank one meaning "none"."""
    combo.clear()
    if blank:
        combo.addItem(BLANK, None)
    for text, value in choices:
        combo.addItem(text, value)


def fill_enum_combo(combo: QComboBox, members: Iterable[Any], *, blank: bool = False) -> None:
    """Offer an enumeration's members by their labels."""
    members = list(members)
    fill_combo(combo, ((m.label, m) for m in members), blank=blank)
    if members:
        setattr(combo, _ENUM_TYPE, type(members[0]))


def select_value(combo: QComboBox, value: Any) -> None:
    """Select the choice holding ``value`` (the first choice if none does)."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return
    combo.setCurrentIndex(0 if combo.count() else -1)


def combo_value(combo: QComboBox) -> Any:
    """The value of the selected choice, or None.

    Qt hands a ``StrEnum`` member back as a plain ``str``; a combo filled by
    :func:`fill_enum_combo` turns it back into the member, so ``is`` comparisons hold.
    """
    value = combo.currentData()
    enum_type = getattr(combo, _ENUM_TYPE, None)
    if enum_type is not None and isinstance(value, str):
        return enum_type(value)
    return value


def prepare_date(edit: QDateEdit, *, optional: bool = True) -> None:
    """Let an optional date edit show "—" for no date."""
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(BLANK)


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    """Show a date, or "—" for none."""
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


def date_value(edit: QDateEdit) -> dt.date | None:
    """The date shown, or None for "—"."""
    value = edit.date()
    if value == NO_DATE and edit.specialValueText():
        return None
    return dt.date(value.year(), value.month(), value.day())


def prepare_count(spin: QSpinBox, maximum: int = 9999) -> None:
    """Let a spin box show "—" for no number."""
    spin.setRange(0, maximum)
    spin.setSpecialValueText(BLANK)


def set_count(spin: QSpinBox, value: int | None) -> None:
    """Show a number, or "—" for none."""
    spin.setValue(0 if value is None else value)


def count_value(spin: QSpinBox) -> int | None:
    """The number shown, or None for "—"."""
    return None if spin.value() == 0 else spin.value()


def plain_text(edit: QPlainTextEdit) -> str:
    """The text typed in a multi-line field."""
    return edit.toPlainText()
