"""Loading a question pack from its folder, validating every piece of it.

A pack is a folder with `pack.yaml` (its id, version, tracks and the list of files to include) and
the included files, each holding any of `sections`, `rules`, `obligations`, `dates` and other
lists of the pack schema (forms/kinds.py). A pack may extend another (`extends: {id, version}`):
it adds items, adds questions to the base's sections and replaces texts (forms/compose.py). A
broken pack raises `PackError` with one line naming the file and the item at fault.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from catalogue import language, ntr, table, tr
from forms import cache
from forms.checks import check_pack
from forms.citations import PROVISIONS_FILE
from forms.compose import overlay
from forms.conditions import CONDITION_KEYS
from forms.fingerprint import content_hash, remember
from forms.kinds import ITEM_KINDS, LISTS, NAMES
from forms.layer import Layer, PackError
from forms.registry import PackInfo, discover, find, is_range
from forms.safe_yaml import DataFileError, read_yaml
from forms.schema import ID_PATTERN, REF_PATTERN, Pack, Question
from forms.shared_core import MANIFEST_KEY, SHARED_CORE_DIR, SHARED_CORE_FILE, core_data
from forms.translations import localised

PACKS_DIR = Path(__file__).parent / "packs"
DEFAULT_PACK = PACKS_DIR / "eu_ai_act"
PackPart = create_model(  # one included file of a pack: any of the item lists
    "PackPart", __config__=ConfigDict(frozen=True, extra="forbid", defer_build=True),
    **{kind.key: (tuple[kind.model, ...], ()) for kind in ITEM_KINDS},
)


TEXT = table("packs")
KINDS = table("packs.kind")  # the names of a pack's items, as errors name them


class Extends(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    id: str
    version: str = ""


class QuestionsAdded(BaseModel):
    """Questions an extending pack adds at the end of one of the base pack's sections."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    section: str
    questions: tuple[Question, ...] = Field(min_length=1)


def default_pack() -> Pack:
    """The pack shipped with the application, in the language in use."""
    return _default_pack(language())


@lru_cache(maxsize=4)
def _default_pack(in_language: str) -> Pack:
    # Validated and checked when its files or the code changed, else as kept then (forms/cache.py).
    pack, digest = cache.cached("pack", (str(DEFAULT_PACK), in_language), lambda: _built(in_language), Pack,
                                watched=(DEFAULT_PACK, PROVISIONS_FILE, SHARED_CORE_DIR))
    remember(pack, digest)  # a draft records it: worked out with the pack, not at every start
    return pack


def _built(in_language: str) -> tuple[Pack, str]:
    pack = load_pack(DEFAULT_PACK, in_language)
    return pack, content_hash(pack)


def load_pack(folder: Path, in_language: str | None = None, packs: list[PackInfo] | None = None) -> Pack:
    """The pack in `folder`, checked, with its texts in `in_language` (default: the language in use)
    where its overlays have them (forms/translations.py). A pack that extends another finds it among
    `packs` (by default the shipped ones); a broken pack raises PackError naming the file and item."""
    layer = _read_layer(Path(folder), packs, seen=())
    return localised(checked_pack(layer), layer.manifest.parent, in_language or language())


def checked_pack(layer: Layer) -> Pack:
    """The pack a layer makes, validated whole and checked (its texts as written)."""
    pack = _validated(Pack, {**layer.fields, **layer.lists}, layer.manifest)
    problem = check_pack(pack)
    if problem:
        kind, item_id, message = problem
        raise PackError(TEXT["at_file"].format(path=layer.origin.get((kind, item_id), layer.manifest), message=message))
    return pack


# Reads an included file: (the name as the manifest gives it, the manifest) -> (its path for
# messages, its data). On disk, a name must stay inside the pack's folder; a kit reads its archive.
IncludeReader = Callable[[str, Path], tuple[Path, Any]]


def layer_over(manifest_path: Path, manifest: dict[str, Any], read_include: IncludeReader,
               packs: list[PackInfo] | None = None) -> Layer:
    """A layer from a manifest already read (a kit's overlay, from its archive), folded onto the
    pack it extends; its included files are read with `read_include`."""
    return _layer_from(manifest_path, dict(manifest), read_include, packs, seen=())


