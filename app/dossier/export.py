"""Build the dossier PDF for a draft: content from the core's assessment, the draft's JSON
attached inside, and the same bytes for the same draft (timestamps come from the draft).

`export_dossier` runs in a worker thread of the wizard too: it never touches Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from app.dossier.attachment import ATTACHMENT, FINGERPRINT_KEY, fingerprint
from app.dossier.authority import Branding, Enclosure, Extras
from app.dossier.result_record import RESULT_KEY, ResultRecord
from app.dossier.targets import TargetError, targets
from app.dossier.texts import ERRORS, TEXT
from app.kits.kit import Kit
from app.results.composed import primary_draft
from app.results.document import result_document
from app.storage.attachments import AttachmentError, read_attached
from app.storage.drafts import MAX_DRAFT_BYTES, Draft, replace_with_temporary, temporary_beside
from forms.schema import Pack
from risk_tiers.classify import classify


# A dossier is a few hundred kilobytes; a file far larger is not read into memory to find out.
MAX_DOSSIER_BYTES = 200 * 1024 * 1024


class DossierError(Exception):
    """A dossier that cannot be written or read; the message is one line. `reason` is the id of
    the message (`dossier.error.<reason>`: not_pdf, damaged, too_big, no_data, changed ...), so a
    reviewer's table can say which it was without reading the words."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


def _error(message_id: str, **fields) -> DossierError:
    return DossierError(ERRORS[message_id].format(**fields), message_id)


def export_dossier(draft: Draft, pack: Pack, out_path: Path, progress: Callable[[float], None] | None = None,
                   kit: Kit | None = None) -> None:
    """Write the dossier for `draft` to `out_path`, atomically; raise DossierError on failure."""
    report = progress or (lambda fraction: None)
    write_file(Path(out_path), build_dossier(draft, pack, report, kit))
    report(1.0)


def build_dossier(draft: Draft, pack: Pack, progress: Callable[[float], None] | None = None,
                  kit: Kit | None = None, today: dt.date | None = None) -> bytes:
    """The dossier's bytes for `draft`; raise DossierError (one line) when it cannot be built. With
    the `kit` worn, the dossier carries the authority's name and logo; the documents added to the
    draft are attached inside it (a document no longer kept is an error: nothing is left out silently)."""
    report = progress or (lambda fraction: None)
    data = draft.to_json().encode("utf-8")
    extras = extras_for(draft, kit, today or dt.date.today(), pack)
    report(0.05)
    try:
        return build_pdf(draft, pack, data, report, extras)
    except DossierError:
        raise
    except Exception as error:  # a layout failure must reach the user as one line, not a traceback
        raise _error("build", reason=str(error).splitlines()[0] if str(error) else type(error).__name__) from None


def extras_for(draft: Draft, kit: Kit | None, today: dt.date, pack: Pack | None = None) -> Extras:
    """The kit's branding and the draft's documents, read back from the copies kept; with `pack`, the
    draft's own, the other jurisdictions it targets."""
    try:
        targeted = targets(draft, pack) if pack is not None else None
    except TargetError as error:
        raise DossierError(str(error), "unknown_jurisdiction") from None
    enclosures, names = [], {ATTACHMENT}
    for attached in draft.attachments:
        try:
            content = read_attached(attached)
        except AttachmentError as error:
            raise DossierError(str(error)) from None
        spec = kit.attachment(attached.kind) if kit is not None and attached.kind else None
        title = spec.title if spec is not None else TEXT["other_document"]
        enclosures.append(Enclosure(title, _unique(attached.name, names), attached.size, attached.sha256, content))
    if kit is None:
        return Extras(enclosures=tuple(enclosures), targets=targeted)
    manifest = kit.manifest
    days = manifest.days_left(today)
    branding = Branding(manifest.authority.name, manifest.sandbox.name, manifest.sandbox.call,
                        f"{manifest.id} {manifest.version}", manifest.sandbox.deadline, days is not None and days < 0,
                        kit.logo)
    missing = tuple(a.title for a in kit.missing_attachments({a.kind for a in draft.attachments}))
    return Extras(branding, tuple(enclosures), missing, targeted)


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or "name (2).ext" ... when a document of that name is attached already."""
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if stem else (name, "")
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    taken.add(candidate)
    return candidate


def build_pdf(draft: Draft, pack: Pack, data: bytes, report: Callable[[float], None],
              extras: Extras = Extras()) -> bytes:
    # These import reportlab: only a dossier being built loads it, not the command line or the wizard.
    from app.dossier import content, layout
    from app.dossier.typeset import printable

    own = primary_draft(draft, pack)  # several jurisdictions: the shared facts' answers under the pack's questions
    assessment = classify(pack, own.values(), own.notes())
    document = result_document(pack, own, assessment, whole=draft)
    report(0.15)
    layout.prepare()
    digest = fingerprint(data)
    system = document.system
    title = TEXT["pdf_title"].format(title=TEXT["title"], system=system) if system else TEXT["title"]
    meta = {"title": printable(title), "author": printable(document.applicant),
            "subject": TEXT["subject"].format(tier=document.headline.title),
            "keywords": TEXT["keywords"].format(pack=f"{pack.id} {pack.version}")}
    meta["result"] = result_record(draft, assessment).to_text()
    flowables = content.story(document, digest, extras)
    report(0.3)
    pdf = layout.render(flowables, meta, digest, draft.modified, data, extras)
    report(0.95)
    return pdf


def result_record(draft: Draft, assessment) -> ResultRecord:
    """What the dossier prints as its result, for a program to read back (app/dossier/result_record.py)."""
    kit = draft.lock.kit
    return ResultRecord.of(assessment, kit.id if kit else "", kit.version if kit else "")


def write_file(path: Path, pdf: bytes) -> None:
    try:
        handle, temporary = temporary_beside(path)
        replace_with_temporary(handle, temporary, path, pdf, 0o644)
    except OSError as error:
        raise _error("no_write", path=path, reason=error.strerror or error) from None


@dataclass(frozen=True)
class DossierContents:
    """What a dossier holds, read but not yet checked: the draft's JSON attached, the fingerprint
    in its metadata ("" when missing) and whether its last page shows it, its subject (the
    headline printed) and the machine-readable result ("" in dossiers made before it existed)."""

    data: bytes
    printed_fingerprint: str
    pages_show: bool
    subject: str
    result: str


def read_dossier(path: Path) -> bytes:
    """The draft JSON inside a dossier, after checking it against the printed fingerprint."""
    return checked_data(open_dossier(path), path)


def checked_data(contents: DossierContents, path: Path) -> bytes:
    """The draft's JSON, when it matches the fingerprint printed; else DossierError."""
    if not contents.printed_fingerprint:
        raise _error("no_fingerprint", path=path)
    if fingerprint(contents.data) != contents.printed_fingerprint or not contents.pages_show:
        raise _error("changed", path=path)
    return contents.data


