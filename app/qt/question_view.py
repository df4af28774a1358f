"""One question on a page: its text, help, the provisions it concerns, the answer widget, a note.

The view listens to the session for its own question only, and writes answers back to the session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QPlainTextEdit, QToolButton, QVBoxLayout, QHBoxLayout

from app.qt.answer_widgets import widget_for
from app.qt.texts import TEXT
from app.qt.style import muted, set_role
from forms.citations import label, title


class QuestionView(QFrame):
    def __init__(self, session, question, parent=None):
        super().__init__(parent)
        self.session = session
        self.question = question
        self.setObjectName("question")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(4)

        self.text = QLabel(question.text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.text, "question")
        layout.addWidget(self.text)
        if question.help:
            help_label = QLabel(question.help)
            help_label.setWordWrap(True)
            muted(help_label)
            layout.addWidget(help_label)
        if question.refs:
            refs = QLabel(TEXT["concerns"].format(labels=" \u00b7 ".join(label(r) for r in question.refs)))
            refs.setWordWrap(True)
            refs.setToolTip("\n".join(f"{label(r)}: {title(r)}" for r in question.refs if title(r)))
            muted(refs, small=True)
            layout.addWidget(refs)

        self.missing = QLabel(TEXT["missing"])
        self.missing.setWordWrap(True)
        set_role(self.missing, "warning")
        self.missing.hide()
        self.answer = widget_for(question)
        self.answer.setAccessibleName(question.text)
        self.answer.setAccessibleDescription(question.help)
        if self.answer.focusProxy() is not None:  # the field itself is what a screen reader announces
            self.answer.focusProxy().setAccessibleName(question.text)
            self.answer.focusProxy().setAccessibleDescription(question.help)
        self.answer.value_changed.connect(self._on_answer_changed)
        for button in self.answer.findChildren(QAbstractButton):
            # "Yes" alone tells a screen reader user little: say which question it answers.
            if not button.accessibleDescription():
                button.setAccessibleDescription(question.text)
        layout.addWidget(self.answer)
        layout.addWidget(self.missing)
        layout.addLayout(self._note_row())
        self.refresh()

    def _note_row(self) -> QVBoxLayout:
        self.note_button = QToolButton()
        self.note_button.setText(TEXT["add_note"])
        self.note_button.setCheckable(True)
        self.note_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.note_button.setArrowType(Qt.ArrowType.RightArrow)
        self.note_button.setAutoRaise(True)
        self.note_button.setAccessibleName(TEXT["note_name"].format(question=self.question.text))
        self.note_button.toggled.connect(self._on_note_toggled)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(TEXT["note_placeholder"])
        self.note.setAccessibleName(TEXT["note_name"].format(question=self.question.text))
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.note.hide()
        self.note.textChanged.connect(self._on_note_changed)
        box = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.note_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.note)
        return box

    def refresh(self) -> None:
        """Show the session's answer and note (after a draft was opened or restored)."""
        self.answer.set_value(self.session.value(self.question.id))
        note = self.session.note(self.question.id)
        if note != self.note.toPlainText():
            self.note.blockSignals(True)
            self.note.setPlainText(note)
            self.note.blockSignals(False)
        self.note_button.setChecked(bool(note) or self.note_button.isChecked() and self.note.isVisible())
        self._on_note_toggled(self.note_button.isChecked())

    def show_missing(self, shown: bool) -> None:
        self.missing.setVisible(shown and self.question.id in self.session.missing)

    def _on_answer_changed(self, value) -> None:
        self.session.set_answer(self.question.id, value)

    def _on_note_toggled(self, open_: bool) -> None:
        self.note.setVisible(open_)
        self.note_button.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.note_button.setText(TEXT["show_note"] if open_ or self.note.toPlainText() else TEXT["add_note"])

    def _on_note_changed(self) -> None:
        self.session.set_note(self.question.id, self.note.toPlainText())
