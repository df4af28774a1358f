"""Where drafts go on disk besides where the user saves them: the autosave, and the recent list.

The autosave is written a moment after each change (debounced) to the user data directory, next to
a small note of which file it belongs to. A clean close removes it, so finding one at start means
the last session ended without saving. It is then set aside as the "recovered" draft before this
session autosaves anything, so nothing the new session does can overwrite it; the start page (and
the File menu) offer to restore it until the person restores or discards it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app import paths
from app.autosave_files import autosave_file, autosave_note, noted_source, recovered_file, recovered_note

AUTOSAVE_DELAY_MS = 800
MAX_RECENT = 8


def set_aside_crashed_autosave() -> None:
    """At start: an autosave still present was left by a session that did not end cleanly."""
    import os

    if not autosave_file().exists():
        return
    try:
        os.replace(autosave_file(), recovered_file())
        if autosave_note().exists():
            os.replace(autosave_note(), recovered_note())
        else:
            recovered_note().unlink(missing_ok=True)
    except OSError:
        pass  # left where it is; restoring still finds nothing newer to lose


def _recent_file() -> Path:
    return paths.data_dir() / "recent.json"


def recent_drafts() -> list[Path]:
    """Recently opened or saved drafts that still exist, newest first."""
    try:
        names = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(names, list):
        return []
    return [Path(n) for n in names if isinstance(n, str) and Path(n).is_file()][:MAX_RECENT]


def remember_recent(path: Path) -> None:
    from app.drafts import write_atomically

    names = [str(path.resolve())] + [str(p) for p in recent_drafts() if p.resolve() != path.resolve()]
    try:
        write_atomically(_recent_file(), json.dumps(names[:MAX_RECENT], indent=1).encode("utf-8"))
    except Exception:  # noqa: BLE001 - a recent list that cannot be written is not worth a dialog
        pass


def pending_recovery() -> tuple[dt.datetime, Path | None] | None:
    """(when it was written, the file it belongs to) if a previous session left unsaved work."""
    if not recovered_file().exists():
        return None
    source = noted_source(recovered_note())
    when = dt.datetime.fromtimestamp(recovered_file().stat().st_mtime)
    return when, source


def discard_recovery() -> None:
    _remove(recovered_file(), recovered_note())


def discard_autosave() -> None:
    _remove(autosave_file(), autosave_note())


def _remove(*files: Path) -> None:
    for path in files:
        try:
            path.unlink()
        except OSError:
            pass


class Autosaver(QObject):
    """Writes the session's draft a moment after the last change, never on every keystroke."""

    saved = Signal()
    failed = Signal(str)

    def __init__(self, parent=None, delay_ms: int = AUTOSAVE_DELAY_MS):
        super().__init__(parent)
        self.session = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.write_now)

    def follow(self, session) -> None:
        self.session = session
        session.answers_changed.connect(self._on_answers_changed)

    def _on_answers_changed(self, _question_id: str) -> None:
        if self.session.dirty:
            self.timer.start()

    def write_now(self) -> None:
        from app.drafts import DraftError, draft_bytes, write_atomically

        self.timer.stop()
        if self.session is None or not self.session.dirty:
            return
        # Absolute: the command line may look for it from another working folder (autosave_files).
        note = {"path": str(Path(self.session.path).absolute()) if self.session.path else None}
        try:
            # A protected draft's autosave is sealed too: its plain text never reaches the disk.
            data = draft_bytes(self.session.draft, self.session.passphrase)
            write_atomically(autosave_file(), data)
            write_atomically(autosave_note(), json.dumps(note).encode("utf-8"))
        except DraftError as error:
            self.failed.emit(str(error))
            return
        self.saved.emit()

    def clear(self) -> None:
        """The draft is safe elsewhere (saved, or deliberately discarded)."""
        self.timer.stop()
        discard_autosave()
