"""The geometry of an SVG logo, read without reportlab: lengths, the viewBox, transforms as
matrices, and path data as absolute moves, lines and cubic curves (what a PDF path holds).

Quadratic curves become cubic ones exactly; elliptical arcs become one cubic curve per quarter
turn at most (the usual approximation, off by less than 0.03 % of the radius). Each reader raises
SvgProblem, with the value it could not read, rather than guessing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from catalogue import tr

Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in SVG and PDF
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Units in user units (CSS pixels, 96 to the inch); "em" and "%" need a context a logo rarely has.
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_LENGTH = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-z%]*)\s*$", re.IGNORECASE)
_TRANSFORM = re.compile(r"\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)\s*,?")
_COMMAND = re.compile(r"([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)")
_SEPARATOR = re.compile(r"[\s,]*")
_NEXT_NUMBER = re.compile(r"[\s,]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_NEXT_FLAG = re.compile(r"[\s,]*([01])")  # an arc's flags are one digit each: "a2 2 0 012 2" (as svgo writes)
_ARGUMENTS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
MAX_SEGMENTS = 50_000  # in one logo, all paths together: a PDF drawn in the blink of an eye
# Numbers beyond this (or so near 0 as to vanish) have no place in a logo; refused, they cannot
# overflow the arithmetic below or reach the PDF as numbers it cannot write.
LARGEST = 1e7
SMALLEST_BOX = 1e-3


class SvgProblem(Exception):
    """What stops the dossier from drawing a logo: one line, and the catalogue id of its message."""

    def __init__(self, msg_id: str, message: str) -> None:
        super().__init__(message)
        self.msg_id = msg_id

    @classmethod
    def tr(cls, msg_id: str, **params: Any) -> "SvgProblem":
        return cls(msg_id, tr(msg_id, **params))


def bad_value(attribute: str, value: str) -> SvgProblem:
    return SvgProblem.tr("svg.problem.value", attribute=attribute, value=value[:60])


def number(text: str, attribute: str) -> float:
    """A number within ±LARGEST; inf and nan would reach the PDF as garbage."""
    try:
        value = float(text)
    except ValueError:
        raise bad_value(attribute, text) from None
    if not abs(value) <= LARGEST:  # nan too
        raise bad_value(attribute, text)
    return value


def length(text: str | None, attribute: str, default: float = 0.0) -> float:
    """A length in user units: a number with no unit or an absolute one."""
    if text is None or not text.strip():
        return default
    found = _LENGTH.match(text)
    if not found or found.group(2).lower() not in _UNITS:
        raise bad_value(attribute, text)
    return number(found.group(1), attribute) * _UNITS[found.group(2).lower()]


def numbers(text: str, attribute: str) -> list[float]:
    """The numbers of a list such as `points` or `viewBox` (commas or spaces between)."""
    if _NUMBER.sub("", text).replace(",", "").strip():
        raise bad_value(attribute, text)
    return [number(n, attribute) for n in _NUMBER.findall(text)]


def view_box(attributes: dict[str, str]) -> tuple[float, float, float, float]:
    """The root's (x, y, width, height) in user units: its viewBox, else (0, 0, width, height)."""
    box = attributes.get("viewBox")
    if box is not None:
        values = numbers(box, "viewBox")
        if len(values) != 4 or values[2] < SMALLEST_BOX or values[3] < SMALLEST_BOX:
            raise bad_value("viewBox", box)
        return values[0], values[1], values[2], values[3]
    width, height = (length(attributes.get(name), name) for name in ("width", "height"))
    if width < SMALLEST_BOX or height < SMALLEST_BOX:
        raise SvgProblem.tr("svg.problem.no_size")
    return 0.0, 0.0, width, height


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n applied to a point is `multiply(n, m)`: the matrix of n after m, as SVG nests them."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f)


def transform(text: str | None) -> Matrix:
    """The matrix of a `transform` attribute (its parts applied right to left, as SVG says)."""
    result = IDENTITY
    if not text or not text.strip():
        return result
    position = 0
    while position < len(text):
        found = _TRANSFORM.match(text, position)
        if not found:
            raise bad_value("transform", text)
        result = multiply(result, _one_transform(found.group(1), numbers(found.group(2), "transform"), text))
        position = found.end()
    if not all(abs(value) <= LARGEST for value in result):  # a skew of 90°, scales multiplied
        raise bad_value("transform", text)
    return result


