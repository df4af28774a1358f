"""What a file handed to the application is (a double-click, `python main.py FILE`, macOS's open
event): a draft, an authority kit or a dossier, told by its first bytes, not its name, so a kit or
a dossier renamed still opens as what it is.

Light to import (no pydantic, no format's code): the wizard asks before the pack is loaded. A file
that cannot be read, or is none of these, is taken for a draft, whose opening says what is wrong.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

from app.formats.choice import JSON_DOSSIER_FORMAT

HEAD_BYTES = 512  # a JSON dossier names its format in its first line
MAX_SNIFF_BYTES = 80 * 1024 * 1024  # no larger JSON is read to find out (files.MAX_DOSSIER_BYTES)


class Opened(Enum):
    DRAFT = "draft"
    KIT = "kit"  # a .sandboxkit is a zip archive
    DOSSIER = "dossier"  # PDF, HTML page or JSON data


def kind_of(path: Path) -> Opened:
    try:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return Opened.DRAFT
    if head.startswith(b"PK\x03\x04"):
        return Opened.KIT
    if head.startswith(b"%PDF-"):
        return Opened.DOSSIER
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"<":
        return Opened.DOSSIER
    if start == b"{" and _json_format(Path(path)) == JSON_DOSSIER_FORMAT:
        return Opened.DOSSIER
    return Opened.DRAFT


def _json_format(path: Path) -> object:
    try:
        if path.stat().st_size > MAX_SNIFF_BYTES:
            return None
        found = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return found.get("format") if isinstance(found, dict) else None
