"""Help › About: version, where the files and backups live, and the bundled licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from mentordesk import __version__
from mentordesk.gui import about
from mentordesk.gui.about import LIBRARIES, AboutDialog, components, licence_of
from mentordesk.gui.main_window import MainWindow
from mentordesk.store.programme_file import ProgrammeFile


def _label(dialog: AboutDialog, name: str) -> str:
    widget = dialog.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def test_the_dialog_names_the_open_file_its_backups_and_the_settings(
    qtbot: QtBot, programme_file: ProgrammeFile, private_settings: Path, passphrase: str
) -> None:
    programme_file.backup("manual")
    programme_file.backup("opened")
    dialog = AboutDialog(None, programme_file.path)
    qtbot.addWidget(dialog)
    assert _label(dialog, "about_programme_file") == str(programme_file.path)
    backups = _label(dialog, "about_backups")
    assert backups.startswith(f"{programme_file.path}.backups\n")
    assert "2 backups, the newest" in backups
    settings = _label(dialog, "about_settings")
    assert settings.startswith(QSettings().fileName())
    assert str(private_settings) in settings
    assert "Never a passphrase" in settings
    assert __version__ in _label(dialog, "about_title")
    assert dialog.findChild(QPushButton, "show_backups_folder") is not None

    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.details()
    assert f"MentorDesk {__version__}" in copied
    assert f"Programme file: {programme_file.path}" in copied
    assert "SQLCipher: 4." in copied
    assert "sqlcipher3 0.6" in copied
    assert passphrase not in copied
    assert dialog.copy_button.text() == "Copied"


def test_with_no_file_open_it_says_where_backups_go(qtbot: QtBot) -> None:
    dialog = AboutDialog(None, None)
    qtbot.addWidget(dialog)
    assert _label(dialog, "about_programme_file") == "No file is open."
    assert "name.mentordesk.backups" in _label(dialog, "about_backups")
    assert dialog.findChild(QPushButton, "show_backups_folder") is None


def test_the_licence_table_lists_every_bundled_library_with_version_and_licence(
    qtbot: QtBot,
) -> None:
    dialog = AboutDialog(None, None)
    qtbot.addWidget(dialog)
    table = dialog.licences
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 3).text())
        for r in range(table.rowCount())
    }
    for name, _purpose, _fallback in LIBRARIES:
        version, licence = rows[name]
        assert version, name
        assert licence, name
        assert len(licence) < 80, name  # a short name, never the licence's whole text
    assert rows["MentorDesk"] == (__version__, "MIT")
    assert rows["SQLCipher"][0].startswith("4.")
    assert rows["OpenSSL"][0].startswith("3.")
    assert rows["scipy"][1] == "BSD-3-Clause"  # its metadata holds the whole licence text
    assert table.rowCount() == len(components())


def test_licences_come_from_metadata_or_the_fallback() -> None:
    assert licence_of("SQLAlchemy", "fallback") == "MIT"
    assert licence_of("defusedxml", "fallback") == "PSF-2.0"
    assert licence_of("reportlab", "BSD-3-Clause") == "BSD-3-Clause"
    assert licence_of("no-such-library-here", "Zlib") == "Zlib"


def test_help_about_opens_the_dialog_on_the_open_file(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile, monkeypatch
) -> None:
    window.programme_file = programme_file
    opened: list[AboutDialog] = []
    real = about.show_about

    def spy(*args: object, **kwargs: object) -> AboutDialog:
        dialog = real(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(dialog)
        return dialog

    monkeypatch.setattr(about, "show_about", spy)
    window.about_action.trigger()
    try:
        assert len(opened) == 1
        assert opened[0].programme_path == programme_file.path
        assert opened[0].isVisible()
        assert opened[0].parent() is window
    finally:
        window.programme_file = None
        opened[0].close()
