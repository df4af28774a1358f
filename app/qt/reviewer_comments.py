"""The reviewer's comments on the dossier shown (app/qt/dossier_view.py): each comment the register
keeps, with its status to change and the replies later versions carried; a row to write a new one
on a question, finding, obligation, gap, document or the application; the button that saves the
feedback file for the applicant. For a version sent after feedback, the thread: the answers
changed since the version reviewed beside the comments and the applicant's replies.

The panel decides nothing: it says what the reviewer chose with its signals, and the reviewer's
view writes to the register (app/qt/reviewer_view.py).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.qt.labels import heading_label, text_label
from app.qt.style import muted
from app.review.comments import Thread, target_choices
from app.review.detail import DossierDetail
from app.storage.feedback import CommentStatus, Target
from catalogue import table, tr
from catalogue.formats import format_datetime
from risk_tiers.texts import QUOTED

TEXT = table("qt.reviewer")
FEEDBACK = table("qt.reviewer.feedback")
WIDEST_TARGET = 90  # characters of a target's words in the list to choose from


class CommentsPanel(QWidget):
    comment_added = Signal(str, str, str)        # kind, target id, text
    comment_status_chosen = Signal(int, str)     # comment id (the register's), status
    save_requested = Signal()                    # write the feedback file

    def __init__(self, detail: DossierDetail, comments: list | None, replies: dict, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status_choices: dict[int, QComboBox] = {}
        self.target_choice = self.comment_text = self.add_button = self.save_button = None
        heading_label(TEXT["comments_title"], layout)
        if comments is None:
            muted(text_label(TEXT["comments_unavailable"], layout))
            return
        if not comments:
            muted(text_label(TEXT["comments_none"], layout))
        for comment in comments:
            self._comment(layout, comment, replies.get(comment.id, []), detail)
        self._writing_row(layout, detail)

    def _comment(self, layout, comment, replies: list, detail: DossierDetail) -> None:
        target = TEXT["comment_on"][comment.target_kind].format(target=_target(comment, detail))
        row = QHBoxLayout()
        text = TEXT["comment"].format(author=comment.author, when=format_datetime(dt.datetime.fromisoformat(comment.created)),
                                      status=TEXT["comment_status"][comment.status], target=target, text=comment.text)
        row.addWidget(text_label(text, None), 1)
        choice = QComboBox()
        for status in CommentStatus:
            choice.addItem(TEXT["comment_status"][status.value], status.value)
        choice.setCurrentIndex([s.value for s in CommentStatus].index(comment.status))
        choice.setAccessibleName(FEEDBACK["status_name"].format(text=comment.text[:80]))
        choice.activated.connect(lambda _=0, c=comment.id, box=choice: self.comment_status_chosen.emit(c, box.currentData()))
        self.status_choices[comment.id] = choice
        row.addWidget(choice, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        for reply in replies:
            muted(text_label(FEEDBACK["reply"].format(author=reply.author, text=reply.text), layout))

    def _writing_row(self, layout, detail: DossierDetail) -> None:
        self.target_choice = QComboBox()
        self.target_choice.setAccessibleName(FEEDBACK["target_name"])
        # Questions are long: the list pops up as wide as they need, the box stays as wide as the pane.
        self.target_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target_choice.setMinimumContentsLength(24)
        for target, words in target_choices(detail):
            kind = tr(f"feedback.target.{target.kind.value}")
            shown = FEEDBACK["target_choice"].format(kind=kind, words=_cut(words)) if words else kind
            self.target_choice.addItem(shown, target.key())
        self.comment_text = QLineEdit()
        self.comment_text.setPlaceholderText(FEEDBACK["text_placeholder"])
        self.comment_text.setAccessibleName(FEEDBACK["text_placeholder"])
        self.comment_text.returnPressed.connect(self._add)
        self.add_button = QPushButton(FEEDBACK["add"])
        self.add_button.clicked.connect(self._add)
        row = QHBoxLayout()
        row.addWidget(self.target_choice, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.comment_text)
        self.save_button = QPushButton(FEEDBACK["save"])
        self.save_button.setToolTip(FEEDBACK["save_tip"])
        self.save_button.clicked.connect(self.save_requested)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout.addLayout(save_row)

    def _add(self) -> None:
        text = self.comment_text.text().strip()
        if text:
            target = Target.parse(self.target_choice.currentData())
            self.comment_added.emit(target.kind.value, target.id, text)


class ThreadPanel(QWidget):
    """A version sent after feedback: the answers changed since the version reviewed, beside the
    comments on that version with the applicant's replies and each comment's status now."""

    def __init__(self, found: Thread, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading_label(FEEDBACK["thread_title"], layout)
        muted(text_label(FEEDBACK["thread_intro"].format(fingerprint=found.previous[:16],
                                                          status=tr(f"review.review_status.{found.status}")), layout))
        columns = QHBoxLayout()
        changes, comments = QVBoxLayout(), QVBoxLayout()
        text_label(f"<b>{html.escape(FEEDBACK['changes_title'])}</b>", changes, rich=True)
        for change in found.changes:
            text_label(FEEDBACK["change"].format(question=change.text, before=change.before or FEEDBACK["no_answer"],
                                                  after=change.after or FEEDBACK["no_answer"]), changes)
        if not found.changes:
            muted(text_label(FEEDBACK["no_changes"], changes))
        text_label(f"<b>{html.escape(FEEDBACK['replies_title'])}</b>", comments, rich=True)
        for comment in found.comments:
            target = tr(f"feedback.target.{comment.kind}") + (f" \u201c{comment.target}\u201d" if comment.target else "")
            text_label(FEEDBACK["thread_comment"].format(status=tr(f"feedback.comment_status.{comment.status}"),
                                                          author=comment.author, target=target, text=comment.text), comments)
            for reply in comment.replies:
                muted(text_label(FEEDBACK["reply"].format(author=reply.author, text=reply.text), comments))
        changes.addStretch(1)
        comments.addStretch(1)
        columns.addLayout(changes, 1)
        columns.addLayout(comments, 1)
        layout.addLayout(columns)


def _target(comment, detail: DossierDetail) -> str:
    """What a comment is on, in the pack's words and quoted; its id without the pack to word it."""
    if detail.document is None or comment.target_kind in ("attachment", "application"):
        return comment.target_id
    return QUOTED.format(text=detail.document.target_words(comment.target_kind, comment.target_id))


def _cut(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= WIDEST_TARGET else words[:WIDEST_TARGET - 1] + "…"
