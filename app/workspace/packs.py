"""The packs a workspace's drafts are read with: found among those the application knows, each
loaded once, with the kits it has seen (app/workspace/kits.py), and a stamp that changes when any
of them (or the language) does.

A draft names the pack it was made with in its lock; the pack of that id and version is used when
installed, else the newest of that id found (a draft made with an older version still reads). A
draft made with a kit is read with the kit's pack: the pack it extends, with the kit's questions.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable, Sequence

from app.results.composed import asked_pack
from app.results.jurisdictions import Questionnaire, compose
from app.storage.drafts import Lock
from app.storage.paths import packs_dir
from app.workspace.kits import Kits
from catalogue import LOCALE_DIR, language
from forms.layer import PackError
from forms.loader import load_pack
from forms.registry import PackInfo, discover, find
from forms.schema import Pack


# Raise it when what a summary holds, or how it is worked out, changes: every summary indexed
# before is then read again. 2: a draft made with a kit is read with the kit's pack, and shows the
# kit's name and deadline. 3: each jurisdiction a draft targets, with its result. 4: each one by
# its pack's short title.
SUMMARY_VERSION = 4


class Packs:
    """Pack by id and version, loaded on first need, among the packs installed (shipped, in the
    user's packs folder) and those `given` (folders, as `--pack` names one); `loaded`: packs the
    caller has loaded already. `kits`: the kits seen, kept in `kits_folder` (default: the data
    folder's)."""

    def __init__(self, given: Iterable[Path] = (), loaded: Iterable[Pack] = (), kits_folder: Path | None = None):
        self.given = tuple(given)
        self.known = discover(packs_dir(), self.given)
        self.kits = Kits(self.known, kits_folder)
        self._stamp = self.stamp()
        # By id, version and language: a pack's texts are in the language it was loaded in.
        self._loaded: dict[tuple[str, str, str], Pack | None] = {(p.id, p.version, language()): p for p in loaded}
        self.problems: dict[tuple[str, str, str], str] = {}
        # The questionnaires of the jurisdictions drafts target together, each composed once.
        self._composed: dict[tuple[int, ...], tuple[tuple[Pack, ...], Questionnaire, Pack]] = {}

    def look_again(self) -> None:
        """Find the packs and kits again (one installed, seen or removed since); when any changed
        on disk, every pack and kit loads anew."""
        known = discover(packs_dir(), self.given)
        if stamp(known, self.kits.shelf()) != self._stamp:
            self.known, self._loaded, self.problems, self._composed = known, {}, {}, {}
            self.kits.look_again(known)
            self._stamp = self.stamp()

    def for_lock(self, lock: Lock) -> Pack | None:
        """The pack to read a draft with; None when none of its id is installed or it cannot load
        (`problem` then says why)."""
        return self._load(find(lock.pack.id, f"=={lock.pack.version}", self.known) or self._newest(lock.pack.id))

    def for_draft(self, lock: Lock) -> Pack | None:
        """The pack to change a draft with: its kit's when the kit was seen and loads (so its
        sections are the kit's too), else the one `for_lock` gives."""
        if lock.kit is not None:
            found = self.kits.for_made(lock.kit)
            if found.kit is not None:
                return found.kit.pack
        return self.for_lock(lock)

    def for_id(self, pack_id: str, kit_id: str = "") -> Pack | None:
        """The newest pack of this id installed (with `kit_id`: the newest kit seen of that id, its
        pack); None when there is none that loads."""
        kit = self.kits.newest(kit_id) if kit_id else None
        return kit.pack if kit is not None else self._load(self._newest(pack_id))

    def targeted(self, jurisdictions: Sequence[str]) -> list[tuple[str, Pack | None]]:
        """Each jurisdiction a draft targets after its own pack (the first), with its pack: the
        first installed of that id, as the wizard opens it (app/results/composed.py); None when
        none is here or it does not load."""
        return [(pack_id, self._load(find(pack_id, "", self.known))) for pack_id in jurisdictions[1:]]

    def composed(self, packs: Sequence[Pack]) -> tuple[Questionnaire, Pack]:
        """The composed questionnaire of `packs` (app/results/jurisdictions.py) and the first pack
        asking it, as the wizard asks it (app/results/composed.py), made once for each set of
        packs; CompositionError when they cannot be asked together."""
        key = tuple(id(pack) for pack in packs)
        found = self._composed.get(key)
        if found is None or any(a is not b for a, b in zip(found[0], packs)):
            questionnaire = compose(packs)
            found = self._composed[key] = (tuple(packs), questionnaire, asked_pack(packs[0], questionnaire))
        return found[1], found[2]

    def _load(self, info: PackInfo | None) -> Pack | None:
        if info is None:
            return None
        key = (info.id, info.version, language())
        if key not in self._loaded:
            try:
                self._loaded[key] = load_pack(info.folder, packs=self.known)
            except PackError as error:
                self._loaded[key], self.problems[key] = None, str(error)
        return self._loaded[key]

    def problem(self, lock: Lock) -> str:
        """Why `for_lock` found no pack for this lock: a pack's load error, or ""."""
        info = find(lock.pack.id, f"=={lock.pack.version}", self.known) or self._newest(lock.pack.id)
        return self.problems.get((info.id, info.version, language()), "") if info else ""

    def _newest(self, pack_id: str) -> PackInfo | None:
        found = [info for info in self.known if info.id == pack_id]
        return max(found, key=lambda info: _numbers(info.version), default=None)

    def stamp(self) -> str:
        """Changes whenever a summary read now could differ from one read before: another language
        or catalogue, a pack added, removed or changed on disk (its files' sizes and times), or
        another SUMMARY_VERSION; a kit seen for the first time, too."""
        return stamp(self.known, self.kits.shelf())


def stamp(known: list[PackInfo], shelf: Path) -> str:
    # The messages' catalogues too: a problem's words come from them.
    parts = [SUMMARY_VERSION, language(), _files(LOCALE_DIR), _files(shelf)]
    for info in known:
        parts.append([info.id, info.version, str(info.folder), _files(info.folder)])
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()[:32]


def _files(folder: Path) -> list:
    found = []
    for root, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            try:
                info = os.stat(os.path.join(root, name))
            except OSError:
                continue
            found.append([os.path.relpath(os.path.join(root, name), folder), info.st_size, info.st_mtime_ns])
    return found


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())
