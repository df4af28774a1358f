"""Work on a workspace's drafts: duplicate one for another client or system, templates, rename,
move to another client, archive, delete into the bin and restore. Each returns what it did and how
to undo it (app/workspace/history.py keeps them); each either does all it says or changes nothing
and raises WorkspaceError with one line.

A draft moves with its kept versions. A protected draft stays protected: what is written of it is
sealed with its passphrase, which the caller gives (the workspace remembers those unlocked in the
session). Where the workspace puts a client's drafts: beside the others of that client, else in a
folder named after the client.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable

from app.storage.backups import backup_folder, keep_backup_quietly
from app.storage.draft_store import save_draft
from app.storage.drafts import Answer, Draft, DraftError, load_draft, write_atomically
from app.results.names import file_stem
from app.workspace import bin as workspace_bin
from app.workspace.entry import Entry
from app.workspace.files import TEXT, WorkspaceError, draft_name, file_hash, free_path, move_draft, remove_file
from app.workspace.folder import ARCHIVE, TEMPLATES, Place, relative
from app.workspace.packs import Packs
from forms.evaluation import index_of
from forms.schema import Pack


class Action(str, Enum):
    DUPLICATE = "duplicate"
    RENAME = "rename"
    MOVE_TO_CLIENT = "move_to_client"
    ARCHIVE = "archive"
    UNARCHIVE = "unarchive"
    MAKE_TEMPLATE = "make_template"
    UNMAKE_TEMPLATE = "unmake_template"
    DELETE = "delete"
    RESTORE = "restore"


@dataclass(frozen=True)
class Done:
    """One action done: which, on which file, where the draft is now (None: in the bin), and how
    to undo it (the undoing returns where the draft is then, and raises WorkspaceError, changing
    nothing, when the files were changed since in a way that forbids it)."""

    action: Action
    name: str
    path: Path | None
    undo: Callable[[], Path | None] = field(repr=False, compare=False)


@dataclass(frozen=True)
class CopyOptions:
    """What a duplicate keeps: every answer but those of the `cleared` sections (by section id),
    the notes or not, and, when given, the new client's or system's name as their answers."""

    client: str | None = None
    system: str | None = None
    cleared: frozenset[str] = frozenset()
    notes: bool = True


# --- copies and templates --------------------------------------------------------------------

def duplicate(source: Path, target: Path, options: CopyOptions, packs: Packs,
              passphrase: str | None = None) -> Done:
    """A new draft at `target` (which must be free) from `source`: a new id, the answers and notes
    `options` keep. A protected source gives a copy protected with the same passphrase."""
    target = Path(target)
    draft, pack = _read(source, packs, passphrase)
    copy = copied(draft, pack, options)
    if target.exists():
        raise WorkspaceError(TEXT["exists"].format(name=target.name, folder=target.parent))
    _save(copy, target, passphrase)
    written = file_hash(target)
    return Done(Action.DUPLICATE, target.name, target, lambda: _remove_copy(target, written))


def copied(draft: Draft, pack: Pack, options: CopyOptions) -> Draft:
    """`draft` as the start of another assessment (pure): see CopyOptions."""
    index = index_of(pack)
    unknown = set(options.cleared) - set(index.sections)
    if unknown:
        raise WorkspaceError(TEXT["no_section"].format(section=sorted(unknown)[0]))
    answers = {qid: Answer(value=answer.value, note=answer.note if options.notes else "")
               for qid, answer in draft.answers.items()
               if qid not in index.section_of or index.section_of[qid].id not in options.cleared}
    applicant, system = draft.applicant, draft.system_name
    if options.cleared and pack.applicant_name_question in index.questions \
            and index.section_of[pack.applicant_name_question].id in options.cleared:
        applicant = ""
    if options.cleared and pack.system_name_question in index.questions \
            and index.section_of[pack.system_name_question].id in options.cleared:
        system = ""
    if options.client is not None:
        applicant = _named(answers, pack.applicant_name_question, options.client)
    if options.system is not None:
        system = _named(answers, pack.system_name_question, options.system)
    now = _now()
    return draft.model_copy(update=dict(id=uuid.uuid4(), created=now, modified=now, answers=answers,
                                        applicant=applicant, system_name=system))


def make_template(workspace: Path, path: Path) -> Done:
    """Mark a draft as a template: it moves to the workspace's templates (`.templates/`) and is
    offered by "New from template" from then on."""
    target = Path(workspace) / TEMPLATES / Path(path).name
    return _moved(Action.MAKE_TEMPLATE, path, target)


def unmake_template(workspace: Path, path: Path) -> Done:
    """A template back among the drafts, at the top of the workspace."""
    return _moved(Action.UNMAKE_TEMPLATE, path, Path(workspace) / Path(path).name)


# --- moving ----------------------------------------------------------------------------------

def rename(path: Path, new_name: str) -> Done:
    """Give a draft another file name in its folder (".json" is added when left out)."""
    path = Path(path)
    return _moved(Action.RENAME, path, path.with_name(draft_name(new_name)))


def archive(workspace: Path, path: Path) -> Done:
    """Put a draft away: it moves to `.archive/`, keeping its place below the workspace."""
    return _moved(Action.ARCHIVE, path, Path(workspace) / ARCHIVE / relative(Path(workspace), Path(path)))


def unarchive(workspace: Path, path: Path) -> Done:
    """An archived draft back where it was before it was archived."""
    try:
        inside = relative(Path(workspace) / ARCHIVE, Path(path))
    except ValueError:
        raise WorkspaceError(TEXT["not_archived"].format(name=Path(path).name)) from None
    return _moved(Action.UNARCHIVE, path, Path(workspace) / inside)


def move_to_client(workspace: Path, path: Path, client: str, packs: Packs, entries: Iterable[Entry] = (),
                   passphrase: str | None = None) -> Done:
    """The draft becomes another client's: its applicant's name is that client's, and it moves to
    that client's folder (`client_folder`). The earlier version stays among its kept versions."""
    path = Path(path)
    draft, pack = _read(path, packs, passphrase)
    before = path.read_bytes()
    _named(draft.answers, pack.applicant_name_question, client)
    draft = draft.model_copy(update=dict(applicant=client.strip(), modified=_now()))
    folder = client_folder(Path(workspace), client, entries)
    target = path if folder == path.parent else free_path(folder / path.name)
    if target != path:
        move_draft(path, target)
    try:
        _save(draft, target, passphrase)
    except WorkspaceError:
        if target != path:
            move_draft(target, path)
        raise
    written = file_hash(target)
    return Done(Action.MOVE_TO_CLIENT, path.name, target, lambda: _put_back(target, path, before, written))


