"""Set up MentorDesk from a fresh clone and run it: ``python3 dev.py demo|app|test|cli|…``.

Commands: ``demo`` opens the window on a demo programme; ``app [FILE]`` opens it on
one's own programme file, or on the start screen; ``cli …`` runs ``mentordesk-cli``;
``test`` and ``bench`` run the checks and the benchmarks; ``bundle`` builds the
installable folder.

Needs only Python 3.11+. The first run makes a virtual environment in ``.venv``
and installs MentorDesk with its test tools. On Linux, every command but ``cli``
checks that the system libraries Qt needs are there (and, for ``test`` and
``bench``, poppler's ``pdftoppm``, which renders the PDFs the tests look at),
installs them with apt-get when run as root, and otherwise prints the one command
that installs them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / "mentordesk-installed"

#: Shared libraries the Qt wheels load but do not bundle, and the Debian/Ubuntu
#: packages that provide them.
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def say(message: str) -> None:
    """Tell the person at the terminal what is happening."""
    print(f"dev.py: {message}", flush=True)


def ensure_environment() -> None:
    """Make .venv and install MentorDesk into it, again whenever pyproject.toml changes."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        say("making the virtual environment .venv")
        try:
            venv.create(VENV, with_pip=True)
        except (subprocess.CalledProcessError, OSError) as error:
            shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(
                f"dev.py: could not make a virtual environment ({error}). On Debian or "
                "Ubuntu install it with: sudo apt-get install python3-venv"
            )
    say("installing MentorDesk and its test tools into .venv (once)")
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def ensure_qt_libraries(platform: str) -> None:
    """Check that Qt's ``platform`` plugin can load, installing what is missing on Linux."""
    if not sys.platform.startswith("linux"):
        return
    probe = (
        "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / 'Qt' / "
        f"'plugins' / 'platforms' / 'libq{platform}.so')"
    )
    plugin = subprocess.run(
        [str(PYTHON), "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    ldd = subprocess.run(["ldd", plugin], capture_output=True, text=True, check=False).stdout
    missing = sorted({line.split()[0] for line in ldd.splitlines() if "not found" in line})
    packages = sorted({DEBIAN_PACKAGES.get(name, name) for name in missing})
    if not Path("/usr/share/fonts").is_dir():
        packages.append("fonts-dejavu-core")
    if not packages:
        return
    if command := install_debian_packages(packages, "the system libraries Qt needs"):
        sys.exit(
            "dev.py: Qt needs system libraries that are missing. Install them with:\n"
            "    sudo " + " ".join(command)
        )


def ensure_pdf_renderer() -> None:
    """Check that poppler's ``pdftoppm`` is there for the tests that render PDF pages.

    On Linux it is installed like Qt's libraries; where it cannot be, the command
    that installs it is printed and the tests that need it are skipped (they fail
    instead when ``CI=true``).
    """
    if shutil.which("pdftoppm") is not None:
        return
    if not sys.platform.startswith("linux"):
        say("pdftoppm is missing, so the PDF-rendering tests are skipped; install poppler")
        return
    if command := install_debian_packages(["poppler-utils"], "pdftoppm (poppler-utils)"):
        say(
            "pdftoppm is missing, so the PDF-rendering tests are skipped. Install it with:\n"
            "    sudo " + " ".join(command)
        )


def install_debian_packages(packages: list[str], what: str) -> list[str]:
    """Install Debian/Ubuntu packages with apt-get when run as root.

    Args:
        packages: the packages.
        what: what they are, in words, for the message.

    Returns:
        Nothing (an empty list) once they are installed; otherwise the apt-get
        command that would install them, to tell the person to run it with sudo.
    """
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing {what}: " + " ".join(packages))
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(command, check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return []
    return command


def ensure_screen(action: str) -> str:
    """The Qt platform the window opens on, once a screen is found and Qt's libraries are there.

    Args:
        action: the dev.py command (``demo`` or ``app``), for the message when no screen is found.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if (
        sys.platform.startswith("linux")
        and not platform
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        sys.exit(
            "dev.py: no screen found. Run this on a desktop, or on a server under a "
            f"virtual one: xvfb-run -a python3 dev.py {action}"
        )
    ensure_qt_libraries(platform or "xcb")
    return platform or "xcb"


def run(command: list[str], *, cwd: Path = ROOT, **env: str) -> int:
    """Run a command from .venv in ``cwd`` with extra environment variables; return its status."""
    return subprocess.run(command, cwd=cwd, env={**os.environ, **env}, check=False).returncode


def _from_here(argument: str) -> str:
    """A file named on the command line, made absolute (the window runs from the clone)."""
    if argument.startswith("-"):
        return argument
    return str(Path(argument).expanduser().resolve())


def main(argv: list[str]) -> int:
    """Dispatch ``demo``, ``app``, ``test``, ``bench``, ``cli`` or ``bundle``."""
    action, rest = (argv[0], argv[1:]) if argv else ("", [])
    if action not in {"demo", "app", "test", "bench", "cli", "bundle"}:
        print(__doc__)
        return 2
    ensure_environment()
    if action == "demo":
        ensure_screen(action)
        return run([str(BIN / "mentordesk"), "--demo", *rest])
    if action == "app":
        # One's own file (relative to where dev.py was run from), or the start screen.
        ensure_screen(action)
        return run([str(BIN / "mentordesk"), *(_from_here(arg) for arg in rest)])
    if action == "cli":
        # From where dev.py was run, so that "--db programme.mentordesk" means the file there.
        return run([str(BIN / "mentordesk-cli"), *rest], cwd=Path.cwd())
    ensure_qt_libraries("offscreen")
    if action in {"test", "bench"}:
        ensure_pdf_renderer()
    if action == "bundle":
        # The installable folder (packaging/README.md): build dist/MentorDesk, run it headless.
        say("installing PyInstaller (the packaging extra) into .venv")
        pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q", "install"]
        subprocess.run([*pip, "-e", f"{ROOT}[test,packaging]"], check=True)
        return run(
            [
                str(PYTHON),
                "-m",
                "pytest",
                "tests/packaging/test_bundle.py",
                "-s",
                "-p",
                "no:cacheprovider",
                "--override-ini",
                "addopts=--import-mode=importlib",
                *rest,
            ],
            QT_QPA_PLATFORM="offscreen",
        )
    if action == "bench":
        return run(
            [
                str(PYTHON),
                "-m",
                "pytest",
                "tests/benchmarks",
                "-s",
                "-p",
                "no:cacheprovider",
                "--override-ini",
                "addopts=--import-mode=importlib",
                *rest,
            ],
            QT_QPA_PLATFORM="offscreen",
        )
    for check in (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]):
        if status := run([str(BIN / check[0]), *check[1:]]):
            return status
    return run([str(PYTHON), "-m", "pytest", *rest], QT_QPA_PLATFORM="offscreen")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
