"""The draft session's questions (app/session/prompts.py) on the command line.

A passphrase comes from the first line of a file given as an option, or, when a person is at the
terminal, from a prompt that does not echo; which version to put back is the command's argument.
A passphrase is asked once: a wrong one ends the command, as does a question nobody can answer (no
file given, no terminal), so scripts never hang. The command ends by raising an error of one line
(a DraftError or a PromptError, which app.commands.main prints and exits 2 on); what went well is printed.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

from app.storage.autosave_files import Recovery
from app.storage.backups import Backup
from app.storage.drafts import DraftError, PassphraseRequired
from app.session.prompts import Choice, Notice
from catalogue import ntr, table

MAX_PASSPHRASE_FILE_BYTES = 64 * 1024

TEXT = table("terminal")


class PromptError(Exception):
    """A question the command line cannot get an answer to. The message is one line."""


class TerminalPrompts:
    """Prompts for the command on the draft at `path`: its passphrase from `passphrase_file` (or the
    terminal), a new one from `new_passphrase_file` (or the terminal, twice; none with `unprotect`),
    and `version`, the number of the kept version to put back (1 = newest)."""

    def __init__(self, path: Path, passphrase_file: Path | None = None, new_passphrase_file: Path | None = None,
                 unprotect: bool = False, version: int | None = None):
        self.path = Path(path)
        self.passphrase_file = passphrase_file
        self.new_passphrase_file = new_passphrase_file
        self.unprotect = unprotect
        self.version = version

    def ask_passphrase(self, name: str, retry: bool) -> str | None:
        if retry:
            return None  # a passphrase is asked once: the error that follows says it was wrong
        if self.passphrase_file:
            return read_passphrase_file(self.passphrase_file)
        if not sys.stdin.isatty():
            raise PassphraseRequired(f"{self.path}: {TEXT['needed']}")
        return self._typed(TEXT["prompt"].format(path=self.path))

    def ask_new_passphrase(self, protected: bool) -> str | None:
        if self.unprotect:
            return ""
        if self.new_passphrase_file:
            return read_passphrase_file(self.new_passphrase_file)
        if not sys.stdin.isatty():
            raise PromptError(f"{self.path}: {TEXT['new_needed']}")
        first = self._typed(TEXT["prompt_new"].format(path=self.path))
        if _prompt(TEXT["prompt_again"]) != first:
            raise PromptError(TEXT["mismatch"])
        return first

    def ask_save_changes(self, name: str) -> Choice:
        return Choice.CANCEL  # a command changes no answers, so it is never asked

    def ask_save_path(self, suggested: Path | None) -> Path | None:
        return suggested

    def choose_version(self, name: str, versions: list[Backup]) -> int | None:
        if self.version is None or not 1 <= self.version <= len(versions):
            raise PromptError(_no_such(self.path, self.version, len(versions)))
        return self.version - 1

    def choose_recovery(self, recoveries: list[Recovery]) -> int | None:
        return None  # the command line restores no unsaved work: that is the wizard's

    def cannot_open(self, path: Path, reason: DraftError, versions: list[Backup]) -> bool:
        if isinstance(reason, PassphraseRequired):
            raise reason  # nothing is wrong with the draft: the passphrase was not given
        problems = getattr(reason, "problems", [])
        more = ntr("cli.more_problems", len(problems) - 1) if len(problems) > 1 else ""
        raise DraftError(f"{reason}{more}{versions_hint(path, versions)}")

    def tell(self, notice: Notice, **details: Any) -> None:
        if "reason" in details:  # every failure: the command ends with it
            raise details["reason"]
        if notice is Notice.NO_VERSIONS:
            raise PromptError(_no_such(self.path, self.version, 0))
        if notice is Notice.VERSIONS_NEED_A_SAVE:
            raise PromptError(TEXT["not_saved"].format(path=self.path))
        print(_DONE[notice](self, **details))

    def _typed(self, prompt: str) -> str:
        typed = _prompt(prompt)
        if not typed:
            raise PromptError(TEXT["typed_empty"].format(path=self.path))
        return typed


_DONE = {
    Notice.SAVED: lambda p, path: TEXT["saved"].format(path=path),
    Notice.VERSION_RESTORED: lambda p, backup: TEXT["restored"].format(path=p.path, number=p.version,
                                                                       saved=backup.local_time()),
    Notice.PROTECTION_CHANGED: lambda p, protected: TEXT["protected" if protected else "unprotected"].format(
        path=p.path),
}


def versions_hint(path: Path, versions: list[Backup]) -> str:
    """For a draft that cannot be used: where its kept versions are, when it has some."""
    if not versions:
        return ""
    return ntr("cli.versions_hint", len(versions), command=f"python main.py backups {shlex.quote(str(path))}")


def _no_such(path: Path, number: int | None, count: int) -> str:
    return ntr("backups.no_such", count, path=path, number=number,
               command=f"python main.py backups {shlex.quote(str(path))}")


def ask_certificate_passphrase(path: Path) -> str:
    """The passphrase of the certificate file at `path`, typed at the terminal (not echoed)."""
    typed = _prompt(TEXT["certificate_prompt"].format(path=path))
    if not typed:
        raise PromptError(TEXT["typed_empty"].format(path=path))
    return typed


def read_passphrase_file(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_PASSPHRASE_FILE_BYTES:
            raise PromptError(TEXT["file_too_big"].format(path=path))
        raw = path.read_bytes()
    except OSError as error:
        raise PromptError(TEXT["file_unreadable"].format(path=path, reason=error.strerror or error)) from None
    try:
        lines = raw.decode("utf-8-sig").splitlines()  # Windows editors may start with a BOM
    except UnicodeDecodeError:
        raise PromptError(TEXT["file_not_text"].format(path=path)) from None
    if not lines or not lines[0]:
        raise PromptError(TEXT["file_empty"].format(path=path))
    return lines[0]


def _prompt(text: str) -> str:
    import getpass

    return getpass.getpass(text)
