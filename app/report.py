"""Plain-text and JSON views of a pack and of an assessment, for the command line.

They only read the core's objects: nothing here decides anything about the law.
"""

from __future__ import annotations

from typing import Any

from catalogue import table
from forms.citations import label
from forms.schema import Pack, Tier
from risk_tiers import texts
from risk_tiers.assessment import Assessment, ChecklistResult, Finding, GapResult, VerdictResult
from risk_tiers.headline import headline, model_status, role_name

TEXT = table("report")


def tier_label(pack: Pack, assessment: Assessment) -> str:
    # The core's headline: a model-only result, or an Art 6(3) derogation, never bare "minimal".
    title, summary = headline(pack, assessment)
    return f"{title}. {summary}" if summary else title


def refs_text(refs: tuple[str, ...]) -> str:
    return "; ".join(label(ref) for ref in refs)


def answer_text(pack: Pack, question_id: str, value: Any) -> str:
    question = next((q for s in pack.sections for q in s.questions if q.id == question_id), None)
    options = {o.id: o.label for o in getattr(question, "options", ())}
    if getattr(question, "kind", "") == "yes_no" and isinstance(value, str):
        return TEXT["yes_no"].get(value, value)
    if isinstance(value, list):
        return ", ".join(options.get(v, str(v)) for v in value)
    return options.get(value, str(value)) if isinstance(value, str) else str(value)


def gap_text(pack: Pack, gap: GapResult) -> str:
    """A gap in words; one left undecided by an unsure or missing answer says so and names it."""
    if gap.status == "undecided":
        return texts.GAP_UNDECIDED.format(text=gap.text, questions=_question_list(pack, gap.open_questions))
    return gap.text


def because_text(pack: Pack, finding: Finding | GapResult | VerdictResult) -> list[str]:
    """One line per answer behind a result, each followed by the applicant's note on it."""
    questions = {q.id: q for s in pack.sections for q in s.questions}
    lines = []
    for b in finding.because:
        if b.question not in questions:
            continue
        lines.append(texts.BECAUSE.format(answer=answer_text(pack, b.question, b.answer),
                                          question=questions[b.question].text))
        if b.note:
            lines.append(TEXT["note"].format(note=b.note))
    return lines


def assessment_text(pack: Pack, draft: Any, assessment: Assessment) -> str:
    lines = [TEXT["tier"].format(label=tier_label(pack, assessment)),
             TEXT["gpai"].format(status=model_status(assessment))]
    if assessment.roles:
        lines.append(TEXT["roles"].format(roles=", ".join(role_name(pack, r) for r in assessment.roles)))
    lines.append(TEXT["law"].format(date=pack.law_current_to.isoformat(), note=pack.law_note))
    applying = [f for f in assessment.findings if f.tier != "excluded"]
    excluded = [f for f in assessment.findings if f.tier == "excluded"]
    lines += _section(TEXT["findings"], [_finding_lines(pack, f) for f in applying])
    if excluded:
        lines += _section(TEXT["excluded"], [_finding_lines(pack, f) for f in excluded])
    lines += _section(TEXT["obligations"], [_obligation_lines(o) for o in assessment.obligations])
    lines += _section(TEXT["open_points"], [[f"- {p.text}"] for p in assessment.open_points])
    lines += _application_lines(pack, assessment)
    return "\n".join(lines)


def _application_lines(pack: Pack, assessment: Assessment) -> list[str]:
    results = [_verdict_lines(pack, v) for v in assessment.verdicts]
    results += [_checklist_lines(pack, c) for c in assessment.checklists]
    lines = _section(TEXT["results"], results)
    lines += _section(TEXT["duties"], [[
        TEXT["duty_stated" if d.stated else "duty_missing"].format(text=d.text, refs=refs_text(d.refs))
    ] for d in assessment.duties])
    lines += _section(TEXT["gaps"], [
        [f"- {gap_text(pack, g)} ({refs_text(g.refs)})"] + [f"  {b}" for b in because_text(pack, g)]
        for g in assessment.gaps
    ])
    return lines


def _verdict_lines(pack: Pack, verdict: VerdictResult) -> list[str]:
    value = texts.VERDICT_VALUES.get(verdict.value, verdict.value)
    lines = [TEXT["verdict"].format(title=verdict.title, value=value)]
    if verdict.reason:
        lines.append(f"  {verdict.reason} ({refs_text(verdict.refs)})")
    if verdict.counted:
        labels = [answer_text(pack, counted_question(pack, verdict), option) for option in verdict.counted]
        lines.append(TEXT["counted"].format(items="; ".join(labels)))
    lines += [f"  {b}" for b in because_text(pack, verdict)]
    if verdict.open_questions:
        lines.append(TEXT["open"].format(items=_question_list(pack, verdict.open_questions)))
    return lines


def _question_list(pack: Pack, question_ids: tuple[str, ...]) -> str:
    questions = {q.id: q.text for s in pack.sections for q in s.questions}
    return "; ".join(TEXT["question"].format(text=questions.get(qid, qid)) for qid in question_ids)


def counted_question(pack: Pack, verdict: VerdictResult) -> str:
    """The multiple-choice question whose chosen options a verdict counts (as the pack says)."""
    return next((v.counts for v in pack.verdicts if v.id == verdict.id), "") or ""


def _checklist_lines(pack: Pack, checklist: ChecklistResult) -> list[str]:
    status = texts.CHECKLIST_STATUS[checklist.status]
    lines = [TEXT["checklist"].format(title=checklist.title, status=status)]
    lines += [TEXT["unmet"].format(text=e.text, refs=refs_text(e.refs)) for e in checklist.unmet]
    lines += [TEXT["open_item"].format(text=e.text, refs=refs_text(e.refs)) for e in checklist.open]
    if checklist.open_questions:
        lines.append(TEXT["open"].format(items=_question_list(pack, checklist.open_questions)))
    return lines


def _section(title: str, entries: list[list[str]]) -> list[str]:
    lines = ["", title]
    for entry in entries:
        lines.extend(entry)
    return lines if entries else lines + [TEXT["none"]]


def _finding_lines(pack: Pack, finding: Finding) -> list[str]:
    lines = [f"- [{finding.tier}] {refs_text(finding.refs)}", f"  {finding.reason}"]
    lines += [f"  {because}" for because in because_text(pack, finding)]
    if finding.caveat:
        lines.append(TEXT["caveat"].format(caveat=finding.caveat))
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
    for item in data["findings"] + data["gaps"] + data["duties"]:
        item["labels"] = [label(ref) for ref in item["refs"]]
    # The derived results also under their own ids ("dpia", "art59", ...), for readers that want one.
    for result in data["verdicts"] + data["checklists"]:
        data.setdefault(result["id"], result)
    data["transparency_duties"] = [d for d in data["duties"] if d["group"] == "transparency"]
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
    lines = [TEXT["pack_line"].format(title=pack.title, id=pack.id, version=pack.version,
                                      date=pack.law_current_to.isoformat())]
    for section in pack.sections:
        lines += ["", f"{section.title}  [{section.id}]"]
        for question in section.questions:
            kind = question.kind if question.required else TEXT["optional_kind"].format(kind=question.kind)
            lines.append(f"  {question.id}  ({kind})  {question.text}")
            if question.refs:
                lines.append(TEXT["cites"].format(refs=refs_text(question.refs)))
            for option in getattr(question, "options", ()):
                lines.append(f"      - {option.id}: {option.label}")
    return "\n".join(lines)