def open_dossier(path: Path) -> DossierContents:
    """Read a dossier without trusting it: DossierError (with its reason) when it is no PDF, a
    damaged one, far too large, holds no draft, or a draft that would inflate beyond a draft's size."""
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        with open(path, "rb") as stream:
            if stream.read(5) != b"%PDF-":
                raise _error("not_pdf", path=path)
        if Path(path).stat().st_size > MAX_DOSSIER_BYTES:
            raise _error("too_big", path=path, size=MAX_DOSSIER_BYTES // (1024 * 1024))
        with _quiet_and_bounded():
            return _contents(path)
    except FileNotFoundError:
        raise _error("no_read", path=path, reason=ERRORS["no_such_file"]) from None
    except OSError as error:
        raise _error("no_read", path=path, reason=error.strerror or error) from None
    except LimitReachedError:  # a decompression bomb: far more data inside than a draft can be
        raise _error("inflates", path=path, size=MAX_DRAFT_BYTES // (1024 * 1024)) from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise _error("damaged", path=path) from None


def _contents(path: Path) -> DossierContents:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    metadata = reader.metadata or {}
    found = reader.attachments.get(ATTACHMENT)
    if not found:
        raise _error("no_data", path=path)
    data = found[0]
    if len(data) > MAX_DRAFT_BYTES:  # an older pypdf bounds inflating less tightly
        raise _error("inflates", path=path, size=MAX_DRAFT_BYTES // (1024 * 1024))
    printed = str(metadata.get(FINGERPRINT_KEY, ""))
    return DossierContents(data=data, printed_fingerprint=printed, pages_show=bool(printed) and _pages_show(reader, printed),
                           subject=str(metadata.get("/Subject", "")), result=str(metadata.get(RESULT_KEY, "")))


@contextmanager
def _quiet_and_bounded() -> Iterator[None]:
    """pypdf's warnings and log lines would break a one-line error (and a hostile file can cause
    many); and no stream is inflated much beyond the largest draft, which is all we read."""
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    bound = getattr(pypdf, "apply_configuration", None)  # pypdf 7; older ones keep their own limit (75 MB)
    limits = bound(zlib_maximum_output_length=MAX_DRAFT_BYTES + 1) if bound else _nothing()
    with warnings.catch_warnings(), limits:
        warnings.simplefilter("ignore")
        yield


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def _pages_show(reader, digest: str) -> bool:
    """The fingerprint printed on the last page (in its footer) matches the metadata's.

    Our dossiers print it in plain ASCII codes (reportlab keeps those of its first font subset), so
    it is first looked for in the page's drawing instructions: a tenth of the time text extraction
    takes, which decodes every font of the page. Anything else is judged by the text extracted."""
    if digest.encode("ascii") in _last_page_drawing(reader):
        return True
    text = reader.pages[-1].extract_text() or ""
    return digest in text.replace("\n", "").replace(" ", "")


def _last_page_drawing(reader) -> bytes:
    """The last page's drawing instructions, found down the page tree's last branches (pypdf's
    list of pages would first lay out every page); b"" when the tree is not as expected."""
    node = reader.trailer["/Root"]["/Pages"].get_object()
    for _ in range(32):  # a page tree is a few levels deep; a loop in a hostile one ends here
        kids = node.get("/Kids")
        if node.get("/Type") == "/Page" or not kids:
            break
        node = kids[-1].get_object()
    if node.get("/Type") != "/Page" or "/Contents" not in node:
        return b""
    contents = node["/Contents"].get_object()
    streams = contents if isinstance(contents, list) else [contents]
    return b"\n".join(stream.get_object().get_data() for stream in streams)
