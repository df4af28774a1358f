"""The paint of an SVG logo, read without reportlab: fill, stroke and their opacities, the stroke's
width, caps, joins and dashes, and the fill rule, from presentation attributes and the `style`
attribute, inherited from the groups around an element as SVG says.

Colours are names (the 147 of SVG and CSS), #rgb, #rrggbb and rgb() (numbers or percentages).
A gradient or pattern (`url(#...)`) and a style sheet's classes are beyond what we draw: they
raise SvgProblem, so that the logo is left out whole rather than drawn in wrong colours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.dossier.svg_geometry import SvgProblem, bad_value, length, number

Colour = tuple[float, float, float]  # red, green, blue from 0 to 1

# Names, then #rrggbb (SVG 1.1, "Recognized color keyword names").
_NAMED = dict(item.split(":") for item in """\
aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4
black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887
cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc
crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9
darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f
darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f
darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3
deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222
floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700
goldenrod:daa520 gray:808080 grey:808080 green:008000 greenyellow:adff2f honeydew:f0fff0 hotpink:ff69b4
indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5
lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff
lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1
lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightslategrey:778899
lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff
maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db
mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc
mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5
navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500
orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee
palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd
powderblue:b0e0e6 purple:800080 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513
salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d silver:c0c0c0
skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa springgreen:00ff7f
steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 violet:ee82ee
wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32""".split())
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_RGB = re.compile(r"rgb\(\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s)]+)\s*\)$", re.IGNORECASE)
# What a group hands down to what it holds (SVG's inherited properties that we draw).
PROPERTIES = ("fill", "stroke", "stroke-width", "fill-opacity", "stroke-opacity", "fill-rule",
              "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "color")
# Properties that make an element look otherwise through another part of the document.
REFERENCES = ("clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end", "marker")
_READ = (*PROPERTIES, "opacity", "display", "clip-rule", *REFERENCES)
_CAPS = {"butt": 0, "round": 1, "square": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


@dataclass(frozen=True)
class Paint:
    """What an element is drawn with, its group's paint and its own attributes taken together."""

    fill: Colour | None = (0.0, 0.0, 0.0)  # SVG fills black unless told otherwise
    stroke: Colour | None = None
    width: float = 1.0
    fill_opacity: float = 1.0
    stroke_opacity: float = 1.0
    opacity: float = 1.0  # the groups' `opacity` multiplied, applied to each shape in them
    even_odd: bool = False
    cap: int = 0
    join: int = 0
    miter: float = 4.0
    dashes: tuple[float, ...] = ()
    colour: Colour = (0.0, 0.0, 0.0)  # `currentColor`


def declared(attributes: dict[str, str], sheet: str = "") -> dict[str, str]:
    """The element's properties: its presentation attributes, then the style sheet's declarations
    for it (svg_sheet.py), then its `style` attribute, each over the one before."""
    found = {name: attributes[name].strip() for name in _READ if name in attributes}
    for text in (sheet, attributes.get("style", "")):
        for declaration in text.split(";"):
            name, colon, value = declaration.partition(":")
            name = name.strip().lower()
            if colon and name in _READ:
                found[name] = value.replace("!important", "").strip()
    return found


def painted(parent: Paint, properties: dict[str, str]) -> Paint:
    """The paint of an element inside `parent`'s group, from its properties (`declared`)."""
    properties = {name: value for name, value in properties.items() if name in PROPERTIES or name == "opacity"}
    paint = parent
    if "color" in properties and properties["color"] != "inherit":
        paint = replace(paint, colour=colour(properties["color"], "color", paint.colour) or paint.colour)
    changes: dict = {}
    for name, value in properties.items():
        if value == "inherit" or name == "color":
            continue
        changes.update(_property(name, value, paint))
    if "opacity" in changes:
        changes["opacity"] *= parent.opacity
    return replace(paint, **changes)


def _property(name: str, value: str, paint: Paint) -> dict:
    if name in ("fill", "stroke"):
        return {name: colour(value, name, paint.colour)}
    if name == "stroke-width":
        return {"width": max(0.0, length(value, name))}
    if name in ("fill-opacity", "stroke-opacity", "opacity"):
        return {name.replace("-", "_"): _fraction(value, name)}
    if name == "fill-rule":
        return {"even_odd": _choice(value, name, {"nonzero": False, "evenodd": True})}
    if name == "stroke-linecap":
        return {"cap": _choice(value, name, _CAPS)}
    if name == "stroke-linejoin":
        return {"join": _choice(value, name, {**_JOINS, "miter-clip": 0, "arcs": 0})}
    if name == "stroke-miterlimit":
        return {"miter": max(1.0, number(value, name))}
    return {"dashes": _dashes(value)}


def colour(value: str, attribute: str, current: Colour) -> Colour | None:
    """A paint's colour, or None for "none"."""
    text = value.strip()
    lower = text.lower()
    if lower in ("none", "transparent"):
        return None
    if lower == "currentcolor":
        return current
    if lower.startswith("url("):
        raise SvgProblem.tr("svg.problem.paint", attribute=attribute, value=text[:60])
    if lower in _NAMED:
        text = "#" + _NAMED[lower]
    found = _HEX.match(text)
    if found:
        digits = found.group(1)
        digits = "".join(d * 2 for d in digits) if len(digits) == 3 else digits
        return tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    found = _RGB.match(text)
    if found:
        return tuple(_channel(part, attribute, text) for part in found.groups())  # type: ignore[return-value]
    raise bad_value(attribute, text)


def _channel(part: str, attribute: str, text: str) -> float:
    if part.endswith("%"):
        return min(1.0, max(0.0, number(part[:-1], attribute) / 100))
    return min(1.0, max(0.0, number(part, attribute) / 255))


def _fraction(value: str, attribute: str) -> float:
    text = value.strip()
    scale = 100 if text.endswith("%") else 1
    return min(1.0, max(0.0, number(text.rstrip("%"), attribute) / scale))


def _choice(value: str, attribute: str, choices: dict):
    if value.strip().lower() not in choices:
        raise bad_value(attribute, value)
    return choices[value.strip().lower()]


def _dashes(value: str) -> tuple[float, ...]:
    if value.strip().lower() == "none":
        return ()
    parts = [length(part, "stroke-dasharray") for part in re.split(r"[\s,]+", value.strip()) if part]
    if any(part < 0 for part in parts):
        raise bad_value("stroke-dasharray", value)
    if not any(parts):
        return ()  # all zero: SVG draws the line solid
    return tuple(parts * 2 if len(parts) % 2 else parts)
