"""A feedback file's round trip, without a window: the reviewer comments on a received dossier
(rows of the register) and writes the feedback file; the applicant's draft takes it (refusing one
for another application), the comments are found at their question, the applicant replies and
changes answers, and the draft keeps all of it through a save."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.results.wording import question_text
from app.session.draft_session import DraftSession
from app.storage.drafts import load_draft
from app.storage.feedback import CommentStatus, FeedbackError, TargetKind, load_feedback
from tests.review import dossiers
from tests.review.feedback_files import ASKED, reviewer_writes_feedback


@pytest.fixture
def sent(tmp_path) -> dict[str, Path]:
    """The applicant's draft, the dossier exported from it, and the reviewer's feedback on it."""
    draft = shutil.copy(dossiers.EXAMPLES / "cv_screening.json", tmp_path / "cv.json")
    dossier = dossiers.export_example("cv_screening", tmp_path / "cv.pdf")
    feedback = reviewer_writes_feedback(dossier, tmp_path / "register.sqlite3", tmp_path / "cv.feedback.json")
    return {"draft": Path(draft), "dossier": dossier, "feedback": feedback, "register": tmp_path / "register.sqlite3"}


def opened(pack, path: Path) -> DraftSession:
    session = DraftSession(pack)
    assert session.open(path).opened
    return session


def test_the_applicant_takes_the_feedback_and_finds_each_comment_at_its_question(pack, sent):
    session = opened(pack, sent["draft"])
    changed = []
    session.feedback_changed.connect(lambda: changed.append(True))
    feedback = session.take_feedback(sent["feedback"])
    assert changed and session.dirty and session.draft.feedback == feedback
    assert [c.text for c in feedback.at(TargetKind.QUESTION, ASKED)] == ["Who checks the ranking?"]
    assert [c.target.key() for c in feedback.open_comments()] == [f"question:{ASKED}", "gap:privacy.dpia_missing"]
    assert feedback.status.value == "needs_changes" and feedback.status_note == "two points"


def test_replies_and_changed_answers_are_kept_in_the_draft_through_a_save(pack, sent):
    session = opened(pack, sent["draft"])
    feedback = session.take_feedback(sent["feedback"])
    asked = feedback.at(TargetKind.QUESTION, ASKED)[0]
    old = session.value(ASKED)
    session.reply(asked.id, "  The team lead checks every ranking.  ")
    session.set_answer(ASKED, "no")
    assert session.save()
    kept = load_draft(sent["draft"]).feedback
    assert kept.comment(asked.id).status is CommentStatus.ANSWERED
    assert [(r.text, r.author) for r in kept.comment(asked.id).replies] == [
        ("The team lead checks every ranking.", "TalentLens B.V.")]
    assert kept.dossier.answers[ASKED] == old == "yes"  # the answer as the reviewer saw it stays


def test_opening_the_same_feedback_again_keeps_the_replies_written(pack, sent):
    session = opened(pack, sent["draft"])
    feedback = session.take_feedback(sent["feedback"])
    first = feedback.open_comments()[0]
    session.reply(first.id, "Answered.")
    again = session.take_feedback(sent["feedback"])
    assert [r.text for r in again.comment(first.id).replies] == ["Answered."]
    assert again.comment(first.id).status is CommentStatus.ANSWERED


def test_feedback_for_another_application_is_refused_and_the_draft_stays_as_it_was(pack, sent):
    other = opened(pack, dossiers.EXAMPLES / "customer_chatbot.json")
    before = other.draft.model_copy(deep=True)
    with pytest.raises(FeedbackError, match="another application"):
        other.take_feedback(sent["feedback"])
    assert other.draft == before and not other.dirty


def test_a_damaged_feedback_file_is_refused_in_one_line(pack, sent, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(sent["feedback"].read_text(encoding="utf-8")[:200], encoding="utf-8")
    session = opened(pack, sent["draft"])
    with pytest.raises(FeedbackError) as caught:
        session.take_feedback(broken)
    assert "\n" not in str(caught.value) and session.draft.feedback is None
    assert load_feedback(sent["feedback"]).dossier.draft_id == session.draft.id


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_next_dossier_shows_the_changes_and_the_replies_and_the_reviewer_sees_the_thread(pack, sent, tmp_path):
    from pypdf import PdfReader

    from app.dossier.export import export_dossier
    from app.dossier.texts import TEXT
    from app.formats.files import export_html, export_json
    from app.formats.schema import schema_path
    from tests.formats.schema_check import problems

    session = opened(pack, sent["draft"])
    feedback = session.take_feedback(sent["feedback"])
    asked = feedback.at(TargetKind.QUESTION, ASKED)[0]
    session.reply(asked.id, "The team lead checks every ranking.")
    session.set_answer(ASKED, "no")
    assert session.save()
    draft = load_draft(sent["draft"])
    second = tmp_path / "cv second.pdf"
    export_dossier(draft, pack, second)

    # The applicant's new dossier: the changes since, with the value seen and the value now, and the reply.
    text = _flat(" ".join(page.extract_text() for page in PdfReader(str(second)).pages[2:4]))
    assert TEXT["since_review"] in text
    question = question_text(pack, ASKED)
    assert _flat(question) in text
    assert TEXT["since_before"].format(value="Yes") in text and TEXT["since_after"].format(value="No") in text
    assert "The team lead checks every ranking." in text and "Attach the DPIA." in text
    export_html(draft, pack, tmp_path / "cv second.html")
    page = (tmp_path / "cv second.html").read_text(encoding="utf-8")
    assert 'id="part-since_review"' in page and "The team lead checks every ranking." in page
    export_json(draft, pack, tmp_path / "cv second.json")
    data = json.loads((tmp_path / "cv second.json").read_text(encoding="utf-8"))
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert problems(data, schema) == []  # the dossier's schema kept knows the part
    since = data["result"]["since_review"]
    assert since["fingerprint"] == feedback.dossier.fingerprint and since["status"] == "needs_changes"
    assert [(c["question"], c["before"], c["after"]) for c in since["changes"]] == [(ASKED, "Yes", "No")]
    assert [r["text"] for c in since["comments"] if c["id"] == asked.id for r in c["replies"]] == [
        "The team lead checks every ranking."]

    # The reviewer opens the new version: the thread (comments, replies) and the changes beside it,
    # and the replies become rows of the register under the comments they answer.
    from app.review.comments import take_replies, thread
    from app.review.detail import read_detail
    from app.review.folder import review_path
    from app.review.location import sqlite_url
    from app.review.register import Register
    from app.review.shelf import PackShelf

    shelf = PackShelf.discover()
    with Register.open(sqlite_url(sent["register"])) as register:
        review = review_path(second, shelf, register).reviews[0]
        detail = read_detail(second, review, shelf)
        assert take_replies(register, detail) == 1
        assert take_replies(register, detail) == 0
        shown = thread(register, detail)
        assert shown.previous == feedback.dossier.fingerprint
        assert [(c.question, c.before, c.after) for c in shown.changes] == [(ASKED, "Yes", "No")]
        by_id = {c.id: c for c in shown.comments}
        assert by_id[asked.id].status == "answered"
        assert [r.text for r in by_id[asked.id].replies] == ["The team lead checks every ranking."]
        assert [r.text for r in register.replies(feedback.dossier.fingerprint)[int(asked.id)]] == [
            "The team lead checks every ranking."]


def test_a_copy_made_with_save_as_takes_the_feedback_on_the_original(pack, sent, tmp_path):
    """Save as writes the same application under another name: the reviewer's feedback on the
    dossier exported from the original is for the copy too (both are matched by the draft's id)."""
    session = opened(pack, sent["draft"])
    assert session.save(tmp_path / "cv-copy.json")
    copy = opened(pack, tmp_path / "cv-copy.json")
    feedback = copy.take_feedback(sent["feedback"])
    assert [c.target.key() for c in feedback.open_comments()] == [f"question:{ASKED}", "gap:privacy.dpia_missing"]
    assert load_draft(tmp_path / "cv-copy.json").id == load_draft(sent["draft"]).id == feedback.dossier.draft_id