def _one_transform(name: str, values: list[float], text: str) -> Matrix:
    counts = {"matrix": (6,), "translate": (1, 2), "scale": (1, 2), "rotate": (1, 3), "skewX": (1,), "skewY": (1,)}
    if len(values) not in counts[name]:
        raise bad_value("transform", text)
    if name == "matrix":
        return tuple(values)  # type: ignore[return-value]
    if name == "translate":
        return (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) == 2 else 0.0)
    if name == "scale":
        return (values[0], 0.0, 0.0, values[-1], 0.0, 0.0)
    if name == "rotate":
        angle = math.radians(values[0])
        cos, sin = math.cos(angle), math.sin(angle)
        turn = (cos, sin, -sin, cos, 0.0, 0.0)
        if len(values) == 1:
            return turn
        cx, cy = values[1], values[2]
        return multiply(multiply((1.0, 0.0, 0.0, 1.0, cx, cy), turn), (1.0, 0.0, 0.0, 1.0, -cx, -cy))
    tangent = math.tan(math.radians(values[0]))
    return (1.0, 0.0, tangent, 1.0, 0.0, 0.0) if name == "skewX" else (1.0, tangent, 0.0, 1.0, 0.0, 0.0)


# --- path data ---------------------------------------------------------------------------------

@dataclass
class Outline:
    """A path in absolute coordinates: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",)."""

    segments: list[tuple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.segments)


def moved(outline: Outline, matrix: Matrix) -> Outline:
    """The outline with each point moved by `matrix` (exact for curves too: they are affine)."""
    a, b, c, d, e, f = matrix
    segments = []
    for segment in outline.segments:
        values = segment[1:]
        points = [(a * x + c * y + e, b * x + d * y + f) for x, y in zip(values[::2], values[1::2])]
        segments.append((segment[0], *[value for point in points for value in point]))
    return Outline(segments)


def path_outline(data: str) -> Outline:
    """The outline of a path's `d`. Per SVG, drawing stops at the first error; we refuse instead,
    so that a damaged logo is named by `kit check` rather than printed half."""
    reader = _PathReader(data)
    for command, values in _commands(data):
        reader.step(command, values)
    return reader.outline


def _commands(data: str):
    """(command letter, its numbers) for each command, a repeated one given once per set."""
    position = 0
    for found in _COMMAND.finditer(data):
        if _SEPARATOR.match(data, position).end() < found.start():
            raise bad_value("d", data)  # something before the first command
        position = found.end()
        yield from _sets(found.group(1), _arguments(found.group(1), found.group(2), data), data)
    if _SEPARATOR.match(data, position).end() < len(data):
        raise bad_value("d", data)


def _arguments(command: str, text: str, data: str) -> list[float]:
    flags = (3, 4) if command in "Aa" else ()
    values: list[float] = []
    position = 0
    while _SEPARATOR.match(text, position).end() < len(text):
        found = (_NEXT_FLAG if len(values) % 7 in flags else _NEXT_NUMBER).match(text, position)
        if not found:
            raise bad_value("d", data)
        values.append(number(found.group(1), "d"))
        position = found.end()
    return values


def _sets(command: str, values: list[float], data: str):
    count = _ARGUMENTS[command.upper()]
    if count == 0:
        if values:
            raise bad_value("d", data)
        yield command, []
        return
    if not values or len(values) % count:
        raise bad_value("d", data)
    for start in range(0, len(values), count):
        # A moveto's further pairs are linetos.
        yield (command if start == 0 or command not in "Mm" else ("L" if command == "M" else "l")), values[start:start + count]


