"""One question on a page: its text, help, the terms and provisions it concerns, the answer widget,
an example answer on request, and a note.

The view listens to the session for its own question only, and writes answers back to the session.
A mention of a glossary term is a link to its definition, a provision shows our summary of it
(app/qt/reference_view.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QPlainTextEdit, QToolButton, QVBoxLayout, QHBoxLayout

from app.qt.answer_widgets import widget_for
from app.qt.comments_view import CommentsView
from app.qt.reference_view import example_box, linked, links_label, ref_links, term_links
from app.qt.texts import TEXT
from app.qt.style import muted, set_role
from app.storage.feedback import TargetKind
from forms.glossary import question_texts, terms_in


class QuestionView(QFrame):
    def __init__(self, session, question, parent=None, prompter=None, glossed=None):
        """`glossed`: the pack whose glossary the question's words link to (its section's law's;
        the pack asked when not given)."""
        super().__init__(parent)
        self.session = session
        self.question = question
        self.setObjectName("question")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(4)

        self.glossed = pack = glossed if glossed is not None else session.pack
        self.shelf = session.glossary_packs()  # the glossaries a link's window offers
        linked_terms: set[str] = set()  # each term linked once per question, where first mentioned
        self.text = links_label(linked(question.text, pack.glossary, linked_terms), pack, keyboard=False,
                                shelf=self.shelf)
        set_role(self.text, "question")
        layout.addWidget(self.text)
        # The reviewer's comments on this question, from the feedback the draft keeps (hidden without).
        self.comments = CommentsView(session, prompter, TargetKind.QUESTION, question.id)
        layout.addWidget(self.comments)
        self.help = None
        if question.help:
            self.help = links_label(linked(question.help, pack.glossary, linked_terms), pack, keyboard=False,
                                    shelf=self.shelf)
            muted(self.help)
            layout.addWidget(self.help)
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
        self._reference_lines(layout, layout.indexOf(self.answer))
        layout.addLayout(self._note_row())
        self.refresh()

    def _reference_lines(self, layout: QVBoxLayout, at: int) -> None:
        """The terms the question uses (its options' too) and the provisions it concerns, as links
        the keyboard reaches: shown above the answer, made after it so Tab meets the answer first."""
        pack = self.glossed
        self.terms = self.refs = None
        terms = terms_in(question_texts(self.question), pack.glossary)
        if terms:
            self.terms = links_label(TEXT["terms"].format(terms=term_links(terms, pack.glossary)), pack,
                                     shelf=self.shelf)
            self.terms.setAccessibleName(TEXT["terms_name"].format(question=self.question.text))
        if self.question.refs:
            self.refs = links_label(TEXT["concerns"].format(labels=ref_links(self.question.refs)), pack,
                                    shelf=self.shelf)
            self.refs.setAccessibleName(TEXT["concerns_name"].format(question=self.question.text))
        for line in (self.refs, self.terms):
            if line is not None:
                muted(line, small=True)
                layout.insertWidget(at, line)

    def _note_row(self) -> QVBoxLayout:
        self.note_button = _toggle(TEXT["add_note"], TEXT["note_name"].format(question=self.question.text))
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
        self.example_button = self.example = None
        example = getattr(self.question, "example", "")
        if example:
            name = TEXT["example_name"].format(question=self.question.text)
            self.example_button = _toggle(TEXT["show_example"], name)
            self.example_button.toggled.connect(self._on_example_toggled)
            self.example = example_box(example)
            self.example.hide()
            row.addWidget(self.example_button)
        row.addWidget(self.note_button)
        row.addStretch(1)
        box.addLayout(row)
        if self.example is not None:
            box.addWidget(self.example)
        box.addWidget(self.note)
        return box

    def _on_example_toggled(self, shown: bool) -> None:
        self.example.setVisible(shown)
        self.example_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.example_button.setText(TEXT["hide_example"] if shown else TEXT["show_example"])

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
        if self.answer.typed:
            self.session.type_answer(self.question.id, value)
        else:
            self.session.set_answer(self.question.id, value)

    def _on_note_toggled(self, open_: bool) -> None:
        self.note.setVisible(open_)
        self.note_button.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.note_button.setText(TEXT["show_note"] if open_ or self.note.toPlainText() else TEXT["add_note"])

    def _on_note_changed(self) -> None:
        self.session.type_note(self.question.id, self.note.toPlainText())


def _toggle(text: str, name: str) -> QToolButton:
    """A flat button with an arrow that opens and closes what follows it."""
    button = QToolButton()
    button.setText(text)
    button.setCheckable(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setArrowType(Qt.ArrowType.RightArrow)
    button.setAutoRaise(True)
    button.setAccessibleName(name)
    return button
