"""The register of received applications: one row per dossier version (by fingerprint), the files
they were read from, the review status with its history, and the reviewers' comments.

SQLAlchemy Core on SQLite (the default, in the data folder) or PostgreSQL (a review team's shared
database), with one schema brought up to date when the register opens (app/review/migrations.py).
The dossier files stay the source of truth: the rows read from them are made again from the files
when the register is missing. Comments and status changes are rows added in short transactions,
so reviewers working at once each keep what they wrote. Any database failure is one line
(RegisterError) that never shows a password.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, delete, event, or_, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from app.review import migrations
from app.review.dossier_review import DossierReview
from app.review.schema import COMMENT_REPLIES, COMMENTS, DOSSIERS, FILES, REVIEW_HISTORY
from catalogue import table

ERRORS = table("register.error")
REVIEW_STATUSES = ("received", "in_review", "needs_changes", "complete", "accepted", "declined")
COMMENT_STATUSES = ("open", "answered", "resolved")
TARGET_KINDS = ("question", "finding", "obligation", "gap", "attachment", "application")
SORTABLE = ("received", "applicant", "system", "tier", "recomputed_tier", "open_points", "review_status", "status")
SQLITE_WAIT_SECONDS = 30  # how long a writer waits for another reviewer's transaction on the same file
_CHUNK = 200  # rows per INSERT: well under SQLite's limit on parameters


class RegisterError(Exception):
    """The register cannot be opened, read or written; the message is one line."""


@dataclass(frozen=True)
class KnownFile:
    """A file as the register last read it."""

    path: str
    size: int
    mtime_ns: int
    depends_on: str
    review: str  # JSON


@dataclass(frozen=True)
class Comment:
    id: int
    fingerprint: str
    target_kind: str
    target_id: str
    author: str
    text: str
    status: str
    created: str
    changed: str


@dataclass(frozen=True)
class ReplyRow:
    """An applicant's reply to a comment, as a later dossier (`fingerprint`) carried it."""

    comment_id: int
    fingerprint: str
    author: str
    text: str
    at: str


@dataclass(frozen=True)
class StatusChange:
    status: str
    author: str
    note: str
    at: str


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


