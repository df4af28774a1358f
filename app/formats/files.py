"""Writing a dossier in the format chosen, and reading the draft back out of a dossier of any format.

Every exporter has the face of the PDF's (app/dossier/export.py): `(draft, pack, out_path,
progress=None, kit=None)`, writes atomically, raises DossierError with one line. With a kit or
documents added, the page and the data list the documents (they are not inside them, as they are
inside the PDF) and carry the kit's names; a document whose kept copy is gone stops them as it stops
the PDF. They run in the wizard's
worker thread too: nothing here touches Qt. The PDF's code (reportlab) loads only when a PDF is
written, pypdf only when one is read.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Callable

from app.dossier.attachment import fingerprint
from app.dossier.authority import Extras
from app.dossier.export import DossierError, extras_for, write_file
from app.dossier.texts import ERRORS
from app.formats import data as dossier_json, embedded, html
from app.formats.choice import HTML, JSON, PDF
from app.formats.markup import language_tag
from app.kits.kit import Kit
from app.results.composed import primary_draft
from app.results.document import ResultDocument, result_document
from app.storage.drafts import Draft
from forms.schema import Pack
from risk_tiers.classify import classify

Exporter = Callable[..., None]
# A dossier read back is at most this big: the draft's own limit, four times over for the pages
# written around it.
MAX_DOSSIER_BYTES = 80 * 1024 * 1024


def exporter(chosen: str) -> Exporter:
    """The function that writes a dossier in the format `chosen` (one of choice.FORMATS)."""
    if chosen == PDF:
        from app.dossier.export import export_dossier

        return export_dossier
    return {HTML: export_html, JSON: export_json}[chosen]


def export_html(draft: Draft, pack: Pack, out_path: Path, progress: Callable[[float], None] | None = None,
                kit: Kit | None = None) -> None:
    """Write the dossier for `draft` as one HTML page to `out_path`."""
    _export(draft, pack, out_path, html_page, progress, kit)


def export_json(draft: Draft, pack: Pack, out_path: Path, progress: Callable[[float], None] | None = None,
                kit: Kit | None = None) -> None:
    """Write the dossier for `draft` as data (app/formats/data.py) to `out_path`."""
    _export(draft, pack, out_path, json_text, progress, kit)


def html_page(document: ResultDocument, draft: Draft, data: str, extras: Extras) -> str:
    return html.page(document, data, fingerprint(data.encode("utf-8")), extras)


def json_text(document: ResultDocument, draft: Draft, data: str, extras: Extras) -> str:
    found = dossier_json.dossier_data(document, draft, language_tag(), fingerprint(data.encode("utf-8")), extras)
    return json.dumps(dossier_json.dumped(found), ensure_ascii=False, indent=2) + "\n"


def _export(draft: Draft, pack: Pack, out_path: Path, render: Callable[[ResultDocument, Draft, str, Extras], str],
            progress: Callable[[float], None] | None, kit: Kit | None) -> None:
    report = progress or (lambda fraction: None)
    data = draft.to_json()
    extras = extras_for(draft, kit, dt.date.today(), pack)  # the kit's names, the documents (a copy gone: DossierError)
    report(0.05)
    try:
        own = primary_draft(draft, pack)  # several jurisdictions: the shared facts' answers under the pack's questions
        document = result_document(pack, own, classify(pack, own.values(), own.notes()), whole=draft)
        content = render(document, draft, data, extras)
    except Exception as error:  # as for the PDF: a failure reaches the user as one line, not a traceback
        raise DossierError(ERRORS["build"].format(reason=str(error).splitlines()[0] if str(error)
                                                  else type(error).__name__)) from None
    write_file(Path(out_path), content.encode("utf-8"))
    report(1.0)


def read_draft_data(path: Path) -> bytes:
    """The draft inside a dossier of any format (PDF, HTML, JSON), as its file holds it, after
    checking it against the fingerprint the dossier states; DossierError when it cannot."""
    path = Path(path)
    head = _head(path)
    if head.startswith(b"%PDF-"):
        from app.dossier.export import read_dossier

        return read_dossier(path)
    text = _text(path)
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start == "<":
        return _from_html(path, text)
    if start == "{":
        return _from_json(path, text)
    raise DossierError(ERRORS["not_dossier"].format(path=path))


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read(5)
    except FileNotFoundError:
        raise DossierError(ERRORS["no_read"].format(path=path, reason=ERRORS["no_such_file"])) from None
    except OSError as error:
        raise DossierError(ERRORS["no_read"].format(path=path, reason=error.strerror or error)) from None


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_DOSSIER_BYTES:
            raise DossierError(ERRORS["not_dossier"].format(path=path))
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise DossierError(ERRORS["not_dossier"].format(path=path)) from None
    except OSError as error:
        raise DossierError(ERRORS["no_read"].format(path=path, reason=error.strerror or error)) from None


def _from_html(path: Path, text: str) -> bytes:
    found = embedded.read_page(text)
    if found.data is None:
        raise DossierError(ERRORS["no_data"].format(path=path))
    if not found.meta:
        raise DossierError(ERRORS["no_fingerprint"].format(path=path))
    try:
        data = embedded.draft_bytes(json.loads(found.data))
    except ValueError:  # a data block that is not JSON was changed after it was made
        raise DossierError(ERRORS["changed"].format(path=path)) from None
    if fingerprint(data) != found.meta or not found.printed or any(p != found.meta for p in found.printed):
        raise DossierError(ERRORS["changed"].format(path=path))
    return data


def _from_json(path: Path, text: str) -> bytes:
    try:
        found = json.loads(text)
    except ValueError:
        raise DossierError(ERRORS["not_dossier"].format(path=path)) from None
    if not isinstance(found, dict) or found.get("format") != dossier_json.FORMAT:
        raise DossierError(ERRORS["not_dossier"].format(path=path))
    if found.get("version") not in dossier_json.READS:
        raise DossierError(ERRORS["json_version"].format(path=path, version=found.get("version"),
                                                         oldest=min(dossier_json.READS), newest=max(dossier_json.READS)))
    if not isinstance(found.get("draft"), dict):
        raise DossierError(ERRORS["no_data"].format(path=path))
    if not isinstance(found.get("fingerprint"), str) or not found["fingerprint"]:
        raise DossierError(ERRORS["no_fingerprint"].format(path=path))
    data = embedded.draft_bytes(found["draft"])
    if fingerprint(data) != found["fingerprint"]:
        raise DossierError(ERRORS["changed"].format(path=path))
    return data