def client_folder(workspace: Path, client: str, entries: Iterable[Entry] = ()) -> Path:
    """Where the workspace puts a client's drafts: the folder holding the most of that client's
    drafts already, else a folder named after the client."""
    wanted = client.strip().casefold()
    counts: dict[str, int] = {}
    for entry in entries:
        if entry.place is Place.DRAFTS and entry.summary.client.strip().casefold() == wanted:
            parent = entry.path.rpartition("/")[0]
            counts[parent] = counts.get(parent, 0) + 1
    if counts:
        return Path(workspace) / max(sorted(counts), key=counts.__getitem__)
    stem = file_stem(client)
    if not stem or stem.startswith("."):
        raise WorkspaceError(TEXT["bad_name"].format(name=client))
    return Path(workspace) / stem


# --- the bin ---------------------------------------------------------------------------------

def delete(workspace: Path, path: Path) -> Done:
    """Move a draft (with its kept versions) into the workspace's bin."""
    binned = workspace_bin.put(Path(workspace), Path(path))
    return Done(Action.DELETE, binned.name, None, lambda: workspace_bin.restore(Path(workspace), binned))


def restore(workspace: Path, binned: workspace_bin.Binned) -> Done:
    """Put a draft from the bin back where it was."""
    path = workspace_bin.restore(Path(workspace), binned)

    def undo() -> None:
        workspace_bin.put(Path(workspace), path)
    return Done(Action.RESTORE, binned.name, path, undo)


# --- helpers ---------------------------------------------------------------------------------

def _moved(action: Action, source: Path, target: Path) -> Done:
    source, target = Path(source), Path(target)
    move_draft(source, target)

    def undo() -> Path:
        move_draft(target, source)
        return source
    return Done(action, source.name, target, undo)


def _read(path: Path, packs: Packs, passphrase: str | None) -> tuple[Draft, Pack]:
    try:
        draft = load_draft(Path(path), passphrase)
    except DraftError as error:
        raise WorkspaceError(str(error)) from None
    pack = packs.for_draft(draft.lock)
    if pack is None:
        raise WorkspaceError(TEXT["no_pack"].format(name=Path(path).name, pack=draft.lock.pack.id))
    return draft, pack


def _save(draft: Draft, target: Path, passphrase: str | None) -> None:
    try:
        save_draft(draft, target, passphrase=passphrase)
    except DraftError as error:
        raise WorkspaceError(str(error)) from None


def _named(answers: dict[str, Answer], question: str | None, name: str) -> str:
    """Set the answer that names the client or system (kept with its note); the name, trimmed."""
    name = name.strip()
    if question:
        note = answers[question].note if question in answers else ""
        answers[question] = Answer(value=name, note=note)
    return name


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _remove_copy(path: Path, written: str | None) -> None:
    """Undo a copy: remove it, unless it was changed since (then it is someone's work)."""
    if file_hash(path) != written:
        raise WorkspaceError(TEXT["changed_since"].format(name=path.name))
    remove_file(path)
    shutil.rmtree(backup_folder(path), ignore_errors=True)


def _put_back(now: Path, before: Path, data: bytes, written: str | None) -> Path:
    """Undo a move to another client: the draft as it was, where it was."""
    if file_hash(now) != written:
        raise WorkspaceError(TEXT["changed_since"].format(name=now.name))
    if now != before and before.exists():
        raise WorkspaceError(TEXT["exists"].format(name=before.name, folder=before.parent))
    try:
        write_atomically(now, data)
    except DraftError as error:
        raise WorkspaceError(str(error)) from None
    keep_backup_quietly(now, data)
    if now != before:
        move_draft(now, before)
    return before
