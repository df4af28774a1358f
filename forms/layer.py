"""A pack as read from its files, before it is validated whole, and the error a broken one gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What a pack that extends another may set of its own at the top of its manifest; the rest
# (tracks, headlines, roles) is the base pack's, so an overlay cannot change how results are formed.
OVERLAY_FIELDS = frozenset({"id", "version", "title", "short_title", "law_current_to", "law_note", "applicant_name_question",
                            "system_name_question"})


class PackError(Exception):
    """A pack that cannot be used. The message is one line."""


@dataclass
class Layer:
    """A pack read from its folder, with the packs it extends folded in, not yet validated whole."""

    manifest: Path
    fields: dict[str, Any]
    lists: dict[str, list[Any]]
    # Where each item came from, by (kind, id): ids of different kinds may be alike.
    origin: dict[tuple[str, str], Path] = field(default_factory=dict)
