"""A reviewer's feedback on a real dossier, made for the tests as a reviewer makes it: the dossier
reviewed into a register, comments added as rows, the feedback file written from them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.dossier.signature import trusted_certificates
from app.review.comments import add_comment, feedback_for
from app.review.detail import read_detail
from app.review.folder import review_path
from app.review.location import sqlite_url
from app.review.register import Register
from app.review.shelf import PackShelf
from app.storage.feedback import Target, TargetKind

WHEN = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone.utc)
ASKED = "system.autonomy"


def reviewer_writes_feedback(dossier: Path, register_file: Path, out: Path) -> Path:
    """What a reviewer does: review the dossier, comment on a question, a gap and the application,
    resolve one, set the review status, write the feedback file."""
    shelf = PackShelf.discover()
    with Register.open(sqlite_url(register_file)) as register:
        review = review_path(dossier, shelf, register, trusted_certificates()).reviews[0]
        detail = read_detail(dossier, review, shelf)
        add_comment(register, detail, Target(kind=TargetKind.QUESTION, id=ASKED), "Who checks the ranking?", "Ana")
        add_comment(register, detail, Target(kind=TargetKind.GAP, id="privacy.dpia_missing"), "Attach the DPIA.", "Ana")
        done = add_comment(register, detail, Target(kind=TargetKind.APPLICATION), "Well laid out.", "Ben")
        register.set_comment_status(done, "resolved")
        register.set_review_status(review.fingerprint, "needs_changes", "Ben", "two points")
        out.write_text(feedback_for(register, detail, "Ben", WHEN).to_json(), encoding="utf-8")
    return out


