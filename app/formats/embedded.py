"""The draft inside an HTML dossier: written as a JSON data block (`<script type="application/json"
id="draft">`, data that no browser runs), and read back with its printed fingerprints.

The block holds the draft's JSON with every character that could end the block or that HTML may not
hold written as a JSON escape: it is the same JSON value. Reading it back writes that value as the
draft file writes it (app/storage/drafts.py, `Draft.to_json`), so the bytes, and their fingerprint,
are those of the draft the page was made from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from app.formats.markup import Markup, element

DRAFT_ID = "draft"
DATA_TYPE = "application/json"
FINGERPRINT_META = "sandbox-kit-fingerprint"
FINGERPRINT_CLASS = "fingerprint"
# Outside a JSON string none of these occur, so escaping them keeps the JSON's value.
_ESCAPED = re.compile("[<>&\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]")


def data_block(data: str) -> Markup:
    """The draft's JSON text `data` as the page's data block."""
    safe = _ESCAPED.sub(lambda match: f"\\u{ord(match.group()):04x}", data)
    return Markup(element("script", Markup(safe), type=DATA_TYPE, id=DRAFT_ID))


def draft_bytes(value: object) -> bytes:
    """The JSON value of a draft as the draft file holds it (the bytes the fingerprint is of)."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


@dataclass
class Found:
    """What a page holds: its data block's text (None without one), the fingerprint in its
    metadata and those printed on it."""

    data: str | None = None
    meta: str = ""
    printed: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Found()
        self._in_data = False
        self._printing: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "script" and attributes.get("id") == DRAFT_ID and attributes.get("type") == DATA_TYPE:
            self._in_data = self.found.data is None  # the first block counts
            if self._in_data:
                self.found.data = ""
        elif tag == "meta" and attributes.get("name") == FINGERPRINT_META:
            self.found.meta = attributes.get("content") or ""
        elif FINGERPRINT_CLASS in (attributes.get("class") or "").split():
            self._printing = []

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._in_data = False
        elif self._printing is not None:
            self.found.printed.append("".join("".join(self._printing).split()))
            self._printing = None

    def handle_data(self, data) -> None:
        if self._in_data:
            self.found.data += data
        elif self._printing is not None:
            self._printing.append(data)


def read_page(page: str) -> Found:
    """The data block and fingerprints of an HTML page (any page: nothing found is said so)."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader.found
