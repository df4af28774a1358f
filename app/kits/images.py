"""A kit's logo, checked before anything shows it: a PNG or an SVG, within bounds.

A PNG must be one (its signature and header), at most MAX_IMAGE_BYTES and MAX_PIXELS wide and high,
so decoding it cannot take unbounded memory. An SVG is XML that a renderer might follow anywhere, so
it is read with expat and refused when it has a document type (entities, the "billion laughs"),
a script or an embedded foreign document, an event attribute (`onload=`), or a reference to
anything but a fragment of itself (`href`, `url(...)` in styles, a style sheet instruction).
"""

from __future__ import annotations

import re
import struct
from xml.parsers import expat

from app.kits.errors import KitError
from catalogue.formats import format_number

MAX_IMAGE_BYTES = 512 * 1024
MAX_PIXELS = 4096
MAX_SVG_ELEMENTS = 20_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_XLINK = "http://www.w3.org/1999/xlink"
_SVG = "http://www.w3.org/2000/svg"
# Elements that run code or embed another document (HTML inside `foreignObject`).
_ACTIVE = {"script", "foreignobject", "handler", "listener"}
_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)


def image_kind(entry: str) -> str | None:
    """"png" or "svg" by the entry's extension; None for anything else."""
    suffix = entry.rsplit(".", 1)[-1].lower() if "." in entry else ""
    return suffix if suffix in ("png", "svg") else None


def check_image(data: bytes, where: str) -> tuple[int, int] | None:
    """Refuse a logo that is not a safe PNG or SVG (KitError); a PNG's (width, height)."""
    if len(data) > MAX_IMAGE_BYTES:
        raise KitError.tr("kit.error.image_too_big", where=where, size=format_number(len(data) // 1024),
                          most=MAX_IMAGE_BYTES // 1024)
    kind = image_kind(where)
    if kind == "png":
        return check_png(data, where)
    if kind == "svg":
        check_svg(data, where)
        return None
    raise KitError.tr("kit.error.image_kind", where=where)


def check_png(data: bytes, where: str) -> tuple[int, int]:
    # The header chunk comes first: length 13, "IHDR", then width and height.
    if len(data) < 33 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise KitError.tr("kit.error.not_png", where=where)
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_PIXELS and 0 < height <= MAX_PIXELS):
        raise KitError.tr("kit.error.image_pixels", where=where, width=width, height=height, most=MAX_PIXELS)
    return width, height


def check_svg(data: bytes, where: str) -> None:
    _SvgCheck(where).run(data)


class _SvgCheck:
    """One pass of expat over the SVG; each handler refuses what it sees at once."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.elements = 0
        self.in_style = False
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._doctype
        self.parser.ExternalEntityRefHandler = self._doctype
        self.parser.ProcessingInstructionHandler = self._instruction
        self.parser.StartElementHandler = self._element
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text

    def run(self, data: bytes) -> None:
        try:
            self.parser.Parse(data, True)
        except expat.ExpatError as error:
            raise KitError.tr("kit.error.svg_not_xml", where=self.where,
                              problem=expat.ErrorString(error.code), line=error.lineno) from None
        if self.elements == 0:
            raise KitError.tr("kit.error.svg_not_svg", where=self.where)

    def _doctype(self, *args) -> None:
        raise KitError.tr("kit.error.svg_entity", where=self.where)

    def _instruction(self, target: str, data: str) -> None:
        raise KitError.tr("kit.error.svg_external", where=self.where, reference=f"<?{target} {data}?>"[:80])

    def _element(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        self.elements += 1
        if self.elements == 1 and (local != "svg" or namespace not in ("", _SVG)):
            raise KitError.tr("kit.error.svg_not_svg", where=self.where)
        if self.elements > MAX_SVG_ELEMENTS:
            raise KitError.tr("kit.error.svg_too_complex", where=self.where, most=MAX_SVG_ELEMENTS)
        if local.lower() in _ACTIVE:
            raise KitError.tr("kit.error.svg_script", where=self.where, element=local)
        for key, value in attributes.items():
            self._attribute(key.rpartition(" ")[2], key.rpartition(" ")[0], value)
        self.in_style = local == "style"

    def _attribute(self, local: str, namespace: str, value: str) -> None:
        if local.lower().startswith("on"):
            raise KitError.tr("kit.error.svg_event", where=self.where, attribute=local)
        if local == "href" and namespace in ("", _XLINK) and not value.strip().startswith("#"):
            raise KitError.tr("kit.error.svg_external", where=self.where, reference=value[:80])
        self._check_style(value)

    def _end(self, name: str) -> None:
        self.in_style = False

    def _text(self, text: str) -> None:
        if self.in_style:
            self._check_style(text)

    def _check_style(self, value: str) -> None:
        if _IMPORT.search(value):
            raise KitError.tr("kit.error.svg_external", where=self.where, reference="@import")
        for target in _URL.findall(value):
            if not target.startswith("#"):
                raise KitError.tr("kit.error.svg_external", where=self.where, reference=f"url({target})"[:80])
