"""Help › About MentorDesk: the version, where the coordinator's files live, and the licences."""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME, FILE_SUFFIX, __version__
from mentordesk.gui.icons import APP_ICON
from mentordesk.store.backups import backups_folder, list_backups
from mentordesk.store.cipher import read_build_facts
from mentordesk.store.programme_file import SCHEMA_REVISION

TAGLINE = (
    "Run a research mentoring programme from one laptop: applicants, pairings, training, "
    "events and confidential notes in one encrypted file."
)


@dataclass(frozen=True)
class Component:
    """One part MentorDesk is built from, as listed under Licences.

    Attributes:
        name: the library's or part's name.
        version: its version, or "" when unknown.
        licence: its licence, as an SPDX expression where one is known.
        purpose: what MentorDesk uses it for, in a few words.
    """

    name: str
    version: str
    licence: str
    purpose: str


#: The Python libraries MentorDesk ships with: (distribution, what for, licence to show
#: when the library's own metadata does not name it in a few words).
LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("PySide6-Essentials", "Qt for Python: the window", "LGPL-3.0-only"),
    ("shiboken6", "Qt for Python's bindings", "LGPL-3.0-only"),
    ("SQLAlchemy", "database access", "MIT"),
    ("sqlcipher3", "the encrypted file (SQLCipher and OpenSSL inside)", "Zlib"),
    ("alembic", "upgrading older programme files", "MIT"),
    ("Mako", "used by alembic", "MIT"),
    ("MarkupSafe", "used by Mako", "BSD-3-Clause"),
    ("openpyxl", "writing Excel workbooks", "MIT"),
    ("et_xmlfile", "used by openpyxl", "MIT"),
    ("lxml", "fast XML for openpyxl", "BSD-3-Clause"),
    ("python-calamine", "reading spreadsheets", "MIT"),
    ("defusedxml", "refusing hostile XML", "PSF-2.0"),
    ("reportlab", "PDF reports", "BSD-3-Clause"),
    ("pillow", "images in PDF reports", "MIT-CMU"),
    ("icalendar", "calendar (.ics) files", "BSD-2-Clause"),
    ("python-dateutil", "used by icalendar", "Apache-2.0 OR BSD-3-Clause"),
    ("tzdata", "the time-zone database", "Apache-2.0"),
    ("scipy", "the matching engine's solver", "BSD-3-Clause"),
    ("numpy", "used by SciPy", "BSD-3-Clause"),
)
#: Longest text from a library's "License" field that is shown as it is; longer ones
#: are the whole licence text, and the table above says it in a word instead.
_SHORT_LICENCE = 48
#: What the settings file holds, so nobody need wonder.
SETTINGS_NOTE = (
    "Window size and layout, recent files (paths only) and the folders last used. "
    "Never a passphrase or anything about a person."
)