def _read_layer(folder: Path, packs: list[PackInfo] | None, seen: tuple[Path, ...]) -> Layer:
    manifest_path = folder / "pack.yaml" if folder.is_dir() else folder
    manifest = _read(manifest_path)
    if not isinstance(manifest, dict):
        raise PackError(TEXT["not_mapping"].format(path=manifest_path))
    return _layer_from(manifest_path, manifest, _read_on_disk, packs, seen)


def _read_on_disk(name: str, manifest_path: Path) -> tuple[Path, Any]:
    part_path = _inside(manifest_path.parent, name, manifest_path)
    return part_path, _read(part_path)


def _layer_from(manifest_path: Path, manifest: dict[str, Any], read_include: IncludeReader,
                packs: list[PackInfo] | None, seen: tuple[Path, ...]) -> Layer:
    includes = manifest.pop("include", [])
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise PackError(TEXT["include_not_list"].format(path=manifest_path, key="include"))
    extends, added, texts = manifest.pop("extends", None), manifest.pop("add_questions", []), manifest.pop("texts", {})
    raw = {key: list(manifest.pop(key, []) or []) for key in LISTS}
    layer = Layer(manifest_path, manifest, {key: [] for key in LISTS})
    _note_origin(raw, manifest_path, layer.origin)
    parts = [(manifest_path, _validated(PackPart, raw, manifest_path))]
    if _asks_shared_core(manifest, manifest_path):
        parts.append((SHARED_CORE_FILE, _validated(PackPart, core_data(), SHARED_CORE_FILE)))
    for name in includes:
        part_path, data = read_include(name, manifest_path)
        parts.append((part_path, _validated(PackPart, data, part_path)))
    for part_path, part in parts:
        for kind in ITEM_KINDS:
            items = getattr(part, kind.key)
            layer.lists[kind.key].extend(items)
            for item in items:
                layer.origin.setdefault((kind.name, item.id), part_path)
    if extends is None:
        if added or texts:
            raise PackError(tr("packs.error.only_extending", path=manifest_path, extends="extends",
                               add_questions="add_questions", texts="texts"))
        return layer
    base = _base_layer(_validated(Extends, extends, manifest_path), manifest_path, packs, (*seen, manifest_path))
    return overlay(base, layer, _validated_list(QuestionsAdded, added, manifest_path), texts)


def _asks_shared_core(manifest: dict[str, Any], manifest_path: Path) -> bool:
    asks = manifest.pop(MANIFEST_KEY, False)
    if not isinstance(asks, bool):
        raise PackError(TEXT["at_file"].format(path=manifest_path, message=TEXT["field_problem"].format(
            field=MANIFEST_KEY, problem=FIELD["boolean"])))
    return asks


def _base_layer(extends: Extends, manifest_path: Path, packs: list[PackInfo] | None,
                seen: tuple[Path, ...]) -> Layer:
    if not is_range(extends.version):
        raise PackError(tr("packs.error.version_range", path=manifest_path, key="extends.version",
                           version=extends.version, example=">=1.0,<2"))
    found = find(extends.id, extends.version, packs if packs is not None else discover())
    if found is None:
        if extends.version:
            raise PackError(tr("packs.error.base_missing", path=manifest_path, key="extends", id=extends.id,
                               version=extends.version))
        raise PackError(tr("packs.error.base_missing_any", path=manifest_path, key="extends", id=extends.id))
    base_manifest = found.folder / "pack.yaml"
    if base_manifest in seen:
        raise PackError(tr("packs.error.extends_loop", path=manifest_path, key="extends", id=extends.id))
    return _read_layer(found.folder, packs, seen)


def _validated_list(model: type[BaseModel], data: Any, path: Path) -> list[Any]:
    if not isinstance(data, list):
        raise PackError(tr("packs.error.not_a_list", path=path, key="add_questions"))
    return [_validated(model, item, path) for item in data]


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


def _note_origin(merged: dict[str, list[Any]], path: Path, origin: dict[tuple[str, str], Path]) -> None:
    for key, items in merged.items():
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                origin.setdefault((NAMES[key], item["id"]), path)


