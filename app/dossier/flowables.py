"""The dossier's building blocks: its paragraph styles, plain-text paragraphs broken once per width,
and headings that go into the table of contents. They know nothing of what the dossier says."""

from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.dossier.typeset import BOLD, CJK, MAIN, chunks, markup, runs

_SPACES = re.compile(" {2,}")

# A word may break after a hyphen it has; German compounds break at their parts too, where the
# text has soft hyphens (app/dossier/typeset.py), before reportlab would cut a word anywhere.
BREAKS = {"embeddedHyphenation": 1}
BODY = ParagraphStyle("body", fontName=MAIN, fontSize=9.5, leading=13, spaceAfter=3, **BREAKS)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444"))
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=10, spaceAfter=1)
H1 = ParagraphStyle("h1", fontName=BOLD, fontSize=15, leading=19, spaceBefore=6, spaceAfter=8, **BREAKS)
H2 = ParagraphStyle("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4, **BREAKS)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=25, spaceAfter=14, **BREAKS)
QUESTION = ParagraphStyle("q", parent=BODY, fontName=BOLD, spaceBefore=5, spaceAfter=1)
NOTE = ParagraphStyle("n", parent=ITEM, textColor=colors.HexColor("#444444"))
FINDING = ParagraphStyle("f", parent=BODY, fontName=BOLD, spaceAfter=1)
DUTY = ParagraphStyle("d", parent=BODY, fontName=BOLD, spaceBefore=3)
GAP_REFS = ParagraphStyle("g", parent=SMALL, leftIndent=20)
LABEL = ParagraphStyle("l", parent=SMALL, spaceBefore=4)
CELL = ParagraphStyle("cell", parent=SMALL, fontSize=8.5, leading=10.5, textColor=colors.black)  # a table's
HEAD = ParagraphStyle("head", parent=CELL, fontName=BOLD)
BADGE = ParagraphStyle("badge", fontName=BOLD, fontSize=14, leading=18, textColor=colors.white, **BREAKS)
BADGE_TEXT = ParagraphStyle("bs", parent=BODY, textColor=colors.white)


class Text(Paragraph):
    """A Paragraph that breaks its lines once per width: blocks, tables and the frame each
    ask again at the same width, and reportlab's Paragraph would break them again each time.
    (A split drops the lines, `blPara`: then they are broken again.)"""

    _wrapped: tuple | None = None

    def wrap(self, available_width, available_height):
        if self._wrapped is None or self._wrapped[0] != available_width or "blPara" not in self.__dict__:
            self._wrapped = (available_width, super().wrap(available_width, available_height))
        return self._wrapped[1]


_TEMPLATES: dict[int, tuple] = {}


def _plain(text: str, style: ParagraphStyle) -> Text:
    """A paragraph of plain `text`, printed literally, built straight from its runs: writing it as
    markup for reportlab's XML parser to read back cost more than breaking and drawing its lines."""
    held = _TEMPLATES.get(id(style))
    if held is None or held[0] is not style:
        held = _TEMPLATES[id(style)] = (style, Paragraph("x", style).frags[0])
    template, frags = held[1], []
    for piece, cjk in runs(text):
        if piece == "\n":
            frags.append(template.clone(text="", lineBreak=True))
        elif piece:
            # as reportlab's own cleaning does: runs of spaces are one space
            frags.append(template.clone(text=_SPACES.sub(" ", piece), fontName=CJK if cjk else template.fontName))
    if frags and not getattr(frags[0], "lineBreak", False):
        frags[0].text = frags[0].text.lstrip(" ")
    return Text(None, style, frags=frags or [template.clone(text="")])


class Heading(Text):
    """A heading that goes into the table of contents and the PDF outline."""

    def __init__(self, text: str, level: int) -> None:
        super().__init__(markup(text), H1 if level == 0 else H2)
        self.toc_text, self.level = text, level


def plain(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of `text`, printed literally."""
    return _plain(text, style)


def long_text(text: str, style: ParagraphStyle = BODY) -> list[Paragraph]:
    """`text` of any length, in paragraphs short enough to break across pages."""
    return [_plain(piece, style) for piece in chunks(text)]
