"""Boxes for a limit that may be left open ("no limit"), as the settings and rules show them."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

#: What a limit's box shows when the limit is left open, as `programme list` says it.
NO_LIMIT_TEXT = "no limit"


def limit_spin(
    parent: QWidget, name: str, *, lowest: int, highest: int, suffix: str = ""
) -> QSpinBox:
    """A box for a limit that may be left open: one below ``lowest`` shows "no limit".

    Args:
        parent: the widget it sits in.
        name: its object name.
        lowest: the smallest limit that can be set (1 mentee, 0 levels).
        highest: the largest.
        suffix: the unit shown after a number (" levels").
    """
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(lowest - 1, highest)
    spin.setSpecialValueText(NO_LIMIT_TEXT)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("n") * 16 + 32)
    return spin


def set_limit(spin: QSpinBox, value: int | None) -> None:
    """Show a limit, or "no limit" for None, in a box made by `limit_spin`."""
    spin.setValue(spin.minimum() if value is None else value)


def limit_value(spin: QSpinBox) -> int | None:
    """The limit a box made by `limit_spin` shows, None for "no limit"."""
    return None if spin.value() == spin.minimum() else spin.value()
