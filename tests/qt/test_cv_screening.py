"""A CV-screening tool answered through the wizard turns the result to high-risk, citing Annex III
point 4(a) (recruitment and selection)."""

from __future__ import annotations

import pytest

from forms.citations import label
from tests.qt.conftest import answer

# A company develops a tool that ranks job applications for recruiters and sells it under its name.
CV_SCREENING = {
    "system.offering": "system",
    "system.infers": "yes",
    "system.autonomy": "yes",
    "system.purpose": "Ranks applicants' CVs for recruiters.",
    "role.roles": ["provider"],
    "annex3.employment.recruitment": "yes",
}


def test_answering_a_cv_screening_case_turns_the_result_to_high_risk(qtbot, window, pack):
    questions = {q.id: s for s in pack.sections for q in s.questions}
    missing = [qid for qid in CV_SCREENING if qid not in questions]
    if missing:
        pytest.skip(f"the pack does not ask {missing} yet")
    order = {s.id: n for n, s in enumerate(pack.sections)}
    for qid in sorted(CV_SCREENING, key=lambda q: order[questions[q].id]):  # in the order asked
        answer(qtbot, window, qid, CV_SCREENING[qid])
    result = window.wizard.result
    high = next(t.label for t in pack.tiers if t.tier.value == "high_risk")
    assert result.tier.text() == high
    assert label("aiact.annex3.4.a") in result.text()
    assert "aiact.annex3.4.a" in window.session.assessment.applying_refs()
