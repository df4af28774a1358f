"""The reviewer's comments in the reviewer's view, as a reviewer works: a comment written on a
question of the dossier shown (a row of the register), its status changed, the feedback file
saved for the applicant; then the applicant's next version, whose thread (the answers changed
since and the replies) shows beside the comments, the replies kept as rows of the register."""

from __future__ import annotations

import contextlib
import shutil

import pytest
from PySide6.QtCore import Qt

from app.dossier.export import export_dossier
from app.review.register import Register
from app.review.location import sqlite_url
from app.session.draft_session import DraftSession
from app.storage.drafts import load_draft
from app.storage.feedback import CommentStatus, TargetKind, load_feedback
from tests.qt.test_reviewer_view import choose, make_view, reviewed  # noqa: F401 - the view's fixture
from tests.review import dossiers
from tests.review.feedback_files import ASKED, reviewer_writes_feedback


def _nothing():
    return contextlib.nullcontext()


def click(qtbot, view, button) -> None:
    """Click a button of the dossier shown, scrolled into sight first, as a reviewer would."""
    qtbot.waitUntil(lambda: (view.dossier.ensureWidgetVisible(button), not button.visibleRegion().isEmpty())[1])
    with qtbot.waitSignal(view.detail_shown) if button is view.dossier.comments_box.add_button else _nothing():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    dossiers.export_example("cv_screening", folder / "cv.pdf")
    return folder


def test_a_comment_written_marked_and_saved_as_the_feedback_file(make_view, inbox, qtbot, prompter, tmp_path,
                                                                  private_data_dir):
    view = make_view()
    view.settings.setValue("reviewer/name", "Ana Reviewer")
    reviewed(qtbot, view, inbox)
    panel = view.dossier.comments_box
    panel.target_choice.setCurrentIndex(panel.target_choice.findData(f"question:{ASKED}"))
    qtbot.keyClicks(panel.comment_text, "Who checks the ranking?")
    click(qtbot, view, panel.add_button)
    fingerprint = view.dossier.detail.review.fingerprint
    with Register.open(sqlite_url(private_data_dir / "register.sqlite3")) as register:
        (comment,) = register.comments(fingerprint)
    assert (comment.target_kind, comment.target_id, comment.author, comment.status) == (
        "question", ASKED, "Ana Reviewer", "open")
    assert "Who checks the ranking?" in view.dossier.text()

    choice = view.dossier.comments_box.status_choices[comment.id]
    choice.setCurrentIndex(choice.findData("resolved"))
    with qtbot.waitSignal(view.detail_shown):
        choice.activated.emit(choice.currentIndex())
    with Register.open(sqlite_url(private_data_dir / "register.sqlite3")) as register:
        assert register.comments(fingerprint)[0].status == "resolved"

    prompter.save_answer = tmp_path / "cv feedback.json"
    with qtbot.waitSignal(view.feedback_saved):
        click(qtbot, view, view.dossier.comments_box.save_button)
    feedback = load_feedback(tmp_path / "cv feedback.json")
    assert feedback.dossier.fingerprint == fingerprint and prompter.suggested.name == "cv feedback.json"
    assert [(c.target.key(), c.status) for c in feedback.comments] == [(f"question:{ASKED}", CommentStatus.RESOLVED)]


def test_an_empty_comment_is_not_added(make_view, inbox, qtbot):
    view = make_view()
    reviewed(qtbot, view, inbox)
    button = view.dossier.comments_box.add_button
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.dossier.comments_box.status_choices == {}


def test_the_next_version_shows_the_changes_beside_the_comments_and_replies(make_view, inbox, qtbot, pack, tmp_path,
                                                                           private_data_dir):
    register_file = private_data_dir / "register.sqlite3"
    feedback_file = reviewer_writes_feedback(inbox / "cv.pdf", register_file, tmp_path / "cv.feedback.json")
    draft_path = shutil.copy(dossiers.EXAMPLES / "cv_screening.json", tmp_path / "cv.json")
    session = DraftSession(pack)
    assert session.open(draft_path).opened
    asked = session.take_feedback(feedback_file).at(TargetKind.QUESTION, ASKED)[0]
    session.reply(asked.id, "The team lead checks every ranking.")
    session.set_answer(ASKED, "no")
    assert session.save()
    export_dossier(load_draft(draft_path), pack, inbox / "cv second.pdf")

    view = make_view()
    reviewed(qtbot, view, inbox)
    text = choose(qtbot, view, "cv second.pdf")
    thread = view.dossier.thread_box
    assert thread is not None and thread.isVisible()
    assert "The team lead checks every ranking." in text and "Before: Yes" in text and "Now: No" in text
    with Register.open(sqlite_url(register_file)) as register:
        first = load_feedback(feedback_file).dossier.fingerprint
        assert [r.text for r in register.replies(first)[int(asked.id)]] == ["The team lead checks every ranking."]
        assert {c.id: c.status for c in register.comments(first)}[int(asked.id)] == "answered"
    assert choose(qtbot, view, "cv.pdf") and view.dossier.thread_box is None  # the first version has none
