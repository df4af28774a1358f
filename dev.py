"""Set up and run, with nothing but Python 3.11+: `python3 dev.py app` or `python3 dev.py test`.

Makes a virtual environment in .venv (once, and again whenever pyproject.toml changes), installs
the application into it, then launches the wizard or runs the whole test suite headless.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed"


def ensure_environment(extras: str) -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing the application and its dependencies ...", flush=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "-e", f".{extras}"], check=True, cwd=ROOT)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        print("Sandbox Applicant Kit needs Python 3.11 or newer.", file=sys.stderr)
        return 2
    what = argv[0] if argv else "app"
    if what == "app":
        ensure_environment("")
        return subprocess.call([PYTHON, ROOT / "main.py", *argv[1:]], cwd=ROOT)
    if what == "test":
        ensure_environment("[test]")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.call([PYTHON, "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)
    print("usage: python3 dev.py app [DRAFT.json] | python3 dev.py test [pytest options]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
