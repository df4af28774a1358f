"""Making a kit from a folder: `python main.py kit build FOLDER -o FILE.sandboxkit`.

The folder holds `kit.yaml` and the files it names. The archive is built the same way every time
(entries in name order, a fixed date and permissions), so the same folder gives the same bytes and
a kit's hash changes only when its content does. Hidden files and folders are left out; a
symbolic link in the folder is refused, as a kit holding one would be. The kit is then checked as
an applicant's copy would be, and written only when it passes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from app.kits.archive import KitArchive, archive_of
from app.kits.errors import KitError
from app.kits.kit import kit_of
from app.kits.manifest import MANIFEST
from forms.registry import PackInfo

_DATE = (2020, 1, 1, 0, 0, 0)


def build_kit(folder: Path, packs: list[PackInfo] | None = None) -> KitArchive:
    """The kit made of `folder`, checked (KitError at its first problem); nothing is written."""
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise KitError.tr("kit.error.no_manifest", kit=folder, manifest=MANIFEST)
    stream = io.BytesIO()
    # Stored, not compressed: deflate's output differs between zlib builds, and a kit is small
    # (its logo is compressed already), so the same folder gives the same bytes on every machine.
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_STORED) as archive:
        for path in _files(folder):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=_DATE)
            info.external_attr = 0o100644 << 16  # a regular file, readable by all
            archive.writestr(info, path.read_bytes())
    built = archive_of(stream.getvalue(), folder.name + ".sandboxkit")
    kit_of(built, packs)
    return built


def _files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        if path.is_symlink():
            raise KitError.tr("kit.error.symlink", kit=folder, entry=relative.as_posix())
        if path.is_file():
            found.append(path)
    return found
