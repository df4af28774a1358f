"""Reviewing a dossier or a whole folder of them, with the register as memory.

Every file under the folder gets a review (hidden files and folders aside: a save in progress, a
system's own files). A file the register has read before, unchanged since (same path, size and
modification time) and reviewed with the same packs, language and trusted certificates, is taken from the register
without opening it; every other file is read and its review kept. So a second look at a folder
costs a directory listing and one query.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

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


def review_path(path: Path, shelf: PackShelf, register: Register | None = None,
                trust_roots: Sequence[bytes] = ()) -> Reviewed:
    """Every file under `path` reviewed (app/review/dossier_review.py), new and changed ones read,
    the others from the register; a signature is trusted when it chains to one of `trust_roots`."""
    files = files_under(path)
    trusting = _trusting(trust_roots)
    known = register.known_files() if register is not None else {}
    reviews: list[DossierReview] = []
    fresh: list[tuple[Path, int, int, str, DossierReview]] = []
    for file in files:
        where = file.absolute()
        try:
            info = file.stat()
            size, mtime = info.st_size, info.st_mtime_ns
        except OSError:
            size, mtime = -1, -1  # the review says why it cannot be read
        remembered = _remembered(known.get(str(where)), size, mtime, shelf, trusting)
        if remembered is not None:
            reviews.append(replace(remembered, file=str(file)))
            continue
        review = review_dossier(file, shelf, shown=str(file), trust_roots=trust_roots)
        reviews.append(review)
        if size >= 0:
            fresh.append((where, size, mtime, depends_on(shelf, review, trusting), review))
    if register is not None:
        register.record(fresh)
        gone = _gone(known, path.absolute(), {str(f.absolute()) for f in files})
        if gone:
            register.forget_files(gone)
    return Reviewed(reviews, read=len(fresh), remembered=len(reviews) - len(fresh))


def depends_on(shelf: PackShelf, review: DossierReview, trusting: str = "") -> str:
    """What a review was made with besides the file: the review's own format, the language of its
    messages, the certificates trusted, and the packs (and kit) its draft names, as found now."""
    parts = [str(REVIEW_FORMAT), language(), trusting]
    parts += [shelf.identity(pack_id) for pack_id in (review.pack_id, review.kit_id) if pack_id]
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
