"""Reviewing a dossier or a whole folder of them, with the register as memory.

Every file under the folder gets a review (hidden files and folders aside: a save in progress, a
system's own files). A file the register has read before, unchanged since (same path, size and
modification time) and reviewed with the same packs (those of every jurisdiction its draft targets),
language and trusted certificates, is taken from the register
without opening it; every other file is read and its review kept. So a second look at a folder
costs a directory listing and one query.

`review_batches` gives the reviews as they are made, a batch at a time, each kept in the register
before it is given: the reviewer's view shows rows while the rest of a folder is still being read.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

from app.review.dossier_review import REVIEW_FORMAT, DossierReview, review_dossier
from app.review.register import KnownFile, Register
from app.review.shelf import PackShelf
from catalogue import language


@dataclass(frozen=True)
class Reviewed:
    reviews: list[DossierReview]
    read: int           # files opened and reviewed now
    remembered: int     # files taken from the register


def files_under(path: Path) -> list[Path]:
    """`path` itself when it is a file; else every file below it, hidden ones left out, in order."""
    if not path.is_dir():
        return [path]
    found = []
    for folder, subfolders, names in os.walk(path):  # symbolic links to folders are not followed
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        found += [Path(folder) / name for name in sorted(names) if not name.startswith(".")]
    return found


@dataclass(frozen=True)
class Batch:
    """Reviews made one after another, in the order of the files."""

    reviews: list[DossierReview]
    read: int    # of these, the files opened and reviewed now (the others from the register)
    done: int    # files reviewed so far, these included
    total: int   # files under the path


def review_path(path: Path, shelf: PackShelf, register: Register | None = None,
                trust_roots: Sequence[bytes] = ()) -> Reviewed:
    """Every file under `path` reviewed (app/review/dossier_review.py), new and changed ones read,
    the others from the register; a signature is trusted when it chains to one of `trust_roots`."""
    reviews: list[DossierReview] = []
    read = 0
    for batch in review_batches(path, shelf, register, trust_roots):
        reviews += batch.reviews
        read += batch.read
    return Reviewed(reviews, read=read, remembered=len(reviews) - read)


def review_batches(path: Path, shelf: PackShelf, register: Register | None = None, trust_roots: Sequence[bytes] = (),
                   every: float | None = None) -> Iterator[Batch]:
    """The reviews of `review_path`, a batch at least every `every` seconds (None: all in one),
    each batch kept in the register before it is given. A caller may stop between batches: what
    was given is kept, and files that are gone are forgotten only at the end."""
    files = files_under(path)
    trusting = _trusting(trust_roots)
    known = register.known_files() if register is not None else {}
    reviews: list[DossierReview] = []
    fresh: list[tuple[Path, int, int, str, DossierReview]] = []
    started, done = time.monotonic(), 0
    for file in files:
        reviews.append(_review_file(file, shelf, known, trusting, trust_roots, fresh))
        if every is not None and time.monotonic() - started >= every:
            done += len(reviews)
            yield _kept(register, reviews, fresh, done, len(files))
            reviews, fresh, started = [], [], time.monotonic()
    if reviews or not done:
        yield _kept(register, reviews, fresh, done + len(reviews), len(files))
    if register is not None:
        gone = _gone(known, path.absolute(), {str(f.absolute()) for f in files})
        if gone:
            register.forget_files(gone)


def _review_file(file: Path, shelf: PackShelf, known: dict[str, KnownFile], trusting: str,
                 trust_roots: Sequence[bytes], fresh: list) -> DossierReview:
    """The file's review, from the register when it is there and still holds; else read now
    (and added to `fresh`, to be kept)."""
    where = file.absolute()
    try:
        info = file.stat()
        size, mtime = info.st_size, info.st_mtime_ns
    except OSError:
        size, mtime = -1, -1  # the review says why it cannot be read
    remembered = _remembered(known.get(str(where)), size, mtime, shelf, trusting)
    if remembered is not None:
        return replace(remembered, file=str(file))
    review = review_dossier(file, shelf, shown=str(file), trust_roots=trust_roots)
    if size >= 0:
        fresh.append((where, size, mtime, depends_on(shelf, review, trusting), review))
    return review


def _kept(register: Register | None, reviews: list[DossierReview], fresh: list, done: int, total: int) -> Batch:
    if register is not None:
        register.record(fresh)
    return Batch(reviews, read=len(fresh), done=done, total=total)


def depends_on(shelf: PackShelf, review: DossierReview, trusting: str = "") -> str:
    """What a review was made with besides the file: the review's own format, the language of its
    messages, the certificates trusted, and the packs (and kit) its draft names, as found now: its
    own and, for a draft that targets several jurisdictions, each other one's (their results are in
    the review; installing, updating or removing one of those packs makes it again)."""
    parts = [str(REVIEW_FORMAT), language(), trusting]
    named = dict.fromkeys(pack_id for pack_id in (review.pack_id, review.kit_id, *review.targeted) if pack_id)
    parts += [shelf.identity(pack_id) for pack_id in named]
    return "|".join(parts)


def _trusting(trust_roots: Sequence[bytes]) -> str:
    digest = hashlib.sha256()
    for root in sorted(trust_roots):
        digest.update(hashlib.sha256(root).digest())
    return digest.hexdigest()[:16]


def _remembered(known: KnownFile | None, size: int, mtime: int, shelf: PackShelf,
                trusting: str) -> DossierReview | None:
    if known is None or (known.size, known.mtime_ns) != (size, mtime):
        return None
    try:
        review = DossierReview.from_json(json.loads(known.review))
    except (ValueError, TypeError, KeyError):  # a row this version cannot read: read the file again
        return None
    return review if depends_on(shelf, review, trusting) == known.depends_on else None


def _gone(known: dict[str, KnownFile], folder: Path, present: set[str]) -> list[str]:
    """Files the register has under `folder` that are no longer there."""
    prefix = str(folder) + os.sep
    return [path for path in known if path.startswith(prefix) and path not in present]
