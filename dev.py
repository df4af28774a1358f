"""Set up and run, with nothing but Python 3.11+: `python3 dev.py app` or `python3 dev.py test`.

Both install the exact versions locked in requirements/ (with their hashes) into .venv, once and
again whenever the lock changes, then launch the wizard or run the whole test suite headless.
`python3 dev.py lock` refreshes the lock from pyproject.toml's ranges; `python3 dev.py test
--latest` runs the suite in .venv-latest against the newest releases, to see drift coming.
`python3 dev.py catalogue` checks the code's messages against the English catalogue and brings the
translations and the compiled catalogues up to date (`catalogue check LANG`: what LANG lacks;
`catalogue new LANG`: start a language); see catalogue/maintain.py. `python3 dev.py kits` builds
the example kits in resources/kits/ from their sources (resources/kits/src/<name>/) and writes the
JSON Schema of a kit's manifest there (resources/kits/kit.schema.json). `python3 dev.py package`
builds the application for people without Python, from requirements/package.txt in .venv-package:
the one-folder build and, on Linux, a .deb and a portable .tar.gz in dist/; `package --check` then
installs and starts them (packaging/README.md).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LOCKS = {"app": ROOT / "requirements" / "app.txt", "test": ROOT / "requirements" / "test.txt",
         "package": ROOT / "requirements" / "package.txt"}
USAGE = (
    "usage: python3 dev.py app [DRAFT.json] | python3 dev.py test [--latest] [pytest options]"
    " | python3 dev.py lock | python3 dev.py catalogue [check LANG | new LANG] | python3 dev.py kits"
    " | python3 dev.py package [--check]"
)


def python_in(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def make_venv(folder: Path) -> Path:
    python = python_in(folder)
    if not python.exists():
        print(f"Creating the virtual environment in {folder.name} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(folder)
    return python


def pip(python: Path, *args: str) -> None:
    subprocess.run([python, "-m", "pip", "--disable-pip-version-check", "install", "--quiet", *args], check=True)


def ensure_locked(lock: Path, *or_any_of: Path, folder: Path = ROOT / ".venv") -> Path:
    """`folder` holds exactly the lock's versions (or one of the supersets named); a stamp says which."""
    stamp = folder / ".installed"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    accepted = {wanted} | {hashlib.sha256(other.read_bytes()).hexdigest() for other in or_any_of}
    python = python_in(folder)
    if stamp.exists() and stamp.read_text() in accepted and python.exists():
        return python
    python = make_venv(folder)
    print(f"Installing the locked dependencies ({lock.relative_to(ROOT)}) ...", flush=True)
    # --no-deps: the lock is the whole closure, hash-checked; nothing is resolved on this machine.
    pip(python, "--require-hashes", "--no-deps", "-r", str(lock))
    stamp.write_text(wanted)
    return python


def ensure_latest() -> Path:
    python = make_venv(ROOT / ".venv-latest")
    print("Installing the newest releases within pyproject.toml's ranges ...", flush=True)
    pip(python, "--upgrade", "--upgrade-strategy", "eager", f"{ROOT}[test]")
    return python


def lock() -> int:
    """Resolve pyproject.toml's ranges once, for every platform, into hashed requirement files."""
    python = make_venv(ROOT / ".venv")
    if shutil.which("uv", path=str(python.parent)) is None:
        pip(python, "uv")
    uv = shutil.which("uv", path=str(python.parent))
    # The build's lock is the application's, plus PyInstaller: the same versions are packaged as tested.
    for name, extras in (("app", []), ("test", ["--extra", "test"]),
                         ("package", ["--extra", "package", "-c", "requirements/app.txt"])):
        subprocess.run(
            [uv, "pip", "compile", "pyproject.toml", *extras, "--universal", "--generate-hashes",
             "--python-version", "3.11", "--upgrade", "--quiet", "-o", str(LOCKS[name].relative_to(ROOT))],
            check=True, cwd=ROOT,
        )
        print(f"Locked {LOCKS[name].relative_to(ROOT)}", flush=True)
    return 0


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        print("Sandbox Applicant Kit needs Python 3.11 or newer.", file=sys.stderr)
        return 2
    what, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if what == "app":
        python = ensure_locked(LOCKS["app"], LOCKS["test"])  # the test lock holds the app's too
        return subprocess.call([python, ROOT / "main.py", *rest], cwd=ROOT)
    if what == "test":
        latest = "--latest" in rest
        rest = [arg for arg in rest if arg != "--latest"]
        python = ensure_latest() if latest else ensure_locked(LOCKS["test"])
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT, env=env)
    if what == "lock":
        return lock()
    if what == "catalogue":
        python = ensure_locked(LOCKS["app"], LOCKS["test"])  # Babel is a dependency of the application
        status = subprocess.call([python, "-m", "catalogue.maintain", *rest], cwd=ROOT)
        if status == 0 and rest[:1] == ["check"]:  # the catalogue knows no pack: the packs' texts next
            status = subprocess.call([python, "-m", "forms.untranslated", *rest[1:]], cwd=ROOT)
        return status
    if what == "kits":
        return build_kits(ensure_locked(LOCKS["app"], LOCKS["test"]))
    if what == "package":
        # A separate environment: PyInstaller collects whatever is installed, so nothing of the tests.
        python = ensure_locked(LOCKS["package"], folder=ROOT / ".venv-package")
        return subprocess.call([python, "-m", "release", *rest], cwd=ROOT)
    print(USAGE, file=sys.stderr)
    return 2


def build_kits(python: Path) -> int:
    """Each example kit from its sources, and the manifest's schema, with the application's own commands."""
    kits = ROOT / "resources" / "kits"
    for source in sorted(path for path in (kits / "src").iterdir() if (path / "kit.yaml").is_file()):
        status = subprocess.call([python, ROOT / "main.py", "kit", "build", source, "-o",
                                  kits / f"{source.name}.sandboxkit"], cwd=ROOT)
        if status:
            return status
    return subprocess.call([python, ROOT / "main.py", "kit", "schema", "-o", kits / "kit.schema.json"], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