def licence_of(distribution: str, fallback: str) -> str:
    """The licence a library declares, in a few words, or ``fallback`` when it does not say."""
    try:
        metadata = importlib.metadata.metadata(distribution)
    except importlib.metadata.PackageNotFoundError:
        return fallback
    expression = metadata.get("License-Expression")
    if expression:
        return str(expression)
    declared = str(metadata.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= _SHORT_LICENCE:
        return "PSF-2.0" if declared == "PSFL" else declared
    return fallback


def version_of(distribution: str) -> str:
    """A library's installed version, or "" when it is not installed."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def sqlcipher_versions() -> tuple[str, str]:
    """SQLCipher's version and that of the OpenSSL it encrypts with (from the library itself)."""
    import sqlcipher3

    version = read_build_facts().cipher_version
    connection = sqlcipher3.connect(":memory:")
    try:
        # The provider answers only on a keyed database; this one is in memory and thrown away.
        connection.execute("PRAGMA key = 'about'")
        row = connection.execute("PRAGMA cipher_provider_version").fetchone()
    finally:
        connection.close()
    return version, str(row[0]) if row and row[0] else ""


def components() -> list[Component]:
    """MentorDesk and everything it is built from, with versions and licences."""
    cipher, openssl = sqlcipher_versions()
    parts = [
        Component(APP_NAME, __version__, "MIT", "this program"),
        Component("Python", platform.python_version(), "PSF-2.0", "the language"),
        Component("Qt", qVersion(), "LGPL-3.0-only", "the window toolkit"),
        Component("SQLCipher", cipher.split()[0] if cipher else "", "BSD-3-Clause", "encryption"),
        Component("OpenSSL", openssl.split()[1] if openssl else "", "Apache-2.0", "cryptography"),
    ]
    parts += [
        Component(name, version_of(name), licence_of(name, fallback), purpose)
        for name, purpose, fallback in LIBRARIES
    ]
    if files("mentordesk").joinpath("resources", "DejaVuSans.ttf").is_file():
        parts.append(Component("DejaVu Sans", "", "Bitstream-Vera", "the font of PDF reports"))
    parts.append(Component(f"{APP_NAME} icons", __version__, "MIT", "toolbar and window icons"))
    return parts


def settings_location() -> str:
    """Where QSettings keeps MentorDesk's settings (a file, or a registry key on Windows)."""
    return QSettings().fileName()


def file_details(programme_path: Path | None, *, demo: bool = False) -> list[tuple[str, str]]:
    """Where the open file, its backups and the settings are, as (label, text) lines."""
    if programme_path is None:
        lines = [
            ("Programme file", "No file is open."),
            (
                "Backups",
                f"Kept in a folder beside each programme file, named after it: "
                f"“name{FILE_SUFFIX}.backups”.",
            ),
        ]
    else:
        folder = backups_folder(programme_path)
        backups = list_backups(programme_path) if folder.is_dir() else []
        if backups:
            newest = max(b.made_at for b in backups).astimezone()
            count = f"{len(backups)} backup{'s' if len(backups) != 1 else ''}"
            summary = f"{folder}\n{count}, the newest {newest:%d %B %Y %H:%M}"
        else:
            summary = f"{folder}\nNo backup yet."
        shown = f"{programme_path}\n(the demo: deleted when MentorDesk closes)" if demo else ""
        lines = [("Programme file", shown or str(programme_path)), ("Backups", summary)]
    lines.append(("Settings", f"{settings_location()}\n{SETTINGS_NOTE}"))
    lines.append(("Logs", "MentorDesk keeps no log files."))
    return lines


def version_details() -> list[tuple[str, str]]:
    """The versions a support request needs, as (label, text) lines."""
    cipher, openssl = sqlcipher_versions()
    build = "installed package" if getattr(sys, "frozen", False) else "from Python sources"
    return [
        (APP_NAME, f"{__version__} ({build}); file layout {SCHEMA_REVISION}"),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt", f"{qVersion()} (PySide6 {version_of('PySide6-Essentials')})"),
        ("SQLCipher", f"{cipher}, {openssl}" if openssl else cipher),
        ("System", platform.platform()),
        ("Program", sys.executable),
    ]


def details_text(programme_path: Path | None, *, demo: bool = False) -> str:
    """Everything the dialog shows, as plain text for a support email."""
    lines = [f"{APP_NAME} {__version__}", ""]
    for label, text in [*version_details(), *file_details(programme_path, demo=demo)]:
        first, *rest = text.splitlines()
        lines.append(f"{label}: {first}")
        lines += [f"    {line}" for line in rest]
    lines += ["", "Built with:"]
    lines += [f"  {c.name} {c.version} — {c.licence}".replace("  — ", " — ") for c in components()]
    return "\n".join(lines) + "\n"


class AboutDialog(QDialog):
    """About MentorDesk: version, where the files live, and the libraries with their licences.

    Attributes:
        programme_path: the open programme file, if any.
        tabs: the Your files, Versions and Licences pages.
        licences: the table of components.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        programme_path: Path | None = None,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(f"About {APP_NAME}")
        self.programme_path = programme_path
        self.demo = demo
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("about_tabs")
        self.tabs.addTab(
            self._form(file_details(programme_path, demo=demo), folders=True), "Your files"
        )
        self.tabs.addTab(self._form(version_details()), "Versions")
        self.licences = self._licence_table()
        self.tabs.addTab(self.licences, "Licences")
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(
            "&Copy details", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copy_details")
        self.copy_button.setToolTip(
            "Copy the versions and file locations, e.g. for a support email"
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(780, 540)

    def _header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(QIcon(APP_ICON).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        header.addWidget(icon)
        title = QLabel(
            f"<h2 style='margin:0'>{APP_NAME} {__version__}</h2><p>{TAGLINE}</p>"
            f"<p>Free software under the MIT licence.</p>",
            self,
        )
        title.setObjectName("about_title")
        title.setWordWrap(True)
        header.addWidget(title, 1)
        return header

    def _form(self, lines: list[tuple[str, str]], *, folders: bool = False) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, text in lines:
            value = QLabel(text, page)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"about_{label.lower().replace(' ', '_')}")
            row: QWidget = value
            folder = self._folder_of(label) if folders else None
            if folder is not None:
                row = QWidget(page)
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(value, 1)
                button = QPushButton("Show folder", row)
                button.setObjectName(f"show_{label.lower().replace(' ', '_')}_folder")
                button.setToolTip(str(folder))
                button.clicked.connect(lambda _checked=False, f=folder: self.show_folder(f))
                line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            form.addRow(f"{label}:", row)
        return page

    def _folder_of(self, label: str) -> Path | None:
        if self.programme_path is None:
            return None
        if label == "Programme file":
            return self.programme_path.parent
        folder = backups_folder(self.programme_path)
        return folder if label == "Backups" and folder.is_dir() else None

    def _licence_table(self) -> QTableWidget:
        parts = components()
        table = QTableWidget(len(parts), 4, self)
        table.setObjectName("licences")
        table.setHorizontalHeaderLabels(["Component", "Version", "Used for", "Licence"])
        for row, part in enumerate(parts):
            for column, text in enumerate((part.name, part.version, part.purpose, part.licence)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def details(self) -> str:
        """The dialog's content as plain text."""
        return details_text(self.programme_path, demo=self.demo)

    def copy_details(self) -> None:
        """Put the details on the clipboard (versions and paths only: nothing personal)."""
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText("Copied")

    def show_folder(self, folder: Path) -> None:
        """Open a folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(
    parent: QWidget, programme_path: Path | None = None, *, demo: bool = False
) -> AboutDialog:
    """Open the About dialog (window-modal) and return it."""
    dialog = AboutDialog(parent, programme_path, demo=demo)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
