"""HTML written safely: an element's text is escaped unless it is already markup, and characters
HTML may not hold (control characters, noncharacters, lone surrogates) become U+FFFD.

Every text the HTML page holds passes through `element`, so an applicant's answer that looks like
markup ("<b>R&D</b>") shows as typed and cannot end an element or open one.
"""

from __future__ import annotations

import re
from html import escape

import catalogue

REPLACEMENT = "\ufffd"
# Allowed in HTML text: tab, line feed, form feed; carriage returns are made line feeds first.
_NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                          + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                    for plane in range(17)) + "]")
VOID = {"meta", "link", "br"}
# Containers whose children go on lines of their own, for a person reading the file: none of them is
# ever inside text whose line breaks show (white-space: pre-line), where a line end would show too.
LINED = {"html", "head", "body", "header", "main", "nav", "section", "table", "thead", "tbody", "tr", "dl"}


class Markup(str):
    """Text that is already HTML: written as it is, where a plain str is escaped."""


def clean(text: str) -> str:
    """`text` as HTML may hold it: line ends as line feeds, disallowed characters as U+FFFD."""
    return _NOT_IN_HTML.sub(REPLACEMENT, str(text).replace("\r\n", "\n").replace("\r", "\n"))


def text(value: str) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape(clean(value), quote=True))


def element(tag: str, *children: str | None, **attributes: str | None) -> Markup:
    """<tag attributes>children</tag>: plain str children escaped, Markup ones kept, None left out.
    Attribute names are Python's: `class_` is class, `aria_label` is aria-label."""
    opened = tag + "".join(f' {_name(name)}="{text(value)}"' for name, value in attributes.items()
                           if value is not None)
    if tag in VOID:
        return Markup(f"<{opened}>")
    inner = [text(child) for child in children if child]
    if tag in LINED:
        return Markup(f"<{opened}>\n" + "\n".join(inner) + f"\n</{tag}>")
    return Markup(f"<{opened}>" + "".join(inner) + f"</{tag}>")


def joined(*parts: str | None) -> Markup:
    """Several pieces of markup (plain str escaped) one after the other."""
    return Markup("".join(text(part) for part in parts if part is not None))


def _name(attribute: str) -> str:
    return attribute.rstrip("_").replace("_", "-")


def language_tag() -> str:
    """The language in use as HTML and JSON state it (BCP 47): "en", "de-DE", "en-XA"."""
    return catalogue.language().replace("_", "-")
