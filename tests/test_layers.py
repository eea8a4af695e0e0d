"""The layers stay apart: nothing below the GUI imports Qt, and no layer imports one above it.

The layers, lowest first (docs/architecture.md): ``domain``; ``store`` and ``formats``
side by side (neither imports the other); ``services``; ``selftest`` (the
installation check both front ends run); ``gui``; and the entry points, the
``cli`` package and ``__main__``. A module may import its own
layer and any layer below it, never one above it or beside it. Only the ``gui``
imports Qt.

Every import form is resolved to the module it loads (``tests/helpers/imports.py``,
which the circle test shares): ``import a.b``, ``from a
import b`` where ``b`` is itself a module (``from mentordesk import gui``),
relative imports of any level (``from ..services import x``, ``from .. import
gui``), imports inside functions or under ``TYPE_CHECKING``, and
``importlib.import_module``/``__import__`` called with a literal name.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mentordesk
from tests.helpers.imports import imports_of, module_of, package_files, write_source

PACKAGE = Path(mentordesk.__file__).parent
QT_FREE = ("domain", "store", "services", "formats")

#: Each layer's height. Layers of the same height that differ (store and formats,
#: cli and __main__) may not import each other either.
LAYERS = {
    "": 0,  # the package itself: its name, version and file suffix
    "domain": 1,
    "store": 2,
    "formats": 2,
    "services": 3,
    "selftest": 4,
    "gui": 5,
    "cli": 6,
    "__main__": 6,
}
#: The only layer that may import Qt.
QT_LAYER = "gui"
QT_PACKAGES = ("PySide6", "shiboken6")

_IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys

imported = []
for name in ("mentordesk.domain", "mentordesk.store", "mentordesk.services", "mentordesk.formats"):
    package = importlib.import_module(name)
    imported.append(name)
    for module in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(module.name)
        imported.append(module.name)
importlib.import_module("mentordesk.cli.app")
imported.append("mentordesk.cli.app")
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": imported, "qt": qt}))
"""


def _module_names(package: str) -> set[str]:
    """Every importable module of a package, found from the files on disk."""
    folder = PACKAGE / package
    names = {f"mentordesk.{package}"}
    for path in folder.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        # Alembic's migration scripts are loaded by Alembic, not imported as modules.
        if "migrations" in parts:
            continue
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_importing_everything_but_the_gui_never_loads_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EVERYTHING],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = set().union(*(_module_names(p) for p in QT_FREE)) | {"mentordesk.cli.app"}
    assert {
        "mentordesk.store.programme_file",
        "mentordesk.store.models",
        "mentordesk.store.cipher",
        "mentordesk.store.lock",
        "mentordesk.services.demo",
    } <= expected
    assert expected <= set(report["imported"])
    assert report["qt"] == []


# The import graph, read from the source ------------------------------------------------------


def layer_of(module: str, root_name: str) -> str | None:
    """The layer a module of the package belongs to ("" for the package itself), or None."""
    parts = module.split(".")
    if parts[0] != root_name:
        return None
    if len(parts) == 1:
        return ""
    top = parts[1]
    return top


def layer_violations(root: Path) -> list[str]:
    """Each import in the package at ``root`` that breaks the layering, as ``file:line: …``."""
    problems = []
    for path in package_files(root):
        where = path.relative_to(root.parent).as_posix()
        module, _ = module_of(path, root)
        layer = layer_of(module, root.name)
        if layer not in LAYERS:
            problems.append(f"{where}: belongs to no layer; give {layer!r} one in LAYERS")
            continue
        for found in imports_of(path, root):
            if found.module.split(".")[0] in QT_PACKAGES and layer != QT_LAYER:
                problems.append(f"{where}:{found.line}: {found.module} (Qt outside the gui)")
                continue
            target = layer_of(found.module, root.name)
            if target is None or target == layer:
                continue
            if target not in LAYERS or LAYERS[target] >= LAYERS[layer]:
                problems.append(f"{where}:{found.line}: {found.module} ({layer} may not import it)")
    return problems


def test_no_module_imports_qt_outside_the_gui_or_a_layer_above_its_own() -> None:
    assert layer_violations(PACKAGE) == []


def test_every_layer_of_the_architecture_has_modules() -> None:
    found = {layer_of(module_of(path, PACKAGE)[0], PACKAGE.name) for path in PACKAGE.rglob("*.py")}
    assert set(LAYERS) <= found


# The checker catches what it is there to catch -----------------------------------------------


def _synthetic_package(tmp_path: Path) -> Path:
    """A package laid out like MentorDesk, every layer present and nothing wrong yet."""
    root = tmp_path / "mentordesk"
    for relative in (
        "__init__.py",
        "__main__.py",
        "cli/__init__.py",
        "cli/app.py",
        "cli/documents.py",
        "selftest.py",
        "domain/__init__.py",
        "domain/errors.py",
        "store/__init__.py",
        "store/models.py",
        "formats/__init__.py",
        "formats/tables.py",
        "services/__init__.py",
        "services/reports.py",
        "services/matching/__init__.py",
        "services/matching/core.py",
        "gui/__init__.py",
        "gui/app.py",
    ):
        write_source(root, relative)
    return root


