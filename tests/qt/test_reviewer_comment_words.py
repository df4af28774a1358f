"""The reviewer's comments panel names what a comment is on in the pack's words: an obligation's
text, a gap's, not their ids."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.qt.reviewer_comments import CommentsPanel
from app.review.comments import add_comment
from app.review.detail import read_detail
from app.review.folder import review_path
from app.review.location import sqlite_url
from app.review.register import Register
from app.review.shelf import PackShelf
from app.storage.feedback import Target, TargetKind
from tests.review import dossiers


def test_comments_on_an_obligation_and_a_gap_show_their_words(pack, qtbot, tmp_path):
    dossier = dossiers.export_example("cv_screening", tmp_path / "cv.pdf")
    shelf = PackShelf.discover()
    with Register.open(sqlite_url(tmp_path / "register.sqlite3")) as register:
        detail = read_detail(dossier, review_path(dossier, shelf, register).reviews[0], shelf)
        obligation, gap = detail.document.obligations[0], detail.document.gaps[0]
        add_comment(register, detail, Target(kind=TargetKind.OBLIGATION, id=obligation.id), "Who does this?", "Ana")
        add_comment(register, detail, Target(kind=TargetKind.GAP, id=gap.id), "Attach it.", "Ana")
        panel = CommentsPanel(detail, register.comments(detail.review.fingerprint), {})
    qtbot.addWidget(panel)
    shown = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert obligation.text in shown
    assert next(g.text for g in pack.gaps if g.id == gap.id) in shown
    assert f" {obligation.id}" not in shown and f" {gap.id}" not in shown