class _PathReader:
    def __init__(self, data: str) -> None:
        self.outline = Outline()
        self.data = data
        self.x = self.y = self.start_x = self.start_y = 0.0
        self.control: tuple[float, float] | None = None  # the last curve's second control point
        self.previous = ""

    def _add(self, segment: tuple) -> None:
        if len(self.outline) >= MAX_SEGMENTS:
            raise SvgProblem.tr("svg.problem.too_long", most=MAX_SEGMENTS)
        self.outline.segments.append(segment)

    def step(self, command: str, v: list[float]) -> None:
        upper = command.upper()
        if upper != "M" and not self.outline.segments:
            raise bad_value("d", self.data)  # a path starts with a moveto
        dx, dy = (0.0, 0.0) if command.isupper() else (self.x, self.y)
        control = None
        if upper == "M":
            self.x, self.y = self.start_x, self.start_y = v[0] + dx, v[1] + dy
            self._add(("M", self.x, self.y))
        elif upper == "Z":
            self.x, self.y = self.start_x, self.start_y
            self._add(("Z",))
        elif upper in "LHV":
            self.x = v[0] + dx if upper in "LH" else self.x
            self.y = (v[1] + dy) if upper == "L" else (v[0] + dy if upper == "V" else self.y)
            self._add(("L", self.x, self.y))
        elif upper in "CS":
            if upper == "C":
                x1, y1 = v[0] + dx, v[1] + dy
                v = v[2:]
            else:
                x1, y1 = self._reflected("CS")
            control = (v[0] + dx, v[1] + dy)
            self._curve(x1, y1, *control, v[2] + dx, v[3] + dy)
        elif upper in "QT":
            qx, qy = (v[0] + dx, v[1] + dy) if upper == "Q" else self._reflected("QT")
            end = (v[-2] + dx, v[-1] + dy)
            self._quadratic(qx, qy, *end)
            control = (qx, qy)
        else:
            self._arc(v[0], v[1], v[2], v[3] != 0, v[4] != 0, v[5] + dx, v[6] + dy)
        self.control, self.previous = control, upper

    def _reflected(self, family: str) -> tuple[float, float]:
        if self.control is None or self.previous not in family:
            return self.x, self.y
        return 2 * self.x - self.control[0], 2 * self.y - self.control[1]

    def _curve(self, x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> None:
        self._add(("C", x1, y1, x2, y2, x, y))
        self.x, self.y = x, y

    def _quadratic(self, qx: float, qy: float, x: float, y: float) -> None:
        self._curve(self.x + 2 / 3 * (qx - self.x), self.y + 2 / 3 * (qy - self.y),
                    x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), x, y)

    def _arc(self, rx: float, ry: float, rotation: float, large: bool, sweep: bool, x: float, y: float) -> None:
        for segment in arc_curves(self.x, self.y, rx, ry, rotation, large, sweep, x, y):
            self._curve(*segment)
        self.x, self.y = x, y


def arc_curves(x0: float, y0: float, rx: float, ry: float, rotation: float, large: bool, sweep: bool,
               x: float, y: float) -> list[tuple[float, ...]]:
    """Cubic curves (x1, y1, x2, y2, x, y) along an SVG arc from (x0, y0) to (x, y), by the
    endpoint-to-centre conversion of SVG 1.1, appendix F.6."""
    if (x0, y0) == (x, y):
        return []
    rx, ry = abs(rx), abs(ry)
    if rx < 1e-6 or ry < 1e-6:  # 0 as SVG says, or too small to see (and to divide by)
        return [(x0, y0, x, y, x, y)]  # a straight line, as a curve
    phi = math.radians(rotation)
    cos, sin = math.cos(phi), math.sin(phi)
    hx, hy = (x0 - x) / 2, (y0 - y) / 2
    px, py = cos * hx + sin * hy, -sin * hx + cos * hy
    grow = px * px / (rx * rx) + py * py / (ry * ry)
    if grow > 1:  # radii too small to reach: scaled up, as SVG says
        rx, ry = rx * math.sqrt(grow), ry * math.sqrt(grow)
    top = rx * rx * ry * ry - rx * rx * py * py - ry * ry * px * px
    bottom = rx * rx * py * py + ry * ry * px * px
    if bottom == 0 or not math.isfinite(top):  # ends too near to tell a centre apart: a line
        return [(x0, y0, x, y, x, y)]
    factor = math.sqrt(max(0.0, top / bottom))
    factor = -factor if large == sweep else factor
    cxp, cyp = factor * rx * py / ry, -factor * ry * px / rx
    cx, cy = cos * cxp - sin * cyp + (x0 + x) / 2, sin * cxp + cos * cyp + (y0 + y) / 2
    start = math.atan2((py - cyp) / ry, (px - cxp) / rx)
    turn = math.atan2((-py - cyp) / ry, (-px - cxp) / rx) - start
    if sweep and turn < 0:
        turn += 2 * math.pi
    elif not sweep and turn > 0:
        turn -= 2 * math.pi
    pieces = max(1, math.ceil(abs(turn) / (math.pi / 2) - 1e-9))
    step = turn / pieces
    handle = 4 / 3 * math.tan(step / 4)

    def point(angle: float, along: float) -> tuple[float, float]:
        ex = rx * (math.cos(angle) - along * math.sin(angle))
        ey = ry * (math.sin(angle) + along * math.cos(angle))
        return cos * ex - sin * ey + cx, sin * ex + cos * ey + cy

    curves = []
    for index in range(pieces):
        a, b = start + index * step, start + (index + 1) * step
        (x1, y1), (x2, y2), end = point(a, handle), point(b, -handle), point(b, 0.0)
        curves.append((x1, y1, x2, y2, *end))
    curves[-1] = (*curves[-1][:4], x, y)  # end exactly where the path says
    return curves
