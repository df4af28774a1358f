"""Reading an SVG logo into what the dossier draws: the geometry (arcs, curves, transforms), the
paint, and each kind of logo it refuses (hostile or beyond what it draws), by the problem's id."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from app.dossier.svg_geometry import SvgProblem, arc_curves, path_outline, transform
from app.dossier.svg_reading import Group, Shape, read_figure
from app.dossier.svg_style import Paint, declared, painted


def _svg(body: str, root: str = 'viewBox="0 0 100 100"') -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {root}>{body}</svg>'.encode()


def _shapes(group: Group) -> list[Shape]:
    found = []
    for item in group.items:
        found += _shapes(item) if isinstance(item, Group) else [item]
    return found


def test_relative_and_absolute_path_commands_end_where_svg_says():
    segments = path_outline("M10 10 h5 v5 H0 V0 l1 1 L2 2 c1 0 1 1 0 1 s-1 1 0 1 q1 0 1 1 t1 1 z m3 3 2 2").segments
    ends = [s[-2:] for s in segments if s[0] != "Z"]
    assert ends == [(10, 10), (15, 10), (15, 15), (0, 15), (0, 0), (1, 1), (2, 2), (2, 3), (2, 4), (3, 5), (4, 6),
                    (13, 13), (15, 15)]
    # `s` mirrors the last control point of `c` about the current point
    assert segments[8][1:3] == (1, 3)
    assert [s[0] for s in segments].count("Z") == 1


def test_an_arc_is_cubic_curves_on_its_ellipse_ending_exactly_at_its_end():
    curves = arc_curves(0, 0, 10, 10, 0, False, True, 20, 0)  # half a circle of radius 10 around (10, 0)
    assert len(curves) == 2 and curves[-1][4:] == (20, 0)
    x, y = curves[0][4:]
    assert math.hypot(x - 10, y) == pytest.approx(10, abs=1e-9)
    assert y == pytest.approx(-10)  # sweep 1: angles growing, over the top on a screen (y downwards)
    assert arc_curves(0, 0, 0, 5, 0, False, True, 4, 0) == [(0, 0, 4, 0, 4, 0)]  # radius 0: a line
    compact = path_outline("M0 0a10 10 0 0120 0")  # flags run together with the next number, as svgo writes them
    assert compact.segments[1:] == path_outline("M0 0 a10 10 0 0 1 20 0").segments[1:] and compact.segments[-1][-2:] == (20, 0)
    assert arc_curves(0, 0, 1e-300, 1e-300, 0, False, True, 4, 0) == [(0, 0, 4, 0, 4, 0)]  # as good as 0


def test_transforms_compose_right_to_left():
    a, b, c, d, e, f = transform("translate(10 0) rotate(90) scale(2)")
    x, y = 1, 0
    assert (a * x + c * y + e, b * x + d * y + f) == pytest.approx((10, 2))
    assert transform("matrix(1 0 0 1 3 4)")[4:] == (3, 4)


def test_paint_is_inherited_from_groups_and_the_style_attribute_wins():
    group = painted(Paint(), declared({"fill": "red", "stroke": "#00f", "opacity": "0.5"}))
    own = painted(group, declared({"style": "fill: rgb(0, 50%, 0); stroke-width: 2mm", "fill": "blue"}))
    assert own.fill == pytest.approx((0, 0.5, 0)) and own.stroke == (0, 0, 1)
    assert own.width == pytest.approx(2 * 96 / 25.4) and own.opacity == 0.5
    assert painted(own, declared({"fill": "none", "stroke": "currentColor", "color": "#fff"})).stroke == (1, 1, 1)


def test_a_style_sheet_paints_by_name_class_and_id_the_most_specific_rule_winning():
    figure = read_figure(_svg('<style><![CDATA[ /* as Illustrator writes it */ .cls-1, .cls-2 { fill: #17406d }'
                              ' rect.cls-2 { fill: red } #mark { fill: lime } path { stroke: blue } ]]></style>'
                              '<rect class="cls-1" width="1" height="1"/><rect class="cls-2 other" width="1" height="1"/>'
                              '<rect id="mark" class="cls-2" width="1" height="1"/>'
                              '<rect class="cls-1" fill="red" style="fill:#fff" width="1" height="1"/>'
                              '<path class="cls-1" d="M0 0h1"/>'))
    paints = [shape.paint for shape in _shapes(figure.root)]
    assert [p.fill for p in paints] == [(23 / 255, 64 / 255, 109 / 255), (1, 0, 0), (0, 1, 0), (1, 1, 1),
                                        (23 / 255, 64 / 255, 109 / 255)]
    assert paints[4].stroke == (0, 0, 1) and paints[0].stroke is None


def test_a_logo_reads_as_groups_of_shapes_with_their_paint():
    figure = read_figure(_svg('<g fill="navy"><rect width="10" height="5" rx="2"/><circle cx="5" cy="5" r="3" '
                              'transform="scale(2)"/></g><line x1="0" y1="0" x2="9" y2="9" stroke="black"/>'
                              '<metadata><x/></metadata><title>Logo</title>'))
    assert figure.box == (0, 0, 100, 100)
    shapes = _shapes(figure.root)
    assert len(shapes) == 3 and shapes[0].paint.fill == (0, 0, 128 / 255)
    assert shapes[2].paint.fill is None  # a line has no inside to fill
    assert read_figure(_svg("", 'width="3in" height="2in"')).box == (0, 0, 288, 192)


def _deep(levels: int) -> bytes:
    return _svg("<g>" * levels + '<rect width="1" height="1"/>' + "</g>" * levels)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>"""


