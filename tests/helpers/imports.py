"""The import graph of a package, read from its source: what each module imports.

Every import form is resolved to the module it loads: ``import a.b``, ``from a
import b`` where ``b`` is itself a module (``from mentordesk import gui``),
relative imports of any level (``from ..services import x``, ``from .. import
gui``), imports inside functions or under ``TYPE_CHECKING``, and
``importlib.import_module``/``__import__`` called with a literal name.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    """One module a file imports, resolved to its full dotted name."""

    line: int
    module: str


def package_files(root: Path) -> Iterator[Path]:
    """Every Python file of the package at ``root``, in a stable order."""
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield path


def module_of(path: Path, root: Path) -> tuple[str, bool]:
    """The dotted name of the module in ``path`` and whether it is a package's ``__init__``."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def is_module(name: str, root: Path) -> bool:
    """Whether ``name`` is a module or package of the package at ``root``."""
    parts = name.split(".")
    if parts[0] != root.name:
        return False
    folder = root.parent.joinpath(*parts)
    return folder.with_suffix(".py").is_file() or (folder / "__init__.py").is_file()


def _absolute(name: str, level: int, module: str, is_package: bool) -> str:
    """The absolute name of ``from <level dots><name>`` written in ``module``."""
    if level == 0:
        return name
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, name] if name else base)


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dynamic_import(call: ast.Call) -> tuple[str, str | None] | None:
    """``importlib.import_module(name, package)`` or ``__import__(name)`` with a literal name."""
    func = call.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if called not in ("import_module", "__import__") or not call.args:
        return None
    name = _literal(call.args[0])
    if name is None:
        return None
    package = _literal(call.args[1]) if len(call.args) > 1 else None
    for keyword in call.keywords:
        if keyword.arg == "package":
            package = _literal(keyword.value)
    return name, package


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every module the file at ``path`` (inside the package at ``root``) imports.

    Wherever the import is written (module level, inside a function, under
    ``TYPE_CHECKING``), and in whatever form, each name is resolved to the
    module it loads: ``from a import b`` is ``a.b`` when that is a module of the
    package, else ``a``.
    """
    module, is_package = module_of(path, root)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, module, is_package)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                target = submodule if alias.name != "*" and is_module(submodule, root) else base
                found.append(Import(node.lineno, target))
        elif isinstance(node, ast.Call) and (dynamic := _dynamic_import(node)):
            name, package = dynamic
            if name.startswith("."):
                if package is None:
                    continue
                level = len(name) - len(name.lstrip("."))
                name = _absolute(name[level:], level, package, True)
            found.append(Import(node.lineno, name))
    return sorted(found, key=lambda found: found.line)


def write_source(root: Path, relative: str, text: str = "") -> None:
    """Write a module of a throw-away package, making its folders."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
