"""The result document as plain text, and the assessment as JSON, for the command line.

They only read the document and the core's objects: nothing here decides anything about the law.
"""

from __future__ import annotations

from typing import Any

from app.results.document import Answer, DerivedPart, DutyPart, FindingPart, ObligationPart, ResultDocument
from catalogue import table
from catalogue.formats import format_date
from forms.citations import label
from risk_tiers import texts
from risk_tiers.assessment import Assessment

TEXT = table("report")


def document_text(document: ResultDocument) -> str:
    lines = [TEXT["track"].format(track=document.primary_track, status=document.headline.label)]
    lines += [TEXT["track"].format(track=track.label, status=track.status) for track in document.tracks]
    if document.roles:
        lines.append(TEXT["roles"].format(roles=", ".join(role.name for role in document.roles)))
    lines.append(TEXT["law"].format(date=format_date(document.law_current_to), note=document.law_note))
    lines += _section(TEXT["findings"], [_finding_lines(f, document) for f in document.findings])
    if document.excluded:
        lines += _section(TEXT["excluded"], [_finding_lines(f, document) for f in document.excluded])
    lines += _section(TEXT["obligations"], [obligation_lines(o) for o in document.obligations])
    lines += _section(TEXT["open_points"], [[f"- {point.text}"] for point in document.open_points])
    lines += _section(TEXT["results"], [_derived_lines(d) for d in document.derived])
    lines += _section(TEXT["duties"], [_duty_lines(d) for d in document.duties])
    lines += _section(TEXT["gaps"], [[f"- {g.text} ({g.citations})"] + _because_lines(g.because)
                                     for g in document.gaps])
    return "\n".join(lines)


def _section(title: str, entries: list[list[str]]) -> list[str]:
    lines = ["", title]
    for entry in entries:
        lines.extend(entry)
    return lines if entries else lines + [TEXT["none"]]


def _because_lines(because: tuple[Answer, ...]) -> list[str]:
    """One line per answer behind a result, each followed by the applicant's note on it."""
    lines = []
    for answer in because:
        lines.append("  " + texts.BECAUSE.format(answer=answer.value, question=answer.text))
        if answer.note:
            lines.append("  " + TEXT["note"].format(note=answer.note))
    return lines


def _duty_lines(duty: DutyPart) -> list[str]:
    """A duty, whether its measure is stated, how far it is and whether the sandbox tests it."""
    lines = [TEXT["duty_stated" if duty.stated else "duty_missing"].format(text=duty.text, refs=duty.citations)]
    if duty.status_text:
        lines.append(TEXT["duty_status"].format(status=duty.status_text))
    if duty.tested:
        lines.append(TEXT["duty_tested"])
    return lines


def _finding_lines(finding: FindingPart, document: ResultDocument) -> list[str]:
    # The outcome a finding grounds, in the pack's words (its id is for programs: --json).
    outcome = document.outcome_label(finding.kind)
    head = f"- [{outcome}] {finding.citations}" if outcome else f"- {finding.citations}"
    lines = [head, f"  {finding.reason}", *_because_lines(finding.because)]
    if finding.caveat:
        lines.append(TEXT["caveat"].format(caveat=finding.caveat))
    return lines


def obligation_lines(obligation: ObligationPart) -> list[str]:
    when = ""
    if obligation.applies_from:
        when = TEXT["from"].format(date=format_date(obligation.applies_from))
        when += "" if obligation.verified else TEXT["unverified"]
    return [f"- {obligation.text} ({obligation.citations}; {when or '-'})"]


def _derived_lines(derived: DerivedPart) -> list[str]:
    if derived.kind == "checklist":
        lines = [TEXT["checklist"].format(title=derived.title, status=derived.value_text)]
        lines += [TEXT["unmet"].format(text=e.text, refs=e.citations) for e in derived.unmet]
        lines += [TEXT["open_item"].format(text=e.text, refs=e.citations) for e in derived.open]
    else:
        lines = [TEXT["verdict"].format(title=derived.title, value=derived.value_text)]
        if derived.reason:
            lines.append(f"  {derived.reason} ({derived.citations})")
        if derived.counted:
            lines.append(TEXT["counted"].format(items="; ".join(derived.counted)))
        lines += _because_lines(derived.because)
    if derived.open_questions:
        quoted = texts.LIST_SEPARATOR.join(texts.QUOTED.format(text=q.text) for q in derived.open_questions)
        lines.append(TEXT["open"].format(items=quoted))
    return lines


def assessment_json(document: ResultDocument, assessment: Assessment) -> dict[str, Any]:
    data = assessment.model_dump(mode="json")
    # Each track's outcome also under the track's id ("tier", "gpai"), and what the headline's
    # track could still be, as readers of earlier versions found them.
    for track in assessment.tracks:
        data[track.track] = track.outcome
    data["could_be"] = list(assessment.could_be)
    data["deciding"] = list(assessment.deciding)
    data["tier_label"] = document.headline.label
    for item in data["findings"] + data["gaps"] + data["duties"]:
        item["labels"] = [label(ref) for ref in item["refs"]]
    # The derived results also under their own ids ("dpia", "art59", ...), for readers that want one.
    for result in data["verdicts"] + data["checklists"]:
        data.setdefault(result["id"], result)
    data["transparency_duties"] = [d for d in data["duties"] if d["group"] == "transparency"]
    return data
