"""How a register's database is brought to the schema this application reads: numbered steps,
applied in order when the register is opened, each recorded in the `schema_version` table.

Each step is registered with `@step(N)` and makes version N from version N-1 with SQLAlchemy Core
on the connection it is given, the same on SQLite and PostgreSQL. A step never changes once it is
released: it describes the tables as they were at its version (step 1 holds its own copy), and a
later change is a new step. Every pending step runs in one transaction, under a lock, so a
register is never left half migrated and two reviewers opening a new register at once migrate it
once. A register of a newer schema than this application knows is refused, not touched.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from sqlalchemy import (BigInteger, Boolean, Column, Connection, ForeignKey, Integer, MetaData, String, Table, Text,
                        func, select, text)

Step = Callable[[Connection], None]

STEPS: dict[int, Step] = {}  # the version a step makes -> the step
ADVISORY_LOCK = 0x5EC0_0001  # PostgreSQL: any number of our own, the same in every copy of the application


class NewerSchema(Exception):
    """The register was made by a newer version of the application."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(found, known)
        self.found, self.known = found, known


def step(version: int) -> Callable[[Step], Step]:
    def register(function: Step) -> Step:
        if version in STEPS:
            raise ValueError(f"two register migration steps to version {version}")
        STEPS[version] = function
        return function
    return register


def latest() -> int:
    return max(STEPS)


def _version_table(metadata: MetaData) -> Table:
    return Table("schema_version", metadata,
                 Column("version", Integer, primary_key=True, autoincrement=False),
                 Column("applied", String(32), nullable=False))


def current_version(connection: Connection) -> int:
    table = _version_table(MetaData())
    if not connection.dialect.has_table(connection, table.name):
        return 0
    return connection.execute(select(func.max(table.c.version))).scalar() or 0


def migrate(connection: Connection, target: int | None = None) -> int:
    """Apply the steps after the register's version up to `target` (default: the latest), inside
    the caller's transaction; returns the version reached. Raises NewerSchema, changing nothing."""
    target = latest() if target is None else target
    if connection.dialect.name == "postgresql":  # one migration at a time, however many open it
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
    version_table = _version_table(MetaData())
    version_table.create(connection, checkfirst=True)
    found = current_version(connection)
    if found > latest():
        raise NewerSchema(found, latest())
    for version in range(found + 1, target + 1):
        STEPS[version](connection)
        applied = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        connection.execute(version_table.insert().values(version=version, applied=applied))
    return max(found, target)


@step(1)
def _first_tables(connection: Connection) -> None:
    """The dossiers by fingerprint, the files seen, the review status history and the comments."""
    metadata = MetaData()
    Table("dossiers", metadata,
          Column("fingerprint", String(64), primary_key=True),
          Column("draft_id", String(36), nullable=False, index=True),
          Column("pack_id", String(200), nullable=False),
          Column("pack_version", String(100), nullable=False),
          Column("kit_id", String(200), nullable=False),
          Column("kit_version", String(100), nullable=False),
          Column("applicant", Text, nullable=False),
          Column("system", Text, nullable=False),
          Column("tier", String(200), nullable=False),
          Column("recomputed_tier", String(200), nullable=False),
          Column("today_tier", String(200), nullable=False),
          Column("could_be", String(500), nullable=False),
          Column("open_points", Integer, nullable=True),
          Column("required", Integer, nullable=True),
          Column("given", Integer, nullable=True),
          Column("complete", Boolean, nullable=True),
          Column("missing_attachments", Text, nullable=False),
          Column("fingerprint_status", String(32), nullable=False),
          Column("signature_status", String(32), nullable=False),
          Column("status", String(32), nullable=False),
          Column("received", String(32), nullable=False),
          Column("review_status", String(32), nullable=False),
          Column("updated", String(32), nullable=False))
    Table("files", metadata,
          Column("path_key", String(64), primary_key=True),
          Column("path", Text, nullable=False),
          Column("size", BigInteger, nullable=False),
          Column("mtime_ns", BigInteger, nullable=False),
          Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=True, index=True),
          Column("status", String(32), nullable=False),
          Column("depends_on", Text, nullable=False),
          Column("review", Text, nullable=False),
          Column("read_at", String(32), nullable=False))
    Table("review_history", metadata,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=False, index=True),
          Column("status", String(32), nullable=False),
          Column("author", String(200), nullable=False),
          Column("note", Text, nullable=False),
          Column("at", String(32), nullable=False))
    Table("comments", metadata,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=False, index=True),
          Column("target_kind", String(32), nullable=False),
          Column("target_id", String(200), nullable=False),
          Column("author", String(200), nullable=False),
          Column("text", Text, nullable=False),
          Column("status", String(16), nullable=False),
          Column("created", String(32), nullable=False),
          Column("changed", String(32), nullable=False))
    metadata.create_all(connection)


@step(2)
def _replies(connection: Connection) -> None:
    """The applicants' replies to comments, one row each, as the next dossier of the application
    carries them (app/storage/feedback.py): which comment, who, what, when, and in which dossier."""
    metadata = MetaData()
    Table("comments", metadata, Column("id", Integer, primary_key=True))
    Table("dossiers", metadata, Column("fingerprint", String(64), primary_key=True))
    Table("comment_replies", metadata,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("comment_id", Integer, ForeignKey("comments.id"), nullable=False, index=True),
          Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=False),
          Column("author", String(200), nullable=False),
          Column("text", Text, nullable=False),
          Column("at", String(32), nullable=False))
    metadata.tables["comment_replies"].create(connection)