@pytest.mark.parametrize("data, problem", [
    (_svg('<path d="M0 0' + " L1 1" * 60_000 + '"/>'), "svg.problem.too_long"),
    (_svg('<path d="M0 0 L1 1"/>' * 30_000), "svg.problem.too_many"),
    (_deep(60), "svg.problem.too_deep"),
    (_deep(100_000), "svg.problem.too_deep"),
    (BILLION_LAUGHS, "svg.problem.entity"),
    (b'<!DOCTYPE svg SYSTEM "http://x.example/a.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>', "svg.problem.entity"),
    (_svg('<image href="https://tracker.example/p.png" width="9" height="9"/>'), "svg.problem.element"),
    (_svg('<use href="#a"/>'), "svg.problem.reference"),
    (_svg('<use href="logo.svg#a"/>'), "svg.problem.reference"),
    (_svg('<symbol id="s" viewBox="0 0 1 1"><rect width="1" height="1"/></symbol><use href="#s"/>'),
     "svg.problem.reference"),
    (_svg('<g id="a"><use href="#a"/></g>'), "svg.problem.too_deep"),  # a use inside what it uses
    (_svg('<rect id="a0" width="1" height="1"/>' + "".join(  # ten uses of ten uses of ...: 10^6 rectangles
        f'<g id="a{n + 1}">' + f'<use href="#a{n}"/>' * 10 + "</g>" for n in range(6))), "svg.problem.too_many"),
    (_svg('<text x="1" y="9">NADT</text>'), "svg.problem.element"),
    (_svg("<style>@media print { .a { fill: red } }</style>"), "svg.problem.style_rule"),
    (_svg("<style>g > .a { fill: red }</style>"), "svg.problem.style_rule"),
    (_svg("<style>" + ".a { fill: red }" * 600 + "</style>"), "svg.problem.sheet_too_long"),
    (_svg("<style>" + "/*" * 100_000 + "</style>"), "svg.problem.style_rule"),
    (_svg("<style>.a:hover { fill: red }</style>"), "svg.problem.style_rule"),
    (_svg('<style>.c { clip-path: url(#c) }</style><rect class="c" width="1" height="1"/>'), "svg.problem.reference"),
    (_svg('<rect width="9" height="9" fill="url(#gradient)"/>'), "svg.problem.paint"),
    (_svg('<rect width="9" height="9" clip-path="url(#c)"/>'), "svg.problem.reference"),
    (_svg('<clipPath id="c" clipPathUnits="objectBoundingBox"><rect width="1" height="1"/></clipPath>'
          '<rect width="9" height="9" clip-path="url(#c)"/>'), "svg.problem.reference"),
    (_svg('<clipPath id="c"><text>A</text></clipPath><rect width="9" height="9" clip-path="url(#c)"/>'),
     "svg.problem.element"),
    (_svg('<clipPath id="c"><rect width="1" height="1" clip-path="url(#c)"/></clipPath>'
          '<rect width="9" height="9" clip-path="url(#c)"/>'), "svg.problem.reference"),
    (_svg('<rect id="r" width="1" height="1"/><rect width="9" height="9" clip-path="url(#r)"/>'), "svg.problem.reference"),
    (_svg('<rect width="9" height="9" mask="url(#m)"/>'), "svg.problem.reference"),
    (_svg('<rect width="9" height="9" style="filter: url(#blur)"/>'), "svg.problem.reference"),
    (_svg('<path d="M0 0 L 1e999 1"/>'), "svg.problem.value"),
    (_svg('<path d="L0 0"/>'), "svg.problem.value"),
    (_svg('<path d="M0 0 X9"/>'), "svg.problem.value"),
    (_svg('<rect width="50%" height="9"/>'), "svg.problem.value"),
    (_svg('<rect width="9" height="9" fill="#12345"/>'), "svg.problem.value"),
    (_svg('<g transform="rotate(1 2)"/>'), "svg.problem.value"),
    (_svg("", 'width="100%"'), "svg.problem.value"),
    (_svg("", ""), "svg.problem.no_size"),
    (b"<html/>", "svg.problem.not_svg"),
    (b"<svg", "svg.problem.not_xml"),
    (b'<?xml version="1.0" encoding="UTF0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "svg.problem.not_xml"),
    (_svg('<path d="M0 0 A1e308 1 0 0 1 5 5"/>'), "svg.problem.value"),
    (_svg('<g transform="skewX(90)"/>'), "svg.problem.value"),
    (_svg("", 'viewBox="0 0 1e-300 1"'), "svg.problem.value"),
])
def test_a_logo_the_dossier_does_not_draw_is_refused_with_its_problem(data, problem):
    with pytest.raises(SvgProblem) as refused:
        read_figure(data)
    assert refused.value.msg_id == problem and "\n" not in str(refused.value)


def test_what_shows_nothing_is_passed_over():
    figure = read_figure(_svg('<defs><linearGradient id="g"/></defs><rect width="9" height="9" display="none" '
                              'fill="url(#g)"/><rect width="0" height="9"/><circle r="0"/>'
                              '<x:guide xmlns:x="urn:editor"><x:text/></x:guide>'))
    assert _shapes(figure.root) == []
    hidden = read_figure(_svg('<style>.h { display: none }</style><text class="h">hidden</text>'))
    assert _shapes(hidden.root) == []


def test_a_damaged_logo_is_drawn_or_refused_never_a_crash():
    """The test kit's logo with numbers, bytes and markup changed at random (the seed fixed): each
    either reads and renders onto a PDF canvas or raises SvgProblem."""
    import io
    import random
    import re

    from reportlab.graphics import renderPDF
    from reportlab.pdfgen import canvas

    from app.dossier.svg_drawing import logo_drawing

    base = (Path(__file__).resolve().parents[1] / "data" / "kits" / "svg_logo" / "logo.svg").read_bytes()
    odd = [b"1e7", b"-1e7", b"1e-300", b"0", b"-0", b"1e-7", b"nan", b"1e308", b"90", b"z", b"A", b"%", b",", b"<g>",
           b"</g>", b"url(#x)", b"rotate(", b"&", b'"']
    chance = random.Random(13)
    outcomes = set()
    for _ in range(200):
        data = bytearray(base)
        for _ in range(chance.randint(1, 8)):
            found = list(re.finditer(rb"-?\d+(\.\d+)?", bytes(data)))
            where = chance.choice(found) if found and chance.random() < 0.6 else None
            start = where.start() if where else chance.randrange(len(data))
            data[start:where.end() if where else start + chance.randint(0, 3)] = chance.choice(odd)
        try:
            target = canvas.Canvas(io.BytesIO())
            renderPDF.draw(logo_drawing(bytes(data), 50, 50), target, 0, 0)
            target.save()
            outcomes.add("drawn")
        except SvgProblem as problem:
            outcomes.add(problem.msg_id)
    assert "drawn" in outcomes and "svg.problem.value" in outcomes


def test_a_clip_path_clips_its_group_in_the_groups_own_coordinates():
    figure = read_figure(_svg('<g clip-path="url(#c)" transform="translate(5 0)"><rect width="9" height="9"/></g>'
                              '<defs><clipPath id="c" transform="scale(2)"><rect x="1" y="1" width="2" height="2" '
                              'transform="translate(1 0)"/></clipPath></defs>'))
    group = figure.root.items[0]
    assert group.matrix[4:] == (5, 0) and group.clip is not None and not group.clip.even_odd
    assert group.clip.outline.segments[0] == ("M", 4, 2)  # (1, 1) moved by its own transform, then the clipPath's
    empty = read_figure(_svg('<clipPath id="c"/><rect width="9" height="9" clip-path="url(#c)"/>'))
    assert empty.root.items == ()  # an empty clip shows nothing


def test_a_use_draws_what_it_names_again_moved_and_painted_by_the_use():
    figure = read_figure(_svg('<defs><rect id="r" width="2" height="2"/><symbol id="s"><circle r="1"/></symbol></defs>'
                              '<use href="#r" x="3" y="4" fill="red"/>'
                              '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#s" fill="blue"/>'))
    first, second = figure.root.items
    assert first.matrix[4:] == (3, 4) and _shapes(first)[0].paint.fill == (1, 0, 0)
    assert _shapes(second)[0].paint.fill == (0, 0, 1)


@pytest.mark.parametrize("name", ["illustrator", "inkscape", "figma"])
def test_logos_as_drawing_programs_export_them_are_drawn(name):
    """Written as Adobe Illustrator (a style sheet of classes), Inkscape (its own elements and
    attributes, `style` attributes) and Figma (a clip round everything, arcs with flags run
    together) export a logo."""
    figure = read_figure((Path(__file__).resolve().parents[1] / "data" / "svg_logos" / f"{name}.svg").read_bytes())
    fills = {shape.paint.fill for shape in _shapes(figure.root)}
    assert (23 / 255, 64 / 255, 109 / 255) in fills
