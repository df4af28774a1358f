"""The Debian package, laid out here and packed by dpkg-deb (no debhelper, no root: files are
recorded as root's with --root-owner-group).

It holds the one-folder application in /opt/sandbox-applicant-kit, a command in /usr/bin, the
desktop entry, the icons and the MIME types, and no maintainer scripts: the desktop, MIME and icon
caches are refreshed by the triggers of desktop-file-utils, shared-mime-info and the icon theme on
install and on removal. Removing or purging the package removes only the files listed here; drafts,
their backups, autosaves and settings live in the users' own folders and stay.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
from pathlib import Path

from release.desktop import desktop_entry, mime_xml
from release.project import APP_ID, INSTALL_DIR, NAME, ROOT, debian_arch, deb_path, version
from release.trim import folder_size

# What release/trim.py leaves to the system, and what Qt's X11 and Wayland platforms load besides
# (the list `.ci/run` installs for the tests).
DEPENDS = (
    "libstdc++6", "zlib1g", "libexpat1", "libffi8", "libbz2-1.0", "liblzma5", "libuuid1",
    "libssl3", "libsqlite3-0", "libglib2.0-0", "libdbus-1-3", "libfontconfig1", "libfreetype6", "libpng16-16",
    "libx11-6", "libx11-xcb1", "libxext6", "libxrender1", "libxcb1", "libxcb-cursor0", "libxcb-glx0",
    "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render0", "libxcb-render-util0",
    "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1",
    "libxkbcommon0", "libxkbcommon-x11-0", "libwayland-client0", "libwayland-cursor0", "libgl1", "libegl1",
)


def depends() -> list[str]:
    """DEPENDS, after the C library the build was linked against (Python and PyInstaller's loader
    need at least that version)."""
    libc = platform.libc_ver()[1]
    return [f"libc6 (>= {libc})" if libc else "libc6", *DEPENDS]


MAINTAINER = "Sandbox Applicant Kit maintainers <maintainers@sandbox-applicant-kit.invalid>"


def installed_files() -> dict[str, str]:
    """{path in the package: its text} for the small files beside the application."""
    return {
        f"usr/share/applications/{APP_ID}.desktop": desktop_entry(),
        f"usr/share/mime/packages/{APP_ID}.xml": mime_xml(),
    }


def control(installed_kib: int) -> str:
    description = _description()
    return "\n".join([
        f"Package: {NAME}",
        f"Version: {version()}",
        f"Architecture: {debian_arch()}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kib}",
        "Depends: " + ", ".join(depends()),
        "Section: misc",
        "Priority: optional",
        f"Description: {description}",
        " Walks a company through the self-assessment for an AI regulatory sandbox under",
        " the EU AI Act and writes the application dossier (PDF, HTML or JSON). Works",
        " offline; drafts stay in the user's folders when the package is removed.",
    ]) + "\n"


def _description() -> str:
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as stream:
        return tomllib.load(stream)["project"]["description"]


def lay_out(app: Path, icons: dict[int, Path], stage: Path) -> Path:
    """The package's tree in `stage` (emptied first): the folder, the command, entry, MIME, icons."""
    if stage.exists():
        shutil.rmtree(stage)
    target = stage / INSTALL_DIR.relative_to("/")
    shutil.copytree(app, target, symlinks=True)
    command = stage / "usr" / "bin" / NAME
    command.parent.mkdir(parents=True)
    command.symlink_to(INSTALL_DIR / NAME)
    for relative, text in installed_files().items():
        path = stage / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    for size, png in icons.items():
        path = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, path)
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "app.svg", scalable)
    for path in [stage, *stage.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path.stat().st_mode & 0o111 else 0o644)
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(control(folder_size(stage) // 1024 + 1), encoding="utf-8")
    return stage


def build_deb(app: Path, icons: dict[int, Path], stage: Path, dist: Path) -> Path:
    """Lay the package out in `stage` and pack it into `dist`; the .deb's path."""
    lay_out(app, icons, stage)
    out = deb_path(dist)
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out
