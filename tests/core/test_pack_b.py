"""Pack B (Annex III, Art 6(3) derogation, Art 50 transparency): what the golden cases cannot
state, such as roles gained, caveats, reasons, the order of questions and what a start-up is asked."""

import pytest

from forms.evaluation import Evaluation
from risk_tiers.classify import classify

AI_SYSTEM = {"system.offering": "system", "system.infers": "yes", "system.autonomy": "yes",
             "system.purpose": "Test system.", "scope.territory": ["established_eu"], "role.roles": ["provider"]}
CV_SCREENING = {**AI_SYSTEM, "annex3.areas": ["employment"], "annex3.employment": ["recruitment"]}
DEROGATED = {**CV_SCREENING, "derogation.profiling": "no", "derogation.conditions": ["a"],
             "derogation.no_significant_risk": "yes"}


def _finding(result, rule_id):
    return next(f for f in result.findings if f.rule == rule_id)


def test_deployer_repurposing_a_chatbot_for_cv_screening_becomes_its_provider(pack):
    answers = {**CV_SCREENING, "role.roles": ["deployer"], "role.repurposes": "yes",
               "derogation.profiling": "yes"}
    result = classify(pack, answers)
    assert result.outcome("tier") == "high_risk"
    assert {"deployer", "provider"} <= set(result.roles)


def test_deployer_who_keeps_the_intended_purpose_stays_a_deployer(pack):
    answers = {**CV_SCREENING, "role.roles": ["deployer"], "role.rebrands": "no", "role.modifies": "no",
               "role.repurposes": "no", "derogation.profiling": "yes"}
    assert classify(pack, answers).roles == ("deployer",)


@pytest.mark.parametrize("question, rule", [("role.rebrands", "role.provider_by_rebranding"),
                                            ("role.modifies", "role.provider_by_modification")])
def test_rebranding_or_modifying_a_high_risk_system_makes_a_distributor_its_provider(pack, question, rule):
    answers = {**CV_SCREENING, "role.roles": ["distributor"], question: "yes", "derogation.profiling": "yes"}
    result = classify(pack, answers)
    assert rule in {f.rule for f in result.findings}
    assert "provider" in result.roles


def test_rebranding_a_system_that_is_not_high_risk_grants_no_provider_role(pack):
    answers = {**AI_SYSTEM, "role.roles": ["distributor"], "role.rebrands": "yes", "annex3.areas": ["none"]}
    assert "provider" not in classify(pack, answers).roles


@pytest.mark.parametrize("answers, rule", [
    ({"prohibited.practices": ["none"], "annex3.areas": ["biometrics"], "annex3.biometric_id": "identification",
      "annex3.remote": "yes"}, "annex3.point1a"),
    ({"annex3.areas": ["law_enforcement"], "annex3.law_enforcement": ["evidence"], "annex3.lea_authority": "yes"},
     "annex3.point6c"),
    ({"annex3.areas": ["migration"], "annex3.migration": ["risk"], "annex3.migration_authority": "yes"},
     "annex3.point7b"),
])
def test_points_1_6_and_7_warn_that_the_use_must_be_permitted_by_law(pack, answers, rule):
    result = classify(pack, {**AI_SYSTEM, **answers, "derogation.profiling": "yes"})
    assert "permits" in _finding(result, rule).caveat


def test_derogated_finding_names_the_point_and_condition_and_says_to_document_and_register(pack):
    result = classify(pack, DEROGATED)
    point = _finding(result, "derogation.point4a")
    condition = _finding(result, "derogation.condition_a")
    assert point.tier == condition.tier == "derogated"
    assert "Annex III point 4(a), derogated under Art. 6(3)" in point.reason
    assert "Art. 6(3)(a)" in condition.reason and "register" in condition.reason
    assert not result.findings_of("high_risk")


def test_derogated_system_keeps_documentation_and_registration_duties(pack):
    if "derogation.register" not in {o.id for o in pack.obligations}:
        pytest.skip("the Art 6(4) and Art 49(2) duties wait for the annex3_high_risk date in dates.yaml")
    ids = {o.id for o in classify(pack, DEROGATED).obligations}
    assert {"derogation.document_assessment", "derogation.register"} <= ids


def test_profiling_is_asked_before_any_derogation_condition(pack):
    section = next(s for s in pack.sections if s.id == "derogation")
    assert section.questions[0].id == "derogation.profiling"


