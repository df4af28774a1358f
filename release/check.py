"""`python3 dev.py package --check`: does what was built really install and start?

Installs the .deb into a scratch root with `dpkg -x` (no root needed), or unpacks the portable
archive when there is no .deb; checks the desktop entry; runs `classify` and `export` on every
example draft with the installed program; opens the wizard under Xvfb until its first page is
painted, bare, then with a draft and with a kit named as a double-click names them; then times the
build's start-up against the source tree's (benchmarks/startup.py). Ends with "All checks passed",
or with the step that failed and why (exit 1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from release.project import APP_ID, INSTALL_DIR, NAME, ROOT, deb_path, tarball_path

EXAMPLES = ROOT / "resources" / "examples"
TIMEOUT = 180  # seconds for one run of the program (a loaded 2-core machine is slow)


class CheckFailed(Exception):
    pass


def run_checks() -> int:
    with tempfile.TemporaryDirectory(prefix=f"{NAME}-check-") as scratch:
        scratch = Path(scratch)
        env = dict(os.environ, SANDBOX_KIT_DATA_DIR=str(scratch / "data"), SANDBOX_KIT_LANG="en")
        env.pop("PYTHONPATH", None)
        step = "install"
        try:
            program, root = _install(scratch / "root")
            print(f"ok   installed: {program.relative_to(scratch)}", flush=True)
            step = "desktop entry"
            _check_desktop_entry(root)
            for draft in sorted(EXAMPLES.glob("*.json")):
                step = f"classify {draft.name}"
                _run([str(program), "classify", str(draft)], env)
                print(f"ok   {step}", flush=True)
                step = f"export {draft.name}"
                out = scratch / "out" / f"{draft.stem}.pdf"
                out.parent.mkdir(exist_ok=True)
                _run([str(program), "export", str(draft), "-o", str(out)], env)
                if not out.read_bytes().startswith(b"%PDF-"):
                    raise CheckFailed(f"{out.name} is not a PDF")
                print(f"ok   {step}", flush=True)
            step = "the wizard under Xvfb"
            _first_paint([str(program)], env, ["shown"])
            print(f"ok   {step}: its first page was painted", flush=True)
            step = "a draft opened by its path (a double-click)"
            _first_paint([str(program), str(EXAMPLES / "cv_screening.json")], env, ["window", "shown"])
            print(f"ok   {step}: its questions were painted", flush=True)
            step = "an authority kit opened by its path"
            _first_paint([str(program), str(ROOT / "resources" / "kits" / "nordland.sandboxkit")], env,
                         ["window", "shown"])
            print(f"ok   {step}: the start page wearing it was painted", flush=True)
            step = "start-up against the source tree"
            _startup(program)
        except CheckFailed as failure:
            print(f"FAILED at {step}: {failure}", flush=True)
            return 1
    print("All checks passed", flush=True)
    return 0


def _install(root: Path) -> tuple[Path, Path]:
    """The installed program and the root it was installed into."""
    deb = deb_path()
    if deb.exists() and shutil.which("dpkg"):
        _run(["dpkg", "-x", str(deb), str(root)], os.environ)
        return root / INSTALL_DIR.relative_to("/") / NAME, root
    archive = tarball_path()
    if not archive.exists():
        raise CheckFailed(f"neither {deb.name} nor {archive.name} is in dist/: build them first")
    with tarfile.open(archive) as opened:
        opened.extractall(root, filter="tar")
    top = next(root.iterdir())
    return top / NAME, top


def _check_desktop_entry(root: Path) -> None:
    entries = list(root.rglob(f"{APP_ID}.desktop"))
    if not entries:
        raise CheckFailed("no desktop entry installed")
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        print("skip desktop entry: desktop-file-validate is not installed", flush=True)
        return
    result = subprocess.run([validate, str(entries[0])], capture_output=True, text=True)
    if result.returncode != 0 or result.stdout.strip():
        raise CheckFailed(result.stdout + result.stderr)
    print("ok   desktop entry (desktop-file-validate)", flush=True)


def _run(command: list[str], env) -> str:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"{Path(command[0]).name} did not finish within {TIMEOUT} s") from None
    if result.returncode != 0:
        raise CheckFailed(f"exit {result.returncode}: {(result.stderr or result.stdout).strip()[-2000:]}")
    return result.stdout


def _xvfb() -> list[str]:
    found = shutil.which("xvfb-run")
    if found is None:
        raise CheckFailed("xvfb-run is not installed (Debian: apt-get install xvfb xauth)")
    return [found, "-a", "-s", "-screen 0 1280x1024x24"]


def _first_paint(command: list[str], env, labels: list[str]) -> None:
    """Run the wizard on a virtual X display until it reports each paint in `labels` and quits
    (SANDBOX_KIT_STARTUP_PROBE, app/qt/launch.py): a real window of the xcb platform, not offscreen."""
    env = dict(env, SANDBOX_KIT_STARTUP_PROBE="1")
    env.pop("QT_QPA_PLATFORM", None)
    out = _run(_xvfb() + command, env)
    reported = [line.split()[0] for line in out.splitlines() if line.split()]
    missing = [label for label in labels if label not in reported]
    if missing:
        raise CheckFailed(f"no first paint reported ({', '.join(missing)}); output: {out.strip()[-500:]}")


def _startup(program: Path) -> None:
    command = [sys.executable, str(ROOT / "benchmarks" / "startup.py"), "--executable", str(program), "--runs", "5"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise CheckFailed((result.stderr or result.stdout).strip()[-2000:])
    print(result.stdout.rstrip(), flush=True)
