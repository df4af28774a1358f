"""What a workspace folder holds: the draft files in it and where each sits.

A workspace is any folder. Every `.json` file under it is a draft as far as the workspace is
concerned (one that is not shows as damaged, never hidden), except in the folders the application
keeps for itself: each draft's kept versions (`.backups/`), the bin (`.bin/`), and temporary files
of a save in progress (hidden names). Two folders of its own are listed with the rest, marked:
archived drafts (`.archive/`) and templates (`.templates/`). Hidden folders of other programs
(`.git`, a sync tool's) are not looked into.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePosixPath

from app.storage.backups import FOLDER_NAME as BACKUPS

BIN = ".bin"
ARCHIVE = ".archive"
TEMPLATES = ".templates"
SUFFIX = ".json"


class Place(str, Enum):
    """Where in the workspace a draft sits, which says what it is for."""

    DRAFTS = "drafts"        # the work in progress
    ARCHIVE = "archive"      # put away, still listed under its status
    TEMPLATES = "templates"  # the starts of new drafts ("New from template")


_PLACES = {ARCHIVE: Place.ARCHIVE, TEMPLATES: Place.TEMPLATES}
# Folders of our own that are listed; every other hidden folder (the backups, the bin, another
# program's) is skipped.
_LISTED_HIDDEN = frozenset(_PLACES)
assert BACKUPS.startswith(".") and BIN.startswith(".")  # skipped as hidden folders


@dataclass(frozen=True)
class FileStat:
    """One draft file as the folder shows it, before it is read."""

    path: str  # relative to the workspace, with "/" between parts
    size: int
    mtime_ns: int


def place_of(relative: str) -> Place:
    return _PLACES.get(PurePosixPath(relative).parts[0], Place.DRAFTS)


def relative(folder: Path, path: Path) -> str:
    """`path` inside the workspace `folder`, as the index keys it ("client/system.json")."""
    return Path(path).relative_to(folder).as_posix()


def draft_files(folder: Path) -> dict[str, FileStat]:
    """Every draft file in the workspace, by relative path, with its size and modification time."""
    found: dict[str, FileStat] = {}
    _walk(Path(folder), "", found, top=True)
    return found


def draft_folders(folder: Path) -> list[Path]:
    """The workspace and every folder below it that may hold drafts (those `draft_files` looks
    into): what a watch on the workspace watches."""
    found = [Path(folder)]
    for path in found:  # grows as it goes: a breadth-first walk
        try:
            entries = list(os.scandir(path))
        except OSError:
            continue
        for entry in entries:
            hidden = entry.name.startswith(".")
            try:
                listed = not hidden or (path == Path(folder) and entry.name in _LISTED_HIDDEN)
                if listed and entry.is_dir(follow_symlinks=False):
                    found.append(Path(entry.path))
            except OSError:
                continue
    return found


def _walk(folder: Path, prefix: str, found: dict[str, FileStat], top: bool) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # a folder we may not read is left out, the rest is still listed
        return
    for entry in entries:
        name = entry.name
        hidden = name.startswith(".")
        try:
            if entry.is_dir(follow_symlinks=False):
                if not hidden or (top and name in _LISTED_HIDDEN):
                    _walk(Path(entry.path), f"{prefix}{name}/", found, top=False)
            elif not hidden and name.lower().endswith(SUFFIX) and entry.is_file():
                info = entry.stat()
                found[prefix + name] = FileStat(prefix + name, info.st_size, info.st_mtime_ns)
        except OSError:
            continue  # vanished while we looked, or unreadable: the next refresh sees it
