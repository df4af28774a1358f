"""Reading a kit's archive, which comes from someone else, into memory, entry by entry.

Nothing is ever extracted to disk and no name from the archive becomes a path: the entries are
read into a mapping from name to bytes. Refused, each with a message of its own: a file too large
to be a kit, what is not a zip archive, names that are absolute or climb out (`..`), symbolic
links and other special files, encrypted entries, the same name twice, too many entries, and
entries that expand beyond a bound: the bound is checked against the sizes the archive claims and
again against the bytes really decompressed while reading (a zip bomb may claim little).
"""

from __future__ import annotations

import hashlib
import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from app.kits.errors import KitError

MAX_FILE_BYTES = 16 * 1024 * 1024       # the .sandboxkit file itself
MAX_ENTRIES = 200
MAX_EXPANDED_BYTES = 32 * 1024 * 1024   # every entry decompressed, together
_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class KitArchive:
    """A kit's archive as read: its name for messages, the SHA-256 of its bytes, and its files."""

    name: str
    sha256: str
    data: bytes
    entries: dict[str, bytes]

    def where(self, entry: str) -> str:
        """How messages name an entry: the kit's file, then the entry inside it."""
        return f"{self.name}/{entry}"


def read_archive(path: Path) -> KitArchive:
    """The kit at `path`, read and checked; KitError (one line) when it is refused."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KitError.tr("kit.error.file_too_big", kit=path.name, size=size // (1024 * 1024),
                              most=MAX_FILE_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except FileNotFoundError:
        raise KitError.tr("kit.error.no_such_file", kit=path) from None
    except IsADirectoryError:
        raise KitError.tr("kit.error.is_folder", kit=path) from None
    except OSError as error:
        raise KitError.tr("kit.error.unreadable", kit=path, reason=error.strerror or error) from None
    return archive_of(data, path.name)


def archive_of(data: bytes, name: str) -> KitArchive:
    """The kit whose bytes are `data` (named `name` in messages), read and checked."""
    if len(data) > MAX_FILE_BYTES:
        raise KitError.tr("kit.error.file_too_big", kit=name, size=len(data) // (1024 * 1024),
                          most=MAX_FILE_BYTES // (1024 * 1024))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise KitError.tr("kit.error.not_zip", kit=name, problem=error) from None
    with archive:
        infos = archive.infolist()
        _check_listing(infos, name)
        try:
            entries = _read_entries(archive, infos, name)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
            # A checksum that does not match, a stream cut short, a method zipfile does not know.
            raise KitError.tr("kit.error.damaged", kit=name, problem=error) from None
    return KitArchive(name, hashlib.sha256(data).hexdigest(), data, entries)


def _check_listing(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Everything the archive's directory says, checked before a byte is decompressed."""
    if len(infos) > MAX_ENTRIES:
        raise KitError.tr("kit.error.too_many_entries", kit=name, count=len(infos), most=MAX_ENTRIES)
    seen: set[str] = set()
    for info in infos:
        _check_name(info.filename, name)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise KitError.tr("kit.error.symlink", kit=name, entry=info.filename)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise KitError.tr("kit.error.special_file", kit=name, entry=info.filename)
        if info.flag_bits & 0x1:
            raise KitError.tr("kit.error.encrypted", kit=name, entry=info.filename)
        if info.filename.rstrip("/") in seen:
            raise KitError.tr("kit.error.duplicate_entry", kit=name, entry=info.filename)
        seen.add(info.filename.rstrip("/"))
    check_claimed_size(infos, name)


def check_claimed_size(infos: list[zipfile.ZipInfo], name: str) -> None:
    """The sizes the archive claims, added up: the first bound (the bytes read are the second)."""
    if sum(info.file_size for info in infos) > MAX_EXPANDED_BYTES:
        raise KitError.tr("kit.error.too_big", kit=name, most=MAX_EXPANDED_BYTES // (1024 * 1024))


def _check_name(entry: str, name: str) -> None:
    if entry.startswith(("/", "\\")) or _DRIVE.match(entry):
        raise KitError.tr("kit.error.absolute", kit=name, entry=entry)
    parts = re.split(r"[/\\]", entry.rstrip("/"))
    if ".." in parts:
        raise KitError.tr("kit.error.dotdot", kit=name, entry=entry)
    if "\\" in entry or _CONTROL.search(entry) or any(part in ("", ".") for part in parts):
        raise KitError.tr("kit.error.bad_name", kit=name, entry=entry.encode("unicode_escape").decode("ascii"))


def _read_entries(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> dict[str, bytes]:
    """Every file's bytes, counting what is really decompressed against the bound for the whole
    archive, whatever the directory claimed."""
    entries: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        chunks = []
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > MAX_EXPANDED_BYTES:
                    raise KitError.tr("kit.error.too_big", kit=name, most=MAX_EXPANDED_BYTES // (1024 * 1024))
                chunks.append(chunk)
        entries[info.filename] = b"".join(chunks)
    return entries
