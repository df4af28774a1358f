"""What a dossier made with an authority's kit carries besides the result: the authority's name,
sandbox, call, deadline and logo (its cover and page headers), and the documents attached; and for
a draft that targets several jurisdictions, each one's result and the crosswalk among them.

Plain data, built in export.py from the kit and the draft; content.py prints it and layout.py draws
the headers and embeds the documents. No reportlab here, so both may read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dossier.targets import Targets


@dataclass(frozen=True)
class Branding:
    authority: str
    sandbox: str
    call: str
    kit: str  # the kit's id and version
    deadline: dt.date | None
    closed: bool  # the deadline has passed
    logo: tuple[str, bytes] | None  # ("png" or "svg", its bytes), as the kit holds it


@dataclass(frozen=True)
class Enclosure:
    """A document attached: the kit's title for it (or "another document"), the name it has inside
    the PDF (unique there), its size and SHA-256, and its bytes."""

    title: str
    name: str
    size: int
    sha256: str
    data: bytes


@dataclass(frozen=True)
class Extras:
    branding: Branding | None = None
    enclosures: tuple[Enclosure, ...] = ()
    # The titles of the documents the kit requires that are not attached.
    missing: tuple[str, ...] = ()
    # The jurisdictions the draft targets, when more than its own pack (app/dossier/targets.py).
    targets: Targets | None = None
