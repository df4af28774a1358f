"""The packs a reviewer's application knows, by id and version, each loaded once.

A folder of dossiers names a handful of pack versions: loading a pack costs a tenth of a second,
classifying a draft a few milliseconds, so each version is loaded on first need and kept (as is a
pack that cannot be loaded, with its error). "Today's" pack of an id is the newest version found.
A shelf may be asked from several threads at once (the reviewer's view reads a folder in one and
shows a dossier in another): a pack or a kit is loaded under a lock, once.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from app.kits.kit import Kit
from app.kits.shelf import ShelvedKit, kit_finder, shelved
from app.storage.drafts import Made
from app.storage.paths import packs_dir
from forms.layer import PackError
from forms.loader import load_pack
from forms.registry import PackInfo, discover, in_range
from forms.schema import Pack

if TYPE_CHECKING:
    from app.results.jurisdictions import Questionnaire


@dataclass(frozen=True)
class Shelved:
    """A pack version looked up: the pack, or the one-line reason it cannot be used."""

    info: PackInfo
    pack: Pack | None = None
    error: str = ""


class PackShelf:
    def __init__(self, found: list[PackInfo]) -> None:
        self.found = found
        self._loaded: dict[tuple[str, str], Shelved] = {}
        self._identities: dict[str, str] = {}
        self._kits: dict[tuple, Kit | None] = {}
        self._kits_seen: list[ShelvedKit] | None = None
        self._composed: dict[tuple, tuple[Pack, Questionnaire | None]] = {}
        self._lock = threading.RLock()

    @classmethod
    def discover(cls, given: Iterable[Path] = ()) -> "PackShelf":
        """The shipped packs, the user's packs folder's and those `given` (as `--pack`)."""
        return cls(discover(packs_dir(), given))

    def known(self, pack_id: str) -> bool:
        return any(info.id == pack_id for info in self.found)

    def versions(self, pack_id: str) -> list[str]:
        return [info.version for info in self.found if info.id == pack_id]

    def newest_version(self, pack_id: str) -> str | None:
        versions = self.versions(pack_id)
        newer = lambda a, b: in_range(a, f">{b}")  # noqa: E731 - the registry's own version order
        best = None
        for version in versions:
            if best is None or newer(version, best):
                best = version
        return best

    def is_newer_than_all(self, pack_id: str, version: str) -> bool:
        newest = self.newest_version(pack_id)
        return newest is not None and in_range(version, f">{newest}")

    def version(self, pack_id: str, version: str) -> Shelved | None:
        """That version of the pack, loaded (first found wins, as the registry orders them), or None."""
        info = next((i for i in self.found if i.id == pack_id and in_range(i.version, f"=={version}")), None)
        if info is None:
            return None
        key = (info.id, info.version)
        with self._lock:
            if key not in self._loaded:
                try:
                    self._loaded[key] = Shelved(info, load_pack(info.folder, packs=self.found))
                except PackError as error:
                    self._loaded[key] = Shelved(info, error=str(error))
            return self._loaded[key]

    def kit(self, made: Made) -> Kit | None:
        """The kit a draft records, among those this application has seen (its copy in the data
        folder), composed over its pack; None when it has not seen one of that id."""
        key = (made.id, made.version, made.hash)
        with self._lock:
            if key not in self._kits:
                self._kits[key] = kit_finder(self.found)(made)
            return self._kits[key]

    def kits_seen(self) -> list[ShelvedKit]:
        with self._lock:
            if self._kits_seen is None:
                self._kits_seen = shelved()
            return self._kits_seen

    def questionnaire(self, pack: Pack, jurisdictions: Sequence[str]) -> Questionnaire | None:
        """The questionnaire of `pack` and the other jurisdictions named after it, each other one's
        today's pack on this shelf (as `app/results/composed.py`'s `questionnaire_for`, but with the
        packs given as `review --pack` too; those not here are left out, see `missing`); None for
        `pack` alone. Composed once for a pack and its jurisdictions: a folder's dossiers mostly
        name the same few. Raises CompositionError for packs that cannot be asked together."""
        if len(jurisdictions) < 2:
            return None
        from app.results.jurisdictions import compose
        from catalogue import language

        key = (id(pack), tuple(jurisdictions), language())  # the core's words are the language's
        with self._lock:
            if key not in self._composed:
                others = [found.pack for found in (self.today(pack_id) for pack_id in jurisdictions[1:]
                                                   if pack_id != pack.id)
                          if found is not None and found.pack is not None]
                self._composed[key] = (pack, compose([pack, *others]) if others else None)  # the pack kept: its id stays its own
            return self._composed[key][1]

    def missing(self, jurisdictions: Sequence[str]) -> list[Shelved | str]:
        """Each jurisdiction after the first that `questionnaire` leaves out: its id when no pack
        of it is here, its Shelved (with the error) when it cannot be loaded."""
        found: list[Shelved | str] = []
        for pack_id in jurisdictions[1:]:
            shelved = self.today(pack_id)
            if shelved is None or shelved.pack is None:
                found.append(shelved or pack_id)
        return found

    def today(self, pack_id: str) -> Shelved | None:
        newest = self.newest_version(pack_id)
        return self.version(pack_id, newest) if newest is not None else None

    def identity(self, pack_id: str) -> str:
        """What a review of a dossier of this pack depends on besides the dossier: every installed
        version's files (and those of the packs they extend). A register row made under another
        identity is made again. Files, not loaded packs: this is asked on every look at a folder,
        and reading a few files costs far less than loading a pack; a changed comment only makes
        the dossiers of that pack be read once more."""
        with self._lock:
            return self._identity(pack_id)

    def _identity(self, pack_id: str) -> str:
        if pack_id not in self._identities:
            digest = hashlib.sha256()
            for info in sorted(self._with_bases(pack_id), key=lambda i: (i.id, i.version, str(i.folder))):
                digest.update(f"{info.id}\0{info.version}\0".encode())
                for file in sorted(info.folder.rglob("*.yaml")):
                    if file.is_file():
                        digest.update(str(file.relative_to(info.folder)).encode("utf-8", "surrogateescape"))
                        digest.update(hashlib.sha256(file.read_bytes()).digest())
            for kit in self.kits_seen():  # a kit of that id seen, or another copy of it, is read anew
                if kit.manifest.id == pack_id:
                    digest.update(kit.hash.encode())
            self._identities[pack_id] = f"{pack_id}:{digest.hexdigest()}"
        return self._identities[pack_id]

    def _with_bases(self, pack_id: str) -> list[PackInfo]:
        found, wanted = [], [pack_id]
        while wanted:
            current = wanted.pop()
            for info in self.found:
                if info.id == current and info not in found:
                    found.append(info)
                    if info.extends:
                        wanted.append(info.extends)
        return found
