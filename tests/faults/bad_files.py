"""Bad draft files and hostile folders, one builder per way they can be bad, for the fault tests.

Each opening case writes its file into a folder and returns its path; `OPENING_CASES` says which
words the one-line reason must hold. Tests run as root, which file permissions do not stop, so an
unreadable file, a folder that cannot be written and a full disk are simulated by the operating
system's refusal for those paths only (the rest of the application keeps writing normally).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pathlib
import tempfile
from dataclasses import dataclass
from typing import Callable

from app.storage.drafts import Draft

LARGE_FILE_MB = 50


def valid_draft(pack) -> dict:
    return json.loads(Draft.new(pack).to_json())


def write(folder: pathlib.Path, content, name: str = "draft.json") -> pathlib.Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    return path


def snapshot(path: pathlib.Path) -> tuple[str, int, int]:
    """The file's content digest, size and modification time: what "left unchanged" compares."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:  # not Path.read_bytes, which some cases replace
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    status = os.stat(path)
    return digest.hexdigest(), status.st_size, status.st_mtime_ns


# --- files that cannot be opened: builder(folder, pack, monkeypatch) -> path ---------------------

def truncated(folder, pack, monkeypatch):
    text = json.dumps(valid_draft(pack)).encode()
    return write(folder, text[: len(text) // 2])


def not_json(folder, pack, monkeypatch):
    return write(folder, b"Dear sandbox office, please find attached")


def wrong_shape(folder, pack, monkeypatch):
    return write(folder, [1, 2, 3])


def answer_not_an_object(folder, pack, monkeypatch):
    # An answer is {value, note}, not a bare value.
    return write(folder, {**valid_draft(pack), "answers": {"system.infers": "yes"}})


def answer_of_the_wrong_type(folder, pack, monkeypatch):
    # Well formed, but a yes/no question answered 42: only checking against the pack finds it.
    return write(folder, {**valid_draft(pack), "answers": {"system.infers": {"value": 42, "note": ""}}})


def newer_version(folder, pack, monkeypatch):
    return write(folder, {**valid_draft(pack), "format_version": 99})


def unknown_pack(folder, pack, monkeypatch):
    draft = valid_draft(pack)
    draft["lock"]["pack"]["id"] = "someone_elses_pack"
    return write(folder, draft)


def very_large(folder, pack, monkeypatch):
    path = folder / "draft.json"
    with open(path, "wb") as stream:
        stream.write(b'{"format": "' + b" " * (LARGE_FILE_MB * 1024 * 1024) + b'"}')
    read = pathlib.Path.read_bytes

    def never_this_one(self):
        assert self != path, "a 50 MB draft was read instead of refused by its size"
        return read(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", never_this_one)
    return path


def unreadable(folder, pack, monkeypatch):
    path = write(folder, valid_draft(pack))
    read = pathlib.Path.read_bytes

    def refused(self):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return read(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refused)
    return path


@dataclass(frozen=True)
class OpeningCase:
    build: Callable
    words: tuple[str, ...]  # what the reason must name, so the person knows what happened


OPENING_CASES = {
    "truncated": OpeningCase(truncated, ("JSON is broken",)),
    "not_json": OpeningCase(not_json, ("JSON is broken",)),
    "wrong_shape": OpeningCase(wrong_shape, ("not a draft",)),
    "answer_not_an_object": OpeningCase(answer_not_an_object, ("answers", "system.infers")),
    "answer_of_the_wrong_type": OpeningCase(answer_of_the_wrong_type, ("system.infers", "42")),
    "newer_version": OpeningCase(newer_version, ("newer version", "update the application")),
    "unknown_pack": OpeningCase(unknown_pack, ("someone_elses_pack",)),
    "very_large": OpeningCase(very_large, (f"{LARGE_FILE_MB} MB",)),
    "unreadable": OpeningCase(unreadable, ("permission",)),
}


# --- places that cannot be written ---------------------------------------------------------------

def refuse_writing_in(folder: pathlib.Path, monkeypatch) -> None:
    """The operating system refuses to create files in `folder` (as for a read-only folder)."""
    make = tempfile.mkstemp

    def refused(*args, **kwargs):
        if pathlib.Path(kwargs.get("dir") or os.getcwd()) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))
        return make(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def fill_disk_under(folder: pathlib.Path, monkeypatch) -> None:
    """Files may be created in `folder`, but writing into them fails: no space left on device."""
    make, real_fdopen = tempfile.mkstemp, os.fdopen
    on_full_disk: set[int] = set()

    def made(*args, **kwargs):
        handle, name = make(*args, **kwargs)
        if pathlib.Path(name).parent == folder:
            on_full_disk.add(handle)
        return handle, name

    class FullDisk:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    def opened(handle, *args, **kwargs):
        stream = real_fdopen(handle, *args, **kwargs)
        if handle not in on_full_disk:
            return stream
        on_full_disk.discard(handle)  # the number is free for other files once this one closes
        return FullDisk(stream)

    monkeypatch.setattr(tempfile, "mkstemp", made)
    monkeypatch.setattr(os, "fdopen", opened)
