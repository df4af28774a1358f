"""What a draft session asks the person, and what it tells them: one small interface.

The session (app/session/draft_session.py) decides when to ask and what follows from the answer; whoever
implements `Prompts` decides how to ask and in what words. The wizard asks in dialogs
(app/qt/dialog_prompts.py), the command line at the terminal or from files given as options
(app/commands/terminal_prompts.py), the tests from a script. Nothing here holds a sentence a person reads.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.storage.autosave_files import Recovery
    from app.storage.backups import Backup
    from app.storage.drafts import DraftError


class Choice(str, Enum):
    """The answer to "save the changes first?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Notice(str, Enum):
    """What the session tells, with the details it passes along (as keyword arguments)."""

    SAVED = "saved"                          # path
    SAVE_FAILED = "save_failed"              # reason
    AUTOSAVE_FAILED = "autosave_failed"      # reason
    PROTECTION_CHANGED = "protection_changed"  # protected (bool)
    PROTECTION_FAILED = "protection_failed"  # reason
    VERSIONS_NEED_A_SAVE = "versions_need_a_save"  # (the draft was never saved: no versions yet)
    NO_VERSIONS = "no_versions"              # name
    VERSION_RESTORED = "version_restored"    # backup
    VERSION_FAILED = "version_failed"        # reason
    RECOVERY_FAILED = "recovery_failed"      # reason


class Prompts(Protocol):
    def ask_passphrase(self, name: str, retry: bool) -> str | None:
        """The passphrase of the protected draft `name` (its file name; "" for unsaved work never
        saved to a file). `retry`: the last one given did not open it. None: the person cancels."""

    def ask_new_passphrase(self, protected: bool) -> str | None:
        """A new passphrase; "" to remove the protection (only when `protected`); None: cancel."""

    def ask_save_changes(self, name: str) -> Choice:
        """The draft `name` ("" when never saved) has unsaved changes: save, discard or cancel?"""

    def ask_save_path(self, suggested: Path | None) -> Path | None:
        """Where to save the draft (`suggested`: where it is now, if anywhere). None: cancel."""

    def choose_version(self, name: str, versions: list[Backup]) -> int | None:
        """Which of the kept versions (newest first) to put back; None: cancel."""

    def choose_recovery(self, recoveries: list[Recovery]) -> int | None:
        """Which of the unsaved works left behind (newest first) to restore; None: cancel."""

    def cannot_open(self, path: Path, reason: DraftError, versions: list[Backup]) -> bool:
        """The draft at `path` cannot be opened, for `reason`; the file was left as it is. With
        versions kept, offer to put one back: True when the person wants that."""

    def tell(self, notice: Notice, **details: Any) -> None:
        """Say what happened (see Notice for the details each one passes)."""
