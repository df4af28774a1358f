"""Fonts and safe text for the dossier: user text is escaped, and runs of characters the main
font lacks (Chinese, Japanese) switch to the CJK font, since reportlab has no font fallback.

What the dossier does with any text (docs/dossier/text.md): line breaks are kept (CR LF, CR and
the Unicode line and paragraph separators become LF), other spaces (tab, em space, ideographic
space ...) are word spaces, a zero-width space and a soft hyphen are dropped (reportlab reads
them as break opportunities and leaves them out of the text layer; the language's own break
points in long words are put in instead, catalogue/hyphenation.py); control characters,
noncharacters and characters that neither shipped font can draw (e.g. Devanagari, Thai, emoji, anything outside the Basic Multilingual
Plane) are printed as U+FFFD, the replacement character, so the reader sees that something was
there. Without that reportlab would draw them as an empty box with no text behind it, and for
characters outside the BMP write a text layer that PDF readers reject.

Imported only while a dossier is built (it imports reportlab).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.storage.paths import resource
from catalogue.hyphenation import soft_hyphenated

MAIN, BOLD, CJK = "DejaVuSans", "DejaVuSans-Bold", "WenQuanYiMicroHei"
REPLACEMENT = "\ufffd"
_ASCII_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
_covered: set[int] = set()  # characters the main font draws
_cjk_covered: set[int] = set()  # characters only the CJK font draws
_kept: frozenset[str] = frozenset()  # characters printed as they are
_cjk_chars: frozenset[str] = frozenset()
_cjk_runs = re.compile("")


def _register(name: str, file: str, **options) -> TTFont:
    font = TTFont(name, str(resource("fonts", file)), **options)
    # Line breaking measures every word, many of them again and again, and without reportlab's
    # optional C accelerator each measure is a Python loop over the characters.
    font.stringWidth = functools.lru_cache(maxsize=1 << 16)(font.stringWidth)
    pdfmetrics.registerFont(font)
    return font


def register_fonts() -> None:
    """Register the main fonts once per process; the CJK font waits for a character that needs
    it (`_register_cjk`): reading its 5 MB file was a tenth of a Latin-only export's time."""
    global _kept
    if _covered:
        return
    main = _register(MAIN, "DejaVuSans.ttf")
    _register(BOLD, "DejaVuSans-Bold.ttf")
    pdfmetrics.registerFontFamily(MAIN, normal=MAIN, bold=BOLD, italic=MAIN, boldItalic=BOLD)
    _covered.update(c for c in main.face.charToGlyph if c <= 0xFFFF)
    # Sets of characters and a pattern, so that text is checked and split at C speed.
    _kept = frozenset(char for char in map(chr, _covered) if _printed(char) == char) | {"\n"}


def _register_cjk() -> None:
    global _kept, _cjk_chars, _cjk_runs
    if _cjk_chars:
        return
    cjk = _register(CJK, "wqy-microhei.ttc", subfontIndex=0)
    _cjk_covered.update(c for c in cjk.face.charToGlyph if c <= 0xFFFF and c not in _covered)
    _kept = _kept | frozenset(char for char in map(chr, _cjk_covered) if _printed(char) == char)
    _cjk_runs = re.compile("([%s]+)" % "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _ranges(_cjk_covered)))
    _cjk_chars = frozenset(map(chr, _cjk_covered))


def _ranges(codes: set[int]) -> list[tuple[int, int]]:
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return [(a, b) for a, b in ranges]


_REPLACED = {"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\u200b": "", "\xad": ""}


def _printed(char: str) -> str:
    code = ord(char)
    if char == "\n" or char == "\xa0":
        return char
    if char in _REPLACED:
        return _REPLACED[char]
    if unicodedata.category(char) == "Cc" and char != "\t":
        return REPLACEMENT
    if char.isspace():
        return " "
    if code not in _covered and code not in _cjk_covered or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return REPLACEMENT
    return char


def printable(text: str) -> str:
    """`text` as the dossier prints it: the rules in this module's docstring."""
    text = str(text)
    if text.isascii() and not _ASCII_CONTROL.search(text):  # the common case, nothing to replace
        return text
    register_fonts()
    text = text.replace("\r\n", "\n")
    odd = set(text).difference(_kept)
    if odd and not _cjk_chars and any(ord(char) not in _covered for char in odd):
        _register_cjk()  # characters the main font lacks: perhaps the CJK font has them
        odd = odd.difference(_kept)
    return text.translate({ord(char): _printed(char) for char in odd}) if odd else text


def runs(text: str) -> list[tuple[str, bool]]:
    """`text` as printed, in runs of (characters, whether the CJK font draws them); a line break
    is a run of its own, "\n". Long words get soft hyphens where the language in use lets them
    break (catalogue/hyphenation.py: German compounds), after the text's own are dropped."""
    text = soft_hyphenated(printable(text))
    one_font = text.isascii() or _cjk_chars.isdisjoint(text)  # the common case
    parts = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append(("\n", False))
        if one_font:
            parts.append((line, False))
        else:  # split keeps the CJK runs at odd places
            parts += [(piece, place % 2 == 1) for place, piece in enumerate(_cjk_runs.split(line)) if piece or not place]
    return parts


def markup(text: str) -> str:
    """`text` as Paragraph markup printed literally, with CJK runs in the fallback font."""
    return "".join(_run(piece, cjk) for piece, cjk in runs(text))


def _run(text: str, cjk: bool) -> str:
    if text == "\n":
        return "<br/>"
    return f'<font name="{CJK}">{escape(text)}</font>' if cjk else escape(text)


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
    # Only blanks and line ends make an empty paragraph: not str.strip()'s whitespace, which takes in
    # characters the dossier prints as U+FFFD (a lone NEL, U+0085, was an answer that vanished).
    return [p for p in pieces if p.strip(" \t\n")] or [""]
