"""Build the dossier PDF for a draft: content from the core's assessment, the draft's JSON
attached inside, and the same bytes for the same draft (timestamps come from the draft).

`export_dossier` runs in a worker thread of the wizard too: it never touches Qt.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from app.dossier.attachment import ATTACHMENT, FINGERPRINT_KEY, fingerprint
from app.dossier.texts import ERRORS, TEXT
from app.results.document import result_document
from app.storage.drafts import Draft, replace_with_temporary, temporary_beside
from forms.schema import Pack
from risk_tiers.classify import classify


class DossierError(Exception):
    """A dossier that cannot be written or read; the message is one line."""


def export_dossier(draft: Draft, pack: Pack, out_path: Path, progress: Callable[[float], None] | None = None) -> None:
    """Write the dossier for `draft` to `out_path`, atomically; raise DossierError on failure."""
    report = progress or (lambda fraction: None)
    write_file(Path(out_path), build_dossier(draft, pack, report))
    report(1.0)


def build_dossier(draft: Draft, pack: Pack, progress: Callable[[float], None] | None = None) -> bytes:
    """The dossier's bytes for `draft`; raise DossierError (one line) when it cannot be built."""
    report = progress or (lambda fraction: None)
    data = draft.to_json().encode("utf-8")
    report(0.05)
    try:
        return build_pdf(draft, pack, data, report)
    except DossierError:
        raise
    except Exception as error:  # a layout failure must reach the user as one line, not a traceback
        raise DossierError(ERRORS["build"].format(reason=str(error).splitlines()[0] if str(error) else type(error).__name__)) from None


def build_pdf(draft: Draft, pack: Pack, data: bytes, report: Callable[[float], None]) -> bytes:
    # These import reportlab: only a dossier being built loads it, not the command line or the wizard.
    from app.dossier import content, layout
    from app.dossier.typeset import printable

    document = result_document(pack, draft, classify(pack, draft.values(), draft.notes()))
    report(0.15)
    layout.prepare()
    digest = fingerprint(data)
    system = document.system
    title = TEXT["pdf_title"].format(title=TEXT["title"], system=system) if system else TEXT["title"]
    meta = {"title": printable(title), "author": printable(document.applicant),
            "subject": TEXT["subject"].format(tier=document.headline.title),
            "keywords": TEXT["keywords"].format(pack=f"{pack.id} {pack.version}")}
    flowables = content.story(document, digest)
    report(0.3)
    pdf = layout.render(flowables, meta, digest, draft.modified, data)
    report(0.95)
    return pdf


def write_file(path: Path, pdf: bytes) -> None:
    try:
        handle, temporary = temporary_beside(path)
        replace_with_temporary(handle, temporary, path, pdf, 0o644)
    except OSError as error:
        raise DossierError(ERRORS["no_write"].format(path=path, reason=error.strerror or error)) from None


def read_dossier(path: Path) -> bytes:
    """The draft JSON inside a dossier, after checking it against the printed fingerprint."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with open(path, "rb") as stream:
            if stream.read(5) != b"%PDF-":
                raise DossierError(ERRORS["not_pdf"].format(path=path))
        logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings would break the one-line error
        reader = PdfReader(str(path))
        attachments = reader.attachments
        printed = str((reader.metadata or {}).get(FINGERPRINT_KEY, ""))
    except FileNotFoundError:
        raise DossierError(ERRORS["no_read"].format(path=path, reason=ERRORS["no_such_file"])) from None
    except OSError as error:
        raise DossierError(ERRORS["no_read"].format(path=path, reason=error.strerror or error)) from None
    except (PyPdfError, ValueError, KeyError, TypeError):
        raise DossierError(ERRORS["not_pdf"].format(path=path)) from None
    if ATTACHMENT not in attachments:
        raise DossierError(ERRORS["no_data"].format(path=path))
    data = attachments[ATTACHMENT][0]
    if not printed:
        raise DossierError(ERRORS["no_fingerprint"].format(path=path))
    if fingerprint(data) != printed or not _pages_show(reader, printed):
        raise DossierError(ERRORS["changed"].format(path=path))
    return data


def _pages_show(reader, digest: str) -> bool:
    """The fingerprint printed on the last page (the declaration) matches the metadata's."""
    text = reader.pages[-1].extract_text() or ""
    return digest in text.replace("\n", "").replace(" ", "")
