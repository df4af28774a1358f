"""The authority's logo in a box, for the cover and the page headers: a PNG as an image, an SVG
drawn as vector shapes by our own reader (svg_reading.py, svg_drawing.py).

An SVG the dossier does not draw leaves the box empty (logo_note.py says why, to `kit check` and
the exports): the dossier is built all the same, with the authority's name beside it.
"""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Flowable, Image

from app.dossier.authority import Branding
from app.dossier.svg_drawing import logo_drawing
from app.dossier.svg_geometry import SvgProblem


def logo_flowable(branding: Branding, size: float) -> Flowable | None:
    """The logo in a `size` square, as a flowable for the cover; None when there is none to draw."""
    if branding.logo is None:
        return None
    kind, data = branding.logo
    if kind == "png":
        return Image(io.BytesIO(data), width=size, height=size, kind="proportional")
    try:
        return logo_drawing(data, size, size)
    except SvgProblem:
        return None


FORM = "AuthorityLogo"


class LogoStamp:
    """The logo read once and drawn on each page's header: an SVG as one form in the PDF that every
    page shows (as reportlab keeps a PNG once), so a detailed logo is not written out per page."""

    def __init__(self, branding: Branding, size: float) -> None:
        self.size = size
        self.kind, self.data = branding.logo if branding.logo is not None else ("", b"")
        self.drawing = None
        if self.kind == "svg":
            try:
                self.drawing = logo_drawing(self.data, size, size)
            except SvgProblem:
                self.kind = ""

    @property
    def present(self) -> bool:
        return self.kind in ("png", "svg")

    def draw(self, canvas, x: float, y: float) -> None:
        """The logo's box with its lower left corner at (x, y)."""
        if self.kind == "png":
            from reportlab.lib.utils import ImageReader

            canvas.drawImage(ImageReader(io.BytesIO(self.data)), x, y, width=self.size, height=self.size,
                             preserveAspectRatio=True, mask="auto")
        elif self.drawing is not None:
            if not canvas.hasForm(FORM):
                self._make_form(canvas)
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm(FORM)
            canvas.restoreState()

    def _make_form(self, canvas) -> None:
        canvas.beginForm(FORM, 0, 0, self.size, self.size)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        # reportlab writes a form's resources without the graphics states its opacities name (a
        # page's has them): give the form its own, or viewers draw a translucent part opaque.
        resources = pdfdoc.PDFResourceDictionary()
        resources.basicFonts()
        resources.allProcs()
        resources.ExtGState = canvas._extgstate.getState()
        canvas.endForm(Resources=resources)
