"""The reviewer's comments where the applicant works: at a question (in its view), or all those
still open (on the review page). Each comment says its status, who wrote it, on what, and what;
the applicant's replies follow it, and a Reply button asks for another one.

A view reads the feedback the draft keeps (app/storage/feedback.py) through the session, and
builds itself again when the session says the feedback changed; a reply goes to the session.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.qt.style import muted
from app.storage.feedback import Comment, CommentStatus, TargetKind
from catalogue import table, tr

TEXT = table("qt.feedback")
STATUS = table("feedback.comment_status")
TARGET = table("feedback.target")
SIGN = {CommentStatus.OPEN: "●", CommentStatus.ANSWERED: "↩", CommentStatus.RESOLVED: "✓"}  # not colour alone


class CommentsView(QFrame):
    """The comments on one target (`kind`, `target_id`), or with `kind` None every open comment."""

    def __init__(self, session, prompter, kind: TargetKind | None = None, target_id: str = "", parent=None) -> None:
        super().__init__(parent)
        self.session, self.prompter = session, prompter
        self.kind, self.target_id = kind, target_id
        self.setObjectName("comments")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 4)
        self.reply_buttons: dict[str, QPushButton] = {}
        self.rows: list[QWidget] = []
        session.feedback_changed.connect(self.refresh)
        self.refresh()

    def comments(self) -> list[Comment]:
        feedback = self.session.draft.feedback
        if feedback is None:
            return []
        if self.kind is None:
            return feedback.open_comments()
        return feedback.at(self.kind, self.target_id)

    def refresh(self) -> None:
        for row in self.rows:
            self.layout_.removeWidget(row)
            row.deleteLater()
        self.rows, self.reply_buttons = [], {}
        comments = self.comments()
        if self.kind is None:
            self._add(self._heading(len(comments)))
        for comment in comments:
            self._add(self._row(comment))
        self.setVisible(bool(comments) or self.kind is None and self.session.draft.feedback is not None)

    def _add(self, widget: QWidget) -> None:
        self.rows.append(widget)
        self.layout_.addWidget(widget)

    def _heading(self, count: int) -> QLabel:
        feedback = self.session.draft.feedback
        status = TEXT["application_status"].format(status=tr(f"review.review_status.{feedback.status.value}")) if feedback else ""
        words = TEXT["open_count"].format(count=count) if count else TEXT["none_open"]
        label = QLabel(f"<h3>{html.escape(TEXT['open_title_list'])}</h3><p><b>{html.escape(status)}</b> {html.escape(words)}</p>")
        label.setWordWrap(True)
        return label

    def _row(self, comment: Comment) -> QWidget:
        row = QFrame()
        row.setObjectName("comment")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(8, 4, 8, 4)
        on = comment.target.id
        if self.kind is None and comment.target.kind not in (TargetKind.ATTACHMENT, TargetKind.APPLICATION):
            # in the list: which question, finding, obligation or gap, in the pack's words (imported
            # here: a question page, the first on screen at start-up, lists no other target)
            from app.results.since import target_words
            from risk_tiers.texts import QUOTED

            on = QUOTED.format(text=target_words(self.session.pack, comment.target.kind, on))
        target = TARGET[comment.target.kind.value] + (f" {on}" if on else "")
        head = TEXT["comment_head"].format(sign=SIGN[comment.status], status=STATUS[comment.status.value],
                                           author=comment.author or "-", target=target)
        title = QLabel(f"<b>{html.escape(head)}</b>")
        title.setWordWrap(True)
        text = QLabel(comment.text)
        text.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(text)
        for reply in comment.replies:
            line = QLabel(TEXT["reply_line"].format(author=reply.author or "-", text=reply.text))
            line.setWordWrap(True)
            muted(line)
            layout.addWidget(line)
        if comment.status is not CommentStatus.RESOLVED:
            button = QPushButton(TEXT["reply"])
            button.setAccessibleName(TEXT["reply_name"].format(comment=comment.text[:80]))
            button.clicked.connect(lambda _=False, c=comment: self.ask_reply(c))
            self.reply_buttons[comment.id] = button
            buttons = QHBoxLayout()
            buttons.addWidget(button)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        row.setAccessibleName(head)
        return row

    def ask_reply(self, comment: Comment) -> None:
        text = self.prompter.ask_reply(self, comment.text)
        if text and text.strip():
            self.session.drafts.reply(comment.id, text)
