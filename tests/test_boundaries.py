"""The core (forms, risk_tiers) and the command line run without Qt: checked two ways."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_and_cli_import_no_qt():
    code = (
        "import sys, runpy\n"
        "from forms.loader import default_pack\n"
        "from risk_tiers.classify import classify\n"
        "from app.commands import main as cli\n"
        "from app.storage import drafts\n"
        "from app.results import report\n"
        "classify(default_pack(), {'system.offering': 'system'})\n"
        "cli.main(['questions', '--json'])\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
