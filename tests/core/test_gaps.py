"""Gaps (what to do or provide before applying) come and go with the answers; duties found by the
classification say whether a measure is stated; a pack whose results name things that do not
exist does not load."""

import pytest
import yaml

from forms.loader import PackError, load_pack
from risk_tiers.classify import classify

PLAN_DONE = {
    "plan.objectives": "Show that the triage model meets the accuracy requirement.",
    "plan.methodology": "Three stages, each ending in a review with the authority.",
    "plan.success_measures": "Sensitivity above 95% on the held-out clinic data.",
    "plan.risks": "Missed urgent cases; every output is checked by a nurse.",
    "plan.suspension_triggers": "Any missed urgent case found in review.",
    "plan.exit_strategy": "Pilot ends, data deleted, clinics return to the old process.",
}


def _gaps(pack, answers):
    return {g.id for g in classify(pack, answers).gaps}


@pytest.mark.parametrize("question, gap", [
    ("plan.exit_strategy", "plan.no_exit_strategy"),
    ("plan.objectives", "plan.no_objectives"),
    ("plan.suspension_triggers", "plan.no_suspension_triggers"),
    ("plan.risks", "plan.no_risks"),
])
def test_a_plan_gap_appears_while_its_answer_is_missing_and_goes_once_given(pack, question, gap):
    assert gap not in _gaps(pack, PLAN_DONE)
    without = {k: v for k, v in PLAN_DONE.items() if k != question}
    assert gap in _gaps(pack, without)


def test_every_gap_cites_a_provision_and_says_what_to_do(pack):
    for gap in classify(pack, {}).gaps:
        assert gap.text and gap.refs


def test_lawful_basis_gap_follows_each_stage_that_uses_personal_data(pack):
    answers = {"privacy.personal_data": "yes", "privacy.stages": ["training", "testing"],
               "privacy.basis_training": "consent"}
    assert "privacy.no_lawful_basis" in _gaps(pack, answers)
    assert "privacy.no_lawful_basis" in _gaps(pack, {**answers, "privacy.basis_testing": "undecided"})
    assert "privacy.no_lawful_basis" not in _gaps(pack, {**answers, "privacy.basis_testing": "contract"})


def test_dpia_gap_goes_once_the_dpia_is_done(pack):
    answers = {"privacy.personal_data": "yes", "privacy.art35_cases": ["public_monitoring"]}
    assert "privacy.dpia_missing" in _gaps(pack, answers)
    assert "privacy.dpia_missing" in _gaps(pack, {**answers, "privacy.dpia_done": "in_progress"})
    assert "privacy.dpia_missing" not in _gaps(pack, {**answers, "privacy.dpia_done": "done"})


def test_no_dpia_gap_when_a_dpia_is_only_recommended(pack):
    answers = {"privacy.personal_data": "yes", "privacy.art35_cases": ["none"],
               "privacy.dpia_criteria": ["innovative"], "privacy.dpia_done": "not_started"}
    assert "privacy.dpia_missing" not in _gaps(pack, answers)


def test_privacy_gaps_vanish_when_no_personal_data_is_used(pack):
    assert not {g for g in _gaps(pack, {"privacy.personal_data": "no"}) if g.startswith("privacy.")}


def test_real_world_testing_longer_than_six_months_is_a_gap_only_when_planned(pack):
    answers = {"plan.real_world": "yes", "plan.rwt_months": 9}
    assert "plan.rwt_too_long" in _gaps(pack, answers)
    assert "plan.rwt_too_long" not in _gaps(pack, {**answers, "plan.rwt_months": 6})
    assert "plan.rwt_too_long" not in _gaps(pack, {**answers, "plan.real_world": "no"})


def test_a_system_on_the_market_without_substantial_change_is_told_it_does_not_fit(pack):
    assert "applicant.not_eligible_stage" in _gaps(pack, {"applicant.stage": "on_market"})
    assert "applicant.not_eligible_stage" not in _gaps(pack, {"applicant.stage": "modification"})


