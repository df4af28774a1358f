"""The provisions a pack may cite, and their readable labels.

Citation ids follow `shared/legal/provisions.md`: `aiact.art5.1.f`, `aiact.annex3.4.a`,
`aiact.annex3.5.b.excl`, `gdpr.art35`. The registry (`packs/provisions.yaml`) lists every id a
pack may use with a short title; a pack that cites an id outside it does not load.

A label is written in the official form of the language in use, from the catalogue's `citations.*`
patterns, one per level of a provision: "Art. 5(1)(f) AI Act", "Art. 5 Abs. 1 Buchst. f KI-VO",
"article 5, paragraphe 1, point f), du règlement sur l'IA". The levels are an article's paragraph,
point and sub-point, an annex's point and letter; the articles whose first level is a numbered
point rather than a paragraph (definitions) are listed in the registry (`numbered_points`).

A law whose provisions are no articles or annexes (a US code's sections, a framework's functions)
gives each provision its `cite`, the citation as its readers write it ("Utah Code § 13-72-402"),
which is then its label in every language whose overlay does not write it otherwise ("Art. 17
Maßnahmen für generative KI" for "Art. 17 Generative AI Measures"; forms/translations.py
`OPTIONAL_TEXT_FIELDS`); `source` says where our summary was checked, and
`verified: false` marks a point the sources leave uncertain.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from catalogue import language, table
from forms import cache
from forms.safe_yaml import read_yaml
from forms.translations import localised

PROVISIONS_FILE = Path(__file__).parent / "packs" / "provisions.yaml"

# Every user-visible piece of a label: the catalogue's `citations.*` messages (acts by their id prefix).
LABEL_TEXT = table("citations")

_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


class Provision(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    title: str
    # What the provision says, in a sentence or two of our own words (never the Act's).
    summary: str = ""
    # The citation as its readers write it, where the id cannot say it (no article or annex).
    cite: str = ""
    # Where the summary was checked, and false where the sources leave the point uncertain.
    source: str = ""
    verified: bool = True


class ProvisionList(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    provisions: tuple[Provision, ...]
    # Articles whose first level is a numbered point, not a paragraph ("aiact.art3": Art. 3 Nr. 1).
    numbered_points: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _numbered_points() -> frozenset[str]:
    # Kept between runs as the titles are: a question page's first labels read no YAML.
    return cache.cached("numbered_points", (str(PROVISIONS_FILE),), _numbered_points_read, frozenset,
                        watched=(PROVISIONS_FILE,))


def _numbered_points_read() -> frozenset[str]:
    return frozenset(ProvisionList.model_validate(read_yaml(PROVISIONS_FILE)).numbered_points)


@lru_cache(maxsize=1)
def provisions() -> dict[str, Provision]:
    data = ProvisionList.model_validate(read_yaml(PROVISIONS_FILE))
    return {p.id: p for p in data.provisions}


def is_under(ref: str, provision: str) -> bool:
    """True for the provision itself and its parts: aiact.annex3.4.a is under aiact.annex3."""
    return ref == provision or ref.startswith(provision + ".")


def roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def label(ref: str) -> str:
    """A citation id as a reader of the language in use writes it: `aiact.art5.1.f` gives
    "Art. 5(1)(f) AI Act" in English, "Art. 5 Abs. 1 Buchst. f KI-VO" in German; a provision
    with its own `cite` gives that."""
    cited = _titles(language()).get(ref)
    if cited is not None and cited.cite:
        return cited.cite
    parts = ref.split(".")
    act, head, rest = parts[0], parts[1], parts[2:]
    suffix = None
    if rest and rest[-1] in ("excl", "profiling"):
        suffix = rest.pop()
    text = _article(act, head, rest) if head.startswith("art") else _annex(head, rest)
    if rest:  # French sets a subdivision off from the act: "article 5, paragraphe 1, point f), du"
        text = LABEL_TEXT["subdivided"].format(label=text)
    acts = LABEL_TEXT["act"]
    text = (acts[act] if act in acts else LABEL_TEXT["act_other"]).format(provision=text, act=act.upper())
    return LABEL_TEXT[suffix].format(label=text) if suffix else text


def _levels(text: str, rest: list[str], kinds: tuple[str, ...]) -> str:
    """`text` with each part of `rest` added by the pattern of its level (the last one repeats)."""
    for depth, part in enumerate(rest):
        text = LABEL_TEXT[kinds[min(depth, len(kinds) - 1)]].format(label=text, number=part)
    return text


def _article(act: str, head: str, rest: list[str]) -> str:
    first = "point_number" if f"{act}.{head}" in _numbered_points() else "paragraph"
    return _levels(LABEL_TEXT["article"].format(number=head[3:]), rest, (first, "point", "subpoint"))


def _annex(head: str, rest: list[str]) -> str:
    match = re.fullmatch(r"annex(\d+)", head)
    numeral = roman(int(match.group(1))) if match else head
    return _levels(LABEL_TEXT["annex"].format(roman=numeral), rest, ("annex_point", "annex_letter"))


def title(ref: str) -> str:
    """The provision's short title in the language in use (overlays in packs/locale/, as a pack's)."""
    provision = _titles(language()).get(ref)
    return provision.title if provision else ""


def summary(ref: str) -> str:
    """What the provision says, in our words, in the language in use ("" where none is written)."""
    provision = _titles(language()).get(ref)
    return provision.summary if provision else ""


@lru_cache(maxsize=4)
def _titles(in_language: str) -> dict[str, Provision]:
    # Kept between runs as the pack is (forms/cache.py): the first question page shows them.
    return cache.cached("titles", (str(PROVISIONS_FILE), in_language), lambda: _titles_built(in_language), dict,
                        watched=(PROVISIONS_FILE, PROVISIONS_FILE.parent / "locale"))


def _titles_built(in_language: str) -> dict[str, Provision]:
    listed = localised(ProvisionList(provisions=tuple(provisions().values())), PROVISIONS_FILE.parent, in_language)
    return {p.id: p for p in listed.provisions}
