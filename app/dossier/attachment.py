"""The draft inside a dossier: the name it is attached under, and the fingerprint (its SHA-256)
printed on the pages and kept in the PDF's metadata, which shows it unchanged when it is read back.

Both the writing (layout.py, with reportlab) and the reading (export.py, with pypdf) use these, so
they live apart from either: reading a dossier needs no reportlab, and neither side imports the other.
"""

from __future__ import annotations

import hashlib

ATTACHMENT = "draft.json"
FINGERPRINT_KEY = "/SandboxKitFingerprint"  # a PDF name: reportlab writes it without the slash


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
