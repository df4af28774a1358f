"""Where packs are found: those shipped with the application, those in a user folder, and one
named on the command line. Only the manifests are read to list them; a pack is loaded on demand.
Where the list is shown, `in_language` reads the titles from the top of each pack's overlay.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

import catalogue
from forms.safe_yaml import DataFileError, read_yaml
from forms.translations import top_texts

SHIPPED = Path(__file__).parent / "packs"
_CLAUSE = re.compile(r"^\s*(>=|<=|==|>|<)?\s*(\d+(?:\.\d+)*)\s*$")


@dataclass(frozen=True)
class PackInfo:
    id: str
    version: str
    # As the manifest gives it; `in_language` gives it in another language.
    title: str
    law_current_to: dt.date | None
    folder: Path
    # shipped, user or given (on the command line)
    where: str
    extends: str = ""
    # Where jurisdictions stand side by side; the title when the pack gives none.
    short_title: str = ""


def discover(user_folder: Path | None = None, given: Iterable[Path] = ()) -> list[PackInfo]:
    """Every pack found: the given folders first, then the user folder's, then the shipped ones.
    A folder whose manifest cannot be read is left out here; loading it names the fault."""
    found: list[PackInfo] = []
    places = [(Path(folder), "given") for folder in given]
    if user_folder is not None and user_folder.is_dir():
        places += [(folder, "user") for folder in sorted(user_folder.iterdir())]
    places += [(folder, "shipped") for folder in sorted(SHIPPED.iterdir())]
    for folder, where in places:
        info = _info(folder.resolve(), where)
        if info is not None:
            found.append(info)
    # A pack that extends another is current to its base's law unless it says otherwise.
    return [_with_base_law(info, found) for info in found]


def _with_base_law(info: PackInfo, found: list[PackInfo]) -> PackInfo:
    if info.law_current_to is not None or not info.extends:
        return info
    base = next((p for p in found if p.id == info.extends), None)
    return replace(info, law_current_to=base.law_current_to) if base else info


def find(pack_id: str, version_range: str, packs: list[PackInfo]) -> PackInfo | None:
    """The first pack found with this id whose version is in the range (">=1.0,<2"; empty: any)."""
    return next((p for p in packs if p.id == pack_id and in_range(p.version, version_range)), None)


def in_range(version: str, version_range: str) -> bool:
    clauses = [c for c in version_range.split(",") if c.strip()]
    return all(_holds(version, clause) for clause in clauses)


def is_range(version_range: str) -> bool:
    return all(_CLAUSE.match(c) for c in version_range.split(",") if c.strip())


def _holds(version: str, clause: str) -> bool:
    match = _CLAUSE.match(clause)
    if match is None:
        return False
    op, bound = match.group(1) or "==", _numbers(match.group(2))
    have = _numbers(version)
    width = max(len(have), len(bound))
    have, bound = have + (0,) * (width - len(have)), bound + (0,) * (width - len(bound))
    return {">=": have >= bound, "<=": have <= bound, "==": have == bound, ">": have > bound, "<": have < bound}[op]


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def in_language(info: PackInfo, language: str | None = None) -> PackInfo:
    """`info` with its titles in `language` (None: the language in use), read from the top of the
    pack's overlay only (English where it has none), for a list of packs people read."""
    titles = top_texts(info.folder, language or catalogue.language(), {"title": info.title, "short_title": info.short_title})
    given = info.short_title != info.title  # else the title stands for it, in this language too
    return replace(info, title=titles["title"], short_title=titles["short_title"] if given else titles["title"])


def _info(folder: Path, where: str) -> PackInfo | None:
    manifest = folder / "pack.yaml" if folder.is_dir() else folder
    if not manifest.is_file():
        return None
    try:
        data = read_yaml(manifest)
    except DataFileError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    extends = data.get("extends") if isinstance(data.get("extends"), dict) else {}
    law = data.get("law_current_to")
    title = str(data.get("title") or "")
    return PackInfo(id=data["id"], version=str(data.get("version", "")), title=title,
                    law_current_to=law if isinstance(law, dt.date) else None, folder=manifest.parent,
                    where=where, extends=str(extends.get("id", "")), short_title=str(data.get("short_title") or title))
