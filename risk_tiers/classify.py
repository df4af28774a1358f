"""Classification: a pure function from (pack, answers) to an `Assessment`.

The legal tests are rules in the pack. This module only combines them, in the order the pack
states: the primary tier is the first tier in `pack.tier_order` that a finding grounds; a gating
tier (not an AI system, out of scope) sets the others aside; the model track runs beside it.
"""

from __future__ import annotations

from typing import Any, Mapping

from forms.conditions import Truth
from forms.evaluation import Evaluation
from forms.schema import GpaiStatus, Pack, Rule, Tier
from risk_tiers import application, texts
from risk_tiers.assessment import Assessment, Finding, ObligationResult, OpenPoint

GATING_TIERS = (Tier.NOT_AI_SYSTEM, Tier.OUT_OF_SCOPE)
_GPAI_ORDER = (GpaiStatus.GPAI_SYSTEMIC, GpaiStatus.GPAI)


def classify(pack: Pack, answers: Mapping[str, Any], notes: Mapping[str, str] | None = None) -> Assessment:
    """`notes` (question id to the applicant's note) are carried to the answers each result cites."""
    notes = notes or {}
    evaluation = Evaluation(pack, answers)
    fired = [rule for rule in pack.rules if rule.tier != "fact" and evaluation.rule(rule.id) is Truth.TRUE]
    tier = _primary_tier(pack, fired)
    gated = tier in GATING_TIERS
    if gated:
        fired = [rule for rule in fired if rule.tier in {t.value for t in GATING_TIERS}]
    roles = _roles(pack, evaluation, fired)
    model_only = bool(pack.model_only_rule) and evaluation.rule(pack.model_only_rule) is Truth.TRUE
    return Assessment(
        pack_id=pack.id,
        pack_version=pack.version,
        law_current_to=pack.law_current_to,
        tier=tier,
        system_tier_applies=not model_only or gated,
        gpai=_gpai_status(fired),
        roles=roles,
        findings=tuple(_finding(evaluation, rule, notes) for rule in fired),
        obligations=() if gated else _obligations(pack, evaluation, roles),
        open_points=_open_points(pack, evaluation, gated),
        verdicts=application.verdicts(pack, evaluation, notes),
        checklists=application.checklists(pack, evaluation),
        duties=() if gated else application.duties(pack, evaluation, notes),
        gaps=application.gaps(pack, evaluation, notes),
    )


def _primary_tier(pack: Pack, fired: list[Rule]) -> Tier:
    grounded = {rule.tier for rule in fired}
    for tier in pack.tier_order:
        if tier.value in grounded:
            return tier
    return Tier.MINIMAL


def _gpai_status(fired: list[Rule]) -> GpaiStatus:
    statuses = {rule.tier for rule in fired}
    for status in _GPAI_ORDER:
        if status.value in statuses:
            return status
    return GpaiStatus.NONE


def _roles(pack: Pack, evaluation: Evaluation, fired: list[Rule]) -> tuple[str, ...]:
    chosen = list(evaluation.known(pack.roles_question) or [])
    for rule in fired:
        chosen.extend(role for role in rule.grants_roles if role not in chosen)
    return tuple(chosen)


def _finding(evaluation: Evaluation, rule: Rule, notes: Mapping[str, str]) -> Finding:
    because = application.because(evaluation, evaluation.support(rule.when), notes)
    return Finding(
        rule=rule.id, tier=rule.tier, refs=rule.refs, reason=rule.reason, because=because,
        caveat=rule.caveat,
    )


def _obligations(pack: Pack, evaluation: Evaluation, roles: tuple[str, ...]) -> tuple[ObligationResult, ...]:
    results = []
    for obligation in pack.obligations:
        if not set(obligation.roles) & set(roles):
            continue
        if evaluation.truth(obligation.when) is not Truth.TRUE:
            continue
        date_id = next(
            (c.date for c in obligation.dates if evaluation.truth(c.when) is Truth.TRUE), obligation.date
        )
        date = evaluation.index.dates.get(date_id) if date_id else None
        results.append(ObligationResult(
            id=obligation.id, text=obligation.text, refs=obligation.refs,
            roles=tuple(r for r in obligation.roles if r in roles), group=obligation.group,
            applies_from=date.date if date else None, set_by=date.set_by if date else "",
            verified=date.verified if date else True,
            original_date=date.original_date if date else None,
            original_set_by=date.original_set_by if date else "",
        ))
    return tuple(results)


def _open_points(pack: Pack, evaluation: Evaluation, gated: bool) -> tuple[OpenPoint, ...]:
    affected: dict[str, list[str]] = {}
    for rule in pack.rules:
        if rule.tier == "fact" or (gated and rule.tier not in {t.value for t in GATING_TIERS}):
            continue
        for qid in evaluation.unknowns(rule.when):
            affected.setdefault(qid, []).append(rule.id)
    points = [_question_point(evaluation, qid, rules) for qid, rules in affected.items()]
    points.extend(_law_points(pack) if not gated else [])
    return tuple(points)


def _question_point(evaluation: Evaluation, qid: str, rules: list[str]) -> OpenPoint:
    question = evaluation.index.questions[qid]
    status = "unsure" if evaluation.is_unsure(qid) else "unanswered"
    refs = tuple(dict.fromkeys(ref for rid in rules for ref in evaluation.index.rules[rid].refs))
    return OpenPoint(
        kind="question", question=qid, status=status, could_affect=tuple(rules), refs=refs,
        text=texts.OPEN_QUESTION[status].format(question=question.text),
    )


def _law_points(pack: Pack) -> list[OpenPoint]:
    return [
        OpenPoint(kind="law", text=texts.UNVERIFIED_DATE.format(date=d.date.isoformat(), set_by=d.set_by))
        for d in pack.dates if not d.verified
    ]
