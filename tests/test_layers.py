"""The layers stay apart: nothing below the GUI imports Qt, and no layer imports one above it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import mentordesk

PACKAGE = Path(mentordesk.__file__).parent
QT_FREE = ("domain", "store", "services", "formats")

#: What each Qt-free package may never import: the layers above it.
FORBIDDEN = {
    "domain": ("mentordesk.store", "mentordesk.services", "mentordesk.formats"),
    "store": ("mentordesk.services", "mentordesk.formats"),
    "services": (),
    "formats": (),
}
ALWAYS_FORBIDDEN = ("PySide6", "shiboken6", "mentordesk.gui", "mentordesk.cli")

_IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys

imported = []
for name in ("mentordesk.domain", "mentordesk.store", "mentordesk.services", "mentordesk.formats"):
    package = importlib.import_module(name)
    imported.append(name)
    for module in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(module.name)
        imported.append(module.name)
importlib.import_module("mentordesk.cli")
imported.append("mentordesk.cli")
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
    expected = set().union(*(_module_names(p) for p in QT_FREE)) | {"mentordesk.cli"}
    assert {
        "mentordesk.store.programme_file",
        "mentordesk.store.models",
        "mentordesk.store.cipher",
        "mentordesk.store.lock",
        "mentordesk.services.demo",
    } <= expected
    assert expected <= set(report["imported"])
    assert report["qt"] == []


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, with its line, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


@pytest.mark.parametrize("package", QT_FREE)
def test_no_qt_free_module_imports_qt_or_a_layer_above_it(package: str) -> None:
    files = sorted((PACKAGE / package).rglob("*.py"))
    assert files
    forbidden = ALWAYS_FORBIDDEN + FORBIDDEN[package]
    offending = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {module}"
        for path in files
        for line, module in _imports(path)
        if any(module == f or module.startswith(f + ".") for f in forbidden)
    ]
    assert offending == []


def test_the_import_check_catches_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "def later():\n"
        "    from PySide6.QtCore import QObject\n"
        "    import importlib; importlib.import_module('shiboken6')\n",
        encoding="utf-8",
    )
    assert [m for _, m in _imports(sample)] == ["os", "PySide6.QtCore", "importlib", "shiboken6"]
