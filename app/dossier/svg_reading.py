"""An SVG logo read into a figure the dossier can draw: groups with their transforms, and shapes
as outlines with their paint. No reportlab here, so the command line can ask whether a kit's logo
will be drawn (`kit check`) without loading it.

What is drawn: `svg`, `g`, `rect`, `circle`, `ellipse`, `line`, `polyline`, `polygon` and `path`,
with transforms, colours, opacity, strokes and fill rules (svg_geometry.py, svg_style.py), given
as attributes, in `style` or by a `<style>` sheet of simple selectors (svg_sheet.py). `title`,
`desc`, `metadata`, `defs` and an editor's own elements (another namespace) show nothing and are
passed over, as is an element with `display: none`. A `clip-path` to a `clipPath` of shapes (as
Figma exports) clips; a `use` of a shape, group or symbol of the document draws it again.
Anything else that would show (text, images, gradients, masks, filters, markers) raises
SvgProblem: a logo is drawn as its authority made it or left out, never drawn wrong.

The XML is read by expat with our own handlers into ElementTree elements: a document type or an
entity (the "billion laughs") is refused before anything is expanded, and the number of elements
and their depth are bounded while reading, and again while drawing (a `use` repeats elements and
may name its own ancestor), so neither memory nor the walk below can run away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Union
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from app.dossier.svg_geometry import (IDENTITY, MAX_SEGMENTS, Matrix, Outline, SvgProblem, bad_value, length, moved,
                                      multiply, numbers, path_outline, transform, view_box)
from app.dossier.svg_sheet import StyleSheet
from app.dossier.svg_style import REFERENCES, Paint, declared, painted

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
MAX_ELEMENTS = 5_000
MAX_DEPTH = 40
# Shown only through a reference (which we draw, as a clip, or refuse), or never.
_SHOWS_NOTHING = {"title", "desc", "metadata", "defs", "style", "clipPath", "linearGradient", "radialGradient",
                  "pattern", "mask", "marker", "symbol", "filter"}
_SHAPES = {"rect", "circle", "ellipse", "line", "polyline", "polygon", "path"}
_LOCAL_URL = re.compile(r"url\(\s*['\"]?#([^'\")\s]+)['\"]?\s*\)")
_KAPPA = 0.5522847498307936  # a quarter circle's control points, as a fraction of the radius


@dataclass(frozen=True)
class Shape:
    outline: Outline
    paint: Paint


@dataclass(frozen=True)
class Clip:
    """A clipPath's outline in the coordinates of what it clips."""

    outline: Outline
    even_odd: bool


@dataclass(frozen=True)
class Group:
    matrix: Matrix  # from its contents' coordinates to its parent's
    items: tuple[Union["Group", Shape], ...]
    clip: Clip | None = None  # what is drawn outside it is not


@dataclass(frozen=True)
class Figure:
    """The logo: its viewBox (x, y, width, height, y downwards as in SVG) and what is drawn in it."""

    box: tuple[float, float, float, float]
    root: Group


def read_figure(data: bytes) -> Figure:
    """The figure of an SVG logo; SvgProblem (one line, an id) for one the dossier does not draw."""
    root = _parse(data)
    if _local(root.tag) != "svg" or _namespace(root.tag) not in ("", SVG_NAMESPACE):
        raise SvgProblem.tr("svg.problem.not_svg")
    attributes = _attributes(root)
    box = view_box(attributes)
    sheets = ["".join(e.itertext()) for e in root.iter(f"{{{SVG_NAMESPACE}}}style")] + [
        "".join(e.itertext()) for e in root.iter("style")]
    walk = _Walk(StyleSheet(sheets), {e.get("id", ""): e for e in root.iter() if e.get("id")})
    return Figure(box, walk.group(root, painted(Paint(), walk.properties("svg", attributes)), IDENTITY))


def _namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _parse(data: bytes) -> Element:
    builder = TreeBuilder()
    depth, count = 0, 0

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth, count
        depth, count = depth + 1, count + 1
        if depth > MAX_DEPTH:
            raise SvgProblem.tr("svg.problem.too_deep", most=MAX_DEPTH)
        if count > MAX_ELEMENTS:
            raise SvgProblem.tr("svg.problem.too_many", most=MAX_ELEMENTS)
        builder.start(_tag(name), {_tag(key): value for key, value in attributes.items()})

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(_tag(name))

    def refuse(*args) -> None:
        raise SvgProblem.tr("svg.problem.entity")

    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = builder.data  # a <style>'s text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise SvgProblem.tr("svg.problem.not_xml", problem=expat.ErrorString(error.code), line=error.lineno) from None
    except (LookupError, UnicodeError) as error:  # an encoding declared that Python does not know, or wrongly
        raise SvgProblem.tr("svg.problem.not_xml", problem=str(error)[:80], line=parser.CurrentLineNumber) from None
    return builder.close()