def test_a_start_up_outside_the_listed_areas_answers_one_high_risk_question(pack):
    evaluation = Evaluation(pack, {**AI_SYSTEM, "annex3.areas": ["none"]})
    visible = [q for q in evaluation.visible_questions if q.startswith(("annex3.", "derogation."))]
    assert visible == ["annex3.areas"]


def test_only_the_chosen_area_asks_its_sub_points(pack):
    evaluation = Evaluation(pack, {**AI_SYSTEM, "annex3.areas": ["employment"]})
    visible = {q for q in evaluation.visible_questions if q.startswith("annex3.")}
    assert visible == {"annex3.areas", "annex3.employment"}


def test_sub_point_answers_left_behind_when_an_area_is_unticked_are_ignored(pack):
    answers = {**CV_SCREENING, "annex3.areas": ["none"], "derogation.profiling": "yes"}
    assert classify(pack, answers).outcome("tier") == "minimal"


def test_satirical_deep_fake_keeps_a_limited_duty_with_a_caveat(pack):
    answers = {**AI_SYSTEM, "role.roles": ["deployer"], "annex3.areas": ["none"], "transparency.deep_fake": "yes",
               "transparency.creative": "yes", "transparency.crime_law": "no"}
    assert "limited, not removed" in _finding(classify(pack, answers), "transparency.art50_4_creative").caveat


def test_unanswered_transparency_leaves_the_chatbot_duty_open_not_denied(pack):
    answers = {**AI_SYSTEM, "annex3.areas": ["none"], "transparency.interacts": "yes"}
    result = classify(pack, answers)
    assert "transparency.obvious" in {p.question for p in result.open_points}
    assert result.outcome("tier") == "minimal"


def test_derogated_system_duties_apply_from_the_annex_iii_date(pack):
    duties = {o.id: o for o in classify(pack, DEROGATED).obligations}
    assert duties["derogation.register"].refs == ("aiact.art49.2", "aiact.art6.4")
    assert duties["derogation.document_assessment"].applies_from is not None


@pytest.mark.parametrize("placed_before, date", [("no", "2026-08-02"), ("yes", "2026-12-02")])
def test_marking_duty_is_dated_later_for_generators_already_on_the_market(pack, placed_before, date):
    answers = {**AI_SYSTEM, "applicant.stage": "on_market", "annex3.areas": ["none"],
               "transparency.generates": ["image"], "transparency.assistive_only": "no",
               "transparency.crime_law": "no", "transparency.placed_before": placed_before}
    duties = {o.id: o for o in classify(pack, answers).obligations}
    assert duties["transparency.mark_outputs"].applies_from.isoformat() == date


def test_emotion_recognition_duty_falls_on_the_deployer_not_the_provider(pack):
    answers = {**AI_SYSTEM, "annex3.areas": ["none"], "prohibited.emotion.infers": "yes",
               "prohibited.emotion.biometric": "yes", "prohibited.emotion.context": ["other"],
               "transparency.crime_law": "no", "derogation.profiling": "yes"}
    provider = {o.id for o in classify(pack, answers).obligations}
    deployer = {o.id for o in classify(pack, {**answers, "role.roles": ["deployer"]}).obligations}
    assert "transparency.inform_exposed_people" in deployer - provider


@pytest.mark.parametrize("practice, settled_there, asked_again", [
    ("remote_identification", "prohibited.rbi.remote", "annex3.remote"),
    ("biometric_categorisation", "prohibited.categorisation.ancillary", "annex3.categorisation"),
])
def test_a_definition_settled_among_the_banned_practices_is_not_asked_again_under_annex_iii(
        pack, practice, settled_there, asked_again):
    """Asked twice, two answers could contradict each other; each is asked on one path only."""
    answers = {**AI_SYSTEM, "annex3.areas": ["biometrics"], "annex3.biometric_id": "identification"}
    ticked = Evaluation(pack, {**answers, "prohibited.practices": [practice]})
    assert ticked.is_visible(settled_there) and not ticked.is_visible(asked_again)
    not_ticked = Evaluation(pack, {**answers, "prohibited.practices": ["none"]})
    assert not not_ticked.is_visible(settled_there) and not_ticked.is_visible(asked_again)
