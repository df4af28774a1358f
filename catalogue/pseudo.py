"""The pseudo-language en-XA: English with every letter accented, bracketed and made a third longer,
as Android's en-XA and Chrome's pseudo-locales do. Text that escaped the catalogue stays plain
English beside it; text too long for its place shows where a longer language will not fit.

Placeholders ({name}, {count:>3}, %(prog)s, %s), markup (<b>, &amp;) and leading or trailing
space are kept as they are; a message with no letter (a separator, a quote mark) is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One accented letter for each ASCII letter, all drawn by DejaVu Sans (the dossier's font).
_ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
))
_TABLE = str.maketrans(_ACCENTED)
# Kept as they are: str.format fields and escaped braces, printf fields, tags, entities.
_KEPT = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%(?:\([a-z_]+\))?[-#0 +]*\d*(?:\.\d+)?[sdrifgxX%]|<[^<>]*>|&[a-z]+;|&#\d+;")
_FILLER = ("ôñé", "ţŵö", "ţĥŕéé", "ƒöûŕ", "ƒîṽé", "šîẋ", "šéṽéñ", "éîĝĥţ", "ñîñé", "ţéñ")
LETTER = re.compile("[A-Za-z]")


@lru_cache(maxsize=4096)
def pseudo(text: str) -> str:
    """`text` in the pseudo-language: "Save &as…" gives "[Šáṽé &áš… ôñé]"."""
    if not LETTER.search(text):
        return text
    body = text.strip()
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    out, last = [], 0
    for kept in _KEPT.finditer(body):
        out.append(body[last:kept.start()].translate(_TABLE))
        out.append(kept.group())
        last = kept.end()
    out.append(body[last:].translate(_TABLE))
    return f"{lead}[{''.join(out)}{_filler(len(LETTER.findall(body)))}]{trail}"


def accented(word: str) -> str:
    """`word` with its letters accented as `pseudo` accents them, unbracketed: to find it in a
    pseudo-language text ("provider" gives "þŕöṽîðéŕ")."""
    return word.translate(_TABLE)


def _filler(letters: int) -> str:
    """About a third more letters, in words, as longer languages need (ten words at most)."""
    words, length = [], 0
    while length * 3 < letters and len(words) < len(_FILLER):
        word = _FILLER[len(words) % len(_FILLER)]
        words.append(word)
        length += len(word) + 1
    return "".join(" " + word for word in words)
