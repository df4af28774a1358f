"""A kit's overlay composed onto the pack it extends, through the packs' own machinery
(forms/loader.py, forms/compose.py): no engine change, and no change to the law.

A kit may add sections, questions (to its own sections or the pack's), gaps and dates, and give its
own words to its own items and to the pack's sections and questions. It may not redefine, reword
or add anything that grounds a result: rules, duties, derived results, checklists, measures, or
the pack's own gaps, dates and result labels. Each such attempt is refused with one line naming
the file and the item (`kit.error.rewrites_rule`, `kit.error.adds_law`).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from app.kits.archive import KitArchive
from app.kits.errors import KitError
from catalogue import table
from forms.kinds import NAMES
from forms.layer import PackError
from forms.loader import checked_pack, layer_over
from forms.registry import PackInfo
from forms.safe_yaml import DataFileError, parse_yaml
from forms.schema import Pack

# What a kit's overlay may set at its top, and the lists an included file may hold.
ADDS = ("sections", "gaps", "dates")
TOP_KEYS = frozenset({"include", "add_questions", "texts", "title", *ADDS})
# The lists that hold the law: a kit neither adds to them nor changes them.
LAW = ("rules", "obligations", "verdicts", "checklists", "measures")
KINDS = table("packs.kind")  # the names of a pack's items, as messages name them


def yaml_entry(archive: KitArchive, entry: str) -> Any:
    """The YAML data of an entry, read as a pack file is (forms/safe_yaml.py): no tags, no aliases."""
    where = archive.where(entry)
    try:
        text = archive.entries[entry].decode("utf-8")
    except UnicodeDecodeError as error:
        raise KitError.tr("kit.error.not_utf8", where=where, byte=error.start) from None
    try:
        return parse_yaml(text, where)
    except DataFileError as error:
        raise KitError(error.msg_id or "kit.error.yaml", str(error)) from None


def composed_pack(archive: KitArchive, entry: str, extends: dict[str, str], base: Pack,
                  packs: list[PackInfo]) -> Pack:
    """The pack the kit's overlay in `entry` makes over `base` (the pack found for `extends`),
    checked whole, its texts as written."""
    where = archive.where(entry)
    data = yaml_entry(archive, entry)
    if not isinstance(data, dict):
        raise KitError.tr("kit.error.overlay_not_mapping", where=where)
    for key in data:
        if key not in TOP_KEYS and key not in LAW:
            raise KitError.tr("kit.error.overlay_key", where=where, key=key, allowed=", ".join(sorted(TOP_KEYS)))
    law = _law_of(base)
    _check_part(data, where, law)
    _check_texts(data.get("texts"), where, law)

    def read_include(name: str, manifest: Path) -> tuple[Path, Any]:
        included = _entry_of(archive, entry, name)
        part = yaml_entry(archive, included)
        if isinstance(part, dict):
            _check_part(part, archive.where(included), law)
        return Path(archive.where(included)), part

    try:
        layer = layer_over(Path(where), {**data, "extends": extends}, read_include, packs)
        return checked_pack(layer)
    except PackError as error:
        raise KitError.tr("kit.error.overlay", problem=error) from None


def _law_of(base: Pack) -> dict[str, set[str]]:
    """The ids of the base pack's items a kit must leave as they are, by list; `outcomes`: the
    results its tracks name."""
    law = {key: {item.id for item in getattr(base, key)} for key in (*LAW, "gaps", "dates")}
    law["outcomes"] = {outcome.id for track in base.tracks for outcome in track.outcomes}
    return law


def _check_part(part: dict, where: str, law: dict[str, set[str]]) -> None:
    for key in (*LAW, "gaps", "dates"):
        items = part.get(key) or []
        for item in items if isinstance(items, list) else []:
            item_id = item.get("id") if isinstance(item, dict) else None
            if item_id in law[key]:
                raise KitError.tr("kit.error.rewrites_rule", where=where, kind=KINDS[NAMES[key]], id=item_id)
            if key in LAW:
                raise KitError.tr("kit.error.adds_law", where=where, kind=KINDS[NAMES[key]], id=item_id or "?")


def _check_texts(texts: Any, where: str, law: dict[str, set[str]]) -> None:
    if not isinstance(texts, dict):
        return  # the loader says what is wrong with its shape
    for item_id in texts:
        key = next((key for key, ids in law.items() if item_id in ids), None)
        if key is not None:
            raise KitError.tr("kit.error.rewrites_rule", where=where, kind=KINDS[NAMES[key]], id=item_id)


def _entry_of(archive: KitArchive, overlay: str, name: str) -> str:
    """The entry an included file names, relative to the overlay's folder in the archive."""
    entry = posixpath.normpath(posixpath.join(posixpath.dirname(overlay), name))
    if name.startswith(("/", "\\")) or entry == ".." or entry.startswith("../"):
        raise KitError.tr("kit.error.include_outside", where=archive.where(overlay), entry=name)
    if entry not in archive.entries:
        raise KitError.tr("kit.error.missing_file", where=archive.where(overlay), entry=name)
    return entry
