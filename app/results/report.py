"""Plain-text and JSON views of a pack and of an assessment, for the command line.

They only read the core's objects: nothing here decides anything about the law.
"""

from __future__ import annotations

from typing import Any

from catalogue import table
from forms.citations import label
from forms.evaluation import index_of
from forms.schema import Pack
from forms.texts import YES_NO
from risk_tiers import texts
from risk_tiers.assessment import Assessment, ChecklistResult, Finding, GapResult, OpenPoint, VerdictResult
from risk_tiers.headline import headline, role_name, track_status

TEXT = table("report")


def tier_label(pack: Pack, assessment: Assessment) -> str:
    # The core's headline: a model-only result, or an Art 6(3) derogation, never bare "minimal".
    title, summary = headline(pack, assessment)
    return f"{title}. {summary}" if summary else title


def refs_text(refs: tuple[str, ...]) -> str:
    return "; ".join(label(ref) for ref in refs)


def answer_text(pack: Pack, question_id: str, value: Any) -> str:
    """An answer as every output shows it (report, review page, dossier): yes/no in the wizard's
    words, options by their labels (several joined by semicolons, as labels hold commas), whole
    numbers without a decimal point."""
    question = index_of(pack).questions.get(question_id)
    options = {o.id: o.label for o in getattr(question, "options", ())}
    if getattr(question, "kind", "") == "yes_no" and isinstance(value, str):
        return YES_NO.get(value, value)
    if isinstance(value, (list, tuple)):
        return texts.LIST_SEPARATOR.join(options.get(v, str(v)) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return options.get(value, str(value)) if isinstance(value, str) else str(value)


def track_lines(pack: Pack, assessment: Assessment) -> list[str]:
    """The outcome of each track after the headline's ("General-purpose AI model: ...")."""
    return [TEXT["track"].format(track=track.label, status=track_status(pack, assessment, track))
            for track in pack.tracks[1:]]


def value_text(pack: Pack, value: str) -> str:
    """A derived result's value in words: the pack's, or the engine's own (unknown, not applicable)."""
    return pack.value_labels.get(value) or texts.VERDICT_VALUES.get(value, value)


def open_point_text(pack: Pack, point: OpenPoint) -> str:
    """An open point in words: the question left open and why, or the unverified date."""
    if point.kind == "law":
        date = index_of(pack).dates[point.date]
        return pack.unverified_date_text.format(date=date.date.isoformat(), set_by=date.set_by, source=date.source)
    question = index_of(pack).questions.get(point.question)
    return texts.OPEN_QUESTION[point.status].format(question=question.text if question else point.question)


def gap_text(pack: Pack, gap: GapResult, name_questions: bool = True) -> str:
    """A gap in words; one left undecided by an unsure or missing answer says so, and names the
    questions that settle it unless the reader is shown a link to them instead."""
    if gap.status != "undecided":
        return gap.text
    if not name_questions:
        return texts.GAP_UNDECIDED_SHORT.format(text=gap.text)
    return texts.GAP_UNDECIDED.format(text=gap.text, questions=_question_list(pack, gap.open_questions))


def because_text(pack: Pack, finding: Finding | GapResult | VerdictResult) -> list[str]:
    """One line per answer behind a result, each followed by the applicant's note on it."""
    questions = index_of(pack).questions
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
    lines = [TEXT["track"].format(track=pack.tracks[0].label, status=tier_label(pack, assessment)),
             *track_lines(pack, assessment)]
    if assessment.roles:
        lines.append(TEXT["roles"].format(roles=", ".join(role_name(pack, r) for r in assessment.roles)))
    lines.append(TEXT["law"].format(date=pack.law_current_to.isoformat(), note=pack.law_note))
    applying = [f for f in assessment.findings if f.tier != "excluded"]
    excluded = [f for f in assessment.findings if f.tier == "excluded"]
    lines += _section(TEXT["findings"], [_finding_lines(pack, f) for f in applying])
    if excluded:
        lines += _section(TEXT["excluded"], [_finding_lines(pack, f) for f in excluded])
    lines += _section(TEXT["obligations"], [_obligation_lines(o) for o in assessment.obligations])
    lines += _section(TEXT["open_points"], [[f"- {open_point_text(pack, p)}"] for p in assessment.open_points])
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
    value = value_text(pack, verdict.value)
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
    questions = index_of(pack).questions
    return texts.LIST_SEPARATOR.join(TEXT["question"].format(text=questions[qid].text if qid in questions else qid)
                                     for qid in question_ids)


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
    # Each track's outcome also under the track's id ("tier", "gpai"), and what the headline's
    # track could still be, as readers of earlier versions found them.
    for track in assessment.tracks:
        data[track.track] = track.outcome
    data["could_be"] = list(assessment.could_be)
    data["deciding"] = list(assessment.deciding)
    data["tier_label"] = tier_label(pack, assessment)
    for item in data["findings"] + data["gaps"] + data["duties"]:
        item["labels"] = [label(ref) for ref in item["refs"]]
    # The derived results also under their own ids ("dpia", "art59", ...), for readers that want one.
    for result in data["verdicts"] + data["checklists"]:
        data.setdefault(result["id"], result)
    data["transparency_duties"] = [d for d in data["duties"] if d["group"] == "transparency"]
    return data
