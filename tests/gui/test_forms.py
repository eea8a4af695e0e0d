"""The committed form modules are exactly what ui/compile.py makes from ui/*.ui."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "mentordesk" / "gui" / "forms"


def _compile_module():
    spec = importlib.util.spec_from_file_location("ui_compile", ROOT / "ui" / "compile.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ui_compile", module)
    spec.loader.exec_module(module)
    return module


def test_committed_forms_match_a_fresh_compile(tmp_path: Path) -> None:
    generated = _compile_module().compile_all(tmp_path)
    assert generated, "ui/ holds no .ui files"
    fresh = {p.name: p.read_bytes() for p in tmp_path.glob("*.py")}
    committed = {p.name: p.read_bytes() for p in FORMS.glob("*.py")}
    assert sorted(fresh) == sorted(committed)
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"run `python ui/compile.py` and commit: {stale} differ"


@pytest.mark.parametrize("path", sorted(FORMS.glob("ui_*.py")), ids=lambda p: p.name)
def test_generated_form_says_do_not_edit_and_carries_no_uic_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# do not edit — generated from ui/{path.stem[3:]}.ui by ui/compile.py")
    assert "Qt User Interface Compiler version" not in text


def test_form_widgets_have_snake_case_names() -> None:
    for ui_file in sorted((ROOT / "ui").glob("*.ui")):
        text = ui_file.read_text(encoding="utf-8")
        for generic in ("lineEdit", "comboBox", "pushButton", "label_", "widget_", "spinBox"):
            assert f'name="{generic}' not in text, f"{ui_file.name} has a {generic} name"
