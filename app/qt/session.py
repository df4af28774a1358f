"""The wizard's session: the draft session (app/session/draft_session.py) seen through Qt signals, and the
result the core gives for its answers.

Widgets set answers here and listen to the signals; they never talk to each other. The draft itself,
its file, passphrase, autosave and every flow around them belong to the Qt-free draft session
(`self.drafts`); this class adds what only the wizard needs. Every change re-evaluates the whole
pack (visibility, missing answers) and re-classifies it: the core is pure and fast enough for that
(see benchmarks/classify.py), so nothing is cached between changes.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from app.kits.kit import Kit
from app.session.draft_session import DraftSession
from app.storage.drafts import Draft, Made
from app.session.prompts import Prompts
from forms.evaluation import Evaluation
from forms.progress import PathProgress, path_progress
from forms.schema import Pack
from risk_tiers.assessment import Assessment
from risk_tiers.classify import classify


class SectionStatus(str, Enum):
    DONE = "done"
    INCOMPLETE = "incomplete"
    # Incomplete and already left: its missing answers are marked, on the page and in the steps.
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


class Session(QObject):
    # The question id that changed, or "" when the whole draft was replaced.
    answers_changed = Signal(str)
    assessment_changed = Signal(object)
    dirty_changed = Signal(bool)
    path_changed = Signal(object)
    # The kit worn changed (a kit opened or set aside, a draft made with another kit opened): the
    # pack changed with it, and the views built from it are built again.
    kit_changed = Signal(object)
    attachments_changed = Signal()
    feedback_changed = Signal()  # the reviewer's feedback taken, or a reply written

    def __init__(self, pack: Pack, draft: Draft | None = None, path: Path | None = None, parent=None,
                 prompts: Prompts | None = None, kit: Kit | None = None,
                 find_kit: Callable[[Made], Kit | None] | None = None):
        super().__init__(parent)
        self.drafts = DraftSession(pack, prompts, draft, path, kit=kit, find_kit=find_kit)
        # What the core says of the answers, worked out when first asked: a session opened on a
        # named draft replaces its empty one before anyone asks.
        self._results: tuple[Evaluation, set[str], Assessment] | None = None
        self.drafts.answers_changed.connect(self._on_answers_changed)
        self.drafts.dirty_changed.connect(self.dirty_changed.emit)
        self.drafts.path_changed.connect(self.path_changed.emit)
        self.drafts.kit_changed.connect(self._on_kit_changed)
        self.drafts.attachments_changed.connect(self.attachments_changed.emit)
        self.drafts.feedback_changed.connect(self.feedback_changed.emit)

    @property
    def pack(self) -> Pack:
        """The pack in use: the kit's when one is worn (the draft session may change it)."""
        return self.drafts.pack

    @property
    def kit(self) -> Kit | None:
        return self.drafts.kit

    # --- what the draft session holds ---
    @property
    def draft(self) -> Draft:
        return self.drafts.draft

    @property
    def path(self) -> Path | None:
        return self.drafts.path

    @property
    def dirty(self) -> bool:
        return self.drafts.dirty

    @property
    def passphrase(self) -> str | None:
        return self.drafts.passphrase

    @property
    def display_name(self) -> str:
        return self.drafts.display_name

    def value(self, question_id: str) -> Any:
        return self.drafts.value(question_id)

    def note(self, question_id: str) -> str:
        return self.drafts.note(question_id)

    def set_answer(self, question_id: str, value: Any) -> None:
        self.drafts.set_answer(question_id, value)

    def set_note(self, question_id: str, note: str) -> None:
        self.drafts.set_note(question_id, note)  # results quote the notes on their answers

    # --- what the core says of it ---
    @property
    def evaluation(self) -> Evaluation:
        return self._worked_out()[0]

    @property
    def missing(self) -> set[str]:
        """The required questions asked and not answered."""
        return self._worked_out()[1]

    @property
    def assessment(self) -> Assessment:
        return self._worked_out()[2]

    def section_status(self, section_id: str) -> SectionStatus:
        section = self.evaluation.index.sections[section_id]
        visible = [q.id for q in section.questions if self.evaluation.is_visible(q.id)]
        if not visible:
            return SectionStatus.NOT_APPLICABLE
        if any(qid in self.missing for qid in visible):
            return SectionStatus.INCOMPLETE
        return SectionStatus.DONE

    def missing_in(self, section_id: str) -> int:
        """Required answers not given among the section's questions asked."""
        section = self.evaluation.index.sections[section_id]
        return sum(1 for q in section.questions if q.id in self.missing)

    def progress(self, reached=()) -> PathProgress:
        """How far the draft is on the path its answers take (forms/progress.py); `reached`: the
        sections already shown."""
        return path_progress(self.evaluation, reached)

    def _on_answers_changed(self, question_id: str) -> None:
        before = self._results[2] if self._results else None
        self._recompute()
        self.answers_changed.emit(question_id)
        # Most keystrokes in a text answer leave the result as it was: then the result panel need not
        # be rebuilt (that rebuild costs more than the classification itself).
        if not question_id or self.assessment != before:
            self.assessment_changed.emit(self.assessment)

    def _worked_out(self) -> tuple[Evaluation, set[str], Assessment]:
        if self._results is None:
            self._recompute()
        return self._results  # type: ignore[return-value]

    def _on_kit_changed(self, kit) -> None:
        self._recompute()
        self.kit_changed.emit(kit)

    def _recompute(self) -> None:
        values = self.draft.values()
        evaluation = Evaluation(self.pack, values)
        self._results = (evaluation, set(evaluation.missing_required()), classify(self.pack, values, self.draft.notes()))
