"""No two modules of MentorDesk import each other, directly or round a loop, and none is too long.

Every import counts, in every form the layer test resolves (``tests/helpers/imports.py``):
relative or absolute, ``from a import module``, inside a function, under
``TYPE_CHECKING``, or through ``importlib.import_module``/``__import__`` with a
literal name. A type-only import is a dependency too: a circle is designed away,
not hidden. A package's ``__init__`` importing its own modules counts like any
other module.

A module longer than 800 lines is named as well, except the forms compiled from
Qt Designer (``gui/forms``) and the migration scripts (``store/migrations``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import mentordesk
from tests.helpers.imports import imports_of, module_of, package_files, write_source

PACKAGE = Path(mentordesk.__file__).parent
#: The most lines a module may have.
MAX_LINES = 800
#: Folders (relative to the package) whose modules are written by tools, not by hand.
GENERATED = ("gui/forms", "store/migrations")


@dataclass(frozen=True)
class Circle:
    """Modules that import each other round a loop, and the imports that close it.

    Attributes:
        modules: the modules in the circle, by name.
        imports: each import from one of them to another, as ``file:line imports module``.
    """

    modules: tuple[str, ...]
    imports: tuple[str, ...]

    def __str__(self) -> str:
        lines = [" <-> ".join(self.modules), *(f"    {i}" for i in self.imports)]
        return "\n".join(lines)


def _known(name: str, modules: set[str]) -> str | None:
    """The module of the package that importing ``name`` loads: itself or its nearest parent."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(root: Path) -> dict[str, dict[str, str]]:
    """Each module of the package at ``root`` and the modules of it that it imports.

    Returns:
        For each module, the modules it imports, each with where the first such
        import is written (``file:line``).
    """
    files = {module_of(path, root)[0]: path for path in package_files(root)}
    graph: dict[str, dict[str, str]] = {}
    for module, path in files.items():
        where = path.relative_to(root.parent).as_posix()
        edges: dict[str, str] = {}
        for found in imports_of(path, root):
            target = _known(found.module, set(files))
            if target is not None and target != module:
                edges.setdefault(target, f"{where}:{found.line}")
        graph[module] = edges
    return graph