def _tag(name: str) -> str:
    """expat's "namespace}local" as ElementTree's "{namespace}local"."""
    return "{" + name if "}" in name else name


def _attributes(element: Element) -> dict[str, str]:
    """The element's attributes without a namespace (those of SVG); an editor's own are dropped."""
    return {key: value for key, value in element.attrib.items() if not key.startswith("{")}


class _Walk:
    """One walk down the tree with the logo's style sheet, counting the segments drawn: each path
    is bounded, and so are all of them together."""

    def __init__(self, sheet: StyleSheet, ids: dict[str, Element]) -> None:
        self.sheet, self.ids = sheet, ids
        self.segments = self.elements = self.depth = 0

    def properties(self, name: str, attributes: dict[str, str], clipped: bool = True) -> dict[str, str]:
        """The element's properties; SvgProblem for a reference we do not draw (a clip is drawn
        where `clipped`, on a group or a shape)."""
        found = declared(attributes, self.sheet.declarations(name, attributes))
        for reference in REFERENCES:
            value = found.get(reference, "none")
            if value != "none" and not (reference == "clip-path" and clipped):
                raise SvgProblem.tr("svg.problem.reference", attribute=reference, value=value[:60])
        return found

    def count(self, outline: Outline) -> Outline:
        self.segments += len(outline)
        if self.segments > MAX_SEGMENTS:
            raise SvgProblem.tr("svg.problem.too_long", most=MAX_SEGMENTS)
        return outline

    def clip(self, value: str) -> Clip | None:
        """The clip of `clip-path: url(#id)`: a clipPath of shapes in the user space of what it clips."""
        if value == "none":
            return None
        found = _LOCAL_URL.fullmatch(value)
        element = self.ids.get(found.group(1)) if found else None
        if (element is None or _local(element.tag) != "clipPath"
                or element.get("clipPathUnits", "userSpaceOnUse").strip() != "userSpaceOnUse"):
            raise SvgProblem.tr("svg.problem.reference", attribute="clip-path", value=value[:60])
        matrix = transform(element.get("transform"))
        segments, rules = [], set()
        for child in element:
            name, attributes = _local(child.tag), _attributes(child)
            if _namespace(child.tag) not in ("", SVG_NAMESPACE) or name in _SHOWS_NOTHING:
                continue
            if name not in _SHAPES:
                raise SvgProblem.tr("svg.problem.element", element=name[:40])
            properties = self.properties(name, attributes, clipped=False)
            if properties.get("display") != "none":
                child_matrix = multiply(matrix, transform(attributes.get("transform")))
                segments += moved(self.count(_outline(name, attributes)), child_matrix).segments
                rules.add(properties.get("clip-rule", "nonzero"))
        # Shapes of one rule are joined into one outline (their union, unless they wind against each other).
        return Clip(Outline(segments), rules == {"evenodd"})

    def group(self, element: Element, paint: Paint, matrix: Matrix, clip: Clip | None = None) -> Group:
        self.depth += 1
        if self.depth > MAX_DEPTH:  # the XML's depth is bounded, but `use` nests too
            raise SvgProblem.tr("svg.problem.too_deep", most=MAX_DEPTH)
        items = [item for child in element for item in self.drawn(child, paint)]
        self.depth -= 1
        return Group(matrix, tuple(items), clip)

    def drawn(self, child: Element, paint: Paint) -> list[Group | Shape]:
        """What one element in a group draws: nothing, a group, or a shape (in a group of its own
        when it has a transform or a clip)."""
        name, attributes = _local(child.tag), _attributes(child)
        if _namespace(child.tag) not in ("", SVG_NAMESPACE) or name in _SHOWS_NOTHING:
            return []  # an editor's own element (Inkscape's, say), or one shown only by reference
        self.elements += 1
        if self.elements > MAX_ELEMENTS:  # the XML's count is bounded, but `use` repeats elements
            raise SvgProblem.tr("svg.problem.too_many", most=MAX_ELEMENTS)
        properties = self.properties(name, attributes)
        if properties.get("display") == "none":
            return []
        if name not in _SHAPES and name not in ("g", "use"):
            raise SvgProblem.tr("svg.problem.element", element=name[:40])
        clip = self.clip(properties.get("clip-path", "none").strip())
        if clip is not None and not clip.outline.segments:
            return []  # an empty clip: nothing of it shows
        matrix, paint = transform(attributes.get("transform")), painted(paint, properties)
        if name == "g":
            return [self.group(child, paint, matrix, clip)]
        if name == "use":
            offset = (1.0, 0.0, 0.0, 1.0, length(attributes.get("x"), "x"), length(attributes.get("y"), "y"))
            return [self.group(self.used(child), paint, multiply(matrix, offset), clip)]
        return self.shape(name, attributes, paint, matrix, clip)

    def used(self, element: Element) -> Element:
        """What a `use` shows, as the one child of a group: the element it names in this document,
        a `symbol` as a group of what it holds (one with its own viewBox is refused)."""
        reference = (element.get("href") or element.get(f"{{{_XLINK}}}href") or "").strip()
        target = self.ids.get(reference[1:]) if reference.startswith("#") else None
        name = _local(target.tag) if target is not None else ""
        if target is None or name not in _SHAPES | {"g", "symbol"} or (name == "symbol" and "viewBox" in target.attrib):
            raise SvgProblem.tr("svg.problem.reference", attribute="href", value=reference[:60])
        if name == "symbol":
            shown = Element(f"{{{SVG_NAMESPACE}}}g", target.attrib)
            shown.extend(list(target))
            target = shown
        holder = Element("g")
        holder.append(target)
        return holder

    def shape(self, name: str, attributes: dict[str, str], paint: Paint, matrix: Matrix,
              clip: Clip | None) -> list[Group | Shape]:
        outline = self.count(_outline(name, attributes))
        if not outline.segments:
            return []
        shape = Shape(outline, replace(paint, fill=None) if name == "line" else paint)  # a line has no inside
        return [shape] if matrix == IDENTITY and clip is None else [Group(matrix, (shape,), clip)]


