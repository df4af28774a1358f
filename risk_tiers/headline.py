"""The headline of an assessment as a reader sees it: the tier's label and summary.

Every output (wizard, report, dossier) takes its headline from here, so the cases where the tier
value alone would mislead are handled once: a model placed without a system has no system tier,
and an Annex III system relieved by Art 6(3) is never shown as bare "minimal risk". Their words
come from the pack (`model_only_text`, `derogation_text`), so they are translated with it.
"""

from __future__ import annotations

from forms.citations import is_under, label
from forms.schema import DerogationText, Pack, Tier
from risk_tiers import texts
from risk_tiers.assessment import Assessment


def headline(pack: Pack, assessment: Assessment) -> tuple[str, str]:
    """(label, summary) of the assessment's primary result; the summary may be empty."""
    if not assessment.system_tier_applies and pack.model_only_text is not None:
        return pack.model_only_text.label, pack.model_only_text.summary
    derogations = assessment.findings_of("derogated")
    if assessment.tier is Tier.MINIMAL and derogations and pack.derogation_text is not None:
        return pack.derogation_text.label, _derogation_summary(pack.derogation_text, derogations)
    tier_text = next((t for t in pack.tiers if t.tier is assessment.tier), None)
    if tier_text is None:
        return assessment.tier.value, ""
    return tier_text.label, tier_text.summary


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
