"""A page per section of the pack, built from its data, in a scroll area so long help never pushes
the Back and Next buttons off the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.qt.question_view import QuestionView
from app.qt.reference_view import linked, links_label
from app.qt.scroll_page import ScrollPage
from app.qt.style import muted
from app.qt.texts import TEXT


class SectionPage(ScrollPage):
    def __init__(self, session, section, parent=None, prompter=None):
        super().__init__(parent)
        self.session = session
        self.section = section
        self.visited = False  # once left, missing answers are marked
        self.title = self.heading(section.title)
        glossed = session.glossary_pack(section.id)  # a law's sections link to its own glossary
        if section.intro:
            intro = links_label(linked(section.intro, glossed.glossary), glossed, keyboard=False,
                                shelf=session.glossary_packs())
            muted(intro)
            self.body.addWidget(intro)
            self.body.addSpacing(self.fontMetrics().height() // 2)  # the intro is not the first question's help
        self.not_applicable = self.paragraph(TEXT["not_applicable_page"])
        self.views: dict[str, QuestionView] = {}
        for question in section.questions:
            view = QuestionView(session, question, prompter=prompter, glossed=glossed)
            self.views[question.id] = view
            self.body.addWidget(view)
        self.body.addStretch(1)
        self.setAccessibleName(section.title)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its questions take focus; scrolling follows them
        session.answers_changed.connect(self._on_answers_changed)
        self.update_visibility()

    def update_visibility(self) -> None:
        evaluation = self.session.evaluation
        any_visible = False
        for qid, view in self.views.items():
            visible = evaluation.is_visible(qid)
            any_visible |= visible
            view.setVisible(visible)
            view.show_missing(self.visited)
        self.not_applicable.setVisible(not any_visible)

    def refresh(self) -> None:
        for view in self.views.values():
            view.refresh()
        self.update_visibility()

    def focus_question(self, question_id: str) -> None:
        view = self.views[question_id]
        self.reveal(view)
        view.answer.setFocus(Qt.FocusReason.OtherFocusReason)
        first = view.answer.focusProxy() or next(iter(view.answer.findChildren(QWidget)), None)
        if first is not None and first.focusPolicy() != Qt.FocusPolicy.NoFocus:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_answers_changed(self, question_id: str) -> None:
        view = self.views.get(question_id)
        if question_id == "":
            self.refresh()
            return
        if view is not None and view.answer.value() != self.session.value(question_id):
            view.refresh()  # changed from elsewhere; never while the person is typing in it
        self.update_visibility()