def _strongly_connected(graph: dict[str, dict[str, str]]) -> list[list[str]]:
    """The groups of modules that reach each other (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
    return groups


def import_circles(root: Path) -> list[Circle]:
    """Every circle of imports between the modules of the package at ``root``."""
    graph = import_graph(root)
    circles = []
    for group in _strongly_connected(graph):
        if len(group) < 2:
            continue
        members = set(group)
        imports = tuple(
            f"{where} imports {target}"
            for module in group
            for target, where in sorted(graph[module].items())
            if target in members
        )
        circles.append(Circle(tuple(group), imports))
    return sorted(circles, key=lambda circle: circle.modules)


def long_modules(root: Path) -> list[str]:
    """Each hand-written module of the package at ``root`` over the limit, with its length."""
    found = []
    for path in package_files(root):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(tuple(f"{folder}/" for folder in GENERATED)):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append(f"{root.name}/{relative} has {lines} lines (over {MAX_LINES})")
    return found


def test_no_modules_of_mentordesk_import_each_other() -> None:
    circles = import_circles(PACKAGE)
    assert circles == [], "import circles:\n" + "\n".join(map(str, circles))


def test_no_hand_written_module_of_mentordesk_is_over_800_lines() -> None:
    found = long_modules(PACKAGE)
    assert found == [], "too long:\n" + "\n".join(found)


# The checks catch what they are there to catch ------------------------------------------------


def _package(tmp_path: Path) -> Path:
    """A small package with a subpackage, importing only downwards: no circle yet."""
    root = tmp_path / "pkg"
    write_source(root, "__init__.py")
    write_source(root, "low.py", "import json\n")
    write_source(root, "high.py", "from pkg.low import x\nfrom . import low\n")
    write_source(root, "sub/__init__.py")
    write_source(root, "sub/deep.py", "from ..high import y\nfrom pkg import low\n")
    return root


def test_a_package_importing_only_downwards_has_no_circle(tmp_path: Path) -> None:
    assert import_circles(_package(tmp_path)) == []


@pytest.mark.parametrize(
    "back",
    [
        "from pkg.high import y\n",
        "from . import high\n",
        "from .high import y\n",
        "import pkg.high\n",
        "from pkg import high as above\n",
        "from pkg.sub import deep\n",
        "from .sub.deep import z\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.high import Y\n",
        "def later():\n    from .high import y\n",
        "import importlib\nimportlib.import_module('pkg.high')\n",
        "import importlib\nimportlib.import_module('.high', package='pkg')\n",
        "__import__('pkg.sub.deep')\n",
    ],
)
def test_an_import_back_up_in_any_form_closes_a_circle(tmp_path: Path, back: str) -> None:
    root = _package(tmp_path)
    write_source(root, "low.py", "import json\n" + back)
    circles = import_circles(root)
    assert len(circles) == 1
    assert "pkg.low" in circles[0].modules
    assert "pkg.high" in circles[0].modules
    assert any(i.startswith("pkg/low.py:") for i in circles[0].imports)


def test_a_circle_round_three_modules_names_each_import(tmp_path: Path) -> None:
    root = _package(tmp_path)
    write_source(root, "low.py", "def later():\n    from pkg.sub.deep import z\n")
    assert import_circles(root) == [
        Circle(
            ("pkg.high", "pkg.low", "pkg.sub.deep"),
            (
                "pkg/high.py:1 imports pkg.low",
                "pkg/low.py:2 imports pkg.sub.deep",
                "pkg/sub/deep.py:1 imports pkg.high",
                "pkg/sub/deep.py:2 imports pkg.low",
            ),
        )
    ]


def test_a_package_init_importing_a_module_that_imports_it_is_a_circle(tmp_path: Path) -> None:
    root = _package(tmp_path)
    write_source(root, "sub/__init__.py", "from .deep import z\n")
    write_source(root, "sub/deep.py", "from pkg.sub import VERSION\n")
    assert [c.modules for c in import_circles(root)] == [("pkg.sub", "pkg.sub.deep")]


def test_two_separate_circles_are_named_apart(tmp_path: Path) -> None:
    root = _package(tmp_path)
    write_source(root, "low.py", "from pkg import high\n")
    write_source(root, "sub/__init__.py", "from . import deep\n")
    write_source(root, "sub/deep.py", "import pkg.sub\n")
    assert [c.modules for c in import_circles(root)] == [
        ("pkg.high", "pkg.low"),
        ("pkg.sub", "pkg.sub.deep"),
    ]


def test_modules_over_800_lines_are_named_unless_generated(tmp_path: Path) -> None:
    root = _package(tmp_path)
    write_source(root, "services/full.py", "x = 1\n" * 800)
    write_source(root, "services/long.py", "x = 1\n" * 801)
    write_source(root, "gui/forms/ui_form.py", "x = 1\n" * 2000)
    write_source(root, "store/migrations/versions/0001_first.py", "x = 1\n" * 2000)
    write_source(root, "gui/forms_helper.py", "x = 1\n" * 900)
    assert long_modules(root) == [
        "pkg/gui/forms_helper.py has 900 lines (over 800)",
        "pkg/services/long.py has 801 lines (over 800)",
    ]


def test_a_throwaway_circle_in_a_copy_of_mentordesk_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "mentordesk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = import_circles(copy)
    assert before == import_circles(PACKAGE)
    write_source(
        copy,
        "domain/throwaway.py",
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from mentordesk.domain.errors import MentorDeskError\n",
    )
    errors = copy / "domain" / "errors.py"
    errors.write_text(
        errors.read_text(encoding="utf-8") + "\n\ndef _later():\n    from . import throwaway\n",
        encoding="utf-8",
    )
    added = [c for c in import_circles(copy) if c not in before]
    assert [c.modules for c in added] == [
        ("mentordesk.domain.errors", "mentordesk.domain.throwaway")
    ]
    assert added[0].imports[1] == (
        "mentordesk/domain/throwaway.py:3 imports mentordesk.domain.errors"
    )
