"""The pack's glossary: finding where a text mentions one of its terms, and checking it at load.

A term lists the words that mark a mention of it (`mentions`). A text is searched for them as whole
words, in any case, the longest first, so "general-purpose AI model" is found as itself and not as
"AI model" inside it. Pure: the wizard turns what is found into links, a test into counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from catalogue import tr
from forms.citations import provisions
from forms.schema import Pack, Term

Found = tuple[str, str, str]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    term: str  # the term's id


@lru_cache(maxsize=16)
def _pattern(words: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    """One pattern over every (word, term id), longest word first; a group per word."""
    if not words:
        return None
    ordered = sorted(words, key=lambda pair: -len(pair[0]))
    alternatives = "|".join(re.escape(word) for word, _ in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _words(glossary: tuple[Term, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((word.strip(), term.id) for term in glossary for word in term.mentions if word.strip())


# The last glossary searched, its pattern and its words: a page asks for every text of the same
# pack's glossary in turn (a glossary is immutable; kept by identity, so a new one is worked out anew).
_last: list = [None, None, {}]


def _index(glossary: tuple[Term, ...]) -> tuple[re.Pattern | None, dict[str, str]]:
    if _last[0] is not glossary:
        words = _words(glossary)
        _last[:] = [glossary, _pattern(words), {word.casefold(): term_id for word, term_id in words}]
    return _last[1], _last[2]


def mentions(text: str, glossary: tuple[Term, ...]) -> list[Mention]:
    """Every mention of a term in `text`, in order, none overlapping."""
    pattern, by_word = _index(glossary)
    if pattern is None or not text:
        return []
    return [Mention(m.start(), m.end(), by_word[m.group().casefold()]) for m in pattern.finditer(text)
            if m.group().casefold() in by_word]


def terms_in(texts: Iterable[str], glossary: tuple[Term, ...]) -> list[str]:
    """The ids of the terms the texts mention, in the order first mentioned, each once."""
    found: dict[str, None] = {}
    for text in texts:
        found.update(dict.fromkeys(m.term for m in mentions(text, glossary)))
    return list(found)


def question_texts(question) -> list[str]:
    """What a reader sees of a question: its text, help, and options with their help."""
    texts = [question.text, question.help]
    for option in getattr(question, "options", ()):
        texts += [option.label, option.help]
    return [text for text in texts if text]


# --- checks when a pack loads ------------------------------------------------------------------

def glossary_problems(pack: Pack) -> Iterator[Found]:
    """Term ids unique, each citing provisions that exist and naming terms that exist; no word
    marking two terms, so a mention always leads to one definition."""
    known = provisions()
    ids = [term.id for term in pack.glossary]
    # An extending pack rewords items by id (`texts:`), so a term may not share an id with another item.
    others = {s.id for s in pack.sections} | {q.id for s in pack.sections for q in s.questions}
    others |= {r.id for r in pack.rules} | {o.id for t in pack.tracks for o in t.outcomes}
    claimed: dict[str, str] = {}
    for term in pack.glossary:
        item = tr("packs.item", kind=tr("packs.kind.term"), id=term.id)
        if ids.count(term.id) > 1 or term.id in others:
            yield "term", term.id, tr("packs.check.term_id_twice", item=item)
        for ref in term.refs:
            if ref not in known:
                yield "term", term.id, tr("packs.check.unknown_citation", item=item, ref=ref)
        for other in term.see_also:
            if other not in ids or other == term.id:
                yield "term", term.id, tr("packs.check.see_also", item=item, key="see_also", other=other)
        for word in term.mentions:
            key = word.strip().casefold()
            if key in claimed and claimed[key] != term.id:
                yield "term", term.id, tr("packs.check.mention_twice", item=item, word=word,
                                          other=tr("packs.item", kind=tr("packs.kind.term"), id=claimed[key]))
            claimed[key] = term.id
