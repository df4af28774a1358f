"""Autosaves in the user data folder, one per draft, and the unsaved work sessions left behind.

`autosave/<draft id>.json` holds the unsaved work on one draft (sealed when the draft is protected),
beside `<draft id>.source.json`, a small note of the file it belongs to (null for a draft never
saved). A session removes its draft's autosave once the work is safe (saved, or deliberately
discarded), so at start an autosave still present was left by a session that did not end cleanly.
It is then set aside into `autosave/recovered/` before the new session autosaves anything, and
stays there, listed with every other one left, until the person restores or discards it: two
drafts' unsaved work after a crash is two recoveries, and nothing a later session does replaces one.

No Qt here: the draft session (app/session/draft_session.py) writes and restores them, and protecting a
draft (app/storage/draft_store.py) seals those that belong to it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.storage import paths

if TYPE_CHECKING:
    from app.storage.drafts import Draft

NOTE_SUFFIX = ".source.json"
# What the application wrote before drafts had ids: one autosave for all drafts, and the one a crash
# left (with their notes). Still set aside and sealed like the others, so an update loses none.
LEGACY = (("draft.json", "source.json"), ("recovered.json", "recovered-source.json"))
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json")


@dataclass(frozen=True)
class Recovery:
    """Unsaved work a session left behind."""

    file: Path
    note: Path
    saved: dt.datetime  # when it was written, local time
    source: Path | None  # the draft file it belongs to; None for a draft never saved

    @property
    def name(self) -> str:
        """The name of the draft file it belongs to; "" for a draft never saved."""
        return self.source.name if self.source else ""


def autosave_dir() -> Path:
    return paths.data_dir() / "autosave"


def recovered_dir() -> Path:
    return autosave_dir() / "recovered"


def autosave_file(draft_id: uuid.UUID | str) -> Path:
    return autosave_dir() / f"{draft_id}.json"


def note_of(file: Path) -> Path:
    """The note beside an autosave or a recovery, naming the draft file it belongs to."""
    return file.with_name(file.name.removesuffix(".json") + NOTE_SUFFIX)


def write_autosave(draft: Draft, source: Path | None, passphrase: str | None) -> None:
    """Write the draft's unsaved work (sealed with `passphrase`, if any) and the note of its file."""
    # Imported here, as below: the start page lists recoveries before pydantic and the pack load.
    from app.storage.drafts import draft_bytes, write_atomically

    target = autosave_file(draft.id)
    # Absolute: the command line may look for it from another working folder (seal_copies_of).
    note = {"path": str(Path(source).absolute()) if source else None}
    write_atomically(target, draft_bytes(draft, passphrase))
    write_atomically(note_of(target), json.dumps(note).encode("utf-8"))


def discard_autosave(draft_id: uuid.UUID | str) -> None:
    target = autosave_file(draft_id)
    _remove(target, note_of(target))


def set_aside_crashed_autosaves() -> None:
    """At start: every autosave still present was left by a session that did not end cleanly."""
    for file, note in _autosaves():
        _set_aside(file, note)


def recoveries() -> list[Recovery]:
    """The unsaved work sessions left behind, newest first."""
    found = []
    try:
        entries = list(recovered_dir().iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.endswith(".json") or entry.name.endswith(NOTE_SUFFIX):
            continue  # temporary files of a write, and the notes
        try:
            saved = dt.datetime.fromtimestamp(entry.stat().st_mtime)
        except OSError:
            continue
        found.append(Recovery(entry, note_of(entry), saved, noted_source(note_of(entry))))
    return sorted(found, key=lambda recovery: (recovery.saved, recovery.file.name), reverse=True)


def discard_recovery(recovery: Recovery) -> None:
    _remove(recovery.file, recovery.note)


def noted_source(note: Path) -> Path | None:
    """The draft file a note says its autosave belongs to; None for an unsaved draft or no note."""
    try:
        source = json.loads(note.read_text(encoding="utf-8")).get("path")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(source) if isinstance(source, str) and source else None


def seal_copies_of(draft_path: Path, passphrase: str, current: str | None = None) -> None:
    """Seal the autosaves and recoveries that belong to `draft_path` with `passphrase`, as its
    backups are sealed when it is protected: plain ones, and those `current` opens. Others are left
    as they are."""
    from app.storage.drafts import reseal

    target = Path(draft_path).resolve()
    copies = [*_autosaves(), *((r.file, r.note) for r in recoveries())]
    for copy, note in copies:
        source = noted_source(note)
        if source is not None and source.resolve() == target:
            reseal(copy, passphrase, current)


def _autosaves() -> list[tuple[Path, Path]]:
    """(autosave, note) of every draft's autosave present, and of those the application left
    before drafts had ids."""
    folder = autosave_dir()
    try:
        names = sorted(entry.name for entry in folder.iterdir() if _ID.fullmatch(entry.name))
    except OSError:
        return []
    found = [(folder / name, note_of(folder / name)) for name in names]
    return found + [(folder / file, folder / note) for file, note in LEGACY if (folder / file).exists()]


def _set_aside(file: Path, note: Path) -> None:
    folder = recovered_dir()
    stem, number = file.name.removesuffix(".json"), 1
    target = folder / f"{stem}.json"
    while target.exists() or note_of(target).exists():  # the same draft's work left by an earlier crash
        number += 1
        target = folder / f"{stem}-{number}.json"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.replace(file, target)
        if note.exists():
            os.replace(note, note_of(target))
    except OSError:
        pass  # left where it is: found again at the next start, and still sealed with its draft


def _remove(*files: Path) -> None:
    for path in files:
        try:
            path.unlink()
        except OSError:
            pass
