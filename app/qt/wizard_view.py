"""The assessment itself: the step list, the current page with Back and Next, the live result.

Pages are built from the pack's sections; the session tells every part what changed.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListView, QProgressBar, QPushButton, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from app.qt.pages import SectionPage
from app.qt.result_view import ResultView
from app.qt.session import SectionStatus
from app.qt.steps import REVIEW, StepListModel
from app.qt.texts import TEXT
from catalogue import ntr
from forms.progress import next_missing


class WizardView(QWidget):
    step_changed = Signal(str)

    def __init__(self, session, prompter, parent=None, result_after_paint: bool = False):
        super().__init__(parent)
        self.session = session
        self.model = StepListModel(session, self)
        # Pages, the review too, are built when first shown: only the page on screen costs start-up time.
        self.pages: dict[str, QWidget] = {}
        self.reached: set[str] = set()  # the sections shown so far (progress splits what is left by it)
        self.prompter = prompter
        self.stack = QStackedWidget()
        self.result = ResultView(session, after_paint=result_after_paint)
        self.result.question_chosen.connect(self.go_to_question)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._step_column())
        splitter.addWidget(self._page_column())
        splitter.addWidget(self.result)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        em = self.fontMetrics().horizontalAdvance("0")
        splitter.setSizes([em * 26, em * 60, em * 40])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The wizard wears the kit: its band on every page, with the deadline (built again with the
        # wizard when the kit changes).
        self.kit_banner = None
        if session.kit is not None:
            import datetime as dt

            from app.qt.kit_views import KitBanner

            self.kit_banner = KitBanner(session.kit, dt.date.today(), compact=True)
            layout.addWidget(self.kit_banner)
        layout.addWidget(splitter, 1)
        session.answers_changed.connect(self._update_progress)
        self._update_progress()
        self.go_to(session.pack.sections[0].id)

    def _step_column(self) -> QWidget:
        self.steps = QListView()
        self.steps.setModel(self.model)
        self.steps.setWordWrap(True)
        self.steps.setUniformItemSizes(False)
        self.steps.setAccessibleName(TEXT["steps_name"])
        self.steps.setAccessibleDescription(TEXT["steps_description"])
        self.steps.selectionModel().currentChanged.connect(self._on_step_chosen)
        self.progress = QProgressBar()
        self.progress_text = QLabel()
        self.progress_text.setWordWrap(True)
        self.progress.setTextVisible(False)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.progress)
        return column

    def _page_column(self) -> QWidget:
        self.back_button = QPushButton(TEXT["back"])
        self.next_button = QPushButton(TEXT["next"])
        # The keys as the system names them, in its language (Qt's own catalogue; see app/qt/launch.py).
        native = QKeySequence.SequenceFormat.NativeText
        self.back_button.setToolTip(QKeySequence("Alt+Left").toString(native))
        self.next_button.setToolTip(QKeySequence("Alt+Right").toString(native))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(16, 6, 16, 10)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        return column

    # --- navigation ---
    @property
    def current_step(self) -> str:
        return self.model.step_id(self.steps.currentIndex().row())

    @property
    def review(self):
        """The review page (with the export), built when first needed."""
        if REVIEW not in self.pages:
            from app.qt.review_page import ReviewPage

            review = ReviewPage(self.session, self.prompter)
            review.edit_requested.connect(self.go_to_question)
            self.pages[REVIEW] = review
            self.stack.addWidget(review)
        return self.pages[REVIEW]

    def page(self, step_id: str) -> QWidget:
        if step_id == REVIEW:
            return self.review
        if step_id not in self.pages:
            page = SectionPage(self.session, self.session.evaluation.index.sections[step_id], prompter=self.prompter)
            self.pages[step_id] = page
            self.stack.addWidget(page)
        return self.pages[step_id]

    def section_pages(self) -> list[SectionPage]:
        return [p for p in self.pages.values() if isinstance(p, SectionPage)]

    def go_to(self, step_id: str) -> None:
        if step_id != REVIEW and step_id not in self.session.evaluation.index.sections:
            step_id = self.session.pack.sections[0].id
        index = self.model.index(self.model.row_of(step_id))
        self.steps.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show(step_id)

    def go_to_question(self, question_id: str) -> None:
        question_id = self.session.asked_as(question_id)  # a link from a result read under its own pack
        section = self.session.evaluation.index.section_of.get(question_id)
        if section is None:
            return
        self.go_to(section.id)
        self.page(section.id).focus_question(question_id)

    def back(self) -> None:
        self._step(-1)

    def next(self) -> None:
        self._step(+1)

    def _step(self, direction: int) -> None:
        """Move to the neighbouring section that applies; sections that do not apply stay reachable
        from the step list but are not worth a click each."""
        row = self.steps.currentIndex().row() + direction
        while 0 <= row < self.model.rowCount():
            if self.model.status(row) is not SectionStatus.NOT_APPLICABLE:
                self.go_to(self.model.step_id(row))
                return
            row += direction

    def _on_step_chosen(self, current, previous) -> None:
        self.session.flush_typing()  # leaving a page ends its typing: every view hears of it now
        if previous.isValid():
            left = self.pages.get(self.model.step_id(previous.row()))
            if isinstance(left, SectionPage):
                left.visited = True
                left.update_visibility()
                self.model.mark_left([left.section.id])
        if current.isValid():
            self._show(self.model.step_id(current.row()))

    def _show(self, step_id: str) -> None:
        page = self.page(step_id)
        if step_id == REVIEW:
            for other in self.section_pages():
                other.visited = True
                other.update_visibility()
            self.model.mark_left(self.model.section_ids)
            self.review.refresh()
        elif step_id not in self.reached:
            self.reached.add(step_id)
            self._update_progress()
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            page.verticalScrollBar().setValue(0)
        row = self.model.row_of(step_id)
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.model.rowCount() - 1)
        self.step_changed.emit(step_id)

    def tab_chain(self) -> list[QWidget]:
        """What Tab walks through: steps, the page's questions, Back, Next, the result."""
        chain = [self.steps, *_focusable_in(self.stack.currentWidget()), self.back_button,
                 self.next_button, self.result, *_focusable_in(self.result)]
        return [w for w in chain if w.isVisible() and w.isEnabled()]

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        # Tab order by hand: pages and result parts are built after the buttons and Qt appends late
        # widgets to the end of its chain. (QWidget.setTabOrder would do, but in PySide6 6.12 each
        # call drops a reference to None, which crashes Python 3.11 after a few thousand calls.)
        chain = self.tab_chain()
        focus = self.focusWidget()
        here = next((i for i, w in enumerate(chain) if w is focus or w.isAncestorOf(focus)), None)
        if not chain or here is None:
            return super().focusNextPrevChild(forward)
        target = chain[(here + (1 if forward else -1)) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        page = self.stack.currentWidget()
        if page.isAncestorOf(target):
            page.ensureWidgetVisible(target)
        elif self.result.isAncestorOf(target):
            self.result.ensureWidgetVisible(target)
        return True

    def go_to_next_missing(self) -> str | None:
        """Show the next required question without an answer after the one being answered (or the
        section on screen), wrapping round; None when every required answer is given."""
        target = next_missing(self.session.evaluation, self._current_question())
        if target is not None:
            self.go_to_question(target)
        return target

    def _current_question(self) -> str | None:
        """The question whose view has the focus, else the one just before the section on screen."""
        page = self.stack.currentWidget()
        if not isinstance(page, SectionPage):
            return None
        focus = self.focusWidget()
        for question_id, view in page.views.items():
            if focus is not None and view.isAncestorOf(focus):
                return question_id
        order = list(self.session.evaluation.index.questions)
        first = order.index(page.section.questions[0].id)
        return order[first - 1] if first > 0 else None

    def _update_progress(self, *_ignored) -> None:
        found = self.session.progress(self.reached)
        self.progress.setRange(0, max(found.total, 1))
        self.progress.setValue(found.answered)
        text = TEXT["progress"].format(answered=found.answered, left=found.left)
        detail = ntr("qt.progress_ahead", found.sections_ahead, seen=found.left_seen, ahead=found.left_ahead)
        self.progress_text.setText(text)
        self.progress_text.setToolTip(detail)
        self.progress.setAccessibleName(text)
        self.progress.setAccessibleDescription(detail)

    def refresh_palette(self) -> None:
        self.model.palette_changed()


def _focusable_in(container: QWidget) -> list[QWidget]:
    """The widgets inside `container` that Tab can reach, in their current chain order."""
    found, widget = [], container.nextInFocusChain()
    while widget is not container and widget is not None and len(found) < 10_000:
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found
