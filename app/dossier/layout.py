"""Page layout: A4 pages with a footer "Page x of y" and the fingerprint, a table of contents
and PDF outline from the headings, metadata, and `invariant` output (same input, same bytes).

One layout pass, not reportlab's multiBuild (two or three passes, each laying out and drawing
every page). The contents' entries are known before the layout (the headings are in the story),
only their page numbers are not, and they do not change an entry's height (reportlab draws them
at the right margin). So `Contents` reserves the right space, and its entries are drawn at the
end, when every heading's page is known: the canvas keeps every page until then anyway, to print
"of y".
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from app.dossier.attachment import ATTACHMENT, FINGERPRINT_KEY as INFO_FINGERPRINT_KEY
from app.dossier.authority import Branding, Extras
from app.dossier.logo import LogoStamp
from app.dossier.result_record import RESULT_KEY as INFO_RESULT_KEY
from app.dossier.texts import TEXT
from app.dossier.typeset import MAIN, markup, printable, register_fonts


HEADING_ROOM = 32 * mm
HEADER_LOGO = 6 * mm  # the logo's square in a page's header
MARGINS = {"leftMargin": 22 * mm, "rightMargin": 22 * mm, "topMargin": 20 * mm, "bottomMargin": 22 * mm}
FRAME_HEIGHT = A4[1] - MARGINS["topMargin"] - MARGINS["bottomMargin"]
PAGE_ROOM = FRAME_HEIGHT - 2 * 6 - 1  # what a flowable gets on an empty page (the frame pads 6 pt)
FINGERPRINT_KEY = INFO_FINGERPRINT_KEY.lstrip("/")  # reportlab adds the slash of a PDF name itself
RESULT_KEY = INFO_RESULT_KEY.lstrip("/")


def prepare() -> None:
    register_fonts()


class Contents(Flowable):
    """The table of contents: rows `first` to `last` of it (it splits across pages by rows)."""

    def __init__(self, level_styles: list, entries: list | None = None, first: int = 0, last: int | None = None) -> None:
        super().__init__()
        self.level_styles, self.entries, self.first, self.last = level_styles, entries or [], first, last
        self.row_heights: list[float] = []

    def _toc(self, entries: list) -> TableOfContents:
        toc = TableOfContents()
        toc.levelStyles = self.level_styles
        toc._lastEntries = entries
        return toc

    def wrap(self, available_width, available_height):
        if not self.row_heights:  # page numbers do not change a row's height: lay out with 0
            toc = self._toc([(level, text, 0, key) for level, text, key in self.entries[self.first:self.last]])
            toc.wrapOn(self.canv, available_width, available_height)
            self.row_heights = list(toc._table._rowHeights) if self.entries else [0]
        self.width, self.height = available_width, sum(self.row_heights)
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        used, fit = 0.0, 0
        while fit < len(self.row_heights) and used + self.row_heights[fit] <= available_height:
            used, fit = used + self.row_heights[fit], fit + 1
        if fit == 0:
            return []
        last = self.last if self.last is not None else len(self.entries)
        head = Contents(self.level_styles, self.entries, self.first, self.first + fit)
        tail = Contents(self.level_styles, self.entries, self.first + fit, last)
        head.row_heights, tail.row_heights = self.row_heights[:fit], self.row_heights[fit:]
        return [head, tail]

    def drawOn(self, canvas, x, y, _sW=0) -> None:
        canvas.contents.append((canvas.getPageNumber(), self, x, y))

    def fill(self, canvas, x: float, y: float, pages: dict[str, int]) -> None:
        """Draw the rows, now that `pages` gives each heading's page."""
        rows = [(level, text, pages[key], key) for level, text, key in self.entries[self.first:self.last]]
        if rows:
            toc = self._toc(rows)
            toc.wrapOn(canvas, self.width, self.height + 1)
            toc.drawOn(canvas, x, y)


