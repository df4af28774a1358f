"""The legal terms each language's texts follow (`catalogue/terms/<lang>.yaml`), and the check that
they are followed: wherever an English text uses a term, its translation uses one of the term's
official forms. Run by tests/catalogue/test_complete.py over every message, pack text, provision
and kit text; `python -m catalogue.legal_terms LANG` lists what does not follow them.

A term in the English is a whole word or phrase, case-insensitive, with a plural "s" ("deployers");
an official form in the translation starts a word (a prefix match: "Anbieter" covers "Anbieters"
and "Anbieterpflichten"; a form of one word may also end a compound, "Finanzaufsichtsbehörde"),
case-insensitive, soft hyphens and no-break spaces read as nothing and
spaces. The English's {placeholders} and the names the list gives (`names`: the application's
own, written the same in every language) are not read for terms. Where a term is used in a sense
the law does not give it, a term's `not_in` lists the texts (message ids, pack paths) that do so.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

TERMS_DIR = Path(__file__).resolve().parent / "terms"
SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class Term:
    english: str
    official: tuple[str, ...]
    not_in: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern[str]:
        words = r"\s+".join(re.escape(word) for word in self.english.split())
        return re.compile(rf"(?<![\w-]){words}s?(?![\w-])", re.IGNORECASE)

    def followed_in(self, translation: str) -> bool:
        text = _plain(translation)
        # A form of one word may also end a compound ("Finanzaufsichtsbehörde" has "Aufsichtsbehörde").
        return any(re.search(("" if " " not in form else r"(?<!\w)") + re.escape(_plain(form)), text, re.IGNORECASE)
                   for form in self.official)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(SOFT_HYPHEN, "").replace("\u00a0", " ").replace("\u202f", " "))


@lru_cache(maxsize=8)
def _listed(language: str) -> dict:
    import yaml

    path = TERMS_DIR / f"{language}.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def terms(language: str) -> tuple[Term, ...]:
    """The terms of `language` ("de"), longest English first; () for a language without a list."""
    found = [Term(item["en"], tuple(item["official"]), frozenset(item.get("not_in", ())))
             for item in _listed(language).get("terms", ())]
    return tuple(sorted(found, key=lambda term: -len(term.english)))


def _read_for_terms(english: str, language: str) -> str:
    text = re.sub(r"\{[^{}]*\}", " ", english)
    for name in _listed(language).get("names", ()):
        text = text.replace(name, " ")
    return _plain(text)


def term_problems(language: str, pairs: Iterable[tuple[str, str, str]]) -> list[str]:
    """One line for each (where, English, translation) whose translation leaves out the official
    form of a term its English uses."""
    problems = []
    listed = terms(language)
    for where, english, translation in pairs:
        if not translation or not english:
            continue
        read = _read_for_terms(english, language)
        for term in listed:
            if where not in term.not_in and term.pattern.search(read) and not term.followed_in(translation):
                problems.append(f"{language}: {where}: the English says '{term.english}', the translation has none of "
                                f"{', '.join(term.official)}")
    return problems


def message_pairs(language: str) -> list[tuple[str, str, str]]:
    """(message id, English, translation) for every message `language` translates (each plural form)."""
    from catalogue.maintain import ENGLISH, LOCALE_DIR, read_catalogue

    english = {m.id if isinstance(m.id, str) else m.id[0]: m for m in read_catalogue(ENGLISH, "en") if m.id}
    po = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    pairs = []
    for message in read_catalogue(po, language):
        key = message.id if isinstance(message.id, str) else (message.id[0] if message.id else "")
        source = english.get(key)
        if not key or source is None:
            continue
        sources = source.string if isinstance(source.string, (list, tuple)) else [source.string]
        forms = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        pairs.append((key, " ".join(sources), " ".join(form for form in forms if form)))
    return pairs


def run(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m catalogue.legal_terms LANG", file=sys.stderr)
        return 2
    problems = term_problems(argv[0], message_pairs(argv[0]))
    print("\n".join(problems) or f"{argv[0]}: every message follows the terms")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
