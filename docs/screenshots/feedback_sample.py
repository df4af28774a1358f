"""The pictures of the feedback's round trip (render.py --feedback): the reviewer's comments on a
received dossier, the applicant's review page with the comments still open and a comment at its
question, then the reviewer's view of the next version with its thread beside the comments.

Made on the spot from the CV-screening example: its dossier exported into an inbox, reviewed and
commented in a register of the data folder, the feedback file written and opened in the wizard.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from reviewer_sample import _choose, _wait

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
ASKED = "system.autonomy"


def render_feedback(app, window, save) -> None:
    from app.dossier.export import export_dossier
    from app.storage.drafts import load_draft
    from forms.loader import default_pack

    work = Path(tempfile.mkdtemp())
    inbox, draft = work / "Received", work / "TalentLens CV ranking.json"
    inbox.mkdir()
    shutil.copyfile(EXAMPLE, draft)
    export_dossier(load_draft(draft), default_pack(), inbox / "TalentLens CV ranking.pdf")
    feedback = _comment(inbox / "TalentLens CV ranking.pdf", work / "TalentLens CV ranking feedback.json")

    window.open_reviewer()
    view = window.reviewer
    view.review(inbox)
    _wait(app, lambda: not view.busy)
    _choose(app, view, "TalentLens CV ranking.pdf")
    _scroll_to(app, view.dossier, view.dossier.comments_box)
    save("feedback-reviewer")
    view.closed.emit()

    assert window.open_path(draft) and window.open_feedback(feedback)
    _settle(app)
    save("feedback-review-page")
    window.wizard.go_to_question(ASKED)
    _settle(app)
    save("feedback-question")

    window.session.drafts.reply(window.session.draft.feedback.comments[0].id,
                                "The team lead checks every ranking before anyone is invited.")
    window.session.set_answer(ASKED, "no")
    assert window.session.drafts.save()
    export_dossier(load_draft(draft), default_pack(), inbox / "TalentLens CV ranking (second).pdf")
    window.open_reviewer()
    view.review(inbox)
    _wait(app, lambda: not view.busy)
    _choose(app, view, "TalentLens CV ranking (second).pdf")
    _scroll_to(app, view.dossier, view.dossier.thread_box)
    save("feedback-thread")


def _comment(dossier: Path, out: Path) -> Path:
    """What a reviewer has done by now: three comments and one resolved, the status set, the file written."""
    from app.dossier.signature import trusted_certificates
    from app.review.comments import add_comment, feedback_for
    from app.review.detail import read_detail
    from app.review.folder import review_path
    from app.review.location import register_url
    from app.review.register import Register
    from app.review.shelf import PackShelf
    from app.storage.feedback import Target

    shelf = PackShelf.discover()
    with Register.open(register_url()) as register:
        review = review_path(dossier, shelf, register, trusted_certificates()).reviews[0]
        detail = read_detail(dossier, review, shelf)
        add_comment(register, detail, Target.parse(f"question:{ASKED}"),
                    "Who checks the ranking before a candidate is turned down?", "Ana")
        add_comment(register, detail, Target.parse("gap:privacy.dpia_missing"),
                    "Please attach the data protection impact assessment.", "Ana")
        agreed = add_comment(register, detail, Target.parse("finding:annex3.point4a"), "Agreed: Annex III, 4(a).", "Ben")
        register.set_comment_status(agreed, "resolved")
        register.set_review_status(review.fingerprint, "needs_changes", "Ben", "two points open")
        out.write_text(feedback_for(register, detail, "Ben").to_json(), encoding="utf-8")
    return out


def _scroll_to(app, page, widget) -> None:
    _settle(app)
    page.verticalScrollBar().setValue(widget.y())
    _settle(app)


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()
