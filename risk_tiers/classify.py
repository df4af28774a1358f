"""Classification: a pure function from (pack, answers) to an `Assessment`.

The legal tests are rules in the pack. This module only combines them, in the order the pack
states: the primary tier is the first tier in `pack.tier_order` that a finding grounds; a gating
tier (not an AI system, out of scope) sets the others aside; the model track runs beside it.
"""

from __future__ import annotations

from typing import Any, Mapping

from forms.conditions import Truth
from forms.evaluation import Evaluation
from forms.schema import DateEntry, GpaiStatus, Obligation, Pack, Rule, Tier
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
    # The duties of the applicant's roles, looked up once: those that apply, and those that might.
    for_roles = [] if gated else [o for o in pack.obligations if set(o.roles) & set(roles)]
    dated = _applying_obligations(evaluation, for_roles)
    return Assessment(
        pack_id=pack.id,
        pack_version=pack.version,
        law_current_to=pack.law_current_to,
        tier=tier,
        system_tier_applies=not model_only or gated,
        gpai=_gpai_status(fired),
        roles=roles,
        findings=tuple(_finding(evaluation, rule, notes) for rule in fired),
        obligations=tuple(_obligation_result(obligation, date, roles) for obligation, date in dated),
        open_points=_open_points(pack, evaluation, gated, for_roles, dated),
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


def _applying_obligations(evaluation: Evaluation, for_roles: list[Obligation]) -> list[tuple[Obligation, DateEntry | None]]:
    """The obligations of the applicant's roles that apply, each with the date it applies from."""
    results = []
    for obligation in for_roles:
        if evaluation.truth(obligation.when) is not Truth.TRUE:
            continue
        date_id = next(
            (c.date for c in obligation.dates if evaluation.truth(c.when) is Truth.TRUE), obligation.date
        )
        results.append((obligation, evaluation.index.dates.get(date_id) if date_id else None))
    return results


def _obligation_result(obligation: Obligation, date: DateEntry | None, roles: tuple[str, ...]) -> ObligationResult:
    return ObligationResult(
        id=obligation.id, text=obligation.text, refs=obligation.refs,
        roles=tuple(r for r in obligation.roles if r in roles), group=obligation.group,
        applies_from=date.date if date else None, set_by=date.set_by if date else "",
        verified=date.verified if date else True, source=date.source if date else "",
        original_date=date.original_date if date else None,
        original_set_by=date.original_set_by if date else "",
    )


def _open_points(pack: Pack, evaluation: Evaluation, gated: bool, for_roles: list[Obligation],
                 dated: list[tuple[Obligation, DateEntry | None]]) -> tuple[OpenPoint, ...]:
    affected: dict[str, list[str]] = {}
    for rule in pack.rules:
        if rule.tier == "fact" or (gated and rule.tier not in {t.value for t in GATING_TIERS}):
            continue
        for qid in evaluation.unknowns(rule.when):
            affected.setdefault(qid, []).append(rule.id)
    if not gated:
        # Questions that decide only a duty or its date (the conformity route, a public deployer's
        # impact assessment, a legacy date) change the result as much as those behind a tier.
        # A question already open for a rule keeps the rules as what it affects, not every duty.
        behind_rules = set(affected)
        for obligation_id, qid in _obligation_unknowns(evaluation, for_roles, dated):
            if qid not in behind_rules and obligation_id not in affected.get(qid, []):
                affected.setdefault(qid, []).append(obligation_id)
    points = [_question_point(evaluation, qid, ids) for qid, ids in affected.items()]
    points.extend(_law_points(dated))
    return tuple(points)


def _obligation_unknowns(evaluation: Evaluation, for_roles: list[Obligation],
                         dated: list[tuple[Obligation, DateEntry | None]]):
    """(obligation id, question id) for each open question that leaves a duty, or its date, undecided."""
    applying = {obligation.id for obligation, _ in dated}
    for obligation in for_roles:
        if obligation.id in applying:
            # Its date is undecided while a choice before the one taken is still unknown.
            for choice in obligation.dates:
                truth = evaluation.truth(choice.when)
                if truth is Truth.TRUE:
                    break
                for qid in evaluation.unknowns(choice.when):
                    yield obligation.id, qid
        else:
            for qid in evaluation.unknowns(obligation.when):
                yield obligation.id, qid


def _question_point(evaluation: Evaluation, qid: str, affected: list[str]) -> OpenPoint:
    """`affected`: the ids of the rules and obligations the answer could change."""
    question = evaluation.index.questions[qid]
    status = "unsure" if evaluation.is_unsure(qid) else "unanswered"
    refs = tuple(dict.fromkeys(ref for item in affected for ref in _refs_of(evaluation, item)))
    return OpenPoint(
        kind="question", question=qid, status=status, could_affect=tuple(affected), refs=refs,
        text=texts.OPEN_QUESTION[status].format(question=question.text),
    )


def _refs_of(evaluation: Evaluation, item_id: str) -> tuple[str, ...]:
    rule = evaluation.index.rules.get(item_id)
    if rule is not None:
        return rule.refs
    return next((o.refs for o in evaluation.pack.obligations if o.id == item_id), ())


def _law_points(dated: list[tuple[Obligation, DateEntry | None]]) -> list[OpenPoint]:
    """Unsettled law only where it matters: the unchecked dates of duties that apply."""
    dates = {date.id: date for _, date in dated if date is not None and not date.verified}
    return [
        OpenPoint(kind="law", text=texts.UNVERIFIED_DATE.format(date=d.date.isoformat(), set_by=d.set_by,
                                                                source=d.source))
        for d in dates.values()
    ]
