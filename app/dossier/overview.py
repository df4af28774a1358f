"""A workspace's portfolio on one page (PDF): the summary of its drafts by result and what needs
attention, then the drafts of the table as shown, as many as one landscape A4 page holds (the
rest are counted: the CSV export lists them all).

Drawn on the canvas directly rather than laid out, so it is one page by construction. User text
goes through the dossier's safe text (app/dossier/typeset.py); a cell too long for its column is
cut with an ellipsis. The same rows and day give the same bytes. Imported only while an overview
is made (it imports reportlab).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas

from app.dossier.typeset import BOLD, CJK, MAIN, register_fonts, runs
from app.workspace.entry import Entry
from app.workspace.portfolio import Portfolio, summary_lines
from app.workspace.table import shown
from catalogue import ntr, table
from catalogue.formats import format_date

TEXT = table("dossier.overview")
COLUMNS = table("workspace.column")
PAGE = landscape(A4)
MARGIN = 15 * mm
ROW = 11.5  # points per table row
SIZE = 8
# The table's columns and their share of the width.
SHARES = (("file", 0.12), ("client", 0.12), ("system", 0.15), ("tier", 0.15), ("complete", 0.07), ("kit", 0.12),
          ("deadline", 0.07), ("modified", 0.11), ("state", 0.09))
# Left out when no row has anything in them (the others then share their room).
OPTIONAL = ("kit", "deadline")
SWATCH = 5  # the square in a result's colour before its words


def overview_pdf(folder_name: str, found: Portfolio, entries: Sequence[Entry], today: dt.date) -> bytes:
    """The one-page overview of the workspace `folder_name`: `found` (all its drafts) at the top,
    then `entries` (the table as shown), as many as fit."""
    register_fonts()
    stream = io.BytesIO()
    page = pdf_canvas.Canvas(stream, pagesize=PAGE, invariant=1, pageCompression=1)
    page.setTitle(TEXT["title"])
    page.setCreator("Sandbox Applicant Kit")
    width, height = PAGE
    y = height - MARGIN - 14
    _text(page, MARGIN, y, TEXT["title"], 16, width - 2 * MARGIN, bold=True)
    y -= 16
    _text(page, MARGIN, y, TEXT["subtitle"].format(folder=folder_name, date=format_date(today)), 9, width - 2 * MARGIN)
    y -= 18
    for line in summary_lines(found):
        for part in _wrapped(line, 10, width - 2 * MARGIN):
            _text(page, MARGIN, y, part, 10, width - 2 * MARGIN)
            y -= 14
    y = _tier_bar(page, found, MARGIN, y - 4, width - 2 * MARGIN) - 14
    _table(page, entries, MARGIN, y, width - 2 * MARGIN, bottom=MARGIN + 14)
    _text(page, MARGIN, MARGIN, TEXT["footer"].format(date=format_date(today)), 7, width - 2 * MARGIN)
    page.showPage()
    page.save()
    return stream.getvalue()


def _tier_bar(page, found: Portfolio, x: float, y: float, width: float) -> float:
    """One bar, a part per result in its colour and as wide as its share, with the counts under it."""
    total = sum(t.count for t in found.by_tier)
    if not total:
        return y
    left = x
    for tier in found.by_tier:
        part = width * tier.count / total
        page.setFillColor(HexColor(tier.colour) if tier.colour else HexColor("#9e9e9e"))
        page.rect(left, y - 8, part, 8, stroke=0, fill=1)
        left += part
    page.setFillColor(HexColor("#000000"))
    return y - 10


def _table(page, entries: Sequence[Entry], x: float, top: float, width: float, bottom: float) -> None:
    shares = _shares(entries)
    widths = [width * share for _, share in shares]
    _row(page, [COLUMNS[column] for column, _ in shares], x, top, widths, bold=True)
    page.setStrokeColor(HexColor("#9e9e9e"))
    page.line(x, top - 3, x + width, top - 3)
    room = int((top - ROW - bottom) // ROW)
    fits = len(entries) if len(entries) <= room else max(room - 1, 0)
    y = top - ROW
    tier = [column for column, _ in shares].index("tier")
    tier_x = x + sum(widths[:tier])
    for entry in entries[:fits]:
        cells = shown(entry)  # its dates in digits, as the language writes them
        if entry.summary.colour:  # a square in the result's colour, its words after it
            page.setFillColor(HexColor(entry.summary.colour))
            page.rect(tier_x, y, SWATCH, SWATCH, stroke=0, fill=1)
            page.setFillColor(HexColor("#000000"))
            _text(page, tier_x + SWATCH + 3, y, cells["tier"], SIZE, widths[tier] - SWATCH - 7)
            cells["tier"] = ""
        _row(page, [cells[column] for column, _ in shares], x, y, widths)
        y -= ROW
    if fits < len(entries):
        _text(page, x, y, ntr("dossier.overview.more", len(entries) - fits), SIZE, width)


def _shares(entries: Sequence[Entry]) -> list[tuple[str, float]]:
    """The columns shown and their share of the width: those of SHARES, but an optional one no row
    fills."""
    cells = [shown(entry) for entry in entries]
    kept = [(column, share) for column, share in SHARES
            if column not in OPTIONAL or any(row[column] for row in cells)]
    total = sum(share for _, share in kept)
    return [(column, share / total) for column, share in kept]


def _row(page, cells: list[str], x: float, y: float, widths: list[float], bold: bool = False) -> None:
    for cell, cell_width in zip(cells, widths):
        _text(page, x, y, cell, SIZE, cell_width - 4, bold=bold)
        x += cell_width


def _wrapped(text: str, size: float, room: float) -> list[str]:
    """`text` in lines no wider than `room`, broken between words (a summary's line of what needs
    attention grows with each kind of trouble)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", size) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _width(text: str, size: float) -> float:
    return sum(stringWidth(piece, CJK if cjk else MAIN, size) for piece, cjk in runs(text))


def _text(page, x: float, y: float, text: str, size: float, room: float, bold: bool = False) -> None:
    """`text` on one line from (x, y), in as many font runs as its scripts need, cut to `room`."""
    text = " ".join(str(text).split())
    ellipsis = "\u2026"
    pieces, used = [], 0.0
    for piece, cjk in runs(text):
        font = CJK if cjk else (BOLD if bold else MAIN)
        piece_width = stringWidth(piece, font, size)
        if used + piece_width > room:
            keep = piece
            while keep and used + stringWidth(keep + ellipsis, font, size) > room:
                keep = keep[:-1]
            pieces.append((keep + ellipsis, font))
            break
        pieces.append((piece, font))
        used += piece_width
    for piece, font in pieces:
        page.setFont(font, size)
        page.drawString(x, y, piece)
        x += stringWidth(piece, font, size)