def _outline(name: str, a: dict[str, str]) -> Outline:
    def get(key: str) -> float:
        return length(a.get(key), key)

    if name == "path":
        return path_outline(a.get("d", ""))
    if name == "rect":
        return _rect(get("x"), get("y"), get("width"), get("height"), a)
    if name == "circle":
        return _ellipse(get("cx"), get("cy"), get("r"), get("r"))
    if name == "ellipse":
        return _ellipse(get("cx"), get("cy"), get("rx"), get("ry"))
    if name == "line":
        return Outline([("M", get("x1"), get("y1")), ("L", get("x2"), get("y2"))])
    points = numbers(a.get("points", ""), "points")
    if len(points) % 2:
        raise bad_value("points", a.get("points", ""))
    pairs = list(zip(points[::2], points[1::2]))
    if not pairs:
        return Outline()
    segments: list[tuple] = [("M", *pairs[0])] + [("L", *pair) for pair in pairs[1:]]
    return Outline(segments + ([("Z",)] if name == "polygon" else []))


def _rect(x: float, y: float, width: float, height: float, a: dict[str, str]) -> Outline:
    if width < 0 or height < 0:
        raise bad_value("width" if width < 0 else "height", a.get("width" if width < 0 else "height", ""))
    if width == 0 or height == 0:
        return Outline()
    rx, ry = (length(a.get(key), key, -1.0) for key in ("rx", "ry"))
    rx, ry = (rx if rx >= 0 else ry), (ry if ry >= 0 else rx)  # one given stands for both
    rx, ry = min(max(rx, 0.0), width / 2), min(max(ry, 0.0), height / 2)
    if rx == 0 or ry == 0:
        return Outline([("M", x, y), ("L", x + width, y), ("L", x + width, y + height), ("L", x, y + height), ("Z",)])
    kx, ky = rx * _KAPPA, ry * _KAPPA
    right, bottom = x + width, y + height
    return Outline([
        ("M", x + rx, y), ("L", right - rx, y), ("C", right - rx + kx, y, right, y + ry - ky, right, y + ry),
        ("L", right, bottom - ry), ("C", right, bottom - ry + ky, right - rx + kx, bottom, right - rx, bottom),
        ("L", x + rx, bottom), ("C", x + rx - kx, bottom, x, bottom - ry + ky, x, bottom - ry),
        ("L", x, y + ry), ("C", x, y + ry - ky, x + rx - kx, y, x + rx, y), ("Z",)])


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> Outline:
    if rx <= 0 or ry <= 0:
        return Outline()
    kx, ky = rx * _KAPPA, ry * _KAPPA
    return Outline([
        ("M", cx + rx, cy), ("C", cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
        ("C", cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy), ("C", cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
        ("C", cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy), ("Z",)])