class Block(Flowable):
    """Paragraphs kept on one page (a question with its answer), laid out and drawn as one piece.

    reportlab's KeepTogether does the same by copying the frame for each try and then handing
    its parts to the frame one by one; with hundreds of questions that was a fifth of the layout.
    A block taller than a page flows freely.
    """

    def __init__(self, parts: list) -> None:
        super().__init__()
        self.parts = parts

    def _gaps(self) -> list[float]:
        return [a.getSpaceAfter() + b.getSpaceBefore() for a, b in zip(self.parts, self.parts[1:])]

    def wrap(self, available_width, available_height):
        self.sizes = [part.wrapOn(self.canv, available_width, FRAME_HEIGHT) for part in self.parts]
        self.width = available_width
        self.height = sum(height for _, height in self.sizes) + sum(self._gaps())
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        return list(self.parts) if self.height > PAGE_ROOM else []  # [] : start it on the next page

    def getSpaceBefore(self) -> float:
        return self.parts[0].getSpaceBefore() if self.parts else 0

    def getSpaceAfter(self) -> float:
        return self.parts[-1].getSpaceAfter() if self.parts else 0

    def draw(self) -> None:
        top = self.height
        for part, (_, height), gap in zip(self.parts, self.sizes, [0.0] + self._gaps()):
            top -= gap + height
            part.drawOn(self.canv, 0, top)


class _Document(BaseDocTemplate):
    def __init__(self, stream, **kwargs) -> None:
        super().__init__(stream, pagesize=A4, **MARGINS, **kwargs)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("page", frames=[frame])])

    def afterFlowable(self, flowable) -> None:
        key = getattr(flowable, "toc_key", None)
        if key is None:
            return
        top = self.frame._y + flowable.getSpaceAfter() + flowable.height  # _y: below the heading and its space
        self.canv.headings.append((self.page, key, flowable.toc_text, flowable.level, top))
        self.canv.heading_pages[key] = self.page


class _Info(pdfdoc.PDFInfo):
    """The document information with the draft's time as its dates, the data's fingerprint and the
    result printed, as a program reads it (app/dossier/result_record.py)."""

    def __init__(self, base: pdfdoc.PDFInfo, stamp: str, digest: str, result: str) -> None:
        super().__init__()
        self.__dict__.update(base.__dict__)
        self.stamp, self.fingerprint, self.result = stamp, digest, result

    def format(self, document):
        info = {key: pdfdoc.PDFString(getattr(self, key.lower())) for key in
                ("Title", "Author", "Subject", "Keywords", "Producer", "Creator")}
        info["CreationDate"] = info["ModDate"] = pdfdoc.PDFString(self.stamp)
        info[FINGERPRINT_KEY] = pdfdoc.PDFString(self.fingerprint)
        if self.result:
            info[RESULT_KEY] = pdfdoc.PDFString(self.result)
        info["Trapped"] = pdfdoc.PDFName(self.trapped)
        return pdfdoc.PDFDictionary(info).format(document)


def _embed(document: pdfdoc.PDFDocument, files: list[tuple[str, bytes]], digest: str, when: dt.datetime,
           result: str) -> None:
    """The draft's JSON and the documents added, as file attachments written with the PDF
    (reportlab has no public API for it; adding them afterwards with pypdf meant reading and
    rewriting the whole file). `files`: (name, bytes), the draft's JSON first; `result` the result
    printed, kept in the document information for a program to read."""
    entries = []
    for name, data in files:
        stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("EmbeddedFile")}), data,
                                  filters=[pdfdoc.PDFZCompress])
        spec = pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Filespec"), "F": pdfdoc.PDFString(name),
                                     "UF": pdfdoc.PDFString(name),
                                     "EF": pdfdoc.PDFDictionary({"F": document.Reference(stream)})})
        entries.append((name, document.Reference(spec)))
    # A name tree lists its names in order.
    names = pdfdoc.PDFArray([part for name, spec in sorted(entries, key=lambda e: e[0].encode("utf-16-be"))
                             for part in (pdfdoc.PDFString(name), spec)])
    document.Catalog.Names = pdfdoc.PDFDictionary({"EmbeddedFiles": pdfdoc.PDFDictionary({"Names": names})})
    utc = when.astimezone(dt.timezone.utc) if when.tzinfo else when
    stamp = utc.strftime("D:%Y%m%d%H%M%SZ" if when.tzinfo else "D:%Y%m%d%H%M%S")
    document.info = _Info(document.info, stamp, digest, result)
    document.signature.update(files[0][1])  # the file's ID: the same for the same draft, another for another


