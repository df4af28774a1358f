"""Drafts: an applicant's answers for one AI system, saved as JSON and checked when read.

A draft has a stable id and records what it was made with (its lock: the pack's id, version and
content hash, the kit's when there is one, and the language). Drafts of earlier formats are
brought to the current one as they are read (app/storage/draft_migrations.py). Writing is atomic: the new
text goes to a temporary file in the same folder, is flushed and synced, then renamed over the old
file, so a crash leaves either the old draft or the new one, never a torn file. Drafts are readable
by their owner only. A draft may be protected by a passphrase (app/storage/protect.py): then only the
sealed envelope is ever written, and reading it needs the passphrase.

This module knows one file at a time; saving with a backup and protecting every copy of a draft
are in app/storage/draft_store.py, which builds on this one and on app/storage/backups.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import tempfile
import time
import uuid
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.storage import draft_migrations, protect
from app.storage.feedback import Feedback
from catalogue import language, shipped_language, table
from forms.answers import answer_problem
from forms.fingerprint import content_hash
from forms.schema import Pack, Question

FORMAT = "sandbox-applicant-kit/draft"
FORMAT_VERSION = draft_migrations.latest_format()
MAX_DRAFT_BYTES = 20 * 1024 * 1024
LANGUAGE = "en"  # the language of drafts that did not record theirs (formats 1 and 2: all in English)

TEXT = table("drafts")
ERRORS = table("drafts.error")
# What pydantic found wrong in a draft's content, by the kind of its error, in our words.
CONTENT = table("drafts.content")


class DraftError(Exception):
    """A draft that cannot be read or written. The message is one line saying what and why."""


class PassphraseRequired(DraftError):
    """The draft is protected by a passphrase and none was given."""


class WrongPassphrase(DraftError):
    """The passphrase given does not open the draft (or the file was changed)."""


class Answer(BaseModel):
    # defer_build, here and below: each validator is built when first used, not at import (start-up).
    model_config = ConfigDict(extra="forbid", defer_build=True)
    value: Any = None
    note: str = Field("", max_length=20_000)


class Made(BaseModel):
    """One pack or kit a draft was made with, exactly: its id, version and content hash."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str = Field(max_length=200)
    version: str = Field(max_length=100)
    # "sha256:..." of the validated content (forms/fingerprint.py); None when it was not recorded
    # (drafts from format 1).
    hash: str | None = Field(None, max_length=100)

    @classmethod
    def of(cls, pack: Pack) -> "Made":
        return cls(id=pack.id, version=pack.version, hash=content_hash(pack))


