"""How complete a draft is: the required questions it is asked, and which of them have no answer.

"Not sure" is an answer here (the applicant has said what they know); only an empty answer is
missing. Questions the answers hide are not counted: they are not asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from forms.evaluation import Evaluation


@dataclass(frozen=True)
class MissingAnswer:
    question: str
    section: str
    text: str


@dataclass(frozen=True)
class Completeness:
    required: int  # required questions the draft is asked
    missing: tuple[MissingAnswer, ...]  # those without an answer, in the pack's order

    @property
    def given(self) -> int:
        return self.required - len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing


def completeness(evaluation: Evaluation) -> Completeness:
    index = evaluation.index
    required = [qid for qid in evaluation.visible_questions if index.questions[qid].required]
    missing = tuple(MissingAnswer(qid, index.section_of[qid].id, index.questions[qid].text)
                    for qid in evaluation.missing_required())
    return Completeness(required=len(required), missing=missing)
