"""The reviewer's table, without Qt: one row per file reviewed, with what the register adds to a
dossier (when it was received, its review status), how serious its status is, and how a row is
searched and sorted. The view (app/qt/reviewer_table.py) shows these rows and words them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterable

from app.review.dossier_review import DossierReview, Status
from app.review.register import REVIEW_STATUSES

# The columns, in the order shown: the status, what a reviewer reads first, beside the file.
# "jurisdictions": the result under each other jurisdiction a draft targets.
COLUMNS = ("file", "status", "applicant", "system", "kit", "tier", "recomputed_tier", "could_be", "jurisdictions",
           "open_points", "complete", "fingerprint", "signature", "received", "review_status")


class Severity(str, Enum):
    """How much a status asks of the reviewer: nothing, a look, or not to trust the file as it is."""

    OK = "ok"
    NOTE = "note"        # the file holds, but something is worth knowing (today's pack differs, ...)
    PROBLEM = "problem"  # not a dossier, changed, or its printed result does not hold


_NOTES = {Status.TODAY_DIFFERS, Status.PRINTED_UNREADABLE, Status.KIT_MISSING, Status.VERSION_MISSING,
          Status.NEWER_PACK}
_ORDER = {status: index for index, status in enumerate(Status)}  # most serious first


def severity(status: Status) -> Severity:
    if status is Status.OK:
        return Severity.OK
    return Severity.NOTE if status in _NOTES else Severity.PROBLEM


@dataclass(frozen=True)
class ReviewRow:
    review: DossierReview
    received: str = ""       # when the register first had the dossier (ISO 8601, UTC); "" when it has none
    review_status: str = ""  # one of REVIEW_STATUSES; "" for a file the register keeps no dossier of

    @property
    def fingerprint(self) -> str:
        """The dossier's key in the register; "" for a file with no draft inside."""
        return self.review.fingerprint if self.review.draft_id else ""

    @property
    def severity(self) -> Severity:
        return severity(self.review.status)


def rows_of(reviews: Iterable[DossierReview], dossiers: dict[str, dict[str, Any]]) -> list[ReviewRow]:
    """The rows of `reviews`, with what the register's rows of their dossiers (by fingerprint) add."""
    rows = []
    for review in reviews:
        found = dossiers.get(review.fingerprint) if review.draft_id else None
        rows.append(ReviewRow(review, found["received"], found["review_status"]) if found else ReviewRow(review))
    return rows


def matches(texts: Iterable[str], search: str) -> bool:
    """True when every word of `search` is found in one of `texts`, whatever the case."""
    words = search.casefold().split()
    if not words:
        return True
    haystack = "\n".join(text.casefold() for text in texts)
    return all(word in haystack for word in words)


def sort_value(row: ReviewRow, column: str) -> Any:
    """What a column sorts by when its words would sort wrongly (numbers, the statuses' order,
    times); None for a column that sorts by its words."""
    review = row.review
    if column == "open_points":
        return review.current.open_points if review.current else -1
    if column == "complete":
        return {None: 0, False: 1, True: 2}[review.complete]
    if column == "status":
        return _ORDER[review.status]
    if column == "review_status":
        return REVIEW_STATUSES.index(row.review_status) if row.review_status in REVIEW_STATUSES else -1
    if column == "received":
        return row.received
    return None
