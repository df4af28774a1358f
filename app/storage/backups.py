"""Backups: the last few saved versions of each draft, kept beside it, and restoring one.

Each save of a draft also keeps a copy in `<draft folder>/.backups/<draft file name>/`, named by the
time of saving in nanoseconds (so names sort by age), readable by the owner only. Only the newest
`KEEP` copies stay. Restoring writes the chosen copy over the draft atomically, after keeping the
current draft as a backup too, so a restore can itself be undone. Nothing here depends on the
command line or the wizard.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from app.storage.drafts import (MAX_DRAFT_BYTES, TEMPORARY_RANDOM_PART, DraftError, check_draft_text, remove_stale_temporaries,
                        reseal, write_atomically)
from catalogue import table

TEXT = table("backups.error")

KEEP = 5
FOLDER_NAME = ".backups"


@dataclass(frozen=True)
class Backup:
    path: Path
    saved: dt.datetime  # UTC
    size: int

    def local_time(self) -> str:
        """When it was saved, in the user's time zone and the language's format."""
        from catalogue.formats import format_datetime

        return format_datetime(self.saved)


def backup_folder(draft_path: Path) -> Path:
    draft_path = Path(draft_path)
    return draft_path.parent / FOLDER_NAME / draft_path.name


def keep_backup(draft_path: Path, data: bytes, keep: int = KEEP) -> Path | None:
    """Keep `data` (the draft as just saved) as the newest backup; None when it equals the newest."""
    folder = backup_folder(draft_path)
    _private_folder(folder.parent)
    _private_folder(folder)
    existing = list_backups(draft_path)
    if existing and _read_quietly(existing[0].path) == data:
        return None  # an autosave with nothing changed adds no version
    stamp = time.time_ns()
    while (folder / f"{stamp:020d}.json").exists():
        stamp += 1
    target = folder / f"{stamp:020d}.json"
    write_atomically(target, data)
    _prune(draft_path, keep)
    remove_stale_backup_temporaries(draft_path)
    return target


def keep_backup_quietly(draft_path: Path, data: bytes) -> bool:
    """As keep_backup, but a backup that cannot be written never undoes the save that succeeded."""
    try:
        keep_backup(draft_path, data)
    except (DraftError, OSError):
        return False
    return True


def list_backups(draft_path: Path) -> list[Backup]:
    """The kept versions of a draft, newest first."""
    folder = backup_folder(draft_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        stem = entry.name.removesuffix(".json")
        if entry.name.startswith(".") or not entry.name.endswith(".json") or not stem.isdigit():
            continue  # temporary files of an interrupted save, or anything else
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        saved = dt.datetime.fromtimestamp(int(stem) / 1e9, tz=dt.timezone.utc)
        found.append(Backup(entry, saved, size))
    return sorted(found, key=lambda backup: backup.path.name, reverse=True)


def restore_backup(draft_path: Path, backup: Backup) -> None:
    """Put `backup` back as the draft; the draft as it was becomes a backup first."""
    draft_path = Path(draft_path)
    if backup.size > MAX_DRAFT_BYTES:
        raise DraftError(TEXT["too_large"].format(path=backup.path))
    try:
        data = backup.path.read_bytes()
    except OSError as error:
        raise DraftError(TEXT["unreadable"].format(path=backup.path, reason=error.strerror or error)) from None
    try:
        check_draft_text(data.decode("utf-8"), str(backup.path))  # a protected backup stays protected
    except UnicodeDecodeError:
        raise DraftError(TEXT["not_text"].format(path=backup.path)) from None
    current = _read_quietly(draft_path)
    if current is None and draft_path.exists():
        raise DraftError(TEXT["current_unreadable"].format(path=draft_path))
    if current is not None and not _is_kept(draft_path, current):
        keep_backup(draft_path, current, keep=KEEP + 1)  # +1: the chosen one must survive the prune
    write_atomically(draft_path, data)


def _is_kept(draft_path: Path, data: bytes) -> bool:
    """True when one of the kept versions holds exactly `data` (keeping it again would only push
    an older version out)."""
    return any(backup.size == len(data) and _read_quietly(backup.path) == data for backup in list_backups(draft_path))


def seal_backups(draft_path: Path, passphrase: str, current: str | None = None) -> None:
    """Seal the draft's backups with `passphrase`: plain ones, and those `current` opens.

    A backup sealed under some other passphrase is left as it is: it is protected already.
    """
    for backup in list_backups(draft_path):
        reseal(backup.path, passphrase, current)
    remove_stale_backup_temporaries(draft_path)  # an interrupted backup may have left plain text


# What temporary_beside names the temporary file of a backup being written (see app/storage/drafts.py).
_BACKUP_TEMPORARY = re.compile(rf"\.(\d{{20}}\.json)\.{TEMPORARY_RANDOM_PART}\.tmp")


def remove_stale_backup_temporaries(draft_path: Path) -> None:
    """Remove what interrupted backup writes left in the draft's backup folder (old enough that no
    write still running owns it), as a save does beside the draft itself."""
    folder = backup_folder(draft_path)
    try:
        names = {match.group(1) for entry in folder.iterdir() if (match := _BACKUP_TEMPORARY.fullmatch(entry.name))}
    except OSError:
        return
    for name in names:
        remove_stale_temporaries(folder / name)


def _prune(draft_path: Path, keep: int) -> None:
    for old in list_backups(draft_path)[keep:]:
        try:
            old.path.unlink()
        except OSError:
            pass


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        os.chmod(folder, 0o700)  # mkdir's mode is reduced by the umask, never widened; make sure


def _read_quietly(path: Path) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None
