"""One workspace opened in this session: its index, the passphrases given for its protected drafts
(in memory only, never in the index), the work done on its files and the undo history of that work.

The start page and the command line go through it. After an action the caller refreshes (a moved
file keeps its row: the index knows its bytes; a new copy is read once).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app.session.draft_session import read_with_passphrase
from app.session.prompts import Prompts
from app.storage.drafts import DraftError
from app.workspace import actions
from app.workspace import bin as workspace_bin
from app.workspace.actions import CopyOptions, Done
from app.workspace.entry import Entry
from app.workspace.files import TEXT, WorkspaceError, draft_name, free_path
from app.workspace.folder import TEMPLATES, Place, relative
from app.workspace.history import History
from app.workspace.index import Changes, Progress, WorkspaceIndex
from app.workspace.packs import Packs
from app.workspace.summary import State, Summary, content_hash, summarise, summarise_draft


@dataclass(frozen=True)
class _Unlocked:
    passphrase: str
    hash: str
    summary: Summary


class WorkspaceSession:
    def __init__(self, folder: Path, packs: Packs | None = None, database: Path | None = None):
        self.index = WorkspaceIndex(folder, database, packs)
        self.folder = self.index.folder
        self.history = History()
        self._unlocked: dict[str, _Unlocked] = {}  # by relative path

    @property
    def packs(self) -> Packs:
        return self.index.packs

    # --- the table ---------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """Every draft as the index has it; protected ones unlocked in this session with their details."""
        return [self.shown(entry) for entry in self.index.entries()]

    def shown(self, entry: Entry) -> Entry:
        unlocked = self._unlocked.get(entry.path)
        if entry.state is State.PROTECTED and unlocked is not None and unlocked.hash == entry.hash:
            return entry.unlocked(unlocked.summary)
        return entry

    def refresh(self, progress: Callable[[Progress], None] | None = None, workers: int | None = None) -> Changes:
        changes = self.index.refresh(progress, workers)
        if self._unlocked:
            self.follow_unlocked()
        return changes

    def templates(self) -> list[Entry]:
        return [entry for entry in self.entries() if entry.place is Place.TEMPLATES]

    def path(self, entry: Entry) -> Path:
        return self.folder / entry.path

    def sections(self, entry: Entry) -> list[tuple[str, str]]:
        """(id, title) of the sections of the pack a draft was made with (its kit's, the kit's own
        sections included, when it was made with a kit seen), for choosing what a copy keeps; none
        when the pack is not known (a draft still locked, or of a pack not installed)."""
        pack = self.packs.for_id(entry.summary.pack, entry.summary.kit) if entry.summary.pack else None
        return [(section.id, section.title) for section in pack.sections] if pack else []

    # --- protected drafts --------------------------------------------------------------------

    def unlock(self, entry: Entry, prompts: Prompts) -> Entry:
        """Ask for a protected draft's passphrase until it opens it (or the person cancels); the
        entry as shown then."""
        if self._passphrase(entry.path, prompts) is None:
            return entry
        return self.shown(entry)

    def _passphrase(self, relative_path: str, prompts: Prompts | None) -> str | None:
        """The passphrase of a protected draft: the one given in this session, else asked for."""
        known = self._unlocked.get(relative_path)
        path = self.folder / relative_path
        if known is not None and known.hash == _hash_of(path):
            return known.passphrase
        if prompts is None:
            return None
        try:
            opened = read_with_passphrase(path, path.name, prompts)
        except DraftError as error:
            raise WorkspaceError(str(error)) from None
        if opened is None or opened[1] is None:
            return None
        draft, passphrase = opened
        self._unlocked[relative_path] = _Unlocked(passphrase, _hash_of(path) or "",
                                                  summarise_draft(draft, self.packs, protected=True))
        return passphrase

    def follow_unlocked(self) -> None:
        """After a refresh of the index: an unlocked draft saved again is read again with its
        passphrase; one gone is forgotten."""
        if not self._unlocked:
            return
        rows = {entry.path: entry for entry in self.index.entries()}
        for path, unlocked in list(self._unlocked.items()):
            entry = rows.get(path)
            if entry is None or not entry.summary.protected:
                del self._unlocked[path]
            elif entry.hash != unlocked.hash:
                data = (self.folder / path).read_bytes() if (self.folder / path).is_file() else b""
                summary = summarise(data, path, self.packs, unlocked.passphrase)
                if summary.state is State.READ:
                    self._unlocked[path] = _Unlocked(unlocked.passphrase, content_hash(data), summary)
                else:
                    del self._unlocked[path]

    def _moved(self, done: Done, before: str) -> Done:
        """Keep what was unlocked of a draft when it moves."""
        unlocked = self._unlocked.pop(before, None)
        if unlocked is not None and done.path is not None:
            self._unlocked[relative(self.folder, done.path)] = unlocked
        return done

    # --- actions, each undoable --------------------------------------------------------------

    def duplicate(self, entry: Entry, target: Path, options: CopyOptions, prompts: Prompts | None = None) -> Done:
        """A copy of `entry` at `target` (see actions.duplicate); a protected one needs its passphrase."""
        passphrase = self._passphrase_if_protected(entry, prompts)
        return self.history.record(actions.duplicate(self.path(entry), target, options, self.packs, passphrase))

    def suggest_copy(self, entry: Entry, client: str | None = None, system: str | None = None,
                     template: bool = False) -> Path:
        """A free path for a copy of `entry`: among the templates, in the client's folder, or beside it."""
        source = self.path(entry)
        name = draft_name(system) if system and system.strip() else source.name
        if template:
            folder = self.folder / TEMPLATES
        elif client and client.strip():
            folder = actions.client_folder(self.folder, client, self.index.entries())
        else:
            folder = source.parent if entry.place is Place.DRAFTS else self.folder
        return free_path(folder / name)

    def rename(self, entry: Entry, new_name: str) -> Done:
        return self._record(actions.rename(self.path(entry), new_name), entry)

    def move_to_client(self, entry: Entry, client: str, prompts: Prompts | None = None) -> Done:
        passphrase = self._passphrase_if_protected(entry, prompts)
        done = actions.move_to_client(self.folder, self.path(entry), client, self.packs, self.index.entries(),
                                      passphrase)
        self._unlocked.pop(entry.path, None)  # rewritten: read again on the next refresh if unlocked again
        return self.history.record(done)

    def archive(self, entry: Entry) -> Done:
        return self._record(actions.archive(self.folder, self.path(entry)), entry)

    def unarchive(self, entry: Entry) -> Done:
        return self._record(actions.unarchive(self.folder, self.path(entry)), entry)

    def make_template(self, entry: Entry) -> Done:
        return self._record(actions.make_template(self.folder, self.path(entry)), entry)

    def unmake_template(self, entry: Entry) -> Done:
        return self._record(actions.unmake_template(self.folder, self.path(entry)), entry)

    def delete(self, entry: Entry) -> Done:
        return self._record(actions.delete(self.folder, self.path(entry)), entry)

    def bin_contents(self) -> list[workspace_bin.Binned]:
        return workspace_bin.contents(self.folder)

    def restore(self, binned: workspace_bin.Binned) -> Done:
        return self.history.record(actions.restore(self.folder, binned))

    def empty_bin(self, confirmed: bool) -> int:
        """Delete the bin's drafts for good: cannot be undone, so only with the person's confirmation."""
        return workspace_bin.empty(self.folder, confirmed)

    def undo(self) -> tuple[Done, Path | None]:
        """Undo the last action (WorkspaceError when the files changed since in a way that forbids it)."""
        last = self.history.last
        if last is None:
            raise WorkspaceError(TEXT["nothing_to_undo"])
        done, path = self.history.undo()
        unlocked = self._unlocked.pop(relative(self.folder, last.path), None) if last.path else None
        if unlocked is not None and path is not None:
            self._unlocked[relative(self.folder, path)] = unlocked
        return done, path

    def _record(self, done: Done, entry: Entry) -> Done:
        return self.history.record(self._moved(done, entry.path))

    def _passphrase_if_protected(self, entry: Entry, prompts: Prompts | None) -> str | None:
        if not entry.summary.protected:
            return None
        passphrase = self._passphrase(entry.path, prompts)
        if passphrase is None:
            raise WorkspaceError(TEXT["locked"].format(name=entry.name))
        return passphrase


def _hash_of(path: Path) -> str | None:
    try:
        return content_hash(Path(path).read_bytes())
    except OSError:
        return None
