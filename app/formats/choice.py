"""The formats a dossier is written in, and which one a file's name asks for.

Light to import (no format's code): the command line's parser and the wizard's save dialog read it
before any dossier is built.
"""

from __future__ import annotations

from pathlib import Path

PDF, HTML, JSON = "pdf", "html", "json"
FORMATS = (PDF, HTML, JSON)
DEFAULT = PDF
# The extension each format's files are given, and every extension taken to name a format.
SUFFIXES = {PDF: ".pdf", HTML: ".html", JSON: ".json"}
EXTENSIONS = {".pdf": PDF, ".html": HTML, ".htm": HTML, ".json": JSON}
# The `format` a JSON dossier states (app/formats/data.py writes it; a file manager's MIME type reads it).
JSON_DOSSIER_FORMAT = "sandbox-kit-dossier"


def named_format(path: Path) -> str | None:
    """The format `path`'s extension names, or None when it names none (or has none)."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def with_suffix(path: Path, chosen: str) -> Path:
    """`path` as a file of format `chosen`: its extension added when it has none of that format."""
    path = Path(path)
    return path if named_format(path) == chosen else path.with_name(path.name + SUFFIXES[chosen])


def target(path: Path, offered: str) -> tuple[Path, str]:
    """The file and format a save dialog's answer asks for: the format its name's extension says,
    else `offered` (the file type chosen in the dialog), its extension then added to the name."""
    named = named_format(path)
    return (Path(path), named) if named else (with_suffix(path, offered), offered)
