"""One result document: built once from (pack, draft, assessment), plain data, and what every output
prints. Asserted by ids and structure; the words come from the pack and the catalogue."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.results import report
from app.results.document import result_document
from app.storage.drafts import Answer, Draft, load_draft
from risk_tiers.classify import classify

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


def _document(pack, draft):
    return result_document(pack, draft, classify(pack, draft.values(), draft.notes()))


def _with(pack, draft: Draft, **answers) -> Draft:
    merged = {**draft.answers, **{qid.replace("__", "."): Answer(value=v) for qid, v in answers.items()}}
    return draft.model_copy(update={"answers": merged})


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_findings_are_split_once_into_those_that_apply_and_those_excluded(pack, name):
    draft = load_draft(EXAMPLES / name)
    assessment = classify(pack, draft.values(), draft.notes())
    document = result_document(pack, draft, assessment)
    assert [f.rule for f in document.findings] == [f.rule for f in assessment.findings if f.tier != "excluded"]
    assert [f.rule for f in document.excluded] == [f.rule for f in assessment.findings if f.tier == "excluded"]
    assert all(f.kind == "excluded" for f in document.excluded)
    assert [o.id for o in document.obligations] == [o.id for o in assessment.obligations]
    assert [g.id for g in document.gaps] == [g.id for g in assessment.gaps]
    assert [d.id for d in document.derived] == [v.id for v in assessment.verdicts] + [c.id for c in assessment.checklists]
    assert document.headline.certainty == "settled"
    assert document.completeness.complete


def test_the_headline_says_how_certain_it_is(pack):
    new = Draft.new(pack)
    assert _document(pack, new).headline.certainty == "not_assessed"
    assert _document(pack, new).headline.colour is None
    cv = load_draft(EXAMPLES / "cv_screening.json")
    unsure = _with(pack, cv, system__infers="unsure")
    document = _document(pack, unsure)
    assert document.headline.certainty == "possibly"
    assert "system.infers" in [q.id for q in document.headline.deciding]
    assert document.provisional
    assert [p.question for p in document.open_points if p.kind == "question"] == ["system.infers"]


def test_an_undecided_gap_names_its_questions_in_full_and_leaves_them_to_a_link_in_short(pack):
    cv = load_draft(EXAMPLES / "cv_screening.json")
    document = _document(pack, _with(pack, cv, plan__rwt_consent="unsure"))
    [gap] = [g for g in document.gaps if g.id == "plan.rwt_no_consent"]
    assert gap.undecided and gap.question == "plan.rwt_consent"
    assert gap.open_questions[0].text in gap.text and gap.open_questions[0].text not in gap.short_text


def test_answers_by_section_hold_every_question_answered_or_asked(pack):
    draft = load_draft(EXAMPLES / "cv_screening.json")
    document = _document(pack, draft)
    listed = {a.question for s in document.sections for a in s.answers}
    assert set(draft.answers) <= listed
    assert [s.id for s in document.sections] == [s.id for s in pack.sections]
    hidden = [a for s in document.sections for a in s.answers if not a.asked]
    assert all(a.question in draft.answers for a in hidden)  # kept because answered, not because asked


def test_the_report_prints_the_document(pack):
    draft = load_draft(EXAMPLES / "credit_scoring.json")
    document = _document(pack, draft)
    text = report.document_text(document)
    assert document.headline.label in text
    for part in document.findings + document.excluded + document.gaps:
        assert part.citations in text
    for derived in document.derived:
        assert derived.value_text in text


def test_the_document_needs_neither_qt_nor_reportlab():
    code = ("import sys\n"
            "from forms.loader import default_pack\n"
            "from app.results.document import result_document\n"
            "from app.storage.drafts import Draft\n"
            "from risk_tiers.classify import classify\n"
            "pack = default_pack(); draft = Draft.new(pack)\n"
            "document = result_document(pack, draft, classify(pack, {}))\n"
            "document.sections, document.completeness\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab', 'pypdf')]\n"
            "assert not bad, bad\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