def test_the_check_catches_every_import_form_of_a_layer_above(tmp_path: Path) -> None:
    root = _synthetic_package(tmp_path)
    write_source(
        root,
        "formats/bad.py",
        "from __future__ import annotations\n"  # 1
        "from typing import TYPE_CHECKING\n"  # 2
        "from mentordesk import APP_NAME\n"  # 3: the package itself, allowed
        "from . import tables\n"  # 4: its own layer, allowed
        "from ..domain import errors\n"  # 5: below, allowed
        "from ..services import reports\n"  # 6
        "from .. import gui\n"  # 7
        "from mentordesk import gui as window\n"  # 8
        "import mentordesk.cli\n"  # 9
        "from mentordesk.store.models import Base\n"  # 10: beside it
        "from ..services.matching.core import allowed\n"  # 11
        "if TYPE_CHECKING:\n"  # 12
        "    from mentordesk.gui.app import App\n"  # 13
        "def later():\n"  # 14
        "    import importlib\n"  # 15
        "    importlib.import_module('mentordesk.services.reports')\n"  # 16
        "    importlib.import_module('..selftest', package='mentordesk.formats')\n"  # 17
        "    __import__('mentordesk.gui.app')\n"  # 18
        "    from PySide6 import QtCore\n",  # 19
    )
    above = [
        (6, "mentordesk.services.reports"),
        (7, "mentordesk.gui"),
        (8, "mentordesk.gui"),
        (9, "mentordesk.cli"),
        (10, "mentordesk.store.models"),
        (11, "mentordesk.services.matching.core"),
        (13, "mentordesk.gui.app"),
        (16, "mentordesk.services.reports"),
        (17, "mentordesk.selftest"),
        (18, "mentordesk.gui.app"),
    ]
    assert layer_violations(root) == [
        *(f"mentordesk/formats/bad.py:{n}: {m} (formats may not import it)" for n, m in above),
        "mentordesk/formats/bad.py:19: PySide6 (Qt outside the gui)",
    ]


@pytest.mark.parametrize(
    ("relative", "text", "imported"),
    [
        ("domain/bad.py", "from ..store import models\n", "mentordesk.store.models"),
        ("domain/bad.py", "from mentordesk import formats\n", "mentordesk.formats"),
        ("store/bad.py", "from ..formats.tables import x\n", "mentordesk.formats.tables"),
        ("store/x/__init__.py", "from ...services import reports\n", "mentordesk.services.reports"),
        ("services/matching/bad.py", "from ...gui import app\n", "mentordesk.gui.app"),
        ("services/bad.py", "from mentordesk import selftest\n", "mentordesk.selftest"),
        ("services/bad.py", "import mentordesk.cli.documents\n", "mentordesk.cli.documents"),
        ("selftest.py", "from .gui import app\n", "mentordesk.gui.app"),
        ("gui/bad.py", "from .. import cli\n", "mentordesk.cli"),
        ("gui/bad.py", "from mentordesk.__main__ import main\n", "mentordesk.__main__"),
        ("cli/app.py", "import mentordesk.__main__\n", "mentordesk.__main__"),
    ],
)
def test_the_check_catches_each_layer_importing_one_above_or_beside_it(
    tmp_path: Path, relative: str, text: str, imported: str
) -> None:
    root = _synthetic_package(tmp_path)
    write_source(root, relative, text)
    problems = layer_violations(root)
    assert len(problems) == 1
    assert problems[0].startswith(f"mentordesk/{relative}:1: {imported} (")


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        ("services/ok.py", "from ..store import models\nfrom ..formats import tables\n"),
        ("services/matching/ok.py", "from .. import reports\nfrom . import core\n"),
        ("gui/ok.py", "from mentordesk import selftest\nfrom PySide6 import QtCore\n"),
        ("cli/app.py", "import importlib\nimportlib.import_module('mentordesk.gui.app')\n"),
        ("__main__.py", "from mentordesk.gui.app import main\n"),
        ("cli/documents.py", "from mentordesk.cli.app import main\n"),
    ],
)
def test_the_check_allows_importing_downwards(tmp_path: Path, relative: str, text: str) -> None:
    root = _synthetic_package(tmp_path)
    write_source(root, relative, text)
    assert layer_violations(root) == []


def test_a_module_outside_every_layer_is_named(tmp_path: Path) -> None:
    root = _synthetic_package(tmp_path)
    write_source(root, "helpers.py", "")
    assert layer_violations(root) == [
        "mentordesk/helpers.py: belongs to no layer; give 'helpers' one in LAYERS"
    ]


def test_a_throwaway_module_in_a_copy_of_mentordesk_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "mentordesk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert layer_violations(copy) == []
    write_source(copy, "formats/throwaway.py", "def f():\n    from ..services import drafts\n")
    assert layer_violations(copy) == [
        "mentordesk/formats/throwaway.py:2: mentordesk.services.drafts (formats may not import it)"
    ]
