"""The applicant form: an address pasted with invisible characters is the same address."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.applicants import ApplicantDialog


def test_the_form_refuses_a_taken_address_pasted_with_a_zero_width_space(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = demo_window.tabs[0]
    taken = tab.model.row_at(0).email
    local, _, domain = taken.partition("@")
    tab.add()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=5000)
    dialog = tab.dialog
    assert isinstance(dialog, ApplicantDialog)
    dialog.ui.first_name.setText("Some\u00adone")
    dialog.ui.email.setText(f"\ufeff{local}\u200b@{domain}\u2060")
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "error_message") is not None)
    box = dialog.findChild(QMessageBox, "error_message")
    assert box.windowTitle() == "Cannot save this change"
    assert f"already uses the email {taken}" in box.text()
    assert dialog.isVisible()
    box.close()
    dialog.reject()
