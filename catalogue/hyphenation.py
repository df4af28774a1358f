"""Where long words may break, for the languages that make long compounds: German writes
"Konformitätsbewertungsverfahren", which no narrow column or step list takes whole.

The break points are data, `catalogue/hyphenation/<lang>.txt`: the parts compounds are made of,
as they begin inside a word. A word breaks before a part found in it with at least four letters on
each side, and after a hyphen it has. A language without a list breaks words only at spaces and
hyphens. The dossier and the wizard's step list print texts `soft_hyphenated`: reportlab and Qt
break a line at a soft hyphen and show a hyphen there, and nothing where the line goes on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from catalogue import language

PARTS_DIR = Path(__file__).resolve().parent / "hyphenation"
SOFT_HYPHEN = "\u00ad"
MINIMUM = 4  # letters kept together at either end of a word and on each side of a break
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=8)
def parts(in_language: str) -> tuple[str, ...]:
    """The parts of compounds `in_language` ("de", "de_AT") breaks before; () without a list."""
    path = PARTS_DIR / f"{in_language.split('_')[0]}.txt"
    if not path.exists():
        return ()
    lines = (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def break_points(word: str, in_language: str | None = None) -> list[int]:
    """The places `word` may break at, as offsets: before a part of a compound, after a hyphen."""
    known = parts(in_language or language())
    lower = word.lower()
    points = {index + 1 for index, char in enumerate(word[:-1]) if char == "-" and index > 0}
    for index in range(MINIMUM, len(word) - MINIMUM + 1):
        if word[index - 1].isalpha() and lower.startswith(known, index) and len(word) - index >= MINIMUM:
            if not any(abs(index - other) < MINIMUM for other in points):
                points.add(index)
    return sorted(points)


def soft_hyphenated(text: str, in_language: str | None = None) -> str:
    """`text` with a soft hyphen at each place its long words may break (none after a hyphen: a
    line may break there already)."""
    chosen = in_language or language()
    if not parts(chosen):
        return text

    def marked(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 2 * MINIMUM:
            return word
        cut = [0] + [p for p in break_points(word, chosen) if word[p - 1] != "-"] + [len(word)]
        return SOFT_HYPHEN.join(word[a:b] for a, b in zip(cut, cut[1:]))

    return _WORD.sub(marked, text)
