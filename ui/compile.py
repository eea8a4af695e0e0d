"""Compile the Qt Designer forms in ui/ into mentordesk/gui/forms/ui_<name>.py.

It also compiles resources/mentordesk.qrc (the icons) into
mentordesk/gui/forms/rc_mentordesk.py. Run ``python ui/compile.py`` after
changing a .ui file or an icon and commit the result.
The output is normalised (no uic version line) so that regenerating an
unchanged form gives the same bytes; tests/gui/test_forms.py checks that.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
FORMS_DIR = UI_DIR.parent / "mentordesk" / "gui" / "forms"
RESOURCES = UI_DIR.parent / "resources" / "mentordesk.qrc"
HEADER = "# do not edit — generated from ui/{name}.ui by ui/compile.py\n"
RESOURCE_HEADER = "# do not edit — generated from resources/{name}.qrc by ui/compile.py\n"


def tool_command(tool: str) -> list[str]:
    """A PySide6 tool (pyside6-uic, pyside6-rcc) beside this Python, or the one on PATH."""
    beside = Path(sys.executable).with_name(tool)
    if beside.exists():
        return [str(beside)]
    found = shutil.which(tool)
    if found is None:
        raise SystemExit(f"{tool} not found: install PySide6 in this environment.")
    return [found]


def normalise(source: str, name: str, header: str = HEADER) -> str:
    """Generated code under the "do not edit" header, without uic's own banner.

    The banner names the uic version, so dropping it keeps the output the same
    across PySide6 releases that generate the same code.
    """
    lines = source.splitlines()
    while lines and (not lines[0].strip() or lines[0].startswith("#")):
        lines.pop(0)
    return header.format(name=name) + "\n" + "\n".join(lines).rstrip() + "\n"


def compile_form(ui_file: Path, out_dir: Path) -> Path:
    """Generate one form module and return its path."""
    result = subprocess.run(
        [*tool_command("pyside6-uic"), "--generator", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    target = out_dir / f"ui_{ui_file.stem}.py"
    target.write_text(normalise(result.stdout, ui_file.stem), encoding="utf-8", newline="\n")
    return target


def compile_resources(qrc_file: Path, out_dir: Path) -> Path:
    """Generate the resource module (format 1, uncompressed: the same bytes every time)."""
    result = subprocess.run(
        [
            *tool_command("pyside6-rcc"),
            "--format-version",
            "1",
            "--no-compress",
            "--generator",
            "python",
            str(qrc_file),
        ],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    target = out_dir / f"rc_{qrc_file.stem}.py"
    code = normalise(result.stdout, qrc_file.stem, RESOURCE_HEADER)
    target.write_text(code, encoding="utf-8", newline="\n")
    return target


def compile_all(out_dir: Path = FORMS_DIR) -> list[Path]:
    """Generate every form in ui/ into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    init = out_dir / "__init__.py"
    if not init.exists():
        init.write_text(
            '"""Forms generated from ui/*.ui by ui/compile.py; do not edit."""\n', encoding="utf-8"
        )
    forms = [compile_form(ui_file, out_dir) for ui_file in sorted(UI_DIR.glob("*.ui"))]
    return [*forms, compile_resources(RESOURCES, out_dir)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FORMS_DIR, help="where to write the modules")
    args = parser.parse_args()
    for path in compile_all(args.out):
        print(path.relative_to(args.out.parent) if args.out == FORMS_DIR else path)


if __name__ == "__main__":
    main()
