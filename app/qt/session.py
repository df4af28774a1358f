"""The session: owns the draft being edited, asks the core for the result, and says what changed.

Widgets set answers here and listen to the signals; they never talk to each other. Every change
re-evaluates the whole pack (visibility, missing answers) and re-classifies it: the core is pure and
fast enough for that (see benchmarks/classify.py), so nothing is cached between changes.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.drafts import Answer, Draft
from forms.evaluation import Evaluation, is_empty
from forms.schema import Pack
from risk_tiers.classify import classify


class SectionStatus(str, Enum):
    DONE = "done"
    INCOMPLETE = "incomplete"
    NOT_APPLICABLE = "not_applicable"


class Session(QObject):
    # The question id that changed, or "" when the whole draft was replaced.
    answers_changed = Signal(str)
    assessment_changed = Signal(object)
    dirty_changed = Signal(bool)
    path_changed = Signal(object)

    def __init__(self, pack: Pack, draft: Draft | None = None, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.pack = pack
        self.draft = draft or Draft.new(pack)
        self.path = path
        self.dirty = False
        # Held in memory only, never written: saves and autosaves are sealed with it (app/protect.py).
        self.passphrase: str | None = None
        self._recompute()

    # --- reading ---
    def value(self, question_id: str) -> Any:
        answer = self.draft.answers.get(question_id)
        return answer.value if answer else None

    def note(self, question_id: str) -> str:
        answer = self.draft.answers.get(question_id)
        return answer.note if answer else ""

    def section_status(self, section_id: str) -> SectionStatus:
        section = self.evaluation.index.sections[section_id]
        visible = [q.id for q in section.questions if self.evaluation.is_visible(q.id)]
        if not visible:
            return SectionStatus.NOT_APPLICABLE
        if any(qid in self.missing for qid in visible):
            return SectionStatus.INCOMPLETE
        return SectionStatus.DONE

    def progress(self) -> tuple[int, int]:
        """(answered, visible) questions."""
        visible = self.evaluation.visible_questions
        return sum(1 for qid in visible if self.evaluation.raw(qid) is not None), len(visible)

    @property
    def display_name(self) -> str:
        return self.path.stem if self.path else ""

    # --- changing ---
    def set_answer(self, question_id: str, value: Any) -> None:
        if is_empty(value):
            value = None
        if value == self.value(question_id):
            return
        answer = self.draft.answers.get(question_id)
        if value is None and not (answer and answer.note):
            self.draft.answers.pop(question_id, None)
        elif answer is None:
            self.draft.answers[question_id] = Answer(value=value)
        else:
            answer.value = value
        self._changed(question_id, reclassify=True)

    def set_note(self, question_id: str, note: str) -> None:
        if note == self.note(question_id):
            return
        answer = self.draft.answers.get(question_id)
        if answer is None:
            self.draft.answers[question_id] = Answer(value=None, note=note)
        elif not note and answer.value is None:
            self.draft.answers.pop(question_id)
        else:
            answer.note = note
        self._changed(question_id, reclassify=True)  # results quote the notes on their answers

    def replace(self, draft: Draft, path: Path | None, dirty: bool = False) -> None:
        """Put another draft in place (New, Open, restore) and tell everyone."""
        self.draft, self.path = draft, path
        self._recompute()
        self._set_dirty(dirty)
        self.path_changed.emit(path)
        self.answers_changed.emit("")
        self.assessment_changed.emit(self.assessment)

    def mark_saved(self, path: Path) -> None:
        if path != self.path:
            self.path = path
            self.path_changed.emit(path)
        self._set_dirty(False)

    def _changed(self, question_id: str, reclassify: bool) -> None:
        self.draft.modified = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        before = self.assessment
        if reclassify:
            self._recompute()
        self._set_dirty(True)
        self.answers_changed.emit(question_id)
        # Most keystrokes in a text answer leave the result as it was: then the result panel need not
        # be rebuilt (that rebuild costs more than the classification itself).
        if reclassify and self.assessment != before:
            self.assessment_changed.emit(self.assessment)

    def _recompute(self) -> None:
        values = self.draft.values()
        self.evaluation = Evaluation(self.pack, values)
        self.missing = set(self.evaluation.missing_required())
        self.assessment = classify(self.pack, values, self.draft.notes())

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)
