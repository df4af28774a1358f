"""Moving draft files inside a workspace: a draft goes with its kept versions, nothing is ever
written over, and every failure is one line saying what and why.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from app.results.names import file_stem
from app.storage.backups import backup_folder
from app.workspace.folder import SUFFIX
from catalogue import table

TEXT = table("workspace.error")


class WorkspaceError(Exception):
    """Work on the workspace's files that cannot be done; the message is one line. Nothing was changed."""


def move_draft(source: Path, target: Path) -> None:
    """Move the draft `source` to `target` (a path that must be free), with its kept versions."""
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise WorkspaceError(TEXT["missing"].format(name=source.name))
    if target.exists():
        raise WorkspaceError(TEXT["exists"].format(name=target.name, folder=target.parent))
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _move(source, target)
    except OSError as error:
        raise WorkspaceError(TEXT["not_moved"].format(name=source.name, reason=error.strerror or error)) from None
    old_versions, new_versions = backup_folder(source), backup_folder(target)
    if old_versions.is_dir() and not new_versions.exists():
        try:
            new_versions.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            _move(old_versions, new_versions)
        except OSError:
            pass  # the draft moved; its earlier versions stay where they were, still on disk


def free_path(path: Path) -> Path:
    """`path` when nothing is there, else the first of "name 2.json", "name 3.json" ... that is free."""
    path = Path(path)
    number = 2
    candidate = path
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem} {number}{path.suffix}")
        number += 1
    return candidate


def draft_name(name: str) -> str:
    """A file name for a draft from what a person typed: unsafe characters dropped, ".json" added."""
    stem = file_stem(name.removesuffix(SUFFIX).removesuffix(SUFFIX.upper()))
    if not stem or stem.startswith("."):
        raise WorkspaceError(TEXT["bad_name"].format(name=name))
    return stem + SUFFIX


def file_hash(path: Path) -> str | None:
    """SHA-256 of the file's bytes; None when it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def remove_file(path: Path) -> None:
    try:
        Path(path).unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise WorkspaceError(TEXT["not_removed"].format(name=Path(path).name, reason=error.strerror or error)) from None


def _move(source: Path, target: Path) -> None:
    try:
        os.rename(source, target)
    except OSError as error:
        if error.errno != 18:  # EXDEV: another disk (a workspace spanning drives); copy, then remove
            raise
        shutil.move(str(source), str(target))
