"""An HTML dossier read back with the standard library's parser, as the tests look at it: its
headings, landmarks, tables, lists, the text a reader sees or hears, and what may not be there."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Text a screen reader reads from attributes.
SPOKEN_ATTRIBUTES = ("aria-label", "title", "alt")
LANDMARKS = ("header", "nav", "main", "footer", "aside")


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    inside: tuple[str, ...]  # the landmarks around it


@dataclass
class Table:
    caption: str = ""
    header_scopes: list[str | None] = field(default_factory=list)
    rows: int = 0
    rows_with_a_header: int = 0


@dataclass
class Page:
    lang: str | None = None
    headings: list[Heading] = field(default_factory=list)
    landmarks: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    lists: dict[str, int] = field(default_factory=dict)
    tags: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # seen or heard, in order
    scripts: list[dict[str, str | None]] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)  # on* attributes
    links: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    outside_elements: list[str] = field(default_factory=list)  # text directly in html/head/body, if any

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[str] = []
        self.heading: tuple[int, list[str], str | None] | None = None
        self.table: Table | None = None
        self.row_has_header = False
        self.caption: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        page = self.page
        page.tags[tag] = page.tags.get(tag, 0) + 1
        page.handlers += [name for name in attributes if name.startswith("on")]
        page.texts += [attributes[name] or "" for name in SPOKEN_ATTRIBUTES if name in attributes]
        if "id" in attributes:
            page.ids.append(attributes["id"] or "")
        for name in ("href", "src"):
            if name in attributes:
                page.links.append(attributes[name] or "")
        if tag == "html":
            page.lang = attributes.get("lang")
        if tag in LANDMARKS:
            page.landmarks.append(tag)
        if tag in ("ul", "ol", "dl"):
            page.lists[tag] = page.lists.get(tag, 0) + 1
        if tag == "script":
            page.scripts.append(attributes)
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.heading = (int(tag[1]), [], attributes.get("id"))
        if tag == "table":
            self.table = Table()
            page.tables.append(self.table)
        elif tag == "caption":
            self.caption = []
        elif tag == "tr" and self.table is not None:
            self.table.rows += 1
            self.row_has_header = False
        elif tag == "th" and self.table is not None:
            self.table.header_scopes.append(attributes.get("scope"))
            if attributes.get("scope") == "row" and not self.row_has_header:
                self.row_has_header = True
                self.table.rows_with_a_header += 1
        if tag not in ("meta", "link", "br", "img", "input"):
            self.open.append(tag)

    def handle_endtag(self, tag) -> None:
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass
        if self.heading and tag == f"h{self.heading[0]}":
            level, parts, heading_id = self.heading
            inside = tuple(t for t in self.open if t in LANDMARKS)
            self.page.headings.append(Heading(level, " ".join("".join(parts).split()), heading_id, inside))
            self.heading = None
        if tag == "caption" and self.table is not None and self.caption is not None:
            self.table.caption = "".join(self.caption).strip()
            self.caption = None
        if tag == "table":
            self.table = None

    def handle_data(self, data) -> None:
        if self.open and self.open[-1] in ("style", "script"):
            return
        if self.open and self.open[-1] in ("html", "head", "body") and data.strip():
            self.page.outside_elements.append(data)
        if self.heading:
            self.heading[1].append(data)
        if self.caption is not None:
            self.caption.append(data)
        self.page.texts.append(data)


def read(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page
