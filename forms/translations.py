"""A pack's texts in other languages: overlays keyed by item id and field, the pack's English as
the fallback.

An overlay is `<pack folder>/locale/<language>.yaml` (for the provisions' titles, which every pack
cites, `packs/locale/<language>.yaml`, with `provisions:`) and mirrors the pack: its own fields at the
top (`title`, `law_note`, `undecided_text: {summary: ...}`), and each list of items as a mapping
from an item's id (a tier's `tier`, an outcome's `value`) to the fields translated, nested as in
the pack (a question inside its section, an option inside its question):

    sections:
      scope:
        title: Anwendungsbereich
        questions:
          scope.military_only:
            text: Wird das System ausschließlich für militärische Zwecke ...
            options:
              yes: {label: Ja}

Only texts are taken (`TEXT_FIELDS`); ids, conditions and dates stay the pack's, so a translation
can never change a result. A text whose {placeholders} are not its English's is not used. For
"pt_BR" the overlays `pt.yaml` then `pt_BR.yaml` apply; the pseudo-language is made from the pack
itself by the same mechanism. `untranslated` lists what an overlay lacks (forms/untranslated.py
uses it for the shipped packs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from catalogue import placeholders, tr
from catalogue.languages import PSEUDO, message_chain
from catalogue.pseudo import accented, pseudo
from forms.safe_yaml import DataFileError, parse_yaml, read_yaml

# The fields of pack items a reader sees. `group` (an obligation's) and ids are not among them. The
# declaration is what the applicant signs, and a date's `source` is printed under the duties: both
# are read in the dossier's language.
TEXT_FIELDS = frozenset({
    "title", "short_title", "intro", "text", "help", "label", "summary", "possibly", "reason", "caveat", "law_note",
    "set_by", "original_set_by", "more", "no_points", "no_condition", "unit", "unverified_date_text",
    "example", "term", "definition", "declaration", "source",
})
# Fields an overlay may translate but need not, so that `untranslated` does not ask for them: a
# provision's `cite`, the citation as its readers write it ("Utah Code § 13-72-402(1)(a)"), which reads
# the same in every language unless a language writes it otherwise ("Art. 17 Generative AI Measures").
OPTIONAL_TEXT_FIELDS = frozenset({"cite"})
# Fields that list words rather than say something: a glossary term's mentions, matched inside the
# translated texts, so each language lists its own (the pseudo-language accents them as its texts).
TEXT_LISTS = frozenset({"mentions"})
# Fields that map ids to texts (the words for derived results' values).
TEXT_MAPS = frozenset({"value_labels"})
# What names an item in a list of the pack: the first of these it has.
ITEM_KEYS = ("id", "tier", "value")
LOCALE_FOLDER = "locale"


def item_key(item: BaseModel) -> str | None:
    for name in ITEM_KEYS:
        value = getattr(item, name, None)
        if value is not None:
            return str(getattr(value, "value", value))  # an enum's value
    return None


def texts_of(model: BaseModel) -> dict[str, Any]:
    """Every text of `model` (a pack, or an item of it) in the overlay's shape: its English overlay."""
    out: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, str) and name in TEXT_FIELDS and value:
            out[name] = value
        elif isinstance(value, tuple) and name in TEXT_LISTS and value:
            out[name] = list(value)
        elif isinstance(value, dict) and name in TEXT_MAPS and value:
            out[name] = dict(value)
        elif isinstance(value, BaseModel):
            inner = texts_of(value)
            if inner:
                out[name] = inner
        elif isinstance(value, tuple) and value and all(isinstance(v, BaseModel) for v in value):
            items = {item_key(v): texts_of(v) for v in value if item_key(v) is not None}
            items = {key: texts for key, texts in items.items() if texts}
            if items:
                out[name] = items
    return out


def applied(model: BaseModel, overlay: Any) -> BaseModel:
    """`model` with the texts of `overlay` in place of its own, where their placeholders fit."""
    if not isinstance(overlay, dict):
        return model
    update: dict[str, Any] = {}
    for name, given in overlay.items():
        current = getattr(model, name, None) if name in type(model).model_fields else None
        if isinstance(current, str) and name in TEXT_FIELDS | OPTIONAL_TEXT_FIELDS and isinstance(given, str) and given:
            if placeholders(given) <= placeholders(current):
                update[name] = given
        elif isinstance(current, tuple) and name in TEXT_LISTS and isinstance(given, list):
            words = tuple(word for word in given if isinstance(word, str) and word.strip())
            if words:
                update[name] = words
        elif isinstance(current, dict) and name in TEXT_MAPS and isinstance(given, dict):
            update[name] = {key: given[key] if isinstance(given.get(key), str) and given[key]
                            and placeholders(given[key]) <= placeholders(text) else text
                            for key, text in current.items()}
        elif isinstance(current, BaseModel):
            update[name] = applied(current, given)
        elif isinstance(current, tuple) and isinstance(given, dict):
            update[name] = tuple(applied(item, given.get(item_key(item))) if isinstance(item, BaseModel) else item
                                 for item in current)
    return model.model_copy(update=update) if update else model


