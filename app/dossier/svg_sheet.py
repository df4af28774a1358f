"""The style sheet of an SVG logo (its `<style>` elements), as drawing programs write it: rules
whose selectors are an element's name, classes and an id (`.cls-1`, `path.a`, `#mark`, `*`, or a
list of these), setting the properties svg_style.py reads.

A rule beyond that (a descendant or child selector, a pseudo-class, an @-rule) raises SvgProblem:
we would not know which elements it paints. As CSS says, a rule of more ids, then more classes,
then more names wins, and among equals the later; the `style` attribute wins over the sheet and
the sheet over presentation attributes (svg_style.declared).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.dossier.svg_geometry import SvgProblem

MAX_RULES = 500  # a drawing program writes a few dozen; each element is matched against every one
_SIMPLE = re.compile(r"(\*|[A-Za-z][\w-]*)?((?:[.#][A-Za-z_][\w-]*)*)$")


@dataclass(frozen=True)
class _Selector:
    name: str | None  # an element's local name, None for any
    classes: frozenset[str]
    ident: str | None

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (self.ident is not None, len(self.classes), self.name is not None)

    def matches(self, name: str, classes: set[str], ident: str | None) -> bool:
        return ((self.name is None or self.name == name) and self.classes <= classes
                and (self.ident is None or ident == self.ident))


class StyleSheet:
    """The rules of every `<style>` of a logo, in document order."""

    def __init__(self, texts: list[str]) -> None:
        self.rules: list[tuple[_Selector, str]] = []
        self.found: dict[tuple[str, str, str | None], str] = {}  # many elements share a name and classes
        for text in texts:
            self._read(_without_comments(text))

    def _read(self, text: str) -> None:
        # Split at each "}", not with a regular expression: a sheet of half a megabyte without
        # braces would make one try again from every position.
        *rules, rest = text.split("}")
        for rule in rules:
            selectors, brace, body = rule.partition("{")
            if not brace or "{" in body:
                raise _unread(rule)
            for part in selectors.split(","):
                self.rules.append((_selector(part), body))
            if len(self.rules) > MAX_RULES:
                raise SvgProblem.tr("svg.problem.sheet_too_long", most=MAX_RULES)
        if rest.strip():
            raise _unread(rest)

    def declarations(self, name: str, attributes: dict[str, str]) -> str:
        """The declarations that apply to this element, the winning ones last (as a `style` reads)."""
        key = (name, attributes.get("class", ""), attributes.get("id"))
        if key not in self.found:
            classes = set(key[1].split())
            matched = [(selector.specificity, order, body) for order, (selector, body) in enumerate(self.rules)
                       if selector.matches(name, classes, key[2])]
            self.found[key] = ";".join(body for _, _, body in sorted(matched))
        return self.found[key]


def _without_comments(text: str) -> str:
    kept, position = [], 0
    while (start := text.find("/*", position)) >= 0:
        end = text.find("*/", start + 2)
        if end < 0:
            raise _unread(text[start:])
        kept.append(text[position:start])
        position = end + 2
    return "".join(kept) + text[position:]


def _selector(text: str) -> _Selector:
    found = _SIMPLE.match(text.strip())
    if not text.strip() or not found:
        raise _unread(text)
    name = found.group(1) if found.group(1) not in (None, "*") else None
    parts = re.findall(r"[.#][\w-]+", found.group(2))
    idents = [p[1:] for p in parts if p[0] == "#"]
    if len(idents) > 1:
        raise _unread(text)
    return _Selector(name, frozenset(p[1:] for p in parts if p[0] == "."), idents[0] if idents else None)


def _unread(text: str) -> SvgProblem:
    return SvgProblem.tr("svg.problem.style_rule", rule=" ".join(text.split())[:60])
