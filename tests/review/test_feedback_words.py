"""Comments on a finding, obligation or gap are named by the pack's words, not their ids: in the
thread the reviewer sees, and in the dossier's part on the changes since the version reviewed,
read back from the PDF; an item the pack no longer has is named by its id, saying so."""

from __future__ import annotations

import json
import shutil

from pypdf import PdfReader

from app.dossier.export import export_dossier
from app.dossier.outline import comment_heading
from app.results.since import since_review
from app.review.comments import add_comment, feedback_for, thread
from app.review.detail import read_detail
from app.review.folder import review_path
from app.review.location import sqlite_url
from app.review.register import Register
from app.review.shelf import PackShelf
from app.session.draft_session import DraftSession
from app.storage.drafts import load_draft
from app.storage.feedback import Target, TargetKind
from catalogue import tr
from tests.review import dossiers
from tests.review.feedback_files import WHEN


def _flat(text: str) -> str:
    return " ".join(text.split())


def _commented(tmp_path):
    """A dossier with comments on its first obligation and first gap, and the feedback file."""
    dossier = dossiers.export_example("cv_screening", tmp_path / "cv.pdf")
    shelf, register_file = PackShelf.discover(), tmp_path / "register.sqlite3"
    with Register.open(sqlite_url(register_file)) as register:
        review = review_path(dossier, shelf, register).reviews[0]
        detail = read_detail(dossier, review, shelf)
        obligation, gap = detail.document.obligations[0], detail.document.gaps[0]
        add_comment(register, detail, Target(kind=TargetKind.OBLIGATION, id=obligation.id), "Who does this?", "Ana")
        add_comment(register, detail, Target(kind=TargetKind.GAP, id=gap.id), "Attach it.", "Ana")
        out = tmp_path / "cv.feedback.json"
        out.write_text(feedback_for(register, detail, "Ana", WHEN).to_json(), encoding="utf-8")
    return out, register_file, {"obligation": obligation, "gap": gap}


def test_the_thread_and_the_next_dossier_name_the_obligation_and_the_gap_in_words(pack, tmp_path):
    feedback_file, register_file, items = _commented(tmp_path)
    draft_file = shutil.copy(dossiers.EXAMPLES / "cv_screening.json", tmp_path / "cv.json")
    session = DraftSession(pack)
    assert session.open(draft_file).opened
    session.take_feedback(feedback_file)
    assert session.save()
    draft = load_draft(draft_file)
    words = {"obligation": pack_text(pack.obligations, items["obligation"].id),
             "gap": pack_text(pack.gaps, items["gap"].id)}
    assert words["obligation"] == items["obligation"].text

    since = since_review(pack, draft)
    assert {c.kind: c.target for c in since.comments} == words
    second = tmp_path / "cv second.pdf"
    export_dossier(draft, pack, second)
    text = _flat(" ".join(page.extract_text() for page in PdfReader(str(second)).pages))
    for comment in since.comments:
        assert _flat(comment_heading(comment)) in text
        assert _flat(words[comment.kind])[:60] in text
    for item in items.values():
        assert item.id not in text

    shelf = PackShelf.discover()
    with Register.open(sqlite_url(register_file)) as register:
        review = review_path(second, shelf, register).reviews[0]
        shown = thread(register, read_detail(second, review, shelf))
    assert {c.kind: c.target for c in shown.comments} == words


def test_an_item_the_pack_no_longer_has_is_named_by_its_id_saying_so(pack, tmp_path):
    feedback_file, _, _ = _commented(tmp_path)
    data = json.loads(feedback_file.read_text(encoding="utf-8"))
    data["comments"][0]["target"] = {"kind": "finding", "id": "rule.gone"}
    feedback_file.write_text(json.dumps(data), encoding="utf-8")
    draft_file = shutil.copy(dossiers.EXAMPLES / "cv_screening.json", tmp_path / "cv.json")
    session = DraftSession(pack)
    assert session.open(draft_file).opened
    session.take_feedback(feedback_file)
    since = since_review(pack, session.draft)
    assert since.comments[0].target == tr("feedback.target_gone", id="rule.gone")


def pack_text(items, item_id: str) -> str:
    return next(item.text for item in items if item.id == item_id)
