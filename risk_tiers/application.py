"""What follows from the application sections: verdicts (DPIA need, prior consultation),
checklists (Art 59 re-use of personal data), duties with their stated measures and how far each is,
and gaps.

The tests themselves are pack data (`verdicts`, `checklists`, `measures`, `gaps`); this module
only reads them with the same three-valued evaluation as the rules. An undecided test never
counts as met or as not met: it is reported as unknown, with the questions still open.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from forms.conditions import AnswerTest, RuleTest, Truth, walk
from forms.evaluation import Evaluation
from forms.schema import Checklist, Gap, Measure, Pack, Verdict
from risk_tiers.assessment import Because, ChecklistEntry, ChecklistResult, DutyResult, GapResult, VerdictResult

UNKNOWN, NOT_APPLICABLE = "unknown", "not_applicable"


def because(evaluation: Evaluation, question_ids: list[str], notes: Mapping[str, str]) -> tuple[Because, ...]:
    """The answers behind a result, each with the applicant's note on it. A question that counts
    because it is still unanswered has no answer to show, so it is left out."""
    return tuple(
        Because(question=qid, answer=evaluation.raw(qid), note=notes.get(qid, ""))
        for qid in question_ids if evaluation.raw(qid) is not None
    )


def verdicts(pack: Pack, evaluation: Evaluation, notes: Mapping[str, str]) -> tuple[VerdictResult, ...]:
    return tuple(_verdict(v, evaluation, notes) for v in pack.verdicts)


def _verdict(verdict: Verdict, evaluation: Evaluation, notes: Mapping[str, str]) -> VerdictResult:
    base = {"id": verdict.id, "title": verdict.title}
    applies = evaluation.truth(verdict.applies_if)
    if applies is Truth.FALSE:
        return VerdictResult(**base, value=NOT_APPLICABLE)
    undecided: list = []
    for outcome in verdict.outcomes:
        truth = evaluation.truth(outcome.when)
        if truth is Truth.UNKNOWN:
            undecided.append(outcome)
        elif truth is Truth.TRUE and applies is Truth.TRUE:
            # An earlier undecided outcome with another value could still take precedence.
            if all(o.value == outcome.value for o in undecided):
                return VerdictResult(
                    **base, value=outcome.value, reason=outcome.reason, refs=outcome.refs,
                    counted=_counted(verdict, evaluation),
                    because=because(evaluation, evaluation.support(outcome.when), notes),
                )
            break
    open_questions: list[str] = []
    conditions = [verdict.applies_if] + [o.when for o in verdict.outcomes]
    for condition in conditions:
        if condition is not None:
            open_questions.extend(q for q in evaluation.unknowns(condition) if q not in open_questions)
    return VerdictResult(**base, value=UNKNOWN, counted=_counted(verdict, evaluation),
                         open_questions=tuple(open_questions))


def _counted(verdict: Verdict, evaluation: Evaluation) -> tuple[str, ...]:
    """The chosen options that the verdict's tests count ("none of these" is chosen, not counted)."""
    if not verdict.counts:
        return ()
    tested = _options_tested(verdict.counts, [o.when for o in verdict.outcomes], evaluation)
    return tuple(option for option in evaluation.known(verdict.counts) or [] if option in tested)


def _options_tested(question_id: str, conditions: list, evaluation: Evaluation) -> set[str]:
    found: set[str] = set()
    seen_rules: set[str] = set()
    pending = list(conditions)
    while pending:
        for leaf in walk(pending.pop()):
            if isinstance(leaf, RuleTest) and leaf.rule not in seen_rules:
                seen_rules.add(leaf.rule)
                pending.append(evaluation.index.rules[leaf.rule].when)
            elif isinstance(leaf, AnswerTest) and leaf.q == question_id:
                found.update(leaf.option_values())
    return found


