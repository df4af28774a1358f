"""The workspace's index: each draft file's summary kept in an SQLite database in the user data
folder (never in the client's folder), so a folder of a thousand drafts lists at once.

A row is keyed by the file's path in the workspace, its size, modification time and content hash,
and by the stamp of what its summary was read with (the packs and the language). Refreshing looks
at every file (a stat, cheap) and reads only those whose size or time changed, or whose stamp is
not the current one; a file whose bytes turn out unchanged (touched, copied back) keeps its row,
and one whose bytes another row already has (copied in, moved) takes that row's summary without
being classified again. Files gone are dropped. So drafts edited outside the application, copied
in or deleted show as they are after each refresh.

The index is a cache: the files are the truth. A database of another schema version, or one that
cannot be read, is replaced by a new one built from the files. Each call opens its own
connection, so a worker thread can refresh while the table reads.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from app.storage.paths import data_dir
from app.workspace.entry import Entry
from app.workspace.files import WorkspaceError
from app.workspace.folder import FileStat, draft_files
from app.workspace.packs import Packs
from app.workspace.reading import summaries, worker_count
from app.storage.drafts import MAX_DRAFT_BYTES
from app.workspace.summary import Jurisdiction, State, Summary, content_hash
from catalogue import table

SCHEMA_VERSION = 4  # 2: the kit's label; 3: the open comments; 4: each jurisdiction's result
TEXT = table("workspace.problem")
ERRORS = table("workspace.error")

_COLUMNS = ("path", "size", "mtime_ns", "hash", "stamp", "state", "protected", "problem", "draft_id", "client",
            "system", "pack", "kit", "kit_label", "tier", "tier_label", "could_be", "could_be_labels", "colour", "required",
            "given", "deadline", "open_comments", "jurisdictions")
_SCHEMA = f"""
CREATE TABLE drafts (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL,
    stamp TEXT NOT NULL, state TEXT NOT NULL, protected INTEGER NOT NULL, problem TEXT NOT NULL,
    draft_id TEXT NOT NULL, client TEXT NOT NULL, system TEXT NOT NULL, pack TEXT NOT NULL, kit TEXT NOT NULL,
    kit_label TEXT NOT NULL,
    tier TEXT NOT NULL, tier_label TEXT NOT NULL, could_be TEXT NOT NULL, could_be_labels TEXT NOT NULL,
    colour TEXT NOT NULL, required INTEGER NOT NULL, given INTEGER NOT NULL, deadline TEXT NOT NULL,
    open_comments INTEGER, jurisdictions TEXT NOT NULL
);
CREATE INDEX drafts_by_hash ON drafts (hash, stamp);
CREATE TABLE workspace (folder TEXT NOT NULL);
PRAGMA user_version = {SCHEMA_VERSION};
"""


def index_file(folder: Path) -> Path:
    """Where the index of the workspace `folder` is kept: in the data folder, named by the folder's path."""
    key = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:24]
    return data_dir() / "workspaces" / f"{key}.sqlite3"


