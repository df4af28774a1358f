"""Classification: a pure function from (pack, answers) to an `Assessment`.

The legal tests are rules in the pack, and the results they ground are the pack's tracks. This
module only combines them, in the order the pack states: each track reaches the first of its
outcomes that a finding grounds (else its default); a gating outcome sets every other track
aside; a rule the track names may set it aside. It knows no law and no outcome by name.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping, NamedTuple

from forms.conditions import Truth
from forms.evaluation import Evaluation
from forms.schema import FACT, DateEntry, Obligation, Pack, Rule, Track
from risk_tiers import application
from risk_tiers.assessment import (Assessment, ChecklistResult, Finding, GapResult, ObligationResult, OpenPoint,
                                   TrackResult, VerdictResult)


def classify(pack: Pack, answers: Mapping[str, Any], notes: Mapping[str, str] | None = None) -> Assessment:
    """`notes` (question id to the applicant's note) are carried to the answers each result cites."""
    return classify_evaluation(Evaluation(pack, answers), notes)


def classify_evaluation(evaluation: Evaluation, notes: Mapping[str, str] | None = None) -> Assessment:
    """As `classify`, on an evaluation of the answers the caller keeps: what it works out (which
    questions are visible, which rules hold) then serves the caller too, as completeness, at no
    second cost."""
    notes = notes or {}
    pack = evaluation.pack
    fired, gate = _fired(evaluation)
    roles = _roles(pack, evaluation, fired)
    # The duties of the applicant's roles, looked up once: those that apply, and those that might.
    for_roles = [] if gate else [o for o in pack.obligations if set(o.roles) & set(roles)]
    dated = _applying_obligations(evaluation, for_roles)
    derived = _Derived(application.verdicts(pack, evaluation, notes), application.checklists(pack, evaluation),
                       application.gaps(pack, evaluation, notes))
    return Assessment(
        **_headline_part(evaluation, fired, gate, roles, notes),
        obligations=tuple(_obligation_result(obligation, date, roles) for obligation, date in dated),
        open_points=_open_points(pack, evaluation, gate, for_roles, dated, derived),
        verdicts=derived.verdicts,
        checklists=derived.checklists,
        duties=() if gate else application.duties(pack, evaluation, notes),
        gaps=derived.gaps,
    )


def classify_headline(evaluation: Evaluation) -> Assessment:
    """The part of `classify_evaluation` that a headline reads (risk_tiers/headline.py), the same
    as there: each track's result, whether anything is assessed, the roles and the findings. The
    obligations, open points, verdicts, checklists, duties and gaps are not worked out (left
    empty), so it is for a list of many drafts that shows each one's headline only (the
    workspace), at about half the cost; never for a result shown or exported in full."""
    fired, gate = _fired(evaluation)
    roles = _roles(evaluation.pack, evaluation, fired)
    return Assessment(**_headline_part(evaluation, fired, gate, roles, {}), obligations=(), open_points=())


def _fired(evaluation: Evaluation) -> tuple[list[Rule], str | None]:
    """The rules that hold and ground a result, and the gating outcome they reach, if any (then
    only the gating rules count)."""
    pack = evaluation.pack
    fired = [rule for rule in pack.rules if rule.tier != FACT and evaluation.rule(rule.id) is Truth.TRUE]
    gates = evaluation.index.gating_outcomes
    gate = next((o.id for track in pack.tracks for o in track.outcomes
                 if o.id in gates and any(rule.tier == o.id for rule in fired)), None)
    if gate:
        fired = [rule for rule in fired if rule.tier in gates]
    return fired, gate


def _headline_part(evaluation: Evaluation, fired: list[Rule], gate: str | None, roles: tuple[str, ...],
                   notes: Mapping[str, str]) -> dict[str, Any]:
    pack = evaluation.pack
    grounded = {rule.tier for rule in fired}
    return dict(
        pack_id=pack.id,
        pack_version=pack.version,
        law_current_to=pack.law_current_to,
        tracks=tuple(_track_result(evaluation, track, grounded, gate) for track in pack.tracks),
        assessed=any(evaluation.answered(qid) for qid in evaluation.index.rule_questions),
        roles=roles,
        findings=tuple(_finding(evaluation, rule, notes) for rule in fired),
    )


def _track_result(evaluation: Evaluation, track: Track, grounded: set[str], gate: str | None) -> TrackResult:
    outcome = next((o.id for o in track.outcomes if o.id in grounded), track.default)
    set_aside = bool(track.set_aside_by) and evaluation.rule(track.set_aside_by) is Truth.TRUE
    if gate or set_aside:
        # A gating result is settled: the outcomes it sets aside are not "still possible".
        return TrackResult(track=track.id, outcome=outcome, applies=bool(gate) or not set_aside)
    possible = _still_possible(evaluation, _more_severe(track, outcome))
    return TrackResult(track=track.id, outcome=outcome, could_be=tuple(possible),
                       deciding=tuple(dict.fromkeys(q for questions in possible.values() for q in questions)))


class _Derived(NamedTuple):
    """What follows from the application sections (see risk_tiers/application.py)."""

    verdicts: tuple[VerdictResult, ...]
    checklists: tuple[ChecklistResult, ...]
    gaps: tuple[GapResult, ...]

    def unknowns(self) -> Iterator[tuple[str, str]]:
        """(result id, question id) for each open question that leaves a derived result undecided."""
        for verdict in self.verdicts:
            for qid in verdict.open_questions:
                yield verdict.id, qid
        for checklist in self.checklists:
            for qid in (*checklist.open_questions, *(q for entry in checklist.open for q in entry.questions)):
                yield checklist.id, qid
        for gap in self.gaps:
            for qid in gap.open_questions:
                yield gap.id, qid


def _more_severe(track: Track, outcome: str) -> list[str]:
    """The outcomes that would take precedence over `outcome`, gating ones left out (they set
    results aside rather than being more severe)."""
    order = [o.id for o in track.outcomes if not o.gates]
    return order[:order.index(outcome)] if outcome in order else []


def _still_possible(evaluation: Evaluation, outcomes: list[str]) -> dict[str, list[str]]:
    """Each outcome that an undecided rule could still ground, with the open questions deciding it.
    An unanswered or unsure answer is never read as "no": such a rule stays possible."""
    possible: dict[str, list[str]] = {}
    for outcome in outcomes:
        questions: dict[str, None] = {}  # in order, once each
        for rule in evaluation.pack.rules:
            if rule.tier == outcome and evaluation.rule(rule.id) is Truth.UNKNOWN:
                questions.update(dict.fromkeys(evaluation.unknowns(rule.when)))
        if questions:
            possible[outcome] = list(questions)
    return possible


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


def _open_points(pack: Pack, evaluation: Evaluation, gate: str | None, for_roles: list[Obligation],
                 dated: list[tuple[Obligation, DateEntry | None]], derived: _Derived) -> tuple[OpenPoint, ...]:
    affected: dict[str, list[str]] = {}
    gates = evaluation.index.gating_outcomes
    for rule in pack.rules:
        if rule.tier == FACT or (gate and rule.tier not in gates):
            continue
        for qid in evaluation.unknowns(rule.when):
            affected.setdefault(qid, []).append(rule.id)
    if not gate:
        # Questions that decide only a duty or its date (the conformity route, a public deployer's
        # impact assessment, a legacy date) change the result as much as those behind a tier.
        # A question already open for a rule keeps the rules as what it affects, not every duty.
        behind_rules = set(affected)
        for obligation_id, qid in _obligation_unknowns(evaluation, for_roles, dated):
            if qid not in behind_rules and obligation_id not in affected.get(qid, []):
                affected.setdefault(qid, []).append(obligation_id)
    # An unsure answer behind a derived result (DPIA need, Art 59, a real-world-testing condition,
    # a gap) leaves it open too: it is an open point, never a condition met.
    for result_id, qid in derived.unknowns():
        if result_id not in affected.get(qid, []):
            affected.setdefault(qid, []).append(result_id)
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
    status = "unsure" if evaluation.is_unsure(qid) else "unanswered"
    refs = tuple(dict.fromkeys(ref for item in affected for ref in evaluation.index.refs.get(item, ())))
    return OpenPoint(kind="question", question=qid, status=status, could_affect=tuple(affected), refs=refs)


def _law_points(dated: list[tuple[Obligation, DateEntry | None]]) -> list[OpenPoint]:
    """Unsettled law only where it matters: the unchecked dates of duties that apply."""
    dates = {date.id: date for _, date in dated if date is not None and not date.verified}
    return [OpenPoint(kind="law", date=date_id) for date_id in dates]
