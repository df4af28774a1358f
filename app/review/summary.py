"""A review as one row of the summary: the columns `review --csv` writes (and `--json`), with
typed values; the words for people (outcome labels, differences) are the command line's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.review.dossier_review import DossierReview

COLUMNS = ("file", "applicant", "system", "kit", "tier", "recomputed_tier", "could_be", "jurisdictions", "open_points",
           "complete", "fingerprint_valid", "signature", "status")


def summary_row(review: DossierReview) -> dict[str, Any]:
    """`tier` is the result printed in the dossier (an older dossier's headline, as printed);
    `recomputed_tier` the draft's answers classified with the pack version it records; `could_be`,
    `open_points` and `complete` are of the result the reviewer goes by (that one, else today's);
    `jurisdictions` each other jurisdiction the draft targets as "pack:outcome", space-separated
    (`--json`'s details give them whole)."""
    current = review.current
    return {
        "file": review.file,
        "applicant": review.applicant,
        "system": review.system,
        "kit": f"{review.kit_id} {review.kit_version}" if review.kit_id else "",
        "tier": review.printed.primary.outcome if review.printed else review.printed_headline,
        "recomputed_tier": review.recomputed.primary.outcome if review.recomputed else "",
        "could_be": " ".join(current.primary.could_be) if current else "",
        "jurisdictions": " ".join(f"{r.pack_id}:{r.primary.outcome}" for r in review.jurisdictions),
        "open_points": current.open_points if current else None,
        "complete": review.complete,
        "fingerprint_valid": review.fingerprint_valid,
        "signature": review.signature,
        "status": review.status.value,
    }


def details(review: DossierReview) -> dict[str, Any]:
    """What `--json` adds to a row: why (a status's message), the fingerprint, the pack, today's
    result when it is another, and every difference found."""
    return {
        "message": review.message,
        "fingerprint": review.fingerprint or None,
        "pack": {"id": review.pack_id, "version": review.pack_version} if review.pack_id else None,
        "printed_result_readable": review.printed is not None,
        "today": ({"pack_version": review.today.pack_version, "tier": review.today.primary.outcome,
                   "could_be": list(review.today.primary.could_be), "open_points": review.today.open_points}
                  if review.today else None),
        "required": review.required,
        "given": review.given,
        "missing_attachments": list(review.missing_attachments),
        "differences": [d.to_json() for d in review.differences],
        "jurisdictions": [{"pack": {"id": r.pack_id, "version": r.pack_version}, "tier": r.primary.outcome,
                           "could_be": list(r.primary.could_be), "open_points": r.open_points}
                          for r in review.jurisdictions],
    }


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
