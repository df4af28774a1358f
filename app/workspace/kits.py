"""The authority kits a workspace's drafts are read with: those the application has seen (its shelf
in the user data folder, app/kits/shelf.py), each loaded once per language.

A draft made with a kit records the kit's id, version and hash in its lock; it is read with that
very kit when it was seen, else with the newest seen of its id (as the wizard opens it). A kit
never seen leaves the draft unread until it is: `KitFound.kit` is None and `problem` empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.kits.archive import read_archive
from app.kits.errors import KitError
from app.kits.kit import Kit, kit_of
from app.kits.shelf import ShelvedKit, choose_kit, shelved
from app.storage.drafts import Made
from app.storage.paths import kits_dir
from catalogue import language, tr
from forms.registry import PackInfo


@dataclass(frozen=True)
class KitFound:
    """What a draft's kit comes to: its words for the table, the kit loaded, or why not."""

    label: str  # the sandbox's name and the version recorded; the kit's id without a kit seen
    deadline: str = ""  # ISO date of the kit's deadline; "" without one, or without a kit seen
    kit: Kit | None = None
    same: bool = False  # the very kit the draft was made with (not another version or file of it)
    problem: str = ""  # why a kit seen does not load (its pack not installed, say)


class Kits:
    """The kits seen, by what a draft records; `folder`: the shelf (default: the data folder's)."""

    def __init__(self, packs: list[PackInfo], folder: Path | None = None):
        self.folder = folder
        self.look_again(packs)

    def look_again(self, packs: list[PackInfo]) -> None:
        """Read the shelf again (a kit seen since); the kits load anew with the packs `packs`."""
        self.packs = packs
        self.kept = shelved(self.folder)
        self._loaded: dict[tuple[str, str], Kit | KitError] = {}

    def for_made(self, made: Made) -> KitFound:
        kept = choose_kit(made, self.kept)
        if kept is None:
            return KitFound(tr("workspace.kit_label", sandbox=made.id, version=made.version))
        loaded = self._load(kept)
        if isinstance(loaded, KitError):
            return KitFound(tr("workspace.kit_label", sandbox=kept.manifest.sandbox.name, version=made.version),
                            problem=str(loaded))
        deadline = loaded.manifest.sandbox.deadline
        return KitFound(tr("workspace.kit_label", sandbox=loaded.manifest.sandbox.name, version=made.version),
                        deadline.isoformat() if deadline else "", loaded, same=kept.hash == made.hash)

    def newest(self, kit_id: str) -> Kit | None:
        """The newest kit seen of this id, loaded; None when none is, or it does not load."""
        kept = next((k for k in self.kept if k.manifest.id == kit_id), None)
        loaded = self._load(kept) if kept is not None else None
        return loaded if isinstance(loaded, Kit) else None

    def _load(self, kept: ShelvedKit) -> Kit | KitError:
        key = (kept.hash, language())
        if key not in self._loaded:
            try:
                self._loaded[key] = kit_of(read_archive(kept.path), self.packs)
            except KitError as error:
                self._loaded[key] = error
        return self._loaded[key]

    def shelf(self) -> Path:
        """The folder of the kits seen (its files go into the stamp of what summaries were read with)."""
        return self.folder or kits_dir()
