"""How far a draft is along the path its answers take, and where the next missing answer is.

Counting only the questions visible so far makes progress run backwards as answers reveal more
(13 of 29, then 17 of 44). Here what is left counts every required question without an answer that
the answers have not ruled out: in a section whose condition holds or is still open (a section is
asked until the answers rule it out), if the question's own condition holds. Follow-up questions of
an answer not given yet appear when it is given; whole sections do not. Pure: no Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from forms.conditions import Truth
from forms.evaluation import Evaluation


@dataclass(frozen=True)
class PathProgress:
    answered: int  # questions asked on the current answers that have an answer ("not sure" counts)
    left_seen: int  # required questions without an answer in the sections already reached
    left_ahead: int  # the same in sections not reached yet that the answers have not ruled out
    sections_ahead: int  # those sections with a question left

    @property
    def left(self) -> int:
        return self.left_seen + self.left_ahead

    @property
    def total(self) -> int:
        return self.answered + self.left


def on_path(evaluation: Evaluation, question_id: str) -> bool:
    """True when the answers so far do not rule the question out: it is asked, or its section's
    condition is still open on a question that can be answered now, and its own condition holds.
    (A condition open only on questions that are themselves not asked, such as the classification
    behind a result that ends it, cannot come true by answering: that section is not ahead.)"""
    if evaluation.is_visible(question_id):
        return True
    section = evaluation.index.section_of[question_id]
    question = evaluation.index.questions[question_id]
    return (evaluation.truth(section.show_if) is Truth.UNKNOWN
            and evaluation.truth(question.show_if) is Truth.TRUE
            and bool(evaluation.unknowns(section.show_if)))


def path_progress(evaluation: Evaluation, reached: Collection[str] = ()) -> PathProgress:
    """Progress on the path the answers take; `reached`: the ids of the sections already shown."""
    index = evaluation.index
    answered = sum(1 for qid in evaluation.visible_questions if evaluation.raw(qid) is not None)
    seen = ahead = 0
    sections: set[str] = set()
    for qid, question in index.questions.items():
        if not question.required or evaluation.raw(qid) is not None or not on_path(evaluation, qid):
            continue
        section = index.section_of[qid].id
        if section in reached:
            seen += 1
        else:
            ahead += 1
            sections.add(section)
    return PathProgress(answered=answered, left_seen=seen, left_ahead=ahead, sections_ahead=len(sections))


def next_missing(evaluation: Evaluation, after: str | None = None) -> str | None:
    """The first required question without an answer after `after` in the pack's order (from the
    start when None), wrapping round; None when every required answer is given."""
    missing = evaluation.missing_required()
    if not missing:
        return None
    if after is None or after not in evaluation.index.questions:
        return missing[0]
    order = {qid: number for number, qid in enumerate(evaluation.index.questions)}
    here = order[after]
    return next((qid for qid in missing if order[qid] > here), missing[0])
