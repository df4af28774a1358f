"""The reviewer's feedback in the wizard: File > "Open feedback…" keeps it with the draft and shows
the review page's list of open comments; each comment shows at its question, a reply written
there answers it; feedback for another application is refused with its dialog."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from app.storage.feedback import CommentStatus
from app.qt.steps import REVIEW
from tests.qt.conftest import question_view
from tests.review import dossiers
from tests.review.feedback_files import ASKED, reviewer_writes_feedback


@pytest.fixture
def feedback_file(tmp_path):
    dossier = dossiers.export_example("cv_screening", tmp_path / "cv.pdf")
    return reviewer_writes_feedback(dossier, tmp_path / "register.sqlite3", tmp_path / "cv.feedback.json")


@pytest.fixture
def cv_window(window, tmp_path):
    draft = shutil.copy(dossiers.EXAMPLES / "cv_screening.json", tmp_path / "cv.json")
    assert window.open_path(draft)
    return window


def test_open_feedback_lists_the_open_comments_on_the_review_page(qtbot, cv_window, prompter, feedback_file):
    prompter.feedback_answer = feedback_file
    assert cv_window.feedback_action.isEnabled()
    cv_window.feedback_action.trigger()
    review = cv_window.wizard.review
    assert cv_window.wizard.current_step == REVIEW and review.isVisible()
    feedback = cv_window.session.draft.feedback
    assert feedback is not None and cv_window.session.dirty
    listed = review.open_comments
    assert listed.isVisible() and set(listed.reply_buttons) == {c.id for c in feedback.open_comments()}
    assert len(listed.reply_buttons) == 2


def test_a_comment_shows_at_its_question_and_a_reply_there_answers_it(qtbot, cv_window, prompter, feedback_file):
    assert cv_window.open_feedback(feedback_file)
    view = question_view(cv_window, ASKED)
    comments = view.comments
    assert comments.isVisible() and len(comments.reply_buttons) == 1
    (comment_id, button), = comments.reply_buttons.items()
    prompter.reply_answer = "The team lead checks every ranking."
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    kept = cv_window.session.draft.feedback.comment(comment_id)
    assert kept.status is CommentStatus.ANSWERED and [r.text for r in kept.replies] == [prompter.reply_answer]
    assert prompter.replies_asked == [kept.text]
    assert not question_view(cv_window, "system.offering").comments.isVisible()  # no comment there


def test_cancelling_a_reply_changes_nothing(qtbot, cv_window, prompter, feedback_file):
    assert cv_window.open_feedback(feedback_file)
    comments = question_view(cv_window, ASKED).comments
    before = cv_window.session.draft.feedback
    prompter.reply_answer = None
    qtbot.mouseClick(next(iter(comments.reply_buttons.values())), Qt.MouseButton.LeftButton)
    assert cv_window.session.draft.feedback == before


def test_feedback_for_another_application_is_refused_with_a_dialog(qtbot, window, prompter, feedback_file, tmp_path):
    other = shutil.copy(dossiers.EXAMPLES / "customer_chatbot.json", tmp_path / "bot.json")
    assert window.open_path(other)
    assert not window.open_feedback(feedback_file)
    assert len(prompter.errors) == 1 and "another application" in prompter.errors[0][1]
    assert window.session.draft.feedback is None