def _validated(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise PackError(TEXT["at_file"].format(path=path, message=describe_error(error, data))) from None


def describe_error(error: ValidationError, data: Any) -> str:
    """The first validation error as one line, naming the item (by its id) where it sits."""
    first = error.errors()[0]
    where, node, field, kind = "", data, [], None
    for step in first["loc"]:
        if isinstance(node, dict) and step in node:
            kind = NAMES.get(step) if isinstance(step, str) else None
            node = node[step]
            field.append(str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            item_id = node.get("id") if isinstance(node, dict) else None
            if kind is None:  # a list that holds no items of a kind (the tests of a condition)
                field.append(str(step))
                continue
            where = (TEXT["item"].format(kind=KINDS[kind], id=item_id) if item_id
                     else TEXT["item_number"].format(kind=KINDS[kind], number=step + 1))
            field, kind = [], None
        elif not (isinstance(node, dict) and node.get("kind") == step):  # not the kind a union chose
            field.append(str(step))
    if first["type"].startswith("union_tag"):  # the key that tells the kinds apart is at fault
        field.append(first["ctx"]["discriminator"].strip("'"))
    field_text = ".".join(f for f in field if not f[0].isupper()) or TEXT["value"]
    problem = TEXT["field_problem"].format(field=field_text, problem=_field_problem(first))
    return TEXT["where"].format(where=where, message=problem) if where else problem


# pydantic's errors of a value of the wrong type, by the type they wanted, and the word we use for it.
_EXPECTED = {"string": "text", "bool": "boolean", "int": "whole_number", "float": "number", "tuple": "list",
             "list": "list", "dict": "mapping", "model": "mapping", "model_attributes": "mapping"}
# pydantic's errors of a number out of bounds: our message and the bound in the error's context.
_BOUNDS = {"greater_than_equal": ("at_least", "ge"), "less_than_equal": ("at_most", "le"),
           "greater_than": ("more_than", "gt"), "less_than": ("less_than", "lt")}
FIELD = table("packs.error.field")


def _field_problem(first: Any) -> str:
    """What is wrong with the field, in our words by the type of pydantic's error (its own words are
    English); pydantic's, inside ours, only for a type not foreseen here."""
    kind, ctx = first["type"], first.get("ctx") or {}
    wanted = kind.split("_from_")[0].removesuffix("_type").removesuffix("_parsing")  # int_from_float: int
    if kind == "value_error":  # raised by our own validators, in the catalogue's words (forms/conditions.py)
        return str(ctx["error"])
    if kind in ("missing", "union_tag_not_found"):
        return tr("packs.error.field.missing")
    if kind == "extra_forbidden":
        return tr("packs.error.field.unknown")
    if kind.startswith("date_"):
        return tr("packs.error.field.date", pattern="YYYY-MM-DD")
    if wanted in _EXPECTED:
        return FIELD[_EXPECTED[wanted]]
    if kind in _BOUNDS:
        name, bound = _BOUNDS[kind]
        return FIELD[name].format(bound=ctx[bound])
    return _shape_problem(first, kind, ctx)


def _shape_problem(first: Any, kind: str, ctx: dict) -> str:
    if kind == "string_pattern_mismatch":
        if ctx["pattern"] in (ID_PATTERN, REF_PATTERN):
            return tr("packs.error.field.id", example="scope.military_only")
        return tr("packs.error.field.pattern", pattern=ctx["pattern"])
    if kind == "string_too_long":
        return ntr("packs.error.field.too_long_text", ctx["max_length"])
    if kind == "too_short":
        return ntr("packs.error.field.too_few", ctx["min_length"])
    if kind == "too_long":
        return ntr("packs.error.field.too_many", ctx["max_length"])
    if kind == "union_tag_invalid":
        return tr("packs.error.field.unknown_kind", tag=ctx["tag"], expected=ctx["expected_tags"])
    if kind == "condition":  # forms/conditions.py: a mapping that is no kind of condition
        return tr("packs.error.field.condition", keys=tr("packs.separator").join(CONDITION_KEYS))
    return tr("packs.error.field.other", detail=first["msg"])