def _header(canvas, branding: Branding, logo: LogoStamp) -> None:
    """The authority's logo and name and the sandbox's at the top of a page after the cover."""
    left, top = MARGINS["leftMargin"], A4[1] - 9 * mm
    x = left
    if logo.present:
        logo.draw(canvas, left, top - 5 * mm)
        x += 8 * mm
    canvas.setFont(MAIN, 7.5)
    canvas.setFillGray(0.35)
    canvas.drawString(x, top - 3 * mm, printable(TEXT["header"].format(sandbox=branding.sandbox,
                                                                      authority=branding.authority)))
    canvas.setStrokeGray(0.8)
    canvas.setLineWidth(0.3)
    canvas.line(left, top - 6.5 * mm, A4[0] - MARGINS["rightMargin"], top - 6.5 * mm)


def _canvas_class(digest: str, when: dt.datetime, data: bytes, extras: Extras, result: str):
    logo = LogoStamp(extras.branding, HEADER_LOGO) if extras.branding is not None else None

    class FooterCanvas(pdf_canvas.Canvas):
        """Keeps each page until the end, to print "Page x of y" and the contents' page numbers
        once they are known."""

        def __init__(self, *args, **kwargs) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self.contents: list[tuple] = []
            self.headings: list[tuple] = []  # bookmarks go on pages as they are written out
            self.heading_pages: dict[str, int] = {}

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                links = self._annotationCount  # a count for the whole document, not per page
                self.__dict__.update(state)
                self._annotationCount = links
                for page, rows, x, y in self.contents:
                    if page == number:
                        rows.fill(self, x, y, self.heading_pages)
                for page, key, title, level, top in self.headings:
                    if page == number:
                        self.bookmarkPage(key, fit="XYZ", top=top)
                        self.addOutlineEntry(title, key, level=level, closed=level > 0)
                if logo is not None and number > 1:
                    _header(self, extras.branding, logo)
                self.setFont(MAIN, 7.5)
                self.setFillGray(0.35)
                self.drawCentredString(A4[0] / 2, 11 * mm, TEXT["footer"].format(page=number, pages=len(self._pages), fingerprint=digest))
                super().showPage()
            _embed(self._doc, [(ATTACHMENT, data)] + [(e.name, e.data) for e in extras.enclosures], digest, when, result)
            # Streams compressed but not also ASCII85-encoded (reportlab's default): a binary PDF
            # is fine to hand over, and the encoding cost a tenth of the export and a quarter more bytes.
            ascii85, rl_config.useA85 = rl_config.useA85, 0
            try:
                super().save()
            finally:
                rl_config.useA85 = ascii85

    return FooterCanvas


def _headings_with_room(flowables: list, headings: set[int]) -> list:
    """A page break before each heading (or run of headings, as a chapter's first section)
    unless there is room for it and a few lines under it."""
    out: list = []
    for index, flowable in enumerate(flowables):
        if id(flowable) in headings and not (index and id(flowables[index - 1]) in headings):
            # A second heading right under this one needs room too.
            followed = index + 1 < len(flowables) and id(flowables[index + 1]) in headings
            out.append(CondPageBreak(HEADING_ROOM + (12 * mm if followed else 0)))
        out.append(flowable)
    return out


def render(flowables: list, meta: dict[str, str], digest: str, when: dt.datetime, data: bytes,
           extras: Extras = Extras()) -> bytes:
    """The PDF of `flowables`, with `data` (the draft's JSON, of fingerprint `digest`) attached, and
    with a kit, its headers and the documents added; `meta` gives the document information, and its
    "result" the machine-readable result."""
    headings = [f for f in flowables if hasattr(f, "toc_text")]
    # A heading never ends a page: it starts a new one unless a few lines fit under it. (Not
    # keepWithNext: reportlab ignores it before a KeepTogether, and before a long table it would
    # push the table to the next page, leaving a half-empty one.)
    flowables = _headings_with_room(flowables, {id(h) for h in headings})
    entries = []
    for number, heading in enumerate(headings, start=1):
        heading.toc_key = f"h{number}"
        entries.append((heading.level, markup(heading.toc_text), heading.toc_key))
    for contents in (f for f in flowables if isinstance(f, Contents)):
        contents.entries = entries
    stream = io.BytesIO()
    rl_config.invariant = 1
    document = _Document(stream, title=meta["title"], author=meta["author"], subject=meta["subject"],
                         keywords=meta["keywords"], creator="Sandbox Applicant Kit", invariant=1)
    document.build(flowables, canvasmaker=_canvas_class(digest, when, data, extras, meta.get("result", "")))
    return stream.getvalue()
