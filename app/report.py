"""Plain-text and JSON views of a pack and of an assessment, for the command line.

They only read the core's objects: nothing here decides anything about the law.
"""

from __future__ import annotations

from typing import Any

from forms.citations import label
from forms.schema import Pack, Tier
from risk_tiers import texts
from risk_tiers.assessment import Assessment, Finding

TEXT = {
    "tier": "Tier: {label}",
    "gpai": "General-purpose AI model: {status}",
    "gpai_status": {"none": "not a general-purpose AI model", "gpai": "general-purpose AI model",
                    "gpai_systemic": "general-purpose AI model with systemic risk"},
    "roles": "Your roles: {roles}",
    "findings": "Findings",
    "excluded": "Considered and excluded",
    "obligations": "What you must do",
    "open_points": "Open points",
    "none": "  (none)",
    "from": "from {date}",
    "unverified": " (reported, not yet verified in the Official Journal)",
    "law": "Law as of {date}: {note}",
}


def tier_label(pack: Pack, assessment: Assessment) -> str:
    if not assessment.system_tier_applies:
        return texts.MODEL_ONLY
    for tier_text in pack.tiers:
        if tier_text.tier is assessment.tier:
            return f"{tier_text.label}. {tier_text.summary}"
    return assessment.tier.value


def refs_text(refs: tuple[str, ...]) -> str:
    return "; ".join(label(ref) for ref in refs)


def answer_text(pack: Pack, question_id: str, value: Any) -> str:
    question = next((q for s in pack.sections for q in s.questions if q.id == question_id), None)
    options = {o.id: o.label for o in getattr(question, "options", ())}
    if isinstance(value, list):
        return ", ".join(options.get(v, str(v)) for v in value)
    return options.get(value, str(value)) if isinstance(value, str) else str(value)


def because_text(pack: Pack, finding: Finding) -> list[str]:
    questions = {q.id: q for s in pack.sections for q in s.questions}
    return [
        texts.BECAUSE.format(answer=answer_text(pack, b.question, b.answer), question=questions[b.question].text)
        for b in finding.because if b.question in questions
    ]


def assessment_text(pack: Pack, draft: Any, assessment: Assessment) -> str:
    lines = [TEXT["tier"].format(label=tier_label(pack, assessment)),
             TEXT["gpai"].format(status=TEXT["gpai_status"][assessment.gpai.value])]
    if assessment.roles:
        lines.append(TEXT["roles"].format(roles=", ".join(assessment.roles)))
    lines.append(TEXT["law"].format(date=pack.law_current_to.isoformat(), note=pack.law_note))
    applying = [f for f in assessment.findings if f.tier != "excluded"]
    excluded = [f for f in assessment.findings if f.tier == "excluded"]
    lines += _section(TEXT["findings"], [_finding_lines(pack, f) for f in applying])
    if excluded:
        lines += _section(TEXT["excluded"], [_finding_lines(pack, f) for f in excluded])
    lines += _section(TEXT["obligations"], [_obligation_lines(o) for o in assessment.obligations])
    lines += _section(TEXT["open_points"], [[f"- {p.text}"] for p in assessment.open_points])
    return "\n".join(lines)


def _section(title: str, entries: list[list[str]]) -> list[str]:
    lines = ["", title]
    for entry in entries:
        lines.extend(entry)
    return lines if entries else lines + [TEXT["none"]]


def _finding_lines(pack: Pack, finding: Finding) -> list[str]:
    lines = [f"- [{finding.tier}] {refs_text(finding.refs)}", f"  {finding.reason}"]
    lines += [f"  {because}" for because in because_text(pack, finding)]
    if finding.caveat:
        lines.append(f"  Note: {finding.caveat}")
    return lines


def _obligation_lines(obligation) -> list[str]:
    when = ""
    if obligation.applies_from:
        when = TEXT["from"].format(date=obligation.applies_from.isoformat())
        when += "" if obligation.verified else TEXT["unverified"]
    return [f"- {obligation.text} ({refs_text(obligation.refs)}; {when or '-'})"]


def assessment_json(pack: Pack, assessment: Assessment) -> dict[str, Any]:
    data = assessment.model_dump(mode="json")
    data["tier_label"] = tier_label(pack, assessment)
    for finding in data["findings"]:
        finding["labels"] = [label(ref) for ref in finding["refs"]]
    return data


def questions_json(pack: Pack) -> dict[str, Any]:
    return {
        "pack": {"id": pack.id, "version": pack.version, "title": pack.title,
                 "law_current_to": pack.law_current_to.isoformat()},
        "sections": [
            {"id": s.id, "title": s.title, "questions": [_question_json(q) for q in s.questions]}
            for s in pack.sections
        ],
    }


def _question_json(question) -> dict[str, Any]:
    data = {"id": question.id, "kind": question.kind, "text": question.text,
            "required": question.required, "refs": list(question.refs)}
    if hasattr(question, "options"):
        data["options"] = [{"id": o.id, "label": o.label} for o in question.options]
    if question.kind == "yes_no":
        data["options"] = [{"id": v, "label": v} for v in ("yes", "no", "unsure")]
    return data


def questions_text(pack: Pack) -> str:
    lines = [f"{pack.title} (pack {pack.id} {pack.version}, law as of {pack.law_current_to.isoformat()})"]
    for section in pack.sections:
        lines += ["", f"{section.title}  [{section.id}]"]
        for question in section.questions:
            lines.append(f"  {question.id}  ({question.kind}{'' if question.required else ', optional'})  {question.text}")
            if question.refs:
                lines.append(f"      cites: {refs_text(question.refs)}")
            for option in getattr(question, "options", ()):
                lines.append(f"      - {option.id}: {option.label}")
    return "\n".join(lines)
