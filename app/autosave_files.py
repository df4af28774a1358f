"""Where the wizard's autosave lives in the user data folder, without Qt.

`autosave/draft.json` is the running session's unsaved work and `autosave/recovered.json` the work a
session left behind when it did not end cleanly; each has a small note of the draft file it belongs
to. The wizard writes and restores them (app/qt/draft_files.py); the command line needs them only
to protect a draft everywhere it has a copy.
"""

from __future__ import annotations

import json
from pathlib import Path

from app import paths


def autosave_dir() -> Path:
    return paths.data_dir() / "autosave"


def autosave_file() -> Path:
    return autosave_dir() / "draft.json"


def autosave_note() -> Path:
    return autosave_dir() / "source.json"


def recovered_file() -> Path:
    return autosave_dir() / "recovered.json"


def recovered_note() -> Path:
    return autosave_dir() / "recovered-source.json"


def noted_source(note: Path) -> Path | None:
    """The draft file a note says its autosave belongs to; None for an unsaved draft or no note."""
    try:
        source = json.loads(note.read_text(encoding="utf-8")).get("path")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(source) if isinstance(source, str) and source else None


def seal_copies_of(draft_path: Path, passphrase: str, current: str | None = None) -> None:
    """Seal the autosaves that belong to `draft_path` with `passphrase`, as its backups are sealed
    when it is protected: plain ones, and those `current` opens. Others are left as they are."""
    from app.drafts import reseal

    target = Path(draft_path).resolve()
    for copy, note in ((autosave_file(), autosave_note()), (recovered_file(), recovered_note())):
        source = noted_source(note)
        if source is not None and source.resolve() == target:
            reseal(copy, passphrase, current)
