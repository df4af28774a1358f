"""The wizard's side of drafts on disk: the recent list, and autosaving a moment after each change.

What an autosave is, where it goes and what happens to it after a crash is the draft session's
(app/session/draft_session.py, app/storage/autosave_files.py); here is only the timer that decides when, so the
draft is written a moment after the last change and never on every keystroke.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.storage import paths

AUTOSAVE_DELAY_MS = 800
MAX_RECENT = 8


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
    from app.storage.drafts import temporary_beside

    names = [str(path.resolve())] + [str(p) for p in recent_drafts() if p.resolve() != path.resolve()]
    target = _recent_file()
    # Replaced whole (a crash leaves the old list or the new one), but without waiting for the disk
    # as a draft's save does: a draft named at start is remembered before its page is shown, and
    # the list holds nothing a person typed.
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = temporary_beside(target)  # owner-only, as mkstemp makes it
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(json.dumps(names[:MAX_RECENT], indent=1).encode("utf-8"))
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except Exception:  # noqa: BLE001 - a recent list that cannot be written is not worth a dialog
        pass


class Autosaver(QObject):
    """Has the session's draft autosaved a moment after the last change."""

    saved = Signal()

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

    def _on_answers_changed(self, question_id: str) -> None:
        # An edit (a question id); a whole draft put in place ("") is autosaved by the session itself
        # when it has unsaved work (restored after a crash).
        if question_id and self.session.dirty:
            self.timer.start()

    def write_now(self) -> None:
        """Autosave now (a failure is told through the session's prompts)."""
        self.timer.stop()
        if self.session is not None and self.session.drafts.autosave():
            self.saved.emit()
