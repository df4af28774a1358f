"""The headline of an assessment as a reader sees it: the tier's label and summary.

Every output (wizard, report, dossier) takes its headline from here, so the cases where the tier
value alone would mislead are handled once: a model placed without a system has no system tier,
and an Annex III system relieved by Art 6(3) is never shown as bare "minimal risk". Their words
come from the pack (`model_only_text`, `derogation_text`), so they are translated with it.
"""

from __future__ import annotations

from forms.citations import is_under, label
from forms.schema import DerogationText, Pack, Tier, TierText, UndecidedText
from risk_tiers import texts
from risk_tiers.assessment import Assessment


def headline(pack: Pack, assessment: Assessment) -> tuple[str, str]:
    """(label, summary) of the assessment's primary result; the summary may be empty.

    Nothing answered reads "not assessed yet"; a result that a more severe tier could still
    replace reads "possibly ..." with the questions that decide it, never as the settled lower tier.
    """
    if not assessment.assessed and pack.not_assessed_text is not None:
        return pack.not_assessed_text.label, pack.not_assessed_text.summary
    possible = _tier_text(pack, assessment.could_be[0]) if assessment.could_be else None
    if possible is not None and possible.possibly and pack.undecided_text is not None:
        reached = reached_label(pack, assessment)
        return possible.possibly, _undecided_summary(pack, pack.undecided_text, reached, assessment.deciding)
    return _reached(pack, assessment)


def model_status(assessment: Assessment) -> str:
    """The general-purpose model's status in words, "possibly ..." while a more severe one is open."""
    status = texts.GPAI_STATUS[assessment.gpai.value]
    if not assessment.gpai_could_be:
        return status
    return texts.GPAI_POSSIBLY.format(status=status, possible=texts.GPAI_STATUS[assessment.gpai_could_be[0].value])


def reached_label(pack: Pack, assessment: Assessment) -> str:
    """The label of the tier the answers reach so far, settled or not."""
    return _reached(pack, assessment)[0]


def _reached(pack: Pack, assessment: Assessment) -> tuple[str, str]:
    if not assessment.system_tier_applies and pack.model_only_text is not None:
        return pack.model_only_text.label, pack.model_only_text.summary
    derogations = assessment.findings_of("derogated")
    if assessment.tier is Tier.MINIMAL and derogations and pack.derogation_text is not None:
        return pack.derogation_text.label, _derogation_summary(pack.derogation_text, derogations)
    tier_text = _tier_text(pack, assessment.tier)
    if tier_text is None:
        return assessment.tier.value, ""
    return tier_text.label, tier_text.summary


def _tier_text(pack: Pack, tier: Tier) -> TierText | None:
    return next((t for t in pack.tiers if t.tier is tier), None)


def _undecided_summary(pack: Pack, text: UndecidedText, reached: str, deciding: tuple[str, ...]) -> str:
    questions = {q.id: q.text for s in pack.sections for q in s.questions}
    named = [texts.QUOTED.format(text=questions.get(qid, qid)) for qid in deciding[:text.listed]]
    listed = texts.LIST_SEPARATOR.join(named)
    if len(deciding) > text.listed:
        listed += text.more.format(count=len(deciding) - text.listed)
    return text.summary.format(reached=reached, questions=listed)


def _derogation_summary(text: DerogationText, derogations) -> str:
    refs = list(dict.fromkeys(ref for finding in derogations for ref in finding.refs))
    points = [label(ref) for ref in refs if is_under(ref, text.points_from)]
    conditions = [label(ref) for ref in refs if is_under(ref, text.conditions_from)]
    return text.summary.format(points=texts.LIST_SEPARATOR.join(points) or text.no_points,
                               conditions=texts.LIST_SEPARATOR.join(conditions) or text.no_condition)


def role_name(pack: Pack, role: str) -> str:
    """A role's name as the pack words it: the roles question's option label up to its colon
    ("Provider: we develop it ..." gives "Provider"), so it is translated with the pack."""
    question = next((q for s in pack.sections for q in s.questions if q.id == pack.roles_question), None)
    option = next((o for o in getattr(question, "options", ()) if o.id == role), None)
    return option.label.split(":")[0] if option else role