@pytest.mark.parametrize("answers, value", [
    ({"applicant.eu_office": "yes", "applicant.staff": 40, "applicant.turnover_small": "yes"}, "priority_and_free"),
    ({"applicant.eu_office": "yes", "applicant.staff": 400, "applicant.turnover_small": "yes",
      "applicant.startup": "no"}, "standard"),
    ({"applicant.eu_office": "no", "applicant.staff": 40, "applicant.turnover_small": "yes"}, "standard"),
    ({"applicant.eu_office": "yes", "applicant.staff": 400, "applicant.turnover_small": "no",
      "applicant.startup": "yes"}, "priority_and_free"),
])
def test_sme_and_start_up_access(pack, answers, value):
    assert classify(pack, answers).verdict("sme_access").value == value


# --- the engine on a small pack, so duties can be tested whatever the shipped rules say ---------

SMALL_PACK = {
    "id": "small", "version": "1.0", "title": "Small", "law_current_to": "2026-01-01",
    "roles_question": "role.roles", "tier_order": ["transparency", "minimal"],
    "tiers": [{"tier": "transparency", "label": "T", "summary": "T"}, {"tier": "minimal", "label": "M", "summary": "M"}],
    "sections": [{"id": "s", "title": "S", "questions": [
        {"id": "role.roles", "kind": "multi_choice", "text": "Roles?",
         "options": [{"id": "provider", "label": "P"}, {"id": "deployer", "label": "D"}]},
        {"id": "s.chatbot", "kind": "yes_no", "text": "Chatbot?"},
        {"id": "s.how", "kind": "long_text", "text": "How do you tell people?", "show_if": {"rule": "s.art50_1"}},
    ]}],
    "rules": [{"id": "s.art50_1", "tier": "transparency", "refs": ["aiact.art50.1"], "when": {"q": "s.chatbot", "is": "yes"}}],
    "measures": [{"id": "art50_1", "rule": "s.art50_1", "question": "s.how", "text": "Tell people they talk to an AI",
                  "refs": ["aiact.art50.1"]}],
    "gaps": [{"id": "s.no_measure", "text": "Say how", "refs": ["aiact.art50.1"],
              "when": {"all": [{"rule": "s.art50_1"}, {"q": "s.how", "answered": False}]}}],
}


def _small(tmp_path, **changes):
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump({**SMALL_PACK, **changes}), encoding="utf-8")
    return load_pack(tmp_path)


def test_a_duty_found_says_whether_its_measure_is_stated(tmp_path):
    pack = _small(tmp_path)
    assert classify(pack, {"s.chatbot": "no", "s.how": "Banner"}).duties == ()
    open_duty = classify(pack, {"s.chatbot": "yes"})
    assert [(d.id, d.stated) for d in open_duty.duties] == [("art50_1", False)]
    assert [g.id for g in open_duty.gaps] == ["s.no_measure"]
    stated = classify(pack, {"s.chatbot": "yes", "s.how": "A banner above the chat."}, {"s.how": "Seen by the DPO"})
    assert [(d.stated, d.measure, d.note) for d in stated.duties] == [(True, "A banner above the chat.", "Seen by the DPO")]
    assert stated.gaps == ()


@pytest.mark.parametrize("changes, message", [
    ({"gaps": [{"id": "g", "text": "x", "refs": ["aiact.art999"], "when": {"q": "s.chatbot", "is": "yes"}}]},
     "not in the provisions list"),
    ({"gaps": [{"id": "g", "text": "x", "refs": ["aiact.art50.1"], "when": {"q": "s.nothing", "is": "yes"}}]},
     "names question 's.nothing'"),
    ({"measures": [{"id": "m", "rule": "s.missing", "question": "s.how", "text": "x", "refs": ["aiact.art50.1"]}]},
     "names rule 's.missing'"),
    ({"verdicts": [{"id": "v", "title": "V", "counts": "s.chatbot",
                    "outcomes": [{"value": "x", "when": {"q": "s.chatbot", "is": "yes"}, "reason": "r"}]}]},
     "not a multiple-choice question"),
    ({"checklists": [{"id": "c", "title": "C", "items": [
        {"id": "a", "text": "x", "refs": ["aiact.art59.1.a"], "met": {"q": "s.chatbot", "is": "maybe"}}]}]},
     "'maybe' is not an option"),
])
def test_a_pack_whose_results_name_unknown_things_does_not_load(tmp_path, changes, message):
    with pytest.raises(PackError, match=message):
        _small(tmp_path, **changes)