class Register:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.shown = engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, url: str) -> "Register":
        """The register at `url` (as app/review/location.py gives it), made or migrated as needed."""
        register = cls(_engine(url))
        try:
            with register._writing() as connection:
                migrations.migrate(connection)
        except migrations.NewerSchema as newer:
            register.close()
            raise RegisterError(ERRORS["newer"].format(url=register.shown, found=newer.found,
                                                       known=newer.known)) from None
        except BaseException:
            register.close()  # no connection left open behind a register that did not open
            raise
        return register

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- the files and their reviews -----------------------------------------------------------

    def known_files(self) -> dict[str, KnownFile]:
        """Every file the register has read, by its path."""
        columns = (FILES.c.path, FILES.c.size, FILES.c.mtime_ns, FILES.c.depends_on, FILES.c.review)
        with self._reading() as connection:
            return {row.path: KnownFile(*row) for row in connection.execute(select(*columns))}

    def record(self, entries: list[tuple[Path, int, int, str, DossierReview]]) -> None:
        """Keep the reviews just made: (absolute path, size, mtime_ns, what it depends on, review)."""
        if not entries:
            return
        stamp = now()
        dossiers = {}
        for _, _, _, _, review in entries:
            if review.fingerprint and review.draft_id:
                dossiers[review.fingerprint] = _dossier_row(review, stamp)
        files = [_file_row(path, size, mtime, depends_on, review, stamp)
                 for path, size, mtime, depends_on, review in entries]
        keep = [c for c in DOSSIERS.c.keys() if c not in ("received", "review_status", "fingerprint")]
        with self._writing() as connection:
            for chunk in _chunks(list(dossiers.values())):
                _upsert(connection, DOSSIERS, chunk, "fingerprint", keep)
            for chunk in _chunks(files):
                _upsert(connection, FILES, chunk, "path_key", [c for c in FILES.c.keys() if c != "path_key"])

    def forget_files(self, paths: list[str]) -> None:
        """Forget files no longer there (their dossiers, statuses and comments stay)."""
        keys = [_path_key(path) for path in paths]
        with self._writing() as connection:
            for chunk in _chunks(keys):
                connection.execute(delete(FILES).where(FILES.c.path_key.in_(chunk)))

    # --- dossiers --------------------------------------------------------------------------------

    def dossier(self, fingerprint: str) -> dict[str, Any] | None:
        with self._reading() as connection:
            row = connection.execute(select(DOSSIERS).where(DOSSIERS.c.fingerprint == fingerprint)).mappings().first()
        return dict(row) if row else None

    def dossiers(self, fingerprints: list[str]) -> dict[str, dict[str, Any]]:
        """The rows of these dossiers (those the register has), by fingerprint."""
        wanted = list(dict.fromkeys(fingerprints))
        found: dict[str, dict[str, Any]] = {}
        with self._reading() as connection:
            for chunk in _chunks(wanted):
                query = select(DOSSIERS).where(DOSSIERS.c.fingerprint.in_(chunk))
                found.update((row["fingerprint"], dict(row)) for row in connection.execute(query).mappings())
        return found

    def find_dossiers(self, search: str = "", review_status: str | None = None, sort: str = "received",
                      descending: bool = False) -> list[dict[str, Any]]:
        """Dossier rows whose applicant, system or fingerprint contains `search` (any case), of one
        review status if given, sorted by a column of SORTABLE."""
        if sort not in SORTABLE:
            raise RegisterError(ERRORS["not_one_of"].format(value=sort, choices=", ".join(SORTABLE)))
        query = select(DOSSIERS)
        if search:
            pattern = "%" + search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(or_(*(column.ilike(pattern, escape="\\") for column in
                                      (DOSSIERS.c.applicant, DOSSIERS.c.system, DOSSIERS.c.fingerprint))))
        if review_status is not None:
            query = query.where(DOSSIERS.c.review_status == _one_of(review_status, REVIEW_STATUSES))
        column = DOSSIERS.c[sort]
        query = query.order_by(column.desc() if descending else column.asc(), DOSSIERS.c.fingerprint)
        with self._reading() as connection:
            return [dict(row) for row in connection.execute(query).mappings()]

    # --- review status ---------------------------------------------------------------------------

    def set_review_status(self, fingerprint: str, status: str, author: str, note: str = "") -> None:
        """The application's review status, kept with who set it, when, and why."""
        status = _one_of(status, REVIEW_STATUSES)
        with self._writing() as connection:
            self._known(connection, fingerprint)
            connection.execute(REVIEW_HISTORY.insert().values(fingerprint=fingerprint, status=status,
                                                              author=author, note=note, at=now()))
            connection.execute(update(DOSSIERS).where(DOSSIERS.c.fingerprint == fingerprint)
                               .values(review_status=status))

    def review_history(self, fingerprint: str) -> list[StatusChange]:
        query = (select(REVIEW_HISTORY.c.status, REVIEW_HISTORY.c.author, REVIEW_HISTORY.c.note, REVIEW_HISTORY.c.at)
                 .where(REVIEW_HISTORY.c.fingerprint == fingerprint).order_by(REVIEW_HISTORY.c.id))
        with self._reading() as connection:
            return [StatusChange(*row) for row in connection.execute(query)]

    # --- comments --------------------------------------------------------------------------------

    def add_comment(self, fingerprint: str, target_kind: str, target_id: str, author: str, text: str) -> int:
        """A new open comment on a question, finding, obligation, gap, attachment or the application."""
        kind = _one_of(target_kind, TARGET_KINDS)
        stamp = now()
        with self._writing() as connection:
            self._known(connection, fingerprint)
            result = connection.execute(COMMENTS.insert().values(
                fingerprint=fingerprint, target_kind=kind, target_id=target_id, author=author, text=text,
                status="open", created=stamp, changed=stamp))
            return int(result.inserted_primary_key[0])

    def set_comment_status(self, comment_id: int, status: str) -> None:
        status = _one_of(status, COMMENT_STATUSES)
        with self._writing() as connection:
            done = connection.execute(update(COMMENTS).where(COMMENTS.c.id == comment_id)
                                      .values(status=status, changed=now()))
            if done.rowcount == 0:
                raise RegisterError(ERRORS["unknown_comment"].format(id=comment_id))

    def comments(self, fingerprint: str, status: str | None = None) -> list[Comment]:
        query = select(*(COMMENTS.c[f] for f in Comment.__dataclass_fields__)).where(COMMENTS.c.fingerprint == fingerprint)
        if status is not None:
            query = query.where(COMMENTS.c.status == _one_of(status, COMMENT_STATUSES))
        with self._reading() as connection:
            return [Comment(*row) for row in connection.execute(query.order_by(COMMENTS.c.id))]

    def record_replies(self, fingerprint: str, replies: list[tuple[int, str, str, str]]) -> int:
        """Keep the replies the dossier `fingerprint` carries, (comment id, author, text, time) each,
        to comments this register has (an open one is then answered); a reply kept before is not kept
        twice. Returns how many were new."""
        if not replies:
            return 0
        added = 0
        with self._writing() as connection:
            self._known(connection, fingerprint)
            ids = {r[0] for r in replies}
            known = set(connection.execute(select(COMMENTS.c.id).where(COMMENTS.c.id.in_(ids))).scalars())
            kept = {tuple(row) for row in connection.execute(
                select(COMMENT_REPLIES.c.comment_id, COMMENT_REPLIES.c.author, COMMENT_REPLIES.c.text, COMMENT_REPLIES.c.at)
                .where(COMMENT_REPLIES.c.comment_id.in_(ids)))}
            for comment_id, author, text, at in replies:
                if comment_id in known and (comment_id, author, text, at) not in kept:
                    connection.execute(COMMENT_REPLIES.insert().values(comment_id=comment_id, fingerprint=fingerprint,
                                                                       author=author, text=text, at=at))
                    # A reply answers an open comment; a resolved one stays resolved.
                    connection.execute(update(COMMENTS).where(COMMENTS.c.id == comment_id, COMMENTS.c.status == "open")
                                       .values(status="answered", changed=now()))
                    kept.add((comment_id, author, text, at))
                    added += 1
        return added

    def replies(self, fingerprint: str) -> dict[int, list[ReplyRow]]:
        """The replies to the comments on the dossier `fingerprint`, by comment id, oldest first."""
        query = (select(*(COMMENT_REPLIES.c[f] for f in ReplyRow.__dataclass_fields__))
                 .join(COMMENTS, COMMENTS.c.id == COMMENT_REPLIES.c.comment_id)
                 .where(COMMENTS.c.fingerprint == fingerprint).order_by(COMMENT_REPLIES.c.at, COMMENT_REPLIES.c.id))
        found: dict[int, list[ReplyRow]] = {}
        with self._reading() as connection:
            for row in connection.execute(query):
                found.setdefault(row.comment_id, []).append(ReplyRow(*row))
        return found

    # --- transactions ----------------------------------------------------------------------------

    def _known(self, connection, fingerprint: str) -> None:
        found = connection.execute(select(DOSSIERS.c.fingerprint).where(DOSSIERS.c.fingerprint == fingerprint)).first()
        if found is None:
            raise RegisterError(ERRORS["unknown_dossier"].format(fingerprint=fingerprint))

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise RegisterError(ERRORS["failed"].format(url=self.shown, reason=_reason(error))) from None

    _reading = _writing  # one transaction either way: a consistent view of the rows


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise RegisterError(ERRORS["unsupported"].format(url=url)) from None
    shown = parsed.render_as_string(hide_password=True)
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise RegisterError(ERRORS["unsupported"].format(url=shown))
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed, shown)
        return create_engine(parsed)
    except (NoSuchModuleError, ArgumentError, ImportError):
        raise RegisterError(ERRORS["unsupported"].format(url=shown)) from None