@dataclass
class Changes:
    """What a refresh found, by relative path."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass(frozen=True)
class Progress:
    """Told while a refresh reads files: how many of `total` are done, and the entries just written."""

    done: int
    total: int
    entries: list[Entry]


class WorkspaceIndex:
    def __init__(self, folder: Path, database: Path | None = None, packs: Packs | None = None):
        self.folder = Path(folder).resolve()
        self.database = database or index_file(self.folder)
        self._packs = packs

    @property
    def packs(self) -> Packs:
        if self._packs is None:
            self._packs = Packs()
        return self._packs

    def entries(self) -> list[Entry]:
        """Every row of the index, as the last refresh left it; no file is read."""
        with self._connect() as db:
            return [_entry(row) for row in db.execute(f"SELECT {', '.join(_COLUMNS)} FROM drafts ORDER BY path")]

    def refresh(self, progress: Callable[[Progress], None] | None = None, workers: int | None = None) -> Changes:
        """Bring the index up to the files; `progress` is told as files are read. `workers`:
        processes to classify with (None: as many as suit the number of files). A workspace
        folder that cannot be reached raises WorkspaceError and leaves the index as it was."""
        if not self.folder.is_dir():  # a shared drive away: the rows stay as they were, not dropped
            raise WorkspaceError(ERRORS["no_folder"].format(path=self.folder))
        found = draft_files(self.folder)
        self.packs.look_again()
        stamp = self.packs.stamp()
        changes = Changes()
        with self._connect() as db:
            stored = {row[0]: row[1:] for row in db.execute("SELECT path, size, mtime_ns, hash, stamp FROM drafts")}
            changes.removed = sorted(set(stored) - set(found))
            todo = [stat for path, stat in sorted(found.items()) if _stale(stored.get(path), stat, stamp)]
            pending = self._settle_known(db, todo, stored, stamp, changes)
            # Dropped only now: a file moved or renamed outside found its bytes' row above.
            db.executemany("DELETE FROM drafts WHERE path = ?", [(path,) for path in changes.removed])
            db.commit()
            count = workers if workers is not None else worker_count(len(pending))
            self._read(db, pending, stamp, stored, changes, progress, count)
        return changes

    def _settle_known(self, db, todo: list[FileStat], stored: dict, stamp: str, changes: Changes) -> list[FileStat]:
        """Rows for the files whose bytes are known (unchanged, or another file's) or cannot be read;
        the others, to classify."""
        pending = []
        for stat in todo:
            old = stored.get(stat.path)
            data = _read_bytes(self.folder / stat.path, stat.size)
            if isinstance(data, Summary):  # too large or unreadable: no hash, so looked at again each time
                _write(db, Entry.of(stat, "", data), stamp)
                _note(changes, stat.path, old)
                continue
            hash_ = content_hash(data)
            if old is not None and old[2] == hash_ and old[3] == stamp:
                db.execute("UPDATE drafts SET size = ?, mtime_ns = ? WHERE path = ?",
                           (stat.size, stat.mtime_ns, stat.path))
                continue
            twin = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM drafts WHERE hash = ? AND stamp = ? LIMIT 1",
                              (hash_, stamp)).fetchone()
            if twin is not None:
                _write(db, Entry.of(stat, hash_, _entry(twin).summary), stamp)
                _note(changes, stat.path, old)
            else:
                pending.append(stat)
        return pending

    def _read(self, db, pending: list[FileStat], stamp: str, stored: dict, changes: Changes,
              progress: Callable[[Progress], None] | None, workers: int) -> None:
        read: dict[str, tuple[FileStat, str]] = {}
        done = 0
        for chunk in summaries(self._items(pending, read), self.packs, workers):
            entries = [Entry.of(*read.pop(name), summary) for name, summary in chunk]
            for entry in entries:
                _write(db, entry, stamp)
                _note(changes, entry.path, stored.get(entry.path))
            db.commit()
            done += len(entries)
            if progress is not None:
                progress(Progress(done, len(pending), entries))

    def _items(self, pending: list[FileStat],
               read: dict[str, tuple[FileStat, str]]) -> Iterator[tuple[str, bytes | Summary]]:
        """Each file's bytes as the work reaches it (read again: it may have changed since it was
        hashed, and holding them all would hold the whole folder in memory)."""
        for stat in pending:
            data = _read_bytes(self.folder / stat.path, stat.size)
            # Gone or unreadable since it was hashed: its summary says so, and with no hash it is
            # looked at again next time.
            read[stat.path] = (stat, content_hash(data) if isinstance(data, bytes) else "")
            yield stat.path, data

    def _connect(self) -> sqlite3.Connection:
        self.database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.DatabaseError:  # damaged, or not a database at all: it is only a cache
            _remove(self.database)
            return self._open()

    def _open(self) -> sqlite3.Connection:
        db = _connected(self.database)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION or not _has_tables(db):
                db.close()
                _remove(self.database)
                db = _connected(self.database)
                db.executescript(_SCHEMA)
                db.execute("INSERT INTO workspace (folder) VALUES (?)", (str(self.folder),))
                db.commit()
                os.chmod(self.database, 0o600)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db


def _connected(database: Path) -> sqlite3.Connection:
    db = sqlite3.connect(database, timeout=10)
    try:
        # A cache: a commit need not wait for the disk (a crash can only lose rows the next refresh
        # reads again, and a database it damages is rebuilt), and the table may read while a
        # refresh writes.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _stale(old: tuple | None, stat: FileStat, stamp: str) -> bool:
    """Whether a file must be looked at: new, changed in size or time, read with other packs, or
    not read at all last time (unreadable then)."""
    return old is None or old[:2] != (stat.size, stat.mtime_ns) or old[3] != stamp or not old[2]


def _note(changes: Changes, path: str, old: tuple | None) -> None:
    (changes.changed if old is not None else changes.added).append(path)


def _read_bytes(path: Path, size: int) -> bytes | Summary:
    """The file's bytes, or the summary of a file that is too large to be a draft or cannot be read."""
    if size > MAX_DRAFT_BYTES:
        return Summary(State.DAMAGED, problem=TEXT["too_large"].format(megabytes=MAX_DRAFT_BYTES // 2**20))
    try:
        with open(path, "rb") as stream:
            return stream.read(MAX_DRAFT_BYTES + 1)
    except OSError as error:
        return Summary(State.DAMAGED, problem=TEXT["unreadable"].format(reason=error.strerror or error))


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def _has_tables(db: sqlite3.Connection) -> bool:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {"drafts", "workspace"} <= names


def _write(db: sqlite3.Connection, entry: Entry, stamp: str) -> None:
    s = entry.summary
    values = (entry.path, entry.size, entry.mtime_ns, entry.hash, stamp, s.state.value, int(s.protected), s.problem,
              s.draft_id, s.client, s.system, s.pack, s.kit, s.kit_label, s.tier, s.tier_label, json.dumps(s.could_be),
              json.dumps(s.could_be_labels), s.colour, s.required, s.given, s.deadline, s.open_comments,
              json.dumps([[j.pack, j.title, j.tier, j.tier_label, list(j.could_be), j.colour]
                          for j in s.jurisdictions]))
    db.execute(f"INSERT OR REPLACE INTO drafts ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
               values)


def _entry(row: tuple) -> Entry:
    data = dict(zip(_COLUMNS, row))
    summary = Summary(
        state=State(data["state"]), protected=bool(data["protected"]), problem=data["problem"],
        draft_id=data["draft_id"], client=data["client"], system=data["system"], pack=data["pack"], kit=data["kit"],
        kit_label=data["kit_label"],
        tier=data["tier"], tier_label=data["tier_label"], could_be=tuple(json.loads(data["could_be"])),
        could_be_labels=tuple(json.loads(data["could_be_labels"])), colour=data["colour"],
        required=data["required"], given=data["given"], deadline=data["deadline"], open_comments=data["open_comments"],
        jurisdictions=tuple(Jurisdiction(pack, title, tier, label, tuple(could_be), colour)
                            for pack, title, tier, label, could_be, colour in json.loads(data["jurisdictions"])))
    return Entry(data["path"], data["size"], data["mtime_ns"], data["hash"], summary)
