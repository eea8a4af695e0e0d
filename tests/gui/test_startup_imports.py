"""The window starts without loading the libraries only imports and exports need."""

import json
import os
import subprocess
import sys

HEAVY = ("openpyxl", "icalendar", "alembic", "scipy", "reportlab", "zxcvbn")


def test_opening_the_window_module_loads_no_import_or_export_library():
    code = (
        "import json, sys; import mentordesk.gui.main_window; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
