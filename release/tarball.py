"""The portable archive: the one-folder application under `sandbox-applicant-kit-<version>/`, to
unpack anywhere and run in place (`./sandbox-applicant-kit-<version>/sandbox-applicant-kit`), with
the desktop entry, MIME types and icons under `share/` for whoever wants to install them by hand.
It needs the system libraries the .deb depends on (release/deb.py)."""

from __future__ import annotations

import tarfile
from pathlib import Path

from release.deb import installed_files
from release.project import APP_ID, NAME, tarball_path, version


def build_tarball(app: Path, icons: dict[int, Path], dist: Path) -> Path:
    out = tarball_path(dist)
    top = f"{NAME}-{version()}"
    with tarfile.open(out, "w:gz") as archive:
        for path in sorted(app.rglob("*")):
            archive.add(path, f"{top}/{path.relative_to(app).as_posix()}", recursive=False, filter=_as_root)
        for relative, text in installed_files().items():
            _add_text(archive, f"{top}/{relative.removeprefix('usr/')}", text)
        for size, png in icons.items():
            archive.add(png, f"{top}/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png", filter=_as_root)
    return out


def _as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def _add_text(archive: tarfile.TarFile, name: str, text: str) -> None:
    import io

    data = text.encode("utf-8")
    info = _as_root(tarfile.TarInfo(name))
    info.size, info.mode = len(data), 0o644
    archive.addfile(info, io.BytesIO(data))
