"""The frozen application: build dist/MentorDesk with packaging/build.py and run it headless.

Not part of the default run (pyproject's addopts ignore this file): it needs the
``packaging`` extra and a minute or two of both cores. ``python3 dev.py bundle``
installs the extra and runs it. Everything the bundle writes goes to a private
HOME, XDG folders and TMPDIR inside the test's folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "MentorDesk"
PROGRAM = BUNDLE / ("MentorDesk.exe" if os.name == "nt" else "MentorDesk")
COMMAND_LINE = BUNDLE / ("mentordesk-cli.exe" if os.name == "nt" else "mentordesk-cli")
#: Largest the unpacked Linux folder may grow before someone looks at why (it is
#: about 305 MB: Qt 75, SciPy and NumPy 120, Pillow 15, SQLCipher 9).
MAX_BUNDLE_MB = 400
#: The checks --self-test must report as passed, in order.
CHECKS = [
    "sqlcipher",
    "programme file",
    "backup",
    "time zones",
    "calendar",
    "xml safety",
    "spreadsheets",
    "pdf",
    "matching",
    "window",
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle() -> Path:
    """dist/MentorDesk, built afresh by packaging/build.py (without its own self-test run)."""
    pytest.importorskip("PyInstaller", reason='needs pip install -e ".[packaging]"')
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(result.stdout[-1500:])
    return BUNDLE


@pytest.fixture
def private_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose home, settings, data and temporary folders are the test's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MENTORDESK_", "PYTHON", "VIRTUAL_ENV", "XDG_"))
    }
    for name in ("home", "config", "data", "cache", "tmp"):
        (tmp_path / name).mkdir()
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        TMPDIR=str(tmp_path / "tmp"),
        QT_QPA_PLATFORM="offscreen",
        # As on Windows: no system time-zone files, so only the bundled tzdata can answer.
        PYTHONTZPATH=str(tmp_path / "no-zoneinfo"),
    )
    return env


def run(
    command: list[str], env: dict[str, str], **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """Run one of the bundle's programs and return what it printed."""
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False, **kwargs
    )


def test_the_self_test_passes_every_check_headless(
    bundle: Path, private_env: dict[str, str], tmp_path: Path
) -> None:
    result = run([str(PROGRAM), "--self-test"], private_env)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[0].startswith("MentorDesk ")
    assert "(frozen) self-test" in lines[0]
    # Each line: a four-letter mark, two spaces, the name in 14 columns, the detail.
    reported = [line[6:20].strip() for line in lines[1:-1] if line[:4] in ("ok  ", "FAIL")]
    assert reported == CHECKS
    assert all(line.startswith("ok") for line in lines[1:-1]), result.stdout
    assert lines[-1] == f"all {len(CHECKS)} checks passed"
    assert "SQLCipher 4." in result.stdout
    assert "openpyxl.DEFUSEDXML is True" in result.stdout
    # The scratch folder is gone and nothing was left in the private home or settings.
    assert list((tmp_path / "tmp").iterdir()) == []
    assert list((tmp_path / "config").rglob("*.conf")) == []


def test_the_bundle_holds_what_it_needs_and_nothing_it_should_not(bundle: Path) -> None:
    internal = bundle / "_internal"
    migrations = internal / "mentordesk" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    assert sorted(p.name[:4] for p in (migrations / "versions").glob("0*.py"))[:1] == ["0001"]
    assert list(internal.glob("sqlcipher3/_sqlite3*"))
    assert list(internal.glob("tzdata/zoneinfo/Europe/London"))
    assert (internal / "mentordesk" / "resources").is_dir()
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    if sys.platform.startswith("linux"):
        assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
        assert not {"libqeglfs.so", "libqvnc.so", "libqlinuxfb.so"} & platforms
    assert list((internal / "PySide6" / "Qt" / "plugins" / "iconengines").glob("*svg*"))
    qt_libraries = {p.name for p in (internal / "PySide6" / "Qt" / "lib").iterdir()}
    for unused in ("Qml", "Quick", "Pdf", "Network", "WebEngine", "VirtualKeyboard"):
        assert not [name for name in qt_libraries if f"Qt6{unused}" in name], unused
    for path in bundle.rglob("*"):
        assert path.suffix not in {".mentordesk", ".env", ".log"}, path
        assert path.name not in {"qml", "translations"} or "PySide6" not in path.parts, path
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_BUNDLE_MB * 1_000_000, f"{size / 1e6:.0f} MB"


def test_the_command_line_in_the_bundle_works_on_an_encrypted_file(
    bundle: Path, private_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "programme.mentordesk"
    env = {**private_env, "MENTORDESK_PASSPHRASE": "bundle test passphrase"}
    version = run([str(COMMAND_LINE), "--version"], env)
    assert version.returncode == 0
    assert version.stdout.startswith("MentorDesk ")
    made = run([str(COMMAND_LINE), "demo", "--db", str(db), "--size", "30"], env)
    assert made.returncode == 0, made.stderr
    listed = run([str(COMMAND_LINE), "events", "--db", str(db), "--json"], env)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)
    wrong = run(
        [str(COMMAND_LINE), "info", "--db", str(db)],
        {**env, "MENTORDESK_PASSPHRASE": "not the passphrase"},
    )
    assert wrong.returncode == 1
    assert "did not open with this passphrase" in wrong.stderr
    assert "not the passphrase" not in wrong.stdout + wrong.stderr