def _sqlite_engine(url, shown: str) -> Engine:
    if not url.database or url.database == ":memory:":
        raise RegisterError(ERRORS["unsupported"].format(url=shown))  # a register is kept, not in memory
    try:
        path = Path(url.database)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # folders we make: owner only
        if not path.exists():  # applicants' names and reviewers' comments: owner only, as drafts are
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as error:
        raise RegisterError(ERRORS["failed"].format(url=shown, reason=error.strerror or error)) from None
    engine = create_engine(url, connect_args={"timeout": SQLITE_WAIT_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(connection, _record) -> None:
        # pysqlite begins transactions only before writes, and never before DDL: a migration would not
        # roll back whole, and two writers could both read then fail to write. We begin ourselves.
        connection.isolation_level = None
        connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # wait for another writer here, not half-way

    return engine


def _reason(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


def _one_of(value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise RegisterError(ERRORS["not_one_of"].format(value=value, choices=", ".join(choices)))
    return value


def _path_key(path: str | Path) -> str:
    return hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()


def _chunks(rows: list) -> Iterator[list]:
    for start in range(0, len(rows), _CHUNK):
        yield rows[start:start + _CHUNK]


def _upsert(connection, table_, rows: list[dict], key: str, columns: list[str]) -> None:
    """Insert the rows, or update the given columns of those already there (both databases say so alike)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(table_).values(rows)
    connection.execute(statement.on_conflict_do_update(index_elements=[key],
                                                       set_={c: statement.excluded[c] for c in columns}))


def _file_row(path: Path, size: int, mtime_ns: int, depends_on: str, review: DossierReview, stamp: str) -> dict:
    return {"path_key": _path_key(path), "path": str(path), "size": size, "mtime_ns": mtime_ns,
            "fingerprint": review.fingerprint if review.draft_id else None, "status": review.status.value,
            "depends_on": depends_on, "review": json.dumps(review.to_json(), ensure_ascii=False), "read_at": stamp}


def _dossier_row(review: DossierReview, stamp: str) -> dict:
    current = review.current
    fingerprint_status = "valid" if review.fingerprint_valid else "changed"
    return {"fingerprint": review.fingerprint, "draft_id": review.draft_id, "pack_id": review.pack_id,
            "pack_version": review.pack_version, "kit_id": review.kit_id, "kit_version": review.kit_version,
            "applicant": review.applicant, "system": review.system,
            "tier": review.printed.primary.outcome if review.printed else review.printed_headline,
            "recomputed_tier": review.recomputed.primary.outcome if review.recomputed else "",
            "today_tier": review.today.primary.outcome if review.today else "",
            "could_be": " ".join(current.primary.could_be) if current else "",
            "open_points": current.open_points if current else None,
            "required": review.required, "given": review.given, "complete": review.complete,
            "missing_attachments": json.dumps(list(review.missing_attachments)),
            "fingerprint_status": fingerprint_status, "signature_status": review.signature,
            "status": review.status.value, "received": stamp, "review_status": REVIEW_STATUSES[0], "updated": stamp}
