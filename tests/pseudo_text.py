"""Helpers for the tests in the pseudo-language: what plain English is left in a text.

A run of four or more ASCII letters is plain English unless it is something no translation
touches: an id of the pack (questions, options, rules, tiers, citations), a command, option or
variable name, a file name, a fingerprint, a Roman numeral, or what the applicant typed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

WORD = re.compile(r"[A-Za-z]{4,}")
# Never translated: the program, its commands, metavariables, variables and file names.
NAMES = {"python", "main", "json", "html", "questions", "classify", "validate", "export", "import", "protect",
         "unprotect", "backups", "restore", "packs", "sign", "verify", "review", "workspace", "schema", "NAME", "DRAFT", "PACK", "FILE",
         "DOSSIER", "CODE", "SANDBOX", "DATA", "CERT", "LANG", "STRICT", "TEXT", "PATH", "REGISTER",
         # Key names come from Qt's own catalogue, which has no pseudo-language.
         "Left", "Right"}
_SKIPPED = [re.compile(p) for p in (
    r"\b[0-9a-f]{64}\b",                    # fingerprints
    r"[^\s\"“”'()]*[/\\][^\s\"“”'()]*",     # paths
    r"(?<![\w-])--?[a-z][a-z-]*",           # options
    r"\b[MDCLXVI]+\b",                      # Roman numerals (Annex VIII)
    r"<[^<>]*>",                            # markup
)]


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for key, inner in value.items() for s in [key, *_strings(inner)]]
    if isinstance(value, (list, tuple)):
        return [s for inner in value for s in _strings(inner)]
    return [value] if isinstance(value, str) else []


def pack_ids(pack) -> set[str]:
    """The words of every id, kind, reference and condition of the pack: all but its texts."""
    from forms.translations import TEXT_FIELDS

    def without_texts(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: without_texts(v) for k, v in value.items() if k not in TEXT_FIELDS}
        if isinstance(value, list):
            return [without_texts(v) for v in value]
        return value

    return {word for text in _strings(without_texts(pack.model_dump(mode="json"))) for word in WORD.findall(text)}


def typed_words(draft_path: Path) -> set[str]:
    """Every word the applicant typed in a draft: answers, notes, names."""
    data = json.loads(Path(draft_path).read_text(encoding="utf-8"))
    texts = [data.get("applicant", ""), data.get("system_name", "")]
    for answer in data.get("answers", {}).values():
        texts += _strings(answer.get("value")) + [answer.get("note", "")]
    return {word for text in texts for word in WORD.findall(text)}


def plain_english(text: str, allowed: set[str]) -> set[str]:
    """The runs of ASCII letters in `text` that are neither pseudo-language nor allowed."""
    for pattern in _SKIPPED:
        text = pattern.sub(" ", text)
    return {word for word in WORD.findall(text) if word not in allowed and word not in NAMES}
