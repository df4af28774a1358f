"""Page layout: A4 pages with a footer "Page x of y" and the fingerprint, a table of contents
and PDF outline from the headings, metadata, and `invariant` output (same input, same bytes).
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from app.dossier.texts import TEXT
from app.dossier.typeset import MAIN, register_fonts


def prepare() -> None:
    register_fonts()


class _Document(BaseDocTemplate):
    def __init__(self, stream, **kwargs) -> None:
        super().__init__(stream, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm,
                         bottomMargin=22 * mm, **kwargs)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("page", frames=[frame])])
        self._heading_number = 0

    def beforeDocument(self) -> None:
        # Keys restart at each pass, so the TOC settles after two passes rather than three.
        self._heading_number = 0

    def afterFlowable(self, flowable) -> None:
        level = getattr(flowable, "level", None)
        if level is None or not hasattr(flowable, "toc_text"):
            return
        self._heading_number += 1
        key = f"h{self._heading_number}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.toc_text, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, flowable.getPlainText(), self.page, key))


def _canvas_class(digest: str, when: dt.datetime):
    class FooterCanvas(pdf_canvas.Canvas):
        """Keeps each page until the end, to print "Page x of y" once the count is known."""

        def __init__(self, *args, **kwargs) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(MAIN, 7.5)
                self.setFillGray(0.35)
                self.drawCentredString(A4[0] / 2, 11 * mm, TEXT["footer"].format(page=number, pages=len(self._pages), fingerprint=digest))
                super().showPage()
            super().save()

    return FooterCanvas


def render(flowables: list, meta: dict[str, str], digest: str, when: dt.datetime) -> bytes:
    stream = io.BytesIO()
    rl_config.invariant = 1
    document = _Document(stream, title=meta["title"], author=meta["author"], subject=meta["subject"],
                         keywords=meta["keywords"], creator="Sandbox Applicant Kit", invariant=1)
    document.multiBuild(flowables, canvasmaker=_canvas_class(digest, when))
    return stream.getvalue()

