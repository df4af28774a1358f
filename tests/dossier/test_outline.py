"""The dossier's outline, which the PDF and the HTML page both lay out: each answer quoted once in
the whole dossier, in the part the pack places its section in, the rest in the annex; each obligation
once; derived results in their parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.dossier.outline import PARTS, Group, Grounded, outline
from app.results.document import result_document
from app.storage.drafts import load_draft
from risk_tiers.classify import classify
from tests.dossier.sample import full_draft

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))


def _document(pack, draft):
    return result_document(pack, draft, classify(pack, draft.values(), draft.notes()))


def _quoted(found) -> list[str]:
    """Every question whose answer the outline quotes, in order, as often as it does (the risks'
    tables aside: they quote their questions as a whole, see TablePart.questions)."""
    pieces = (found.project + found.findings + found.excluded + found.requirements + found.data_protection
              + found.plan + found.annex + tuple(p for p in found.risks if isinstance(p, Group)))
    quoted = [a.question for a in found.summary + found.decision_path + found.tested]
    quoted += [a.question for answers in found.measures.values() for a in answers]
    for piece in pieces:
        answers = piece.answers if isinstance(piece, Group) else piece.grounds.answers
        quoted += [a.question for a in answers]
    return quoted


@pytest.mark.parametrize("draft", ["full"] + [p.stem for p in EXAMPLES])
def test_each_answer_is_quoted_once_and_none_is_lost(pack, draft):
    draft = full_draft(pack) if draft == "full" else load_draft(ROOT / "resources" / "examples" / f"{draft}.json")
    document = _document(pack, draft)
    found = outline(document)
    quoted = _quoted(found)
    # The tables' cells (their rows are the options chosen of a question the summary may name too).
    tables = {q for t in found.risks if not isinstance(t, Group) for q in t.questions if q != t.question}
    measures = {duty.question for duty in document.duties}  # quoted as the measures stated, at least
    assert len(quoted) == len(set(quoted))
    assert not set(quoted) & tables
    shown = {a.question for s in document.sections for a in s.answers}
    assert set(quoted) | tables | measures >= shown
    assert set(found.measures) == {duty.id for duty in document.duties}  # each duty shown once, with its measure


def test_sections_and_derived_results_stand_in_their_parts(pack):
    document = _document(pack, full_draft(pack))
    found = outline(document)
    parts = {s.id: s.part for s in document.sections}
    for name, allowed in (("project", {"project"}), ("data_protection", {"data_protection", "transparency"}),
                          ("plan", {"plan"})):
        groups = [p for p in getattr(found, name) if isinstance(p, Group)]
        assert groups and all(parts[g.id] in allowed for g in groups), name
    derived = {p.item.id: name for name in ("project", "data_protection", "plan")
               for p in getattr(found, name) if isinstance(p, Grounded)}
    assert derived == {d.id: d.part if d.part in ("project", "plan") else "data_protection" for d in document.derived}
    assert "plan" in derived.values()  # the Art 60 checklist
    # The jurisdictions (with several targeted) after the declaration, before the annexes.
    assert list(PARTS)[-4:] == ["declaration", "jurisdictions", "annex", "documents"]


def test_each_obligation_once_under_the_roles_it_falls_on(pack):
    document = _document(pack, load_draft(ROOT / "resources" / "examples" / "cv_screening.json"))
    grouped = outline(document).obligations
    assert sorted(o.id for _, duties in grouped for o in duties) == sorted(o.id for o in document.obligations) != []
    held = {role.id for role in document.roles}
    for roles, duties in grouped:
        assert all(set(roles) == set(o.roles) & held for o in duties)
