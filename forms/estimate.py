"""How long the questions take, from the pack alone: the questions a typical applicant is asked
(the pack's `estimate.typical` answers, read as the wizard reads them) times the minutes the pack
gives one answer of each kind. Pure, so the start page, a test and a script say the same.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

from catalogue import tr
from forms.answers import answer_problem
from forms.evaluation import Evaluation
from forms.schema import KINDS, Pack

Found = tuple[str, str, str]

# Estimates are rounded up to this many minutes: a precise-looking figure would promise too much.
ROUND_TO = 5


@dataclass(frozen=True)
class TimeEstimate:
    questions: int  # asked on the typical path
    minutes: int  # rounded up to ROUND_TO


def typical_path(pack: Pack) -> list[str]:
    """The questions asked on the typical answers, in the pack's order."""
    typical = pack.estimate.typical if pack.estimate else {}
    return Evaluation(pack, dict(typical)).visible_questions


def time_estimate(pack: Pack) -> TimeEstimate | None:
    """None when the pack gives no minutes."""
    if pack.estimate is None:
        return None
    evaluation = Evaluation(pack, dict(pack.estimate.typical))
    questions = [evaluation.index.questions[qid] for qid in evaluation.visible_questions]
    total = sum(pack.estimate.minutes.get(q.kind, 0.0) for q in questions)
    return TimeEstimate(questions=len(questions), minutes=max(ROUND_TO, math.ceil(total / ROUND_TO) * ROUND_TO))


def estimate_problems(pack: Pack) -> Iterator[Found]:
    """Minutes for every kind of question the pack asks, and typical answers that fit their questions."""
    if pack.estimate is None:
        return
    minutes = pack.estimate.minutes
    for kind, value in minutes.items():
        if kind not in KINDS:
            yield "pack", pack.id, tr("packs.check.estimate_kind", key="estimate.minutes", kind=kind)
        elif value < 0:
            yield "pack", pack.id, tr("packs.check.estimate_negative", key=f"estimate.minutes.{kind}")
    asked = {q.kind for s in pack.sections for q in s.questions}
    for kind in sorted(asked - set(minutes)):
        yield "pack", pack.id, tr("packs.check.estimate_missing", key="estimate.minutes", kind=kind)
    questions = {q.id: q for s in pack.sections for q in s.questions}
    for question_id, value in pack.estimate.typical.items():
        question = questions.get(question_id)
        if question is None:
            yield "pack", pack.id, tr("packs.check.estimate_question", key="estimate.typical", question=question_id)
            continue
        problem = answer_problem(question, value)
        if problem:
            yield "pack", pack.id, tr("packs.check.estimate_answer", key="estimate.typical", problem=problem)
