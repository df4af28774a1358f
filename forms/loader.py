"""Loading a question pack from its folder, validating every piece of it.

A pack is a folder with `pack.yaml` (its id, version, tiers and the list of files to include) and
the included files, each holding any of `sections`, `rules`, `obligations`, `dates` and other
lists of the pack schema. A broken pack raises `PackError` with one line naming the file and the
id of the question, rule or obligation at fault.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from catalogue import language, table
from forms.checks import check_pack
from forms.safe_yaml import DataFileError, read_yaml
from forms.translations import localised
from forms.schema import Checklist, DateEntry, Gap, Measure, Obligation, Pack, Rule, Section, Verdict

PACKS_DIR = Path(__file__).parent / "packs"
DEFAULT_PACK = PACKS_DIR / "eu_ai_act"
MERGED_LISTS = ("sections", "rules", "obligations", "dates", "verdicts", "checklists", "measures", "gaps")


TEXT = table("packs")
KINDS = table("packs.kind")  # the names of a pack's items (kinds below), as errors name them


class PackError(Exception):
    """A pack that cannot be used. The message is one line."""


class PackPart(BaseModel):
    """One included file of a pack."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    sections: tuple[Section, ...] = ()
    rules: tuple[Rule, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    dates: tuple[DateEntry, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    measures: tuple[Measure, ...] = ()
    gaps: tuple[Gap, ...] = ()


def default_pack() -> Pack:
    """The pack shipped with the application, in the language in use."""
    return _default_pack(language())


@lru_cache(maxsize=4)
def _default_pack(in_language: str) -> Pack:
    return load_pack(DEFAULT_PACK, in_language)


def load_pack(folder: Path, in_language: str | None = None) -> Pack:
    """The pack in `folder`, checked, with its texts in `in_language` (default: the language in use)
    where its overlays have them (forms/translations.py)."""
    folder = Path(folder)
    manifest_path = folder / "pack.yaml" if folder.is_dir() else folder
    manifest = _read(manifest_path)
    if not isinstance(manifest, dict):
        raise PackError(TEXT["not_mapping"].format(path=manifest_path))
    includes = manifest.pop("include", [])
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise PackError(TEXT["include_not_list"].format(path=manifest_path, key="include"))
    merged: dict[str, list[Any]] = {key: list(manifest.pop(key, [])) for key in MERGED_LISTS}
    origin: dict[str, Path] = {}
    _note_origin(merged, manifest_path, origin)
    for name in includes:
        part_path = _inside(manifest_path.parent, name, manifest_path)
        part = _validated(PackPart, _read(part_path), part_path)
        for key in MERGED_LISTS:
            items = getattr(part, key)
            merged[key].extend(items)
            for item in items:
                origin.setdefault(item.id, part_path)
    pack = _validated(Pack, {**manifest, **merged}, manifest_path)
    problem = check_pack(pack)
    if problem:
        item_id, message = problem
        raise PackError(TEXT["at_file"].format(path=origin.get(item_id, manifest_path), message=message))
    return localised(pack, manifest_path.parent, in_language or language())


def _read(path: Path) -> Any:
    try:
        return read_yaml(path)
    except DataFileError as error:
        raise PackError(str(error)) from None


def _inside(folder: Path, name: str, manifest: Path) -> Path:
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise PackError(TEXT["outside"].format(path=manifest, name=name))
    return path


def _note_origin(merged: dict[str, list[Any]], path: Path, origin: dict[str, Path]) -> None:
    for items in merged.values():
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                origin.setdefault(item["id"], path)


def _validated(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise PackError(TEXT["at_file"].format(path=path, message=describe_error(error, data))) from None


_KINDS = {"sections": "section", "questions": "question", "rules": "rule", "options": "option",
          "obligations": "obligation", "dates": "date", "tiers": "tier",
          "verdicts": "verdict", "checklists": "checklist", "items": "item", "measures": "measure",
          "gaps": "gap"}


def describe_error(error: ValidationError, data: Any) -> str:
    """The first validation error as one line, naming the item (by its id) where it sits."""
    first = error.errors()[0]
    where, node, field = "", data, []
    for step in first["loc"]:
        if isinstance(node, dict) and step in node:
            if step in _KINDS:
                kind = _KINDS[step]
            node = node[step]
            field.append(str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            item_id = node.get("id") if isinstance(node, dict) else None
            where = (TEXT["item"].format(kind=KINDS[kind], id=item_id) if item_id
                     else TEXT["item_number"].format(kind=KINDS[kind], number=step + 1))
            field = []
        else:
            field.append(str(step))
    field_text = ".".join(f for f in field if not f[0].isupper()) or TEXT["value"]
    # pydantic's own words (English) for what is wrong with the field; ours name where it is.
    message = first["msg"].replace("Value error, ", "")
    problem = TEXT["field_problem"].format(field=field_text, problem=message)
    return TEXT["where"].format(where=where, message=problem) if where else problem
