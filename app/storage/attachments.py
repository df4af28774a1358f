"""The documents an applicant adds to a draft (a technical documentation, a DPIA ...), kept so that
nothing is lost when the original file moves or changes.

Each document is copied, once, into the data folder under its SHA-256 (`attachments/ab/abcd...`,
owner-only, written atomically); the draft records its name, size, hash and which of the kit's
documents it is (app/storage/drafts.py `Attached`). The same content added to several drafts, or
to several versions of one, is kept once. The dossier reads the copies back, checked against their
hash. Bounds: MAX_FILE_BYTES a document, MAX_COUNT and MAX_TOTAL_BYTES a draft.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from app.storage.drafts import Attached, replace_with_temporary, temporary_beside
from app.storage.paths import data_dir
from catalogue import tr

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_COUNT = 20
_MB = 1024 * 1024


class AttachmentError(Exception):
    """A document that cannot be added or read back; one line, and its message's catalogue id."""

    def __init__(self, msg_id: str, message: str) -> None:
        super().__init__(message)
        self.msg_id = msg_id

    @classmethod
    def tr(cls, msg_id: str, **params) -> "AttachmentError":
        return cls(msg_id, tr(msg_id, **params))


def attachments_dir() -> Path:
    return data_dir() / "attachments"


def kept_path(sha256: str) -> Path:
    return attachments_dir() / sha256[:2] / sha256


def keep_file(path: Path, kind: str = "", now: dt.datetime | None = None) -> Attached:
    """Copy the file at `path` into the data folder (once) and describe it; AttachmentError when it
    is not a file, is empty, too large or cannot be read or kept."""
    path = Path(path)
    try:
        if not path.is_file():
            raise AttachmentError.tr("attach.error.not_a_file", path=path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AttachmentError.tr("attach.error.too_big", name=path.name, size=_in_mb(size), most=MAX_FILE_BYTES // _MB)
        if size == 0:
            raise AttachmentError.tr("attach.error.empty", name=path.name)
        data = path.read_bytes()
    except OSError as error:
        raise AttachmentError.tr("attach.error.unreadable", path=path, reason=error.strerror or error) from None
    if len(data) > MAX_FILE_BYTES:  # it grew since it was measured
        raise AttachmentError.tr("attach.error.too_big", name=path.name, size=_in_mb(len(data)), most=MAX_FILE_BYTES // _MB)
    digest = hashlib.sha256(data).hexdigest()
    _store(digest, data)
    now = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return Attached(name=path.name[:255], size=len(data), sha256=digest, kind=kind, added=now)


def _store(digest: str, data: bytes) -> None:
    target = kept_path(digest)
    if target.is_file() and target.stat().st_size == len(data):
        return
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = temporary_beside(target)
        replace_with_temporary(handle, temporary, target, data, 0o600)
    except OSError as error:
        raise AttachmentError.tr("attach.error.not_kept", folder=target.parent, reason=error.strerror or error) from None


def is_kept(attached: Attached) -> bool:
    return kept_path(attached.sha256).is_file()


def read_attached(attached: Attached) -> bytes:
    """The kept copy's bytes, checked against the hash the draft records."""
    try:
        data = kept_path(attached.sha256).read_bytes()
    except OSError:
        raise AttachmentError.tr("attach.error.missing", name=attached.name) from None
    if hashlib.sha256(data).hexdigest() != attached.sha256:
        raise AttachmentError.tr("attach.error.changed", name=attached.name)
    return data


def check_room(attachments: list[Attached], added: Attached) -> None:
    """Refuse a document over the draft's bounds, or one already there as the same document."""
    if len(attachments) >= MAX_COUNT:
        raise AttachmentError.tr("attach.error.too_many", most=MAX_COUNT)
    total = sum(a.size for a in attachments) + added.size
    if total > MAX_TOTAL_BYTES:
        raise AttachmentError.tr("attach.error.total_too_big", name=added.name, most=MAX_TOTAL_BYTES // _MB)
    if any(a.sha256 == added.sha256 and a.kind == added.kind for a in attachments):
        raise AttachmentError.tr("attach.error.already", name=added.name)


def _in_mb(size: int) -> str:
    from catalogue.formats import format_number

    return format_number(round(size / _MB, 1))
