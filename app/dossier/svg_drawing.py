"""An SVG logo's figure (svg_reading.py) as reportlab graphics: a Drawing of the size of the box
the logo goes in, the figure scaled into it keeping its proportions and centred, as a PNG logo is.

Groups keep their transforms (the PDF applies them, strokes included). Each shape becomes up to
two reportlab paths, its fill and then its stroke: reportlab fills an open path only if told to
close it, and would then stroke the closing line too, which SVG does not draw.
"""

from __future__ import annotations

from reportlab.graphics import shapes
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO

from app.dossier.svg_geometry import Outline
from app.dossier.svg_reading import Figure, Group, Shape, read_figure


def logo_drawing(data: bytes, width: float, height: float) -> shapes.Drawing:
    """The SVG logo `data` drawn in a box of `width` by `height` points; SvgProblem when the
    dossier does not draw it."""
    return fitted(read_figure(data), width, height)


def fitted(figure: Figure, width: float, height: float) -> shapes.Drawing:
    bx, by, bw, bh = figure.box
    scale = min(width / bw, height / bh)
    left, top = (width - bw * scale) / 2, (height - bh * scale) / 2
    # SVG's y grows downwards, the PDF's upwards: flip, then put the viewBox's corner in place.
    flip = (scale, 0.0, 0.0, -scale, left - bx * scale, height - top + by * scale)
    drawing = shapes.Drawing(width, height)
    drawing.add(_group(Group(flip, (figure.root,))))
    return drawing


def _group(group: Group) -> shapes.Group:
    out = shapes.Group(transform=group.matrix)
    if group.clip is not None:
        # reportlab draws a clipping path without saving the state first: it clips what follows
        # in this group, until the group's state is restored.
        clip = _path(group.clip.outline, fillColor=None, strokeColor=None)
        clip.isClipPath = 1
        clip.fillMode = FILL_EVEN_ODD if group.clip.even_odd else FILL_NON_ZERO
        out.add(clip)
    for item in group.items:
        if isinstance(item, Group):
            out.add(_group(item))
        else:
            for path in _paths(item):
                out.add(path)
    return out


def _paths(shape: Shape) -> list[shapes.Path]:
    paint = shape.paint
    found = []
    if paint.fill is not None:
        fill = _path(shape.outline, fillColor=Color(*paint.fill), fillOpacity=paint.fill_opacity * paint.opacity,
                     strokeColor=None, autoclose="pdf")
        fill.fillMode = FILL_EVEN_ODD if paint.even_odd else FILL_NON_ZERO
        found.append(fill)
    if paint.stroke is not None and paint.width > 0:
        found.append(_path(shape.outline, fillColor=None, strokeColor=Color(*paint.stroke), strokeWidth=paint.width,
                           strokeOpacity=paint.stroke_opacity * paint.opacity, strokeLineCap=paint.cap,
                           strokeLineJoin=paint.join, strokeMiterLimit=paint.miter,
                           strokeDashArray=list(paint.dashes) or None))
    return found


def _path(outline: Outline, **style) -> shapes.Path:
    path = shapes.Path(**style)
    for segment in outline.segments:
        kind = segment[0]
        if kind == "M":
            path.moveTo(*segment[1:])
        elif kind == "L":
            path.lineTo(*segment[1:])
        elif kind == "C":
            path.curveTo(*segment[1:])
        else:
            path.closePath()
    return path
