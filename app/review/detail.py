"""One dossier shown in full to a reviewer: the draft inside as the applicant's answers and result
(the one result document, built with the pack, or kit, version the draft records, as its review
classified it; today's version when that one is not installed), for a draft that targets several
jurisdictions each one's result and the crosswalk among them, the documents added and those
its kit requires that are missing, and its
signature (who, when they say they signed, trusted or not, changed after signing or not).

The file is read again, and checked to be the one reviewed: a file changed since its review is
not shown under that review's verdict. Like a review, it never raises for a bad file: what cannot
be shown is a one-line `problem`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from app.dossier.attachment import fingerprint
from app.dossier.export import DossierError, open_dossier
from app.dossier.signature import UNSIGNED, SignatureCheck, check_signature
from app.dossier.targets import targets_of
from app.results.composed import draft_for
from app.results.crosswalk import CrosswalkReport
from app.results.document import ResultDocument, result_document
from app.review.dossier_review import NOT_CHECKED, UNREADABLE_SIGNATURE, DossierReview
from app.kits.kit import Kit
from app.review.shelf import PackShelf
from app.storage.drafts import Draft, DraftError, parse_draft
from catalogue import table, tr
from forms.schema import Pack
from risk_tiers.classify import classify

TEXT = table("review.shown")


@dataclass(frozen=True)
class AttachedDocument:
    """A document the applicant added to the draft, as the draft names it."""

    name: str
    size: int
    sha256: str
    kind: str  # which document of the kit it is, by the kit's name for it ("" for another)


@dataclass(frozen=True)
class DossierDetail:
    review: DossierReview
    draft: Draft | None = None
    # The answers and the result in words, with the pack the draft records (see `pack_version`).
    document: ResultDocument | None = None
    attachments: tuple[AttachedDocument, ...] = ()  # the documents the applicant added
    missing: tuple[str, ...] = ()  # the names of the documents the kit requires that were not added
    signature: SignatureCheck | None = None
    signature_problem: str = ""  # why a signature could not be checked
    problem: str = ""            # why the answers cannot be shown
    # For a draft that targets several jurisdictions: each one's result, its own pack's first (as
    # `document`), and the evidence one can reuse for another; why not, when they cannot be shown.
    jurisdictions: tuple[ResultDocument, ...] = ()
    crosswalk: CrosswalkReport | None = None
    jurisdictions_problem: str = ""


def read_detail(path: Path, review: DossierReview, shelf: PackShelf, trust_roots: Sequence[bytes] = ()) -> DossierDetail:
    """`review`'s file at `path` in full."""
    signature, signature_problem = _signature(path, review, trust_roots)
    detail = DossierDetail(review, signature=signature, signature_problem=signature_problem)
    if not review.draft_id:  # no draft inside: the review's status says why
        return detail
    try:
        contents = open_dossier(path)
    except DossierError as error:
        return _with(detail, problem=str(error))
    if fingerprint(contents.data) != review.fingerprint:
        return _with(detail, problem=TEXT["changed_since"].format(path=review.file))
    try:
        draft = parse_draft(contents.data.decode("utf-8"), tr("dossier.cli.draft_inside", path=review.file))
    except (UnicodeDecodeError, DraftError) as error:
        return _with(detail, problem=str(error))
    pack, kit = _ruling(draft, shelf)
    detail = _with(detail, draft=draft, attachments=_attachments(draft, kit),
                   missing=tuple(_title(kit, kind) for kind in review.missing_attachments))
    if pack is None:
        return _with(detail, problem=review.message or TEXT["no_pack"].format(pack=draft.lock.pack.id,
                                                                               version=draft.lock.pack.version))
    try:
        # Several jurisdictions: composed once (the shelf keeps what the review composed), the own
        # result reading the shared facts' answers under its questions.
        asked = shelf.questionnaire(pack, draft.jurisdictions)
        own = draft_for(asked, pack, draft)
        document = result_document(pack, own, classify(pack, own.values()), whole=draft)
        _ = document.sections, document.completeness  # worked out here, off the view's thread
    except Exception as error:  # noqa: BLE001 - one dossier's failure must not stop the view
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return _with(detail, problem=tr("review.detail.recompute_failed", reason=reason))
    return _with(_jurisdictions(detail, draft, shelf, asked), document=document)


def _jurisdictions(detail: DossierDetail, draft: Draft, shelf: PackShelf, asked) -> DossierDetail:
    """For a draft that targets several jurisdictions (`asked`: their questionnaire, from `shelf`):
    each one's result and the crosswalk among them, as its dossier's part of the jurisdictions
    shows them (app/dossier/targets.py); when they cannot be worked out (a pack not here), why, in
    one line."""
    if len(draft.jurisdictions) < 2:
        return detail
    missing = shelf.missing(draft.jurisdictions)
    if missing:
        first = missing[0]
        problem = tr("dossier.error.unknown_jurisdiction", id=first) if isinstance(first, str) else first.error
        return _with(detail, jurisdictions_problem=problem)
    if asked is None:
        return detail
    try:
        found = targets_of(draft, asked)
    except Exception as error:  # noqa: BLE001 - the first jurisdiction's result is still shown
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return _with(detail, jurisdictions_problem=tr("review.detail.recompute_failed", reason=reason))
    for document in found.documents:
        _ = document.sections, document.completeness  # off the view's thread, as the first
    return _with(detail, jurisdictions=found.documents, crosswalk=found.crosswalk)


def _with(detail: DossierDetail, **changes) -> DossierDetail:
    return replace(detail, **changes)


def _signature(path: Path, review: DossierReview, trust_roots: Sequence[bytes]) -> tuple[SignatureCheck | None, str]:
    if review.signature in (UNSIGNED, NOT_CHECKED, UNREADABLE_SIGNATURE):
        return None, ""
    try:
        return check_signature(path, trust_roots), ""
    except (DossierError, OSError) as error:
        return None, str(error)


def _ruling(draft: Draft, shelf: PackShelf) -> tuple[Pack | None, Kit | None]:
    """The pack the review classified the draft with (app/review/dossier_review.py): the kit it
    records, installed as a pack of its own or seen by this application and composed over its
    pack, else the pack version it records, else today's version of its pack; and the kit seen,
    for the names of its documents. (None, None) when none can be loaded."""
    made, kit = draft.lock.pack, draft.lock.kit
    if kit is not None:
        found = shelf.version(kit.id, kit.version)
        if found is not None and found.pack is not None:
            return found.pack, None
        worn = shelf.kit(kit)
        if worn is not None:
            return worn.pack, worn
    for found in (shelf.version(made.id, made.version), shelf.today(made.id)):
        if found is not None and found.pack is not None:
            return found.pack, None
    return None, None


def _attachments(draft: Draft, kit: Kit | None) -> tuple[AttachedDocument, ...]:
    return tuple(AttachedDocument(a.name, a.size, a.sha256, _title(kit, a.kind)) for a in draft.attachments)


def _title(kit: Kit | None, kind: str) -> str:
    """The kit's name of a document (the id when the kit is not at hand; "" for another document)."""
    found = kit.attachment(kind) if kit is not None and kind else None
    return found.title if found is not None else kind