class Lock(BaseModel):
    """What a draft was made with, recorded when it is started and kept as it is by later saves, so
    opening it with another pack can say what changed (`pack_change`)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    pack: Made
    kit: Made | None = None
    # The language the answers are written in: the application's when the draft was started ("de"),
    # kept as it is by later saves. Their text is never translated; the dossier says which it is.
    language: str = Field(LANGUAGE, max_length=35)  # a BCP 47 tag

    @classmethod
    def of(cls, pack: Pack, kit: Made | None = None, language: str = LANGUAGE) -> "Lock":
        """`pack`: the pack as shipped, without a kit's additions; `kit`: the kit worn, if any
        (app/kits: its id, version and the hash of its file)."""
        return cls(pack=Made.of(pack), kit=kit, language=language)


class Attached(BaseModel):
    """A document added to a draft (app/storage/attachments.py keeps a copy of it by its hash): its
    file's name when it was added, its size, its SHA-256, and which document of the kit it is
    (the kit's attachment id; "" for another document)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    name: str = Field(min_length=1, max_length=255)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    kind: str = Field("", max_length=120)
    added: dt.datetime


class Draft(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    format: Literal["sandbox-applicant-kit/draft"] = FORMAT
    format_version: int = FORMAT_VERSION
    # Stable for the life of the application: its autosave is kept under it, and a reviewer's
    # feedback file names it. Save as keeps it (the same application in another file); the
    # workspace's Duplicate gives the copy an id of its own (app/workspace/actions.py).
    id: uuid.UUID
    lock: Lock
    # The packs whose results the draft is made for, in order: the lock's pack (the primary) first,
    # then each other jurisdiction chosen (app/results/jurisdictions.py composes their questions).
    jurisdictions: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field([], max_length=50)
    # Who applies and for what; shown on the dossier's cover. The full profile is in the answers.
    applicant: str = Field("", max_length=500)
    system_name: str = Field("", max_length=500)
    created: dt.datetime
    modified: dt.datetime
    answers: dict[str, Answer] = {}
    attachments: list[Attached] = Field([], max_length=200)
    # The reviewer's feedback on the dossier last sent (app/storage/feedback.py), with the
    # applicant's replies; the next dossier shows what changed since and carries the replies.
    feedback: Feedback | None = None

    @model_validator(mode="after")
    def _primary_first(self) -> "Draft":
        """No jurisdiction named: the lock's pack alone. Named: each once (that the lock's pack comes
        first is checked against the pack at hand, `draft_problems`, which names both)."""
        if not self.jurisdictions:
            self.jurisdictions = [self.lock.pack.id]
        if len(set(self.jurisdictions)) != len(self.jurisdictions):
            raise ValueError("jurisdictions")
        return self

    @classmethod
    def new(cls, pack: Pack, now: dt.datetime | None = None, kit: Made | None = None,
            others: tuple[str, ...] | list[str] = ()) -> "Draft":
        """A new draft for `pack`, and for the jurisdictions of the packs named in `others` after it."""
        now = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        lock = Lock.of(pack, kit, language=shipped_language(language()))
        jurisdictions = list(dict.fromkeys([pack.id, *others]))
        return cls(id=uuid.uuid4(), lock=lock, jurisdictions=jurisdictions, created=now, modified=now)

    def values(self) -> dict[str, Any]:
        """Question id to answer value, the shape the core reads."""
        return {qid: answer.value for qid, answer in self.answers.items()}

    def notes(self) -> dict[str, str]:
        """Question id to the applicant's note, for the answers that have one (results quote them)."""
        return {qid: answer.note for qid, answer in self.answers.items() if answer.note}

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


class PackChange(str, Enum):
    """How the pack at hand compares with the one a draft was made with."""

    SAME = "same"                  # same id, version and content
    NOT_RECORDED = "not_recorded"  # same id and version; the draft did not record the content (format 1)
    CONTENT = "content"            # same id and version, other content: changed without a new version
    VERSION = "version"            # another version of the pack


def pack_change(lock: Lock, pack: Pack) -> PackChange:
    made = lock.pack
    if made.version != pack.version:
        return PackChange.VERSION
    if made.hash is None:
        return PackChange.NOT_RECORDED
    return PackChange.SAME if made.hash == content_hash(pack) else PackChange.CONTENT


class KitChange(str, Enum):
    """How the kit at hand compares with the one a draft was made with."""

    NONE = "none"        # no kit, then or now
    SAME = "same"        # the same kit: id, version and file
    ADDED = "added"      # made without a kit, opened with one
    MISSING = "missing"  # made with a kit, opened without it
    CHANGED = "changed"  # made with this kit, in another version or with other content
    OTHER = "other"      # made with another kit


def kit_change(lock: Lock, kit: Made | None) -> KitChange:
    made = lock.kit
    if made is None:
        return KitChange.NONE if kit is None else KitChange.ADDED
    if kit is None:
        return KitChange.MISSING
    if kit.id != made.id:
        return KitChange.OTHER
    return KitChange.SAME if (kit.version, kit.hash) == (made.version, made.hash) else KitChange.CHANGED


# --- checking a draft against its pack -------------------------------------------------------

def draft_problems(draft: Draft, pack: Pack, keep_unknown: bool = False,
                   others: Mapping[str, Question] | None = None) -> tuple[list[str], list[str]]:
    """(errors, warnings). Answers to questions a newer pack no longer has are warnings, kept; so
    are, with `keep_unknown`, answers to questions the pack at hand lacks (a draft made with a kit
    that is not the one in use: its questions come back with the kit). `others`: the questions of
    the other jurisdictions the draft targets, by id, whose answers are checked as the pack's own."""
    made = draft.lock.pack
    if made.id != pack.id:
        return [ERRORS["other_pack"].format(made=made.id, pack=pack.id)], []
    if draft.jurisdictions[0] != made.id:
        return [ERRORS["primary_jurisdiction"].format(first=draft.jurisdictions[0], pack=made.id)], []
    questions = {**(others or {}), **{q.id: q for s in pack.sections for q in s.questions}}
    errors, warnings = [], []
    same_version = made.version == pack.version
    for qid, answer in draft.answers.items():
        question = questions.get(qid)
        if question is None:
            if keep_unknown:
                warnings.append(TEXT["kit_answer_kept"].format(question=qid))
            elif same_version:
                errors.append(ERRORS["not_a_question"].format(question=qid, pack=pack.id, version=pack.version))
            else:
                warnings.append(TEXT["no_longer_asked"].format(question=qid, version=pack.version))
            continue
        problem = answer_problem(question, answer.value)
        if problem:
            errors.append(problem)
    if _version_tuple(made.version) > _version_tuple(pack.version):
        errors.insert(0, ERRORS["newer_pack"].format(made=made.version, version=pack.version))
    return errors, warnings


def _content_problem(kind: str) -> str:
    if kind in ("missing", "extra_forbidden"):
        return CONTENT[kind]
    return CONTENT["wrong_type" if kind.endswith(("_type", "_parsing")) else "invalid"]


def _version_tuple(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)


# --- reading and writing ---------------------------------------------------------------------

def parse_json(text: str, name: str = "draft") -> Any:
    """The JSON in `text`, or one DraftError line: never a traceback, whatever the file holds."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DraftError(ERRORS["broken_json"].format(name=name, line=error.lineno, column=error.colno)) from None
    except ValueError:  # Python refuses numbers of thousands of digits, a hostile file's trick
        raise DraftError(ERRORS["long_number"].format(name=name)) from None
    except RecursionError:  # thousands of nested brackets, another one
        raise DraftError(ERRORS["too_deep"].format(name=name)) from None


def parse_draft(text: str, name: str = "draft") -> Draft:
    data = parse_json(text, name)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DraftError(ERRORS["not_ours"].format(name=name, format=FORMAT))
    try:
        version = draft_migrations.format_of(data)
        if version > FORMAT_VERSION:
            raise DraftError(ERRORS["newer_format"].format(name=name, version=version, supported=FORMAT_VERSION))
        data = draft_migrations.migrate(data, FORMAT_VERSION, in_place=True)  # read just above, ours alone
    except draft_migrations.MigrationError as error:
        raise DraftError(ERRORS["invalid"].format(name=name, reason=error)) from None
    try:
        return Draft.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "draft"
        raise DraftError(ERRORS["wrong_content"].format(name=name, where=where, problem=_content_problem(first["type"]))) from None


def load_draft(path: Path, passphrase: str | None = None) -> Draft:
    """The draft in `path`; a protected one needs its passphrase (PassphraseRequired without one)."""
    path = Path(path)
    return parse_draft(open_protected(read_draft_text(path), str(path), passphrase), str(path))


def read_draft_text(path: Path) -> str:
    """The file's text, refused with one line when it cannot be a draft (too big, not UTF-8, unreadable)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_DRAFT_BYTES:
            raise DraftError(ERRORS["too_big"].format(path=path, size=size // (1024 * 1024),
                                                      limit=MAX_DRAFT_BYTES // (1024 * 1024)))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(ERRORS["no_such_file"].format(path=path)) from None
    except IsADirectoryError:
        raise DraftError(ERRORS["is_folder"].format(path=path)) from None
    except PermissionError:
        raise DraftError(ERRORS["no_permission"].format(path=path)) from None
    except OSError as error:
        raise DraftError(ERRORS["unreadable"].format(path=path, reason=error.strerror or error)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftError(ERRORS["not_text"].format(name=path)) from None


def is_protected_text(text: str) -> bool:
    """True when `text` is a passphrase-protected draft (checked cheaply, nothing decrypted)."""
    if protect.FORMAT not in text:
        return False
    try:
        return protect.is_protected(parse_json(text))
    except DraftError:  # not JSON at all: parse_draft says what is wrong
        return False


def open_protected(text: str, name: str, passphrase: str | None) -> str:
    """`text` itself when it is a plain draft; the draft inside when it is protected."""
    if not is_protected_text(text):
        return text
    envelope = parse_json(text, name)
    try:
        protect.check_envelope(envelope)  # a malformed or too costly envelope is refused before asking
        if passphrase is None:
            raise PassphraseRequired(ERRORS["named"].format(name=name, reason=TEXT["passphrase_required"]))
        plain = protect.open_envelope(envelope, passphrase)
    except protect.WrongPassphrase as error:
        raise WrongPassphrase(ERRORS["named"].format(name=name, reason=error)) from None
    except protect.ProtectionError as error:
        raise DraftError(ERRORS["named"].format(name=name, reason=error)) from None
    try:
        return plain.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftError(ERRORS["not_text"].format(name=name)) from None


def check_draft_text(text: str, name: str) -> None:
    """A plain draft that parses, or a protected one whose envelope is well formed; else DraftError."""
    if is_protected_text(text):
        try:
            protect.check_envelope(parse_json(text, name))
        except protect.ProtectionError as error:
            raise DraftError(ERRORS["named"].format(name=name, reason=error)) from None
    else:
        parse_draft(text, name)


def draft_bytes(draft: Draft, passphrase: str | None = None) -> bytes:
    """What goes on disk for `draft`: its JSON, or, with a passphrase, only the sealed envelope."""
    data = draft.to_json().encode("utf-8")
    if passphrase is None:
        return data
    try:
        return protect.seal(data, passphrase)
    except protect.ProtectionError as error:
        raise DraftError(ERRORS["not_sealed"].format(reason=error)) from None


def reseal(path: Path, passphrase: str, current: str | None = None) -> None:
    """Seal the copy of a draft at `path` (a backup, an autosave) with `passphrase`: a plain one, or
    one sealed with `current`. One that cannot be read, or is sealed with some other passphrase,
    is left as it is: there is nothing readable in it to seal."""
    try:
        text = read_draft_text(path)  # refuses too large, unreadable and non-UTF-8 files
        if is_protected_text(text) and current is None:
            return
        plain = open_protected(text, str(path), current)
    except DraftError:
        return
    write_atomically(path, protect.seal(plain.encode("utf-8"), passphrase))


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file, never a mix."""
    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # folders we create: owner only
        handle, temporary = temporary_beside(path)
    except PermissionError:
        raise DraftError(ERRORS["no_write_permission"].format(folder=folder)) from None
    except OSError as error:
        raise DraftError(ERRORS["cannot_write"].format(folder=folder, reason=error.strerror or error)) from None
    try:
        replace_with_temporary(handle, temporary, path, data, 0o600)
        _sync_folder(folder)
    except OSError as error:
        reason = TEXT["disk_full"] if error.errno == 28 else (error.strerror or str(error))
        raise DraftError(ERRORS["not_saved"].format(path=path, reason=reason)) from None


def temporary_beside(path: Path) -> tuple[int, str]:
    """A new temporary file next to `path` (descriptor, name), named as remove_stale_temporaries
    expects. Raises OSError when the folder does not allow it."""
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def replace_with_temporary(handle: int, temporary: str, path: Path, data: bytes, mode: int) -> None:
    """Write `data` to the temporary file, synced, give it `mode` and rename it over `path`. On any
    OSError the temporary file is removed and the error raised again; `path` is then as it was."""
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError:
        _remove_quietly(temporary)
        raise


STALE_AFTER_SECONDS = 120
TEMPORARY_RANDOM_PART = r"[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix
_RANDOM_PART = re.compile(TEMPORARY_RANDOM_PART)


def remove_stale_temporaries(path: Path, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove temporary files a crashed save of `path` left beside it; returns those removed.

    Only our own names for this very file (`.<name>.XXXXXXXX.tmp`), regular files of ours, and old
    enough that no save still running could own them. They may hold an unprotected older version.
    """
    path = Path(path)
    prefix, suffix = f".{path.name}.", ".tmp"
    removed = []
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(suffix)
                and _RANDOM_PART.fullmatch(name[len(prefix):-len(suffix)])):
            continue
        try:
            info = entry.lstat()
            ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if stat.S_ISREG(info.st_mode) and ours and now - info.st_mtime > older_than:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue
    return removed


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
