"""The kits the application has seen: a copy of each kit used is kept in the user data folder
(`kits/` in it), so a draft made with a kit reopens with it even when the original file has moved.

A copy is named by the kit's id, version and the start of its hash, and written only by this
module (owner-only, atomically). Listing reads each copy's manifest; one that no longer reads is
left out of the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.kits.archive import read_archive
from app.kits.errors import KitError
from app.kits.kit import HASH_PREFIX, Kit, kit_of
from app.kits.manifest import MANIFEST, KitManifest
from app.kits.overlay import yaml_entry
from app.storage.drafts import Made, replace_with_temporary, temporary_beside
from app.storage.paths import kits_dir
from forms.registry import PackInfo

SUFFIX = ".sandboxkit"


@dataclass(frozen=True)
class ShelvedKit:
    """A kit kept, as its manifest describes it (texts as written, in the kit's first language)."""

    path: Path
    manifest: KitManifest
    hash: str  # "sha256:..." of the file

    @property
    def made(self) -> Made:
        return Made(id=self.manifest.id, version=self.manifest.version, hash=self.hash)


def remember(kit: Kit, folder: Path | None = None) -> Path:
    """Keep a copy of `kit` (once: a copy with its hash is already there); the copy's path."""
    folder = folder or kits_dir()
    made = kit.made
    path = folder / f"{made.id}--{made.version}--{kit.archive.sha256[:16]}{SUFFIX}"
    if path.is_file():
        return path
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = temporary_beside(path)
        replace_with_temporary(handle, temporary, path, kit.archive.data, 0o600)
    except OSError as error:
        raise KitError.tr("kit.error.not_kept", folder=folder, reason=error.strerror or error) from None
    return path


def shelved(folder: Path | None = None) -> list[ShelvedKit]:
    """The kits kept, by id, newest version first."""
    folder = folder or kits_dir()
    found = []
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        try:
            archive = read_archive(path)
            manifest = KitManifest.model_validate(yaml_entry(archive, MANIFEST))
        except (KitError, ValueError):  # pydantic's ValidationError is a ValueError
            continue
        found.append(ShelvedKit(path, manifest, HASH_PREFIX + archive.sha256))
    return sorted(found, key=lambda k: (k.manifest.id, tuple(-int(n) for n in k.manifest.version.split("."))))


def find_kit(made: Made, folder: Path | None = None) -> ShelvedKit | None:
    """The kept kit a draft was made with: that very file, else the newest kept with its id."""
    kept = [k for k in shelved(folder) if k.manifest.id == made.id]
    return next((k for k in kept if k.hash == made.hash), kept[0] if kept else None)


def kit_finder(packs: list[PackInfo] | None = None, folder: Path | None = None):
    """For a draft session: the kit kept for what a draft records, loaded; None when none is kept
    or the one kept no longer loads."""

    def find(made: Made) -> Kit | None:
        kept = find_kit(made, folder)
        if kept is None:
            return None
        try:
            return kit_of(read_archive(kept.path), packs)
        except KitError:
            return None

    return find

