"""Data protection results: when a DPIA is needed and why, prior consultation, and whether the
Art 59 route for re-using personal data in the sandbox is open (and, if not, which condition fails)."""

import pytest

from risk_tiers.classify import classify

GDPR = {"privacy.personal_data": "yes", "privacy.regime": "gdpr"}
PERSONAL = {**GDPR, "privacy.art35_cases": ["none"]}

ART59_ALL_MET = {
    **GDPR,
    "privacy.reuse": "yes",
    "privacy.art59_area": "safety_health",
    "privacy.art59_necessary": "yes",
    "privacy.art59_monitoring": "yes",
    "privacy.art59_isolated": "yes",
    "privacy.art59_no_sharing": "yes",
    "privacy.art59_no_effects": "yes",
    "privacy.art59_deletion": "yes",
    "privacy.art59_logs": "yes",
    "privacy.art59_documentation": "yes",
    "privacy.art59_summary": "yes",
}
# Each Art 59(1) point, the question that asks it and an answer that fails it.
ART59_FAILING = {
    "a": ("privacy.art59_area", "none"),
    "b": ("privacy.art59_necessary", "no"),
    "c": ("privacy.art59_monitoring", "no"),
    "d": ("privacy.art59_isolated", "no"),
    "e": ("privacy.art59_no_sharing", "no"),
    "f": ("privacy.art59_no_effects", "no"),
    "g": ("privacy.art59_deletion", "no"),
    "h": ("privacy.art59_logs", "no"),
    "i": ("privacy.art59_documentation", "no"),
    "j": ("privacy.art59_summary", "no"),
}


def _dpia(pack, answers):
    return classify(pack, answers).verdict("dpia")


@pytest.mark.parametrize("criteria, value", [
    (["none"], "not_required"),
    (["innovative"], "recommended"),
    (["innovative", "scoring"], "required"),
    (["innovative", "scoring", "vulnerable", "large_scale"], "required"),
])
def test_dpia_follows_the_number_of_criteria(pack, criteria, value):
    dpia = _dpia(pack, {**PERSONAL, "privacy.dpia_criteria": criteria})
    assert dpia.value == value
    assert dpia.counted == tuple(c for c in criteria if c != "none")
    assert dpia.reason and dpia.refs


@pytest.mark.parametrize("case", ["profiling_decisions", "large_scale_sensitive", "public_monitoring"])
def test_each_art35_3_case_requires_a_dpia_whatever_the_criteria(pack, case):
    dpia = _dpia(pack, {**PERSONAL, "privacy.art35_cases": [case], "privacy.dpia_criteria": ["none"]})
    assert dpia.value == "required"
    assert "gdpr.art35.3" in dpia.refs


def test_no_personal_data_means_no_dpia_question_at_all(pack):
    assert _dpia(pack, {"privacy.personal_data": "no"}).value == "not_applicable"


def test_dpia_stays_open_while_an_earlier_test_could_still_require_it(pack):
    # One criterion would make it "recommended", but the always-required cases are unanswered.
    dpia = _dpia(pack, {**GDPR, "privacy.dpia_criteria": ["innovative"]})
    assert dpia.value == "unknown"
    assert "privacy.art35_cases" in dpia.open_questions


def test_unsure_about_personal_data_leaves_the_dpia_open(pack):
    assert _dpia(pack, {"privacy.personal_data": "unsure"}).value == "unknown"


@pytest.mark.parametrize("residual, value", [("yes", "required"), ("no", "not_required"), ("unsure", "unknown")])
def test_prior_consultation_follows_residual_high_risk(pack, residual, value):
    result = classify(pack, {**GDPR, "privacy.residual_high_risk": residual})
    assert result.verdict("prior_consultation").value == value
    gaps = {g.id: g.status for g in result.gaps}
    # Unsure is a gap still to settle, never "no consultation needed".
    assert gaps.get("privacy.prior_consultation") == {"required": "open", "unknown": "undecided"}.get(value)


def test_art59_all_conditions_met_is_eligible(pack):
    result = classify(pack, ART59_ALL_MET)
    assert result.checklist("art59").status == "met"
    assert "privacy.art59_unmet" not in {g.id for g in result.gaps}


@pytest.mark.parametrize("point", sorted(ART59_FAILING))
def test_each_unmet_art59_condition_is_named_with_its_provision(pack, point):
    question, failing = ART59_FAILING[point]
    result = classify(pack, {**ART59_ALL_MET, question: failing})
    art59 = result.checklist("art59")
    assert art59.status == "not_met"
    assert [entry.id for entry in art59.unmet] == [point]
    assert art59.unmet[0].refs == (f"aiact.art59.1.{point}",)
    assert "privacy.art59_unmet" in {g.id for g in result.gaps}


def test_art59_unanswered_conditions_are_open_not_unmet(pack):
    answers = {k: v for k, v in ART59_ALL_MET.items() if k != "privacy.art59_logs"}
    art59 = classify(pack, answers).checklist("art59")
    assert art59.status == "unknown"
    assert not art59.unmet
    assert [(e.id, e.questions) for e in art59.open] == [("h", ("privacy.art59_logs",))]


def test_art59_does_not_apply_without_reuse(pack):
    result = classify(pack, {**GDPR, "privacy.reuse": "no", "privacy.art59_logs": "no"})
    assert result.checklist("art59").status == "not_applicable"
    assert "privacy.art59_unmet" not in {g.id for g in result.gaps}


def test_art59_waits_for_the_reuse_answer_before_listing_its_conditions(pack):
    art59 = classify(pack, GDPR).checklist("art59")
    assert art59.status == "unknown"
    assert art59.open_questions == ("privacy.reuse",)
    assert not art59.open and not art59.unmet


# --- which data-protection law applies ---------------------------------------------------------

def test_until_the_law_is_known_the_dpia_waits_for_it(pack):
    dpia = _dpia(pack, {"privacy.personal_data": "yes", "privacy.art35_cases": ["none"],
                        "privacy.dpia_criteria": ["none"]})
    assert dpia.value == "unknown"
    assert "privacy.regime" in dpia.open_questions


@pytest.mark.parametrize("regime, refs", [("gdpr", {"gdpr.art35.3"}), ("journalism", {"gdpr.art35.3"}),
                                          ("law_enforcement", {"led.art27"})])
def test_a_required_dpia_cites_the_law_that_applies(pack, regime, refs):
    dpia = _dpia(pack, {**PERSONAL, "privacy.regime": regime, "privacy.art35_cases": ["public_monitoring"]})
    assert dpia.value == "required"
    assert refs <= set(dpia.refs)
    assert not ({"gdpr.art35.3", "led.art27"} - refs) & set(dpia.refs)


def test_prior_consultation_under_the_law_enforcement_directive_cites_it(pack):
    result = classify(pack, {**GDPR, "privacy.regime": "law_enforcement", "privacy.residual_high_risk": "yes"})
    consultation = result.verdict("prior_consultation")
    assert consultation.value == "required" and consultation.refs == ("led.art28",)


def test_a_household_answer_ends_the_data_protection_questions(pack):
    from forms.evaluation import Evaluation

    answers = {"privacy.personal_data": "yes", "privacy.regime": "household"}
    visible = [q for q in Evaluation(pack, answers).visible_questions if q.startswith("privacy.")]
    assert visible == ["privacy.personal_data", "privacy.regime"]
    result = classify(pack, answers)
    assert result.checklist("art59").status == "not_applicable"
    assert not [g for g in result.gaps if g.id.startswith("privacy.")]

