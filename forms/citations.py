"""The provisions a pack may cite, and their readable labels.

Citation ids follow `shared/legal/provisions.md`: `aiact.art5.1.f`, `aiact.annex3.4.a`,
`aiact.annex3.5.b.excl`, `gdpr.art35`. The registry (`packs/provisions.yaml`) lists every id a
pack may use with a short title; a pack that cites an id outside it does not load.

A law whose provisions are no articles or annexes (a US code's sections, a framework's functions)
gives each provision its `cite`, the citation as its readers write it ("Utah Code § 13-72-402"),
which is then its label; `source` says where our summary was checked, and `verified: false` marks
a point the sources leave uncertain.
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
    """A citation id as a reader writes it: `aiact.art5.1.f` gives "Art. 5(1)(f) AI Act", a
    provision with its own `cite` gives that."""
    cited = _titles(language()).get(ref)
    if cited is not None and cited.cite:
        return cited.cite
    parts = ref.split(".")
    act, head, rest = parts[0], parts[1], parts[2:]
    suffix = None
    if rest and rest[-1] in ("excl", "profiling"):
        suffix = rest.pop()
    text = _article(head, rest) if head.startswith("art") else _annex(head, rest)
    text = f"{text} {LABEL_TEXT.get(act, act.upper())}"
    return LABEL_TEXT[suffix].format(label=text) if suffix else text


def _article(head: str, rest: list[str]) -> str:
    number = head[3:] + "".join(f"({p})" for p in rest)
    return LABEL_TEXT["article"].format(number=number)


def _annex(head: str, rest: list[str]) -> str:
    match = re.fullmatch(r"annex(\d+)", head)
    numeral = roman(int(match.group(1))) if match else head
    if not rest:
        return LABEL_TEXT["annex"].format(roman=numeral)
    point = rest[0] + "".join(f"({p})" for p in rest[1:])
    return LABEL_TEXT["annex_point"].format(roman=numeral, point=point)


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
