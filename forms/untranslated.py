"""What the packs shipped with the application still lack in a language: the provisions' titles
and each pack's texts that no overlay translates, one line each. A pack with no overlay in any
language is offered in English only (the US and Chinese packs today): it is named as such, and its
texts and the provisions of laws no translated pack cites are not counted as missing.

`python -m forms.untranslated LANG` prints them; `python3 dev.py catalogue check LANG` runs it after
the catalogue's own check of the messages (catalogue/maintain.py), which knows nothing of packs.
Apart from forms/translations.py, which the loader uses: this reads every pack, so it stands
above the loader instead of beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from catalogue.languages import normalise
from forms.checks import cited
from forms.citations import ProvisionList, provisions
from forms.crosswalks import untranslated_texts
from forms.loader import PACKS_DIR, load_pack
from forms.schema import Pack
from forms.translations import LOCALE_FOLDER, localised, overlays, texts_of, untranslated


def untranslated_pack_texts(language: str) -> list[str]:
    """What the packs shipped with the application and translated into `language` still lack in
    it, one line each."""
    lines: list[str] = []
    laws: set[str] = set()  # the acts the translated packs cite ("aiact", "gdpr")
    for manifest in sorted(PACKS_DIR.glob("*/pack.yaml")):
        if _english_only(manifest.parent):
            continue
        pack = load_pack(manifest.parent, "en")
        laws |= {ref.split(".")[0] for _, _, item_refs in cited(pack) for ref in item_refs}
        problems: list[str] = []
        overlay = read_merged(manifest.parent, language, problems)
        lines += problems + [f"pack {pack.id}: {path}" for path in untranslated(texts_of(pack), overlay)]
    listed = ProvisionList(provisions=tuple(p for ref, p in provisions().items() if ref.split(".")[0] in laws))
    lines = [f"provisions: {path}" for path in untranslated(texts_of(listed), read_merged(PACKS_DIR, language, []))] + lines
    return lines + [f"crosswalk: {text}" for text in untranslated_texts(language)]


def english_only_packs() -> list[str]:
    """The ids of the shipped packs translated into no language."""
    return [load_pack(manifest.parent, "en").id for manifest in sorted(PACKS_DIR.glob("*/pack.yaml"))
            if _english_only(manifest.parent)]


def _english_only(folder: Path) -> bool:
    return not any((folder / LOCALE_FOLDER).glob("*.yaml"))


def translated_pairs(language: str) -> list[tuple[str, str, str]]:
    """(where, English, translation) for every provision and shipped pack text `language` has, as
    the application shows them: for checking that translations follow the terms (catalogue/legal_terms.py)."""
    listed = ProvisionList(provisions=tuple(provisions().values()))
    pairs = [(f"provisions: {w}", e, t) for w, e, t in _pairs("", texts_of(listed),
                                                               texts_of(localised(listed, PACKS_DIR, language)))]
    for manifest in sorted(PACKS_DIR.glob("*/pack.yaml")):
        english, translated = load_pack(manifest.parent, "en"), load_pack(manifest.parent, language)
        pairs += [(f"pack {english.id}: {w}", e, t) for w, e, t in translated_text_pairs(english, translated)]
    return pairs


def translated_text_pairs(english: Pack, translated: Pack) -> list[tuple[str, str, str]]:
    """(path, English, translation) for each text of a pack that its translation words otherwise."""
    return _pairs("", texts_of(english), texts_of(translated))


def _pairs(where: str, english: Any, translated: Any) -> list[tuple[str, str, str]]:
    """The texts at the same place in both, where they differ (a text left in English is not a translation)."""
    if isinstance(english, dict) and isinstance(translated, dict):
        return [pair for key, value in english.items() if key in translated
                for pair in _pairs(f"{where}.{key}" if where else str(key), value, translated[key])]
    if isinstance(english, str) and isinstance(translated, str) and english != translated:
        return [(where, english, translated)]
    return []


def read_merged(folder: Path, language: str, problems: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _, overlay in overlays(folder, language, problems):
        found = merged(found, overlay)
    return found


def merged(base: dict, more: dict) -> dict:
    out = dict(base)
    for key, value in more.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def run(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m forms.untranslated LANG", file=sys.stderr)
        return 2
    code = normalise(argv[0]) or argv[0]
    # English is the packs' own language; its variants and en-XA read it.
    lacking = [] if code.split("_")[0] == "en" else untranslated_pack_texts(code)
    print("\n".join(lacking) or f"{argv[0]}: every pack text is translated")
    if code.split("_")[0] != "en" and (english_only := english_only_packs()):
        print(f"offered in English only, not counted: {', '.join(english_only)}")
    print(f"{len(lacking)} pack texts untranslated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
