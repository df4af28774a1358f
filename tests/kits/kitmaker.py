"""Kits made in the tests, from bytes: a small valid kit, and the same with one thing changed."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

MANIFEST = """\
format: 1
id: test.kit
version: "1.0"
extends: {id: eu_ai_act, version: ">=1.0,<2"}
languages: [en]
authority: {name: "Test Authority"}
sandbox: {name: "Test Sandbox", deadline: 2027-03-31, cohort: {start: 2027-06-01, end: 2027-12-31}}
intro: intro.txt
privacy: privacy.txt
overlay: overlay.yaml
attachments:
  - {id: plan, title: "Test plan", required: true, types: [pdf]}
  - {id: extra, title: "Anything else"}
"""
OVERLAY = """\
sections:
  - id: test
    title: "Test section"
    questions:
      - {id: test.sector, kind: single_choice, text: "Sector?", options: [{id: a, label: A}, {id: b, label: B}]}
gaps:
  - {id: test.no_sector, text: "Name the sector.", refs: [aiact.art58.2], when: {q: test.sector, answered: false}}
"""
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123456"/></svg>'


def png(width: int = 4, height: int = 4) -> bytes:
    """A PNG's signature and header chunk (enough for the checks, which decode nothing)."""
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + header
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
            + b"\x00\x00\x00\x00IEND\xaeB`\x82")


def entries(**changes: bytes | str | None) -> dict[str, bytes | str]:
    """The valid kit's files by name; a change replaces a file, None removes it. Names with
    slashes: pass a dict to `kit_bytes` instead."""
    files: dict[str, bytes | str] = {"kit.yaml": MANIFEST, "intro.txt": "Welcome.", "privacy.txt": "Your data.",
                                     "overlay.yaml": OVERLAY}
    for name, value in changes.items():
        name = name.replace("__", ".")
        if value is None:
            files.pop(name, None)
        else:
            files[name] = value
    return files


def kit_bytes(files: dict[str, bytes | str], links: dict[str, str] | None = None,
              method: int = zipfile.ZIP_DEFLATED) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data, compress_type=method)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return stream.getvalue()


def write_kit(folder: Path, files: dict[str, bytes | str] | None = None, name: str = "test.sandboxkit", **kw) -> Path:
    path = Path(folder) / name
    path.write_bytes(kit_bytes(files if files is not None else entries(), **kw))
    return path
