"""`python -m release [--check]`, run by `python3 dev.py package` in the build's environment: the
icons, the one-folder application (PyInstaller), and on Linux the .deb and the portable .tar.gz, all
in dist/; with --check, then installs and starts what was built (release/check.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from release.project import BUILD, DIST, SPEC, app_folder, deb_path, tarball_path, version
from release.trim import folder_size


def build() -> int:
    from release.icons import render_icons

    icons = render_icons(BUILD / "icons")
    if sys.platform == "win32":  # what the Inno Setup script includes (packaging/windows/)
        from release.windows import write_icon, write_texts

        write_icon(icons)
        write_texts()
    print(f"Building Sandbox Applicant Kit {version()} with PyInstaller ...", flush=True)
    status = subprocess.call([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                              "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC)])
    if status:
        return status
    app = app_folder()
    print(f"{app.relative_to(DIST.parent)}: {folder_size(app) / 1e6:.1f} MB", flush=True)
    if sys.platform.startswith("linux"):
        from release.tarball import build_tarball

        written = [build_tarball(app, icons, DIST)]
        if shutil.which("dpkg-deb"):
            from release.deb import build_deb

            written.insert(0, build_deb(app, icons, BUILD / "deb", DIST))
        else:
            print("dpkg-deb not found: no .deb built", flush=True)
        for path in written:
            print(f"{path.relative_to(DIST.parent)}: {path.stat().st_size / 1e6:.1f} MB", flush=True)
    return 0


def built() -> bool:
    """What --check needs is there for this version: the .deb or the archive."""
    return deb_path().exists() or tarball_path().exists()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    if not check or not built():
        status = build()
        if status:
            return status
    if check:
        from release.check import run_checks

        return run_checks()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
