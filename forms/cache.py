"""Validated data kept between runs: the shipped pack (and the provisions' titles) is read from YAML,
validated and checked when it is built or changed, not at every start.

The first start builds the value as always and keeps it, pickled, in a cache folder the application
names (`use_folder`; the user's cache folder). Later starts load it from there while it is current:
made by the same code (the forms and catalogue sources, Python's and pydantic's versions) from the
same sources (every file it was built from, every file under the folders it watches, so an added
overlay counts too), each checked by its SHA-256 at every start. Anything else (no entry, other
code, a changed, added or removed source, an entry damaged, truncated or of the wrong kind) is
ignored, and the value is built again from its sources and kept anew. A value that cannot be built
raises as it would without a cache, and nothing is kept. Failing to write an entry changes nothing
but the next start's speed.

The folder is the user's own (like their drafts and settings), so an entry there is as trusted as
they are; it is still never taken blindly: each source is checked first, and the value must be of
the kind asked for. With no folder set (the tests that do not test this) nothing is cached.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

FORMAT = 1
_CODE_FOLDERS = ("forms", "catalogue")  # the code that builds and words a pack, beside this file's folder
T = TypeVar("T")


class _State:
    folder: Path | None = None
    code: str | None = None
    reads: list[set[Path]] = []  # the files read while each build in progress ran


_state = _State()


def use_folder(folder: Path | None) -> None:
    """Keep entries in `folder` from now on (created when first written); None: cache nothing."""
    _state.folder = Path(folder) if folder is not None else None


def folder() -> Path | None:
    return _state.folder


def note_read(path: Path) -> None:
    """A data file was read (forms/safe_yaml.py calls this): a source of every build in progress."""
    for reads in _state.reads:
        reads.add(Path(path).resolve())


@contextmanager
def _recording() -> Iterator[set[Path]]:
    reads: set[Path] = set()
    _state.reads.append(reads)
    try:
        yield reads
    finally:
        _state.reads.remove(reads)


def cached(name: str, key: tuple, build: Callable[[], T], kind: type, watched: tuple[Path, ...] = ()) -> T:
    """`build()`, or the value kept of it while current. `name` and `key` say which value it is (a
    pack's folder and language); its sources are the files `build` reads and the files and folders
    in `watched`. `kind` is the type the value must have (a tuple's first item, for a tuple)."""
    if _state.folder is None:
        return build()
    path = _state.folder / f"{name}-{_digest(repr((name, key)))}.pickle"
    value = _load(path, kind)
    if value is not None:
        return value
    with _recording() as reads:
        value = build()
    _keep(path, value, _fingerprints(sorted(reads | _files(watched))), watched)
    return value


def _load(path: Path, kind: type) -> Any | None:
    """The value kept at `path` when it is current, else None (a damaged entry is simply not used)."""
    try:
        with open(path, "rb") as stream:
            entry = pickle.load(stream)  # noqa: S301 - the user's own cache folder; checked below
        if not (isinstance(entry, dict) and entry.get("format") == FORMAT and entry.get("code") == code_version()):
            return None
        sources, watched, value = entry["sources"], entry["watched"], entry["value"]
        current = _fingerprints(sorted(set(sources) - _files(watched) | _files(watched)))
        if current != sources:
            return None
    except Exception:  # noqa: BLE001 - missing, unreadable, truncated, damaged, or of classes gone: rebuild
        return None
    first = value[0] if isinstance(value, tuple) and value else value
    return value if isinstance(first, kind) else None


def _keep(path: Path, value: Any, sources: dict[Path, str | None], watched: tuple[Path, ...]) -> None:
    entry = {"format": FORMAT, "code": code_version(), "sources": sources, "watched": tuple(watched), "value": value}
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # noqa: BLE001 - a folder not writable, a value that does not pickle: not kept, built again next time
        pass


def _files(watched: tuple[Path, ...]) -> set[Path]:
    """The files watched: those named, and every file under the folders named."""
    found: set[Path] = set()
    for place in watched:
        place = Path(place).resolve()
        if place.is_dir():
            found.update(p for p in place.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            found.add(place)
    return found


def _fingerprints(paths: list[Path]) -> dict[Path, str | None]:
    """Each file's SHA-256; None for one that is not there (a source that appearing would change)."""
    found: dict[Path, str | None] = {}
    for path in paths:
        try:
            found[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            found[path] = None
    return found


def code_version() -> str:
    """What the code that builds the values is: the sources of forms/ and catalogue/, or in a frozen
    build the executable itself, with Python's and pydantic's versions."""
    if _state.code is None:
        import pydantic

        root = Path(__file__).resolve().parent.parent
        parts = [sys.version, pydantic.VERSION, str(FORMAT)]
        sources = sorted(p for name in _CODE_FOLDERS for p in (root / name).glob("*.py"))
        if sources:
            parts += [f"{p.name}:{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in sources]
        else:  # frozen: no sources beside the code
            executable = Path(sys.executable).stat()
            parts += [sys.executable, str(executable.st_size), str(executable.st_mtime_ns)]
        _state.code = _digest("\n".join(parts))
    return _state.code


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