def checklists(pack: Pack, evaluation: Evaluation) -> tuple[ChecklistResult, ...]:
    return tuple(_checklist(c, evaluation) for c in pack.checklists)


def _checklist(checklist: Checklist, evaluation: Evaluation) -> ChecklistResult:
    base = {"id": checklist.id, "title": checklist.title, "refs": checklist.refs}
    applies = evaluation.truth(checklist.applies_if)
    if applies is Truth.FALSE:
        return ChecklistResult(**base, status=NOT_APPLICABLE)
    if applies is Truth.UNKNOWN:
        # Its items are not worth asking about until it is known to apply.
        return ChecklistResult(**base, status=UNKNOWN,
                               open_questions=tuple(evaluation.unknowns(checklist.applies_if)))
    unmet, open_items = [], []
    for item in checklist.items:
        truth = evaluation.truth(item.met)
        if truth is Truth.FALSE:
            unmet.append(ChecklistEntry(id=item.id, text=item.text, refs=item.refs))
        elif truth is Truth.UNKNOWN:
            open_items.append(ChecklistEntry(id=item.id, text=item.text, refs=item.refs,
                                             questions=tuple(evaluation.unknowns(item.met))))
    status = "not_met" if unmet else UNKNOWN if open_items else "met"
    return ChecklistResult(**base, status=status, unmet=tuple(unmet), open=tuple(open_items))


def duties(pack: Pack, evaluation: Evaluation, notes: Mapping[str, str]) -> tuple[DutyResult, ...]:
    return tuple(
        _duty(m, evaluation, notes) for m in pack.measures if evaluation.rule(m.rule) is Truth.TRUE
    )


def _duty(measure: Measure, evaluation: Evaluation, notes: Mapping[str, str]) -> DutyResult:
    stated = evaluation.known(measure.question)
    status = _status(measure, evaluation)
    return DutyResult(
        id=measure.id, rule=measure.rule, group=measure.group, text=measure.text, refs=measure.refs,
        question=measure.question, stated=bool(stated and str(stated).strip()),
        measure=str(stated or ""), note=notes.get(measure.question, ""), obligation=measure.obligation or "",
        status=status, planned_by=_planned_by(measure, evaluation) if status == "planned" else None,
        tested=_tested(measure, evaluation),
    )


def _status(measure: Measure, evaluation: Evaluation) -> str:
    """The status the applicant gives, `unknown` while it is unanswered or unsure."""
    if not measure.status_question:
        return ""
    return evaluation.known(measure.status_question) or UNKNOWN


def _planned_by(measure: Measure, evaluation: Evaluation) -> dt.date | None:
    given = evaluation.known(measure.planned_question) if measure.planned_question else None
    return dt.date.fromisoformat(given) if given else None


def _tested(measure: Measure, evaluation: Evaluation) -> bool | None:
    chosen = evaluation.known(measure.tested_question) if measure.tested_question else None
    return None if chosen is None else measure.id in chosen


def gaps(pack: Pack, evaluation: Evaluation, notes: Mapping[str, str]) -> tuple[GapResult, ...]:
    """The gaps that exist, and those an unanswered or unsure answer leaves undecided: "unsure"
    whether consent was obtained is a gap to settle, never a condition met."""
    results = []
    for gap in pack.gaps:
        truth = evaluation.truth(gap.when)
        if truth is Truth.TRUE:
            results.append(_gap(gap, evaluation, notes))
        elif truth is Truth.UNKNOWN:
            open_questions = tuple(evaluation.unknowns(gap.when))
            if open_questions:
                results.append(GapResult(id=gap.id, text=gap.text, refs=gap.refs, status="undecided",
                                         open_questions=open_questions))
    return tuple(results)


def _gap(gap: Gap, evaluation: Evaluation, notes: Mapping[str, str]) -> GapResult:
    return GapResult(id=gap.id, text=gap.text, refs=gap.refs,
                     because=because(evaluation, evaluation.support(gap.when), notes))
