"""The workspace's bin (`.bin/` in the workspace): deleted drafts wait there, with their kept
versions, until they are restored or the bin is emptied.

Each deleted draft gets a folder of its own in the bin, named by the time of deleting, holding the
file, its `.backups/`, and a small note of where it was. Restoring puts it back there (under a
free name if another file took its place). Emptying the bin cannot be undone, so it is done only
when the caller says the person confirmed it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from app.workspace.files import TEXT, WorkspaceError, free_path, move_draft
from app.workspace.folder import BIN, relative

NOTE = "deleted.json"


class NeedsConfirmation(WorkspaceError):
    """Something that cannot be undone, asked for without the person's confirmation."""


@dataclass(frozen=True)
class Binned:
    """One deleted draft in the bin."""

    folder: Path  # its folder in the bin
    origin: str  # where it was, relative to the workspace
    deleted: dt.datetime  # local time

    @property
    def name(self) -> str:
        return self.origin.rsplit("/", 1)[-1]

    @property
    def file(self) -> Path:
        return self.folder / self.name


def bin_folder(workspace: Path) -> Path:
    return Path(workspace) / BIN


def put(workspace: Path, path: Path) -> Binned:
    """Move the draft at `path` (with its kept versions) into the bin."""
    workspace, path = Path(workspace), Path(path)
    origin = relative(workspace, path)
    stamp = time.time_ns()
    while (bin_folder(workspace) / str(stamp)).exists():
        stamp += 1
    folder = bin_folder(workspace) / str(stamp)
    deleted = dt.datetime.now().astimezone().replace(microsecond=0)
    try:
        folder.mkdir(mode=0o700, parents=True)
        (folder / NOTE).write_text(json.dumps({"origin": origin, "deleted": deleted.isoformat()}), encoding="utf-8")
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise WorkspaceError(TEXT["not_moved"].format(name=path.name, reason=error.strerror or error)) from None
    try:
        move_draft(path, folder / path.name)
    except WorkspaceError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Binned(folder, origin, deleted)


def contents(workspace: Path) -> list[Binned]:
    """What the bin holds, the most recently deleted first."""
    found = []
    try:
        folders = [entry for entry in os.scandir(bin_folder(workspace)) if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for entry in folders:
        try:
            binned = _read(Path(entry.path))
        except OSError:
            continue
        if binned is not None:
            found.append(binned)
    return sorted(found, key=lambda b: b.folder.name, reverse=True)


def restore(workspace: Path, binned: Binned) -> Path:
    """Put a deleted draft back where it was (a free name beside it if that is taken); its path now."""
    target = free_path(Path(workspace) / binned.origin)
    move_draft(binned.file, target)
    shutil.rmtree(binned.folder, ignore_errors=True)
    return target


def empty(workspace: Path, confirmed: bool) -> int:
    """Delete everything in the bin for good; how many drafts went. Needs the person's confirmation."""
    if not confirmed:
        raise NeedsConfirmation(TEXT["confirm_empty"])
    gone = contents(workspace)
    for binned in gone:
        shutil.rmtree(binned.folder, ignore_errors=True)
    return len(gone)


def _read(folder: Path) -> Binned | None:
    """A bin folder's draft; one whose note is lost or damaged is still listed, as if from the top."""
    drafts = [p for p in folder.iterdir() if p.is_file() and p.name != NOTE and not p.name.startswith(".")]
    if not drafts:
        return None
    try:
        note = json.loads((folder / NOTE).read_text(encoding="utf-8"))
        origin, deleted = str(note["origin"]), dt.datetime.fromisoformat(note["deleted"])
        if origin.rsplit("/", 1)[-1] != drafts[0].name or origin.startswith("/") or ".." in origin.split("/"):
            raise ValueError(origin)
    except (OSError, ValueError, KeyError, TypeError):
        origin = drafts[0].name
        deleted = dt.datetime.fromtimestamp(drafts[0].stat().st_mtime).astimezone()
    return Binned(folder, origin, deleted)
