"""The register's tables as they are now (SQLAlchemy Core), the same on SQLite and PostgreSQL.

The register is made and brought up to date by the numbered steps of app/review/migrations.py;
this module describes their result, for the queries. A test migrates an empty database and checks
that it matches these tables, so the two cannot drift apart. Times are ISO 8601 text in UTC,
compared and sorted alike on both databases.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, ForeignKey, Integer, MetaData, String, Table, Text

METADATA = MetaData()

SCHEMA_VERSION = Table(
    "schema_version", METADATA,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied", String(32), nullable=False),
)

# One row per dossier version: the data inside a dossier, by its fingerprint (SHA-256).
DOSSIERS = Table(
    "dossiers", METADATA,
    Column("fingerprint", String(64), primary_key=True),
    Column("draft_id", String(36), nullable=False, index=True),
    Column("pack_id", String(200), nullable=False),
    Column("pack_version", String(100), nullable=False),
    Column("kit_id", String(200), nullable=False, default=""),
    Column("kit_version", String(100), nullable=False, default=""),
    Column("applicant", Text, nullable=False, default=""),
    Column("system", Text, nullable=False, default=""),
    Column("tier", String(200), nullable=False, default=""),             # printed
    Column("recomputed_tier", String(200), nullable=False, default=""),  # with the pack version recorded
    Column("today_tier", String(200), nullable=False, default=""),       # with today's pack, when another
    Column("could_be", String(500), nullable=False, default=""),
    Column("open_points", Integer, nullable=True),
    Column("required", Integer, nullable=True),
    Column("given", Integer, nullable=True),
    Column("complete", Boolean, nullable=True),
    Column("missing_attachments", Text, nullable=False, default="[]"),  # a JSON list of attachment ids
    Column("fingerprint_status", String(32), nullable=False),
    Column("signature_status", String(32), nullable=False),
    Column("status", String(32), nullable=False),
    Column("received", String(32), nullable=False),
    Column("review_status", String(32), nullable=False, default="received"),
    Column("updated", String(32), nullable=False),
)

# One row per file seen: what it was when read (size and time changed), and its review.
FILES = Table(
    "files", METADATA,
    Column("path_key", String(64), primary_key=True),  # SHA-256 of the path: paths may be long
    Column("path", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("mtime_ns", BigInteger, nullable=False),
    Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=True, index=True),
    Column("status", String(32), nullable=False),
    Column("depends_on", Text, nullable=False),  # the packs and language the review was made with
    Column("review", Text, nullable=False),  # the review as JSON (app/review/dossier_review.py)
    Column("read_at", String(32), nullable=False),
)

REVIEW_HISTORY = Table(
    "review_history", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=False, index=True),
    Column("status", String(32), nullable=False),
    Column("author", String(200), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("at", String(32), nullable=False),
)

# Each comment a row of its own: two reviewers commenting at once each add a row, nothing is rewritten.
COMMENTS = Table(
    "comments", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=False, index=True),
    Column("target_kind", String(32), nullable=False),
    Column("target_id", String(200), nullable=False, default=""),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("created", String(32), nullable=False),
    Column("changed", String(32), nullable=False),
)

# An applicant's reply to a comment, as the dossier `fingerprint` (the next version) carries it.
COMMENT_REPLIES = Table(
    "comment_replies", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("comment_id", Integer, ForeignKey("comments.id"), nullable=False, index=True),
    Column("fingerprint", String(64), ForeignKey("dossiers.fingerprint"), nullable=False),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("at", String(32), nullable=False),
)