def pseudo_overlay(texts: Any) -> Any:
    if isinstance(texts, dict):
        return {key: pseudo_overlay(value) for key, value in texts.items()}
    if isinstance(texts, list):  # words found inside texts: accented as they are there, not bracketed
        return [accented(word) for word in texts]
    return pseudo(texts) if isinstance(texts, str) else texts


def overlays(folder: Path, language: str, problems: list[str] | None = None) -> list[tuple[Path, dict]]:
    """The overlay files of `language` for the pack in `folder`, least specific first, read. One
    that cannot be read is left out (its English shows) and named in `problems`."""
    found = []
    for name in reversed(message_chain(language)):
        path = Path(folder) / LOCALE_FOLDER / f"{name}.yaml"
        if name == "en" or not path.is_file():
            continue
        try:
            data = read_yaml(path)
        except DataFileError as error:
            if problems is not None:
                problems.append(str(error))
            continue
        if isinstance(data, dict):
            found.append((path, data))
        elif problems is not None:
            problems.append(tr("packs.overlay_not_mapping", path=path))
    return found


def top_texts(folder: Path, language: str, english: dict[str, str]) -> dict[str, str]:
    """The pack's own fields named in `english` (its manifest's "title", "short_title") in `language`,
    read from the top of its overlays only, never the whole pack nor the whole overlay parsed: a list
    of packs shows their titles as fast as it reads their manifests. English where an overlay lacks
    one; the pseudo-language accented as the pack's texts are."""
    if language == PSEUDO:
        return {name: pseudo(text) if text else text for name, text in english.items()}
    found = dict(english)
    for name in reversed(message_chain(language)):
        path = Path(folder) / LOCALE_FOLDER / f"{name}.yaml"
        if name == "en" or not path.is_file():
            continue
        for field, given in _top_fields(path, set(english)).items():
            if isinstance(given, str) and given and english[field] \
                    and placeholders(given) <= placeholders(english[field]):
                found[field] = given
    return found


def _top_fields(path: Path, names: set[str]) -> dict[str, Any]:
    """The top-level entries `names` of the overlay at `path`: each one's lines (the key's line and
    the indented lines under it) parsed on their own; the file read only as far as the last of them
    (an overlay has its own fields first). Nothing when the file cannot be read."""
    kept: list[str] = []
    seen: set[str] = set()
    keeping = False
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line[:1] not in ("", " ", "\t", "#", "\n", "\r"):  # a top-level entry starts
                    key = line.split(":", 1)[0].strip().strip("'\"")
                    keeping = key in names
                    if not keeping and seen == names:
                        break
                    seen |= {key} & names
                if keeping:
                    kept.append(line)
    except (OSError, UnicodeDecodeError):
        return {}
    if not kept:
        return {}
    try:
        data = parse_yaml("".join(kept), str(path))
    except DataFileError:
        return {}
    return data if isinstance(data, dict) else {}


def localised(pack: BaseModel, folder: Path, language: str) -> BaseModel:
    """`pack` with its texts in `language` where an overlay has them, English elsewhere."""
    if language == PSEUDO:
        return applied(pack, pseudo_overlay(texts_of(pack)))
    for _, overlay in overlays(folder, language):
        pack = applied(pack, overlay)
    return pack


def untranslated(english: dict[str, Any], overlay: Any, where: str = "") -> Iterator[str]:
    """The texts of `english` (from `texts_of`) that `overlay` lacks, by path ("sections.scope.title")."""
    for name, value in english.items():
        path = f"{where}.{name}" if where else name
        given = overlay.get(name) if isinstance(overlay, dict) else None
        if isinstance(value, dict):
            yield from untranslated(value, given, path)
        elif isinstance(value, list):
            if not isinstance(given, list) or not given:
                yield path
        elif not isinstance(given, str) or not given:
            yield path
        elif not placeholders(given) <= placeholders(value):
            yield tr("packs.check.placeholders_differ", path=path)
