"""Fonts and safe text for the dossier: user text is escaped, and runs of characters the main
font lacks (Chinese, Japanese) switch to the CJK font, since reportlab has no font fallback.

Imported only while a dossier is built (it imports reportlab).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource

MAIN, BOLD, CJK = "DejaVuSans", "DejaVuSans-Bold", "WenQuanYiMicroHei"
_covered: set[int] = set()


def register_fonts() -> None:
    """Register the shipped fonts once per process."""
    if _covered:
        return
    main = TTFont(MAIN, str(resource("fonts", "DejaVuSans.ttf")))
    pdfmetrics.registerFont(main)
    pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFont(TTFont(CJK, str(resource("fonts", "wqy-microhei.ttc")), subfontIndex=0))
    pdfmetrics.registerFontFamily(MAIN, normal=MAIN, bold=BOLD, italic=MAIN, boldItalic=BOLD)
    _covered.update(main.face.charToGlyph)


def markup(text: str) -> str:
    """`text` as Paragraph markup printed literally, with CJK runs in the fallback font."""
    text = str(text)
    if all(ord(c) < 0x250 for c in text):  # the common case: Latin, always in the main font
        return escape(text).replace("\n", "<br/>")
    parts, run, run_cjk = [], [], False
    for char in text:
        cjk = ord(char) not in _covered and not char.isspace()
        if cjk != run_cjk and run:
            parts.append(_run("".join(run), run_cjk))
            run = []
        run_cjk = cjk
        run.append(char)
    if run:
        parts.append(_run("".join(run), run_cjk))
    return "".join(parts)


def _run(text: str, cjk: bool) -> str:
    body = escape(text).replace("\n", "<br/>")
    return f'<font name="{CJK}">{body}</font>' if cjk else body


def chunks(text: str, size: int = 1500) -> list[str]:
    """Long text split into paragraphs (by blank lines, then by length), so each can break across
    pages: one huge Paragraph taller than a page cannot be laid out."""
    pieces = []
    for block in str(text).split("\n\n"):
        while len(block) > size:
            cut = block.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            pieces.append(block[:cut])
            block = block[cut:].lstrip(" ")
        pieces.append(block)
    return [p for p in pieces if p.strip()] or [""]
