"""A draft on disk together with its copies: saving keeps a backup of what was saved, and protecting
a draft seals every copy of it (the file, its backups, the autosaves the wizard left of it).

Above app/storage/drafts.py (one file at a time), app/storage/backups.py and app/storage/autosave_files.py, which build on
drafts and know nothing of each other; so none of them needs to reach back up for another.
"""

from __future__ import annotations

from pathlib import Path

from app.storage import autosave_files, backups, protect
from app.storage.drafts import (Draft, DraftError, draft_bytes, open_protected, parse_draft, read_draft_text,
                        remove_stale_temporaries, write_atomically)
from catalogue import table

TEXT = table("drafts.error")


def save_draft(draft: Draft, path: Path, keep_backup: bool = True, passphrase: str | None = None) -> None:
    """Save atomically, then keep the saved version among the draft's backups (app/storage/backups.py).

    With a passphrase, the file and its backup hold only the sealed envelope.
    """
    path = Path(path)
    data = draft_bytes(draft, passphrase)
    write_atomically(path, data)
    remove_stale_temporaries(path)
    if keep_backup:
        backups.keep_backup_quietly(path, data)


def change_protection(path: Path, current: str | None, new: str | None) -> None:
    """Protect (new passphrase), re-protect or unprotect (new=None) the draft as saved in `path`.

    The saved text is sealed as it is, unsaved edits elsewhere are not involved. When protecting,
    the draft's backups and the autosaves of it are sealed too, so no copy stays readable.
    """
    path = Path(path)
    text = open_protected(read_draft_text(path), str(path), current)
    parse_draft(text, str(path))  # only a real draft gets sealed
    data = text.encode("utf-8")
    if new is not None:
        try:
            data = protect.seal(data, new)
        except protect.ProtectionError as error:
            raise DraftError(TEXT["not_changed"].format(path=path, reason=error)) from None
    write_atomically(path, data)
    remove_stale_temporaries(path)
    if new is not None:
        backups.seal_backups(path, new, current)
        autosave_files.seal_copies_of(path, new, current)
