"""What an authority's kit still lacks in a language it is offered in, one line each (as
forms/untranslated.py lists a pack's): the texts of its overlay (its sections, questions, options,
gaps), the manifest's own words (authority, sandbox, contact, attachments) and its text files
(intro, privacy, submission). And its texts in pairs, English and translated, for the check that
translations follow the terms of the law (catalogue/legal_terms.py). Both read a built kit, as an
applicant's copy has it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.kits.archive import read_archive
from app.kits.kit import TEXT_FILES, Kit, kit_of
from app.kits.overlay import yaml_entry
from forms.registry import PackInfo
from forms.translations import texts_of, untranslated
from forms.untranslated import merged, read_merged, translated_text_pairs

WORDS = {"authority": ("name", "short_name"), "sandbox": ("name", "call"), "contact": ("name", "address")}


def untranslated_kit_texts(path: Path, language: str, packs: list[PackInfo] | None = None) -> list[str]:
    """Every text of the kit at `path` that `language` lacks ("kit nordland.ai_sandbox: intro"); a
    language the kit is not offered in lacks them all, in one line."""
    archive = read_archive(Path(path))
    first = kit_of(archive, packs, "en")
    manifest = first.manifest
    where = f"kit {manifest.id}"
    if language not in manifest.languages:
        return [f"{where}: languages"]
    if language == manifest.languages[0]:
        return []
    entry = manifest.translations.get(language)
    translation: dict[str, Any] = yaml_entry(archive, entry) if entry in archive.entries else {}
    lines = [f"{where}: {name}" for name in TEXT_FILES
             if (files := getattr(manifest, name)) is not None and (isinstance(files, str) or language not in files)]
    given = translation.get("kit") or {}
    for part, fields in WORDS.items():
        lines += [f"{where}: kit.{part}.{name}" for name in fields
                  if getattr(getattr(manifest, part), name, "") and not (given.get(part) or {}).get(name)]
    for item in manifest.attachments:
        words = (given.get("attachments") or {}).get(item.id) or {}
        lines += [f"{where}: kit.attachments.{item.id}.{name}" for name in ("title", "help")
                  if getattr(item, name) and not words.get(name)]
    overlay = {key: value for key, value in translation.items() if key != "kit"}
    problems: list[str] = []
    both = merged(read_merged(_base_folder(first, packs), language, problems), overlay)
    return lines + problems + [f"{where}: {line}" for line in untranslated(texts_of(first.pack), both)]


def kit_text_pairs(path: Path, language: str, packs: list[PackInfo] | None = None) -> list[tuple[str, str, str]]:
    """(where, English, translation) for the kit's own texts in `language` (the pack's it extends
    are checked with the pack)."""
    archive = read_archive(Path(path))
    english, translated = kit_of(archive, packs, "en"), kit_of(archive, packs, language)
    where = f"kit {english.manifest.id}"
    base = set((e, t) for _, e, t in translated_text_pairs(english.base, translated.base))
    pairs = [(f"{where}: {w}", e, t) for w, e, t in translated_text_pairs(english.pack, translated.pack)
             if (e, t) not in base]
    pairs += [(f"{where}: {name}", english.texts[name], translated.texts[name]) for name in TEXT_FILES
              if name in english.texts and name in translated.texts]
    pairs += [(f"{where}: kit.{part}.{name}", e, t) for part, fields in WORDS.items() for name in fields
              if (e := getattr(getattr(english.manifest, part), name, "")) != (t := getattr(getattr(translated.manifest, part), name, ""))]
    for mine, theirs in zip(english.manifest.attachments, translated.manifest.attachments):
        pairs += [(f"{where}: kit.attachments.{mine.id}.{name}", getattr(mine, name), getattr(theirs, name))
                  for name in ("title", "help") if getattr(mine, name) != getattr(theirs, name)]
    return pairs


def _base_folder(kit: Kit, packs: list[PackInfo] | None) -> Path:
    from app.storage.paths import packs_dir
    from forms.registry import discover, find

    manifest = kit.manifest
    found = find(manifest.extends.id, manifest.extends.version, packs if packs is not None else discover(packs_dir()))
    assert found is not None  # the kit loaded, so its base was found
    return found.folder
