"""The draft session's questions (app/session/prompts.py) asked in the wizard's dialogs, and what it
tells shown in a dialog or the status bar, in the wizard's words (app/qt/texts.py).

Light to import: the start page names the unsaved work found (`recovery_row`) before pydantic and
the pack load.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.storage import paths
from app.storage.autosave_files import Recovery
from app.qt.texts import TEXT
from app.session.prompts import Choice, Notice
from catalogue.formats import format_moment, format_number

if TYPE_CHECKING:
    from app.storage.backups import Backup
    from app.storage.drafts import DraftError

STATUS_SECONDS = 5


class DialogPrompts:
    """Prompts for the draft session of `window`, asked through `prompter` (app/qt/prompter.py)."""

    def __init__(self, window, prompter):
        self.window = window
        self.prompter = prompter

    def ask_passphrase(self, name: str, retry: bool) -> str | None:
        return self.prompter.ask_passphrase(self.window, name or TEXT["recovered_name"], retry)

    def ask_new_passphrase(self, protected: bool) -> str | None:
        return self.prompter.ask_new_passphrase(self.window, protected)

    def ask_save_changes(self, name: str) -> Choice:
        return self.prompter.ask_save_changes(self.window, name or TEXT["untitled"])

    def ask_save_path(self, suggested: Path | None) -> Path | None:
        return self.prompter.save_path(self.window, suggested or paths.drafts_dir() / f"{TEXT['untitled']}.json")

    def choose_version(self, name: str, versions: list[Backup]) -> int | None:
        rows = [TEXT["versions_row"].format(saved=b.local_time(), size=format_number(b.size)) for b in versions]
        return self.prompter.choose_version(self.window, name, rows)

    def choose_recovery(self, recoveries: list[Recovery]) -> int | None:
        return self.prompter.choose_recovery(self.window, [recovery_row(r) for r in recoveries])

    def cannot_open(self, path: Path, reason: DraftError, versions: list[Backup]) -> bool:
        from app.storage.drafts import WrongPassphrase

        if isinstance(reason, WrongPassphrase) and not versions:
            return False  # cancelled after a wrong passphrase: the question just said so
        text = TEXT["unreadable_text"].format(reason=reason)
        if not versions:
            self.prompter.error(self.window, TEXT["unreadable_title"], text)
            return False
        # The file may have been damaged on disk: then a version kept from an earlier save may open.
        text += "\n\n" + TEXT["unreadable_versions"].format(count=len(versions), newest=versions[0].local_time())
        return self.prompter.error(self.window, TEXT["unreadable_title"], text, action=TEXT["versions_button"])

    def tell(self, notice: Notice, **details: Any) -> None:
        _TELLERS[notice](self, **details)

    def _status(self, text: str, seconds: int = 0) -> None:
        self.window.statusBar().showMessage(text, seconds * 1000)

    def _error(self, title: str, text: str) -> None:
        self.prompter.error(self.window, title, text)

    def _info(self, title: str, text: str) -> None:
        self.prompter.info(self.window, title, text)


def recovery_row(recovery: Recovery) -> str:
    """One unsaved work left behind, as the start page and the choice list name it."""
    return TEXT["recovery_row"].format(name=recovery.name or TEXT["untitled"],
                                       when=format_moment(recovery.saved))


_TELLERS = {
    Notice.SAVED: lambda p, path: p._status(TEXT["saved"].format(path=path), STATUS_SECONDS),
    Notice.SAVE_FAILED: lambda p, reason: p._error(TEXT["save_failed_title"],
                                                   TEXT["save_failed_text"].format(reason=reason)),
    Notice.AUTOSAVE_FAILED: lambda p, reason: p._status(str(reason)),
    Notice.PROTECTION_CHANGED: lambda p, protected: p._status(
        TEXT["protected_now" if protected else "unprotected_now"], STATUS_SECONDS),
    Notice.PROTECTION_FAILED: lambda p, reason: p._error(TEXT["protect_failed_title"], str(reason)),
    Notice.VERSIONS_NEED_A_SAVE: lambda p: p._info(TEXT["versions_title"], TEXT["versions_unsaved"]),
    Notice.NO_VERSIONS: lambda p, name: p._info(TEXT["versions_title"], TEXT["versions_none"].format(name=name)),
    Notice.VERSION_RESTORED: lambda p, backup: p._status(
        TEXT["versions_restored"].format(saved=backup.local_time()), STATUS_SECONDS),
    Notice.VERSION_FAILED: lambda p, reason: p._error(TEXT["versions_failed_title"], str(reason)),
    Notice.RECOVERY_FAILED: lambda p, reason: p._error(TEXT["unreadable_title"],
                                                       TEXT["unreadable_text"].format(reason=reason)),
}
